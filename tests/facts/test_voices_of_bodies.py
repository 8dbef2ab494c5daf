"""Who is a body and who a person (issue #25, fresh11): a name with an age in commas is a person's, a name that
takes "which" or has a kind of body in apposition is a body, an office of a field before a name is a title, and a
speaking verb the parse hung under a reported clause about a thing ("said the offer was “fair” and accused the union
of “...”") is the reporter's. Each on a passage written for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_FUNDED = ('The trial was partly funded by Harlow Biotech, which makes a sensor used in the study. A company '
           'spokeswoman said the firm had "no role in the design or reporting" of the results.')


def test_a_name_that_takes_which_is_a_body_not_a_person(quotes_of):
    # "Harlow Biotech, which makes": with "who" the same words would be a person's name
    quote = said(quotes_of(_FUNDED.replace("A company spokeswoman said the firm", "A spokeswoman for the firm said it")),
                 "no role in the design")
    assert quote.speaker == "Harlow Biotech"


_STRIKE = ('Drivers at the Castlegate depot walked out on Monday. A Greyline spokesperson said the offer was “fair, '
           'affordable and the best in the sector” and accused the union of “walking away from the table.”')


def test_a_speaking_verb_hung_under_a_reported_thing_is_the_reporters(quotes_of):
    quotes = quotes_of(_STRIKE)
    quote = said(quotes, "walking away")
    assert quote.speaker == said(quotes, "fair, affordable").speaker
    assert (quote.speaker, quote.speaker_role) == ("Greyline", "Greyline spokesperson")  # body_voices


def test_a_speaking_verb_of_a_reported_person_stays_that_persons(quotes_of):
    # nearest negative: the reported clause's subject is a person named, who can speak for herself
    body = ('Drivers at the Castlegate depot walked out on Monday. Union organiser Kwame Adjaye said Bernadette '
            'Quayle was “furious” and accused the company of “walking away from the table.”')
    assert said(quotes_of(body), "walking away").speaker != "Kwame Adjaye"


# A name the model typed a body or a place, with an age in commas after it: only people are given an age

_INJURED = ('Dame Philippa Okonedo, the chair, said she would sit late. Among the passengers injured was Olga Brisk, '
            '67, whose car slid off the ramp as it buckled. Outside the hearing she said she had come to “look him '
            'in the eye.”')


def test_a_name_with_an_age_is_a_person_whatever_the_model_typed(quotes_of):
    assert said(quotes_of(_INJURED), "look him in the eye").speaker == "Olga Brisk"


def test_a_body_with_a_number_that_is_no_age_stays_a_body(quotes_of):
    # nearest negative: a number that is not in commas after the name (no age) leaves the model's reading alone,
    # and "she" the chair the story gave that gender
    body = _INJURED.replace("Olga Brisk, 67, whose car", "Olga Brisk 67 whose car")
    assert said(quotes_of(body), "look him in the eye").speaker != "Olga Brisk"


# A body described by its kind in apposition, and an office of a field written before a name as a title

_LAUNCH = ('Pell, the Stockholm-based wearables company, on Wednesday unveiled the Halo Ring, a ring that tracks '
           'heart rate.\n\n'
           'Pell says the ring analyses breathing sounds on the device itself. Head of privacy Mateo Quiroga '
           'insisted no audio ever leaves the ring. “We designed it so that we couldn’t hear you,” he said.')


def _types(nlp, make_doc, body: str) -> dict[str, str]:
    from newsfacts.facts import extract_facts

    return {e.name: e.type for e in extract_facts([make_doc("d", body)], nlp).entities}


def test_a_name_with_a_kind_of_body_in_apposition_is_that_body(nlp, make_doc):
    assert _types(nlp, make_doc, _LAUNCH).get("Pell") == "ORG"


def test_a_name_with_a_person_in_apposition_is_no_body(nlp, make_doc):
    # nearest negative: "Pell, the company's founder," is a person described by a body, not the body
    body = _LAUNCH.replace("Pell, the Stockholm-based wearables company, on Wednesday unveiled",
                           "Tom Pell, the company's founder, on Wednesday unveiled").replace("Pell says", "Tom Pell says")
    assert _types(nlp, make_doc, body).get("Tom Pell") == "PERSON"


def test_an_office_of_a_field_before_a_name_is_its_holders_title(quotes_of):
    assert said(quotes_of(_LAUNCH), "We designed it").speaker == "Mateo Quiroga"


def test_a_relation_of_a_named_person_is_not_a_title(quotes_of):
    # nearest negative: "The son of Mateo Quiroga" is someone else, related to the name, who is not the speaker
    body = _LAUNCH.replace("Head of privacy Mateo Quiroga", "The son of Mateo Quiroga")
    assert said(quotes_of(body), "We designed it").speaker != "Mateo Quiroga"


# A noun of one's occupation written as a title before a name the model typed a body

_COAUTHOR = ('Dr Hana Amsel, who led the research, said the effect was large.\n\n'
             'Dr Amsel\'s co-author, the statistician Emeka Obi-Strand, cautioned that the trial was small. "Sixteen '
             'weeks tells you about sixteen weeks," he said.')


def test_an_occupation_before_a_name_makes_it_a_person(quotes_of):
    assert said(quotes_of(_COAUTHOR), "Sixteen weeks").speaker == "Emeka Obi-Strand"


def test_a_kind_of_body_before_a_name_leaves_it_a_body(nlp, make_doc):
    # nearest negative: "the charity Emeka Obi-Strand" is an organisation named after its kind, never a person
    body = _COAUTHOR.replace("the statistician Emeka Obi-Strand", "the charity Emeka Obi-Strand")
    assert _types(nlp, make_doc, body).get("Emeka Obi-Strand") != "PERSON"
