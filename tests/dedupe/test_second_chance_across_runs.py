"""The second chance across runs: a new document nothing verified with is ranked against the documents earlier runs
stored, through the index's neighbours by rare stems, and its best few are verified; so a condensed rewrite whose
source arrived a run earlier, and shares no LSH bucket with it, is still found, while an independent report of the
same event stays apart. The in-memory and the DuckDB index give the same neighbours and the same verdicts."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import DuckDBCandidateIndex, InMemoryIndex, candidates, dedupe_batch, vocabulary
from newsfacts.dedupe.text import Profile
from tests.dedupe.seeds import document
from tests.dedupe.test_candidate_index import publish

pytestmark = pytest.mark.unit


# A long report, loaded in the first run.
SOURCE = (
    "Engineers at the Velmora reservoir began lowering the water level on Thursday after cracks were found in the "
    "northern spillway. "
    "The Tarrow valley water board said the reservoir would be drawn down by six metres over the next ten days. "
    "Inspectors first noticed the cracks during a routine survey on Monday morning. "
    "Board chairman Aurelio Penhallow said there was no immediate danger to the villages below the dam. "
    "About 2,300 people live in Kessing, Ombry and Lowther Cross, the three villages nearest the spillway. "
    "The board has opened a reception centre at the Kessing sports hall for residents who wish to leave. "
    "Penhallow said the repairs would cost at least 11 million euros and take most of the summer. "
    "The Velmora dam was completed in 1964 and last strengthened in 1998. "
    "Farmers downstream have been told to move livestock away from the riverbanks as a precaution. "
    "The regional fire service has placed pumps and boats on standby along the Tarrow. "
    "Hydrologist Birgit Salander of the Oster institute said a controlled release was the right decision. "
    "She said the spillway cracks were typical of concrete of that age after a wet winter. "
    "A public meeting for residents will be held in Ombry on Saturday evening. "
    "The board said it would publish daily readings of the water level on its website."
)
# The same story condensed to five sentences in other words, headline first: a content farm's rewrite.
CONDENSED = (
    "Cracks in the northern spillway of the Velmora reservoir have forced engineers to start lowering its water on "
    "Thursday. "
    "The Tarrow valley water board will draw the reservoir down six metres within ten days, chairman Aurelio "
    "Penhallow said, adding the 2,300 residents of Kessing, Ombry and Lowther Cross face no immediate danger. "
    "A reception centre at the Kessing sports hall is open to those who want to leave. "
    "Repairs to the 1964 dam will cost at least 11 million euros and last most of the summer, Penhallow said. "
    "Hydrologist Birgit Salander of the Oster institute backed the controlled release."
)
# The nearest negative: another outlet's own report of the same event (the same names, places and figures), written
# from its own reporting: what happened at the meeting, what residents said.
INDEPENDENT = (
    "Several hundred residents crowded into the Ombry village hall on Saturday to question the Tarrow valley water "
    "board about the Velmora dam. "
    "Many said they had learned of the spillway cracks from neighbours rather than from the board. "
    "Chairman Aurelio Penhallow apologised for the delay and promised text alerts to every household. "
    "Greta Vossberg, who keeps sheep near Lowther Cross, said she had already moved her flock to higher fields. "
    "A retired engineer in the audience asked why the 1998 strengthening had not covered the northern spillway. "
    "Penhallow said a full review of the works would be published once the water was down. "
    "Some families from Kessing have stayed with relatives since midweek, and the meeting ended close to midnight."
)


def _condensed_shares_no_bucket(monkeypatch):
    """As if the rewrite shared no LSH bucket with anything stored: a condensation's names against a long source's."""
    monkeypatch.setattr(InMemoryIndex, "candidates", lambda self, bands: {})
    monkeypatch.setattr(DuckDBCandidateIndex, "candidates", lambda self, bands: {})


def _two_runs(index, first, second, publish_run):
    publish_run(first, dedupe_batch(first, index, "run-1"))
    return dedupe_batch(second, index, "run-2")


def _indexes(con):
    memory = InMemoryIndex()
    return {"memory": (memory, memory.publish),
            "duckdb": (DuckDBCandidateIndex(con), lambda docs, result: publish(con, docs, result, "run-1"))}


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_a_condensed_rewrite_of_a_document_stored_a_run_earlier_is_found(con, monkeypatch, kind):
    _condensed_shares_no_bucket(monkeypatch)
    index, publish_run = _indexes(con)[kind]
    source = document("src", SOURCE, published="2026-04-02")
    result = _two_runs(index, [source], [document("short", CONDENSED)], publish_run)
    assert [(p.doc_id, p.duplicate_of, p.level) for p in result.pairs] == [("short", "src", "rewrite")]
    assert result.assignments["short"].duplicate_of == result.assignments["short"].cluster_id == "src"
    assert result.stats["second_chance"] == 1 and result.stats["second_chance_fetched"] == 1
    assert result.changes == []  # the stored original keeps its place: nothing earlier changed


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_an_independent_report_of_the_same_event_stays_apart(con, monkeypatch, kind):
    _condensed_shares_no_bucket(monkeypatch)
    index, publish_run = _indexes(con)[kind]
    source = document("src", SOURCE, published="2026-04-02")
    result = _two_runs(index, [source], [document("own", INDEPENDENT)], publish_run)
    assert result.pairs == []
    assert result.assignments["own"].duplicate_of is None


@pytest.mark.parametrize("kind", ["memory", "duckdb"])
def test_without_the_second_chance_the_stored_source_is_not_offered(con, monkeypatch, kind):
    _condensed_shares_no_bucket(monkeypatch)
    monkeypatch.setattr(candidates, "SECOND_CHANCE", 0)
    index, publish_run = _indexes(con)[kind]
    result = _two_runs(index, [document("src", SOURCE)], [document("short", CONDENSED)], publish_run)
    assert result.pairs == []


def test_a_rewrite_arriving_first_names_its_later_original_and_the_change_is_reported(con, monkeypatch):
    """The rewrite loaded alone, its dated source a run later: the source becomes the canonical original, the
    rewrite's verdict changes to name it, with a duplicate_pairs row that says the same."""
    _condensed_shares_no_bucket(monkeypatch)
    index = InMemoryIndex()
    short = document("short", CONDENSED)
    result = _two_runs(index, [short], [document("src", SOURCE, published="2026-04-02")], index.publish)
    assert result.assignments["short"].duplicate_of == "src" and result.assignments["src"].duplicate_of is None
    assert [(p.doc_id, p.duplicate_of, p.level) for p in result.pairs] == [("short", "src", "rewrite")]
    assert [c["doc_id"] for c in result.changes] == ["short"]


def test_both_indexes_give_the_same_stem_neighbours(con):
    docs = [document("src", SOURCE), document("own", INDEPENDENT),
            document("other", "A bakery opened on the high street in Dunmore on Saturday, selling rye loaves.")]
    memory = InMemoryIndex()
    first = dedupe_batch(docs, memory, "run-1")
    memory.publish(docs, first)
    publish(con, docs, first, "run-1")
    query = vocabulary.table({"short": vocabulary.stems_of(Profile.of(CONDENSED))})
    for rarest, limit in ((16, 12), (3, 1), (1, 3)):
        assert memory.stem_neighbours(query, rarest, limit) == DuckDBCandidateIndex(con).stem_neighbours(
            query, rarest, limit)
    assert memory.stem_neighbours(query, 16, 12)["short"][0] == "src"
    assert "other" not in memory.stem_neighbours(query, 16, 12)["short"]  # shares no rare stem
