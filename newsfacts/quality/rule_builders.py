"""Builders of the SQL rules several suites share (references that must resolve, offsets that must point at the
text): expectations/<table>.py call them, so each such rule is written once and reads the batch by key."""

from __future__ import annotations

from newsfacts.quality.suite import CRITICAL, Rule
from newsfacts.warehouse.identifiers import identifier

# Documents a batch row may point at: the batch's own, or ones already published.
_DOCS_FOR = """
    select doc_id, body, kind from {{batch}}.documents
    union all
    select doc_id, body, kind from main.documents
    where doc_id in (select doc_id from {{batch}}.{table})
      and doc_id not in (select doc_id from {{batch}}.documents)
"""


def docs_for(table: str) -> str:
    """SQL for the documents that rows of batch `table` can refer to, fetched by key (cost follows the batch)."""
    return _DOCS_FOR.format(table=identifier(table))


def document_exists(table: str, column: str = "doc_id", severity: str = CRITICAL) -> Rule:
    """Every row's document is in the batch or already published."""
    table, column = identifier(table), identifier(column)
    sql = f"""
        select t.{column} from {{batch}}.{table} t
        where t.{column} not in (select doc_id from {{batch}}.documents)
          and t.{column} not in (select doc_id from main.documents
                                 where doc_id in (select {column} from {{batch}}.{table}))
    """
    return Rule(f"{table}_{column}_refers_to_a_document", severity, sql)


def entity_exists(table: str, column: str = "entity_id", severity: str = CRITICAL) -> Rule:
    """Every row's entity is in the batch or already published (null columns are another expectation's business)."""
    table, column = identifier(table), identifier(column)
    sql = f"""
        select t.{column} from {{batch}}.{table} t
        where t.{column} is not null
          and t.{column} not in (select entity_id from {{batch}}.entities)
          and t.{column} not in (select entity_id from main.entities
                                 where entity_id in (select {column} from {{batch}}.{table}))
    """
    return Rule(f"{table}_{column}_refers_to_an_entity", severity, sql)


def text_at_offsets(table: str, severity: str = CRITICAL) -> Rule:
    """Every row's text equals documents.body[start_char:end_char].

    DuckDB's substr counts code points, as Python's slicing does, so curly quotes and accents do not shift offsets.
    """
    table = identifier(table)
    sql = f"""
        with docs as ({docs_for(table)})
        select t.doc_id, t.start_char, t.end_char, t.text,
               substr(d.body, t.start_char + 1, greatest(t.end_char - t.start_char, 0)) as body_at_offsets
        from {{batch}}.{table} t join docs d using (doc_id)
        where t.start_char < 0 or t.end_char > length(d.body) or t.end_char <= t.start_char
           or substr(d.body, t.start_char + 1, t.end_char - t.start_char) is distinct from t.text
    """
    return Rule(f"{table}_text_equals_body_at_its_offsets", severity, sql)
