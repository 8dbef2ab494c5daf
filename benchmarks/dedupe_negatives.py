"""Precision audit on the real set's written hard negatives (issue #21, benchmarks/README.md "Hard negatives, written
(n1)"): which negatives the hand rules accept, by which verify() path, and how strong the negatives they keep apart
are against the rewrites they still miss. Not read by newsfacts.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_study   (writes every candidate pair)
     .venv/bin/python -m benchmarks.dedupe_negatives   (reads benchmarks/results/dedupe_study.json, ~1 s)
     NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_negatives --quotes   (+ the probe below, ~20 s)

`--quotes`: a rough probe of one cue of own reporting, not a rule: a sentence holding a quotation mark and a speech
verb that writes a capitalised multi-word name (or its last word) the other document never writes. Counted over every
labelled rewrite (against its source) and every independent report (against the source's original) of the
development splits (dedupe_study.SPLITS).

A negative's kind is its written document's suffix (`_independent2`, ...); a pair of two written negatives counts for
the first kind in KINDS it holds. "Missed" rewrites are labelled English pairs of fresh3, fresh5 and fresh6 that the
rules do not accept as a pair (the eleventh round's set; a pair may still join through another member of its story).
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STUDY = ROOT / "benchmarks" / "results" / "dedupe_study.json"
KINDS = ("independent2", "follow_up2", "brief_other", "expanded_other", "same_topic2")
SIGNALS = ("novelty", "loose_covered_share", "chain_share", "covered_share", "stem_overlap", "closest_mean",
           "item_stems_kept")
SMALLER_IS_CLOSER = {"novelty"}  # for every other signal, larger means more like a rewrite
MISSED_SPLITS = ("fresh3", "fresh5", "fresh6")
CROSS_LANGUAGE = {"57b4dafd", "c4a3637c", "f6ac15a4", "0ec95c72", "b6fb53e9"}  # out of reach (tenth round)
MIN_SENTENCES = 5  # the looser signals' shape: the shorter side has at least this many content sentences


def written_kind(row: dict) -> str | None:
    """The written negative kind a pair holds (None: no written negative in it)."""
    return next((k for k in KINDS for d in (row["a"], row["b"]) if d.endswith(f"_{k}")), None)


def shorter_sentences(row: dict) -> int:
    return round(math.expm1(row["signals"]["shorter_sentences"]))


def accepted_negatives(rows: dict[str, list[dict]]) -> list[dict]:
    """Pairs of two gold stories the rules accept, with the path and the signals the paths read."""
    return [{"split": s, "a": r["a"], "b": r["b"], "kind": r["kind"], "written": written_kind(r), "rule": r["rule"],
             **{k: round(r["signals"][k], 3) for k in SIGNALS}, "sentences": shorter_sentences(r)}
            for s, rs in rows.items() for r in rs if r["class"] == "negative" and r["rule"]]


def missed_rewrites(rows: dict[str, list[dict]]) -> list[dict]:
    return [r for s in MISSED_SPLITS for r in rows.get(s, [])
            if r["class"] == "positive" and not r["rule"] and r["a"][:8] not in CROSS_LANGUAGE]


def margins(rows: dict[str, list[dict]], min_sentences: int = MIN_SENTENCES) -> dict[str, dict[str, dict]]:
    """Per written kind and signal: its strongest negative the rules keep apart (shorter side >= min_sentences), and
    how many missed rewrite pairs of that shape lie beyond it (closer to a rewrite than the negative)."""
    shaped = lambda r: shorter_sentences(r) >= min_sentences  # noqa: E731
    missed = [r for r in missed_rewrites(rows) if shaped(r)]
    apart = [(s, r) for s, rs in rows.items() for r in rs
             if r["class"] == "negative" and not r["rule"] and shaped(r) and written_kind(r)]
    out: dict[str, dict[str, dict]] = {}
    for kind in KINDS:
        mine = [(s, r) for s, r in apart if written_kind(r) == kind]
        if not mine:
            continue
        out[kind] = {}
        for signal in SIGNALS:
            sign = -1 if signal in SMALLER_IS_CLOSER else 1
            s, r = max(mine, key=lambda sr: sign * sr[1]["signals"][signal])
            value = r["signals"][signal]
            out[kind][signal] = {"value": round(value, 3), "pair": f"{s} {r['a']} ~ {r['b']}", "negatives": len(mine),
                                 "missed_beyond": sum(sign * m["signals"][signal] > sign * value for m in missed),
                                 "missed": len(missed)}
    return out


QUOTE = re.compile(r"[\"“”]")
SPEECH = re.compile(r"\b(said|says|told|added|wrote|according to)\b")
NAME = re.compile(r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)+)\b")
NOT_NAMES = {"The", "A", "In", "On", "But", "He", "She", "It", "We", "They"}  # sentence-initial capitals


def own_quoted_names(sentences: list[str], other: str) -> int:
    """Quoted sentences (quotation mark and speech verb) naming someone the other text never writes, by full name
    or last word: a report's own source. A rough English probe (capitalised words), not a rule."""
    count = 0
    for sentence in sentences:
        if QUOTE.search(sentence) and SPEECH.search(sentence):
            names = [n for n in NAME.findall(sentence) if n.split()[0] not in NOT_NAMES]
            count += any(n not in other and n.split()[-1] not in other for n in names)
    return count


