"""The flow: the one runner of the pipeline's stages, read top to bottom as their list."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.states import Failed, State
from prefect.utilities.annotations import quote

from newsfacts.config import Settings
from newsfacts.run import stages
from newsfacts.run.faults import checkpoint
from newsfacts.run.lifecycle import (ReadAhead, RunSummary, Tally, chunk_counts, close_run, fail_run,
                                     open_checked_pool, open_publication, staged_counts)
from newsfacts.run.progress import Reporter, in_chunk, make_reporter
from newsfacts.run.spill import Spilled, discard_all
from newsfacts.run.workers import Pool
from newsfacts.warehouse.lock import run_lock


# Retries only where the work is I/O on the warehouse file (a reader may hold it for a moment).
_io = dict(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10])
_cpu = dict(cache_policy=NO_CACHE)

begin_run = task(stages.begin_run, name="begin-run", **_io)
stage = task(stages.stage, name="stage", **_cpu)
parse = task(stages.parse_spilled, name="parse", **_cpu)
dedupe = task(stages.dedupe, name="dedupe", **_io)
extract = task(stages.extract_spilled, name="extract", **_cpu)
load = task(stages.load, name="load", **_cpu)
# One write transaction (run.lifecycle.open_publication) through the three: none retries, any error rolls it back.
validate = task(stages.validate, name="validate", **_cpu)
publish = task(stages.publish, name="publish", **_cpu)
refresh_models = task(stages.refresh_models, name="refresh-models", **_cpu)
fail = task(fail_run, name="finish", **_io)

REPORT_ARTIFACT = "newsfacts-run-report"


@task(name="report", **_io)
def report(settings: Settings, run_id: str, tally: Tally) -> RunSummary:
    """Record the run's outcome, write its HTML report, and show its counts in Prefect as an artifact."""
    summary = close_run(settings, run_id, tally)
    create_markdown_artifact(key=REPORT_ARTIFACT, markdown=summary.markdown(),
                             description=f"newsfacts run {run_id}: {summary.status}")
    return summary


@flow(name="newsfacts-run", log_prints=False)
def newsfacts_run(inbox: str | None = None, warehouse: str | None = None, batch_size: int | None = None,
                  nlp_workers: int | None = None, lock_wait_seconds: float | None = None,
                  publish_every: int | None = None, duckdb_memory_limit: str | None = None, dask: str | None = None,
                  quiet: bool = False) -> RunSummary | State:
    """stage, then per chunk of new files: parse -> dedupe -> extract -> load -> validate -> publish ->
    refresh-models, then the run's report. The next chunk's parse and extract run while this one validates and
    publishes, on the run's pool (worker processes, or the Dask cluster at `dask`: else $NEWSFACTS_DASK_ADDRESS).
    A failed audit, or new files none of which could be loaded, end as a Failed flow run saying why."""
    settings = Settings.from_env(inbox=inbox or None, warehouse=Path(warehouse) if warehouse else None,
                                 batch_size=batch_size, nlp_workers=nlp_workers, lock_wait_seconds=lock_wait_seconds,
                                 publish_every=publish_every, duckdb_memory_limit=duckdb_memory_limit,
                                 dask_address=dask or None)
    progress = make_reporter(quiet=quiet)
    run_id = stages.new_run_id()
    # The pool opens first: a cluster that cannot do the work is recorded as a failed run before anything is staged.
    with run_lock(settings.lock_path, run_id, settings.lock_wait_seconds), open_checked_pool(settings, run_id) as pool:
        known = begin_run(settings, run_id)
        tally = Tally()
        try:
            staged = stage(settings, run_id, known, progress)
            checkpoint("after-stage")
            tally.counts = staged_counts(staged)
            chunks = stages.plan_chunks(staged, settings.publish_every, settings.publish_bytes)
            # Parse and extract results wait on disk for their chunk (run.spill), not in this process.
            spilled = settings.runs_dir / run_id / "read-ahead"
            workers = _run_pool(pool, chunks)
            reading = ReadAhead(chunks, start=functools.partial(_read, settings, workers, spilled),
                                drop=_Reading.drop)
            try:
                for chunk in chunks:
                    said = in_chunk(progress, chunk.number, chunk.of)
                    # Its parse and extract tasks, submitted now or one chunk ahead. Only the Parquet files and
                    # counts come back: the chunk's rows are let go before the next chunk's arrive.
                    files, counts = _read_and_load(settings, run_id, chunk, reading.take(chunk), said)
                    checkpoint("after-load")
                    reading.start_next(chunk)
                    with open_publication(settings, run_id, files) as txn:  # commits once all three passed
                        passed = validate(quote(txn))
                        checkpoint("publish-after-audit")
                        if passed:
                            publish(quote(txn))
                            documents = counts["documents_loaded"]
                            said("publish", documents, documents, "documents")
                            if refresh_models(quote(txn)):
                                said("models", len(txn.model_timings), len(txn.model_timings), "refreshed")
                                checkpoint("publish-before-commit")
                    checkpoint("after-publish")
                    tally.add(counts, txn.outcome)
                    if not txn.outcome.published:
                        break
            except BaseException:
                pool.stop()  # the run is stopping: the batches read ahead are lost, and nobody waits for them
                raise
            finally:
                reading.drop()
                discard_all(spilled)
            summary = report(settings, run_id, tally)
        except BaseException as exc:
            fail(settings, run_id, f"{type(exc).__name__}: {exc}", tally.counts)
            raise
    get_run_logger().info("\n".join(summary.lines()))
    if summary.failed:
        return Failed(message=summary.reason, data=summary)
    return summary


