"""Study, issue #21 (dedupe43): what the later side of an accepted pair tells in sentences that retell nothing of
the other, on every development split: labelled rewrites of every kind against follow-ups and other reports.

Run: .venv/bin/python -m benchmarks.dedupe_developments   (~1 min)

Pairs are the candidates one batch verifies and accepts (benchmarks.dedupe_paths.real_rows). The later side is the
one dated by itself after the other, whose date is its own or, undated, the median of the dates of the documents it
is accepted with, the partner left out (as batch.published_apart dates a story's undated original). For that side,
verify.development: its content sentences retelling nothing of the other (no sentence at loose_similarity or above)
and the specifics they name that the other never names. The rows show where Thresholds.development_specifics and
development_density part them; nothing here is read by newsfacts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_paths import _DATES, _profile, development_splits, real_rows  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, development  # noqa: E402


def later_sides(rows: list[dict], dates: dict[str, date | None]) -> dict[tuple[str, str], tuple[str, str]]:
    """For each accepted pair of one split, (later, earlier) where one side is dated by itself after the other."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        neighbours[r["a"]].add(r["b"])
        neighbours[r["b"]].add(r["a"])

    def dated(doc: str, other: str) -> date | None:
        if dates.get(doc):
            return dates[doc]
        around = sorted(dates[n] for n in neighbours[doc] if n != other and dates.get(n))
        return around[(len(around) - 1) // 2] if around else None

    out = {}
    for r in rows:
        for x, y in ((r["a"], r["b"]), (r["b"], r["a"])):
            theirs = dated(y, x)
            if dates.get(x) and theirs and dates[x] > theirs:
                out[(r["a"], r["b"])] = (x, y)
    return out


def study(splits: list[str], t: Thresholds) -> list[dict]:
    """One row per accepted pair whose later side is known: its class, kind, and the later side's development."""
    out = []
    for split in splits:
        rows = [r for r in real_rows(split, t) if r["rule"]]
        for (a, b), (x, y) in later_sides(rows, _DATES[split]).items():
            r = next(r for r in rows if (r["a"], r["b"]) == (a, b))
            unretold, own = development(_profile(split, x), _profile(split, y), t)
            out.append({"split": split, "later": x, "earlier": y, "class": r["class"], "kind": r["kind"],
                        "dated_apart": r["dated_apart"], "unretold": unretold, "own": own})
        print(f"{split}: {sum(o['split'] == split for o in out)} pairs with a later side", file=sys.stderr, flush=True)
    return out


def parted(rows: list[dict], t: Thresholds) -> list[dict]:
    return [r for r in rows if r["own"] >= t.development_specifics and r["own"] >= t.development_density * r["unretold"]]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_developments", description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", help="development splits (default: all but the blind ones)")
    args = parser.parse_args(argv)
    splits = development_splits(args.split, parser)
    t = Thresholds()
    rows = study(splits, t)
    by_class = Counter((r["class"], r["kind"]) for r in rows)
    print("pairs with a later side:", ", ".join(f"{c} {k} {n}" for (c, k), n in sorted(by_class.items())))
    print(f"\nparted at development_specifics {t.development_specifics}, density {t.development_density}:")
    for r in parted(rows, t):
        apart = " (dated apart)" if r["dated_apart"] else ""
        print(f"  {r['class']:<10} {r['kind']:<12} {r['split']:<9} {r['later']} after {r['earlier']}: "
              f"{r['own']} own specifics in {r['unretold']} unretold sentences{apart}")
    print("\nnearest kept labelled rewrites (own >= 2):")
    for r in sorted((r for r in rows if r["class"] == "positive" and r not in parted(rows, t) and r["own"] >= 2),
                    key=lambda r: -r["own"] / max(1, r["unretold"]))[:8]:
        print(f"  {r['kind']:<12} {r['split']:<9} {r['later']} after {r['earlier']}: {r['own']} in {r['unretold']}")


if __name__ == "__main__":
    main()
