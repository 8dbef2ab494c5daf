"""Contract of quantities: figures at offsets that hold their text."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists, text_at_offsets
from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="quantities",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        gxe.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
    ],
    rules=[document_exists("quantities"), text_at_offsets("quantities")],
)
