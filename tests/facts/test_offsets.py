"""Every fact row points at its document: body[start_char:end_char] is exactly the row's text."""

from __future__ import annotations

import pytest

from newsfacts.facts import extract_facts

pytestmark = pytest.mark.integration


def offset_errors(facts, docs) -> list[str]:
    bodies = {d.doc_id: d.body for d in docs}
    errors = []
    for table in ("mentions", "quotes", "events", "quantities"):
        for row in getattr(facts, table):
            if bodies[row.doc_id][row.start_char : row.end_char] != row.text:
                errors.append(f"{table}: {row.doc_id} {row.start_char}:{row.end_char} {row.text[:40]!r}")
    return errors


def test_every_seed_fact_row_text_equals_its_body_slice(seed_facts, seed_docs):
    assert seed_facts.mentions and seed_facts.quotes and seed_facts.events and seed_facts.quantities
    assert offset_errors(seed_facts, seed_docs) == []


def test_every_labelled_paragraph_fact_row_text_equals_its_body_slice(paragraph_facts, paragraph_docs):
    assert offset_errors(paragraph_facts, paragraph_docs) == []


def test_real_articles_from_other_outlets_keep_exact_offsets(nlp, real_article_docs):
    facts = extract_facts(real_article_docs, nlp)
    assert len({q.doc_id for q in facts.quotes}) >= 3
    assert offset_errors(facts, real_article_docs) == []


def test_damaged_bodies_yield_rows_that_still_match_their_text(nlp, make_doc):
    docs = [
        make_doc("empty", ""),
        make_doc("unclosed", "“He never closed this quote, Peskov said\n\n“Nor this one"),
        make_doc("stray-marks", "” ” \" ‘ ’ ’s \"\" “”"),
        make_doc("one-long-line", "Officials said the bridge would reopen on Monday. " * 60),
        make_doc("binary-ish", "\x00\x01 PK\x03\x04 ���� “ok,” he said."),
    ]
    facts = extract_facts(docs, nlp)
    assert offset_errors(facts, docs) == []
    assert any(q.doc_id == "one-long-line" and q.kind == "indirect" for q in facts.quotes)


def test_ids_are_the_same_on_a_second_run(nlp, seed_docs, seed_facts):
    again = extract_facts(seed_docs[1:3], nlp)
    first = {"001_ap.txt", "002_reuters.txt"}
    assert [q.quote_id for q in again.quotes] == [q.quote_id for q in seed_facts.quotes if q.doc_id in first]
    assert [e.event_id for e in again.events] == [e.event_id for e in seed_facts.events if e.doc_id in first]
    assert {e.entity_id for e in again.entities} <= {e.entity_id for e in seed_facts.entities}


def test_quote_and_event_ids_are_unique(seed_facts):
    assert len({q.quote_id for q in seed_facts.quotes}) == len(seed_facts.quotes)
    assert len({e.event_id for e in seed_facts.events}) == len(seed_facts.events)
    assert len({e.entity_id for e in seed_facts.entities}) == len(seed_facts.entities)


def test_documents_in_other_languages_get_no_facts(nlp, make_doc):
    russian = make_doc("ru", "Президент Владимир Путин встретился с Ким Чен Ыном во Владивостоке.", language="ru")
    facts = extract_facts([russian], nlp)
    assert facts.mentions == [] and facts.quotes == []
