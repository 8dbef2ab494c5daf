"""An outlet's follow-up and its own undated page are told apart by their text whatever the order they arrive in:
in one batch, or in two runs either way round (issue #21, benchmarks/README.md "Thirtieth round: an outlet's undated
page read across runs (dedupe48)"). An earlier run's profile is stored without its body, and the past is read in
words: the bodies of exactly the earlier documents the reading needs are fetched. The passages are fresh19's
kc7e39ac, as in test_told_after."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfacts.dedupe.batch import dedupe_batch
from newsfacts.dedupe.index import InMemoryIndex
from tests.dedupe.test_published_apart import _story_of
from tests.dedupe.test_told_after import _documents, _warehouse

pytestmark = pytest.mark.unit

STORY = ["original", "restyled_objective", "reordered", "restyled_neutral"]
ORDERS = {"the follow-up in a later run": [STORY, ["follow_up"]],
          "the page in a later run": [["restyled_objective", "reordered", "restyled_neutral", "follow_up"],
                                      ["original"]],
          "one run each, the page last": [[name] for name in [*STORY[1:], "follow_up", "original"]]}


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_the_bbcs_next_story_leaves_the_story_of_its_undated_page_in_every_arrival_order(kind, order):
    story = _story_of(kind, _warehouse(), ORDERS[order], _documents())
    assert story["original"] == story["restyled_objective"] == story["reordered"] == story["restyled_neutral"]
    assert story["follow_up"] != story["original"]


@pytest.mark.parametrize("order", ORDERS)
def test_another_outlets_story_two_days_on_keeps_its_link_in_every_arrival_order(order):
    """The nearest negative: the page is of the BBC, the follow-up credited to another outlet."""
    docs = _documents(follow_up_outlet="Nordic Times Online")
    story = _story_of("duckdb", _warehouse(), ORDERS[order], docs)
    assert story["follow_up"] == story["original"] == story["restyled_objective"]


@pytest.mark.parametrize("order", ORDERS)
def test_a_rewrite_whose_lead_retells_the_page_keeps_its_link_in_every_arrival_order(order):
    """The nearest negative of the text: the headline-first reorder, credited to the BBC itself, opens with the
    page's end; read with both bodies, it is not placed after the page, so it stays in the page's story."""
    docs = _documents()
    docs["reordered"] = replace(docs["reordered"], outlet="BBC News")
    story = _story_of("duckdb", _warehouse(), ORDERS[order], docs)
    assert story["reordered"] == story["original"] == story["restyled_objective"]
    assert story["follow_up"] != story["original"]


class _BodiesRead(InMemoryIndex):
    """An index that records each fetch of bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[list[str]] = []

    def fetch(self, doc_ids, bodies=True):
        found = super().fetch(doc_ids, bodies)
        if bodies:
            self.fetches.append(sorted(d.doc_id for d in found))
        return found


@pytest.mark.parametrize("follow_up_outlet, fetched", [("BBC News", [["original"]]),
                                                        ("Nordic Times Online", [["restyled_neutral"]])])
def test_a_later_run_reads_the_body_of_its_outlets_undated_page_alone(follow_up_outlet, fetched):
    """Of the four earlier documents, only the BBC's undated page is read in full, in one fetch, and counted in
    bodies_read. Another outlet's story reads none for the text: one body, its link's evidence (its story's
    original)."""
    docs, index = _documents(follow_up_outlet), _BodiesRead()
    first = [docs[n] for n in STORY]
    index.publish(first, dedupe_batch(first, index, "run-1"))
    index.fetches.clear()
    result = dedupe_batch([docs["follow_up"]], index, "run-2")
    assert index.fetches == fetched
    assert result.stats["bodies_read"] == 1
    assert (result.assignments["follow_up"].duplicate_of is None) == (follow_up_outlet == "BBC News")
