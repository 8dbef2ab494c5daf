"""`make bench`: every benchmark, each in a fresh process; a table on the terminal, figures in benchmarks/results/.

    python -m benchmarks                      # 1k and 10k documents, incremental 1% on 10k, baselines, quality
    python -m benchmarks --skip-quality       # the pipeline figures only
    python -m benchmarks --sizes 1000         # quicker
    python -m benchmarks --sizes 1000 10000 100000
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
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--skip-flow", action="store_true")
    ap.add_argument("--flow-at-largest", action="store_true", help="also a full CLI run at the largest size")
    args = ap.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    w = str(args.workers)
    figures: dict = {"machine": {"cores": __import__("os").cpu_count()}, "sizes": {}}
    largest = max(args.sizes)
    for n in sorted(args.sizes):
        entry = figures["sizes"][n] = {}
        entry["steps"] = _run("pipeline", "--n", str(n), "--workers", w)
        _save(figures)
        if n == largest:
            # 1% new files on a copy of the warehouse that full run left, as the flow in-process and through the CLI:
            # their difference is what the CLI adds per run (its imports, the temporary server) without a second
            # full run.
            inc = ("--n", str(n), "--workers", w, "--incremental", "0.01", "--from-full")
            figures["incremental"] = {"steps": _run("pipeline", *inc)}
            _save(figures)
            figures["incremental"]["flow"] = _run("pipeline", *inc, "--flow")
            _save(figures)
        if not args.skip_flow and (n != largest or args.flow_at_largest):
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


if __name__ == "__main__":
    sys.exit(main())
