"""Contract of events: dated sentences at offsets that hold their text, with a resolution that matches the date."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists, text_at_offsets
from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite

SUITE = Suite(
    table="events",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="event_id"),
        gxe.ExpectColumnValuesToBeUnique(column="event_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToBeInSet(column="date_precision", value_set=["day", "month", "year", "unresolved"]),
        gxe.ExpectColumnValuesToBeInSet(column="resolution", value_set=["explicit", "relative", "unresolved"]),
        gxe.ExpectColumnValuesToNotBeNull(column="date_text"),
    ],
    rules=[
        document_exists("events"),
        text_at_offsets("events"),
        Rule(
            "unresolved_event_has_no_date_and_resolved_one_has",
            WARNING,
            """
            select event_id, date, date_precision, resolution from {batch}.events
            where (date is null) <> (date_precision = 'unresolved')
            """,
        ),
        Rule(
            "event_date_is_not_before_1900",
            WARNING,
            "select event_id, date, date_text from {batch}.events where date < date '1900-01-01'",
        ),
    ],
)
