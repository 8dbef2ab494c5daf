"""Contract of model entity_cooccurrence: each unordered entity pair once, with sentences >= documents >= sources."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="entity_cooccurrence",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="entity_a_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="entity_b_id"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["entity_a_id", "entity_b_id"]),
        gxe.ExpectColumnValuesToBeBetween(column="sentences", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="documents", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="independent_sources", min_value=0),
    ],
    rules=[
        Rule(
            "entity_pair_is_ordered_and_distinct",
            CRITICAL,
            "select entity_a_id, entity_b_id from {batch}.entity_cooccurrence where entity_a_id >= entity_b_id",
        ),
        Rule(
            "pair_counts_narrow_from_sentences_to_sources",
            CRITICAL,
            """
            select entity_a_id, entity_b_id, sentences, documents, independent_sources
            from {batch}.entity_cooccurrence
            where documents > sentences or independent_sources > documents
            """,
        ),
    ],
)
