"""Read a story's metadata (authors, outlet, site, dateline, date) from its byline, credit and trailer lines."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from newsfacts.parse.furniture import BYLINE_LINE
from newsfacts.parse.lexicon import furniture, outlets, sites

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A year may be glued to a following time by scrapers: "October 31, 20234:17 AM GMT".
_YEAR = r"(\d{4})(?:(?!\d)|(?=\d{1,2}:\d{2}))"
_DATE_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.I)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}", re.I)
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

# "SEOUL, South Korea —", "WASHINGTON—", "LONDON (Reuters) -", "KYIV, Ukraine (AP) —"
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’\- ]{1,40}?)(?:,\s*[A-Z][\w.'’\- ]{1,40}?)?\s*)?"
    r"(?:\((?P<wire>[^)]{2,30})\)\s*)?[—–-]{1,2}\s*(?=\S)"
)
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
             *(m for m in _MONTHS), "january", "february", "march", "april", "june", "july", "august", "september",
             "october", "november", "december", "sept"}
_NAME = re.compile(r"^[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|del|bin|al))*$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_REPORTING_BY = re.compile(r"\breporting(?:\s+and\s+editing)?\s+by\s+([^;.]+)", re.I)
_WRITE_TO = re.compile(r"\bwrite to\s+(.+?)\s+at\s+\S+@", re.I)
_EMAIL_DOMAIN = re.compile(r"@([\w.-]+\.\w+)")
# "By Reuters Staff", "By CNN Wire Staff", "By nbcnews.com staff": a newsroom signing as a whole. "staff" closes the
# byline: a person on staff signs "By Jane Smith, Staff Writer", and a comma or "and" means several credits.
_STAFF_BYLINE = re.compile(r"^(?P<who>[^,;&|]+?)\s+(?:wire\s+)?staff\.?$", re.I)
# A site named by its host alone ("nbcnews.com", "https://www.nypost.com/"): group 1 is the host without www.
HOST = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})/?$", re.I)
_NOT_NEWSROOMS = {"our", "the", "a", "an", "news", "wire", "editorial"}


def find_date(lines: list[str]) -> date | None:
    """The first full calendar date (day, month, year) written in any of the lines."""
    for line in lines:
        found = parse_date(line)
        if found:
            return found
    return None


def parse_date(text: str) -> date | None:
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_MDY, "mdy"), (_DATE_DMY, "dmy")):
        m = pattern.search(text)
        if not m:
            continue
        try:
            if order == "ymd":
                return date(int(m[1]), int(m[2]), int(m[3]))
            if order == "mdy":
                return date(int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2]))
            return date(int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1]))
        except ValueError:
            continue  # "Feb 30, 2023" is not a date
    return None


def find_dateline(first_paragraph: str) -> tuple[str | None, str | None]:
    """(place, wire service) from a dateline opening the story, e.g. ("SEOUL", None), ("LONDON", "Reuters")."""
    m = _DATELINE.match(first_paragraph)
    if not m:
        return None, None
    place = (m["place"] or "").strip()
    if len(place) < 3 or not any(c.isalpha() for c in place):
        place = ""
    if not place and not m["wire"]:
        return None, None
    return place or None, m["wire"]


def outlet_named(text: str) -> str | None:
    """The canonical outlet whose alias appears in the text as a whole word (longest alias wins)."""
    best = None
    for name, size, pattern in _alias_patterns():
        if pattern.search(text) and (best is None or size > best[1]):
            best = (name, size)
    return best[0] if best else None


@cache
def _alias_patterns() -> tuple[tuple[str, int, re.Pattern], ...]:
    """(outlet, alias length, whole-word pattern) per alias, compiled once: building each pattern per call cost
    more than searching with it (outlet_named runs several times per document)."""
    return tuple((outlet.name, len(alias),
                  re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", 0 if len(alias) <= 4 else re.I))
                 for outlet in outlets() for alias in outlet.aliases)


def credited_outlet(evidence: list[str]) -> str | None:
    """The first outlet named, or whose e-mail domain appears, in evidence lines taken in order of trust."""
    for line in evidence:
        outlet = outlet_named(line) or outlet_of_domain(line)
        if outlet:
            return outlet
    return None


def staff_outlet(byline_lines: list[str]) -> str | None:
    """The newsroom a "By <outlet> staff" byline credits: a known outlet, else the site's host ("nbcnews.com")
    or the name as written ("Syndicated News Network")."""
    for line in byline_lines:
        text = cut_date(BYLINE_LINE.sub("", line.strip(), count=1))
        m = _STAFF_BYLINE.match(text) if BYLINE_LINE.match(line.strip()) else None
        if not m or " and " in f" {m['who'].lower()} " or m["who"].lower() in _NOT_NEWSROOMS:
            continue
        who = m["who"].strip()
        host = HOST.match(who)
        if host:
            return outlet_of_domain("@" + host[1].lower()) or host[1].lower()
        return outlet_named(who) or who
    return None


def masthead_site(first_line: str) -> str | None:
    """The site a scraped page's masthead names: its first line, above the story, is nothing but a host
    ("Catchitkansas.com", "www.bbc.com/"): the known outlet of that domain, else the host. A line ending in a
    capitalised word ("St.Louis", "Mr.Smith") is a name, not a host."""
    host = HOST.match(first_line.strip())
    if not host or not host[1].rsplit(".", 1)[1].islower():
        return None
    name = host[1].lower()
    return _outlet_of_host(name) or name


def outlet_of_domain(text: str) -> str | None:
    """The known outlet of the first e-mail address in text whose domain is one of its domains."""
    return next((name for m in _EMAIL_DOMAIN.finditer(text) for name in [_outlet_of_host(m[1].lower())] if name), None)


def _outlet_of_host(host: str) -> str | None:
    """The known outlet whose domain is the host or a domain above it ("news.bbc.co.uk" -> BBC)."""
    return next((outlet.name for outlet in outlets()
                 if any(host == d or host.endswith("." + d) for d in outlet.domains)), None)


def site_of(text: str) -> str | None:
    """A site recognised by at least two of its furniture signatures in the page text."""
    for site in sites():
        if sum(1 for s in site.signatures if s in text) >= 2:
            return site.name
    return None


def authors_from(byline_lines: list[str], credit_lines: list[str]) -> list[str]:
    """Person names from "By ..." bylines, "Write to ... at" footers and "reporting by ..." credits."""
    names: list[str] = []
    for line in byline_lines:
        text = BYLINE_LINE.sub("", line.strip(), count=1)
        text = cut_date(text)
        names += _names(text)
    for line in credit_lines:
        for pattern in (_WRITE_TO, _REPORTING_BY):
            for m in pattern.finditer(line):
                names += _names(m[1])
    unique: list[str] = []
    for name in names:
        if outlet_named(name) or any(same_person(name, kept) for kept in unique):
            continue
        unique.append(name)
    return unique


def cut_date(text: str) -> str:
    for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO):
        m = pattern.search(text)
        if m:
            text = text[: m.start()]
    return re.split(r"\s+[|·•—–-]\s+|\(", text)[0].strip()


def _names(text: str) -> list[str]:
    roles = furniture().roles
    names = []
    for part in _NAME_SPLIT.split(text.strip()):
        words = part.strip(" .,:;").split()
        while words and words[-1].lower().strip(".,") in CALENDAR:
            words.pop()  # "Jeff Foust Monday": a date glued to the name
        name = " ".join(words)
        if name.isupper():
            name = name.title()  # "LISA MASCARO" in metadata is the same person as "Lisa Mascaro" in a byline
        if (2 <= len(words) <= 4 and _NAME.match(name) and words[0].lower() not in ("the", "a", "an")
                and not any(w.lower().strip(".,") in roles for w in words)):
            names.append(name)
    return names


def same_person(a: str, b: str) -> bool:
    """"Troy Smith" and "Troy L Smith": same first and last name."""
    x, y = a.split(), b.split()
    return x[0] == y[0] and x[-1] == y[-1]
