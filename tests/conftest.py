"""Shared fixtures (the sample inbox, a fresh warehouse per test, Prefect kept in the test's own folder), and the
guards of the tiers: every test belongs to exactly one, and a unit test stays in its process without the model."""

from __future__ import annotations

import multiprocessing.process
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from newsfacts.config import SAMPLE_INBOX, Settings

SEEDS = sorted(SAMPLE_INBOX.glob("*.txt"))
TIERS = ("unit", "integration", "browser")


@pytest.hookimpl(tryfirst=True)  # before -m deselects anything: every collected test is checked
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Fail collection when a test has no tier mark or more than one, so `make test-fast` stays the fast tier."""
    wrong = [f"{item.nodeid} ({', '.join(tiers) or 'no tier'})" for item in items
             if len(tiers := [m.name for m in item.iter_markers() if m.name in TIERS]) != 1]
    if wrong:
        raise pytest.UsageError(
            f"every test needs exactly one tier mark ({', '.join(TIERS)}): add `pytestmark = pytest.mark.<tier>` to "
            f"its module, or mark the test itself where a module mixes tiers (see README, Tests):\n  "
            + "\n  ".join(wrong))


@pytest.fixture(autouse=True)
def _unit_tests_stay_in_process(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit test that starts a subprocess (a Prefect server, the CLI), a worker process or loads the spaCy model
    fails, saying so: that is what makes the unit tier fast, and it stays so only if it is checked."""
    if request.node.get_closest_marker("unit") is None:
        return
    import spacy.util  # already imported by the modules under test; patched where every model load passes

    def refuse(what: str):
        def refused(*args, **kwargs):
            raise AssertionError(f"a unit test may not {what}: mark it integration (README, Tests)")
        return refused

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse("start a subprocess"))
    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse("start a worker process"))
    monkeypatch.setattr(spacy.util, "load_model_from_path", refuse("load a spaCy model"))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A writable copy of the sample inbox (the five seeds)."""
    target = tmp_path / "inbox"
    shutil.copytree(SAMPLE_INBOX, target)
    return target


@pytest.fixture
def settings(tmp_path: Path, inbox: Path) -> Settings:
    return Settings(inbox=inbox, warehouse=tmp_path / "wh" / "newsfacts.duckdb")


@pytest.fixture(scope="session")
def prefect_api():
    """Prefect's test harness for the session: flows run in this process against a temporary API and database."""
    os.environ.setdefault("DO_NOT_TRACK", "1")  # the harness's server inherits it: no telemetry attempts
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=300):
        yield
