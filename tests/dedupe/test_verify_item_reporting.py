"""A short item's partner that reports beyond it (issue #21, benchmarks/README.md, "Twenty-first round: a short
item's partner reporting beyond it"): a few-line original is retold whole as background by any later story of its
event, so what tells a content farm's padding from a follow-up or another outlet's report is what the longer side,
published no earlier, adds of its own (verify.reported_beyond_item, batch.reported_beyond_items). Real documents of
benchmarks/dedupe_real, each beside its nearest positive."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.batch import _Member, reported_beyond_items
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import reported_beyond_item, verify
from tests.dedupe.test_verify_real import real

pytestmark = pytest.mark.unit

T = Thresholds()


def own_density(short: Profile, long: Profile) -> float:
    return len(long.mentioned - short.mentioned) / long.content_sentences


def test_a_follow_up_retelling_a_short_item_as_background_beside_its_news_is_not_its_rewrite():
    # fresh16 nc467d50: a four-sentence item on a sixth death; two days later the outlet's follow-up (the freeze
    # ends the risk, next year's surveillance) retells it in its last paragraph. The coverage path accepts the pair.
    item, follow_up = real("nc467d50_restyled_neutral"), real("nc467d50_follow_up")
    assert item.content_sentences <= T.item_sentences
    assert own_density(item, follow_up) > T.item_report_density
    assert reported_beyond_item(item, follow_up, T)
    assert not kept({"item": ("2019-11-19", item), "follow_up": ("2019-11-22", follow_up)})


def test_the_restyle_of_a_short_item_stays_a_rewrite_of_its_original():
    # The nearest positive: the same item against the original it restyles (9 content sentences as parsed, naming
    # 0.67 of its own a sentence: what the restyle left out, no new reporting).
    item, original = real("nc467d50_restyled_neutral"), real("nc467d50_original")
    assert not reported_beyond_item(item, original, T)
    assert kept({"item": ("2019-11-19", item), "original": (None, original)})


def test_a_follow_up_the_expansion_path_takes_for_padding_stays_apart():
    # fresh16 ne372e42: a three-sentence item on a stabbing; the follow-up two days later (the court's order, the
    # suspect's grudge, the president's condolences) names 1.0 of its own a sentence: at the expansion path's own
    # bound (expansion_own_density), over this one.
    item, follow_up = real("ne372e42_restyled_neutral"), real("ne372e42_follow_up")
    assert verify(item, follow_up, T).method == "short_item_expansion"
    assert not kept({"item": ("2019-11-20", item), "follow_up": ("2019-11-22", follow_up)})


def test_a_content_farm_expansion_of_a_brief_naming_the_most_of_its_own_stays_a_rewrite():
    # The nearest positive on every development split: dev f5c90a6d's expansion pads a two-sentence brief to 21
    # sentences naming 0.71 of its own a sentence (background names); fresh3 3cb22bfa's, 0.75, the most of any.
    brief, expanded = real("f5c90a6d_brief"), real("f5c90a6d_expanded")
    assert own_density(real("3cb22bfa_brief"), real("3cb22bfa_expanded")) <= T.item_report_density
    assert own_density(brief, expanded) <= T.item_report_density
    assert kept({"brief": ("2019-11-18", brief), "expanded": ("2019-11-19", expanded)})


def test_another_outlets_brief_against_the_source_s_restyle_stays_apart():
    # fresh14 pc69e539: a rival outlet's one-sentence brief and the source's restyle, which quotes and names the
    # people the brief never does (1.0 own specifics a sentence).
    brief_other, restyle = real("pc69e539_brief_other"), real("pc69e539_restyled_neutral")
    assert not kept({"brief_other": ("2019-10-30", brief_other), "restyle": ("2019-10-30", restyle)})


def test_a_condensation_cut_to_four_sentences_from_its_earlier_or_undated_source_stays_a_rewrite():
    # The shape read the other way: fresh6 30b771a4's condensation names 1.56 of the review's specifics a sentence
    # fewer than its source, which was published first (or undated, as the raw page parses): the item is the cut.
    condensed, original = real("30b771a4_condensed"), real("30b771a4_original")
    assert reported_beyond_item(condensed, original, T)
    assert kept({"condensed": ("2014-03-12", condensed), "original": (None, original)})
    assert kept({"condensed": ("2014-03-12", condensed), "original": ("2014-03-11", original)})
    assert not kept({"condensed": ("2014-03-12", condensed), "original": ("2014-03-12", original)})


def kept(docs: dict[str, tuple[str | None, Profile]]) -> bool:
    """Whether batch.reported_beyond_items keeps verify()'s verdict on two documents with these dates."""
    (a, (da, pa)), (b, (db, pb)) = sorted(docs.items())
    verdict = verify(pa, pb, T)
    assert verdict is not None, "verify() accepts the pair; the dates decide"
    members = {d: _Member(d, date.fromisoformat(p) if p else None, True) for d, (p, _) in docs.items()}
    return bool(reported_beyond_items({(a, b): verdict}, members, {a: pa, b: pb}, T))
