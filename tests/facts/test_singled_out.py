"""A description whose noun fits two people of the story and that a restrictive clause or phrase qualifies ("the
inspector who had interviewed the driver") means the one of them the story said that of (issue #25, the `backref`
style; facts/referents.singled_out). Passages written for these tests, each beside its nearest negative: a clause
the story said of both, or of neither, singles no one out."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_INSPECTORS = ('Two inspectors from the rail safety board arrived at Dunmore junction on Friday. Inspector Owen '
               'Lacey, the board\'s senior inspector, examined the points and the signal cables, while Inspector '
               'Grace Mbeki, a former train driver, interviewed the driver and the guard at the depot.\n\n'
               '"The points were last serviced in March," Inspector Lacey said.\n\n'
               'The line will reopen on Monday. "Nobody should read anything into the delay yet," said the '
               'inspector who had interviewed the driver.')


def test_a_qualified_description_is_the_one_the_story_said_it_of(quotes_of):
    assert said(quotes_of(_INSPECTORS), "Nobody should read").speaker == "Grace Mbeki"


def test_a_qualified_description_that_fits_the_other_one_is_them(quotes_of):
    body = _INSPECTORS.replace("who had interviewed the driver", "who had examined the signal cables")
    assert said(quotes_of(body), "Nobody should read").speaker == "Owen Lacey"


def test_a_clause_said_of_neither_singles_no_one_out(quotes_of):
    # nearest negative: the story said nothing of either inspector that the clause says: no one is chosen
    body = _INSPECTORS.replace("who had interviewed the driver", "who had flown in from Belfast")
    assert said(quotes_of(body), "Nobody should read").speaker not in ("Grace Mbeki", "Owen Lacey")


def test_a_clause_said_of_both_singles_no_one_out(quotes_of):
    # nearest negative: the clause says as much of one (examined) as of the other (the driver): a tie
    body = _INSPECTORS.replace("who had interviewed the driver", "who had examined the driver")
    assert said(quotes_of(body), "Nobody should read").speaker not in ("Grace Mbeki", "Owen Lacey")


def test_a_qualifying_phrase_singles_out_as_a_clause_does(quotes_of):
    body = _INSPECTORS.replace("who had interviewed the driver", "in charge of the signal cables")
    assert said(quotes_of(body), "Nobody should read").speaker == "Owen Lacey"


# The story's own title for someone: "Canon Marchant" after "Canon Peter Marchant", his brother a Marchant too

_CLERGY = ('The cathedral reopened its north aisle on Sunday. Canon Peter Marchant, the canon treasurer, led the '
           'service, and his brother, Tom Marchant, played the organ for the first time since the flood.\n\n'
           'Canon Marchant said the congregation "had waited long enough".')


def test_a_word_the_story_wrote_before_a_full_name_titles_its_surname(quotes_of):
    assert said(quotes_of(_CLERGY), "had waited long enough").speaker == "Peter Marchant"


def test_a_word_no_one_was_titled_with_stays_as_written(quotes_of):
    # nearest negative: a given name and the surname ("Ruth Marchant"), no title the story gave either brother: a
    # third Marchant, neither of them
    body = _CLERGY.replace("Canon Marchant said", "Ruth Marchant said")
    assert said(quotes_of(body), "had waited long enough").speaker not in ("Peter Marchant", "Tom Marchant")



# One person the noun fits: the qualifier must say only what the story said of them.
_HEAD = ("The amnesty ran through October at all 14 branches of the Fenland Libraries service. 'We expected a few "
         "hundred books,' said Harriet Munday, the service's head of libraries.\n\n"
         "Joan Tasker, who has worked at the Marshby branch for 31 years, said she recognised the date stamp.\n\n"
         "'We will keep the fines off for good,' the head of libraries said.")


def test_a_qualified_description_that_fits_one_person_is_them(quotes_of):
    assert said(quotes_of(_HEAD), "keep the fines off").speaker == "Harriet Munday"


def test_a_qualifier_the_story_did_not_say_of_the_one_it_fits_is_no_one(quotes_of):
    # nearest negative: "the head of archives": she heads the libraries, not the archives: left as written
    body = _HEAD.replace("the head of libraries said", "the head of archives said")
    assert said(quotes_of(body), "keep the fines off").speaker != "Harriet Munday"
