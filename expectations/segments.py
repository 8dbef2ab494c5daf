"""Contract of segments: timed transcript lines whose offsets point at their text and whose times move forward."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists, text_at_offsets
from newsfacts.quality.suite import WARNING, Rule, Suite

SUITE = Suite(
    table="segments",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["doc_id", "segment_no"]),
        gxe.ExpectColumnValuesToBeBetween(column="segment_no", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="start_seconds", min_value=0),
    ],
    rules=[
        document_exists("segments"),
        text_at_offsets("segments"),
        Rule(
            "transcript_segment_times_increase",
            WARNING,
            """
            select doc_id, segment_no, start_seconds, previous_start_seconds from (
                select doc_id, segment_no, start_seconds,
                       lag(start_seconds) over (partition by doc_id order by segment_no) as previous_start_seconds
                from {batch}.segments
            ) where start_seconds < previous_start_seconds
            """,
        ),
    ],
)
