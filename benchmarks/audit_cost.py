"""Audit cost against warehouse and batch size: time and peak memory of audit_batch (and audit_models).

Usage: .venv/bin/python -m benchmarks.audit_cost [--batch 100 ...] [--published 0 20000 100000]
       .venv/bin/python -m benchmarks.audit_cost --warehouse benchmarks/.cache/work-1000-0-steps-0.0/newsfacts.duckdb
       .venv/bin/python -m benchmarks.audit_cost --replay benchmarks/.cache/work-1000-0-steps-0.0/runs/<run_id>
Each synthetic point builds an in-memory warehouse whose main holds N synthetic documents (with mentions, pairs
and bands), plants a batch of B documents that refer to some of them, and times audit_batch (GX on the batch's
rows in chunks plus SQL rules joined to main by key). A flat line over N means cost follows the batch; a flat
peak over B means memory follows the chunk size. With --warehouse, a copy of a published warehouse has its
tables staged again as the batch and is audited as a publish would (batch, then every model, Data Docs built).
With --replay, a run's batch Parquet files are published into a fresh warehouse in this fresh process, exactly as
the pipeline does it (GX's import, the models' build and the Data Docs included), and each step is timed.
Prints one JSON line per point and writes benchmarks/results/audit_cost.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from newsfacts.config import EXPECTATIONS_DIR, PROJECT_ROOT, Settings
from newsfacts.quality import audit_batch, audit_models
from newsfacts.warehouse.tables import BATCH_TABLES

RESULTS = Path(__file__).resolve().parent / "results" / "audit_cost.json"
SCHEMA_SQL = PROJECT_ROOT / "newsfacts" / "warehouse" / "schema.sql"
BODY = "Kim Jong Un rolled through Russia on an armored train toward a meeting with Vladimir Putin. " * 30

# One generator for main and batch: doc ids are hex of i, so batch rows can point at published ones.
_DOCS = """
insert into {schema}.documents (doc_id, sha256, kind, format, outlet, title, published_date, body, word_count,
                                lines_total, lines_dropped, date_source, duplicate_of, duplicate_level, cluster_id,
                                run_id)
select lpad(printf('%x', i), 16, '0'), lpad(printf('%x', i), 16, '0') || repeat('0', 48), 'article',
       'article_text', 'outlet ' || (i % 40), 'title ' || i, date '2023-01-01' + (i % 365)::int, $body, 480, 40, 10,
       'explicit', case when i % 10 = 9 then lpad(printf('%x', i - 1), 16, '0') end,
       case when i % 10 = 9 then 'rewrite' end, lpad(printf('%x', i - (i % 10 = 9)::int), 16, '0'), 'r'
from range($first, $last) t(i);
insert into {schema}.raw_files (sha256, path, bytes, status, reason, run_id, format)
select sha256, doc_id || '.txt', 3000, 'loaded', null, 'r', 'article_text' from {schema}.documents;
insert into {schema}.duplicate_pairs
select doc_id, duplicate_of, 'rewrite', 'bench', 0.8, '[]', 'r' from {schema}.documents where duplicate_of is not null;
insert into {schema}.lsh_bands select b, hash(doc_id, b), doc_id, 'shingles' from {schema}.documents, range(8) t(b);
insert into {schema}.mentions select doc_id, 'e' || (m % 50), 'Kim Jong Un', 92 * m, 92 * m + 11, m
from {schema}.documents, range(20) t(m);
"""


def build(published: int, batch: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    stage_batch(con, "limit 0")
    con.execute("insert into main.entities select 'e' || i, 'Entity ' || i, 'PERSON' from range(50) t(i)")
    for schema, first, last in (("main", 0, published), ("batch", published, published + batch)):
        for statement in _DOCS.format(schema=schema).split(";"):
            if statement.strip():
                params = {k: v for k, v in {"body": BODY, "first": first, "last": last}.items() if f"${k}" in statement}
                con.execute(statement, params)
    con.execute("update batch.raw_files set run_id = 'bench'")
    return con


def stage_batch(con, rows: str = "") -> None:
    """A batch schema shaped like main; with rows="" it holds a copy of main's rows, as a re-run would stage them."""
    con.execute("create schema batch")
    for table in BATCH_TABLES:
        if table == "document_updates":
            con.execute("create table batch.document_updates (doc_id varchar, duplicate_of varchar,"
                        " duplicate_level varchar, cluster_id varchar)")
        else:
            con.execute(f"create table batch.{table} as select * from main.{table} {rows}")


