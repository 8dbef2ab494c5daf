"""Contract of verdict_changes: each revised verdict names a published document, says what it became, and why."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists
from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="verdict_changes",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="cluster_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="reason"),
        gxe.ExpectColumnValuesToBeInSet(column="change", value_set=["new_original", "stories_joined", "relinked",
                                                                    "level", "split"]),
    ],
    rules=[
        document_exists("verdict_changes"),
        Rule(
            "change_is_what_the_batch_assigns",
            CRITICAL,
            """
            select c.doc_id from {batch}.verdict_changes c
            left join {batch}.document_updates u on u.doc_id = c.doc_id
            where u.doc_id is null or u.duplicate_of is distinct from c.duplicate_of
               or u.cluster_id is distinct from c.cluster_id
            """,
        ),
    ],
)
