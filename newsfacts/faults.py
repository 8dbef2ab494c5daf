"""Named crash points for fault-injection tests: NEWSFACTS_CRASH_AT=<point> kills the process there, like a power cut."""

from __future__ import annotations

import os

ENV = "NEWSFACTS_CRASH_AT"
POINTS = ("after-stage", "after-parse", "after-dedupe", "after-extract", "after-load",
          "publish-after-audit", "publish-before-commit", "after-publish")


def checkpoint(point: str) -> None:
    """Exit at once, without clean-up, when the environment names this point (never set outside tests)."""
    assert point in POINTS, point
    if os.environ.get(ENV) == point:
        os._exit(137)
