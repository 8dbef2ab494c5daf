"""A run publishes its new files in chunks: the same warehouse as one publish, each chunk dedupes against the last."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsfacts.config import Settings
from newsfacts.records import RawFile
from newsfacts.report.data import read_run
from newsfacts.run import stages
from newsfacts.run.lifecycle import ReadAhead, Tally
from newsfacts.stage.files import StageResult
from newsfacts.warehouse.publish import PublishOutcome


# What differs between two runs that did the same work: their ids and clocks, the audit results and model refresh
# times per chunk, and where each warehouse keeps its raw copies.
_RUN_TABLES = ("runs", "dq_results", "model_state")
_RUN_COLUMNS = ("run_id", "stored_path")


def published(warehouse: Path) -> dict[str, list[tuple]]:
    """Every published table without its run ids and paths, in a stable order."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY table_name").fetchall()
            if t not in _RUN_TABLES]
        out = {}
        for table in tables:
            columns = [c for (c,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                [table]).fetchall() if c not in _RUN_COLUMNS]
            out[table] = con.execute(f'SELECT {", ".join(columns)} FROM main."{table}" ORDER BY ALL').fetchall()
        return out


def _row(name: str, status: str, size: int = 1) -> RawFile:
    return RawFile(sha256=name * 8, path=name, bytes=size, status=status, reason=None, run_id="r")


@pytest.mark.unit
def test_new_files_are_cut_into_chunks_and_files_settled_at_staging_go_with_the_first():
    staged = StageResult(7, [_row("a", "staged"), _row("b", "rejected"), _row("c", "staged"),
                             _row("d", "duplicate"), _row("e", "staged")])
    plan = stages.plan_chunks(staged, 2)
    assert [([f.path for f in c.files], [f.path for f in c.settled], c.number, c.of) for c in plan] == [
        (["a", "c"], ["b", "d"], 1, 2), (["e"], [], 2, 2)]


@pytest.mark.unit
def test_a_chunk_also_ends_before_its_files_would_pass_the_byte_limit_and_a_larger_file_is_a_chunk_alone():
    staged = StageResult(5, [_row("a", "staged", 40), _row("b", "staged", 50), _row("c", "staged", 300),
                             _row("d", "staged", 10), _row("e", "staged", 10)])
    plan = stages.plan_chunks(staged, 10, publish_bytes=100)
    assert [[f.path for f in c.files] for c in plan] == [["a", "b"], ["c"], ["d", "e"]]
    assert [[f.path for f in c.files] for c in stages.plan_chunks(staged, 2, publish_bytes=1000)] == [
        ["a", "b"], ["c", "d"], ["e"]]


@pytest.mark.unit
def test_a_run_with_only_rejected_files_is_one_chunk_and_a_run_with_nothing_new_is_none():
    assert [(c.files, len(c.settled)) for c in stages.plan_chunks(StageResult(1, [_row("b", "rejected")]), 2)] \
        == [([], 1)]
    assert stages.plan_chunks(StageResult(5, []), 2) == []


@pytest.mark.unit
def test_a_run_counts_files_over_its_chunks_and_documents_only_of_chunks_that_published():
    tally = Tally({"files_seen": 9, "files_new": 8, "files_duplicate": 1, "files_rejected": 1, "documents_loaded": 0})
    tally.add({"files_rejected": 1, "documents_loaded": 3}, PublishOutcome(published=True))
    tally.add({"files_rejected": 0, "documents_loaded": 2}, PublishOutcome(published=False, reason="audit"))
    assert tally.counts == {"files_seen": 9, "files_new": 8, "files_duplicate": 1, "files_rejected": 2,
                            "documents_loaded": 3}
    assert tally.last.reason == "audit"


@pytest.mark.integration
def test_publishing_the_seeds_two_files_at_a_time_gives_the_same_warehouse_as_one_publish(settings: Settings,
                                                                                           tmp_path: Path,
                                                                                           prefect_api):
    from flows.pipeline import run_pipeline

    whole = run_pipeline(settings)
    chunked = run_pipeline(settings.with_(warehouse=tmp_path / "chunked" / "newsfacts.duckdb", publish_every=2))
    assert whole.status == chunked.status == "published"
    assert whole.counts == chunked.counts == {"files_seen": 5, "files_new": 5, "files_duplicate": 0,
                                              "files_rejected": 0, "documents_loaded": 5}
    one, three = published(settings.warehouse), published(tmp_path / "chunked" / "newsfacts.duckdb")
    assert one.keys() == three.keys()
    for table in one:
        assert one[table] == three[table], table
    # The rewrite (004) came in the last chunk and was linked to the AP story (001) published two chunks before it.
    with duckdb.connect(str(tmp_path / "chunked" / "newsfacts.duckdb"), read_only=True) as con:
        assert con.execute("""
            SELECT c.source_path, o.source_path FROM duplicate_pairs p
            JOIN documents c ON c.doc_id = p.doc_id JOIN documents o ON o.doc_id = p.duplicate_of""").fetchall() \
            == [("004_3b96f0cd09c9574e.txt", "001_043759e1e1c18f0b.txt")]
        # one run, audited once per chunk: the documents' checks ran three times
        assert con.execute("SELECT count(DISTINCT run_id), count(*) // count(DISTINCT expectation) FROM dq_results "
                           "WHERE table_name = 'documents'").fetchall() == [(1, 3)]
        assert con.execute("SELECT status, documents_loaded FROM runs").fetchall() == [("published", 5)]
        # The run's report covers every chunk, and lists each expectation once.
        report = read_run(con, chunked.run_id, None)
        assert report.loaded["documents"] == 5 and len(report.files) == 5
        assert len(report.dq) == con.execute("SELECT count(DISTINCT (table_name, expectation)) FROM dq_results") \
            .fetchone()[0]
    assert Path(chunked.report_path).is_file()


def _plan(n: int) -> list[stages.Chunk]:
    return stages.plan_chunks(StageResult(n, [_row(chr(ord("a") + k), "staged") for k in range(n)]), 2)


@pytest.mark.unit
def test_a_chunk_started_ahead_is_taken_as_it_is_and_one_not_started_starts_when_taken():
    events = []
    chunks = _plan(5)
    reading = ReadAhead(chunks, start=lambda c: events.append(f"start {c.number}") or c.number,
                        drop=lambda work: events.append(f"drop {work}"))
    assert reading.take(chunks[0]) == 1
    reading.start_next(chunks[0])
    assert reading.take(chunks[1]) == 2
    reading.start_next(chunks[1])
    reading.start_next(chunks[2])  # the last chunk: nothing follows it
    assert reading.take(chunks[2]) == 3
    reading.drop()
    assert events == ["start 1", "start 2", "start 3"]


@pytest.mark.unit
def test_a_run_that_stops_drops_the_chunk_read_ahead_and_nothing_else():
    events = []
    chunks = _plan(5)
    reading = ReadAhead(chunks, start=lambda c: events.append(f"start {c.number}") or c.number,
                        drop=lambda work: events.append(f"drop {work}"))
    reading.take(chunks[0])
    reading.start_next(chunks[0])
    reading.drop()
    reading.drop()
    assert events == ["start 1", "start 2", "drop 2"]
