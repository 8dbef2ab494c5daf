"""Bad input is rejected with a reason a person understands, never half-parsed, and never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from newsfacts.parse import detect_format, parse_file
from tests.parse.helpers import HTML_FIXTURES, parse_bytes, seed

pytestmark = pytest.mark.unit


def test_seeds_and_html_are_detected_as_their_formats():
    assert detect_format(seed("000").read_text(encoding="utf-8"), "000.txt") == "transcript"
    for number in ("001", "002", "003", "004"):
        assert detect_format(seed(number).read_text(encoding="utf-8"), f"{number}.txt") == "article_text"
    page = (HTML_FIXTURES / "wire_story_on_local_site.html").read_text(encoding="utf-8")
    assert detect_format(page, "page.txt") == "html"


def test_empty_and_binary_files_are_rejected_by_what_they_are():
    assert parse_bytes(b"").rejected == "empty file"
    assert "PDF" in parse_bytes(b"%PDF-1.7\n%binary").rejected


def test_bytes_whose_encoding_cannot_be_decided_are_rejected_saying_so():
    reason = parse_bytes(b"abc \x81\x8d\x8f\x90\x9d\xfe\xff" * 20).rejected
    assert reason.startswith("not valid UTF-8") and "cannot be decided" in reason


def test_data_files_are_not_taken_for_articles():
    assert parse_bytes(b'{"title": "Kim meets Putin", "views": 10}').rejected == "JSON data, not an article"
    csv = b"date,outlet,title\n2023-09-12,Reuters,Kim in Russia\n2023-09-13,AP,Putin meets Kim\n"
    assert parse_bytes(csv).rejected == "a CSV table, not an article"


def test_a_page_of_furniture_only_is_rejected_as_having_no_story():
    menu = "\n".join(["Skip to content", "Home | News | Sport | Weather", "Subscribe", "Sign in",
                      "Most read", "1. Storm batters coast as thousands lose power in the south.",
                      "2. Council approves new budget after a long and bitter debate.",
                      "3. Local team wins the cup final in extra time on Saturday night.",
                      "4. Police appeal for witnesses after a crash on the ring road.",
                      "5. New bakery opens in the old post office building on Main Street.",
                      "© 2024 The Daily Example. All rights reserved."])
    out = parse_bytes(menu.encode("utf-8"))
    assert out.document is None and out.rejected


def test_a_few_words_of_text_are_rejected_with_a_count():
    out = parse_bytes(b"Kim arrived in Russia.\nMore soon.\n")
    assert out.rejected.startswith("not an article, transcript or HTML page")


def test_seed_truncated_to_its_header_is_rejected_not_half_parsed():
    header = "\n".join(seed("003").read_text(encoding="utf-8").splitlines()[:22])
    out = parse_bytes(header.encode("utf-8"))
    assert out.document is None and out.rejected


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_parse_file_never_raises_on_arbitrary_bytes(data):
    out = parse_file(data, "inbox/x", "0" * 64)
    assert (out.document is None) != (out.rejected is None)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=3000))
def test_parse_file_never_raises_on_arbitrary_text(text):
    out = parse_file(text.encode("utf-8"), "inbox/x.html", "0" * 64)
    assert (out.document is None) != (out.rejected is None)


def test_an_html_fragment_without_html_or_body_tags_is_still_html():
    fragment = ("<div class='story'><h1>Port strike closes docks</h1><p>Dock workers walked out at midnight across "
                "the east coast.</p><p>The union wants higher wages.</p><div class='ad'>Ad</div><p>Talks resume "
                "on Monday.</p></div>")
    assert detect_format(fragment, "inbox/story.txt") == "html"


def test_short_article_whose_lines_share_a_comma_count_is_not_taken_for_csv():
    text = ("Kim, who arrived in Russia on Tuesday, met Putin at the spaceport for talks on arms and aid.\n"
            "Putin, smiling broadly, greeted him warmly at the entrance and showed him a rocket launch site.\n"
            "The talks, officials said later, lasted several hours and ended with a formal dinner in Kim's honour.\n")
    assert detect_format(text, "inbox/short.txt") == "article_text"
