"""The hard-negative audit's pure parts (benchmarks/dedupe_negatives.py) on hand-made study rows."""

from __future__ import annotations

import math

import pytest

from benchmarks.dedupe_negatives import SIGNALS, accepted_negatives, margins, own_quoted_names, written_kind

pytestmark = pytest.mark.unit


def _row(a: str, b: str, cls: str, rule: str | None = None, sentences: int = 8, **signals: float) -> dict:
    values = {k: 0.0 for k in SIGNALS} | signals
    return {"a": a, "b": b, "class": cls, "kind": "other", "rule": rule,
            "signals": values | {"shorter_sentences": math.log1p(sentences)}}


def test_a_pair_is_counted_for_the_written_negative_it_holds():
    assert written_kind(_row("x_independent2", "x_original", "negative")) == "independent2"
    assert written_kind(_row("x_expanded_other", "x_brief", "negative")) == "expanded_other"
    assert written_kind(_row("x_independent", "x_original", "negative")) is None  # an older writer's report


def test_only_negatives_the_rules_accept_are_listed_with_their_path():
    rows = {"fresh5": [_row("x_independent2", "x_original", "negative", "ordered_sentence_alignment", novelty=0.2),
                       _row("x_follow_up2", "x_original", "negative", None),
                       _row("x_original", "x_reordered", "positive", "sentence_coverage")]}
    [found] = accepted_negatives(rows)
    assert (found["written"], found["rule"], found["novelty"]) == ("independent2", "ordered_sentence_alignment", 0.2)


def test_missed_rewrites_beyond_the_strongest_kept_apart_negative_are_counted_in_the_shape_only():
    rows = {"fresh3": [_row("a_independent2", "a_original", "negative", stem_overlap=0.7, novelty=0.1),
                       _row("b_independent2", "b_original", "negative", stem_overlap=0.9, sentences=2),  # too short
                       _row("c_original", "c_restyled", "positive", stem_overlap=0.8, novelty=0.05),
                       _row("d_original", "d_restyled", "positive", stem_overlap=0.6, novelty=0.2),
                       _row("e_original", "e_restyled", "positive", "sentence_coverage", stem_overlap=0.95)]}
    m = margins(rows)["independent2"]
    assert m["stem_overlap"]["value"] == 0.7 and m["stem_overlap"]["missed_beyond"] == 1  # c, not d; e is found
    assert m["novelty"]["value"] == 0.1 and m["novelty"]["missed_beyond"] == 1  # smaller novelty is closer


def test_a_quote_from_a_speaker_the_other_never_names_is_own_reporting_and_a_retold_quote_is_not():
    source = "The council approved the budget. \"We had no choice,\" said Mayor Ana Ruiz."
    retold = ["\"We had no choice,\" Mayor Ana Ruiz said of the vote."]
    own = ["\"It is a mistake,\" said Tom Okafor, who runs a bakery on Main Street."]
    assert own_quoted_names(retold, source) == 0
    assert own_quoted_names(own, source) == 1
    assert own_quoted_names(["Tom Okafor runs a bakery on Main Street."], source) == 0  # named, not quoted
