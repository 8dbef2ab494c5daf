"""A scraped page with no byline, no date and no masthead whose furniture above the story names a known outlet (Fox
News's promo line "Fox News Flash top entertainment headlines for Nov. 19") is that outlet's page; an outlet named in
its title or below the story (related links: "It's Complicated [ Bloomberg ]"), or a newsroom's byline, is not read
from the header (issue #21, benchmarks/README.md "Thirty-second round: a follow-up to a page that does not say its
outlet (dedupe53)"). The real page is fresh22's h7dfc3e3: a Scrapinghub benchmark body (MIT) as the dedupe set's raw
files render it, with Fox News's own follow-up of 2019-11-21 and the restyles the split's writer made of it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from newsfacts.dedupe import InMemoryIndex, dedupe_batch
from newsfacts.parse.article import parse_article_text
from newsfacts.parse.outlet_names import same_outlet
from tests.dedupe.seeds import document

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"
PROMO = "Fox News Flash top entertainment headlines for Nov. 19"
BODY = ("The council voted on Tuesday to close the old swimming pool at the end of the season, the mayor said. "
        "Residents who opposed the plan packed the chamber and asked for a public consultation before any work. "
        "The pool, built in 1962, needs repairs the council says it cannot pay for this year or the next.")
REWRITES = ("restyled_neutral", "restyled_objective", "restyled_emotional", "restyled_sensational", "reordered")


def _parsed(text: str):
    return parse_article_text(text, "a.txt", "a" * 64).document


def _page() -> str:
    return (REAL / "raw" / "h7dfc3e3_original.txt").read_text(encoding="utf-8")


def _written(name: str):
    head, body = (REAL / "docs" / f"h7dfc3e3_{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)
    meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
    return document(name, body.strip(), published=meta["date"], outlet=meta["outlet"])


def _story(page_text: str) -> dict[str, str]:
    """Cluster of each document when the page, its restyles and Fox News's follow-up come in one batch."""
    page = replace(_parsed(page_text), doc_id="original", sha256="original" * 4)
    docs = [page, *(_written(name) for name in REWRITES), _written("follow_up")]
    return {d: a.cluster_id for d, a in dedupe_batch(docs, InMemoryIndex(), "t").assignments.items()}


def test_the_dancing_with_the_stars_page_is_fox_news_by_its_promo_line():
    doc = _parsed(_page())
    assert (doc.outlet, doc.site, doc.published_date) == ("Fox News", None, None)
    assert same_outlet(doc.outlet, "foxnews.com")  # the follow-up's outlet as written
    assert PROMO not in doc.body  # the promo line stays furniture


def test_fox_news_follow_up_leaves_the_story_of_its_page():
    cluster = _story(_page())
    assert cluster["follow_up"] != cluster["original"]
    assert len({cluster[name] for name in ("original", *REWRITES)}) == 1


def test_without_the_promo_line_the_page_has_no_outlet_and_the_follow_up_joins_it():
    """The nearest negative: what the page says nowhere is not read (the promo line cut, the page undated and unsigned;
    a follow-up of a page whose outlet is unknown is not read, see the README)."""
    page = _page().replace(PROMO, "", 1)
    assert _parsed(page).outlet is None
    cluster = _story(page)
    assert cluster["follow_up"] == cluster["original"]


@pytest.mark.parametrize("text", [
    f"Fox News anchor leaves the network\n\n{BODY}\n",  # the title
    f"Pool to close\n\n{BODY}\n\nIt’s Complicated [ Bloomberg ]\n",  # a related link below the story
    f"Pool to close\n\n{BODY}\n\n{PROMO}\n",
])
def test_an_outlet_named_in_the_title_or_below_the_story_names_no_outlet(text):
    assert _parsed(text).outlet is None


@pytest.mark.parametrize("line", [PROMO, "Watch: Fox News Flash top headlines for Nov. 19"])  # a subtitle, furniture
def test_a_promo_line_between_the_title_and_the_story_names_the_outlet(line):
    assert _parsed(f"Council votes to close the old swimming pool\n\n{line}\n\n{BODY}\n").outlet == "Fox News"


def test_a_newsroom_byline_over_the_promo_line_names_the_outlet():
    """The page's syndicated copy in the dedupe set: the reprinting newsroom's byline above the promo line."""
    doc = _parsed((REAL / "raw" / "h7dfc3e3_copy.txt").read_text(encoding="utf-8"))
    assert (doc.outlet, doc.site) == ("Syndicated News Network", None)
