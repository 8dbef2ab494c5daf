"""Long bodies (debate transcripts of 100k+ characters) go through the model in pieces: the facts keep the body's
offsets, and a piece never ends inside a word."""

from __future__ import annotations

import pytest

from newsfacts.facts.extract import facts_from_parsed, parse_bounded, split_body
from tests.facts.test_offsets import offset_errors

TRANSCRIPT = " ".join(
    f"Senator Maria Lopez said the bill number {i} would cost $4 billion. “We will not wait,” she said on Monday."
    for i in range(40)
)


@pytest.mark.unit
def test_pieces_join_back_into_the_body_and_stay_within_the_limit():
    pieces = split_body(TRANSCRIPT, 700)
    assert "".join(pieces) == TRANSCRIPT
    assert len(pieces) > 5 and all(len(p) <= 700 for p in pieces)


@pytest.mark.unit
def test_a_piece_ends_after_a_sentence_or_a_blank_line_not_inside_a_word():
    pieces = split_body(TRANSCRIPT, 700)
    assert all(p.endswith(". ") for p in pieces[:-1])
    paragraphs = "\n\n".join(["A short paragraph here."] * 40)
    assert all(p.endswith("\n\n") for p in split_body(paragraphs, 300)[:-1])
    assert all(p.endswith(" ") for p in split_body("word " * 300, 100)[:-1])


@pytest.mark.unit
def test_a_short_body_is_one_piece():
    assert split_body("Officials said so.", 700) == ["Officials said so."]
    assert split_body("", 700) == [""]


@pytest.mark.integration
def test_a_body_parsed_in_pieces_has_the_text_tokens_and_entities_of_the_whole(nlp):
    bodies = ["Short one from Paris.", TRANSCRIPT, ""]
    whole = [nlp(b) for b in bodies]
    bounded = list(parse_bounded(nlp, bodies, piece_chars=700, batch_chars=2000))
    assert [d.text for d in bounded] == bodies
    assert [[t.text for t in d] for d in bounded] == [[t.text for t in d] for d in whole]
    pieces, once = ({(e.text, e.start_char, e.label_) for e in d.ents} for d in (bounded[1], whole[1]))
    assert len(once) > 40 and len(pieces & once) >= 0.95 * len(once)  # context across a cut may move one or two


@pytest.mark.integration
def test_facts_of_a_long_transcript_parsed_in_pieces_keep_exact_offsets(nlp, make_doc):
    doc = make_doc("debate", TRANSCRIPT)
    facts = facts_from_parsed(zip([doc], parse_bounded(nlp, [doc.body], piece_chars=700, batch_chars=2000)))
    assert offset_errors(facts, [doc]) == []
    assert len([q for q in facts.quotes if q.kind == "direct"]) >= 30
