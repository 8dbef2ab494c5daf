"""Whether two spellings of an outlet name one newsroom: "nbcnews.com" and "NBC News", "nypost.com" and "New York Post"."""

from __future__ import annotations

import re
from functools import cache
from itertools import product

from newsfacts.parse import metadata

_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}  # "express.co.uk": the name is the label before them
_WORD = re.compile(r"[a-z0-9]+")
MAX_NAME_WORDS = 6  # each word whole or by its initial: 2^6 spellings at most
MIN_HOST_KEY = 3  # a host shorter than this matches too many names' initials


def same_outlet(a: str | None, b: str | None) -> bool:
    """Two outlet fields name one newsroom: equal once squashed, one known outlet by alias or domain, or a host
    spelling the other's name with some words by their initials ("nypost" = New York Post)."""
    if not a or not b:
        return False
    (host_a, name_a), (host_b, name_b) = _reading(a), _reading(b)
    if name_a and name_b and name_a == name_b:
        return True
    if host_a and host_b:
        return host_a == host_b
    host, name = (host_a, b) if host_a else (host_b, a) if host_b else (None, None)
    return bool(host and name and len(host) >= MIN_HOST_KEY and host in _spellings(name))


@cache
def _reading(text: str) -> tuple[str | None, str | None]:
    """(host key, squashed name): a host's name label(s) without www. and TLD, and the outlet it is the domain of;
    a name's canonical outlet (by alias) squashed."""
    host = metadata.HOST.match(text.strip())
    if host:
        labels = host[1].lower().split(".")[:-1]
        while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels.pop()
        known = metadata.outlet_of_domain("@" + host[1].lower())
        return labels[-1], (_squash(known) if known else None)
    return None, _squash(metadata.outlet_named(text) or text)


def _squash(name: str) -> str:
    return "".join(_words(name))


def _words(name: str) -> list[str]:
    words = _WORD.findall(name.lower())
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


@cache
def _spellings(name: str) -> frozenset[str]:
    """A name's words each written whole or by its initial, with or without a leading "the" (theguardian.com)."""
    words = _words(metadata.outlet_named(name) or name)[:MAX_NAME_WORDS]
    spelt = {"".join(choice) for choice in product(*((w, w[0]) for w in words))}
    return frozenset(spelt | {"the" + s for s in spelt})
