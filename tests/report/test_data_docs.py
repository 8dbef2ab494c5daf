"""GX Data Docs read offline: no page loads anything from the network, the index lists the run's validations."""

import re

import pytest

from report_runs import planted
from newsfacts.quality.data_docs import LOGO, STYLESHEET

pytestmark = pytest.mark.integration

REMOTE_ASSET = re.compile(r"<(script|link|img)\b[^>]*\b(src|href)=[\"']https?://", re.I)


def data_docs(settings):
    return settings.runs_dir / planted.RUN_ID / "data_docs"


def test_no_data_docs_page_loads_anything_from_the_network(published, settings):
    pages = list(data_docs(settings).rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not REMOTE_ASSET.search(text), page
        assert "<script" not in text, page
        assert STYLESHEET in text, page


def test_data_docs_index_lists_every_validation_as_html_with_a_link_to_its_page(published, settings):
    site = data_docs(settings)
    index = (site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="ge-row-link" href="(validations/[^"]+)">', index)
    tables = {link.split("/")[1] for link in links}
    assert {"documents", "raw_files", "quotes", "mentions"} <= tables
    assert all((site / link).exists() for link in links)
    assert 'href="expectations/documents.html"' in index


def test_data_docs_keep_only_the_assets_they_use(published, settings):
    site = data_docs(settings)
    static = sorted(p.relative_to(site).as_posix() for p in (site / "static").rglob("*") if p.is_file())
    assert LOGO in static and STYLESHEET in static
    assert sum((site / p).stat().st_size for p in static) < 100_000
    assert sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) < 2_000_000
