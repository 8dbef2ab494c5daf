"""A body's words kept for the body: its statement or letter that the sentence before says it put out, and its name
when the model left it untagged (issue #25; facts/text_authors._body_that_spoke_before,
facts/speakers._untagged_body_name). Passages written for these tests, each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

# A body said something; "The statement read:" then runs into its words, no phrase naming an author.
_STATEMENT = ('Boat sinks in Fenwick lock\n\n'
              'A narrowboat sank in a lock on the Fenwick Canal on Saturday after its stern caught on the sill as the '
              'water was let out.\n\n'
              '"It went down in about four minutes," said Martin Hale, who was walking his dog on the towpath.\n\n'
              'The Fenwick Canal Trust said its staff had reached the lock within half an hour. The statement read:\n\n'
              '"Our thoughts are with the owners. Boaters are reminded to keep clear of the sill."')


def test_a_statement_after_a_body_said_something_is_the_bodys(quotes_of):
    assert "Fenwick Canal Trust" in (said(quotes_of(_STATEMENT), "Our thoughts").speaker or "")


def test_a_statement_after_a_person_said_something_is_not_theirs(quotes_of):
    # nearest negative: a person's words before are their own; the statement is not given to them
    body = _STATEMENT.replace("The Fenwick Canal Trust said its staff had reached",
                              "The lock keeper, Dan Rudd, said he had reached")
    assert said(quotes_of(body), "Our thoughts").speaker != "Dan Rudd"


# Someone has written to someone; "The letter ... says:" is the writer's, a body's or a person's own.
_LETTER = ('Drummer told to stop\n\n'
           'A retired jazz drummer has been told he may no longer practise in his park home at Elm Vale.\n\n'
           "The site's operator, Greenmoor Living, has written to Mr Okafor. The letter, which he showed to the "
           "Echo, says: 'Percussive instruments are not permitted under clause 14 of your lease.'")


def test_a_letter_after_a_body_wrote_to_someone_is_the_bodys(quotes_of):
    assert said(quotes_of(_LETTER), "Percussive instruments").speaker == "Greenmoor Living"


def test_a_letter_after_a_person_wrote_to_someone_is_that_persons_own(quotes_of):
    # nearest negative: a person's own letter introduced the same way stays the person's, never the one written to
    body = _LETTER.replace("The site's operator, Greenmoor Living, has written to Mr Okafor.",
                           "His neighbour, Alan Frost, has written to Mr Okafor.")
    assert said(quotes_of(body), "Percussive instruments").speaker == "Alan Frost"


# A body's name the model may leave untagged, as the subject after a paragraph about a person.
_PANEL = ('Late penalty decides semi-final\n\n'
          'Dunmore reached the cup final on Saturday with a penalty in the 89th minute, awarded by the referee, Ivo '
          'Markovic, after a long look at the pitchside screen.\n\n'
          '"I saw a hand and I gave it," Markovic said.\n\n'
          'The Referees’ Panel said it would “review all incidents as standard”.')


def test_an_untagged_name_after_the_is_the_bodys_not_the_last_persons(quotes_of):
    assert "Referees’ Panel" in (said(quotes_of(_PANEL), "review all incidents").speaker or "")


def test_a_capitalised_title_after_the_is_the_persons_office(quotes_of):
    # nearest negative: capitalised words holding a title ("Chief") are an office someone holds, not a body
    body = _PANEL.replace("awarded by the referee, Ivo Markovic,", "awarded by the chief referee, Ivo Markovic,") \
        .replace("The Referees’ Panel said", "The Chief Referee said")
    assert said(quotes_of(body), "review all incidents").speaker == "Ivo Markovic"


def test_one_who_wrote_a_letter_before_is_its_writer_but_not_one_who_wrote_a_book(quotes_of):
    # the writing verb's own object decides: a letter is the text read out after it, a book is something else
    wrote_letter = quotes_of('The site\'s operator, Evergreen Living, wrote a letter to Mr Baptiste on Monday.\n\n'
                             'The letter says: "Your lease will not be renewed."')
    wrote_book = quotes_of('The site\'s operator, Evergreen Living, wrote a book about the estate in 2010.\n\n'
                           'The letter says: "Your lease will not be renewed."')
    assert said(wrote_letter, "lease will not").speaker == "Evergreen Living"
    assert said(wrote_book, "lease will not").speaker != "Evergreen Living"
