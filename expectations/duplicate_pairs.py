"""Contract of duplicate_pairs: one evidence row per copy, naming the original documents names, and originals stay
distinct."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists
from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite

SUITE = Suite(
    table="duplicate_pairs",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="duplicate_of"),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["doc_id", "duplicate_of"]),
        gxe.ExpectColumnValuesToBeInSet(column="level", value_set=["exact", "near_exact", "rewrite"]),
        gxe.ExpectColumnValuesToBeBetween(column="score", min_value=0, max_value=1),
        gxe.ExpectColumnValuesToNotBeNull(column="method"),
        gxe.ExpectColumnValuesToNotBeNull(column="evidence", severity=WARNING),
    ],
    rules=[
        document_exists("duplicate_pairs"),
        document_exists("duplicate_pairs", "duplicate_of"),
        Rule(
            "document_is_not_paired_with_itself",
            CRITICAL,
            "select doc_id from {batch}.duplicate_pairs where doc_id = duplicate_of",
        ),
        Rule(
            "every_duplicate_has_the_pair_that_says_so",
            CRITICAL,
            """
            with assigned as (
                select doc_id, duplicate_of, duplicate_level from {batch}.documents where duplicate_of is not null
                union all
                select doc_id, duplicate_of, duplicate_level from {batch}.document_updates where duplicate_of is not null
            )
            select a.doc_id, a.duplicate_of, a.duplicate_level, p.duplicate_of as pair_duplicate_of, p.level
            from assigned a left join {batch}.duplicate_pairs p on p.doc_id = a.doc_id
            where p.doc_id is null or p.duplicate_of <> a.duplicate_of or p.level <> a.duplicate_level
            """,
            subject="documents",
        ),
        Rule(
            "pair_names_an_original_not_another_copy",
            CRITICAL,
            """
            select p.doc_id, p.duplicate_of from {batch}.duplicate_pairs p
            left join {batch}.document_updates u on u.doc_id = p.duplicate_of
            left join {batch}.documents b on b.doc_id = p.duplicate_of
            left join main.documents m on m.doc_id = p.duplicate_of
            where case when u.doc_id is not null then u.duplicate_of
                       when b.doc_id is not null then b.duplicate_of
                       else m.duplicate_of end is not null
            """,
        ),
        Rule(
            "no_two_published_originals_are_rewrites_of_each_other",
            CRITICAL,
            """
            with touched as (
                select doc_id from {batch}.documents
                union select doc_id from {batch}.document_updates
            ),
            pairs as (
                select doc_id, duplicate_of, level, score from {batch}.duplicate_pairs
                union
                select doc_id, duplicate_of, level, score from main.duplicate_pairs
                where (doc_id in (select doc_id from touched) or duplicate_of in (select doc_id from touched))
                  and doc_id not in (select doc_id from touched)  -- the publisher replaces those rows
            ),
            ends as (select doc_id from pairs union select duplicate_of from pairs),
            after_publish as (
                -- each pair end's duplicate_of once the batch is in: its update, else the batch row, else as published
                -- (the publisher applies document_updates after inserting the batch's documents, so they win)
                select e.doc_id,
                       case when u.doc_id is not null then u.duplicate_of
                            when b.doc_id is not null then b.duplicate_of
                            else m.duplicate_of end as duplicate_of,
                       coalesce(b.doc_id, u.doc_id, m.doc_id) is not null as known
                from ends e
                left join {batch}.documents b on b.doc_id = e.doc_id
                left join {batch}.document_updates u on u.doc_id = e.doc_id
                left join main.documents m on m.doc_id = e.doc_id
            )
            select p.doc_id, p.duplicate_of, p.level, p.score from pairs p
            join after_publish a on a.doc_id = p.doc_id
            join after_publish o on o.doc_id = p.duplicate_of
            where a.known and o.known and a.duplicate_of is null and o.duplicate_of is null
            """,
            subject="documents",
        ),
    ],
)
