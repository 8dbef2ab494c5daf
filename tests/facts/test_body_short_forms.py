"""An organisation the story introduces in full and then calls by a short form speaks as one entity (speakers43,
issue #25, newsfacts/facts/entities.resolve_aliases and speakers._body_by_its_head): the lone first word of its name
("Brightwater" for "Brightwater Airlines") and the last word as a description ("the cooperative") are the organisation,
in the quotes' speakers and in the mentions the warehouse keeps. Each passage beside its nearest negative: two
bodies opening with one word, a person's name mistyped a body, a person titled with the word."""

from __future__ import annotations

import pytest

from newsfacts.facts import extract_facts
from newsfacts.facts.entities import EntityMention, entity_id, name_key, resolve_aliases
from newsfacts.facts.lexicon import lexicon
from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_AIRLINE = ('Cabin crew at Brightwater Airlines voted on Tuesday to strike for three days in August.\n\n'
            'Brightwater said in a statement that it had offered "a fair and final settlement". Brightwater has hired '
            'extra staff for the busiest routes, and Brightwater expects most flights to run.')


def test_a_lone_first_word_of_an_organisations_name_is_that_organisation(quotes_of):
    quote = said(quotes_of(_AIRLINE), "a fair and final settlement")
    assert quote.speaker == "Brightwater Airlines"
    assert _AIRLINE[quote.speaker_start : quote.speaker_end] == "Brightwater"  # the evidence: the words written here


def test_the_warehouse_mentions_put_the_short_form_in_the_organisations_entity(nlp, make_doc):
    facts = extract_facts([make_doc("d", _AIRLINE)], nlp)
    ids = {m.text: m.entity_id for m in facts.mentions}
    assert ids["Brightwater"] == ids["Brightwater Airlines"]
    assert {e.name for e in facts.entities if e.entity_id == ids["Brightwater"]} == {"Brightwater Airlines"}


def _resolved(full: list[tuple[str, str]], lone: tuple[str, str]) -> tuple[list[EntityMention], EntityMention]:
    """Mentions typed as given (the model's types), the lone name written after the full ones, resolved."""
    at, fulls = 0, []
    for text, type_ in full:
        fulls.append(EntityMention(at, at + len(text), text, type_, name_key(text)))
        at += len(text) + 20
    short = EntityMention(at, at + len(lone[0]), lone[0], lone[1], name_key(lone[0]))
    resolve_aliases([*fulls, short], lexicon())
    return fulls, short


def test_a_lone_word_the_model_typed_a_person_joins_a_name_that_says_it_is_a_body():
    [airline], lone = _resolved([("Skyhaven Airlines", "ORG")], ("Skyhaven", "PERSON"))
    assert lone.entity_id == airline.entity_id == entity_id("ORG", name_key("Skyhaven Airlines"))


def test_a_lone_word_the_model_typed_a_person_stays_a_person_beside_a_name_without_a_body_word():
    # nearest negative: "Rose-Lynn Harlan", a person's name the model typed an organisation, says nothing of a body
    [full], lone = _resolved([("Rose-Lynn Harlan", "ORG")], ("Rose-Lynn", "PERSON"))
    assert lone.type == "PERSON"


def test_a_lone_organisation_joins_the_one_fuller_name_opening_with_it():
    [club], lone = _resolved([("Quarrymoor United", "ORG")], ("Quarrymoor", "ORG"))
    assert lone.entity_id == club.entity_id


def _mentions_in(body: str, typed: list[tuple[str, str]]) -> list[EntityMention]:
    """Each (text, type) as a mention at its next place in the body, in order."""
    out, at = [], 0
    for text, type_ in typed:
        at = body.index(text, at)
        out.append(EntityMention(at, at + len(text), text, type_, name_key(text)))
        at += len(text)
    return out


def test_a_headlines_short_form_before_the_leads_full_name_still_joins_it():
    body = "Orbitel pilots vote to strike\nPilots at Orbitel Airways voted on Monday. Orbitel said it was ready."
    mentions = _mentions_in(body, [("Orbitel", "ORG"), ("Orbitel Airways", "ORG"), ("Orbitel", "ORG")])
    resolve_aliases(mentions, lexicon(), body)
    assert len({m.entity_id for m in mentions}) == 1


