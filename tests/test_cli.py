"""The CLI documents itself: every command has a description in --help and appears in the README."""

from __future__ import annotations

import pytest

from newsfacts.cli import build_parser, main
from newsfacts.config import PROJECT_ROOT


def _commands() -> dict:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_a_description_and_is_in_the_readme(name):
    command = _commands()[name]
    assert command.description and len(command.description) > 20
    assert f"newsfacts {name}" in (PROJECT_ROOT / "README.md").read_text()


def test_a_query_against_a_missing_warehouse_is_one_clear_line(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsfacts: ") and "Traceback" not in err


def test_bad_sql_is_one_clear_line(tmp_path, capsys):
    import duckdb

    duckdb.connect(str(tmp_path / "w.duckdb")).close()
    assert main(["sql", "SELEC 1", "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "syntax error" in capsys.readouterr().err


def test_a_query_that_outgrows_duckdbs_memory_cap_names_the_setting_to_raise(tmp_path, capsys, monkeypatch):
    import duckdb

    from newsfacts import config

    duckdb.connect(str(tmp_path / "w.duckdb")).close()
    monkeypatch.setattr(config, "DUCKDB_MEMORY_LIMIT", "1MB")
    sql = "SELECT md5(range::varchar) AS s, count(*) FROM range(2000000) GROUP BY s ORDER BY 2 DESC LIMIT 1"
    assert main(["sql", sql, "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "NEWSFACTS_DUCKDB_MEMORY_LIMIT" in err and "1MB" in err and "Traceback" not in err
