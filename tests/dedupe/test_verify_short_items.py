"""Short real originals (60-200 words) and rewrites that move a source's paragraphs around: the fresh split of
benchmarks/dedupe_real, development data since it was scored."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.verify import SHARED_NAMES, novelty, same_names, verify
from tests.dedupe.test_verify_real import real

pytestmark = pytest.mark.unit


def test_a_four_sentence_item_restyled_at_its_own_length_is_a_rewrite_of_it_by_its_names():
    # 0.62 of the item's stems and two aligned sentences: too little for the sentence paths, but the rewrite names
    # all 17 of the item's people, places and figures (Kate Henshaw, 2008, 47, Debola Lagos, ...) and nothing else.
    original, restyled = real("34a73285_original"), real("34a73285_restyled_emotional")
    verdict = verify(restyled, original, Thresholds())
    assert verdict.level == "rewrite" and verdict.method == SHARED_NAMES
    assert verdict.alignment.pairs


def test_its_expansion_keeping_fewer_of_its_words_than_a_brief_expansion_does_is_found_by_the_names_too():
    original, expanded = real("34a73285_original"), real("34a73285_expanded")
    assert verify(expanded, original, Thresholds()).level == "rewrite"


def test_two_outlets_short_items_of_one_event_do_not_name_enough_in_common():
    # Same people and figures, but a handful of them: what any two briefs of one event share.
    for a, b in (("a078b365_brief", "bd673bd7_brief"), ("2c46804d_brief", "51d066b0_brief"),
                 ("2c46804d_brief", "51d066b0_expanded"), ("6ebac05f_brief", "7a457a4f_brief")):
        assert not same_names(real(a), real(b), Thresholds()), (a, b)
        assert verify(real(a), real(b), Thresholds()) is None, (a, b)


def test_a_reordered_rewrite_naming_nothing_its_source_does_not_is_covered_in_any_order():
    # Headline first, paragraphs moved: the ordered chain holds under half of the any-order matching.
    for sid in ("70cb2d5b", "961bd85c"):
        original, reordered = real(f"{sid}_original"), real(f"{sid}_reordered")
        assert novelty(original, reordered) == 0.0
        assert verify(reordered, original, Thresholds()).method == "sentence_coverage", sid
