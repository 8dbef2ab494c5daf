"""Saved HTML pages: the article is extracted with trafilatura, cleaned, and described from the page metadata."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

from newsfacts.parse.html import read_page
from tests.parse.helpers import HTML_FIXTURES, SCRAPINGHUB, parse_bytes, parse_path

pytestmark = pytest.mark.unit


def test_wire_story_on_a_local_site_is_credited_to_the_wire_and_the_site():
    doc = parse_path(HTML_FIXTURES / "wire_story_on_local_site.html").document
    assert (doc.kind, doc.format) == ("article", "html")
    assert (doc.outlet, doc.site) == ("Associated Press", "Lakeside Courier")
    assert doc.title == "Drought forces Panama Canal to cut daily crossings again"
    assert doc.authors == ["Juan Zamorano"]
    assert doc.dateline == "PANAMA CITY"
    assert (doc.published_date, doc.date_source) == (date(2023, 10, 31), "json-ld")
    assert doc.url.endswith("/panama-canal-drought")
    assert doc.body.startswith("PANAMA CITY (AP) — The Panama Canal will further reduce")
    assert doc.body.endswith("The United States, China and Japan are its main users.")
    for piece in ("Skip to content", "Advertisement", "Share this story", "Related stories", "AP Photo", "©"):
        assert piece not in doc.body


def test_latin1_french_blog_is_decoded_and_detected_as_french():
    doc = parse_path(HTML_FIXTURES / "blog_post_latin1.html").document
    assert doc.language == "fr"
    assert doc.title == "Le prix du pain augmente encore à Lyon"
    assert doc.authors == ["Claire Dubois"]
    assert doc.published_date == date(2024, 2, 14)
    assert "« Nous ne pouvons plus absorber ces dépenses »" in doc.body
    assert "commentaires" not in doc.body


def test_html_page_with_no_article_is_rejected_with_a_reason():
    out = parse_path(HTML_FIXTURES / "no_article_login.html")
    assert out.document is None
    assert "no article" in out.rejected


def gold_page(index: int) -> tuple[str, str]:
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    key = sorted(truth)[index]
    html = gzip.open(SCRAPINGHUB / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
    return html, truth[key]["articleBody"]


@pytest.mark.skipif(not SCRAPINGHUB.exists(), reason="shared benchmark data not mounted")
@pytest.mark.parametrize("index", [0, 3, 90])
def test_real_benchmark_pages_give_most_of_the_gold_body_and_little_else(index):
    html, gold = gold_page(index)
    body, meta, _, _ = read_page(html)
    gold_words, body_words = set(gold.split()), set(body.split())
    assert len(gold_words & body_words) / len(gold_words) > 0.9
    assert len(gold_words & body_words) / len(body_words) > 0.9
    assert meta["title"]


@pytest.mark.skipif(not SCRAPINGHUB.exists(), reason="shared benchmark data not mounted")
def test_reuters_story_on_venturebeat_is_credited_to_reuters():
    html, _ = gold_page(3)
    doc = parse_bytes(html.encode("utf-8"), "inbox/page.html").document
    assert (doc.outlet, doc.site) == ("Reuters", "VentureBeat")
    # JSON-LD says 2019-11-19T07:03:25+00:00; the page shows "November 18, 2019 11:03 PM" (Pacific)
    assert doc.published_date == date(2019, 11, 18) and doc.date_source == "json-ld"
