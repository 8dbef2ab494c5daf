"""The blind split fresh4's four false merges (benchmarks/README.md, "The blind split fresh4"): a follow-up that retells
a brief as background, independent reports sharing a few statements of one event, a follow-up repeating its
outlet's lines, and a four-sentence chain between two reports of one event. Each stays apart; the rewrites nearest
to each rule still verify."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.align import similarity_matrix
from newsfacts.dedupe.verify import EXPANSION, coverage, distinct_counterparts, expansion, novelty, retold_in_lead, verify
from tests.dedupe.test_verify_real import real

pytestmark = pytest.mark.unit


def test_a_follow_up_retelling_a_brief_after_a_lead_of_its_own_does_not_expand_it():
    # Every word of the brief is in the follow-up (stems 0.86, no other figures), but the follow-up names 19
    # specifics of its own in 7 sentences (Sondland, Pence, Pompeo) and retells the brief in its fourth.
    brief, follow_up = real("c90731f0_brief"), real("c90731f0_followup")
    t = Thresholds()
    assert len(follow_up.mentioned - brief.mentioned) > t.expansion_own_density * follow_up.content_sentences
    assert not retold_in_lead(brief, follow_up, t.expansion_lead)
    assert not expansion(brief, follow_up, t)
    assert verify(brief, follow_up, t) is None


def test_the_report_a_brief_condenses_names_much_of_its_own_and_opens_with_the_brief():
    # The expansion signals still see the report a brief condenses; but a brief of one or two sentences links only
    # as the item a document pads (verify.brief_apart, issue #21's decision): its few facts are in any report of
    # its event, another outlet's too, so they are no evidence. Briefs are not scored against their reports.
    t = Thresholds()
    for brief, report in (("7ab16ade_brief", "7ab16ade_original"), ("d1c57d78_brief", "d1c57d78_original"),
                          ("3ce1c8fd_brief", "3ce1c8fd_restyled_objective")):
        b, r = real(brief), real(report)
        assert len(r.mentioned - b.mentioned) > t.expansion_own_density * r.content_sentences, report
        assert retold_in_lead(b, r, t.expansion_lead), report
        assert expansion(b, r, t), report
        assert b.content_sentences <= t.brief_sentences
        assert verify(b, r, t) is None, report


def test_an_expansion_names_little_of_its_own():
    t = Thresholds()
    for sid in ("c90731f0", "65ce3a45", "9a440270"):
        brief, expanded = real(f"{sid}_brief"), real(f"{sid}_expanded")
        assert len(expanded.mentioned - brief.mentioned) <= t.expansion_own_density * expanded.content_sentences
        assert verify(brief, expanded, t).method == EXPANSION, sid


def test_an_independent_report_echoing_one_sentence_twice_covers_too_few_statements():
    # 291a8bf3: the Dreamforce venue named in two of the report's sentences, both retelling the one sentence of the
    # restyle about the theater; 65ce3a45: the quarterback's and the running back's lines, both in one sentence.
    t = Thresholds()
    for report, rewrite in (("291a8bf3_independent", "291a8bf3_restyled_emotional"),
                            ("65ce3a45_independent", "65ce3a45_reordered")):
        a, b = real(report), real(rewrite)
        covered = coverage(similarity_matrix(a, b), a, b, t.sentence_similarity, below=t.verbatim_similarity,
                           facts=True)
        shorter = min(a.content_sentences, b.content_sentences)
        assert len(covered.pairs) >= t.min_covered_share * shorter  # what the path counted before
        assert distinct_counterparts(covered, a, b) < t.min_covered_share * shorter
        assert verify(a, b, t) is None, report


def test_a_follow_up_repeating_its_outlets_lines_beside_new_news_is_not_a_rewrite():
    # The podcast's team, its schedule and its sponsor line: 3 of the follow-up's 8 sentences; the rest is the
    # Tuesday show's new subject and retells nothing of the first report, even loosely.
    t = Thresholds()
    a, b = real("88c328b6_followup"), real("88c328b6_original")
    loosely = coverage(similarity_matrix(a, b), a, b, t.loose_similarity, below=t.verbatim_similarity)
    assert len(loosely.pairs) < t.covered_loosely * a.content_sentences
    assert verify(a, b, t) is None


def test_a_rewrite_covered_by_few_sentences_still_retells_most_of_itself_loosely():
    t = Thresholds()
    for x, y in (("d90bda7e_original", "d90bda7e_restyled_objective"), ("dc7ccccc_reordered", "dc7ccccc_restyled_emotional"),
                 ("8380689f_reordered", "8380689f_restyled_emotional")):
        assert verify(real(x), real(y), t).method == "sentence_coverage", (x, y)


def test_a_four_sentence_chain_between_two_reports_naming_their_own_people_is_apart():
    # c90731f0: another outlet's report and an emotional restyle tell the hearings in the day's order, one pair
    # the attribution of a shared quote ("struck me as political in nature"); each names 9-10 people and places
    # the other never does (novelty 0.22).
    t = Thresholds()
    a, b = real("c90731f0_independent"), real("c90731f0_restyled_emotional")
    assert novelty(a, b) > t.loose_condensed_novelty
    assert verify(a, b, t) is None


def test_a_four_sentence_chain_naming_the_same_specifics_is_still_a_rewrite():
    t = Thresholds()
    for x, y in (("b37be353_original", "b37be353_reordered"), ("aade2ec8_original", "aade2ec8_restyled_objective")):
        a, b = real(x), real(y)
        assert novelty(a, b) <= t.loose_condensed_novelty
        assert verify(a, b, t).method == "ordered_sentence_alignment", (x, y)
