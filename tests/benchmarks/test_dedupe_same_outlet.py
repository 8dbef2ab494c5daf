"""The same-outlet study's pure part (benchmarks/dedupe_same_outlet.py): a pair of one outlet read with its gold
relation and its dates."""

from __future__ import annotations

import pytest

from benchmarks.dedupe_same_outlet import pair_reading
from tests.dedupe.seeds import document

pytestmark = pytest.mark.unit


def _doc(doc_id: str, published: str | None, outlet: str):
    return document(doc_id, "A body.", published=published, outlet=outlet)


def test_the_outlets_follow_up_days_on_reads_apart_and_its_same_day_repost_the_same_day():
    original, story = _doc("x_original", "2019-11-19", "nypost.com"), {"x_original": "x", "x_follow_up": "y",
                                                                       "x_copy": "x"}
    relation = {frozenset(("x_follow_up", "x_original")): "follow_up", frozenset(("x_copy", "x_original")): "copies"}
    follow_up = pair_reading(_doc("x_follow_up", "2019-11-21", "New York Post"), original, story, relation)
    copy = pair_reading(_doc("x_copy", "2019-11-19", "nypost.com"), original, story, relation)
    assert (follow_up["gold"], follow_up["dates"]) == ("follow_up", "apart")
    assert (copy["gold"], copy["dates"]) == ("copies", "same day")


def test_an_undated_side_is_counted_apart_and_unlabelled_pairs_by_their_stories():
    story = {"a_brief": "a", "a_original": "a", "b_restyle": "b"}
    undated = pair_reading(_doc("a_brief", "2019-11-19", "crn.com"), _doc("a_original", None, "crn.com"), story, {})
    others = pair_reading(_doc("a_brief", "2019-11-19", "crn.com"), _doc("b_restyle", "2019-11-20", "crn.com"), story,
                          {})
    assert (undated["gold"], undated["dates"]) == ("same story", "undated")
    assert (others["gold"], others["dates"]) == ("two stories", "apart")
