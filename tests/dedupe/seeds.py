"""Load the seed fixtures (clean bodies cut from samples/inbox by hand) as Documents."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from newsfacts.records import Document

FIXTURES = Path(__file__).with_name("fixtures")


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
