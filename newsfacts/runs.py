"""A run's publish chunks and its end: publish each chunk, sum the counts, write the report, record the outcome."""

from __future__ import annotations

import functools
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from newsfacts import steps
from newsfacts.config import Settings
from newsfacts.faults import checkpoint
from newsfacts.progress import Reporter, in_chunk, silent
from newsfacts.staging import StageResult
from newsfacts.warehouse.db import open_ro
from newsfacts.warehouse.lock import run_lock
from newsfacts.warehouse.publish import Auditors, PublishOutcome, publish


@dataclass
class RunSummary:
    """What a person needs to know when a run ends."""

    run_id: str
    status: str  # published | nothing_new | audit_failed
    counts: dict
    report_path: str | None = None
    reason: str | None = None
    model_timings: list = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """Non-zero only when nothing could be processed: new files arrived and none became a document."""
        if self.status == "audit_failed":
            return 1
        new = self.counts.get("files_new", 0)
        return 1 if new and not self.counts.get("documents_loaded", 0) else 0

    def lines(self) -> list[str]:
        c = self.counts
        out = [
            f"run {self.run_id}: {self.status}",
            f"  files seen {c.get('files_seen', 0)}, new {c.get('files_new', 0)}, "
            f"duplicate {c.get('files_duplicate', 0)}, rejected {c.get('files_rejected', 0)}",
            f"  documents loaded {c.get('documents_loaded', 0)}",
        ]
        if self.reason:
            out.append(f"  {self.reason}")
        if self.report_path:
            out.append(f"  report: {self.report_path}")
        return out


# GX Data Docs cost ~5 MB a run (GX copies its static site each time): a schedule every 15 minutes would fill
# disks, so only the latest runs keep theirs. Reports, dq_results and failed batches are always kept.
KEEP_DATA_DOCS = 20


def prune_data_docs(runs_dir: Path, keep: int) -> None:
    """Remove the Data Docs (and GX's scratch folder) of all but the newest `keep` runs (run ids sort by time)."""
    runs = sorted(p for p in runs_dir.iterdir() if p.is_dir()) if runs_dir.is_dir() else []
    for run in runs[:-keep] if keep else runs:
        for name in ("data_docs", "gx"):
            shutil.rmtree(run / name, ignore_errors=True)


def staged_counts(staged: StageResult) -> dict:
    """The run's file counts as staging found them (parse rejections are added per chunk)."""
    return {
        "files_seen": staged.files_seen,
        "files_new": len(staged.rows),
        "files_duplicate": staged.count("duplicate"),
        "files_rejected": staged.count("rejected"),
        "documents_loaded": 0,
    }


def chunk_counts(parsed: steps.Parsed) -> dict:
    """What one chunk adds to the run's counts: files the parser rejected, documents to publish."""
    return {"files_rejected": sum(1 for f in parsed.files if f.status == "rejected"),
            "documents_loaded": len(parsed.documents)}


@dataclass
class Tally:
    """A run's counts as its chunks publish, and the last publish's outcome: what the run record says, even when a
    later chunk fails."""

    counts: dict = field(default_factory=dict)
    last: PublishOutcome | None = None
    model_timings: list = field(default_factory=list)

    def add(self, more: dict, outcome: PublishOutcome) -> None:
        """One more chunk; its documents count only if its publish went through."""
        more = more if outcome.published else {**more, "documents_loaded": 0}
        self.counts = {**self.counts, **{key: self.counts.get(key, 0) + n for key, n in more.items()}}
        self.last, self.model_timings = outcome, self.model_timings + outcome.model_timings


class ChunkWork(Protocol):
    """A chunk whose parsing and NLP have started (see StartChunk)."""

    def finish(self) -> tuple[dict[str, Path], dict]:
        """Dedupe against the warehouse as it is now, wait for the facts, write the batch: its files and counts."""

    def discard(self) -> None:
        """Let the work already started end, and drop it (the chunk is read again by the next run)."""


StartChunk = Callable[[Settings, str, steps.Chunk, Reporter], ChunkWork]
PublishChunk = Callable[[Settings, str, dict[str, Path], Reporter], PublishOutcome]


def publish_in_chunks(settings: Settings, run_id: str, staged: StageResult, tally: Tally, report: Reporter,
                      start_chunk: StartChunk, publish_chunk: PublishChunk) -> None:
    """Each chunk of the run's new files loaded (parse to Parquet), then published, in order; a failed audit stops
    the run there (later chunks wait for the next run). The next chunk's parsing and NLP start before this chunk's
    audit and publish, which run in this process on one core: the NLP workers keep the others busy meanwhile. Its
    dedupe waits for the publish, since it must see this chunk's documents. The flow passes its tasks,
    run_in_process plain calls."""
    tally.counts = staged_counts(staged)
    chunks = list(steps.plan_chunks(staged, settings.publish_every))

    def start(chunk: steps.Chunk) -> ChunkWork:
        return start_chunk(settings, run_id, chunk, in_chunk(report, chunk.number, chunk.of))

    ahead = start(chunks[0]) if chunks else None
    try:
        for k, chunk in enumerate(chunks):
            work, ahead = ahead, None
            files, more = work.finish()
            ahead = start(chunks[k + 1]) if k + 1 < len(chunks) else None
            tally.add(more, publish_chunk(settings, run_id, files, in_chunk(report, chunk.number, chunk.of)))
            if not tally.last.published:
                break
    finally:
        if ahead is not None:
            ahead.discard()


