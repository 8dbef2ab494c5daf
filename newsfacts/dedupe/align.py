"""Order-preserving sentence alignment of two documents, with IDF-weighted stem overlap as sentence similarity."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from newsfacts.dedupe.text import Profile

_NONE = (-math.inf, 0)  # an empty slot of the chain tree: below every (weight, -index) key


@dataclass(frozen=True)
class Alignment:
    pairs: list[tuple[int, int, float]]  # (sentence in a, sentence in b, similarity), in order
    # Weight of the chain over that of the best one-to-one matching of similar sentences in any order: 1.0 when
    # every sentence the two share is shared in the same order (a retelling), low when they tell shared statements
    # in orders of their own (two reports of one event).
    in_order: float = 1.0


def similarity_matrix(a: Profile, b: Profile) -> np.ndarray:
    """Weighted cosine of the sentences' stem sets, IDF taken over the pair's sentences so the story's recurring
    names weigh little and specific words a lot; pairs sharing fewer than two stems score 0 (a lone name is chance).
    Only sentence pairs that share a stem are visited: one sort of both documents' (sentence, stem) incidences,
    no dense matrix product (BLAS threads cost more than they save on matrices this small, and take cores from
    the other stages)."""
    rows_a, rows_b, size = a.sentence_count, b.sentence_count, len(a.stem_ids)
    ids = np.concatenate([a.stem_ids, b.stem_ids])
    if not len(ids):
        return np.zeros((rows_a, rows_b))
    order = np.argsort(ids, kind="stable")  # stable: within one stem, a's sentences come before b's
    ids, rows, from_a = ids[order], np.concatenate([a.stem_rows, b.stem_rows])[order], order < size
    first = np.concatenate([[True], ids[1:] != ids[:-1]])
    stem, starts = np.cumsum(first) - 1, np.flatnonzero(first)
    in_a = np.bincount(stem[from_a], minlength=len(starts))
    in_b = np.bincount(stem[~from_a], minlength=len(starts))
    idf = np.log((rows_a + rows_b + 1) / (in_a + in_b + 0.5))
    weight_a = np.bincount(rows[from_a], weights=idf[stem[from_a]], minlength=rows_a)
    weight_b = np.bincount(rows[~from_a], weights=idf[stem[~from_a]], minlength=rows_b)
    # Every (sentence of a, sentence of b) sharing a stem, once per shared stem, as a flat cell index.
    per_stem = in_a * in_b
    shared_stem = np.repeat(np.arange(len(starts)), per_stem)
    offset = np.arange(per_stem.sum()) - np.repeat(np.cumsum(per_stem) - per_stem, per_stem)
    row_a = rows[starts[shared_stem] + offset // in_b[shared_stem]]
    row_b = rows[starts[shared_stem] + in_a[shared_stem] + offset % in_b[shared_stem]]
    cells = row_a * rows_b + row_b
    counts = np.bincount(cells, minlength=rows_a * rows_b).reshape(rows_a, rows_b)
    shared = np.bincount(cells, weights=idf[shared_stem], minlength=rows_a * rows_b).reshape(rows_a, rows_b)
    norm = np.sqrt(np.outer(weight_a, weight_b))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where((counts >= 2) & (norm > 0), shared / norm, 0.0)


def align(a: Profile, b: Profile, threshold: float, similarity: np.ndarray | None = None) -> Alignment:
    """Best monotone one-to-one alignment of similar sentences: the heaviest chain increasing in both documents
    (`similarity`: the pair's similarity_matrix, when the caller has it already)."""
    similarity = similarity_matrix(a, b) if similarity is None else similarity
    pairs = heaviest_chain(similarity, threshold)
    return Alignment(pairs, in_order(similarity, pairs, threshold))


def in_order(similarity: np.ndarray, chain: list[tuple[int, int, float]], threshold: float) -> float:
    """The chain's weight over the heaviest one-to-one matching of cells >= threshold, order ignored."""
    if not chain:
        return 1.0
    weights = np.where(similarity >= threshold, similarity, 0.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return min(1.0, sum(s for _, _, s in chain) / weights[rows, cols].sum())


def heaviest_chain(similarity: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """The heaviest chain of cells >= threshold strictly increasing in row and column, in O(M log M) for M such
    cells; ties go to the chain whose cells come first in row-major order. Cells are taken row by row, and a
    Fenwick tree over columns holds the best chain ending in an earlier row at or left of each column."""
    rows, cols = np.nonzero(similarity >= threshold)
    matches = list(zip(rows.tolist(), cols.tolist(), similarity[rows, cols].tolist()))
    tree = [_NONE] * (similarity.shape[1] + 1)
    best: list[float] = []
    back: list[int] = []
    row_start = 0
    for k, (i, j, s) in enumerate(matches):
        if i != matches[row_start][0]:
            _insert(tree, matches, best, row_start, k)
            row_start = k
        weight, neg_prior = _prefix_best(tree, j)
        found = weight != -math.inf
        best.append(s + (weight if found else 0.0))
        back.append(-neg_prior if found else -1)
    pairs = []
    k = max(range(len(matches)), key=lambda m: (best[m], -m), default=-1)
    while k >= 0:
        pairs.append(matches[k])
        k = back[k]
    pairs.reverse()
    return pairs


def _prefix_best(tree: list, column: int) -> tuple:
    """The best (weight, -index) key among chains ending in a column < column."""
    found, position = _NONE, column
    while position > 0:
        if tree[position] > found:
            found = tree[position]
        position -= position & -position
    return found


def _insert(tree: list, matches, best, start: int, stop: int) -> None:
    """Add the chains ending at matches[start:stop] (one row) to the tree."""
    for k in range(start, stop):
        key, position = (best[k], -k), matches[k][1] + 1
        while position < len(tree):
            if key > tree[position]:
                tree[position] = key
            position += position & -position
