"""A signal that interrupts a query in the middle of a write: the transaction rolls back, the connection closes at
once, and the same process opens the warehouse again (DuckDB would otherwise go on running the query inside the
closed connection, and the next connect to that file would wait for it)."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from newsfacts.config import PROJECT_ROOT as _ROOT


pytestmark = pytest.mark.integration

_INTERRUPTED = """
import os, signal, sys, threading
from pathlib import Path
from newsfacts.warehouse.db import open_rw


def stop(signum, frame):
    raise KeyboardInterrupt
signal.signal(signal.SIGTERM, stop)

path = Path(sys.argv[1])
with open_rw(path) as con:
    con.execute("CREATE TABLE t AS SELECT range AS i FROM range(10)")
threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM)).start()
try:
    with open_rw(path) as con:
        con.execute("BEGIN TRANSACTION")
        con.execute("INSERT INTO t VALUES (99)")
        con.execute("SELECT count(*) FROM range(1000000000000) WHERE range % 7 = 3").fetchall()  # hours
except (KeyboardInterrupt, RuntimeError) as exc:
    print("interrupted:", exc, flush=True)
with open_rw(path) as con:
    print("reopened, rows", con.execute("SELECT count(*) FROM t").fetchone()[0], flush=True)
"""


def test_a_query_interrupted_by_a_signal_rolls_back_and_the_warehouse_opens_again_in_the_same_process(tmp_path):
    result = subprocess.run([sys.executable, "-c", _INTERRUPTED, str(tmp_path / "w.duckdb")], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "interrupted:" in result.stdout
    assert "reopened, rows 10" in result.stdout


_PUBLISH = """
import os, signal, sys, threading
from pathlib import Path
from newsfacts.warehouse.db import open_rw
from newsfacts.warehouse.publish import Auditors, publish
sys.path.insert(0, sys.argv[3])
sys.path.insert(0, sys.argv[3])
from tests.warehouse.test_publish import _auditors, _batch
from newsfacts.load.batch import write_batch


def stop(signum, frame):
    raise KeyboardInterrupt
signal.signal(signal.SIGTERM, stop)

warehouse, work = Path(sys.argv[1]), Path(sys.argv[2])
publish(warehouse, "run-1", write_batch(_batch("run-1", "d1"), work / "1"), _auditors())

def slow_audit(con, run_id):
    threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM)).start()
    con.execute("SELECT count(*) FROM range(1000000000000) WHERE range % 7 = 3").fetchall()  # hours

try:
    publish(warehouse, "run-2", write_batch(_batch("run-2", "d2"), work / "2"),
            Auditors(slow_audit, _auditors().build_models, _auditors().audit_models))
except (KeyboardInterrupt, RuntimeError) as exc:
    print("interrupted:", exc, flush=True)
with open_rw(warehouse) as con:
    print("reopened", flush=True)
"""


def test_a_publish_interrupted_in_its_audit_leaves_the_published_tables_as_they_were(tmp_path):
    warehouse = tmp_path / "w.duckdb"
    result = subprocess.run([sys.executable, "-c", _PUBLISH, str(warehouse), str(tmp_path), str(_ROOT)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "interrupted:" in result.stdout and "reopened" in result.stdout
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT doc_id FROM documents").fetchall() == [("d1",)]
        assert con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'batch'").fetchone() == (0,)
