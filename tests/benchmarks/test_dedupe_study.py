"""The dedupe study's pure parts (benchmarks/dedupe_study.py) on tiny synthetic signal vectors: fitting, thresholds
for zero false merges, leave-one-split-out bookkeeping, AUC and the cluster score."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.dedupe_study import (auc, cluster_score, fit_logistic, fit_tree, forward_folds, leave_one_out,
                                     zero_false_threshold)

pytestmark = pytest.mark.unit


def _separable(n: int = 40, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Positives high on signal 0, negatives low; signal 1 is noise."""
    rng = np.random.default_rng(seed)
    y = np.array([1, 0] * (n // 2))
    x = np.column_stack([np.where(y == 1, 0.8, 0.2) + rng.normal(0, 0.05, n), rng.normal(0, 1, n)])
    return x, y


def test_logistic_regression_weighs_the_signal_that_separates_the_classes_above_the_noise():
    x, y = _separable()
    model = fit_logistic(x, y)
    assert model.weights[0] > 1.0 and abs(model.weights[1]) < model.weights[0] / 3
    assert (model.logit(x)[y == 1] > model.logit(x)[y == 0].max()).all()


def test_the_zero_false_threshold_sits_the_margin_above_the_strongest_negative():
    scores, y = np.array([0.1, 0.5, 0.7, 0.9]), np.array([0, 0, 1, 1])
    assert zero_false_threshold(scores, y, 0.0) == 0.5
    assert zero_false_threshold(scores, y, 0.25) == 0.75
    assert not ((scores >= zero_false_threshold(scores, y, 0.0) + 1e-12) & (y == 0)).any()


def test_a_depth_two_tree_accepts_no_training_negative_and_cuts_midway_to_the_nearest_positive():
    # Positives need signal 0 high where signal 1 is low, and signal 1 high where it is high: no one cut does both.
    x = np.array([[0.9, 0.1], [0.8, 0.2], [0.3, 0.1], [0.2, 0.9], [0.1, 0.8], [0.5, 0.6]])
    y = np.array([1, 1, 0, 1, 1, 0])
    tree = fit_tree(x, y, cuts=8)
    assert tree.accepts(x).tolist() == [True, True, False, True, True, False]
    assert not tree.accepts(np.array([[0.4, 0.1]]))[0]  # below the midway cut between 0.3 and 0.8


def test_leave_one_out_trains_on_every_other_group_and_tests_on_the_one_left_out():
    folds = leave_one_out(["dev", "dev", "fresh", "fresh2", "fresh"])
    assert [g for g, _, _ in folds] == ["dev", "fresh", "fresh2"]
    _, train, test = folds[1]
    assert train.tolist() == [True, True, False, True, False] and (train ^ test).all()


def test_auc_is_one_for_a_perfect_ranking_and_a_half_for_ties():
    y = np.array([1, 1, 0, 0])
    assert auc(np.array([0.9, 0.8, 0.2, 0.1]), y) == 1.0
    assert auc(np.array([0.5, 0.5, 0.5, 0.5]), y) == 0.5
    assert auc(np.array([0.1, 0.2, 0.8, 0.9]), y) == 0.0


def test_cluster_score_finds_a_rewrite_through_another_member_and_counts_a_false_merge():
    story = {"o": "o", "r1": "o", "r2": "o", "x": "x"}
    gold = [("o", "r1", "restyled"), ("o", "r2", "condensed")]
    s = cluster_score([("o", "r1"), ("r1", "r2")], gold, story)
    assert (s["found"], s["recall"], s["false_merges"], s["precision"]) == (2, 1.0, 0, 1.0)
    merged = cluster_score([("o", "r1"), ("r1", "x")], gold, story)
    assert merged["false_merges"] == 1 and merged["recall"] == 0.5 and merged["precision"] == 0.333  # o~r1 of 3 pairs


def test_forward_folds_train_each_split_on_the_splits_written_before_it_only():
    groups = ["dev", "held_out", "fresh", "fresh2", "fresh2", "fresh3"]
    folds = forward_folds(groups, ["dev", "held_out", "fresh", "fresh2", "fresh3"], "fresh2")
    assert [g for g, _, _ in folds] == ["fresh2", "fresh3"]
    assert folds[0][1].tolist() == [True, True, True, False, False, False]
    assert folds[1][1].tolist() == [True, True, True, True, True, False] and folds[1][2].tolist()[-1]
