"""The SQL models' suites: run after the models are rebuilt; a model not built yet is reported, never passed."""

import pytest

from newsfacts.config import SQL_DIR
from newsfacts.quality import NOT_CHECKED, audit_models
from newsfacts.transform.models import build_models
from newsfacts.warehouse.publish import apply_batch
from planted import RUN_ID
from planted import RUN_ID

pytestmark = pytest.mark.integration


def test_models_built_from_the_seed_batch_pass_their_suites(con, docs):
    apply_batch(con, "batch")
    names = [t.name for t in build_models(con, SQL_DIR)]
    audit = audit_models(con, RUN_ID, names)
    assert not audit.blocking
    assert {"story_clusters", "entity_summary", "quote_ledger"} <= {r.table_name for r in audit.results if r.success}


def test_model_not_built_yet_is_reported_as_not_checked(con):
    (result,) = audit_models(con, RUN_ID, ["story_clusters"]).results
    assert (result.expectation, result.success) == (NOT_CHECKED, False)
    assert result.observed_value == "not checked: main.story_clusters does not exist"


def test_model_without_a_suite_is_reported_as_not_checked(con):
    (result,) = audit_models(con, RUN_ID, ["fct_unheard_of"]).results
    assert (result.table_name, result.success) == ("fct_unheard_of", False)
    assert "no expectation suite" in result.observed_value


def test_cluster_counting_more_independent_sources_than_members_blocks(con):
    con.execute("""
        CREATE TABLE story_clusters AS SELECT * FROM (VALUES
            ('0789ba28b9529eb9', 'North Korea’s leader is in Russia', 'Associated Press', 2, 0, 1, 3),
            ('0789ba28b9529eb9', 'North Korea’s leader is in Russia', 'Associated Press', 2, 0, 1, 1)
        ) AS t(cluster_id, canonical_title, canonical_outlet, member_count, copies, rewrites, independent_sources)
    """)
    audit = audit_models(con, RUN_ID, ["story_clusters"])
    assert audit.blocking
    failed = {r.expectation for r in audit.failures}
    assert {
        "expect_column_values_to_be_unique(cluster_id)",
        "independent_sources_do_not_exceed_members",
        "cluster_is_named_after_a_published_document",
    } <= failed
