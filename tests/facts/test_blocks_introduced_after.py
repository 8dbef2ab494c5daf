"""A block of quoted paragraphs opened after the last speaker's quotation closed, then a paragraph that quotes nothing
of its own and has a person as its subject: the block is that person's, set out before the story says who they are
(issue #25, speakers57: story_speakers._introduced_after_run). Each on a passage written for it, beside its nearest
negatives: one paragraph only (the last speaker going on), the paragraph after quoting its own words (that person's
own turn), and the last speaker's quotation left open (one quotation going on)."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_MILL = ('The Brackenford watermill will grind its last sack of flour on Saturday after 240 years.\n\n'
         '"We came every summer when the children were small. It is a shame, a real shame," said one visitor as she '
         'bought a last bag of wholemeal.\n\n'
         '"I started turning the stones here in 1979, when the mill still had a horse."\n\n'
         '"The wheel has stopped twice in all that time, once for the flood and once for the fire."\n\n'
         'Ted Ashworth, 68, the mill\'s miller for more than forty years, will open the sluice for the last time at '
         'noon.\n\n'
         'The trust that owns the building plans to turn it into a museum.')


def test_a_block_of_quoted_paragraphs_is_the_person_introduced_after_it(quotes_of):
    quotes = quotes_of(_MILL)
    assert said(quotes, "I started turning the stones").speaker == "Ted Ashworth"
    assert said(quotes, "The wheel has stopped twice").speaker == "Ted Ashworth"


def test_one_quoted_paragraph_after_a_closed_quote_is_the_last_speaker_going_on(quotes_of):
    # nearest negative: a single paragraph is the visitor going on, whoever the story introduces next
    body = _MILL.replace('"The wheel has stopped twice in all that time, once for the flood and once for the fire."\n\n',
                         "")
    assert said(quotes_of(body), "I started turning the stones").speaker is None  # the visitor, named by no one


def test_a_paragraph_after_the_block_quoting_its_own_words_is_that_persons_own_turn(quotes_of):
    # nearest negative: the person introduced after the block speaks for themselves there; the block goes on the
    # speaker before it
    body = _MILL.replace("will open the sluice for the last time at noon.",
                         'will open the sluice at noon. "I will not cry," he said.') \
        .replace("said one visitor as she bought", "said Marion Pike as she bought")
    quotes = quotes_of(body)
    assert said(quotes, "I started turning the stones").speaker == "Marion Pike"
    assert said(quotes, "I will not cry").speaker == "Ted Ashworth"


def test_a_quotation_left_open_goes_on_into_the_block(quotes_of):
    # nearest negative: the last speaker's quotation is not closed, so the paragraphs after it are one quotation
    body = _MILL.replace('It is a shame, a real shame," said one visitor as she bought a last bag of wholemeal.',
                         'It is a shame, a real shame.').replace(
        '"We came every summer', 'Marion Pike, a visitor from Leeds, said: "We came every summer')
    assert said(quotes_of(body), "I started turning the stones").speaker == "Marion Pike"
