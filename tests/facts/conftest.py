"""Shared fixtures for the facts tests: one loaded pipeline, the labelled seeds and paragraphs, extracted once."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import pytest

from newsfacts.config import SCRAPINGHUB_DATA
from newsfacts.facts import extract_facts, load_nlp
from newsfacts.records import Document

FIXTURES = Path(__file__).parent / "fixtures"
PARAGRAPHS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "facts" / "paragraphs.toml"
SCRAPINGHUB = SCRAPINGHUB_DATA


def build_doc(doc_id: str, body: str, published: date | None = None, language: str | None = "en") -> Document:
    return Document(
        doc_id=doc_id, sha256=doc_id, kind="article", format="article_text", source_path=doc_id, outlet=None,
        site=None, title=None, subtitle=None, authors=[], dateline=None, published_date=published,
        date_source=None, language=language, body=body, word_count=len(body.split()), lines_total=0,
        lines_dropped=0,
    )


@pytest.fixture(scope="session")
def make_doc():
    return build_doc


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def seed_labels() -> list[dict]:
    return tomllib.loads((FIXTURES / "seed_labels.toml").read_text(encoding="utf-8"))["doc"]


@pytest.fixture(scope="session")
def seed_docs(seed_labels) -> list[Document]:
    return [build_doc(d["file"], (FIXTURES / d["file"]).read_text(encoding="utf-8"), d["published"]) for d in seed_labels]


@pytest.fixture(scope="session")
def seed_facts(nlp, seed_docs):
    return extract_facts(seed_docs, nlp)


@pytest.fixture(scope="session")
def paragraph_labels() -> list[dict]:
    return tomllib.loads(PARAGRAPHS.read_text(encoding="utf-8"))["doc"]


@pytest.fixture(scope="session")
def paragraph_docs(paragraph_labels) -> list[Document]:
    return [build_doc(d["name"], d["body"], d["published"]) for d in paragraph_labels]


@pytest.fixture(scope="session")
def paragraph_facts(nlp, paragraph_docs):
    return extract_facts(paragraph_docs, nlp)


@pytest.fixture(scope="session")
def real_article_docs() -> list[Document]:
    """Bodies of real news pages from many outlets (Scrapinghub's hand-checked extraction of its HTML pages)."""
    if not (SCRAPINGHUB / "ground-truth.json").exists():
        pytest.skip(f"the shared Scrapinghub data is not beside this clone ({SCRAPINGHUB}; NEWSFACTS_SHARED_DATA)")
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    return [build_doc(key[:16], truth[key]["articleBody"]) for key in sorted(truth)[:6]]


@pytest.fixture(scope="session")
def quotes_of(nlp, make_doc):
    """The direct and not-speech quotes of one written passage: what the speaker-style tests read."""
    def run(body: str) -> list:
        facts = extract_facts([make_doc("d", body)], nlp)
        return [q for q in facts.quotes if q.kind != "indirect"]
    return run
