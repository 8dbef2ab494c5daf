"""The run lock: one run per warehouse, and a crashed holder never blocks the next run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from newsfacts.warehouse.lock import RunInProgress, run_lock

pytestmark = pytest.mark.integration

_HOLD = """
import sys, time
from pathlib import Path
from newsfacts.warehouse.lock import run_lock
with run_lock(Path(sys.argv[1]), "holder-run"):
    print("locked", flush=True)
    time.sleep(60)
"""


def _holder(path):
    proc = subprocess.Popen([sys.executable, "-c", _HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_a_second_run_exits_with_a_message_naming_the_first(tmp_path):
    lock = tmp_path / "w.duckdb.lock"
    proc = _holder(lock)
    try:
        with pytest.raises(RunInProgress, match=r"run holder-run \(pid \d+"):
            with run_lock(lock, "second"):
                pass
    finally:
        proc.kill()
        proc.wait()


def test_a_killed_holder_leaves_a_stale_lock_file_that_does_not_block(tmp_path):
    lock = tmp_path / "w.duckdb.lock"
    proc = _holder(lock)
    proc.kill()
    proc.wait()
    assert lock.exists()
    with run_lock(lock, "after-crash"):
        assert "after-crash" in lock.read_text()


def test_a_run_can_wait_for_the_holder_to_finish(tmp_path):
    lock = tmp_path / "w.duckdb.lock"
    proc = _holder(lock)
    subprocess.Popen(["sh", "-c", f"sleep 1; kill {proc.pid}"])
    with run_lock(lock, "patient", wait_seconds=30):  # raises RunInProgress if the wait does not end
        assert "patient" in lock.read_text()
    proc.wait()


def test_the_lock_taken_again_in_the_same_process_names_the_run_and_is_kept_until_the_outer_hold_ends(tmp_path):
    lock = tmp_path / "w.duckdb.lock"
    with run_lock(lock):  # as `newsfacts run` takes it, before it knows the run's id
        assert json.loads(lock.read_text())["run_id"] is None
        with run_lock(lock, "the-flow-run"):  # as the flow takes it
            assert json.loads(lock.read_text())["run_id"] == "the-flow-run"
        assert _locked_elsewhere(lock)
    assert not _locked_elsewhere(lock)


def test_a_holder_that_has_not_named_its_run_yet_is_named_by_its_pid(tmp_path):
    lock = tmp_path / "w.duckdb.lock"
    with run_lock(lock):
        message = subprocess.run([sys.executable, "-c", _TRY, str(lock)], capture_output=True, text=True).stdout
    assert f"a run that is starting (pid {os.getpid()}" in message


_TRY = """
import sys
from pathlib import Path
from newsfacts.warehouse.lock import RunInProgress, run_lock
try:
    with run_lock(Path(sys.argv[1]), "other"):
        print("free")
except RunInProgress as exc:
    print(exc)
"""


def _locked_elsewhere(lock) -> bool:
    """Whether another process finds the lock taken (flock is per open file, so only another process can tell)."""
    out = subprocess.run([sys.executable, "-c", _TRY, str(lock)], capture_output=True, text=True).stdout
    return out.strip() != "free"
