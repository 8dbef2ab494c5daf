"""Displayed text (issue #25, facts/quote_kinds.displayed_in_a_place): words the sentence shows where a reader sees them
(a notice in a window that reads them, "It reads:" after a notice pinned above a table, words painted on a wall) are a
slogan, not anyone's speech. Each on a passage written for it, beside its nearest negative (a statement on a website,
a letter's words before "it read", words no sentence places)."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def test_words_a_placed_notice_reads_are_a_slogan(quotes_of):
    body = ('The Ashby post office counter closes on Friday after 90 years. A hand-painted notice in the window now '
            "reads 'So long, Ashby, and thanks for all the stamps'.")
    assert said(quotes_of(body), "So long, Ashby").kind == "slogan"


def test_a_statement_on_a_website_reads_speech(quotes_of):
    # nearest negative: a thing said, placed on a website, is still said
    body = ('Harlow Town have parted company with their manager, Sam Keel. A statement on the club website reads: '
            '"We thank Sam for his hard work and wish him every success in the future."')
    assert said(quotes_of(body), "We thank Sam").kind == "direct"


def test_it_reads_after_a_notice_placed_in_the_sentence_before(quotes_of):
    body = ('Mobile phones have been banned at the Crown quiz night after a row over cheating. A handwritten notice '
            'has now been pinned above the bar. It reads: “Phones in the bag, pens on the table.”')
    assert said(quotes_of(body), "Phones in the bag").kind == "slogan"


def test_a_letters_words_before_it_read_are_speech(quotes_of):
    # nearest negative: "“...,” it read" after a letter: the words come before the verb, a text's words reported
    body = ('The reply came within a day, in a letter from the firm’s solicitors to the publisher. "Our client has '
            'never seen the documents in question and will not comment further," it read.')
    assert said(quotes_of(body), "Our client has never seen").kind == "direct"


def test_words_a_relative_clause_paints_on_a_wall_are_a_slogan(quotes_of):
    body = ('Every weekday from 1981 to 2012 he signed off with the same words, "Mind how you go, Ashby", which are now '
            "painted on the wall of the station's main studio.")
    assert said(quotes_of(body), "Mind how you go, Ashby").kind == "slogan"


def test_words_a_relative_clause_does_not_place_are_not_a_slogan(quotes_of):
    # nearest negative: the same apposition, a relative clause that puts the words nowhere
    body = ('Every weekday from 1981 to 2012 he signed off with the same words, "Mind how you go, Ashby", which '
            'listeners still repeat to him in the street.')
    assert said(quotes_of(body), "Mind how you go, Ashby").kind != "slogan"


def test_words_a_thing_promises_in_the_flow_of_the_sentence_are_a_slogan(quotes_of):
    body = ('Guests at the Seaview Hotel in Brackley Bay were woken at 3am by a fire alarm for the fourth night running. '
            'The hotel\'s website promises guests "a restful night by the sea".')
    assert said(quotes_of(body), "a restful night by the sea").kind == "slogan"


def test_words_a_letter_promises_are_its_senders_speech(quotes_of):
    # nearest negative: a thing said (a letter) carries its sender's words
    body = ('Tenants of Marlow Court have written to the council about the damp. The council\'s letter promises '
            'residents "a full review of every case before the winter".')
    assert said(quotes_of(body), "a full review").kind == "direct"


def test_a_load_a_thing_was_carrying_is_no_slogan(quotes_of):
    # nearest negative: "was carrying" names a load, not a line shown
    body = ('The rocket, which workers at Merrow Point have nicknamed the Big Crow, was carrying “Pathfinder-3”, a '
            'weather satellite built for the Coastal Weather Service.')
    assert said(quotes_of(body), "Pathfinder-3").kind != "slogan"
