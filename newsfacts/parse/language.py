"""Guess a text's language from stop-word rates (jusText's lists, already installed with trafilatura)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import justext

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20
MIN_RATE = 0.15  # running text in any listed language has well over 15% stop words
MIN_LEAD = 1.3  # the winner must beat the runner-up by this factor, else we are unsure


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, list[tuple[int, int]]]]:
    data = tomllib.loads((Path(__file__).with_name("languages.toml")).read_text(encoding="utf-8"))
    stoplists = {code: frozenset(justext.get_stoplist(name)) for name, code in data["stoplists"].items()}
    return stoplists, {code: [tuple(r) for r in ranges] for code, ranges in data["scripts"].items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or the evidence is split."""
    stoplists, scripts = _tables()
    by_script = _script_language(text, scripts)
    if by_script:
        return by_script
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < MIN_WORDS:
        return None
    rates = sorted(((sum(w in stop for w in words) / len(words), code) for code, stop in stoplists.items()), reverse=True)
    (best, code), (second, _) = rates[0], rates[1]
    if best < MIN_RATE or best < MIN_LEAD * second:
        return None
    return code


def _script_language(text: str, scripts: dict[str, list[tuple[int, int]]]) -> str | None:
    letters = [ord(c) for c in text[:5000] if c.isalpha()]
    if not letters:
        return None
    for code, ranges in scripts.items():
        share = sum(1 for c in letters if any(lo <= c <= hi for lo, hi in ranges)) / len(letters)
        if share >= 0.3:
            return code
    return None
