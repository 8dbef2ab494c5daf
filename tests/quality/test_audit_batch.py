"""Each critical rule, broken on purpose in a planted batch, blocks publishing and names what broke."""

from datetime import date, timedelta

import pytest

from newsfacts.config import Settings
from newsfacts.quality import NOT_CHECKED, audit_batch
from planted import RUN_ID, insert

pytestmark = pytest.mark.integration


def failures(audit, expectation):
    return [r for r in audit.results if r.expectation == expectation and r.success is False]


def test_clean_seed_batch_passes_every_check_it_ran_and_skips_its_empty_table(con, docs):
    audit = audit_batch(con, RUN_ID)
    assert not audit.blocking
    assert audit.failures == []
    skipped = {(r.table_name, r.expectation, r.status) for r in audit.results if r.success is None}
    # Empty in a first batch: no earlier document to update or revise a verdict of.
    assert skipped == {("document_updates", NOT_CHECKED, "skipped"), ("verdict_changes", NOT_CHECKED, "skipped")}
    assert len(audit.results) > 80


def test_offsets_count_code_points_so_text_after_curly_apostrophes_matches(con, docs):
    body = docs["ap"]["body"]
    assert "’" in body[: body.index("Kim Jong Un")]
    audit = audit_batch(con, RUN_ID, tables=["mentions"])
    assert not failures(audit, "mentions_text_equals_body_at_its_offsets")


def test_planted_duplicate_original_blocks_publishing(con, docs):
    con.execute("UPDATE batch.documents SET duplicate_of = NULL, duplicate_level = NULL WHERE doc_id = ?",
                [docs["bnb"]["doc_id"]])
    audit = audit_batch(con, RUN_ID)
    assert audit.blocking
    (failure,) = failures(audit, "no_two_published_originals_are_rewrites_of_each_other")
    assert failure.severity == "critical"
    assert failure.unexpected_examples[0]["doc_id"] == docs["bnb"]["doc_id"]
    assert failure.unexpected_examples[0]["duplicate_of"] == docs["ap"]["doc_id"]


def test_rewrite_arriving_as_original_of_a_published_story_blocks(con, docs):
    # The AP story was published by an earlier run; this run brings the BNB rewrite but calls it an original.
    ap = docs["ap"]
    con.execute("INSERT INTO main.documents SELECT * FROM batch.documents WHERE doc_id = ?", [ap["doc_id"]])
    con.execute("DELETE FROM batch.documents WHERE doc_id = ?", [ap["doc_id"]])
    con.execute("UPDATE batch.documents SET duplicate_of = NULL, duplicate_level = NULL WHERE doc_id = ?",
                [docs["bnb"]["doc_id"]])
    audit = audit_batch(con, RUN_ID, tables=["duplicate_pairs"])
    assert audit.blocking
    assert failures(audit, "no_two_published_originals_are_rewrites_of_each_other")


def test_update_that_turns_a_paired_rewrite_into_an_original_blocks(con, docs):
    ap, bnb = docs["ap"]["doc_id"], docs["bnb"]["doc_id"]
    con.execute("INSERT INTO main.documents SELECT * FROM batch.documents WHERE doc_id IN (?, ?)", [ap, bnb])
    con.execute("DELETE FROM batch.documents WHERE doc_id IN (?, ?)", [ap, bnb])
    insert(con, "document_updates", dict(doc_id=bnb, duplicate_of=None, duplicate_level=None, cluster_id=bnb))
    audit = audit_batch(con, RUN_ID, tables=["duplicate_pairs"])
    assert failures(audit, "no_two_published_originals_are_rewrites_of_each_other")


def test_a_copy_without_the_pair_that_says_so_blocks(con, docs):
    con.execute("DELETE FROM batch.duplicate_pairs")
    audit = audit_batch(con, RUN_ID, tables=["duplicate_pairs"])
    assert audit.blocking and failures(audit, "every_duplicate_has_the_pair_that_says_so")


def test_a_pair_naming_another_copy_as_original_blocks(con, docs):
    ap, bnb = docs["ap"]["doc_id"], docs["bnb"]["doc_id"]
    con.execute("UPDATE batch.documents SET duplicate_of = ?, duplicate_level = 'exact' WHERE doc_id = ?", [bnb, ap])
    audit = audit_batch(con, RUN_ID, tables=["duplicate_pairs"])
    assert failures(audit, "pair_names_an_original_not_another_copy")


def test_quote_with_wrong_offsets_blocks_publishing(con, docs):
    con.execute("UPDATE batch.quotes SET start_char = start_char + 1, end_char = end_char + 1")
    audit = audit_batch(con, RUN_ID)
    assert audit.blocking
    (failure,) = failures(audit, "quotes_text_equals_body_at_its_offsets")
    example = failure.unexpected_examples[0]
    assert example["text"] == "appears to have something Putin desperately needs"
    assert example["body_at_offsets"] == "ppears to have something Putin desperately needs:"
    assert failure.observed_value.startswith("1 violating of 1 ")


