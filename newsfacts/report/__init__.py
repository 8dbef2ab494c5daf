"""The run report: one self-contained HTML page per run and an index of runs."""

from newsfacts.report.build import build_index, build_run_report

__all__ = ["build_index", "build_run_report"]
