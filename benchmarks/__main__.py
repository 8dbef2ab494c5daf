"""`make bench`: every benchmark, each in a fresh process; a table on the terminal, figures in benchmarks/results/.

    python -m benchmarks                      # 1k and 10k documents, incremental 1% on 10k, baselines, quality
    python -m benchmarks --skip-quality       # the pipeline figures only
    python -m benchmarks --sizes 1000         # quicker
    python -m benchmarks --sizes 1000 10000 100000
    python -m benchmarks --sizes 1000 --workers 2 1 4 --skip-quality --skip-flow   # the run on 1, 2 and 4 workers
    python -m benchmarks --sizes 4000 --real --skip-quality --skip-flow             # the realistic corpus
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
QUALITY = ["html_extraction", "furniture", "dedupe_quality", "facts_quality"]


def _run(module: str, *args: str) -> dict | None:
    """Run one benchmark module in a fresh process; its last stdout line is its JSON result (if any)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", f"benchmarks.{module}", *args], cwd=ROOT, text=True,
                          capture_output=True)
    print(f"  {module} {' '.join(args)}: {time.perf_counter() - t0:.0f}s", file=sys.stderr, flush=True)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"}
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    return json.loads(lines[-1]) if lines else {"output": proc.stdout[-2000:]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, nargs="+", default=[2],
                    help="NLP worker processes; with several, the full run is repeated on each (the first is the one "
                         "the incremental and CLI runs use)")
    ap.add_argument("--real", action="store_true", help="the realistic corpus (benchmarks.real_corpus) at each size")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--skip-flow", action="store_true")
    ap.add_argument("--flow-at-largest", action="store_true", help="also a full CLI run at the largest size")
    args = ap.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    w = str(args.workers[0])
    real = ("--real", "--no-baseline") if args.real else ()  # the bare baselines are for the generated corpus
    figures: dict = {"machine": {"cores": __import__("os").cpu_count()}, "sizes": {}}
    largest = max(args.sizes)
    for n in sorted(args.sizes):
        entry = figures["sizes"][n] = {}
        entry["steps"] = _run("pipeline", "--n", str(n), "--workers", w, *real)
        _save(figures)
        for other in args.workers[1:]:
            entry.setdefault("workers", {})[other] = _run("pipeline", "--n", str(n), "--workers", str(other),
                                                          "--no-baseline", *real[:1])
            _save(figures)
        if n == largest and not real:
            # 1% new files on a copy of the warehouse that full run left, as the flow in-process and through the CLI:
            # their difference is what the CLI adds per run (its imports, the temporary server) without a second
            # full run.
            inc = ("--n", str(n), "--workers", w, "--incremental", "0.01", "--from-full")
            figures["incremental"] = {"steps": _run("pipeline", *inc)}
            _save(figures)
            figures["incremental"]["flow"] = _run("pipeline", *inc, "--flow")
            _save(figures)
        if not args.skip_flow and not real and (n != largest or args.flow_at_largest):
            entry["flow"] = _run("pipeline", "--n", str(n), "--workers", w, "--flow")
        _save(figures)
    if not args.skip_quality:
        figures["quality"] = {name: _run(name) for name in QUALITY}
    out = _save(figures)
    print(render(figures))
    print(f"\nfigures written to {out.relative_to(ROOT)}")
    return 0


def _save(figures: dict) -> Path:
    """Written after every measurement, so an interrupted hour of benchmarking keeps what it measured."""
    out = RESULTS / "bench.json"
    out.write_text(json.dumps(figures, indent=2, default=str))
    return out


