"""The run report and the index: every section a reviewer needs, from a failed check to its documents, escaped text,
and failed or empty runs shown too."""

import re

import duckdb
import pytest

from report_runs import SCRIPT_TITLE, planted
from newsfacts.report import build_run_report
from newsfacts.report.build import last_report

pytestmark = pytest.mark.integration


def report_html(con, settings, run_id=planted.RUN_ID):
    return build_run_report(con, run_id, settings).read_text(encoding="utf-8")


def document_page(settings, doc_id):
    return (settings.reports_dir / "documents" / f"{doc_id}.html").read_text(encoding="utf-8")


def test_report_shows_checks_stories_staged_rejected_deduplicated_and_loaded(published, settings):
    con, docs = published
    html = report_html(con, settings)
    for section in ("expectations", "stories", "deduplicated", "loaded", "staged", "rejected", "charts", "trends"):
        assert f'<section id="{section}">' in html
    assert "binary file: a PDF document, not text" in html
    assert f'id="pair-{docs["bnb"]["doc_id"]}"' in html
    assert f'href="#pair-{docs["bnb"]["doc_id"]}"' in html
    assert re.search(r"<td>mentions</td><td class=\"num\">3</td>", html)


def test_a_failed_warning_lists_its_document_with_outlet_title_and_file_linked_to_its_page(published, settings):
    con, docs = published
    html = report_html(con, settings)
    tx = docs["tx"]
    check = re.search(r'<div class="check fail-warning".*?</div>', html, re.S).group(0)
    assert "documents · expect_column_values_to_not_be_null(outlet)" in check
    assert "1 unexpected of 3 rows" in check
    row = re.search(r"<tbody><tr>(.*?)</tr>", check, re.S).group(1)
    assert f'<a class="doc-link" href="../../reports/documents/{tx["doc_id"]}.html">{tx["doc_id"]}</a>' in row
    assert "(no outlet)" in row and tx["title"] in row and "000.txt" in row


def test_document_page_names_the_document_its_file_and_the_check_it_failed(published, settings):
    con, docs = published
    report_html(con, settings)
    tx = docs["tx"]
    page = document_page(settings, tx["doc_id"])
    assert f'<h1 id="doc-title">{tx["title"]}</h1>' in page
    assert tx["doc_id"] in page and "000.txt" in page
    failed = page[page.index('id="failed-checks"'):page.index('id="original"')]
    assert "expect_column_values_to_not_be_null(outlet)" in failed and planted.RUN_ID in failed
    assert "Kim Jong Un took a train to Russia" in page  # the clean body


def test_document_page_of_a_rewrite_shows_its_original_side_by_side_with_the_differing_words_marked(published,
                                                                                                     settings):
    con, docs = published
    report_html(con, settings)
    page = document_page(settings, docs["bnb"]["doc_id"])
    original = page[page.index('<section id="original">'):page.index('<section id="copies">')]
    assert docs["ap"]["doc_id"] in original
    assert '<table class="evidence">' in original
    assert "<del>" in original or "<ins>" in original
    assert "armored train" in original
    source = document_page(settings, docs["ap"]["doc_id"])
    copies = source[source.index('<section id="copies">'):source.index('<section id="quotes">')]
    assert docs["bnb"]["doc_id"] in copies
    assert re.search(r"</span> is\s+a rewrite of this document", copies)


def test_document_page_lists_quotes_entities_and_events(published, settings):
    con, docs = published
    report_html(con, settings)
    page = document_page(settings, docs["ap"]["doc_id"])
    quotes = page[page.index('<section id="quotes">'):page.index('<section id="entities">')]
    assert "appears to have something Putin desperately needs" in quotes
    assert "no speaker: no attributed speaker in the sentence" in quotes
    entities = page[page.index('<section id="entities">'):page.index('<section id="events">')]
    assert "Kim Jong Un" in entities and "Vladimir Putin" in entities and "PERSON" in entities
    events = page[page.index('<section id="events">'):page.index('<section id="body">')]
    assert "2023-09-12" in events and "Tuesday" in events
    body = page[page.index('<section id="body">'):]
    assert ('<mark class="quote" title="indirect: no speaker: no attributed speaker in the sentence">'
            "appears to have something Putin desperately needs</mark>") in body


