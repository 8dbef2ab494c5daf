"""Who speaks for a body (issue #25, fresh11): "A company spokeswoman said" is the company the story is speaking of, a
name that takes "which" is a body and not a person, and a speaking verb the parse hung under a reported clause about
a thing ("said the offer was “fair” and accused the union of “...”") is the reporter's. Each on a passage written for
it, beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_FUNDED = ('The trial was partly funded by Harlow Biotech, which makes a sensor used in the study. A company '
           'spokeswoman said the firm had "no role in the design or reporting" of the results.')


def test_a_company_spokeswoman_speaks_for_the_company_the_story_names(quotes_of):
    assert said(quotes_of(_FUNDED), "no role in the design").speaker == "Harlow Biotech"


def test_a_family_spokeswoman_does_not_speak_for_the_company(quotes_of):
    # nearest negative: the voice of something that is no organisation ("a family spokeswoman") is not the company's
    body = _FUNDED.replace("A company spokeswoman", "A family spokeswoman")
    assert said(quotes_of(body), "no role in the design").speaker != "Harlow Biotech"


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
    assert "Greyline spokesperson" in _STRIKE[quote.speaker_name_start : quote.speaker_name_end]


def test_a_speaking_verb_of_a_reported_person_stays_that_persons(quotes_of):
    # nearest negative: the reported clause's subject is a person named, who can speak for herself
    body = ('Drivers at the Castlegate depot walked out on Monday. Union organiser Kwame Adjaye said Bernadette '
            'Quayle was “furious” and accused the company of “walking away from the table.”')
    assert said(quotes_of(body), "walking away").speaker != "Kwame Adjaye"
