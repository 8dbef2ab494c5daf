"""An s3:// inbox on an S3-compatible store other than AWS (moto's server on a local port, as a team's MinIO would
be), configured as the README tells a user (the endpoint in fsspec's FSSPEC_S3, the credentials as AWS_*): it stages
the same rows as a folder with the same files, nothing twice, keys under nested prefixes and past one listing page,
folder markers as folders, objects that change or appear between runs; a missing bucket, a wrong secret or an
unreachable endpoint is one line, before anything is staged."""

from __future__ import annotations

import socket
from pathlib import Path

import fsspec.config
import pytest

from newsfacts.records import Known
from newsfacts.stage.inbox import check_inbox, stage_inbox
from newsfacts.stage.remote import InboxError, discover, filesystem

pytestmark = pytest.mark.unit
LIMIT = 200_000
CHANGED = "file changed while being read; it will be staged again on the next run"


@pytest.fixture
def s3(s3_store, monkeypatch):
    """The user's environment in this process: fsspec read FSSPEC_S3 when it was imported, so its config is read
    again from the environment set here; s3fs's cached filesystems (made with other credentials) are dropped."""
    import s3fs

    for name, value in s3_store.env.items():
        monkeypatch.setenv(name, value)
    conf: dict = {}
    fsspec.config.set_conf_env(conf)
    monkeypatch.setattr(fsspec.config, "conf", conf)
    s3fs.S3FileSystem.clear_instance_cache()
    yield s3_store
    s3fs.S3FileSystem.clear_instance_cache()


def _rows(result):
    return [(r.path, r.sha256, r.bytes, r.status, r.reason, r.encoding, Path(r.stored_path).name if r.stored_path
             else None) for r in result.rows]


def _known(*results) -> Known:
    rows = [r for result in results for r in result.rows]
    return Known(recorded={(r.path, r.sha256) for r in rows}, stored={r.sha256: r.path for r in rows
                                                                      if r.status == "staged"})


def test_the_sample_inbox_in_a_bucket_stages_as_the_folder_does_and_once(s3, inbox, tmp_path):
    url = s3.bucket(inbox)
    check_inbox(url)
    remote = stage_inbox(url, tmp_path / "raw-s3", "run-1", Known(), LIMIT)
    local = stage_inbox(inbox, tmp_path / "raw-local", "run-1", Known(), LIMIT)
    assert remote.files_seen == local.files_seen == 5
    assert _rows(remote) == _rows(local)
    assert [r.status for r in remote.rows] == ["staged"] * 5
    again = stage_inbox(url, tmp_path / "raw-s3", "run-2", _known(remote), LIMIT)
    assert (again.files_seen, again.rows) == (5, [])


def test_keys_under_nested_prefixes_are_staged_with_their_path_below_the_url(s3, inbox, tmp_path):
    url = s3.bucket(inbox, prefix="feeds/2026/12")
    seed = sorted(inbox.iterdir())[1]
    s3.put(f"{url}/wires/ap/deep/copy.txt", seed.read_bytes())
    s3.put(f"{url}/wires/ap/deep/new.txt", b"A wire report from deep below, not seen anywhere else.\n")
    s3.put(f"{url}/wires/afp/d\u00e9p\u00eache du jour.txt", b"Une d\xc3\xa9p\xc3\xaache: the minister spoke.\n")
    result = stage_inbox(url, tmp_path / "raw", "run-1", Known(), LIMIT)
    assert result.files_seen == 8
    statuses = {r.path: (r.status, r.reason) for r in result.rows}
    assert statuses["wires/ap/deep/copy.txt"] == ("duplicate", f"same content as {seed.name}")
    assert statuses["wires/ap/deep/new.txt"] == ("staged", None)
    assert statuses["wires/afp/d\u00e9p\u00eache du jour.txt"] == ("staged", None)
    assert check_inbox(url.rsplit("/", 1)[0]) is None  # a prefix above it is an inbox too
    again = stage_inbox(f"{url}/", tmp_path / "raw", "run-2", _known(result), LIMIT)  # a trailing slash: the same
    assert (again.files_seen, again.rows) == (8, [])


def test_the_endpoint_may_be_given_as_botocore_reads_it_too(s3, inbox, monkeypatch):
    """AWS_ENDPOINT_URL, which every AWS SDK reads, instead of fsspec's FSSPEC_S3."""
    import s3fs

    url = s3.bucket(inbox)
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3.endpoint)
    monkeypatch.setattr(fsspec.config, "conf", {})
    s3fs.S3FileSystem.clear_instance_cache()
    check_inbox(url)
    assert len(list(discover(*filesystem(url)))) == 5


def test_a_listing_past_one_page_finds_every_key(s3, tmp_path):
    """S3 lists 1,000 keys a page: the rest come only by following the continuation."""
    url = s3.bucket()
    s3.put_many(url, {f"bulk/{i // 100:02d}/{i:04d}.txt": b"x" for i in range(2_345)})
    fs, root = filesystem(url)
    assert [rel for rel, _ in discover(fs, root)] == [f"bulk/{i // 100:02d}/{i:04d}.txt" for i in range(2_345)]


