"""A short rewrite naming nothing of its own (Thresholds.short_chain): a review cut to four sentences, three of
them retold in the review's order, every name and figure it names the review's. Passages written for the rule."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import SHORT_CHAIN, novelty, verify

pytestmark = pytest.mark.unit

REVIEW = " ".join([
    "If you want a cookbook that makes you feel at home in a Nordic kitchen, this is the one.",
    "The 240 page hardback from Nordhavn Press in Copenhagen comes with a 12-inch poster of Lars Holm's bakery in "
    "Aarhus and twenty classic recipes, including Rye Bread and Cinnamon Snails.",
    "There is also a download code for 40 video lessons filmed in Odense and Roskilde by Holm, his daughter Freja "
    "and the chef Anders Krag.",
    "As I write this review, with a loaf of Holm's rye in the oven, the idea from Nordhavn Press makes perfect sense.",
    "Baking may seem an old habit in Denmark, but watching Holm shape dough in Aarhus makes me want to start at dawn.",
    "There are some beautiful photos by Mette Berg, but a few blurry images and a cluttered layout spoil the look "
    "in places.",
    "This is not a book for science fans, and half of each page repeats the text in Danish, Swedish and Norwegian.",
    "It is a pleasant title to cook from whenever you want to remember how good fresh bread is.",
    "It costs 39.95 euros, about £34, in most bookshops in Britain, Denmark, Sweden and Norway.",
])
CONDENSED = " ".join([
    "The 240-page hardback from Nordhavn Press in Copenhagen, priced at 39.95 euros (£34), comes with a 12-inch "
    "poster of Lars Holm's bakery in Aarhus and twenty recipes, including Rye Bread and Cinnamon Snails.",
    "Watching Holm shape dough in Aarhus makes you want to get up at dawn.",
    "The photos are beautiful, but blurry images and a cluttered layout spoil some pages.",
    "Much of it is in Danish and science readers get little, yet few gifts beat it for the smell of a warm loaf.",
])
BRIEF = " ".join([
    "The 240-page hardback from Nordhavn Press in Copenhagen, priced at 39.95 euros (£34), comes with a 12-inch "
    "poster of Lars Holm's bakery in Aarhus and twenty recipes, including Rye Bread and Cinnamon Snails.",
    "Holm filmed 40 video lessons for the book with his daughter Freja at the bakery in Aarhus.",
    "Nordhavn Press said the book would reach bookshops in Britain and Denmark next month.",
    "The publisher in Copenhagen is planning a second volume on Danish pastries with Mette Berg.",
])


def test_a_four_sentence_condensation_naming_only_its_sources_specifics_in_its_order_is_a_rewrite():
    # Its first sentence fuses two of the review's, its last retells two loosely: 3 of 4 chained, under min_aligned.
    review, condensed = Profile.of(REVIEW), Profile.of(CONDENSED)
    assert novelty(condensed, review) == 0.0
    verdict = verify(condensed, review, Thresholds())
    assert verdict is not None and verdict.method == SHORT_CHAIN
    assert len(verdict.alignment.pairs) == 3


def test_another_outlets_brief_naming_the_same_facts_but_retelling_two_in_order_is_apart():
    # The nearest negative: a brief naming only the review's names and figures, its own news in the other two.
    assert verify(Profile.of(BRIEF), Profile.of(REVIEW), Thresholds()) is None


def test_the_condensation_naming_a_figure_of_its_own_is_not_a_short_chain():
    # One price the review never names: the rule asks for nothing of its own.
    own = CONDENSED.replace("(£34)", "(£34, or $41)")
    verdict = verify(Profile.of(own), Profile.of(REVIEW), Thresholds())
    assert verdict is None or verdict.method != SHORT_CHAIN
