"""Audit, issue #21: each path of verify() that accepts a pair, its precision on every development split and the
generated eval set, and the margin between its weakest positive and its strongest negative on each signal.

Run: .venv/bin/python -m benchmarks.dedupe_paths   (~3 min; writes benchmarks/results/dedupe_paths.json)

Pairs are the candidates one batch verifies (benchmarks.dedupe_study.split_rows: LSH bands, the vocabulary gate,
the shortlist and the second chance, verify() then batch.expansions_apart); on the eval set (benchmarks/dedupe_eval
with the seeds), every pair. A pair is accepted by the path named in its verdict's method. Positives: labelled
rewrites and copies; negatives: pairs of two gold stories, by kind (follow_up, independent, brief_other, same_topic,
same_event, other_story); two members of one story (two rewrites of one source) are not scored. Besides the study's
signals, the reporting each side adds of its own (own_reporting: a rewrite adds none, a follow-up or a rival report
does). A study, not a product change: nothing here is read by newsfacts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_quality import (LEVELS, labelled_pairs, load_eval_docs, load_labels, load_real,  # noqa: E402
                                      real_splits)
from benchmarks.dedupe_study import pair_vector, split_rows  # noqa: E402
import numpy as np  # noqa: E402

from newsfacts.dedupe.align import similarity_matrix  # noqa: E402
from newsfacts.dedupe.text import Profile  # noqa: E402
from newsfacts.dedupe.verify import (Thresholds, content_rows, own_quote, own_source, own_statements,  # noqa: E402
                                     unnamed_speakers, verify)

RESULTS = ROOT / "benchmarks" / "results" / "dedupe_paths.json"
BLIND: set[str] = set()  # a split being written blind goes here until it is scored once (fresh16-fresh22 were, and are development data since)


def development_splits(requested: list[str] | None = None, parser: argparse.ArgumentParser | None = None) -> list[str]:
    """The splits a study reads: those asked for, else every split of the real set not being written blind, as
    fresh, fresh2, ..., fresh21. Why one place: a blind split must stay out of every study, however it is called."""
    if blind := BLIND & set(requested or ()):
        message = f"blind split, off limits: {', '.join(sorted(blind))}"
        if parser is None:
            raise ValueError(message)
        parser.error(message)
    return list(requested) if requested else sorted(real_splits() - BLIND, key=lambda s: (len(s), s))
NEGATIVE_KINDS = ("follow_up", "independent", "brief_other", "same_topic", "same_event", "other_story")
# Signals where a smaller value means a rewrite; every other signal reads larger = rewrite.
# The margins the README's table shows, per path: the signals the paths read most.
TABLE_SIGNALS = ("novelty", "chain_in_order", "covered_distinct", "loose_covered_share", "specifics_in_order",
                 "item_stems_kept", "own_statements")
SMALLER_IS_REWRITE = {"novelty", "novelty_max", "other_figures", "length_ratio", "expand_other_items",
                      "own_statements", "own_quotes_both", "own_speaker"}


def own_reporting(a: Profile, b: Profile, t: Thresholds) -> dict[str, float]:
    """What a side adds of its own that the other lacks: sentences naming someone or something new and retelling
    nothing (own_statements, the less novel side), quotations of words the other never uses, both ways, and a
    shorter side's speaker the longer never names."""
    similarity = similarity_matrix(a, b)
    return {"own_statements": float(own_statements(similarity, a, b, t.loose_similarity)),
            "own_quotes_both": float(own_quote(a, b, t) and own_quote(b, a, t)),
            "own_speaker": float(own_source(a, b) is not None)}


# First-person pronouns outside quotations: an outlet's own testing or presence ("we measured", "our captures").
FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|my|me)\b", re.IGNORECASE)
QUOTATION = re.compile(r"[\"\u201c][^\"\u201d]*[\"\u201d]")
LEAD = 2  # content sentences that make a document's lead (as Thresholds.expansion_lead)


