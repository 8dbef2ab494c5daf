"""Contract of model timeline: numbered, dated events, each once, from published documents."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="timeline",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="timeline_no"),
        gxe.ExpectColumnValuesToBeUnique(column="timeline_no"),
        gxe.ExpectColumnValuesToNotBeNull(column="event_id"),
        gxe.ExpectColumnValuesToBeUnique(column="event_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="date"),
    ],
    rules=[
        Rule(
            "timeline_is_in_date_order",
            CRITICAL,
            """
            select timeline_no, date, previous_date from (
                select timeline_no, date, lag(date) over (order by timeline_no) as previous_date
                from {batch}.timeline
            ) where date < previous_date
            """,
        ),
    ],
)
