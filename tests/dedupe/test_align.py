"""The sparse similarity matrix and the O(M log M) chain give exactly what the dense matrix and the quadratic DP did."""

from __future__ import annotations

import csv
from itertools import combinations
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
import pytest

from newsfacts.dedupe.align import align, heaviest_chain, similarity_matrix
from newsfacts.dedupe.text import Profile
from tests.dedupe.seeds import seeds

pytestmark = pytest.mark.unit

EVAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_eval"


def reference_matrix(a: Profile, b: Profile) -> np.ndarray:
    """The original dense implementation: incidence matrices and a matrix product."""
    vocabulary = np.union1d(a.stem_ids, b.stem_ids)
    if not len(vocabulary):
        return np.zeros((len(a.stems), len(b.stems)))
    cols_a, cols_b = np.searchsorted(vocabulary, a.stem_ids), np.searchsorted(vocabulary, b.stem_ids)
    df = np.bincount(np.concatenate([cols_a, cols_b]), minlength=len(vocabulary))
    idf = np.log((len(a.stems) + len(b.stems) + 1) / (df + 0.5))
    in_a = np.zeros((len(a.stems), len(vocabulary)))
    in_a[a.stem_rows, cols_a] = 1.0
    in_b = np.zeros((len(b.stems), len(vocabulary)))
    in_b[b.stem_rows, cols_b] = 1.0
    shared = (in_a * idf) @ in_b.T
    counts = in_a @ in_b.T
    norm = np.sqrt(np.outer(in_a @ idf, in_b @ idf))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((counts >= 2) & (norm > 0), shared / norm, 0.0)


def reference_chain(similarity: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """The original quadratic DP over matches in row-major order."""
    matches = [(int(i), int(j), float(similarity[i, j])) for i, j in zip(*np.nonzero(similarity >= threshold))]
    best: list[float] = []
    back: list[int] = []
    for k, (i, j, s) in enumerate(matches):
        prior = max((p for p in range(k) if matches[p][0] < i and matches[p][1] < j), key=best.__getitem__, default=-1)
        best.append(s + (best[prior] if prior >= 0 else 0.0))
        back.append(prior)
    pairs = []
    k = max(range(len(matches)), key=best.__getitem__, default=-1)
    while k >= 0:
        pairs.append(matches[k])
        k = back[k]
    pairs.reverse()
    return pairs


def eval_profiles() -> dict[str, Profile]:
    out = {}
    for path in sorted((EVAL / "docs").glob("*.txt")):
        out[path.stem] = Profile.of(path.read_text(encoding="utf-8").split("---\n", 1)[1])
    return out


def eval_pairs() -> list[tuple[Profile, Profile]]:
    profiles = eval_profiles()
    with (EVAL / "labels.csv").open(encoding="utf-8") as f:
        labelled = [(profiles[row["doc"]], profiles[row["other"]]) for row in csv.DictReader(f)
                    if row["doc"] in profiles and row["other"] in profiles]
    seed_profiles = [Profile.of(doc.body) for doc in seeds().values()]
    return labelled + list(combinations(seed_profiles, 2))


def assert_same_alignment(a: Profile, b: Profile, threshold: float) -> None:
    expected = reference_chain(reference_matrix(a, b), threshold)
    found = align(a, b, threshold).pairs
    assert [(i, j) for i, j, _ in found] == [(i, j) for i, j, _ in expected]
    assert np.allclose([s for *_, s in found], [s for *_, s in expected], rtol=0, atol=1e-12)


def test_sparse_similarity_matrix_equals_the_dense_one_on_seeds_and_eval_pairs():
    pairs = eval_pairs()
    assert len(pairs) >= 40
    for a, b in pairs:
        np.testing.assert_allclose(similarity_matrix(a, b), reference_matrix(a, b), rtol=0, atol=1e-12)


def test_alignment_equals_the_quadratic_reference_on_seeds_and_eval_pairs():
    aligned = 0
    for a, b in eval_pairs():
        for threshold in (0.4, 0.9):
            assert_same_alignment(a, b, threshold)
        aligned += bool(align(a, b, 0.4).pairs)
    assert aligned >= 20  # the comparison is about real chains, not empty ones


def test_alignment_of_a_document_with_itself_is_the_diagonal():
    profile = Profile.of(seeds()["001"].body)
    pairs = align(profile, profile, 0.4).pairs
    content = [i for i, stems in enumerate(profile.stems) if len(stems) >= 2]
    assert [(i, j) for i, j, _ in pairs] == [(i, i) for i in content]


def test_empty_and_stemless_documents_align_to_nothing():
    empty, words = Profile.of(""), Profile.of("The. A. It.")
    assert align(empty, words, 0.4).pairs == [] and align(words, Profile.of(seeds()["002"].body), 0.4).pairs == []


# Few distinct values, so that equal-weight chains (the tie-breaking) come up often.
_cells = st.sampled_from([0.0, 0.1, 0.4, 0.5, 0.5, 0.75, 1.0]) | st.floats(0.0, 1.0)


@settings(max_examples=300, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(0, 9), st.integers(0, 9)), elements=_cells),
       st.sampled_from([0.0, 0.4, 0.5, 0.9]))
def test_chain_equals_the_quadratic_reference_on_any_matrix(similarity, threshold):
    assert heaviest_chain(similarity, threshold) == reference_chain(similarity, threshold)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_chain_equals_the_reference_on_large_sparse_matrices(seed):
    rng = np.random.default_rng(seed)
    similarity = np.where(rng.random((60, 50)) < 0.15, rng.choice([0.45, 0.6, 1.0], (60, 50)), 0.0)
    assert heaviest_chain(similarity, 0.4) == reference_chain(similarity, 0.4)


def test_sentences_shared_in_the_same_order_are_all_in_order_and_shuffled_ones_are_not():
    body = seeds()["001"].body
    sentences = Profile.of(body).sentences
    shuffled = [sentences[k] for k in np.random.default_rng(7).permutation(len(sentences))]
    assert align(Profile.of(body), Profile.of(body), 0.4).in_order == 1.0
    assert align(Profile.of(body), Profile.of("\n\n".join(shuffled)), 0.4).in_order < 0.5
