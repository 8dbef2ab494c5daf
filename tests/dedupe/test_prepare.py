"""Profiles, bands and stems prepared where documents are parsed (another process, other term ids) give dedupe the
same result as computing them in the dedupe process."""

from __future__ import annotations

import pickle

import pytest

from newsfacts.dedupe import InMemoryIndex, Prepared, dedupe_batch
from tests.dedupe.seeds import seeds
from tests.dedupe.test_dedupe_batch import parsed_seeds

pytestmark = pytest.mark.unit


def _result(docs, prepared=None):
    result = dedupe_batch(docs, InMemoryIndex(), "run-1", prepared=prepared)
    return result.pairs, result.assignments, result.bands, result.vocabulary, result.profiles


def test_prepared_documents_dedupe_exactly_as_documents_profiled_here():
    docs = list(parsed_seeds().values()) + list(seeds().values())
    # Prepared in two parse batches, sent through pickle as a worker's result is, merged in the flow's order.
    parts = [pickle.loads(pickle.dumps(Prepared.of(part))) for part in (docs[:4], docs[4:])]
    assert _result(docs, Prepared.merge(parts)) == _result(docs)


def test_documents_the_preparation_does_not_cover_are_profiled_here():
    docs = list(parsed_seeds().values())
    assert _result(docs, Prepared.of(docs[:2])) == _result(docs)
    assert Prepared.merge([]).covers([]) and not Prepared.merge([]).covers(docs)
