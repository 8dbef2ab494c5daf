"""Stored verifier profiles (dedupe_profiles) as Arrow tables, rebuilt in bulk: a batch's earlier candidates are read
back with a few array operations per column, not profiled again from their bodies."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.dedupe.text import MARKS, PROFILE_VERSION, Profile, term_id

SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("version", pa.string()), ("sentence_count", pa.int32()),
    ("stems", pa.list_(pa.string())), ("stem_sentences", pa.list_(pa.int32())),
    ("specifics", pa.list_(pa.string())), ("specific_sentences", pa.list_(pa.int32())),
    ("shingles", pa.list_(pa.int64())), ("text_hash", pa.uint64()), ("arrival", pa.int64()),
])


def table(rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def load(stored: pa.Table, bodies: dict[str, str]) -> dict[str, Profile]:
    """Profiles of the stored rows of this version whose document body is given; others are left out (the caller
    profiles those documents from their bodies)."""
    stored = stored.filter(pc.equal(stored["version"], PROFILE_VERSION))
    stored = stored.filter(pc.is_in(stored["doc_id"], pa.array(list(bodies), pa.string())))
    if not stored.num_rows:
        return {}
    stem_ids, stem_at = _interned(stored["stems"])
    stem_rows, _ = _flat(stored["stem_sentences"])
    specific_ids, specific_at = _interned(stored["specifics"])
    specific_rows, _ = _flat(stored["specific_sentences"])
    # The openers, spelled figures, words in capitals, quoted speakers and quoted stems stand after a row's specifics, marked (Profile.row): split
    # them off, row by row. kind: 0 for a specific, 1 + the mark's place in MARKS for the others.
    flat = stored["specifics"].combine_chunks().flatten()
    kind = np.zeros(len(flat), dtype=np.int64)
    for k, mark in enumerate(MARKS, start=1):
        kind[pc.starts_with(flat, mark).to_numpy(zero_copy_only=False).astype(bool)] = k
    parts = {}
    for k in range(len(MARKS) + 1):
        chosen = kind == k
        before = np.concatenate([[0], np.cumsum(chosen)])  # entries of this kind before each flat position
        parts[k] = (specific_ids[chosen], specific_rows[chosen], before[specific_at])
    shingles, shingle_at = _flat(stored["shingles"])
    out = {}
    columns = zip(stored["doc_id"].to_pylist(), stored["sentence_count"].to_pylist(), stored["text_hash"].to_pylist())
    for k, (doc_id, sentence_count, hashed) in enumerate(columns):
        stems = slice(stem_at[k], stem_at[k + 1])
        (specific, specific_rows_, opener, opener_rows, spelled, spelled_rows, shouted, shouted_rows,
         speaker, speaker_rows, quote, quote_rows, quote_word, quote_word_rows) = (
            column[at[k] : at[k + 1]] for ids, rows, at in parts.values() for column in (ids, rows))
        out[doc_id] = Profile(
            body=bodies[doc_id], sentence_count=sentence_count,
            stem_rows=stem_rows[stems], stem_ids=stem_ids[stems],
            specific_rows=specific_rows_, specific_ids=specific,
            opener_rows=opener_rows, opener_ids=opener,
            spelled_rows=spelled_rows, spelled_ids=spelled, shouted_rows=shouted_rows, shouted_ids=shouted,
            speaker_rows=speaker_rows, speaker_ids=speaker, quote_rows=quote_rows, quote_ids=quote,
            quote_word_rows=quote_word_rows, quote_word_ids=quote_word,
            shingles=shingles[shingle_at[k] : shingle_at[k + 1]], text_hash=hashed,
        )
    return out


def _flat(column: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """All rows' list values end to end (int64), and where each row's start: row k is values[at[k]:at[k + 1]]."""
    lists = column.combine_chunks()
    offsets = lists.offsets.to_numpy()
    values = lists.flatten().to_numpy(zero_copy_only=False).astype(np.int64)
    return values, offsets - offsets[0]


def _interned(column: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """As _flat, with each string replaced by its term id (a marked one's without its mark, see MARKS): only the
    distinct strings are looked up one by one."""
    lists = column.combine_chunks()
    offsets = lists.offsets.to_numpy()
    encoded = pc.dictionary_encode(lists.flatten())
    ids = np.fromiter((term_id(t[1:] if t[:1] in MARKS else t) for t in encoded.dictionary.to_pylist()), dtype=np.int64,
                      count=len(encoded.dictionary))
    return ids[encoded.indices.to_numpy(zero_copy_only=False)], offsets - offsets[0]
