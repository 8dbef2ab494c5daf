"""Read what a report shows about one run: from main, or from the schema where a failed run's batch is kept."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from newsfacts.warehouse.identifiers import identifier
from newsfacts.report.diff import aligned
from newsfacts.warehouse.tables import COUNTED_TABLES, PER_DOCUMENT_TABLES, RUN_STAMPED_TABLES

MAX_LISTED = 200  # rows listed per section; the counts above each list are complete
MAX_EVIDENCE = 6  # aligned sentence pairs shown per duplicate pair
TREND_RUNS = 30  # runs drawn in the trends
MAX_COPIES = 30  # originals and copies listed per story


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
        if table in RUN_STAMPED_TABLES:
            return f"(SELECT * FROM main.{table} WHERE run_id = $run_id)"
        run_docs = "SELECT doc_id FROM main.documents WHERE run_id = $run_id"
        if table in PER_DOCUMENT_TABLES:  # in main, the run's when their document is
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
    trend: Trend
    checked_tables: list[dict] = field(default_factory=list)
    stories: list[dict] = field(default_factory=list)
    conflicts: list[dict] | None = None
    verdict_changes: list[dict] | None = None

    @property
    def linked_documents(self) -> set[str]:
        """Every document the report links to a page of."""
        linked = {d["doc_id"] for d in self.documents[:MAX_LISTED]}
        linked |= {d for p in self.pairs[:MAX_LISTED] for d in (p["doc_id"], p["duplicate_of"])}
        linked |= {row["doc_id"] for r in self.dq for row in r["rows"]}
        linked |= {m["doc_id"] for s in self.stories[:MAX_LISTED] for m in s["members"]}
        linked |= {v[k] for v in self.verdict_changes or () for k in ("doc_id", "duplicate_of", "was_duplicate_of")
                   if v.get(k)}
        return linked


@dataclass
class Trend:
    """Checks per run over the latest runs that checked anything, oldest first."""

    runs: list[dict]  # run_id, status, passed, failed, skipped, rate (None when nothing passed or failed)
    failures: dict[str, dict[str, int]]  # table -> run_id -> failed checks
    critical: dict[str, dict[str, int]]  # table -> run_id -> failed critical checks


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
    dq = _checks(con, scope)
    return RunData(
        run=run[0] if run else {"run_id": run_id},
        source=f"kept batch schema {batch_schema}" if batch_schema else "published tables (main)",
        status_counts=_count_by(files, "status"),
        files=files,
        rejected=[f for f in files if f["status"] == "rejected"],
        duplicate_files=[f for f in files if f["status"] == "duplicate"],
        pairs=_pairs(con, scope),
        loaded={t: _count(con, scope, t) for t in COUNTED_TABLES},
        documents=documents,
        outlets=sorted(_count_by(documents, "outlet", "(unknown outlet)").items(), key=lambda kv: (-kv[1], kv[0])),
        entities_per_document=_entities_per_document(con, scope),
        dq=dq,
        trend=read_trend(con),
        checked_tables=_checked_tables(dq),
        stories=_stories(con, scope),
        conflicts=None if batch_schema else _conflicts(con, scope),
        verdict_changes=_verdict_changes(con, run_id),
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
        pair["sentences"] = aligned(pair["evidence"], MAX_EVIDENCE)
    return pairs


def _entities_per_document(con, scope: Scope) -> list[tuple[str, int]]:
    rows = scope.query(con, f"""
        SELECT coalesce(d.title, d.doc_id) AS label, count(DISTINCT m.entity_id) AS entities
        FROM {scope.rows('documents')} d LEFT JOIN {scope.rows('mentions')} m USING (doc_id)
        GROUP BY ALL ORDER BY entities DESC, label LIMIT 30
    """)
    return [(r["label"], r["entities"]) for r in rows]


def _checks(con, scope: Scope) -> list[dict]:
    """The run's checks, failed first, each with its offending documents.

    A run publishes in chunks, each audited: a check failed if it failed in any chunk (and shows what a failing
    chunk observed), was skipped if it could run in none, and passed otherwise.
    """
    dq = scope.query(con, f"""
        WITH results AS (
            SELECT * EXCLUDE (status), {_STATUS} AS result FROM main.dq_results WHERE run_id = $run_id
        )
        SELECT table_name, expectation, severity,
               CASE WHEN bool_or(result = 'failed') THEN 'failed'
                    WHEN bool_and(result = 'skipped') THEN 'skipped' ELSE 'passed' END AS status,
               arg_max(observed_value, {_WORST}) AS observed_value,
               arg_max(unexpected_examples, {_WORST}) AS unexpected_examples,
               coalesce(list_distinct(flatten(list(doc_ids) FILTER (WHERE result = 'failed' AND doc_ids IS NOT NULL))),
                        []) AS doc_ids
        FROM results
        GROUP BY table_name, expectation, severity
        ORDER BY status <> 'failed', severity = 'warning', status = 'passed', table_name, expectation
    """)
    documents = _lookup_documents(con, scope, [d for r in dq for d in r["doc_ids"]])
    for row in dq:
        row["success"] = row["status"] == "passed"
        row["unexpected_examples"] = json.loads(row["unexpected_examples"] or "[]")
        row["rows"] = [documents[d] for d in row["doc_ids"] if d in documents]
    return dq


# dq_results.status, for rows written before it existed (their warehouse not yet opened for writing since).
_STATUS = "coalesce(status, CASE WHEN success THEN 'passed' ELSE 'failed' END)"
# The chunk whose result a check shows: a failing one, else a passing one.
_WORST = "CASE result WHEN 'failed' THEN 2 WHEN 'passed' THEN 1 ELSE 0 END"


def _lookup_documents(con, scope: Scope, doc_ids: list[str]) -> dict[str, dict]:
    """doc_id, title, outlet and file of documents, from the run's kept batch or the published tables."""
    if not doc_ids:
        return {}
    kept = f"SELECT doc_id, title, outlet, source_path FROM {identifier(scope.schema)}.documents UNION ALL " \
        if scope.schema and relation_exists(con, scope.schema, "documents") else ""
    rows = scope.query(con, f"""
        SELECT doc_id, any_value(title) AS title, any_value(outlet) AS outlet, any_value(source_path) AS source_path
        FROM ({kept} SELECT doc_id, title, outlet, source_path FROM main.documents)
        WHERE doc_id IN (SELECT unnest($ids::VARCHAR[]))
        GROUP BY doc_id
    """, {"ids": list(dict.fromkeys(doc_ids))})
    return {r["doc_id"]: r for r in rows}


