"""Stage-by-stage timing of one pipeline run over a generated corpus, with the irreducible baselines beside it.

Run in a fresh process per measurement (see benchmarks/__main__.py) so peak RSS belongs to that run alone:
    python -m benchmarks.pipeline --n 1000 [--incremental 0.01] [--flow]
prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"


_STATUS, _CLEAR_REFS = Path("/proc/self/status"), Path("/proc/self/clear_refs")


def peak_rss_mb() -> float:
    """The process's peak RSS since start, or since the last reset_peak_rss()."""
    if _STATUS.exists():
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Start a new peak (Linux: writing 5 to clear_refs resets VmHWM to the current RSS), so each stage's peak is
    its own and not the process's highest so far; False where the kernel does not allow it."""
    try:
        _CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


def corpus(n: int, seed: int = 0) -> Path:
    """A generated inbox of n files, made once per (n, seed) and reused."""
    from benchmarks.corpus import generate, version

    folder = CACHE / f"corpus-{n}-{seed}-{version()}" / "inbox"
    if not folder.is_dir():
        shutil.rmtree(folder.parent, ignore_errors=True)
        generate(n, folder, seed=seed)
    return folder


class Timer:
    """Seconds per stage, summed over chunks, and each stage's own peak RSS (the highest over chunks), plus the
    peak of every chunk: whether memory is bounded by the chunk or grows with the warehouse."""

    def __init__(self):
        self.stages: dict[str, dict] = {}
        self.own_peaks = reset_peak_rss()  # else every figure is the process's peak so far
        self.readings: list[float] = [peak_rss_mb()]  # the peak at the end of each stage, or when one starts

    def time(self, stage: str, fn, *args, **kwargs):
        since = self.mark()
        t0 = time.perf_counter()
        out = fn(*args, **kwargs)
        self.add(stage, time.perf_counter() - t0, since)
        return out

    def mark(self) -> int:
        """A stage (or a window of stages) begins: the peak so far is read, and a new one starts from here."""
        self.readings.append(peak_rss_mb())
        reset_peak_rss()
        return len(self.readings)

    def peak_since(self, since: int) -> float:
        """The highest RSS since mark() returned `since` (stages nested inside included)."""
        self.readings.append(peak_rss_mb())
        return max(self.readings[since:])

    def add(self, stage: str, seconds: float, since: int) -> None:
        entry = self.stages.setdefault(stage, {"seconds": 0.0, "peak_rss_mb": 0.0})
        entry["seconds"] += seconds
        entry["peak_rss_mb"] = round(max(entry["peak_rss_mb"], self.peak_since(since)), 1)

    @property
    def run_peak(self) -> float:
        return max(self.readings + [peak_rss_mb()])


def run_steps(inbox: Path, warehouse: Path, batch_size: int, workers: int, publish_every: int,
              with_baseline: bool = False) -> dict:
    """One run through the plain step functions (no Prefect), chunk by chunk as the flow does, timing each stage;
    then, in the same process and so under the same machine load, the bare baselines over the same bodies."""
    from newsfacts import steps
    from newsfacts.config import Settings
    from newsfacts.progress import silent
    from newsfacts.runs import Tally, close_run, publish_in_chunks

    settings = Settings(inbox=inbox, warehouse=warehouse, batch_size=batch_size, nlp_workers=workers,
                        publish_every=publish_every)
    timer, tally, chunk_peaks, chunk_start = Timer(), Tally(), [], []
    run_id = steps.new_run_id()
    t_all = time.perf_counter()
    known = timer.time("stage", steps.begin_run, settings, run_id)
    staged = timer.time("stage", steps.stage, settings, run_id, known)

    timed_chunk = _timed_chunk_class()

    def start(*args):
        return timed_chunk(timer, chunk_start, *args)

    def publish(*args):
        outcome = _publish(timer, *args)
        chunk_peaks.append(round(timer.peak_since(chunk_start[-1]), 1))
        return outcome

    publish_in_chunks(settings, run_id, staged, tally, silent, start, publish)
    timer.time("report", close_run, settings, run_id, tally)
    total = time.perf_counter() - t_all
    peak = timer.run_peak  # the run's own peak, before the baselines read every body back
    base = baselines(_bodies(settings), workers) if with_baseline else None
    documents, last = tally.counts["documents_loaded"], tally.last
    fixed = sum(timer.stages[s]["seconds"] for s in ("validate", "models", "publish") if s in timer.stages)
    return {"baseline": base, "documents": documents, "files": staged.files_seen, "new_files": len(staged.rows),
            "published": bool(last and last.published), "publish_every": publish_every, "chunks": len(chunk_peaks),
            "total_seconds": round(total, 2), "seconds_per_document": round(total / documents, 4) if documents else None,
            "audit_publish_models_seconds_per_chunk": round(fixed / len(chunk_peaks), 2) if chunk_peaks else None,
            "peak_rss_mb": round(peak, 1), "peak_rss_mb_of_each_chunk": chunk_peaks,
            "overlapping_stages": "extract's seconds include dedupe's and the audit's imports: both run while the NLP "
                                  "workers extract; from the second chunk on, parse (and the start of the NLP) runs "
                                  "during the previous chunk's validate, models and publish",
            "stages": {k: {"seconds": round(v["seconds"], 3), "peak_rss_mb": v["peak_rss_mb"],
                           "docs_per_second": round(documents / v["seconds"], 1) if v["seconds"] else None}
                       for k, v in timer.stages.items()}}


