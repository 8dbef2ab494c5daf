"""docs/schema.md is generated from schema.sql plus the models, and must be kept in sync."""

from __future__ import annotations

from newsfacts.schema_docs import SCHEMA_DOC, generate


def test_schema_docs_are_up_to_date():
    assert SCHEMA_DOC.read_text(encoding="utf-8") == generate(), "docs/schema.md is stale: run `make docs`"


def test_schema_docs_cover_every_table_and_model():
    text = generate()
    for name in ["documents", "quotes", "story_clusters", "attribution_conflicts", "stg_quotes"]:
        assert f"\n### {name}\n" in text
    assert "| `independent_sources` | BIGINT |" in text
    assert "LOAD fts;" in text
