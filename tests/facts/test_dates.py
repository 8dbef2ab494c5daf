"""Events: dated sentences, relative words resolved against the document date, unresolved without one."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.facts import extract_facts
from newsfacts.facts.dates import resolve

pytestmark = pytest.mark.integration

TUESDAY = date(2023, 9, 12)


@pytest.mark.parametrize(
    ("text", "forward", "expected"),
    [
        ("Sunday", False, (date(2023, 9, 10), "day", "relative")),
        ("Tuesday", False, (TUESDAY, "day", "relative")),
        ("Wednesday", True, (date(2023, 9, 13), "day", "relative")),
        ("Sept 12, 2023", False, (TUESDAY, "day", "explicit")),
        ("September 2022", False, (date(2022, 9, 1), "month", "explicit")),
        ("2019", False, (date(2019, 1, 1), "year", "explicit")),
        ("July", False, (date(2023, 7, 1), "month", "relative")),
        ("November", False, (date(2022, 11, 1), "month", "relative")),
        ("last year", False, (date(2022, 1, 1), "year", "relative")),
        ("yesterday", False, (date(2023, 9, 11), "day", "relative")),
        ("last week", False, (None, "unresolved", "unresolved")),
        ("18 months", False, None),
    ],
)
def test_date_words_resolve_against_a_tuesday_story(text, forward, expected):
    assert resolve(text, TUESDAY, forward) == expected


def test_relative_dates_stay_unresolved_when_the_document_has_no_date():
    assert resolve("Sunday", None, False) == (None, "unresolved", "unresolved")
    assert resolve("in July", None, False) == (None, "unresolved", "unresolved")
    assert resolve("Sept 12, 2023", None, False) == (TUESDAY, "day", "explicit")


def test_left_on_sunday_in_a_tuesday_story_is_the_sunday_before(seed_facts):
    [event] = [e for e in seed_facts.events if e.doc_id == "001_ap.txt" and e.text.startswith("Kim left Pyongyang")]
    assert (event.date, event.date_precision, event.resolution) == (date(2023, 9, 10), "day", "relative")


def test_will_meet_on_wednesday_points_forward(nlp, make_doc):
    facts = extract_facts([make_doc("f", "Putin and Kim will meet on Wednesday in Vladivostok.", TUESDAY)], nlp)
    assert [e.date for e in facts.events] == [date(2023, 9, 13)]


def test_undated_story_keeps_relative_events_unresolved(nlp, make_doc):
    facts = extract_facts([make_doc("u", "Kim left Pyongyang on Sunday, state media said.")], nlp)
    [event] = facts.events
    assert (event.date, event.date_precision, event.resolution, event.date_text) == (None, "unresolved", "unresolved", "Sunday")
