"""`newsfacts run` killed at every stage boundary and inside the publish transaction: nothing published changes,
the next run finishes the work; hostile names and content load as data; disk faults end in one clear line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.server import temporary_server
from newsfacts.run.faults import POINTS
from tests.reliability.conftest import tmpfs

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
BEFORE_COMMIT = POINTS[:POINTS.index("after-publish")]
HOSTILE_NAME = "x'); DROP TABLE documents; --.txt"
HOSTILE_TITLE = "Kim <script>alert('owned')</script> and Putin; DROP TABLE documents; --"


@pytest.fixture(scope="module")
def prefect_api(tmp_path_factory) -> str:
    """One Prefect server for every run of this module (each `newsfacts run` would otherwise start its own)."""
    home = tmp_path_factory.mktemp("prefect")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PREFECT_HOME", str(home))
        with temporary_server(home) as url:
            os.environ.pop("PREFECT_API_URL", None)  # only the subprocesses below use it
            yield url


def newsfacts(*args: str, api: str, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_API_URL": api}
    env.pop("NEWSFACTS_CRASH_AT", None)
    if crash_at:
        env["NEWSFACTS_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "newsfacts.cli", *args], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=900, stdin=subprocess.DEVNULL)


def published(warehouse: Path) -> dict[str, list[tuple]]:
    """Every published table's full contents (all of schema main but the run log), in a stable order."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND table_name <> 'runs' "
            "ORDER BY table_name").fetchall()]
        return {t: con.execute(f'SELECT * FROM main."{t}" ORDER BY ALL').fetchall() for t in tables}


def rows(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params).fetchall()


