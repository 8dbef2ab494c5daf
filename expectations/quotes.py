"""Contract of quotes: keyed, of a known kind, at offsets that hold their text, with a speaker or a reason; a
speaker comes with the rule that found it and evidence inside the body; quoted words that are not speech have none."""

import great_expectations.expectations as gxe

from newsfacts.quality.rule_builders import docs_for, document_exists, entity_exists, text_at_offsets
from newsfacts.quality.suite import CRITICAL, WARNING, Rule, Suite
from newsfacts.records import SPEAKER_BASES

KINDS = ["direct", "indirect", "title", "slogan", "scare"]

SUITE = Suite(
    table="quotes",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="quote_id"),
        gxe.ExpectColumnValuesToBeUnique(column="quote_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=KINDS),
        gxe.ExpectColumnValuesToBeInSet(column="speaker_basis", value_set=list(SPEAKER_BASES)),
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
        Rule(
            "title_slogan_or_scare_quote_has_no_speaker",
            CRITICAL,
            """
            select quote_id, doc_id, kind, text, speaker from {batch}.quotes
            where kind in ('title', 'slogan', 'scare') and (speaker is not null or speaker_entity_id is not null)
            """,
        ),
        Rule(
            "unnamed_speaker_is_no_speaker_and_keeps_its_description_as_evidence",
            CRITICAL,
            """
            select quote_id, doc_id, text, speaker, speaker_entity_id from {batch}.quotes
            where speaker_reason like 'unnamed:%'
              and (speaker is not null or speaker_entity_id is not null or speaker_start is null)
            """,
        ),
        Rule(
            "speaker_comes_with_its_basis_and_evidence_in_the_body",
            CRITICAL,
            f"""
            with docs as ({docs_for("quotes")})
            select q.quote_id, q.doc_id, q.speaker, q.speaker_basis, q.speaker_start, q.speaker_end
            from {{batch}}.quotes q join docs d using (doc_id)
            where q.speaker is not null and (
                q.speaker_basis is null or q.speaker_start is null or q.speaker_end is null
                or q.speaker_start < 0 or q.speaker_end <= q.speaker_start or q.speaker_end > length(d.body)
                or (q.speaker_name_start is not null and q.speaker_name_end > length(d.body))
            )
            """,
        ),
    ],
)
