"""Fixtures shared by the dedupe tests that run against a warehouse."""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.config import PROJECT_ROOT

SCHEMA = PROJECT_ROOT / "newsfacts" / "warehouse" / "schema.sql"


@pytest.fixture
def con():
    """An empty in-memory warehouse with the full schema."""
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    yield con
    con.close()