def test_stories_show_independent_sources_and_who_rewrote_them(published, settings):
    con, docs = published
    html = report_html(con, settings)
    stories = html[html.index('<section id="stories">'):html.index('<section id="deduplicated">')]
    row = re.search(rf'<tr><td><a class="doc-link" href="[^"]*{docs["ap"]["doc_id"]}.html">.*?</tr>', stories, re.S)
    assert row and "Associated Press" in row.group(0) and "Big Big News" in row.group(0) and "rewrite" in row.group(0)
    assert re.search(r'<td class="num">1</td>', row.group(0))  # one independent source: the rewrite adds none


def test_a_skipped_check_is_listed_apart_and_not_counted_in_the_pass_rate(published, settings):
    con, _ = published
    html = report_html(con, settings)
    passed, failed, skipped = con.execute(
        "SELECT count(*) FILTER (WHERE status = 'passed'), count(*) FILTER (WHERE status = 'failed'),"
        " count(*) FILTER (WHERE status = 'skipped') FROM dq_results WHERE run_id = ?", [planted.RUN_ID]).fetchone()
    # Skipped: document_updates and verdict_changes, empty in a first run.
    assert (failed, skipped) == (1, 2) and passed > 100
    assert f"{passed}/{passed + failed}" in html
    skipped_list = html[html.index('id="skipped"'):]
    assert all(table in skipped_list[:skipped_list.index("</details>")]
               for table in ("document_updates", "verdict_changes"))


def test_report_draws_its_charts_inline_with_a_labelled_trend(published, settings):
    con, _ = published
    html = report_html(con, settings)
    for chart in ("chart-documents-per-outlet", "chart-entities-per-document"):
        assert re.search(rf'<svg class="chart" id="{chart}"[^>]*>.*?<rect class="bar"', html, re.S)
    trend = re.search(r'<svg class="chart" id="chart-pass-rate".*?</svg>', html, re.S).group(0)
    assert "checks passed (%)" in trend and "run (oldest left)" in trend
    assert '<g class="legend">' in trend and "this run" in trend and "skipped checks not counted" in trend
    assert f"<title>{planted.RUN_ID}</title>" in trend
    assert ">Associated Press<" in html


def test_script_in_a_title_is_shown_as_text(published, settings):
    con, docs = published
    html = report_html(con, settings)
    page = document_page(settings, docs["bnb"]["doc_id"])
    for text in (html, page):
        assert "<script" not in text
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Kim &amp; Putin" in text
        assert SCRIPT_TITLE not in text


def test_report_and_document_pages_need_nothing_outside_the_warehouse_folder(published, settings):
    con, _ = published
    report_html(con, settings)
    pages = [settings.runs_dir / planted.RUN_ID / "report.html", *(settings.reports_dir / "documents").glob("*.html")]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)\b", text)
        assert not re.search(r"(src|href)=\"https?:", text)
        for href in re.findall(r'href="([^"#]+)"', text):
            assert (page.parent / href).exists(), (page, href)


def test_report_links_the_runs_data_docs(published, settings):
    con, _ = published
    html = report_html(con, settings)
    assert 'href="data_docs/index.html"' in html
    assert (settings.runs_dir / planted.RUN_ID / "data_docs" / "index.html").exists()


