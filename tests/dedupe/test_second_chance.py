"""The second chance: a new document nothing verified with is verified against the batch's best by shared stems, so a
rewrite whose names share no LSH bucket with its source's (a condensation of a long source) is still found."""

from __future__ import annotations

from collections import Counter

import pytest

from newsfacts.dedupe import InMemoryIndex, batch, candidates, dedupe_batch, vocabulary
from newsfacts.dedupe.candidates import second_chance
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds
from tests.dedupe.seeds import document

pytestmark = pytest.mark.unit

SOURCE = (
    "The Marlow county council voted on Tuesday to close the Eastbrook ferry terminal by the end of March. "
    "Councillor Ingrid Havel said the terminal had lost 4.2 million pounds over the past three years. "
    "About 380 commuters use the crossing each weekday, according to figures from the harbour office. "
    "Residents of Eastbrook warned that the nearest bridge adds forty minutes to the journey into town. "
    "The ferry operator, Solent Crossings, said it would keep running a reduced timetable until the closure. "
    "A petition against the decision has gathered 6,100 signatures since it opened in January. "
    "Havel said the council would fund a shuttle bus from Eastbrook to the Marlow rail station. "
    "The vote passed by eleven votes to seven after a debate that lasted nearly four hours."
)
# The same story retold in other words, shorter, in another order: what a content farm makes of it.
REWRITE = (
    "Eastbrook's ferry terminal will close by the end of March after the Marlow county council voted on Tuesday. "
    "The terminal lost 4.2 million pounds over three years, councillor Ingrid Havel told the council. "
    "The council will fund a shuttle bus from Eastbrook to the Marlow rail station, Havel said. "
    "Some 380 commuters use the crossing every weekday, the harbour office figures show. "
    "The decision passed by eleven votes to seven after nearly four hours of debate."
)
OTHER = (
    "A new bakery opened on the high street in Dunmore on Saturday, selling sourdough and rye loaves. "
    "The owners, two sisters from Galway, said they had saved for six years to open the shop. "
    "Queues formed before the doors opened at seven in the morning."
)


def _vocabularies(docs):
    return vocabulary.table({d.doc_id: vocabulary.stems_of(Profile.of(d.body)) for d in docs})


def test_second_chance_ranks_the_batch_by_shared_stems_past_the_gate():
    docs = [document("src", SOURCE), document("rew", REWRITE), document("other", OTHER)]
    found = second_chance(["rew"], _vocabularies(docs), Thresholds())
    assert list(found) == ["rew"]
    assert list(found["rew"]) == ["src"]  # the bakery shares too few stems to pass the vocabulary gate
    share, buckets = found["rew"]["src"]
    assert share >= Thresholds().min_stem_overlap and buckets == 0


def test_second_chance_skips_pairs_already_verified_and_takes_at_most_a_few(monkeypatch):
    docs = [document("src", SOURCE), document("rew", REWRITE), document("other", OTHER)]
    assert second_chance(["rew"], _vocabularies(docs), Thresholds(), {("rew", "src")}) == {}
    monkeypatch.setattr(candidates, "SECOND_CHANCE", 0)
    assert second_chance(["rew"], _vocabularies(docs), Thresholds()) == {}
    assert second_chance([], _vocabularies(docs), Thresholds()) == {}


def _no_shared_bucket(monkeypatch):
    """As if the two shared no LSH bucket: a condensed restyle's names against a long source's, J ~0.1."""
    monkeypatch.setattr(batch, "within_batch", lambda bands: {})


def test_a_rewrite_sharing_no_bucket_with_its_source_is_found_in_the_same_batch(monkeypatch):
    _no_shared_bucket(monkeypatch)
    docs = [document("src", SOURCE, published="2026-03-01"), document("rew", REWRITE), document("other", OTHER)]
    result = dedupe_batch(docs, InMemoryIndex(), "run-1")
    assert [(p.doc_id, p.duplicate_of) for p in result.pairs] == [("rew", "src")]
    assert result.assignments["other"].duplicate_of is None
    assert result.stats["second_chance"] >= 1


def test_without_the_second_chance_the_pair_is_not_offered(monkeypatch):
    _no_shared_bucket(monkeypatch)
    monkeypatch.setattr(candidates, "SECOND_CHANCE", 0)
    docs = [document("src", SOURCE, published="2026-03-01"), document("rew", REWRITE), document("other", OTHER)]
    assert dedupe_batch(docs, InMemoryIndex(), "run-1").pairs == []


def test_a_document_already_joined_gets_nosecond_chance():
    docs = [document("src", SOURCE, published="2026-03-01"), document("copy", SOURCE), document("other", OTHER)]
    result = dedupe_batch(docs, InMemoryIndex(), "run-1")
    assert [(p.doc_id, p.duplicate_of, p.level) for p in result.pairs] == [("copy", "src", "exact")]
    # Only the bakery is unjoined, and nothing passes the gate with it.
    assert result.stats["second_chance"] == 0
    assert Counter(a.cluster_id for a in result.assignments.values()) == Counter({"src": 2, "other": 1})
