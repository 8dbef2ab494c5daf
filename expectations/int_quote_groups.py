"""Contract of model int_quote_groups: every quotation in exactly one group."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="int_quote_groups",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="quote_id"),
        gxe.ExpectColumnValuesToBeUnique(column="quote_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="quotation_id"),
    ],
)
