"""Dedupe stage: exact copies, syndicated copies and paraphrased rewrites, linked into story clusters."""

from newsfacts.dedupe.batch import Assignment, DedupeResult, ProfileCache, dedupe_batch
from newsfacts.dedupe.index import CandidateIndex, DuckDBCandidateIndex, IndexedDoc, InMemoryIndex, Membership
from newsfacts.dedupe.verify import Thresholds

__all__ = [
    "Assignment",
    "CandidateIndex",
    "DedupeResult",
    "DuckDBCandidateIndex",
    "IndexedDoc",
    "InMemoryIndex",
    "Membership",
    "ProfileCache",
    "Thresholds",
    "dedupe_batch",
]
