"""Figures stated in the text: a number (digits or words) followed by a known unit, or money and percentages."""

from __future__ import annotations

import re
from functools import cache

from newsfacts.facts.lexicon import Lexicon, _alternation, lexicon
from newsfacts.records import Quantity

_MONEY = re.compile(r"(?P<cur>[$€£¥])\s?(?P<num>\d[\d,]*(?:\.\d+)?)(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?")


@cache
def _pattern() -> re.Pattern:
    lex = lexicon()
    q = lex.raw["quantities"]
    surfaces = [s for forms in q["units"].values() for s in forms]
    return re.compile(
        rf"(?<![\w$€£¥.,])(?:(?:{_alternation(q['approximators'])})\s+)?"
        rf"(?P<num>\d[\d,]*(?:\.\d+)?|{_alternation(q['number_words'])})"
        rf"(?:\s+(?P<scale>{_alternation(q['scales'])}))?[\s-]+(?P<unit>{_alternation(surfaces)})(?![\w])",
        re.I,
    )


def _value(num: str, scale: str | None, q: dict) -> float | None:
    words = q["number_words"]
    value = float(words[num.lower()]) if num.lower() in words else float(num.replace(",", ""))
    return value * q["scales"][scale.lower()] if scale else value


def quantities(doc_id: str, body: str, lex: Lexicon) -> list[Quantity]:
    q = lex.raw["quantities"]
    unit_of = {s.lower(): unit for unit, forms in q["units"].items() for s in forms}
    rows = []
    for m in _pattern().finditer(body):
        unit = unit_of[m.group("unit").lower()]
        rows.append(Quantity(doc_id, m.group(), _value(m.group("num"), m.group("scale"), q), unit, m.start(), m.end()))
    for m in _MONEY.finditer(body):
        rows.append(Quantity(doc_id, m.group(), _value(m.group("num"), m.group("scale"), q), m.group("cur"), m.start(), m.end()))
    return rows
