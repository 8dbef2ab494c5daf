"""Extraction time of this tree's facts stage against an earlier commit's, measured side by side in one session.

Run: .venv/bin/python -m benchmarks.facts_speed [--baseline REF] [--rounds 3]   (writes results/facts_speed.json)

The earlier commit's `newsfacts/` is exported with `git archive` to a temporary folder; each round runs the two
versions one after the other, each in a fresh process on the same documents (the Scrapinghub gold bodies, else
the seeds): one `nlp.pipe` pass, then the rules. The medians of the rounds are compared.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "facts_speed.json"


def document(doc_id: str, body: str):
    """A bare document of the version being measured, built here rather than imported from facts_quality, whose
    imports follow today's tree and break on an older baseline's package."""
    from newsfacts.records import Document

    return Document(
        doc_id=doc_id, sha256=doc_id, kind="article", format="article_text", source_path=doc_id, outlet=None,
        site=None, title=None, subtitle=None, authors=[], dateline=None, published_date=None,
        date_source=None, language="en", body=body, word_count=len(body.split()), lines_total=0, lines_dropped=0,
    )


def _documents():
    from newsfacts.config import SCRAPINGHUB_DATA

    truth = SCRAPINGHUB_DATA / "ground-truth.json"
    if truth.exists():
        bodies = json.loads(truth.read_text(encoding="utf-8"))
        return [document(k, v["articleBody"]) for k, v in sorted(bodies.items()) if v.get("articleBody")]
    seeds = ROOT / "tests" / "facts" / "fixtures"
    return [document(p.name, p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]


def measure() -> dict:
    """One version's figures (whichever `newsfacts` is first on the path): parse seconds, rules seconds."""
    from newsfacts.facts import load_nlp
    from newsfacts.facts.extract import PIPE_BATCH_SIZE, facts_from_parsed

    docs = _documents()
    nlp = load_nlp()
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.body for d in docs), batch_size=PIPE_BATCH_SIZE))
    pipe_s = time.perf_counter() - started
    started = time.perf_counter()
    facts = facts_from_parsed(zip(docs, parsed))
    rules_s = time.perf_counter() - started
    import newsfacts

    return {"documents": len(docs), "pipe_seconds": pipe_s, "rules_seconds": rules_s,
            "extract_seconds": pipe_s + rules_s, "quotes": len(facts.quotes), "package": newsfacts.__file__}


def _run(package_root: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=f"{package_root}{os.pathsep}{ROOT}")
    # -P: the working directory is not put first on the path, so PYTHONPATH decides which newsfacts is imported
    out = subprocess.run([sys.executable, "-P", "-m", "benchmarks.facts_speed", "--measure"], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", default="7df01d7", help="commit to compare with (default: before issue #25)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure()))
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", args.baseline, "newsfacts"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        runs = {"baseline": [], "current": []}
        for _ in range(args.rounds):
            runs["baseline"].append(_run(Path(tmp)))
            runs["current"].append(_run(ROOT))
    report = {"baseline": args.baseline, "rounds": args.rounds, "documents": runs["current"][0]["documents"]}
    for key in ("pipe_seconds", "rules_seconds", "extract_seconds"):
        before = statistics.median(r[key] for r in runs["baseline"])
        after = statistics.median(r[key] for r in runs["current"])
        report[key] = {"baseline": round(before, 2), "current": round(after, 2), "ratio": round(after / before, 3)}
    report["quotes"] = {name: r[0]["quotes"] for name, r in runs.items()}
    report["packages"] = {name: r[0]["package"] for name, r in runs.items()}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
