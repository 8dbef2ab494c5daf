"""Probe of the seventeenth round (issue #21, benchmarks/README.md "Seventeenth round: the argument kept"): does one
general signal read "the argument is kept" where a restyle of an argued piece keeps its claims and rarer words but not
its names in order, and keep the hard negatives apart? Not read by newsfacts.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_argument [--split NAME ...]   (~1 min)

Pairs read, per split (one batch, as dedupe_quality scores it): every labelled pair of one source (rewrites, copies)
and every pair of two gold stories past the vocabulary gate, in the shape where a restyle is looked for "names
aside": the shorter side has faithful_chain content sentences or more and one side names at most
loose_condensed_novelty of its specifics the other lacks (verify.novelty). Signals, each on the shorter side:
- rare_kept / rare_in_order: the shorter side's non-name content stems, each weighted by its rarity in the batch
  (batch_rarity: log inverse document frequency over the split's documents), the weighted share the longer side uses,
  and the weighted share it uses in the same order of first mention (kept_in_order: the heaviest run increasing in
  both documents' first mentions), at rarity cuts 0 (every stem) and 2.0 (stems in at most ~1/8 of the batch);
- loose_chain / loose_in_order: the heaviest chain, in both documents' order, of content sentence pairs similar at
  CHAIN_SIMILARITY (0.15, half the loose paths' 0.3) never telling other facts (as verify.consistent), over the
  shorter side's content sentences, and its in_order;
- verbatim / verbatim_chain: the share of the shorter side's content sentences holding a 5-word run of the longer's
  text (quotations included, which the stems leave out: a restyle keeps its source's quotes word for word), and the
  chain, in order, of sentence pairs sharing such a run or similar at loose_similarity, over the shorter side.
Printed per signal: the strongest pair of two stories in that shape, and which labelled pairs verify() refuses score
above it (what the signal could take at zero false merges), with the refused pairs' best values. Never run it on a
split held out from you or on a blind split.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_quality import KINDS, RESULTS, load_real  # noqa: E402
from newsfacts.dedupe.align import heaviest_chain, in_order, similarity_matrix  # noqa: E402
from newsfacts.dedupe.text import Profile, normalise, shingle_hashes  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, content_rows, novelty, stem_overlap, verify  # noqa: E402

SPLITS = ("dev", "fresh6", "fresh8", "held_out", "fresh", "fresh2", "fresh4", "fresh7")
NEGATIVE_KINDS = ("follow_up", "independent", "same_topic")
CHAIN_SIMILARITY = 0.15
RARITY_CUTS = (0.0, 2.0)
SIGNALS = ("rare_kept_0", "rare_in_order_0", "rare_kept_2", "rare_in_order_2", "rare_new_2", "loose_chain",
           "verbatim", "verbatim_chain")
LOWER = ("rare_new_2",)  # signals where a rewrite is expected lower


def batch_rarity(profiles: list[Profile]) -> dict[int, float]:
    """Each content stem's rarity in the batch: log((documents + 1) / (documents using it + 0.5))."""
    df = Counter(s for p in profiles for s in p.vocabulary.tolist())
    n = len(profiles)
    return {s: math.log((n + 1) / (c + 0.5)) for s, c in df.items()}


def first_mentions(p: Profile, skip: frozenset[int]) -> dict[int, int]:
    """The content sentence where each of p's content stems (those in `skip` left out) is first used."""
    content = set(content_rows(p).tolist())
    seen: dict[int, int] = {}
    for row, s in zip(p.stem_rows.tolist(), p.stem_ids.tolist()):
        if row in content and s not in skip:
            seen.setdefault(s, row)
    return seen


def kept_in_order(short: dict[int, int], long: dict[int, int], weight: dict[int, float]) -> tuple[float, float]:
    """Of the short side's stems (first mentions) weighted by `weight`: the weighted share the long side uses, and
    the weighted share of the heaviest run of them first mentioned in the same order in both (ties in a sentence
    allowed)."""
    total = sum(weight.get(s, 0.0) for s in short)
    if not total:
        return 0.0, 0.0
    shared = sorted((short[s], long[s], s) for s in short if s in long and weight.get(s, 0.0) > 0)
    best: list[float] = []
    for k, (x, y, s) in enumerate(shared):
        before = [best[q] for q in range(k) if shared[q][1] <= y and shared[q][0] <= x]
        best.append(max(before, default=0.0) + weight[s])
    return sum(weight[s] for _, _, s in shared) / total, max(best, default=0.0) / total


def rare_signals(a: Profile, b: Profile, rarity: dict[int, float]) -> dict[str, float]:
    short, long = (a, b) if a.content_sentences <= b.content_sentences else (b, a)
    names = a.mentioned | b.mentioned | a.openers | b.openers
    fs, fl = first_mentions(short, names), first_mentions(long, names)
    out = {}
    for cut in RARITY_CUTS:
        weight = {s: r for s, r in rarity.items() if r >= cut}
        kept, ordered = kept_in_order(fs, fl, weight)
        out[f"rare_kept_{cut:g}"], out[f"rare_in_order_{cut:g}"] = kept, ordered
    rare = {s: r for s, r in rarity.items() if r >= RARITY_CUTS[-1]}
    total = sum(rare.get(s, 0.0) for s in fs)
    out["rare_new_2"] = sum(rare.get(s, 0.0) for s in fs if s not in fl) / total if total else 0.0
    return out


