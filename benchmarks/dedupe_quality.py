"""Precision, recall and F1 per duplicate level and per rewrite kind on the real dev set (benchmarks/dedupe_real),
and per level on the hand-written set in benchmarks/dedupe_eval with the seeds, plus the margins.

Run: .venv/bin/python -m benchmarks.dedupe_quality   (writes benchmarks/results/dedupe_quality.json)
     .venv/bin/python -m benchmarks.dedupe_quality --split held_out fresh   (also scores those splits of the real set,
     split.csv's names: held_out, the hashed third; fresh, w4's blind set of issue #21, scored once and development
     data since; a blind split, such as fresh2, only once, by the lead, at the end; --held-out and --fresh are short
     for --split held_out and --split fresh)
     .venv/bin/python -m benchmarks.dedupe_quality --split fresh5 --signals   (also prints, for each labelled rewrite
     the one-batch run missed and for the pairs of two stories nearest to a rewrite, the signals verify() reads)
     .venv/bin/python -m benchmarks.dedupe_quality --corpus 1000   (also scores a benchmarks/corpus.py corpus
     against its ground truth, and shows how each role's documents align with their story's original)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import pickle
import statistics
import sys
from collections import defaultdict
from datetime import date
from itertools import combinations
from pathlib import Path

import duckdb
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate, version as corpus_version  # noqa: E402
from newsfacts.config import SAMPLE_INBOX  # noqa: E402
from newsfacts.dedupe import DuckDBCandidateIndex, InMemoryIndex, Thresholds, dedupe_batch  # noqa: E402
from newsfacts.dedupe.align import align, similarity_matrix  # noqa: E402
from newsfacts.dedupe.signatures import EXACT, FAMILIES, band_rows  # noqa: E402
from newsfacts.dedupe.text import Profile, normalise  # noqa: E402
from newsfacts.dedupe.verify import (consistent, containment, coverage, expansion, item_stems_kept,  # noqa: E402
                                     longer_coverage, longer_span, names_in_order, novelty, ordered_share,
                                     stem_overlap)
from newsfacts.parse import parse_file  # noqa: E402
from newsfacts.records import Document  # noqa: E402

EVAL = ROOT / "benchmarks" / "dedupe_eval"
REAL = ROOT / "benchmarks" / "dedupe_real"
KINDS = ("condensed", "expanded", "restyled", "reordered", "copies")
NEGATIVES = ("follow_up", "independent", "same_topic")
REJECTED: dict[str, str] = {}  # raw pages of the real set the parser rejected, with its reason
RESULTS = ROOT / "benchmarks" / "results" / "dedupe_quality.json"
CORPUS_CACHE = ROOT / "benchmarks" / ".cache" / "dedupe_quality"
SCHEMA = ROOT / "newsfacts" / "warehouse" / "schema.sql"
LEVELS = ("exact", "near_exact", "rewrite")


def load_eval_docs() -> list[Document]:
    docs = []
    for path in sorted((EVAL / "docs").glob("*.txt")):
        head, body = path.read_text(encoding="utf-8").split("---\n", 1)
        meta = dict(line.split(":", 1) for line in head.strip().splitlines())
        meta = {k.strip(): v.strip() or None for k, v in meta.items()}
        docs.append(_document(path.stem, body.strip(), meta["title"], meta["outlet"],
                              date.fromisoformat(meta["date"]) if meta["date"] else None))
    for path in sorted(SAMPLE_INBOX.glob("*.txt")):
        data = path.read_bytes()
        parsed = parse_file(data, path.name, hashlib.sha256(data).hexdigest()).document
        docs.append(_document(f"seed_{path.name[:3]}", parsed.body, parsed.title, parsed.outlet, parsed.published_date))
    return docs


def _document(doc_id, body, title, outlet, published, site=None) -> Document:
    return Document(doc_id, doc_id, "article", "article_text", doc_id, outlet, site, title, None, [], None,
                    published, None, "en", body, len(body.split()), body.count("\n") + 1, 0)


def load_labels() -> list[dict]:
    with (EVAL / "labels.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def run_one_batch(docs) -> dict[str, tuple]:
    result = dedupe_batch(docs, InMemoryIndex(), "eval")
    return {d: (a.cluster_id, a.duplicate_level, a.duplicate_of) for d, a in result.assignments.items()}


def run_across_runs(docs, labels) -> dict[str, tuple]:
    """Copies and rewrites are loaded first, their originals in a later run, through the DuckDB index."""
    derived = {row["doc"] for row in labels if row["relation"] in LEVELS}
    return run_in_runs([[d for d in docs if d.doc_id in derived], [d for d in docs if d.doc_id not in derived]])


def run_in_runs(batches: list[list]) -> dict[str, tuple]:
    """Each batch loaded as a run of its own, in order, through the DuckDB index."""
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    for k, batch in enumerate(batches, 1):
        run_id = f"run{k}"
        publish(con, batch, dedupe_batch(batch, DuckDBCandidateIndex(con), run_id), run_id)
    rows = con.execute("select doc_id, cluster_id, duplicate_level, duplicate_of from documents").fetchall()
    return {doc_id: (cluster, level, of) for doc_id, cluster, level, of in rows}


def publish(con, docs, result, run_id) -> None:
    """The part of a warehouse load that dedupe needs: new documents, their bands and vocabularies, changed
    assignments."""
    con.executemany(
        "insert into documents (doc_id, sha256, kind, format, outlet, site, title, published_date, body, word_count,"
        " run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(d.doc_id, d.sha256, d.kind, d.format, d.outlet, d.site, d.title, d.published_date, d.body, d.word_count,
          run_id)
         for d in docs],
    )
    con.executemany("insert into lsh_bands values (?, ?, ?, ?)",
                    [(b["band"], b["bucket"], b["doc_id"], b["family"]) for b in result.bands])
    con.executemany("insert into dedupe_vocabulary values (?, ?)",
                    [(v["doc_id"], v["stems"]) for v in result.vocabulary])
    con.executemany("insert into dedupe_profiles by name select unnest(?)", [(row,) for row in result.profiles])
    con.executemany(
        "update documents set duplicate_of = ?, duplicate_level = ?, cluster_id = ? where doc_id = ?",
        [(a.duplicate_of, a.duplicate_level, a.cluster_id, doc_id) for doc_id, a in result.assignments.items()],
    )


def score(predicted: dict[str, tuple], docs, labels) -> dict:
    """Per level, over labelled pairs: found when both sit in one cluster and the non-canonical one carries the level.

    Which of two copies is canonical is judged separately (canonical_is_original): an exact copy published the same
    day as its original cannot be told apart from it, so the level score does not depend on direction.
    """
    gold = [(row["doc"], row["other"], row["relation"]) for row in labels if row["relation"] in LEVELS]
    dates = {d.doc_id: d.published_date for d in docs}
    out = {}
    for level in LEVELS:
        pairs = [(d, s) for d, s, lv in gold if lv == level]
        found = {(d, s) for d, s in pairs if predicted[d][0] == predicted[s][0]
                 and predicted[d if predicted[d][0] != d else s][1] == level}
        supported = {x for pair in found for x in pair}
        claimed = {d for d, p in predicted.items() if p[1] == level}
        precision = len(claimed & supported) / len(claimed) if claimed else 1.0
        recall = len(found) / len(pairs) if pairs else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[level] = {"gold": len(pairs), "predicted": len(claimed), "precision": round(precision, 3),
                      "recall": round(recall, 3), "f1": round(f1, 3),
                      "missed": sorted(set(pairs) - found), "wrongly_claimed": sorted(claimed - supported)}
    gold_links = {d: s for d, s, _ in gold}
    group = _gold_groups(docs, gold_links)
    clusters = defaultdict(list)
    for d, p in predicted.items():
        clusters[p[0]].append(d)
    out["false_merges"] = [(a, b) for members in clusters.values() for a, b in combinations(sorted(members), 2)
                           if group[a] != group[b]]
    # An exact copy published the same day as its original is indistinguishable from it: leave those out.
    twins = {s for d, s, lv in gold if lv == "exact" and dates[d] == dates[s]}
    originals = sorted(set(gold_links.values()) - twins)
    out["canonical_is_original"] = sum(predicted[o][0] == o for o in originals) / len(originals)
    out["originals_not_canonical"] = [o for o in originals if predicted[o][0] != o]
    out["same_day_exact_twins_left_out"] = len(twins)
    out["rewrite_made_canonical"] = sorted(d for d, s, lv in gold if lv == "rewrite" and predicted[d][0] == d)
    return out


def _gold_groups(docs, gold_links) -> dict[str, str]:
    group = {d.doc_id: d.doc_id for d in docs}
    group.update(gold_links)
    return group


def labelled_pairs(docs, labels) -> tuple[dict, dict, dict]:
    """The eval set's profiles by doc_id, each document's gold story, and each labelled pair's relation: what the
    margins here and benchmarks.dedupe_paths read every pair against."""
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    gold = {row["doc"]: row["other"] for row in labels if row["relation"] in LEVELS}
    relation = {frozenset((r["doc"], r["other"])): r["relation"] for r in labels}
    return profiles, _gold_groups(docs, gold), relation


def margins(docs, labels, thresholds: Thresholds) -> dict:
    """Verifier signals of every labelled positive pair, and of every pair of documents from different stories or
    labelled independent: the weakest positive and the strongest negative per signal are the margins."""
    profiles, group, relation = labelled_pairs(docs, labels)
    rows = []
    for a, b in combinations(sorted(profiles), 2):
        kind = relation.get(frozenset((a, b)), "unlabelled" if group[a] != group[b] else None)
        if kind is None:
            continue  # two members of one story cluster (e.g. two rewrites of one original): not a decision
        pa, pb = profiles[a], profiles[b]
        alignment = align(pa, pb, thresholds.sentence_similarity)
        rows.append({"a": a, "b": b, "relation": kind, "containment": round(containment(pa, pb), 3),
                     "stem_overlap": round(stem_overlap(pa, pb), 3), "aligned": len(alignment.pairs),
                     "in_order": round(alignment.in_order, 3),
                     "ordered_share": round(ordered_share(alignment, pa, pb), 3),
                     "paraphrase_share": round(ordered_share(alignment, pa, pb, thresholds.verbatim_similarity), 3),
                     "same_specifics": round(ordered_share(consistent(alignment, pa, pb), pa, pb,
                                                           thresholds.verbatim_similarity), 3),
                     "longer_coverage": round(longer_coverage(consistent(alignment, pa, pb), pa, pb), 3)})
    signals = ("containment", "stem_overlap", "aligned", "in_order", "ordered_share", "paraphrase_share",
               "same_specifics", "longer_coverage")
    summary = {}
    for level in LEVELS[1:]:
        chosen = [r for r in rows if r["relation"] == level]
        summary[f"weakest {level}"] = {k: min(chosen, key=lambda r: r[k]) for k in signals}
    negatives = [r for r in rows if r["relation"] not in LEVELS]
    summary["strongest negative"] = {k: max(negatives, key=lambda r: r[k]) for k in signals}
    return {"negative_pairs": len(negatives), "extremes": summary}


def candidate_recall(docs, labels) -> dict:
    """Share of labelled positive pairs that share at least one LSH bucket, per family."""
    keys = {d.doc_id: {(b["family"], b["band"], b["bucket"]) for b in band_rows(d.doc_id, Profile.of(d.body))}
            for d in docs}
    positives = [r for r in labels if r["relation"] in LEVELS]
    found = {}
    for name, family in ((EXACT, EXACT), *((f.name, f.key) for f in FAMILIES)):
        hit = sum(1 for r in positives
                  if {k for k in keys[r["doc"]] if k[0] == family} & keys[r["other"]])
        found[name] = round(hit / len(positives), 3)
    found["any"] = round(sum(1 for r in positives if keys[r["doc"]] & keys[r["other"]]) / len(positives), 3)
    negatives = [(a.doc_id, b.doc_id) for a, b in combinations(docs, 2)]
    found["all_pairs_sharing_a_bucket"] = round(sum(1 for a, b in negatives if keys[a] & keys[b]) / len(negatives), 3)
    return found


def corpus_documents(n: int, seed: int = 0) -> tuple[list[Document], list[dict], dict[str, str]]:
    """Parsed documents of an n-file text corpus, their ground truth, and every file's doc_id (files with the same
    bytes are one document, as staging keeps them), cached per generator version."""
    folder = CORPUS_CACHE / f"{n}_{corpus_version()}{f'_seed{seed}' if seed else ''}"
    cached = folder / "docs.pickle"
    if not cached.exists():
        folder.mkdir(parents=True, exist_ok=True)
        truth = generate(n, folder / "inbox", seed, formats=("text",))
        docs, doc_of = {}, {}
        for path in sorted(truth.inbox.iterdir()):
            data = path.read_bytes()
            parsed = parse_file(data, path.name, hashlib.sha256(data).hexdigest()).document
            if parsed:
                docs.setdefault(parsed.doc_id, parsed)
                doc_of[path.name] = parsed.doc_id
        cached.write_bytes(pickle.dumps((list(docs.values()), truth.files(), doc_of)))
    return pickle.loads(cached.read_bytes())


def corpus_pairs(docs: list[Document], truth: list[dict], doc_of: dict[str, str]) -> list[tuple[str, Document, Document]]:
    """(role, document, what it copies, rewrites or follows; for reports the story's original), by document."""
    by_id = {d.doc_id: d for d in docs}
    originals = {f["story_id"]: f["path"] for f in truth if f["role"] == "original"}
    pairs = []
    for f in truth:
        doc = by_id.get(doc_of.get(f["path"], ""))
        # Labels go by document, not by file: a source whose bytes another file repeats is still a document.
        source = by_id.get(doc_of.get(f["source"] or f["follows"] or originals.get(f["story_id"]) or "", ""))
        if doc and source and doc.doc_id != source.doc_id:  # byte-identical files are one document
            pairs.append((f["role"], doc, source))
    return pairs


def corpus_labels(pairs: list[tuple[str, Document, Document]]) -> list[dict]:
    roles = {"exact_copy": "exact", "syndicated_copy": "near_exact", "rewrite": "rewrite"}
    labels = []
    for role, doc, source in pairs:
        if role in roles:
            # A syndicated copy that kept every word of its source is an exact copy by the levels' definition.
            same_text = normalise(doc.body) == normalise(source.body)
            labels.append({"doc": doc.doc_id, "other": source.doc_id, "relation": "exact" if same_text else roles[role]})
    return labels


def corpus_report(n: int) -> dict:
    """Scores on a generated corpus, and per role the verifier's view of each document against its story's original."""
    docs, truth, doc_of = corpus_documents(n)
    pairs = corpus_pairs(docs, truth, doc_of)
    views, thresholds = defaultdict(list), Thresholds()
    for role, doc, source in pairs:
        a, b = Profile.of(doc.body), Profile.of(source.body)
        aligned = align(a, b, thresholds.sentence_similarity)
        alignment = consistent(aligned, a, b)
        views[role].append({
            "ordered_share": ordered_share(aligned, a, b),
            "same_specifics": ordered_share(alignment, a, b, thresholds.verbatim_similarity),
            "longer_coverage": longer_coverage(alignment, a, b),
        })
    scored = score(run_one_batch(docs), docs, corpus_labels(pairs))
    return {"documents": len(docs), "scores": scored,
            "signals_by_role": {role: {signal: _spread([r[signal] for r in rows]) for signal in rows[0]}
                                for role, rows in sorted(views.items())}}


def _spread(values: list[float]) -> dict:
    return {"n": len(values), "min": round(min(values), 2), "median": round(statistics.median(values), 2),
            "max": round(max(values), 2)}


# -- the real set (benchmarks/dedupe_real: real bodies, their rewrites and hard negatives) ------------------------

def real_splits() -> set[str]:
    """The names split.csv gives the real set's sources."""
    return {row["split"] for row in csv.DictReader((REAL / "split.csv").open(encoding="utf-8"))}


def load_real(split: str) -> tuple[list[Document], list[dict], dict[str, str]]:
    """Documents of one split of the real set (originals and copies through the parser, as raw pages arrive),
    originals and copies first (as they would be staged first), its labels, and each document's gold story."""
    halves = {row["sid"]: row["split"] for row in csv.DictReader((REAL / "split.csv").open(encoding="utf-8"))}
    in_half = lambda name: halves.get(name[:8]) == split  # noqa: E731
    docs = []
    for path in sorted((REAL / "raw").glob("*.txt")):
        if in_half(path.stem):
            data = path.read_bytes()
            parsed = parse_file(data, path.name, hashlib.sha256(data).hexdigest())
            if parsed.document is None:  # the parser's business (reported), not dedupe's: left out of the scores
                REJECTED[path.stem] = parsed.rejected
                continue
            d = parsed.document
            docs.append(_document(path.stem, d.body, d.title, d.outlet, d.published_date, d.site))
    for path in sorted((REAL / "docs").glob("*.txt")):
        if in_half(path.stem):
            head, body = path.read_text(encoding="utf-8").split("---\n", 1)
            meta = {k.strip(): v.strip() or None for k, v in (line.split(":", 1) for line in head.strip().splitlines())}
            published = date.fromisoformat(meta["date"]) if meta.get("date") else None
            docs.append(_document(path.stem, body.strip(), meta["title"], meta["outlet"], published))
    ids = {d.doc_id for d in docs}
    labels = [r for r in csv.DictReader((REAL / "labels.csv").open(encoding="utf-8"))
              if r["doc"] in ids and r["other"] in ids]
    return docs, labels, real_stories(docs, labels)


def real_stories(docs: list[Document], labels: list[dict]) -> dict[str, str]:
    """Gold story of each document: a source's original with its copies, rewrites, brief and the brief's expansion;
    a follow-up, an independent report and every other source's original are stories of their own."""
    story = {d.doc_id: d.doc_id for d in docs}
    for row in sorted(labels, key=lambda r: r["relation"] == "rewrite" and r["kind"] == "expanded"):
        if row["relation"] in ("rewrite", "brief", "copy"):
            story[row["doc"]] = story[row["other"]]
    return story


def _gold_level(row: dict, by_id: dict[str, Document]) -> str:
    if row["relation"] != "copy":
        return "rewrite"
    same = normalise(by_id[row["doc"]].body) == normalise(by_id[row["other"]].body)
    return "exact" if same else "near_exact"


def _prf(found: int, gold: int, right: int, claimed: int) -> dict:
    precision = right / claimed if claimed else 1.0
    recall = found / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": gold, "found": found, "claimed": claimed, "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3)}


