"""Body and page metadata on the Scrapinghub pages: newsfacts against plain trafilatura, side by side.

Usage: .venv/bin/python benchmarks/html_extraction.py [--data DIR] [--heldout]
Body: the benchmark's own measure, word 4-gram shingles of extracted vs. gold body, per-page tp/fp/fn normalised then
averaged over pages, F1 from the averaged precision and recall (all 181 pages, and each half of the labelled pages).
Title, date and authors against benchmarks/data/page_metadata/labels.toml (labelled by reading each page): title exact
after normalising case and punctuation; publication day exact (no day labelled: none must be given); authors per-page
F1 of person names (first and last name equal; no author labelled and none given scores 1), and the share of labelled
names found. The first 130 labelled pages are split by id into a development part (two thirds) and a held-out
third; the held-out figures are printed only with --heldout, to be read once. Pages marked `fresh = true` were
labelled after that reading, `fresh = 2` after the fresh pages' score (each batch to check, once, what was changed in
the light of the score before it): all of them are held out, and --heldout also scores every held-out page together.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

import trafilatura

from newsfacts.config import SCRAPINGHUB_DATA
from newsfacts.parse.html import read_page

DATA = SCRAPINGHUB_DATA
LABELS = Path(__file__).resolve().parent / "data" / "page_metadata" / "labels.toml"
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


def body_f1(scores: list[tuple[float, float, float]]) -> float:
    tp, fp, fn = (sum(s[i] for s in scores) / len(scores) for i in range(3))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return round(2 * precision * recall / (precision + recall), 4)


def heldout(page_id: str) -> bool:
    """A fixed third of the labelled pages, by id: never looked at while developing."""
    return int(page_id[:8], 16) % 3 == 0


def norm_title(text: str | None) -> str:
    return " ".join(_TOKEN.findall((text or "").lower()))


def norm_name(name: str) -> list[str]:
    return _TOKEN.findall(name.lower())


def same_name(a: str, b: str) -> bool:
    x, y = norm_name(a), norm_name(b)
    return bool(x and y) and x[0] == y[0] and x[-1] == y[-1]


def authors_scores(gold: list[str], found: list[str]) -> tuple[float, int, int]:
    """(per-page F1, gold names found, gold names) for one page."""
    hits = sum(1 for g in gold if any(same_name(g, f) for f in found))
    if not gold and not found:
        return 1.0, 0, 0
    precision = sum(1 for f in found if any(same_name(f, g) for g in gold)) / len(found) if found else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, hits, len(gold)


def plain_trafilatura(html: str) -> dict:
    found = trafilatura.bare_extraction(html, with_metadata=True)
    meta = found.as_dict() if found is not None else {}
    authors = [a.strip() for a in (meta.get("author") or "").split(";") if a.strip()]
    return {"body": meta.get("text") or "", "title": meta.get("title"), "authors": authors,
            "date": _day(meta.get("date"))}


def newsfacts(html: str) -> dict:
    body, _, _, page = read_page(html)
    return {"body": body, "title": page.title, "authors": page.authors, "date": page.published}


def _day(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None


def score(labels: list[dict], outputs: dict[str, dict], gold_bodies: dict[str, str]) -> dict:
    titles = dates = 0
    author_f1, hits, names = [], 0, 0
    bodies = []
    for label in labels:
        out = outputs[label["key"]]
        bodies.append(page_score(gold_bodies[label["key"]], out["body"]))
        titles += norm_title(out["title"]) == norm_title(label["title"])
        wanted = date.fromisoformat(label["date"]) if label["date"] else None
        dates += out["date"] == wanted
        f1, h, n = authors_scores(label["authors"], out["authors"])
        author_f1.append(f1)
        hits, names = hits + h, names + n
    count = len(labels)
    return {"pages": count, "body_f1": body_f1(bodies), "title": round(titles / count, 3),
            "date": round(dates / count, 3), "authors_f1": round(sum(author_f1) / count, 3),
            "authors_found": round(hits / names, 3) if names else None}


def mistakes(labels: list[dict], outputs: dict[str, dict]) -> list[str]:
    lines = []
    for label in labels:
        out = outputs[label["key"]]
        wanted = date.fromisoformat(label["date"]) if label["date"] else None
        if norm_title(out["title"]) != norm_title(label["title"]):
            lines.append(f"{label['id']} title   {out['title']!r}  want {label['title']!r}")
        if out["date"] != wanted:
            lines.append(f"{label['id']} date    {out['date']}  want {wanted}")
        if authors_scores(label["authors"], out["authors"])[0] < 1:
            lines.append(f"{label['id']} authors {out['authors']}  want {label['authors']}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--heldout", action="store_true",
                        help="also score the held-out third and the fresh pages (read them once)")
    parser.add_argument("--mistakes", action="store_true", help="list the development pages' wrong fields")
    args = parser.parse_args()
    gold = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    gold_bodies = {key: gold[key]["articleBody"] for key in gold}
    pages = {key: gzip.open(args.data / "html" / f"{key}.html.gz").read().decode("utf-8", "replace") for key in gold}
    labels = tomllib.loads(LABELS.read_text(encoding="utf-8"))["page"]
    for label in labels:
        label["key"] = next(k for k in gold if k.startswith(label["id"]))
    halves = {"development": [x for x in labels if not heldout(x["id"]) and not x.get("fresh")],
              "held-out": [x for x in labels if heldout(x["id"]) and not x.get("fresh")],
              "fresh": [x for x in labels if x.get("fresh") is True],
              "fresh-2": [x for x in labels if x.get("fresh") == 2],
              "all held-out": [x for x in labels if heldout(x["id"]) or x.get("fresh")]}
    if not args.heldout:
        halves = {"development": halves["development"]}
    results: dict = {"pages": len(pages), "labelled": len(labels)}
    for name, extract in (("plain trafilatura", plain_trafilatura), ("newsfacts", newsfacts)):
        started = time.perf_counter()
        outputs = {key: extract(html) for key, html in pages.items()}
        results[name] = {"seconds": round(time.perf_counter() - started, 1),
                         "body_f1_all": body_f1([page_score(gold_bodies[k], o["body"]) for k, o in outputs.items()])}
        for half, chosen in halves.items():
            results[name][half] = score(chosen, outputs, gold_bodies)
        if args.mistakes and name == "newsfacts":
            print("\n".join(mistakes(halves["development"], outputs)))
    print(f"{'':18s} {'half':12s} {'pages':>5s} {'body':>6s} {'title':>6s} {'date':>6s} {'authF1':>6s} {'found':>6s}")
    for name in ("plain trafilatura", "newsfacts"):
        print(f"{name:18s} {'all 181':12s} {len(pages):5d} {results[name]['body_f1_all']:6.3f}")
        for half in halves:
            r = results[name][half]
            print(f"{name:18s} {half:12s} {r['pages']:5d} {r['body_f1']:6.3f} {r['title']:6.3f} {r['date']:6.3f} "
                  f"{r['authors_f1']:6.3f} {r['authors_found'] or 0:6.3f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
