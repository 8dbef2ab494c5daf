"""Guess a text's language from stop-word rates (jusText's lists, already installed with trafilatura)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import justext

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20
MIN_RATE = 0.15  # running text in any listed language has well over 15% stop words
MIN_LEAD = 1.3  # the winner must beat the runner-up by this factor, else we are unsure


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, re.Pattern]]:
    data = tomllib.loads((Path(__file__).with_name("languages.toml")).read_text(encoding="utf-8"))
    stoplists = {code: frozenset(justext.get_stoplist(name)) for name, code in data["stoplists"].items()}
    scripts = {code: re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges) + "]")
               for code, ranges in data["scripts"].items()}
    return stoplists, scripts


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or the evidence is split."""
    stoplists, scripts = _tables()
    by_script = _script_language(text, scripts)
    if by_script:
        return by_script
    words = Counter(w.lower() for w in _WORD.findall(text[:20000]))
    total = sum(words.values())
    if total < MIN_WORDS:
        return None
    vocabulary = frozenset(words)  # set & set walks the smaller side; most stop lists are bigger than a story's vocabulary
    rates = sorted(((sum(words[w] for w in vocabulary & stop) / total, code) for code, stop in stoplists.items()),
                   reverse=True)
    (best, code), (second, _) = rates[0], rates[1]
    if best < MIN_RATE or best < MIN_LEAD * second:
        return None
    return code


def _script_language(text: str, scripts: dict[str, re.Pattern]) -> str | None:
    sample = text[:5000]
    letters = sum(1 for c in sample if c.isalpha())
    if not letters:
        return None
    for code, script in scripts.items():
        if len(script.findall(sample)) / letters >= 0.3:
            return code
    return None
