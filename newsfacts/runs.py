"""The end of a run: audit and publish the batch, rebuild the models, write the report, record the outcome."""

from __future__ import annotations

import functools
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from newsfacts import steps
from newsfacts.config import Settings
from newsfacts.faults import checkpoint
from newsfacts.progress import Reporter, silent
from newsfacts.staging import StageResult
from newsfacts.warehouse.batch import Batch
from newsfacts.warehouse.db import open_ro
from newsfacts.warehouse.publish import Auditors, publish


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


def run_counts(staged: StageResult, batch: Batch) -> dict:
    files = batch.tables["raw_files"]
    return {
        "files_seen": staged.files_seen,
        "files_new": len(files),
        "files_duplicate": sum(1 for f in files if f.status == "duplicate"),
        "files_rejected": sum(1 for f in files if f.status == "rejected"),
        "documents_loaded": batch.count("documents"),
    }


def auditors(settings: Settings) -> Auditors:
    """The real checks and models; imported here so the publisher itself stays independent of them."""
    from newsfacts import models, quality, query
    from newsfacts.config import SQL_DIR

    def build_models(con):
        timings = models.build_models(con, SQL_DIR)
        query.build_fts_index(con)  # inside the publish transaction: the index always matches the documents
        return timings

    return Auditors(
        audit_batch=functools.partial(quality.audit_batch, settings=settings),
        build_models=build_models,
        audit_models=functools.partial(quality.audit_models, settings=settings),
    )


def publish_and_report(settings: Settings, run_id: str, files: dict[str, Path], counts: dict,
                       report: Reporter = silent) -> RunSummary:
    """Validate and publish (when there is anything new), then write the run's report and close the run."""
    from newsfacts.report import build_run_report

    if counts.get("files_new", 0) == 0:
        status, reason, timings = "nothing_new", None, []
    else:
        report("publish", 0, 1)
        outcome = publish(settings.warehouse, run_id, files, auditors(settings), settings.publish_wait_seconds,
                          notify=lambda msg: print(f"  {msg}"))
        report("publish", 1, 1)
        checkpoint("after-publish")
        status = "published" if outcome.published else "audit_failed"
        reason, timings = outcome.reason, outcome.model_timings
        if not outcome.published:
            counts = {**counts, "documents_loaded": 0}
    if status == "published":
        shutil.rmtree(settings.runs_dir / run_id / "batch", ignore_errors=True)  # it is in the warehouse now
    report_path = settings.runs_dir / run_id / "report.html"
    steps.finish(settings, run_id, status, counts, error=reason, report_path=str(report_path))
    with open_ro(settings.warehouse) as con:
        build_run_report(con, run_id, settings)
    prune_data_docs(settings.runs_dir, KEEP_DATA_DOCS)
    return RunSummary(run_id, status, counts, str(report_path), reason, timings)
