"""Readers beside the writer: what a publish costs and what a reader sees, in place, by snapshot swap, on DuckLake.

Usage: NEWSFACTS_DUCKDB_MEMORY_LIMIT=2GB .venv/bin/python -m benchmarks.readers [--docs 10000] [--new-share 0.01]
           [--extensions DIR] [--real-warehouses LARGER SMALLER]   (planting 10k in one transaction needs more than 512 MB)

Plants a warehouse of N documents (tests/models/generated.py, models and BM25 index built; cached), then publishes
the same batch of N * new-share documents (documents and facts merged as apply_batch does, models and index
refreshed incrementally, as a run's publish) in three ways, each from a fresh copy of the planted file:
  in place   the writer opens the warehouse itself (before issue 26): alone, and with a reader process holding it
             open read-only with a query done (DuckDB then refuses the writer: it waited for the reader);
  swap       newsfacts.warehouse.db.open_rw: copy to <name>.next, write, checkpoint, fsync, rename over; alone and
             with the same reader holding the file; the copy is also timed on its own;
  ducklake   (when duckdb-extension-ducklake and -sqlite are importable, e.g. installed with --target into a folder
             given with --extensions) the base tables in a DuckLake with a SQLite catalog, the batch merged into
             them with delete-then-insert (DuckLake has no INSERT OR REPLACE, keys or fts: the models and the index
             would need rewriting, so its figure is the merge alone, beside the in-place merge alone).
For each: seconds, the files' size on disk, the peak disk use during the publish, and what the reader counted
before and after the publish in its open session, and what a new session counts.
With --real-warehouses, the size a document adds to a warehouse real runs built, to scale the swap to a real 10k.
Prints a table and writes benchmarks/results/readers.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from benchmarks.models import publish_batch
from newsfacts.config import SQL_DIR, Settings
from newsfacts.transform.models import SCHEMA_SQL, build_models, refresh_models
from newsfacts.transform.search_index import build_fts_index, refresh_search_index
from newsfacts.warehouse.db import copy_file, open_rw
from newsfacts.warehouse.publish import apply_batch, load_batch_schema
from tests.models.generated import plant_batch

MEMORY_LIMIT = Settings.from_env().duckdb_memory_limit  # NEWSFACTS_DUCKDB_MEMORY_LIMIT, as a run reads it

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "readers.json"
CACHE = ROOT / ".cache"
# The base tables a DuckLake copy holds (the rest of the warehouse is models, index and bookkeeping).
LAKE_TABLES = ("documents", "mentions", "quotes", "events", "entities", "entity_aliases")

_READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
for _ in sys.stdin:
    print(con.execute("SELECT count(*) FROM documents").fetchone()[0], flush=True)
"""

_LAKE_READER = """
import sys, duckdb
con = duckdb.connect()
con.execute(f"INSTALL '{sys.argv[2]}'"); con.execute(f"INSTALL '{sys.argv[3]}'")
con.execute(f"ATTACH 'ducklake:sqlite:{sys.argv[1]}/catalog.sqlite' AS lake (DATA_PATH '{sys.argv[1]}/data', READ_ONLY)")
print(con.execute("SELECT count(*) FROM lake.documents").fetchone()[0], flush=True)
for _ in sys.stdin:
    print(con.execute("SELECT count(*) FROM lake.documents").fetchone()[0], flush=True)
"""


