"""A newsroom signing as a whole ("By Reuters Staff", "By nbcnews.com staff") names the outlet; a person's byline
("By Jane Smith", "By Jane Smith, Staff Writer") names an author and no outlet (issue #21, benchmarks/README.md
"Twenty-fifth round: an outlet's own next-day story")."""

from __future__ import annotations

import pytest

from newsfacts.parse.article import parse_article_text
from newsfacts.parse.metadata import authors_from, staff_outlet
from newsfacts.parse.outlet_names import same_outlet

pytestmark = pytest.mark.unit

BODY = ("Chelsea have this morning paid the release clause of the forward, the club said in a statement on Tuesday. "
        "The player is expected to complete a medical later in the week before signing a five-year contract. "
        "The fee is thought to be a club record, and the manager said he was delighted with the signing.")


def _page(byline: str) -> str:
    return f"Chelsea pay release clause for forward\n\n{byline}\n\nPublished November 19, 2019\n\n{BODY}\n"


@pytest.mark.parametrize("byline, outlet", [
    ("By Reuters Staff", "Reuters"),
    ("By CNN Wire Staff", "CNN"),
    ("By nbcnews.com staff", "nbcnews.com"),
    ("By www.linknaija.com staff", "linknaija.com"),
    ("By wsj.com staff", "The Wall Street Journal"),
    ("By Syndicated News Network staff", "Syndicated News Network"),
])
def test_a_newsroom_byline_names_the_outlet(byline, outlet):
    assert staff_outlet([byline]) == outlet
    assert authors_from([byline], []) == []


@pytest.mark.parametrize("byline", ["By Jane Smith", "By Jane Smith, Staff Writer", "By Jane Smith Staff Writer",
                                    "By our staff", "By Jane Smith and Reuters staff"])
def test_a_persons_byline_names_no_outlet(byline):
    assert staff_outlet([byline]) is None


def test_the_raw_page_reads_its_outlet_from_the_byline_and_a_person_stays_an_author():
    staff = parse_article_text(_page("By linknaija.com staff"), "a.txt", "a" * 64).document
    person = parse_article_text(_page("By Jane Smith"), "b.txt", "b" * 64).document
    assert staff.outlet == "linknaija.com" and "no outlet found" not in staff.flags and staff.authors == []
    assert person.outlet is None and person.authors == ["Jane Smith"]


def test_an_outlet_credited_elsewhere_is_kept_over_the_newsroom_byline():
    page = _page("By timesunion.com staff").replace(BODY, f"{BODY}\n\nAssociated Press")
    assert parse_article_text(page, "c.txt", "c" * 64).document.outlet == "Associated Press"


def test_the_newsroom_byline_over_a_credited_outlet_is_the_site_that_published_it():
    """fresh16 nef2b3f2: the AP's story as mysanantonio.com ran it, "By mysanantonio.com staff"."""
    page = _page("By mysanantonio.com staff").replace(BODY, f"SANTA FE, N.M. (AP) — {BODY}")
    doc = parse_article_text(page, "d.txt", "d" * 64).document
    assert (doc.outlet, doc.site) == ("Associated Press", "mysanantonio.com")


@pytest.mark.parametrize("byline", ["By Jane Smith", "By apnews.com staff", "By AP staff"])
def test_a_persons_byline_or_the_credited_outlets_own_names_no_site(byline):
    page = _page(byline).replace(BODY, f"SANTA FE, N.M. (AP) — {BODY}")
    doc = parse_article_text(page, "e.txt", "e" * 64).document
    assert (doc.outlet, doc.site) == ("Associated Press", None)


@pytest.mark.parametrize("a, b", [("nbcnews.com", "NBC News"), ("nypost.com", "New York Post"),
                                  ("www.linknaija.com", "linknaija.com"), ("wsj.com", "WSJ"),
                                  ("theguardian.com", "The Guardian"), ("latimes.com", "Los Angeles Times")])
def test_one_outlet_compares_equal_as_a_host_and_as_a_name(a, b):
    assert same_outlet(a, b) and same_outlet(b, a)


@pytest.mark.parametrize("a, b", [("New York Post", "New York Press"), ("nypost.com", "NewsDigest Online"),
                                  ("nbcnews.com", "cnbc.com"), ("nypost.com", None)])
def test_two_outlets_do_not(a, b):
    assert not same_outlet(a, b)
