"""A rewrite is published within days of its source; a story weeks later is a story of its own (issue #21,
benchmarks/README.md "Eighteenth round: published apart"). The passages are the labelled split fresh11's (written for
the project from a Scrapinghub body, MIT): an outlet's 2-sentence brief of a kidnapping rescue video, an aggregator's
expansion of it a day later, and the same outlet's follow-up three weeks later on the state charges, whose background
retells the brief."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsfacts.dedupe import DuckDBCandidateIndex, InMemoryIndex, dedupe_batch
from newsfacts.dedupe.align import Alignment
from newsfacts.dedupe.batch import _Member, published_apart
from newsfacts.dedupe.verify import Thresholds, Verdict
from tests.dedupe.seeds import document
from tests.dedupe.test_candidate_index import publish

pytestmark = pytest.mark.unit

DOCS = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real" / "docs"
T = Thresholds()


def _body(name: str) -> str:
    return (DOCS / f"{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1].strip()


def _documents(follow_up_published: str | None = "2019-12-10") -> dict:
    return {"brief": document("brief", _body("s51d066b_brief"), published="2019-11-18"),
            "expanded": document("expanded", _body("s51d066b_expanded"), published="2019-11-19"),
            "follow_up": document("follow_up", _body("s51d066b_follow_up"), published=follow_up_published)}


ORDERS = {
    "one batch": [["brief", "expanded", "follow_up"]],
    "brief, expansion, follow-up": [["brief"], ["expanded"], ["follow_up"]],
    "follow-up first": [["follow_up"], ["brief", "expanded"]],
    "brief, then follow-up and expansion": [["brief"], ["follow_up", "expanded"]],
}


def _story_of(kind: str, con, runs: list[list[str]], docs: dict) -> dict[str, str]:
    memory = InMemoryIndex()
    index = memory if kind == "memory" else DuckDBCandidateIndex(con)
    story = {}
    for k, names in enumerate(runs, 1):
        batch = [docs[n] for n in names]
        result = dedupe_batch(batch, index, f"run-{k}")
        memory.publish(batch, result) if kind == "memory" else publish(con, batch, result, f"run-{k}")
        story.update({d: a.cluster_id for d, a in result.assignments.items()})
    return story


def test_undated_the_follow_up_retells_the_brief():
    """Without dates nothing tells the follow-up from an expansion: it keeps the brief's wording, as the outlet's
    own background paragraph does. This is the shape the dates decide."""
    docs = _documents(follow_up_published=None)
    story = _story_of("memory", None, ORDERS["one batch"], docs)
    assert story["follow_up"] == story["brief"]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_the_follow_up_three_weeks_later_is_a_story_of_its_own_in_every_arrival_order(con, kind, order):
    story = _story_of(kind, con, ORDERS[order], _documents())
    assert story["expanded"] == story["brief"]
    assert story["follow_up"] not in (story["brief"], story["expanded"])


def test_a_retelling_four_days_later_is_still_a_rewrite():
    """The nearest positive: an aggregator four days late is late, not a story of its own (every dated labelled
    rewrite of the real splits is within 4 days of its source)."""
    story = _story_of("memory", None, ORDERS["one batch"], _documents(follow_up_published="2019-11-22"))
    assert story["follow_up"] == story["brief"]


def test_the_follow_up_a_week_later_is_a_story_of_its_own():
    """fresh12's follow-ups came 7 and 10 days after their stories."""
    story = _story_of("memory", None, ORDERS["one batch"], _documents(follow_up_published="2019-11-25"))
    assert story["follow_up"] != story["brief"]


def _member(doc_id: str, published: str | None, of: str | None = None, level: str | None = None) -> _Member:
    return _Member(doc_id, date.fromisoformat(published) if published else None, of is None, of, level, of)


def _verdict(level: str) -> Verdict:
    return Verdict(level, "test", 1.0, Alignment([]))


def test_an_undated_original_is_dated_by_its_rewrites_and_copies_keep_their_links():
    members = {m.doc_id: m for m in (_member("original", None), _member("copy", None), _member("reposted", "2020-06-01"),
                                     _member("restyle", "2019-11-18"), _member("condensed", "2019-11-19"),
                                     _member("wrongly_dated", "2018-01-01"), _member("follow_up", "2020-02-14"))}
    verdicts = {("copy", "original"): _verdict("exact"), ("original", "reposted"): _verdict("near_exact"),
                ("original", "restyle"): _verdict("rewrite"), ("condensed", "copy"): _verdict("rewrite"),
                ("original", "wrongly_dated"): _verdict("rewrite"), ("follow_up", "original"): _verdict("rewrite")}
    kept = published_apart(verdicts, members, T)
    # A repost months later is a copy whatever its date; the copies' earliest date (the repost's) is the original's.
    assert ("copy", "original") in kept and ("original", "reposted") in kept
    assert ("follow_up", "original") not in kept  # 2020-02-14 against the group's 2020-06-01: 108 days


def test_undated_copies_are_dated_by_the_median_of_their_rewrites():
    members = {m.doc_id: m for m in (_member("original", None), _member("copy", None),
                                     _member("restyle", "2019-11-18"), _member("condensed", "2019-11-19"),
                                     _member("wrongly_dated", "2018-01-01"), _member("follow_up", "2020-02-14"))}
    verdicts = {("copy", "original"): _verdict("exact"), ("original", "restyle"): _verdict("rewrite"),
                ("condensed", "copy"): _verdict("rewrite"), ("original", "wrongly_dated"): _verdict("rewrite"),
                ("follow_up", "original"): _verdict("rewrite")}
    kept = published_apart(verdicts, members, T)
    assert ("original", "restyle") in kept and ("condensed", "copy") in kept
    assert ("follow_up", "original") not in kept  # against the median of the others, 2019-11-18
    # One wrong date among the rewrites moves the median by nothing, but is itself far from it.
    assert ("original", "wrongly_dated") not in kept


def test_an_earlier_runs_rewrite_dates_its_undated_original():
    members = {m.doc_id: m for m in (_member("original", None), _member("restyle", "2019-11-18", "original", "rewrite"),
                                     _member("follow_up", "2020-02-14"))}
    kept = published_apart({("follow_up", "original"): _verdict("rewrite")}, members, T)
    assert kept == {}


def test_an_original_dated_only_by_the_late_document_keeps_it():
    members = {m.doc_id: m for m in (_member("original", None), _member("follow_up", "2020-02-14"))}
    verdicts = {("follow_up", "original"): _verdict("rewrite")}
    assert published_apart(verdicts, members, T) == verdicts
