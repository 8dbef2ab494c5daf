"""CPU seconds of the parse stage per file type, on a generated corpus and the 181 real Scrapinghub pages.

Usage: .venv/bin/python -m benchmarks.parse_cost [--corpus DIR] [--profile N] [--dump OUT.pickle]
       .venv/bin/python -m benchmarks.parse_cost --compare OLD.pickle NEW.pickle
Files go through newsfacts.parse.parse_file (what run.stages.parse_batch calls per file) in one process; CPU time
(time.process_time) rather than wall time, since the machine is shared. --dump writes every file's ParseOutput so
that two versions of the code can be compared field by field with --compare (run the old one with PYTHONPATH
pointing at an export of the old tree).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import gzip
import hashlib
import json
import pickle
import pstats
import time
from collections import defaultdict
from pathlib import Path

from newsfacts.config import SCRAPINGHUB_DATA

CORPUS = Path("/tmp/parsecorpus")  # python -m benchmarks.corpus 1000 /tmp/parsecorpus --seed 0


def inputs(corpus: Path) -> list[tuple[str, bytes]]:
    """(path, bytes) of the corpus files, then the Scrapinghub pages (named .html, as a saved page would be)."""
    files = [(str(p), p.read_bytes()) for p in sorted(corpus.iterdir()) if p.is_file()]
    gold = json.loads((SCRAPINGHUB_DATA / "ground-truth.json").read_text(encoding="utf-8"))
    files += [(f"scrapinghub/{key}.html", gzip.open(SCRAPINGHUB_DATA / "html" / f"{key}.html.gz").read())
              for key in sorted(gold)]
    return files


def kind(path: str, output) -> str:
    source = "scrapinghub" if path.startswith("scrapinghub/") else "corpus"
    return f"{source} {output.document.format if output.document else 'rejected'}"


def measure(files: list[tuple[str, bytes]], profile: int) -> tuple[dict, dict]:
    from newsfacts.parse import parse_file

    parse_file(files[0][1], files[0][0], hashlib.sha256(files[0][1]).hexdigest())  # model loads, imports
    seconds, counts, outputs = defaultdict(float), defaultdict(int), {}
    profiler = cProfile.Profile() if profile else None
    for path, data in files:
        sha = hashlib.sha256(data).hexdigest()
        if profiler:
            profiler.enable()
        started = time.process_time()
        output = parse_file(data, path, sha)
        spent = time.process_time() - started
        if profiler:
            profiler.disable()
        seconds[kind(path, output)] += spent
        counts[kind(path, output)] += 1
        outputs[path] = output
    for name in sorted(seconds):
        print(f"{name:28s} {counts[name]:5d} files {seconds[name]:7.2f} s CPU"
              f" {1000 * seconds[name] / counts[name]:7.1f} ms/file")
    print(f"{'total':28s} {sum(counts.values()):5d} files {sum(seconds.values()):7.2f} s CPU")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)
    return dict(seconds), outputs


def compare(old_path: Path, new_path: Path) -> int:
    """Every field of every output (document, transcript, segments, rejection) must be equal; prints differences."""
    old, new = (pickle.loads(p.read_bytes()) for p in (old_path, new_path))
    differences = 0
    for path in sorted(old.keys() | new.keys()):
        a, b = old.get(path), new.get(path)
        if a is None or b is None:
            print(f"{path}: only in {'new' if a is None else 'old'}")
            differences += 1
            continue
        for name, x in dataclasses.asdict(a).items():
            y = dataclasses.asdict(b)[name]
            if x != y:
                differences += 1
                print(f"{path}: {name} differs")
    print(f"{len(old)} outputs compared, {differences} differences")
    return 1 if differences else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    parser.add_argument("--dump", type=Path, help="write every ParseOutput here (pickle)")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    args = parser.parse_args()
    if args.compare:
        raise SystemExit(compare(*args.compare))
    _, outputs = measure(inputs(args.corpus), args.profile)
    if args.dump:
        args.dump.write_bytes(pickle.dumps(outputs))


if __name__ == "__main__":
    main()
