"""Real bodies through the parser: how much of each real set page's gold body the furniture cleaner keeps, and how
much of the junk around it.

Usage: .venv/bin/python -m benchmarks.real_body_recall [--split NAME ...] [-v]
The raw pages of benchmarks/dedupe_real/raw (originals and syndicated copies) are the Scrapinghub ground truth's
`articleBody` rendered by benchmarks/dedupe_real_import.py (`render`): a title from the URL's slug, a byline and a
date line (or, on one-line pages, nothing), the body's paragraphs, and lines of `JUNK`. So every character of a page
is known to be body, header (title, byline, date) or junk. Each page goes through `newsfacts.parse.parse_file`, as the
dedupe benchmark loads it; its units' roles (`furniture.clean`) say which characters the document's body keeps.
Reported: body recall (gold body characters kept, and paragraphs kept whole), precision (of the characters the body
keeps, the share that is gold body), junk and header characters kept, per page and per split, and every gold
paragraph the body loses, with the unit's role and the rule's note (`Unit.reason`).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.dedupe_real_import import GROUND_TRUTH, JUNK, paragraphs
from newsfacts.parse import parse_file
from newsfacts.parse.furniture import BODY, clean
from newsfacts.stage.decode import decode

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "benchmarks" / "dedupe_real"
RESULTS = ROOT / "benchmarks" / "results" / "real_body_recall.json"
HEADER, JUNK_KIND = "header", "junk"


@dataclass
class Segment:
    """One rendered piece of a raw page (a line, or a double-space-separated run of a one-line page)."""

    kind: str  # BODY, HEADER or JUNK_KIND
    text: str
    start: int  # character offset in the page
    size: int = 0  # its characters but whitespace
    kept: int = 0  # of those, the ones inside units the body keeps
    lost_as: str = ""  # role and note of the first unit that dropped part of it


def segments(text: str, body: list[str]) -> list[Segment]:
    """The page cut back into the pieces `render` joined, each labelled from the gold body's paragraphs."""
    pieces, offset = [], 0
    for line in text.split("\n"):
        for part in line.split("  "):
            if part.strip():
                pieces.append((part, offset))
            offset += len(part) + 2
        offset += 1 - 2
    texts = [p for p, _ in pieces]
    first = next(i for i in range(len(texts)) if texts[i:i + len(body)] == body)
    kinds = [HEADER] * first + [BODY] * len(body) + [JUNK_KIND] * (len(texts) - first - len(body))
    if any(t not in JUNK for t, k in zip(texts, kinds) if k == JUNK_KIND):
        raise ValueError("text after the gold body that is not the importer's junk")
    return [Segment(k, t, s) for k, (t, s) in zip(kinds, pieces)]


def unit_spans(text: str, units) -> list[tuple[int, int, object]]:
    """(start, end, unit) in page characters: a unit is one line, a joined block of lines, or a piece of a line."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    cursor: dict[int, int] = defaultdict(int)
    spans = []
    for u in units:
        if len(u.lines) > 1:
            spans.append((starts[u.lines[0]], starts[u.lines[-1]] + len(lines[u.lines[-1]]), u))
            continue
        n = u.lines[0]
        at = lines[n].find(u.text, cursor[n])
        if at < 0:
            raise ValueError(f"unit not found on line {n}: {u.text[:60]!r}")
        cursor[n] = at + len(u.text)
        spans.append((starts[n] + at, starts[n] + at + len(u.text), u))
    return spans


def score_page(path: Path, body: list[str]) -> dict:
    data = path.read_bytes()
    parsed = parse_file(data, path.name, hashlib.sha256(data).hexdigest())
    text = decode(data)
    segs = segments(text, body)
    rejected = parsed.document is None
    if not rejected and parsed.document.format != "article_text":
        raise ValueError(f"{path.name} parsed as {parsed.document.format}: not the furniture cleaner's path")
    cleaned = clean(text)
    if not rejected and cleaned.body != parsed.document.body:
        raise ValueError(f"{path.name}: the document's body is not the cleaner's")
    # Each character of the page: kept in the body, or the role and note of the unit that dropped it. Whitespace is
    # not counted (the spaces between the sentences of a one-line page belong to no unit).
    fate: list[str | None] = [None] * len(text)
    for a, b, u in unit_spans(text, cleaned.units):
        why = ("rejected: " + parsed.rejected) if rejected else ("" if u.role == BODY else f"{u.role}: {u.reason}")
        fate[a:b] = [why] * (b - a)
    size, kept = Counter(), Counter()
    for seg in segs:
        chars = [k for k in range(seg.start, seg.start + len(seg.text)) if not text[k].isspace()]
        seg.kept = sum(1 for k in chars if fate[k] == "")
        seg.size = len(chars)
        seg.lost_as = next((fate[k] or "in no unit" for k in chars if fate[k] != ""), "")
        size[seg.kind] += seg.size
        kept[seg.kind] += seg.kept
    gold = [s for s in segs if s.kind == BODY]
    lost = [s for s in gold if s.kept < s.size]
    kept_all = sum(kept.values())
    return {
        "chars": size[BODY], "kept": kept[BODY], "junk_chars": size[JUNK_KIND], "junk_kept": kept[JUNK_KIND],
        "header_chars": size[HEADER], "header_kept": kept[HEADER],
        "recall": kept[BODY] / size[BODY], "precision": kept[BODY] / kept_all if kept_all else 1.0,
        "paragraphs": len(gold), "paragraphs_whole": len(gold) - len(lost),
        "rejected": parsed.rejected if rejected else None,
        "lost": [{"reason": s.lost_as, "chars": s.size - s.kept, "text": s.text[:100]} for s in lost],
        "notes": list(cleaned.notes),
    }


def run(splits: list[str]) -> dict:
    truth = {k[:8]: v for k, v in json.loads(GROUND_TRUTH.read_text(encoding="utf-8")).items()}
    split_of = {r["sid"]: r["split"] for r in csv.DictReader((REAL / "split.csv").open(encoding="utf-8"))}
    source_of = reused_sources()
    pages = {}
    for path in sorted((REAL / "raw").glob("*.txt")):
        sid = path.stem[:8]
        if splits and split_of[sid] not in splits:
            continue
        body = truth[source_of.get(sid, sid)]["articleBody"]
        pages[path.stem] = score_page(path, paragraphs(body)) | {"split": split_of[sid]}
    return {"pages": pages, "splits": {name: _total([p for p in pages.values() if p["split"] == name])
                                        for name in sorted({p["split"] for p in pages.values()})},
            "all": _total(list(pages.values())), "lost_by_reason": _by_reason(pages)}


def reused_sources() -> dict[str, str]:
    """A re-used source's alias (fresh7's `w` + 7 hex, dedupe_real/reused.csv) -> the ground truth's id its gold body
    is under: the alias names a new story of the same body, and the ground truth knows only the body's own id."""
    path = REAL / "reused.csv"
    return {r["alias"]: r["sid"] for r in csv.DictReader(path.open(encoding="utf-8"))} if path.exists() else {}


