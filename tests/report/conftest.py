"""Fixtures of the report tests (defined in report_runs.py, which the tests also import helpers from)."""

from report_runs import failed_publish, published, settings

__all__ = ["failed_publish", "published", "settings"]
