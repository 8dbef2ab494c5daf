"""An inbox given as an fsspec URL stages exactly as a local folder with the same files: every file accounted for
(loaded, duplicate or rejected with the same reason), content stored once, nothing staged twice across runs. Run
here on fsspec's in-memory filesystem (memory://), which needs no package and no network."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import fsspec
import pytest

from newsfacts.cli import main
from newsfacts.config import Settings, inbox_location, is_url
from newsfacts.records import Known
from newsfacts.stage.inbox import check_inbox, stage_inbox
from newsfacts.stage.remote import InboxError

pytestmark = pytest.mark.unit
LIMIT = 200_000


@pytest.fixture
def bucket(inbox):
    """memory://<unique>/inbox holding the sample inbox plus the awkward cases, and a local folder with the same."""
    extra = {"nested/deeper/copy.txt": (inbox / sorted(p.name for p in inbox.iterdir())[0]).read_bytes(),
             "empty.txt": b"", "binary.bin": bytes(range(256)) * 4, "large.txt": b"word " * 50_000,
             "nested/cp1252.txt": "Caf\xe9 au lait, na\xefve r\xe9sum\xe9 \u2014 the minister said.".encode("cp1252")}
    for name, data in extra.items():
        (inbox / name).parent.mkdir(parents=True, exist_ok=True)
        (inbox / name).write_bytes(data)
    url = f"memory://{uuid.uuid4().hex}/inbox"
    fs = fsspec.filesystem("memory")
    for path in inbox.rglob("*"):
        if path.is_file():
            fs.pipe(f"{url}/{path.relative_to(inbox).as_posix()}", path.read_bytes())
    yield url, inbox
    fs.rm(url.rsplit("/", 1)[0], recursive=True)


def _rows(result):
    return [(r.path, r.sha256, r.bytes, r.status, r.reason, r.encoding, Path(r.stored_path).name if r.stored_path
             else None) for r in result.rows]


def test_a_memory_url_stages_the_same_rows_as_a_folder_with_the_same_files(bucket, tmp_path):
    url, folder = bucket
    remote = stage_inbox(url, tmp_path / "raw-remote", "run-1", Known(), LIMIT)
    local = stage_inbox(folder, tmp_path / "raw-local", "run-1", Known(), LIMIT)
    assert remote.files_seen == local.files_seen == 10
    assert _rows(remote) == _rows(local)
    statuses = {r.path: (r.status, r.reason) for r in remote.rows}
    assert statuses["empty.txt"][0] == statuses["binary.bin"][0] == "rejected"
    assert statuses["large.txt"] == ("rejected", "file too large: 250,000 bytes (limit 200,000)")
    assert statuses["nested/deeper/copy.txt"][0] == "duplicate"
    assert [r.encoding for r in remote.rows if r.path == "nested/cp1252.txt"] == ["cp1252"]
    for row in remote.new_files:  # stored once, under its hash, with the bucket's bytes
        assert Path(row.stored_path).read_bytes() == fsspec.filesystem("memory").cat(f"{url}/{row.path}")


def test_staging_a_url_again_adds_nothing_and_new_content_is_staged(bucket, tmp_path):
    url, _ = bucket
    first = stage_inbox(url, tmp_path / "raw", "run-1", Known(), LIMIT)
    known = Known(recorded={(r.path, r.sha256) for r in first.rows},
                  stored={r.sha256: r.path for r in first.new_files})
    again = stage_inbox(url, tmp_path / "raw", "run-2", known, LIMIT)
    assert (again.files_seen, again.rows) == (first.files_seen, [])
    fsspec.filesystem("memory").pipe(f"{url}/later.txt", b"A later report, filed after the first run.\n")
    later = stage_inbox(url, tmp_path / "raw", "run-3", known, LIMIT)
    assert [(r.path, r.status) for r in later.rows] == [("later.txt", "staged")]


def test_a_url_that_is_no_folder_is_said_to_not_exist_or_to_not_be_a_folder(bucket):
    url, _ = bucket
    check_inbox(url)
    with pytest.raises(FileNotFoundError, match=r"^inbox memory://\S+/nothing does not exist$"):
        check_inbox(url.replace("/inbox", "/nothing"))
    with pytest.raises(NotADirectoryError, match="is not a folder"):
        check_inbox(f"{url}/empty.txt")


def test_a_protocol_whose_package_is_missing_says_what_to_install(tmp_path, capsys, monkeypatch):
    from fsspec.registry import _registry

    monkeypatch.setitem(sys.modules, "s3fs", None)  # s3fs is installed for the tests (tests/stage/test_s3_inbox.py)
    monkeypatch.delitem(_registry, "s3", raising=False)
    with pytest.raises(InboxError) as missing:
        check_inbox("s3://bucket/inbox")
    assert str(missing.value) == ("inbox s3://bucket/inbox: reading s3:// needs the package s3fs, not installed here: "
                                  "pip install s3fs (in the environment that runs newsfacts; the workers need nothing)")
    with pytest.raises(InboxError, match=r"^inbox nosuch://x: Protocol not known: nosuch"):
        check_inbox("nosuch://x")
    assert main(["run", "--inbox", "gs://bucket/inbox", "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [err.strip()] and "pip install gcsfs" in err
    assert not (tmp_path / "w.duckdb").exists()


def test_an_inbox_is_a_folder_or_a_url_whichever_way_it_is_given():
    assert inbox_location("s3://bucket/in box") == "s3://bucket/in box"
    assert inbox_location("simplecache::s3://bucket/inbox") == "simplecache::s3://bucket/inbox"
    assert inbox_location("file:///data/inbox") == inbox_location("/data/inbox") == Path("/data/inbox")
    assert inbox_location("file:///data/my%20inbox") == Path("/data/my inbox")
    assert inbox_location("relative/inbox") == Path("relative/inbox")
    assert is_url(Settings(inbox="memory://x/inbox").inbox) and not is_url(Settings(inbox="file:///x").inbox)
    assert Settings.from_env({"NEWSFACTS_INBOX": "gs://b/inbox"}).inbox == "gs://b/inbox"
    assert Settings.from_env({"NEWSFACTS_INBOX": "gs://b/inbox"}, inbox="/flag").inbox == Path("/flag")
