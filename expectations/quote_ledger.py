"""Contract of model quote_ledger: one row per distinct quotation, sources never above documents."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="quote_ledger",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="quotation_id"),
        gxe.ExpectColumnValuesToBeUnique(column="quotation_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        gxe.ExpectColumnValuesToBeBetween(column="speaker_count", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="documents", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="independent_sources", min_value=0),
    ],
    rules=[
        Rule(
            "quotation_independent_sources_do_not_exceed_documents",
            CRITICAL,
            "select quotation_id, independent_sources, documents from {batch}.quote_ledger"
            " where independent_sources > documents",
        ),
    ],
)
