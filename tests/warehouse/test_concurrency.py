"""Readers and the writer: analysts' read-only sessions never hold up a publish, which works on a copy and swaps it
in; they keep reading what they opened, a new session sees the new data."""

from __future__ import annotations

import subprocess
import sys
import threading

import duckdb
import pytest

from newsfacts.warehouse.db import WarehouseBusy, ensure_schema, open_ro, open_rw

# Holds the warehouse open read-only with a query done, as an analyst's notebook does; on each line read from stdin
# it counts the documents again in the same session.
_READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
for _ in sys.stdin:
    print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
"""

# Opens the warehouse read-write (the DuckDB CLI without -readonly) and holds it until stdin closes.
_READ_WRITE = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("in", flush=True)
sys.stdin.read()
con.close()
"""


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with open_rw(path) as con:
        ensure_schema(con)
    return path


def _hold(script: str, path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", script, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() in ("0", "in")  # the session is open
    return proc


def _ask(proc: subprocess.Popen) -> int:
    proc.stdin.write("\n")
    proc.stdin.flush()
    return int(proc.stdout.readline())


def _add_document(con, doc_id: str) -> None:
    con.execute("INSERT INTO documents (doc_id, sha256, kind, format, body, run_id) VALUES (?, 'x', 'article', 'text', 'a body', 'r')", [doc_id])


@pytest.mark.integration
def test_a_publish_goes_through_while_a_reader_holds_the_warehouse_and_the_reader_keeps_its_snapshot(warehouse):
    reader = _hold(_READER, warehouse)
    try:
        with open_rw(warehouse, wait_seconds=0) as con:  # no wait allowed: a reader must not be in the way
            _add_document(con, "d1")
        assert _ask(reader) == 0  # the session reads what it opened, without error
        with open_ro(warehouse) as con:  # a new session sees the new data
            assert con.execute("SELECT doc_id FROM documents").fetchall() == [("d1",)]
    finally:
        reader.stdin.close()
        reader.wait()


@pytest.mark.integration
def test_the_publisher_gives_up_with_a_clear_message_when_a_read_write_session_stays(warehouse):
    session = _hold(_READ_WRITE, warehouse)
    try:
        with pytest.raises(WarehouseBusy, match="open read-write in another process .* gave up after 1s"):
            with open_rw(warehouse, wait_seconds=1):
                pass
    finally:
        session.kill()
        session.wait()


@pytest.mark.integration
def test_the_publisher_waits_for_a_read_write_session_to_leave_then_writes(warehouse):
    session = _hold(_READ_WRITE, warehouse)
    said = []
    threading.Timer(2, session.stdin.close).start()  # the session leaves while the publisher waits
    with open_rw(warehouse, wait_seconds=60, notify=said.append) as con:
        con.execute("CREATE TABLE written_after_wait AS SELECT 1 AS ok")
    assert said and "waiting up to 60s" in said[0]
    session.wait()
    with open_ro(warehouse) as con:
        assert con.execute("SELECT ok FROM written_after_wait").fetchone() == (1,)


@pytest.mark.unit
def test_a_writer_that_fails_publishes_nothing_and_leaves_no_copy(warehouse):
    with pytest.raises(ZeroDivisionError):
        with open_rw(warehouse) as con:
            _add_document(con, "d1")
            1 / 0
    with open_ro(warehouse) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    assert sorted(p.name for p in warehouse.parent.iterdir()) == ["w.duckdb", "w.duckdb.lock"]


@pytest.mark.unit
def test_a_copy_left_by_a_crashed_writer_is_discarded_not_published(warehouse):
    with duckdb.connect(str(warehouse.with_name("w.duckdb.next"))) as con:
        con.execute("CREATE TABLE half_written AS SELECT 1 AS x")
    with open_rw(warehouse) as con:
        _add_document(con, "d1")
    with open_ro(warehouse) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'half_written'").fetchone() == (0,)
    assert not warehouse.with_name("w.duckdb.next").exists()


@pytest.mark.unit
def test_changes_left_in_a_write_ahead_log_are_kept_by_the_next_publish(warehouse):
    # A warehouse written in place by an earlier version, which crashed before its checkpoint.
    con = duckdb.connect(str(warehouse), config={"checkpoint_threshold": "1TB"})
    _add_document(con, "from-the-log")
    assert warehouse.with_name("w.duckdb.wal").exists()
    con.execute("PRAGMA disable_checkpoint_on_shutdown")
    con.close()
    assert warehouse.with_name("w.duckdb.wal").exists()
    with open_rw(warehouse) as con:
        _add_document(con, "d1")
    with open_ro(warehouse) as con:
        assert sorted(con.execute("SELECT doc_id FROM documents").fetchall()) == [("d1",), ("from-the-log",)]
    assert not warehouse.with_name("w.duckdb.wal").exists()


@pytest.mark.unit
def test_a_read_only_connection_cannot_modify_the_warehouse(warehouse):
    with open_ro(warehouse) as con, pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM documents")


@pytest.mark.unit
def test_a_runs_connections_are_capped_and_on_one_thread(warehouse):
    # The flow's process publishes while the NLP workers keep the other cores busy: DuckDB's threads would only
    # add their own share of each query's memory (config.DUCKDB_THREADS).
    from newsfacts.config import DUCKDB_THREADS

    with open_rw(warehouse, memory_limit="300MB") as con:
        assert con.execute("SELECT current_setting('threads')").fetchone() == (DUCKDB_THREADS,)
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0].startswith("286")  # MiB
    with open_ro(warehouse, memory_limit="300MB") as con:
        assert con.execute("SELECT current_setting('threads')").fetchone() == (DUCKDB_THREADS,)
