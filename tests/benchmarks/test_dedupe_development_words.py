"""The development-words study's pure parts (benchmarks/dedupe_development_words.py) on tiny hand-made texts: which
words of a later report its story never used, how rare they weigh, and how document frequencies are counted."""

from __future__ import annotations

import math

import pytest

from benchmarks.dedupe_development_words import frequencies, holders, leading_unretold, new_words, rarity
from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.text import Profile

pytestmark = pytest.mark.unit

ORIGINAL = Profile.of("The council approved the plan to turn the old house into a police station on Monday. "
                      "The ministry said the building would be rebuilt by the end of next year.")
FOLLOW_UP = Profile.of("A group of historians criticised the plan in an open letter published on Thursday. "
                       "The council approved the plan to turn the old house into a police station on Monday.")
RESTYLE = Profile.of("Officials stunned residents as the council approved the plan to turn the old house into a "
                     "police station on Monday. The ministry said the building would be rebuilt by next year.")


def test_the_words_of_a_sentence_retelling_nothing_are_those_its_story_never_uses():
    unretold, words = new_words(FOLLOW_UP, ORIGINAL, [], Thresholds())
    assert unretold == 1
    assert {"histor", "lett", "critic"} <= words and "council" not in words
    # The nearest negative: a word the story uses elsewhere (a sibling rewrite) is not new.
    sibling = Profile.of("Historians wrote an open letter about the building, published on Thursday by a group.")
    assert "histor" not in new_words(FOLLOW_UP, ORIGINAL, [sibling], Thresholds())[1]


def test_a_rewrite_retelling_every_sentence_has_no_new_words():
    assert new_words(RESTYLE, ORIGINAL, [], Thresholds()) == (0, set())


def test_a_word_no_other_document_uses_weighs_most_and_no_unretold_sentence_scores_zero():
    assert rarity({"histor"}, {}, 100, 1) == pytest.approx(math.log(100))
    assert rarity({"histor"}, {"histor": 49}, 100, 1) == pytest.approx(math.log(2))
    assert rarity({"histor", "lett"}, {}, 100, 2) == pytest.approx(math.log(100))
    assert rarity(set(), {}, 100, 0) == 0.0


def test_frequencies_leave_the_pairs_sources_out_and_count_a_sources_documents_once_by_source():
    held = holders({"aaaaaaaa_original": {"histor"}, "aaaaaaaa_restyled": {"histor"},
                    "bbbbbbbb_original": {"histor"}, "bbbbbbbb_brief": {"histor"}, "cccccccc_original": {"lett"}})
    assert frequencies({"histor"}, held, {"cccccccc"}, by_source=True) == {"histor": 2}
    assert frequencies({"histor"}, held, {"cccccccc"}, by_source=False) == {"histor": 4}
    assert frequencies({"histor", "lett"}, held, {"aaaaaaaa", "cccccccc"}, by_source=False) == {"histor": 2,
                                                                                                  "lett": 0}


def test_a_report_opening_on_what_the_other_never_told_leads_with_it_and_a_rewrite_leads_with_its_source():
    assert leading_unretold(FOLLOW_UP, ORIGINAL, Thresholds()) == 1
    assert leading_unretold(RESTYLE, ORIGINAL, Thresholds()) == 0