def test_a_title_credited_to_a_speaker_blocks_publishing(con, docs):
    con.execute("UPDATE batch.quotes SET kind = 'title', speaker = 'Tim Kaine', speaker_reason = null")
    audit = audit_batch(con, RUN_ID)
    assert audit.blocking
    assert failures(audit, "title_slogan_or_scare_quote_has_no_speaker")


def test_a_speaker_without_its_basis_or_evidence_blocks_publishing(con, docs):
    con.execute("UPDATE batch.quotes SET speaker = 'Vladimir Putin', speaker_basis = 'subject', "
                "speaker_start = 5, speaker_end = 100000")
    audit = audit_batch(con, RUN_ID)
    assert audit.blocking
    assert failures(audit, "speaker_comes_with_its_basis_and_evidence_in_the_body")


def test_mention_past_the_end_of_its_body_blocks(con, docs):
    con.execute("UPDATE batch.mentions SET start_char = 10000, end_char = 10011 WHERE doc_id = ?",
                [docs["bnb"]["doc_id"]])
    assert failures(audit_batch(con, RUN_ID, tables=["mentions"]), "mentions_text_equals_body_at_its_offsets")


def test_future_published_date_blocks_publishing(con, docs):
    next_month = date.today() + timedelta(days=30)
    con.execute("UPDATE batch.documents SET published_date = ? WHERE doc_id = ?", [next_month, docs["tx"]["doc_id"]])
    audit = audit_batch(con, RUN_ID)
    assert audit.blocking
    (failure,) = failures(audit, "published_date_is_not_in_the_future")
    assert failure.unexpected_examples == [{"doc_id": docs["tx"]["doc_id"], "published_date": str(next_month)}]


def test_date_before_1900_blocks_publishing(con, docs):
    con.execute("UPDATE batch.documents SET published_date = DATE '1023-09-12' WHERE doc_id = ?",
                [docs["ap"]["doc_id"]])
    assert failures(audit_batch(con, RUN_ID, tables=["documents"]), "published_date_is_not_before_1900")


def test_raw_file_without_final_status_blocks_publishing(con, docs):
    con.execute("UPDATE batch.raw_files SET status = 'staged' WHERE path = '000.txt'")
    audit = audit_batch(con, RUN_ID)
    assert audit.blocking
    (failure,) = failures(audit, "raw_file_has_a_final_status")
    assert failure.unexpected_examples[0]["path"] == "000.txt"


def test_rejected_raw_file_without_a_reason_blocks_publishing(con, docs):
    con.execute("UPDATE batch.raw_files SET reason = '  ' WHERE status = 'rejected'")
    assert audit_batch(con, RUN_ID, tables=["raw_files"]).blocking


def test_loaded_raw_file_without_its_document_blocks(con, docs):
    con.execute("DELETE FROM batch.documents WHERE doc_id = ?", [docs["tx"]["doc_id"]])
    audit = audit_batch(con, RUN_ID, tables=["raw_files", "segments"])
    assert failures(audit, "loaded_raw_file_has_a_document")
    assert failures(audit, "segments_doc_id_refers_to_a_document")


def test_vocabulary_of_an_unknown_or_twice_listed_document_blocks(con, docs):
    insert(con, "dedupe_vocabulary", dict(doc_id="0000000000000000", stems=["kim", "putin"]))
    insert(con, "dedupe_vocabulary", dict(doc_id=docs["ap"]["doc_id"], stems=["kim"]))
    audit = audit_batch(con, RUN_ID, tables=["dedupe_vocabulary"])
    assert audit.blocking
    (unknown,) = failures(audit, "dedupe_vocabulary_doc_id_refers_to_a_document")
    assert unknown.unexpected_examples == [{"doc_id": "0000000000000000"}]
    assert failures(audit, "expect_column_values_to_be_unique(doc_id)")


def test_profile_term_outside_the_document_s_sentences_blocks(con, docs):
    con.execute("UPDATE batch.dedupe_profiles SET sentence_count = sentence_count - 2 WHERE doc_id = ?",
                [docs["ap"]["doc_id"]])
    audit = audit_batch(con, RUN_ID, tables=["dedupe_profiles"])
    assert audit.blocking
    (broken,) = failures(audit, "profile_terms_each_belong_to_a_sentence")
    assert broken.unexpected_examples[0]["doc_id"] == docs["ap"]["doc_id"]


def test_mention_of_an_unknown_entity_blocks(con, docs):
    con.execute("UPDATE batch.mentions SET entity_id = 'person:nobody' WHERE text = 'Vladimir Putin'")
    (failure,) = failures(audit_batch(con, RUN_ID, tables=["mentions"]), "mentions_entity_id_refers_to_an_entity")
    assert failure.unexpected_examples == [{"entity_id": "person:nobody"}]


