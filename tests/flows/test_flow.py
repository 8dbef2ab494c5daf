"""The flow, run in this process under Prefect's test harness: every stage is a task run, and what Prefect shows
(the run's state and message, its logs, its report artifact) says how the run ended."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (ArtifactFilter, ArtifactFilterFlowRunId, FlowRunFilter, FlowRunFilterId,
                                            LogFilter, LogFilterFlowRunId)
from prefect.client.schemas.sorting import FlowRunSort

from flows.pipeline import REPORT_ARTIFACT, run_pipeline
from newsfacts.config import Settings
from newsfacts.quality.results import Audit, DqResult
from newsfacts.run import lifecycle, stages
from newsfacts.warehouse.db import WarehouseError


pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("prefect_api")]

STAGES = {"begin-run", "stage", "parse", "dedupe", "extract", "load", "validate", "publish", "refresh-models",
          "report"}


def flow_run(warehouse: Path):
    """The latest flow run over this warehouse, as Prefect recorded it."""
    with get_client(sync_client=True) as client:
        found = [r for r in client.read_flow_runs(sort=FlowRunSort.START_TIME_DESC)
                 if r.parameters.get("warehouse") == str(warehouse)]
    return found[0]


def task_runs(flow_run_id) -> list:
    """The flow run's task runs in the order they started."""
    with get_client(sync_client=True) as client:
        found = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return sorted(found, key=lambda r: r.start_time)


def stage_of(task_run) -> str:
    return task_run.name.rsplit("-", 1)[0]


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_each_stage_is_a_task_run_and_the_next_chunk_is_read_while_this_one_publishes(settings: Settings):
    summary = run_pipeline(settings.with_(publish_every=2, batch_size=1))
    assert (summary.status, summary.exit_code) == ("published", 0)
    run = flow_run(settings.warehouse)
    assert run.state.is_completed()
    tasks = task_runs(run.id)
    assert {stage_of(t) for t in tasks} == STAGES
    in_flow = [stage_of(t) for t in tasks if stage_of(t) not in ("parse", "extract")]
    assert in_flow == ["begin-run", "stage"] + ["dedupe", "load", "validate", "publish", "refresh-models"] * 3 \
        + ["report"]
    parses, validates = [t for t in tasks if stage_of(t) == "parse"], [t for t in tasks if stage_of(t) == "validate"]
    refreshes, dedupes = [t for t in tasks if stage_of(t) == "refresh-models"], [t for t in tasks if stage_of(t) == "dedupe"]
    assert len(parses) == 5  # one per batch of one file: chunks of 2, 2 and 1
    assert parses[2].start_time < validates[0].end_time  # chunk 2 parses while chunk 1 validates
    assert all(d.start_time >= r.end_time for d, r in zip(dedupes[1:], refreshes))  # and dedupes once it is published


def test_a_chunks_facts_are_let_go_before_the_next_chunk_is_deduped(settings: Settings, monkeypatch):
    # Held by the flow until the next chunk's facts replaced them, a chunk's rows sat beside the next chunk's
    # through its dedupe: one chunk more in the flow's process than a chunk needs (benchmarks/README.md, memory).
    import gc

    import newsfacts.dedupe
    from newsfacts.records import Mention

    dedupe_batch, others = newsfacts.dedupe.dedupe_batch, []
    gc.collect()
    # Other tests in this process keep mentions of their own (of the same seed files too): only this run's count.
    # Held here, they stay alive, so no mention of the run can take one of their ids.
    before = [o for o in gc.get_objects() if isinstance(o, Mention)]
    earlier = {id(o) for o in before}

    def watched(docs, *args, **kwargs):
        ids = {d.doc_id for d in docs}
        gc.collect()  # only what is still referenced
        alive = [o for o in gc.get_objects() if isinstance(o, Mention) and id(o) not in earlier]
        others.append({o.doc_id for o in alive} - ids)
        return dedupe_batch(docs, *args, **kwargs)

    monkeypatch.setattr(newsfacts.dedupe, "dedupe_batch", watched)
    summary = run_pipeline(settings.with_(publish_every=2, batch_size=1))
    assert summary.status == "published"
    assert len(others) == 3 and others == [set()] * 3  # no other chunk's mentions alive at any chunk's dedupe


def test_the_chunk_read_ahead_waits_on_disk_while_this_one_refreshes_its_models(settings: Settings, monkeypatch):
    # Held as objects, the next chunk's documents and facts sat in the flow's process beside the publish's DuckDB
    # working set (benchmarks/README.md, memory): at each refresh-models, once the next chunk is parsed and
    # extracted, none of the run's documents or mentions is in memory, and its batches are files.
    import gc
    import time

    from newsfacts.records import Document, Mention
    from newsfacts.warehouse.publish import Publication

    refresh, seen = Publication.refresh_models, []
    gc.collect()
    earlier = {id(o) for o in gc.get_objects() if isinstance(o, (Document, Mention))}

    def watched(txn):
        expected = {1: 4, 2: 2, 3: 0}[len(seen) + 1]  # the next chunk's parse and extract batches of one file
        deadline = time.monotonic() + 120
        while len(spilled := list(settings.runs_dir.glob("*/read-ahead/*.pickle"))) < expected:
            assert time.monotonic() < deadline, "the next chunk was not read ahead"
            time.sleep(0.05)
        gc.collect()
        alive = [o for o in gc.get_objects() if isinstance(o, (Document, Mention)) and id(o) not in earlier]
        seen.append((len(spilled), len(alive)))
        return refresh(txn)

    monkeypatch.setattr(Publication, "refresh_models", watched)
    summary = run_pipeline(settings.with_(publish_every=2, batch_size=1))
    assert summary.status == "published"
    assert seen == [(4, 0), (2, 0), (0, 0)]
    assert not list(settings.runs_dir.glob("*/read-ahead"))  # and nothing is left once the run ends


