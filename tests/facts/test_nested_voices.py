"""Whose words a text read out or passed on is: its author as the text's own phrase names it, never the one who reads,
shows or relays it (speakers46, issue #25; newsfacts/facts/relayed_texts.py and text_authors.py). Passages written
for these tests, each positive beside its nearest negative: "by" on a participle of writing or leaving the text
against one of passing it on ("forwarded by"); a writer named in apposition to a description in apposition ("the
club's owner, the businessman X") against a description alone; "his note" against a pronoun of the other gender;
a body's team against a body's officer; a name in commas after the whole "by" phrase against the one it was sent
to; "which read:" on a text sent by someone against one only seen."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_LEFT = ("Volunteers at the Pennock Street food bank found the doors forced on Monday. The manager, Gerald Ostrowski, "
         "said nothing had been taken.\n\n"
         "He then read out a letter left at the gate by one of the regular visitors, Marjorie Quennell: "
         "\u201cThank you for feeding my grandchildren when nobody else would.\u201d")

_FORWARDED = ("Volunteers at the Pennock Street food bank found the doors forced on Monday. The manager, Gerald "
              "Ostrowski, said nothing had been taken.\n\n"
              "He then read out a letter forwarded by his deputy, Imran Latif: "
              "\u201cThank you for feeding my grandchildren when nobody else would.\u201d")


def test_by_on_a_participle_that_leaves_a_text_names_its_author(quotes_of):
    assert said(quotes_of(_LEFT), "feeding my grandchildren").speaker == "Marjorie Quennell"


def test_by_on_a_participle_that_passes_a_text_on_names_no_author(quotes_of):
    # nearest negative: the deputy only forwarded the letter; the words are not his
    assert said(quotes_of(_FORWARDED), "feeding my grandchildren").speaker != "Imran Latif"


_CHAIN = ("The ski lifts at Col de Vire will stay shut until Friday.\n\n"
          "At a meeting in the town hall, mayor Henri Delorme read out a message from the resort's majority owner, "
          "the businessman Rupert Vail, who is abroad: \u201cNo lift turns until the engineers say so.\u201d")

_CHAIN_UNNAMED = ("The ski lifts at Col de Vire will stay shut until Friday.\n\n"
                  "At a meeting in the town hall, mayor Henri Delorme read out a message from the resort's majority "
                  "owner, who is abroad: \u201cNo lift turns until the engineers say so.\u201d")


def test_a_writer_named_at_the_end_of_a_chain_of_appositions_is_the_author(quotes_of):
    assert said(quotes_of(_CHAIN), "No lift turns").speaker == "Rupert Vail"


def test_a_writer_described_and_never_named_is_not_the_reader(quotes_of):
    # nearest negative: no name after the description; the mayor only reads the message out
    assert said(quotes_of(_CHAIN_UNNAMED), "No lift turns").speaker != "Henri Delorme"


_HIS_NOTE = ("A library book borrowed in 1969 has come back to Alderney Library. It was returned by Edwin Farrow, 71, "
             "who took it out as a schoolboy. He now lives in Leeds.\n\n"
             "His note, read out by Ms Okafor to staff, said: \u201cSorry it took so long. I kept meaning to.\u201d")

_HER_NOTE = ("A library book borrowed in 1969 has come back to Alderney Library. It was returned by Edwin Farrow, 71, "
             "who took it out as a schoolboy. He now lives in Leeds.\n\n"
             "Her note, read out by Mr Okafor to staff, said: \u201cSorry it took so long. I kept meaning to.\u201d")


def test_his_text_is_the_mans_the_pronoun_points_to(quotes_of):
    assert said(quotes_of(_HIS_NOTE), "Sorry it took so long").speaker == "Edwin Farrow"


def test_a_possessive_of_the_other_gender_is_not_his(quotes_of):
    # nearest negative: "Her note" where the one man named returned the book: not his words
    assert said(quotes_of(_HER_NOTE), "Sorry it took so long").speaker != "Edwin Farrow"


_TEAM = ("Customers of Brackwater Energy lost their broadband for two days last week. Brackwater Energy said it had "
         "restored service to every area.\n\n"
         "Jean Marsh, 58, was told nothing for a day. The message, from Brackwater Energy's customer services team, "
         "read: \u201cWe are aware of an issue in your area.\u201d")

_OFFICER = ("Customers of Brackwater Energy lost their broadband for two days last week. Brackwater Energy said it had "
            "restored service to every area.\n\n"
            "Jean Marsh, 58, was told nothing for a day. The message, from Brackwater Energy's chief executive, "
            "read: \u201cWe are aware of an issue in your area.\u201d")


def test_a_bodys_team_writes_for_the_body(quotes_of):
    assert said(quotes_of(_TEAM), "aware of an issue").speaker == "Brackwater Energy"


def test_a_bodys_officer_is_a_person_not_the_body_by_this_reading(quotes_of):
    # nearest negative: an officer of the body is a person the story does not name, not the body's team
    assert said(quotes_of(_OFFICER), "aware of an issue").speaker != "Brackwater Energy"


_SENT_BY = ("Corvale Foods is being sued by a former supplier.\n\n"
            "The claim quotes an internal memo, sent in May by Corvale's head of sales, Daniel Hughes, to "
            "colleagues, that reads in part: \u201cDrop the Halsey contract before the audit.\u201d")

_SENT_TO = ("Corvale Foods is being sued by a former supplier.\n\n"
            "The claim quotes an internal memo, sent in May to Corvale's head of sales, Daniel Hughes, by "
            "colleagues, that reads in part: \u201cDrop the Halsey contract before the audit.\u201d")


def test_a_name_in_commas_after_the_whole_by_phrase_is_the_author(quotes_of):
    assert said(quotes_of(_SENT_BY), "Drop the Halsey contract").speaker == "Daniel Hughes"


def test_a_name_after_to_is_the_one_written_to(quotes_of):
    # nearest negative: the memo was sent to him
    assert said(quotes_of(_SENT_TO), "Drop the Halsey contract").speaker != "Daniel Hughes"


_WHICH_READ = ("Shares in Tenmoor Holdings fell by a third on Thursday.\n\n"
               "At the end of the day, chief executive Ada Tennant sent a message to staff, seen by the Courier, "
               "which read: \u201cToday is a bad day. Tomorrow we start again.\u201d")

_ONLY_SEEN = ("Shares in Tenmoor Holdings fell by a third on Thursday.\n\n"
              "At the end of the day, the Courier saw a message to staff, which read: "
              "\u201cToday is a bad day. Tomorrow we start again.\u201d")


def test_which_read_on_a_text_someone_sent_is_the_senders(quotes_of):
    assert said(quotes_of(_WHICH_READ), "Today is a bad day").speaker == "Ada Tennant"


def test_which_read_on_a_text_only_seen_is_not_the_one_who_saw_it(quotes_of):
    # nearest negative: the outlet only saw the message
    assert said(quotes_of(_ONLY_SEEN), "Today is a bad day").speaker != "Courier"


_FROM_THE_CHEF = ("The television chef Marco Bellandi apologised on Sunday for shouting at a waitress, Linda Dale, "
                  "during a broadcast. Mrs Dale said she had not expected to hear from him.\n\n"
                  "On Monday Mrs Dale read out to reporters a text message she had received from the chef that "
                  "morning: \u201cLinda, I am ashamed. I will say so in person.\u201d")

_FROM_THE_CHEFS_AGENT = ("The television chef Marco Bellandi apologised on Sunday for shouting at a waitress, Linda "
                         "Dale, during a broadcast. Mrs Dale said she had not expected to hear from him.\n\n"
                         "On Monday Mrs Dale read out to reporters a text message she had received from the chef's "
                         "agent that morning: \u201cLinda, I am ashamed. I will say so in person.\u201d")


def test_a_text_from_a_description_of_someone_the_story_named_is_theirs(quotes_of):
    assert said(quotes_of(_FROM_THE_CHEF), "I am ashamed").speaker == "Marco Bellandi"


def test_a_text_from_someone_the_named_one_owns_is_not_the_named_ones(quotes_of):
    # nearest negative: the chef's agent sent it, a person the story does not name; not the chef
    assert said(quotes_of(_FROM_THE_CHEFS_AGENT), "I am ashamed").speaker != "Marco Bellandi"


_INTERVIEW_WITH_HOST = ("The singer Tallulah Vane has sued her former label.\n\n"
                        "Vane has spoken before about the album. In an interview with the podcast host Jamie Orrin "
                        "recorded in September, she said: \u201cI cried for a week.\u201d")

_HOST_RECORDED = ("The singer Tallulah Vane has sued her former label.\n\n"
                  "The podcast host Jamie Orrin recorded an interview with the singer in September. Later she said: "
                  "\u201cI cried for a week.\u201d")


def test_the_one_an_interview_is_with_is_not_she_whatever_the_parse_hung_the_name_on(quotes_of):
    assert said(quotes_of(_INTERVIEW_WITH_HOST), "I cried for a week").speaker == "Tallulah Vane"


def test_a_host_who_is_the_subject_of_the_sentence_before_stays_a_candidate(quotes_of):
    # nearest negative: the host is no one's interviewer in the pronoun's sentence; she is the subject before it
    assert said(quotes_of(_HOST_RECORDED), "I cried for a week").speaker == "Jamie Orrin"
