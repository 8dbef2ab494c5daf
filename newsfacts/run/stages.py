"""The pipeline's stages as plain functions over batches: flows/ wraps each in a Prefect task, tests call them."""

from __future__ import annotations

import functools
import importlib
import secrets
import threading
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from newsfacts.config import Settings
from newsfacts.load.batch import Batch, write_batch
from newsfacts.records import Document, Known, RawFile, Segment, Transcript
from newsfacts.run.progress import Reporter, silent
from newsfacts.run.spill import Spilled, spill
from newsfacts.run.workers import IN_PROCESS, Pool
from newsfacts.stage.files import StageResult
from newsfacts.stage.inbox import check_inbox, stage_inbox
from newsfacts.warehouse.db import ensure_schema, finish_run, load_known, open_ro, open_rw, start_run
from newsfacts.warehouse.publish import Publication



_IMPORTING = threading.Lock()


def _stage_package(name: str):
    """A stage's package, imported on first use (the CLI's other commands never load spaCy) and by one thread at a
    time: batch tasks running side by side in one process (the flow's threads, a Dask worker) that import them at
    once can otherwise meet a half-initialised module ("cannot import name ...")."""
    with _IMPORTING:
        return importlib.import_module(name)


def new_run_id() -> str:
    """Sortable and unique: UTC time plus a little randomness."""
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or []


@dataclass
class Chunk:
    """A run's unit of publication: new files parsed, deduped, extracted and published together, then let go."""

    number: int  # 1-based
    of: int
    files: list[RawFile]  # content staged for the first time: what the parser works on
    settled: list[RawFile]  # files staging already settled (duplicate, rejected): recorded with the first chunk


def plan_chunks(staged: StageResult, publish_every: int, publish_bytes: int | None = None) -> list[Chunk]:
    """Split a run's new files into publish chunks of at most publish_every files and publish_bytes bytes (a file
    larger than that is a chunk of its own); none when nothing is new."""
    settled = [r for r in staged.rows if r.status != "staged"]
    groups = _cut(staged.new_files, max(1, publish_every), publish_bytes) or ([[]] if settled else [])
    return [Chunk(i, len(groups), files, settled if i == 1 else []) for i, files in enumerate(groups, 1)]


def _cut(files: list[RawFile], most: int, most_bytes: int | None) -> list[list[RawFile]]:
    groups: list[list[RawFile]] = []
    size = 0
    for row in files:
        if not groups or len(groups[-1]) >= most or (most_bytes is not None and size + (row.bytes or 0) > most_bytes):
            groups.append([])
            size = 0
        groups[-1].append(row)
        size += row.bytes or 0
    return groups


# -- stage --------------------------------------------------------------------------------------------

def begin_run(settings: Settings, run_id: str) -> Known:
    """Create the warehouse if needed, record the run as started, read what was staged before."""
    with open_rw(settings.warehouse, settings.publish_wait_seconds, memory_limit=settings.duckdb_memory_limit) as con:
        ensure_schema(con)
        start_run(con, run_id, settings.inbox)
        return load_known(con)


def stage(settings: Settings, run_id: str, known: Known, report: Reporter = silent) -> StageResult:
    check_inbox(settings.inbox)
    result = stage_inbox(settings.inbox, settings.raw_store, run_id, known, settings.max_file_bytes,
                         progress=lambda n: report("stage", n, None, "files"))
    report("stage", result.files_seen, result.files_seen, "files")
    return result


# -- parse --------------------------------------------------------------------------------------------

@dataclass
class Parsed:
    """One parse batch: documents and their parts, and the final status of every file parsed."""

    files: list[RawFile] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    transcripts: list[Transcript] = field(default_factory=list)
    # The documents' dedupe profiles, bands and stems (newsfacts.dedupe.Prepared) when they were parsed on the
    # worker processes: work the one dedupe process would otherwise do alone.
    prepared: object | None = None

    @classmethod
    def merge(cls, parts: list["Parsed"]) -> "Parsed":
        merged = cls()
        for part in parts:
            for name in ("files", "documents", "segments", "transcripts"):
                getattr(merged, name).extend(getattr(part, name))
        if parts and all(part.prepared is not None for part in parts):
            merged.prepared = _stage_package("newsfacts.dedupe").Prepared.merge([part.prepared for part in parts])
        return merged


