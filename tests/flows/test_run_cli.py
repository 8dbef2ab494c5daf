"""`newsfacts run` end to end, as a user runs it: a subprocess, the temporary Prefect server, a real warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.integration

def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_two_runs_on_the_seeds_stage_five_files_then_nothing_new(inbox, tmp_path, newsfacts):
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    first = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(warehouse))
    assert first.returncode == 0, first.stderr
    assert "files seen 5, new 5, duplicate 0, rejected 0" in first.stdout
    assert "documents loaded 5" in first.stdout
    assert "Traceback" not in first.stderr
    raw_before = rows(warehouse, "SELECT * FROM raw_files ORDER BY path")
    assert [(r[1], r[3]) for r in raw_before] == [(p.name, "loaded") for p in sorted(inbox.iterdir())]

    second = newsfacts("run", "--quiet", "--inbox", str(inbox), "--warehouse", str(warehouse))
    assert second.returncode == 0, second.stderr
    assert second.stderr == ""  # quiet: nothing but errors on stderr; the summary still on stdout
    assert "files seen 5, new 0" in second.stdout and ": nothing_new" in second.stdout
    assert rows(warehouse, "SELECT * FROM raw_files ORDER BY path") == raw_before
    assert rows(warehouse, "SELECT status FROM runs ORDER BY started_at") == [("published",), ("nothing_new",)]
    assert rows(warehouse, "SELECT count(*) FROM documents") == [(5,)]
    assert rows(warehouse, "SELECT doc_id, duplicate_of IS NOT NULL FROM documents WHERE duplicate_of IS NOT NULL") \
        == [("468fd8e79e72cb79", True)]
    assert Path(second.stdout.split("report: ")[1].strip()).is_file()


def test_bad_files_are_rejected_with_reasons_and_the_good_ones_still_load(inbox, tmp_path, newsfacts):
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inbox / "latin1.txt").write_bytes(bytes(range(0x80, 0x100)) * 2)  # no text encoding reads it
    (inbox / "copy.txt").write_bytes((inbox / "003_c22e93ad1b80139d.txt").read_bytes())
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    result = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stderr
    assert "files seen 9, new 9, duplicate 1, rejected 3" in result.stdout
    assert dict(rows(warehouse, "SELECT path, status FROM raw_files")) == {
        **{p.name: "loaded" for p in sorted(inbox.glob("0*.txt"))},
        "empty.txt": "rejected", "photo.png": "rejected", "latin1.txt": "rejected", "copy.txt": "duplicate"}
    reasons = dict(rows(warehouse, "SELECT path, reason FROM raw_files WHERE status = 'rejected'"))
    assert reasons["empty.txt"] == "empty file"
    assert reasons["photo.png"] == "binary file: a PNG image, not text"
    assert reasons["latin1.txt"].startswith("not valid UTF-8")


def test_a_run_where_nothing_can_be_processed_exits_1_and_says_why(tmp_path, newsfacts):
    inbox = tmp_path / "bad_inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    result = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(tmp_path / "w.duckdb"))
    assert result.returncode == 1
    assert "rejected 1" in result.stdout and ": nothing_loaded" in result.stdout
    assert "  nothing loaded: 1 new file rejected (empty file)\n" in result.stdout
    assert "Traceback" not in result.stderr


def test_an_inbox_given_as_a_file_url_is_staged_as_that_folder(tmp_path, newsfacts):
    """The URL goes from the flag through the flow's parameters to staging (cheap: the one file is rejected, so no
    document reaches the NLP)."""
    inbox = tmp_path / "url inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    warehouse = tmp_path / "w.duckdb"
    result = newsfacts("run", "--inbox", inbox.as_uri(), "--warehouse", str(warehouse))
    assert result.returncode == 1, result.stderr
    assert "  nothing loaded: 1 new file rejected (empty file)\n" in result.stdout
    assert rows(warehouse, "SELECT path, status FROM raw_files") == [("empty.txt", "rejected")]
    assert rows(warehouse, "SELECT inbox FROM runs") == [(str(inbox),)]