def candidate_requirements(a: Profile, b: Profile, t: Thresholds) -> dict[str, bool]:
    """Candidate readings of "a rewrite adds no reporting of its own", each True where the pair FAILS it (would be
    kept apart): the longer side introduces or quotes someone the shorter never names (new people, the side an
    expansion pads); both sides name figures the other lacks (new figures both ways: one of them must be the
    source, which may hold figures its rewrite dropped, but the rewrite adds none); both sides hold a content sentence
    naming something the other never names that retells nothing of it, loosely or around a shared name (statements
    of their own both ways); exactly one side writes in the first person outside quotations (first-person reporting);
    neither side's lead is retold in the other's lead (a follow-up opens with its new development)."""
    similarity = similarity_matrix(a, b)
    short, long = (a, b) if a.content_sentences <= b.content_sentences else (b, a)

    def own_sentences(x: Profile, y: Profile, matrix: np.ndarray) -> int:
        foreign = x.mentioned - y.mentioned - y.openers
        count = 0
        for i in content_rows(x).tolist() if foreign else []:
            names = x.specifics(i)
            near = np.flatnonzero(matrix[i] >= t.cut_similarity).tolist()
            retold = (matrix[i] >= t.loose_similarity).any() or any(names & y.specifics(j) for j in near)
            count += bool(names & foreign and not retold)
        return count

    def lead_retold(x: Profile, y: Profile, matrix: np.ndarray) -> bool:
        first, opening = content_rows(x)[:1], content_rows(y)
        if not len(first) or not len(opening) or matrix[first[0]][opening].max() <= 0:
            return False
        return int(np.argmax(matrix[first[0]][opening])) < LEAD

    def first_person(x: Profile) -> bool:
        return bool(x.body and FIRST_PERSON.search(QUOTATION.sub(" ", x.body)))

    return {"new_people": bool(unnamed_speakers(long, short)),
            "new_figures_both_ways": bool(a.figures - b.figures and b.figures - a.figures),
            "own_statements_both_ways": bool(own_sentences(a, b, similarity) and own_sentences(b, a, similarity.T)),
            "first_person_one_side": first_person(a) != first_person(b),
            "lead_not_retold": not (lead_retold(a, b, similarity) or lead_retold(b, a, similarity.T))}


def negative_kind(a: str, b: str, kind: str) -> str:
    """The brief's negative kinds, read from the two documents' roles (their names) and the study's kind."""
    roles = (a.split("_", 1)[1] if "_" in a else "", b.split("_", 1)[1] if "_" in b else "")
    for role, name in (("brief_other", "brief_other"), ("expanded_other", "brief_other"), ("follow", "follow_up"),
                       ("independent", "independent"), ("same_topic", "same_topic")):
        if any(r.startswith(role) for r in roles):
            return name
    if "same event" in kind:
        return "same_event"
    return "independent" if kind == "independent" else "follow_up" if kind.startswith("follow") else "other_story"


def real_rows(split: str, t: Thresholds) -> list[dict]:
    data = split_rows(split, t)
    profiles: dict[str, Profile] = {}
    rows = []
    for r in data["rows"]:
        if r["class"] == "same_story":
            continue
        for d in (r["a"], r["b"]):
            if d not in profiles:
                profiles[d] = _profile(split, d)
        r["signals"].update(own_reporting(profiles[r["a"]], profiles[r["b"]], t))
        fails = candidate_requirements(profiles[r["a"]], profiles[r["b"]], t) if r["rule"] else {}
        kind = r["kind"] if r["class"] == "positive" else negative_kind(r["a"], r["b"], r["kind"])
        rows.append({"split": split, "a": r["a"], "b": r["b"], "class": r["class"], "kind": kind,
                     "rule": r["rule"], "signals": r["signals"],
                     "dated_apart": dated_apart(_DATES[split][r["a"]], _DATES[split][r["b"]], t), "fails": fails})
    return rows


_BODIES: dict[str, dict[str, Profile]] = {}
_DATES: dict[str, dict[str, date | None]] = {}


def _profile(split: str, doc_id: str) -> Profile:
    if split not in _BODIES:
        docs = load_real(split)[0]
        _BODIES[split] = {d.doc_id: Profile.of(d.body) for d in docs}
        _DATES[split] = {d.doc_id: d.published_date for d in docs}
    return _BODIES[split][doc_id]


