"""The runner of suites' SQL rules (GX runs the column expectations, gx_runner.py): each rule selects its violating
rows, so a failure arrives with a count and the documents it names; audit.py runs both and weighs severity."""

from __future__ import annotations

from datetime import date, datetime

import duckdb

from newsfacts.quality.results import MAX_ROWS, DqResult, to_jsonable
from newsfacts.quality.rows import documents_of
from newsfacts.quality.suite import Rule
from newsfacts.warehouse.identifiers import identifier

MAX_EXAMPLES = 10


def run_rule(con, run_id: str, table: str, rule: Rule, batch_schema: str, checked_rows: int) -> DqResult:
    """Check one rule; observed_value says how many of the checked rows broke it, doc_ids where they are."""
    sql = rule.sql.format(batch=identifier(batch_schema))
    params = {k: v for k, v in {"run_id": run_id, "today": date.today()}.items() if f"${k}" in sql}
    try:
        cursor = con.execute(
            f"SELECT count(*) OVER () AS violations, * FROM ({sql}) AS violating LIMIT {MAX_ROWS}", params
        )
    except duckdb.Error as exc:
        # A rule that cannot run (a column gone, a type changed) fails with its cause; it never passes quietly.
        message = str(exc).splitlines()[0]
        return DqResult(run_id, table, rule.name, rule.severity, False, f"error: {message}", [], datetime.now())
    columns = [d[0] for d in cursor.description][1:]
    fetched = cursor.fetchall()
    violations = fetched[0][0] if fetched else 0
    rows = [dict(zip(columns, row[1:])) for row in fetched]
    return DqResult(
        run_id=run_id,
        table_name=table,
        expectation=rule.name,
        severity=rule.severity,
        success=violations == 0,
        observed_value=f"{violations} violating of {checked_rows} {rule.subject or table} rows checked",
        unexpected_examples=to_jsonable(rows[:MAX_EXAMPLES]),
        checked_at=datetime.now(),
        doc_ids=documents_of(con, batch_schema, rows),
    )
