"""Order-preserving sentence alignment of two documents, with IDF-weighted stem overlap as sentence similarity."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsfacts.dedupe.text import Profile


@dataclass(frozen=True)
class Alignment:
    pairs: list[tuple[int, int, float]]  # (sentence in a, sentence in b, similarity), in order


def similarity_matrix(a: Profile, b: Profile) -> np.ndarray:
    """Weighted cosine of the sentences' stem sets, IDF taken over the pair's sentences so the story's recurring
    names weigh little and specific words a lot; pairs sharing fewer than two stems score 0 (a lone name is chance)."""
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


def align(a: Profile, b: Profile, threshold: float) -> Alignment:
    """Best monotone one-to-one alignment of similar sentences: the heaviest chain increasing in both documents."""
    similarity = similarity_matrix(a, b)
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
    return Alignment(pairs)
