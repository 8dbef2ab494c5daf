"""Bulk shared-stem counts: the same numbers as comparing the documents' stem sets one pair at a time."""

import pyarrow as pa
import pytest

from newsfacts.dedupe import vocabulary
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import overlap, stem_overlap
from tests.dedupe.seeds import eval_bodies, seeds

pytestmark = pytest.mark.unit


def test_shared_stem_counts_match_the_verifiers_overlap_on_the_seeds():
    profiles = {d.doc_id: Profile.of(d.body) for d in seeds().values()}
    table = vocabulary.table({d: vocabulary.stems_of(p) for d, p in profiles.items()})
    everyone = {d: [o for o in profiles if o != d] for d in profiles}
    shared = vocabulary.shared_stems(table, table, everyone)
    assert len(shared) == 20
    for (a, b), (n, size_a, size_b) in shared.items():
        assert overlap(n, size_a, size_b) == stem_overlap(profiles[a], profiles[b])


def test_pairs_without_a_vocabulary_on_either_side_are_left_out():
    left = vocabulary.table({"a": ["kim", "putin", "summit"]})
    # The earlier side as the warehouse returns it: several chunks, one of them a slice.
    right = pa.Table.from_batches([
        pa.RecordBatch.from_pylist([{"doc_id": "x", "stems": ["putin"]}, {"doc_id": "b", "stems": ["kim", "rocket"]}],
                                   schema=vocabulary.SCHEMA).slice(1),
        pa.RecordBatch.from_pylist([{"doc_id": "c", "stems": []}], schema=vocabulary.SCHEMA),
    ])
    shared = vocabulary.shared_stems(left, right, {"a": ["b", "c", "gone"], "unknown": ["b"]})
    assert shared == {("a", "b"): (1, 3, 2), ("a", "c"): (0, 3, 0)}


def test_gathered_pairs_and_the_product_count_the_same_stems(monkeypatch):
    # The seeds against each other and the seeds against the labelled evaluation set, some pairs only: the
    # counts must not depend on which way shared_stems chose to compute them.
    bodies = {d.doc_id: d.body for d in seeds().values()} | eval_bodies()
    profiles = {doc_id: Profile.of(body) for doc_id, body in bodies.items()}
    table = vocabulary.table({d: vocabulary.stems_of(p) for d, p in profiles.items()})
    ids = sorted(profiles)
    pairs = {a: ids[k % 7 :: 5] for k, a in enumerate(ids)}
    answers = []
    for cost in (0, 10**12):  # always gather, then always the product
        monkeypatch.setattr(vocabulary, "_GATHER_COST", cost)
        monkeypatch.setattr(vocabulary, "_GATHER_STEMS", 4_000)  # several slices, the last one short
        monkeypatch.setattr(vocabulary, "_PRODUCT_CELLS", 50)  # several blocks of left rows
        answers.append(vocabulary.shared_stems(table, table, pairs))
    assert answers[0] == answers[1]
    assert len(answers[0]) == sum(map(len, pairs.values()))
    monkeypatch.setattr(vocabulary, "_GATHER_STEMS", 10**12)  # and in one slice, one block
    monkeypatch.setattr(vocabulary, "_PRODUCT_CELLS", 10**12)
    assert vocabulary.shared_stems(table, table, pairs) == answers[0]
    for (a, b), (n, size_a, size_b) in answers[0].items():
        assert overlap(n, size_a, size_b) == stem_overlap(profiles[a], profiles[b])


def test_the_pairs_are_gathered_in_slices_of_bounded_stems_that_cover_them_all_once():
    import numpy as np

    weights = np.array([3, 3, 3, 10, 1, 1, 1])
    slices = vocabulary._slices(weights, 6)
    assert [(s.start, s.stop) for s in slices] == [(0, 2), (2, 3), (3, 4), (4, 7)]  # the heavy one alone
    assert vocabulary._slices(np.array([], dtype=int), 6) == []
