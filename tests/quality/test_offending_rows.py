"""A failed check names the documents of its offending rows (dq_results.doc_ids), so the report can link them."""

import pytest

from newsfacts.quality import audit_batch
from planted import RUN_ID

pytestmark = pytest.mark.integration


def failed(audit, table, expectation):
    (result,) = [r for r in audit.results if r.table_name == table and r.expectation == expectation]
    assert result.status == "failed"
    return result


def test_null_outlet_warning_names_the_document_whose_outlet_is_missing(con, docs):
    con.execute("UPDATE batch.documents SET outlet = NULL WHERE doc_id = ?", [docs["bnb"]["doc_id"]])
    audit = audit_batch(con, RUN_ID, tables=["documents"])
    result = failed(audit, "documents", "expect_column_values_to_not_be_null(outlet)")
    assert result.severity == "warning"
    assert result.doc_ids == [docs["bnb"]["doc_id"]]


def test_sql_rule_names_the_documents_it_selected(con, docs):
    con.execute("UPDATE batch.documents SET published_date = current_date + 9 WHERE doc_id = ?",
                [docs["tx"]["doc_id"]])
    audit = audit_batch(con, RUN_ID, tables=["documents"])
    assert failed(audit, "documents", "published_date_is_not_in_the_future").doc_ids == [docs["tx"]["doc_id"]]


def test_repeated_key_counted_in_sql_names_its_document(con, docs):
    con.execute("INSERT INTO batch.quotes SELECT * FROM batch.quotes")
    audit = audit_batch(con, RUN_ID, tables=["quotes"])
    assert failed(audit, "quotes", "expect_column_values_to_be_unique(quote_id)").doc_ids == [docs["ap"]["doc_id"]]


def test_entity_row_leads_to_the_documents_that_name_it(con, docs):
    con.execute("UPDATE batch.entities SET type = 'WIZARD' WHERE entity_id = 'person:vladimir-putin'")
    audit = audit_batch(con, RUN_ID, tables=["entities"])
    result = failed(audit, "entities", "expect_column_values_to_be_in_set(type)")
    assert result.doc_ids == [docs["ap"]["doc_id"]]


def test_raw_file_row_leads_to_its_document_and_a_rejected_file_to_none(con, docs):
    con.execute("UPDATE batch.raw_files SET status = 'lost' WHERE path = '001.txt'")
    con.execute("UPDATE batch.raw_files SET reason = NULL WHERE path = 'scan.pdf'")
    audit = audit_batch(con, RUN_ID, tables=["raw_files"])
    assert failed(audit, "raw_files", "raw_file_has_a_final_status").doc_ids == [docs["ap"]["doc_id"]]
    assert failed(audit, "raw_files", "rejected_raw_file_says_why").doc_ids == []


def test_passed_and_skipped_checks_name_no_document(con, docs):
    audit = audit_batch(con, RUN_ID)
    assert all(r.doc_ids == [] for r in audit.results)
