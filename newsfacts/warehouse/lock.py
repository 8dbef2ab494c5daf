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


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text() or "{}")
    except (OSError, ValueError):
        return "another run"
    return f"run {info.get('run_id', '?')} (pid {info.get('pid', '?')}, started {info.get('started', '?')})"


@contextlib.contextmanager
def run_lock(path: Path, run_id: str, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the run lock for the duration of a run.

    flock is tied to the open file: if the holder crashes or is killed, the kernel releases it, so a stale
    lock file left on disk never blocks the next run (stale-lock recovery needs no clean-up step).
    """
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
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"run_id": run_id, "pid": os.getpid(),
                                 "started": time.strftime("%Y-%m-%dT%H:%M:%S")}).encode())
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
