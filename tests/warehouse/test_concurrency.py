"""Readers and the writer share one DuckDB file: analysts read during a run, the publisher waits for them."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from newsfacts.warehouse.db import WarehouseBusy, ensure_schema, open_ro, open_rw

_READER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with open_rw(path) as con:
        ensure_schema(con)
    return path


def _reader(path, hold_seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", _READER, str(path), str(hold_seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "0"  # the reader is in
    return proc


@pytest.mark.integration
def test_an_analyst_can_read_while_a_run_works_outside_the_warehouse(warehouse):
    # Between its short read-write moments a run holds no connection, so a reader process gets in.
    proc = _reader(warehouse, 0)
    assert proc.wait() == 0


@pytest.mark.integration
def test_the_publisher_gives_up_with_a_clear_message_when_readers_stay(warehouse):
    proc = _reader(warehouse, 30)
    try:
        with pytest.raises(WarehouseBusy, match="open in another process .* gave up after 1s"):
            with open_rw(warehouse, wait_seconds=1):
                pass
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.integration
def test_the_publisher_waits_for_a_reader_to_leave_then_writes(warehouse):
    proc = _reader(warehouse, 2)
    said = []
    with open_rw(warehouse, wait_seconds=60, notify=said.append) as con:
        con.execute("CREATE TABLE written_after_wait AS SELECT 1 AS ok")
    proc.wait()
    assert said and "waiting up to 60s" in said[0]
    with open_ro(warehouse) as con:
        assert con.execute("SELECT ok FROM written_after_wait").fetchone() == (1,)


@pytest.mark.unit
def test_a_read_only_connection_cannot_modify_the_warehouse(warehouse):
    with open_ro(warehouse) as con, pytest.raises(duckdb.Error, match="read-only"):
        con.execute("DELETE FROM documents")