def _read_and_load(settings: Settings, run_id: str, chunk: stages.Chunk, read: "_Reading",
                   said: Reporter) -> tuple[dict, dict]:
    """parse -> dedupe -> extract -> load of one chunk: its Parquet files and its counts. Its documents, facts and
    dedupe rows live only in here: held by the loop instead, they stayed in memory through the next chunk's parse
    and dedupe, beside that chunk's own rows (benchmarks/README.md, memory). Its spilled batches go once read."""
    try:
        return _load_read(settings, run_id, chunk, read, said)
    finally:
        read.discard()


def _load_read(settings: Settings, run_id: str, chunk: stages.Chunk, read: "_Reading",
               said: Reporter) -> tuple[dict, dict]:
    parsed = read.parse(said)
    checkpoint("after-parse")
    # A chunk's documents and batch go to the tasks that run here quoted: Prefect would otherwise walk every
    # record looking for futures (half a minute for a 1k chunk's load).
    deduped = dedupe(settings, run_id, quote(parsed.documents), quote(parsed.prepared))
    said("dedupe", len(parsed.documents), len(parsed.documents), "documents")
    checkpoint("after-dedupe")
    stages.prepare_audit()
    facts = read.extract(said)
    checkpoint("after-extract")
    files = load(settings, run_id, quote(stages.assemble(run_id, chunk, parsed, deduped, facts)))
    return files, chunk_counts(parsed)


@dataclass
class _Reading:
    """A chunk's parse tasks, and the extract task of each parse batch, submitted together: the NLP workers take
    them in turn while the flow publishes the chunk before. Each task's result waits on disk (run.spill)."""

    files_per_batch: list[int]
    parsing: list[PrefectFuture]
    extracting: list[PrefectFuture]
    documents_per_batch: list[int] = field(default_factory=list)  # once the parse batches are gathered

    def parse(self, said: Reporter) -> stages.Parsed:
        """The chunk's parse batches, merged, as their tasks complete."""
        parts = [s.load() for s in _gather(self.parsing, self.files_per_batch, "parse", said, "files")]
        self.documents_per_batch = [len(p.documents) for p in parts]
        return stages.Parsed.merge(parts)

    def extract(self, said: Reporter) -> list:
        """The facts of each parse batch, as their tasks complete."""
        return [s.load() for s in _gather(self.extracting, self.documents_per_batch, "extract", said, "documents")]

    def discard(self) -> None:
        """Remove the spilled results of the tasks that ended (the chunk was read, or the run is stopping)."""
        for future in self.parsing + self.extracting:
            if future.state.is_completed():
                spilled = future.result()
                if isinstance(spilled, Spilled):
                    spilled.discard()

    def drop(self) -> None:
        """Prefect futures cannot be cancelled: the submitted tasks end, and their results are dropped."""
        for future in self.parsing + self.extracting:
            future.wait()
        self.discard()


def _run_pool(pool: Pool, chunks: list[stages.Chunk]) -> Pool:
    """Where every chunk's parse and extract run: chosen once, by the run's new files. Chosen by each chunk's, a
    chunk cut short by its bytes (~70 saved pages fill `publish_bytes`) ran in this process beside the chunk before's
    publish, and loaded the model here for the rest of the run (benchmarks/README.md, the realistic corpus)."""
    return pool.for_work(sum(len(chunk.files) for chunk in chunks))


def _read(settings: Settings, pool: Pool, spilled: Path, chunk: stages.Chunk) -> _Reading:
    """Submit a chunk's parse and extract batches, as many as keep every worker of the pool busy; their results
    are written to the folder `spilled`."""
    batches = stages.chunks(chunk.files, stages.batch_size(len(chunk.files), pool.size, settings.batch_size))
    parsing = [parse.submit(quote(b), spilled, quote(pool)) for b in batches]
    return _Reading([len(b) for b in batches], parsing, [extract.submit(p, spilled, quote(pool)) for p in parsing])


def _gather(futures: list[PrefectFuture], sizes: list[int], stage_name: str, said: Reporter, unit: str) -> list:
    """Results of a stage's batch tasks in order, reporting the files or documents done as they complete."""
    results, done = [], 0
    for future, size in zip(futures, sizes):
        results.append(future.result())
        done += size
        said(stage_name, done, sum(sizes), unit)
    return results


def run_pipeline(settings: Settings, quiet: bool = True) -> RunSummary:
    """Run the flow once over these settings: the one way in for the CLI, the tests and the benchmarks. Returns
    the run's summary, failed or not (see RunSummary.exit_code); an error that stopped the run is raised. Needs a
    Prefect API: PREFECT_API_URL, flows.server's temporary server, or Prefect's test harness."""
    from prefect.logging.handlers import APILogWorker

    from flows.server import wait_until_recorded

    state = newsfacts_run(inbox=str(settings.inbox), warehouse=str(settings.warehouse),
                          batch_size=settings.batch_size, nlp_workers=settings.nlp_workers,
                          lock_wait_seconds=settings.lock_wait_seconds, publish_every=settings.publish_every,
                          duckdb_memory_limit=settings.duckdb_memory_limit, dask=settings.dask_address,
                          quiet=quiet, return_state=True)
    wait_until_recorded(state.state_details.flow_run_id)
    APILogWorker.drain_all(timeout=5)  # logs go in the background: all sent before a temporary server stops
    result = state.result(raise_on_failure=False)
    if isinstance(result, BaseException):
        raise result
    return result
