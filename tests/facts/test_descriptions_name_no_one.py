"""One person given by a description resolves to a person the story names, or names no one: it is never stored as if
it were a name (issue #25; speakers55 built it, speakers57 narrowed it to one person). Once every reading that could
tie it to someone named has run, a description of one person left at the words attributing the quote ("One
Strathmorven shopkeeper", "One mother, pushing a buggy along Harbour View", "the former employee") is evidence of a
voice no one names; a group or a body given by a description ("staff", "the family") stays the speaker as said. Each
on a passage written for it, beside its nearest negative: the same description pointing back to, or holding, a named
person, or a group in its place."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def _unnamed(quote) -> bool:
    return quote.speaker is None and quote.speaker_entity_id is None and quote.speaker_reason.startswith("unnamed")


_SHOPKEEPER = ('A road sign in Strathmorven has carried a Gaelic warning about cheese for a week.\n\n'
               'One Strathmorven shopkeeper, who did not want to be named, said: "I hope they leave it up. '
               'We have had more visitors this week than in the whole of October."')


def test_a_capitalised_one_with_a_place_word_names_no_one(quotes_of):
    assert _unnamed(said(quotes_of(_SHOPKEEPER), "I hope they leave it up"))


def test_the_same_description_with_a_name_in_apposition_is_the_name(quotes_of):
    # nearest negative: the shopkeeper is named beside the description
    body = _SHOPKEEPER.replace("who did not want to be named", "Morag Bain")
    assert said(quotes_of(body), "I hope they leave it up").speaker == "Morag Bain"


_MOTHER = ('The council has split the seafront between two ice cream vans.\n\n'
           'Residents are divided. One mother, pushing a buggy along Harbour View, said: "Honestly, two vans is '
           'great. The kids get a choice."')


def test_a_description_with_a_participle_clause_names_no_one(quotes_of):
    assert _unnamed(said(quotes_of(_MOTHER), "Honestly, two vans is great"))


_EMPLOYEE = ('Four women were locked in an escape room for an hour when its release failed.\n\n'
             'A former LockJaw employee, who asked not to be identified, said staff had reported the faulty override '
             '"at least twice" over the summer. "Nobody listened. It was always next week," the former employee said.')


def test_a_bare_plural_noun_is_a_group_kept_as_said(quotes_of):
    # nearest negative of the one person: a group given by a description stays the speaker as said
    assert said(quotes_of(_EMPLOYEE), "at least twice").speaker == "staff"


def test_a_definite_description_of_someone_never_named_names_no_one(quotes_of):
    assert _unnamed(said(quotes_of(_EMPLOYEE), "Nobody listened"))


def test_a_definite_description_of_a_named_person_is_that_person(quotes_of):
    # nearest negative (the cost side): the description points back to the person the story named with it
    body = _EMPLOYEE.replace("A former LockJaw employee, who asked not to be identified,", "Former LockJaw employee Dana Reid")
    assert said(quotes_of(body), "Nobody listened").speaker == "Dana Reid"


def test_a_definite_description_given_in_apposition_to_a_named_person_is_that_person(quotes_of):
    # the cost side, where the description is left at the end: the story gave its words to one named person
    body = _EMPLOYEE.replace("A former LockJaw employee, who asked not to be identified,",
                             "Dana Reid, a former LockJaw employee,")
    assert said(quotes_of(body), "Nobody listened").speaker == "Dana Reid"


def test_a_definite_description_given_to_two_named_people_names_neither(quotes_of):
    # nearest negative: two people were given the words; the description is no one's name and neither person's
    body = _EMPLOYEE.replace("A former LockJaw employee, who asked not to be identified,",
                             "Dana Reid, a former LockJaw employee, and Amy Cole, a former LockJaw employee, agreed. "
                             "Ms Reid")
    quote = said(quotes_of(body), "Nobody listened")
    assert quote.speaker not in ("Dana Reid", "Amy Cole", "the former employee")


_CANDIDATE = ('Hundreds of driving theory passes were bought from a network of impostors, the agency said.\n\n'
              'One candidate, a 23-year-old from Coventry who spoke on condition of anonymity, said: "My cousin did '
              'it, his mate did it. Everyone said it was just how you pass now."')


def test_one_person_given_an_age_in_apposition_names_no_one(quotes_of):
    # "candidate" is on no list of the lexicon: the age in apposition says a person (and "Coventry" where they are from)
    assert _unnamed(said(quotes_of(_CANDIDATE), "My cousin did it"))


def test_one_group_given_a_collective_noun_is_kept_as_said(quotes_of):
    # nearest negative: a singular head for many ("the family") is a group, the speaker as said
    body = _CANDIDATE.replace("One candidate, a 23-year-old from Coventry who spoke on condition of anonymity,",
                              "The family")
    assert said(quotes_of(body), "My cousin did it").speaker == "The family"
