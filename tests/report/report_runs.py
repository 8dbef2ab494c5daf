"""Runs of the planted seed batch for the report tests: one published, one stopped by its audit."""

import importlib.util
import sys
from datetime import datetime
from functools import partial
from pathlib import Path

import duckdb
import pytest

from newsfacts.config import Settings
from newsfacts.quality import audit_batch, audit_models
from newsfacts.warehouse.publish import Auditors, apply_batch, publish, record_dq_results


def _load_planted():
    path = Path(__file__).parents[1] / "quality" / "planted.py"
    spec = importlib.util.spec_from_file_location("planted_batch", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["planted_batch"] = module
    spec.loader.exec_module(module)
    return module


planted = _load_planted()
SCRIPT_TITLE = "<script>alert('x')</script> Kim & Putin"


def record_run(con, run_id: str, status: str, error: str | None = None) -> None:
    con.execute(
        "INSERT INTO runs (run_id, started_at, ended_at, status, error, files_seen, files_new, files_rejected,"
        " documents_loaded) VALUES (?, ?, ?, ?, ?, 4, 4, 1, ?)",
        [run_id, datetime.now(), datetime.now(), status, error, 3 if status == "published" else 0],
    )


# Module-scoped: an audit with Data Docs costs seconds, and the report tests only read what it produced.
@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return Settings(warehouse=tmp_path_factory.mktemp("home") / "newsfacts.duckdb")


@pytest.fixture(scope="module")
def published(settings):
    """The planted batch audited, recorded and published in an in-memory warehouse; a rewrite titled with a script,
    and a transcript without its outlet (a warning)."""
    con = planted.new_warehouse()
    docs = planted.plant_clean_batch(con)
    con.execute("UPDATE batch.documents SET title = ? WHERE doc_id = ?", [SCRIPT_TITLE, docs["bnb"]["doc_id"]])
    con.execute("UPDATE batch.documents SET outlet = NULL WHERE doc_id = ?", [docs["tx"]["doc_id"]])
    record_dq_results(con, audit_batch(con, planted.RUN_ID, settings=settings).results)
    apply_batch(con, "batch")
    con.execute("DROP SCHEMA batch CASCADE")
    record_run(con, planted.RUN_ID, "published")
    record_run(con, "run-empty", "nothing_new")
    yield con, docs
    con.close()


@pytest.fixture(scope="module")
def failed_publish(settings, tmp_path_factory):
    """A real publish of the planted batch with a future date planted: the audit stops it and keeps the batch."""
    staging = planted.new_warehouse()
    docs = planted.plant_clean_batch(staging)
    staging.execute("UPDATE batch.documents SET published_date = current_date + 40 WHERE doc_id = ?",
                    [docs["ap"]["doc_id"]])
    for table in ("raw_files", "documents", "duplicate_pairs"):
        staging.execute(f"UPDATE batch.{table} SET run_id = 'run-failed'")
    files, folder = {}, tmp_path_factory.mktemp("batch")
    for table in planted.BATCH_TABLES:
        path = folder / f"{table}.parquet"
        staging.execute(f"COPY batch.{table} TO '{path}' (FORMAT parquet)")
        files[table] = path
    staging.close()
    auditors = Auditors(
        audit_batch=partial(audit_batch, settings=settings),
        build_models=lambda con: [],
        audit_models=partial(audit_models, settings=settings),
    )
    outcome = publish(settings.warehouse, "run-failed", files, auditors)
    with duckdb.connect(str(settings.warehouse)) as con:
        record_run(con, "run-failed", "audit_failed", outcome.reason)
    return outcome, docs