def test_a_short_form_the_story_uses_before_the_longer_name_is_a_name_of_its_own():
    # nearest negative: "Orbitel" is written first below the headline, so "Orbitel Arcade" is a product it adds to
    body = "Orbitel reports a loss\nOrbitel lost money in May. Its new service, Orbitel Arcade, opens in June."
    mentions = _mentions_in(body, [("Orbitel", "ORG"), ("Orbitel", "ORG"), ("Orbitel Arcade", "ORG")])
    resolve_aliases(mentions, lexicon(), body)
    assert mentions[1].entity_id != mentions[2].entity_id


def test_two_organisations_opening_with_the_word_leave_it_to_neither():
    # nearest negative: "Harwick" could be the bank or the trust, so it stays a name of its own
    fulls, lone = _resolved([("Harwick Bank", "ORG"), ("Harwick Trust", "ORG")], ("Harwick", "ORG"))
    assert lone.entity_id not in {f.entity_id for f in fulls}


def test_a_place_is_no_short_form_of_a_body_named_after_it():
    # nearest negative: the town beside its club
    [club], town = _resolved([("Quarrymoor United", "ORG")], ("Quarrymoor", "GPE"))
    assert town.entity_id != club.entity_id


_GUILD = ('The Northern Dockers Guild said 91% of its members had voted for the deal.\n\n'
          'In a letter to the port authority chief executive Alan Price released on Tuesday, the guild wrote that '
          'members were "tired of waiting".')


def test_the_last_word_of_an_organisations_name_as_a_description_is_that_organisation(quotes_of):
    quote = said(quotes_of(_GUILD), "tired of waiting")
    assert quote.speaker == "Northern Dockers Guild"
    assert _GUILD[quote.speaker_start : quote.speaker_end] == "the guild"


def test_a_person_titled_with_the_word_is_the_one_it_describes(quotes_of):
    # nearest negative: "the commissioner" is Commissioner Ruth Agyeman, not the office named after the title
    body = ('The Office of the Water Commissioner opened an inquiry in May. Commissioner Ruth Agyeman visited the '
            'site on Friday.\n\n"We will find out what went wrong," the commissioner said.')
    quote = said(quotes_of(body), "We will find out")
    assert quote.speaker == "Ruth Agyeman"


def test_its_text_is_the_words_of_the_organisation_it_stands_for(quotes_of):
    body = ('The journal Marine Letters has withdrawn a 2021 study of coral bleaching.\n\n'
            'The study had been cited 300 times. Its withdrawal notice, published on Friday, says the samples '
            '"could not be traced to the reef they were said to come from".')
    quote = said(quotes_of(body), "could not be traced")
    assert quote.speaker == "Marine Letters"
    assert body[quote.speaker_start : quote.speaker_end].startswith("Its withdrawal notice")  # the evidence


def test_its_text_with_no_organisation_near_is_no_ones(quotes_of):
    # nearest negative: no organisation is the subject of a sentence before "its", so the notice names no body
    body = ('The old pier closed to visitors in 1998 and has stood empty since.\n\n'
            'Its last notice, still pinned to the gate, says visitors "enter at their own risk".')
    quote = said(quotes_of(body), "enter at their own risk")
    assert quote.speaker_entity_id is None


def test_a_bodys_channel_speaks_for_the_body(quotes_of):
    body = ('The Northfield Ferry Company cancelled all sailings on Sunday because of high winds.\n\n'
            'The company’s social media account, which has 40,000 followers, posted a photograph of the harbour '
            'with the message: "Safety first. We sail again on Monday."')
    quote = said(quotes_of(body), "Safety first")
    assert quote.speaker == "Northfield Ferry Company"


def test_a_description_owning_a_bulletin_is_no_person_named_near_it(quotes_of):
    # nearest negative: "the festival" is no body the story names, so the bulletin is not made the director's
    body = ('The festival director, Hanne Voss, opened the week on Monday.\n\n'
            'The critics, as the festival\'s daily bulletin put it, "came out swinging in both directions."')
    quote = said(quotes_of(body), "came out swinging")
    assert quote.speaker != "Hanne Voss"
