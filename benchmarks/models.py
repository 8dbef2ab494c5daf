"""SQL models at scale: full rebuild against incremental refresh after publishing 1% new documents.

Usage: .venv/bin/python -m benchmarks.models [--docs 1000 10000 20000] [--new-share 0.01]
For each size: plant a synthetic warehouse of N documents, build every model and the BM25 index in full
(timed), then publish a batch of N * new-share documents (some relabelling earlier clusters) inside one
transaction and time the incremental refresh, then the full rebuild of the same data for comparison, and one
search. Synthetic rows (deterministic): 10% of documents are rewrites, 40 mentions and 8 quotes per document,
quotes cut whole or in part from a shared pool of utterances (so they match across outlets) with 3% credited to
the wrong speaker. Prints a table and writes benchmarks/results/models.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import duckdb

from newsfacts.config import SQL_DIR
from newsfacts.transform.models import SCHEMA_SQL, build_models, refresh_models
from newsfacts.transform.search_index import build_fts_index, refresh_search_index
from newsfacts.warehouse.publish import apply_batch, load_batch_schema
from newsfacts.warehouse.query import search
from tests.models.generated import plant_batch  # the same generated runs the incremental tests plant
from tests.models.generated import plant_batch  # the same generated runs the incremental tests plant

RESULTS = Path(__file__).resolve().parent / "results" / "models.json"
SEARCHES = ["armored train", "abc kim"]


# Rows are generated in SQL (tests/models/generated.py) so the benchmark measures the models, not Python row building.
def publish_batch(con: duckdb.DuckDBPyConnection, start: int, stop: int, *, entities: int, pool: int,
                  relabel: dict[int, int] | None = None, refresh=None) -> float:
    """Load a synthetic batch into schema batch and apply it as a publish does, then call refresh; its seconds."""
    con.execute("DROP SCHEMA IF EXISTS batch CASCADE")
    con.execute("BEGIN TRANSACTION")
    load_batch_schema(con, "batch", {})
    plant_batch(con, "batch", start, stop, entities=entities, pool=pool, run_id="bench", relabel=relabel)
    apply_batch(con, "batch")
    started = time.perf_counter()
    if refresh is not None:
        refresh(con)
    seconds = time.perf_counter() - started
    con.execute("COMMIT")
    con.execute("DROP SCHEMA IF EXISTS batch CASCADE")
    return seconds


def measure(path: Path, docs: int, new_share: float) -> dict:
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    entities, pool = max(docs // 4, 50), docs
    publish_batch(con, 0, docs, entities=entities, pool=pool)
    started = time.perf_counter()
    build_models(con, SQL_DIR)
    build_fts_index(con)
    first_build = time.perf_counter() - started
    new = max(int(docs * new_share), 1)
    # two new documents are originals of earlier clusters (their copies were published first)
    relabel = {docs: 8, docs + 1: docs // 20 * 10 + 8}
    timings = []

    def incremental(con):
        timings.extend(refresh_models(con, SQL_DIR))
        started = time.perf_counter()
        refresh_search_index(con)
        timings.append(("search index", time.perf_counter() - started))

    refresh_seconds = publish_batch(con, docs, docs + new, entities=entities, pool=pool, relabel=relabel,
                                    refresh=incremental)
    con.execute("BEGIN TRANSACTION")
    started = time.perf_counter()
    full = build_models(con, SQL_DIR)
    full_models = time.perf_counter() - started
    started = time.perf_counter()
    build_fts_index(con)
    full_index = time.perf_counter() - started
    con.execute("ROLLBACK")
    con.close()
    searches = {}
    for query in SEARCHES:  # one word in every document, then two of middling frequency
        started = time.perf_counter()
        hits = search(path, query)
        searches[query] = {"seconds": round(time.perf_counter() - started, 3), "hits": len(hits)}
    per_model = {t.name: {"refresh_seconds": round(t.seconds, 3), "mode": t.mode, "rows": t.rows}
                 for t in timings if hasattr(t, "name")}
    for t in full:
        per_model[t.name]["full_seconds"] = round(t.seconds, 3)
    return {
        "docs": docs, "new_docs": new, "first_build_seconds": round(first_build, 2),
        "refresh_models_seconds": round(sum(t.seconds for t in timings if hasattr(t, "name")), 3),
        "refresh_index_seconds": round(timings[-1][1], 3),
        "refresh_seconds": round(refresh_seconds, 3),
        "full_models_seconds": round(full_models, 2), "full_index_seconds": round(full_index, 2),
        "search": searches,
        "per_model": per_model,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000, 20000])
    parser.add_argument("--new-share", type=float, default=0.01)
    parser.add_argument("--db", type=Path, default=Path(__file__).resolve().parent / ".cache" / "models.duckdb")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    results = []
    for docs in args.docs:
        result = measure(args.db, docs, args.new_share)
        results.append(result)
        print(f"{docs:>7,d} docs + {result['new_docs']:,d} new: refresh {result['refresh_seconds']:.2f}s "
              f"(models {result['refresh_models_seconds']:.2f}s, index {result['refresh_index_seconds']:.2f}s) | "
              f"full rebuild models {result['full_models_seconds']:.2f}s, index {result['full_index_seconds']:.2f}s"
              " | search " + ", ".join(f"{q!r} {r['seconds'] * 1000:.0f} ms" for q, r in result["search"].items()))
        for name, model in result["per_model"].items():
            print(f"    {name:24s} {model['mode']:15s} {model['refresh_seconds']:8.3f}s   "
                  f"full {model.get('full_seconds', 0):8.3f}s")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
