"""Anonymous voices the story goes on with (issue #25, speakers61): a pronoun or a definite description after one
person brought in without a name ("One, who did not want to be named", "One pilot, a first officer who ...", "One man,
holding ...", "Her mother, who asked ...") is that person, kept as evidence, never the person named last before them.
Passages written for these tests, each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said, unnamed_said

pytestmark = pytest.mark.integration

# A bare "One" brought in by a clause opening on "who".
_DRIVERS = ("Taxi drivers switch to electric\n\n"
            "Ken Oduya, owner, Swift Cars: \"We will wait and see.\"\n\n"
            "Some drivers have already switched. One, who did not want to be named because he still owes money on "
            "the car, said it was \"quiet and cheap to run\". \"I charge it at my sister's house,\" he added.")

# The same sentence opening on a name instead: that person.
_DRIVERS_NAMED = ("Taxi drivers switch to electric\n\n"
                  "Ken Oduya, owner, Swift Cars: \"We will wait and see.\"\n\n"
                  "Some drivers have already switched. Len Marsh, who still owes money on the car, said it was "
                  "\"quiet and cheap to run\". \"I charge it at my sister's house,\" he added.")


def test_one_brought_in_by_who_is_the_one_who_goes_on(quotes_of):
    body = _DRIVERS
    assert unnamed_said(body, said(quotes_of(body), "my sister's house")) == "One"


def test_one_named_in_apposition_is_that_person(quotes_of):
    # nearest negative: named, so the pronoun is Len Marsh
    assert said(quotes_of(_DRIVERS_NAMED), "my sister's house").speaker == "Len Marsh"


# A noun the lexicon does not hold ("pilot"), said to be a person by its apposition's "who".
_PICKET = ("Pilots walk out\n\n"
           "The airline's chief executive, Gordon Hale, told staff the vote was expected.\n\n"
           "Pilots picketed the airport on Tuesday. One pilot, a first officer who asked not to be named, said she "
           "had flown fourteen days in a row. \"I love this job,\" she said.")

# Nearest negative: an indefinite noun whose apposition is a thing is no "she".
_SAMPLES = ("Lab results delayed\n\n"
            "Dr Ruth Hale, who runs the laboratory, said the backlog was easing.\n\n"
            "The tests were repeated on Monday. One sample, a swab taken at the clinic, came back clear. \"That was a "
            "relief for everyone,\" she said.")


def test_an_indefinite_noun_whose_apposition_is_a_person_goes_on(quotes_of):
    body = _PICKET
    assert unnamed_said(body, said(quotes_of(body), "love this job")) == "One pilot"


def test_an_indefinite_noun_whose_apposition_is_a_thing_is_no_one_who_speaks(quotes_of):
    assert said(quotes_of(_SAMPLES), "relief for everyone").speaker == "Ruth Hale"


# The parser gives "said" no subject, hanging "One man" on the participle clause after it.
_QUEUE = ("Hundreds queue for dentist places\n\n"
          "The practice owner, Dr Anil Rao, said he had not expected the response.\n\n"
          "Not everyone got a place. One man, holding a cheek swollen on one side, said he had been turned away at "
          "number 301. \"Three hundred and one. Story of my life,\" he said.")

# Nearest negative: the sentence opens on a named person, who is the one going on.
_QUEUE_NAMED = ("Hundreds queue for dentist places\n\n"
                "The practice owner, Dr Anil Rao, said he had not expected the response.\n\n"
                "Not everyone got a place. Brian Tulley, holding a cheek swollen on one side, said he had been turned "
                "away at number 301. \"Three hundred and one. Story of my life,\" he said.")


def test_a_sentence_opening_on_an_indefinite_person_brings_them_in(quotes_of):
    body = _QUEUE
    assert unnamed_said(body, said(quotes_of(body), "Story of my life")) == "One man"


def test_a_sentence_opening_on_a_name_brings_that_person_in(quotes_of):
    assert said(quotes_of(_QUEUE_NAMED), "Story of my life").speaker == "Brian Tulley"


# A relative brought in by "who" and no name: "the mother" later is that person.
_WALL = ("Climbing centre closes walls\n\n"
         "The girl, who has not been named, broke her ankle. Her mother, who asked that neither of them be "
         "identified, said: \"She kept saying sorry to me.\"\n\n"
         "The centre's owner, Gavin Hale, said the devices had passed an inspection.\n\n"
         "\"We will cooperate fully,\" Mr Hale said.\n\n"
         "\"She wants to climb again,\" the mother said.")

# Nearest negative: the mother is named in apposition.
_WALL_NAMED = ("Climbing centre closes walls\n\n"
               "The girl broke her ankle. Her mother, Janet Cole, said: \"She kept saying sorry to me.\"\n\n"
               "The centre's owner, Gavin Hale, said the devices had passed an inspection.\n\n"
               "\"We will cooperate fully,\" Mr Hale said.\n\n"
               "\"She wants to climb again,\" the mother said.")


def test_a_relative_brought_in_without_a_name_is_the_description_after(quotes_of):
    body = _WALL
    assert unnamed_said(body, said(quotes_of(body), "climb again")) == "Her mother"


def test_a_relative_named_in_apposition_is_that_person(quotes_of):
    assert said(quotes_of(_WALL_NAMED), "climb again").speaker == "Janet Cole"
