"""Load the parser's data files (furniture.toml, outlets.toml) once, as compiled matchers."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_TRIM = " \t•·*–—-|>▶►▲▼:"


def norm(line: str) -> str:
    """A line reduced for lexicon lookup: lower case, bullets and edge punctuation trimmed."""
    return re.sub(r"\s+", " ", line.strip(_TRIM).lower()).strip(" .!?")


@dataclass(frozen=True)
class Furniture:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]
    trailers: frozenset[str]
    credits: tuple[re.Pattern, ...]
    roles: frozenset[str]

    def is_furniture(self, line: str) -> bool:
        key = norm(line)
        if key in self.lines:
            return True
        low = line.strip(_TRIM).lower()
        if len(low.split()) < 30 and low.startswith(self.prefixes):
            return True
        return any(p.search(line.strip()) for p in self.patterns)

    def is_trailer(self, line: str) -> bool:
        key = norm(line)
        if len(key.split()) > 8:
            return False
        return key in self.trailers or any(key.startswith(t + " ") for t in self.trailers if len(t) > 6)

    def is_credit(self, line: str) -> bool:
        return any(p.search(line.strip()) for p in self.credits)


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    name: str
    signatures: tuple[str, ...]


def _compile(patterns: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


@cache
def furniture() -> Furniture:
    data = tomllib.loads((_HERE / "furniture.toml").read_text(encoding="utf-8"))
    return Furniture(
        lines=frozenset(norm(x) for x in data["lines"]),
        prefixes=tuple(x.lower() for x in data["prefixes"]),
        patterns=_compile(data["patterns"]),
        trailers=frozenset(norm(x) for x in data["trailers"]),
        credits=_compile(data["credits"]),
        roles=frozenset(r.lower() for r in data["roles"]),
    )


@cache
def outlets() -> tuple[Outlet, ...]:
    data = tomllib.loads((_HERE / "outlets.toml").read_text(encoding="utf-8"))
    return tuple(Outlet(o["name"], tuple(o["aliases"]), tuple(o.get("domains", []))) for o in data["outlet"])


@cache
def sites() -> tuple[Site, ...]:
    data = tomllib.loads((_HERE / "outlets.toml").read_text(encoding="utf-8"))
    return tuple(Site(s["name"], tuple(s["signatures"])) for s in data["site"])
