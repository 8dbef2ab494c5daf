"""Time, work and memory of the dedupe step at 1k and 10k generated documents, run after run through the DuckDB index.

Run: .venv/bin/python -m benchmarks.dedupe_scale [--sizes 1000 10000]   (writes benchmarks/results/dedupe_scale.json)

Documents come from benchmarks/corpus.py (text format), parsed once and cached under benchmarks/.cache/ with their
ground truth, which the warehouse's clusters after the last batch are scored against (P/R/F1 per level, false
merges): what the speed costs in quality is measured on the same data. Each size
is fed in batches of Settings.batch_size, as the chunks of a run: dedupe_batch against everything published before,
then the batch is published (documents, lsh_bands, dedupe_vocabulary, dedupe_profiles, changed assignments), so an
earlier document that is a candidate again is read with its stored profile, as in the pipeline. Only dedupe_batch is
timed. Per document: candidates looked up (earlier ones from the index, in-batch ones from the run's own bands),
earlier ones gated out by vocabulary overlap before reading, earlier documents read back (and how many of those had
no stored profile), pairs verified, bodies read (all batches: for a profile, a pair's evidence, or an outlet's undated
page read by its text). Each size runs in a fresh process, so its peak RSS is its own; beside it, in the
same process, a bare datasketch MinHashLSH pass over the same bodies (the irreducible candidate work), as a ratio.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb
import pyarrow as pa

from benchmarks.dedupe_quality import LEVELS, corpus_documents, corpus_labels, corpus_pairs, score
from benchmarks.pipeline import minhash_lsh_seconds
from newsfacts.config import PROJECT_ROOT, Settings
from newsfacts.dedupe import DuckDBCandidateIndex, dedupe_batch
from newsfacts.dedupe import profiles as stored_profiles

RESULTS = PROJECT_ROOT / "benchmarks" / "results" / "dedupe_scale.json"
SCHEMA = PROJECT_ROOT / "newsfacts" / "warehouse" / "schema.sql"
BAND_SCHEMA = pa.schema([("band", pa.int32()), ("bucket", pa.uint64()), ("doc_id", pa.string()), ("family", pa.string())])
VOCABULARY_SCHEMA = pa.schema([("doc_id", pa.string()), ("stems", pa.list_(pa.string()))])
PER_DOCUMENT = ("earlier_candidates", "gated_out", "batch_candidates", "second_chance", "fetched", "canonical_fetched",
                "profiled_again",
                "verified", "bodies_read")


def publish(con, docs, result, run_id) -> None:
    """The part of a warehouse load dedupe reads back: documents, their bands and vocabularies, changed assignments."""
    con.executemany(
        "insert into documents (doc_id, sha256, kind, format, title, published_date, body, word_count, run_id)"
        " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(d.doc_id, d.sha256, d.kind, d.format, d.title, d.published_date, d.body, d.word_count, run_id) for d in docs],
    )
    bands = pa.Table.from_pylist(result.bands, schema=BAND_SCHEMA)
    con.register("bands_batch", bands)
    con.execute("insert into lsh_bands select band, bucket, doc_id, family from bands_batch")
    con.unregister("bands_batch")
    vocabulary = pa.Table.from_pylist(result.vocabulary, schema=VOCABULARY_SCHEMA)
    con.register("vocabulary_batch", vocabulary)
    con.execute("insert into dedupe_vocabulary select doc_id, stems from vocabulary_batch")
    con.unregister("vocabulary_batch")
    profiles = stored_profiles.table(result.profiles)
    con.register("profiles_batch", profiles)
    con.execute("insert into dedupe_profiles by name select * from profiles_batch")
    con.unregister("profiles_batch")
    con.executemany(
        "update documents set duplicate_of = ?, duplicate_level = ?, cluster_id = ? where doc_id = ?",
        [(a.duplicate_of, a.duplicate_level, a.cluster_id, d) for d, a in result.assignments.items()],
    )


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run(n: int, seed: int, batch_size: int) -> dict:
    docs, truth, doc_of = corpus_documents(n, seed)
    rss_before = peak_rss_mb()
    batches = [docs[i : i + batch_size] for i in range(0, len(docs), batch_size)]
    seconds, cpu, pairs, work = [], 0.0, 0, Counter()
    with tempfile.TemporaryDirectory() as folder:
        # On disk, so the index is not held in RAM, with the product's memory cap; no progress bar in the figures.
        con = duckdb.connect(str(Path(folder) / "warehouse.duckdb"),
                             config={"memory_limit": Settings.from_env().duckdb_memory_limit})
        con.execute("set enable_progress_bar = false")
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        for k, batch in enumerate(batches):
            started, started_cpu = time.perf_counter(), time.process_time()
            run_id = f"run-{k:05d}"  # run ids sort by time, as real ones do
            result = dedupe_batch(batch, DuckDBCandidateIndex(con), run_id)
            seconds.append(time.perf_counter() - started)
            cpu += time.process_time() - started_cpu
            pairs += len(result.pairs)
            work.update(result.stats)
            publish(con, batch, result, run_id)
        rows = con.execute("select doc_id, cluster_id, duplicate_level, duplicate_of from documents").fetchall()
        con.close()
    quality = quality_figures({doc_id: (cluster, level, of) for doc_id, cluster, level, of in rows}, docs, truth,
                              doc_of)
    rss_after = peak_rss_mb()
    baseline = minhash_lsh_seconds([d.body for d in docs])
    return {
        "documents": len(docs), "batches": len(batches), "batch_size": batch_size,
        "dedupe_seconds": round(sum(seconds), 2), "dedupe_cpu_seconds": round(cpu, 2),
        "ms_per_document": round(1000 * sum(seconds) / len(docs), 2),
        "first_batch_seconds": round(seconds[0], 2), "last_batch_seconds": round(seconds[-1], 2),
        "batch_seconds": [round(s, 2) for s in seconds],
        "per_document": {key: round(work[key] / len(docs), 2) for key in PER_DOCUMENT},
        "bodies_read": work["bodies_read"], "pairs": pairs, "peak_rss_mb": rss_after,
        "rss_with_corpus_loaded_mb": rss_before,
        "minhash_lsh_seconds": round(baseline, 2), "dedupe_over_minhash_lsh": round(sum(seconds) / baseline, 2),
        "quality": quality,
    }


def quality_figures(predicted: dict, docs, truth, doc_of) -> dict:
    """The warehouse's clusters after the last batch against the corpus ground truth: what the speed bought."""
    scored = score(predicted, docs, corpus_labels(corpus_pairs(docs, truth, doc_of)))
    out = {level: {key: scored[level][key] for key in ("gold", "predicted", "precision", "recall", "f1")}
           for level in LEVELS}
    truth_of = {doc_of[f["path"]]: f for f in truth if f["path"] in doc_of}

    def described(pairs) -> list[list[str]]:
        return [[f"{d} ({truth_of[d]['story_id']}, {truth_of[d]['role']}) -> {predicted[d][1] or 'original'}"
                 if d in truth_of else d for d in pair] for pair in pairs[:20]]

    for level in LEVELS:
        out[level]["missed_examples"] = described(scored[level]["missed"])
    return {**out, "false_merges": len(scored["false_merges"]), "false_merge_examples": described(scored["false_merges"]),
            "rewrites_made_canonical": len(scored["rewrite_made_canonical"])}


