"""A run's bookkeeping around the flow's stages: counts over its chunks, the chunk read ahead, the publish
transaction's checks, and its end (report, outcome, exit code). flows/pipeline.py runs the stages."""

from __future__ import annotations

import contextlib
import functools
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Generic, Iterator, TypeVar

from newsfacts.config import Settings
from newsfacts.run import stages
from newsfacts.run.cluster import ClusterError
from newsfacts.run.workers import Pool, open_pool
from newsfacts.stage.files import StageResult
from newsfacts.warehouse.db import ensure_schema, finish_run, open_ro, open_rw, start_run
from newsfacts.warehouse.publish import Auditors, Publication, PublishOutcome, publication


@dataclass
class RunSummary:
    """What a person needs to know when a run ends."""

    run_id: str
    status: str  # published | nothing_new | nothing_loaded | audit_failed
    counts: dict
    report_path: str | None = None
    reason: str | None = None  # why the run failed, in one line
    model_timings: list = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """A failure of the data: a critical check stopped the publish, or new files came and none was loaded."""
        return self.status in ("audit_failed", "nothing_loaded")

    @property
    def exit_code(self) -> int:
        """`newsfacts run`'s exit code for a run that ended: 1 a data failure, else 0 (see cli.EXIT_CODES)."""
        return 1 if self.failed else 0

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

    def markdown(self) -> str:
        """The run as a Prefect artifact: its outcome, counts and where its report is."""
        c = self.counts
        out = [f"# newsfacts run {self.run_id}: {self.status}", ""]
        if self.reason:
            out += [f"**{self.reason}**", ""]
        out += ["| files seen | new | duplicate | rejected | documents loaded |", "| --- | --- | --- | --- | --- |",
                f"| {c.get('files_seen', 0)} | {c.get('files_new', 0)} | {c.get('files_duplicate', 0)} "
                f"| {c.get('files_rejected', 0)} | {c.get('documents_loaded', 0)} |", ""]
        if self.report_path:
            out.append(f"Report: `{self.report_path}`")
        return "\n".join(out)


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


def chunk_counts(parsed: stages.Parsed) -> dict:
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


Work = TypeVar("Work")


class ReadAhead(Generic[Work]):
    """A run's chunks, each chunk's reading (parse and NLP) started one chunk ahead: the next chunk starts once this
    one is loaded, so its parse and extract run while this one validates and publishes (on one core, in the flow's
    process), and at most two chunks are in memory. What was started and not taken is dropped at the end."""

    def __init__(self, chunks: list[stages.Chunk], start: Callable[[stages.Chunk], Work],
                 drop: Callable[[Work], None]) -> None:
        self._chunks, self._start, self._drop = chunks, start, drop
        self._ahead: tuple[int, Work] | None = None

    def take(self, chunk: stages.Chunk) -> Work:
        """This chunk's work: started ahead, or now."""
        if self._ahead is not None and self._ahead[0] == chunk.number:
            work, self._ahead = self._ahead[1], None
            return work
        return self._start(chunk)

    def start_next(self, chunk: stages.Chunk) -> None:
        """Start the chunk after this one, if any."""
        if chunk.number < len(self._chunks):
            following = self._chunks[chunk.number]
            self._ahead = (following.number, self._start(following))

    def drop(self) -> None:
        """Let the work started ahead end and drop it (a failed audit or an error stopped the run before it)."""
        if self._ahead is not None:
            work, self._ahead = self._ahead[1], None
            self._drop(work)


def auditors(settings: Settings) -> Auditors:
    """The real checks and models; imported here so the publisher itself stays independent of them."""
    from newsfacts import quality
    from newsfacts.config import SQL_DIR
    from newsfacts.transform import models


    def build_models(con):
        # Inside the publish transaction, from the batch schema: only what this chunk touched is recomputed, and
        # the models and the search index always match the documents they are published with.
        return models.refresh(con, SQL_DIR)

    return Auditors(
        audit_batch=functools.partial(quality.audit_batch, settings=settings),
        build_models=build_models,
        audit_models=functools.partial(quality.audit_models, settings=settings),
    )


