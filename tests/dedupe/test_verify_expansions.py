"""Expansions: a real short item blown up by a content farm to some 25 sentences of padding, background and framing
is linked to the item it expands, and to nothing else of its event (dev half of benchmarks/dedupe_real)."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import InMemoryIndex, Thresholds, dedupe_batch
from newsfacts.dedupe.signatures import band_rows
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import EXPANSION, expansion, item_stems_kept, retold_in_lead, verify
from newsfacts.records import Document
from tests.dedupe.test_verify_real import REAL, real

pytestmark = pytest.mark.unit


def test_a_two_sentence_brief_blown_up_to_twenty_sentences_is_an_expansion_of_it():
    for sid in ("6ebac05f", "7bb1ca90", "f5c90a6d", "d1c57d78"):
        brief, expanded = real(f"{sid}_brief"), real(f"{sid}_expanded")
        assert expanded.content_sentences >= 9 * brief.content_sentences
        verdict = verify(expanded, brief, Thresholds())
        assert verdict.level == "rewrite" and verdict.method == EXPANSION, sid
        assert verdict.alignment.pairs  # where the long document restates each sentence of the brief: the evidence


def test_an_expansion_is_not_taken_for_another_outlets_brief_of_the_same_event():
    # Same names and figures (the man's age, the sentencing date; the patient's age, the journal), but the other
    # writer's words: rifles and shotguns found at his home, duck or goose feathers, hypoallergenic bedding.
    for expanded, other_brief in (("6ebac05f_expanded", "7a457a4f_brief"), ("7bb1ca90_expanded", "bd673bd7_brief"),
                                  ("7a457a4f_expanded", "6ebac05f_brief"), ("bd673bd7_expanded", "7bb1ca90_brief")):
        assert not expansion(real(expanded), real(other_brief), Thresholds()), (expanded, other_brief)


def test_a_longer_report_that_brings_figures_of_its_own_does_not_expand_a_brief():
    # NBC's full report of the plea covers The Hill's brief word for word nearly (0.87 of its stems) but brings its
    # own figures (the call's date, the rounds of ammunition): an independent report, not padding.
    brief, report = real("6ebac05f_brief"), real("7a457a4f_original")
    assert len(report.figures ^ brief.figures) > Thresholds().expansion_other_figures
    assert not expansion(brief, report, Thresholds())


def test_a_follow_up_that_names_other_figures_than_the_brief_does_not_expand_it():
    # The same outlet's follow-up repeats the brief's background nearly word for word (0.87 of its stems) but drops
    # the sentencing date and brings the call's date and the bail.
    brief, follow_up = real("6ebac05f_brief"), real("6ebac05f_followup")
    assert brief.figures - follow_up.figures and follow_up.figures - brief.figures
    assert not expansion(brief, follow_up, Thresholds())


def test_two_expansions_of_two_outlets_briefs_of_one_event_stay_apart_in_a_batch():
    # Their padding and framing align sentence by sentence ("This incident underscores ...", "As the story
    # develops ..."): the ordered path alone merged them. Each is linked to the brief it expands instead.
    for a, b in (("6ebac05f", "7a457a4f"), ("7bb1ca90", "bd673bd7")):
        names = [f"{a}_brief", f"{b}_brief", f"{a}_expanded", f"{b}_expanded"]
        docs = [_document(name) for name in names]
        clusters = {d: x.cluster_id for d, x in dedupe_batch(docs, InMemoryIndex(), "run-1").assignments.items()}
        assert clusters[f"{a}_expanded"] == clusters[f"{a}_brief"]
        assert clusters[f"{b}_expanded"] == clusters[f"{b}_brief"]
        assert clusters[f"{a}_expanded"] != clusters[f"{b}_expanded"]


def test_an_expansion_arriving_a_run_after_another_outlets_expansion_stays_apart_from_it():
    # The earlier expansion's own link to its brief is not verified again: the later run tries it against the
    # short items it has profiled (the candidates), and finds it expands another brief.
    for a, b in (("6ebac05f", "7a457a4f"), ("7bb1ca90", "bd673bd7")):
        index = InMemoryIndex()
        for run, sid in (("run-1", a), ("run-2", b)):
            docs = [_document(f"{sid}_brief"), _document(f"{sid}_expanded")]
            index.publish(docs, dedupe_batch(docs, index, run))
        clusters = {d.doc_id: d.cluster_id for d in index.fetch([f"{s}_{k}" for s in (a, b)
                                                                  for k in ("brief", "expanded")], bodies=False)}
        assert clusters[f"{a}_expanded"] == clusters[f"{a}_brief"]
        assert clusters[f"{b}_expanded"] == clusters[f"{b}_brief"]
        assert clusters[f"{a}_expanded"] != clusters[f"{b}_expanded"]


def test_an_expansion_that_rewords_its_brief_but_names_nothing_of_its_own_is_one_at_a_lower_share():
    # "warned" -> "cautioned", "ex-CEO" -> "former chief executive", "began ... globally" -> "started ... around the
    # world": 0.82-0.85 of the brief's stems, below the 0.85 asked of a long document that names much of its own;
    # these name <= 0.2 specifics a sentence. (1ace8c85 and 156770d6 reach 0.85 once "says" and "said" are left out.)
    t = Thresholds()
    for sid in ("06e5123e", "1ace8c85", "156770d6", "d48aeb9c", "65408257"):
        brief, expanded = real(f"{sid}_brief"), real(f"{sid}_expanded")
        assert t.expansion_stems_sparse <= item_stems_kept(brief, expanded), sid
        assert len(expanded.mentioned - brief.mentioned) <= t.expansion_own_density * expanded.content_sentences
        assert verify(expanded, brief, t).method == EXPANSION, sid


def test_another_outlets_brief_stays_below_the_lower_share_of_an_expansion_of_one_event():
    # The nearest pairs of two stories that name little of their own: the other writer's details (duck or goose
    # feathers, hypoallergenic bedding; the laundry basket, the city street; the compassion Omar asked for) are
    # nowhere in this outlet's expansion: 0.806 at most.
    t = Thresholds()
    for other_brief, expanded in (("bd673bd7_brief", "7bb1ca90_expanded"), ("2c46804d_brief", "51d066b0_expanded"),
                                  ("6ebac05f_brief", "7a457a4f_expanded")):
        assert item_stems_kept(real(other_brief), real(expanded)) < t.expansion_stems_sparse, other_brief
        assert not expansion(real(other_brief), real(expanded), t), other_brief


def test_a_report_naming_much_of_its_own_still_needs_the_full_share():
    # Another outlet's report of the hearings covers 0.821 of the brief's stems and retells it in its lead, but names
    # 2.9 specifics of its own a sentence: a report, not padding, so the lower share is not enough.
    t = Thresholds()
    brief, report = real("c90731f0_brief"), real("c90731f0_independent")
    assert len(report.mentioned - brief.mentioned) > t.expansion_own_density * report.content_sentences
    assert t.expansion_stems_sparse <= item_stems_kept(brief, report) < t.expansion_stems
    assert retold_in_lead(brief, report, t.expansion_lead)
    assert not expansion(brief, report, t)


def test_verbs_of_attribution_are_not_counted_among_an_items_words():
    item = Profile.of("The mayor says the Harbor City bridge will close for repairs in May, he said.")
    retold = Profile.of("The Harbor City bridge will close in May for repairs, the mayor claims.")
    assert item_stems_kept(item, retold) == 1.0


def test_a_brief_and_its_expansion_share_a_bucket_of_the_specifics_family():
    # Padding adds long words, so their names-family Jaccard is 0.14-0.19 for these three: no shared bucket there.
    for sid in ("51374560", "624fcd90", "7de52419"):
        brief, expanded = (band_rows(sid, real(f"{sid}_{kind}")) for kind in ("brief", "expanded"))
        keys = lambda rows: {(r["family"], r["band"], r["bucket"]) for r in rows if r["family"].startswith("specifics")}  # noqa: E731
        assert keys(brief) & keys(expanded), sid


def _document(name: str) -> Document:
    body = (REAL / "docs" / f"{name}.txt").read_text(encoding="utf-8").split("---\n", 1)[1].strip()
    return Document(name, name, "article", "article_text", name, None, None, name, None, [], None, None, None, "en",
                    body, len(body.split()), body.count("\n") + 1, 0)
