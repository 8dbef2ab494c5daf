"""Word-level differences between two aligned sentences, marked up for a side-by-side view."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

# Words and signs with the spaces after them: a run of changed words is then one marked span, spaces included.
_TOKEN = re.compile(r"\s+|\w+\s*|[^\w\s]\s*")


def word_diff(a: str, b: str) -> tuple[Markup, Markup]:
    """a and b as HTML, the words only one of them has wrapped in <del> (in a) and <ins> (in b)."""
    ta, tb = _TOKEN.findall(a or ""), _TOKEN.findall(b or "")
    # Curly and straight quotes, and case, are not what a reviewer looks for: compare words as they read.
    matcher = SequenceMatcher(None, [_normal(t) for t in ta], [_normal(t) for t in tb], autojunk=False)
    left, right = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        if op == "equal":
            left.append(escape(old))
            right.append(escape(new))
            continue
        left.append(_marked("del", old))
        right.append(_marked("ins", new))
    return Markup("").join(left), Markup("").join(right)


def same_words(a: str, b: str) -> bool:
    """Whether two sentences say the same words (quotes, case and spacing aside)."""
    def words(text: str) -> list[str]:
        return [w for w in map(_normal, _TOKEN.findall(text or "")) if w]

    return words(a) == words(b)


def _marked(tag: str, text: str) -> Markup:
    """text in <tag>, its trailing spaces outside it, so the mark ends with the last word."""
    words = text.rstrip()
    if not words:
        return escape(text)
    return Markup(f"<{tag}>{{}}</{tag}>{{}}").format(words, text[len(words):])


def _normal(token: str) -> str:
    return token.strip().lower().translate(_QUOTES)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def aligned(evidence, limit: int | None = None) -> dict:
    """A duplicate pair's aligned sentences (duplicate_pairs.evidence) for a side-by-side view: each pair with its
    differing words marked, how many there are, and whether all read the same (an exact copy needs no diff)."""
    rows = json.loads(evidence or "[]") if isinstance(evidence, str) else (evidence or [])
    rows = rows if isinstance(rows, list) else []
    out = []
    for row in rows[:limit]:
        doc, source = row.get("doc_sentence", ""), row.get("source_sentence", "")
        doc_html, source_html = word_diff(doc, source)
        out.append({"doc": doc_html, "source": source_html, "similarity": row.get("similarity"),
                    "same": same_words(doc, source)})
    return {"rows": out, "total": len(rows), "all_same": bool(out) and all(r["same"] for r in out)}
