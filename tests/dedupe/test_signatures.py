"""The vectorised MinHash behaves as MinHash: signatures agree as often as sets overlap, bands collide as LSH
predicts, and the values are pinned (they are persisted in lsh_bands)."""

from __future__ import annotations

import numpy as np
import pytest

from newsfacts.dedupe.signatures import FAMILIES, minhash

pytestmark = pytest.mark.unit

NAMES = next(f for f in FAMILIES if f.name == "names")


def pairs_with_jaccard(jaccard: float, count: int, union: int = 200, seed: int = 7):
    """`count` pairs of random 64-bit token sets whose Jaccard similarity is exactly `jaccard`."""
    rng = np.random.default_rng(seed)
    shared = round(jaccard * union)
    only = (union - shared) // 2
    for _ in range(count):
        tokens = rng.integers(-(2**63), 2**63 - 1, size=shared + 2 * only, dtype=np.int64)
        yield tokens[: shared + only], np.concatenate([tokens[:shared], tokens[shared + only :]])


@pytest.mark.parametrize("jaccard", [0.1, 0.35, 0.6, 0.9])
def test_the_share_of_equal_minima_estimates_the_jaccard_similarity(jaccard):
    agree = [np.mean(minhash(a, 64) == minhash(b, 64)) for a, b in pairs_with_jaccard(jaccard, 100)]
    assert np.mean(agree) == pytest.approx(jaccard, abs=0.03)  # standard error 0.006 over 6,400 minima


@pytest.mark.parametrize("jaccard", [0.05, 0.2, 0.35])
def test_two_documents_share_a_names_bucket_as_often_as_lsh_predicts(jaccard):
    def share_a_band(a, b):
        rows_a = minhash(a, NAMES.bands * NAMES.rows).reshape(NAMES.bands, NAMES.rows)
        rows_b = minhash(b, NAMES.bands * NAMES.rows).reshape(NAMES.bands, NAMES.rows)
        return bool((rows_a == rows_b).all(axis=1).any())

    predicted = 1 - (1 - jaccard**NAMES.rows) ** NAMES.bands
    found = np.mean([share_a_band(a, b) for a, b in pairs_with_jaccard(jaccard, 300)])
    assert found == pytest.approx(predicted, abs=0.06)  # standard error <= 0.03 over 300 pairs


def test_signatures_do_not_move_between_processes_or_releases():
    # Pinned: a change here must come with a new signatures.VERSION, or stored bands stop matching new ones.
    assert minhash(np.array([1, 2, -3], dtype=np.int64), 4).tolist() == [906813424, 1252860342, 488863823, 81438212]
    assert minhash(np.zeros(0, dtype=np.int64), 4) is None
