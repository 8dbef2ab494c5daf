"""Study, issue #21 (dedupe46): can the direction of a story's time be read from the text, without a date? A
follow-up tells a new event first and retells the original as background; a rewrite retells the original as news.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_told_after   (~4 min)

Three readings of "x was written after y", each on x's content sentences against y (retold: a sentence of y at
loose_similarity or above, as verify.development reads it):
- lead: of x's first Thresholds.told_lead content sentences, at most told_lead_retold retell y;
- framing: x's sentences that retell y place their events in the past (text.back_references) more often than its
  other sentences do, and at least one does;
- lead + framing (verify.told_after), and that with dedupe43's own specifics (at least development_specifics in
  x's unretold sentences that y never names).
Part 1 reads every pair one batch accepts (benchmarks.dedupe_paths.real_rows) on every development split, either
side as x, as a rule without dates must: the follow-up pairs it would part against the labelled pairs it would cut,
by kind, and how many of those have an undated side. Part 2 reads the pairs of documents of one outlet with an
undated side (benchmarks.dedupe_same_outlet), both ways: which side each reading places later. Nothing here is read
by newsfacts.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from benchmarks.dedupe_paths import _DATES, _profile, development_splits, real_rows  # noqa: E402
from benchmarks.dedupe_quality import load_real  # noqa: E402
from benchmarks.dedupe_same_outlet import split_pairs  # noqa: E402
from newsfacts.dedupe.align import similarity_matrix  # noqa: E402
from newsfacts.dedupe.text import Profile, back_references  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, content_rows, told_after  # noqa: E402

READINGS = ("lead", "framing", "lead + framing", "lead + framing + own specifics")


def readings(later: Profile, earlier: Profile, t: Thresholds) -> dict[str, bool]:
    """Each reading of "`later` was written after `earlier`" (see the module's docstring)."""
    rows = content_rows(later)
    if len(rows) < t.told_lead or not earlier.sentence_count:
        return dict.fromkeys(READINGS, False)
    retold = (similarity_matrix(later, earlier)[rows] >= t.loose_similarity).any(axis=1)
    lead = bool(retold[: t.told_lead].sum() <= t.told_lead_retold)
    past = np.array(back_references(later.sentences))[rows]
    framing = bool(past[retold].any() and (retold.all() or past[retold].mean() > past[~retold].mean()))
    foreign = later.mentioned - earlier.mentioned - earlier.openers
    own = set().union(*(later.specifics(i) & foreign for i in rows[~retold].tolist()))
    assert (lead and framing) == told_after(later, earlier, t)
    return {"lead": lead, "framing": framing, "lead + framing": lead and framing,
            "lead + framing + own specifics": lead and framing and len(own) >= t.development_specifics}


def accepted_pairs(splits: list[str], t: Thresholds) -> list[dict]:
    """Part 1's rows: every accepted pair, its class and kind, whether a side is undated, each reading both ways."""
    out = []
    for split in splits:
        for r in (r for r in real_rows(split, t) if r["rule"]):
            a, b = _profile(split, r["a"]), _profile(split, r["b"])
            out.append({"split": split, "a": r["a"], "b": r["b"], "class": r["class"], "kind": r["kind"],
                        "undated": _DATES[split][r["a"]] is None or _DATES[split][r["b"]] is None,
                        "ab": readings(a, b, t), "ba": readings(b, a, t)})
        print(f"{split}: {len(out)} accepted pairs so far", file=sys.stderr, flush=True)
    return out


def outlet_pairs(splits: list[str], t: Thresholds) -> list[dict]:
    """Part 2's rows: pairs of one outlet with an undated side, each reading both ways."""
    out = []
    for split in splits:
        bodies = {d.doc_id: d.body for d in load_real(split)[0]}
        for row in split_pairs(split):
            if row["dates"] == "undated":
                a, b = Profile.of(bodies[row["a"]]), Profile.of(bodies[row["b"]])
                out.append({**row, "ab": readings(a, b, t), "ba": readings(b, a, t)})
    return out


def direction(row: dict, reading: str, later: str) -> str:
    """Which side of a pair the reading places later, one way only, as named by `later`'s side."""
    ab, ba = row["ab"][reading], row["ba"][reading]
    if ab == ba:
        return "both" if ab else "neither"
    return "right" if (row["a"] if ab else row["b"]) == later else "wrong"


def main() -> None:
    t = Thresholds()
    splits = development_splits()
    rows = accepted_pairs(splits, t)
    print("Part 1: every accepted pair of one batch, either side read as the later (a rule without dates)")
    for reading in READINGS:
        parted = Counter(r["split"] for r in rows if r["class"] == "negative" and r["kind"] == "follow_up"
                         and (r["ab"][reading] if "follow_up" in r["a"] else r["ba"][reading]))
        cut = [r for r in rows if r["class"] == "positive" and (r["ab"][reading] or r["ba"][reading])]
        kinds = Counter(r["kind"] for r in cut)
        print(f"  {reading}: follow-up pairs parted {sum(parted.values())} on {len(parted)} splits; labelled pairs "
              f"cut {len(cut)} of {sum(r['class'] == 'positive' for r in rows)} "
              f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}; "
              f"{sum(r['undated'] for r in cut)} with an undated side)")
        per_split = Counter(r["split"] for r in cut)
        print("    per split, follow-up pairs parted / labelled pairs cut: " + ", ".join(
            f"{s} {parted[s]}/{per_split[s]}" for s in splits if parted[s] or per_split[s]))
    pairs = outlet_pairs(splits, t)
    print("\nPart 2: documents of one outlet with an undated side, read both ways")
    for reading in READINGS:
        follow = Counter(direction(r, reading, r["a"] if "follow_up" in r["a"] else r["b"])
                         for r in pairs if r["gold"] == "follow_up")
        others = Counter(f"{r['gold']} {'one way' if r['ab'][reading] != r['ba'][reading] else 'not'}"
                         for r in pairs if r["gold"] in ("copies", "brief"))
        print(f"  {reading}: follow-up ~ original: follow-up later {follow['right']}, original later "
              f"{follow['wrong']}, both {follow['both']}, neither {follow['neither']}; "
              f"{', '.join(f'{k} {n}' for k, n in sorted(others.items()))}")


if __name__ == "__main__":
    main()
