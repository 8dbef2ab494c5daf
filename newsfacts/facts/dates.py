"""Dated events: sentences carrying a date, resolved against the document's own date when relative."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from datetime import date, timedelta

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon
from newsfacts.records import Event

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [  # (regex, precision, needs the document's year)
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I), "day", False),
    (re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I), "day", False),
    (re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b"), "day", False),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I), "month", False),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b", re.I), "day", True),
    (re.compile(rf"\b{_DAY}\s+{_MONTH}\b", re.I), "day", True),
    (re.compile(rf"\b{_YEAR}\b"), "year", False),
    (re.compile(rf"\b{_MONTH}\b", re.I), "month", True),
]
_WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?P<rel>today|yesterday|tomorrow|(?P<which>last|this|next)\s+(?P<unit>week|month|year))\b", re.I)


def event_id(doc_id: str, start: int, end: int, date_start: int) -> str:
    return hashlib.sha1(f"{doc_id}|{start}|{end}|{date_start}".encode()).hexdigest()[:16]


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else MONTHS[text.lower()[:4] if text.lower().startswith("sept") else text.lower()[:3]]


def _safe_date(year: int, month: int, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve(text: str, published: date | None, forward: bool) -> tuple[date | None, str, str] | None:
    """(date, precision, resolution) for a date expression, or None when it names no point in time."""
    for pattern, precision, relative in _PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        if relative and published is None:
            return None, "unresolved", "unresolved"
        groups = m.groupdict()
        month = _month_number(groups["month"]) if groups.get("month") else 1
        if groups.get("year"):
            year = int(groups["year"])
        else:  # a month with no year: the nearest such month on the story's side of time
            year = published.year
            if not forward and month > published.month:
                year -= 1
            elif forward and month < published.month:
                year += 1
        resolved = _safe_date(year, month, int(groups.get("day") or 1))
        if resolved is None:
            return None
        return resolved, precision, "relative" if relative else "explicit"
    return _resolve_relative(text, published, forward)


def _resolve_relative(text: str, published: date | None, forward: bool):
    weekday, rel = _WEEKDAY.search(text), _RELATIVE.search(text)
    if not weekday and not rel:
        return None
    if published is None:
        return None, "unresolved", "unresolved"
    if weekday:
        target = WEEKDAYS[weekday.group("weekday").lower()]
        if forward:
            return published + timedelta((target - published.weekday()) % 7), "day", "relative"
        return published - timedelta((published.weekday() - target) % 7), "day", "relative"
    word = rel.group("rel").lower()
    if word in ("today", "yesterday", "tomorrow"):
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
        return published + timedelta(shift), "day", "relative"
    step = {"last": -1, "this": 0, "next": 1}[rel.group("which").lower()]
    unit = rel.group("unit").lower()
    if unit == "year":
        return date(published.year + step, 1, 1), "year", "relative"
    if unit == "month":
        month0 = published.year * 12 + published.month - 1 + step
        return date(month0 // 12, month0 % 12 + 1, 1), "month", "relative"
    # A week has no precision in the contract (day | month | year); kept, but honestly unresolved.
    return None, "unresolved", "unresolved"


def events(ctx: DocContext, lex: Lexicon) -> list[Event]:
    """One event per date expression the model tags in a sentence."""
    rows = []
    published = ctx.doc.published_date
    by_sentence = defaultdict(list)  # doc.ents once: Span.ents rebuilds the document's entity list per call
    for ent in ctx.sdoc.ents:
        if ent.label_ == "DATE":
            by_sentence[ctx.sentence_no(ent.start_char)].append(ent)
    for sent_no, dates in sorted(by_sentence.items()):
        sent = ctx.sentences[sent_no]
        forward = bool(lex.future_re.search(sent.text))
        start, end = _sentence_span(ctx.body, sent)
        for ent in dates:
            found = resolve(ent.text, published, forward)
            if found is None:
                continue
            when, precision, resolution = found
            rows.append(Event(
                event_id=event_id(ctx.doc.doc_id, start, end, ent.start_char),
                doc_id=ctx.doc.doc_id,
                date=when,
                date_precision=precision,
                date_text=ent.text,
                resolution=resolution,
                text=ctx.body[start:end],
                start_char=start,
                end_char=end,
            ))
    return rows


def _sentence_span(body: str, sent) -> tuple[int, int]:
    start, end = sent.start_char, sent.end_char
    while end > start and body[end - 1].isspace():
        end -= 1
    while start < end and body[start].isspace():
        start += 1
    return start, end
