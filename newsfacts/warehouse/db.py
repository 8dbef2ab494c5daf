"""Open the warehouse: a writer works on a copy and swaps it in, so read-only sessions never hold it up."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import time
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import duckdb

from newsfacts.config import DEFAULT_DUCKDB_MEMORY_LIMIT, DUCKDB_THREADS
from newsfacts.records import Known
from newsfacts.warehouse.lock import lock_file, run_lock

T = TypeVar("T")


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
    """A read-write connection to a private copy of the warehouse, published over it when the block ends cleanly.

    DuckDB lets no process write a file that another process has open, and analysts keep read-only sessions open
    for hours, so the writer never writes the published file: it copies it to <name>.next, writes there, checkpoints
    and closes it, and renames it over the published name (atomic). Sessions already open keep reading the file they
    opened, a new one opens the new file. On an error the copy is deleted and the published file is as it was.
    One writer at a time: the run lock is taken here unless this process holds it already (a run does).
    """
    with _sole_writer(path, wait_seconds, notify):
        _fold_wal(path, wait_seconds, notify, memory_limit)
        draft = path.with_name(path.name + _DRAFT_SUFFIX)
        _discard_draft(path)  # left by a writer that crashed: never published, so nothing of it counts
        con, published = None, False
        try:
            _start_draft(path, draft)
            con = _connect(draft, memory_limit)
            yield con
            con.execute("CHECKPOINT")  # every change into the file itself: readers of the published file read no WAL
            close(con)
            con = None
            _publish(draft, path)
            published = True
        except duckdb.Error as exc:
            if not _is_disk_fault(exc):
                raise
            # Nothing was published: the published tables are as they were.
            raise WarehouseError(f"cannot write the warehouse {path}: {exc}. Free space (or make it writable) "
                                 f"and run again") from exc
        finally:
            if con is not None:
                close(con)
            if not published:
                _discard_draft(path)


_DRAFT_SUFFIX = ".next"


def _discard_draft(path: Path) -> None:
    """Delete the writer's copy of the warehouse and what DuckDB keeps beside it (write-ahead log, spill folder)."""
    draft = path.with_name(path.name + _DRAFT_SUFFIX)
    for leftover in (draft, draft.with_name(draft.name + ".wal")):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(draft.with_name(draft.name + ".tmp"), ignore_errors=True)


def copy_file(source: Path, target: Path) -> None:
    """Copy in the kernel: copy_file_range clones the extents (a reflink, instant) on file systems that share them
    (btrfs, XFS, NFS 4.2), and copies without a round trip through Python elsewhere (ext4)."""
    with open(source, "rb") as src, open(target, "wb") as dst:
        size = os.fstat(src.fileno()).st_size
        try:
            done = 0
            while done < size:
                copied = os.copy_file_range(src.fileno(), dst.fileno(), size - done)
                if copied == 0:
                    break
                done += copied
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.EINVAL):
                raise
            src.seek(0)
            dst.seek(0)
            dst.truncate()
            shutil.copyfileobj(src, dst, 1 << 20)
    shutil.copymode(source, target)


def _start_draft(path: Path, draft: Path) -> None:
    """The writer's copy of the published file (none for a new warehouse: DuckDB creates it)."""
    if not path.exists():
        return
    try:
        copy_file(path, draft)
    except OSError as exc:
        raise WarehouseError(f"cannot copy the warehouse {path} to write it: {exc}") from exc


def _publish(draft: Path, path: Path) -> None:
    """Make the closed draft the warehouse: flushed to disk first, so a crash right after the rename finds it whole."""
    if draft.with_name(draft.name + ".wal").exists():
        raise WarehouseError(f"the warehouse copy {draft} kept a write-ahead log after its checkpoint; not published")
    try:
        with open(draft, "rb") as f:
            os.fsync(f.fileno())
        os.replace(draft, path)
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except OSError as exc:
        raise WarehouseError(f"cannot publish the warehouse {path}: {exc}") from exc


