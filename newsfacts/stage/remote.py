"""Stage an inbox given as an fsspec URL (s3://, gs://, memory://, any registered protocol): list and read it
through fsspec, and account for every file as a local folder's are (stage/files.py: the same hashing, rejection
reasons, duplicates and raw store), so a bucket and a folder with the same files stage the same rows.

Only the flow's process reads the inbox (a parse batch carries its files' content to the workers), so only its
environment needs the protocol's package (s3fs, gcsfs, ...): none is a dependency of newsfacts.
"""

from __future__ import annotations

import errno
import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from newsfacts.records import Known, RawFile
from newsfacts.stage.files import CHANGED_WHILE_READ, StageResult, hash_stream, reject, settle


class InboxError(Exception):
    """The inbox URL cannot be read from here; the message says why in one line (`newsfacts run` exits 2)."""


def filesystem(url: str):
    """The fsspec filesystem of this URL and the inbox's path on it. A protocol whose package is not installed, or
    that no package registers, fails in one line saying what to install."""
    import fsspec.core

    try:
        return fsspec.core.url_to_fs(url)
    except ImportError as exc:
        missing = getattr(exc.__cause__, "name", None) or getattr(exc, "name", None)
        what = f"the package {missing}, not installed here: pip install {missing}" if missing else str(exc)
        raise InboxError(f"inbox {url}: reading {_protocol(url)}:// needs {what} (in the environment that runs "
                         "newsfacts; the workers need nothing)") from None
    except ValueError as exc:
        raise InboxError(f"inbox {url}: {exc} (no installed package registers the protocol {_protocol(url)}:// "
                         "with fsspec)") from None


def _protocol(url: str) -> str:
    return url.split("::")[-1].split("://", 1)[0]


@contextmanager
def _listing(url: str):
    """A store that refuses or cannot be reached says so in one line. Its client's own errors are not all OSErrors
    (botocore's NoCredentialsError, EndpointConnectionError), so any error of the listing is the store's."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - whatever the protocol's package raises, the line says it
        raise InboxError(f"inbox {url} cannot be listed: {_said(exc, named=not isinstance(exc, OSError))}") from None


def _said(exc: Exception, named: bool) -> str:
    """An error's first line; named by its type where the text alone would not say what failed (NoCredentialsError:
    Unable to locate credentials)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}".rstrip(": ") if named or not text else text


def check_url(url: str) -> None:
    """Fail with a clear message unless the URL names an existing folder (a prefix, on object stores)."""
    fs, root = filesystem(url)
    with _listing(url):
        fs.invalidate_cache()  # what is there now, not what an earlier run of this process listed
        if fs.isdir(root):
            return
        exists = fs.exists(root)
        top = root.strip("/").split("/", 1)[0]
        top_missing = not exists and "/" in root.strip("/") and not fs.exists(top)
    if exists:
        raise NotADirectoryError(f"inbox {url} is not a folder")
    if top_missing:
        raise FileNotFoundError(f"inbox {url} does not exist: there is no bucket {top}")
    raise FileNotFoundError(f"inbox {url} does not exist")


def discover(fs, root: str) -> Iterator[tuple[str, dict]]:
    """Every file below root, recursively, in a stable order, as (path relative to root, fsspec info). An empty
    key ending in "/" is how object stores' consoles (and MinIO) make a folder: a folder here too, not a file."""
    base = root.rstrip("/") + "/"
    found = fs.find(root, detail=True, withdirs=False)
    for name in sorted(found):
        rel = name[len(base):] if name.startswith(base) else None
        if rel and not (rel.endswith("/") and not found[name].get("size")):
            yield rel, found[name]


def stage_url(url: str, raw_store: Path, run_id: str, known: Known, max_bytes: int,
              progress: Callable[[int], None] | None = None) -> StageResult:
    """Hash and store every new file under the URL; the inbox itself is only ever read."""
    fs, root = filesystem(url)
    with _listing(url):
        # A process that stages again (a notebook, run_pipeline twice) would otherwise read s3fs's old listing.
        fs.invalidate_cache()
        listed = list(discover(fs, root))
    rows: list[RawFile] = []
    seen = 0
    stored = dict(known.stored)
    for rel, info in listed:
        seen += 1
        row = _stage_one(fs, url, info, rel, raw_store, run_id, known, stored, max_bytes)
        if row is not None:
            rows.append(row)
        if progress:
            progress(seen)
    return StageResult(files_seen=seen, rows=rows)


def _stage_one(fs, url: str, info: dict, rel: str, raw_store: Path, run_id: str, known: Known,
               stored: dict[str, str], max_bytes: int) -> RawFile | None:
    if info.get("islink"):  # filesystems that have links (sftp, a local one under another protocol)
        return reject(rel, "symbolic link: not followed", run_id, known)
    if info.get("type", "file") != "file":
        return reject(rel, "not a regular file", run_id, known)
    try:
        data, sha, size, reason = _read(fs, info["name"], info.get("size"), max_bytes)
    except FileNotFoundError:
        return reject(rel, "file vanished before it could be read", run_id, known)
    except PermissionError:
        return reject(rel, "unreadable: permission denied", run_id, known)
    except OSError as exc:
        if type(exc).__name__ == "FileExpired" or exc.errno == errno.EBUSY:
            # s3fs: replaced after it was listed, the listed version (its ETag) is gone (412 on the read)
            return reject(rel, CHANGED_WHILE_READ, run_id, known)
        return reject(rel, f"unreadable: {exc.strerror or exc}", run_id, known)
    except Exception as exc:  # noqa: BLE001 - not an OSError: the store's client gave up (see below)
        # A store that stops answering, after its client's retries, raises the client's own errors (botocore's
        # EndpointConnectionError, ReadTimeoutError): the run stops in one line (exit 2), rather than reject every
        # file left as unreadable.
        raise InboxError(f"inbox {url} stopped answering while {rel} was read: {_said(exc, named=True)}") from None
    return settle(rel, data, sha, size, reason, raw_store, run_id, known, stored)


def _read(fs, name: str, listed: int | None, max_bytes: int) -> tuple[bytes | None, str, int, str | None]:
    """Read a file whole if it is small enough; (data, sha256, size, reason-if-rejected), as files._read_stable."""
    with fs.open(name, "rb") as fh:
        if listed is not None and listed > max_bytes:
            sha, size = hash_stream(fh)
            return None, sha, size, f"file too large: {size:,} bytes (limit {max_bytes:,})"
        data = fh.read(max_bytes + 1)
    sha = hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:
        return None, sha, len(data), f"file grew past the size limit ({max_bytes:,} bytes) while being read"
    if listed is not None and listed != len(data):
        return None, sha, len(data), CHANGED_WHILE_READ
    return data, sha, len(data), None
