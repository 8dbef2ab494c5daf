"""Body extraction on the Scrapinghub benchmark: shingle F1 of plain trafilatura vs. the newsfacts pipeline.

Usage: .venv/bin/python benchmarks/html_extraction.py [--data DIR]
The measure is the benchmark's own: word 4-gram shingles of extracted vs. gold body, per-page tp/fp/fn
normalised then averaged over pages, F1 from the averaged precision and recall.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import trafilatura

from newsfacts.config import SCRAPINGHUB_DATA
from newsfacts.parse.html import extract_body

DATA = SCRAPINGHUB_DATA
RESULTS = Path(__file__).resolve().parent / "results" / "html_extraction.json"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_score(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of shingles for one page."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum(min(g[k], p[k]) for k in g.keys() & p.keys())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summary(scores: list[tuple[float, float, float]]) -> dict:
    tp, fp, fn = (sum(s[i] for s in scores) / len(scores) for i in range(3))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return {"f1": round(2 * precision * recall / (precision + recall), 4),
            "precision": round(precision, 4), "recall": round(recall, 4)}


def extractors() -> dict:
    return {
        "trafilatura default": lambda html: (trafilatura.extract(html) or "", {}),
        "trafilatura favor_precision": lambda html: (trafilatura.extract(html, favor_precision=True) or "", {}),
        "newsfacts pipeline": lambda html: extract_body(html)[:2],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    gold = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.open(args.data / "html" / f"{key}.html.gz").read().decode("utf-8", "replace") for key in gold}
    results = {"pages": len(pages)}
    for name, extract in extractors().items():
        started = time.perf_counter()
        scores, meta_found = [], Counter()
        for key, html in pages.items():
            body, meta = extract(html)
            scores.append(page_score(gold[key]["articleBody"], body))
            meta_found.update(field for field in ("title", "author", "date", "sitename") if meta.get(field))
        results[name] = summary(scores) | {"seconds": round(time.perf_counter() - started, 1)}
        if meta_found:
            results[name]["metadata_found"] = {k: round(v / len(pages), 3) for k, v in sorted(meta_found.items())}
        print(f"{name:30s} {results[name]}", flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
