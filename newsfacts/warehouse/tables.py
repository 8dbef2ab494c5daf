"""The warehouse's tables in one list: which a run's batch carries, how publish merges each, how a run's report
finds the run's rows. The batch, publish, the audit and the report read it; the columns are in schema.sql."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    name: str
    in_batch: bool = True  # a run's batch carries new rows for it (Parquet, then schema `batch`)
    in_main: bool = True  # a table of the warehouse (main); document_updates lives in a batch only
    per_document: bool = False  # keyed by doc_id: republishing a document replaces its rows
    shared: bool = False  # keyed by a stable id shared across documents and runs: new ids added, known ones kept
    run_stamped: bool = False  # a batch row names the run that wrote it (run_id): a run's rows are found by it
    counted: bool = False  # counted on a run's report among what the run loaded


TABLES = (
    Table("raw_files", run_stamped=True),
    Table("documents", run_stamped=True, counted=True),
    Table("transcripts", per_document=True, counted=True),
    Table("segments", per_document=True, counted=True),
    Table("duplicate_pairs", run_stamped=True, counted=True),
    Table("lsh_bands", per_document=True),
    Table("dedupe_vocabulary", per_document=True),
    Table("dedupe_profiles", per_document=True),
    Table("verdict_changes", run_stamped=True),
    Table("entities", shared=True, counted=True),
    Table("entity_aliases", shared=True, counted=True),
    Table("mentions", per_document=True, counted=True),
    Table("quotes", per_document=True, counted=True),
    Table("events", per_document=True, counted=True),
    Table("quantities", per_document=True, counted=True),
    # dedupe's changes to documents published before: applied to documents, never a table of its own
    Table("document_updates", in_main=False),
    # written by the run itself, not by a batch
    Table("runs", in_batch=False),
    Table("dq_results", in_batch=False),
    Table("model_state", in_batch=False),
)

# What a batch holds, and the tables publish merges it into (in this order).
BATCH_TABLES = tuple(t.name for t in TABLES if t.in_batch)
PUBLISHED_TABLES = tuple(t.name for t in TABLES if t.in_batch and t.in_main)
# Run bookkeeping: in main, never in a batch.
RUN_TABLES = tuple(t.name for t in TABLES if t.in_main and not t.in_batch)
PER_DOCUMENT_TABLES = tuple(t.name for t in TABLES if t.per_document)
SHARED_TABLES = tuple(t.name for t in TABLES if t.shared)
RUN_STAMPED_TABLES = tuple(t.name for t in TABLES if t.run_stamped)
COUNTED_TABLES = tuple(t.name for t in TABLES if t.counted)
