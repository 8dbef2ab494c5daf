"""A saved page's headline, authors and publication day come from its own markup, reconciled, in the outlet's terms.

Scored on the benchmark's labelled pages in tests/benchmarks/test_page_metadata_labels.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.parse.helpers import parse_bytes

pytestmark = pytest.mark.unit

STORY = "".join(f"<p>{s}</p>" for s in [
    "The city council voted on Tuesday night to close the old harbour bridge to all traffic for two years.",
    "Engineers found cracks in three of the bridge's main supports during an inspection in the summer.",
    "The repairs will cost an estimated 40 million dollars, most of it paid by the state government.",
    "Local businesses said the closure would cut them off from customers on the other side of the river.",
    "A temporary ferry service will run every fifteen minutes during the day, the council said.",
])


def page(head: str = "", top: str = "", url: str = "https://www.harbourtimes.com/news/bridge-closure") -> bytes:
    return (f"<!doctype html><html><head><link rel='canonical' href='{url}'>{head}</head><body>"
            f"<header><a href='/'>Harbour Times</a></header><article>{top}{STORY}</article>"
            f"<aside class='related-stories'><h3>More news</h3><p>By Peter Teaser</p>"
            f"<time datetime='2019-03-02T10:00:00Z'>March 2, 2019</time></aside></body></html>").encode("utf-8")


def doc(data: bytes):
    out = parse_bytes(data, "inbox/page.html")
    assert out.document is not None, out.rejected
    return out.document


def test_the_site_name_is_taken_off_the_title_whichever_side_it_is_on():
    for title in ("Bridge to close for two years | Harbour Times", "Harbour Times - Bridge to close for two years",
                  "Bridge to close for two years - harbourtimes.com"):
        head = f"<title>{title}</title><meta property='og:site_name' content='Harbour Times'>"
        assert doc(page(head)).title == "Bridge to close for two years"


def test_the_visible_headline_wins_over_a_social_title_and_a_site_heading():
    head = ("<title>Harbour bridge closure: what you need to know - Harbour Times</title>"
            "<meta property='og:title' content='Harbour bridge to close for two years'>")
    top = "<h1>Harbour Times</h1><h1>Harbour bridge to close for two years, council decides</h1>"
    assert doc(page(head, top)).title == "Harbour bridge to close for two years, council decides"


def test_json_ld_authors_are_people_and_an_organisation_is_not_one():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge to close",'
            ' "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Organization", "name": "Harbour Times"},'
            ' {"@type": "Person", "name": "TOM LEE"}], "datePublished": "2019-11-19T10:00:00-05:00"}</script>')
    assert doc(page(head)).authors == ["Ana Ruiz", "Tom Lee"]


def test_a_byline_without_by_naming_several_people_gives_them_all_but_not_the_desk_or_the_site():
    top = "<div class='byline'>Ana Ruiz, Tom Lee and Mary Clare Jones, Harbour Times Staff</div>"
    head = "<meta property='og:site_name' content='Harbour Times'><meta name='author' content='Ana Ruiz'>"
    assert doc(page(head, top)).authors == ["Ana Ruiz", "Tom Lee", "Mary Clare Jones"]


def test_a_site_or_outlet_named_as_author_is_not_a_person():
    for author in ("Harbour Times", "Reuters", "Harbour Times Staff", "admin"):
        head = f"<meta property='og:site_name' content='Harbour Times'><meta name='author' content='{author}'>"
        assert doc(page(head, f"<div class='byline'>By {author}</div>")).authors == []


def test_a_utc_timestamp_is_read_on_the_day_the_page_shows_in_its_own_time_zone():
    head = "<meta property='article:published_time' content='2019-11-20T02:59:46Z'>"
    top = "<div class='byline'>By Ana Ruiz</div><time class='published'>November 19, 2019 at 8:59 pm</time>"
    d = doc(page(head, top))
    assert (d.published_date, d.date_source) == (date(2019, 11, 19), "meta")


def test_a_utc_timestamp_takes_the_day_in_the_url_and_a_local_one_is_read_as_written():
    utc = "<meta property='article:published_time' content='2019-11-19T04:58:46Z'>"
    assert doc(page(utc, url="https://example.com/2019/11/18/bridge/")).published_date == date(2019, 11, 18)
    local = ('<script type="application/ld+json">{"@type": "NewsArticle", '
             '"datePublished": "2019-11-19T23:30:00-05:00"}</script>')
    d = doc(page(local))
    assert (d.published_date, d.date_source) == (date(2019, 11, 19), "json-ld")


def test_a_date_in_a_related_story_teaser_is_never_the_publication_date():
    d = doc(page())
    assert d.published_date != date(2019, 3, 2)
    assert "Peter Teaser" not in d.authors



def test_a_page_without_a_machine_date_gives_the_day_written_beside_its_byline_in_its_own_language():
    top = ("<p class='about'><span>Von</span> <span><a class='author-link' href='/a/ana-ruiz'>Ana Ruiz</a></span>"
           " <span>publiziert am 25. September 2018</span></p>")
    d = doc(page(top=top, url="https://blog.harbourtimes.com/brueckensperrung"))
    assert (d.published_date, d.date_source) == (date(2018, 9, 25), "page")


def test_a_numeric_day_is_read_day_first_unless_the_page_is_in_american_english():
    top = "<div class='post-date'>05/10/2018 - Publicado por: Ana Ruiz</div>"
    assert doc(page(top=top)).published_date == date(2018, 10, 5)
    american = page(top=top).replace(b"<html>", b"<html lang='en-US'>")
    assert doc(american).published_date == date(2018, 5, 10)


def test_the_articles_own_date_wins_over_the_date_of_a_claim_it_quotes():
    top = ("<div class='statement'><p>Tom Lee stated on November 14, 2019 in a tweet:</p></div>"
           "<div class='byline'>By Ana Ruiz &bull; November 19, 2019</div>")
    assert doc(page(top=top)).published_date == date(2019, 11, 19)


def test_a_utc_stamp_takes_the_day_of_the_time_zone_the_page_writes_even_when_it_shows_only_an_update():
    head = "<meta property='article:published_time' content='2019-11-20T02:00:00Z'>"
    top = "<div class='timestamp'>Updated 10:48 pm EST, Tuesday, November 19, 2019</div>"
    assert doc(page(head, top)).published_date == date(2019, 11, 19)


def test_a_desk_credit_glued_to_the_update_line_is_not_a_person():
    top = "<div class='byline'>Night Shift StaffUpdated: Nov 19, 2019 10:02 am</div>"
    assert doc(page(top=top)).authors == []


def test_a_plain_text_byline_naming_more_people_than_the_meta_tag_gives_them_all():
    head = "<meta name='author' content='Ana Ruiz'>"
    top = "<p>By Ana Ruiz , Tom Lee</p>"
    assert doc(page(head, top)).authors == ["Ana Ruiz", "Tom Lee"]


def test_a_korean_columnist_named_only_at_the_foot_of_the_story_is_its_author():
    data = page().replace(b"</article>", "<p>김하늘 칼럼니스트</p><p>sky@example.co.kr</p></article>".encode())
    assert doc(data).authors == ["김하늘"]


def test_the_site_name_in_the_title_is_known_from_the_copyright_line_when_nothing_else_names_it():
    head = "<title>Bridge to close for two years - Riverside Gazette</title>"
    top = "<div class='legal'>Copyright © 2019 Riverside Gazette. All rights reserved.</div>"
    assert doc(page(head, top, url="https://news.example.org/bridge")).title == "Bridge to close for two years"


def test_a_json_ld_author_given_by_reference_is_looked_up_in_the_graph_and_kept_when_a_byline_shows_it():
    head = ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "Bridge to close",'
            ' "author": {"@id": "https://harbourtimes.com/#/person/1"}, "datePublished": "2019-11-19T10:00:00-05:00"},'
            ' {"@type": ["Person"], "@id": "https://harbourtimes.com/#/person/1", "name": "Catherine"}]}</script>')
    assert doc(page(head, "<div class='byline'>by Catherine</div>")).authors == ["Catherine"]
    assert doc(page(head)).authors == []  # the account that posted the page, named nowhere on it


def test_an_account_the_graph_names_but_the_page_never_shows_is_not_taken_from_trafilatura_either():
    head = ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "name": "Bridge to close",'
            ' "author": {"@id": "https://harbourtimes.com/#/person/7"}, "datePublished": "2019-11-19T10:00:00-05:00"},'
            ' {"@type": "Person", "@id": "https://harbourtimes.com/#/person/7", "name": "Site Keeper"}]}</script>')
    assert doc(page(head)).authors == []


def test_degrees_after_a_name_are_not_people_and_the_kind_of_piece_before_by_is_not_part_of_the_name():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge to close",'
            ' "author": {"@type": "Person", "name": "Ana Ruiz, MS, RD"}}</script>')
    assert doc(page(head)).authors == ["Ana Ruiz"]
    head = "<meta name='author' content='Analysis by Tom Lee, Harbour Editor-at-large'>"
    assert doc(page(head)).authors == ["Tom Lee"]


def test_a_byline_running_on_into_its_date_keeps_every_name():
    top = "<div class='author-line'>By <a>Ana Ruiz</a> , <a>Tom Lee</a> on Monday, November 18th, 2019 at 11:08 a.m.</div>"
    assert doc(page(top=top)).authors == ["Ana Ruiz", "Tom Lee"]


def test_a_utc_stamp_on_a_page_writing_hawaii_time_takes_the_hawaii_day_even_with_the_utc_day_in_its_url():
    head = "<meta name='date' content='2019-11-19T01:48:03.835Z'>"
    top = "<div class='timestamp'>November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM</div>"
    url = "https://www.harbourtimes.com/2019/11/19/bridge-closure/"
    assert doc(page(head, top, url=url)).published_date == date(2019, 11, 18)


def test_a_korean_writer_named_in_the_bracket_opening_the_story_is_its_author():
    opening = "<p>[하버타임스=소설가 김하늘의 다리 이야기] 시의회는 화요일 밤 다리를 폐쇄하기로 했다.</p>"
    data = page().replace(b"<article>", ("<article>" + opening).encode())
    assert doc(data).authors == ["김하늘"]


def test_a_weekday_glued_to_a_name_is_cut_off():
    assert doc(page(top="<div class='byline'>By Ana RuizMonday, November 18, 2019</div>")).authors == ["Ana Ruiz"]


def test_a_page_writing_its_times_in_gmt_keeps_the_day_of_its_url():
    head = "<meta name='pubdate' content='2019-11-19T02:34:30Z'>"
    top = "<div class='metadata__info'>By Ana Ruiz, Harbour Business Updated 0339 GMT (1139 HKT) November 19, 2019</div>"
    url = "https://www.harbourtimes.com/2019/11/18/markets/index.html"
    assert doc(page(head, top, url=url)).published_date == date(2019, 11, 18)
