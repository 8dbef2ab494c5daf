"""The five seeds parse into the documents a journalist would expect, with no page furniture left in any body."""

from __future__ import annotations

from datetime import date

import pytest

from tests.parse.helpers import parse_path, seed

pytestmark = pytest.mark.unit

FURNITURE = {
    "001": ["SHARE", "Associated Press\n", "The Latest", "The Twins win", "Xavier L. Tate", "Pedro Grifol",
            "speaks to Russian Minister of Natural Resources"],
    "002": ["Type to search", "ALSO SEE", "welcomed at Khasan station, the main rail gateway", "(via Reuters)",
            "Reuters with additional reporting", "NOTE:", "Biden Likens China", "Hackers", "Australian journalist",
            "AF China Bond"],
    "003": ["KOSPI", "USD/KRW", "View Market Snapshot", "Featured article licensed", "Business & Politics",
            "Gmt+09:00", "2 Min read", "PHOTO:", "Gordon Lubold", "Write to", "wsj.com", "Comment 0", "0/300"],
    "004": ["0 comment", "Geopolitical Meeting", "Frequently Asked Questions", "What is the purpose",
            "You may also like", "Leave a Comment", "news portal", "Editors' Picks", "Latest News", "©"],
}


@pytest.mark.parametrize("number", sorted(FURNITURE))
def test_no_furniture_string_is_left_in_a_seed_body(number):
    body = parse_path(seed(number)).document.body
    for piece in FURNITURE[number]:
        assert piece not in body, piece


def test_ap_story_on_a_newspaper_site_is_credited_to_ap_with_no_guessed_site_or_date():
    doc = parse_path(seed("001")).document
    assert (doc.kind, doc.format) == ("article", "article_text")
    assert doc.outlet == "Associated Press"
    assert doc.site is None  # the Sun-Times sports sidebar is not evidence of the site
    assert doc.title == "North Korea’s leader is in Russia to meet Putin, with both locked in standoffs with the West"
    assert doc.subtitle.startswith("Kim is expected to seek economic aid") and doc.subtitle.endswith("war in Ukraine.")
    assert doc.authors == []
    assert doc.dateline == "SEOUL"
    assert doc.published_date is None and doc.date_source is None  # "Tuesday" is not a date
    assert doc.language == "en"
    assert doc.body.startswith("SEOUL, South Korea — North Korea’s Kim Jong Un rolled through Russia")
    assert doc.body.endswith("that could be exported to Russia.")
    assert doc.body.count("\n\n") == 22  # 23 story paragraphs kept apart


def test_reuters_story_on_asia_financial_keeps_sub_headings_and_dates_from_the_note():
    doc = parse_path(seed("002")).document
    assert doc.outlet == "Reuters"
    assert doc.site == "Asia Financial"
    assert doc.title == "Kim Jong Un in Russia ‘For Talks on Arms, Tech and Food’"
    assert doc.subtitle.startswith("Putin needs artillery shells")
    assert doc.authors == ["Jim Pollard"]
    assert doc.dateline is None
    assert (doc.published_date, doc.date_source) == (date(2023, 9, 12), "explicit")
    paragraphs = doc.body.split("\n\n")
    assert "Putin at economic forum in Vladivostok" in paragraphs
    assert "Arms transfers would violate UNSC resolutions" in paragraphs
    assert paragraphs[0].startswith("North Korean leader Kim Jong Un has arrived in the Russian Far East")
    assert paragraphs[-1] == "“We will continue to strengthen our friendship,” Peskov said."


def test_wsj_story_carried_by_korea_economic_daily_names_both_and_its_writers():
    doc = parse_path(seed("003")).document
    assert doc.outlet == "The Wall Street Journal"
    assert doc.site == "Korea Economic Daily"
    assert doc.title == "North Korea’s Kim Jong Un Expected to Meet Putin in Russia"
    assert doc.subtitle.startswith("Reclusive leader’s planned trip")
    assert doc.authors == ["Warren P Strobel", "William Mauldin"]
    assert doc.dateline == "WASHINGTON"
    assert (doc.published_date, doc.date_source) == (date(2023, 9, 5), "explicit")
    assert doc.body.startswith("WASHINGTON—North Korean leader Kim Jong Un is expected to travel")
    assert doc.body.endswith("abide by the public commitments that Pyongyang has made to not provide or sell arms to Russia,\" Kirby said.")
    assert doc.lines_dropped == 17


def test_big_big_news_rewrite_has_its_author_and_no_date_from_the_copyright_year():
    doc = parse_path(seed("004")).document
    assert doc.outlet == "Big Big News"
    assert doc.site is None
    assert doc.authors == ["Michael Nguyen"]
    assert doc.published_date is None and doc.date_source is None
    assert doc.dateline is None
    assert doc.body.endswith("the outcomes and consequences of their discussions remain uncertain.")


@pytest.mark.parametrize("number", ["001", "002", "003", "004"])
def test_article_seed_counts_are_consistent(number):
    doc = parse_path(seed(number)).document
    assert doc.doc_id == doc.sha256[:16]
    assert doc.word_count == len(doc.body.split())
    assert 0 < doc.lines_dropped < doc.lines_total
    assert doc.body == doc.body.strip() and "\n\n\n" not in doc.body


def test_non_fatal_gaps_and_decisions_are_flagged_on_the_document():
    assert parse_path(seed("001")).document.flags == ["no publication date found"]
    flags = parse_path(seed("004")).document.flags
    assert flags[0].startswith("story cut at trailer heading 'Frequently Asked Questions")
    assert parse_path(seed("003")).document.flags == []
