"""Audit cost against warehouse size: the same batch audited over published tables of growing size.

Usage: .venv/bin/python -m benchmarks.audit_cost [--batch 100] [--published 0 20000 100000]
Each point builds an in-memory warehouse whose main holds N synthetic documents (with mentions, pairs and
bands), plants the same batch of B documents that refer to some of them, and times audit_batch (GX on the
batch's DataFrames plus SQL rules joined to main by key). A flat line means cost follows the batch.
Prints one JSON line per point and writes benchmarks/results/audit_cost.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

from newsfacts.config import PROJECT_ROOT
from newsfacts.quality import BATCH_TABLES, audit_batch

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
    con.execute("create schema batch")
    for table in BATCH_TABLES:
        if table == "document_updates":
            con.execute("create table batch.document_updates (doc_id varchar, duplicate_of varchar,"
                        " duplicate_level varchar, cluster_id varchar)")
        else:
            con.execute(f"create table batch.{table} as select * from main.{table} limit 0")
    con.execute("insert into main.entities select 'e' || i, 'Entity ' || i, 'PERSON' from range(50) t(i)")
    for schema, first, last in (("main", 0, published), ("batch", published, published + batch)):
        for statement in _DOCS.format(schema=schema).split(";"):
            if statement.strip():
                params = {k: v for k, v in {"body": BODY, "first": first, "last": last}.items() if f"${k}" in statement}
                con.execute(statement, params)
    con.execute("update batch.raw_files set run_id = 'bench'")
    return con


def measure(published: int, batch: int) -> dict:
    con = build(published, batch)
    started = time.perf_counter()
    audit = audit_batch(con, "bench")
    seconds = time.perf_counter() - started
    failed = sorted({r.expectation for r in audit.failures})
    return {"published_documents": published, "batch_documents": batch, "audit_seconds": round(seconds, 3),
            "checks": len(audit.results), "not_passed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--published", type=int, nargs="+", default=[0, 20_000, 100_000])
    args = parser.parse_args()
    measure(0, 10)  # warm-up: GX's import and first validation are a one-off cost
    points = []
    for published in args.published:
        point = measure(published, args.batch)
        print(json.dumps(point))
        points.append(point)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(points, indent=2))


if __name__ == "__main__":
    main()