def _timed_chunk_class():
    """The in-process chunk with timers on each of its steps (a subclass, so the sequence is the runner's own)."""
    from newsfacts.runs import _InProcessChunk

    class TimedChunk(_InProcessChunk):
        """"parse" is the parse's own wall time: from the second chunk on, it runs (and the NLP starts) while the
        chunk before is audited and published. "extract" runs from this chunk's dedupe to its last batch's facts,
        so it includes (overlaps) dedupe's."""

        def __init__(self, timer: Timer, chunk_start: list, *args):
            self.timer, self.chunk_start = timer, chunk_start
            super().__init__(*args)

        def _parse(self):
            t0 = time.perf_counter()
            parsed = super()._parse()
            self.parse_seconds = time.perf_counter() - t0
            return parsed

        def _wait_parsed(self):
            self.chunk_start.append(since := self.timer.mark())
            out = super()._wait_parsed()
            self.timer.add("parse", self.parse_seconds, since)
            return out

        def _dedupe_and_extract(self, parsed, pending):
            return self.timer.time("extract", super()._dedupe_and_extract, parsed, pending)

        def _dedupe(self, parsed):
            return self.timer.time("dedupe", super()._dedupe, parsed)

        def _load(self, parsed, deduped, facts):
            return self.timer.time("load", super()._load, parsed, deduped, facts)

    return TimedChunk


def _publish(timer: Timer, settings, run_id: str, files: dict, report):
    """newsfacts.runs.publish_chunk with the audit and the models timed apart from the rest of the publish."""
    from newsfacts.runs import auditors
    from newsfacts.warehouse.publish import publish

    real = auditors(settings)
    real.audit_batch = _timed(timer, "validate", real.audit_batch)
    real.audit_models = _timed(timer, "validate", real.audit_models)
    real.build_models = _timed(timer, "models", real.build_models)
    inner = lambda: sum(timer.stages[s]["seconds"] for s in ("validate", "models") if s in timer.stages)
    before, since, t0 = inner(), timer.mark(), time.perf_counter()
    outcome = publish(settings.warehouse, run_id, files, real)
    timer.add("publish", time.perf_counter() - t0 - (inner() - before), since)
    if outcome.published:
        shutil.rmtree(settings.runs_dir / run_id / "batch", ignore_errors=True)
    return outcome


def _bodies(settings) -> list[str]:
    from newsfacts.warehouse.db import open_ro

    with open_ro(settings.warehouse) as con:
        return [body for (body,) in con.execute("SELECT body FROM documents ORDER BY doc_id").fetchall()]


def _timed(timer: Timer, stage: str, fn):
    return lambda *a, **k: timer.time(stage, fn, *a, **k)


def run_flow(inbox: Path, warehouse: Path, batch_size: int, workers: int, publish_every: int,
             with_baseline: bool = False) -> dict:
    """The same run through the CLI (Prefect flow and temporary server), timed from outside; peak RSS is the
    largest of its processes (the flow's, an NLP worker's or the Prefect server's)."""
    import subprocess

    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "newsfacts.cli", "run", "--inbox", str(inbox), "--warehouse",
                           str(warehouse), "--batch-size", str(batch_size), "--workers", str(workers),
                           "--publish-every", str(publish_every), "--quiet"],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr[-2000:])
    return {"total_seconds": round(time.perf_counter() - t0, 2),
            "peak_rss_mb_largest_process": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)}


