"""Write a run's HTML report, the pages of the documents it links to, and the index of runs: self-contained pages a
person opens to review."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from newsfacts.quality.results import MAX_ROWS
from newsfacts.report.charts import bar_chart, run_label, trend_chart
from newsfacts.report.data import MAX_LISTED, read_run, read_trend, relation_exists
from newsfacts.report.documents import read_documents

TEMPLATES = Path(__file__).parent / "templates"
DOCUMENTS = "documents"  # folder of document pages, beside the index: one page per document, shared by runs


def build_run_report(con, run_id: str, settings, *, batch_schema: str | None = None) -> Path:
    """Write <runs_dir>/<run_id>/report.html, the pages of the documents it links to, and refresh the index;
    returns the report's path.

    A run that did not publish is read from its kept batch: `batch_schema` when given, else the schema the
    publisher keeps failed batches in, when it exists.
    """
    schema = batch_schema or _kept_batch(con, run_id)
    data = read_run(con, run_id, schema)
    path = settings.runs_dir / run_id / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    pages = build_document_pages(con, data.linked_documents, settings, schema)
    data_docs = path.parent / "data_docs" / "index.html"
    last = last_report(con, settings) if data.run.get("status") == "nothing_new" else None
    html = _environment().get_template("run.html.j2").render(
        **vars(data),
        max_listed=MAX_LISTED,
        max_rows=MAX_ROWS,
        counts={s: sum(1 for r in data.dq if r["status"] == s) for s in ("passed", "failed", "skipped")},
        dq_critical_failed=sum(1 for r in data.dq if r["status"] == "failed" and r["severity"] == "critical"),
        index_href=_href(settings.reports_dir / "index.html", path.parent),
        data_docs_href="data_docs/index.html" if data_docs.exists() else None,
        doc_href=_document_links(pages, settings, path.parent),
        last_report=last and {"run_id": last[0], "href": _href(last[1], path.parent)},
        chart_outlets=bar_chart("chart-documents-per-outlet", "Documents per outlet", data.outlets),
        chart_entities=bar_chart("chart-entities-per-document", "Entities per document", data.entities_per_document),
        chart_pass_rate=trend_chart("chart-pass-rate", "Checks passed per run", data.trend.runs, run_id),
        run_label=run_label,
    )
    path.write_text(html, encoding="utf-8")
    build_index(con, settings)
    return path


def build_document_pages(con, doc_ids: set[str], settings, kept_schema: str | None = None) -> set[str]:
    """Write <reports_dir>/documents/<doc_id>.html for each document; returns the doc_ids that have a page.

    A page is the document's, whichever run links to it: it is rewritten each time a report links to it, so it
    shows the copies and failed checks known then.
    """
    folder = settings.reports_dir / DOCUMENTS
    folder.mkdir(parents=True, exist_ok=True)
    pages = read_documents(con, doc_ids, kept_schema)
    written = set(pages)
    template = _environment().get_template("document.html.j2")
    doc_href = _document_links(written, settings, folder)
    for doc_id in written:
        page = pages[doc_id]
        raw = page.raw_file and page.raw_file.get("stored_path")
        html = template.render(
            **vars(page),
            paragraphs=page.paragraphs,
            doc_href=doc_href,
            raw_href=_href(Path(raw), folder) if raw and Path(raw).exists() else None,
            run_href=lambda run: _href(settings.runs_dir / run / "report.html", folder),
            index_href=_href(settings.reports_dir / "index.html", folder),
        )
        (folder / f"{doc_id}.html").write_text(html, encoding="utf-8")
    return written


def build_index(con, settings) -> Path:
    """Write <reports_dir>/index.html: runs that found something first, each with status, counts, checks and a link
    to its report; runs that found nothing new folded below; the trends of checks across runs."""
    cursor = con.execute("""
        SELECT r.run_id, r.started_at, r.status, r.files_seen, r.files_new, r.files_rejected, r.documents_loaded,
               r.error
        FROM main.runs r ORDER BY r.started_at DESC
    """)
    columns = [d[0] for d in cursor.description]
    runs = [dict(zip(columns, row)) for row in cursor.fetchall()]
    checks = {r[0]: r[1:] for r in con.execute("""
        SELECT run_id, count(*) FILTER (WHERE s = 'passed'), count(*) FILTER (WHERE s = 'failed'),
               count(*) FILTER (WHERE s = 'skipped')
        FROM (SELECT run_id, coalesce(status, CASE WHEN success THEN 'passed' ELSE 'failed' END) AS s
              FROM main.dq_results) GROUP BY run_id
    """).fetchall()}
    index = settings.reports_dir / "index.html"
    index.parent.mkdir(parents=True, exist_ok=True)
    for run in runs:
        report = settings.runs_dir / run["run_id"] / "report.html"
        run["href"] = _href(report, index.parent) if report.exists() else None
        run["passed"], run["failed"], run["skipped"] = checks.get(run["run_id"], (0, 0, 0))
    trend = read_trend(con)
    html = _environment().get_template("index.html.j2").render(
        runs=[r for r in runs if r["status"] != "nothing_new"],
        quiet_runs=[r for r in runs if r["status"] == "nothing_new"],
        trend=trend,
        chart_pass_rate=trend_chart("chart-pass-rate", "Checks passed per run", trend.runs),
        run_label=run_label,
    )
    index.write_text(html, encoding="utf-8")
    return index


def last_report(con, settings) -> tuple[str, Path] | None:
    """The run id and report of the latest run that found something new (published, or stopped by its audit)."""
    for run_id, in con.execute(
        "SELECT run_id FROM main.runs WHERE status NOT IN ('nothing_new', 'running') ORDER BY started_at DESC"
    ).fetchall():
        path = settings.runs_dir / run_id / "report.html"
        if path.exists():
            return run_id, path
    return None


def _document_links(pages: set[str], settings, start: Path):
    """doc_id -> the href of its page from `start`, or None for a document without a page (so no dead links)."""
    folder = _href(settings.reports_dir / DOCUMENTS, start)
    existing = settings.reports_dir / DOCUMENTS
    return lambda doc_id: (f"{folder}/{doc_id}.html"
                           if doc_id and (doc_id in pages or (existing / f"{doc_id}.html").exists()) else None)


def _kept_batch(con, run_id: str) -> str | None:
    from newsfacts.warehouse.publish import failed_schema_name

    schema = failed_schema_name(run_id)
    return schema if relation_exists(con, schema, "documents") else None


@functools.cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True))


def _href(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target.resolve(), start.resolve())).as_posix()
