"""Contract of model stg_quotes: every quotation once, with normalised words to match on."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="stg_quotes",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="quote_id"),
        gxe.ExpectColumnValuesToBeUnique(column="quote_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="words_text"),
    ],
)
