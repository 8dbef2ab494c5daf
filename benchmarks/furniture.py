"""Furniture removal on labelled pages: precision and recall of the lines the cleaner drops from the body.

Usage: .venv/bin/python benchmarks/furniture.py [--data DIR] [-v]
Each page in DIR is a scraped text whose lines carry a K (story) or D (not story) label; see its README.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsfacts.parse.furniture import BODY, clean

DATA = Path(__file__).resolve().parent / "data" / "furniture"
RESULTS = Path(__file__).resolve().parent / "results"


def load(path: Path) -> tuple[str, dict[int, bool]]:
    """The page text with labels stripped, and line number -> should be dropped."""
    lines, drop = [], {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines()):
        label, _, text = raw.partition("\t")
        if label in ("K", "D"):
            drop[n] = label == "D"
            lines.append(text)
        else:
            lines.append("")
    return "\n".join(lines), drop


def score(pages: list[Path], verbose: bool) -> dict:
    totals = {"tp": 0, "fp": 0, "fn": 0}
    per_page = {}
    for path in pages:
        text, truth = load(path)
        cleaned = clean(text)
        labels = cleaned.line_labels()
        lines = text.splitlines()
        counts = {"tp": 0, "fp": 0, "fn": 0}
        for n, should_drop in truth.items():
            dropped = labels.get(n) != BODY
            if dropped and should_drop:
                counts["tp"] += 1
            elif dropped:
                counts["fp"] += 1
                if verbose:
                    print(f"  {path.name}:{n + 1} dropped a story line: {lines[n][:90]}")
            elif should_drop:
                counts["fn"] += 1
                if verbose:
                    print(f"  {path.name}:{n + 1} kept furniture: {lines[n][:90]}")
        per_page[path.stem] = _pr(counts)
        for k in totals:
            totals[k] += counts[k]
    return {"overall": _pr(totals) | totals, "pages": per_page}


def _pr(c: dict) -> dict:
    precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    return {"precision": round(precision, 4), "recall": round(recall, 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every wrong line")
    args = parser.parse_args()
    result = score(sorted(args.data.glob("*.txt")), args.verbose)
    for name, pr in result["pages"].items():
        print(f"{name:28s} precision {pr['precision']:.3f}  recall {pr['recall']:.3f}")
    o = result["overall"]
    print(f"{'ALL dropped lines':28s} precision {o['precision']:.3f}  recall {o['recall']:.3f}  (tp {o['tp']}, fp {o['fp']}, fn {o['fn']})")
    target = RESULTS / f"{args.data.name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written {target}")


if __name__ == "__main__":
    main()
