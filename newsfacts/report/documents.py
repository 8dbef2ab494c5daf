"""What a document's page shows: its clean body and file, its copies or original with the aligned sentences, its
facts (quotes, entities, events), and the checks it failed in any run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from newsfacts.warehouse.identifiers import identifier
from newsfacts.report.data import VERDICT_CHANGES
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
    verdict_changes: list[dict] = field(default_factory=list)  # earlier verdicts later runs revised, newest first

    @property
    def paragraphs(self) -> list[Markup]:
        """The clean body's paragraphs, its quotes marked with their speakers."""
        return marked_paragraphs(self.document["body"] or "", self.quotes)


def marked_paragraphs(body: str, quotes: list[dict]) -> list[Markup]:
    """body split at blank lines as HTML paragraphs, each quote's span (body offsets) in <mark> titled with its
    speaker; a quote running over paragraphs is marked in each, overlapping spans keep the first."""
    spans, end = [], 0
    for q in sorted(quotes, key=lambda q: q["start_char"]):
        if q["start_char"] >= end and q["end_char"] <= len(body):
            who = q["speaker"] or f"no speaker: {q['speaker_reason'] or 'not given'}"
            spans.append((q["start_char"], q["end_char"], f"{q['kind']}: {who}"))
            end = q["end_char"]
    paragraphs, start = [], 0
    for gap in [*re.finditer(r"\n\s*\n", body), None]:
        stop = gap.start() if gap else len(body)
        if body[start:stop].strip():
            paragraphs.append(_marked(body, start, stop, spans))
        start = gap.end() if gap else stop
    return paragraphs


def _marked(body: str, start: int, stop: int, spans: list[tuple[int, int, str]]) -> Markup:
    html, at = [], start
    for first, last, title in spans:
        first, last = max(first, start), min(last, stop)
        if first >= last:
            continue
        html += [escape(body[at:first]), Markup('<mark class="quote" title="{}">{}</mark>').format(title, body[first:last])]
        at = last
    html.append(escape(body[at:stop]))
    return Markup("").join(html)


def read_documents(con, doc_ids, kept_schema: str | None = None) -> dict[str, DocumentPage]:
    """The pages of documents, a few queries for all of them: a document of the kept batch of a run that did not
    publish is read from there, the others from the published tables."""
    doc_ids = sorted(set(doc_ids))
    kept = _in_schema(con, kept_schema, doc_ids) if kept_schema else []
    groups = {identifier(kept_schema): kept} if kept else {}
    groups["main"] = [d for d in doc_ids if d not in set(kept)]
    pages: dict[str, DocumentPage] = {}
    for schema, ids in groups.items():
        if ids:
            pages.update(_read_group(con, schema, ids))
    for check in _rows(con, f"""
        WITH failed AS (
            SELECT unnest(doc_ids) AS doc_id, run_id, table_name, expectation, severity, observed_value, checked_at
            FROM main.dq_results
            WHERE list_has_any(doc_ids, $ids::VARCHAR[])
              AND coalesce(status, CASE WHEN success THEN 'passed' ELSE 'failed' END) = 'failed'
        )
        SELECT doc_id, run_id, table_name, expectation, severity, any_value(observed_value) AS observed_value
        FROM failed WHERE doc_id IN (SELECT unnest($ids::VARCHAR[]))
        GROUP BY ALL ORDER BY min(checked_at) DESC, severity, table_name, expectation
    """, {"ids": doc_ids}):
        if check["doc_id"] in pages:
            pages[check["doc_id"]].failed_checks.append(check)
    if VERDICT_CHANGES in _tables(con, "main"):
        for change in _rows(con, f"""
            SELECT v.*, r.started_at FROM main.{VERDICT_CHANGES} v LEFT JOIN main.runs r USING (run_id)
            WHERE v.doc_id IN (SELECT unnest($ids::VARCHAR[])) ORDER BY r.started_at DESC NULLS LAST
        """, {"ids": doc_ids}):
            if change["doc_id"] in pages:
                pages[change["doc_id"]].verdict_changes.append(change)
    return pages