def score_real(predicted: dict[str, tuple], docs: list[Document], labels: list[dict], story: dict[str, str]) -> dict:
    """Pairwise scores over clusters. Recall: labelled rewrite and copy pairs found in one cluster (briefs are not
    scored: two sentences are too little to call a copy, and their merges with their own story are right).
    Precision: per kind, the pairs of documents a cluster puts together, holding a document of that kind, that belong
    to one gold story; per level, the links (document -> its canonical) at that level that join one gold story.
    level_right: found pairs where one of the two is linked at the pair's gold level (a copy links to its story's
    canonical, which is a dated rewrite when the original is undated: then its level is rewrite)."""
    by_id = {d.doc_id: d for d in docs}
    cluster = {d: p[0] for d, p in predicted.items()}
    members = defaultdict(list)
    for d, c in cluster.items():
        members[c].append(d)
    together = [(a, b) for ms in members.values() for a, b in combinations(sorted(ms), 2)]
    wrong = [(a, b) for a, b in together if story[a] != story[b]]
    kind_of = {r["doc"]: r["kind"].split("_")[0] if r["relation"] == "rewrite" else r["kind"] for r in labels}
    positives = [r for r in labels if r["relation"] in ("rewrite", "copy")]
    out: dict = {"documents": len(docs), "positive_pairs": len(positives)}
    for kind in KINDS:
        rows = [r for r in positives if kind_of[r["doc"]] == kind]
        found = [r for r in rows if cluster[r["doc"]] == cluster[r["other"]]]
        pairs = [(a, b) for a, b in together if kind_of.get(a) == kind or kind_of.get(b) == kind]
        right = sum(story[a] == story[b] for a, b in pairs)
        out[kind] = {**_prf(len(found), len(rows), right, len(pairs)),
                     "missed": sorted(f"{r['doc']} ~ {r['other']}" for r in rows if r not in found)}
    for style in ("sensational", "emotional", "neutral", "objective"):
        rows = [r for r in positives if r["kind"] == f"restyled_{style}"]
        out[f"restyled {style}"] = _prf(sum(cluster[r["doc"]] == cluster[r["other"]] for r in rows), len(rows), 0, 0)
    for level in LEVELS:
        rows = [r for r in positives if _gold_level(r, by_id) == level]
        found = [r for r in rows if cluster[r["doc"]] == cluster[r["other"]]]
        links = [(d, p[2]) for d, p in predicted.items() if p[1] == level]
        out[level] = _prf(len(found), len(rows), sum(story[d] == story[o] for d, o in links), len(links))
        out[level]["level_right"] = sum(predicted[r["doc"]][1] == level or predicted[r["other"]][1] == level
                                        for r in found)
    relation = {frozenset((r["doc"], r["other"])): r["relation"] for r in labels}
    out["false_merges"] = [f"{a} ~ {b} ({relation.get(frozenset((a, b)), _why_apart(a, b))})" for a, b in wrong]
    out["negative_pairs"] = {kind: sum(1 for r in labels if r["relation"] == kind) for kind in NEGATIVES}
    out["negative_pairs"]["same_event_reports"] = _same_event_pairs(docs, story)
    return out