class Reader:
    """A separate process holding a read-only session open, with a query done, as an analyst's notebook does."""

    def __init__(self, script: str, *args: str):
        self.proc = subprocess.Popen([sys.executable, "-c", script, *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.first = self._answer()

    def count(self) -> int:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        return self._answer()

    def _answer(self) -> int:
        while line := self.proc.stdout.readline():
            if line.strip():  # DuckDB may print a blank line of its progress display
                return int(line)
        raise RuntimeError("the reader process ended: " + self.proc.stderr.read()[-500:])

    def held_deleted_bytes(self) -> int:
        """The disk the reader keeps allocated: files it holds open that were replaced (renamed over) since."""
        fds = Path(f"/proc/{self.proc.pid}/fd")
        return sum(os.stat(fd).st_blocks * 512 for fd in fds.iterdir() if os.readlink(fd).endswith(" (deleted)"))

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def plant(path: Path, docs: int) -> None:
    if path.exists():
        return
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    if docs:
        publish_batch(con, 0, docs, entities=max(docs // 4, 50), pool=docs)
    build_models(con, SQL_DIR)
    build_fts_index(con)
    con.close()


def the_publish(con: duckdb.DuckDBPyConnection, docs: int, new: int, models: bool = True) -> float:
    """Plant the batch, then merge it, refresh the models and the index and commit; the seconds of the planting,
    which the callers take off their own wall time (a run's batch arrives as Parquet, already built)."""
    started = time.perf_counter()
    con.execute("DROP SCHEMA IF EXISTS batch CASCADE")
    con.execute("BEGIN TRANSACTION")
    load_batch_schema(con, "batch", {})
    plant_batch(con, "batch", docs, docs + new, entities=max(docs // 4, 50), pool=docs, run_id="bench")
    planting = time.perf_counter() - started
    apply_batch(con, "batch")
    if models:
        refresh_models(con, SQL_DIR)
        refresh_search_index(con)
    con.execute("COMMIT")
    return planting


def disk_bytes(*paths: Path) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(p.stat().st_blocks * 512 for p in path.rglob("*") if p.is_file())
        elif path.exists():
            total += path.stat().st_blocks * 512
    return total


def count(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def fresh(planted: Path, work: Path) -> Path:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    target = work / "newsfacts.duckdb"
    shutil.copyfile(planted, target)
    return target


def in_place(planted: Path, work: Path, docs: int, new: int, models: bool = True) -> dict:
    path = fresh(planted, work)
    reader = Reader(_READER, str(path))
    try:
        duckdb.connect(str(path), config={"memory_limit": MEMORY_LIMIT}).close()
        blocked = None
    except duckdb.IOException as exc:
        blocked = str(exc).splitlines()[0][:120]
    reader.close()
    started = time.perf_counter()
    con = duckdb.connect(str(path), config={"memory_limit": MEMORY_LIMIT})
    planting = the_publish(con, docs, new, models)
    con.close()  # its checkpoint is part of the publish
    seconds = time.perf_counter() - started - planting
    return {"seconds": round(seconds, 2), "with_reader": f"refused: {blocked}" if blocked else "went through",
            "file_mb": round(disk_bytes(path) / 1e6, 1), "documents_after": count(path)}


def swap(planted: Path, work: Path, docs: int, new: int) -> dict:
    path = fresh(planted, work)
    copies, overheads = [], []
    for _ in range(3):  # what the swap adds to a publish, alone: the publish's own work is the same either way
        started = time.perf_counter()
        copy_file(path, work / "copy-alone")
        copies.append(time.perf_counter() - started)
        with open(work / "copy-alone", "rb") as f:
            os.fsync(f.fileno())
        os.replace(work / "copy-alone", work / "swapped")
        overheads.append(time.perf_counter() - started)
        (work / "swapped").unlink()
    copy_seconds, overhead_seconds = sorted(copies)[1], sorted(overheads)[1]  # medians of three
    alone, peak = timed_swap(path, work, docs, new)
    reader = Reader(_READER, str(path))  # holds the file published above, with a query done
    with_reader, _ = timed_swap(path, work, docs + new, new)
    seen = {"reader_before": reader.first, "reader_after": reader.count(), "new_session": count(path)}
    pinned = disk_bytes(*work.iterdir()) + reader.held_deleted_bytes()
    reader.close()
    return {"seconds": round(alone, 2), "copy_seconds": round(copy_seconds, 2),
            "copy_fsync_rename_seconds": round(overhead_seconds, 2),
            "seconds_with_reader": round(with_reader, 2), **seen,
            "file_mb": round(disk_bytes(path) / 1e6, 1), "peak_disk_mb": round(peak / 1e6, 1),
            "disk_while_reader_holds_old_mb": round(pinned / 1e6, 1)}


def timed_swap(path: Path, work: Path, docs: int, new: int) -> tuple[float, int]:
    """Seconds of a publish through open_rw, and the disk the folder used just before the copy was swapped in."""
    started = time.perf_counter()
    with open_rw(path, memory_limit=MEMORY_LIMIT) as con:
        planting = the_publish(con, docs, new)
        peak = disk_bytes(*work.iterdir())
    return time.perf_counter() - started - planting, peak


def lake(planted: Path, work: Path, docs: int, new: int, extensions: tuple[Path, Path]) -> dict:
    """Merge seconds and disk use in a lake nobody reads, then the same publish with a reader holding a session."""
    con, load_seconds = new_lake(planted, work, extensions)
    size_loaded = disk_bytes(work)
    plant_lake_batch(con, docs, new)
    merge_seconds = lake_merge(con)
    result = {"load_seconds": round(load_seconds, 2), "merge_seconds": round(merge_seconds, 2),
              "disk_mb": round(size_loaded / 1e6, 1), "disk_after_publish_mb": round(disk_bytes(work) / 1e6, 1),
              "files_after_publish": sum(1 for p in (work / "data").rglob("*") if p.is_file())}
    con.close()
    con, _ = new_lake(planted, work, extensions)
    reader = Reader(_LAKE_READER, str(work), *map(str, extensions))
    plant_lake_batch(con, docs, new)
    try:
        lake_merge(con)
        result.update(with_reader="went through", reader_before=reader.first, reader_after=reader.count(),
                      new_session=con.execute("SELECT count(*) FROM lake.documents").fetchone()[0])
    except duckdb.Error as exc:
        result.update(with_reader="refused: " + str(exc).splitlines()[-1][:120], reader_before=reader.first)
    reader.close()
    con.close()
    return result


def new_lake(planted: Path, work: Path, extensions: tuple[Path, Path]) -> tuple[duckdb.DuckDBPyConnection, float]:
    """A DuckLake (SQLite catalog) holding the planted base tables, and the seconds it took to fill."""
    shutil.rmtree(work, ignore_errors=True)
    (work / "data").mkdir(parents=True)
    con = lake_session(planted, work, extensions)
    started = time.perf_counter()
    for table in LAKE_TABLES:
        con.execute(f"CREATE TABLE lake.{table} AS SELECT * FROM src.main.{table}")
    return con, time.perf_counter() - started


def lake_session(planted: Path, work: Path, extensions: tuple[Path, Path]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for ext in extensions:
        con.execute(f"INSTALL '{ext}'")
    con.execute(f"ATTACH 'ducklake:sqlite:{work}/catalog.sqlite' AS lake (DATA_PATH '{work}/data')")
    con.execute(f"ATTACH '{planted}' AS src (READ_ONLY)")
    return con


def plant_lake_batch(con: duckdb.DuckDBPyConnection, docs: int, new: int) -> None:
    con.execute("CREATE SCHEMA batch")
    for table in LAKE_TABLES:
        con.execute(f"CREATE TABLE batch.{table} AS SELECT * FROM src.main.{table} LIMIT 0")
    con.execute("CREATE TABLE batch.document_updates (doc_id VARCHAR, duplicate_of VARCHAR, "
                "duplicate_level VARCHAR, cluster_id VARCHAR)")
    plant_batch(con, "batch", docs, docs + new, entities=max(docs // 4, 50), pool=docs, run_id="bench")


def lake_merge(con: duckdb.DuckDBPyConnection) -> float:
    """The batch merged into the lake's tables in one transaction (delete-then-insert: no INSERT OR REPLACE)."""
    started = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    for table in ("documents", "mentions", "quotes", "events"):
        con.execute(f"DELETE FROM lake.{table} WHERE doc_id IN (SELECT doc_id FROM batch.documents)")
        con.execute(f"INSERT INTO lake.{table} SELECT * FROM batch.{table}")
    con.execute("INSERT INTO lake.entities SELECT * FROM batch.entities "
                "WHERE entity_id NOT IN (SELECT entity_id FROM lake.entities)")
    con.execute("COMMIT")
    return time.perf_counter() - started


def lake_extensions(folder: Path | None) -> tuple[Path, Path] | None:
    if folder is not None:
        sys.path.insert(0, str(folder))
    try:
        import duckdb_extension_ducklake
        import duckdb_extension_sqlite
    except ImportError:
        return None
    return tuple(Path(m.__file__).parent / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"
                 for m, name in ((duckdb_extension_ducklake, "ducklake"), (duckdb_extension_sqlite, "sqlite")))


def real_size(path: Path, smaller: Path) -> dict:
    """A real warehouse's size per document beyond a smaller one's (a warehouse of one document: its tables hold a
    block each, which a per-document share of the larger one would count as many times)."""
    (docs, size), (docs0, size0) = ((documents(p), p.stat().st_size) for p in (path, smaller))
    per_doc = (size - size0) / (docs - docs0)
    return {"documents": docs, "file_mb": round(size / 1e6, 1), "smaller_documents": docs0,
            "smaller_mb": round(size0 / 1e6, 1), "kb_per_document": round(per_doc / 1e3, 1),
            "fixed_mb": round((size0 - per_doc * docs0) / 1e6, 1)}


def documents(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--new-share", type=float, default=0.01)
    parser.add_argument("--extensions", type=Path, help="a folder holding duckdb_extension_ducklake and _sqlite")
    parser.add_argument("--real-warehouses", type=Path, nargs=2, metavar=("LARGER", "SMALLER"),
                        help="two warehouses real runs built, for the size a document adds")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    planted = CACHE / f"readers-{args.docs}.duckdb"
    started = time.perf_counter()
    plant(planted, args.docs)
    print(f"planted {args.docs:,d} documents in {time.perf_counter() - started:.0f}s (cached: {planted})", flush=True)
    new = max(int(args.docs * args.new_share), 1)
    work = CACHE / "readers-work"
    result = {"docs": args.docs, "new_docs": new}
    result["in_place"] = in_place(planted, work, args.docs, new)
    result["in_place_merge_only"] = in_place(planted, work, args.docs, new, models=False)
    result["swap"] = swap(planted, work, args.docs, new)
    extensions = lake_extensions(args.extensions)
    result["ducklake"] = lake(planted, work, args.docs, new, extensions) if extensions else "not installed"
    if args.real_warehouses:
        result["real"] = real_size(*args.real_warehouses)
        mb_per_s = result["swap"]["file_mb"] / max(result["swap"]["copy_fsync_rename_seconds"], 1e-3)
        result["real"]["mb_at_10k"] = round(result["real"]["kb_per_document"] * 10 + result["real"]["fixed_mb"])
        result["real"]["copy_seconds_at_10k"] = round(result["real"]["mb_at_10k"] / mb_per_s, 2)
    shutil.rmtree(work, ignore_errors=True)
    report(result)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2))


def report(r: dict) -> None:
    p, m, s = r["in_place"], r["in_place_merge_only"], r["swap"]
    print(f"{r['docs']:,d} planted documents, a publish of {r['new_docs']:,d} (merge, models, index):")
    print(f"  in place  {p['seconds']:6.2f}s  file {p['file_mb']} MB; with a reader holding the file: "
          f"{p['with_reader']}")
    print(f"  swap      {s['seconds']:6.2f}s  = {s['seconds'] / p['seconds']:.2f}x (copy alone {s['copy_seconds']:.2f}s, with fsync and rename "
          f"{s['copy_fsync_rename_seconds']:.2f}s)"
          f"; with a reader holding the file {s['seconds_with_reader']:.2f}s; peak disk {s['peak_disk_mb']} MB, "
          f"{s['disk_while_reader_holds_old_mb']} MB while the reader holds the old file")
    print(f"            reader's open session: {s['reader_before']:,d} before, {s['reader_after']:,d} after; "
          f"a new session: {s['new_session']:,d}")
    lake_result = r["ducklake"]
    if isinstance(lake_result, dict):
        print(f"  ducklake  merge only {lake_result['merge_seconds']:.2f}s (in place, merge only: "
              f"{m['seconds']:.2f}s); {lake_result['disk_mb']} MB on disk for the base tables "
              f"({lake_result['disk_after_publish_mb']} MB, {lake_result['files_after_publish']} files after one "
              f"publish); with a reader holding a session: {lake_result['with_reader']}; reader's open session "
              f"{lake_result['reader_before']:,d} before, {lake_result.get('reader_after', '-')} after, "
              f"a new session {lake_result.get('new_session', '-')}")
    else:
        print(f"  ducklake  {lake_result}")
    print("            disk: the published file and the writer's copy during a publish; a reader holding a replaced "
          "file keeps it allocated until it closes")
    if "real" in r:
        real = r["real"]
        print(f"  real warehouses: {real['kb_per_document']} kB per document ({real['documents']:,d} documents "
              f"{real['file_mb']} MB, {real['smaller_documents']:,d} {real['smaller_mb']} MB): at 10k "
              f"~{real['mb_at_10k']:,d} MB, "
              f"a copy, fsync and rename of ~{real['copy_seconds_at_10k']:.1f}s at the speed above")


if __name__ == "__main__":
    main()