def auditors(settings: Settings) -> Auditors:
    """The real checks and models; imported here so the publisher itself stays independent of them."""
    from newsfacts import models, quality
    from newsfacts.config import SQL_DIR

    def build_models(con):
        # Inside the publish transaction, from the batch schema: only what this chunk touched is recomputed, and
        # the models and the search index always match the documents they are published with.
        return models.refresh(con, SQL_DIR)

    return Auditors(
        audit_batch=functools.partial(quality.audit_batch, settings=settings),
        build_models=build_models,
        audit_models=functools.partial(quality.audit_models, settings=settings),
    )


def publish_chunk(settings: Settings, run_id: str, files: dict[str, Path], report: Reporter = silent) -> PublishOutcome:
    """Audit and publish one chunk's batch in its own transaction; its Parquet goes once it is in the warehouse."""
    report("publish", 0, 1)
    outcome = publish(settings.warehouse, run_id, files, auditors(settings), settings.publish_wait_seconds,
                      notify=lambda msg: print(f"  {msg}"))
    report("publish", 1, 1)
    checkpoint("after-publish")
    if outcome.published:
        shutil.rmtree(settings.runs_dir / run_id / "batch", ignore_errors=True)
    return outcome


def close_run(settings: Settings, run_id: str, tally: Tally) -> RunSummary:
    """Record the run's outcome (its last chunk's: a failed audit stops the run), write its report, prune."""
    from newsfacts.report import build_run_report

    last = tally.last
    if last is None:
        status, reason = "nothing_new", None
    else:
        status, reason = ("published" if last.published else "audit_failed"), last.reason
    report_path = settings.runs_dir / run_id / "report.html"
    steps.finish(settings, run_id, status, tally.counts, error=reason, report_path=str(report_path))
    with open_ro(settings.warehouse) as con:
        build_run_report(con, run_id, settings)
    prune_data_docs(settings.runs_dir, KEEP_DATA_DOCS)
    return RunSummary(run_id, status, tally.counts, str(report_path), reason, tally.model_timings)


def run_in_process(settings: Settings, report: Reporter = silent) -> RunSummary:
    """The flow's stages in this process, without Prefect (flows/pipeline.py is the same list as tasks)."""
    run_id = steps.new_run_id()
    with run_lock(settings.lock_path, run_id, settings.lock_wait_seconds):
        known = steps.begin_run(settings, run_id)
        tally = Tally()
        try:
            staged = steps.stage(settings, run_id, known, report)
            publish_in_chunks(settings, run_id, staged, tally, report, _start_in_process, publish_chunk)
            return close_run(settings, run_id, tally)
        except BaseException as exc:
            steps.finish(settings, run_id, "failed", tally.counts, error=f"{type(exc).__name__}: {exc}")
            raise


class _InProcessChunk:
    """A chunk parsed in a thread of this process (the parsing itself runs in the NLP worker processes), its
    extraction handed to the workers as soon as it is parsed. Each step is a method of its own so the pipeline
    benchmark can time them (benchmarks/pipeline.py) without a second copy of the sequence."""

    def __init__(self, settings: Settings, run_id: str, chunk: steps.Chunk, report: Reporter) -> None:
        self._settings, self._run_id, self._chunk, self._report = settings, run_id, chunk, report
        self._thread = ThreadPoolExecutor(1, thread_name_prefix=f"chunk-{chunk.number}")
        self._started = self._thread.submit(self._parse_and_hand_over)

    def _parse_and_hand_over(self) -> tuple[steps.Parsed, list[steps.PendingFacts]]:
        parsed = self._parse()
        self._report("parse", len(self._chunk.files), len(self._chunk.files))
        size, workers = self._settings.batch_size, self._settings.nlp_workers
        return parsed, [steps.start_extract(b, workers) for b in steps.chunks(parsed.documents, size)]

    def _parse(self) -> steps.Parsed:
        size, workers = self._settings.batch_size, self._settings.nlp_workers
        return steps.Parsed.merge([steps.parse_batch(b, workers) for b in steps.chunks(self._chunk.files, size)])

    def finish(self) -> tuple[dict[str, Path], dict]:
        parsed, pending = self._wait_parsed()
        deduped, facts = self._dedupe_and_extract(parsed, pending)
        return self._load(parsed, deduped, facts), chunk_counts(parsed)

    def _wait_parsed(self) -> tuple[steps.Parsed, list[steps.PendingFacts]]:
        try:
            return self._started.result()
        finally:
            self._thread.shutdown()

    def _dedupe_and_extract(self, parsed: steps.Parsed, pending: list[steps.PendingFacts]) -> tuple:
        """Dedupe (and the audit's imports) in this process while the workers extract."""
        deduped = self._dedupe(parsed)
        steps.prepare_audit()
        facts = [p.result() for p in pending]
        self._report("extract", len(parsed.documents), len(parsed.documents))
        return deduped, facts

    def _dedupe(self, parsed: steps.Parsed):
        return steps.dedupe(self._settings, self._run_id, parsed.documents)

    def _load(self, parsed: steps.Parsed, deduped, facts: list) -> dict[str, Path]:
        batch = steps.assemble(self._run_id, self._chunk, parsed, deduped, facts)
        return steps.load(self._settings, self._run_id, batch)

    def discard(self) -> None:
        try:
            _, pending = self._started.result()
            for p in pending:
                p.discard()
        except Exception:
            pass  # the run is already ending on an error of its own
        finally:
            self._thread.shutdown()


def _start_in_process(settings: Settings, run_id: str, chunk: steps.Chunk, report: Reporter) -> ChunkWork:
    return _InProcessChunk(settings, run_id, chunk, report)
