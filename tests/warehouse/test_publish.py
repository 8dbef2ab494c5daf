"""Write-audit-publish: a batch is published whole, or not at all and kept aside for inspection."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import pytest

from newsfacts.load.batch import Batch, write_batch
from newsfacts.records import Document, Entity, Mention, RawFile
from newsfacts.warehouse.db import ensure_schema
from newsfacts.warehouse.publish import Auditors, failed_schema_name, publication, publish


pytestmark = pytest.mark.unit


@dataclass
class Result:
    run_id: str
    table_name: str
    expectation: str
    severity: str
    success: bool
    observed_value: object = None
    unexpected_examples: list = field(default_factory=list)
    checked_at: datetime | None = None
    doc_ids: list = field(default_factory=list)

    @property
    def status(self) -> str:
        return "passed" if self.success else "failed"


@dataclass
class Audit:
    results: list
    blocking: bool


def _doc(doc_id: str, body: str = "Kim Jong Un arrived in Russia on Tuesday.") -> Document:
    return Document(doc_id=doc_id, sha256=doc_id * 4, kind="article", format="article_text", source_path=f"{doc_id}.txt",
                    outlet="Associated Press", site=None, title="Kim in Russia", subtitle=None, authors=[],
                    dateline="SEOUL", published_date=date(2023, 9, 12), date_source="explicit", language="en",
                    body=body, word_count=len(body.split()), lines_total=3, lines_dropped=1)


def _batch(run_id: str, doc_id: str, entity_name: str = "Kim Jong Un") -> Batch:
    batch = Batch()
    batch.add("raw_files", [RawFile(doc_id * 4, f"{doc_id}.txt", 100, "loaded", None, run_id)])
    batch.add("documents", [{**_doc(doc_id).__dict__, "duplicate_of": None, "duplicate_level": None,
                             "cluster_id": doc_id, "run_id": run_id}])
    batch.add("entities", [Entity("person_kim_jong_un", entity_name, "PERSON")])
    batch.add("mentions", [Mention(doc_id, "person_kim_jong_un", "Kim Jong Un", 0, 11, 0)])
    return batch


def _auditors(critical_failure: bool = False, model_failure: bool = False, built: list | None = None) -> Auditors:
    def audit_batch(con, run_id):
        rows = con.execute("SELECT count(*) FROM batch.documents").fetchone()[0]
        return Audit([Result(run_id, "documents", "batch_has_rows", "critical", rows > 0 and not critical_failure,
                             rows)], critical_failure)

    def build_models(con):
        con.execute("CREATE OR REPLACE TABLE doc_count AS SELECT count(*) AS n FROM documents")
        if built is not None:
            built.append(con.execute("SELECT n FROM doc_count").fetchone()[0])

        @dataclass
        class Timing:
            name: str
            seconds: float
        return [Timing("doc_count", 0.0)]

    def audit_models(con, run_id, names):
        return Audit([Result(run_id, "doc_count", "positive", "critical", not model_failure)], model_failure)

    return Auditors(audit_batch, build_models, audit_models)


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    with duckdb.connect(str(path)) as con:
        ensure_schema(con)
    return path


def _published(path, sql):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_clean_batch_is_published_with_its_models_and_results(warehouse, tmp_path):
    built = []
    outcome = publish(warehouse, "r1", write_batch(_batch("r1", "aaaa"), tmp_path / "b1"), _auditors(built=built))
    assert outcome.published
    assert _published(warehouse, "SELECT doc_id, cluster_id FROM documents") == [("aaaa", "aaaa")]
    assert _published(warehouse, "SELECT n FROM doc_count") == [(1,)]
    assert _published(warehouse, "SELECT table_name, success FROM dq_results") == [
        ("documents", True), ("doc_count", True)]
    assert _published(warehouse, "SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'batch'") == [(0,)]


def test_republishing_the_same_batch_changes_nothing(warehouse, tmp_path):
    files = write_batch(_batch("r1", "aaaa"), tmp_path / "b1")
    publish(warehouse, "r1", files, _auditors())
    before = _published(warehouse, "SELECT * FROM documents JOIN mentions USING (doc_id) JOIN entities USING (entity_id)")
    publish(warehouse, "r1", files, _auditors())
    after = _published(warehouse, "SELECT * FROM documents JOIN mentions USING (doc_id) JOIN entities USING (entity_id)")
    assert before == after and len(after) == 1


def test_a_critical_failure_leaves_published_tables_as_they_were_and_keeps_the_batch(warehouse, tmp_path):
    publish(warehouse, "r1", write_batch(_batch("r1", "aaaa"), tmp_path / "b1"), _auditors())
    outcome = publish(warehouse, "r2", write_batch(_batch("r2", "bbbb"), tmp_path / "b2"),
                      _auditors(critical_failure=True))
    assert not outcome.published
    assert outcome.reason == "critical expectations failed: documents.batch_has_rows"
    assert _published(warehouse, "SELECT doc_id FROM documents") == [("aaaa",)]
    schema = failed_schema_name("r2")
    assert _published(warehouse, f"SELECT doc_id FROM {schema}.documents") == [("bbbb",)]
    assert _published(warehouse, "SELECT run_id, success FROM dq_results WHERE NOT success") == [("r2", False)]


def test_a_failing_model_check_rolls_back_the_whole_publish(warehouse, tmp_path):
    publish(warehouse, "r1", write_batch(_batch("r1", "aaaa"), tmp_path / "b1"), _auditors())
    outcome = publish(warehouse, "r2", write_batch(_batch("r2", "bbbb"), tmp_path / "b2"),
                      _auditors(model_failure=True))
    assert not outcome.published
    assert _published(warehouse, "SELECT doc_id FROM documents") == [("aaaa",)]
    assert _published(warehouse, "SELECT n FROM doc_count") == [(1,)]


def test_an_error_in_the_middle_of_publishing_rolls_everything_back(warehouse, tmp_path):
    publish(warehouse, "r1", write_batch(_batch("r1", "aaaa"), tmp_path / "b1"), _auditors())
    broken = _auditors()
    broken.build_models = lambda con: (_ for _ in ()).throw(RuntimeError("model SQL broke"))
    with pytest.raises(RuntimeError, match="model SQL broke"):
        publish(warehouse, "r2", write_batch(_batch("r2", "bbbb"), tmp_path / "b2"), broken)
    assert _published(warehouse, "SELECT doc_id FROM documents") == [("aaaa",)]
    assert _published(warehouse, "SELECT count(*) FROM raw_files") == [(1,)]


@pytest.mark.parametrize("names", [("Kim", "Kim Jong Un"), ("Kim Jong Un", "Kim")])
def test_an_entity_ends_with_its_fullest_name_whatever_order_its_documents_arrive_in(warehouse, tmp_path, names):
    for k, name in enumerate(names):
        files = write_batch(_batch(f"r{k}", f"d{k}", entity_name=name), tmp_path / f"r{k}")
        assert publish(warehouse, f"r{k}", files, _auditors()).published
    assert _published(warehouse, "SELECT entity_id, name FROM entities") == [("person_kim_jong_un", "Kim Jong Un")]


def test_a_publication_whose_steps_did_not_all_run_commits_nothing(warehouse, tmp_path):
    files = write_batch(_batch("r1", "aaaa"), tmp_path / "b1")
    with pytest.raises(RuntimeError, match="only once it passed its audit"):
        with publication(warehouse, "r1", files, _auditors()) as txn:
            txn.apply()  # before validate
    with publication(warehouse, "r1", files, _auditors()) as txn:
        assert txn.validate()
        txn.apply()  # the models were never refreshed: the transaction must not commit
    assert not txn.outcome.published
    assert _published(warehouse, "SELECT count(*) FROM documents") == [(0,)]


def test_validate_publish_and_refresh_models_one_after_the_other_commit_the_batch(warehouse, tmp_path):
    with publication(warehouse, "r1", write_batch(_batch("r1", "aaaa"), tmp_path / "b1"), _auditors()) as txn:
        assert txn.validate()
        txn.apply()
        assert txn.refresh_models()
    assert txn.outcome.published
    assert _published(warehouse, "SELECT doc_id FROM documents") == [("aaaa",)]
