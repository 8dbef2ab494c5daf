"""Study, issue #21: which member of a story is its source? On every development split, each labelled story (an
original with its copies, rewrites and briefs) is read as one batch reads it, and the source each rule picks among
the members published the same first day is compared with the labelled original; and whether the story's canonical
(its members' duplicate_of target) is the original, in one batch and with the originals and copies in a later run.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_story_source [split ...]   (~6 min)

The story is the original's component of the links `outlets_next_story` reads (this batch's verdicts after the
earlier checks). Its first day is the earliest own date (a document's or its copies') among its members; a story
whose original is undated has no first-day tie the source rule reads (the undated branch reads it). Rules:
- today: the member this batch verified most, then the most original (`batch._originality`): dedupe45's pick;
- canonical: the most original (the earliest dated, then the first staged): the issue's rule before dedupe51;
- holds: the member whose specifics hold the others' (the mean share of each other member's specifics it names:
  a rewrite retells the source's names and figures, nearly a subset, and adds framing), then today's;
- holds_then_verified: today's pick, ties of verified counts broken by `holds`;
- dominates: the member fewest other first-day members dominate (hold a larger share of its specifics than it
  holds of theirs), then today's;
- retold_count: the member with the most content sentences some other member retells (verify.sentences_retold),
  then today's: dedupe51's `batch._story_source`;
- retold_share: the same as a share of its content sentences.
A study: nothing here is read by newsfacts.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_paths import development_splits  # noqa: E402
from benchmarks import dedupe_quality as dq  # noqa: E402
import numpy as np  # noqa: E402

from newsfacts.dedupe import Thresholds, batch  # noqa: E402
from newsfacts.dedupe.align import similarity_matrix  # noqa: E402

THRESHOLDS = Thresholds()

RULES = ("today", "canonical", "holds", "holds_then_verified", "dominates", "retold_count", "retold_share")


def held_share(s: str, others: list[str], profiles: dict) -> float:
    """The mean share of each other member's specifics that `s` names."""
    mine = profiles[s].mentioned
    shares = [len(profiles[m].mentioned & mine) / len(profiles[m].mentioned) for m in others
              if profiles[m].mentioned]
    return sum(shares) / len(shares) if shares else 0.0


def holds(a: str, b: str, profiles: dict) -> float:
    """The share of b's specifics that a names."""
    theirs = profiles[b].mentioned
    return len(profiles[a].mentioned & theirs) / len(theirs) if theirs else 1.0


def dominated(s: str, first: list[str], profiles: dict) -> int:
    """How many other first-day members hold a larger share of s's specifics than s holds of theirs."""
    return sum(holds(t, s, profiles) > holds(s, t, profiles) for t in first if t != s)


def retold(s: str, others: list[str], profiles: dict) -> tuple[int, int]:
    """s's content sentences retold by some other member (similarity >= sentence_similarity), and how many it has:
    a rewrite's framing and an expansion's additions are retold by no one, a source's sentences by its rewrites."""
    p = profiles[s]
    content = np.bincount(p.stem_rows, minlength=p.sentence_count) >= 3
    best = np.zeros(p.sentence_count)
    for m in others:
        sim = similarity_matrix(p, profiles[m])
        if sim.size:
            best = np.maximum(best, sim.max(axis=1))
    return int((content & (best >= THRESHOLDS.sentence_similarity)).sum()), int(content.sum())


