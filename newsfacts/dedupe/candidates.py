"""Candidates: which pairs of documents are worth verifying, and in what order.

LSH buckets propose pairs (earlier documents through the index, the batch's own through within_batch), the
vocabulary gate drops those sharing too few stems, and the shortlist keeps the few sharing most; a new document
nothing verified with gets a second chance against the whole batch by shared stems, and against earlier runs through
the index's neighbours by rare stems. Pure functions of rows and
counts, so the study in benchmarks/dedupe_study.py replays exactly what a run does.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict

import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.dedupe import vocabulary
from newsfacts.dedupe.signatures import EXACT
from newsfacts.dedupe.verify import Thresholds

# Candidates verified per new document, those sharing the most of its vocabulary first: bounds the work when a
# story is huge. Shared buckets rank rewrites poorly (every report of a story shares its names): on the generated
# corpus (2,000 documents, 60 candidates each) 5.5% of rewrites' sources ranked below 5th by buckets, up to 20th;
# by vocabulary overlap every one ranked 1st to 4th. Eight leaves twice that margin.
MAX_CANDIDATES = 8
# Members of one in-batch bucket paired with each other (all of them for the exact family): a giant bucket
# cannot go quadratic, and the vocabulary gate then ranks what is left.
BUCKET_HEADS = 80
# A new document that nothing verified with (earlier or in-batch) is ranked once more against the whole batch by
# shared stems, and its best few not verified yet are verified: LSH bands compare the two sides' name sets by Jaccard,
# and a restyle that condenses a long source (16 of 122 sentences) or an expansion of a one-sentence brief shares
# J 0.09-0.22 of them, where the names family (32 bands x 2 rows) offers such a pair a bucket with P 0.25-0.8. Most
# such documents are independent reports and other stories with no rewrite to find, so few are taken.
SECOND_CHANCE = 3
# Across runs the second chance asks the index, not the whole warehouse: the earlier documents holding most of the
# orphan's RAREST_STEMS rarest stems (fewest earlier documents holding them), STORED_NEIGHBOURS of them, are then
# gated and ranked by their whole vocabularies like the batch's. Rare stems are names, places and figures, which a
# rewrite keeps from its source; the common ones (said, year, government) rank nothing and would make the join grow
# with the warehouse.
RAREST_STEMS = 16
STORED_NEIGHBOURS = 12


def pair_key(x: str, y: str) -> tuple[str, str]:
    """A pair's key: its two ids in order (verify() sees them in this order, so the alignment's sides are known)."""
    return (x, y) if x < y else (y, x)


def within_batch(bands: list[dict]) -> dict[str, Counter]:
    """Each new document's in-batch candidates, with the number of LSH buckets it shares with each."""
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for row in bands:
        buckets[(row["family"], row["band"], row["bucket"])].append(row["doc_id"])
    found: dict[str, Counter] = defaultdict(Counter)
    for (family, _, _), ids in buckets.items():
        # Only a bucket's first members are paired, so one giant bucket cannot go quadratic. Every member of an
        # exact-text bucket is paired with those first ones too: they are one text, and a star keeps them one
        # cluster in linear time (a thousand copies of one boilerplate page made a million pairs).
        heads = ids[:BUCKET_HEADS]
        for a in ids if family == EXACT else heads:
            for b in heads:
                if a != b:
                    found[a][b] += 1
    return found


def gate(candidates: dict[str, Counter], shared: dict[tuple[str, str], tuple[int, int, int]],
          thresholds: Thresholds) -> dict[str, dict[str, tuple[float, int]]]:
    """The candidates that may still verify, each with its rank key (vocabulary overlap, shared buckets): enough
    shared stems, or no vocabulary to tell (a document published before vocabularies were kept, or one without
    content words, whose exact copy only verify() can see), which ranks as if it shared every stem."""
    gated = {}
    least, none = thresholds.min_stem_overlap, (0, 0, 0)
    for doc_id, found in candidates.items():  # a loop, not a function per pair: ~300k pairs per 1k documents
        kept = gated[doc_id] = {}
        for other, buckets in found.items():
            n, size, other_size = shared.get((doc_id, other), none)
            # verify.overlap inline (n over the smaller size; 1.0 with no vocabulary to tell): ~900k pairs per 1k
            # documents at 10k, where the call alone cost more than the division
            share = n / (size if size < other_size else other_size) if size and other_size else 1.0
            if share >= least:
                kept[other] = (share, buckets)
    return gated


