"""Dedupe stage: exact copies, syndicated copies and paraphrased rewrites, linked into story clusters."""

from newsfacts.dedupe.batch import Assignment, DedupeResult, dedupe_batch
from newsfacts.dedupe.index import (CandidateIndex, DuckDBCandidateIndex, IndexedDoc, InMemoryIndex, Membership,
                                    reband, stale_documents)
from newsfacts.dedupe.prepare import Prepared
from newsfacts.dedupe.verify import Thresholds

__all__ = [
    "Assignment",
    "CandidateIndex",
    "DedupeResult",
    "DuckDBCandidateIndex",
    "IndexedDoc",
    "InMemoryIndex",
    "Membership",
    "Prepared",
    "Thresholds",
    "dedupe_batch",
    "reband",
    "stale_documents",
]
