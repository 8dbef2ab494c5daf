"""Names the story's people and bodies go by, read from the entity mentions alone (facts/referents.py, no parse):
a form of address opens a person's name, and a body introduced in full goes on by the opening of its name. Each
beside its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.body_voices import body_words
from newsfacts.facts.entities import EntityMention, entity_id, name_key
from newsfacts.facts.lexicon import lexicon
from newsfacts.facts.referents import link_organisation_short_forms, link_short_forms, name_titled_people

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


_CANONS = "Canon Peter Fane led the service, and his brother, Tom Fane, played. {} said the roof would hold."


def test_a_word_written_before_one_full_name_is_its_title_in_a_short_form():
    body = _CANONS.format("Canon Fane")
    peter, tom = _mention(body, "Peter Fane", "PERSON"), _mention(body, "Tom Fane", "PERSON")
    short = _mention(body, "Canon Fane", "PERSON")
    link_short_forms(body, [peter, tom, short], lexicon())
    assert short.entity_id == peter.entity_id


def test_a_longer_title_ending_in_that_word_is_someone_elses():
    # nearest negative: "The Minor Canon Fane" is titled otherwise than Peter; nor is "Ruth Fane" either brother
    body = _CANONS.format("The Minor Canon Fane")
    peter, tom = _mention(body, "Peter Fane", "PERSON"), _mention(body, "Tom Fane", "PERSON")
    short = _mention(body, "Canon Fane", "PERSON")
    other = _CANONS.format("Ruth Fane")
    mentions = [_mention(other, "Peter Fane", "PERSON"), _mention(other, "Tom Fane", "PERSON"),
                _mention(other, "Ruth Fane", "PERSON")]
    link_short_forms(body, [peter, tom, short], lexicon())
    link_short_forms(other, mentions, lexicon())
    assert short.entity_id not in (peter.entity_id, tom.entity_id)
    assert mentions[2].entity_id not in (mentions[0].entity_id, mentions[1].entity_id)