def _why_apart(a: str, b: str) -> str:
    from benchmarks.dedupe_real_import import group_of
    return "same event" if group_of(a[:8]) == group_of(b[:8]) and a[:8] != b[:8] else "other story"


def _same_event_pairs(docs: list[Document], story: dict[str, str]) -> int:
    """Pairs of documents from two sources reporting one event (their originals, rewrites, follow-ups): negatives."""
    from benchmarks.dedupe_real_import import group_of
    ids = [d.doc_id for d in docs]
    return sum(1 for a, b in combinations(ids, 2)
               if a[:8] != b[:8] and group_of(a[:8]) == group_of(b[:8]) != a[:8])


def expansion_margins(docs: list[Document], labels: list[dict], story: dict[str, str]) -> dict:
    """The expansion signals (verify.expansion) on every pair of a short item and a document at least expansion_ratio
    times as long: the weakest labelled expansion and the strongest pair of two gold stories per signal, and the
    pairs of two stories that pass all of them (false merges in waiting)."""
    thresholds = Thresholds()
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    expanded = {frozenset((r["doc"], r["other"])) for r in labels if r["kind"] == "expanded"}
    rows = []
    for a, b in combinations(sorted(profiles), 2):
        short, long = sorted((a, b), key=lambda d: profiles[d].content_sentences)
        s, lg = profiles[short], profiles[long]
        if not (0 < s.content_sentences <= thresholds.expansion_short
                and lg.content_sentences >= thresholds.expansion_ratio * s.content_sentences):
            continue
        relation = "expanded" if frozenset((a, b)) in expanded else "other_story" if story[a] != story[b] else None
        if relation:
            rows.append({"short": short, "long": long, "relation": relation,
                         "stems": round(item_stems_kept(s, lg), 3),
                         "specifics": round(len(s.mentioned & lg.mentioned) / len(s.mentioned), 3) if s.mentioned else 1.0,
                         "other_figures": len(s.figures ^ lg.figures), "passes": expansion(s, lg, thresholds)})
    positives = [r for r in rows if r["relation"] == "expanded"]
    negatives = [r for r in rows if r["relation"] == "other_story"]
    # Negatives that keep the figures rule are the ones the word signals must stop.
    figures_kept = [r for r in negatives if r["other_figures"] <= thresholds.expansion_other_figures] or negatives
    return {"expansions": len(positives), "negative_pairs": len(negatives),
            "weakest_expansion": {k: min(positives, key=lambda r: r[k] if k != "other_figures" else -r[k])
                                  for k in ("stems", "specifics", "other_figures")} if positives else {},
            "strongest_negative_within_the_figures_rule": {k: max(figures_kept, key=lambda r: r[k])
                                                            for k in ("stems", "specifics")} if negatives else {},
            "negatives_passing": [f"{r['short']} ~ {r['long']}" for r in negatives if r["passes"]]}


