"""A run on a Dask cluster of its own processes: a scheduler and two workers started with Dask's own commands, in a
folder of their own, that cannot read the flow's warehouse (raw/ included) nor its inbox, as on other machines."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pytest

from tests.flows.test_schedule_and_dask import _tables

pytestmark = pytest.mark.integration
PRELOAD = Path(__file__).with_name("cluster_preload.py")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The scheduler's address, once both workers have joined. The workers' folder is outside pytest's, and every
    test's files (inbox, warehouse, raw/) are unreadable to them (cluster_preload.py)."""
    from distributed import Client

    elsewhere = Path(tempfile.mkdtemp(prefix="newsfacts-workers-"))
    unreadable = tmp_path_factory.getbasetemp()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "NEWSFACTS_"))},
           "NEWSFACTS_TEST_UNREADABLE": str(unreadable)}
    scheduler_file = elsewhere / "scheduler.json"
    commands = [[sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                 "--no-dashboard", "--scheduler-file", str(scheduler_file)]]
    commands += [[sys.executable, "-m", "distributed.cli.dask_worker", "--scheduler-file", str(scheduler_file),
                  "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", f"worker-{n}",
                  "--local-directory", str(elsewhere / f"worker-{n}"), "--preload", str(PRELOAD)] for n in (1, 2)]
    processes = []
    try:
        for command in commands:
            processes.append(subprocess.Popen(command, cwd=elsewhere, env=env, stdin=subprocess.DEVNULL,
                                              stdout=subprocess.DEVNULL, stderr=open(elsewhere / "log", "a")))
            while command is commands[0] and not scheduler_file.exists() and processes[0].poll() is None:
                time.sleep(0.2)
        with Client(scheduler_file=str(scheduler_file), timeout=120) as client:
            client.wait_for_workers(2, timeout=300)
            yield client.scheduler.address, unreadable
            client.shutdown()  # the scheduler and its workers end together (a worker outliving it retries for long)
    finally:
        for process in reversed(processes):  # whatever is left: the workers first, then their scheduler
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(elsewhere, ignore_errors=True)


def test_a_scheduler_and_two_workers_elsewhere_build_the_same_warehouse_as_a_local_run(cluster, inbox, tmp_path,
                                                                                      newsfacts):
    """Nothing of Prefect nor any path of the flow's machine reaches the workers: the parse batches carry their
    files' content, and both workers share the work (batches follow the number of workers)."""
    from distributed import Client

    address, unreadable = cluster
    local, remote = tmp_path / "local" / "w.duckdb", tmp_path / "remote" / "w.duckdb"
    assert remote.is_relative_to(unreadable)
    a = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(local))
    b = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(remote), "--dask", address)
    assert a.returncode == 0, a.stderr
    assert b.returncode == 0, b.stderr
    assert "documents loaded 5" in b.stdout
    assert _tables(local) == _tables(remote)
    with duckdb.connect(str(remote), read_only=True) as con:
        stored = con.execute("SELECT stored_path FROM raw_files WHERE status = 'loaded' LIMIT 1").fetchone()[0]
    with Client(address, timeout=60) as client:
        refused = client.run(Path.read_bytes, Path(stored), on_error="return")
        worked = client.run(lambda dask_worker: dask_worker.state.transition_counter)
    assert all(isinstance(answer, PermissionError) for answer in refused.values()), refused
    assert len(worked) == 2 and all(worked.values()), worked


def test_a_cluster_that_cannot_be_reached_fails_in_one_line_before_any_work_and_leaves_a_trace(inbox, tmp_path,
                                                                                                newsfacts):
    """No file is staged, yet `runs`, the index of runs and `newsfacts report` say the run failed and why."""
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    warehouse = tmp_path / "w" / "w.duckdb"
    result = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(warehouse), "--quiet",
                       "--dask", f"tcp://127.0.0.1:{port}")
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    refused = f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}: no answer within 10 s"
    assert result.stderr.strip() == f"newsfacts: {refused}"
    assert not (warehouse.parent / "raw").exists()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (run_id, status, error), = con.execute("SELECT run_id, status, error FROM runs").fetchall()
    assert (status, error) == ("failed", f"ClusterError: {refused}")
    assert run_id in (warehouse.parent / "reports" / "index.html").read_text(encoding="utf-8")
    report = newsfacts("report", "--warehouse", str(warehouse))
    assert report.returncode == 0, report.stderr
    assert report.stdout.strip() == str(warehouse.parent / "reports" / "index.html")
    assert f"the latest run, {run_id}, failed: ClusterError: {refused}" in report.stderr
