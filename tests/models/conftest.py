"""Fixtures: the planted warehouse, in memory with models built, and on disk with the full-text index."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsfacts.config import SQL_DIR
from newsfacts.transform.models import build_models
from newsfacts.transform.search_index import build_fts_index

from .planted import plant, schema_connection


def _built() -> duckdb.DuckDBPyConnection:
    con = schema_connection()
    plant(con)
    build_models(con, SQL_DIR)
    return con


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    """In-memory warehouse holding the planted rows, with every model built; shared, so tests only read it."""
    con = _built()
    yield con
    con.close()


@pytest.fixture
def fresh_con() -> duckdb.DuckDBPyConnection:
    """Like con, but the test's own: for tests that change rows and rebuild the models."""
    con = _built()
    yield con
    con.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse file as a publish leaves it: planted rows, models and the BM25 index; opened read-only by tests."""
    path = tmp_path_factory.mktemp("warehouse") / "newsfacts.duckdb"
    con = schema_connection(path)
    plant(con)
    build_models(con, SQL_DIR)
    build_fts_index(con)
    con.close()
    return path

