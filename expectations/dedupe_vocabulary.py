"""Contract of dedupe_vocabulary: one stem list per real document, for the candidate gate."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists
from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="dedupe_vocabulary",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="stems"),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id"),
    ],
    rules=[document_exists("dedupe_vocabulary")],
)