def measure(published: int, batch: int) -> dict:
    con = build(published, batch)
    audit, cost = timed(lambda: audit_batch(con, "bench"))
    failed = sorted({r.expectation for r in audit.failures})
    return {"published_documents": published, "batch_documents": batch, **cost, "checks": len(audit.results),
            "not_passed": failed}


def measure_warehouse(path: Path) -> list[dict]:
    """audit_batch then audit_models on a copy of a published warehouse, Data Docs built as in a run."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "newsfacts.duckdb"
        shutil.copy(path, copy)
        con = duckdb.connect(str(copy))
        stage_batch(con)
        mentions = con.execute("select count(*) from batch.mentions").fetchone()[0]
        settings = Settings(warehouse=copy)
        models = sorted(p.stem for p in EXPECTATIONS_DIR.glob("*.py") if p.stem not in BATCH_TABLES)
        points = []
        for name, audit in (("audit_batch", lambda: audit_batch(con, "bench", settings=settings)),
                            ("audit_models", lambda: audit_models(con, "bench", models, settings=settings))):
            result, cost = timed(audit)
            points.append({"warehouse": str(path), "audit": name, "batch_mentions": mentions, **cost,
                           "checks": len(result.results),
                           "not_passed": sorted({f"{r.table_name}.{r.expectation}" for r in result.failures})})
        con.close()
    return points


def measure_replay(run_dir: Path) -> list[dict]:
    """Publish a run's batch into a fresh warehouse with the real auditors; time and peak of each step."""
    from newsfacts.run.lifecycle import auditors
    from newsfacts.warehouse.publish import publish

    files = {p.stem: p for p in (run_dir / "batch").glob("*.parquet")}
    points = []

    def step(name, call):
        def run(*args):
            result, cost = timed(lambda: call(*args))
            points.append({"run": run_dir.name, "step": name, **cost})
            return result
        return run

    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings.from_env(warehouse=Path(scratch) / "newsfacts.duckdb")
        real = auditors(settings)
        real.audit_batch = step("audit_batch", real.audit_batch)
        real.build_models = step("build_models", real.build_models)
        real.audit_models = step("audit_models", real.audit_models)
        outcome = publish(settings.warehouse, run_dir.name, files, real, memory_limit=settings.duckdb_memory_limit)
    return [{**p, "published": outcome.published} for p in points]


def timed(call) -> tuple:
    """The call's result, its wall time, and the process's resident memory before it and at its peak (Linux)."""
    _reset_peak_rss()
    before = _status_mb("VmRSS")
    started = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - started
    return result, {"audit_seconds": round(seconds, 2), "rss_before_mb": before, "peak_rss_mb": _status_mb("VmHWM")}


def _reset_peak_rss() -> None:
    # Writing 5 to clear_refs resets VmHWM, so the peak is this call's, not the setup's.
    Path("/proc/self/clear_refs").write_text("5")


def _status_mb(field: str) -> int:
    line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith(field + ":"))
    return round(int(line.split()[1]) / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, nargs="+", default=[100])
    parser.add_argument("--published", type=int, nargs="+", default=[0, 20_000, 100_000])
    parser.add_argument("--warehouse", type=Path, help="audit a copy of this published warehouse instead")
    parser.add_argument("--replay", type=Path, help="publish this run folder's batch into a fresh warehouse instead")
    args = parser.parse_args()
    if args.replay:  # first: GX's import is part of what a run pays
        points = measure_replay(args.replay)
    elif args.warehouse:
        measure(0, 10)  # warm-up: GX's import and first validation are a one-off cost
        points = measure_warehouse(args.warehouse)
    else:
        measure(0, 10)
        points = [measure(published, batch) for batch in args.batch for published in args.published]
    for point in points:
        print(json.dumps(point))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(points, indent=2))


if __name__ == "__main__":
    main()
