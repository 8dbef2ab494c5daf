"""The outcome of an audit: one DqResult per expectation checked (table dq_results), and whether it blocks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsfacts.quality.suite import CRITICAL

# Expectation name recorded when a batch table or model had nothing to check: a result, never a silent pass.
NOT_CHECKED = "rows_to_check_exist"
# Documents listed per failed check: enough to act on, bounded however many rows broke it (the count is complete).
MAX_ROWS = 50


@dataclass
class DqResult:
    """One expectation checked in one run; maps one-to-one onto a row of dq_results.

    success is None when the check was skipped: its table had no rows, so there was nothing to pass or fail.
    doc_ids are the documents of the offending rows, for the report to link to.
    """

    run_id: str
    table_name: str
    expectation: str
    severity: str
    success: bool | None
    observed_value: str | None
    unexpected_examples: list[Any]
    checked_at: datetime
    doc_ids: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return "skipped" if self.success is None else "passed" if self.success else "failed"


@dataclass
class Audit:
    results: list[DqResult] = field(default_factory=list)

    @property
    def blocking(self) -> bool:
        """True when any critical expectation failed: the batch must not be published."""
        return any(r.severity == CRITICAL and r.success is False for r in self.results)

    @property
    def failures(self) -> list[DqResult]:
        return [r for r in self.results if r.success is False]


def to_jsonable(value: Any) -> Any:
    """Examples hold dates, numpy scalars, tuples: turn them into plain JSON values."""
    return json.loads(json.dumps(value, default=_fallback))


def _fallback(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    if hasattr(value, "tolist"):  # numpy array
        return value.tolist()
    return str(value)
