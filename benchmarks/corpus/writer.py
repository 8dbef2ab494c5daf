"""Writing a corpus: files streamed into the inbox, ground truth streamed beside it."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from benchmarks.corpus.data import load
from benchmarks.corpus.pages import render, shows_date
from benchmarks.corpus.plan import DEFAULT_MIX, FORMATS, Entry, plan
from benchmarks.corpus.world import build_story
from benchmarks.corpus.writing import Doc, rewrite, syndicate, write_report


def _grouped(entries: list[Entry]) -> Iterator[Entry]:
    """Each report followed by the files made from it, so a small cache serves every copy and rewrite."""
    made_from: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.source is not None:
            made_from.setdefault(entry.source, []).append(entry)
    for entry in entries:
        if entry.source is None:
            yield entry
            yield from made_from.get(entry.no, [])


class _Writer:
    """Renders plan entries; documents and pages are remade on demand (small caches), never all held."""

    def __init__(self, seed: int, entries: list[Entry]):
        self.seed, self.entries = seed, entries
        self.outlets = load("vocabulary")["outlet"]
        self.story = lru_cache(maxsize=64)(lambda no: build_story(seed, no))
        self.doc = lru_cache(maxsize=64)(self._doc)
        self.page = lru_cache(maxsize=8)(self._page)

    def _rng(self, entry: Entry, part: str) -> random.Random:
        return random.Random(f"{self.seed}:{part}:{entry.no}")

    def _doc(self, no: int) -> Doc:
        entry = self.entries[no]
        story, outlet = self.story(entry.story), self.outlets[entry.outlet]
        if entry.role in ("original", "independent_report", "follow_up"):
            return write_report(story, outlet, self._rng(entry, "doc"), later=entry.role == "follow_up")
        source = self.doc(entry.source)
        if entry.role == "syndicated_copy":
            return syndicate(source, self.outlets[entry.site], self._rng(entry, "doc"))
        if entry.role == "rewrite":
            return rewrite(source, self.outlets[entry.site], self._rng(entry, "doc"))
        return source

    def file(self, entry: Entry) -> tuple[bytes, list[dict], Doc]:
        if entry.role == "exact_copy":
            data, quotes, doc = self.page(entry.source)
            return _copied(data, entry.copy_kind), quotes, doc
        return self.page(entry.no)

    def _page(self, no: int) -> tuple[bytes, list[dict], Doc]:
        entry, doc = self.entries[no], self.doc(no)
        text, quotes = render(doc, entry.fmt, self._rng(entry, "page"))
        return text.encode("utf-8"), quotes, doc

    def truth(self, entry: Entry, doc: Doc, quotes: list[dict]) -> dict:
        linked = self.entries[entry.source].name if entry.source is not None else None
        return {
            "path": entry.name,
            "story_id": f"story-{entry.story:06d}",
            "role": entry.role,
            "source": None if entry.role == "follow_up" else linked,
            "follows": linked if entry.role == "follow_up" else None,
            "copy_kind": entry.copy_kind,
            "format": entry.fmt,
            "outlet": doc.outlet["name"],
            "site": doc.site["name"],
            "title": doc.title,
            "published_date": doc.published.isoformat(),
            "date_in_file": shows_date(doc, entry.fmt),
            "authors": doc.authors,
            "body_words": len(doc.body.split()),
            "people": _people(quotes),
        }


def _copied(data: bytes, kind: str | None) -> bytes:
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n")
    if kind == "bom":
        return b"\xef\xbb\xbf" + data
    return data


def _people(quotes: list[dict]) -> list[dict]:
    people: dict[str, dict] = {}
    for q in quotes:
        who = {"name": q["speaker"], "role": q["speaker_role"], "introduced_as": q["speaker_full"], "quotes": []}
        person = people.setdefault(q["speaker"], who)
        person["quotes"].append({"kind": q["kind"], "text": q["text"]})
    return list(people.values())


@dataclass(frozen=True)
class GroundTruth:
    """What the corpus holds; the per-file records stay on disk (read them with files() or iter_files())."""

    path: Path
    inbox: Path
    n: int
    seed: int
    counts: dict[str, int]

    def files(self) -> list[dict]:
        return list(self.iter_files())

    def iter_files(self) -> Iterator[dict]:
        """One record at a time, in memory bounded at any corpus size (the file holds one record a line)."""
        with self.path.open(encoding="utf-8") as lines:
            next(lines)  # the header
            for line in lines:
                if line.startswith("{"):
                    yield json.loads(line.rstrip().rstrip(","))


def truth_path(out_dir: Path) -> Path:
    """Where the ground truth of an inbox goes: beside it, never inside it."""
    out_dir = Path(out_dir).resolve()
    return out_dir.parent / f"{out_dir.name}.truth.json"


def load_truth(path: Path) -> GroundTruth:
    head = json.loads(Path(path).read_text(encoding="utf-8"))
    return GroundTruth(Path(path), Path(path).parent / head["inbox"], head["n"], head["seed"], head["counts"])


def generate(n: int, out_dir: Path, seed: int = 0, formats=FORMATS, mix: dict[str, float] | None = None) -> GroundTruth:
    """Write n raw files into out_dir and their ground truth beside it; same (n, seed) -> same bytes."""
    formats = tuple(f for f in FORMATS if f in formats)
    if not formats:
        raise ValueError(f"formats must name at least one of {FORMATS}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = plan(n, seed, formats, mix or DEFAULT_MIX)
    counts = dict(sorted(Counter(e.role for e in entries).items()))
    writer, path = _Writer(seed, entries), truth_path(out_dir)
    head = {
        "generator": "benchmarks.corpus",
        "inbox": out_dir.resolve().name,
        "n": n,
        "seed": seed,
        "formats": list(formats),
        "counts": counts,
    }
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "files": [\n')
        for i, entry in enumerate(_grouped(entries)):
            data, quotes, doc = writer.file(entry)
            (out_dir / entry.name).write_bytes(data)
            out.write(("" if i == 0 else ",\n") + json.dumps(writer.truth(entry, doc, quotes), ensure_ascii=False))
        out.write("\n]}\n")
    return GroundTruth(path, out_dir, n, seed, counts)


def documents(
    n: int, seed: int = 0, formats=FORMATS, mix: dict[str, float] | None = None
) -> Iterator[tuple[Entry, Doc, Doc | None]]:
    """Each planned file's entry, document, and the document it copies, rewrites or follows (None for
    reports), writing nothing; stories in order, each report followed by the files made from it."""
    entries = plan(n, seed, tuple(f for f in FORMATS if f in formats), mix or DEFAULT_MIX)
    writer = _Writer(seed, entries)
    for entry in _grouped(entries):
        yield entry, writer.doc(entry.no), None if entry.source is None else writer.doc(entry.source)
