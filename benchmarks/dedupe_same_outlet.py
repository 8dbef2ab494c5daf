"""Study, issue #21: two documents of one outlet published on different days, read as two stories of that outlet
(a follow-up, an update with news), never a rewrite of each other: an outlet does not content-farm its own story.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_same_outlet   (~1 min)

For every development split (originals and copies through the parser, as dedupe_quality loads them), every pair of
documents whose newsrooms meet (parse.outlet_names.one_newsroom: either's outlet or site names either's) is listed
with its gold relation: a labelled rewrite or copy (a positive the reading would cut if dated apart), or two stories
(what it would part).
Pairs with an undated side are counted apart: the reading does not apply to them. A study: nothing here is read by
newsfacts.
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_paths import development_splits  # noqa: E402
from benchmarks.dedupe_quality import load_real  # noqa: E402

from newsfacts.parse.outlet_names import one_newsroom  # noqa: E402


def pair_reading(a, b, story: dict[str, str], relation: dict[frozenset, str]) -> dict:
    """One same-outlet pair: its gold relation and how the reading sees its dates."""
    gold = relation.get(frozenset((a.doc_id, b.doc_id)))
    same_story = story[a.doc_id] == story[b.doc_id]
    dated = a.published_date is not None and b.published_date is not None
    return {"a": a.doc_id, "b": b.doc_id, "outlets": ((a.outlet, a.site), (b.outlet, b.site)),
            "gold": gold or ("same story" if same_story else "two stories"),
            "dates": "undated" if not dated else "same day" if a.published_date == b.published_date else "apart"}


def split_pairs(split: str) -> list[dict]:
    docs, labels, story = load_real(split)
    relation = {frozenset((r["doc"], r["other"])): r["kind"] for r in labels}
    return [{"split": split, **pair_reading(a, b, story, relation)}
            for a, b in combinations(docs, 2) if one_newsroom((a.outlet, a.site), (b.outlet, b.site))]


def main() -> None:
    totals = Counter()
    for split in development_splits():
        for row in split_pairs(split):
            totals[(row["gold"], row["dates"])] += 1
            if row["gold"] != "two stories" or row["dates"] != "undated":
                print(row)
    for (gold, dates), n in sorted(totals.items()):
        print(f"{gold:>24} {dates:>9} {n}")


if __name__ == "__main__":
    main()
