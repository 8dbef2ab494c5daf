"""Load the parser's data files (furniture.toml, outlets.toml) once, as compiled matchers."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent
_TRIM = " \t•·*–—-|>▶►▲▼:"
_SPACES = re.compile(r"\s+")


def norm(line: str) -> str:
    """A line reduced for lexicon lookup: lower case, bullets and edge punctuation trimmed."""
    return _SPACES.sub(" ", line.strip(_TRIM).lower()).strip(" .!?")


@dataclass(frozen=True, eq=False)  # hashed by identity: the answers below are cached per (lexicon, line)
class Furniture:
    """The lexicon as matchers. Each list of patterns is one alternation, searched once per line: looping over
    the patterns one by one was most of the cleaner's regex time (1.4 M searches for 1,181 files). The cleaner asks
    about each line two to four times, and pages repeat their menus: answers are kept for the last lines asked."""

    lines: frozenset[str]
    prefixes: tuple[str, ...]
    patterns: re.Pattern  # any of furniture.toml's patterns
    trailers: frozenset[str]
    trailer_prefixes: tuple[str, ...]  # "<trailer> " for trailers longer than 6 characters
    credits: re.Pattern  # any of furniture.toml's credit patterns
    roles: frozenset[str]

    @lru_cache(maxsize=4096)
    def is_furniture(self, line: str) -> bool:
        low = line.strip(_TRIM).lower()
        if _SPACES.sub(" ", low).strip(" .!?") in self.lines:  # norm(line)
            return True
        if len(low.split()) < 30 and low.startswith(self.prefixes):
            return True
        return bool(self.patterns.search(line.strip()))

    @lru_cache(maxsize=4096)
    def is_trailer(self, line: str) -> bool:
        key = norm(line)
        if len(key.split()) > 8:
            return False
        return key in self.trailers or key.startswith(self.trailer_prefixes)

    @lru_cache(maxsize=4096)
    def is_credit(self, line: str) -> bool:
        return bool(self.credits.search(line.strip()))


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    name: str
    signatures: tuple[str, ...]


def _any_of(patterns: list[str]) -> re.Pattern:
    """One pattern that matches where any of them does (each in its own group; none uses backreferences)."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@cache
def furniture() -> Furniture:
    data = tomllib.loads((_HERE / "furniture.toml").read_text(encoding="utf-8"))
    trailers = frozenset(norm(x) for x in data["trailers"])
    return Furniture(
        lines=frozenset(norm(x) for x in data["lines"]),
        prefixes=tuple(x.lower() for x in data["prefixes"]),
        patterns=_any_of(data["patterns"]),
        trailers=trailers,
        trailer_prefixes=tuple(t + " " for t in trailers if len(t) > 6),
        credits=_any_of(data["credits"]),
        roles=frozenset(r.lower() for r in data["roles"]),
    )


@cache
def outlets() -> tuple[Outlet, ...]:
    data = tomllib.loads((_HERE / "outlets.toml").read_text(encoding="utf-8"))
    return tuple(Outlet(o["name"], tuple(o["aliases"]), tuple(o.get("domains", []))) for o in data["outlet"])


@cache
def outlet_aliases() -> frozenset[str]:
    return frozenset(alias for o in outlets() for alias in o.aliases)


@cache
def sites() -> tuple[Site, ...]:
    data = tomllib.loads((_HERE / "outlets.toml").read_text(encoding="utf-8"))
    return tuple(Site(s["name"], tuple(s["signatures"])) for s in data["site"])
