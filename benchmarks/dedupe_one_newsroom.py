"""Study, issue #21 (dedupe49): two documents of one newsroom never joined at rewrite level, dates or not.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_one_newsroom [--split ...]   (~3 min)

Every development split is deduped in one batch at the head and under each reading, the reading applied after
`batch.outlets_next_story` on the batch's rewrite verdicts (exact and near_exact links always stay):
- pair: a rewrite verdict whose two sides share a newsroom (`outlet_names.one_newsroom`) is dropped;
- story: a document dated by itself leaves the story of an undated member of its newsroom (dedupe46's
  `outlets_next_story` without `verify.told_after`: the text need not place it later);
- longer: dedupe46's reading, or the dated page has more content sentences than the undated one (batch._tells_more,
  before the guard dedupe49 built: the undated page verified at least as often);
- source: a document leaves a story whose source (its most verified member, dates not read) shares its newsroom.
"head" is the code checked out: the readings were measured at main 9a53edc (benchmarks/README.md, dedupe49), and
under dedupe49 "head" is what it built.
Per split: the verdicts each reading drops, by gold relation (labelled rewrite or copy, brief, two stories), and the
clusters scored (false pairs, labelled pairs found). A study: nothing here is read by newsfacts.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_paths import development_splits  # noqa: E402
from benchmarks.dedupe_quality import load_real, run_one_batch, score_real  # noqa: E402

from newsfacts.dedupe import batch  # noqa: E402
from newsfacts.parse.outlet_names import one_newsroom  # noqa: E402

READINGS = ("head", "pair", "story", "longer", "source")
_head_next_story = batch.outlets_next_story
_told = batch._ToldAfter.__call__


def pair_reading(verdicts, members, profiles=None, thresholds=None) -> dict:
    """Rewrite verdicts of two pages of one newsroom dropped, whatever their dates."""
    kept = _head_next_story(verdicts, members, profiles, thresholds)
    return {key: v for key, v in kept.items()
            if v.level != "rewrite" or not all(members[d].outlet or members[d].site for d in key)
            or not one_newsroom(members[key[0]].newsroom, members[key[1]].newsroom)}


def story_reading(verdicts, members, profiles=None, thresholds=None) -> dict:
    """dedupe46's reading with the text's placement always granted."""
    with mock.patch.object(batch._ToldAfter, "__call__", lambda self, later, earlier: True):
        return _head_next_story(verdicts, members, profiles, thresholds)


def longer_reading(verdicts, members, profiles=None, thresholds=None) -> dict:
    """dedupe46's reading, or by length: the dated page tells more content sentences
    than the undated page of its newsroom (a newsroom's brief of its own page is shorter, its next story longer)."""
    def longer(self, later, earlier):
        a, b = self.profiles.get(later), self.profiles.get(earlier)
        return _told(self, later, earlier) or (
            a is not None and b is not None and a.content_sentences > b.content_sentences)

    with mock.patch.object(batch._ToldAfter, "__call__", longer):
        return _head_next_story(verdicts, members, profiles, thresholds)


def source_reading(verdicts, members, profiles=None, thresholds=None) -> dict:
    """A document leaves a story whose most verified member (dates not read) is of its newsroom."""
    kept = _head_next_story(verdicts, members, profiles, thresholds)
    linked = batch._story_links(kept, members)
    verified = Counter(d for key in kept for d in key)
    out = {}
    for key, v in kept.items():
        if v.level == "rewrite" and all(d in members for d in key):
            if any(_leaves(x, y, members, linked, verified) for x, y in (key, key[::-1])):
                continue
        out[key] = v
    return out


def _leaves(x, y, members, linked, verified) -> bool:
    if not (members[x].outlet or members[x].site):
        return False
    story = batch._reached(y, linked, leaving_out=x)
    source = min(story, key=lambda d: (-verified[d], batch._originality(members[d])))
    return verified[source] > verified[x] and one_newsroom(members[x].newsroom, members[source].newsroom)


CHECKS = {"pair": pair_reading, "story": story_reading, "longer": longer_reading, "source": source_reading}


def run(split: str, reading: str) -> tuple[dict, list]:
    """One batch of the split under a reading: its scores and the verdicts the reading dropped."""
    docs, labels, story = load_real(split)
    dropped: list = []
    if reading == "head":
        return score_real(run_one_batch(docs), docs, labels, story), dropped

    def check(verdicts, members, profiles=None, thresholds=None):
        kept = CHECKS[reading](verdicts, members, profiles, thresholds)
        head = _head_next_story(verdicts, members, profiles, thresholds)
        dropped.extend(key for key in head if key not in kept)
        return kept

    with mock.patch.object(batch, "outlets_next_story", check):
        scores = score_real(run_one_batch(docs), docs, labels, story)
    relation = {frozenset((r["doc"], r["other"])): f"{r['relation']}:{r['kind']}" for r in labels}
    named = [(a, b, relation.get(frozenset((a, b)), "same story" if story[a] == story[b] else "two stories"))
             for a, b in dropped]
    return scores, named


def summary(scores: dict) -> tuple[int, int, int]:
    found = sum(scores[k]["found"] for k in ("condensed", "expanded", "restyled", "reordered", "copies"))
    return len(scores["false_merges"]), found, scores["rewrite"]["f1"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", default=None)
    parser.add_argument("--reading", nargs="+", default=list(READINGS), choices=READINGS)
    args = parser.parse_args(argv)
    for split in development_splits(args.split, parser):
        line = [split]
        for reading in args.reading:
            scores, dropped = run(split, reading)
            false, found, f1 = summary(scores)
            line.append(f"{reading}: false {false} found {found} F1 {f1}")
            for a, b, rel in dropped:
                print(f"  {split} {reading} drops {a} ~ {b} [{rel}]")
            if reading != "head":
                parted = sorted(set(head_false) - set(scores["false_merges"]))
                made = sorted(set(scores["false_merges"]) - set(head_false))
                if parted or made:
                    print(f"  {split} {reading} parted {parted} new {made}")
            else:
                head_false = scores["false_merges"]
        print(" | ".join(line), flush=True)


if __name__ == "__main__":
    main()
