"""Without a date, which of two reports came later is read from the text: a follow-up opens with its new event and
retells the original as background, in sentences placing it in the past; a rewrite, a headline-first reorder
included, retells the original's lead (issue #21, benchmarks/README.md "Twenty-sixth round: undated follow-ups read
from their text (dedupe46)"). The passages are the labelled split fresh19's kc7e39ac: the BBC's story of Sweden
dropping the Assange inquiry, a raw page with no date (a Scrapinghub benchmark body, MIT), and documents written for
the project from it: its headline-first reorder by another outlet, its objective restyle, its condensation, and the
BBC's own story two days on (an extradition hearing)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsfacts.dedupe.text import Profile, back_references
from newsfacts.dedupe.verify import Thresholds, told_after
from tests.dedupe.seeds import document
from tests.dedupe.test_published_apart import _story_of

pytestmark = pytest.mark.unit

REAL = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real"
SCHEMA = Path(__file__).resolve().parents[2] / "newsfacts" / "warehouse" / "schema.sql"


def _written(name: str) -> tuple[dict, str]:
    head, body = (REAL / "docs" / f"kc7e39ac_{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)
    return dict(line.split(": ", 1) for line in head.strip().splitlines()), body.strip()


def _original() -> str:
    """The raw page's body: after its "By bbc.com staff" byline, without the newsletter line that closes it."""
    page = (REAL / "raw" / "kc7e39ac_original.txt").read_text(encoding="utf-8")
    return page.split("By bbc.com staff", 1)[1].rsplit("Sign up for our newsletter", 1)[0].strip()


def _profile(name: str) -> Profile:
    return Profile.of(_original() if name == "original" else _written(name)[1])


def test_a_past_event_is_a_back_reference_and_the_days_news_is_not():
    assert back_references(["On Tuesday, Sweden's deputy prosecutor discontinued the investigation.",
                            "The investigation had been shelved in 2017.",
                            "Lawyers for Julian Assange told a London court he is denied access to documents."]
                           ) == [True, True, False]


def test_the_outlets_next_story_reads_as_written_after_its_undated_original():
    follow_up, original = _profile("follow_up"), _profile("original")
    assert told_after(follow_up, original, Thresholds())
    assert not told_after(original, follow_up, Thresholds())


@pytest.mark.parametrize("name", ["reordered", "restyled_objective", "condensed"])
def test_a_rewrite_of_the_original_does_not_headline_first_or_not(name):
    """The reorder opens with the original's end, "Sweden has closed its rape investigation": a retold lead."""
    assert not told_after(_profile(name), _profile("original"), Thresholds())


def _documents(follow_up_outlet: str = "BBC News") -> dict:
    def written(name: str, outlet: str | None = None):
        meta, body = _written(name)
        return document(name, body, published=meta["date"], outlet=outlet or meta["outlet"])

    return {"original": document("original", _original(), outlet="bbc.com"),
            "restyled_objective": written("restyled_objective"), "reordered": written("reordered"),
            "restyled_neutral": written("restyled_neutral"),
            "follow_up": written("follow_up", follow_up_outlet)}


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    return con


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_the_bbcs_next_story_leaves_the_story_of_its_undated_page(kind):
    story = _story_of(kind, _warehouse(), [list(_documents())], _documents())
    assert story["original"] == story["restyled_objective"] == story["reordered"] == story["restyled_neutral"]
    assert story["follow_up"] != story["original"]


def test_another_outlets_story_two_days_on_keeps_its_link():
    """The text alone, without the outlet, would cut labelled rewrites by the hundred: the outlet gates it."""
    docs = _documents(follow_up_outlet="Nordic Times Online")
    story = _story_of("duckdb", _warehouse(), [list(docs)], docs)
    assert story["follow_up"] == story["original"] == story["restyled_objective"]
