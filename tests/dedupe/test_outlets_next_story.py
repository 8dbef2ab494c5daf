"""An outlet does not rewrite its own story: its document a later day, linked at rewrite level into a story whose
source it published, is its next story (a follow-up), and leaves that story; its same-day repost, an undated side, or
an outlet's name reused for two rewrites of another's story keep their links (issue #21, benchmarks/README.md
"Twenty-fifth round: an outlet's own next-day story"). The passages are the labelled split fresh18's la1fca19
(written for the project from a Scrapinghub body, MIT): the New York Post's story, two restyles by other outlets, and
the Post's follow-up two days on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from newsfacts.dedupe.align import Alignment
from newsfacts.dedupe.batch import _Member, outlets_next_story
from newsfacts.dedupe.verify import Verdict
from tests.dedupe.seeds import document
from tests.dedupe.test_published_apart import _story_of

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"
SCHEMA = Path(__file__).resolve().parents[2] / "newsfacts" / "warehouse" / "schema.sql"


def _member(doc_id: str, published: str | None, outlet: str | None, site: str | None = None) -> _Member:
    return _Member(doc_id, date.fromisoformat(published) if published else None, True, outlet=outlet, site=site)


def _rewrite() -> Verdict:
    return Verdict("rewrite", "test", 1.0, Alignment([]))


def _story(original_published: str | None = "2019-11-19", follow_up_published: str | None = "2019-11-21",
           follow_up_outlet: str = "New York Post", original_outlet: str = "nypost.com",
           original_site: str | None = None) -> tuple[dict, dict]:
    members = {m.doc_id: m for m in (
        _member("original", original_published, original_outlet, original_site),
        _member("restyle", "2019-11-19", "NewsDigest Online"),
        _member("sensational", "2019-11-20", "theheadlinehammer.com"),
        _member("follow_up", follow_up_published, follow_up_outlet))}
    verdicts = {("original", "restyle"): _rewrite(), ("original", "sensational"): _rewrite(),
                ("restyle", "sensational"): _rewrite(), ("follow_up", "original"): _rewrite(),
                ("follow_up", "sensational"): _rewrite()}
    return verdicts, members


def test_the_outlets_follow_up_two_days_on_leaves_its_story():
    kept = outlets_next_story(*_story())
    assert not [key for key in kept if "follow_up" in key]
    assert set(kept) == {("original", "restyle"), ("original", "sensational"), ("restyle", "sensational")}


@pytest.mark.parametrize("why, story", [
    ("another outlet's story two days on", dict(follow_up_outlet="Northern Asia Dispatch")),
    ("the outlet's same-day repost", dict(follow_up_published="2019-11-19")),
    ("an undated source a rewrite of which is dated after the follow-up (test_dated_by_its_story)",
     dict(original_published=None, follow_up_published="2019-11-19")),
    ("an undated later side", dict(follow_up_published=None)),
])
def test_otherwise_the_links_stay(why, story):
    verdicts, members = _story(**story)
    assert outlets_next_story(verdicts, members) == verdicts, why


def test_a_sites_own_story_leaves_the_story_of_the_wire_story_it_published():
    """fresh16 nef2b3f2: the AP's story as mysanantonio.com published it ("By mysanantonio.com staff"), and the
    site's own story two days on."""
    kept = outlets_next_story(*_story(original_outlet="Associated Press", original_site="mysanantonio.com",
                                      follow_up_outlet="mysanantonio.com"))
    assert not [key for key in kept if "follow_up" in key]


def test_another_sites_story_of_the_wire_story_keeps_its_links():
    verdicts, members = _story(original_outlet="Associated Press", original_site="mysanantonio.com",
                               follow_up_outlet="sfgate.com")
    assert outlets_next_story(verdicts, members) == verdicts


def test_the_wire_story_reprinted_by_two_sites_days_apart_stays_a_copy():
    """A syndicated copy does not become its source's outlet's next story: exact and near_exact links are kept."""
    verdicts, members = _story(original_outlet="Associated Press", original_site="mysanantonio.com")
    members["follow_up"] = _member("follow_up", "2019-11-21", "Associated Press", "sfgate.com")
    verdicts[("follow_up", "original")] = Verdict("near_exact", "test", 1.0, Alignment([]))
    kept = outlets_next_story(verdicts, members)
    assert kept[("follow_up", "original")].level == "near_exact"


def test_an_outlet_name_on_two_rewrites_of_anothers_story_keeps_them():
    """fresh12 rad9e9e5: one writer signed a condensation and, a day later, a reordering "Effective Giving Digest";
    their source is GiveWell's post, which the story's rewrites retell, not the condensation of the same day."""
    members = {m.doc_id: m for m in (
        _member("original", "2018-10-09", "blog.givewell.org"),
        _member("condensed", "2018-10-09", "Effective Giving Digest"),
        _member("neutral", "2018-10-09", "Nonprofit Briefing"),
        _member("reordered", "2018-10-10", "Effective Giving Digest"))}
    verdicts = {("condensed", "original"): _rewrite(), ("neutral", "original"): _rewrite(),
                ("original", "reordered"): _rewrite(), ("condensed", "reordered"): _rewrite()}
    assert outlets_next_story(verdicts, members) == verdicts


def _documents() -> dict:
    def written(name: str):
        head, body = (REAL / "docs" / f"la1fca19_{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)
        meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
        return document(name, body.strip(), published=meta["date"], outlet=meta["outlet"])

    original = (REAL / "raw" / "la1fca19_original.txt").read_text(encoding="utf-8")
    body = original.split("Published", 1)[1].split("\n", 1)[1].strip()
    return {"original": document("original", body, published="2019-11-19", outlet="nypost.com"),
            **{name: written(name) for name in ("restyled_neutral", "restyled_sensational", "restyled_objective",
                                                 "follow_up")}}


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
@pytest.mark.parametrize("runs", [[["original", "restyled_neutral", "restyled_sensational", "restyled_objective",
                                    "follow_up"]],
                                  [["restyled_neutral", "restyled_sensational", "restyled_objective", "follow_up"],
                                   ["original"]]], ids=["one batch", "source in a later run"])
def test_the_follow_up_leaves_its_story_in_one_batch_and_when_the_source_comes_late(kind, runs):
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    story = _story_of(kind, con, runs, _documents())
    assert story["restyled_neutral"] == story["restyled_sensational"] == story["original"]
    assert story["follow_up"] != story["original"]


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
@pytest.mark.parametrize("runs", [[["original", "restyled_neutral", "restyled_sensational", "restyled_objective",
                                    "follow_up"]],
                                  [["restyled_neutral", "restyled_sensational", "restyled_objective", "follow_up"],
                                   ["original"]],
                                  [["original", "restyled_neutral", "restyled_sensational", "restyled_objective"],
                                   ["follow_up"]]], ids=["one batch", "source in a later run", "follow-up later"])
@pytest.mark.parametrize("site, parted", [("nypost.com", True), ("sfgate.com", False)])
def test_the_site_that_published_the_wire_source_is_read_in_every_run(kind, runs, site, parted):
    """The source credited to a wire, published by the Post: the Post's follow-up leaves the story, as it does when
    the Post is the outlet; published by another site, the follow-up stays joined (left for the verifier)."""
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    docs = _documents()
    docs["original"] = replace(docs["original"], outlet="Associated Press", site=site)
    story = _story_of(kind, con, runs, docs)
    assert story["restyled_neutral"] == story["restyled_sensational"] == story["original"]
    assert (story["follow_up"] != story["original"]) == parted
