"""The blind split fresh4's four false merges (benchmarks/README.md, "The blind split fresh4"): a follow-up that retells
a brief as background, independent reports sharing a few statements of one event, a follow-up repeating its
outlet's lines, and a four-sentence chain between two reports of one event. Each stays apart; the rewrites nearest
to each rule still verify."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.verify import EXPANSION, expansion, retold_in_lead, verify
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
    t = Thresholds()
    for brief, report in (("7ab16ade_brief", "7ab16ade_original"), ("d1c57d78_brief", "d1c57d78_original"),
                          ("3ce1c8fd_brief", "3ce1c8fd_restyled_objective")):
        b, r = real(brief), real(report)
        assert len(r.mentioned - b.mentioned) > t.expansion_own_density * r.content_sentences, report
        assert retold_in_lead(b, r, t.expansion_lead), report
        assert verify(b, r, t).method == EXPANSION, report


def test_an_expansion_names_little_of_its_own():
    t = Thresholds()
    for sid in ("c90731f0", "65ce3a45", "9a440270"):
        brief, expanded = real(f"{sid}_brief"), real(f"{sid}_expanded")
        assert len(expanded.mentioned - brief.mentioned) <= t.expansion_own_density * expanded.content_sentences
        assert verify(brief, expanded, t).method == EXPANSION, sid
