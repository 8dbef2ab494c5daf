"""Ranks and forms of address (issue #25, the twenty-second round): a rank with a surname is the one person of that
surname the story named in full; a form of address before a name the model left untagged still makes a person. Each
beside its nearest negative."""

from __future__ import annotations

import pytest

from newsfacts.facts.body_voices import body_words
from newsfacts.facts.entities import EntityMention, entity_id, name_key
from newsfacts.facts.lexicon import lexicon
from newsfacts.facts.referents import add_untagged_titled_people, form_of_address, link_short_forms


def _mention(body: str, text: str, after: int = 0) -> EntityMention:
    start = body.index(text, after)
    m = EntityMention(start, start + len(text), text, "PERSON", name_key(text))
    m.entity_id = entity_id("PERSON", m.key)
    return m


@pytest.mark.unit
@pytest.mark.parametrize("word", ["DI", "DCI", "Supt", "Supt.", "Sgt", "Fr", "Prof.", "Lt", "Col", "Revd", "Cpl",
                                  "Brig", "Cdr", "Msgr", "HHJ", "Sen.", "Cllr"])
def test_ranks_and_forms_of_address_are_read_with_or_without_a_full_stop(word):
    assert form_of_address(word, lexicon())


@pytest.mark.unit
@pytest.mark.parametrize("word", ["Di", "Dan", "Carl", "Police", "The"])
def test_a_given_name_or_a_plain_word_is_no_form_of_address(word):
    # nearest negative: "DI" is a rank only in capitals; "Di" is a given name
    assert not form_of_address(word, lexicon())


_ONE = "Detective Inspector Carl Brennan led the search. On Friday DI Brennan said the brooch would be found."


@pytest.mark.unit
@pytest.mark.parametrize("short", ["DI Brennan", "Supt Brennan", "Lt Col Brennan", "Fr. Brennan"])
def test_a_rank_and_a_surname_is_the_one_person_of_that_surname_named_in_full(short):
    body = _ONE.replace("DI Brennan", short)
    full, rank = _mention(body, "Carl Brennan"), _mention(body, short)
    link_short_forms(body, [full, rank], lexicon())
    assert (rank.entity_id, rank.named) == (full.entity_id, "Carl Brennan")


@pytest.mark.unit
def test_a_rank_and_a_surname_two_people_share_is_no_ones_in_particular():
    # nearest negative: two Brennans named in full, so "DI Brennan" could be either
    body = "Carl Brennan and his sister Ruth Brennan joined the force. On Friday DI Brennan said it was over."
    carl, ruth, rank = _mention(body, "Carl Brennan"), _mention(body, "Ruth Brennan"), _mention(body, "DI Brennan")
    link_short_forms(body, [carl, ruth, rank], lexicon())
    assert rank.entity_id not in (carl.entity_id, ruth.entity_id)


@pytest.mark.unit
def test_a_given_name_before_a_surname_is_no_rank():
    # nearest negative: "Di Brennan" is a woman of that name, not the inspector
    body = "Detective Inspector Carl Brennan led the search. Di Brennan said the brooch would be found."
    full, other = _mention(body, "Carl Brennan"), _mention(body, "Di Brennan")
    link_short_forms(body, [full, other], lexicon())
    assert other.entity_id != full.entity_id


@pytest.mark.unit
def test_a_form_of_address_before_an_untagged_name_makes_a_person_after_every_title():
    lex = lexicon()
    body = "The head of services, Dr Nadine Osei, defended it. Det Supt Gwen Aldous agreed."
    names = [m.text for m in add_untagged_titled_people(body, [], lex, body_words(lex))]
    assert names == ["Nadine Osei", "Gwen Aldous"]


@pytest.mark.unit
def test_a_title_with_one_name_word_a_bodys_name_or_a_tagged_name_adds_no_one():
    # nearest negatives: "Dr Osei" is a short form, not a name in full; "Dr Martens Footwear Ltd" a firm; a name the model
    # tagged is left to the model's mention
    lex = lexicon()
    body = "Dr Osei spoke. Dr Martens Footwear Ltd grew. Supt Gwen Aldous left."
    tagged = _mention(body, "Gwen Aldous")
    assert add_untagged_titled_people(body, [tagged], lex, body_words(lex)) == [tagged]


@pytest.mark.unit
def test_a_name_after_a_title_ends_at_its_line():
    # nearest negative to the untagged name: a title ending a line does not take the next line's capitals as a name
    lex = lexicon()
    assert add_untagged_titled_people("Gov. Marcus Avery\n\nWhat Next For Us", [], lex, body_words(lex))[0].text \
        == "Marcus Avery"
    assert add_untagged_titled_people("Letters to the Rev\nJohn Smith Speaks", [], lex, body_words(lex)) == []
