"""Ground-truth labels of the dedupe quality benchmark on a generated corpus: by document, by the levels' definitions."""

from __future__ import annotations

import pytest

from benchmarks.dedupe_quality import corpus_labels, corpus_pairs
from tests.dedupe.seeds import document, seeds

pytestmark = pytest.mark.integration


def _record(path: str, role: str, source: str | None = None) -> dict:
    return {"path": path, "story_id": "story-000001", "role": role, "source": source, "follows": None}


def test_a_copy_of_a_source_whose_bytes_another_file_repeats_is_still_labelled():
    body = seeds()["001"].body
    source = document("a" * 16, body, source_path="000_exact_copy.txt")  # staging kept the copy's path
    syndicated = document("b" * 16, body.replace("Kim", "Kim Jong Un", 1), source_path="002_syndicated.txt")
    truth = [_record("001_original.txt", "original"), _record("000_exact_copy.txt", "exact_copy", "001_original.txt"),
             _record("002_syndicated.txt", "syndicated_copy", "001_original.txt")]
    doc_of = {"000_exact_copy.txt": source.doc_id, "001_original.txt": source.doc_id, "002_syndicated.txt": syndicated.doc_id}
    labels = corpus_labels(corpus_pairs([source, syndicated], truth, doc_of))
    assert labels == [{"doc": syndicated.doc_id, "other": source.doc_id, "relation": "near_exact"}]


def test_a_syndicated_copy_that_kept_every_word_is_labelled_exact():
    body = seeds()["002"].body
    source, copy = document("c" * 16, body), document("d" * 16, body.replace("’", "'"))
    truth = [_record("src.txt", "original"), _record("copy.txt", "syndicated_copy", "src.txt")]
    labels = corpus_labels(corpus_pairs([source, copy], truth, {"src.txt": source.doc_id, "copy.txt": copy.doc_id}))
    assert labels == [{"doc": copy.doc_id, "other": source.doc_id, "relation": "exact"}]