def baselines(bodies: list[str], workers: int) -> dict:
    """The irreducible work on the same bodies: a bare spaCy pass and a bare MinHash LSH pass."""
    from newsfacts.facts import load_nlp

    nlp = load_nlp()
    t0 = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(bodies, batch_size=64, n_process=workers))
    nlp_seconds = time.perf_counter() - t0
    return {"documents": len(bodies), "tokens": tokens, "nlp_seconds": round(nlp_seconds, 2),
            "tokens_per_second": round(tokens / nlp_seconds),
            "minhash_lsh_seconds": round(minhash_lsh_seconds(bodies), 2)}


def minhash_lsh_seconds(bodies: list[str]) -> float:
    """The bare dedupe baseline: datasketch MinHash of 5-word shingles, an LSH query then an insert per body."""
    from datasketch import MinHash, MinHashLSH

    started = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for i, body in enumerate(bodies):
        words = body.lower().split()
        sketch = MinHash(num_perm=128)
        sketch.update_batch([" ".join(words[j:j + 5]).encode() for j in range(max(1, len(words) - 4))])
        lsh.query(sketch)
        lsh.insert(str(i), sketch)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--publish-every", type=int, default=None,
                    help="new files per publish chunk (default: Settings().publish_every)")
    ap.add_argument("--incremental", type=float, default=0.0,
                    help="after a full run, add this share of new files and time the second run alone")
    ap.add_argument("--from-full", action="store_true",
                    help="with --incremental: start from a copy of the warehouse the plain `--n N` run left, instead "
                         "of a full run of its own (one full run at 10k is most of an hour here)")
    ap.add_argument("--flow", action="store_true", help="time the CLI (Prefect) run instead of the bare steps")
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare NLP and MinHash passes")
    args = ap.parse_args(argv)
    from newsfacts.config import Settings

    every = args.publish_every or Settings().publish_every
    inbox = corpus(args.n, args.seed)
    work = CACHE / f"work-{args.n}-{args.seed}-{'flow' if args.flow else 'steps'}-{args.incremental}-{every}"
    shutil.rmtree(work, ignore_errors=True)
    warehouse = work / "newsfacts.duckdb"
    runner = run_flow if args.flow else run_steps
    result = {"n": args.n, "mode": "flow" if args.flow else "steps", "workers": args.workers,
              "batch_size": args.batch_size, "publish_every": every}
    if args.incremental and args.from_full:
        result["incremental"] = _incremental_on_copy(inbox, work, args, every, runner)
    elif args.incremental:
        live = work / "inbox"
        extra = corpus(max(1, int(args.n * args.incremental)), seed=args.seed + 1)
        shutil.copytree(inbox, live)
        result["full"] = runner(live, warehouse, args.batch_size, args.workers, every)
        shutil.rmtree(extra.parent / "incremental", ignore_errors=True)
        shutil.copytree(extra, live / "incremental")
        result["incremental"] = runner(live, warehouse, args.batch_size, args.workers, every)
    else:
        result["full"] = runner(inbox, warehouse, args.batch_size, args.workers, every, with_baseline=not (args.flow or args.no_baseline))
    print(json.dumps(result))


def _incremental_on_copy(inbox: Path, work: Path, args, every: int, runner) -> dict:
    """1% new files on top of a copy of the full run's warehouse. The new files go inside the same inbox folder,
    so the files the full run staged keep their paths and are recognised as already loaded."""
    full = CACHE / f"work-{args.n}-{args.seed}-steps-0.0-{every}"
    if not (full / "newsfacts.duckdb").exists():
        raise SystemExit(f"no full run to start from in {full}: run `python -m benchmarks.pipeline --n {args.n}` first")
    shutil.copytree(full, work)
    extra = corpus(max(1, int(args.n * args.incremental)), seed=args.seed + 1)
    warehouse = work / "newsfacts.duckdb"
    # A scheduled deployment has run before: a run with nothing new first, which also lets a fresh Prefect home
    # migrate its database, so the figure below is a steady-state run (the nothing-new run is reported too).
    nothing_new = runner(inbox, warehouse, args.batch_size, args.workers, every)
    shutil.rmtree(inbox / "incremental", ignore_errors=True)
    shutil.copytree(extra, inbox / "incremental")
    try:
        return {**runner(inbox, warehouse, args.batch_size, args.workers, every), "nothing_new_run": nothing_new}
    finally:
        shutil.rmtree(inbox / "incremental", ignore_errors=True)


if __name__ == "__main__":
    main()
