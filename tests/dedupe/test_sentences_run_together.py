"""Two sentences run together without a space ("... on Wednesday.The stabbing ...", scraped text) are two sentences
to dedupe's splitter; a stop glued inside a name, an address, an abbreviation, a number, initials or an ellipsis ends
none (issue #21, benchmarks/README.md "Thirty-second round: sentences run together, and masthead outlets
(dedupe52)"). The real passage is fresh20's je372e42: the Jerusalem Post's 65-word item (a Scrapinghub benchmark
body, MIT)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.text import Profile, split_sentences
from newsfacts.dedupe.verify import told_after

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"


def _item() -> str:
    page = (REAL / "raw" / "je372e42_original.txt").read_text(encoding="utf-8")
    return page.split("By jpost.com staff", 1)[1].rsplit("Share this article", 1)[0].strip()


def test_the_posts_item_run_together_is_three_sentences():
    sentences = split_sentences(_item())
    assert [s.split()[-1] for s in sentences] == ["Wednesday.", "physician.", "assassination."]
    assert Profile.of(_item()).content_sentences == 3


def test_read_as_three_sentences_the_item_is_told_before_the_posts_next_day_story_and_not_after_it():
    """verify.told_after read nothing on the item as one sentence (no lead of three sentences to retell); the
    follow-up is now placed after it by its text, beside the length reading (batch._tells_more) that parts it."""
    follow_up = (REAL / "docs" / "je372e42_follow_up.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    item, later = Profile.of(_item()), Profile.of(follow_up.strip())
    assert told_after(later, item, Thresholds()) and not told_after(item, later, Thresholds())


def test_each_sentence_is_a_slice_of_the_text_nothing_inserted():
    text = "He was hurt on Wednesday.The stabbing occurred at noon.”Police arrested a man?Nobody knows."
    sentences = split_sentences(text)
    assert sentences == ["He was hurt on Wednesday.", "The stabbing occurred at noon.”", "Police arrested a man?",
                         "Nobody knows."]
    assert "".join(sentences) == text


@pytest.mark.parametrize("text", [
    "The results are at Catchitkansas.com and Amazon.com today.",  # lower-case hosts
    "Write to Dear Abby at www.DearAbby.com or at https://example.org/News.Today for more.",  # addresses
    "Write to Warren.Strobel@wsj.com for more.",  # a mail address
    "He met Gov.Newsom and Mrs.Smith in St.Louis on Sunday.",  # abbreviations before a name
    "She ran No.5 in 3.5 seconds, the U.S. record.",  # numbers and an acronym
    "J.R.R.Tolkien wrote it.",  # initials
    "Beispiele, z.B.Daten, sind wichtig.",  # a German abbreviation
    "He said he would wait...And then he left.",  # an ellipsis
])
def test_a_glued_stop_inside_a_name_address_abbreviation_number_or_ellipsis_ends_no_sentence(text):
    assert split_sentences(text) == [text]


def test_a_run_together_sentence_is_split_where_the_spaced_one_is_and_an_abbreviation_is_not_in_either():
    assert split_sentences("Daten.Weder die TK noch IBM.") == ["Daten.", "Weder die TK noch IBM."]
    assert split_sentences("Daten. Weder die TK noch IBM.") == ["Daten.", "Weder die TK noch IBM."]
    assert split_sentences("He met Sen.Warren there.") == ["He met Sen.Warren there."]
    assert split_sentences("He met Sen. Warren there.") == ["He met Sen. Warren there."]
