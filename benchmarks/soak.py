"""Soak: consecutive incremental runs over a growing inbox in one process, watching for leaks run over run.

Each run adds a few generated files (and now and then a damaged or duplicate one) and runs the flow in this process
(flows.pipeline.run_pipeline, on one temporary Prefect server for the whole soak), so that leaked file descriptors,
threads, temporary files or memory stay visible; a last pass runs the real CLI on the same warehouse. Prints a table and writes benchmarks/results/soak.json.

Run: .venv/bin/python -m benchmarks.soak [--runs 20] [--per-run 3] [--no-cli]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "soak.json"
# What a warehouse home holds by design; anything else left after a run is a leaked temporary file.
EXPECTED_IN_HOME = {"newsfacts.duckdb", "newsfacts.duckdb.lock", "raw", "runs", "reports", ".prefect"}


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def threads() -> int:
    return len(os.listdir("/proc/self/task"))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def python_objects() -> int:
    """Objects the garbage collector tracks: growth here is a Python-level leak, RSS growth without it is native."""
    gc.collect()
    return len(gc.get_objects())


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stray_files(home: Path, tmp: Path) -> list[str]:
    """Files nobody should have left behind: in the private temp folder, or unexpected beside the warehouse."""
    strays = [str(p) for p in tmp.rglob("*")]
    strays += [str(p) for p in home.iterdir() if p.name not in EXPECTED_IN_HOME]
    strays += [str(p) for p in (home / "raw").rglob("*.tmp")] if (home / "raw").is_dir() else []
    return strays


def one_run(settings) -> dict:
    """One run of the flow in this process, through its public entry point."""
    from flows.pipeline import run_pipeline

    summary = run_pipeline(settings)
    return {"status": summary.status, **summary.counts}


def feed(inbox: Path, pool: list[Path], run_no: int, per_run: int) -> list[str]:
    """Add this run's files: generated news, plus a duplicate every 4th run and a damaged file every 5th."""
    added = []
    for path in pool[run_no * per_run:(run_no + 1) * per_run]:
        shutil.copy2(path, inbox / path.name)
        added.append(path.name)
    if run_no % 4 == 3 and added:
        shutil.copy2(inbox / added[0], inbox / f"copy {run_no} of {added[0]}")
        added.append(f"copy {run_no} of {added[0]}")
    if run_no % 5 == 4:
        (inbox / f"damaged {run_no}.txt").write_bytes(b"Kim said \x93no\x94 " + os.urandom(64))
        added.append(f"damaged {run_no}.txt")
    return added


def soak(runs: int, per_run: int, work: Path, cli: bool) -> dict:
    from benchmarks.corpus import generate
    from newsfacts.config import SAMPLE_INBOX, Settings

    shutil.rmtree(work, ignore_errors=True)
    tmp = work / "tmp"
    tmp.mkdir(parents=True)
    tempfile.tempdir = str(tmp)  # every temporary file of this process lands where it can be counted
    os.environ["TMPDIR"] = str(tmp)
    generate(runs * per_run + per_run, work / "pool", seed=11)
    pool = sorted(p for p in (work / "pool").iterdir() if p.is_file() and not p.name.endswith(".json"))
    inbox = work / "inbox"
    shutil.copytree(SAMPLE_INBOX, inbox)
    settings = Settings.from_env(inbox=inbox, warehouse=work / "wh" / "newsfacts.duckdb")
    from flows.prefect_env import configure
    from flows.server import temporary_server

    configure(settings.home / ".prefect")
    with temporary_server(settings.home / ".prefect"):  # one Prefect API for every run of the soak
        rows = []
        for run_no in range(runs):
            added = feed(inbox, pool, run_no, per_run) if run_no else []
            fds, thr, rss = open_fds(), threads(), rss_mb()
            t0 = time.perf_counter()
            outcome = one_run(settings)
            rows.append({
                "run": run_no + 1, "added": len(added), "seconds": round(time.perf_counter() - t0, 2),
                "fds_before": fds, "fds_after": open_fds(), "threads_before": thr, "threads_after": threads(),
                "rss_mb_before": round(rss, 1), "rss_mb_after": round(rss_mb(), 1), "peak_rss_mb": round(peak_rss_mb(), 1),
                "py_objects": python_objects(), "stray_files": len(stray_files(settings.home, tmp)), **outcome,
            })
            print(_row(rows[-1]), flush=True)
    result = {"runs": rows, "summary": summarise(rows), "stray_files": stray_files(settings.home, tmp)}
    if cli:
        feed(inbox, pool, runs, per_run)
        result["cli"] = cli_pass(settings, tmp)
    return result


