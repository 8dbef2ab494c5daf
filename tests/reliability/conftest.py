"""Helpers for the reliability suite: a byte-and-mtime snapshot of a folder, and tmpfs mounts for disk faults."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path
from typing import Iterator

import pytest


def snapshot(folder: Path) -> dict[bytes, tuple]:
    """Every entry below folder (names as bytes, so any name works): content or link target, mode and mtime."""
    out = {}
    for root, dirs, files in os.walk(os.fsencode(folder)):
        for name in dirs + files:
            path = os.path.join(root, name)
            st = os.lstat(path)
            if os.path.islink(path):
                content = b"-> " + os.readlink(path)
            elif os.path.isfile(path):
                with open(path, "rb") as fh:
                    content = fh.read()
            else:
                content = b""
            out[path] = (content, st.st_mode, st.st_mtime_ns)
    return out


@contextlib.contextmanager
def tmpfs(where: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted at where (root only): a full or read-only disk without touching the real one."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)
