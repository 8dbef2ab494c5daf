"""Write-audit-publish: load a run's batch beside the published tables, audit it, swap it in atomically."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Protocol

import duckdb

from newsfacts.config import DEFAULT_DUCKDB_MEMORY_LIMIT
from newsfacts.warehouse.db import ensure_schema, now, open_rw
from newsfacts.warehouse.tables import BATCH_TABLES, PER_DOCUMENT_TABLES, PUBLISHED_TABLES, SHARED_TABLES

_BATCH_ONLY_DDL = """
CREATE TABLE {schema}.document_updates (
    doc_id VARCHAR, duplicate_of VARCHAR, duplicate_level VARCHAR, cluster_id VARCHAR
)"""


class AuditResult(Protocol):
    results: list
    blocking: bool


@dataclass
class Auditors:
    """The checks and models the publisher runs inside its transaction (see newsfacts.quality and
    newsfacts.transform.models)."""

    audit_batch: Callable[[duckdb.DuckDBPyConnection, str], AuditResult]
    build_models: Callable[[duckdb.DuckDBPyConnection], list]
    audit_models: Callable[[duckdb.DuckDBPyConnection, str, list[str]], AuditResult]


@dataclass
class PublishOutcome:
    published: bool
    failed_schema: str | None = None
    dq_results: list = field(default_factory=list)
    model_timings: list = field(default_factory=list)
    reason: str | None = None


def failed_schema_name(run_id: str) -> str:
    """Where a batch that failed its audit is kept for inspection (an identifier made from our own run id)."""
    return "failed_" + re.sub(r"[^a-z0-9]+", "_", run_id.lower())


def load_batch_schema(con: duckdb.DuckDBPyConnection, schema: str, files: dict[str, Path]) -> None:
    """Create <schema> with every published table's shape and fill it from the run's Parquet files."""
    con.execute(f"CREATE SCHEMA {schema}")
    for table in PUBLISHED_TABLES:  # identifiers from the fixed list only; ensure_schema created each in main
        con.execute(f"CREATE TABLE {schema}.{table} AS SELECT * FROM main.{table} LIMIT 0")
    con.execute(_BATCH_ONLY_DDL.format(schema=schema))
    for table, path in files.items():
        if table in BATCH_TABLES:
            con.execute(f"INSERT INTO {schema}.{table} BY NAME SELECT * FROM read_parquet(?)", [str(path)])


def apply_batch(con: duckdb.DuckDBPyConnection, schema: str = "batch") -> None:
    """Merge the batch into the published tables; safe to repeat (delete-then-insert, insert-or-ignore).

    It also leaves two lists in <schema> for the model refresh that follows: republished_documents, the
    documents published before whose earlier facts it replaces, and new_entity_names, the entities that are new,
    go by a new alias or take a fuller name (the fullest name wins, as within a run, so the name an entity ends
    with does not depend on how its documents were split into runs or chunks).
    """
    con.execute(f"""
        CREATE OR REPLACE TABLE {schema}.republished_documents AS
        SELECT doc_id FROM main.documents WHERE doc_id IN (SELECT doc_id FROM {schema}.documents)""")
    con.execute(f"DELETE FROM main.documents WHERE doc_id IN (SELECT doc_id FROM {schema}.documents)")
    con.execute(f"INSERT INTO main.documents BY NAME SELECT * FROM {schema}.documents")
    for table in PER_DOCUMENT_TABLES:  # reloading a document replaces its rows
        con.execute(f"DELETE FROM main.{table} WHERE doc_id IN (SELECT doc_id FROM {schema}.documents)")
        con.execute(f"INSERT INTO main.{table} BY NAME SELECT * FROM {schema}.{table}")
    # A document has one duplicate_pairs row, for its documents.duplicate_of: a re-linked or republished document's
    # earlier row goes, and so does that of one that became its story's original.
    con.execute(f"""
        DELETE FROM main.duplicate_pairs
        WHERE doc_id IN (SELECT doc_id FROM {schema}.documents
                         UNION ALL SELECT doc_id FROM {schema}.document_updates
                         UNION ALL SELECT doc_id FROM {schema}.duplicate_pairs)""")
    con.execute(f"INSERT INTO main.duplicate_pairs BY NAME SELECT * FROM {schema}.duplicate_pairs")
    con.execute(f"""
        DELETE FROM main.verdict_changes AS c
        WHERE EXISTS (SELECT 1 FROM {schema}.verdict_changes b WHERE b.run_id = c.run_id AND b.doc_id = c.doc_id)""")
    con.execute(f"INSERT INTO main.verdict_changes BY NAME SELECT * FROM {schema}.verdict_changes")
    con.execute(f"""
        UPDATE main.documents AS d
        SET duplicate_of = u.duplicate_of, duplicate_level = u.duplicate_level, cluster_id = u.cluster_id
        FROM {schema}.document_updates AS u
        WHERE d.doc_id = u.doc_id""")
    con.execute(f"""
        CREATE OR REPLACE TABLE {schema}.fuller_entity_names AS
        SELECT b.entity_id, b.name
        FROM {schema}.entities AS b
        JOIN main.entities AS e USING (entity_id)
        WHERE length(b.name) > length(e.name) OR (length(b.name) = length(e.name) AND b.name > e.name)
        QUALIFY row_number() OVER (PARTITION BY b.entity_id ORDER BY length(b.name) DESC, b.name DESC) = 1""")
    con.execute(f"""
        UPDATE main.entities AS e SET name = f.name
        FROM {schema}.fuller_entity_names AS f
        WHERE e.entity_id = f.entity_id""")
    con.execute(f"""
        CREATE OR REPLACE TABLE {schema}.new_entity_names AS
        SELECT entity_id FROM {schema}.entities
        WHERE entity_id NOT IN (SELECT entity_id FROM main.entities)
        UNION
        SELECT entity_id FROM {schema}.entity_aliases AS b
        WHERE NOT EXISTS (SELECT 1 FROM main.entity_aliases AS a WHERE a.entity_id = b.entity_id AND a.alias = b.alias)
        UNION
        SELECT entity_id FROM {schema}.fuller_entity_names""")
    for table in SHARED_TABLES:  # new ids are added, known ones kept
        con.execute(f"INSERT OR IGNORE INTO main.{table} BY NAME SELECT DISTINCT * FROM {schema}.{table}")
    con.execute(f"""
        INSERT INTO main.raw_files BY NAME
        SELECT * FROM {schema}.raw_files b
        WHERE NOT EXISTS (SELECT 1 FROM main.raw_files r
                          WHERE r.path = b.path AND r.sha256 IS NOT DISTINCT FROM b.sha256)""")


def record_dq_results(con: duckdb.DuckDBPyConnection, results: list) -> None:
    rows = [
        (r.run_id, r.table_name, r.expectation, r.severity, r.success, r.status,
         None if r.observed_value is None else str(r.observed_value),
         json.dumps(r.unexpected_examples, default=str, ensure_ascii=False), r.doc_ids, r.checked_at or now())
        for r in results
    ]
    if rows:
        con.executemany("INSERT INTO dq_results (run_id, table_name, expectation, severity, success, status,"
                        " observed_value, unexpected_examples, doc_ids, checked_at)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


class Publication:
    """One chunk's write-audit-publish transaction, step by step: the flow runs validate, publish and refresh-models
    as tasks of their own on it, and the transaction commits only once all three ran and every check passed."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str, files: dict[str, Path], auditors: Auditors):
        self.con, self.run_id, self.files, self.auditors = con, run_id, files, auditors
        self.results: list = []
        self.model_timings: list = []
        self.steps_done: list[str] = []
        self.blocking = False
        self.outcome: PublishOutcome | None = None  # set when the transaction ends

    def validate(self) -> bool:
        """Load the batch into schema `batch` beside the published tables and audit it; False when it must not
        be published."""
        load_batch_schema(self.con, "batch", self.files)
        return self._checked("validate", self.auditors.audit_batch(self.con, self.run_id))

    def apply(self) -> None:
        """Merge the audited batch into the published tables (seen by this transaction only until it commits)."""
        if self.steps_done != ["validate"] or self.blocking:
            raise RuntimeError("a batch is published only once it passed its audit")
        apply_batch(self.con, "batch")
        self.steps_done.append("publish")

    def refresh_models(self) -> bool:
        """Refresh the SQL models and the search index from the merged tables, then audit the rows rewritten."""
        if self.steps_done != ["validate", "publish"]:
            raise RuntimeError("the models are refreshed once the batch is published in the transaction")
        self.model_timings = self.auditors.build_models(self.con)
        audit = self.auditors.audit_models(self.con, self.run_id, [t.name for t in self.model_timings])
        return self._checked("refresh-models", audit)

    @property
    def complete(self) -> bool:
        """Every step ran and no critical check failed: the transaction may commit."""
        return self.steps_done == ["validate", "publish", "refresh-models"] and not self.blocking

    def _checked(self, step: str, audit: AuditResult) -> bool:
        self.results += list(audit.results)
        self.blocking = self.blocking or audit.blocking
        self.steps_done.append(step)
        return not self.blocking

    def failure_reason(self) -> str:
        failed = sorted({f"{r.table_name}.{r.expectation}" for r in self.results
                         if r.success is False and r.severity == "critical"})
        return "critical expectations failed: " + ", ".join(failed) if failed else "not published"


