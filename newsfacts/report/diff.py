"""Word-level differences between two aligned sentences, marked up for a side-by-side view."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

# Words and signs with the spaces after them: a run of changed words is then one marked span, spaces included.
_TOKEN = re.compile(r"\s+|\w+\s*|[^\w\s]\s*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def word_diff(a: str, b: str) -> tuple[Markup, Markup, bool]:
    """a and b as HTML, the words only one of them has wrapped in <del> (in a) and <ins> (in b), and whether they
    say the same words (curly or straight quotes, case and spacing aside: not what a reviewer looks for)."""
    ta, tb = _TOKEN.findall(a or ""), _TOKEN.findall(b or "")
    na, nb = [_normal(t) for t in ta], [_normal(t) for t in tb]
    if [w for w in na if w] == [w for w in nb if w]:
        return escape(a or ""), escape(b or ""), True
    left, right = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, na, nb, autojunk=False).get_opcodes():
        old, new = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        if op == "equal":
            left.append(escape(old))
            right.append(escape(new))
        else:
            left.append(_marked("del", old))
            right.append(_marked("ins", new))
    return Markup("").join(left), Markup("").join(right), False


def aligned(evidence, limit: int | None = None) -> dict:
    """A duplicate pair's aligned sentences (duplicate_pairs.evidence) for a side-by-side view: each pair with its
    differing words marked, how many there are, and whether all read the same (an exact copy needs no diff)."""
    rows = json.loads(evidence or "[]") if isinstance(evidence, str) else (evidence or [])
    rows = rows if isinstance(rows, list) else []
    out = []
    for row in rows[:limit]:
        doc_html, source_html, same = word_diff(row.get("doc_sentence", ""), row.get("source_sentence", ""))
        out.append({"doc": doc_html, "source": source_html, "similarity": row.get("similarity"), "same": same})
    return {"rows": out, "total": len(rows), "all_same": bool(out) and all(r["same"] for r in out)}


def _marked(tag: str, text: str) -> Markup:
    """text in <tag>, its trailing spaces outside it, so the mark ends with the last word."""
    words = text.rstrip()
    if not words:
        return escape(text)
    return Markup(f"<{tag}>{{}}</{tag}>{{}}").format(words, text[len(words):])


def _normal(token: str) -> str:
    return token.strip().lower().translate(_QUOTES)
