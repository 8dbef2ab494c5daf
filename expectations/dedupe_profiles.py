"""Contract of dedupe_profiles: one stored verifier profile per real document, every term in one of its sentences."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import document_exists
from newsfacts.quality.suite import CRITICAL, Rule, Suite

SUITE = Suite(
    table="dedupe_profiles",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="version"),
        gxe.ExpectColumnValuesToNotBeNull(column="text_hash"),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id"),
        gxe.ExpectColumnValuesToBeBetween(column="sentence_count", min_value=0),
    ],
    rules=[
        document_exists("dedupe_profiles"),
        Rule(
            "profile_terms_each_belong_to_a_sentence",
            CRITICAL,
            """
            select doc_id, sentence_count, len(stems) as stems, len(stem_sentences) as stem_sentences,
                   len(specifics) as specifics, len(specific_sentences) as specific_sentences
            from {batch}.dedupe_profiles
            where len(stems) <> len(stem_sentences)
               or len(specifics) <> len(specific_sentences)
               or list_max(stem_sentences) >= sentence_count
               or list_max(specific_sentences) >= sentence_count
               or list_min(stem_sentences) < 0
               or list_min(specific_sentences) < 0
            """,
        ),
    ],
)
