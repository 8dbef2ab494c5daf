"""Open the warehouse: short read-write sessions that wait politely for readers, read-only ones for analysts."""

from __future__ import annotations

import contextlib
import time
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from newsfacts.config import DEFAULT_DUCKDB_MEMORY_LIMIT
from newsfacts.records import Known

class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file and did not let go in time."""


class WarehouseError(RuntimeError):
    """The warehouse cannot be opened or written (read-only file system, disk full, corrupt file)."""


def _is_lock_conflict(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set lock" in text)


def _is_disk_fault(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(m in text for m in ("no space left on device", "disk quota exceeded", "read-only file system"))


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@contextlib.contextmanager
def open_rw(path: Path, wait_seconds: float = 0.0, notify: Callable[[str], None] | None = None, *,
            memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection, retried while readers hold the file; closed on exit so readers can return."""
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    delay, told = 0.2, False
    while True:
        try:
            con = duckdb.connect(str(path), config={"memory_limit": memory_limit})
            break
        except duckdb.IOException as exc:
            if not _is_lock_conflict(exc):
                raise WarehouseError(f"cannot open the warehouse {path} for writing: {exc}") from exc
            if time.monotonic() >= deadline:
                raise WarehouseBusy(
                    f"the warehouse {path} is open in another process (an analyst session or another run); "
                    f"gave up after {wait_seconds:.0f}s. Close other sessions and try again."
                ) from exc
            if notify and not told:
                notify(f"warehouse {path.name} is in use by another process; waiting up to {wait_seconds:.0f}s")
                told = True
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
    try:
        yield con
    except duckdb.Error as exc:
        if not _is_disk_fault(exc):
            raise
        # DuckDB rolled the transaction back: the published tables are as they were.
        raise WarehouseError(f"cannot write the warehouse {path}: {exc}. Free space (or make it writable) "
                             f"and run again") from exc
    finally:
        close(con)


@contextlib.contextmanager
def open_ro(path: Path, *, memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection: statements that write fail, and many readers may share the file."""
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `newsfacts run` first")
    con = duckdb.connect(str(path), read_only=True, config={"memory_limit": memory_limit})
    try:
        yield con
    finally:
        close(con)


def close(con: duckdb.DuckDBPyConnection) -> None:
    """Close a connection, ending first any query still running in it.

    A signal (SIGTERM, Ctrl-C) interrupts a query only on the Python side: DuckDB raises "Query interrupted" and
    the query goes on inside the connection, so close() would wait for it, and so would the next connect() to the
    same file in this process (it shares the still-open database). interrupt() ends it; it costs nothing when no
    query runs, and a connection interrupted that way still rolls back and closes as usual.
    """
    con.interrupt()
    con.close()


def schema_sql() -> str:
    return resources.files("newsfacts.warehouse").joinpath("schema.sql").read_text()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create any missing published table (idempotent)."""
    con.execute(schema_sql())


def load_known(con: duckdb.DuckDBPyConnection) -> Known:
    """The (path, sha256) pairs already recorded and the content already stored, for staging."""
    recorded = set(con.execute("SELECT path, sha256 FROM raw_files").fetchall())
    stored = dict(con.execute(
        "SELECT sha256, min(path) FROM raw_files WHERE status = 'loaded' OR (status = 'rejected' AND stored_path IS NOT NULL) "
        "GROUP BY sha256"
    ).fetchall())
    return Known(recorded=recorded, stored=stored)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, inbox: Path) -> None:
    """Record the run as running; runs a crash left as running are closed as failed first."""
    con.execute(
        "UPDATE runs SET status = 'failed', ended_at = ?, "
        "error = 'interrupted: the process stopped before the run finished' WHERE status = 'running'",
        [now()],
    )
    con.execute("INSERT INTO runs (run_id, started_at, status, inbox) VALUES (?, ?, 'running', ?)",
                [run_id, now(), str(inbox)])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, counts: dict,
               error: str | None = None, report_path: str | None = None) -> None:
    con.execute(
        """
        UPDATE runs SET ended_at = ?, status = ?, error = ?, report_path = coalesce(?, report_path),
               files_seen = ?, files_new = ?, files_duplicate = ?, files_rejected = ?, documents_loaded = ?
        WHERE run_id = ?
        """,
        [now(), status, error, report_path, counts.get("files_seen"), counts.get("files_new"),
         counts.get("files_duplicate"), counts.get("files_rejected"), counts.get("documents_loaded"), run_id],
    )