def loose_chain(a: Profile, b: Profile, similarity: np.ndarray, threshold: float) -> tuple[int, float]:
    """The heaviest chain in both documents' order of content sentence pairs similar at `threshold` that do not
    tell other facts (verify.consistent's rule: both name specifics and share none, or each names one the other
    document never does): its length and in_order."""
    keep = similarity >= threshold
    for i, j in zip(*np.nonzero(keep)):
        x, y = a.specifics(int(i)), b.specifics(int(j))
        if (x and y and not x & y) or (x - b.mentioned and y - a.mentioned):
            keep[i, j] = False
    ca = np.zeros(a.sentence_count, dtype=bool)
    ca[content_rows(a)] = True
    cb = np.zeros(b.sentence_count, dtype=bool)
    cb[content_rows(b)] = True
    weights = np.where(keep & np.outer(ca, cb), similarity, 0.0)
    chain = heaviest_chain(weights, 1e-9)
    return len(chain), in_order(weights, chain, 1e-9)


def sentence_runs(p: Profile) -> list[set[int]]:
    """Each sentence's 5-word shingle hashes (its own words only; quotations included)."""
    out = []
    for s in p.sentences:
        text = normalise(s)
        out.append(set(shingle_hashes(text).tolist()) if len(text.split()) >= 5 else set())
    return out


def verbatim_signals(short: Profile, long: Profile, similarity: np.ndarray, loose: float) -> tuple[float, float]:
    """Share of the short side's content sentences holding a 5-word run of the long side's text, and the chain in
    order of sentence pairs sharing a run or similar at `loose`, over its content sentences (`similarity`: short's
    rows against long's columns)."""
    runs_s, runs_l = sentence_runs(short), sentence_runs(long)
    shared = np.array([[len(x & y) for y in runs_l] for x in runs_s], dtype=float).reshape(len(runs_s), len(runs_l))
    content = content_rows(short)
    n = max(1, short.content_sentences)
    held = sum(1 for i in content.tolist() if shared[i].max(initial=0) >= 1)
    cells = np.maximum(np.minimum(shared, 3) / 3.0, np.where(similarity >= loose, similarity, 0.0))
    return held / n, len(heaviest_chain(cells, loose)) / n


def pair_signals(a: Profile, b: Profile, rarity: dict[int, float], t: Thresholds) -> dict[str, float]:
    short, long = (a, b) if a.content_sentences <= b.content_sentences else (b, a)
    similarity = similarity_matrix(short, long)
    chained, ordered = loose_chain(short, long, similarity, CHAIN_SIMILARITY)
    verbatim, verbatim_chain = verbatim_signals(short, long, similarity, t.loose_similarity)
    return {**rare_signals(a, b, rarity), "loose_chain": chained / max(1, short.content_sentences),
            "loose_in_order": ordered, "verbatim": verbatim, "verbatim_chain": verbatim_chain}


def shaped_pairs(split: str, t: Thresholds):
    """One split's pairs in the names-aside shape (see the module's docstring), as (x, y, a, b, kind, verdict,
    novelty), with its documents and their profiles: every labelled pair of one source, and every pair of two gold
    stories past the vocabulary gate. Shared with benchmarks/dedupe_model.py, which reads the same pairs."""
    docs, labels, story = load_real(split)
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    kinds = {frozenset((r["doc"], r["other"])): r["kind"] for r in labels}
    out = []
    for x, y in combinations(sorted(profiles), 2):
        a, b = profiles[x], profiles[y]
        kind = kinds.get(frozenset((x, y)))
        kind = None if kind in NEGATIVE_KINDS else kind  # a labelled follow-up or independent report: two stories
        if kind is None and story[x] == story[y]:
            continue  # two rewrites of one source: right to merge, not a labelled pair
        if kind is None and stem_overlap(a, b) < t.min_stem_overlap:
            continue
        if min(a.content_sentences, b.content_sentences) < t.faithful_chain:
            continue
        spread = novelty(a, b)
        if spread > t.loose_condensed_novelty:
            continue
        out.append((x, y, a, b, kind or "two stories", verify(a, b, t), spread))
    return profiles, out


def row(split: str, x: str, y: str, a: Profile, b: Profile, kind: str, verdict, spread: float) -> dict:
    """A pair's fields before its signals."""
    return {"split": split, "pair": f"{x} ~ {y}", "kind": kind, "method": verdict.method if verdict else None,
            "novelty": round(spread, 3), "sentences": sorted((a.content_sentences, b.content_sentences))}


