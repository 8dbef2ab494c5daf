from pathlib import Path

import pytest

from newsfacts.config import DEFAULT_DUCKDB_MEMORY_LIMIT, Settings, default_warehouse

pytestmark = pytest.mark.unit


def test_settings_alone_read_nothing_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSFACTS_WAREHOUSE", "/elsewhere/w.duckdb")
    monkeypatch.setenv("NEWSFACTS_DUCKDB_MEMORY_LIMIT", "4GB")
    settings = Settings()
    assert settings.warehouse == default_warehouse() and settings.duckdb_memory_limit == DEFAULT_DUCKDB_MEMORY_LIMIT


def test_from_env_takes_the_environment_over_the_defaults_and_the_flags_over_both():
    environ = {"NEWSFACTS_WAREHOUSE": "/elsewhere/w.duckdb", "NEWSFACTS_DUCKDB_MEMORY_LIMIT": "4GB"}
    assert Settings.from_env(environ).warehouse == Path("/elsewhere/w.duckdb")
    assert Settings.from_env(environ).duckdb_memory_limit == "4GB"
    flagged = Settings.from_env(environ, warehouse=Path("/flag/w.duckdb"), batch_size=7, publish_every=None)
    assert (flagged.warehouse, flagged.batch_size, flagged.publish_every) == (Path("/flag/w.duckdb"), 7, Settings().publish_every)


def test_empty_variables_count_as_unset():
    settings = Settings.from_env({"NEWSFACTS_WAREHOUSE": "", "NEWSFACTS_DUCKDB_MEMORY_LIMIT": ""})
    assert settings == Settings()