@contextlib.contextmanager
def publication(warehouse: Path, run_id: str, files: dict[str, Path], auditors: Auditors, wait_seconds: float = 0.0,
                notify: Callable[[str], None] | None = None,
                memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> Iterator[Publication]:
    """The write transaction of one chunk's batch. It commits when the block ends with the publication complete;
    otherwise (a critical check failed, or an error) it rolls back, leaving the published tables as they were, and
    a batch that failed its checks is kept in failed_<run> for inspection. `outcome` is set when the block ends."""
    with open_rw(warehouse, wait_seconds, notify, memory_limit=memory_limit) as con:
        ensure_schema(con)
        # DuckDB refuses to commit a transaction that both drops batch.<t> and writes main.<t>,
        # so the scratch schema is dropped in transactions of its own, before and after.
        con.execute("DROP SCHEMA IF EXISTS batch CASCADE")
        con.execute("BEGIN TRANSACTION")
        txn = Publication(con, run_id, files, auditors)
        try:
            yield txn
            if txn.complete:
                record_dq_results(con, txn.results)
                con.execute("COMMIT")
            else:
                con.execute("ROLLBACK")
        except BaseException:
            con.interrupt()  # a query a signal interrupted still runs inside DuckDB (see db.close)
            con.execute("ROLLBACK")
            raise
        finally:
            con.execute("DROP SCHEMA IF EXISTS batch CASCADE")
        if txn.complete:
            txn.outcome = PublishOutcome(published=True, dq_results=txn.results, model_timings=txn.model_timings)
            return
        # The published tables are as they were; keep the batch and the failures for inspection.
        schema = failed_schema_name(run_id)
        con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        con.execute("BEGIN TRANSACTION")
        load_batch_schema(con, schema, files)
        record_dq_results(con, txn.results)
        con.execute("COMMIT")
        txn.outcome = PublishOutcome(published=False, failed_schema=schema, dq_results=txn.results,
                                     model_timings=txn.model_timings, reason=txn.failure_reason())


def publish(warehouse: Path, run_id: str, files: dict[str, Path], auditors: Auditors,
            wait_seconds: float = 0.0, notify: Callable[[str], None] | None = None,
            memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> PublishOutcome:
    """A chunk's whole publication in one call, for library use and tests (the flow runs its steps as tasks)."""
    with publication(warehouse, run_id, files, auditors, wait_seconds, notify, memory_limit) as txn:
        if txn.validate():
            txn.apply()
            txn.refresh_models()
    return txn.outcome
