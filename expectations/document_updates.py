"""Contract of document_updates: a run only re-assigns documents that exist, to levels that exist."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="document_updates",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id"),
        gxe.ExpectColumnValuesToBeInSet(column="duplicate_level", value_set=["exact", "near_exact", "rewrite"]),
    ],
    rules=[
        Rule(
            "updated_document_is_published",
            CRITICAL,
            """
            select u.doc_id from {batch}.document_updates u
            where u.doc_id not in (select doc_id from main.documents
                                   where doc_id in (select doc_id from {batch}.document_updates))
            """,
        ),
        Rule(
            "updated_duplicate_of_and_level_are_set_together",
            CRITICAL,
            """
            select doc_id, duplicate_of, duplicate_level from {batch}.document_updates
            where (duplicate_of is null) <> (duplicate_level is null) or duplicate_of = doc_id
            """,
        ),
    ],
)
