"""Contract of model int_quote_matches: each ordered pair once, overlap measures between 0 and 1."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="int_quote_matches",
    expectations=[
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["wording_a_id", "wording_b_id"]),
        gxe.ExpectColumnValuesToBeBetween(column="containment", min_value=0, max_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="jaccard", min_value=0, max_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="shared_shingles", min_value=1),
    ],
    rules=[
        Rule(
            "wording_pair_is_ordered_and_distinct",
            CRITICAL,
            "select wording_a_id, wording_b_id from {batch}.int_quote_matches where wording_a_id >= wording_b_id",
        ),
    ],
)
