"""A name written before an honour ("Priya Chandran KC", "Jane Doe MP") is a person's whatever the model typed it
(issue #25, the `backref` and `continued` styles: "Ms Chandran said" then "He tells him ..." point back to her only
when she is a person of the story). entities._honoured_people; each passage beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_APPEAL = ('The Court of Appeal on Tuesday quashed the conviction of a shopkeeper who shot at an intruder.\n\n'
           'His barrister, Priya Chandran KC, told the court the shopkeeper had been afraid for his family.\n\n'
           '"A man who was planning to kill does not tell his son to stay upstairs," Ms Chandran said. "He tells '
           'him to stay safe."\n\n'
           'For the Crown, Julian Reade KC argued that the text showed "a settled intention". "The jury were '
           'entitled to prefer the other reading," Mr Reade said.')


def test_a_name_before_an_honour_is_a_person_the_honorific_points_back_to(quotes_of):
    quotes = quotes_of(_APPEAL)
    assert said(quotes, "A man who was planning").speaker == "Priya Chandran"
    assert said(quotes, "He tells him").speaker == "Priya Chandran"


def test_the_honour_is_not_part_of_the_name(quotes_of):
    quotes = quotes_of(_APPEAL)
    assert said(quotes, "a settled intention").speaker == "Julian Reade"
    assert said(quotes, "The jury were entitled").speaker == "Julian Reade"


def test_a_name_the_model_tagged_in_part_before_an_honour_is_one_name(quotes_of):
    quotes = quotes_of('The inquiry into the fire heard from the council\'s barrister, Tomas Ilves KC, on Monday.'
                       '\n\n"The building was inspected twice," Mr Ilves said. "Nobody raised the cladding."')
    assert said(quotes, "inspected twice").speaker == "Tomas Ilves"
    assert said(quotes, "Nobody raised").speaker == "Tomas Ilves"


def test_an_honour_written_as_a_title_before_a_name_leaves_the_party_a_party(quotes_of):
    # nearest negative: "Scottish Labour MSP Anas Pike", "A Green Party MEP": the words before the honour are a
    # party, not a person
    quotes = quotes_of('Scottish Labour MSP Anas Pike said the plan was flawed. "Nobody asked us," Mr Pike said.\n\n'
                       'A Green Party MEP, who asked not to be named, said: "We were not consulted."')
    assert said(quotes, "Nobody asked us").speaker == "Anas Pike"
    quote = said(quotes, "We were not consulted")
    assert quote.speaker in (None, "A Green Party MEP") and quote.speaker != "Green Party"


# A name in apposition to a person's relation ("his challenger, Ines Corvo"), typed an organisation by the model

_MATCH = ('The defending champion, Marek Holub, and his challenger, Ines Corvo, met the press on Friday after a drawn '
          'fourth game.\n\n'
          '"I was never worried," Holub said. "The position was equal all the way."\n\n')


def test_a_name_in_apposition_to_his_or_her_relation_is_a_person(quotes_of):
    quotes = quotes_of(_MATCH + 'The challenger was more forthright. "I should have won that," she said. "I will '
                                'win the next one."')
    assert said(quotes, "I should have won that").speaker == "Ines Corvo"
    assert said(quotes, "I will win the next one").speaker == "Ines Corvo"


def test_a_name_in_apposition_to_her_company_stays_a_company(quotes_of):
    # nearest negative: "her company, Corvo Analytics,": a body the person owns, not a person
    quotes = quotes_of(_MATCH + 'Her company, Corvo Analytics, sponsors the match. "We are proud to support it," the '
                                'company said.')
    assert said(quotes, "We are proud").speaker == "Corvo Analytics"