def _total(pages: list[dict]) -> dict:
    t = Counter()
    for p in pages:
        for k in ("chars", "kept", "junk_chars", "junk_kept", "header_chars", "header_kept", "paragraphs",
                  "paragraphs_whole"):
            t[k] += p[k]
    kept_all = t["kept"] + t["junk_kept"] + t["header_kept"]
    return {"pages": len(pages), "pages_losing_body": sum(1 for p in pages if p["lost"]),
            "recall": round(t["kept"] / t["chars"], 4), "precision": round(t["kept"] / kept_all, 4),
            "paragraphs_whole": f"{t['paragraphs_whole']}/{t['paragraphs']}",
            "junk_kept": f"{t['junk_kept']}/{t['junk_chars']}",
            "header_kept": f"{t['header_kept']}/{t['header_chars']}"}


def _by_reason(pages: dict) -> dict:
    chars, paras, where = Counter(), Counter(), defaultdict(set)
    for name, p in pages.items():
        for lost in p["lost"]:
            chars[lost["reason"]] += lost["chars"]
            paras[lost["reason"]] += 1
            where[lost["reason"]].add(name)
    return {r: {"chars": chars[r], "paragraphs": paras[r], "pages": sorted(where[r])} for r, _ in chars.most_common()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.real_body_recall", description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="extend", nargs="+", default=[], metavar="NAME",
                        help="only the pages of these splits (split.csv); default: every page")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every lost paragraph")
    args = parser.parse_args(argv)
    report = run(args.split)
    for name, p in report["pages"].items():
        if p["lost"] or p["junk_kept"] or p["header_kept"] or args.verbose:
            print(f"{name:18s} {p['split']:9s} recall {p['recall']:.3f} ({p['paragraphs_whole']}/{p['paragraphs']} "
                  f"paragraphs whole)  precision {p['precision']:.3f}  junk kept {p['junk_kept']}"
                  f"  header kept {p['header_kept']}" + (f"  REJECTED: {p['rejected']}" if p["rejected"] else ""))
            if args.verbose:
                for lost in p["lost"]:
                    print(f"    - [{lost['reason']}] {lost['text'][:80]!r}")
    print("\nby split:")
    for name, t in [*report["splits"].items(), ("ALL", report["all"])]:
        print(f"  {name:9s} {t['pages']:4d} pages, {t['pages_losing_body']:3d} losing body: recall {t['recall']:.4f}"
              f" (paragraphs whole {t['paragraphs_whole']}), precision {t['precision']:.4f},"
              f" junk kept {t['junk_kept']}, header kept {t['header_kept']}")
    print("\nbody lost, by the unit's role and note:")
    for reason, r in report["lost_by_reason"].items():
        print(f"  {r['chars']:6d} chars {r['paragraphs']:4d} paragraphs {len(r['pages']):3d} pages  {reason}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
