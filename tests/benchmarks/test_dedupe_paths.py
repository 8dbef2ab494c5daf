"""The path audit's pure parts (benchmarks/dedupe_paths.py) on tiny synthetic rows: negative kinds read from the
documents' roles, the date bound, and per path the pairs accepted and the margins between them."""

from __future__ import annotations

from datetime import date

import pytest

from benchmarks import dedupe_paths
from benchmarks.dedupe_paths import audit, candidate_requirements, dated_apart, markdown, negative_kind
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds

pytestmark = pytest.mark.unit


def _row(cls: str, rule: str | None, novelty: float, chain: float, kind: str = "condensed", split: str = "dev",
         pair: tuple[str, str] = ("x_original", "x_condensed")) -> dict:
    return {"split": split, "a": pair[0], "b": pair[1], "class": cls, "kind": kind, "rule": rule,
            "signals": {"novelty": novelty, "chain_in_order": chain, "length_ratio": 1.0}, "dated_apart": False}


def test_another_outlets_brief_is_a_brief_other_negative_and_a_follow_up_any_spelling_a_follow_up():
    assert negative_kind("abc_brief_other", "abc_expanded", "other story") == "brief_other"
    assert negative_kind("abc_expanded_other", "abc_brief", "other story") == "brief_other"
    assert negative_kind("abc_followup", "abc_original", "follow_up ~ its source's story") == "follow_up"
    assert negative_kind("abc_original", "def_original", "same event") == "same_event"
    assert negative_kind("abc_original", "def_original", "other story") == "other_story"


def test_two_documents_a_week_apart_are_dated_apart_but_not_four_days_or_an_undated_one():
    t = Thresholds()
    assert dated_apart(date(2020, 1, 1), date(2020, 1, 8), t)
    assert not dated_apart(date(2020, 1, 1), date(2020, 1, 5), t)
    assert not dated_apart(None, date(2020, 1, 8), t)


def test_a_path_accepting_a_follow_up_counts_it_by_kind_and_split_and_shows_the_signal_that_parts_them():
    rows = [_row("positive", "sentence_coverage", 0.05, 0.9), _row("positive", "sentence_coverage", 0.10, 0.7),
            _row("negative", "sentence_coverage", 0.02, 0.6, "follow_up", "fresh9", ("y_follow_up", "y_original"))]
    report = audit(rows)["sentence_coverage"]
    assert (report["positives"], report["negatives"], report["negative_kinds"]) == (2, 1, {"follow_up": 1})
    assert report["per_split"] == {"dev": {"positives": 2, "negatives": 0}, "fresh9": {"positives": 0, "negatives": 1}}
    assert report["margins"]["chain_in_order"]["margin"] == pytest.approx(0.1)  # weakest positive 0.7, negative 0.6
    assert report["margins"]["novelty"]["margin"] == pytest.approx(-0.08)  # smaller is a rewrite: no margin
    assert "sentence_coverage | 2 | 1 | follow_up 1 | 1 | fresh9 1 |" in markdown(audit(rows))


def test_a_path_accepting_no_negative_is_measured_against_the_rejected_ones_in_its_shape_only():
    rows = [_row("positive", "short_item_retold", 0.05, 0.9),
            _row("negative", None, 0.04, 0.5, "independent", "dev", ("y_independent", "x_original")),
            _row("negative", None, 0.60, 0.99, "same_topic", "dev", ("z_same_topic", "x_original"))]
    report = audit(rows)["short_item_retold"]
    assert report["negatives"] == 0 and report["margins_against"] == "rejected negatives in its shape"
    assert report["margins"]["chain_in_order"]["strongest_negative"] == 0.5  # the same-topic pair is too novel


SOURCE = ("The Harbor Council approved a budget of 40 million dollars on Monday. Mayor Ellen Ruiz said the plan "
          "would repair the Pier Street bridge. The vote was 7 to 2 after a long debate in Harbor City. Work on "
          "the bridge is due to start in March.")
REWRITE = ("Harbor City leaders backed a 40 million dollar spending plan on Monday. The Harbor Council vote, 7 to "
           "2, followed a long debate, and Mayor Ellen Ruiz said the money would fix the Pier Street bridge. "
           "Repairs are expected to begin in March.")
FOLLOW_UP = ("Repairs on the Pier Street bridge in Harbor City began on Thursday, weeks after the Harbor Council "
             "approved the project. \"We have 120 workers on the bridge and it will stay closed for 9 months,\" said "
             "Dale Moss, the contractor. "
             "Mayor Ellen Ruiz said the bridge had waited years for the repair. Drivers will use the Bay Road "
             "detour through the winter, and ferry trips will double.")


def test_a_rewrite_adds_no_figures_of_its_own_but_a_follow_up_and_its_source_each_hold_figures_the_other_lacks():
    t = Thresholds()
    rewrite = candidate_requirements(Profile.of(SOURCE), Profile.of(REWRITE), t)
    follow_up = candidate_requirements(Profile.of(SOURCE), Profile.of(FOLLOW_UP), t)
    assert not rewrite["new_figures_both_ways"] and not rewrite["new_people"]
    # 120 workers, 9 months against 40 million, 7 to 2; Dale Moss in the longer side, whom the source never names
    assert follow_up["new_figures_both_ways"] and follow_up["new_people"]


def test_a_study_reads_every_split_not_being_written_blind_in_order(monkeypatch):
    monkeypatch.setattr(dedupe_paths, "BLIND", {"fresh20"})
    splits = dedupe_paths.development_splits()
    assert "fresh20" not in splits and {"dev", "fresh", "fresh19"} <= set(splits)
    assert splits.index("fresh2") < splits.index("fresh10")  # fresh, fresh2, ..., fresh10, not as strings sort


def test_a_blind_split_asked_for_is_refused(monkeypatch):
    # nearest negative: the same split asked for when it is development data
    monkeypatch.setattr(dedupe_paths, "BLIND", {"fresh20"})
    with pytest.raises(ValueError, match="fresh20"):
        dedupe_paths.development_splits(["fresh19", "fresh20"])
    monkeypatch.setattr(dedupe_paths, "BLIND", set())
    assert dedupe_paths.development_splits(["fresh19", "fresh20"]) == ["fresh19", "fresh20"]
