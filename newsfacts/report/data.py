"""Read what a report shows about one run: from main, or from the schema where a failed run's batch is kept."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from newsfacts.quality.suite import identifier

# Tables whose rows belong to a document: in main they are the run's when their document is.
_DOC_TABLES = ("transcripts", "segments", "lsh_bands", "mentions", "quotes", "events", "quantities")
# Tables a run stamps with its run_id.
_RUN_TABLES = ("raw_files", "documents", "duplicate_pairs")
LOADED_TABLES = ("documents", "transcripts", "segments", "duplicate_pairs", "entities", "entity_aliases",
                 "mentions", "quotes", "events", "quantities")
MAX_LISTED = 200  # rows listed per section; the counts above each list are complete
MAX_EVIDENCE = 6  # aligned sentence pairs shown per duplicate pair


@dataclass
class Scope:
    """Where a run's rows are: `schema` for a kept batch, else the run's rows in main, chosen by run_id."""

    run_id: str
    schema: str | None = None

    def rows(self, table: str) -> str:
        """SQL for the run's rows of `table` (a parenthesised subquery using $run_id when it reads main)."""
        table = identifier(table)
        if self.schema:
            return f"(SELECT * FROM {identifier(self.schema)}.{table})"
        if table in _RUN_TABLES:
            return f"(SELECT * FROM main.{table} WHERE run_id = $run_id)"
        run_docs = "SELECT doc_id FROM main.documents WHERE run_id = $run_id"
        if table in _DOC_TABLES:
            return f"(SELECT * FROM main.{table} WHERE doc_id IN ({run_docs}))"
        run_entities = f"SELECT entity_id FROM main.mentions WHERE doc_id IN ({run_docs})"
        return f"(SELECT * FROM main.{table} WHERE entity_id IN ({run_entities}))"

    def query(self, con, sql: str, params: dict | None = None) -> list[dict[str, Any]]:
        params = dict(params or {})
        if "$run_id" in sql:
            params["run_id"] = self.run_id
        cursor = con.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


@dataclass
class RunData:
    run: dict[str, Any]
    source: str
    status_counts: dict[str, int]
    files: list[dict]
    rejected: list[dict]
    duplicate_files: list[dict]
    pairs: list[dict]
    loaded: dict[str, int]
    documents: list[dict]
    outlets: list[tuple[str, int]]
    entities_per_document: list[tuple[str, int]]
    dq: list[dict]
    pass_rates: list[tuple[str, float]]
    checked_tables: list[dict] = field(default_factory=list)


def relation_exists(con, schema: str, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_catalog = current_database() AND table_schema = ? AND table_name = ?", [schema, table]
    ).fetchone()[0])


def read_run(con, run_id: str, batch_schema: str | None) -> RunData:
    scope = Scope(run_id, batch_schema)
    run = scope.query(con, "SELECT * FROM main.runs WHERE run_id = $run_id")
    files = scope.query(con, f"SELECT path, status, format, bytes, reason FROM {scope.rows('raw_files')} ORDER BY path")
    documents = _documents(con, scope)
    # A run publishes in chunks, each audited: an expectation passed if it passed in every chunk, and shows
    # what a failing chunk observed (false sorts first).
    dq = scope.query(con, """
        SELECT table_name, expectation, severity, bool_and(success) AS success,
               arg_min_null(observed_value, success) AS observed_value,
               arg_min_null(unexpected_examples, success) AS unexpected_examples
        FROM main.dq_results WHERE run_id = $run_id
        GROUP BY table_name, expectation, severity
        ORDER BY success, severity = 'warning', table_name, expectation
    """)
    for row in dq:
        row["unexpected_examples"] = json.loads(row["unexpected_examples"] or "[]")
    return RunData(
        run=run[0] if run else {"run_id": run_id},
        source=f"kept batch schema {batch_schema}" if batch_schema else "published tables (main)",
        status_counts=_count_by(files, "status"),
        files=files,
        rejected=[f for f in files if f["status"] == "rejected"],
        duplicate_files=[f for f in files if f["status"] == "duplicate"],
        pairs=_pairs(con, scope),
        loaded={t: _count(con, scope, t) for t in LOADED_TABLES},
        documents=documents,
        outlets=sorted(_count_by(documents, "outlet", "(unknown outlet)").items(), key=lambda kv: (-kv[1], kv[0])),
        entities_per_document=_entities_per_document(con, scope),
        dq=dq,
        pass_rates=_pass_rates(con),
        checked_tables=_checked_tables(dq),
    )


