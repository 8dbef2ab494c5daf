"""Authors, dates and datelines are read strictly: organisations, job titles and glued dates are not people."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.parse.metadata import authors_from, find_dateline, parse_date

pytestmark = pytest.mark.unit


def test_organisations_job_titles_and_weekdays_are_not_author_names():
    assert authors_from(["By The Water Coolest"], []) == []
    assert authors_from(["By Amy Kuperinsky", "By NJ Advance Media"], []) == ["Amy Kuperinsky"]
    assert authors_from(["By Fiona MacLeod, Maritime Reporter"], []) == ["Fiona MacLeod"]
    assert authors_from(["By Jeff Foust Monday"], []) == ["Jeff Foust"]


def test_the_same_person_written_twice_is_one_author_and_capitals_are_normalised():
    assert authors_from(["By Troy Smith", "By Troy L Smith"], []) == ["Troy Smith"]
    assert authors_from(["By LISA MASCARO and MARY CLARE JALONICK"], []) == ["Lisa Mascaro", "Mary Clare Jalonick"]


def test_credit_lines_name_reporters_and_writers_but_not_editors_or_outlets():
    credits = ["Reporting by Jane Smith and Tom Brown; Editing by Alex Richardson",
               "Write to Warren P Strobel and William Mauldin at Warren.Strobel@wsj.com"]
    assert authors_from([], credits) == ["Jane Smith", "Tom Brown", "Warren P Strobel", "William Mauldin"]
    assert authors_from(["By The Wall Street Journal Sep 05, 2023"], []) == []


def test_only_full_valid_dates_are_dates():
    assert parse_date("Sept 12, 2023") == date(2023, 9, 12)
    assert parse_date("12 September 2023") == date(2023, 9, 12)
    assert parse_date("Feb 30, 2023") is None
    assert parse_date("© 2023 Big Big News") is None
    assert parse_date("Tuesday") is None


def test_datelines_give_the_place_and_any_wire_tag():
    assert find_dateline("SEOUL, South Korea — North Korea’s Kim") == ("SEOUL", None)
    assert find_dateline("LONDON (Reuters) - Britain said") == ("LONDON", "Reuters")
    assert find_dateline("(Reuters) — The New York State") == (None, "Reuters")
    assert find_dateline("U.S. officials said on Monday") == (None, None)