def dated_apart(x: date | None, y: date | None, t: Thresholds) -> bool:
    """Whether two dated documents were published more than max_rewrite_days apart: batch.published_apart drops
    such a rewrite link (it also dates an undated document by its story, which this audit does not)."""
    return x is not None and y is not None and abs((x - y).days) > t.max_rewrite_days


def eval_rows(t: Thresholds) -> list[dict]:
    """Every pair of the hand-written eval set and the seeds, as verify() judges it alone."""
    profiles, group, relation = labelled_pairs(load_eval_docs(), load_labels())
    rows = []
    for a, b in combinations(sorted(profiles), 2):
        rel = relation.get(frozenset((a, b)))
        if rel in LEVELS:
            cls, kind = "positive", rel
        elif group[a] != group[b] or rel:
            cls, kind = "negative", (rel or "other_story").replace("followup", "follow_up")
        else:
            continue
        v = verify(profiles[a], profiles[b], t)
        signals = pair_vector(profiles[a], profiles[b], t) | own_reporting(profiles[a], profiles[b], t)
        rows.append({"split": "eval", "a": a, "b": b, "class": cls, "kind": kind, "rule": v.method if v else None,
                     "signals": signals, "dated_apart": False,
                     "fails": candidate_requirements(profiles[a], profiles[b], t) if v else {}})
    return rows


def audit(rows: list[dict]) -> dict:
    """Per path: positives and negatives accepted, per split and negative kind, and per signal the weakest accepted
    positive against the strongest accepted negative (or, with none accepted, the strongest negative no path accepted
    in the path's shape), margin > 0 where the signal alone parts them."""
    by_path: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["rule"]:
            by_path[r["rule"]].append(r)
    rejected = [r for r in rows if r["class"] == "negative" and not r["rule"]]
    out = {}
    for path, accepted in sorted(by_path.items(), key=lambda kv: -len(kv[1])):
        pos = [r for r in accepted if r["class"] == "positive"]
        neg = [r for r in accepted if r["class"] == "negative"]
        per_split = defaultdict(lambda: {"positives": 0, "negatives": 0})
        for r in accepted:
            per_split[r["split"]]["positives" if r["class"] == "positive" else "negatives"] += 1
        kinds = defaultdict(int)
        for r in neg:
            kinds[r["kind"]] += 1
        # With no negative accepted, the negatives in the path's shape: no more novel, no further apart in length
        # than the positives it accepts.
        top = lambda k: max(r["signals"][k] for r in pos)  # noqa: E731
        against = neg or [r for r in rejected if r["signals"]["novelty"] <= top("novelty")
                          and r["signals"]["length_ratio"] <= top("length_ratio")]
        margins = {}
        for signal in sorted({k for r in pos for k in r["signals"]}):
            if not pos or not against or not all(signal in r["signals"] for r in against):
                continue
            sign = -1.0 if signal in SMALLER_IS_REWRITE else 1.0
            weakest = min(pos, key=lambda r: sign * r["signals"][signal])
            strongest = max(against, key=lambda r: sign * r["signals"][signal])
            margins[signal] = {"weakest_positive": round(weakest["signals"][signal], 3),
                               "strongest_negative": round(strongest["signals"][signal], 3),
                               "margin": round(sign * (weakest["signals"][signal] - strongest["signals"][signal]), 3),
                               "positive": f"{weakest['split']} {weakest['a']} ~ {weakest['b']}",
                               "negative": f"{strongest['split']} {strongest['a']} ~ {strongest['b']}"}
        out[path] = {"positives": len(pos), "negatives": len(neg), "negative_kinds": dict(kinds),
                     "negatives_within_days": sum(not r["dated_apart"] for r in neg),
                     "per_split": dict(per_split),
                     "margins_against": "accepted negatives" if neg else "rejected negatives in its shape",
                     "margins": margins,
                     "false_pairs": [f"{r['split']} {r['a']} ~ {r['b']} ({r['kind']}"
                                     + (", dated apart)" if r["dated_apart"] else ")") for r in neg]}
    return out