def _stories(con, scope: Scope) -> list[dict]:
    """The story clusters the run added to: each with its members (this run's and earlier ones), originals first.

    An original (duplicate_of null) is an independent source; the others copy or rewrite one of them.
    """
    kept = f"SELECT *, true AS in_run FROM {identifier(scope.schema)}.documents UNION ALL BY NAME " \
        if scope.schema else ""
    in_run = "false" if scope.schema else "run_id = $run_id"
    members = scope.query(con, f"""
        WITH run_docs AS (SELECT doc_id, cluster_id FROM {scope.rows('documents')}),
        docs AS (
            SELECT doc_id, any_value(cluster_id) AS cluster_id, any_value(title) AS title,
                   any_value(outlet) AS outlet, any_value(published_date) AS published_date,
                   any_value(duplicate_of) AS duplicate_of, any_value(duplicate_level) AS duplicate_level,
                   bool_or(in_run) AS in_run
            FROM ({kept} SELECT *, {in_run} AS in_run FROM main.documents
                  WHERE cluster_id IN (SELECT cluster_id FROM run_docs))
            GROUP BY doc_id
        )
        SELECT * FROM docs
        ORDER BY cluster_id, duplicate_of IS NOT NULL, doc_id <> cluster_id, published_date NULLS LAST, doc_id
    """)
    stories: dict[str, dict] = {}
    for m in members:
        story = stories.setdefault(m["cluster_id"], {"cluster_id": m["cluster_id"], "members": [], "originals": [],
                                                     "copies": [], "new": 0})
        story["members"].append(m)
        story["originals" if m["duplicate_of"] is None else "copies"].append(m)
        story["new"] += bool(m["in_run"])
    for story in stories.values():
        # A story syndicated hundreds of times lists its first copies; the counts stay complete.
        story["copies_total"], story["copies"] = len(story["copies"]), story["copies"][:MAX_COPIES]
        story["originals_total"], story["originals"] = len(story["originals"]), story["originals"][:MAX_COPIES]
        story["members"] = story["originals"] + story["copies"]
        canonical = next((m for m in story["members"] if m["doc_id"] == story["cluster_id"]), story["members"][0])
        story["title"], story["outlet"] = canonical["title"], canonical["outlet"]
        titles = {m["doc_id"]: m for m in story["members"]}
        for copy in story["copies"]:
            copy["original"] = titles.get(copy["duplicate_of"])
    return sorted(stories.values(), key=lambda s: (-len(s["members"]), s["title"] or ""))