def test_folder_markers_are_folders_not_empty_files(s3, inbox, tmp_path):
    """A store's console (and MinIO's) makes a folder as an empty key ending in "/": the prefix itself too."""
    url = s3.bucket(inbox)
    s3.put(f"{url}/", b"")
    s3.put(f"{url}/later/", b"")
    s3.put(f"{url}/later/note.txt", b"A later note from the desk, filed after the rest.\n")
    result = stage_inbox(url, tmp_path / "raw", "run-1", Known(), LIMIT)
    assert result.files_seen == 6
    assert sorted(r.path for r in result.rows) == sorted([p.name for p in inbox.iterdir()] + ["later/note.txt"])
    assert {r.status for r in result.rows} == {"staged"}


def test_an_object_put_by_someone_else_after_a_run_is_staged_by_the_next_in_the_same_process(s3, inbox, tmp_path):
    """A notebook (run_pipeline twice) stages again in one process: s3fs's cached listing must not hide what
    arrived since."""
    url = s3.bucket(inbox)
    first = stage_inbox(url, tmp_path / "raw", "run-1", Known(), LIMIT)
    s3.put(f"{url}/later.txt", b"A later report, filed after the first run.\n")
    later = stage_inbox(url, tmp_path / "raw", "run-2", _known(first), LIMIT)
    assert [(r.path, r.status, r.reason) for r in later.rows] == [("later.txt", "staged", None)]


def test_objects_replaced_or_deleted_between_list_and_read_are_said_so_and_the_next_run_stages_them(
        s3, inbox, tmp_path, monkeypatch):
    """s3fs reads the listed version (its ETag): a replaced object is refused (412) rather than read half old."""
    from newsfacts.stage import remote

    url = s3.bucket(inbox)
    replaced, deleted = sorted(p.name for p in inbox.iterdir())[:2]
    listing = remote.discover

    def changed_after_listing(fs, root):
        found = list(listing(fs, root))
        s3.put(f"{url}/{replaced}", b"Rewritten after the listing, before the read.\n")
        s3.delete(f"{url}/{deleted}")
        return iter(found)

    monkeypatch.setattr(remote, "discover", changed_after_listing)
    result = stage_inbox(url, tmp_path / "raw", "run-1", Known(), LIMIT)
    statuses = {r.path: (r.status, r.reason) for r in result.rows}
    assert statuses[replaced] == ("rejected", CHANGED)
    assert statuses[deleted] == ("rejected", "file vanished before it could be read")
    monkeypatch.setattr(remote, "discover", listing)
    again = stage_inbox(url, tmp_path / "raw", "run-2", _known(result), LIMIT)
    assert [(r.path, r.status) for r in again.rows] == [(replaced, "staged")]


def test_a_missing_bucket_or_prefix_says_which(s3, inbox):
    url = s3.bucket(inbox)
    bucket = url.removeprefix("s3://").split("/")[0]
    with pytest.raises(FileNotFoundError, match=rf"^inbox s3://{bucket}/nothing does not exist$"):
        check_inbox(f"s3://{bucket}/nothing")
    with pytest.raises(FileNotFoundError, match=r"^inbox s3://no-such-bucket-here/inbox does not exist: there is no "
                                                r"bucket no-such-bucket-here$"):
        check_inbox("s3://no-such-bucket-here/inbox")


@pytest.mark.parametrize("env, said", [
    ({"AWS_SECRET_ACCESS_KEY": "wrong"}, "The request signature we calculated does not match"),
    ({"AWS_ACCESS_KEY_ID": "AKIANOSUCHKEY"}, "The AWS Access Key Id you provided does not exist"),
    ({"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None}, "Unable to locate credentials"),
    ({"FSSPEC_S3": '{"endpoint_url": "http://127.0.0.1:9", "config_kwargs": {"retries": {"max_attempts": 1}}}'},
     "Could not connect to the endpoint URL"),  # one attempt: botocore's five take ~12 s
])
def test_wrong_credentials_or_an_unreachable_endpoint_fail_in_one_line(s3, inbox, monkeypatch, env, said):
    import s3fs

    url = s3.bucket(inbox)
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name)
        else:
            monkeypatch.setenv(name, value)
    conf: dict = {}
    fsspec.config.set_conf_env(conf)
    monkeypatch.setattr(fsspec.config, "conf", conf)
    s3fs.S3FileSystem.clear_instance_cache()
    with pytest.raises(InboxError, match=rf"^inbox {url} cannot be listed: .*{said}") as failed:
        check_inbox(url)
    assert "\n" not in str(failed.value)


def test_a_store_that_stops_answering_while_staging_stops_the_run_in_one_line(s3, inbox, tmp_path, monkeypatch):
    """Not every file left rejected as unreadable: botocore gives up (after its retries) with its own error."""
    import s3fs
    from moto.server import ThreadedMotoServer

    from newsfacts.stage import remote

    url = s3.bucket(inbox)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    going = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)  # the same store, another door
    going.start()
    monkeypatch.setattr(fsspec.config, "conf", {"s3": {"endpoint_url": f"http://127.0.0.1:{port}",
                                                       "config_kwargs": {"retries": {"max_attempts": 1}}}})
    s3fs.S3FileSystem.clear_instance_cache()
    listing = remote.discover

    def gone_after_listing(fs, root):
        found = list(listing(fs, root))
        going.stop()
        return iter(found)

    monkeypatch.setattr(remote, "discover", gone_after_listing)
    with pytest.raises(InboxError, match=rf"^inbox {url} stopped answering while 000_\w+\.txt was read: "
                                         r"EndpointConnectionError: Could not connect to the endpoint URL") as stopped:
        stage_inbox(url, tmp_path / "raw", "run-1", Known(), LIMIT)
    assert "\n" not in str(stopped.value)
