"""Contract of model entity_summary: one row per entity, with mentions >= documents >= independent sources."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite

SUITE = Suite(
    table="entity_summary",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="entity_id"),
        gxe.ExpectColumnValuesToBeUnique(column="entity_id"),
        gxe.ExpectColumnValuesToBeBetween(column="mentions", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="documents", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="independent_sources", min_value=0),
    ],
    rules=[
        Rule(
            "entity_independent_sources_do_not_exceed_documents",
            CRITICAL,
            "select entity_id, name, independent_sources, documents from {batch}.entity_summary"
            " where independent_sources > documents",
        ),
        Rule(
            "entity_documents_do_not_exceed_mentions",
            CRITICAL,
            "select entity_id, name, documents, mentions from {batch}.entity_summary where documents > mentions",
        ),
        Rule(
            "entity_first_date_is_not_after_last_date",
            WARNING,
            "select entity_id, first_date, last_date from {batch}.entity_summary where first_date > last_date",
        ),
    ],
)
