"""A scraped page with no byline and no date whose first line, above the story, is nothing but a host
("Catchitkansas.com") is that site's page; a host anywhere else, a name with a dot, or a newsroom's byline is not
read from the masthead (issue #21, benchmarks/README.md "Thirty-second round: sentences run together, and masthead
outlets (dedupe52)"). The real page is fresh17's m3ce1c8f: a Scrapinghub benchmark body (MIT) as the dedupe set's
raw files render it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.parse.article import parse_article_text
from newsfacts.parse.metadata import masthead_site
from newsfacts.parse.outlet_names import same_outlet

pytestmark = pytest.mark.unit

RAW = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real" / "raw"
BODY = ("The council voted on Tuesday to close the old swimming pool at the end of the season, the mayor said. "
        "Residents who opposed the plan packed the chamber and asked for a public consultation before any work. "
        "The pool, built in 1962, needs repairs the council says it cannot pay for this year or the next.")


def _parsed(text: str):
    return parse_article_text(text, "a.txt", "a" * 64).document


def test_the_swim_results_page_is_catchitkansas_coms_and_its_follow_up_one_newsroom():
    doc = _parsed((RAW / "m3ce1c8f_original.txt").read_text(encoding="utf-8"))
    assert doc.outlet == "catchitkansas.com" and "no outlet found" not in doc.flags
    assert doc.body.startswith("Summary: 5-1A") and doc.published_date is None  # the masthead is no text, no date
    assert same_outlet(doc.outlet, "catchitkansas.com")  # the follow-up's outlet as written


@pytest.mark.parametrize("line, site", [
    ("Catchitkansas.com", "catchitkansas.com"),
    ("Panarmenian.net", "panarmenian.net"),
    ("www.bbc.com/", "BBC News"),  # a known outlet's domain names the outlet
])
def test_a_first_line_that_is_only_a_host_names_the_site(line, site):
    assert masthead_site(line) == site
    assert _parsed(f"{line}\n\n{BODY}\n").outlet == site


@pytest.mark.parametrize("line", ["St.Louis", "Mr.Smith", "Catchitkansas.com swim results", "Local news"])
def test_a_name_with_a_dot_or_a_line_of_words_names_no_site(line):
    assert masthead_site(line) is None
    assert _parsed(f"{line}\n\n{BODY}\n").outlet is None


def test_a_host_below_the_story_names_no_site():
    assert _parsed(f"Pool to close\n\n{BODY}\n\nCatchitkansas.com\n").outlet is None


def test_a_newsroom_byline_under_the_masthead_names_the_outlet():
    """The syndicated copies of the dedupe set: the source's host above, the reprinting newsroom's byline below."""
    doc = _parsed(f"Bbc.com\n\nBy Syndicated News Network staff\n\n{BODY}\n")
    assert (doc.outlet, doc.site) == ("Syndicated News Network", None)
