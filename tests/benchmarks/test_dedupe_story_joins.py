"""The story-joins study's pure parts (benchmarks/dedupe_story_joins.py) on tiny hand-made stories: which join is
through another member and false, who intrudes on a story, who verifies with under half of it, what each check cuts."""

from __future__ import annotations

import pytest

from benchmarks.dedupe_story_joins import CHAIN, Join, intruders, joins, stories, tally, under_half, wrong_pairs

pytestmark = pytest.mark.unit

# Gold: a source's original with two restyles, and another outlet's report of the event (a story of its own).
STORY = {"orig": "orig", "emo": "orig", "neu": "orig", "other": "other"}
# Linked: the other outlet's report, dated first, is the canonical; the emotional restyle verified with it.
ASSIGNED = {"other": ("other", None), "emo": ("other", "other"), "neu": ("other", "other"),
            "orig": ("other", "other")}
METHODS = {"emo": "cut_restyle_names", "neu": CHAIN, "orig": CHAIN}
VERIFIED = {("emo", "other"), ("emo", "neu"), ("neu", "orig"), ("emo", "orig")}


def test_a_join_is_false_when_the_document_and_its_canonical_are_two_gold_stories_and_keeps_its_method():
    found = joins(ASSIGNED, METHODS, STORY, {"emo": "restyled_emotional"})
    assert [(j.doc, j.method, j.true, j.kind) for j in found] == [
        ("emo", "cut_restyle_names", False, "restyled_emotional"), ("neu", CHAIN, False, ""),
        ("orig", CHAIN, False, "")]
    alone = joins({"orig": ("orig", None), "emo": ("orig", "orig")}, {"emo": CHAIN}, STORY, {})
    assert [(j.doc, j.true) for j in alone] == [("emo", True)]  # the nearest negative: one gold story, a true join


def test_the_intruder_is_the_member_whose_gold_story_most_members_do_not_hold():
    members = stories(ASSIGNED)["other"]
    assert intruders(members, STORY) == {"other"}
    assert intruders(["orig", "emo", "neu"], STORY) == set()  # one gold story: no intruder
    assert intruders(["orig", "other"], STORY) == {"orig", "other"}  # a tie: neither side is known to be the story's


def test_a_member_verifying_with_fewer_than_half_of_the_others_is_under_half_and_half_is_enough():
    members = ["emo", "neu", "orig", "other"]
    assert under_half(members, VERIFIED) == [("other", 1, 3)]
    assert under_half(["emo", "other"], VERIFIED) == []  # one of one other
    # Over the pairs compared only: "other" was compared with emo alone, and verified with it.
    assert under_half(members, VERIFIED, {("emo", "other"), ("neu", "orig"), ("emo", "orig"), ("emo", "neu")}) == []
    # Compared with "other" only, neu and orig fail with the one member they met.
    assert under_half(members, VERIFIED, {("emo", "other"), ("neu", "other"), ("orig", "other")}) == [
        ("neu", 0, 1), ("orig", 0, 1), ("other", 1, 3)]


def test_wrong_pairs_count_every_pair_of_two_gold_stories_in_one_story():
    assert wrong_pairs(["emo", "neu", "orig", "other"], STORY) == 3
    assert wrong_pairs(["emo", "neu", "orig"], STORY) == 0


def test_the_novelty_check_cuts_only_through_chain_joins_above_the_limit_and_either_check_needs_both_to_fail():
    found = [Join("neu", "other", CHAIN, False, "restyled_neutral"), Join("orig", "other", CHAIN, False, ""),
             Join("emo", "other", "cut_restyle_names", False, "restyled_emotional")]
    nov = {"neu": 0.05, "orig": 0.27, "emo": 0.4}  # emo is above the limit but verified with the canonical
    low = [("orig", 1, 3), ("other", 1, 3)]
    out = tally(found, nov, low, {"other"}, 3, 0.25, low)
    assert out["through_chain"] == {"true": 0, "false": 2, "true_by_kind": {}}
    assert out["novelty_check_cuts"] == {"false": ["orig"], "true": []}
    assert out["either_check_cuts"] == {"false": ["orig"], "true": []}
    assert out["majority_check_cuts"] == {"intruders": ["other 1/3"], "own_members": ["orig 1/3"]}
    assert out["compared_majority_cuts"] == out["majority_check_cuts"]
    kept = tally(found, nov, low, {"other"}, 3, 0.25, [("other", 1, 3)])
    # orig verifies with half of the members it was compared with: the either check keeps it
    assert kept["either_check_cuts"] == {"false": [], "true": []}
