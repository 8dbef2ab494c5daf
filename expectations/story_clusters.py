"""Contract of model story_clusters: one row per cluster, member counts that add up, sources never above members."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite

SUITE = Suite(
    table="story_clusters",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="cluster_id"),
        gxe.ExpectColumnValuesToBeUnique(column="cluster_id"),
        gxe.ExpectColumnValuesToBeBetween(column="member_count", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="copies", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="rewrites", min_value=0),
        gxe.ExpectColumnValuesToBeBetween(column="independent_sources", min_value=0),
    ],
    rules=[
        Rule(
            "independent_sources_do_not_exceed_members",
            CRITICAL,
            "select cluster_id, independent_sources, member_count from {batch}.story_clusters"
            " where independent_sources > member_count",
        ),
        Rule(
            "copies_and_rewrites_leave_the_canonical_document",
            CRITICAL,
            "select cluster_id, copies, rewrites, member_count from {batch}.story_clusters"
            " where copies + rewrites >= member_count",
        ),
        Rule(
            "cluster_first_date_is_not_after_last_date",
            WARNING,
            "select cluster_id, first_date, last_date from {batch}.story_clusters where first_date > last_date",
        ),
        Rule(
            "cluster_is_named_after_a_published_document",
            CRITICAL,
            "select cluster_id from {batch}.story_clusters where cluster_id not in (select doc_id from main.documents)",
        ),
    ],
)
