"""The registry of tables names every table the warehouse has, once, and says the truth about each."""

from __future__ import annotations

import re

import duckdb
import pytest

from newsfacts.transform.models import SCHEMA_SQL, STATE_TABLE
from newsfacts.warehouse.tables import (BATCH_TABLES, PER_DOCUMENT_TABLES, PUBLISHED_TABLES, RUN_STAMPED_TABLES,
                                        RUN_TABLES, SHARED_TABLES, TABLES)

pytestmark = pytest.mark.unit


def _columns() -> dict[str, set[str]]:
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    rows = con.execute("SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'").fetchall()
    con.close()
    columns: dict[str, set[str]] = {}
    for table, column in rows:
        columns.setdefault(table, set()).add(column)
    return columns


def test_the_registry_lists_every_table_of_schema_sql_and_the_model_state_once():
    names = [t.name for t in TABLES]
    assert len(names) == len(set(names))
    created = set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA_SQL.read_text(encoding="utf-8")))
    assert {t.name for t in TABLES if t.in_main} == created | {STATE_TABLE}


def test_a_batch_carries_every_published_table_and_dedupes_changes_to_earlier_documents():
    assert set(BATCH_TABLES) == set(PUBLISHED_TABLES) | {"document_updates"}
    assert not set(BATCH_TABLES) & set(RUN_TABLES)


def test_the_keys_the_registry_claims_are_columns_of_each_table():
    columns = _columns()
    assert all("doc_id" in columns[t] for t in PER_DOCUMENT_TABLES)
    assert all("entity_id" in columns[t] for t in SHARED_TABLES)
    assert all("run_id" in columns[t] for t in RUN_STAMPED_TABLES)
