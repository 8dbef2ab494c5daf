"""`newsfacts serve` as a user runs it: its schedule makes runs, a file dropped in between is picked up by the next
one, the UI link works, and a stop leaves nothing running."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import psutil
import pytest

from tests.flows.test_run_lifecycle import ROOT, _env, _survivors

pytestmark = pytest.mark.integration


def _runs(warehouse: Path) -> list[tuple]:
    """(status, files_new, documents_loaded) of every run so far; [] while the warehouse is busy or not there yet."""
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return con.execute("SELECT status, files_new, documents_loaded FROM runs ORDER BY started_at").fetchall()
    except (duckdb.IOException, duckdb.CatalogException):
        return []


def _wait_for(what: str, condition, serving: subprocess.Popen, timeout: float = 900):
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        assert serving.poll() is None, f"serve exited while waiting for {what}"
        assert time.monotonic() < deadline, f"no {what} in {timeout:.0f}s"
        time.sleep(1)
    return found


def test_serve_runs_on_its_interval_picks_up_a_new_file_and_stops_leaving_nothing_running(inbox, tmp_path,
                                                                                         prefect_home):
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    log = tmp_path / "serve.log"
    with open(log, "w") as err:
        serving = subprocess.Popen([sys.executable, "-m", "newsfacts.cli", "serve", "--interval", "5",
                                    "--inbox", str(inbox), "--warehouse", str(warehouse)], cwd=ROOT,
                                   env=_env(prefect_home), stdout=subprocess.DEVNULL, stderr=err,
                                   stdin=subprocess.DEVNULL)
    try:
        ui = _wait_for("UI link", lambda: re.search(r"Prefect UI (http://[^\s;]+)", log.read_text()), serving)[1]
        with urllib.request.urlopen(ui, timeout=60) as page:
            assert page.status == 200 and "<html" in page.read().decode()

        _wait_for("first published run", lambda: ("published", 5, 5) in _runs(warehouse), serving)
        story = (inbox / "002_0ce151e4b07a680d.txt").read_text(encoding="utf-8")
        (inbox / "follow-up.txt").write_text(story.replace("Tuesday", "Wednesday") + "\nUpdated.\n",
                                             encoding="utf-8")
        runs = _wait_for("run that picks up the new file", lambda: ("published", 1, 1) in (r := _runs(warehouse))
                         and r, serving)
        assert runs.index(("published", 5, 5)) < runs.index(("published", 1, 1))
        assert {status for status, *_ in runs} <= {"published", "nothing_new", "running"}

        family = psutil.Process(serving.pid).children(recursive=True)
        serving.send_signal(signal.SIGTERM)
        assert serving.wait(timeout=300) == 0, log.read_text()
        assert _survivors(family) == []
        assert "running" not in {status for status, *_ in _runs(warehouse)}  # a run it stopped says failed
        # (Prefect's runner may log a traceback of its own while it stops on a loaded machine: its cancellation
        # observer's done-callback calls anyio outside a task, NoEventLoopError; it changes nothing above.)
    finally:
        if serving.poll() is None:
            serving.kill()
