"""What a suite is: GX column expectations plus SQL rules over one batch table, and how suites are found."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

CRITICAL = "critical"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    """A check written as SQL that selects the violating rows; its name says what broke.

    In `sql`, `{batch}` stands for the schema under audit (the batch, or main for models): the only text
    substituted. Values come in as the named parameters $run_id and $today. `subject` is the table whose rows
    the rule checks (default: the suite's table): when it is empty the rule is not run, and that table's own
    result says nothing was checked, so no rule ever passes on no rows.
    """

    name: str
    severity: str
    sql: str
    subject: str | None = None


@dataclass(frozen=True)
class Suite:
    """The contract of one table: GX expectations run on the batch's rows, rules run as SQL against batch and main."""

    table: str
    expectations: list = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    # A batch table that must never be empty reports emptiness as critical (raw_files: a run always sees files).
    empty_severity: str = WARNING


def load_suite(path: Path) -> Suite:
    """Import one suite file (expectations/<table>.py) and return its SUITE."""
    spec = importlib.util.spec_from_file_location(f"newsfacts_expectations_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    suite = module.SUITE
    if suite.table != path.stem:
        raise ValueError(f"{path} declares the suite of table {suite.table!r}; suites are named after their table")
    return suite


def load_suites(directory: Path, tables: Sequence[str]) -> dict[str, Suite]:
    """The suites of the given tables, in that order; a table without a suite file is an error."""
    missing = [t for t in tables if not (directory / f"{t}.py").exists()]
    if missing:
        raise FileNotFoundError(f"no expectation suite in {directory} for: {', '.join(missing)}")
    return {t: load_suite(directory / f"{t}.py") for t in tables}
