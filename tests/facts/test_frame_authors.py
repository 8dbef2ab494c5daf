"""Whose words a frame gives when another person is named in it (speakers51, issue #25; relayed_texts.py and
text_authors.py): the text's own phrase names its writer ("a letter by X", "a letter from X's chief executive, Y",
"a reply X's team had sent"), never the one who reads it out, shares it, or a place in the phrase. Passages written
for these tests, each positive beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_LETTER_BY = ("A sinkhole opened under the Tanner's Yard car park on Sunday night.\n\n"
              "At a meeting in the chapel hall, Nigel Ashby, who chairs the residents' association, read aloud from "
              "a 2019 letter by the former borough engineer, Harold Pinch:\n\n"
              "\"The culvert beneath the yard is in poor condition and should be surveyed at once.\"")

_LETTER_TO = ("A sinkhole opened under the Tanner's Yard car park on Sunday night.\n\n"
              "At a meeting in the chapel hall, Nigel Ashby, who chairs the residents' association, read aloud from "
              "a 2019 letter he had sent to the former borough engineer, Harold Pinch:\n\n"
              "\"The culvert beneath the yard is in poor condition and should be surveyed at once.\"")


def test_by_on_the_texts_own_noun_names_its_writer_whoever_reads_it(quotes_of):
    assert said(quotes_of(_LETTER_BY), "culvert beneath").speaker == "Harold Pinch"


def test_a_letter_sent_to_someone_is_not_theirs(quotes_of):
    # nearest negative: the engineer is the one it was sent to
    assert said(quotes_of(_LETTER_TO), "culvert beneath").speaker != "Harold Pinch"


_TITLED_FROM = ("Fire destroyed the roof of Wenmouth Cathedral on Monday night.\n\n"
                "At a vigil on Tuesday evening, the Dean read a message from the Bishop of Wenmouth, the Rt Rev Alan "
                "Strand, who is in hospital recovering from surgery: 'Stone and timber can be replaced.'")

_TITLED_TO = ("Fire destroyed the roof of Wenmouth Cathedral on Monday night.\n\n"
              "At a vigil on Tuesday evening, the Dean read a message she had sent to the Bishop of Wenmouth, the Rt "
              "Rev Alan Strand, who is in hospital recovering from surgery: 'Stone and timber can be replaced.'")


def test_a_titled_name_in_commas_after_the_writer_phrase_is_the_writer(quotes_of):
    assert said(quotes_of(_TITLED_FROM), "Stone and timber").speaker.endswith("Alan Strand")


def test_a_titled_name_the_text_was_sent_to_is_not_the_writer(quotes_of):
    # nearest negative: the bishop is who the message was sent to
    speaker = said(quotes_of(_TITLED_TO), "Stone and timber").speaker
    assert speaker is None or not speaker.endswith("Alan Strand")


_TEACHER_IN = ("The state Senate passed the school supplies bill on Thursday.\n\n"
               "Sen. Rosalind Achterberg, who wrote the bill, opened the debate by reading from a letter sent to her "
               "by a third-grade teacher in Chippewa Falls:\n\n"
               "\"I buy the printer paper. I am not asking for a raise.\"")

_TEACHER_NAMED = ("The state Senate passed the school supplies bill on Thursday.\n\n"
                  "Sen. Rosalind Achterberg, who wrote the bill, opened the debate by reading from a letter sent to "
                  "her by a third-grade teacher, Dana Holt:\n\n"
                  "\"I buy the printer paper. I am not asking for a raise.\"")


def test_a_place_in_the_writer_phrase_is_not_the_writer(quotes_of):
    quote = said(quotes_of(_TEACHER_IN), "printer paper")
    assert quote.speaker not in ("Chippewa Falls", "Rosalind Achterberg")


def test_a_writer_named_in_commas_after_the_by_phrase_is_the_writer(quotes_of):
    # nearest negative: the teacher is named
    assert said(quotes_of(_TEACHER_NAMED), "printer paper").speaker == "Dana Holt"


_SHARED_FROM = ("Ashes were returned to the wrong family, the crematorium has admitted.\n\n"
                "Mr Swales shared a letter from Serenity's chief executive, Jonathan Lisle, which said: \"Please accept "
                "my deepest apologies. I cannot imagine the distress this has caused.\"")

_SHARED_TO = ("Ashes were returned to the wrong family, the crematorium has admitted.\n\n"
              "Mr Swales shared a letter he had written to Serenity's chief executive, Jonathan Lisle: \"Please accept "
              "my deepest apologies. I cannot imagine the distress this has caused.\"")


def test_a_letter_from_a_named_writer_is_the_writers_not_the_one_who_shares_it(quotes_of):
    assert said(quotes_of(_SHARED_FROM), "deepest apologies").speaker == "Jonathan Lisle"


def test_a_letter_written_to_someone_is_not_theirs(quotes_of):
    # nearest negative: Lisle is the one written to
    assert said(quotes_of(_SHARED_TO), "deepest apologies").speaker != "Jonathan Lisle"


_FILED_BY = ("Dave Kilbride is the drivers' union representative.\n\n"
             "He read aloud from a complaint filed by driver Amir Haddad in 2022: \"The sign before Castle Hill is "
             "hidden by the bakery awning after dark.\"")

_FILED_ABOUT = ("Dave Kilbride is the drivers' union representative.\n\n"
                "He read aloud from a complaint he had filed about driver Amir Haddad in 2022: \"The sign before Castle "
                "Hill is hidden by the bakery awning after dark.\"")


def test_a_complaint_is_a_text_whose_filer_wrote_it(quotes_of):
    assert said(quotes_of(_FILED_BY), "Castle Hill").speaker == "Amir Haddad"


def test_a_complaint_about_someone_is_not_theirs(quotes_of):
    # nearest negative: the complaint is about the driver, filed by the reader
    assert said(quotes_of(_FILED_ABOUT), "Castle Hill").speaker != "Amir Haddad"


_MASTHEAD = ("Investigation: inside the long wait at Westhaven General\n\n"
             "Westhaven Courier - Health\n\n"
             "Margaret Pryce, 74, was told in March last year that she would need a new hip. {before}\n\n"
             "Mr Pryce said he had written to the minister twice. The department's reply, which he showed the Courier, "
             "said it was \"working closely with the trust to reduce waits\".")


def test_a_description_owning_a_text_is_not_a_body_named_only_in_a_heading(quotes_of):
    body = _MASTHEAD.format(before="The region's health minister, Gareth Oyelaran, visited the hospital in June.")
    assert said(quotes_of(body), "working closely").speaker != "Courier - Health"


def test_a_description_owning_a_text_is_the_body_the_story_names(quotes_of):
    # nearest negative: the story names the department in a sentence of its own
    body = _MASTHEAD.format(before="The Department of Health said it had cut waits by a third.")
    assert said(quotes_of(body), "working closely").speaker == "Department of Health"
