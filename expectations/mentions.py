"""Contract of mentions: each names an existing entity in an existing document, at offsets that hold its text."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists, entity_exists, text_at_offsets
from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="mentions",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="entity_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["doc_id", "entity_id", "start_char"]),
        gxe.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="sentence_no", min_value=0),
    ],
    rules=[document_exists("mentions"), entity_exists("mentions"), text_at_offsets("mentions")],
)
