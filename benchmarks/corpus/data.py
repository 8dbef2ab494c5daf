"""The corpus's text material (TOML files in benchmarks/corpus_data/) and small text helpers."""

from __future__ import annotations

import json
import re
import tomllib
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "corpus_data"


@cache
def load(name: str) -> dict:
    return tomllib.loads((DATA_DIR / f"{name}.toml").read_text(encoding="utf-8"))


@cache
def proper_words() -> frozenset[str]:
    """Capitalised words of the invented world (names, places, organisations): never lower-cased."""
    text = json.dumps(load("vocabulary"), ensure_ascii=False)
    grammar = json.dumps(load("statements"), ensure_ascii=False)
    common = {w for w in re.findall(r"[a-z']+", grammar)}  # "The" of "The Morning Ledger" is not a name
    names = {w for w in re.findall(r"[\w'.-]+", text) if w[:1].isupper() and w.lower() not in common}
    return frozenset(names | {"United", "European", "I"})


def capital_first(text: str) -> str:
    return text[:1].upper() + text[1:]
