"""Names the story's people and bodies go by, read from the entity mentions alone (facts/referents.py, no parse):
a form of address opens a person's name, and a body introduced in full goes on by the opening of its name. Each
beside its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.body_voices import body_words
from newsfacts.facts.entities import EntityMention, entity_id, name_key
from newsfacts.facts.lexicon import lexicon
from newsfacts.facts.referents import link_organisation_short_forms, name_titled_people

pytestmark = pytest.mark.unit


def _mention(body: str, text: str, type_: str, after: int = 0) -> EntityMention:
    start = body.index(text, after)
    m = EntityMention(start, start + len(text), text, type_, name_key(text))
    m.entity_id = entity_id(type_, m.key)
    return m


def test_a_form_of_address_opens_a_persons_name_whatever_the_model_typed():
    body = "Cllr Rosa Lindqvist moved the amendment."
    m = _mention(body, "Cllr Rosa Lindqvist", "ORG")
    name_titled_people([m], lexicon(), body_words(lexicon()))
    assert (m.type, m.text, body[m.start : m.end]) == ("PERSON", "Rosa Lindqvist", "Rosa Lindqvist")


def test_a_title_chain_with_one_name_word_or_a_bodys_word_is_left_as_typed():
    # nearest negatives: "Det Insp Whitcombe" is titles and a surname, not a full name; "Dr Martens Footwear Ltd" a firm
    lex = lexicon()
    short = _mention("Det Insp Whitcombe said.", "Det Insp Whitcombe", "ORG")
    firm = _mention("Dr Martens Footwear Ltd said.", "Dr Martens Footwear Ltd", "ORG")
    name_titled_people([short, firm], lex, body_words(lex))
    assert (short.type, short.text, firm.type) == ("ORG", "Det Insp Whitcombe", "ORG")


_FIRM = "Pilots at Skyward Airlines voted. Skyward said it would talk."


def test_a_body_goes_on_by_the_opening_of_its_name():
    full, short = _mention(_FIRM, "Skyward Airlines", "ORG"), _mention(_FIRM, "Skyward", "PERSON", 20)
    link_organisation_short_forms(_FIRM, [full, short], body_words(lexicon()))
    assert (short.type, short.entity_id) == ("ORG", full.entity_id)


def test_a_short_form_written_before_the_full_name_is_a_name_of_its_own():
    # nearest negative: "Skyward" was written before "Skyward Airlines" below the headline
    body = "Skyward grew fast. Pilots at Skyward Airlines voted. Skyward said it would talk."
    first = _mention(body, "Skyward", "ORG")
    full = _mention(body, "Skyward Airlines", "ORG")
    later = _mention(body, "Skyward", "ORG", full.end)
    link_organisation_short_forms(body, [first, full, later], body_words(lexicon()))
    assert later.entity_id == first.entity_id != full.entity_id
