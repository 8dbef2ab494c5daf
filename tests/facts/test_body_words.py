"""An organisation's words given to the body the sentence of prose before is about: "the company said", "the
statement read", "a spokesman for the firm added" (issue #25, the `backref` style; facts/referents.body_spoken_of).
Passages written for these tests, each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

# A body the model may type a person, which the sentence calls "it"; the statement is its words.
_OWNER = ('Barge held at Selby\n\n'
          'A cargo barge was held in the Selby estuary on Friday after inspectors found 30 tonnes of undeclared scrap '
          'in a hidden hold.\n\n'
          '"I have never seen anything like it," said Inspector Colin Reeve, who led the search.\n\n'
          'The barge\'s owner, Dunmore Fishing, said it was "shocked" by the find and had begun its own inquiry.\n\n'
          '"The company has always complied with the rules and will cooperate fully," the statement read.')


def test_a_statement_after_a_sentence_about_a_body_is_that_bodys(quotes_of):
    assert said(quotes_of(_OWNER), "always complied").speaker == "Dunmore Fishing"


def test_a_statement_after_a_sentence_about_a_person_is_not_theirs(quotes_of):
    # nearest negative: the sentence before is about a person ("he"), tied to no body: not them
    body = _OWNER.replace("The barge's owner, Dunmore Fishing, said it was", "The skipper, Dennis Dunmore, said he was") \
        .replace("had begun its own inquiry", "had begun his own inquiry")
    assert said(quotes_of(body), "always complied").speaker != "Dennis Dunmore"


# A body's short form as the subject of the sentence before "the company said".
_SHORT = ('Balloon lands beside railway\n\n'
          'Investigators have opened an inquiry after a hot-air balloon operated by Kestrel Balloon Flights came down '
          'beside a railway line near Oakham on Sunday.\n\n'
          'The Air Accidents Board, which looks into such incidents, said it would examine the weather records.\n\n'
          "Kestrel, whose balloons carry the slogan 'Float Free', has grounded its fleet. 'Nothing matters more to "
          "us than our passengers,' the company said.")


def test_a_short_form_the_sentence_before_is_about_is_the_company(quotes_of):
    assert said(quotes_of(_SHORT), "Nothing matters more").speaker == "Kestrel Balloon Flights"


def test_a_person_the_sentence_before_is_about_is_no_company(quotes_of):
    # nearest negative: the sentence before is about the pilot, tied to no body: "the company" is not him
    body = _SHORT.replace("Kestrel, whose balloons carry the slogan 'Float Free', has grounded its fleet. ",
                          "The pilot, Mark Dunn, said he had followed every procedure. ")
    assert said(quotes_of(body), "Nothing matters more").speaker != "Mark Dunn"


# "a spokesman for the firm" right after a sentence about a body in apposition to a noun.
_LANDLORD = ('Last chapter for Corner Books\n\n'
             'Corner Books, the oldest bookshop in Tamworth, will close in May after its rent rose sharply.\n\n'
             '"We simply cannot make the numbers work," said the owner, Jean Pryor.\n\n'
             'The shop\'s landlord, Harbury Estates, confirmed the rise but said the figure was fair.\n\n'
             '"We have enjoyed having Corner Books as a tenant," a spokesman for the firm added.')


def test_a_spokesman_for_the_firm_speaks_for_the_body_the_sentence_before_is_about(quotes_of):
    assert said(quotes_of(_LANDLORD), "enjoyed having Corner Books").speaker == "Harbury Estates"


def test_a_spokesman_for_the_firm_after_a_sentence_about_a_person_is_not_theirs(quotes_of):
    # nearest negative: the sentence before is about a person: the bookshop's owner is not "the firm"
    body = _LANDLORD.replace("The shop's landlord, Harbury Estates, confirmed", "Her husband, Tom Pryor, confirmed")
    assert said(quotes_of(body), "enjoyed having Corner Books").speaker != "Tom Pryor"


def test_the_company_after_a_sentence_about_an_office_is_not_the_office(quotes_of):
    # nearest negative: the sentence before is about an attorney general, an office a person holds, not a body
    body = ('Freight firm under investigation\n\n'
            'The New York State Attorney General is investigating Harlow Freight over its treatment of drivers. '
            '"We are cooperating fully with the inquiry," the company said.')
    assert said(quotes_of(body), "cooperating fully").speaker != "New York State Attorney General"


# A bare spokesperson right after a sentence about a body the model left untagged.
_BROADCASTER = ('The memoir row\n\n'
                'The cookery show ran for nine series before it ended in 2019.\n\n'
                'Brookvale TV, which aired the show, has quietly removed it from its streaming service. A spokesperson '
                'called the decision "routine" and "not linked to the book".')


def test_a_bare_spokesperson_speaks_for_the_body_the_sentence_before_is_about(quotes_of):
    assert said(quotes_of(_BROADCASTER), "routine").speaker == "Brookvale TV"


def test_a_bare_spokesperson_after_a_sentence_about_no_body_names_no_one(quotes_of):
    # nearest negative: the sentence before is about the show, no body: the voice stays no one's
    body = _BROADCASTER.replace("Brookvale TV, which aired the show, has quietly removed it from its streaming service.",
                                "The show has quietly been removed from the streaming service.")
    assert said(quotes_of(body), "routine").speaker is None
