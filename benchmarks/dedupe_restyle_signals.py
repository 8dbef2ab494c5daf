"""Probe of the eleventh round (issue #21, benchmarks/README.md "Eleventh round"): three candidate signals for the
restyles the verifier still misses, read on every candidate pair of all eight real splits. Not read by newsfacts.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_restyle_signals   (~15 s)

Signals of a pair: `idf_share`, the IDF mass (document frequency within the split's batch) of the shorter side's
stems that the other side also uses; `rare_share`, the share of its stems in at most 3 documents the other holds;
`title_lead`, the share of one side's headline stems found in the other's headline and first three sentences (the
larger direction); `title_j`, the Jaccard of the two headlines' stems. Printed: for the pairs of two stories that name
nothing of their own (novelty <= 0.06) with >= 5 content sentences on the shorter side, the strongest by each
signal; and every missed English rewrite pair of fresh3, fresh5, fresh6 with its values.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_quality import load_real  # noqa: E402
from benchmarks.dedupe_study import SPLITS, candidate_pairs, pair_vector  # noqa: E402
from newsfacts.dedupe.batch import expansions_apart  # noqa: E402
from newsfacts.dedupe.text import Profile, content_stems, split_sentences, terms  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, verify  # noqa: E402

RARE_DF = 3
CROSS_LANGUAGE = {"57b4dafd", "c4a3637c", "f6ac15a4", "0ec95c72", "b6fb53e9"}  # out of reach (tenth round)


def split_pairs(split: str, t: Thresholds, warehouse: tuple[Counter, int] | None = None) -> list[dict]:
    """Every candidate pair of one split (one batch, as dedupe_study makes them) with the signals above; document
    frequency from the split's batch, or from `warehouse` (counts, documents) when given."""
    docs, labels, story = load_real(split)
    by = {d.doc_id: d for d in docs}
    prof = {d.doc_id: Profile.of(d.body) for d in docs}
    vocab = {d: set(terms(p.vocabulary)) for d, p in prof.items()}
    df, n = warehouse or (Counter(s for v in vocab.values() for s in v), len(docs))
    idf = {s: math.log(n / c) for s, c in df.items()}
    lead = {d: content_stems(" ".join([by[d].title or ""] + split_sentences(by[d].body)[:3])) for d in by}
    title = {d: content_stems(by[d].title or "") for d in by}
    _, _, short = candidate_pairs(prof, [d.doc_id for d in docs], t)
    kept = expansions_apart({k: v for k in sorted(short) if (v := verify(prof[k[0]], prof[k[1]], t))}, prof, t)
    relation = {frozenset((r["doc"], r["other"])): r for r in labels}
    rows = []
    for a, b in sorted(short):
        r = relation.get(frozenset((a, b)))
        positive = bool(r and r["relation"] in ("rewrite", "copy"))
        same_story = not positive and story[a] == story[b]  # two rewrites of one source: joins, never scored
        s, l = (a, b) if prof[a].content_sentences <= prof[b].content_sentences else (b, a)
        mass = sum(idf[x] for x in vocab[s])
        rare = {x for x in vocab[s] if df[x] <= RARE_DF}
        rows.append({
            "split": split, "a": a, "b": b, "positive": positive, "same_story": same_story, "found": (a, b) in kept,
            "idf_share": sum(idf[x] for x in vocab[s] & vocab[l]) / mass if mass else 0.0,
            "rare_share": len(rare & vocab[l]) / len(rare) if rare else 0.0,
            "title_lead": max(len(title[x] & lead[y]) / len(title[x]) if title[x] else 0.0 for x, y in ((a, b), (b, a))),
            "title_j": len(title[a] & title[b]) / len(title[a] | title[b]) if title[a] | title[b] else 0.0,
            "signals": pair_vector(prof[a], prof[b], t),
        })
    return rows


def _clusters(rows: list[dict]):
    """Find of the union of the accepted pairs: a pair joined through other members is not missed."""
    parent: dict = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x
    for r in rows:
        if r["found"]:
            parent[find((r["split"], r["a"]))] = find((r["split"], r["b"]))
    return lambda split, d: find((split, d))


def _line(r: dict) -> str:
    v = r["signals"]
    return (f"{r['split']:8} {r['a']:32} {r['b']:32} nov {v['novelty']:.3f} loose {v['loose_covered_share']:.2f} "
            f"idf {r['idf_share']:.3f} rare {r['rare_share']:.2f} title_lead {r['title_lead']:.2f} "
            f"title_j {r['title_j']:.2f} sentences {round(math.expm1(v['shorter_sentences']))}")


def main() -> None:
    t = Thresholds()
    warehouse = None
    if "--df-all" in sys.argv:  # document frequency over all eight splits, as a warehouse would hold it
        vocabularies = [set(terms(Profile.of(d.body).vocabulary)) for s in SPLITS for d in load_real(s)[0]]
        warehouse = (Counter(x for v in vocabularies for x in v), len(vocabularies))
    rows = [r for s in SPLITS for r in split_pairs(s, t, warehouse)]
    joined = _clusters(rows)
    negatives = [r for r in rows if not r["positive"] and not r["same_story"]]
    shape = [r for r in negatives if r["signals"]["novelty"] <= 0.06 and math.expm1(r["signals"]["shorter_sentences"]) >= 4.5]
    print(f"{len(rows)} candidate pairs, {len(negatives)} of two stories, {len(shape)} in the shape (novelty <= 0.06, "
          f">= 5 sentences)")
    for key in ("idf_share", "rare_share", "title_lead", "title_j"):
        print(f"strongest of two stories by {key}: all {max(r[key] for r in negatives):.3f}; in the shape:")
        for r in sorted(shape, key=lambda r: -r[key])[:3]:
            print("  ", _line(r))
    print("missed English rewrite pairs (fresh3, fresh5, fresh6), by novelty:")
    missed = [r for r in rows if r["positive"] and joined(r["split"], r["a"]) != joined(r["split"], r["b"]) and r["split"] in ("fresh3", "fresh5", "fresh6")
              and r["a"][:8] not in CROSS_LANGUAGE]
    for r in sorted(missed, key=lambda r: r["signals"]["novelty"]):
        print("  ", _line(r))


if __name__ == "__main__":
    main()
