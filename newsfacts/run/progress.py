"""Progress lines for long work, on stderr, throttled so a 10k-file run prints a few dozen lines, not 10k."""

from __future__ import annotations

import sys
import time
from typing import Callable, TextIO

Reporter = Callable[..., None]  # report(stage, done, total=None, unit="")


def make_reporter(stream: TextIO = sys.stderr, every_seconds: float = 2.0, quiet: bool = False) -> Reporter:
    """reporter(stage, done, total, unit): prints when a stage starts, ends, or every few seconds in between."""
    last: dict[str, float] = {}

    def report(stage: str, done: int, total: int | None = None, unit: str = "") -> None:
        if quiet:
            return
        t = time.monotonic()
        finished = total is not None and done >= total
        if not finished and t - last.setdefault(stage, t) < every_seconds:
            return  # quiet until the stage has run a while: short stages print one line, when they end
        last[stage] = t
        of = f"/{total}" if total is not None else ""
        print(f"  {stage:<8} {done}{of}{' ' + unit if unit else ''}", file=stream, flush=True)

    return report


def silent(stage: str, done: int, total: int | None = None, unit: str = "") -> None:
    """A reporter that says nothing (tests, library use)."""


def in_chunk(report: Reporter, number: int, of: int) -> Reporter:
    """The reporter for publish chunk `number` of `of`: its lines say which chunk (a run of one chunk says nothing more)."""
    if of <= 1:
        return report
    return lambda stage, done, total=None, unit="": report(f"chunk {number}/{of} {stage:<8}", done, total, unit)
