"""The CLI documents itself: every command has a description in --help and appears in the README."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
from datetime import datetime

import duckdb
import pytest

from newsfacts.cli import build_parser, main
from newsfacts.config import PROJECT_ROOT
from newsfacts.warehouse import query
from newsfacts.warehouse.db import WarehouseBusy, WarehouseError, ensure_schema
from newsfacts.warehouse.lock import RunInProgress



def _commands() -> dict:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices


@pytest.mark.unit
@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_a_description_and_is_in_the_readme(name):
    command = _commands()[name]
    assert command.description and len(command.description) > 20
    assert f"newsfacts {name}" in (PROJECT_ROOT / "README.md").read_text()


@pytest.mark.unit
def test_a_query_against_a_missing_warehouse_is_one_clear_line(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: ") and "Traceback" not in err


@pytest.mark.unit
def test_bad_sql_is_a_clear_error_that_exits_1_not_the_code_of_the_environment(tmp_path, capsys):
    import duckdb

    duckdb.connect(str(tmp_path / "w.duckdb")).close()
    assert main(["sql", "SELEC 1", "--warehouse", str(tmp_path / "w.duckdb")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: ") and "syntax error" in err and "Traceback" not in err


@pytest.mark.unit
def test_a_query_that_outgrows_duckdbs_memory_cap_names_the_setting_to_raise(tmp_path, capsys, monkeypatch):
    import duckdb

    duckdb.connect(str(tmp_path / "w.duckdb")).close()
    monkeypatch.setenv("NEWSFACTS_DUCKDB_MEMORY_LIMIT", "1MB")
    sql = "SELECT md5(range::varchar) AS s, count(*) FROM range(2000000) GROUP BY s ORDER BY 2 DESC LIMIT 1"
    assert main(["sql", sql, "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "NEWSFACTS_DUCKDB_MEMORY_LIMIT" in err and "1MB" in err and "Traceback" not in err


def _empty_warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    return path


@pytest.mark.unit
def test_empty_sql_is_one_clear_line(tmp_path, capsys):
    assert main(["sql", "", "--warehouse", str(_empty_warehouse(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: no SQL statement given") and "Traceback" not in err


@pytest.mark.unit
def test_every_statement_of_a_script_prints_its_rows(tmp_path, capsys):
    warehouse = str(_empty_warehouse(tmp_path))
    assert main(["sql", "select 1 as first; select 2 as second", "--warehouse", warehouse]) == 0
    out = capsys.readouterr().out
    assert "first" in out and "second" in out and out.index("first") < out.index("second")
    assert main(["sql", "select 1 as a; select 2 as b;", "--format", "json", "--warehouse", warehouse]) == 0
    assert capsys.readouterr().out.split("\n]\n") [:2] == ['[\n  {\n    "a": 1\n  }', '[\n  {\n    "b": 2\n  }']


@pytest.mark.unit
def test_a_missing_inbox_is_said_to_not_exist_and_a_file_to_not_be_a_folder(tmp_path, capsys):
    assert main(["run", "--inbox", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert capsys.readouterr().err == f"newsfacts: inbox {tmp_path / 'nope'} does not exist\n"
    (tmp_path / "file.txt").write_text("x")
    assert main(["run", "--inbox", str(tmp_path / "file.txt"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert capsys.readouterr().err == f"newsfacts: inbox {tmp_path / 'file.txt'} is not a folder\n"


@pytest.mark.integration
def test_a_read_only_folder_is_named_as_the_warehouses_not_prefects(tmp_path, inbox, capsys):
    from tests.reliability.conftest import tmpfs

    with tmpfs(tmp_path / "ro", "ro,size=1m") as disk:
        code = main(["run", "--inbox", str(inbox), "--warehouse", str(disk / "newsfacts.duckdb")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"newsfacts: cannot write the warehouse's folder {disk}: Read-only file system\n"


@pytest.mark.unit
def test_the_version_is_printed(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out == f"newsfacts {importlib.metadata.version('newsfacts')}\n"


@pytest.mark.unit
@pytest.mark.parametrize("name", ["run", "serve", "sql", "status"])
def test_help_lists_the_exit_codes(name, capsys):
    with pytest.raises(SystemExit):
        main([name, "--help"])
    out = capsys.readouterr().out
    assert "exit codes:" in out and all(f"  {code}  " in out for code in range(5))


@pytest.mark.parametrize("error, code", [
    (RunInProgress("run r1 (pid 1, started now) is already working on this warehouse"), 3),
    (WarehouseBusy("the warehouse is open in another process"), 3),
    (WarehouseError("cannot write the warehouse"), 2),
    (PermissionError(13, "Permission denied"), 2),
    (ZeroDivisionError("division by zero"), 4),
])
@pytest.mark.unit
def test_each_kind_of_error_has_its_exit_code_and_one_line(error, code, tmp_path, monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(query, "run_sql", fail)
    assert main(["sql", "select 1", "--warehouse", str(tmp_path / "w.duckdb")]) == code
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.unit
def test_an_unexpected_error_says_it_is_a_bug_and_verbose_shows_its_traceback(tmp_path, monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(query, "run_sql", fail)
    assert main(["sql", "select 1", "--warehouse", str(tmp_path / "w.duckdb")]) == 4
    assert capsys.readouterr().err == ("newsfacts: unexpected error (a bug), ZeroDivisionError: division by zero "
                                       "(--verbose shows the traceback)\n")
    assert main(["sql", "select 1", "--verbose", "--warehouse", str(tmp_path / "w.duckdb")]) == 4
    assert "Traceback" in capsys.readouterr().err


def _warehouse_with_runs(home):
    """A warehouse with a run recorded as runs are now (report path relative to its folder) and an older one
    (absolute path), each with its report on disk."""
    warehouse = home / "newsfacts.duckdb"
    for run_id in ("r1", "r2"):
        (home / "runs" / run_id).mkdir(parents=True)
        (home / "runs" / run_id / "report.html").write_text(run_id)
    with duckdb.connect(str(warehouse)) as con:
        ensure_schema(con)
        con.execute("""
            INSERT INTO runs (run_id, started_at, ended_at, status, files_seen, files_new, files_rejected,
                              documents_loaded, report_path)
            VALUES ('r1', ?, ?, 'published', 5, 5, 0, 5, ?), ('r2', ?, ?, 'published', 6, 1, 0, 1, ?)""",
                    [datetime(2026, 1, 1, 10, 0, 0, 123456), datetime(2026, 1, 1, 10, 0, 42, 654321),
                     str(home / "runs" / "r1" / "report.html"),
                     datetime(2026, 1, 2, 10, 0, 0, 5), datetime(2026, 1, 2, 10, 0, 3), "runs/r2/report.html"])
    return warehouse


@pytest.mark.unit
def test_status_as_json_gives_whole_seconds_and_report_paths_that_open(tmp_path, capsys):
    warehouse = _warehouse_with_runs(tmp_path / "wh")
    assert main(["status", "--format", "json", "--warehouse", str(warehouse)]) == 0
    runs = json.loads(capsys.readouterr().out)
    assert [(r["run_id"], r["started"], r["seconds"]) for r in runs] == [
        ("r2", "2026-01-02 10:00:00", 3), ("r1", "2026-01-01 10:00:00", 43)]
    assert all(open(r["report"]).read() == r["run_id"] for r in runs)


@pytest.mark.unit
def test_a_moved_warehouse_still_finds_its_latest_report(tmp_path, capsys):
    _warehouse_with_runs(tmp_path / "wh")
    shutil.move(tmp_path / "wh", tmp_path / "moved")
    assert main(["report", "--warehouse", str(tmp_path / "moved" / "newsfacts.duckdb")]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'moved' / 'runs' / 'r2' / 'report.html'}\n"
    assert main(["status", "--format", "csv", "--warehouse", str(tmp_path / "moved" / "newsfacts.duckdb")]) == 0
    assert str(tmp_path / "moved" / "runs" / "r2" / "report.html") in capsys.readouterr().out