def batch_size(items: int, workers: int, most: int) -> int:
    """Files (or documents) per batch task: at most `most`, and few enough that every worker of the pool gets two
    batches of a chunk (a cluster larger than the chunk's batches would otherwise idle; two each evens out batches
    that take longer)."""
    return max(1, min(most, -(-items // (2 * workers))))


def parse_batch(rows: list[RawFile], pool: Pool = IN_PROCESS) -> Parsed:
    """Parse staged files on the run's pool; each ends loaded or rejected with a reason. Their content is read here,
    in the process that staged them, and travels with the batch: a worker on another machine needs no path of this
    one."""
    return pool.submit(parse_contents, rows, [Path(row.stored_path).read_bytes() for row in rows]).result()


def parse_contents(rows: list[RawFile], contents: list[bytes]) -> Parsed:
    """Parse files given their content (the worker's side of parse_batch), and prepare the documents for dedupe
    there too (profiles, LSH bands, vocabulary: per-document work the one dedupe process then need not do)."""
    parse_file = _stage_package("newsfacts.parse").parse_file
    out = Parsed()
    for row, data in zip(rows, contents, strict=True):
        result = parse_file(data, row.path, row.sha256)
        if result.rejected or result.document is None:
            out.files.append(replace(row, status="rejected", reason=result.rejected or "no document"))
            continue
        doc = result.document
        out.files.append(replace(row, status="loaded", format=doc.format))
        out.documents.append(doc)
        out.segments.extend(result.segments)
        if result.transcript:
            out.transcripts.append(result.transcript)
    out.prepared = _stage_package("newsfacts.dedupe").Prepared.of(out.documents)
    return out


# -- dedupe -------------------------------------------------------------------------------------------

def dedupe(settings: Settings, run_id: str, documents: list[Document], prepared=None):
    """Link this run's documents to copies and rewrites among themselves and in the published warehouse
    (`prepared`: Parsed.prepared, their per-document work done on the workers)."""
    package = _stage_package("newsfacts.dedupe")
    if not documents:
        return None
    with open_ro(settings.warehouse, memory_limit=settings.duckdb_memory_limit) as con:
        stale = package.stale_documents(con)
    if stale:
        # Documents banded by an earlier signature version, which the lookup cannot meet: re-banded first, so the
        # first chunk after an upgrade finds them too (its publish would be too late).
        with open_rw(settings.warehouse, settings.publish_wait_seconds,
                     memory_limit=settings.duckdb_memory_limit) as con:
            package.reband(con, stale)
    with open_ro(settings.warehouse, memory_limit=settings.duckdb_memory_limit) as con:
        return package.dedupe_batch(documents, package.DuckDBCandidateIndex(con), run_id, prepared=prepared)


# -- extract ------------------------------------------------------------------------------------------

@functools.cache
def _nlp():
    """The spaCy pipeline, loaded once per worker process (seconds), not once per batch."""
    load_nlp = _stage_package("newsfacts.facts").load_nlp
    return load_nlp()


def extract_documents(documents: list[Document]):
    """Entities, mentions, quotes, events and figures of a batch of documents (the worker's side of extract_batch)."""
    extract_facts = _stage_package("newsfacts.facts").extract_facts
    return extract_facts(documents, nlp=_nlp())


def extract_batch(documents: list[Document], pool: Pool = IN_PROCESS):
    """extract_documents on the run's pool."""
    return pool.submit(extract_documents, documents).result()


def extract_parsed(parsed: Parsed, pool: Pool = IN_PROCESS):
    """extract_batch of a parse batch's documents: the flow queues it as soon as the parse batch is submitted."""
    return extract_batch(parsed.documents, pool)


# -- parse and extract, read ahead: their results on disk until their chunk is loaded (run.spill) -------------

def parse_spilled(rows: list[RawFile], folder: Path, pool: Pool = IN_PROCESS) -> Spilled[Parsed]:
    """parse_batch, its result written to folder: the flow's process holds one batch of it at a time."""
    return spill(parse_batch(rows, pool), folder)


def extract_spilled(parsed: Spilled[Parsed], folder: Path, pool: Pool = IN_PROCESS) -> Spilled[list]:
    """extract_batch of a spilled parse batch's documents, its facts written to folder."""
    documents = parsed.load().documents
    return spill(extract_batch(documents, pool), folder)


def prepare_audit() -> None:
    """Import what the audit needs (Great Expectations takes seconds to import) while the NLP workers are still busy
    and this process would only wait for them; called in the main thread, so no other import runs beside it."""
    for name in ("newsfacts.quality.audit", "great_expectations", "great_expectations.expectations"):
        _stage_package(name)


# -- load ---------------------------------------------------------------------------------------------

def assemble(run_id: str, chunk: Chunk, parsed: Parsed, deduped, facts: list) -> Batch:
    """Gather every table's new rows for this chunk of the run."""
    batch = Batch()
    batch.add("raw_files", parsed.files)
    batch.add("raw_files", chunk.settled)
    new_ids = {d.doc_id for d in parsed.documents}
    assignments = deduped.assignments if deduped else {}
    for doc in parsed.documents:
        a = assignments.get(doc.doc_id)
        batch.add("documents", [{
            **doc.__dict__,
            "duplicate_of": a.duplicate_of if a else None,
            "duplicate_level": a.duplicate_level if a else None,
            "cluster_id": a.cluster_id if a else doc.doc_id,
            "run_id": run_id,
        }])
    batch.add("document_updates", [
        {"doc_id": doc_id, "duplicate_of": a.duplicate_of, "duplicate_level": a.duplicate_level,
         "cluster_id": a.cluster_id}
        for doc_id, a in assignments.items() if doc_id not in new_ids
    ])
    batch.add("transcripts", parsed.transcripts)
    batch.add("segments", parsed.segments)
    if deduped:
        batch.add("duplicate_pairs", [replace(p, run_id=run_id) for p in deduped.pairs])
        batch.add("lsh_bands", deduped.bands)
        batch.add("dedupe_vocabulary", deduped.vocabulary)
        batch.add("dedupe_profiles", deduped.profiles)
        batch.add("verdict_changes", deduped.changes)
    for f in facts:
        for table in ("mentions", "quotes", "events", "quantities"):
            batch.add(table, getattr(f, table))
    batch.add("entities", merge_entities([e for f in facts for e in f.entities], [m for f in facts for m in f.mentions]))
    batch.add("entity_aliases", list({(a.entity_id, a.alias): a for f in facts for a in f.aliases}.values()))
    return batch


def merge_entities(entities: list, mentions: list) -> list:
    """One row per entity id across the chunk's extract batches, named from all its mentions (ids are stable; a
    name chosen per batch would depend on how the chunk was cut into batches)."""
    facts = _stage_package("newsfacts.facts")
    return facts.merge_batch_entities(entities, mentions, facts.lexicon())


def load(settings: Settings, run_id: str, batch: Batch) -> dict[str, Path]:
    """Write the chunk's batch to Parquet in its run folder (kept for inspection if the audit fails)."""
    return write_batch(batch, settings.runs_dir / run_id / "batch")


# -- validate, publish, refresh-models: the steps of one write transaction (run.lifecycle.open_publication) --

def validate(publication: Publication) -> bool:
    """Load the chunk's batch beside the published tables and audit it; False when a critical check failed."""
    return publication.validate()


def publish(publication: Publication) -> None:
    """Merge the audited batch into the published tables; visible to readers once the transaction commits."""
    publication.apply()


def refresh_models(publication: Publication) -> bool:
    """Refresh the SQL models and the search index for what the batch touched, and audit the rows rewritten;
    False when a critical check failed (the whole publish then rolls back)."""
    return publication.refresh_models()


# -- finish -------------------------------------------------------------------------------------------

def finish(settings: Settings, run_id: str, status: str, counts: dict, error: str | None = None,
           report_path: str | None = None) -> None:
    with open_rw(settings.warehouse, settings.publish_wait_seconds, memory_limit=settings.duckdb_memory_limit) as con:
        finish_run(con, run_id, status, counts, error, report_path)
