"""Word-level differences between two aligned sentences, marked up for a side-by-side view."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher

from markupsafe import Markup, escape

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


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
        if old.strip():
            left.append(Markup("<del>{}</del>").format(old))
        else:
            left.append(escape(old))
        if new.strip():
            right.append(Markup("<ins>{}</ins>").format(new))
        else:
            right.append(escape(new))
    return Markup("").join(left), Markup("").join(right)


def same_words(a: str, b: str) -> bool:
    """Whether two sentences say the same words (quotes, case and spacing aside)."""
    return [_normal(t) for t in _TOKEN.findall(a or "") if not t.isspace()] == \
        [_normal(t) for t in _TOKEN.findall(b or "") if not t.isspace()]


def _normal(token: str) -> str:
    return token.lower().translate(_QUOTES) if not token.isspace() else " "


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
