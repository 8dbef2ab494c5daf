"""Gather the dedupe dev set written in WRITERS/w*/ (the writers' folders, kept outside the repository) into
benchmarks/dedupe_real/, with the real originals.

Run: .venv/bin/python -m benchmarks.dedupe_real_import --from WRITERS   (re-run as writers add files)

The writers' documents (rewrites, briefs, expansions, follow-ups, independent reports; header title/outlet/date) are
copied as they are. Each source's original is made from its real body in the Scrapinghub ground truth (MIT): outlet
from the URL's host, date from the URL when it has one, title from the URL's slug, and rendered as a raw file the way
such pages arrive: a third on one line with the paragraphs run together by double spaces and page junk (newsletter
prompts, tip lines) around them, the rest as clean lines with a byline. Every other source also gets a syndicated copy:
the same body reprinted by another site, undated, in the other rendering. Raw files go through the parser when the
benchmark loads them (benchmarks/dedupe_quality.py).

The held-out third is chosen here, by story group (a source with every source reporting the same event), from a hash
of the group's name, before anything is scored: split.csv. The sources of a blind writer's folder (BLIND_WRITERS) make a
split of their own, named there, whatever their groups' hash: w4's `fresh`, w5's `fresh2`, w6's `fresh3`, w7's `fresh4`, w8's `fresh5` and w9's `fresh6`, each a blind set written
after the splits before it had been looked at (issue #21), scored once, at the end (`python -m
benchmarks.dedupe_quality --split fresh2`). A folder that is not there yet adds nothing, so an import without it leaves
the other splits' files as they were.

Once every English body was a source of some split, later blind sets re-use sources under an alias (`add_reused`, run
as `--reuse ALIAS SID SPLIT WRITER`): w10's `fresh7` (aliases `w...`), w12's `fresh8` (aliases `v...`), w13's
`fresh9` (aliases `u...`), w14's `fresh10` (aliases `t...`), w15's `fresh11` (aliases `s...`), w16's `fresh12`
(aliases `r...`), w17's `fresh13` (aliases `q...`), w18's `fresh14` (aliases `p...`) w19's `fresh15` (aliases
`o...`), w20's `fresh16` (aliases `n...`), w21's `fresh17` (aliases `m...`), w22's `fresh18`
(aliases `l...`), w23's `fresh19` (aliases `k...`), w24's `fresh20` (aliases `j...`), w25's `fresh21` (aliases `i...`) and w26's `fresh22` (aliases `h...`). It appends to the set and leaves everything else as it was.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

from newsfacts.config import SCRAPINGHUB_DATA

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "benchmarks" / "dedupe_real"
GROUND_TRUTH = SCRAPINGHUB_DATA / "ground-truth.json"

# Sources that are real reports of one event by different outlets (their originals are independent of each other).
SAME_EVENT = {
    "wework": ("06e5123e", "1ace8c85", "bc13ff87"),
    "meth_campaign": ("156770d6", "3f65af7b", "776a1c04", "c13b9c0e"),
    "plague": ("432362af", "8b194530", "ba4dfe2d", "ea25dd7e"),
    "duvet_lung": ("7bb1ca90", "9eef8162", "a078b365", "bd673bd7"),
    "europa": ("14cc2a0c", "686bb170", "f344ca5f"),
    "lunar_landers": ("42aad16b", "c50845a7", "d1c57d78"),
    "doobie": ("35b15891", "9cb8224b", "ac1bfdd4"),
    "fort_worth": ("2c46804d", "51d066b0"),
    "omar": ("6ebac05f", "7a457a4f"),
    "astronauts": ("b37be353", "e1c7023e"),
    "home_depot": ("51374560", "f8ff621a"),
    "assange_sweden": ("c7e39ac4", "dc7ccccc"),
}
# Writers' folders whose sources make a blind split of their own, by the split's name (none of their sources may also
# be a source of another folder).
BLIND_WRITERS = {"w4": "fresh", "w5": "fresh2", "w6": "fresh3", "w7": "fresh4", "w8": "fresh5", "w9": "fresh6"}
JUNK = ("Sign up for our newsletter to get the day's top stories delivered to your inbox.",
        "Have a tip we should know? Email our newsroom.",
        "Advertisement",
        "Share this article: Facebook Twitter Email",
        "Sign up for our newsletter to get the day's top stories delivered to your inbox.")


def group_of(sid: str) -> str:
    return next((name for name, members in SAME_EVENT.items() if sid in members), sid)


def held_out(group: str) -> bool:
    """A third of the groups, by a hash of the group's name (the salt was picked, before any scoring, for a held-out
    share near a third of the sources then written: 16 of 47)."""
    return _hashed(group, "1") % 3 == 0


def split_of(sid: str, blind: dict[str, str]) -> str:
    """A blind writer's split for its sources (never hashed: the set is blind as a whole), else by the group's hash."""
    if sid in blind:
        return blind[sid]
    return "held_out" if held_out(group_of(sid)) else "dev"


def _hashed(name: str, salt: str) -> int:
    return int(hashlib.sha256(f"{salt}:{name}".encode()).hexdigest(), 16)


def metadata(url: str) -> tuple[str, str, str]:
    """(title from the slug, outlet from the host, ISO date from the path or '')."""
    parsed = urlparse(url)
    host = parsed.netloc.removeprefix("www.")
    found = re.search(r"/(20\d\d)/(\d\d?)/(\d\d?)/", parsed.path)
    day = f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}" if found else ""
    slugs = [s for s in parsed.path.split("/") if re.search(r"[a-z]+-[a-z]+", s)]
    slug = re.sub(r"\.\w+$|^\d+-|-\d+$", "", max(slugs, key=len)) if slugs else host
    title = slug.replace("-", " ").strip().capitalize()
    return title, host, day


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in body.split("\n") if p.strip()]


def render(title: str, outlet: str, day: str, body: str, one_line: bool, junk_from: int) -> str:
    """A raw page: one line with double spaces and junk around the story, or clean lines with a byline."""
    junk = [JUNK[(junk_from + k) % len(JUNK)] for k in range(2)]
    if one_line:
        return "  ".join([title, *paragraphs(body), *junk]) + "\n"
    dateline = [f"Published {day}"] if day else []
    return "\n\n".join([title, f"By {outlet} staff", *dateline, *paragraphs(body), junk[0]]) + "\n"


def gather(source: Path, target: Path) -> dict:
    truth = {k[:8]: v for k, v in json.loads(GROUND_TRUTH.read_text(encoding="utf-8")).items()}
    if target.exists():
        shutil.rmtree(target)
    (target / "docs").mkdir(parents=True)
    (target / "raw").mkdir()
    labels, writers_of = [], defaultdict(set)
    for writer in sorted(source.glob("w*/")):
        if not (writer / "labels.csv").exists():
            continue  # a folder whose writer has not labelled anything yet
        rows = list(csv.DictReader((writer / "labels.csv").open(encoding="utf-8")))
        for row in rows:
            ends = [row["doc"], row["other"]]
            written = [writer / "docs" / f"{name}.txt" for name in ends if not name.endswith("_original")]
            if not all(path.exists() for path in written):
                continue  # a row written before its document
            for path in written:
                shutil.copy(path, target / "docs" / path.name)
            labels.append({**row, "writer": writer.name})
            for name in ends:
                writers_of[name[:8]].add(writer.name)
    shared = sorted(sid for sid, writers in writers_of.items() if len(writers) > 1 and writers & BLIND_WRITERS.keys())
    if shared:
        raise ValueError(f"sources of a blind split written in other folders too: {shared}")
    blind = {sid: BLIND_WRITERS[w] for sid, writers in writers_of.items() for w in writers if w in BLIND_WRITERS}
    sids = set(writers_of)
    for sid in sorted(sids):
        title, outlet, day = metadata(truth[sid]["url"])
        body = truth[sid]["articleBody"]
        one_line = _hashed(sid, "render") % 3 == 0
        (target / "raw" / f"{sid}_original.txt").write_text(
            render(title, outlet, day, body, one_line, _hashed(sid, "junk")), encoding="utf-8")
        if _hashed(sid, "copy") % 2 == 0:
            (target / "raw" / f"{sid}_copy.txt").write_text(
                render(title, "Syndicated News Network", "", body, not one_line, _hashed(sid, "junk") + 1),
                encoding="utf-8")
            labels.append({"doc": f"{sid}_copy", "other": f"{sid}_original", "relation": "copy", "kind": "copies",
                           "writer": "import"})
    fields = ["doc", "other", "relation", "kind", "writer"]
    with (target / "labels.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(sorted(labels, key=lambda r: (r["doc"], r["other"])))
    with (target / "split.csv").open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(["sid", "group", "split"])
        for sid in sorted(sids):
            out.writerow([sid, group_of(sid), split_of(sid, blind)])
    (target / "LICENSE").write_text(LICENSE, encoding="utf-8")
    return {"sources": len(sids), "documents": len(list((target / "docs").glob("*.txt"))) +
            len(list((target / "raw").glob("*.txt"))), "labels": len(labels),
            "sources_per_split": dict(sorted(Counter(split_of(s, blind) for s in sids).items()))}


def add_reused(alias: str, sid: str, split: str, writer: str, target: Path = TARGET) -> dict:
    """Add a source again, under an alias, for a new blind writer's split.

    Why: every English body of the ground truth is already a source of some split, so a later blind set re-uses
    sources with new rewrites by a new writer. The alias (a letter from `g` to `z`, one per re-use, `w` first and then
    down the alphabet, and the sid's first 7 hex chars; no sid starts with a letter past `f`) keeps the new documents
    and the re-rendered original apart from the earlier split's, since a split is read by the first 8 characters of a
    name. The original is rendered as
    `gather` renders one (the hash rules keyed on the alias, so its page is not the earlier split's page again), with a
    syndicated copy and its `copy` label when the same rule says so; the alias joins split.csv in `split` and
    reused.csv records where it came from. The writer's documents and labels are added next to it as they are.
    `gather` cannot rebuild these (the earlier writers' folders are gone), so this only appends."""
    if not re.fullmatch(r"[g-z][0-9a-f]{7}", alias) or alias[1:] != sid[:7]:
        raise ValueError(f"alias {alias!r} is not a letter from 'g' to 'z' and the first 7 hex chars of {sid!r}")
    with (target / "split.csv").open(encoding="utf-8") as f:
        if any(row["sid"] == alias for row in csv.DictReader(f)):
            raise ValueError(f"alias {alias} is already in split.csv")
    truth = {k[:8]: v for k, v in json.loads(GROUND_TRUTH.read_text(encoding="utf-8")).items()}
    title, outlet, day = metadata(truth[sid]["url"])
    body = truth[sid]["articleBody"]
    one_line = _hashed(alias, "render") % 3 == 0
    (target / "raw" / f"{alias}_original.txt").write_text(
        render(title, outlet, day, body, one_line, _hashed(alias, "junk")), encoding="utf-8")
    copied = _hashed(alias, "copy") % 2 == 0
    if copied:
        (target / "raw" / f"{alias}_copy.txt").write_text(
            render(title, "Syndicated News Network", "", body, not one_line, _hashed(alias, "junk") + 1),
            encoding="utf-8")
        fields = ["doc", "other", "relation", "kind", "writer"]
        with (target / "labels.csv").open(encoding="utf-8", newline="") as f:
            labels = list(csv.DictReader(f))
        labels.append({"doc": f"{alias}_copy", "other": f"{alias}_original", "relation": "copy", "kind": "copies",
                       "writer": "import"})
        with (target / "labels.csv").open("w", encoding="utf-8", newline="") as f:
            out = csv.DictWriter(f, fieldnames=fields)
            out.writeheader()
            out.writerows(sorted(labels, key=lambda r: (r["doc"], r["other"])))
    with (target / "split.csv").open("a", encoding="utf-8", newline="") as f:
        csv.writer(f).writerow([alias, alias, split])
    reused = target / "reused.csv"
    fresh = not reused.exists()
    with reused.open("a", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        if fresh:
            out.writerow(["alias", "sid", "writer"])
        out.writerow([alias, sid, writer])
    return {"alias": alias, "one_line": one_line, "copy": copied}


LICENSE = """The original article bodies in raw/ (and the facts the documents in docs/ retell) come from the Scrapinghub
article extraction benchmark (https://github.com/scrapinghub/article-extraction-benchmark), ground-truth.json,
released under the MIT License:

    MIT License

    Copyright (c) 2020 Scrapinghub

    Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
    documentation files (the "Software"), to deal in the Software without restriction, including without limitation
    the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and
    to permit persons to whom the Software is furnished to do so, subject to the following conditions:

    The above copyright notice and this permission notice shall be included in all copies or substantial portions
    of the Software.

    THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO
    THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
    AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF
    CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
    IN THE SOFTWARE.

The rewrites, briefs, expansions, follow-ups and independent reports in docs/ were written for this benchmark (outlets
and any new facts in follow-ups and independent reports are invented); the page furniture around the originals in
raw/ is added by benchmarks/dedupe_real_import.py. The sources whose split in split.csv is `fresh` or `fresh2`
(further bodies of the same benchmark, none of them a source of another split) and everything written from them
were added later, the same way, each as a blind set to be scored once (benchmarks/README.md).
A source whose name in split.csv starts with `w`, `v`, `u`, `t`, `s`, `r`, `q`, `p`, `o`, `n` or `m` is an alias of an
earlier split's source (reused.csv gives the body's id): the same real body, rendered again, with new rewrites and
negatives by a later blind writer.
"""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_real_import", description=__doc__.splitlines()[0])
    how = parser.add_mutually_exclusive_group(required=True)
    how.add_argument("--from", dest="source", type=Path,
                     help="the folder holding the writers' w*/docs and w*/labels.csv")
    how.add_argument("--reuse", nargs=4, metavar=("ALIAS", "SID", "SPLIT", "WRITER"),
                     help="add an already used source again under an alias, for a later blind writer's split")
    args = parser.parse_args(argv)
    print(add_reused(*args.reuse) if args.reuse else gather(args.source, TARGET))


if __name__ == "__main__":
    main()