def picks(first: list[str], story: set[str], members, verified: Counter, profiles) -> dict[str, str]:
    """Each rule's source among the first-day members `first` of `story`."""
    held = {s: held_share(s, sorted(story - {s}), profiles) for s in first}
    told = {s: retold(s, sorted(story - {s}), profiles) for s in first}
    beaten = {s: dominated(s, first, profiles) for s in first}
    origin = lambda d: batch._originality(members[d])  # noqa: E731
    return {"today": min(first, key=lambda d: (-verified[d], origin(d))),
            "canonical": min(first, key=origin),
            "holds": min(first, key=lambda d: (-held[d], -verified[d], origin(d))),
            "holds_then_verified": min(first, key=lambda d: (-verified[d], -held[d], origin(d))),
            "dominates": min(first, key=lambda d: (beaten[d], -verified[d], origin(d))),
            "retold_count": min(first, key=lambda d: (-told[d][0], -verified[d], origin(d))),
            "retold_share": min(first, key=lambda d: (-told[d][0] / max(1, told[d][1]), -told[d][0], -verified[d],
                                                      origin(d)))}


def split_stories(split: str) -> list[dict]:
    """Every labelled story of a split with two or more members joined, as one batch links them."""
    docs, labels, story = dq.load_real(split)
    seen: dict = {}
    real = batch.outlets_next_story

    def capture(verdicts, members, profiles=None, thresholds=None, told=None):
        seen.update(verdicts=verdicts, members=members, profiles=profiles)
        return real(verdicts, members, profiles, thresholds, told)

    batch.outlets_next_story = capture
    try:
        predicted = dq.run_one_batch(docs)
    finally:
        batch.outlets_next_story = real
    verdicts, members, profiles = seen["verdicts"], seen["members"], seen["profiles"]
    # The originals and copies in a later run, as dedupe_quality's second scenario stages them.
    originals = [d for d in docs if d.doc_id.endswith(("_original", "_copy"))]
    later = dq.run_across_runs([d for d in docs if d not in originals] + originals,
                               [{"doc": d.doc_id, "relation": "rewrite"} for d in docs if d not in originals])
    dates = batch._PublicationDates.of(verdicts, members)
    linked = batch._story_links(verdicts, members)
    verified = Counter(d for key in verdicts for d in key)
    rows = []
    for original in sorted(d for d in story if story[d] == d and d.endswith("_original")):
        joined = batch._reached(original, linked) & {d for d in story if story[d] == original}
        if len(joined) < 2:
            continue
        row = {"split": split, "original": original, "members": len(joined),
               "canonical_now": predicted[original][0] == original,
               "canonical_later_run": later[original][0] == original}
        theirs = min((d for d in map(dates.own_date, joined) if d is not None), default=None)
        mine = dates.own_date(original)
        if mine is None:
            row["case"] = "original undated"
        elif mine != theirs:
            row["case"] = "a member dated before the original"
        else:
            first = sorted(d for d in joined if dates.own_date(d) == theirs)
            row["case"] = "original alone on the first day" if len(first) == 1 else "first-day tie"
            row["first"] = {d: (verified[d], round(held_share(d, sorted(joined - {d}), profiles), 3),
                                retold(d, sorted(joined - {d}), profiles), dominated(d, first, profiles))
                            for d in first}
            row["picks"] = picks(first, joined, members, verified, profiles)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> None:
    splits = development_splits((argv if argv is not None else sys.argv[1:]) or None)
    cases, wrong = Counter(), Counter()
    for split in splits:
        for row in split_stories(split):
            cases[row["case"]] += 1
            cases["canonical is not the original (one batch)"] += not row["canonical_now"]
            cases["canonical is not the original (originals in a later run)"] += not row["canonical_later_run"]
            if row["case"] != "first-day tie":
                continue
            cases["first-day tie, canonical not the original (later run)"] += not row["canonical_later_run"]
            for rule in RULES:
                wrong[rule] += row["picks"][rule] != row["original"]
                wrong[f"{rule}, nor its copy"] += row["picks"][rule] not in (row["original"],
                                                                             row["original"][:-9] + "_copy")
            if not (row["canonical_now"] and row["canonical_later_run"]) or any(
                    row["picks"][rule] != row["original"] for rule in RULES):
                print(row, flush=True)
    print(f"\nstories: {dict(cases)}")
    print(f"first-day ties ({cases['first-day tie']}): the pick is not the original: {dict(wrong)}")


if __name__ == "__main__":
    main()