def loose_margins(docs: list[Document], labels: list[dict], story: dict[str, str]) -> dict:
    """The loose paths' signals (verify.loosely_retold) on every pair in their shape, past the vocabulary gate: the
    short item's share of sentences retold (3-10 content sentences, novelty <= coverage_novelty); at the
    condensation ratio and novelty, the loose chain's paraphrased share of the shorter side (in order, spanning the
    longer) and, at novelty <= loose_covered_novelty, the loose coverage's share; at any ratio, with >= loose_covered_min sentences on the shorter side and
    novelty <= framed_novelty, the loose coverage's share ("whole"). Weakest labelled rewrite or copy and strongest pair of two stories each."""
    t = Thresholds()
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    positive = {frozenset((r["doc"], r["other"])) for r in labels if r["relation"] == "rewrite"}
    signals: dict[str, dict[str, list]] = {k: {"rewrite": [], "other_story": []}
                                           for k in ("short_item", "whole", "chain", "covered")}
    for x, y in combinations(sorted(profiles), 2):
        a, b = profiles[x], profiles[y]
        relation = "rewrite" if frozenset((x, y)) in positive else "other_story" if story[x] != story[y] else None
        shorter, longer = sorted((a.content_sentences, b.content_sentences))
        if relation is None or shorter < t.loose_short_min or stem_overlap(a, b) < t.min_stem_overlap:
            continue
        spread = novelty(a, b)
        if spread > t.loose_condensed_novelty:
            continue
        similarity = similarity_matrix(a, b)
        covered = len(coverage(similarity, a, b, t.loose_similarity, below=t.verbatim_similarity).pairs) / shorter
        pair = f"{x} ~ {y}"
        if shorter <= t.expansion_short and spread <= t.coverage_novelty:
            signals["short_item"][relation].append((round(covered, 3), shorter, pair))
        if shorter >= t.loose_covered_min and spread <= t.framed_novelty:
            signals["whole"][relation].append((round(covered, 3), shorter, pair))
        if longer >= t.loose_condensed_ratio * shorter:
            chain = consistent(align(a, b, t.loose_similarity, similarity), a, b)
            ordered = chain.in_order >= t.min_in_order and longer_span(chain, a, b) >= t.condensed_span
            paraphrased = sum(1 for p in chain.pairs if p[2] < t.verbatim_similarity)
            signals["chain"][relation].append((round(paraphrased / shorter, 3) if ordered else 0.0,
                                               paraphrased if ordered else 0, pair))
            if (shorter >= t.loose_covered_min and longer >= t.condensed_ratio * shorter
                    and spread <= t.loose_covered_novelty):
                signals["covered"][relation].append((round(covered, 3), shorter, pair))
    passing = {"short_item": lambda r: r[0] >= 1.0, "whole": lambda r: r[0] >= t.loose_whole_share,
               "chain": lambda r: r[1] >= max(t.loose_chain_min, t.loose_chain_share * r[1] / r[0]) if r[0] else False,
               "covered": lambda r: r[0] >= t.loose_covered_share}
    return {name: {"rewrites": len(v["rewrite"]), "rewrites_passing": sum(map(passing[name], v["rewrite"])),
                   "other_story_pairs": len(v["other_story"]),
                   "other_story_passing": [r[2] for r in v["other_story"] if passing[name](r)],
                   "strongest_other_story": max(v["other_story"], default=None),
                   "most_sentences_other_story": max(v["other_story"], key=lambda r: r[1], default=None)}
            for name, v in signals.items()}


