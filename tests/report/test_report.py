"""The run report and the index: every section a reviewer needs, escaped text, and failed runs shown too."""

import re

import duckdb

from report_runs import SCRIPT_TITLE, planted
from newsfacts.report import build_run_report


def test_report_shows_staged_rejected_deduplicated_and_loaded(published, settings):
    con, docs = published
    html = build_run_report(con, planted.RUN_ID, settings).read_text(encoding="utf-8")
    for section in ("staged", "rejected", "deduplicated", "loaded", "expectations", "charts"):
        assert f'id="{section}"' in html
    assert "binary file: a PDF document, not text" in html
    assert "North Korea’s Kim Jong Un arrived in Russia via an armored train" in html  # aligned sentence
    assert f'id="pair-{docs["bnb"]["doc_id"]}"' in html
    assert f'href="#pair-{docs["bnb"]["doc_id"]}"' in html
    assert re.search(r"<td>mentions</td><td class=\"num\">3</td>", html)


def test_report_draws_its_three_charts_inline(published, settings):
    con, _ = published
    html = build_run_report(con, planted.RUN_ID, settings).read_text(encoding="utf-8")
    for chart in ("chart-documents-per-outlet", "chart-entities-per-document", "chart-pass-rate"):
        assert re.search(rf'<svg class="chart" id="{chart}"[^>]*>.*?<rect class="bar"', html, re.S)
    assert ">Associated Press<" in html


def test_script_in_a_title_is_shown_as_text(published, settings):
    con, _ = published
    html = build_run_report(con, planted.RUN_ID, settings).read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Kim &amp; Putin" in html
    assert SCRIPT_TITLE not in html


def test_report_needs_nothing_outside_the_file(published, settings):
    con, _ = published
    html = build_run_report(con, planted.RUN_ID, settings).read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert not re.search(r"(src|href)=\"https?:", html)


def test_report_links_the_runs_data_docs(published, settings):
    con, _ = published
    html = build_run_report(con, planted.RUN_ID, settings).read_text(encoding="utf-8")
    assert 'href="data_docs/index.html"' in html
    assert (settings.runs_dir / planted.RUN_ID / "data_docs" / "index.html").exists()


def test_index_lists_every_run_with_status_pass_rate_and_link(published, settings):
    con, _ = published
    build_run_report(con, planted.RUN_ID, settings)
    index = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    assert f'href="../runs/{planted.RUN_ID}/report.html"' in index
    # Two checks of the planted run do not pass (document_updates and verdict_changes have no rows to check); the
    # rest do.
    passed, total = con.execute("select count(*) filter (where success), count(*) from dq_results where run_id = ?",
                                [planted.RUN_ID]).fetchone()
    assert total > 100 and passed == total - 2
    assert re.search(rf"{passed}/{total} \({100 * passed / total:.0f}%\)", index)
    assert "status-nothing_new" in index and "status-published" in index


def test_failed_audit_leaves_main_as_it_was_and_is_in_dq_results(failed_publish, settings):
    outcome, docs = failed_publish
    assert not outcome.published
    assert outcome.reason == "critical expectations failed: documents.published_date_is_not_in_the_future"
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM main.documents").fetchone() == (0,)
        failure = con.execute(
            "SELECT severity, unexpected_examples->>'$[0].doc_id' FROM dq_results"
            " WHERE run_id = 'run-failed' AND expectation = 'published_date_is_not_in_the_future' AND NOT success"
        ).fetchone()
    assert failure == ("critical", docs["ap"]["doc_id"])


def test_failed_run_report_reads_the_kept_batch_and_shows_the_failure(failed_publish, settings):
    outcome, docs = failed_publish
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        html = build_run_report(con, "run-failed", settings).read_text(encoding="utf-8")
    assert f"kept batch schema {outcome.failed_schema}" in html
    assert "status-audit_failed" in html
    assert re.search(r'<tr class="fail-critical"><td>documents</td><td>published_date_is_not_in_the_future</td>', html)
    assert docs["ap"]["doc_id"] in html
    assert "In the batch (not published)" in html


def test_run_that_found_nothing_new_reports_its_recorded_counts_and_no_results(published, settings):
    con, _ = published
    html = build_run_report(con, "run-empty", settings).read_text(encoding="utf-8")
    assert "status-nothing_new" in html
    assert "0 files of this run in raw_files" in html
    assert "The run record counts 4 files seen" in html
    assert "No expectation results were recorded for this run." in html
