"""docs/schema.md is generated from schema.sql plus the models, and must be kept in sync."""

from __future__ import annotations

import pytest

from newsfacts.transform.schema_docs import SCHEMA_DOC, generate

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def generated() -> str:
    return generate()


def test_schema_docs_are_up_to_date(generated):
    assert SCHEMA_DOC.read_text(encoding="utf-8") == generated, "docs/schema.md is stale: run `make docs`"


def test_schema_docs_cover_every_table_and_model(generated):
    for name in ["documents", "quotes", "story_clusters", "attribution_conflicts", "stg_quotes"]:
        assert f"\n### {name}\n" in generated
    assert "| `independent_sources` | BIGINT |" in generated
    assert "LOAD fts;" in generated