def run_fresh(n: int, seed: int, batch_size: int) -> dict:
    """run() in a new process, so that its peak RSS is its own."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(run, n, seed, batch_size).result()


def show(r: dict) -> str:
    work = ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in r["per_document"].items())
    return (f"{r['documents']:>6} docs in {r['batches']} batches of {r['batch_size']}: dedupe {r['dedupe_seconds']} s "
            f"(CPU {r['dedupe_cpu_seconds']} s, {r['ms_per_document']} ms/doc; first batch {r['first_batch_seconds']} s, "
            f"last {r['last_batch_seconds']} s), {r['pairs']} pairs, peak RSS {r['peak_rss_mb']} MB "
            f"({r['rss_with_corpus_loaded_mb']} MB with the corpus loaded)\n"
            f"        per document: {work}; bodies read {r['bodies_read']} in all\n"
            f"        bare MinHash LSH {r['minhash_lsh_seconds']} s: dedupe is x{r['dedupe_over_minhash_lsh']}\n"
            f"        against the corpus truth: " + ", ".join(
                f"{level} P {q['precision']} R {q['recall']} F1 {q['f1']}" for level, q in r["quality"].items()
                if isinstance(q, dict)) + f"; false merges {r['quality']['false_merges']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    report = {str(n): run_fresh(n, args.seed, args.batch_size) for n in sizes}
    if len(sizes) > 1:
        small, large = report[str(sizes[0])], report[str(sizes[-1])]
        report["growth"] = {"documents": round(large["documents"] / small["documents"], 2),
                            "time": round(large["dedupe_seconds"] / small["dedupe_seconds"], 2),
                            "cpu_time": round(large["dedupe_cpu_seconds"] / small["dedupe_cpu_seconds"], 2),
                            "minhash_lsh_time": round(large["minhash_lsh_seconds"] / small["minhash_lsh_seconds"], 2)}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1), encoding="utf-8")
    for n in sizes:
        print(show(report[str(n)]))
    if "growth" in report:
        g = report["growth"]
        print(f"documents x{g['documents']} -> dedupe time x{g['time']} (CPU x{g['cpu_time']}; "
              f"bare MinHash LSH x{g['minhash_lsh_time']})")
    print(f"written to {RESULTS.relative_to(PROJECT_ROOT)}")
    print(json.dumps(report))  # last line: what `python -m benchmarks` collects
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
