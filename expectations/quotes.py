"""Contract of quotes: keyed, of a known kind, at offsets that hold their text, with a speaker or a reason."""

import great_expectations.expectations as gxe

from newsfacts.quality.checks import document_exists, entity_exists, text_at_offsets
from newsfacts.quality.suite import WARNING, Rule, Suite

SUITE = Suite(
    table="quotes",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="quote_id"),
        gxe.ExpectColumnValuesToBeUnique(column="quote_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=["direct", "indirect"]),
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        gxe.ExpectColumnValuesToBeBetween(column="start_char", min_value=0),
    ],
    rules=[
        document_exists("quotes"),
        entity_exists("quotes", "speaker_entity_id"),
        text_at_offsets("quotes"),
        Rule(
            "quote_has_a_speaker_or_says_why_not",
            WARNING,
            """
            select quote_id, doc_id, text from {batch}.quotes
            where coalesce(trim(speaker), '') = '' and coalesce(trim(speaker_reason), '') = ''
            """,
        ),
    ],
)
