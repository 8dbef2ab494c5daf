"""Rules of the seventh round (benchmarks/README.md, "Seventh round"): restyles of the fresh5 split of
benchmarks/dedupe_real (development data since it was scored blind) and their nearest negatives."""

from __future__ import annotations

import dataclasses

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.align import align, similarity_matrix
from newsfacts.dedupe.verify import NAMED_CHAIN, consistent, named_chain, novelty, verify
from tests.dedupe.test_verify_real import real

pytestmark = pytest.mark.unit


def test_a_restyle_cutting_its_source_retold_in_its_order_naming_nothing_of_its_own_is_a_rewrite():
    # 5 of 13 sentences against 34 (2.6x, under condensed_ratio), 5 of 16 against 122: every one in order.
    for sid in ("87438a0d", "e593d7fe"):
        doc, source = real(f"{sid}_restyled_emotional"), real(f"{sid}_original")
        verdict = verify(doc, source, Thresholds())
        assert verdict is not None and verdict.method == "ordered_sentence_alignment", sid
        assert novelty(doc, source) <= Thresholds().framed_novelty


def test_the_faithful_chain_asks_for_five_sentences_in_order_naming_nothing_new():
    doc, source = real("87438a0d_restyled_emotional"), real("87438a0d_original")
    for change in ({"faithful_chain": 6}, {"framed_novelty": -0.01}, {"strong_in_order": 1.01}):
        assert verify(doc, source, dataclasses.replace(Thresholds(), **change)) is None, change


def test_two_expansions_of_two_briefs_of_one_event_chaining_in_order_name_too_much_of_their_own():
    # Content-farm padding retold in one order: 6 chained at in_order 1.0, but novelty 0.125.
    a, b = real("2c46804d_expanded"), real("51d066b0_expanded")
    chain = consistent(align(a, b, Thresholds().sentence_similarity), a, b)
    assert len(chain.pairs) >= Thresholds().faithful_chain and chain.in_order >= Thresholds().strong_in_order
    assert novelty(a, b) > Thresholds().framed_novelty
    assert verify(a, b, Thresholds()) is None


def test_a_restyle_keeping_each_sentences_names_and_figures_in_its_sources_order_is_a_rewrite():
    # Every sentence reworded (0.2-0.4 of its stems shared), but 8 of them name two or more of a source sentence's
    # specifics, in the source's order.
    # (9a440270's source opens sentences with names the restyle names mid-sentence: read as names since the ninth
    # round, they leave it novelty 0.09, and the sentence coverage finds it first.)
    for sid in ("65bf3048", "9a440270"):
        doc, source = real(f"{sid}_restyled_sensational"), real(f"{sid}_original")
        chain = named_chain(similarity_matrix(doc, source), doc, source, Thresholds())
        assert len(chain.pairs) >= Thresholds().named_chain and chain.in_order >= Thresholds().named_in_order, sid
        assert verify(doc, source, Thresholds()) is not None, sid
    doc, source = real("65bf3048_restyled_sensational"), real("65bf3048_original")
    assert verify(doc, source, Thresholds()).method == NAMED_CHAIN
    assert verify(doc, source, dataclasses.replace(Thresholds(), named_chain=9)) is None


def test_independent_reports_naming_the_originals_facts_chain_fewer_named_sentences():
    # Another outlet's report of one event, written from the same facts: 6 named sentences in order, no more.
    for sid in ("82b6d780", "851498a2"):
        a, b = real(f"{sid}_independent"), real(f"{sid}_original")
        chain = named_chain(similarity_matrix(a, b), a, b, Thresholds())
        assert len(chain.pairs) < Thresholds().named_chain, sid
        assert verify(a, b, Thresholds()) is None, sid
