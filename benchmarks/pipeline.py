"""Stage-by-stage timing of one pipeline run over a generated corpus, with the irreducible baselines beside it.

Run in a fresh process per measurement (see benchmarks/__main__.py) so peak RSS belongs to that run alone:
    python -m benchmarks.pipeline --n 1000 [--incremental 0.01] [--flow]
prints one JSON object. Without --flow the flow runs in this process (flows.pipeline.run_pipeline) and each stage
is timed from Prefect's task-run records; with --flow the CLI runs it in a subprocess, timed from outside.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

from benchmarks.corpus import cached_inbox

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"


class RssSampler:
    """RSS every tenth of a second, in a thread, of the flow's process and of every process it started (the NLP
    workers, the Prefect server): each stage's peak is read from the samples taken while its task runs ran (Prefect
    records when each started and ended); each process's own peak is its kernel high-water mark (VmHWM), which no
    sampling interval misses."""

    def __init__(self, every: float = 0.1) -> None:
        import psutil

        self._me = psutil.Process()
        self.samples: list[tuple[float, float]] = []  # (time, MB) of the flow's process
        self.worker_samples: list[tuple[float, float]] = []  # (time, MB) of the largest NLP worker at that moment
        self.high_water: dict[int, tuple[str, float]] = {}  # pid -> (role, VmHWM MB)
        self._roles: dict[int, str] = {self._me.pid: "main"}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(every,), daemon=True)
        self._thread.start()

    def _sample(self, every: float) -> None:
        while not self._stop.is_set():
            now, largest_worker = time.time(), 0.0
            for proc in [self._me, *self._children()]:
                rss, hwm = _status_mb(proc.pid)
                role = self._role(proc)
                if hwm:
                    self.high_water[proc.pid] = (role, hwm)
                if role == "main":
                    self.samples.append((now, rss))
                elif role.startswith("worker"):
                    largest_worker = max(largest_worker, rss)
            self.worker_samples.append((now, largest_worker))
            self._stop.wait(every)

    def _children(self) -> list:
        try:
            return self._me.children(recursive=True)
        except Exception:  # a child ending while listed
            return []

    def _role(self, proc) -> str:
        """main, worker-1.. (multiprocessing's spawned children: the NLP pool), prefect-server (its API) and the
        process that launched it, or the program."""
        if proc.pid not in self._roles:
            try:
                command = " ".join(proc.cmdline())
            except Exception:
                return "gone"
            if "resource_tracker" in command:
                role = "resource-tracker"
            elif "spawn_main" in command:
                role = f"worker-{sum(r.startswith('worker') for r in self._roles.values()) + 1}"
            elif "uvicorn" in command:
                role = "prefect-server"
            elif "flows.server" in command:
                role = "prefect-server-launcher"
            else:
                role = Path(proc.name()).name
            self._roles[proc.pid] = role
        return self._roles[proc.pid]

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def peak(self, start: float, end: float, samples: list[tuple[float, float]] | None = None) -> float:
        inside = [mb for t, mb in (self.samples if samples is None else samples) if start <= t <= end]
        return round(max(inside), 1) if inside else 0.0

    def peaks_by_process(self) -> dict[str, float]:
        """Each process's peak RSS (MB), by role: main, worker-1, worker-2, ..., prefect-server."""
        return {role: round(mb, 1) for role, mb in sorted(self.high_water.values())}


def _status_mb(pid: int | str = "self") -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB; zeros once it is gone."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line[:5]] = int(line.split()[1]) / 1024
    except OSError:
        pass
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def run_in_process(inbox: Path, warehouse: Path, batch_size: int, workers: int, publish_every: int,
                   with_baseline: bool = False) -> dict:
    """One run of the flow in this process through its public entry point (flows.pipeline.run_pipeline, on a
    temporary Prefect server), each stage timed from Prefect's own task-run records; then, in the same process
    and so under the same machine load, the bare baselines over the same bodies."""
    from flows.prefect_env import configure
    from newsfacts.config import Settings

    settings = Settings.from_env(inbox=inbox, warehouse=warehouse, batch_size=batch_size, nlp_workers=workers,
                                 publish_every=publish_every)  # from_env: NEWSFACTS_DUCKDB_MEMORY_LIMIT applies
    configure(settings.home / ".prefect")
    from flows.pipeline import run_pipeline
    from flows.server import temporary_server

    with temporary_server(settings.home / ".prefect"):
        sampler = RssSampler()
        t0 = time.perf_counter()
        summary = run_pipeline(settings)
        total = time.perf_counter() - t0
        sampler.stop()
        tasks = _task_runs(warehouse)
    peak = max([mb for _, mb in sampler.samples] + [0.0])  # the run's own peak, before the baselines read bodies
    by_process = sampler.peaks_by_process()
    base = baselines(_bodies(settings), workers) if with_baseline else None
    documents = summary.counts["documents_loaded"]
    stages = _stages(tasks, sampler, documents)
    chunks = _chunk_windows(tasks)
    fixed = sum(stages[s]["seconds"] for s in ("validate", "publish", "refresh-models") if s in stages)
    return {"baseline": base, "documents": documents, "files": summary.counts["files_seen"],
            "new_files": summary.counts["files_new"], "published": summary.status == "published",
            "publish_every": publish_every, "chunks": len(chunks),
            "total_seconds": round(total, 2), "seconds_per_document": round(total / documents, 4) if documents else None,
            "audit_publish_models_seconds_per_chunk": round(fixed / len(chunks), 2) if chunks else None,
            "peak_rss_mb": round(peak, 1), "peak_rss_mb_by_process": by_process,
            "peak_rss_mb_of_each_chunk": [sampler.peak(a, b) for a, b in chunks],
            "peak_rss_mb_of_each_chunk_largest_worker": [sampler.peak(a, b, sampler.worker_samples) for a, b in chunks],
            "overlapping_stages": "a stage's seconds are the wall time during which any of its task runs ran: parse "
                                  "and extract run on the NLP workers beside dedupe (and, from the second chunk on, "
                                  "beside the previous chunk's validate, publish and refresh-models), so their "
                                  "seconds overlap those; the rest run one after the other in the flow's process",
            "stages": stages}


def _task_runs(warehouse: Path) -> list:
    """The task runs of the latest flow run over this warehouse, as Prefect recorded them."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import FlowRunSort

    with get_client(sync_client=True) as client:
        run = next(r for r in client.read_flow_runs(sort=FlowRunSort.START_TIME_DESC)
                   if r.parameters.get("warehouse") == str(warehouse))
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id])))
    return sorted((t for t in tasks if t.start_time and t.end_time), key=lambda t: t.start_time)


def _stage(task_run) -> str:
    return task_run.name.rsplit("-", 1)[0]


def _stages(tasks: list, sampler: RssSampler, documents: int) -> dict:
    """Per stage, in the order stages first started: wall seconds covered by its task runs, the peak RSS while
    they ran, documents per second."""
    spans: dict[str, list[tuple[float, float]]] = {}
    for t in tasks:
        spans.setdefault(_stage(t), []).append((t.start_time.timestamp(), t.end_time.timestamp()))
    out = {}
    for stage, intervals in spans.items():
        seconds = _covered(intervals)
        out[stage] = {"seconds": round(seconds, 3), "peak_rss_mb": max(sampler.peak(a, b) for a, b in intervals),
                      "peak_rss_mb_largest_worker": max(sampler.peak(a, b, sampler.worker_samples)
                                                        for a, b in intervals),
                      "docs_per_second": round(documents / seconds, 1) if seconds else None}
    return out


def _covered(intervals: list[tuple[float, float]]) -> float:
    """The length of the union of the intervals."""
    total, reach = 0.0, float("-inf")
    for a, b in sorted(intervals):
        if b > reach:
            total += b - max(a, reach)
            reach = b
    return total


def _chunk_windows(tasks: list) -> list[tuple[float, float]]:
    """Each chunk from its dedupe to the end of its last publish step (the tasks of the flow's process)."""
    windows, start = [], None
    for t in tasks:
        stage = _stage(t)
        if stage == "dedupe":
            start = t.start_time.timestamp()
        elif stage in ("validate", "publish", "refresh-models") and start is not None:
            if stage == "validate":
                windows.append((start, t.end_time.timestamp()))
            else:
                windows[-1] = (windows[-1][0], t.end_time.timestamp())
    return windows


def _bodies(settings) -> list[str]:
    from newsfacts.warehouse.db import open_ro

    with open_ro(settings.warehouse, memory_limit=settings.duckdb_memory_limit) as con:
        return [body for (body,) in con.execute("SELECT body FROM documents ORDER BY doc_id").fetchall()]


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
    ap.add_argument("--n", type=int, required=True, help="generated files (with --real: beside the real ones)")
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
    ap.add_argument("--flow", action="store_true", help="time the CLI run (a subprocess) instead of the flow in this process")
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare NLP and MinHash passes")
    ap.add_argument("--real", action="store_true",
                    help="the realistic corpus (benchmarks.real_corpus: real pages and rewrites, long transcripts) "
                         "with N generated files in it, instead of N generated files alone")
    args = ap.parse_args(argv)
    from newsfacts.config import Settings

    every = args.publish_every or Settings().publish_every
    if args.real:
        from benchmarks.real_corpus import build

        inbox = build(args.n, seed=args.seed)
    else:
        inbox = cached_inbox(args.n, args.seed)
    kind = "real" if args.real else "work"
    work = CACHE / f"{kind}-{args.n}-{args.seed}-{'cli' if args.flow else 'in-process'}-{args.incremental}-{every}-w{args.workers}"
    shutil.rmtree(work, ignore_errors=True)
    warehouse = work / "newsfacts.duckdb"
    runner = run_flow if args.flow else run_in_process
    result = {"n": args.n, "corpus": str(inbox.relative_to(ROOT)), "mode": "cli" if args.flow else "in-process",
              "workers": args.workers,
              "batch_size": args.batch_size, "publish_every": every}
    if args.incremental and args.from_full:
        result["incremental"] = _incremental_on_copy(inbox, work, args, every, runner)
    elif args.incremental:
        live = work / "inbox"
        extra = cached_inbox(max(1, int(args.n * args.incremental)), seed=args.seed + 1)
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
    full = CACHE / f"{'real' if args.real else 'work'}-{args.n}-{args.seed}-in-process-0.0-{every}-w{args.workers}"
    if not (full / "newsfacts.duckdb").exists():
        raise SystemExit(f"no full run to start from in {full}: run `python -m benchmarks.pipeline --n {args.n}` first")
    shutil.copytree(full, work)
    extra = cached_inbox(max(1, int(args.n * args.incremental)), seed=args.seed + 1)
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
