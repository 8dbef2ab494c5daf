"""Audit a run: the batch's tables before publishing, the SQL models inside the publish transaction."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from newsfacts.config import EXPECTATIONS_DIR
from newsfacts.quality.gx_runner import GxRunner, validate_table
from newsfacts.quality.results import NOT_CHECKED, Audit, DqResult
from newsfacts.quality.rule_runner import run_rule
from newsfacts.quality.suite import CRITICAL, WARNING, Suite, load_suites
from newsfacts.warehouse.identifiers import identifier
from newsfacts.warehouse.tables import BATCH_TABLES



def audit_batch(
    con,
    run_id: str,
    *,
    settings=None,
    batch_schema: str = "batch",
    tables: list[str] | None = None,
    suites_dir: Path = EXPECTATIONS_DIR,
) -> Audit:
    """Validate the run's batch schema against every table's suite (or only `tables`, to re-check a kept batch).

    With settings, GX Data Docs are built into <runs_dir>/<run_id>/data_docs/.
    """
    suites = load_suites(suites_dir, tables or BATCH_TABLES)
    return _audit(con, run_id, suites, identifier(batch_schema), settings, missing_severity=CRITICAL)


def audit_models(
    con, run_id: str, model_names: list[str], *, settings=None, suites_dir: Path = EXPECTATIONS_DIR
) -> Audit:
    """Validate the rebuilt SQL models in main; a model not built yet, or without a suite, is reported, not passed.

    A model the publish refreshed incrementally has its per-row expectations checked on the rows it rewrote
    (the rest passed when they were written); uniqueness and the suite's SQL rules still read the whole table.
    """
    from newsfacts.transform.models import refreshed_rows


    names = [identifier(n) for n in model_names]
    with_suite = [n for n in names if (suites_dir / f"{n}.py").exists()]
    changed = {n: refreshed_rows(con, n) for n in with_suite}
    audit = _audit(con, run_id, load_suites(suites_dir, with_suite), "main", settings, missing_severity=WARNING,
                   changed=changed)
    now = datetime.now()
    audit.results += [
        DqResult(run_id, n, NOT_CHECKED, WARNING, False, f"no expectation suite {n}.py in {suites_dir}", [], now)
        for n in names
        if n not in with_suite
    ]
    return audit


def _audit(con, run_id: str, suites: dict[str, Suite], schema: str, settings, missing_severity: str,
           changed: dict[str, str | None] | None = None) -> Audit:
    run_dir = settings.runs_dir / run_id if settings is not None else None
    runner = GxRunner(run_dir)
    subjects = {rule.subject for suite in suites.values() for rule in suite.rules if rule.subject}
    counts = {table: _row_count(con, schema, table) for table in {*suites, *subjects}}
    audit = Audit()
    for suite in suites.values():
        audit.results += _audit_table(con, run_id, runner, suite, schema, counts, missing_severity,
                                      (changed or {}).get(suite.table))
    if run_dir is not None:
        runner.build_docs()
    return audit


def _audit_table(
    con, run_id: str, runner: GxRunner, suite: Suite, schema: str, counts: dict, missing_severity: str,
    changed: str | None = None,
) -> list[DqResult]:
    rows = counts[suite.table]
    results = []
    if not rows:
        severity = missing_severity if rows is None else suite.empty_severity
        why = f"{schema}.{suite.table} " + ("does not exist" if rows is None else "is empty")
        # An empty table is no failure unless the suite says it must never be empty: nothing was judged, so the
        # check is skipped and stays out of the pass rate. A missing table is always a failure.
        success = None if rows == 0 and severity == WARNING else False
        results.append(
            DqResult(run_id, suite.table, NOT_CHECKED, severity, success, f"not checked: {why}", [], datetime.now())
        )
    else:
        results += validate_table(con, runner, run_id, suite, schema, rows=changed)
    for rule in suite.rules:
        # A rule runs only when the rows it checks exist; an empty table's own result says nothing was checked.
        checked = counts.get(rule.subject or suite.table)
        if checked and counts[suite.table] is not None:
            results.append(run_rule(con, run_id, suite.table, rule, schema, checked))
    return results


def _row_count(con, schema: str, table: str) -> int | None:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_catalog = current_database() AND table_schema = ? AND table_name = ?",
        [schema, table],
    ).fetchone()[0]
    if not exists:
        return None
    return con.execute(f"SELECT count(*) FROM {schema}.{identifier(table)}").fetchone()[0]