def shortlist(earlier: dict[str, tuple], within: dict[str, tuple], new_ids: set[str]) -> list[str]:
    """The candidates to verify: most vocabulary shared first, then most buckets, then by id (deterministic)."""
    keys = {**earlier, **{k: v for k, v in within.items() if k in new_ids}}
    return heapq.nsmallest(MAX_CANDIDATES, keys, key=lambda c: (-keys[c][0], -keys[c][1], c))


def second_chance(orphans: list[str], vocabularies: pa.Table, thresholds: Thresholds,
                   done: set[tuple[str, str]] = frozenset()) -> dict[str, dict[str, tuple[float, int]]]:
    """The batch documents sharing most stems with each orphan (a new document nothing verified with), past the
    vocabulary gate and not verified with it yet, at most SECOND_CHANCE each: one sparse product of the orphans'
    stems against the batch's, so no LSH probability stands between a condensed restyle and its source in one run."""
    if not orphans or not SECOND_CHANCE:
        return {}
    batch = vocabularies.column("doc_id").to_pylist()
    left = vocabularies.filter(pc.is_in(vocabularies.column("doc_id"), pa.array(orphans, pa.string())))
    everyone = {o: [d for d in batch if d != o and pair_key(o, d) not in done] for o in orphans}
    shared = vocabulary.shared_stems(left, vocabularies, everyone)
    found: dict[str, dict[str, tuple[float, int]]] = defaultdict(dict)
    least = thresholds.min_stem_overlap
    for (o, other), (n, size, other_size) in shared.items():
        # verify.overlap inline, computed once (n > 0: neither size is 0)
        if n and (share := n / (size if size < other_size else other_size)) >= least:
            found[o][other] = (share, 0)
    return {o: _best(kept) for o, kept in found.items()}


def stored_second_chance(orphans: list[str], vocabularies: pa.Table, index, thresholds: Thresholds,
                          done: set[tuple[str, str]] = frozenset()) -> dict[str, dict[str, tuple[float, int]]]:
    """The second chance against earlier runs: the index's stem neighbours of each orphan (see RAREST_STEMS), past
    the vocabulary gate by their whole vocabularies and not verified with it yet, at most SECOND_CHANCE each. So a
    condensed rewrite whose source arrived a run earlier, and shares no LSH bucket with it, is still offered."""
    if not orphans or not SECOND_CHANCE:
        return {}
    left = vocabularies.filter(pc.is_in(vocabularies.column("doc_id"), pa.array(orphans, pa.string())))
    neighbours = index.stem_neighbours(left, RAREST_STEMS, STORED_NEIGHBOURS)
    wanted = {o: [d for d in others if pair_key(o, d) not in done] for o, others in neighbours.items()}
    if not any(wanted.values()):
        return {}
    shared = vocabulary.shared_stems(left, index.vocabularies({d for ds in wanted.values() for d in ds}), wanted)
    found: dict[str, dict[str, tuple[float, int]]] = defaultdict(dict)
    least = thresholds.min_stem_overlap
    for (o, other), (n, size, other_size) in shared.items():
        # verify.overlap inline, computed once (n > 0: neither size is 0)
        if n and (share := n / (size if size < other_size else other_size)) >= least:
            found[o][other] = (share, 0)
    return {o: _best(kept) for o, kept in found.items()}


def best_second_chances(*found: dict[str, dict[str, tuple[float, int]]]) -> dict[str, dict[str, tuple[float, int]]]:
    """The batch's and the warehouse's second chances of each orphan as one ranking: its SECOND_CHANCE best."""
    merged: dict[str, dict[str, tuple[float, int]]] = defaultdict(dict)
    for part in found:
        for o, kept in part.items():
            merged[o].update(kept)
    return {o: _best(kept) for o, kept in merged.items()}


def _best(kept: dict[str, tuple[float, int]]) -> dict[str, tuple[float, int]]:
    return dict(heapq.nsmallest(SECOND_CHANCE, kept.items(), key=lambda kv: (-kv[1][0], kv[0])))
