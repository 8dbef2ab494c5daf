"""Whatever order documents arrive in, clusters stay trees rooted at an original that is not a rewrite."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest

from newsfacts.dedupe import InMemoryIndex, dedupe_batch
from tests.dedupe.seeds import seeds

pytestmark = pytest.mark.unit


def story_family() -> list:
    docs = seeds()
    source, rewrite, other = docs["001"], docs["004"], docs["002"]
    source = replace(source, published_date=date(2023, 9, 12))  # the copies below are undated
    exact = replace(source, doc_id="exact00000000000", published_date=None)
    paragraphs = source.body.split("\n\n")
    syndicated = replace(source, doc_id="synd000000000000", published_date=None,
                         body="\n\n".join(["Advertisement", *paragraphs[:-2]]))
    return [source, exact, syndicated, rewrite, other]


def run_in_two_runs(docs, first_run: set[str]) -> dict:
    index, state = InMemoryIndex(), {}
    for run_id, batch in (("run-1", [d for d in docs if d.doc_id in first_run]),
                          ("run-2", [d for d in docs if d.doc_id not in first_run])):
        if batch:
            result = dedupe_batch(batch, index, run_id)
            index.publish(batch, result)
            state.update(result.assignments)
    return state


def test_any_arrival_order_gives_one_tree_rooted_at_the_source():
    docs = story_family()
    source, rewrite, other = docs[0].doc_id, docs[3].doc_id, docs[4].doc_id
    for mask in itertools.product((True, False), repeat=4):  # which of the story's four documents come first
        first_run = {d.doc_id for d, early in zip(docs, mask) if early} | {other}
        state = run_in_two_runs(docs, first_run)
        assert state[other].cluster_id == other and state[other].duplicate_of is None, first_run
        family = [d.doc_id for d in docs[:4]]
        assert {state[d].cluster_id for d in family} == {source}, first_run
        assert state[source].duplicate_of is None and state[rewrite].duplicate_level == "rewrite", first_run
        for doc_id in family:
            seen, node = set(), doc_id
            while state[node].duplicate_of:
                assert node not in seen, f"loop through {node} when {first_run} came first"
                seen.add(node)
                node = state[node].duplicate_of
            assert node == source