def specifics_in_order(a: Profile, b: Profile) -> float:
    """Share of the specifics two documents share that they name in the same order (verify.names_in_order, the
    reading cut_restyle uses since the sixteenth round; measured here before it was a rule: benchmarks/README.md,
    seventh round)."""
    return names_in_order(a, b)


def pair_signals(a: Profile, b: Profile, t: Thresholds) -> dict:
    """What verify() reads of one pair, each path's evidence side by side: the vocabulary gate, novelty of each side
    (the verdict reads the smaller), specifics shared, the paraphrase chain (0.4) and its in_order, the coverage of
    the shorter side at 0.4 through distinct counterparts, the loose coverage and loose chain (0.3), and the share
    of shared specifics named in the same order."""
    x, y = a.mentioned, b.mentioned
    similarity = similarity_matrix(a, b)
    chain = consistent(align(a, b, t.sentence_similarity, similarity), a, b)
    covered = coverage(similarity, a, b, t.sentence_similarity, below=t.verbatim_similarity, facts=True)
    loose = coverage(similarity, a, b, t.loose_similarity, below=t.verbatim_similarity)
    loose_chain = consistent(align(a, b, t.loose_similarity, similarity), a, b)
    short_is_a = a.content_sentences <= b.content_sentences
    return {"stem_overlap": round(stem_overlap(a, b), 3), "novelty": round(novelty(a, b), 3),
            "novelty_each": (round(len(x - y) / len(x), 3) if x else 0.0, round(len(y - x) / len(y), 3) if y else 0.0),
            "specifics": (len(x), len(y), len(x & y)), "sentences": (a.content_sentences, b.content_sentences),
            "chain": len(chain.pairs), "in_order": round(chain.in_order, 2),
            "covered": len(covered.pairs), "covered_distinct": len({j if short_is_a else i for i, j, _ in covered.pairs}),
            "loose_covered": len(loose.pairs), "loose_chain": len(loose_chain.pairs),
            "loose_in_order": round(loose_chain.in_order, 2), "specifics_in_order": round(specifics_in_order(a, b), 3)}


