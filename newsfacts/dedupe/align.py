"""Order-preserving sentence alignment of two documents, with IDF-weighted stem overlap as sentence similarity."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from newsfacts.dedupe.text import Profile


@dataclass(frozen=True)
class Alignment:
    pairs: list[tuple[int, int, float]]  # (sentence in a, sentence in b, similarity), in order
    weights_a: list[float]  # IDF content weight of each sentence of a
    weights_b: list[float]


def _idf(a: Profile, b: Profile) -> dict[str, float]:
    """Sentence-level IDF inside the pair: the story's recurring names weigh little, specific words a lot."""
    df = Counter(stem for p in (a, b) for s in p.stems for stem in s)
    n = len(a.stems) + len(b.stems)
    return {stem: math.log((n + 1) / (count + 0.5)) for stem, count in df.items()}


def similarity_matrix(a: Profile, b: Profile, idf: dict[str, float]) -> list[list[float]]:
    """Weighted cosine of stem sets; sentences with almost no content score 0 so they never anchor an alignment."""
    weight_a, weight_b = _weights(a, idf), _weights(b, idf)
    matrix = []
    for sa, wa in zip(a.stems, weight_a):
        row = []
        for sb, wb in zip(b.stems, weight_b):
            shared = sa & sb
            row.append(sum(idf[w] for w in shared) / math.sqrt(wa * wb) if shared and len(shared) >= 2 else 0.0)
        matrix.append(row)
    return matrix


def align(a: Profile, b: Profile, threshold: float) -> Alignment:
    """Best monotone one-to-one alignment of sentences whose similarity reaches threshold (weighted LCS)."""
    idf = _idf(a, b)
    sim = similarity_matrix(a, b, idf)
    n, m = len(a.stems), len(b.stems)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        row, above, sim_row = best[i], best[i - 1], sim[i - 1]
        for j in range(1, m + 1):
            s = sim_row[j - 1]
            diagonal = above[j - 1] + s if s >= threshold else -1.0
            row[j] = max(above[j], row[j - 1], diagonal)
    pairs = []
    i, j = n, m
    while i and j:
        s = sim[i - 1][j - 1]
        if s >= threshold and best[i][j] == best[i - 1][j - 1] + s:
            pairs.append((i - 1, j - 1, s))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return Alignment(pairs, _weights(a, idf), _weights(b, idf))


def _weights(profile: Profile, idf: dict[str, float]) -> list[float]:
    return [sum(idf[w] for w in s) for s in profile.stems]

