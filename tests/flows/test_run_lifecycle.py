"""A run's life as an operator sees it: a busy warehouse is said at once, and a run stopped or killed at any stage
ends as failed without leaving a process behind; the next run does the work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from newsfacts.warehouse.lock import RunInProgress, run_lock

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]

_HOLD = """
import sys, time
from pathlib import Path
from newsfacts.warehouse.lock import run_lock
with run_lock(Path(sys.argv[1]), "the-first-run"):
    print("locked", flush=True)
    time.sleep(600)
"""

_RUN_AND_TELL = """
import sys
from newsfacts.cli import main
code = main(sys.argv[1:])
print(code, "prefect imported" if "prefect" in sys.modules else "prefect not imported")
"""


def test_a_run_on_a_busy_warehouse_exits_3_naming_the_holder_before_starting_prefect(inbox, tmp_path):
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    warehouse.parent.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(warehouse) + ".lock"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        busy = subprocess.run([sys.executable, "-c", _RUN_AND_TELL, "run", "--inbox", str(inbox),
                               "--warehouse", str(warehouse)], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=300)
    finally:
        holder.kill()
        holder.wait()
    assert busy.stdout.split() == ["3", "prefect", "not", "imported"], busy.stdout + busy.stderr
    assert f"run the-first-run (pid {holder.pid}" in busy.stderr
    assert not (tmp_path / "wh" / ".prefect").exists()  # no server was started


def _env(prefect_home: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "NEWSFACTS_CRASH_AT")}
    return {**env, "PREFECT_HOME": str(prefect_home), **extra}


def _start_paused(args: list[str], prefect_home: Path, point: str, tmp_path: Path) -> tuple[subprocess.Popen, list]:
    """`newsfacts run` held at a fault point; returns it and every process it had started by then."""
    paused = tmp_path / f"paused-at-{point}"
    proc = subprocess.Popen([sys.executable, "-m", "newsfacts.cli", "run", "--quiet", *args], cwd=ROOT,
                            env=_env(prefect_home, NEWSFACTS_PAUSE_AT=point, NEWSFACTS_PAUSED=str(paused)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 900
    while not paused.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"the run never reached {point}"
        time.sleep(0.5)
    return proc, psutil.Process(proc.pid).children(recursive=True)


def _survivors(processes: list, timeout: float = 120) -> list[str]:
    """The processes still running once they had `timeout` seconds to end (zombies count as ended)."""
    deadline = time.monotonic() + timeout
    while True:
        alive = [p for p in processes if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
        if not alive or time.monotonic() > deadline:
            return [" ".join(p.cmdline())[:120] for p in alive]
        time.sleep(0.5)


def _lock_is_free(warehouse: Path) -> bool:
    try:
        with run_lock(warehouse.with_name(warehouse.name + ".lock"), "test"):
            return True
    except RunInProgress:
        return False


def _published(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
                                            "AND table_name <> 'runs' ORDER BY table_name").fetchall()]
        return {t: con.execute(f'SELECT * FROM main."{t}" ORDER BY ALL').fetchall() for t in tables}


def _runs(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT status, error FROM runs ORDER BY started_at").fetchall()


def test_sigterm_during_publish_ends_the_run_as_failed_and_leaves_nothing_running(inbox, tmp_path, newsfacts,
                                                                                   prefect_home):
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    args = ["--inbox", str(inbox), "--warehouse", str(warehouse)]
    assert newsfacts("run", "--quiet", *args).returncode == 0
    before = _published(warehouse)
    story = (inbox / "002_0ce151e4b07a680d.txt").read_text(encoding="utf-8")
    (inbox / "follow-up.txt").write_text(story.replace("Tuesday", "Wednesday") + "\nUpdated.\n", encoding="utf-8")

    proc, children = _start_paused(args, prefect_home, "publish-after-audit", tmp_path)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 128 + signal.SIGTERM, out + err
    assert "stopped by SIGTERM" in err and "Traceback" not in err, err
    assert _survivors(children) == []
    assert _lock_is_free(warehouse)
    assert _published(warehouse) == before
    status, error = _runs(warehouse)[-1]
    assert status == "failed" and error
    assert error in (warehouse.parent / "reports" / "index.html").read_text(encoding="utf-8")  # listed with it

    again = newsfacts("run", "--quiet", *args)
    assert again.returncode == 0, again.stderr
    assert "files seen 6, new 1" in again.stdout and "documents loaded 1" in again.stdout


def test_sigkill_during_parse_takes_the_server_and_the_nlp_workers_with_it(inbox, tmp_path, newsfacts,
                                                                          prefect_home):
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    args = ["--inbox", str(inbox), "--warehouse", str(warehouse), "--workers", "2"]
    proc, children = _start_paused(args, prefect_home, "after-parse", tmp_path)
    started = [" ".join(p.cmdline()) for p in children]
    assert any("flows.server" in c for c in started) and sum("spawn_main" in c for c in started) == 2, started
    proc.kill()
    proc.communicate(timeout=60)
    assert _survivors(children) == []
    assert _lock_is_free(warehouse)

    again = newsfacts("run", "--quiet", *args)
    assert again.returncode == 0, again.stderr
    assert "documents loaded 5" in again.stdout
    assert _runs(warehouse) == [("failed", "interrupted: the process stopped before the run finished"),
                                ("published", None)]
