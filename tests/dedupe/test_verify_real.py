"""The verifier on real rewrites and real independent reports of one event (the dev half of benchmarks/dedupe_real:
real bodies, MIT; rewrites written the way content farms write them)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.align import similarity_matrix
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import coverage, novelty, verify
from newsfacts.parse import parse_file

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"


def real(name: str) -> Profile:
    """A dev-set document: an original or copy as the parser reads its raw page, a rewrite as written."""
    raw = REAL / "raw" / f"{name}.txt"
    if raw.exists():
        data = raw.read_bytes()
        return Profile.of(parse_file(data, raw.name, hashlib.sha256(data).hexdigest()).document.body)
    return Profile.of((REAL / "docs" / f"{name}.txt").read_text(encoding="utf-8").split("---\n", 1)[1])


def test_a_headline_first_rewrite_that_moves_and_merges_sentences_is_a_rewrite():
    verdict = verify(real("2c46804d_reordered"), real("2c46804d_original"), Thresholds())
    assert verdict.level == "rewrite" and verdict.method == "sentence_coverage"


def test_a_condensation_of_a_sixty_sentence_article_to_thirteen_is_a_rewrite():
    condensed, original = real("f5c90a6d_condensed"), real("f5c90a6d_original")
    assert original.content_sentences > 4 * condensed.content_sentences
    assert verify(condensed, original, Thresholds()).level == "rewrite"


def test_two_outlets_retelling_one_press_release_in_its_order_stay_apart():
    # The Hill and NBC News on the guilty plea of the man who threatened Rep. Omar: the same release, the same order,
    # but each names people and places the other does not (novelty 0.35), so neither is a rewrite of the other.
    hill, nbc = real("6ebac05f_original"), real("7a457a4f_original")
    assert novelty(hill, nbc) > Thresholds().max_novelty
    assert verify(hill, nbc, Thresholds()) is None
    assert verify(real("6ebac05f_reordered"), nbc, Thresholds()) is None


def test_a_follow_up_by_the_same_outlet_is_not_a_rewrite_of_its_first_report():
    for sid in ("432362af", "7a457a4f", "2c46804d"):
        assert verify(real(f"{sid}_followup"), real(f"{sid}_original"), Thresholds()) is None, sid


def test_sentences_split_from_one_source_sentence_are_each_covered_by_it():
    source = Profile.of("On Sunday Maria Lopez won the Harbor City marathon in 2 hours 31 minutes, after training in "
                        "Denver for a year. The race drew 9,000 runners. Rain fell all morning. Organisers praised "
                        "the volunteers. The course record still stands.")
    split = Profile.of("Maria Lopez won the Harbor City marathon on Sunday. She crossed the Harbor City line in 2 hours "
                       "31 minutes. Lopez had trained in Denver for a year before the marathon.")
    found = coverage(similarity_matrix(split, source), split, source, 0.2)
    assert [(i, j) for i, j, _ in found.pairs] == [(0, 0), (1, 0), (2, 0)]
