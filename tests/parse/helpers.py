"""Helpers for parse tests: run parse_file on a path or on text, as the pipeline does."""

from __future__ import annotations

import hashlib
from pathlib import Path

from newsfacts.config import PROJECT_ROOT, SAMPLE_INBOX, SCRAPINGHUB_DATA
from newsfacts.parse import parse_file
from newsfacts.records import ParseOutput

HTML_FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "html"
LABELLED = PROJECT_ROOT / "benchmarks" / "data" / "furniture"
HELD_OUT = PROJECT_ROOT / "benchmarks" / "data" / "furniture_heldout"
SCRAPINGHUB = SCRAPINGHUB_DATA


def seed(number: str) -> Path:
    return next(SAMPLE_INBOX.glob(f"{number}_*.txt"))


def parse_bytes(data: bytes, path: str = "inbox/file.txt") -> ParseOutput:
    return parse_file(data, path, hashlib.sha256(data).hexdigest())


def parse_path(path: Path) -> ParseOutput:
    return parse_bytes(path.read_bytes(), str(path))


def labelled(name: str) -> tuple[str, list[str], list[str]]:
    """A labelled page (from either labelled folder): its text, its story lines (K) and its other lines (D)."""
    lines, keep, drop = [], [], []
    path = LABELLED / name if (LABELLED / name).exists() else HELD_OUT / name
    for raw in path.read_text(encoding="utf-8").splitlines():
        label, _, text = raw.partition("\t")
        lines.append(text if label in ("K", "D") else "")
        (keep if label == "K" else drop if label == "D" else []).append(text)
    return "\n".join(lines), keep, drop