def quote_probe() -> dict[str, tuple[int, int]]:
    """Per relation: documents with at least one own quoted name, of all (see own_quoted_names)."""
    from benchmarks.dedupe_quality import load_real
    from benchmarks.dedupe_study import SPLITS  # the development splits only: never a blind one
    from newsfacts.dedupe.text import split_sentences
    out: dict[str, list[int]] = {}
    for split in SPLITS:
        docs, labels, _ = load_real(split)
        body = {d.doc_id: d.body for d in docs}
        for r in labels:
            if r["relation"] not in ("rewrite", "independent") or r["doc"] not in body or r["other"] not in body:
                continue
            key = "written independent2" if r["doc"].endswith("_independent2") else (
                "written brief_other" if r["doc"].endswith("_brief_other") else r["relation"])
            found = own_quoted_names(split_sentences(body[r["doc"]]), body[r["other"]]) > 0
            out.setdefault(key, [0, 0])
            out[key][0] += found
            out[key][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def main() -> None:
    if not STUDY.exists():
        sys.exit(f"{STUDY} not found: run python -m benchmarks.dedupe_study first")
    rows = json.loads(STUDY.read_text(encoding="utf-8"))["rows"]
    accepted = accepted_negatives(rows)
    print(f"negative pairs the rules accept: {len(accepted)} "
          f"({sum(1 for a in accepted if a['written'])} holding a written negative)")
    for a in sorted(accepted, key=lambda a: (a["written"] or "", a["split"], a["a"])):
        print(f"  {a['split']:8s} {a['a']:30s} ~ {a['b']:30s} {a['written'] or a['kind']:15s} {a['rule']:26s} "
              f"nov {a['novelty']:.3f} loose {a['loose_covered_share']:.2f} chain {a['chain_share']:.2f} "
              f"sentences {a['sentences']}")
    print(f"\nstrongest negatives kept apart against the missed rewrites (shorter side >= {MIN_SENTENCES} sentences; "
          "missed beyond = missed rewrite pairs closer to a rewrite than that negative):")
    for kind, by_signal in margins(rows).items():
        print(f"  {kind} ({next(iter(by_signal.values()))['negatives']} pairs kept apart)")
        for signal, m in by_signal.items():
            print(f"    {signal:20s} {m['value']:.3f}  missed beyond {m['missed_beyond']}/{m['missed']}  {m['pair']}")
    if "--quotes" in sys.argv:
        print("\nown quoted names (documents with >= 1 / all):")
        for key, (found, total) in sorted(quote_probe().items()):
            print(f"  {key:22s} {found:4d} / {total}")


if __name__ == "__main__":
    main()
