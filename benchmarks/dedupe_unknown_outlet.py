"""Study: a follow-up to a page whose outlet the page does not say (issue #21, benchmarks/README.md "Thirty-second
round: a follow-up to a page that does not say its outlet (dedupe53)").

Two questions, on every split of the real set:
1. What in an undated, unsigned raw page (no outlet, no site once parsed) could give it its outlet: a known outlet
   named in a unit outside its body (above the story or below it), and the outlet of the page's labelled follow-up
   (the writer's, the page's own newsroom) for comparison.
2. Whether a dated document of an outlet can be read as the next story of an undated page whose outlet is unknown:
   `batch._next_story`'s undated branch with such a page taken as of x's newsroom, under each of its readings
   (verify.told_after, _tells_more, _dated_before, and two conjunctions), one batch per split: the false pairs it
   parts and the labelled pairs it cuts, against today's code.

Usage: python -m benchmarks.dedupe_unknown_outlet [--pages] [--readings] (both when neither is given). ~2 min.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections import Counter
from contextlib import contextmanager

import newsfacts.dedupe.batch as batch
from benchmarks.dedupe_quality import KINDS, REAL, load_real, real_splits, run_one_batch, score_real
from newsfacts.parse import furniture, metadata, parse_file

READINGS = ("told", "more", "before", "told_before", "more_before")


def _meta(doc: str) -> dict[str, str]:
    path = REAL / "docs" / f"{doc}.txt"
    if not path.exists():
        return {}
    head = path.read_text(encoding="utf-8").split("---\n", 1)[0]
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in head.strip().splitlines())}


def pages() -> None:
    """Undated, unsigned pages and the outlets their furniture names, above or below the story."""
    halves = {r["sid"]: r["split"] for r in csv.DictReader((REAL / "split.csv").open(encoding="utf-8"))}
    labels = list(csv.DictReader((REAL / "labels.csv").open(encoding="utf-8")))
    count = Counter()
    for path in sorted((REAL / "raw").glob("*.txt")):
        data = path.read_bytes()
        doc = parse_file(data, path.name, hashlib.sha256(data).hexdigest()).document
        if doc is None or doc.outlet or doc.site:
            continue
        count["pages"] += 1
        follow = sorted({_meta(r["doc"]).get("outlet") for r in labels
                         if r["other"] == path.stem and r["relation"] == "follow_up"} - {None})
        count["originals with a follow-up"] += bool(follow)
        cleaned = furniture.clean(path.read_text(encoding="utf-8"))
        start = cleaned.body_start or 0
        body = [i for i, u in enumerate(cleaned.units) if u.role == furniture.BODY]
        named = [("above" if i < start else "below" if body and i > body[-1] else "inside", name, u.text[:60])
                 for i, u in enumerate(cleaned.units) if u.role not in (furniture.BODY, furniture.TITLE)
                 for name in [metadata.outlet_named(u.text)] if name]
        if named:
            count["naming an outlet outside the body"] += 1
            print(f"{path.stem:22} {halves.get(path.stem[:8])!s:9} follow-up by {follow}: {named}")
    print(dict(count))


def _unknown_too(reading: str):
    """_next_story, and also: x read as the next story of an undated story member whose outlet is unknown."""
    today = batch._next_story

    def next_story(x, y, members, dates, linked, verified, told, profiles):
        if today(x, y, members, dates, linked, verified, told, profiles):
            return True
        mine = dates.own_date(x)
        if mine is None or not members[x].outlet:
            return False
        for s in sorted(batch._reached(y, linked, leaving_out=x)):
            if dates.own_date(s) is not None or any(members[s].newsroom):
                continue
            if not (verified[s] >= verified[x] or len(linked[s]) >= len(linked[x])):
                continue
            said = {"told": lambda: told(x, s), "more": lambda: batch._tells_more(x, s, profiles),
                    "before": lambda: batch._dated_before(s, x, mine, dates)}
            if all(said[part]() for part in reading.split("_")):
                return True
        return False
    return next_story


@contextmanager
def _reading(reading: str | None):
    today = batch._next_story
    batch._next_story = _unknown_too(reading) if reading else today
    try:
        yield
    finally:
        batch._next_story = today


def readings() -> None:
    """Per split and reading, one batch: false pairs parted and labelled pairs cut against today's code."""
    total = {r: Counter() for r in READINGS}
    for split in sorted(real_splits()):
        docs, labels, story = load_real(split)
        out = {}
        for reading in (None, *READINGS):
            with _reading(reading):
                s = score_real(run_one_batch(docs), docs, labels, story)
            out[reading] = set(s["false_merges"]), {m for k in KINDS for m in s[k]["missed"]}
        false, missed = out[None]
        for reading in READINGS:
            parted, cut = false - out[reading][0], out[reading][1] - missed
            total[reading].update(parted=len(parted), cut=len(cut), new_false=len(out[reading][0] - false))
            if parted or cut:
                print(f"{split:9} {reading:12} parted {len(parted)} {sorted({p[:8] for p in parted})} "
                      f"cut {len(cut)} {sorted(cut)[:3]}")
    for reading in READINGS:
        print(f"all splits, one batch: {reading:12} {dict(total[reading])}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_unknown_outlet",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="store_true", help="what undated, unsigned pages name outside their body")
    parser.add_argument("--readings", action="store_true", help="a follow-up of a page of unknown outlet, read")
    args = parser.parse_args(argv)
    both = not (args.pages or args.readings)
    if args.pages or both:
        pages()
    if args.readings or both:
        readings()


if __name__ == "__main__":
    main()
