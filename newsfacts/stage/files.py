"""Stage an inbox: hash every file, keep one immutable copy of each new content, account for every file."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator

from newsfacts.records import Known, RawFile
from newsfacts.stage.decode import NotText, decode_with_encoding
from newsfacts.warehouse.db import WarehouseError

_CHUNK = 1024 * 1024
# Rejected with no hash: the next run reads the file again and stages what it holds then.
CHANGED_WHILE_READ = "file changed while being read; it will be staged again on the next run"
# Errors that mean the warehouse's disk cannot take the copy: the run must stop, not reject the file.
_DISK_ERRORS = {errno.ENOSPC: "no space left on the disk holding", errno.EDQUOT: "disk quota exceeded on",
                errno.EROFS: "read-only file system holding"}


def check_inbox(inbox: Path) -> None:
    """Fail with a clear message unless the inbox is an existing folder."""
    if not inbox.exists():
        raise FileNotFoundError(f"inbox {inbox} does not exist")
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox {inbox} is not a folder")


@dataclass
class StageResult:
    """Every file seen this run: new rows for raw_files, and the new contents for the parser."""

    files_seen: int
    rows: list[RawFile]  # only files not recorded before (re-runs add nothing)

    @property
    def new_files(self) -> list[RawFile]:
        """Content staged for the first time by this run: what the parser works on."""
        return [r for r in self.rows if r.status == "staged"]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def discover(inbox: Path) -> Iterator[Path]:
    """Every entry below inbox, recursively and in a stable order; symbolic links are listed, never followed."""
    for root, dirs, files in os.walk(inbox, followlinks=False):
        dirs.sort()
        # A symlinked folder is reported as an entry of its own so it can be rejected with a reason.
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(root, d))]):
            yield Path(root, name)


def _no_follow(path, flags: int) -> int:
    """Open without following a symbolic link (one may replace a file after it was listed) or blocking on a FIFO."""
    return os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK)


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 and size, streamed: never holds more than one chunk of the file in memory."""
    with open(path, "rb", opener=_no_follow) as fh:
        return hash_stream(fh)


def hash_stream(fh: BinaryIO) -> tuple[str, int]:
    """SHA-256 and size of what an open file gives, read a chunk at a time (a local file or an fsspec one)."""
    digest = hashlib.sha256()
    size = 0
    while chunk := fh.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def stored_path(raw_store: Path, sha256: str) -> Path:
    return raw_store / sha256[:2] / sha256


def _store(raw_store: Path, sha256: str, data: bytes) -> Path:
    """Write content once under its hash; an existing copy is never rewritten (immutable)."""
    target = stored_path(raw_store, sha256)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{sha256}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in _DISK_ERRORS:
            raise WarehouseError(f"{_DISK_ERRORS[exc.errno]} {raw_store}: cannot store {sha256[:12]} "
                                 f"({len(data):,} bytes); free space and run again") from exc
        raise
    os.chmod(tmp, 0o444)
    os.replace(tmp, target)  # atomic: a crash leaves no half-written copy under the real name
    return target


def _read_stable(path: Path, max_bytes: int) -> tuple[bytes | None, str, int, str | None]:
    """Read a file whole if it is small enough; (data, sha256, size, reason-if-rejected)."""
    before = path.lstat()
    if before.st_size > max_bytes:
        sha, size = hash_file(path)
        return None, sha, size, f"file too large: {size:,} bytes (limit {max_bytes:,})"
    with open(path, "rb", opener=_no_follow) as fh:
        # Ask for what lstat promised plus one byte (never the whole limit): growth still shows as a longer read.
        data = fh.read(min(before.st_size, max_bytes) + 1)
        after = os.fstat(fh.fileno())
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:
        return None, sha, len(data), f"file grew past the size limit ({max_bytes:,} bytes) while being read"
    if (after.st_ino, after.st_size, after.st_mtime_ns) != (before.st_ino, before.st_size, before.st_mtime_ns) \
            or after.st_size != len(data):
        return None, sha, len(data), CHANGED_WHILE_READ
    return data, sha, len(data), None


def stage_files(
    inbox: Path,
    raw_store: Path,
    run_id: str,
    known: Known,
    max_bytes: int,
    progress: Callable[[int], None] | None = None,
) -> StageResult:
    """Hash and store every new file under inbox; the inbox itself is only ever read."""
    inbox = inbox.resolve()
    rows: list[RawFile] = []
    seen = 0
    stored = dict(known.stored)
    for path in discover(inbox):
        seen += 1
        rel = _display_name(path.relative_to(inbox))
        row = _stage_one(path, rel, raw_store, run_id, known, stored, max_bytes)
        if row is not None:
            rows.append(row)
        if progress:
            progress(seen)
    return StageResult(files_seen=seen, rows=rows)


def _display_name(rel: Path) -> str:
    """The path as storable text: bytes of a name that are not UTF-8 (made on another system) become \\xNN."""
    return str(rel).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _stage_one(path, rel, raw_store, run_id, known, stored, max_bytes) -> RawFile | None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return reject(rel, "file vanished before it could be read", run_id, known)
    if stat.S_ISLNK(mode):
        return reject(rel, "symbolic link: not followed", run_id, known)
    if not stat.S_ISREG(mode):
        return reject(rel, "not a regular file", run_id, known)
    try:
        data, sha, size, reason = _read_stable(path, max_bytes)
    except FileNotFoundError:
        return reject(rel, "file vanished before it could be read", run_id, known)
    except PermissionError:
        return reject(rel, "unreadable: permission denied", run_id, known)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # it became a link after it was listed
            return reject(rel, "symbolic link: not followed", run_id, known)
        return reject(rel, f"unreadable: {exc.strerror or exc}", run_id, known)
    return settle(rel, data, sha, size, reason, raw_store, run_id, known, stored)


def reject(rel: str, reason: str, run_id: str, known: Known, sha: str | None = None,
           size: int | None = None) -> RawFile | None:
    """A file rejected with a reason a person understands; None when an earlier run recorded the same already."""
    if (rel, sha) in known.recorded:
        return None
    return RawFile(sha256=sha, path=rel, bytes=size, status="rejected", reason=reason, run_id=run_id)


def settle(rel: str, data: bytes | None, sha: str, size: int, reason: str | None, raw_store: Path, run_id: str,
           known: Known, stored: dict[str, str]) -> RawFile | None:
    """What a file read (or refused while reading, with `reason`) becomes, wherever the inbox is: nothing if an
    earlier run recorded this path with these bytes, rejected, a duplicate of content stored before, or staged
    (stored once under its hash; `stored` learns it, so a later file of this run with the same bytes is a
    duplicate)."""
    if (rel, sha) in known.recorded:
        return None
    if reason:
        return reject(rel, reason, run_id, known, sha, size)
    try:
        _, encoding = decode_with_encoding(data)
    except NotText as exc:
        return reject(rel, str(exc), run_id, known, sha, size)
    if sha in stored:
        return RawFile(sha256=sha, path=rel, bytes=size, status="duplicate",
                       reason=f"same content as {stored[sha]}", run_id=run_id,
                       stored_path=str(stored_path(raw_store, sha)), encoding=encoding)
    target = _store(raw_store, sha, data)
    stored[sha] = rel
    return RawFile(sha256=sha, path=rel, bytes=size, status="staged", reason=None, run_id=run_id,
                   stored_path=str(target), encoding=encoding)
