"""Write a run's HTML report and refresh the index of runs: self-contained pages a person opens to review."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsfacts.report.charts import bar_chart, rate_chart
from newsfacts.report.data import MAX_LISTED, read_run, relation_exists

TEMPLATES = Path(__file__).parent / "templates"


def build_run_report(con, run_id: str, settings, *, batch_schema: str | None = None) -> Path:
    """Write <runs_dir>/<run_id>/report.html and refresh <reports_dir>/index.html; returns the report's path.

    A run that did not publish is read from its kept batch: `batch_schema` when given, else the schema the
    publisher keeps failed batches in, when it exists.
    """
    schema = batch_schema or _kept_batch(con, run_id)
    data = read_run(con, run_id, schema)
    path = settings.runs_dir / run_id / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    data_docs = path.parent / "data_docs" / "index.html"
    html = _environment().get_template("run.html.j2").render(
        **vars(data),
        max_listed=MAX_LISTED,
        dq_passed=sum(1 for r in data.dq if r["success"]),
        dq_critical_failed=sum(1 for r in data.dq if not r["success"] and r["severity"] == "critical"),
        index_href=_href(settings.reports_dir / "index.html", path.parent),
        data_docs_href="data_docs/index.html" if data_docs.exists() else None,
        chart_outlets=bar_chart("chart-documents-per-outlet", "Documents per outlet", data.outlets),
        chart_entities=bar_chart("chart-entities-per-document", "Entities per document", data.entities_per_document),
        chart_pass_rate=rate_chart("chart-pass-rate", "Expectation pass rate over runs", data.pass_rates, run_id),
    )
    path.write_text(html, encoding="utf-8")
    build_index(con, settings)
    return path


def build_index(con, settings) -> Path:
    """Write <reports_dir>/index.html: every run with status, counts, pass rate and a link to its report."""
    cursor = con.execute("""
        SELECT r.run_id, r.started_at, r.status, r.files_seen, r.files_new, r.files_rejected, r.documents_loaded,
               r.error, q.checks, q.passed
        FROM main.runs r
        LEFT JOIN (SELECT run_id, count(*) AS checks, count(*) FILTER (WHERE success) AS passed
                   FROM main.dq_results GROUP BY run_id) q USING (run_id)
        ORDER BY r.started_at DESC
    """)
    columns = [d[0] for d in cursor.description]
    runs = [dict(zip(columns, row)) for row in cursor.fetchall()]
    index = settings.reports_dir / "index.html"
    index.parent.mkdir(parents=True, exist_ok=True)
    for run in runs:
        report = settings.runs_dir / run["run_id"] / "report.html"
        run["href"] = _href(report, index.parent) if report.exists() else None
    rates = [(r["run_id"], r["passed"] / r["checks"]) for r in reversed(runs) if r["checks"]][-30:]
    html = _environment().get_template("index.html.j2").render(
        runs=runs, chart_pass_rate=rate_chart("chart-pass-rate", "Expectation pass rate over runs", rates)
    )
    index.write_text(html, encoding="utf-8")
    return index


def _kept_batch(con, run_id: str) -> str | None:
    from newsfacts.warehouse.publish import failed_schema_name

    schema = failed_schema_name(run_id)
    return schema if relation_exists(con, schema, "documents") else None


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))


def _href(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