def missed_signals(docs: list[Document], labels: list[dict], story: dict[str, str], result: dict,
                   nearest: int = 12) -> dict:
    """pair_signals of every labelled rewrite the one-batch run missed, and of the pairs of two gold stories (past
    the vocabulary gate) nearest to one: lowest novelty first, then most loosely covered."""
    t = Thresholds()
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    missed = [pair.split(" ~ ") for kind in KINDS if kind != "copies" for pair in result[kind]["missed"]]
    out = {"missed": {f"{x} ~ {y}": pair_signals(profiles[x], profiles[y], t) for x, y in missed}}
    negatives = []
    for x, y in combinations(sorted(profiles), 2):
        if story[x] != story[y] and stem_overlap(profiles[x], profiles[y]) >= t.min_stem_overlap:
            signals = pair_signals(profiles[x], profiles[y], t)
            negatives.append((signals["novelty"], -signals["loose_covered"], f"{x} ~ {y}", signals))
    out["nearest_other_story"] = {pair: signals for _, _, pair, signals in sorted(negatives)[:nearest]}
    return out


def run_real(split: str, signals: bool = False) -> dict:
    docs, labels, story = load_real(split)
    one_batch = score_real(run_one_batch(docs), docs, labels, story)
    # Rewrites first, originals and copies in a later run: what a crawl that meets the copies first makes of them.
    originals = [d for d in docs if d.doc_id.endswith(("_original", "_copy"))]
    later = [d for d in docs if d not in originals] + originals
    derived = [{"doc": d.doc_id, "relation": "rewrite"} for d in docs if d not in originals]
    two_runs = score_real(run_across_runs(later, derived), docs, labels, story)
    # Files dropped one at a time over days: every document a run of its own, rewrites first, originals last.
    each = score_real(run_in_runs([[d] for d in later]), docs, labels, story)
    out = {"one_batch": one_batch, "originals_in_later_run": two_runs, "one_run_each": each,
           "expansion_margins": expansion_margins(docs, labels, story),
           "loose_margins": loose_margins(docs, labels, story)}
    if signals:
        out["signals"] = missed_signals(docs, labels, story, one_batch)
    return out


