"""One reading of the story's people decides who a short form means (issue #25, the `backref` style; facts/
referents.py): a form of address says a name is a person's whatever the model typed, a title's abbreviation
describes its holder as the title does, a role noun two people fit is the one the story last spoke of, and a body
introduced in full is the same body when the story goes on with the opening of its name. Each on a passage written
for it, beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


# A form of address opens a person's name

_WARDENS = ('The parish meeting voted on Monday to keep the village hall open. Two wardens who run the hall, Cllr '
            'Petra Ashgrove and Cllr Idris Vantongeren, spoke against the sale.\n\n'
            'Cllr Ashgrove said the hall was "the last room in the village with a piano". The vote was 9 to 3.')


def test_a_titled_short_form_is_the_person_a_form_of_address_introduced(quotes_of):
    assert said(quotes_of(_WARDENS), "the last room in the village").speaker == "Petra Ashgrove"


def test_a_titled_short_form_with_no_one_introduced_stays_as_written(quotes_of):
    # nearest negative: no one was introduced with that surname: the short form is not lent to a warden
    body = _WARDENS.replace("Cllr Ashgrove said", "Cllr Brandreth said")
    assert said(quotes_of(body), "the last room in the village").speaker not in ("Petra Ashgrove", "Idris Vantongeren")


# A role noun two people fit: the one the story last spoke of

_SURVEYORS = ('The tribunal heard from the estate\'s former chief surveyor, Anton Krejci, on Tuesday. "I flagged the '
              'cracks in 2021," he said.\n\n'
              'It then heard from Dr Maren Ostlund, the independent surveyor who inspected the terrace last spring. '
              'Dr Ostlund said the cracks were structural.\n\n'
              'Facing the residents, the surveyor said: "I should have written that more plainly."')


def test_a_role_noun_two_people_fit_is_the_one_last_in_focus(quotes_of):
    assert said(quotes_of(_SURVEYORS), "I should have written that").speaker == "Maren Ostlund"


def test_a_role_noun_two_people_fit_is_the_first_when_he_is_spoken_of_again(quotes_of):
    # nearest negative: the first surveyor is the one the story spoke of last: "the surveyor" is him
    body = _SURVEYORS.replace("Facing the residents,", "Mr Krejci was recalled in the afternoon. Facing the residents,")
    assert said(quotes_of(body), "I should have written that").speaker == "Anton Krejci"


# A body written by the opening words of its name

_FREIGHT = ('Drivers at Corrib Freight Services walked out on Friday over rosters. The union said 300 staff had joined '
            'the action.\n\n'
            'Corrib said it had "offered talks every day this week".')


def test_the_opening_of_a_body_name_is_that_body(quotes_of):
    assert said(quotes_of(_FREIGHT), "offered talks every day").speaker == "Corrib Freight Services"


def test_two_bodies_opening_alike_leave_the_short_form_alone(quotes_of):
    # nearest negative: two bodies named before open with the same word: the short form names neither
    body = _FREIGHT.replace("The union said", "Corrib Holdings Group, its parent, said")
    assert said(quotes_of(body), "offered talks every day").speaker not in ("Corrib Freight Services", "Corrib Holdings Group")
