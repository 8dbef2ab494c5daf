"""Study, issue #21 (dedupe44): is a later side's development told in rarer words than a rewrite's additions?

Run: .venv/bin/python -m benchmarks.dedupe_development_words   (~1 min)

The pairs are dedupe_developments' (every accepted pair of one batch whose later side is dated by itself after the
other, on every development split). For the later side's content sentences that retell nothing of the earlier one
(verify.development's reading), the content stems that the story never uses: the earlier side and the documents
joined to it by the batch's accepted pairs, the later side left out (developed_after's `known`, read as words).
Each such stem weighs its rarity, log(n / (1 + df)), by two document frequencies:
- warehouse: over every development document of every split (a warehouse of many stories), counted by source
  (a story's rewrites would otherwise count one story ten times), the pair's own sources left out;
- batch: over the split's documents (what one batch of dedupe_quality holds), those of the pair's sources left out.
The score is the weight per unretold sentence (per_sentence: the new words' count per unretold sentence, unweighted;
lead: how many of the later side's first content sentences in a row are unretold); the rows show where labelled
rewrites and follow-ups fall. Nothing here is read by newsfacts.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_developments import later_sides  # noqa: E402
from benchmarks.dedupe_paths import _BODIES, _DATES, _profile, development_splits, real_rows  # noqa: E402
from newsfacts.dedupe.align import similarity_matrix  # noqa: E402
from newsfacts.dedupe.text import Profile, terms  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, content_rows  # noqa: E402

CORPORA = ("warehouse", "batch")
# Scores read per corpus (weight per unretold sentence): the warehouse's weights run higher (more documents).
CUTS = {"warehouse": (15.0, 20.0, 25.0, 30.0), "batch": (15.0, 20.0, 25.0, 30.0)}


def new_words(later: Profile, earlier: Profile, story: list[Profile], t: Thresholds) -> tuple[int, set[str]]:
    """The later side's content sentences retelling nothing of the earlier one (no sentence at loose_similarity or
    above), and the content stems they use that neither the earlier side nor any document of `story` uses."""
    rows = content_rows(later)
    if not len(rows) or not earlier.sentence_count:
        return 0, set()
    similarity = similarity_matrix(later, earlier)
    unretold = [i for i in rows.tolist() if not (similarity[i] >= t.loose_similarity).any()]
    used = set(terms(earlier.words_used)).union(*(terms(p.words_used) for p in story))
    return len(unretold), set().union(*(later.stems[i] for i in unretold)) - used if unretold else set()


def leading_unretold(later: Profile, earlier: Profile, t: Thresholds) -> int:
    """How many of the later side's first content sentences in a row retell nothing of the earlier one: a
    follow-up tells its development first, a rewrite opens on its source's lead."""
    rows = content_rows(later)
    if not len(rows) or not earlier.sentence_count:
        return 0
    retold = (similarity_matrix(later, earlier)[rows] >= t.loose_similarity).any(axis=1).tolist()
    return retold.index(True) if True in retold else len(retold)


def rarity(words: set[str], df: dict[str, int], n: int, unretold: int) -> float:
    """The words' weight per unretold sentence: each log(n / (1 + its document frequency)), a word no other
    document uses weighing most; 0 with no unretold sentence."""
    return sum(math.log(n / (1 + df.get(w, 0))) for w in words) / unretold if unretold else 0.0


def source(doc_id: str) -> str:
    """A document's source: the first eight characters of its id (benchmarks/dedupe_real's naming)."""
    return doc_id[:8]


def holders(vocabularies: dict[str, set[str]]) -> dict[str, set[str]]:
    """For each stem, the documents using it."""
    out: dict[str, set[str]] = defaultdict(set)
    for doc_id, stems in vocabularies.items():
        for s in stems:
            out[s].add(doc_id)
    return out


def frequencies(words: set[str], held: dict[str, set[str]], apart: set[str], by_source: bool) -> dict[str, int]:
    """Each word's document frequency among the documents not of the sources `apart`; by_source counts sources."""
    out = {}
    for w in words:
        others = {d for d in held.get(w, ()) if source(d) not in apart}
        out[w] = len({source(d) for d in others}) if by_source else len(others)
    return out


