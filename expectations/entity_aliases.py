"""Contract of entity_aliases: each surface form once per entity, and the entity exists."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import entity_exists
from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="entity_aliases",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="entity_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="alias"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["entity_id", "alias"]),
    ],
    rules=[entity_exists("entity_aliases")],
)