def requirement_costs(rows: list[dict]) -> dict[str, dict]:
    """Per candidate requirement, over every pair some path accepts: the labelled positives it would cost and the
    pairs of two stories it would part (those within max_rewrite_days apart, which the dates leave), with their
    splits, per path."""
    out: dict[str, dict] = {}
    accepted = [r for r in rows if r["rule"] and r["class"] in ("positive", "negative")]
    for name in sorted({k for r in accepted for k in r["fails"]}):
        failing = [r for r in accepted if r["fails"].get(name)]
        pos = [r for r in failing if r["class"] == "positive"]
        neg = [r for r in failing if r["class"] == "negative"]
        out[name] = {"positives_lost": len(pos), "positives": sum(r["class"] == "positive" for r in accepted),
                     "negatives_parted": len(neg), "negatives": sum(r["class"] == "negative" for r in accepted),
                     "within_days_parted": sum(not r["dated_apart"] for r in neg),
                     "splits_parted": sorted({r["split"] for r in neg if not r["dated_apart"]}),
                     "by_path": {p: [sum(r["class"] == c and r["rule"] == p for r in failing)
                                     for c in ("positive", "negative")]
                                 for p in sorted({r["rule"] for r in failing})}}
    return out


def markdown(report: dict, costs: dict | None = None) -> str:
    """The audit as two tables: what each path accepts, and its margins on TABLE_SIGNALS."""
    lines = ["| path | positives | pairs of two stories | by kind | within max_rewrite_days | splits |",
             "| --- | ---: | ---: | --- | ---: | --- |"]
    for path, p in report.items():
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(p["negative_kinds"].items())) or "-"
        splits = ", ".join(f"{s} {c['negatives']}" for s, c in p["per_split"].items() if c["negatives"]) or "-"
        lines.append(f"| {path} | {p['positives']} | {p['negatives']} | {kinds} | {p['negatives_within_days']} |"
                     f" {splits} |")
    lines += ["", "| path | against | " + " | ".join(TABLE_SIGNALS) + " |",
              "| --- | --- | " + " | ".join("---:" for _ in TABLE_SIGNALS) + " |"]
    for path, p in report.items():
        cells = [(f"{m['weakest_positive']} / {m['strongest_negative']} ({m['margin']:+})" if (m := p["margins"].get(k))
                  else "-") for k in TABLE_SIGNALS]
        lines.append(f"| {path} | {'accepted' if p['negatives'] else 'in shape'} | " + " | ".join(cells) + " |")
    if costs:
        lines += ["", "| requirement (pair fails it) | positives lost | pairs of two stories parted | within days |"
                  " splits (within days) | per path (positives / negatives failing) |",
                  "| --- | ---: | ---: | ---: | --- | --- |"]
        for name, c in costs.items():
            paths = ", ".join(f"{p} {n[0]}/{n[1]}" for p, n in c["by_path"].items())
            lines.append(f"| {name} | {c['positives_lost']} of {c['positives']} | {c['negatives_parted']} of"
                         f" {c['negatives']} | {c['within_days_parted']} | {', '.join(c['splits_parted']) or '-'} |"
                         f" {paths} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_paths", description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", help="development splits to audit (default: all but the blind ones)")
    parser.add_argument("--markdown", action="store_true", help="print the README's two tables instead")
    args = parser.parse_args(argv)
    splits = development_splits(args.split, parser)
    t = Thresholds()
    rows = eval_rows(t)
    for split in splits:
        rows += real_rows(split, t)
        print(f"{split}: {sum(r['split'] == split for r in rows)} candidate pairs", file=sys.stderr, flush=True)
    report, costs = audit(rows), requirement_costs(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"report": report, "requirements": costs, "rows": rows}, indent=1),
                       encoding="utf-8")
    if args.markdown:
        print(markdown(report, costs))
        return
    for path, p in report.items():
        print(f"\n{path}: {p['positives']} positives, {p['negatives']} negatives {p['negative_kinds']}")
        print("  per split: " + ", ".join(f"{s} {c['positives']}/{c['negatives']}" for s, c in p["per_split"].items()))
        for f in p["false_pairs"]:
            print(f"  false: {f}")
        for signal, m in sorted(p["margins"].items(), key=lambda kv: -kv[1]["margin"]):
            print(f"  {signal:<22} weakest positive {m['weakest_positive']:>7} strongest negative"
                  f" {m['strongest_negative']:>7} margin {m['margin']:>7}  ({m['positive']} | {m['negative']})")


if __name__ == "__main__":
    main()