@contextlib.contextmanager
def _sole_writer(path: Path, wait_seconds: float, notify: Callable[[str], None] | None) -> Iterator[None]:
    """The run lock, and the published file kept from read-write sessions; a folder we cannot write says so."""
    with contextlib.ExitStack() as held:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            held.enter_context(run_lock(lock_file(path), wait_seconds=wait_seconds))
            held.enter_context(_no_other_writer(path, wait_seconds, notify))
        except OSError as exc:
            raise WarehouseError(f"cannot write the warehouse {path}: {exc}") from exc
        yield


@contextlib.contextmanager
def _no_other_writer(path: Path, wait_seconds: float, notify: Callable[[str], None] | None) -> Iterator[None]:
    """Hold a shared lock on the published file while it is copied, written and replaced.

    Read-only sessions hold the same shared lock, so they never stop us; a session that opened the file read-write
    (the DuckDB CLI without -readonly) holds DuckDB's exclusive lock, and its changes would be lost under the copy:
    we wait for it, and while we hold the lock no such session can open the file.
    """
    if not path.exists():
        yield
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        _while_busy(lambda: _lock_shared(fd, path, wait_seconds), wait_seconds, notify,
                    f"warehouse {path.name} is open read-write in another process; waiting up to {wait_seconds:.0f}s")
        yield
    finally:
        os.close(fd)  # releases the lock


def _lock_shared(fd: int, path: Path, wait_seconds: float) -> None:
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            raise
        raise WarehouseBusy(
            f"the warehouse {path} is open read-write in another process (a DuckDB session opened "
            f"without -readonly?); gave up after {wait_seconds:.0f}s. Close it and try again."
        ) from None


def _while_busy(attempt: Callable[[], T], wait_seconds: float, notify: Callable[[str], None] | None,
                waiting: str) -> T:
    """attempt() again, backing off up to 2 s, while it raises WarehouseBusy and wait_seconds last; says `waiting`
    once. Another process holding the file is worth waiting for; any other error is not."""
    deadline = time.monotonic() + wait_seconds
    delay, told = 0.2, False
    while True:
        try:
            return attempt()
        except WarehouseBusy:
            if time.monotonic() >= deadline:
                raise
            if notify and not told:
                notify(waiting)
                told = True
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


def _fold_wal(path: Path, wait_seconds: float, notify: Callable[[str], None] | None, memory_limit: str) -> None:
    """A write-ahead log beside the published file (left by a version that wrote the warehouse in place, or by a
    read-write session that crashed) holds committed changes the copy would miss: checkpoint them into the file
    first, in place (which, like any read-write open, waits for the sessions reading it)."""
    if not path.with_name(path.name + ".wal").exists():
        return
    con = _while_busy(lambda: _connect(path, memory_limit), wait_seconds, notify,
                      f"warehouse {path.name} has a write-ahead log to fold in and is in use by another process; "
                      f"waiting up to {wait_seconds:.0f}s")
    try:
        con.execute("CHECKPOINT")
    finally:
        close(con)


def _connect(path: Path, memory_limit: str) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), config=_config(memory_limit))
    except duckdb.IOException as exc:
        if _is_lock_conflict(exc):
            raise WarehouseBusy(f"the warehouse {path} is open in another process: {exc}") from exc
        raise WarehouseError(f"cannot open the warehouse {path} for writing: {exc}") from exc


def _config(memory_limit: str) -> dict:
    """A run's connection: DuckDB's memory cap, and one thread (config.DUCKDB_THREADS)."""
    return {"memory_limit": memory_limit, "threads": DUCKDB_THREADS}


@contextlib.contextmanager
def open_ro(path: Path, *, memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection: statements that write fail, and many readers may share the file."""
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `newsfacts run` first")
    con = duckdb.connect(str(path), read_only=True, config=_config(memory_limit))
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
    _return_freed_memory()


def _glibc_trim():
    """glibc's malloc_trim, or None on another C library (macOS, musl)."""
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _glibc_trim()


def _return_freed_memory() -> None:
    """Give the system back the heap the flow's process freed (Python objects, Arrow buffers: DuckDB has its own
    allocator). glibc keeps freed memory in its per-thread arenas, so between one connection and the next the
    process held a growing heap it was not using (benchmarks/README.md, memory). A few milliseconds."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


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


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, inbox: Path | str) -> None:
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
