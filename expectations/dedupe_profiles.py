"""Contract of dedupe_profiles: one stored verifier profile per real document, one entry per sentence."""

import great_expectations.expectations as gxe

from newsfacts.quality.checks import document_exists
from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="dedupe_profiles",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="version"),
        gxe.ExpectColumnValuesToNotBeNull(column="text_hash"),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id"),
        gxe.ExpectColumnValuesToBeBetween(column="completeness", min_value=0),
    ],
    rules=[
        document_exists("dedupe_profiles"),
        Rule(
            "profile_has_stems_and_specifics_for_every_sentence",
            CRITICAL,
            """
            select doc_id, len(sentence_stems) as sentences, len(sentence_specifics) as with_specifics
            from {batch}.dedupe_profiles
            where len(sentence_stems) <> len(sentence_specifics)
            """,
        ),
    ],
)
