"""Content-stem vocabularies as Arrow tables (doc_id, stems), and how many stems pairs of documents share, in bulk."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy.sparse import csr_matrix

from newsfacts.dedupe.text import Profile

SCHEMA = pa.schema([("doc_id", pa.string()), ("stems", pa.list_(pa.string()))])
# A gathered pair costs about four times a product's multiply-add per stem it reads (measured on a 500-document
# batch: 21.5M gathered stems 0.63 s against a 272M-step product 1.76 s; 62M gathered 1.06 s against 17M 0.38 s).
_GATHER_COST = 4
# Stems gathered at a time (both rows of every pair of the slice). Gathered 100,000 pairs at a time, the rows came
# to ~42M stems on the generated 10k (1,000 new documents, 100 earlier candidates each, ~210 stems a document):
# ~800 MB of Python heap (the two gathered matrices, their element-wise product, scipy's index copies), most of
# the flow's peak at 10k, against 40 MB before and after. 2M stems hold ~40 MB, whatever the documents' lengths;
# the slices cost nothing measurable (the same 100,000 pairs in 21 slices: 3.0 s against 3.0 s).
_GATHER_STEMS = 2_000_000
# Cells (left rows x right rows) of the product made at a time: common stems make it nearly dense, so whole it
# grew with the batch times its candidates. In blocks of left rows it holds ~20 MB at a time, for the same counts.
_PRODUCT_CELLS = 2_000_000


def stems_of(profile: Profile) -> list[str]:
    """The document's vocabulary as dedupe_vocabulary keeps it: what verify.stem_overlap compares, sorted."""
    return sorted(profile.stem_df)


def table(vocabularies: dict[str, list[str]]) -> pa.Table:
    return pa.table({"doc_id": list(vocabularies), "stems": list(vocabularies.values())}, schema=SCHEMA)


def shared_stems(left: pa.Table, right: pa.Table, pairs: dict[str, Iterable[str]]
                 ) -> dict[tuple[str, str], tuple[int, int, int]]:
    """For each (left id, right id) pair with both vocabularies at hand: stems shared, left size, right size.

    The two documents-by-stems incidence matrices are built with the stems matched as Arrow dictionary codes, so no
    stem string passes through Python; then whichever is cheaper of two ways (see _GATHER_COST) counts the shared
    stems: their sparse product, which scores every left document against every right one, or the wanted pairs'
    rows gathered and multiplied element by element. A batch against its earlier candidates wants ~1% of the
    product (500 documents x 100 candidates of ~8,000), so the product's work would grow with the warehouse.
    """
    left_rows = {doc_id: k for k, doc_id in enumerate(left.column("doc_id").to_pylist())}
    right_rows = {doc_id: k for k, doc_id in enumerate(right.column("doc_id").to_pylist())}
    wanted = [(a, b) for a, others in pairs.items() if a in left_rows for b in others if b in right_rows]
    if not wanted:
        return {}
    left_stems, right_stems = _lists(left), _lists(right)
    codes = pc.dictionary_encode(pa.concat_arrays([pc.list_flatten(left_stems), pc.list_flatten(right_stems)]))
    width = len(codes.dictionary)
    columns = codes.indices.to_numpy(zero_copy_only=False)
    split = len(columns) - len(pc.list_flatten(right_stems))
    rows = np.array([left_rows[a] for a, _ in wanted])
    cols = np.array([right_rows[b] for _, b in wanted])
    left_sizes = pc.list_value_length(left_stems).to_numpy(zero_copy_only=False)
    right_sizes = pc.list_value_length(right_stems).to_numpy(zero_copy_only=False)
    left_matrix = _incidence(left_stems, columns[:split], width)
    right_matrix = _incidence(right_stems, columns[split:], width)
    # The product's multiply-adds: per stem, left documents having it times right documents having it.
    product_work = int(np.dot(np.bincount(columns[:split], minlength=width).astype(np.int64),
                              np.bincount(columns[split:], minlength=width)))
    gather_work = int(left_sizes[rows].sum() + right_sizes[cols].sum())
    if gather_work * _GATHER_COST < product_work:
        shared = np.empty(len(wanted), dtype=np.int64)
        for part in _slices(left_sizes[rows] + right_sizes[cols], _GATHER_STEMS):
            both = left_matrix[rows[part]].multiply(right_matrix[cols[part]])
            shared[part] = np.asarray(both.sum(axis=1)).ravel()
    else:
        shared = _product_at(left_matrix, right_matrix, rows, cols)
    # As Python ints in three array operations: element by element, numpy scalars cost ~1 us each (~0.3 s at 1k).
    return dict(zip(wanted, zip(shared.tolist(), left_sizes[rows].tolist(), right_sizes[cols].tolist())))


def _slices(weights: np.ndarray, most: int) -> list[slice]:
    """Consecutive slices of the items, each of total weight at most `most` (an item heavier than that alone)."""
    ends = np.cumsum(weights)
    out, start = [], 0
    while start < len(weights):
        base = ends[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(ends, base + most, side="right")))
        out.append(slice(start, stop))
        start = stop
    return out


def _product_at(left: csr_matrix, right: csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """(left @ right.T)[rows, cols], the product made a block of left rows at a time (_PRODUCT_CELLS)."""
    shared = np.zeros(len(rows), dtype=np.int64)
    step = max(1, _PRODUCT_CELLS // max(1, right.shape[0]))
    right_t = right.T.tocsc()
    for start in range(0, left.shape[0], step):
        wanted = np.flatnonzero((rows >= start) & (rows < start + step))
        if len(wanted):
            block = (left[start:start + step] @ right_t).tocsr()
            shared[wanted] = np.asarray(block[rows[wanted] - start, cols[wanted]]).ravel()
    return shared


def _lists(t: pa.Table) -> pa.ListArray:
    stems = t.column("stems").combine_chunks() if len(t) else pa.array([], pa.list_(pa.string()))
    return stems.cast(pa.list_(pa.string()))


def _incidence(stems: pa.ListArray, columns: np.ndarray, width: int) -> csr_matrix:
    rows = pc.list_parent_indices(stems).to_numpy(zero_copy_only=False)
    return csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, columns)), shape=(len(stems), width))