def _count(con, scope: Scope, table: str) -> int:
    if scope.schema and not relation_exists(con, scope.schema, table):
        return 0
    return scope.query(con, f"SELECT count(*) AS n FROM {scope.rows(table)}")[0]["n"]


def _count_by(rows: list[dict], key: str, missing: str = "(none)") -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in rows:
        value = row[key] or missing
        counts[value] = counts.get(value, 0) + 1
    return counts


def _documents(con, scope: Scope) -> list[dict]:
    return scope.query(con, f"""
        SELECT doc_id, title, outlet, site, kind, published_date, word_count, duplicate_of, duplicate_level,
               cluster_id, source_path, lines_total, lines_dropped
        FROM {scope.rows('documents')} ORDER BY outlet NULLS LAST, title
    """)


def _pairs(con, scope: Scope) -> list[dict]:
    # Titles come from the run's documents or from main: an original may have been published by an earlier run.
    pairs = scope.query(con, f"""
        WITH pairs AS (SELECT * FROM {scope.rows('duplicate_pairs')}),
        ends AS (SELECT doc_id FROM pairs UNION SELECT duplicate_of FROM pairs),
        docs AS (
            SELECT doc_id, any_value(title) AS title, any_value(outlet) AS outlet FROM (
                SELECT doc_id, title, outlet FROM {scope.rows('documents')}
                UNION ALL
                SELECT doc_id, title, outlet FROM main.documents WHERE doc_id IN (SELECT doc_id FROM ends)
            ) GROUP BY doc_id
        )
        SELECT p.doc_id, p.duplicate_of, p.level, p.method, p.score, p.evidence,
               a.title, a.outlet, o.title AS original_title, o.outlet AS original_outlet
        FROM pairs p LEFT JOIN docs a ON a.doc_id = p.doc_id LEFT JOIN docs o ON o.doc_id = p.duplicate_of
        ORDER BY p.score DESC, p.doc_id
    """)
    for pair in pairs:
        evidence = json.loads(pair["evidence"] or "[]")
        evidence = evidence if isinstance(evidence, list) else []
        pair["evidence"], pair["evidence_total"] = evidence[:MAX_EVIDENCE], len(evidence)
    return pairs


def _entities_per_document(con, scope: Scope) -> list[tuple[str, int]]:
    rows = scope.query(con, f"""
        SELECT coalesce(d.title, d.doc_id) AS label, count(DISTINCT m.entity_id) AS entities
        FROM {scope.rows('documents')} d LEFT JOIN {scope.rows('mentions')} m USING (doc_id)
        GROUP BY ALL ORDER BY entities DESC, label LIMIT 30
    """)
    return [(r["label"], r["entities"]) for r in rows]


def _pass_rates(con) -> list[tuple[str, float]]:
    rows = con.execute("""
        SELECT run_id, avg(success::INTEGER) AS rate FROM main.dq_results
        GROUP BY run_id ORDER BY min(checked_at) DESC LIMIT 30
    """).fetchall()
    return [(run_id, rate) for run_id, rate in reversed(rows)]


def _checked_tables(dq: list[dict]) -> list[dict]:
    tables: dict[str, dict] = {}
    for row in dq:
        entry = tables.setdefault(row["table_name"], {"table": row["table_name"], "passed": 0, "failed": 0,
                                                      "critical_failed": 0})
        if row["success"]:
            entry["passed"] += 1
        else:
            entry["failed"] += 1
            entry["critical_failed"] += row["severity"] == "critical"
    return sorted(tables.values(), key=lambda t: (-t["critical_failed"], -t["failed"], t["table"]))