def _add_hostile_files(inbox: Path) -> None:
    """A file whose name and content are SQL and shell, and an edited follow-up of seed 002."""
    story = (inbox / "002_0ce151e4b07a680d.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in story.split("\n") if len(p) > 80]
    (inbox / HOSTILE_NAME).write_text(
        f"{HOSTILE_TITLE}\n\nBy Robert'); DELETE FROM raw_files; -- and $(rm -rf ~) `reboot`\n\n"
        + "\n\n".join(p.replace("Kim", "Kim ($HOME; echo pwned)", 1) for p in paragraphs[3:12]) + "\n",
        encoding="utf-8")
    (inbox / "follow-up of 002.txt").write_text(story.replace("Tuesday", "Wednesday") + "\nUpdated with reaction.\n",
                                                encoding="utf-8")


def _assert_clean(result: subprocess.CompletedProcess, code: int = 0) -> None:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr


def test_a_run_killed_anywhere_changes_nothing_published_and_the_next_run_finishes_the_work(inbox, tmp_path,
                                                                                           prefect_api):
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    run = lambda crash_at=None: newsfacts("run", "--quiet", "--inbox", str(inbox), "--warehouse", str(warehouse),
                                          api=prefect_api, crash_at=crash_at)
    _assert_clean(run())
    first = published(warehouse)
    _add_hostile_files(inbox)
    inbox_before = {p.name: p.read_bytes() for p in inbox.iterdir()}

    for point in BEFORE_COMMIT:
        crashed = run(point)
        assert crashed.returncode == 137, (point, crashed.stderr)
        assert published(warehouse) == first, f"published tables changed by a run killed at {point}"

    # Killed right after its commit: the work is published, the run is left marked running (each run closes
    # the one the crash before it left running).
    assert run("after-publish").returncode == 137
    loaded = dict(rows(warehouse, "SELECT path, status FROM raw_files"))
    assert loaded == {name: "loaded" for name in inbox_before}
    assert rows(warehouse, "SELECT count(*) FROM documents") == [(7,)]
    assert rows(warehouse, "SELECT status, count(*) FROM runs GROUP BY ALL ORDER BY ALL") == [
        ("failed", len(BEFORE_COMMIT)), ("published", 1), ("running", 1)]

    last = run()
    _assert_clean(last)
    assert ": nothing_new" in last.stdout
    assert rows(warehouse, "SELECT status, count(*) FROM runs GROUP BY ALL ORDER BY ALL") == [
        ("failed", len(POINTS)), ("nothing_new", 1), ("published", 1)]
    assert rows(warehouse, "SELECT DISTINCT error FROM runs WHERE status = 'failed'") == [
        ("interrupted: the process stopped before the run finished",)]
    assert {p.name: p.read_bytes() for p in inbox.iterdir()} == inbox_before

    # The hostile file is data: its name and title are stored verbatim and every table is still there.
    assert rows(warehouse, "SELECT d.title FROM documents d JOIN raw_files r ON r.sha256 = d.sha256 "
                           "WHERE r.path = ?", [HOSTILE_NAME]) == [(HOSTILE_TITLE,)]
    assert set(first) <= set(published(warehouse))


def test_hostile_names_and_content_stay_data_and_sql_is_read_only(inbox, tmp_path, prefect_api):
    _add_hostile_files(inbox)
    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    result = newsfacts("run", "--quiet", "--inbox", str(inbox), "--warehouse", str(warehouse), api=prefect_api)
    _assert_clean(result)
    assert rows(warehouse, "SELECT path FROM raw_files WHERE path = ?", [HOSTILE_NAME]) == [(HOSTILE_NAME,)]
    report = Path(result.stdout.split("report: ")[1].split()[0]).read_text(encoding="utf-8")
    assert "<script>alert('owned')" not in report
    assert "&lt;script&gt;alert(" in report

    before = published(warehouse)
    for statement in ("DELETE FROM documents", "DROP TABLE documents",
                      f"COPY documents TO '{tmp_path / 'leak.csv'}'",
                      f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
                      "SELECT * FROM read_text('/etc/passwd')"):
        refused = newsfacts("sql", statement, "--warehouse", str(warehouse), api=prefect_api)
        _assert_clean(refused, 1)
        assert refused.stderr.startswith("newsfacts: "), (statement, refused.stderr)
    assert published(warehouse) == before
    assert not (tmp_path / "leak.csv").exists() and not (tmp_path / "other.duckdb").exists()


def test_a_read_only_warehouse_folder_is_one_clear_line(inbox, tmp_path, prefect_api):
    with tmpfs(tmp_path / "ro", "ro,size=1m") as disk:
        result = newsfacts("run", "--quiet", "--inbox", str(inbox), "--warehouse", str(disk / "newsfacts.duckdb"),
                           api=prefect_api)
    _assert_clean(result, 2)
    assert "Read-only file system" in result.stderr


# The disk holds the warehouse twice (a write works on a copy of it: ~1 MB each), not the 7 MB long read.
FULL_DISK = "size=4m"


def _run_on_a_full_disk(inbox: Path, disk: Path, api: str) -> subprocess.CompletedProcess:
    (inbox / "long read.txt").write_text(
        (inbox / "002_0ce151e4b07a680d.txt").read_text(encoding="utf-8") * 1000, encoding="utf-8")
    return newsfacts("run", "--quiet", "--inbox", str(inbox), "--warehouse", str(disk / "newsfacts.duckdb"), api=api)


def test_a_full_disk_ends_in_a_clear_last_line_and_a_retry_with_space_completes(inbox, tmp_path, prefect_api):
    with tmpfs(tmp_path / "full", FULL_DISK) as disk:
        result = _run_on_a_full_disk(inbox, disk, prefect_api)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith("newsfacts: no space left on the disk holding")
        saved = tmp_path / "moved"
        shutil.copytree(disk, saved)  # the operator moves the warehouse to a bigger disk and runs again
    retry = newsfacts("run", "--quiet", "--inbox", str(inbox), "--warehouse", str(saved / "newsfacts.duckdb"),
                      api=prefect_api)
    _assert_clean(retry)
    assert ": published" in retry.stdout
    assert rows(saved / "newsfacts.duckdb", "SELECT count(*) FROM raw_files WHERE path = 'long read.txt'") == [(1,)]
    runs = rows(saved / "newsfacts.duckdb", "SELECT status, error FROM runs ORDER BY started_at")
    assert [status for status, _ in runs] == ["failed", "published"]
    assert runs[0][1].startswith("WarehouseError: no space left on the disk holding")


def test_a_failed_run_prints_no_traceback(inbox, tmp_path, prefect_api):
    with tmpfs(tmp_path / "full", FULL_DISK) as disk:
        result = _run_on_a_full_disk(inbox, disk, prefect_api)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_run_killed_in_its_second_chunk_keeps_the_first_published_and_the_next_run_finishes(inbox, tmp_path,
                                                                                              prefect_api):
    from tests.run.test_chunks import published as without_run_ids

    warehouse = tmp_path / "wh" / "newsfacts.duckdb"
    run = lambda crash_at=None: newsfacts("run", "--quiet", "--publish-every", "2", "--inbox", str(inbox),
                                          "--warehouse", str(warehouse), api=prefect_api, crash_at=crash_at)
    crashed = run("publish-before-commit@2")
    assert crashed.returncode == 137, crashed.stderr
    assert rows(warehouse, "SELECT path, status FROM raw_files ORDER BY path") == [
        ("000_bbea49f6d058aeff.txt", "loaded"), ("001_043759e1e1c18f0b.txt", "loaded")]
    assert rows(warehouse, "SELECT count(*) FROM documents") == [(2,)]

    last = run()
    _assert_clean(last)
    assert "files seen 5, new 3, duplicate 0, rejected 0" in last.stdout and "documents loaded 3" in last.stdout
    assert rows(warehouse, "SELECT status, documents_loaded FROM runs ORDER BY started_at") == [
        ("failed", None), ("published", 3)]
    whole = tmp_path / "whole" / "newsfacts.duckdb"
    _assert_clean(newsfacts("run", "--quiet", "--inbox", str(inbox), "--warehouse", str(whole), api=prefect_api))
    assert without_run_ids(warehouse) == without_run_ids(whole)
