"""The facts stage on what the parse stage really hands it: the five raw seed files, parsed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from newsfacts.facts import extract_facts
from newsfacts.parse import parse_file

pytestmark = pytest.mark.integration

INBOX = Path(__file__).resolve().parents[2] / "samples" / "inbox"


@pytest.fixture(scope="module")
def parsed_seeds():
    docs = {}
    for path in sorted(INBOX.glob("*.txt")):
        data = path.read_bytes()
        docs[path.name[:3]] = parse_file(data, path.name, hashlib.sha256(data).hexdigest()).document
    return docs


@pytest.fixture(scope="module")
def parsed_facts(nlp, parsed_seeds):
    return extract_facts(list(parsed_seeds.values()), nlp)


def test_parsed_seed_rows_point_at_their_bodies(parsed_facts, parsed_seeds):
    bodies = {d.doc_id: d.body for d in parsed_seeds.values()}
    for table in ("mentions", "quotes", "events", "quantities"):
        for row in getattr(parsed_facts, table):
            assert bodies[row.doc_id][row.start_char : row.end_char] == row.text


def test_parsed_seed_quotes_keep_their_labelled_speakers(parsed_facts, parsed_seeds, seed_labels):
    by_file = {label["file"][:3]: label for label in seed_labels}
    right = total = 0
    for key, doc in parsed_seeds.items():
        for lq in [q for q in by_file[key].get("quotes", []) if q.get("kind", "direct") == "direct"]:
            hits = [q for q in parsed_facts.quotes if q.doc_id == doc.doc_id and q.kind == "direct" and lq["text"] in q.text]
            total += 1
            right += bool(hits) and hits[0].speaker == lq["speaker"]
    assert total == 18 and right / total >= 0.9


def test_a_rewrite_gets_facts_of_its_own(parsed_facts, parsed_seeds):
    rewrite = parsed_seeds["004"].doc_id
    assert any(q.doc_id == rewrite and q.speaker == "Dmitry Peskov" for q in parsed_facts.quotes)
