"""Relatives of one surname told apart by what the story says of each (issue #25, speakers61): whose relative a
person was introduced as ("whose father", "Omar Farooq’s younger brother", "His son"), read from the parse, feeds
the gender and age readings that pick one of the family. Passages written for these tests, each beside its nearest
negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

# "whose father Sean Brennan": the parser hangs "whose father" on the daughter's name; the father is Sean, not Aoife,
# so "Ms Brennan" is the daughter and the "he" who wrote the note her father.
_MEETING = "The new manager, Joy Mensah, met families in the dining room on Wednesday evening. Her message was short:\n\n" \
    "\"I am not going to make you promises tonight. I am going to give you a rota, and you can check it.\"\n\n"
_WHOSE = ("Care home placed in special measures\n\n" + _MEETING
          + "Aoife Brennan, whose father Sean Brennan, 90, has lived at Oak House since 2019, read the meeting a note he "
          "had written for her: \"They are kind girls but there are not enough of them.\"\n\n"
          "\"He wrote that in capitals so I would be able to read it out to you,\" Ms Brennan told the room.")
# Nearest negative: the daughter introduced as "His daughter": the relation is hers, as it always was.
_HIS = ("Care home placed in special measures\n\n" + _MEETING
        + "Sean Brennan, 90, has lived at Oak House since 2019. His daughter, Aoife Brennan, read the meeting a note he "
        "had written for her: \"They are kind girls but there are not enough of them.\"\n\n"
        "\"He wrote that in capitals so I would be able to read it out to you,\" Ms Brennan told the room.")


def test_whose_relative_is_not_the_person_named_before_it(quotes_of):
    quotes = quotes_of(_WHOSE)
    assert said(quotes, "in capitals").speaker == "Aoife Brennan"
    assert said(quotes, "kind girls").speaker == "Sean Brennan"


def test_a_relative_introduced_as_hers_keeps_the_relation(quotes_of):
    quotes = quotes_of(_HIS)
    assert said(quotes, "in capitals").speaker == "Aoife Brennan"
    assert said(quotes, "kind girls").speaker == "Sean Brennan"


# "His son, Dev Shah": a son is the younger of a father and son the story gives no ages, his father the elder.
_SHOP = ("Corner shop marks fifty years\n\n"
         "The shop's owner, Ravi Shah, who opened it in 1975, said he had never taken a holiday.\n\n"
         "His son, Dev Shah, who runs the post office counter, has organised a street party for Saturday.\n\n"
         "\"Dad thinks it is a fuss about nothing,\" the younger Mr Shah said.\n\n"
         "\"It is a fuss about nothing,\" the elder Mr Shah said.")


def test_the_father_of_a_son_is_the_elder(quotes_of):
    assert said(quotes_of(_SHOP), "It is a fuss").speaker == "Ravi Shah"


def test_the_son_is_the_younger(quotes_of):
    # nearest negative: the same family, the other comparative (the bare surname's nearest full name already)
    assert said(quotes_of(_SHOP), "Dad thinks").speaker == "Dev Shah"


# "Omar Farooq’s younger brother, Tariq Farooq, 44,": the possessive ending the parser leaves off the noun still owns it,
# so "the elder brother" is the one of the two the ages make older.
_CABS = ("Drivers protest over licence rule\n\n"
         "\"We cannot afford new cars,\" said Omar Farooq, 52, who has driven a taxi for 20 years.\n\n"
         "Omar Farooq’s younger brother, Tariq Farooq, 44, who drives an accessible cab, was angrier.\n\n"
         "The council said grants would be available.\n\n"
         "\"We have heard about grants before,\" the elder brother said.\n\n"
         "\"Grants are a loan with a smile,\" the younger brother said.")


def test_the_elder_brother_is_the_older_of_the_two(quotes_of):
    assert said(quotes_of(_CABS), "heard about grants").speaker == "Omar Farooq"


def test_the_younger_brother_is_the_one_introduced_so(quotes_of):
    # nearest negative: the other comparative
    assert said(quotes_of(_CABS), "loan with a smile").speaker == "Tariq Farooq"
