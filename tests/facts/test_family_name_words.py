"""The words that make two relatives of one surname two people, read from the mentions alone (no parse): a title word
that is a given name ("Her son, Dean Cole"), and a name so read counting as a full name when short forms are linked.
Each beside its nearest negative (the relatives' speakers: test_family_names.py)."""

from __future__ import annotations

import pytest

from newsfacts.facts.entities import EntityMention, _given_name_taken_for_a_title, entity_id, name_key
from newsfacts.facts.lexicon import lexicon
from newsfacts.facts.referents import link_short_forms

pytestmark = pytest.mark.unit


def _mention(body: str, text: str, after: int = 0, named: str = "") -> EntityMention:
    start = body.index(text, after)
    m = EntityMention(start, start + len(text), text, "PERSON", name_key(named or text), named=named)
    m.entity_id = entity_id("PERSON", m.key)
    return m


def test_a_title_word_before_a_relatives_surname_is_a_given_name():
    body = "Her son, Dean Cole, drove over."
    cole = _mention(body, "Cole")
    assert _given_name_taken_for_a_title(body, body.index("Dean"), cole, lexicon())


def test_a_form_of_address_before_a_relatives_surname_is_no_given_name():
    # nearest negative: "Dr" is written only before a name: a title, whoever it is in apposition to
    body = "Her son, Dr Cole, drove over."
    cole = _mention(body, "Cole")
    assert not _given_name_taken_for_a_title(body, body.index("Dr"), cole, lexicon())


_TWO_COLES = "Marian Cole, 67, said it was thunder. Her son, Dean Cole, drove over. Mr Cole added a word."


def test_a_short_form_is_not_linked_past_a_relative_read_as_a_name():
    mother = _mention(_TWO_COLES, "Marian Cole")
    son = _mention(_TWO_COLES, "Dean Cole", named="Dean Cole")
    mr = _mention(_TWO_COLES, "Cole", after=_TWO_COLES.index("Mr Cole"))
    mr.key, mr.entity_id = son.key, son.entity_id  # as family_names read it
    link_short_forms(_TWO_COLES, [mother, son, mr], lexicon())
    assert mr.key == son.key


def test_a_title_and_a_surname_are_a_short_form_of_the_one_person_of_that_surname():
    # nearest negative: "Dean Cole" not read as a name is a title and a surname: Marian is the only Cole in full
    mother = _mention(_TWO_COLES, "Marian Cole")
    dean = _mention(_TWO_COLES, "Dean Cole")
    link_short_forms(_TWO_COLES, [mother, dean], lexicon())
    assert dean.key == mother.key