@contextlib.contextmanager
def open_publication(settings: Settings, run_id: str, files: dict[str, Path]) -> Iterator[Publication]:
    """A chunk's write-audit-publish transaction with the real checks (see warehouse.publish.publication); once
    it is published, the chunk's Parquet goes."""
    with publication(settings.warehouse, run_id, files, auditors(settings), settings.publish_wait_seconds,
                     notify=lambda msg: print(f"  {msg}"), memory_limit=settings.duckdb_memory_limit) as txn:
        yield txn
    if txn.outcome.published:
        shutil.rmtree(settings.runs_dir / run_id / "batch", ignore_errors=True)


def close_run(settings: Settings, run_id: str, tally: Tally) -> RunSummary:
    """Record the run's outcome (its last chunk's: a failed audit stops the run), write its report, prune. The
    report's path is recorded relative to the warehouse's folder, so a moved warehouse keeps its reports."""
    from newsfacts.report import build_run_report


    last, counts = tally.last, tally.counts
    if last is None:
        status, reason = "nothing_new", None
    elif not last.published:
        status, reason = "audit_failed", last.reason
    elif counts.get("files_rejected") and not counts.get("documents_loaded"):
        status, reason = "nothing_loaded", _nothing_loaded(settings, run_id, counts)
    else:
        status, reason = "published", None
    report_path = settings.runs_dir / run_id / "report.html"
    stages.finish(settings, run_id, status, counts, error=reason,
                 report_path=report_path.relative_to(settings.home).as_posix())
    with open_ro(settings.warehouse, memory_limit=settings.duckdb_memory_limit) as con:
        build_run_report(con, run_id, settings)
    prune_data_docs(settings.runs_dir, KEEP_DATA_DOCS)
    return RunSummary(run_id, status, counts, str(report_path), reason, tally.model_timings)


@contextlib.contextmanager
def open_checked_pool(settings: Settings, run_id: str) -> Iterator[Pool]:
    """The run's pool (workers.open_pool), opened before the run begins: a cluster that fails its check
    (ClusterError) never gets work, yet the run leaves a trace of why (fail_run) before the error goes up."""
    with contextlib.ExitStack() as stack:
        try:
            pool = stack.enter_context(open_pool(settings))
        except ClusterError as exc:
            try:
                fail_run(settings, run_id, f"{type(exc).__name__}: {exc}")
            except Exception as unrecorded:  # noqa: BLE001 - the cluster's error is what the run failed of
                exc.add_note(f"the failed run could not be recorded: {type(unrecorded).__name__}: {unrecorded}")
            raise
        yield pool


def fail_run(settings: Settings, run_id: str, error: str, counts: dict | None = None) -> None:
    """Record the run as failed with its error in one line and its counts so far, begun or not (a cluster fails
    its check before the run begins), and rewrite the index of runs to list it: `newsfacts status`, `newsfacts
    report` and the index say why, not only the terminal that started it."""
    from newsfacts.report import build_index


    with open_rw(settings.warehouse, settings.publish_wait_seconds, memory_limit=settings.duckdb_memory_limit) as con:
        ensure_schema(con)
        if con.execute("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]).fetchone()[0] == 0:
            start_run(con, run_id, settings.inbox)
        finish_run(con, run_id, "failed", counts or {}, error)
    with open_ro(settings.warehouse, memory_limit=settings.duckdb_memory_limit) as con:
        build_index(con, settings)


def _nothing_loaded(settings: Settings, run_id: str, counts: dict) -> str:
    """Why a run with new files loaded none: the commonest reasons its files were rejected."""
    with open_ro(settings.warehouse, memory_limit=settings.duckdb_memory_limit) as con:
        reasons = con.execute("""
            SELECT reason, count(*) AS files FROM raw_files
            WHERE run_id = ? AND status = 'rejected'
            GROUP BY reason ORDER BY files DESC, reason LIMIT 3""", [run_id]).fetchall()
    rejected = counts["files_rejected"]
    why = "; ".join(f"{reason}: {n}" if rejected > 1 else reason for reason, n in reasons)
    more = "; ..." if sum(n for _, n in reasons) < rejected else ""
    return f"nothing loaded: {rejected} new file{'s' if rejected > 1 else ''} rejected ({why}{more})"
