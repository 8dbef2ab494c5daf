"""Command line: python -m benchmarks.corpus N OUT_DIR [--seed S] [--formats ...] [--overlap]."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.corpus.overlap import overlap, summary
from benchmarks.corpus.plan import FORMATS
from benchmarks.corpus.writer import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus", description="Write N realistic raw news files and their ground truth."
    )
    parser.add_argument("n", type=int, help="number of files to write")
    parser.add_argument("out_dir", type=Path, help="inbox folder to fill (truth goes beside it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: text,html,transcript")
    parser.add_argument("--overlap", action="store_true", help="print 5-word shingle Jaccard per kind, write nothing")
    args = parser.parse_args(argv)
    if args.overlap:
        for role, values in sorted(overlap(args.n, args.seed).items()):
            print(f"{role:20s} {summary(values)}")
        return 0
    truth = generate(args.n, args.out_dir, args.seed, tuple(args.formats.split(",")))
    counts = ", ".join(f"{k} {v}" for k, v in truth.counts.items())
    print(f"{truth.n} files in {truth.inbox}, truth in {truth.path}: {counts}")
    return 0
