"""Contract of transcripts: one row per transcript document, with plausible video metadata."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite
from newsfacts.quality.rule_builders import docs_for

SUITE = Suite(
    table="transcripts",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id"),
        gxe.ExpectColumnValuesToBeBetween(column="views", min_value=0, severity=WARNING),
        gxe.ExpectColumnValuesToBeBetween(column="rating", min_value=0, max_value=5, severity=WARNING),
        gxe.ExpectColumnValuesToBeBetween(column="length_seconds", min_value=1, severity=WARNING),
    ],
    rules=[
        Rule(
            "transcript_belongs_to_a_transcript_document",
            CRITICAL,
            f"""
            with docs as ({docs_for("transcripts")})
            select t.doc_id, d.kind from {{batch}}.transcripts t left join docs d using (doc_id)
            where d.kind is distinct from 'transcript'
            """,
        ),
    ],
)
