"""Every warehouse table and SQL model has a suite named after it, and every suite is well formed."""

import re

import pytest

from newsfacts.config import EXPECTATIONS_DIR, SQL_DIR
from newsfacts.quality.suite import CRITICAL, WARNING, load_suite
from newsfacts.warehouse.tables import BATCH_TABLES
from planted import SCHEMA_SQL

pytestmark = pytest.mark.unit

# Written by the run itself (not by a batch), so they are not audited as batch tables.
RUN_BOOKKEEPING = {"runs", "dq_results"}


def schema_tables() -> set[str]:
    return set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", SCHEMA_SQL.read_text(encoding="utf-8")))


def test_every_published_table_is_audited_in_the_batch():
    assert schema_tables() - RUN_BOOKKEEPING <= set(BATCH_TABLES)


def test_every_sql_model_has_a_suite():
    models = {path.stem for path in SQL_DIR.glob("*.sql")}
    missing = sorted(m for m in models if not (EXPECTATIONS_DIR / f"{m}.py").exists())
    assert not missing, f"models without an expectation suite: {missing}"


@pytest.mark.parametrize("path", sorted(EXPECTATIONS_DIR.glob("*.py")), ids=lambda p: p.stem)
def test_suite_is_named_after_its_table_with_known_severities_and_distinct_rule_names(path):
    suite = load_suite(path)
    assert suite.table == path.stem
    assert suite.expectations or suite.rules
    severities = {str(e.severity.value) for e in suite.expectations} | {r.severity for r in suite.rules}
    assert severities <= {CRITICAL, WARNING}
    names = [r.name for r in suite.rules]
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z0-9_.]+", n) for n in names)
