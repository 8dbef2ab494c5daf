"""Verdicts that hold across runs (issue #21, benchmarks/README.md "Seventeenth round"): whatever order a source, its
condensation and another outlet's report with a person of its own arrive in, one batch or a run each, the report ends
apart and the condensation in the source's story. An earlier run's link the later run shows wrong is revoked and
written as a verdict change with its reason; the nearest positive, a retelling introducing the source's own speaker,
stays in the story in every order."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import DuckDBCandidateIndex, InMemoryIndex, dedupe_batch
from newsfacts.dedupe.batch import reported_apart, reported_apart_why
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds, verify
from tests.dedupe.seeds import document
from tests.dedupe.test_candidate_index import publish
from tests.dedupe.test_verify_no_false_merges import CONDENSED, REPORT
from tests.dedupe.test_verify_speakers import SOURCE

pytestmark = pytest.mark.unit

T = Thresholds()
# The report with its own person (the deputy fire chief) replaced by the source's speaker: a rewrite of the source.
RETOLD = REPORT.replace(
    "Harwell's deputy fire chief, Owen Trask, said crews had pumped water out of two flooded basements on Route 9"
    " overnight.", "Before the notice ends, samples go to a state laboratory, the utility's operations director,"
    " Marisol Quintana, said.")

ORDERS = {
    "one batch": [["source", "condensed", "other"]],
    "condensation, report, source": [["condensed"], ["other"], ["source"]],
    "report, condensation, source": [["other"], ["condensed"], ["source"]],
    "condensation and report, then source": [["condensed", "other"], ["source"]],
    "source, condensation, report": [["source"], ["condensed"], ["other"]],
    "source and condensation, then report": [["source", "condensed"], ["other"]],
    "report, source, condensation": [["other"], ["source"], ["condensed"]],
}


def _documents(other: str) -> dict:
    # The source is published first; the condensation and the other document a day later, so the source is the
    # story's original whenever it has arrived.
    return {"source": document("source", SOURCE, published="2024-05-06"),
            "condensed": document("condensed", CONDENSED, published="2024-05-07"),
            "other": document("other", other, published="2024-05-07")}


def _runs(kind: str, con, runs: list[list[str]], docs: dict) -> tuple[dict[str, tuple], list[dict]]:
    """Each run through the index in turn: the final (duplicate_of, cluster_id) of each document, and every
    verdict change written."""
    memory = InMemoryIndex()
    index = memory if kind == "memory" else DuckDBCandidateIndex(con)
    changes = []
    for k, names in enumerate(runs, 1):
        batch = [docs[n] for n in names]
        result = dedupe_batch(batch, index, f"run-{k}")
        changes += result.changes
        if kind == "memory":
            memory.publish(batch, result)
        else:
            publish(con, batch, result, f"run-{k}")
    if kind == "memory":
        rows = [(d.doc_id, d.duplicate_of, d.cluster_id) for d in memory.fetch(docs, bodies=False)]
    else:
        rows = con.execute("select doc_id, duplicate_of, cluster_id from documents").fetchall()
    return {doc_id: (of, cluster) for doc_id, of, cluster in rows}, changes


def test_the_passages_are_the_shapes_they_stand_for():
    source, condensed, report, retold = (Profile.of(t) for t in (SOURCE, CONDENSED, REPORT, RETOLD))
    assert verify(report, condensed, T) is not None and verify(report, source, T) is None
    assert verify(condensed, source, T) is not None and verify(retold, condensed, T) is not None
    assert condensed.content_sentences < report.content_sentences < source.content_sentences


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
@pytest.mark.parametrize("order", list(ORDERS), ids=str)
def test_a_report_of_its_own_ends_apart_in_every_arrival_order(con, kind, order):
    final, changes = _runs(kind, con, ORDERS[order], _documents(REPORT))
    assert final["condensed"] == ("source", "source")
    assert final["source"] == (None, "source")
    assert final["other"] == (None, "other")
    for change in changes:  # the report, linked by an earlier run, is revoked with its reason
        if change["doc_id"] == "other":
            assert change["change"] == "split" and change["was_cluster_id"] != "other"
            assert "reported_apart" in change["reason"] and "owen trask" in change["reason"]


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_the_revoked_link_is_a_verdict_change_of_the_run_that_shows_it_wrong(con, kind):
    # The condensation and the report arrive first and are one story; the source's run revises the report's verdict.
    final, changes = _runs(kind, con, ORDERS["condensation and report, then source"], _documents(REPORT))
    split = [c for c in changes if c["doc_id"] == "other"]
    assert len(split) == 1
    assert split[0]["was_cluster_id"] == "condensed" and split[0]["cluster_id"] == "other"
    assert split[0]["duplicate_of"] is None and split[0]["change"] == "split"
    assert "condensed retells source" in split[0]["reason"]


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
@pytest.mark.parametrize("order", list(ORDERS), ids=str)
def test_a_retelling_of_the_sources_own_speaker_stays_in_the_story_in_every_order(con, kind, order):
    # Nearest positive: the same retelling introducing the source's own speaker is no suspect and keeps its link.
    final, changes = _runs(kind, con, ORDERS[order], _documents(RETOLD))
    assert final["condensed"] == ("source", "source")
    assert final["other"][1] == "source"
    assert not [c for c in changes if c["change"] == "split"]


def test_reported_apart_says_why_it_drops_a_link():
    docs = _documents(REPORT)
    profiles = {n: Profile.of(d.body) for n, d in docs.items()}
    verdicts = {key: verify(profiles[key[0]], profiles[key[1]], T)
                for key in (("condensed", "other"), ("condensed", "source"))}
    kept, dropped = reported_apart_why(verdicts, profiles)
    assert kept == reported_apart(verdicts, profiles) == {("condensed", "source"): verdicts[("condensed", "source")]}
    assert dropped == {("condensed", "other"): ("other", "condensed", "source", ["owen trask"])}
    # An earlier run's link read as a neighbour does the same, and is never dropped itself.
    kept, dropped = reported_apart_why({("condensed", "other"): verdicts[("condensed", "other")]}, profiles,
                                       linked=[("condensed", "source")])
    assert kept == {} and dropped[("condensed", "other")][2] == "source"


BRIEF_ORDERS = {
    "one batch": [["own_brief", "other_brief", "other_expanded"]],
    "own brief and expansion, then the other brief": [["own_brief", "other_expanded"], ["other_brief"]],
    "own brief, expansion, other brief": [["own_brief"], ["other_expanded"], ["other_brief"]],
    "expansion, own brief, other brief": [["other_expanded"], ["own_brief"], ["other_brief"]],
    "other brief, expansion, own brief": [["other_brief"], ["other_expanded"], ["own_brief"]],
    "expansion, other brief, own brief": [["other_expanded"], ["other_brief"], ["own_brief"]],
}


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
@pytest.mark.parametrize("order", list(BRIEF_ORDERS), ids=str)
def test_an_expansion_follows_the_brief_whose_wording_it_keeps_in_every_arrival_order(con, kind, order):
    # The sixteenth round's briefs (test_verify_no_false_merges): two outlets' one-line briefs of one event, and a
    # content farm's padding of the other outlet's brief. Linked to the source's own brief before the brief it pads
    # arrives, the expansion (or the own brief, when the expansion was its story's original) is split off when it
    # does, so the two briefs never join (batch.expansions_of_closer_briefs, on the story read again).
    from tests.dedupe.test_verify_no_false_merges import OTHER_BRIEF, OTHER_EXPANDED, OWN_BRIEF
    docs = {n: document(n, t) for n, t in (("own_brief", OWN_BRIEF), ("other_brief", OTHER_BRIEF),
                                           ("other_expanded", OTHER_EXPANDED))}
    final, changes = _runs(kind, con, BRIEF_ORDERS[order], docs)
    assert final["other_expanded"][1] == final["other_brief"][1] != final["own_brief"][1]
    assert all(c["change"] == "split" and "expansions_of_closer_briefs" in c["reason"] for c in changes)
