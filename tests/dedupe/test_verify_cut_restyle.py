"""Sixteenth round (benchmarks/README.md, "Sixteenth round: charged restyles"): a charged restyle that keeps its
source's names in the source's order while cutting and replacing its wording, and its nearest negative, an
independent charged report of the same event naming the same people, places and figures in its own order and words.
Texts written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

import newsfacts.dedupe.verify as verify_module
from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.align import similarity_matrix
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import (CUT_RESTYLE, cut_restyle, names_in_order, novelty, retold_around_names,
                                     stem_overlap, verify)

pytestmark = pytest.mark.unit

# A council story of 12 sentences, 40 names and figures.
SOURCE = (
    "The Harwick city council voted 7-2 on Tuesday to close the Linden Street depot, ending 60 years of bus "
    "service from the site. "
    "Mayor Elena Brandt said the depot cost the city $4.2 million a year to run and needed repairs it could "
    "not afford. "
    "The council's transport chair, Marcus Oyelaran, proposed moving the 140 buses to a new yard in Fairmont "
    "by March. "
    "Drivers represented by the Transit Workers Union objected, saying the Fairmont yard adds 25 minutes to "
    "their commute. "
    "Union steward Dolores Quint told the meeting that 38 drivers live within walking distance of Linden Street. "
    "Councillor Paul Everard, who voted against the plan, asked for a study of the Fairmont site's flood risk. "
    "The city engineer, Ravi Salcedo, said the yard sits above the 100-year flood line. "
    "Residents of the Northgate district also worry that route 12, which starts at the depot, will run less often. "
    "Brandt promised that route 12 would keep its 15-minute frequency through the summer. "
    "The depot's land will be offered to Calloway Housing, which plans 300 affordable homes on the site. "
    "Calloway's director, Ines Moravec, said construction could begin in 2026 if the sale closes this year. "
    "The council will vote on the sale at its meeting on October 14."
)
# Its sensational restyle: hype ("a Tuesday massacre worthy of Hollywood", a name of its own), rhetorical
# questions, exclamations, the quotes' attributions and four names dropped; one sentence per source sentence, in its
# order, each sharing a name or two and few other words with it (similarity 0.18-0.51).
RESTYLE = (
    "Harwick is losing a landmark in a Tuesday massacre worthy of Hollywood, and nobody seems to care! "
    "In a shocking 7-2 show of hands Tuesday, the council slammed the door on the Linden Street depot after 60 "
    "proud years. "
    "Mayor Elena Brandt's excuse? A staggering $4.2 million drain, plus fixes she calls unaffordable. "
    "Boss Marcus Oyelaran wants the whole fleet dragged out to the sticks by spring. "
    "Furious union members are fighting back, and who can blame them when the move piles 25 extra minutes onto "
    "every commute? "
    "Dolores Quint laid it bare: 38 of them can stroll to Linden Street. "
    "Councillor Everard refused to go along, demanding answers about water swamping the new site. "
    "Salcedo, the city's engineer, waved it away, insisting the place will never go under. "
    "And spare a thought for riders, whose route 12 could soon crawl. "
    "Brandt swears the 12 won't slow before autumn, a bus every 15 minutes, but will anyone believe her? "
    "Meanwhile Calloway Housing swoops in, promising 300 cheap flats. "
    "The final showdown comes October 14!"
)
# Another outlet's charged report of the same vote: the same people, places and figures (33 of the source's names),
# a rider of its own (Tomas Reyes, 61), told from the riders' side, in its own order and words.
INDEPENDENT = (
    "What a betrayal for the people of Northgate! "
    "Riders on route 12 are bracing for longer waits after Harwick's politicians voted 7-2 on Tuesday to shut "
    "the Linden Street garage. "
    "Councillor Paul Everard, one of two holdouts, is warning that Fairmont could flood, a claim engineer Ravi "
    "Salcedo flatly rejects, pointing to a 100-year line. "
    "A developer is already lining up 300 homes for the land. "
    "A decisive showdown over that deal is set for October 14. "
    "Drivers are livid: the Transit Workers Union says Fairmont adds 25 minutes to a commute. "
    "Its steward, Dolores Quint, counts 38 members living near Linden Street. "
    "Mayor Elena Brandt, who insists the garage eats $4.2 million a year, promised riders that route 12 stays "
    "at every 15 minutes this summer. "
    "Brandt's ally, transport boss Marcus Oyelaran, wants 140 coaches gone by March. "
    "Rider Tomas Reyes, 61, who boards at Linden Street every morning, called the plan a disgrace. "
    "After 60 years, the last coach could leave within months. "
    "Can Harwick's riders trust any of these promises?"
)


def _pair(x: str, y: str):
    a, b = Profile.of(x), Profile.of(y)
    return a, b, similarity_matrix(a, b)


def test_a_charged_restyle_keeping_its_sources_names_in_order_is_a_rewrite():
    source, restyle, similarity = _pair(SOURCE, RESTYLE)
    assert stem_overlap(source, restyle) >= Thresholds().min_stem_overlap
    assert novelty(source, restyle) <= Thresholds().loose_covered_novelty
    assert names_in_order(source, restyle) == 1.0
    verdict = verify(source, restyle, Thresholds())
    assert verdict is not None and verdict.level == "rewrite" and verdict.method == CUT_RESTYLE
    # Evidence: its sentences retold around the source's names, in the source's order.
    assert len(verdict.alignment.pairs) >= 10 and verdict.alignment.in_order >= 0.99


def test_without_the_cut_restyle_path_no_other_path_sees_it(monkeypatch):
    # Its wording is cut too far for the paraphrase, coverage and loose paths (2 sentences at 0.4), and it keeps
    # two names a sentence only 7 times (named_chain asks 8).
    monkeypatch.setattr(verify_module, "cut_restyle", lambda *args, **kwargs: None)
    source, restyle, _ = _pair(SOURCE, RESTYLE)
    assert verify(source, restyle, Thresholds()) is None


def test_either_reading_alone_links_the_restyle():
    source, restyle, similarity = _pair(SOURCE, RESTYLE)
    spread = novelty(source, restyle)
    chain_only = dataclasses.replace(Thresholds(), cut_names=1000)  # the names-in-order reading off
    names_only = dataclasses.replace(Thresholds(), cut_chain=1000)  # the chain reading off
    assert cut_restyle(similarity, source, restyle, spread, chain_only) is not None
    assert cut_restyle(similarity, source, restyle, spread, names_only) is not None


def test_an_independent_charged_report_of_the_same_event_is_not_linked():
    # The nearest negative: as charged, as long, naming as little of its own (novelty 0.08, under the path's 0.1)
    # and 33 of the source's names, but in its own order (0.45 of the shared names first named in the same order;
    # its chain of retold sentences 4, at in_order 0.57).
    for other in (SOURCE, RESTYLE):
        a, b, similarity = _pair(other, INDEPENDENT)
        assert novelty(a, b) <= 0.2
        assert names_in_order(a, b) < 0.6
        chain = retold_around_names(similarity, a, b, Thresholds())
        assert len(chain.pairs) < Thresholds().cut_chain and chain.in_order < Thresholds().named_in_order
        assert cut_restyle(similarity, a, b, novelty(a, b), Thresholds()) is None
        assert verify(a, b, Thresholds()) is None


def test_names_of_its_own_past_the_bound_keep_a_restyle_off_the_path():
    # The same restyle naming a rival councillor, a lawyer and a date of its own: four names more, novelty past 0.1.
    extra = RESTYLE + " Rival councillor Wendy Abernathy and lawyer Joel Tiberius vow to sue by June 30."
    source, restyle, similarity = _pair(SOURCE, extra)
    assert novelty(source, restyle) > Thresholds().loose_covered_novelty
    assert cut_restyle(similarity, source, restyle, novelty(source, restyle), Thresholds()) is None


def test_names_in_order_reads_first_mentions():
    # The longest run of shared names first named in the same order in both, over the names they share.
    a = Profile.of("They met Berg first. Then they saw Dahl. Later they flew to Oslo. At last they called Falk.")
    b = Profile.of("It began with Berg. It went on with Dahl, then Oslo. It ended with Falk and Berg.")
    c = Profile.of("It began with Falk. It went on with Oslo. Then came Dahl. It ended with Berg.")
    assert names_in_order(a, b) == 1.0
    assert names_in_order(a, c) == 0.25


# Merged round (dedupe29): the restyle is a sentence longer than its source (13 content sentences to 12) and drops
# Calloway's director, whom the source introduces ("Calloway's director, Ines Moravec, said"), so the source is the
# shorter side and own_source reads her as a person of its own; the restyle introduces nobody.
def test_a_longer_restyle_dropping_a_person_its_source_introduces_is_spared_the_own_source_veto():
    source, restyle, _ = _pair(SOURCE, RESTYLE)
    assert source.content_sentences < restyle.content_sentences
    assert verify_module.own_source(source, restyle) is not None
    assert not verify_module.unnamed_speakers(restyle, source)
    verdict = verify(source, restyle, Thresholds())
    assert verdict is not None and verdict.method == CUT_RESTYLE
    assert verify_module.restyle_dropping_speakers(verdict, source, restyle, Thresholds())


def test_a_restyle_introducing_a_person_of_its_own_is_still_a_report_of_its_own():
    # The nearest negative: the same restyle (its opening hype cut, so it names nothing else of its own) with a
    # rider it introduces itself; its chain is as long and as ordered, but it did reporting of its own.
    own = RESTYLE.split("! ", 1)[1] + " Bus rider Tomas Reyes said the plan was a disgrace."
    source, restyle, similarity = _pair(SOURCE, own)
    assert novelty(source, restyle) <= Thresholds().loose_covered_novelty
    found = verify_module._verdict(source, restyle, Thresholds())
    assert found is not None and found.method == CUT_RESTYLE and len(found.alignment.pairs) >= 10
    assert verify_module.unnamed_speakers(restyle, source)
    assert not verify_module.restyle_dropping_speakers(found, source, restyle, Thresholds())
    assert verify(source, restyle, Thresholds()) is None
