"""Study, issue #21 (twenty-first round): how each document joins its story, and what a story-level check would cost.

Run: .venv/bin/python -m benchmarks.dedupe_story_joins [--split dev held_out fresh ...]
     (~7 min for every development split; writes benchmarks/results/dedupe_story_joins.json)

For every split of benchmarks/dedupe_real and the three scenarios of dedupe_quality (one batch, originals in a later
run, one run each), every document linked to a story (its final duplicate_of, the story's canonical) is read as
joining it directly (a verdict with the canonical) or only through another member (`through_chain`: no verdict with
the canonical, linked through the chain that joined it), and as a true or a false join (its gold story is the
canonical's or not). Then three story-level checks are measured, none read by newsfacts:
- novelty against the canonical: a document joining through another member must name little the canonical does not
  (novelty <= Thresholds.max_novelty): the through-chain joins it would cut, true and false, by labelled kind;
- the story's majority: a member must verify with at least half of its story's other members, read twice: over
  every pair of the story (verified here) and over the members the runs compared it with (the verify() calls
  dedupe_batch made, recorded; a document is known to them by its text hash, so an exact copy shares its twin's):
  the members under half, intruders (whose gold story is not the one most of their story's members hold) and the
  story's own;
- either: a document joining through another member must pass one of the two (cut where both fail; the majority
  over the pairs compared).
A study, not a product change.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from unittest import mock

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_quality import SCHEMA, load_real, publish, real_splits  # noqa: E402
from newsfacts.dedupe import DuckDBCandidateIndex, InMemoryIndex, Thresholds, dedupe_batch  # noqa: E402
from newsfacts.dedupe import batch as dedupe_batch_module  # noqa: E402
from newsfacts.dedupe.candidates import pair_key  # noqa: E402
from newsfacts.dedupe.text import Profile  # noqa: E402
from newsfacts.dedupe.verify import novelty, verify  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "dedupe_story_joins.json"
CHAIN = "through_chain"  # the method of a link to the canonical through another member (batch._star)
SCENARIOS = ("one_batch", "originals_in_later_run", "one_run_each")
BLIND = ("fresh17",)  # splits no one reads: never loaded here (fresh16, scored blind by w20, is development data since)


@dataclass(frozen=True)
class Join:
    doc: str
    canonical: str
    method: str
    true: bool  # the document's gold story is the canonical's
    kind: str  # its labelled kind (restyled_emotional, expanded, ...), "" for an original or an unlabelled document


@contextmanager
def recording_verify(by_text: dict[int, list[str]], compared: dict[tuple[str, str], bool]):
    """Every verify() dedupe_batch calls, recorded as compared[pair of documents] = verified (a text hash names every
    document with that text)."""
    original = dedupe_batch_module.verify

    def recorded(a, b, thresholds):
        verdict = original(a, b, thresholds)
        for x in by_text.get(a.text_hash, ()):
            for y in by_text.get(b.text_hash, ()):
                if x != y:
                    key = pair_key(x, y)
                    compared[key] = compared.get(key, False) or verdict is not None
        return verdict

    with mock.patch.object(dedupe_batch_module, "verify", recorded):
        yield


def run_scenario(batches: list[list], one_batch: bool) -> tuple[dict[str, tuple], dict[str, str]]:
    """Each batch loaded as a run (one batch: in memory, as dedupe_quality does): the final (cluster_id,
    duplicate_of) of every document, and the method of the last pair written for each linked document."""
    methods: dict[str, str] = {}
    if one_batch:
        result = dedupe_batch(batches[0], InMemoryIndex(), "study")
        methods.update({p.doc_id: p.method for p in result.pairs})
        return {d: (a.cluster_id, a.duplicate_of) for d, a in result.assignments.items()}, methods
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    for k, batch in enumerate(batches, 1):
        run_id = f"run{k}"
        result = dedupe_batch(batch, DuckDBCandidateIndex(con), run_id)
        publish(con, batch, result, run_id)
        methods.update({p.doc_id: p.method for p in result.pairs})
    rows = con.execute("select doc_id, cluster_id, duplicate_of from documents").fetchall()
    return {doc_id: (cluster, of) for doc_id, cluster, of in rows}, methods


def joins(assigned: dict[str, tuple], methods: dict[str, str], story: dict[str, str], kinds: dict[str, str]
          ) -> list[Join]:
    """Every linked document's join to its canonical."""
    return [Join(d, of, methods.get(d, "?"), story[d] == story[of], kinds.get(d, ""))
            for d, (_, of) in sorted(assigned.items()) if of is not None]


