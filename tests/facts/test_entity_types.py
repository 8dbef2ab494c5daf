"""An entity's type read from all its mentions together (issue #25, newsfacts/facts/entity_types.py): each mention's
evidence (the model's label, "the" or "Mr" before it, ", which" after it, a body's word in the name, the possessive
its clause uses) summed over the entity, and the verdict obeyed by resolve_aliases and the people table."""

from __future__ import annotations

import pytest

from newsfacts.facts.entities import EntityMention, name_key, resolve_aliases
from newsfacts.facts.entity_types import type_by_all_mentions
from newsfacts.facts.lexicon import lexicon


def _mentions(body: str, typed: list[tuple[str, str]]) -> list[EntityMention]:
    """One mention per (words, label), each at the next place the words are written in body."""
    out, at = [], 0
    for words, label in typed:
        start = body.index(words, at)
        out.append(EntityMention(start, start + len(words), words, label, name_key(words)))
        at = start + len(words)
    return out


def _types(body: str, typed: list[tuple[str, str]], sdoc=None) -> dict[str, str]:
    mentions = _mentions(body, typed)
    type_by_all_mentions(body, mentions, lexicon(), sdoc)
    resolve_aliases(mentions, lexicon(), body)
    return {m.text: m.type for m in mentions}


@pytest.mark.unit
def test_a_newspaper_written_with_the_is_a_body_though_its_short_form_is_typed_a_person():
    body = "The Ironbridge Chronicle broke the story on Monday. The Chronicle said the council had not replied."
    types = _types(body, [("Ironbridge Chronicle", "ORG"), ("Chronicle", "PERSON")])
    assert types == {"Ironbridge Chronicle": "ORG", "Chronicle": "ORG"}  # at main a69a219: both PERSON


@pytest.mark.unit
def test_a_short_forms_labels_do_not_outvote_the_person_named_in_full():
    body = "Kurt Volker testified on Tuesday. Volker said Volker had told Volker's aides, as Mr Volker put it."
    types = _types(body, [("Kurt Volker", "PERSON"), ("Volker", "ORG"), ("Volker", "ORG"), ("Volker", "ORG"),
                          ("Volker", "ORG")])
    assert set(types.values()) == {"PERSON"}


@pytest.mark.unit
def test_a_place_followed_by_where_is_not_a_person_though_the_model_typed_it_one():
    body = "Vladivostok was ruled out. Many had expected a meeting in Vladivostok, where the two last met."
    types = _types(body, [("Vladivostok", "PERSON"), ("Vladivostok", "PERSON")])
    assert "PERSON" not in types.values()  # at main a69a219: PERSON


@pytest.mark.unit
def test_a_which_after_a_person_named_again_and_again_does_not_make_them_a_body():
    body = "Marc Benioff met Tim Cook. Benioff said Benioff was sure. Cook told Benioff, which ultimately meant a deal."
    types = _types(body, [("Marc Benioff", "PERSON"), ("Benioff", "PERSON"), ("Benioff", "PERSON"),
                          ("Benioff", "PERSON")])
    assert set(types.values()) == {"PERSON"}


@pytest.mark.unit
def test_a_bodys_word_in_a_name_the_model_typed_a_person_twice_makes_it_a_body():
    body = "Ledger Media said the figures were right. Ledger Media's editor declined to comment."
    types = _types(body, [("Ledger Media", "PERSON"), ("Ledger Media", "PERSON")])
    assert set(types.values()) == {"ORG"}


@pytest.mark.unit
def test_a_surname_holding_a_bodys_word_once_stays_a_person():
    body = "Roger Waters played the last show of the tour on Sunday night."
    assert _types(body, [("Roger Waters", "PERSON")]) == {"Roger Waters": "PERSON"}


@pytest.mark.integration
def test_a_name_modifying_a_noun_after_the_is_no_evidence_of_a_body(nlp):
    body = "Donald Trump spoke on Monday. The Trump administration said the Trump-era tariffs would stay."
    sdoc = nlp(body)
    types = _types(body, [("Donald Trump", "PERSON"), ("Trump", "ORG"), ("Trump", "ORG")], sdoc)
    assert set(types.values()) == {"PERSON"}


@pytest.mark.integration
def test_a_name_heading_its_phrase_after_the_is_a_body(nlp):
    body = "Two climbers were rescued. The Glenmoran Herald said it would publish the letters."
    types = _types(body, [("Glenmoran Herald", "PERSON")], nlp(body))
    assert types["Glenmoran Herald"] != "PERSON"


@pytest.mark.integration
def test_the_possessive_of_the_clause_a_name_is_the_subject_of_is_read_not_anothers(nlp):
    from newsfacts.facts.entity_types import _own_possessive

    own = "Lumenet said its engineers were analysing the data."
    other = "Lumenet said the regulator had cut its budget."
    assert _own_possessive(_mentions(own, [("Lumenet", "ORG")])[0], nlp(own)) == "its"
    assert _own_possessive(_mentions(other, [("Lumenet", "ORG")])[0], nlp(other)) is None


@pytest.mark.unit
def test_a_title_standing_for_its_holder_after_the_stays_a_person():
    body = "At a vigil on Tuesday, the Dean read a message she had sent to the bishop."
    assert _types(body, [("Dean", "PERSON")]) == {"Dean": "PERSON"}


@pytest.mark.unit
def test_evidence_against_the_verdict_writes_nothing_and_leaves_the_other_readings():
    # "Mr Ashdown" points at a person while the full name's four labels say a body: nothing is written, and the
    # labels are left to the readings after (a full name whose surname is a lone person's is that person)
    body = "Clare Ashdown runs it. Clare Ashdown said no. Clare Ashdown left. Clare Ashdown wrote. Mr Ashdown spoke."
    mentions = _mentions(body, [("Clare Ashdown", "ORG")] * 4 + [("Ashdown", "PERSON")])
    type_by_all_mentions(body, mentions, lexicon())
    assert not any(m.body_by_grammar or m.person_by_grammar for m in mentions)


@pytest.mark.unit
def test_an_honorific_before_the_short_form_outweighs_one_label_of_the_full_name():
    body = "Neville Crabtree ran the sale. Mr Crabtree said the dress was unclaimed."
    types = _types(body, [("Neville Crabtree", "GPE"), ("Crabtree", "PERSON")])
    assert set(types.values()) == {"PERSON"}
