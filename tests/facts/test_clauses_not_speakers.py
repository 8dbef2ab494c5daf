"""A speaker is someone the story names or describes, never a clause (issue #25): a verb after the quote whose own
subject stands before it reports the clause after it, and a relative clause on the quoted words says something of
them; "what" opening a clause is no part of who speaks. Each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said, unnamed_said

pytestmark = pytest.mark.integration


def test_the_clause_after_a_verb_whose_subject_stands_before_the_quote_is_no_speaker(quotes_of):
    body = ('The chain, which advertises itself with the line “Care you can count on,” said the server had been set '
            'up by an outside contractor, Vantory Systems, to test a new repeat-prescription service.')
    quote = said(quotes_of(body), "Care you can count on")
    assert quote.speaker is None or "server" not in quote.speaker


def test_an_inverted_cue_with_no_subject_before_the_quote_names_its_speaker(quotes_of):
    # nearest negative: "“...,” said X": the words after the verb are who speaks
    body = ('“We are sorry for the distress this has caused to our customers,” said Ruth Ames, the chain’s chief '
            'executive, on Tuesday.')
    assert said(quotes_of(body), "We are sorry").speaker == "Ruth Ames"


def test_a_relative_clause_on_the_quoted_words_does_not_report_them(quotes_of):
    body = ('Fortuna has offered each member of the syndicate a £500 “goodwill payment,” which several of them have '
            'said they will give to charity.')
    quote = said(quotes_of(body), "goodwill payment")
    assert quote.kind != "direct" and quote.speaker is None


def test_a_relative_clause_on_the_speaker_leaves_the_report(quotes_of):
    # nearest negative: the relative clause hangs on the person after the quote, not on the quoted words
    body = ('“Every penny of it will go to the hospice that looked after my husband,” Mary Reid, who leads the '
            'syndicate, said.')
    assert said(quotes_of(body), "Every penny").speaker == "Mary Reid"


def test_what_opening_a_clause_is_not_part_of_the_speaker(quotes_of):
    body = ('Books returned late used to go on what staff called the ‘naughty shelf’ until the fine was paid, the '
            'library’s manager, Priya Shah, recalled.')
    quote = said(quotes_of(body), "naughty shelf")
    assert quote.speaker is None or not quote.speaker.lower().startswith("what")


def test_a_named_subject_of_a_naming_verb_stays_the_speaker(quotes_of):
    # nearest negative: no "what" before the subject
    body = 'Priya Shah, who runs the library in Halford, called the late returns trolley “the naughty shelf of shame”.'
    assert said(quotes_of(body), "naughty shelf of shame").speaker == "Priya Shah"


def test_a_cue_the_parse_hangs_on_a_noun_inside_the_quote_still_reports_it(quotes_of):
    # nearest negative: no relative word opens the clause ("Maley said" parsed as a relative clause on "stock")
    body = ('Matt Maley, equity strategist at Miller Tabak, says the stock could be a risky bet.\n\n'
            '"This is a stock that until this year had been getting clobbered," Maley said on CNBC\'s " Trading '
            'Nation" on Monday.')
    quote = said(quotes_of(body), "This is a stock")
    assert quote.speaker == "Matt Maley" and quote.speaker_basis == "subject"


def test_who_after_a_name_and_its_aside_is_the_named_person(quotes_of):
    body = ('Three-time Sierra winner Oscar Lindahl, now a television pundit, who tweeted in 2019 that "a clean peloton '
            'is a myth we sell to children", was scathing.')
    assert said(quotes_of(body), "a clean peloton").speaker == "Oscar Lindahl"


def test_who_after_a_description_and_its_aside_is_the_description_not_the_aside(quotes_of):
    # nearest negative: no name in the pair; the description kept as evidence is the first noun, not "now a pundit"
    body = ('A former team doctor, now a television pundit, who tweeted in 2019 that "a clean peloton is a myth we sell '
            'to children", was scathing.')
    quote = said(quotes_of(body), "a clean peloton")
    assert quote.speaker is None and unnamed_said(body, quote) == "A former team doctor"


def test_who_right_after_a_name_is_that_person(quotes_of):
    # nearest negative: no aside between the name and "who"
    body = ('Three-time Sierra winner Oscar Lindahl, who tweeted in 2019 that "a clean peloton is a myth we sell to '
            'children", was scathing.')
    assert said(quotes_of(body), "a clean peloton").speaker == "Oscar Lindahl"
