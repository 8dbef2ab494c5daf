"""Round-up lines headed by their source (issue #25, the `roundup` style; facts/story_speakers.roundup): a body's
name written in full with the small words names hold, and a participle qualifying a noun in the source's
description. Passages written for these tests, each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_REACTION = ('Bridge closure\n\n'
             'The Harwick bridge will stay shut until the spring, the council said on Friday.\n\n'
             'Reaction came quickly:\n\n'
             'Harwick Chamber of Commerce: "Every week this bridge is shut costs the south bank thousands of pounds."')


def test_a_bodys_name_heading_a_roundup_line_is_its_source(quotes_of):
    assert said(quotes_of(_REACTION), "Every week").speaker == "Harwick Chamber of Commerce"


def test_a_heading_of_capitalised_words_that_is_a_sentence_is_no_source(quotes_of):
    # nearest negative: capitalised words that hold a verb are an introduction, not a name
    body = _REACTION.replace("Harwick Chamber of Commerce:", "Here Is What They Said:")
    assert said(quotes_of(body), "Every week").speaker is None


_FIELD = ('Donor limits\n\n'
          "Others in the field reacted to the Ledger's findings:\n\n"
          'Tom Ridley, donor-conceived adult and campaigner: "I found 41 siblings in a year."\n\n'
          'Sam Obi, founder, Kinship dating app: "Every app in this industry should be checking its servers."')


def test_a_participle_qualifying_a_noun_in_the_description_leaves_the_line_a_source(quotes_of):
    quotes = quotes_of(_FIELD)
    assert said(quotes, "41 siblings").speaker == "Tom Ridley"
    assert said(quotes, "Every app").speaker == "Sam Obi"


def test_a_participle_as_the_lines_predicate_makes_it_no_source(quotes_of):
    # nearest negative: "contacted by the Ledger" is what the line says of the families, who are no one named
    body = _FIELD.replace("Tom Ridley, donor-conceived adult and campaigner:", "The families contacted by the Ledger:")
    assert said(quotes_of(body), "41 siblings").speaker is None