def cli_pass(settings, tmp: Path) -> dict:
    """One `newsfacts run` on the soaked warehouse: the Prefect path reads what the in-process runs wrote."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "newsfacts.cli", "run", "--quiet", "--inbox", str(settings.inbox),
                           "--warehouse", str(settings.warehouse)], cwd=ROOT, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)
    return {"exit_code": proc.returncode, "seconds": round(time.perf_counter() - t0, 1),
            "summary": proc.stdout.strip().splitlines()[:3],
            "error": proc.stderr.strip()[-500:] if proc.returncode else None,
            "stray_files_after": stray_files(settings.home, tmp)}


def _slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope: growth per run, robust to one noisy run."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


def summarise(rows: list[dict]) -> dict:
    """Leak figures over the runs after warm-up (the first run loads the NLP model and builds everything)."""
    steady = rows[2:] if len(rows) > 4 else rows
    xs = [r["run"] for r in steady]
    return {
        "fds_after_first_run": rows[0]["fds_after"], "fds_after_last_run": rows[-1]["fds_after"],
        "fd_growth_per_run": round(_slope(xs, [r["fds_after"] for r in steady]), 3),
        "threads_after_first_run": rows[0]["threads_after"], "threads_after_last_run": rows[-1]["threads_after"],
        "rss_mb_after_first_run": rows[0]["rss_mb_after"], "rss_mb_after_last_run": rows[-1]["rss_mb_after"],
        "rss_growth_mb_per_run": round(_slope(xs, [r["rss_mb_after"] for r in steady]), 2),
        "py_objects_after_first_run": rows[0]["py_objects"], "py_objects_after_last_run": rows[-1]["py_objects"],
        "py_object_growth_per_run": round(_slope(xs, [r["py_objects"] for r in steady])),
        "seconds_growth_per_run": round(_slope(xs, [r["seconds"] for r in steady]), 3),
        "stray_files_after_last_run": rows[-1]["stray_files"],
        "documents_loaded": sum(r.get("documents_loaded", 0) for r in rows),
        "statuses": sorted({r["status"] for r in rows}),
    }


_COLUMNS = [("run", 4), ("added", 6), ("status", 12), ("documents_loaded", 5), ("seconds", 8), ("fds_before", 6),
            ("fds_after", 6), ("threads_after", 8), ("rss_mb_after", 8), ("peak_rss_mb", 8), ("py_objects", 10),
            ("stray_files", 6)]


def _row(r: dict) -> str:
    return " ".join(f"{str(r.get(k, '')):>{w}}" for k, w in _COLUMNS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--per-run", type=int, default=3, help="generated files added before each run after the first")
    ap.add_argument("--work", type=Path, default=ROOT / "benchmarks" / ".cache" / "soak")
    ap.add_argument("--no-cli", action="store_true", help="skip the closing `newsfacts run` pass")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    print(" ".join(f"{k[:w]:>{w}}" for k, w in _COLUMNS), flush=True)
    result = soak(args.runs, args.per_run, args.work, cli=not args.no_cli)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, default=str))
    print(json.dumps(result["summary"], indent=2))
    if "cli" in result:
        print("cli pass:", json.dumps({k: v for k, v in result["cli"].items() if k != "stray_files_after"}))
    print(f"figures written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
