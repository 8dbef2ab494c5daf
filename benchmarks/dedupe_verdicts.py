"""Every pair verify() accepts, on every real split, the eval set and the generated corpus's stories, with its method
and whether the two are one story: what a change to the verifier gains or loses, whatever the candidate stage offers.

Run: .venv/bin/python -m benchmarks.dedupe_verdicts [--corpus 10000] [--out FILE]   (~3-6 min with the corpus)

Real splits and the eval set: all pairs of a split past the vocabulary gate (not only the candidates one batch
makes), so a verdict the second chance or a later run could ask for is counted too. Generated corpus: all pairs of
documents of one story (its false merges are independent reports of one event); a pair is one story when both
descend (copy, rewrite) from one original or report. A pair accepted is `right` when it is one gold story, `false`
otherwise. Written as JSON (one row per accepted pair with the path's signals), and a summary is printed; run it on
two commits and compare the rows.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from benchmarks.dedupe_quality import corpus_documents, load_eval_docs, load_labels, load_real, real_stories
from benchmarks.dedupe_study import SPLITS
from newsfacts.config import PROJECT_ROOT
from newsfacts.dedupe.align import align, similarity_matrix
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import (Thresholds, consistent, coverage, covered_share, distinct_counterparts, novelty,
                                     stem_overlap, verify)

RESULTS = PROJECT_ROOT / "benchmarks" / "results" / "dedupe_verdicts.json"


def signals(a: Profile, b: Profile, t: Thresholds) -> dict:
    """What the coverage path reads of a pair, rounded for reading."""
    s = similarity_matrix(a, b)
    chain = consistent(align(a, b, t.sentence_similarity, s), a, b)
    covered = coverage(s, a, b, t.sentence_similarity, below=t.verbatim_similarity, facts=True)
    loose = coverage(s, a, b, t.loose_similarity, below=t.verbatim_similarity)
    shorter = min(a.content_sentences, b.content_sentences)
    return {"sentences": [a.content_sentences, b.content_sentences], "novelty": round(novelty(a, b), 3),
            "in_order": round(chain.in_order, 3), "chain": len(chain.pairs),
            "covered": round(covered_share(covered, a, b), 3), "distinct": distinct_counterparts(covered, a, b),
            "loose": round(len(loose.pairs) / shorter, 3) if shorter else 0.0}


def accepted(profiles: dict[str, Profile], pairs, same_story, t: Thresholds) -> list[dict]:
    rows = []
    for a, b in pairs:
        x, y = profiles[a], profiles[b]
        if stem_overlap(x, y) < t.min_stem_overlap:
            continue
        v = verify(x, y, t)
        if v is None:
            continue
        row = {"a": a, "b": b, "method": v.method, "right": same_story(a, b)}
        if v.method == "sentence_coverage" or not row["right"]:
            row["signals"] = signals(x, y, t)
        rows.append(row)
    return rows


def real_rows(t: Thresholds) -> dict[str, list[dict]]:
    out = {}
    for split in SPLITS:
        docs, labels, story = load_real(split)
        profiles = {d.doc_id: Profile.of(d.body) for d in docs}
        out[split] = accepted(profiles, combinations(sorted(profiles), 2), lambda a, b: story[a] == story[b], t)
    docs = load_eval_docs()
    story = real_stories(docs, [dict(r, kind="", relation="copy" if r["relation"] in ("exact", "near_exact") else r["relation"])
                                for r in load_labels()])
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    # The seeds: 004 is 001's rewrite (tests/dedupe), the others are stories of their own.
    story.update({"seed_004": story.get("seed_001", "seed_001")})
    out["eval"] = accepted(profiles, combinations(sorted(profiles), 2), lambda a, b: story[a] == story[b], t)
    return out


def corpus_rows(n: int, t: Thresholds) -> list[dict]:
    docs, truth, doc_of = corpus_documents(n)
    by_id = {d.doc_id: d for d in docs}
    role = {}
    for f in truth:
        if f["path"] in doc_of:
            role.setdefault(doc_of[f["path"]], f)
    root = {}

    def root_of(doc_id: str) -> str:
        f = role[doc_id]
        source = doc_of.get(f["source"] or "")
        return root_of(source) if source and source != doc_id else doc_id

    members = defaultdict(list)
    for doc_id, f in role.items():
        root[doc_id] = root_of(doc_id)
        members[f["story_id"]].append(doc_id)
    rows = []
    for story_id, ids in sorted(members.items()):
        if len(ids) < 2:
            continue
        profiles = {d: Profile.of(by_id[d].body) for d in ids}
        for row in accepted(profiles, combinations(sorted(ids), 2), lambda a, b: root[a] == root[b], t):
            rows.append(dict(row, story=story_id, roles=[role[row["a"]]["role"], role[row["b"]]["role"]]))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_verdicts", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=0, help="also the generated corpus of this many files")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    t = Thresholds()
    report = real_rows(t)
    if args.corpus:
        report[f"corpus{args.corpus}"] = corpus_rows(args.corpus, t)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=0), encoding="utf-8")
    for part, rows in report.items():
        methods = Counter((r["method"], r["right"]) for r in rows)
        false = [r for r in rows if not r["right"]]
        print(f"{part:>10}: {len(rows)} pairs accepted, {len(false)} false; sentence_coverage "
              f"{methods[('sentence_coverage', True)]} right, {methods[('sentence_coverage', False)]} false")
        for r in false:
            print(f"            false: {r['a']} ~ {r['b']} {r['method']} {r.get('story', '')} {r['signals']}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
