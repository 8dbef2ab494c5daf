"""The plan: every file's role, story, outlet, format, source and name, decided before any text is written."""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.corpus.data import load

ROLES = ("original", "independent_report", "exact_copy", "syndicated_copy", "rewrite", "follow_up")
FORMATS = ("text", "html", "transcript")
# Share of files per kind; "report" splits into the first report of a story (original) and the others.
DEFAULT_MIX = {"report": 0.6, "exact_copy": 0.1, "syndicated_copy": 0.1, "rewrite": 0.1, "follow_up": 0.1}
# How many outlets cover one story independently (drawn uniformly from this list).
OUTLETS_PER_STORY = (1, 2, 2, 3, 3, 4, 5)
# Ways to copy a file exactly: same bytes, or the same text in other bytes (line endings, byte-order mark).
COPY_KINDS = (("bytes", 0.6), ("crlf", 0.2), ("bom", 0.2))


@dataclass
class Entry:
    no: int  # position in the plan (sources come before what copies them)
    role: str
    story: int
    outlet: int
    fmt: str
    source: int | None = None
    site: int | None = None
    copy_kind: str | None = None
    name: str = ""


def _shares(n: int, mix: dict[str, float]) -> dict[str, int]:
    """Whole file counts per kind that add up to n (largest remainders)."""
    total = sum(mix.values())
    exact = {k: n * v / total for k, v in mix.items()}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: n - sum(counts.values())]:
        counts[k] += 1
    if n and not counts.get("report"):  # everything else needs a report to copy
        counts["report"] = 1
        counts[max((k for k in counts if k != "report"), key=counts.get)] -= 1
    return counts


def _outlets_of(kinds: tuple[str, ...], formats: tuple[str, ...]) -> list[int]:
    outlets = load("vocabulary")["outlet"]
    fitting = [i for i, o in enumerate(outlets) if o["kind"] in kinds and set(o["formats"]) & set(formats)]
    return fitting or [i for i, o in enumerate(outlets) if o["kind"] in kinds]


def _format(rng: random.Random, outlet: int, formats: tuple[str, ...]) -> str:
    own = [f for f in load("vocabulary")["outlet"][outlet]["formats"] if f in formats]
    return rng.choice(own or list(formats))


def plan(n: int, seed: int, formats: tuple[str, ...], mix: dict[str, float]) -> list[Entry]:
    """Every file's role, story, outlet, format and source, in the order they are written."""
    rng = random.Random(f"{seed}:plan")
    counts = _shares(n, mix)
    reporters = _outlets_of(("wire", "paper", "channel"), formats)
    entries: list[Entry] = []
    story = 0
    while len(entries) < counts["report"]:
        k = min(rng.choice(OUTLETS_PER_STORY), counts["report"] - len(entries), len(reporters))
        for j, outlet in enumerate(rng.sample(reporters, k)):
            role = "original" if j == 0 else "independent_report"
            entries.append(Entry(len(entries), role, story, outlet, _format(rng, outlet, formats)))
        story += 1
    reports = list(entries)
    entries += _derived(rng, reports, counts, formats, len(entries))
    return _named(entries, rng)


def _derived(
    rng: random.Random, reports: list[Entry], counts: dict[str, int], formats: tuple[str, ...], start: int
) -> list[Entry]:
    papers, farms = _outlets_of(("paper",), formats), _outlets_of(("farm",), formats)
    written = [r for r in reports if r.fmt != "transcript"] or reports
    out: list[Entry] = []
    for _ in range(counts.get("exact_copy", 0)):
        src = rng.choice(reports)
        kind = rng.choices([k for k, _ in COPY_KINDS], weights=[w for _, w in COPY_KINDS])[0]
        out.append(Entry(start + len(out), "exact_copy", src.story, src.outlet, src.fmt, src.no, copy_kind=kind))
    for _ in range(counts.get("syndicated_copy", 0)):
        src = rng.choice(written)
        site = rng.choice([p for p in papers if p != src.outlet] or papers)
        out.append(
            Entry(
                start + len(out),
                "syndicated_copy",
                src.story,
                src.outlet,
                _format(rng, site, formats),
                src.no,
                site=site,
            )
        )
    for _ in range(counts.get("rewrite", 0)):
        src, farm = rng.choice(written), rng.choice(farms)
        out.append(Entry(start + len(out), "rewrite", src.story, farm, _format(rng, farm, formats), src.no, site=farm))
    for _ in range(counts.get("follow_up", 0)):
        src = rng.choice(reports)
        out.append(Entry(start + len(out), "follow_up", src.story, src.outlet, src.fmt, src.no))
    return out


def _named(entries: list[Entry], rng: random.Random) -> list[Entry]:
    """File names like the inbox's (NNN_hex.ext), in shuffled order so copies do not sit beside sources."""
    order = list(range(len(entries)))
    rng.shuffle(order)
    width = max(3, len(str(len(entries) - 1)))
    for position, i in enumerate(order):
        ext = "html" if entries[i].fmt == "html" else "txt"
        entries[i].name = f"{position:0{width}d}_{rng.getrandbits(64):016x}.{ext}"
    return entries
