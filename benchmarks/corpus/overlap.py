"""How alike derived files are to their sources in word shingles: the measure near-duplicate detectors use."""

from __future__ import annotations

import re

from benchmarks.corpus.writer import documents


def shingle_jaccard(a: str, b: str, k: int = 5) -> float:
    """Jaccard similarity of the two texts' k-word shingles (lower-cased words)."""

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}

    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y) if x | y else 1.0


def overlap(n: int, seed: int = 0) -> dict[str, list[float]]:
    """5-word shingle Jaccard of each derived body against its source's, and of independent reports against
    their story's original: how hard each kind is for shingle-based near-duplicate detection."""
    scores: dict[str, list[float]] = {}
    original = None  # a story's reports come together, its original first
    for entry, doc, source in documents(n, seed):
        if entry.role == "original":
            original = doc
        elif entry.role == "independent_report":
            scores.setdefault("independent_report", []).append(shingle_jaccard(doc.body, original.body))
        if source is not None and entry.role != "exact_copy":
            scores.setdefault(entry.role, []).append(shingle_jaccard(doc.body, source.body))
    return scores


def summary(values: list[float]) -> str:
    v = sorted(values)
    at = lambda q: v[min(len(v) - 1, int(q * len(v)))]  # noqa: E731
    points = {"min": v[0], "p25": at(0.25), "median": at(0.5), "p75": at(0.75), "p95": at(0.95), "max": v[-1]}
    return f"n={len(v)} " + " ".join(f"{name}={value:.3f}" for name, value in points.items())
