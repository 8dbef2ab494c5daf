"""The briefs study's pure part (benchmarks/dedupe_briefs_cut.py): what a brief keeps of its source and names of its
own, read on fresh16's n7ab16ad (an NFL helmet swing: NFL.com's page, a writer's brief of it, another outlet's brief
with its own angle, the quarterback's words the next Monday)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.dedupe_briefs_cut import readings
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"


def _profile(name: str) -> Profile:
    if name == "original":
        page = (REAL / "raw" / "n7ab16ad_original.txt").read_text(encoding="utf-8")
        return Profile.of(page.split("\n", 1)[1])
    return Profile.of((REAL / "docs" / f"n7ab16ad_{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1])


def test_the_brief_cut_from_the_source_keeps_its_words_and_names_nothing_of_its_own():
    cut = readings(_profile("brief"), _profile("original"), Thresholds())
    assert cut["own"] == 0 and cut["kept"] > 0.9


def test_another_outlets_brief_keeps_fewer_of_its_words_and_names_something_of_its_own():
    other = readings(_profile("brief_other"), _profile("original"), Thresholds())
    assert other["own"] >= 1 and other["kept"] < 0.75
