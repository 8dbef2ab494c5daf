"""The scheduled flow: one run over the inbox, read top to bottom as the list of stages."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from newsfacts import steps
from newsfacts.faults import checkpoint
from newsfacts.config import Settings
from newsfacts.progress import Reporter, make_reporter
from newsfacts.runs import RunSummary, Tally, chunk_counts, close_run, publish_chunk, publish_in_chunks
from newsfacts.warehouse.lock import run_lock

# Retries only where the work is I/O on the warehouse file (a reader may hold it for a moment).
_io = dict(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10])
_cpu = dict(cache_policy=NO_CACHE)

begin_run = task(steps.begin_run, name="begin-run", **_io)
stage = task(steps.stage, name="stage", **_cpu)
parse = task(steps.parse_batch, name="parse", **_cpu)
dedupe = task(steps.dedupe, name="dedupe", **_io)
extract_parsed = task(steps.extract_parsed, name="extract", **_cpu)
load = task(steps.load, name="load", **_cpu)
validate_and_publish = task(publish_chunk, name="validate-publish-models", **_cpu)
report_and_close = task(close_run, name="report", **_io)
finish = task(steps.finish, name="finish", **_io)


def _gather(futures, stage_name: str, report) -> list:
    """Results of a stage's batch tasks in order, reporting progress as they complete."""
    results = []
    for i, future in enumerate(futures, 1):
        results.append(future.result())
        report(stage_name, i, len(futures))
    return results


@flow(name="newsfacts-run", log_prints=False)
def newsfacts_run(inbox: str | None = None, warehouse: str | None = None, batch_size: int | None = None,
                  nlp_workers: int | None = None, lock_wait_seconds: float | None = None,
                  publish_every: int | None = None, quiet: bool = False) -> RunSummary:
    """stage, then per chunk of new files: parse -> dedupe -> extract -> load -> validate -> publish -> models
    (the next chunk's parse and extract run during this one's validate and publish); then the run's report."""
    settings = Settings().with_(inbox=Path(inbox) if inbox else None, warehouse=Path(warehouse) if warehouse else None,
                                batch_size=batch_size, nlp_workers=nlp_workers, lock_wait_seconds=lock_wait_seconds,
                                publish_every=publish_every)
    report = make_reporter(quiet=quiet)
    run_id = steps.new_run_id()
    with run_lock(settings.lock_path, run_id, settings.lock_wait_seconds):
        known = begin_run(settings, run_id)
        tally = Tally()
        try:
            staged = stage(settings, run_id, known, report)
            checkpoint("after-stage")
            publish_in_chunks(settings, run_id, staged, tally, report, _FlowChunk, validate_and_publish)
            return report_and_close(settings, run_id, tally)
        except BaseException as exc:
            finish(settings, run_id, "failed", tally.counts, error=f"{type(exc).__name__}: {exc}")
            raise


class _FlowChunk:
    """A chunk whose parse tasks, and the extract task of each parse batch, are submitted: the NLP workers take
    them in turn while the flow publishes the chunk before (see publish_in_chunks)."""

    def __init__(self, settings: Settings, run_id: str, chunk: steps.Chunk, report: Reporter) -> None:
        self.settings, self.run_id, self.chunk, self.report = settings, run_id, chunk, report
        workers = settings.nlp_workers
        self.parsing = [parse.submit(b, workers) for b in steps.chunks(chunk.files, settings.batch_size)]
        self.extracting = [extract_parsed.submit(p, workers) for p in self.parsing]

    def finish(self) -> tuple[dict[str, Path], dict]:
        """Only the files and the chunk's counts outlive this call, so the publish and the next chunk start with
        nothing of it in memory."""
        parsed = steps.Parsed.merge(_gather(self.parsing, "parse", self.report))
        checkpoint("after-parse")
        # The whole chunk goes to the tasks that run here quoted: Prefect would otherwise walk every record looking
        # for futures (half a minute for a 1k chunk's load). Not to submitted tasks: the Dask runner passes a quote
        # on as is.
        deduped = dedupe(self.settings, self.run_id, quote(parsed.documents))
        checkpoint("after-dedupe")
        steps.prepare_audit()
        facts = _gather(self.extracting, "extract", self.report)
        checkpoint("after-extract")
        files = load(self.settings, self.run_id, quote(steps.assemble(self.run_id, self.chunk, parsed, deduped, facts)))
        checkpoint("after-load")
        return files, chunk_counts(parsed)

    def discard(self) -> None:
        """Prefect futures cannot be cancelled: the submitted tasks end, and their results are dropped."""
        for future in self.parsing + self.extracting:
            future.wait()
