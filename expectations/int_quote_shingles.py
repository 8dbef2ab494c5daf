"""Contract of model int_quote_shingles: each (wording, shingle) once."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="int_quote_shingles",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="wording_id"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["wording_id", "shingle"]),
        gxe.ExpectColumnValuesToBeBetween(column="shingles", min_value=1),
    ],
)