def stories(assigned: dict[str, tuple]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for d, (cluster, _) in sorted(assigned.items()):
        out[cluster].append(d)
    return dict(out)


def intruders(members: list[str], story: dict[str, str]) -> set[str]:
    """The members whose gold story is not the one most members hold (a tie: which side the story is is not known, so
    every member counts as an intruder)."""
    held = Counter(story[m] for m in members).most_common()
    if len(held) > 1 and held[0][1] == held[1][1]:
        return set(members)
    return {m for m in members if story[m] != held[0][0]}


def under_half(members: list[str], verified: set[tuple[str, str]], compared: set[tuple[str, str]] | None = None
               ) -> list[tuple[str, int, int]]:
    """The members that verify with fewer than half of their story's other members (of those they were compared with,
    when `compared` is given): (member, with, others)."""
    out = []
    for m in members:
        others = [o for o in members if o != m and (compared is None or pair_key(m, o) in compared)]
        agree = sum(pair_key(m, o) in verified for o in others)
        if others and agree < len(others) / 2:
            out.append((m, agree, len(others)))
    return out


def wrong_pairs(members: list[str], story: dict[str, str]) -> int:
    return sum(story[a] != story[b] for k, a in enumerate(members) for b in members[k + 1:])


def tally(found: list[Join], nov: dict[str, float], low: list[tuple[str, int, int]], intruding: set[str],
          pairs_wrong: int, limit: float, low_compared: list[tuple[str, int, int]]) -> dict:
    """One split's and scenario's figures (see the module docstring). `low`: the members under half over every pair of
    their story; `low_compared`: over the pairs compared."""
    chain = [j for j in found if j.method == CHAIN]
    cut = [j for j in chain if nov[j.doc] > limit]
    lonely = {m for m, _, _ in low_compared}
    both = [j for j in cut if j.doc in lonely]
    return {
        "links": len(found), "false_pairs": pairs_wrong,
        "direct": {"true": sum(j.true for j in found if j.method != CHAIN),
                   "false": sum(not j.true for j in found if j.method != CHAIN)},
        "through_chain": {"true": sum(j.true for j in chain), "false": sum(not j.true for j in chain),
                          "true_by_kind": dict(Counter(j.kind or "original" for j in chain if j.true))},
        "novelty_of_chain_joins": {"true": sorted(nov[j.doc] for j in chain if j.true),
                                   "false": sorted(nov[j.doc] for j in chain if not j.true)},
        "novelty_check_cuts": {"false": [j.doc for j in cut if not j.true],
                               "true": [f"{j.doc} ({j.kind or 'original'})" for j in cut if j.true]},
        "either_check_cuts": {"false": [j.doc for j in both if not j.true],
                              "true": [f"{j.doc} ({j.kind or 'original'})" for j in both if j.true]},
        "majority_check_cuts": {"intruders": [f"{m} {a}/{n}" for m, a, n in low if m in intruding],
                                "own_members": [f"{m} {a}/{n}" for m, a, n in low if m not in intruding]},
        "compared_majority_cuts": {"intruders": [f"{m} {a}/{n}" for m, a, n in low_compared if m in intruding],
                                   "own_members": [f"{m} {a}/{n}" for m, a, n in low_compared
                                                   if m not in intruding]},
    }


def study_split(split: str, thresholds: Thresholds) -> dict:
    docs, labels, story = load_real(split)
    kinds = {r["doc"]: r["kind"] for r in labels if r["relation"] in ("rewrite", "copy", "brief")}
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    originals = [d for d in docs if d.doc_id.endswith(("_original", "_copy"))]
    later = [d for d in docs if d not in originals] + originals
    runs = {"one_batch": ([docs], True), "originals_in_later_run": ([[d for d in later if d not in originals],
                                                                    originals], False),
            "one_run_each": ([[d] for d in later], False)}
    by_text: dict[int, list[str]] = defaultdict(list)
    for doc_id, p in profiles.items():
        by_text[p.text_hash].append(doc_id)
    verified: dict[tuple[str, str], bool] = {}
    out = {}
    for scenario in SCENARIOS:
        compared: dict[tuple[str, str], bool] = {}
        with recording_verify(by_text, compared):
            assigned, methods = run_scenario(*runs[scenario])
        found = joins(assigned, methods, story, kinds)
        nov = {j.doc: round(novelty(profiles[j.doc], profiles[j.canonical]), 3) for j in found}
        low, low_compared, intruding, wrong = [], [], set(), 0
        for members in stories(assigned).values():
            for k, a in enumerate(members):
                for b in members[k + 1:]:
                    key = pair_key(a, b)
                    if key not in verified:
                        verified[key] = verify(profiles[key[0]], profiles[key[1]], thresholds) is not None
            low += under_half(members, {key for key, v in verified.items() if v})
            low_compared += under_half(members, {key for key, v in compared.items() if v}, set(compared))
            intruding |= intruders(members, story)
            wrong += wrong_pairs(members, story)
        out[scenario] = tally(found, nov, low, intruding, wrong, thresholds.max_novelty, low_compared)
        out[scenario]["joins"] = [asdict(j) for j in found]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_story_joins",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", metavar="NAME", help="splits to read (default: every one not blind)")
    args = parser.parse_args(argv)
    splits = args.split or sorted(real_splits() - set(BLIND), key=lambda s: (len(s), s))
    if blind := set(splits) & set(BLIND):
        parser.error(f"blind split, not read: {', '.join(sorted(blind))}")
    thresholds = Thresholds()
    report = {}
    print("split / scenario: links, direct true/false, through_chain true/false, false pairs; novelty check cuts"
          f" (> {thresholds.max_novelty}) false/true; majority check cuts intruders/own members, every pair | pairs"
          " compared; either check cuts false/true")
    for split in splits:
        report[split] = study_split(split, thresholds)
        for scenario in SCENARIOS:
            s = report[split][scenario]
            print(f"{split:<9} {scenario:<23} {s['links']:>3} {s['direct']['true']:>3}/{s['direct']['false']}"
                  f" {s['through_chain']['true']:>3}/{s['through_chain']['false']} {s['false_pairs']:>3};"
                  f" {len(s['novelty_check_cuts']['false'])}/{len(s['novelty_check_cuts']['true'])};"
                  f" {len(s['majority_check_cuts']['intruders'])}/{len(s['majority_check_cuts']['own_members'])} |"
                  f" {len(s['compared_majority_cuts']['intruders'])}/{len(s['compared_majority_cuts']['own_members'])};"
                  f" {len(s['either_check_cuts']['false'])}/{len(s['either_check_cuts']['true'])}",
                  flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
