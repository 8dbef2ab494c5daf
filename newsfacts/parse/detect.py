"""Tell which of the accepted formats a decoded file is in, or say in plain words why it is none of them."""

from __future__ import annotations

import json
import re

from newsfacts.parse.furniture import FURNITURE_ONLY, only_furniture
from newsfacts.parse.transcript import looks_like_transcript

_HTML = re.compile(r"<(!doctype html|html|head|body)\b", re.I)
_TAG = re.compile(r"<[a-z][a-z0-9]*(\s[^<>]*)?>", re.I)
# Elements of a page body: a saved fragment ("<div class=story><p>...") is HTML without <html> or <body>.
_BODY_TAG = re.compile(r"<(p|div|span|a|article|section|h[1-6]|br|img|ul|ol|li|main|header|footer|nav|figure)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*(\s|$)")
MIN_PROSE_WORDS = 40


def detect_format(text: str, path: str) -> str | None:
    """"transcript", "html" or "article_text"; None when the text is none of them."""
    head = text[:4096]
    if (_HTML.search(head) or len(_BODY_TAG.findall(head)) >= 5
            or (path.lower().endswith((".html", ".htm")) and len(_TAG.findall(head)) >= 3)):
        return "html"
    if looks_like_transcript(text):
        return "transcript"
    if _prose_words(text) >= MIN_PROSE_WORDS and not why_not_text(text):
        return "article_text"
    return None


def why_not_text(text: str) -> str | None:
    """A reason the text is data or markup rather than an article, if it plainly is."""
    stripped = text.strip()
    if stripped[:1] in "{[":
        try:
            json.loads(stripped)
            return "JSON data, not an article"
        except ValueError:
            pass
    lines = [line for line in stripped.splitlines() if line.strip()]
    head = lines[:20]
    if (len(head) >= 3 and len({line.count(",") for line in head}) == 1 and head[0].count(",") >= 2
            and sum(1 for line in head if _SENTENCE_END.search(line.rstrip() + " ")) < len(head) / 2):
        return "a CSV table, not an article"  # same number of fields on every line, and no running sentences
    if stripped.startswith("<?xml") or (stripped.startswith("<") and len(_TAG.findall(stripped[:4096])) >= 5):
        return "XML or markup that is not an HTML page"
    return None


def unknown_reason(text: str) -> str:
    """Why detect_format found no format, for the rejection message."""
    reason = why_not_text(text)
    if reason:
        return reason
    if only_furniture(text):
        return FURNITURE_ONLY
    return (f"not an article, transcript or HTML page: fewer than {MIN_PROSE_WORDS} words of "
            f"sentence-like text ({_prose_words(text)} found)")


def _prose_words(text: str) -> int:
    """Words in lines, or blank-separated paragraphs (hard-wrapped text), that read like sentences."""
    def count(pieces: list[str]) -> int:
        return sum(len(p.split()) for p in pieces if len(p.split()) >= 6 and _SENTENCE_END.search(p))
    return max(count(text.splitlines()), count(re.split(r"\n\s*\n", text)))
