"""What a document's page shows: its clean body and file, its copies or original with the aligned sentences, its
facts (quotes, entities, events), and the checks it failed in any run."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfacts.quality.suite import identifier
from newsfacts.report.data import relation_exists
from newsfacts.report.diff import aligned

MAX_FACTS = 300  # quotes, entities and events listed per document


@dataclass
class DocumentPage:
    document: dict
    source: str  # "main", or the kept batch schema the document was read from
    raw_file: dict | None
    original: dict | None  # the pair this document copies or rewrites
    copies: list[dict] = field(default_factory=list)  # pairs that copy or rewrite this document
    quotes: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    failed_checks: list[dict] = field(default_factory=list)


def read_document(con, doc_id: str, kept_schema: str | None = None) -> DocumentPage | None:
    """The page of one document: read from the kept batch of a run that did not publish when it is there."""
    schema = kept_schema if kept_schema and _has(con, kept_schema, "documents", doc_id) else "main"
    schema = identifier(schema)
    document = _rows(con, f"SELECT * EXCLUDE (body), body FROM {schema}.documents WHERE doc_id = ?", [doc_id])
    if not document:
        return None
    document = document[0]
    raw = _rows(con, f"SELECT path, stored_path, bytes, run_id FROM {_table(con, schema, 'raw_files')}"
                     " WHERE sha256 = ? ORDER BY status <> 'loaded' LIMIT 1", [document["sha256"]])
    pairs = _rows(con, f"""
        WITH pairs AS (
            -- the verdicts documents hold now: a pair recorded before a later run re-judged its document is history
            SELECT p.* FROM {_table(con, schema, 'duplicate_pairs')} p
            JOIN {_table(con, schema, 'documents')} d ON d.doc_id = p.doc_id AND d.duplicate_of = p.duplicate_of
            WHERE p.doc_id = $doc OR p.duplicate_of = $doc
        ),
        docs AS (SELECT doc_id, any_value(title) AS title, any_value(outlet) AS outlet FROM (
                     SELECT doc_id, title, outlet FROM {_table(con, schema, 'documents')}
                     WHERE doc_id IN (SELECT doc_id FROM pairs UNION SELECT duplicate_of FROM pairs)
                 ) GROUP BY doc_id)
        SELECT p.*, a.title, a.outlet, o.title AS original_title, o.outlet AS original_outlet
        FROM pairs p LEFT JOIN docs a ON a.doc_id = p.doc_id LEFT JOIN docs o ON o.doc_id = p.duplicate_of
        ORDER BY p.score DESC, p.doc_id
    """, {"doc": doc_id})
    for pair in pairs:
        pair["sentences"] = aligned(pair["evidence"])
    page = DocumentPage(
        document=document,
        source=schema,
        raw_file=raw[0] if raw else None,
        original=next((p for p in pairs if p["doc_id"] == doc_id), None),
        copies=[p for p in pairs if p["duplicate_of"] == doc_id],
    )
    page.quotes = _rows(con, f"""
        SELECT q.kind, q.text, q.cue, coalesce(e.name, q.speaker) AS speaker, q.speaker_role, q.speaker_reason,
               q.speaker_entity_id, q.start_char
        FROM {schema}.quotes q LEFT JOIN {_table(con, schema, 'entities')} e ON e.entity_id = q.speaker_entity_id
        WHERE q.doc_id = ? ORDER BY q.start_char LIMIT {MAX_FACTS}
    """, [doc_id]) if relation_exists(con, schema, "quotes") else []
    page.entities = _rows(con, f"""
        SELECT m.entity_id, any_value(e.name) AS name, any_value(e.type) AS type, count(*) AS mentions,
               list(DISTINCT m.text ORDER BY m.text) AS forms, min(m.start_char) AS first_char
        FROM {schema}.mentions m LEFT JOIN {_table(con, schema, 'entities')} e USING (entity_id)
        WHERE m.doc_id = ? GROUP BY m.entity_id ORDER BY mentions DESC, first_char LIMIT {MAX_FACTS}
    """, [doc_id]) if relation_exists(con, schema, "mentions") else []
    page.events = _rows(con, f"""
        SELECT date, date_precision, date_text, resolution, text FROM {schema}.events
        WHERE doc_id = ? ORDER BY start_char LIMIT {MAX_FACTS}
    """, [doc_id]) if relation_exists(con, schema, "events") else []
    page.failed_checks = _rows(con, """
        SELECT run_id, table_name, expectation, severity, any_value(observed_value) AS observed_value
        FROM main.dq_results
        WHERE list_contains(doc_ids, ?) AND coalesce(status, CASE WHEN success THEN 'passed' ELSE 'failed' END) = 'failed'
        GROUP BY ALL ORDER BY min(checked_at) DESC, severity, table_name, expectation
    """, [doc_id])
    return page


def _table(con, schema: str, table: str) -> str:
    """The rows of `table` a kept batch's document may refer to: the batch's and the published ones."""
    if schema == "main" or not relation_exists(con, schema, table):
        return f"main.{identifier(table)}"
    return f"(SELECT * FROM {schema}.{identifier(table)} UNION ALL BY NAME SELECT * FROM main.{identifier(table)})"


def _has(con, schema: str, table: str, doc_id: str) -> bool:
    return relation_exists(con, schema, table) and bool(
        con.execute(f"SELECT count(*) FROM {identifier(schema)}.{identifier(table)} WHERE doc_id = ?", [doc_id])
        .fetchone()[0])


def _rows(con, sql: str, params) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
