"""The argument probe's pure parts (benchmarks/dedupe_argument.py): rarity in a batch, stems kept in their order, and
the sentences holding a 5-word run of the other text, on a written opinion piece, its restyle and its nearest
negative, another writer's column on the same topic."""

from __future__ import annotations

import pytest

from benchmarks.dedupe_argument import auc, batch_rarity, kept_in_order, pair_signals, price, verbatim_signals
from newsfacts.dedupe.align import similarity_matrix
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds

pytestmark = pytest.mark.unit

COLUMN = """Every town that loses its newspaper loses a watchdog it rarely thanks.
The council still meets on Tuesdays, but nobody takes notes in the back row anymore.
Budgets pass without a single question about the drainage contract or the parking garage.
The chain that bought the paper promised synergies, a word that usually means empty desks.
"Newsrooms are often half the size within a matter of months," one researcher found after studying these deals.
Readers notice the thinning only when the flood warnings stop arriving on time.
Philanthropy can patch a few holes, yet it cannot rebuild the habit of showing up.
If residents want scrutiny back, they will have to pay for it, one subscription at a time."""

RESTYLE = """Imagine a town where nobody watches anymore, where the newspaper that guarded it is simply gone!
The council keeps meeting on Tuesdays, and the back row where reporters took notes sits empty.
Budgets sail through with no question about the drainage contract or that parking garage.
The chain promised synergies, and everyone knows that word means empty desks.
"Newsrooms are often half the size within a matter of months," a researcher warned after studying these deals.
Readers only notice when the flood warnings stop arriving on time, and by then it is too late.
Philanthropy patches holes, but it cannot rebuild the habit of showing up.
Want scrutiny back? Then pay for it, one subscription at a time."""

OTHER_COLUMN = """Local newspapers have faced falling advertising revenue for nearly two decades.
Many chains have cut staff and consolidated printing plants to reduce costs.
Some towns now rely on volunteer newsletters and social media groups for council updates.
Foundations have started funding nonprofit newsrooms in several states.
Subscription prices have climbed as publishers try to replace print advertising.
Analysts expect further mergers among the largest chains next year.
Journalism schools report steady enrolment despite the shrinking job market.
Readers surveyed say they value local coverage but few pay for it."""


def _profiles() -> tuple[Profile, Profile, Profile]:
    return Profile.of(COLUMN), Profile.of(RESTYLE), Profile.of(OTHER_COLUMN)


def test_a_stem_every_document_of_the_batch_uses_is_less_rare_than_one_a_single_document_uses():
    column, restyle, other = _profiles()
    rarity = batch_rarity([column, restyle, other])
    shared_by_all = set(column.vocabulary.tolist()) & set(restyle.vocabulary.tolist()) & set(other.vocabulary.tolist())
    only_other = set(other.vocabulary.tolist()) - set(column.vocabulary.tolist()) - set(restyle.vocabulary.tolist())
    assert shared_by_all and only_other
    assert max(rarity[s] for s in shared_by_all) < min(rarity[s] for s in only_other)


def test_stems_kept_in_their_order_count_whole_and_reversed_count_one():
    short = {1: 0, 2: 1, 3: 2}
    weight = {1: 1.0, 2: 1.0, 3: 1.0}
    assert kept_in_order(short, {1: 0, 2: 4, 3: 9}, weight) == (1.0, 1.0)
    kept, ordered = kept_in_order(short, {1: 9, 2: 4, 3: 0}, weight)
    assert kept == 1.0 and ordered == pytest.approx(1 / 3)
    assert kept_in_order(short, {}, weight) == (0.0, 0.0)


def test_a_restyle_keeps_the_columns_argument_and_quote_and_the_same_topic_column_does_not():
    column, restyle, other = _profiles()
    t = Thresholds()
    rarity = batch_rarity([column, restyle, other])
    kept = pair_signals(column, restyle, rarity, t)
    apart = pair_signals(column, other, rarity, t)
    assert kept["rare_in_order_0"] > 0.5 > apart["rare_in_order_0"]
    assert kept["loose_chain"] > apart["loose_chain"]
    held, _ = verbatim_signals(restyle, column, similarity_matrix(restyle, column), t.loose_similarity)
    held_apart, _ = verbatim_signals(other, column, similarity_matrix(other, column), t.loose_similarity)
    assert held >= 2 / restyle.content_sentences and held_apart == 0.0


def test_auc_and_the_price_of_a_bound_read_the_missed_pairs_against_the_pairs_of_two_stories():
    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.5], [0.5]) == 0.5
    # Taking the best missed pair (0.6) lets in the pair of two stories at 0.7, and so does taking both (down to
    # 0.3); a third missed pair there is not. A pair of two stories at 0.3 ties the 2nd and is let in too.
    assert price([0.3, 0.6], [0.7, 0.2, 0.1], ranks=(1, 2, 3)) == [1, 1, None]
    assert price([0.3, 0.6], [0.7, 0.3, 0.1], ranks=(2,)) == [2]