def test_mention_of_an_entity_published_by_an_earlier_run_passes(con, docs):
    con.execute("INSERT INTO main.entities SELECT * FROM batch.entities WHERE entity_id = 'person:vladimir-putin'")
    con.execute("DELETE FROM batch.entities WHERE entity_id = 'person:vladimir-putin'")
    assert not failures(audit_batch(con, RUN_ID, tables=["mentions"]), "mentions_entity_id_refers_to_an_entity")


def test_duplicate_quote_ids_fail_in_gx_with_the_repeated_id_as_example(con, docs):
    con.execute("INSERT INTO batch.quotes SELECT * FROM batch.quotes")
    audit = audit_batch(con, RUN_ID, tables=["quotes"])
    (failure,) = failures(audit, "expect_column_values_to_be_unique(quote_id)")
    assert failure.severity == "critical"
    assert failure.unexpected_examples[0].startswith(docs["ap"]["doc_id"])


def test_unknown_document_kind_blocks(con, docs):
    con.execute("UPDATE batch.documents SET kind = 'podcast' WHERE doc_id = ?", [docs["tx"]["doc_id"]])
    (failure,) = failures(audit_batch(con, RUN_ID, tables=["documents"]), "expect_column_values_to_be_in_set(kind)")
    assert failure.unexpected_examples == ["podcast"]


def test_furniture_heavy_document_is_a_warning_that_still_publishes(con, docs):
    con.execute("UPDATE batch.documents SET lines_dropped = 95, lines_total = 100 WHERE doc_id = ?",
                [docs["ap"]["doc_id"]])
    audit = audit_batch(con, RUN_ID, tables=["documents"])
    (failure,) = failures(audit, "furniture_ratio_is_below_0.9")
    assert failure.severity == "warning"
    assert failure.unexpected_examples[0]["furniture_ratio"] == 0.95
    assert not audit.blocking


def test_transcript_times_running_backwards_are_reported(con, docs):
    con.execute("UPDATE batch.segments SET start_seconds = 1.0 WHERE segment_no = 1")
    con.execute("UPDATE batch.segments SET start_seconds = 9.0 WHERE segment_no = 0")
    audit = audit_batch(con, RUN_ID, tables=["segments"])
    (failure,) = failures(audit, "transcript_segment_times_increase")
    assert failure.unexpected_examples[0]["previous_start_seconds"] == 9.0


def test_empty_batch_table_is_reported_as_skipped_never_as_passed_or_failed(con, docs):
    con.execute("DELETE FROM batch.quotes")
    audit = audit_batch(con, RUN_ID, tables=["quotes"])
    quote_rows = [r for r in audit.results if r.table_name == "quotes"]
    assert [(r.expectation, r.status, r.observed_value) for r in quote_rows] == [
        (NOT_CHECKED, "skipped", "not checked: batch.quotes is empty")
    ]
    assert not audit.blocking and audit.failures == []


def test_empty_raw_files_blocks_because_a_run_always_sees_files(con, docs):
    con.execute("DELETE FROM batch.raw_files")
    assert audit_batch(con, RUN_ID, tables=["raw_files"]).blocking


def test_missing_batch_table_blocks(con, docs):
    con.execute("DROP TABLE batch.events")
    audit = audit_batch(con, RUN_ID, tables=["events"])
    assert audit.blocking
    assert failures(audit, NOT_CHECKED)[0].observed_value == "not checked: batch.events does not exist"


def test_missing_column_fails_with_its_cause_instead_of_passing(con, docs):
    con.execute("ALTER TABLE batch.entities DROP COLUMN type")
    audit = audit_batch(con, RUN_ID, tables=["entities"])
    (failure,) = failures(audit, "expect_column_values_to_be_in_set(type)")
    assert "does not exist" in failure.observed_value
    (rule,) = failures(audit, "entity_keeps_the_type_it_was_published_with")
    assert rule.observed_value.startswith("error: Binder Error")


def test_audit_reads_a_kept_batch_under_another_schema_name(con, docs):
    con.execute("CREATE SCHEMA failed_run_planted")
    for table in ("raw_files", "documents", "quotes"):
        con.execute(f"CREATE TABLE failed_run_planted.{table} AS SELECT * FROM batch.{table}")
    con.execute("DROP SCHEMA batch CASCADE")
    con.execute("UPDATE failed_run_planted.quotes SET end_char = end_char - 1")
    audit = audit_batch(con, RUN_ID, batch_schema="failed_run_planted", tables=["quotes"])
    assert failures(audit, "quotes_text_equals_body_at_its_offsets")


def test_data_docs_are_built_into_the_run_folder(con, docs, tmp_path):
    settings = Settings(warehouse=tmp_path / "newsfacts.duckdb")
    audit_batch(con, RUN_ID, settings=settings)
    index = settings.runs_dir / RUN_ID / "data_docs" / "index.html"
    assert index.exists()
    assert "documents" in index.read_text(encoding="utf-8")
