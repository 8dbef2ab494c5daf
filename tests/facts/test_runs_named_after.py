"""A run of quoted paragraphs named by the paragraph after it, which points back at the words with a demonstrative
(issue #25, the `after_run` style; story_speakers._speaker_pointed_back): "from" on the pointing noun, or a verb
of speech whose subject is a person, gives the run its speaker. Each on a passage written for it, beside its
nearest negative (the sentence pointing back names someone who does not speak; a name only a possessor; two people
speaking in it)."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said
from tests.facts.test_words_pointed_back import _LINES, _RUN

pytestmark = pytest.mark.integration



@pytest.mark.parametrize("after", [
    "That, the ferry's last captain, Duncan Ure, said, is why the flags flew at half mast.",
    "That was how Morag Lennie's neighbour, Duncan Ure, described the final crossing.",
    "That account, from the ferry's last captain, Duncan Ure, who first sailed the route in 1984, was read out "
    "at the harbour.",
])
def test_a_run_pointed_back_at_is_the_one_the_sentence_has_speak(quotes_of, after):
    quotes = quotes_of(_RUN + after)
    for words in _LINES:
        quote = said(quotes, words)
        assert (quote.speaker, quote.speaker_basis) == ("Duncan Ure", "named_after"), words
    assert said(quotes, "the end of a lifeline").speaker == "Morag Lennie"


@pytest.mark.parametrize("after", [
    # nearest negatives: the sentence points back but its person is spoken to, or is only a possessor
    "That, the company told Duncan Ure, is why the flags flew at half mast.",
    "That account, from Duncan Ure's daughter, who sailed with him, was read out at the harbour.",
    # two people speaking in the sentence: refused, not the first of them
    "That, the ferry's last captain, Duncan Ure, said, is what Morag Lennie told the council too.",
])
def test_a_run_pointed_back_at_is_not_someone_the_sentence_only_mentions(quotes_of, after):
    quotes = quotes_of(_RUN + after)
    for words in _LINES:
        assert said(quotes, words).speaker != "Duncan Ure", words


_OPEN_RUN = ('A ring lost off the pier in 2012 has been found inside a cod at the town fish counter.\n\n'
             'How a ring could end up inside a fish so many years later is less of a mystery than it sounds.\n\n'
             '“Cod are opportunistic feeders. They will swallow stones, crab shells, almost anything that glints.\n\n'
             '“A ring could pass through several fish over the years, or lie on the seabed until one picks it '
             'up{close}\n\n'
             '“What is remarkable is not that a cod ate a ring. It is that this one ended up on a slab three miles '
             'from where it went in,” said '
             'Dr Hannah Quist, a marine biologist at the Brennock Marine Institute.\n\n')


def test_a_quotation_left_open_over_paragraphs_is_the_one_its_closing_cue_names(quotes_of):
    # the convention: a paragraph left without a closing mark goes on into the next; the cue at the end of the
    # quotation names the speaker of all of it
    quotes = quotes_of(_OPEN_RUN.format(close="."))
    for words in ("Cod are opportunistic feeders", "A ring could pass through"):
        quote = said(quotes, words)
        assert (quote.speaker, quote.speaker_basis) == ("Hannah Quist", "named_after"), words


def test_a_quotation_closed_before_the_cue_is_not_the_cues(quotes_of):
    # nearest negative: the second paragraph closes its quotation, so the cued paragraph after it opens another
    quotes = quotes_of(_OPEN_RUN.format(close=".”"))
    for words in ("Cod are opportunistic feeders", "A ring could pass through"):
        assert said(quotes, words).speaker != "Hannah Quist", words


_HOTELIER_RUN = (
    "Asked whether she regretted it, Brenda Fairclough said: “I regret getting caught. I regret doing it.”\n\n"
    "“There are thirty guesthouses on this front. We all live or die by those stars.\n\n"
    "“When one of us cheats, it’s everybody’s problem.”\n\n"
)


def test_a_quotation_left_open_over_two_paragraphs_is_one_turn_of_the_people_named_after_it(quotes_of):
    # two paragraphs, one quotation (the first left open): the sentence's two people are not one per paragraph
    quotes = quotes_of(_HOTELIER_RUN + "That was the view of Pauline Hartley, who chairs the hoteliers’ association "
                       "and has known Keith Fairclough for twenty years.")
    assert said(quotes, "thirty guesthouses").speaker == "Pauline Hartley"
    assert said(quotes, "When one of us cheats").speaker == "Pauline Hartley"


def test_two_quotations_closed_in_their_paragraphs_are_the_turns_of_the_people_named_after_them(quotes_of):
    # the nearest negative: each paragraph closed, two quotations, two people given in turn
    quotes = quotes_of(_HOTELIER_RUN.replace("stars.\n\n", "stars.”\n\n")
                       + "So said Pauline Hartley, 64, and Keith Fairclough, 61.")
    assert said(quotes, "thirty guesthouses").speaker == "Pauline Hartley"
    assert said(quotes, "When one of us cheats").speaker == "Keith Fairclough"
