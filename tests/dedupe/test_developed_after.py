"""A follow-up by the source's own outlet (issue #21, benchmarks/README.md, "Twenty-fourth round: follow-ups by the
source's own outlet (dedupe43)"): days later, a new development told first and the original retold as background.
Its background verifies as a rewrite; what tells it from a rewrite published after its source is what its sentences
that retell nothing of the other name (verify.developed_beyond, batch.developed_after). Real documents of
benchmarks/dedupe_real (fresh17, w21; dev), each beside its nearest positive."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.batch import _Member, developed_after
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import developed_beyond, verify
from tests.dedupe.test_verify_real import real

pytestmark = pytest.mark.unit

T = Thresholds()


def test_a_follow_up_reporting_a_brands_reaction_is_not_a_rewrite_of_the_short_item_it_retells():
    # fresh17 m34a7328: a 90-word item on an actress's photos; three days later the outlet's follow-up (her Instagram
    # story, the Aba leather brand, its orders) retells the item in its last paragraphs. verify() accepts the pair.
    original, follow_up = real("m34a7328_original"), real("m34a7328_follow_up")
    assert developed_beyond(follow_up, original, T)
    assert not kept({"original": ("2018-10-01", original), "follow_up": ("2018-10-04", follow_up)})


def test_a_restyle_published_after_the_short_item_stays_its_rewrite():
    # The nearest positive: the same item's sensational restyle, a day later, in words of its own (hype, framing).
    original, restyle = real("m34a7328_original"), real("m34a7328_restyled_sensational")
    assert not developed_beyond(restyle, original, T)
    assert kept({"original": ("2018-10-01", original), "restyle": ("2018-10-02", restyle)})


def test_a_shorter_follow_up_of_a_long_wire_story_is_not_its_condensation():
    # fresh17 md0382c0: a 700-word story on a utility's mass power shutoff; three days later the outlet's 8-sentence
    # follow-up (power restored, 23 places of wind damage, a director quoted) retells the shutoff as background.
    original, follow_up = real("md0382c0_original"), real("md0382c0_follow_up")
    assert verify(follow_up, original, T) is not None
    assert developed_beyond(follow_up, original, T)
    assert not kept({"original": ("2019-11-18", original), "follow_up": ("2019-11-21", follow_up)})


def test_a_condensation_published_after_its_source_stays_its_rewrite():
    # The nearest positive: the same story condensed a day later names nothing the source does not.
    original, condensed = real("md0382c0_original"), real("md0382c0_condensed")
    assert not developed_beyond(condensed, original, T)
    assert kept({"original": ("2019-11-18", original), "condensed": ("2019-11-19", condensed)})


def test_a_content_farm_expansion_published_after_its_brief_stays_its_rewrite():
    # dev f5c90a6d: a two-sentence brief padded to 21 sentences a day later; its padding names 13 specifics the brief
    # lacks in 18 sentences that retell nothing of it (0.72 a sentence: framing names little).
    brief, expanded = real("f5c90a6d_brief"), real("f5c90a6d_expanded")
    assert not developed_beyond(expanded, brief, T)
    assert kept({"brief": ("2019-11-19", brief), "expanded": ("2019-11-20", expanded)})


def test_only_a_side_dated_after_the_other_is_read():
    # The earlier side is a source, whose sentences its rewrite dropped name its own specifics: the original is not
    # read against its follow-up. Undated or same-day pairs keep their links.
    original, follow_up = real("m34a7328_original"), real("m34a7328_follow_up")
    assert kept({"original": ("2018-10-04", original), "follow_up": ("2018-10-04", follow_up)})
    assert kept({"original": ("2018-10-01", original), "follow_up": (None, follow_up)})
    assert kept({"original": ("2018-10-05", original), "follow_up": ("2018-10-04", follow_up)})


def test_an_undated_original_is_dated_by_the_story_that_rewrites_it():
    # The raw original parses undated; its restyle's date is the story's, and the follow-up is later than that.
    original, follow_up, restyle = (real("m34a7328_original"), real("m34a7328_follow_up"),
                                    real("m34a7328_restyled_neutral"))
    docs = {"original": (None, original), "follow_up": ("2018-10-04", follow_up), "restyle": ("2018-10-01", restyle)}
    verdicts = {key: verify(docs[key[0]][1], docs[key[1]][1], T) for key in (("follow_up", "original"),
                                                                             ("original", "restyle"))}
    assert all(verdicts.values())
    kept_keys = developed_after(verdicts, _members(docs), {d: p for d, (_, p) in docs.items()}, T)
    assert set(kept_keys) == {("original", "restyle")}


def test_a_restyle_after_its_sibling_keeps_the_facts_of_their_source_and_stays_in_the_story():
    # fresh14 p3cb22bf (w18): the neutral restyle, a day after the objective one, names 17 of the 56-sentence
    # source's specifics the objective restyle dropped; the source, joined to the neutral restyle, names them all.
    neutral, objective, original = (real("p3cb22bf_restyled_neutral"), real("p3cb22bf_restyled_objective"),
                                    real("p3cb22bf_original"))
    assert developed_beyond(neutral, objective, T)
    assert not developed_beyond(neutral, objective, T, original.mentioned | original.openers)
    docs = {"neutral": ("2019-11-20", neutral), "objective": ("2019-11-19", objective), "original": (None, original)}
    verdicts = {key: verify(docs[key[0]][1], docs[key[1]][1], T) for key in (("neutral", "objective"),
                                                                             ("neutral", "original"))}
    assert all(verdicts.values())
    assert developed_after(verdicts, _members(docs), {d: p for d, (_, p) in docs.items()}, T) == verdicts


def kept(docs: dict[str, tuple[str | None, Profile]]) -> bool:
    """Whether batch.developed_after keeps verify()'s verdict on two documents with these dates."""
    (a, (_, pa)), (b, (_, pb)) = sorted(docs.items())
    verdict = verify(pa, pb, T)
    assert verdict is not None, "verify() accepts the pair; the dates decide"
    return bool(developed_after({(a, b): verdict}, _members(docs), {a: pa, b: pb}, T))


def _members(docs: dict[str, tuple[str | None, Profile]]) -> dict[str, _Member]:
    return {d: _Member(d, date.fromisoformat(p) if p else None, True) for d, (p, _) in docs.items()}
