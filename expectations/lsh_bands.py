"""Contract of lsh_bands: candidate-index buckets that point at real documents."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists
from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="lsh_bands",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="bucket"),
        gxe.ExpectColumnValuesToNotBeNull(column="family"),
        gxe.ExpectColumnValuesToBeBetween(column="band", min_value=0),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["family", "band", "doc_id"]),
    ],
    rules=[document_exists("lsh_bands")],
)
