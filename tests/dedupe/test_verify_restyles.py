"""Ninth round (benchmarks/README.md, "Ninth round"): names that open the other document's sentences, and heavy
restyles of long sources retelling half their sentences loosely. Texts written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe import profiles as stored_profiles
from newsfacts.dedupe.align import similarity_matrix
from newsfacts.dedupe.text import Profile, stem, term_id
from newsfacts.dedupe.verify import CONDENSED_COVERAGE, loosely_retold, novelty

pytestmark = pytest.mark.unit

NEWSLETTER = (
    "Apple is holding its launch event in Cupertino on Tuesday. "
    "Nomura raised its price target for the shares to 180 dollars. "
    "Verizon cut the price of its unlimited plan by ten dollars a month. "
    "Analysts expect the phones to ship in September."
)
RETOLD = (
    "On Tuesday the phone maker Apple holds its launch event in Cupertino. "
    "Analysts at Nomura lifted their target for the shares to 180 dollars. "
    "Meanwhile the carrier Verizon trimmed ten dollars a month from its unlimited plan. "
    "The phones should ship in September."
)


def _ids(*words: str) -> set[int]:
    return {term_id(stem(w)) for w in words}


def test_a_name_that_only_opens_the_sources_sentences_is_not_novel_in_its_rewrite():
    rewrite, source = Profile.of(RETOLD), Profile.of(NEWSLETTER)
    # The rewrite names Apple, Nomura and Verizon mid-sentence; the newsletter opens its sentences with them.
    assert _ids("apple", "nomura", "verizon") <= rewrite.mentioned
    assert not _ids("apple", "nomura", "verizon") & source.mentioned
    assert _ids("apple", "nomura", "verizon") <= source.openers
    assert novelty(rewrite, source) == 0.0


def test_openers_are_read_beside_the_specifics_not_among_them():
    # A capitalised opener is often an ordinary word ("Analysts"): it is only read against the other document's
    # names, never counted as a name of its own, so the specifics and their LSH bands are what they were.
    source = Profile.of(NEWSLETTER)
    assert _ids("apple", "nomura", "verizon", "analysts") == source.openers
    assert not source.openers & source.mentioned


def test_a_sentence_opening_with_a_quotation_mark_has_the_name_after_it_as_its_opener():
    profile = Profile.of("\u201cPamela, why are we still doing this?\u201d the reader asked the author on Monday.")
    assert _ids("pamela") <= profile.openers


def test_a_stored_profile_keeps_its_openers_apart_from_its_specifics():
    made = {"d1": Profile.of(NEWSLETTER), "d2": Profile.of(RETOLD)}
    table = stored_profiles.table([p.row(doc_id) for doc_id, p in made.items()])
    loaded = stored_profiles.load(table, {"d1": NEWSLETTER, "d2": RETOLD})
    for doc_id, profile in made.items():
        assert loaded[doc_id].openers == profile.openers, doc_id
        assert loaded[doc_id].mentioned == profile.mentioned, doc_id
        assert loaded[doc_id].specific_rows.tolist() == profile.specific_rows.tolist(), doc_id
        for sentence in range(profile.sentence_count):
            assert loaded[doc_id].specifics(sentence) == profile.specifics(sentence)
    assert novelty(loaded["d2"], loaded["d1"]) == 0.0


FACTS = [
    ("The Harbor council approved a new ferry terminal on the east pier after a long debate.",
     "Harbor councillors finally said yes to a ferry terminal on the east pier, ending a bitter fight!"),
    ("Mayor Lindqvist said the terminal would cost 42 million crowns over four years.",
     "The price tag? A staggering 42 million crowns, Mayor Lindqvist admitted, spread over four years."),
    ("Ferries to Norrvik will leave every twenty minutes during the summer season.",
     "Imagine ferries to Norrvik every twenty minutes all summer long!"),
    ("Residents of Osterby complained that construction noise would disturb the old quarter.",
     "But furious Osterby residents fear the construction noise will wreck their old quarter."),
    ("Engineer Bergstrom warned that the pier foundations needed reinforcement before any work began.",
     "Shockingly, engineer Bergstrom warned the pier foundations must be reinforced before work can even begin."),
]
THINGS = ["drains", "lamps", "signs", "benches", "rails", "stairs", "gates", "bins", "docks", "ramps", "posts"]
TREES = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gum", "Hazel", "Ivy", "Juniper", "Kapok", "Larch",
         "Maple", "Nutmeg", "Oak", "Pine", "Quince", "Rowan", "Spruce", "Teak", "Upas", "Viburnum"]
# A long council report: the five facts, then 22 sentences of detail a restyle leaves out (27 content sentences).
SOURCE = " ".join([source for source, _ in FACTS] + [
    f"The report on item {tree} mentions {k + 3} inspections of the {THINGS[k % 11]} last"
    f" {['spring', 'winter', 'autumn'][k % 3]}." for k, tree in enumerate(TREES)])
FRAMING = ["Nobody saw this coming, and the whole town is talking about it now.",
           "Could this change everything for the people who live there?",
           "It is the kind of story that makes you stop and think twice.",
           "One thing is certain: the debate is far from over."]


def _restyle(retold: list[int], framing: list[str]) -> str:
    """A headline-first restyle: the facts in another order, hype between them."""
    sentences = []
    for k, fact in enumerate(retold):
        sentences.append(FACTS[fact][1])
        if k < len(framing):
            sentences.append(framing[k])
    return " ".join(sentences)


def test_a_heavy_restyle_of_a_long_source_retelling_half_its_sentences_and_naming_nothing_new_is_a_rewrite():
    # 5 of 9 sentences retold (0.56), in another order, against a source 3x longer: the 0.7 asked before missed it.
    a, b = Profile.of(_restyle([4, 2, 0, 3, 1], FRAMING)), Profile.of(SOURCE)
    thresholds = Thresholds()
    assert a.content_sentences == 9 and b.content_sentences >= thresholds.condensed_ratio * 9
    assert novelty(a, b) == 0.0
    similarity = similarity_matrix(a, b)
    found = loosely_retold(similarity, a, b, novelty(a, b), thresholds)
    assert found is not None and found[0] == CONDENSED_COVERAGE
    assert len(found[1].pairs) == 5
    assert loosely_retold(similarity, a, b, 0.0, dataclasses.replace(thresholds, loose_covered_share=0.7)) is None


def test_the_half_coverage_asks_for_at_most_one_specific_in_ten_of_its_own():
    a, b = Profile.of(_restyle([4, 2, 0, 3, 1], FRAMING)), Profile.of(SOURCE)
    similarity, thresholds = similarity_matrix(a, b), Thresholds()
    assert loosely_retold(similarity, a, b, thresholds.loose_covered_novelty, thresholds) is not None
    assert loosely_retold(similarity, a, b, thresholds.loose_covered_novelty + 0.01, thresholds) is None


def test_a_report_of_the_event_naming_people_and_places_of_its_own_is_not_a_condensation():
    # The same five facts beside sentences of its own reporting (a union, a ferry line, a date, a count): 0.125 and
    # more of its specifics are its own, as fresh4's independent reports written from an original's facts.
    own = ["Union leader Svensson of the Skeppsholm pilots said 140 members would strike on Friday.",
           "The Vaxholm line already carries 3,200 passengers a day, its director Ekdahl said.",
           "Councillor Marklund voted against the plan in March.",
           "A petition in Osterby gathered 2,900 signatures by Sunday."]
    a, b = Profile.of(_restyle([4, 2, 0, 3, 1], own)), Profile.of(SOURCE)
    assert novelty(a, b) > Thresholds().loose_covered_novelty
    assert loosely_retold(similarity_matrix(a, b), a, b, novelty(a, b), Thresholds()) is None


def test_fewer_than_half_the_shorter_sides_sentences_retold_is_not_a_condensation():
    # 4 of 9 retold: the rest is hype.
    a = Profile.of(_restyle([4, 2, 0, 3], FRAMING) + " Stay tuned, because this story is only getting started now.")
    b = Profile.of(SOURCE)
    assert a.content_sentences == 9 and novelty(a, b) == 0.0
    assert loosely_retold(similarity_matrix(a, b), a, b, 0.0, Thresholds()) is None
