"""SQL models at scale: per-model build time on a synthetic warehouse of N documents, plus the BM25 index.

Usage: .venv/bin/python -m benchmarks.models [--docs 20000]
Synthetic rows (seeded): 10% of documents are rewrites, 40 mentions and 8 quotes per document, quotes cut
whole or in part from a shared pool of utterances (so they match across outlets) with 3% credited to the
wrong speaker. Prints one JSON line and writes benchmarks/results/models.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

from newsfacts.config import SQL_DIR
from newsfacts.models import SCHEMA_SQL, build_models
from newsfacts.query import build_fts_index

RESULTS = Path(__file__).resolve().parent / "results" / "models.json"

# Rows are generated in SQL so the benchmark measures the models, not Python row building.
_SYNTHETIC = """
select setseed(0.42);
insert into documents (doc_id, sha256, kind, format, outlet, title, published_date, body, word_count,
                       duplicate_of, duplicate_level, cluster_id, run_id)
select
    'd' || i, 'sha' || i, 'article', 'article_text', 'outlet ' || (i % 40), 'title ' || i,
    date '2023-01-01' + (i % 365)::int,
    'body of document ' || i || ' about the armored train ' || repeat('word ', 200),
    400,
    case when i % 10 = 9 then 'd' || (i - 1) end,
    case when i % 10 = 9 then 'rewrite' end,
    case when i % 10 = 9 then 'd' || (i - 1) else 'd' || i end,
    'bench'
from range($docs) t(i);

insert into entities select 'e' || i, 'Entity ' || i, case when i % 3 = 0 then 'PERSON' else 'ORG' end
from range(5000) t(i);
insert into entity_aliases select entity_id, name from entities;

insert into mentions
select 'd' || (i // 40), 'e' || least(floor(pow(random(), 3) * 5000)::int, 4999), 'name', 0, 4, (i % 40) // 2
from range($docs * 40) t(i);

create temp table vocabulary as select i as word_no, 'w' || i as word from range(3000) t(i);
create temp table utterances as
select u, string_agg(word, ' ' order by k) as words
from (select u, k, 'w' || floor(random() * 3000)::int as word from range($docs) a(u), range(24) b(k))
group by u;

insert into quotes (quote_id, doc_id, kind, speaker_entity_id, speaker, text, start_char, end_char)
select
    'q' || i, 'd' || (i // 8), 'direct',
    'e' || case when random() < 0.03 then (u * 7 + 1) % 5000 else (u * 3) % 5000 end,
    'Speaker',
    array_to_string(string_split(words, ' ')[1 + (i % 3) : 24 - (i % 5)], ' '),
    0, 1
from (select i, floor(pow(random(), 2) * $docs)::int as u from range($docs * 8) t(i)) picks
join utterances using (u);

insert into events
select 'v' || i, 'd' || (i // 5), date '2023-01-01' + (i % 400)::int, 'day', 'Monday', 'explicit',
       'event sentence ' || i, 0, 1
from range($docs * 5) t(i);
"""


def synthetic_warehouse(path: Path, docs: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    con.execute(_SYNTHETIC.replace("$docs", str(int(docs))))
    return con


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--db", type=Path, default=Path(__file__).resolve().parent / ".cache" / "models.duckdb")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    for stale in (args.db, args.db.with_name(args.db.name + ".wal")):
        stale.unlink(missing_ok=True)
    con = synthetic_warehouse(args.db, args.docs)
    counts = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "mentions", "quotes")}
    con.execute("BEGIN TRANSACTION")
    started = time.perf_counter()
    timings = build_models(con, SQL_DIR)
    models_seconds = time.perf_counter() - started
    con.execute("COMMIT")
    started = time.perf_counter()
    build_fts_index(con)
    fts_seconds = time.perf_counter() - started
    con.close()
    result = {
        "docs": args.docs,
        "rows": counts,
        "models_seconds": round(models_seconds, 2),
        "fts_index_seconds": round(fts_seconds, 2),
        "per_model": {t.name: {"seconds": round(t.seconds, 3), "rows": t.rows} for t in timings},
    }
    for t in timings:
        print(f"  {t.name:24s} {t.seconds:8.3f}s {t.rows:>10,d} rows")
    print(f"  {'all models':24s} {models_seconds:8.3f}s   BM25 index {fts_seconds:.2f}s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
