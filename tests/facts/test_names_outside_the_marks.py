"""A name a community uses, read through the sentence around the marks (issue #25, facts/mentioned_words.py): the
writer's own "the" outside the marks makes the quoted words a definite name ("the “side door”"), and a verb that only
completes another ("have taken to calling") names with that verb's subject. Each on a passage written for it, beside
its nearest negative (a judgement someone called once, in the past; a person naming)."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def _mention(quote) -> bool:
    return quote.kind in ("scare", "title") and "a mention of words" in (quote.speaker_reason or "")


# "the" outside the marks

_BACK_ROOM = ('The Brinkley Arms will close its upstairs function room in March, the landlord, Owen Trask, said on '
              'Monday. Members of the darts league have long called the “cold room” their second home.')


def test_a_name_with_the_writers_the_outside_the_marks_is_a_mention(quotes_of):
    quote = said(quotes_of(_BACK_ROOM), "cold room")
    assert _mention(quote) and quote.speaker is None


def test_a_judgement_with_the_outside_the_marks_a_group_gave_once_is_speech(quotes_of):
    # nearest negative: the simple past reports what the group said once ("Aviation analysts called it the
    # “end of an era,”"), whatever stands outside the marks
    body = ('The last Harbour Line ferry sailed on Sunday after 112 years. Local historians called it the “end of a '
            'long story”, and the council, said its leader Dana Price, will keep the pier open.')
    quote = said(quotes_of(body), "end of a long story")
    assert quote.kind == "direct"


# a verb that completes another names with its subject

_RECOUNT = ('Every ballot in Millbrook ward was counted again by hand on Thursday in an exercise that clerks have '
            'taken to calling the “long night”. The returning officer, Rhys Abbot, said the result stood.')


def test_the_subject_of_the_verb_a_naming_completes_names(quotes_of):
    quote = said(quotes_of(_RECOUNT), "long night")
    assert _mention(quote) and "clerks" in quote.speaker_reason


def test_a_person_who_has_taken_to_calling_something_speaks(quotes_of):
    # nearest negative: the same completing verb with a person as its subject is that person's naming, not a
    # community's name for the thing
    body = ('Every ballot in Millbrook ward was counted again by hand on Thursday. The returning officer, Rhys Abbot, '
            'has taken to calling the recount “the longest night any of us can remember”.')
    quote = said(quotes_of(body), "the longest night")
    assert quote.kind == "direct"


# a plural the tagger calls a proper noun for its capital

_LIVE = ('Live: red panda loose at Ashcombe Zoo\n\n09:50 A red panda has escaped from her enclosure again, the zoo '
         'says.\n\n10:05 {who} have called her “Houdini” since an earlier escape in 2025, when she got as far as the '
         'car park.')


def test_a_capitalised_bare_plural_names_as_a_community(quotes_of):
    # "Regulars" at the head of a live-blog entry is tagged a proper plural for its capital: a bare plural still
    quote = said(quotes_of(_LIVE.format(who="Regulars")), "Houdini")
    assert _mention(quote) and "Regulars" in quote.speaker_reason


def test_a_named_body_in_the_plural_speaks(quotes_of):
    # nearest negative: a capitalised plural that is a body's name ("Rangers", the club) names as a body does: speech
    quote = said(quotes_of(_LIVE.format(who="Rangers")), "Houdini")
    assert quote.kind == "direct"
