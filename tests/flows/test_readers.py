"""An analyst's session left open on the warehouse never holds up a run: the run publishes, the open session keeps
reading what it opened, and a new session sees the new documents."""

from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import pytest

from flows.pipeline import run_pipeline
from newsfacts.config import Settings
from newsfacts.warehouse.query import run_sql

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("prefect_api")]

# The README's Python way, in a process of its own: connect read-only, query, keep the session open; each line read
# from stdin asks for the documents again in that same session.
_NOTEBOOK = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
for _ in sys.stdin:
    print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
"""


def _documents(warehouse) -> int:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_a_run_publishes_while_a_read_only_session_stays_open_and_the_session_keeps_its_snapshot(
        settings: Settings, tmp_path):
    later = tmp_path / "later"
    later.mkdir()
    for name in sorted(p.name for p in settings.inbox.iterdir())[-2:]:  # two files arrive after the first run
        shutil.move(settings.inbox / name, later / name)
    # No wait for readers allowed: were the session in the way, the run would fail instead of publishing.
    settings = settings.with_(publish_wait_seconds=0.0)
    assert run_pipeline(settings).status == "published"
    before = _documents(settings.warehouse)

    notebook = subprocess.Popen([sys.executable, "-c", _NOTEBOOK, str(settings.warehouse)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert int(notebook.stdout.readline()) == before  # the session is open, a query done
        for path in later.iterdir():
            shutil.move(path, settings.inbox / path.name)
        summary = run_pipeline(settings)
        assert (summary.status, summary.exit_code) == ("published", 0)
        assert summary.counts["files_new"] == 2

        notebook.stdin.write("\n")
        notebook.stdin.flush()
        assert int(notebook.stdout.readline()) == before  # the open session still reads its snapshot
        after = _documents(settings.warehouse)  # a new session sees the new documents
        assert after > before
        assert f"{after}" in run_sql(settings.warehouse, "SELECT count(*) AS n FROM documents")
    finally:
        notebook.stdin.close()
        assert notebook.wait() == 0  # and it ended without an error
    assert sorted(p.name for p in settings.warehouse.parent.glob("newsfacts.duckdb*")) == [
        "newsfacts.duckdb", "newsfacts.duckdb.lock"]  # no copy left behind
