"""Load the seed fixtures (clean bodies cut from samples/inbox by hand) as Documents, and the bodies of the labelled
evaluation set (benchmarks/dedupe_eval: data read from its files, not the benchmark's code)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from newsfacts.records import Document

FIXTURES = Path(__file__).with_name("fixtures")
EVAL_DOCS = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_eval" / "docs"


def document(doc_id: str, body: str, *, title: str | None = None, published: str | None = None,
             outlet: str | None = None, kind: str = "article", source_path: str = "") -> Document:
    return Document(
        doc_id=doc_id, sha256=doc_id * 4, kind=kind, format="article_text", source_path=source_path or doc_id,
        outlet=outlet, site=None, title=title, subtitle=None, authors=[], dateline=None,
        published_date=date.fromisoformat(published) if published else None, date_source=None, language="en",
        body=body, word_count=len(body.split()), lines_total=body.count("\n") + 1, lines_dropped=0,
    )


def seed(number: str) -> Document:
    data = json.loads((FIXTURES / "seeds" / f"{number}.json").read_text(encoding="utf-8"))
    return document(data["doc_id"], data["body"], title=data["title"], published=data["published_date"],
                    outlet=data["outlet"], kind=data["kind"], source_path=data["source_path"])


def seeds() -> dict[str, Document]:
    return {n: seed(n) for n in ("000", "001", "002", "003", "004")}


def eval_bodies() -> dict[str, str]:
    """The evaluation set's bodies by document id (each file: a header of `key: value` lines, `---`, the body)."""
    return {path.stem: path.read_text(encoding="utf-8").split("---\n", 1)[1].strip()
            for path in sorted(EVAL_DOCS.glob("*.txt"))}
