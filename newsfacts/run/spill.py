"""Batch results kept on disk from the task that made them until the stage that reads them.

The flow reads the next chunk (parse and NLP, on the workers) while this one publishes. Held as objects, those
results sat in the flow's process beside the publish's own DuckDB working set: a chunk's documents, segments,
dedupe preparation and facts take 20-30 bytes per character of body, so the chunk read ahead was up to a chunk's
rows more at the run's peak (benchmarks/README.md, memory). On disk they cost their pickle (a few bytes a character)
and the time to write and read it back once, while the flow's process holds one batch at a time on their way.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Spilled(Generic[T]):
    """A value written by spill(): a path, cheap to hold and to hand between tasks."""

    path: Path

    def load(self) -> T:
        """The value, read back (as often as asked: the parse batch is read by its extract task and by the load)."""
        with open(self.path, "rb") as f:
            return pickle.load(f)

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def spill(value: T, folder: Path) -> Spilled[T]:
    """Write value to a new file in folder (created if needed) and return its handle."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(suffix=".pickle", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Spilled(Path(name))


def discard_all(folder: Path) -> None:
    """Remove the folder of a run's spilled results, whatever is left in it (a run that stopped early)."""
    shutil.rmtree(folder, ignore_errors=True)
