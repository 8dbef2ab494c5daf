"""Named fault points for fault-injection tests: NEWSFACTS_CRASH_AT=<point> kills the process there, like a power cut;
NEWSFACTS_PAUSE_AT=<point> holds it there (writing the file NEWSFACTS_PAUSED names) until a test signals it.

Environment, not Settings: a test sets them for the one subprocess it kills or pauses, and they are read when a point
is reached, never at import."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path

ENV = "NEWSFACTS_CRASH_AT"
PAUSE_ENV = "NEWSFACTS_PAUSE_AT"
PAUSED_ENV = "NEWSFACTS_PAUSED"
POINTS = ("after-stage", "after-parse", "after-dedupe", "after-extract", "after-load",
          "publish-after-audit", "publish-before-commit", "after-publish")
# How many times each point was reached in this process: a run publishes in chunks, so a point recurs, and
# NEWSFACTS_CRASH_AT=<point>@<n> kills the process the n-th time (in the n-th chunk).
_reached: Counter = Counter()


def checkpoint(point: str) -> None:
    """Exit at once, without clean-up, or wait for a signal, when the environment names this point (never set
    outside tests)."""
    assert point in POINTS, point
    _reached[point] += 1
    here = (point, f"{point}@{_reached[point]}")
    if os.environ.get(ENV) in here:
        os._exit(137)
    if os.environ.get(PAUSE_ENV) in here:
        Path(os.environ[PAUSED_ENV]).write_text(point)
        while True:
            time.sleep(0.1)  # a signal's handler raises out of here
