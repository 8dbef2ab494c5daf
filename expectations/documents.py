"""Contract of documents: keys, allowed kinds and formats, sane dates and bodies, consistent dedupe fields."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite

# Share of raw lines dropped as page furniture above which a parse is suspect (reported, not blocking).
MAX_FURNITURE_RATIO = 0.9
# A clean body shorter than this is probably a stub or a failed extraction; longer is probably a whole page.
MIN_BODY_CHARS, MAX_BODY_CHARS = 200, 200_000

SUITE = Suite(
    table="documents",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id"),
        gxe.ExpectColumnValuesToMatchRegex(column="doc_id", regex=r"^[0-9a-f]{16}$"),
        gxe.ExpectColumnValuesToNotBeNull(column="sha256"),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=["article", "transcript"]),
        gxe.ExpectColumnValuesToBeInSet(column="format", value_set=["article_text", "transcript", "html"]),
        gxe.ExpectColumnValuesToNotBeNull(column="body"),
        gxe.ExpectColumnValueLengthsToBeBetween(
            column="body", min_value=MIN_BODY_CHARS, max_value=MAX_BODY_CHARS, severity=WARNING
        ),
        gxe.ExpectColumnValuesToBeBetween(column="word_count", min_value=1),
        gxe.ExpectColumnValuesToBeBetween(column="lines_dropped", min_value=0),
        gxe.ExpectColumnValuesToBeInSet(column="date_source",  # "metadata": rows parsed before the split
                                        value_set=["explicit", "json-ld", "meta", "url", "page", "metadata"]),
        gxe.ExpectColumnValuesToBeInSet(column="duplicate_level", value_set=["exact", "near_exact", "rewrite"]),
        gxe.ExpectColumnValuesToNotBeNull(column="cluster_id", severity=WARNING),
        gxe.ExpectColumnValuesToNotBeNull(column="outlet", severity=WARNING),
        gxe.ExpectColumnValuesToNotBeNull(column="title", severity=WARNING),
        gxe.ExpectColumnValuesToNotBeNull(column="run_id"),
    ],
    rules=[
        Rule(
            "published_date_is_not_in_the_future",
            CRITICAL,
            "select doc_id, published_date from {batch}.documents where published_date > $today",
        ),
        Rule(
            "published_date_is_not_before_1900",
            CRITICAL,
            "select doc_id, published_date from {batch}.documents where published_date < date '1900-01-01'",
        ),
        Rule(
            "doc_id_is_the_head_of_its_sha256",
            CRITICAL,
            "select doc_id, sha256 from {batch}.documents where doc_id is distinct from left(sha256, 16)",
        ),
        Rule(
            "lines_dropped_do_not_exceed_lines_total",
            CRITICAL,
            "select doc_id, lines_dropped, lines_total from {batch}.documents where lines_dropped > lines_total",
        ),
        Rule(
            f"furniture_ratio_is_below_{MAX_FURNITURE_RATIO}",
            WARNING,
            f"""
            select doc_id, source_path, lines_dropped, lines_total,
                   round(lines_dropped / lines_total, 3) as furniture_ratio
            from {{batch}}.documents
            where lines_total > 0 and lines_dropped / lines_total >= {MAX_FURNITURE_RATIO}
            """,
        ),
        Rule(
            "duplicate_of_and_duplicate_level_are_set_together",
            CRITICAL,
            """
            select doc_id, duplicate_of, duplicate_level from {batch}.documents
            where (duplicate_of is null) <> (duplicate_level is null)
            """,
        ),
        Rule(
            "document_is_not_a_duplicate_of_itself",
            CRITICAL,
            "select doc_id from {batch}.documents where duplicate_of = doc_id",
        ),
        Rule(
            "duplicate_of_refers_to_a_document",
            CRITICAL,
            """
            select d.doc_id, d.duplicate_of from {batch}.documents d
            where d.duplicate_of is not null
              and d.duplicate_of not in (select doc_id from {batch}.documents)
              and d.duplicate_of not in (select doc_id from main.documents
                                         where doc_id in (select duplicate_of from {batch}.documents))
            """,
        ),
    ],
)
