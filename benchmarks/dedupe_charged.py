"""Probe of the sixteenth round (issue #21, benchmarks/README.md "Sixteenth round: charged restyles"): what each
reading of verify.cut_restyle separates on the real splits' sensational and emotional restyles against the pairs of
two stories. Not read by newsfacts.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_charged [--split NAME ...]   (~40 s, all splits)

Pairs read: every labelled restyle (sensational, emotional) of its original, and every pair of two gold stories past
the vocabulary gate (min_stem_overlap), each side with at least faithful_chain content sentences. Signals: novelty
(the smaller side's, as verify reads it), the specifics the two share and the share of them first named in the same
order (verify.names_in_order), the chain of sentences retold around names (verify.retold_around_names: its length,
its share of the shorter side, its in_order) and the length ratio (content sentences). Printed per reading: how many
restyles the other paths miss that it takes, and the pairs of two stories nearest to it (every condition but one
held, and the one missed by the least).
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_quality import load_real  # noqa: E402
from newsfacts.dedupe.align import similarity_matrix  # noqa: E402
from newsfacts.dedupe.text import Profile  # noqa: E402
from newsfacts.dedupe.verify import (Thresholds, _verdict, names_in_order, novelty, retold_around_names,  # noqa: E402
                                     stem_overlap)

SPLITS = ("dev", "held_out", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7")
CHARGED = ("restyled_sensational", "restyled_emotional")


def pair_row(a: Profile, b: Profile, t: Thresholds) -> dict:
    similarity = similarity_matrix(a, b)
    chain = retold_around_names(similarity, a, b, t)
    shorter, longer = sorted((a.content_sentences, b.content_sentences))
    return {"novelty": round(novelty(a, b), 3), "shared": len(a.mentioned & b.mentioned),
            "in_order_names": round(names_in_order(a, b), 3), "chain": len(chain.pairs),
            "chain_share": round(len(chain.pairs) / shorter, 3), "chain_in_order": round(chain.in_order, 3),
            "ratio": round(longer / shorter, 2), "sentences": (shorter, longer)}


def conditions(row: dict, t: Thresholds) -> dict[str, dict[str, tuple[float, float]]]:
    """Each reading's conditions as (value, bound), a value >= its bound passing (novelty negated)."""
    common = {"novelty": (-row["novelty"], -t.loose_covered_novelty)}
    return {
        "chain": {**common, "chain": (row["chain"], t.cut_chain),
                  "chain_share": (row["chain_share"], t.loose_chain_share),
                  "chain_in_order": (row["chain_in_order"], t.named_in_order)},
        "names": {"novelty": (-row["novelty"], -t.cut_names_novelty),
                  "ratio": (-row["ratio"], -t.condensed_ratio + 1e-9), "shared": (row["shared"], t.cut_names),
                  "in_order_names": (row["in_order_names"], t.named_in_order)},
    }


def collect(splits: list[str], t: Thresholds) -> tuple[list[dict], list[dict]]:
    restyles, negatives = [], []
    for split in splits:
        docs, labels, story = load_real(split)
        profiles = {d.doc_id: Profile.of(d.body) for d in docs}
        charged = {frozenset((r["doc"], r["other"])): r["kind"] for r in labels if r["kind"] in CHARGED}
        for x, y in combinations(sorted(profiles), 2):
            a, b = profiles[x], profiles[y]
            kind = charged.get(frozenset((x, y)))
            if kind is None and (story[x] == story[y] or stem_overlap(a, b) < t.min_stem_overlap):
                continue
            if min(a.content_sentences, b.content_sentences) < t.faithful_chain:
                continue
            verdict = _verdict(a, b, t)
            row = {"split": split, "pair": f"{x} ~ {y}", "kind": kind or "two stories",
                   "method": verdict.method if verdict else None, **pair_row(a, b, t)}
            (restyles if kind else negatives).append(row)
    return restyles, negatives


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_charged", description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="extend", nargs="+", default=[], metavar="NAME")
    args = parser.parse_args(argv)
    t = Thresholds()
    restyles, negatives = collect(args.split or list(SPLITS), t)
    print(f"{len(restyles)} charged restyles (>= {t.faithful_chain} content sentences a side),"
          f" {len(negatives)} pairs of two stories past the gate")
    fmt = ("{split:8} {pair:60} {method!s:28} nov {novelty:.3f} shared {shared:3d} names-in-order {in_order_names:.2f}"
           " chain {chain:2d} ({chain_share:.2f} of {sentences[0]}) in_order {chain_in_order:.2f} ratio {ratio}")
    for reading in ("chain", "names"):
        def holds(row: dict, skip: str | None = None) -> bool:
            return all(v >= bound for name, (v, bound) in conditions(row, t)[reading].items() if name != skip)
        taken = [r for r in restyles if holds(r)]
        print(f"\nreading '{reading}': {len(taken)} of {len(restyles)} restyles pass, of them"
              f" {sum(r['method'] == 'cut_restyle_names' for r in taken)} found by cut_restyle_names only;"
              f" pairs of two stories passing: {[r['pair'] for r in negatives if holds(r)]}")
        for r in taken:
            print("  restyle   " + fmt.format(**r))
        near = []
        for r in negatives:
            failed = [name for name, (v, bound) in conditions(r, t)[reading].items() if v < bound]
            if len(failed) == 1:
                v, bound = conditions(r, t)[reading][failed[0]]
                near.append((abs(bound - v) / (abs(bound) or 1), failed[0], r))
        for gap, name, r in sorted(near, key=lambda x: x[0])[:8]:
            print(f"  nearest   (fails {name} only, by {gap:.0%} of its bound) " + fmt.format(**r))
    missed = [r for r in restyles if r["method"] is None]
    print(f"\ncharged restyles no path finds ({len(missed)}):")
    for r in missed:
        print("  " + fmt.format(**r))


if __name__ == "__main__":
    main()