def test_index_lists_runs_that_found_something_first_and_folds_nothing_new_runs(published, settings):
    con, _ = published
    report_html(con, settings)
    index = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    main_table = index[index.index('<table id="runs">'):index.index("</table>")]
    assert f'href="../runs/{planted.RUN_ID}/report.html"' in main_table
    assert "run-empty" not in main_table
    folded = index[index.index('<details id="nothing-new-runs">'):]
    assert "1 run found nothing new" in folded and "run-empty" in folded
    passed, judged = con.execute("select count(*) filter (where status = 'passed'), count(*) filter (where status <> "
                                 "'skipped') from dq_results where run_id = ?", [planted.RUN_ID]).fetchone()
    assert re.search(rf"{passed}/{judged} \(99%\)", main_table)
    assert '<table id="failures-by-table">' in index


def test_failed_audit_leaves_main_as_it_was_and_is_in_dq_results(failed_publish, settings):
    outcome, docs = failed_publish
    assert not outcome.published
    assert outcome.reason == "critical expectations failed: documents.published_date_is_not_in_the_future"
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM main.documents").fetchone() == (0,)
        failure = con.execute(
            "SELECT severity, unexpected_examples->>'$[0].doc_id', doc_ids FROM dq_results"
            " WHERE run_id = 'run-failed' AND expectation = 'published_date_is_not_in_the_future' AND NOT success"
        ).fetchone()
    assert failure == ("critical", docs["ap"]["doc_id"], [docs["ap"]["doc_id"]])


def test_failed_run_report_reads_the_kept_batch_and_links_the_failure_to_the_unpublished_document(failed_publish,
                                                                                                 settings):
    outcome, docs = failed_publish
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        html = report_html(con, settings, "run-failed")
    assert f"kept batch schema {outcome.failed_schema}" in html
    assert "status-audit_failed" in html
    check = re.search(r'<div class="check fail-critical.*?</div>', html, re.S).group(0)
    assert "documents · published_date_is_not_in_the_future" in check
    assert f'{docs["ap"]["doc_id"]}.html">{docs["ap"]["doc_id"]}</a>' in check
    assert "In the batch (not published)" in html
    page = document_page(settings, docs["ap"]["doc_id"])
    assert "not published" in page and outcome.failed_schema in page


def test_run_that_found_nothing_new_points_to_the_latest_report_that_did(published, settings):
    con, _ = published
    report_html(con, settings)
    html = report_html(con, settings, "run-empty")
    assert "status-nothing_new" in html
    notice = html[html.index('id="nothing-new"'):]
    assert f'<a href="../{planted.RUN_ID}/report.html">{planted.RUN_ID}</a>' in notice[:notice.index("</div>")]
    assert "No expectation results were recorded for this run." in html
    assert '<section id="stories">' not in html
    assert last_report(con, settings) == (planted.RUN_ID, settings.runs_dir / planted.RUN_ID / "report.html")


def test_verdicts_the_run_changed_are_shown_in_the_report_and_on_the_document_page(published, settings):
    con, docs = published
    bnb, ap, tx = docs["bnb"]["doc_id"], docs["ap"]["doc_id"], docs["tx"]["doc_id"]
    # A revised verdict as dedupe records it in verdict_changes (empty after the planted run).
    try:
        con.execute("INSERT INTO main.verdict_changes VALUES (?, ?, ?, 'rewrite', ?, ?, 'rewrite', ?, 'relinked',"
                    " 'now linked to the original itself')", [planted.RUN_ID, bnb, tx, tx, ap, ap])
        html = report_html(con, settings)
        table = html[html.index('<table id="verdict-change-table">'):]
        table = table[:table.index("</table>")]
        assert f"a rewrite of <a class=\"doc-link\" href=\"../../reports/documents/{tx}.html\">{tx}</a>" in table
        assert f"{ap}.html" in table and "relinked" in table and "now linked to the original itself" in table
        page = document_page(settings, bnb)
        assert 'class="verdict-change"' in page and "now linked to the original itself" in page
    finally:
        con.execute("DELETE FROM main.verdict_changes WHERE run_id = ?", [planted.RUN_ID])
    assert "verdict-change-table" not in report_html(con, settings)
