"""Contract of raw_files: every file the run saw has a key, a final status, and a reason when rejected."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite

SUITE = Suite(
    table="raw_files",
    empty_severity=CRITICAL,
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="path"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["path", "sha256"]),
        gxe.ExpectColumnValuesToMatchRegex(column="sha256", regex=r"^[0-9a-f]{64}$"),
        gxe.ExpectColumnValuesToBeBetween(column="bytes", min_value=0),
        gxe.ExpectColumnValuesToBeInSet(
            column="format", value_set=["article_text", "transcript", "html"], severity=WARNING
        ),
    ],
    rules=[
        Rule(
            "raw_file_has_a_final_status",
            CRITICAL,
            """
            select path, sha256, status from {batch}.raw_files
            where status is null or status not in ('loaded', 'duplicate', 'rejected')
            """,
        ),
        Rule(
            "rejected_raw_file_says_why",
            CRITICAL,
            "select path, sha256 from {batch}.raw_files where status = 'rejected' and coalesce(trim(reason), '') = ''",
        ),
        Rule(
            "raw_file_belongs_to_this_run",
            CRITICAL,
            "select path, sha256, run_id from {batch}.raw_files where run_id is distinct from $run_id",
        ),
        Rule(
            "loaded_raw_file_has_a_document",
            CRITICAL,
            """
            select r.path, r.sha256 from {batch}.raw_files r
            where r.status = 'loaded'
              and r.sha256 not in (select sha256 from {batch}.documents)
              and r.sha256 not in (select sha256 from main.documents
                                   where sha256 in (select sha256 from {batch}.raw_files where status = 'loaded'))
            """,
        ),
    ],
)
