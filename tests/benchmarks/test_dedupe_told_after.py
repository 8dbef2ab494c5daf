"""The told-after study's pure parts (benchmarks/dedupe_told_after.py): the readings of one pair, and which side a
reading places later, one way only."""

from __future__ import annotations

import pytest

from benchmarks.dedupe_told_after import READINGS, direction, readings
from newsfacts.dedupe.verify import Thresholds
from tests.dedupe.test_told_after import _profile

pytestmark = pytest.mark.unit


def test_the_bbcs_follow_up_reads_after_its_page_and_the_headline_first_reorder_does_not():
    follow_up = readings(_profile("follow_up"), _profile("original"), Thresholds())
    reorder = readings(_profile("reordered"), _profile("original"), Thresholds())
    assert follow_up["lead"] and follow_up["framing"] and follow_up["lead + framing"]
    assert not reorder["lead"] and not reorder["lead + framing"]


def _row(ab: bool, ba: bool) -> dict:
    return {"a": "x_follow_up", "b": "x_original", "ab": dict.fromkeys(READINGS, ab), "ba": dict.fromkeys(READINGS, ba)}


@pytest.mark.parametrize("ab, ba, read", [(True, False, "right"), (False, True, "wrong"), (True, True, "both"),
                                          (False, False, "neither")])
def test_a_reading_places_the_follow_up_later_only_one_way(ab, ba, read):
    assert direction(_row(ab, ba), "lead", "x_follow_up") == read
