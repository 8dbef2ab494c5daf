"""Whether two spellings of an outlet name one newsroom: "nbcnews.com" and "NBC News", "news.sky.com" and "Sky News",
"NYTimes" and "The New York Times"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import product

from newsfacts.parse import metadata

_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "edu"}  # "express.co.uk": the name is the label before them
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script: "Вести" is a name too
# A closing "News" names the trade, not the newsroom: "Sky News" is at news.sky.com, "BBC News" at bbc.com, Sputnik
# at sputniknews.com. A name or host label may end with it or not. Not an opening one: News Nation is not The Nation,
# Newsweek not The Week.
_TRADE = "news"
MAX_NAME_WORDS = 6  # each word whole or by its initial: 2^6 spellings at most
MIN_HOST_KEY = 3  # a host shorter than this matches too many names' initials (the trade word not counted)


def same_outlet(a: str | None, b: str | None) -> bool:
    """Two outlet fields name one newsroom: equal once squashed, one known outlet by alias or domain, a host
    spelling the other's name with some words by their initials ("nypost" = New York Post), or a name written
    as one word spelling the other's ("NYTimes" = The New York Times). A closing "News" may be left out on
    either side."""
    if not a or not b:
        return False
    (host_a, name_a), (host_b, name_b) = _reading(a), _reading(b)
    if name_a and name_b and (name_a == name_b or _bare(a) == _bare(b)):
        return True
    if host_a and host_b:
        return host_a == host_b
    if host_a or host_b:
        host, name = (host_a, b) if host_a else (host_b, a)
        return _spelt(host, name)
    return _one_word(a, b) or _one_word(b, a)


def one_newsroom(a: Iterable[str | None], b: Iterable[str | None]) -> bool:
    """Two pages' outlet fields (whose story, and the site that published it) share a newsroom: either of one
    names what either of the other does. An AP story on mysanantonio.com and that site's own later story."""
    b = tuple(b)
    return any(same_outlet(x, y) for x in a for y in b)


@cache
def _reading(text: str) -> tuple[str | None, str | None]:
    """(host key, squashed name): a host's name label without www., subdomains and TLD, and the outlet it is the
    domain of; a name's canonical outlet (by alias) squashed."""
    host = metadata.HOST.match(text.strip())
    if host:
        labels = host[1].lower().split(".")[:-1]
        while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
            labels.pop()
        known = metadata.outlet_of_domain("@" + host[1].lower())
        return labels[-1], (_squash(known) if known else None)
    return None, _squash(metadata.outlet_named(text) or text)


def _spelt(host: str, name: str) -> bool:
    """Whether a host key spells the name: whole ("rt" = RT), or, when long enough without a closing "news", by
    the name's words each whole or by its initial, a closing "news" on either side optional."""
    if host == _squash(name):
        return True
    spellings = _spellings(name)
    return len(_untraded(host)) >= MIN_HOST_KEY and bool({host, _untraded(host)} & spellings)


def _one_word(short: str, long: str) -> bool:
    """A name written as one word ("NYTimes") spelling another name of several words by some initials."""
    if len(_words(long)) < 2 or len(short.split()) > 1 or len(_untraded(_squash(short))) < MIN_HOST_KEY:
        return False
    return _squash(short) in _spellings(long)


def _squash(name: str) -> str:
    return "".join(_words(name))


@cache
def _bare(name: str) -> str:
    """A name squashed without its closing word "news" ("Sky News" -> "sky"), unless that is all of it."""
    words = _words(metadata.outlet_named(name) or name)
    return "".join(words[:-1] if len(words) > 1 and words[-1] == _TRADE else words)


def _untraded(key: str) -> str:
    """A host key without a closing "news" ("sputniknews" -> "sputnik"), unless that is all of it."""
    return key.removesuffix(_TRADE) or key


def _words(name: str) -> list[str]:
    words = _WORD.findall(name.lower())
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


@cache
def _spellings(name: str) -> frozenset[str]:
    """A name's words each written whole or by its initial, but its last word whole (nypost, latimes: initials
    alone, "msn", fit too many names), with or without a leading "the" (theguardian.com) and a closing word "news"
    (news.sky.com is Sky News)."""
    words = _words(metadata.outlet_named(name) or name)[:MAX_NAME_WORDS]
    if not words:  # a name in another script: nothing for a host to spell
        return frozenset()
    trade = [(_TRADE, "")] if len(words) > 1 and words[-1] == _TRADE else []
    head = words[:-1] if trade else words
    choices = [(w, w[0]) for w in head[:-1]] + [(head[-1],)] + trade
    spelt = {"".join(choice) for choice in product(*choices)}
    return frozenset(spelt | {"the" + s for s in spelt})
