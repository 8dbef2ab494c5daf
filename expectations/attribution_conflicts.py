"""Contract of model attribution_conflicts: keyed conflicts between two different speakers with a real overlap."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="attribution_conflicts",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="conflict_id"),
        gxe.ExpectColumnValuesToBeUnique(column="conflict_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="speaker_a"),
        gxe.ExpectColumnValuesToNotBeNull(column="speaker_b"),
        gxe.ExpectColumnValuesToBeBetween(column="overlap", min_value=0, max_value=1),
        gxe.ExpectColumnValuesToBeInSet(column="scope", value_set=["within_cluster", "across_sources"]),
    ],
    rules=[
        Rule(
            "conflict_is_between_two_different_speakers",
            CRITICAL,
            """
            select conflict_id, speaker_a, speaker_b from {batch}.attribution_conflicts
            where speaker_a_entity_id = speaker_b_entity_id or lower(speaker_a) = lower(speaker_b)
            """,
        ),
    ],
)
