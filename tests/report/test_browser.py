"""The report in a real browser, offline: headless Chromium renders it, and a reviewer can follow a failed check to
the page of its document; the GX Data Docs index lists the run's validations with the network off."""

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import pytest

from report_runs import SCRIPT_TITLE, planted
from newsfacts.report import build_run_report

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
    # No network: every host resolves nowhere and any request would go to a closed port.
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
]


def chromium() -> str:
    """The Chromium binary; missing means skip locally, but fail on CI (CI=true), where it must be installed."""
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path:
        return path
    reason = "headless Chromium not installed (apt-get install -y chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must install it")
    pytest.skip(reason)


def dump_dom(binary: str, page: Path, home: Path) -> str:
    # A throwaway profile keeps Chromium from touching the user's own profile.
    result = subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={home / 'chromium-profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return result.stdout


def follow(page: Path, href: str) -> Path:
    """The file a relative link of `page` leads to, as the browser resolves it."""
    return Path(url2pathname(urlparse(urljoin(page.as_uri(), href)).path))


def test_report_renders_in_headless_chromium_with_sections_charts_and_escaped_title(published, settings):
    binary = chromium()
    con, _ = published
    report = build_run_report(con, planted.RUN_ID, settings)
    dom = dump_dom(binary, report, settings.home)
    for section in ("expectations", "stories", "deduplicated", "loaded", "staged", "rejected", "charts", "trends"):
        assert f'<section id="{section}">' in dom
    for chart in ("chart-documents-per-outlet", "chart-entities-per-document", "chart-pass-rate"):
        assert f'id="{chart}"' in dom
    # The browser parsed the title as text: no script element, the characters are in the text.
    assert "<script" not in dom
    assert "&lt;script&gt;alert('x')&lt;/script&gt; Kim &amp; Putin" in dom
    assert SCRIPT_TITLE not in dom


def test_a_planted_warnings_row_links_to_a_page_naming_the_offending_document(published, settings):
    binary = chromium()
    con, docs = published
    report = build_run_report(con, planted.RUN_ID, settings)
    dom = dump_dom(binary, report, settings.home)
    check = re.search(r'<div class="check fail-warning".*?</div>', dom, re.S).group(0)
    assert "expect_column_values_to_not_be_null(outlet)" in check
    href = re.search(r'<table class="offending">.*?<a class="doc-link" href="([^"]+)"', check, re.S).group(1)
    page = dump_dom(binary, follow(report, href), settings.home)
    tx = docs["tx"]
    assert f'<h1 id="doc-title">{tx["title"]}</h1>' in page
    assert tx["doc_id"] in page
    assert re.search(r'<td id="doc-file">000\.txt', page)
    failed = page[page.index('id="failed-checks"'):page.index('id="original"')]
    assert "expect_column_values_to_not_be_null(outlet)" in failed


def test_index_renders_in_headless_chromium_with_a_link_per_run(published, settings):
    binary = chromium()
    con, _ = published
    build_run_report(con, planted.RUN_ID, settings)
    dom = dump_dom(binary, settings.reports_dir / "index.html", settings.home)
    assert f'<a href="../runs/{planted.RUN_ID}/report.html">{planted.RUN_ID}</a>' in dom
    assert 'id="chart-pass-rate"' in dom


def test_data_docs_index_lists_the_runs_validations_with_the_network_off(published, settings):
    binary = chromium()
    index = settings.runs_dir / planted.RUN_ID / "data_docs" / "index.html"
    dom = dump_dom(binary, index, settings.home)
    rows = re.findall(r'<a class="ge-row-link" href="validations/(\w+)/[^"]+">.*?(Success|Failed)</a>', dom, re.S)
    validated = dict(rows)
    assert {"raw_files", "documents", "quotes", "mentions", "entities"} <= validated.keys()
    assert validated["documents"] == "Failed" and validated["quotes"] == "Success"  # the planted null outlet
    documents = re.search(r'href="(validations/documents/[^"]+)"', dom).group(1)
    page = dump_dom(binary, follow(index, documents), settings.home)
    assert "values must never be null" in page and "outlet" in page
