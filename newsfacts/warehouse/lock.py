"""One run at a time per warehouse: an OS file lock, released by the kernel when its holder dies."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from pathlib import Path
from typing import Iterator


class RunInProgress(RuntimeError):
    """Another run holds the warehouse's run lock."""


# The lock files this process holds, and their descriptors. `newsfacts run` takes the lock before it starts Prefect
# (a busy warehouse is then said at once); the flow it runs takes it again, as a deployment's run must, and that
# inner call only names its run.
_held: dict[Path, int] = {}


def lock_file(warehouse: Path) -> Path:
    """The run lock of a warehouse: a file beside it (the warehouse file itself is replaced by every publish)."""
    return warehouse.with_name(warehouse.name + ".lock")


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return "another run"
    run = f"run {info['run_id']}" if info.get("run_id") else "a run that is starting"
    return f"{run} (pid {info.get('pid', '?')}, started {info.get('started', '?')})"


def _name_holder(fd: int, run_id: str | None) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps({"run_id": run_id, "pid": os.getpid(),
                              "started": time.strftime("%Y-%m-%dT%H:%M:%S")}).encode(), 0)


@contextlib.contextmanager
def run_lock(path: Path, run_id: str | None = None, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the run lock for the duration of a run (re-entrant within one process: see _held).

    flock is tied to the open file: if the holder crashes or is killed, the kernel releases it, so a stale
    lock file left on disk never blocks the next run (stale-lock recovery needs no clean-up step).
    """
    key = path.resolve()
    if key in _held:
        if run_id:
            _name_holder(_held[key], run_id)
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise RunInProgress(
                        f"{_holder(path)} is already working on this warehouse; "
                        f"this run exits without changing anything (use --wait SECONDS to queue behind it)"
                    ) from None
                time.sleep(0.5)
        _name_holder(fd, run_id)
        _held[key] = fd
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)  # closing the descriptor releases the lock