def collect(splits: list[str], t: Thresholds) -> list[dict]:
    rows = []
    for split in splits:
        profiles, pairs = shaped_pairs(split, t)
        rarity = batch_rarity(list(profiles.values()))
        for x, y, a, b, kind, verdict, spread in pairs:
            rows.append({**row(split, x, y, a, b, kind, verdict, spread),
                         **{k: round(v, 3) for k, v in pair_signals(a, b, rarity, t).items()}})
        print(f"{split}: {len(rows)} pairs so far", file=sys.stderr)
    return rows


def auc(positives: list[float], negatives: list[float]) -> float:
    """Share of (positive, negative) couples the values order right, ties counting half."""
    if not positives or not negatives:
        return float("nan")
    right = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives)
    return right / (len(positives) * len(negatives))


def price(missed: list[float], negatives: list[float], ranks: tuple[int, ...] = (1, 5, 9)) -> list[int | None]:
    """For the k-th highest missed value (k in ranks), how many negatives are at or beyond it: the false pairs a
    bound taking k of the missed pairs would let in (None where fewer are missed)."""
    ordered = sorted(missed, reverse=True)
    return [sum(1 for n in negatives if n >= ordered[k - 1]) if len(ordered) >= k else None for k in ranks]


def missed_in_one_batch(splits: list[str]) -> set[tuple[str, frozenset[str]]]:
    """The labelled pairs dedupe_quality's last run (its results file, where present) left apart in one batch: found
    neither directly nor through their story."""
    if not RESULTS.exists():
        return set()
    report = json.loads(RESULTS.read_text(encoding="utf-8"))
    return {(split, frozenset(m.split(" (")[0].split(" ~ ")))
            for split in splits if f"real_{split}" in report
            for kind in KINDS for m in report[f"real_{split}"]["one_batch"][kind]["missed"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_argument", description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="extend", nargs="+", default=[], metavar="NAME")
    args = parser.parse_args(argv)
    t = Thresholds()
    splits = args.split or list(SPLITS)
    rows = collect(splits, t)
    mark_missed(rows, splits)
    print_table(rows, (*SIGNALS, "loose_in_order"), SIGNALS, LOWER, t)


def mark_missed(rows: list[dict], splits: list[str]) -> None:
    """Mark each row missed in one batch (dedupe_quality's results file)."""
    missed = missed_in_one_batch(splits)
    for r in rows:
        r["missed"] = (r["split"], frozenset(r["pair"].split(" ~ "))) in missed


def print_table(rows: list[dict], signals: tuple[str, ...], detailed: tuple[str, ...], lower: tuple[str, ...],
                t: Thresholds) -> None:
    """Per signal: strongest pair of two stories, best missed pair, the false pairs a bound taking the 1st/5th/9th
    missed pair lets in, AUC missed and found against two stories; then, for `detailed`, the refused pairs beyond
    the strongest pair of two stories."""
    negatives = [r for r in rows if r["kind"] == "two stories"]
    refused = [r for r in rows if r["kind"] != "two stories" and r["method"] is None]
    print(f"{len(rows)} pairs at novelty <= {t.loose_condensed_novelty}, >= {t.faithful_chain} content sentences a"
          f" side: {len(negatives)} of two stories, {len(refused)} labelled pairs verify() refuses, of them"
          f" {sum(r['missed'] for r in refused)} missed in one batch (marked *: {RESULTS.name}'s missed lists)")
    found = [r for r in rows if r["kind"] != "two stories" and r["method"] is not None]
    lost = [r for r in rows if r["missed"]]
    print("\nsignal (sign: + higher is a rewrite)  strongest two-stories  best missed  two-stories at/beyond the"
          " 1st/5th/9th missed  AUC missed  AUC found")
    for signal in signals:
        sign = -1 if signal in lower else 1
        neg = [sign * r[signal] for r in negatives]
        miss = [sign * r[signal] for r in lost]
        print(f"  {signal:18} {'-' if sign < 0 else '+'}  {sign * max(neg):.3f}  {sign * max(miss, default=float('nan')):.3f}"
              f"  {price(miss, neg)}  {auc(miss, neg):.3f}  {auc([sign * r[signal] for r in found], neg):.3f}")
    for signal in detailed:
        sign = -1 if signal in lower else 1
        top = max(negatives, key=lambda r: sign * r[signal])
        above = [r for r in refused if sign * r[signal] > sign * top[signal]]
        best = sorted(refused, key=lambda r: -sign * r[signal])[:3]
        print(f"\n{signal}: strongest pair of two stories {top[signal]:.3f} ({top['split']} {top['pair']},"
              f" novelty {top['novelty']}); refused labelled pairs beyond it: {len(above)}, missed in one batch"
              f" {sum(r['missed'] for r in above)}: {[r['split'] + ' ' + r['pair'] for r in above]}")
        worst = sorted((r for r in refused if r["missed"]), key=lambda r: -sign * r[signal])[:3]
        for r in best + [r for r in worst if r not in best]:
            print(f"  best refused{'*' if r['missed'] else ' '} {r[signal]:.3f}  {r['split']:8} {r['pair']:58}"
                  f" {r['kind']:22} nov {r['novelty']}")

if __name__ == "__main__":
    main()
