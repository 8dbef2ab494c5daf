"""Named crash points for fault-injection tests: NEWSFACTS_CRASH_AT=<point> kills the process there, like a power cut."""

from __future__ import annotations

import os
from collections import Counter

ENV = "NEWSFACTS_CRASH_AT"
POINTS = ("after-stage", "after-parse", "after-dedupe", "after-extract", "after-load",
          "publish-after-audit", "publish-before-commit", "after-publish")
# How many times each point was reached in this process: a run publishes in chunks, so a point recurs, and
# NEWSFACTS_CRASH_AT=<point>@<n> kills the process the n-th time (in the n-th chunk).
_reached: Counter = Counter()


def checkpoint(point: str) -> None:
    """Exit at once, without clean-up, when the environment names this point (never set outside tests)."""
    assert point in POINTS, point
    _reached[point] += 1
    wanted = os.environ.get(ENV)
    if wanted in (point, f"{point}@{_reached[point]}"):
        os._exit(137)
