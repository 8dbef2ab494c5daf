"""A day written for people is read in the page's language and day order (newsfacts.parse.writtendate)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.parse.writtendate import month_first, written_day

pytestmark = pytest.mark.unit


def test_month_names_of_several_languages_are_read():
    cases = {"publiziert am 25. September 2018": date(2018, 9, 25), "le 3 mars 2019": date(2019, 3, 3),
             "5 de octubre de 2018": date(2018, 10, 5), "November 19th, 2019 at 8:40 AM": date(2019, 11, 19),
             "pubblicato il 7 giugno 2019": date(2019, 6, 7), "2018年8月16日": date(2018, 8, 16)}
    for text, day in cases.items():
        assert written_day(text)[0] == day, text


def test_a_numeric_day_is_day_first_unless_the_page_writes_month_first_or_the_numbers_decide():
    assert written_day("05/10/2018")[0] == date(2018, 10, 5)
    assert written_day("05/10/2018", month_first_order=True)[0] == date(2018, 5, 10)
    assert written_day("11/20/2019 01:14 PM")[0] == date(2019, 11, 20)
    assert written_day("13.11.2019, 23:06", month_first_order=True)[0] == date(2019, 11, 13)


def test_only_american_english_pages_write_the_month_first():
    assert month_first("en-US") and month_first("en")
    assert not month_first("en-GB") and not month_first("de") and not month_first(None)


def test_a_line_without_a_full_day_gives_none():
    assert written_day("Published 4h at 9:15 PM") is None
    assert written_day("Set 2019") is None