def test_a_run_large_enough_for_a_worker_process_sends_it_every_chunk_however_small(settings: Settings, monkeypatch):
    # Chosen by each chunk's files, a chunk cut short by its bytes (saved pages) ran in the flow's process beside
    # the chunk before's publish, with the spaCy model loaded there (benchmarks/README.md, the realistic corpus).
    from newsfacts.run import workers

    monkeypatch.setattr(workers, "ONE_WORKER_IN_PROCESS_BELOW", 4)  # the run's 5 files reach it, no chunk's 2 do
    sent: list[str] = []

    def to_the_worker(pool, fn, *args):  # runs here: what counts is that the batch went to the worker pool
        sent.append(fn.__name__)
        return workers.IN_PROCESS.submit(fn, *args)

    monkeypatch.setattr(workers.LocalPool, "submit", to_the_worker)
    summary = run_pipeline(settings.with_(nlp_workers=1, publish_every=2, batch_size=1))
    assert summary.status == "published"
    assert sorted(sent) == ["extract_documents"] * 5 + ["parse_contents"] * 5  # every batch, of one file each


def test_a_run_too_small_for_a_worker_process_stays_in_this_process(settings: Settings, monkeypatch):
    from newsfacts.run import workers

    sent: list[str] = []
    monkeypatch.setattr(workers.LocalPool, "submit",
                        lambda pool, fn, *args: sent.append(fn.__name__) or workers.IN_PROCESS.submit(fn, *args))
    summary = run_pipeline(settings.with_(nlp_workers=1, publish_every=2, batch_size=1))  # 5 files, below 200
    assert summary.status == "published" and sent == []


def test_the_summary_is_logged_and_the_report_is_an_artifact_and_a_run_with_nothing_new_completes(settings):
    first = run_pipeline(settings)
    run = flow_run(settings.warehouse)
    with get_client(sync_client=True) as client:
        logs = [log.message for log in client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run.id])))]
        [artifact] = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(
            any_=[run.id])))
    assert any(f"run {first.run_id}: published" in m and "documents loaded 5" in m for m in logs)
    assert artifact.key == REPORT_ARTIFACT and artifact.type == "markdown"
    assert "| 5 | 5 | 0 | 0 | 5 |" in artifact.data and first.report_path in artifact.data

    again = run_pipeline(settings)
    assert (again.status, again.exit_code, again.reason) == ("nothing_new", 0, None)
    assert flow_run(settings.warehouse).state.is_completed()


def _failing_in_chunk(number: int):
    """The real checks, plus a critical failure planted in the audit of chunk `number`."""
    real, calls = lifecycle.auditors, []

    def auditors(settings):
        checks = real(settings)
        audit_batch = checks.audit_batch

        def planted(con, run_id):
            audit = audit_batch(con, run_id)
            calls.append(run_id)
            if len(calls) == number:
                audit = Audit(list(audit.results) + [DqResult(run_id, "documents", "planted_failure", "critical",
                                                              False, None, [], datetime.now())])
            return audit

        checks.audit_batch = planted
        return checks

    return auditors


def test_a_failed_audit_is_a_failed_flow_run_that_says_why_and_stops_at_that_chunk(settings, monkeypatch):
    monkeypatch.setattr(lifecycle, "auditors", _failing_in_chunk(2))
    summary = run_pipeline(settings.with_(publish_every=2, batch_size=1))
    assert (summary.status, summary.exit_code) == ("audit_failed", 1)
    assert summary.reason == "critical expectations failed: documents.planted_failure"
    run = flow_run(settings.warehouse)
    assert run.state.is_failed() and run.state.message == summary.reason
    names = [stage_of(t) for t in task_runs(run.id)]
    # chunk 3 was read ahead (its parse ran) and dropped: it was neither deduped nor validated
    assert (names.count("parse"), names.count("dedupe"), names.count("validate"), names.count("publish")) \
        == (5, 2, 2, 1)
    assert rows(settings.warehouse, "SELECT count(*) FROM documents") == [(2,)]
    assert rows(settings.warehouse, "SELECT status, error FROM runs") == [("audit_failed", summary.reason)]


def test_an_inbox_of_junk_is_a_failed_flow_run_that_says_nothing_was_loaded_and_why(tmp_path):
    inbox = tmp_path / "junk"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    settings = Settings(inbox=inbox, warehouse=tmp_path / "wh" / "newsfacts.duckdb")
    summary = run_pipeline(settings)
    assert (summary.status, summary.exit_code) == ("nothing_loaded", 1)
    assert summary.reason == "nothing loaded: 2 new files rejected (binary file: a PNG image, not text: 1; " \
                             "empty file: 1)"
    assert summary.lines()[-2] == f"  {summary.reason}"
    run = flow_run(settings.warehouse)
    assert run.state.is_failed() and run.state.message == summary.reason


def test_an_error_in_a_stage_fails_the_flow_run_is_recorded_and_is_raised(settings, monkeypatch):
    def full_disk(batch, folder):
        raise WarehouseError("no space left on the disk holding the batch")

    monkeypatch.setattr(stages, "write_batch", full_disk)
    with pytest.raises(WarehouseError, match="no space left"):
        run_pipeline(settings)
    run = flow_run(settings.warehouse)
    assert run.state.is_failed() and "no space left" in run.state.message
    assert rows(settings.warehouse, "SELECT status, error FROM runs") == [
        ("failed", "WarehouseError: no space left on the disk holding the batch")]
    assert rows(settings.warehouse, "SELECT count(*) FROM documents") == [(0,)]
