"""`newsfacts run --inbox s3://...` as a user runs it against a team's S3-compatible store (moto's server here): the
endpoint in FSSPEC_S3, the credentials as AWS_*. The seeds from a bucket build the warehouse the folder builds; a
missing bucket or a wrong secret is one line and exit 2, before a warehouse is made."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.integration


def test_a_run_from_a_bucket_publishes_the_seeds_and_the_one_rewrite_then_nothing_new(s3_store, inbox, tmp_path,
                                                                                        newsfacts):
    url = s3_store.bucket(inbox)
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    first = newsfacts("run", "--inbox", url, "--warehouse", str(warehouse), env=s3_store.env)
    assert first.returncode == 0, first.stderr
    assert "files seen 5, new 5, duplicate 0, rejected 0" in first.stdout and "documents loaded 5" in first.stdout
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT path, status FROM raw_files ORDER BY path").fetchall() \
            == [(p.name, "loaded") for p in sorted(inbox.iterdir())]
        pairs = con.execute("""
            SELECT left(d.source_path, 3), left(o.source_path, 3), p.level FROM duplicate_pairs p
            JOIN documents d ON d.doc_id = p.doc_id JOIN documents o ON o.doc_id = p.duplicate_of""").fetchall()
        assert con.execute("SELECT inbox FROM runs").fetchall() == [(url,)]
    assert pairs == [("004", "001", "rewrite")]
    second = newsfacts("run", "--quiet", "--inbox", url, "--warehouse", str(warehouse), env=s3_store.env)
    assert second.returncode == 0, second.stderr
    assert "files seen 5, new 0" in second.stdout and ": nothing_new" in second.stdout


@pytest.mark.parametrize("case", ["missing bucket", "wrong secret"])
def test_a_missing_bucket_or_a_wrong_secret_is_one_line_and_exit_2_before_anything_is_made(s3_store, inbox, tmp_path,
                                                                                            newsfacts, case):
    url = s3_store.bucket(inbox)
    env = dict(s3_store.env)
    if case == "missing bucket":
        url, said = "s3://no-such-bucket/inbox", ("inbox s3://no-such-bucket/inbox does not exist: there is no "
                                                  "bucket no-such-bucket")
    else:
        env["AWS_SECRET_ACCESS_KEY"] = "not-the-secret"
        said = f"inbox {url} cannot be listed: The request signature we calculated does not match the signature"
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    run = newsfacts("run", "--inbox", url, "--warehouse", str(warehouse), env=env)
    assert run.returncode == 2, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and run.stderr.startswith(f"newsfacts: {said}"), run.stderr
    assert not warehouse.parent.exists()
