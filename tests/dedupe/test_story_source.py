"""A story's source among its members published the same first day is the one whose sentences the story's other
members retell most (batch._story_source, verify.sentences_retold), then the one the batch verified most (issue #21,
benchmarks/README.md "Thirty-second round: a story's source among its first-day members (dedupe51)"). The passages
are the labelled split fresh21's i06e5123: Reuters's report of the New York attorney general's WeWork inquiry on
venturebeat.com, a raw page dated 2019-11-18 signed "By venturebeat.com staff" (a Scrapinghub benchmark body, MIT),
two restyles by content farms dated the same day and verified with more of the story than the page, three later
rewrites, and VentureBeat's own story of 2019-11-21 (the layoffs). Its nearest negatives: the same story credited to
another outlet, and a later story credited to the outlet of a same-day restyle (a content farm rewriting a story
twice, as fresh12 rad9e9e5's writer did)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.batch import _Member, _story_source
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import sentences_retold
from tests.dedupe.seeds import document
from tests.dedupe.test_published_apart import _story_of

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"
SCHEMA = Path(__file__).resolve().parents[2] / "newsfacts" / "warehouse" / "schema.sql"
FIRST_DAY = ("restyled_neutral", "restyled_sensational")
LATER = ("restyled_emotional", "restyled_objective", "reordered")


def _written(name: str) -> tuple[dict, str]:
    head, body = (REAL / "docs" / f"i06e5123_{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)
    return dict(line.split(": ", 1) for line in head.strip().splitlines()), body.strip()


def _page() -> str:
    page = (REAL / "raw" / "i06e5123_original.txt").read_text(encoding="utf-8")
    return page.split("Published 2019-11-18", 1)[1].rsplit("Advertisement", 1)[0].strip()


def _documents(follow_up_outlet: str = "VentureBeat") -> dict:
    def written(name: str, outlet: str | None = None):
        meta, body = _written(name)
        return document(name, body, published=meta["date"], outlet=outlet or meta["outlet"])

    docs = {name: written(name) for name in (*FIRST_DAY, *LATER)}
    docs["original"] = document("original", _page(), published="2019-11-18", outlet="venturebeat.com")
    docs["follow_up"] = written("follow_up", follow_up_outlet)
    return docs


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    return con


def test_the_page_has_more_sentences_retold_by_its_story_than_a_same_day_restyle_framing_it():
    profiles = {name: Profile.of(d.body) for name, d in _documents().items() if name != "follow_up"}
    retold = {name: sentences_retold(p, [q for other, q in profiles.items() if other != name], Thresholds())
              for name, p in profiles.items()}
    assert retold["original"] > retold["restyled_sensational"] > retold["restyled_neutral"]
    # The sensational restyle's framing ("Let that sink in.") is retold by no one: not all its sentences count.
    assert retold["restyled_sensational"] < profiles["restyled_sensational"].content_sentences


def test_the_source_is_the_page_though_two_restyles_verified_with_more():
    docs = _documents()
    profiles = {name: Profile.of(d.body) for name, d in docs.items()}
    members = {name: _Member(name, d.published_date, True, arrival=k, outlet=d.outlet)
               for k, (name, d) in enumerate(docs.items())}
    story = set(docs) - {"follow_up"}
    verified = Counter(original=4, restyled_neutral=5, restyled_sensational=5)
    first = ["original", *FIRST_DAY]
    assert _story_source(first, story, verified, members, profiles, Thresholds()) == "original"


def test_alone_on_its_first_day_the_source_is_read_without_its_sentences():
    members = {"original": _Member("original", None, True)}
    assert _story_source(["original"], {"original"}, Counter(), members, {}, Thresholds()) == "original"


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_venturebeats_next_story_leaves_the_story_of_its_page_in_one_batch(kind):
    docs = _documents()
    story = _story_of(kind, _warehouse(), [list(docs)], docs)
    assert len({story[name] for name in ("original", *FIRST_DAY, *LATER)}) == 1
    assert story["follow_up"] != story["original"]


def test_another_outlets_story_keeps_its_link():
    docs = _documents(follow_up_outlet="Prairie Public Ledger")
    story = _story_of("duckdb", _warehouse(), [list(docs)], docs)
    assert story["follow_up"] == story["original"]


def test_a_later_story_credited_to_a_same_day_restyles_outlet_keeps_its_link():
    """The restyle is not the story's source: a content farm may rewrite one story twice, on two days."""
    docs = _documents(follow_up_outlet="financeroundup.net")
    story = _story_of("duckdb", _warehouse(), [list(docs)], docs)
    assert story["follow_up"] == story["original"]