def study(splits: list[str], t: Thresholds) -> list[dict]:
    """One row per accepted pair with a later side: its class, kind, unretold sentences, new words and scores."""
    pending = []
    for split in splits:
        rows = [r for r in real_rows(split, t) if r["rule"]]
        linked: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            linked[r["a"]].add(r["b"])
            linked[r["b"]].add(r["a"])
        for (a, b), (x, y) in later_sides(rows, _DATES[split]).items():
            r = next(r for r in rows if (r["a"], r["b"]) == (a, b))
            story = _reached(y, linked, x) - {y}
            unretold, words = new_words(_profile(split, x), _profile(split, y), [_profile(split, d) for d in story], t)
            pending.append({"split": split, "later": x, "earlier": y, "class": r["class"], "kind": r["kind"],
                            "dated_apart": r["dated_apart"], "unretold": unretold, "words": words,
                            "lead": leading_unretold(_profile(split, x), _profile(split, y), t)})
        print(f"{split}: {sum(p['split'] == split for p in pending)} pairs with a later side", file=sys.stderr,
              flush=True)
    vocab = {split: {d: set(terms(p.vocabulary)) for d, p in _BODIES[split].items()} for split in splits}
    everywhere = holders({d: s for v in vocab.values() for d, s in v.items()})
    sources = len({source(d) for v in vocab.values() for d in v})
    in_split = {split: holders(v) for split, v in vocab.items()}
    for p in pending:
        apart = {source(p["later"]), source(p["earlier"])}
        wide = frequencies(p["words"], everywhere, apart, by_source=True)
        narrow = frequencies(p["words"], in_split[p["split"]], apart, by_source=False)
        p["warehouse"] = rarity(p["words"], wide, sources, p["unretold"])
        p["batch"] = rarity(p["words"], narrow, len(vocab[p["split"]]), p["unretold"])
        p["per_sentence"] = len(p["words"]) / p["unretold"] if p["unretold"] else 0.0
        p["rarest"] = sorted(p["words"], key=lambda w: (wide[w], w))[:6]
        p["rarest_df"] = [wide[w] for w in p["rarest"]]
    return pending


def _reached(start: str, linked: dict[str, set[str]], without: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for d in linked[todo.pop()] - seen - {without}:
            seen.add(d)
            todo.append(d)
    return seen


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_development_words",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", help="development splits (default: all but the blind ones)")
    args = parser.parse_args(argv)
    splits = development_splits(args.split, parser)
    rows = study(splits, Thresholds())
    positives = [r for r in rows if r["class"] == "positive"]
    negatives = [r for r in rows if r["class"] != "positive"]
    print(f"pairs with a later side: {len(positives)} labelled rewrites, {len(negatives)} of two stories")
    for corpus in CORPORA + ("per_sentence", "lead"):
        cuts = CUTS.get(corpus, (6.0, 7.0, 8.0, 9.0) if corpus == "per_sentence" else (1, 2, 3))
        print(f"\n{corpus}: rewrites at or above / pairs of two stories at or above")
        for cut in cuts:
            lost = [r for r in positives if r[corpus] >= cut]
            parted = [r for r in negatives if r[corpus] >= cut]
            kinds = ", ".join(f"{k} {n}" for k, n in Counter(r["kind"] for r in lost).most_common())
            print(f"  {cut:>5}: {len(lost)} ({kinds or '-'}) / {len(parted)} on "
                  f"{', '.join(sorted({r['split'] for r in parted})) or '-'}: "
                  f"{', '.join(sorted({r['later'] for r in parted}))}")
    print("\npairs of two stories (later side after earlier side):")
    for r in sorted(negatives, key=lambda r: -r["batch"]):
        apart = " (dated apart)" if r["dated_apart"] else ""
        print(f"  {r['kind']:<11} {r['split']:<8} {r['later']} after {r['earlier']}: {r['unretold']} unretold, "
              f"{r['lead']} leading, {len(r['words'])} new words, warehouse {r['warehouse']:.1f}, "
              f"batch {r['batch']:.1f}{apart}; rarest "
              + " ".join(f"{w}:{n}" for w, n in zip(r["rarest"], r["rarest_df"])))
    for corpus in CORPORA:
        print(f"\nlabelled rewrites scoring highest ({corpus}):")
        for r in sorted(positives, key=lambda r: -r[corpus])[:5]:
            print(f"  {r['kind']:<10} {r['split']:<8} {r['later']} after {r['earlier']}: {r['unretold']} unretold, "
                  f"warehouse {r['warehouse']:.1f}, batch {r['batch']:.1f}, {r['per_sentence']:.1f} new words a "
                  "sentence")


if __name__ == "__main__":
    main()