def print_real(name: str, result: dict) -> None:
    for scenario in ("one_batch", "originals_in_later_run", "one_run_each"):
        s = result[scenario]
        print(f"\nreal set, split {name}, {scenario}: {s['documents']} documents, {s['positive_pairs']} labelled"
              f" rewrite/copy pairs, negatives {s['negative_pairs']}")
        for key in (*LEVELS, *KINDS, "restyled sensational", "restyled emotional", "restyled neutral",
                    "restyled objective"):
            m = s[key]
            print(f"  {key:<21} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  (found {m['found']}"
                  f" of {m['gold']}; " + (f"linked at this level {m['claimed']}, of the found pairs at this level"
                                          f" {m['level_right']})" if key in LEVELS else
                                          f"pairs put together {m['claimed']})"))
        for kind in KINDS:
            if s[kind]["missed"]:
                print(f"    {kind} missed: {', '.join(s[kind]['missed'])}")
        print(f"  false merges: {len(s['false_merges'])} {s['false_merges']}")
    m = result["expansion_margins"]
    print(f"\nreal set, split {name}, expansion signals ({m['expansions']} expansions, {m['negative_pairs']} pairs of a short"
          " item and a twice longer document of another story):")
    for signal, r in m["weakest_expansion"].items():
        print(f"  weakest expansion   {signal:<14} {r[signal]:>6}  {r['long']} ~ {r['short']}")
    for signal, r in m["strongest_negative_within_the_figures_rule"].items():
        print(f"  strongest negative  {signal:<14} {r[signal]:>6}  {r['long']} ~ {r['short']} (other figures"
              f" {r['other_figures']})")
    print(f"  negatives passing every signal: {m['negatives_passing']}")
    print(f"real set, split {name}, loose paths (similarity 0.3; (share of the shorter side retold, its sentences for"
          " short_item and covered, chained ones for chain), in each path's shape):")
    for path, m in result["loose_margins"].items():
        print(f"  {path:<10} rewrites {m['rewrites_passing']} of {m['rewrites']} pass; {m['other_story_pairs']} pairs of two"
              f" stories, passing {m['other_story_passing']}, strongest {m['strongest_other_story']}, most sentences"
              f" {m['most_sentences_other_story']}")
    if "signals" in result:
        print(f"real set, split {name}, signals (stem overlap, novelty (each side), specifics (a, b, shared), content"
              " sentences, chain at 0.4 / in_order, covered at 0.4 / through distinct, loose covered, loose chain /"
              " in_order, specifics in the same order):")
        for group in ("missed", "nearest_other_story"):
            for pair, v in result["signals"][group].items():
                print(f"  {group:<19} {pair}: so {v['stem_overlap']} nov {v['novelty']} {v['novelty_each']}"
                      f" spec {v['specifics']} sent {v['sentences']} chain {v['chain']}/{v['in_order']}"
                      f" cov {v['covered']}/{v['covered_distinct']} loose {v['loose_covered']}"
                      f" lchain {v['loose_chain']}/{v['loose_in_order']} order {v['specifics_in_order']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_quality", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, help="also score a generated corpus of this many files")
    parser.add_argument("--split", action="extend", nargs="+", default=[], metavar="NAME",
                        help="also score these splits of the real set (names in benchmarks/dedupe_real/split.csv)")
    parser.add_argument("--held-out", action="append_const", dest="split", const="held_out",
                        help="short for --split held_out")
    parser.add_argument("--fresh", action="append_const", dest="split", const="fresh", help="short for --split fresh")
    parser.add_argument("--signals", action="store_true",
                        help="print the verifier's signals for each missed rewrite and the nearest pairs of two stories")
    args = parser.parse_args(argv)
    known = real_splits()
    splits = [name for name in dict.fromkeys(args.split) if name != "dev"]
    if unknown := [name for name in splits if name not in known]:
        parser.error(f"no such split in {REAL.relative_to(ROOT)}/split.csv: {', '.join(unknown)}"
                     f" (there: {', '.join(sorted(known))})")
    docs, labels = load_eval_docs(), load_labels()
    thresholds = Thresholds()
    report = {
        "documents": len(docs),
        "labelled_pairs": len(labels),
        "one_batch": score(run_one_batch(docs), docs, labels),
        "originals_in_later_run": score(run_across_runs(docs, labels), docs, labels),
        "candidate_recall": candidate_recall(docs, labels),
        "margins": margins(docs, labels, thresholds),
        "real_dev": run_real("dev", args.signals),
    }
    for name in splits:
        report[f"real_{name}"] = run_real(name, args.signals)
    report["real_rejected_by_parser"] = REJECTED
    if args.corpus:
        report["generated_corpus"] = corpus_report(args.corpus)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    print(f"{len(docs)} documents, {len(labels)} labelled pairs")
    for scenario in ("one_batch", "originals_in_later_run"):
        s = report[scenario]
        print(f"\n{scenario}")
        for level in LEVELS:
            m = s[level]
            print(f"  {level:<11} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
                  f"  (gold {m['gold']}, predicted {m['predicted']})"
                  + (f" missed {m['missed']}" if m["missed"] else "")
                  + (f" wrongly claimed {m['wrongly_claimed']}" if m["wrongly_claimed"] else ""))
        print(f"  merges of independent documents: {len(s['false_merges'])} {s['false_merges']}")
        print(f"  canonical is the original: {s['canonical_is_original']:.3f} {s['originals_not_canonical']}"
              f" (same-day exact twins left out: {s['same_day_exact_twins_left_out']}); "
              f"rewrites made canonical: {s['rewrite_made_canonical']}")
    print("\ncandidate recall of positive pairs:", report["candidate_recall"])
    print(f"\nmargins (weakest labelled positive; strongest of {report['margins']['negative_pairs']} negative pairs):")
    for side, extremes in report["margins"]["extremes"].items():
        for signal, row in extremes.items():
            print(f"  {side:<20} {signal:<16} {row[signal]:>6}  {row['a']} ~ {row['b']} ({row['relation']})")
    if REJECTED:
        print(f"\nreal set: raw pages the parser rejected (left out): {REJECTED}")
    print_real("dev", report["real_dev"])
    for name in splits:
        print_real(name, report[f"real_{name}"])
    if args.corpus:
        corpus = report["generated_corpus"]
        print(f"\ngenerated corpus ({corpus['documents']} documents, benchmarks/corpus.py ground truth)")
        for level in LEVELS:
            m = corpus["scores"][level]
            print(f"  {level:<11} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
        print(f"  merges across stories or of independent reports: {len(corpus['scores']['false_merges'])}")
        print("  each document against its source (reports: the story's original), share of the shorter document's"
              " sentences aligned in order, all pairs / paraphrased pairs naming the same specifics:")
        for role, signals in corpus["signals_by_role"].items():
            for signal, v in signals.items():
                print(f"    {role:<19} {signal:<15} n {v['n']:<4} min {v['min']:.2f}  median {v['median']:.2f}"
                      f"  max {v['max']:.2f}")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    # Last line: the summary `python -m benchmarks` collects.
    summary = {scenario: {**{level: report[scenario][level]["f1"] for level in LEVELS},
                          "false_merges": len(report[scenario]["false_merges"])}
               for scenario in ("one_batch", "originals_in_later_run")}
    for name in ("dev", *splits):
        s = report[f"real_{name}"]["one_batch"]
        summary[f"real_{name}"] = {**{k: s[k]["f1"] for k in (*LEVELS, *KINDS)}, "false_merges": len(s["false_merges"])}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
