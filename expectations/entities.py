"""Contract of entities: stable keys, a canonical name and a known type; a key never changes its meaning."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import WARNING, Rule, Suite

SUITE = Suite(
    table="entities",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="entity_id"),
        gxe.ExpectColumnValuesToBeUnique(column="entity_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="name"),
        gxe.ExpectColumnValuesToBeInSet(
            column="type", value_set=["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"]
        ),
    ],
    rules=[
        Rule(
            "entity_keeps_the_type_it_was_published_with",
            WARNING,
            """
            select b.entity_id, b.name, b.type, m.type as published_type from {batch}.entities b
            join main.entities m using (entity_id)
            where b.type <> m.type
            """,
        ),
    ],
)
