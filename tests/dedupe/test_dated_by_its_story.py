"""One newsroom does not rewrite its own story: its dated document joined to the story of its own undated page, a
page every dated rewrite of which was published before that date (batch._dated_before), is the newsroom's next
story, whatever its text or its length say (issue #21, benchmarks/README.md "Thirty-first round: the source outlet's
follow-up in fresh21 (dedupe50)"). The passages are the labelled split fresh21's i156770d: The Hill's page on South
Dakota's "Meth, we're on it" campaign, a raw page with no date signed "By thehill.com staff" (a Scrapinghub benchmark
body, MIT), restyles by other outlets written for the project and dated 2019-11-19/20, and The Hill's own story of
2019-11-21 (lawmakers ask for the ad contract). That follow-up is shorter than the page (9 content sentences against
13), and the text reading (verify.told_after) ties: neither parted it. Its nearest negatives: another outlet's story
the same day, and the newsroom's story dated within the days its page's rewrites were published (as a rewrite
credited to the page's newsroom would be: tests/dedupe/test_told_after_across_runs.py)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsfacts.dedupe.batch import outlets_next_story
from tests.dedupe.seeds import document
from tests.dedupe.test_outlets_next_story import _story
from tests.dedupe.test_published_apart import _story_of

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"
SCHEMA = Path(__file__).resolve().parents[2] / "newsfacts" / "warehouse" / "schema.sql"
RESTYLES = ("restyled_sensational", "restyled_emotional", "restyled_neutral", "restyled_objective", "reordered")


def _written(name: str) -> tuple[dict, str]:
    head, body = (REAL / "docs" / f"i156770d_{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)
    return dict(line.split(": ", 1) for line in head.strip().splitlines()), body.strip()


def _documents(follow_up_outlet: str = "The Hill", follow_up_published: str | None = None) -> dict:
    def written(name: str, outlet: str | None = None, published: str | None = None):
        meta, body = _written(name)
        return document(name, body, published=published or meta["date"], outlet=outlet or meta["outlet"])

    docs = {name: written(name) for name in RESTYLES}
    page = (REAL / "raw" / "156770d6_original.txt").read_text(encoding="utf-8")
    body = page.split("By thehill.com staff", 1)[1].rsplit("Have a tip we should know?", 1)[0].strip()
    docs["original"] = document("original", body, outlet="thehill.com")
    docs["follow_up"] = written("follow_up", follow_up_outlet, follow_up_published)
    return docs


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    return con


def test_an_undated_source_every_rewrite_of_which_is_dated_before_the_follow_up_loses_it():
    verdicts, members = _story(original_published=None)
    kept = outlets_next_story(verdicts, members)
    assert set(kept) == {("original", "restyle"), ("original", "sensational"), ("restyle", "sensational")}


def test_an_undated_source_a_rewrite_of_which_is_dated_after_the_follow_up_keeps_it():
    verdicts, members = _story(original_published=None, follow_up_published="2019-11-19")
    assert outlets_next_story(verdicts, members) == verdicts


@pytest.mark.parametrize("runs", ["one batch", "the page in a later run"])
@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_the_hills_next_story_leaves_the_story_of_its_undated_page(kind, runs):
    docs = _documents()
    order = [list(docs)] if runs == "one batch" else [[n for n in docs if n != "original"], ["original"]]
    story = _story_of(kind, _warehouse(), order, docs)
    assert len({story[name] for name in ("original", *RESTYLES)}) == 1
    assert story["follow_up"] != story["original"]


def test_another_outlets_story_the_same_day_keeps_its_link():
    """Without one newsroom the dates say nothing: a rewrite by another outlet is published after its source."""
    docs = _documents(follow_up_outlet="Prairie Public Ledger")
    story = _story_of("duckdb", _warehouse(), [list(docs)], docs)
    assert story["follow_up"] == story["original"]


def test_the_newsrooms_story_dated_among_its_pages_rewrites_keeps_its_link():
    """The page's rewrites are dated 2019-11-19 and 2019-11-20: a story of the 19th is not read as after them."""
    docs = _documents(follow_up_published="2019-11-19")
    story = _story_of("duckdb", _warehouse(), [list(docs)], docs)
    assert story["follow_up"] == story["original"]
