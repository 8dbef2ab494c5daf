"""Contract of model outlet_coverage: one row per outlet whose originals, copies and rewrites add up."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite

SUITE = Suite(
    table="outlet_coverage",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="outlet"),
        gxe.ExpectColumnValuesToBeUnique(column="outlet"),
        gxe.ExpectColumnValuesToBeBetween(column="documents", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="originals", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="copies", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="rewrites", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="copied_by_others", min_value=0),
    ],
    rules=[
        Rule(
            "originals_copies_and_rewrites_add_up_to_documents",
            CRITICAL,
            "select outlet, documents, originals, copies, rewrites from {batch}.outlet_coverage"
            " where originals + copies + rewrites <> documents",
        ),
        Rule(
            "original_words_do_not_exceed_words",
            WARNING,
            "select outlet, words, original_words from {batch}.outlet_coverage where original_words > words",
        ),
    ],
)
