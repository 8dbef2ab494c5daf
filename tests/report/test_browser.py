"""The report in a real browser: headless Chromium renders it, with its sections, charts and escaped title."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from report_runs import SCRIPT_TITLE, planted
from newsfacts.report import build_run_report

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
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


def test_report_renders_in_headless_chromium_with_sections_charts_and_escaped_title(published, settings):
    binary = chromium()
    con, _ = published
    report = build_run_report(con, planted.RUN_ID, settings)
    dom = dump_dom(binary, report, settings.home)
    for section in ("charts", "expectations", "staged", "rejected", "deduplicated", "loaded"):
        assert f'<section id="{section}">' in dom
    for chart in ("chart-documents-per-outlet", "chart-entities-per-document", "chart-pass-rate"):
        assert f'id="{chart}"' in dom
    # The browser parsed the title as text: no script element, the characters are in the text.
    assert "<script" not in dom
    assert "&lt;script&gt;alert('x')&lt;/script&gt; Kim &amp; Putin" in dom
    assert SCRIPT_TITLE not in dom


def test_index_renders_in_headless_chromium_with_a_link_per_run(published, settings):
    binary = chromium()
    con, _ = published
    build_run_report(con, planted.RUN_ID, settings)
    dom = dump_dom(binary, settings.reports_dir / "index.html", settings.home)
    assert f'<a href="../runs/{planted.RUN_ID}/report.html">{planted.RUN_ID}</a>' in dom
    assert 'id="chart-pass-rate"' in dom
