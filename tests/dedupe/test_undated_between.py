"""An undated document is dated by what it retells; across runs, an earlier run may have met a later story before the
restyles that date it (issue #21, benchmarks/README.md "Twentieth round"). The passages are the labelled split
fresh15's (written for the project, development data since its blind score; the report they retell is a
Scrapinghub body, not in the repository): an aggregator's undated condensation of a festival report, a reordered copy
and a neutral restyle (2018-10-16/18), and the outlet's follow-up three weeks later (2018-11-06) whose background
quotes the report's quotations word for word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsfacts.dedupe.align import Alignment
from newsfacts.dedupe.batch import undated_between
from newsfacts.dedupe.verify import Thresholds, Verdict
from tests.dedupe.seeds import document
from tests.dedupe.test_published_apart import _story_of

pytestmark = pytest.mark.unit

DOCS = Path(__file__).resolve().parents[2] / "benchmarks" / "dedupe_real" / "docs"
T = Thresholds()
DATES = {"condensed": None, "follow_up": "2018-11-06", "reordered": "2018-10-18", "restyled_neutral": "2018-10-16"}


def _body(name: str) -> str:
    return (DOCS / f"o8cad00d_{name}.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1].strip()


def _documents(follow_up_published: str = DATES["follow_up"]) -> dict:
    dates = {**DATES, "follow_up": follow_up_published}
    return {name: document(name, _body(name), published=published) for name, published in dates.items()}


EACH = [["condensed"], ["follow_up"], ["reordered"], ["restyled_neutral"]]


def test_in_one_batch_the_condensation_is_dated_by_its_restyles():
    story = _story_of("memory", None, [list(DATES)], _documents())
    assert story["condensed"] == story["reordered"] == story["restyled_neutral"]
    assert story["follow_up"] != story["reordered"]


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_one_run_each_the_condensation_leaves_the_follow_up_once_its_restyles_arrive(con, kind):
    """The condensation arrives first, the follow-up next (linked: nothing dates the condensation yet); the
    reordered copy, dated three weeks before the follow-up, revisits that link as one batch reads it."""
    story = _story_of(kind, con, EACH, _documents())
    assert story["condensed"] == story["restyled_neutral"] != story["follow_up"]  # before: the follow-up's


def test_a_document_days_later_keeps_the_link():
    """The nearest negative: a follow-up dated within max_rewrite_days of the restyles is not revisited, and ends
    where one batch puts it."""
    docs = _documents(follow_up_published="2018-10-19")
    each, batch = _story_of("memory", None, EACH, docs), _story_of("memory", None, [list(DATES)], docs)
    assert (each["condensed"] == each["follow_up"]) == (batch["condensed"] == batch["follow_up"])


def _verdict() -> Verdict:
    return Verdict("rewrite", "test", 1.0, Alignment([]))


def test_undated_between_reads_only_an_undated_member_against_a_new_document_days_apart():
    story = {"x": "y", "y": "y"}
    verdicts = {("x", "z"): _verdict()}
    dates = {"x": None, "y": date(2018, 11, 6), "z": date(2018, 10, 18)}
    assert undated_between("x", story, {"z"}, verdicts, dates, T)
    assert not undated_between("x", story, {"z"}, verdicts, {**dates, "x": date(2018, 10, 17)}, T)
    assert not undated_between("x", story, {"z"}, verdicts, {**dates, "z": date(2018, 11, 4)}, T)
    assert not undated_between("x", story, {"z"}, {}, dates, T)