def render(f: dict) -> str:
    """The terminal table; also reads a bench.json back (whose size keys JSON made strings)."""
    sizes = {int(n): entry for n, entry in f["sizes"].items()}
    lines = ["", f"{'docs':>7} {'stage':<9} {'seconds':>9} {'docs/s':>9} {'peak MB':>8}"]
    for n, entry in sorted(sizes.items()):
        full = (entry.get("steps") or {}).get("full") or {}
        for stage, s in (full.get("stages") or {}).items():
            lines.append(f"{n:>7} {stage:<9} {s['seconds']:>9.2f} {s['docs_per_second'] or 0:>9.1f} {s['peak_rss_mb']:>8.0f}")
        if full.get("peak_rss_mb_of_each_chunk"):
            lines.append(f"{n:>7} {'chunks':<9} peak RSS of each chunk (MB): {full['peak_rss_mb_of_each_chunk']}")
        if full.get("overlapping_stages"):
            lines.append(f"{'':>7} {'':<9} ({full['overlapping_stages']})")
        base = full.get("baseline") or {}
        if full.get("total_seconds") and base.get("nlp_seconds"):
            lines.append(f"{n:>7} {'TOTAL':<9} {full['total_seconds']:>9.2f}   = {full['total_seconds'] / base['nlp_seconds']:.2f}x "
                         f"bare NLP ({base['nlp_seconds']}s, {base['tokens_per_second']} tok/s); "
                         f"bare MinHash LSH {base['minhash_lsh_seconds']}s")
        flow = (entry.get("flow") or {}).get("full") or {}
        if flow.get("total_seconds") and full.get("total_seconds"):
            over = flow["total_seconds"] - full["total_seconds"]
            lines.append(f"{n:>7} {'cli':<9} {flow['total_seconds']:>9.2f}   the CLI's own cost (imports, server) "
                         f"{over:.1f}s = {100 * over / flow['total_seconds']:.1f}% of its run")
    for n, entry in sorted(sizes.items()):
        lines += workers_table(n, entry)
    totals = {n: ((entry.get("steps") or {}).get("full") or {}).get("total_seconds") for n, entry in sizes.items()}
    ordered = sorted(n for n, total in totals.items() if total)
    if len(ordered) >= 2:
        a, b = ordered[0], ordered[-1]
        lines.append(f"scaling: {b} docs take {totals[b] / totals[a]:.2f}x the time of {a} (x{b // a} documents)")
    inc = f.get("incremental") or {}
    largest = max(sizes) if sizes else None
    full_total = totals.get(largest)
    for mode in ("steps", "flow"):  # "steps": the flow in-process (the key older results use), "flow": the CLI
        run = ((inc.get(mode) or {}).get("incremental") or {})
        if run.get("total_seconds") and full_total:
            lines.append(f"incremental 1% on {largest} ({mode}): {run['total_seconds']}s = "
                         f"{100 * run['total_seconds'] / full_total:.1f}% of the full run ({full_total}s)")
    for name, q in (f.get("quality") or {}).items():
        lines.append(f"quality {name}: {json.dumps(q)[:300]}")
    return "\n".join(lines)


# The stages that run in the flow's process alone (the NLP workers share parse and extract).
MAIN_ONLY = ("stage", "dedupe", "load", "validate", "publish", "refresh-models")


def workers_table(n: int, entry: dict) -> list[str]:
    """The same run on each number of worker processes: total, the main process's own stages, peak RSS of each
    process."""
    runs = {((entry.get("steps") or {}).get("workers")): (entry.get("steps") or {}).get("full")}
    runs.update({int(w): (r or {}).get("full") for w, r in (entry.get("workers") or {}).items()})
    runs = {w: r for w, r in runs.items() if w and r and r.get("stages")}
    if len(runs) < 2:
        return []
    lines = [f"{n:>7} workers  total s  main-only s  peak RSS MB by process"]
    for w, r in sorted(runs.items()):
        main_only = sum(r["stages"].get(s, {}).get("seconds", 0) for s in MAIN_ONLY)
        peaks = ", ".join(f"{k} {v:.0f}" for k, v in (r.get("peak_rss_mb_by_process") or {}).items())
        lines.append(f"{n:>7} {w:>7} {r['total_seconds']:>8.1f} {main_only:>12.1f}  {peaks}")
    return lines


if __name__ == "__main__":
    sys.exit(main())