def _read_group(con, schema: str, ids: list[str]) -> dict[str, DocumentPage]:
    params = {"ids": ids}
    documents = _rows(con, f"SELECT * FROM {schema}.documents WHERE doc_id IN (SELECT unnest($ids::VARCHAR[]))",
                      params)
    raw = {r["sha256"]: r for r in _rows(con, f"""
        SELECT sha256, path, stored_path, bytes, run_id FROM {_table(con, schema, 'raw_files')}
        WHERE sha256 IN (SELECT unnest($shas::VARCHAR[]))
        QUALIFY row_number() OVER (PARTITION BY sha256 ORDER BY status <> 'loaded') = 1
    """, {"shas": [d["sha256"] for d in documents]})}
    pages = {d["doc_id"]: DocumentPage(document=d, source=schema, raw_file=raw.get(d["sha256"]), original=None)
             for d in documents}
    for pair in _rows(con, f"""
        WITH pairs AS (
            -- the verdicts documents hold now: a pair recorded before a later run re-judged its document is history
            SELECT p.* FROM {_table(con, schema, 'duplicate_pairs')} p
            JOIN {_table(con, schema, 'documents')} d ON d.doc_id = p.doc_id AND d.duplicate_of = p.duplicate_of
            WHERE p.doc_id IN (SELECT unnest($ids::VARCHAR[])) OR p.duplicate_of IN (SELECT unnest($ids::VARCHAR[]))
        ),
        docs AS (SELECT doc_id, any_value(title) AS title, any_value(outlet) AS outlet FROM (
                     SELECT doc_id, title, outlet FROM {_table(con, schema, 'documents')}
                     WHERE doc_id IN (SELECT doc_id FROM pairs UNION SELECT duplicate_of FROM pairs)
                 ) GROUP BY doc_id)
        SELECT p.*, a.title, a.outlet, o.title AS original_title, o.outlet AS original_outlet
        FROM pairs p LEFT JOIN docs a ON a.doc_id = p.doc_id LEFT JOIN docs o ON o.doc_id = p.duplicate_of
        ORDER BY p.score DESC, p.doc_id
    """, params):
        pair["sentences"] = aligned(pair["evidence"])
        if pair["doc_id"] in pages:
            pages[pair["doc_id"]].original = pair
        if pair["duplicate_of"] in pages:
            pages[pair["duplicate_of"]].copies.append(pair)
    tables = _tables(con, schema)
    facts = {
        "quotes": f"""
            SELECT q.doc_id, q.kind, q.text, q.cue, coalesce(e.name, q.speaker) AS speaker, q.speaker_role,
                   q.speaker_reason, q.speaker_entity_id, q.start_char, q.end_char
            FROM {schema}.quotes q LEFT JOIN {_table(con, schema, 'entities')} e ON e.entity_id = q.speaker_entity_id
            WHERE q.doc_id IN (SELECT unnest($ids::VARCHAR[]))
            QUALIFY row_number() OVER (PARTITION BY q.doc_id ORDER BY q.start_char) <= {MAX_FACTS}
            ORDER BY q.doc_id, q.start_char""",
        "mentions": f"""
            SELECT m.doc_id, m.entity_id, any_value(e.name) AS name, any_value(e.type) AS type, count(*) AS mentions,
                   list(DISTINCT m.text ORDER BY m.text) AS forms, min(m.start_char) AS first_char
            FROM {schema}.mentions m LEFT JOIN {_table(con, schema, 'entities')} e USING (entity_id)
            WHERE m.doc_id IN (SELECT unnest($ids::VARCHAR[])) GROUP BY m.doc_id, m.entity_id
            QUALIFY row_number() OVER (PARTITION BY m.doc_id ORDER BY count(*) DESC, min(m.start_char)) <= {MAX_FACTS}
            ORDER BY m.doc_id, mentions DESC, first_char""",
        "events": f"""
            SELECT doc_id, date, date_precision, date_text, resolution, text FROM {schema}.events
            WHERE doc_id IN (SELECT unnest($ids::VARCHAR[]))
            QUALIFY row_number() OVER (PARTITION BY doc_id ORDER BY start_char) <= {MAX_FACTS}
            ORDER BY doc_id, start_char""",
    }
    field_of = {"quotes": "quotes", "mentions": "entities", "events": "events"}
    for table, sql in facts.items():
        if table in tables:
            for row in _rows(con, sql, params):
                getattr(pages[row["doc_id"]], field_of[table]).append(row)
    return pages


def _in_schema(con, schema: str, doc_ids: list[str]) -> list[str]:
    if "documents" not in _tables(con, schema):
        return []
    return [r["doc_id"] for r in _rows(con, f"SELECT doc_id FROM {identifier(schema)}.documents"
                                            " WHERE doc_id IN (SELECT unnest($ids::VARCHAR[]))", {"ids": doc_ids})]


def _tables(con, schema: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ?",
        [schema]).fetchall()}


def _table(con, schema: str, table: str) -> str:
    """The rows of `table` a kept batch's document may refer to: the batch's and the published ones."""
    if schema == "main" or table not in _tables(con, schema):
        return f"main.{identifier(table)}"
    return f"(SELECT * FROM {schema}.{identifier(table)} UNION ALL BY NAME SELECT * FROM main.{identifier(table)})"


def _rows(con, sql: str, params) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