def _conflicts(con, scope: Scope) -> list[dict] | None:
    """Attribution conflicts a document of this run takes part in: new since the last run. None without the model."""
    if not relation_exists(con, "main", "attribution_conflicts"):
        return None
    return scope.query(con, f"""
        WITH run_docs AS (SELECT list(doc_id) AS ids FROM {scope.rows('documents')})
        SELECT c.words, c.scope, c.overlap, c.speaker_a, c.wording_a, c.outlets_a, c.independent_sources_a,
               c.speaker_b, c.wording_b, c.outlets_b, c.independent_sources_b, c.doc_ids_a, c.doc_ids_b
        FROM main.attribution_conflicts c, run_docs
        WHERE list_has_any(list_concat(c.doc_ids_a, c.doc_ids_b), run_docs.ids)
        ORDER BY c.scope, c.independent_sources_a + c.independent_sources_b DESC, c.words
        LIMIT {MAX_LISTED}
    """)


# Where dedupe records the verdicts runs changed (an earlier document that became a copy, or an original again).
VERDICT_CHANGES = "verdict_changes"


def _verdict_changes(con, run_id: str) -> list[dict] | None:
    """The verdicts of earlier documents this run revised; None when the warehouse does not record them."""
    if not relation_exists(con, "main", VERDICT_CHANGES):
        return None
    cursor = con.execute(f"SELECT * FROM main.{VERDICT_CHANGES} WHERE run_id = ? ORDER BY doc_id LIMIT {MAX_LISTED}",
                         [run_id])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def read_trend(con, limit: int = TREND_RUNS) -> Trend:
    """Passed, failed and skipped checks of the latest runs that recorded any, and failures per table and run."""
    cursor = con.execute(f"""
        WITH results AS (SELECT run_id, table_name, severity, {_STATUS} AS result, checked_at FROM main.dq_results),
        latest AS (
            SELECT run_id, min(checked_at) AS checked_at FROM results GROUP BY run_id ORDER BY checked_at DESC LIMIT ?
        )
        SELECT l.run_id, any_value(r.status) AS status,
               count(*) FILTER (WHERE d.result = 'passed') AS passed,
               count(*) FILTER (WHERE d.result = 'failed') AS failed,
               count(*) FILTER (WHERE d.result = 'skipped') AS skipped,
               count(*) FILTER (WHERE d.result = 'failed' AND d.severity = 'critical') AS critical
        FROM latest l JOIN results d USING (run_id) LEFT JOIN main.runs r USING (run_id)
        GROUP BY l.run_id ORDER BY min(l.checked_at)
    """, [limit])
    names = [c[0] for c in cursor.description]
    runs = [dict(zip(names, row)) for row in cursor.fetchall()]
    for run in runs:
        judged = run["passed"] + run["failed"]
        run["rate"] = run["passed"] / judged if judged else None
    failures: dict[str, dict[str, int]] = {}
    critical: dict[str, dict[str, int]] = {}
    rows = con.execute(f"""
        SELECT run_id, table_name, count(*), count(*) FILTER (WHERE severity = 'critical')
        FROM main.dq_results WHERE {_STATUS} = 'failed' AND run_id IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY ALL ORDER BY table_name
    """, [[r["run_id"] for r in runs]]).fetchall()
    for run_id, table, failed, critical_failed in rows:
        failures.setdefault(table, {})[run_id] = failed
        critical.setdefault(table, {})[run_id] = critical_failed
    return Trend(runs, failures, critical)


def _checked_tables(dq: list[dict]) -> list[dict]:
    tables: dict[str, dict] = {}
    for row in dq:
        entry = tables.setdefault(row["table_name"], {"table": row["table_name"], "passed": 0, "failed": 0,
                                                      "skipped": 0, "critical_failed": 0})
        entry[row["status"]] += 1
        entry["critical_failed"] += row["status"] == "failed" and row["severity"] == "critical"
    return sorted(tables.values(), key=lambda t: (-t["critical_failed"], -t["failed"], t["table"]))
