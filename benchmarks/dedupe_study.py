"""Study, issue #21: do the verifier's hand rules overfit the real splits they were tuned on, and does a small learned
combination of the same pair signals generalise better to a split it has not seen?

Run: .venv/bin/python -m benchmarks.dedupe_study   (~35 s; writes benchmarks/results/dedupe_study.json)

For every split of benchmarks/dedupe_real, the candidate pairs of one batch as dedupe_batch makes them (LSH bands,
the vocabulary gate, the shortlist of MAX_CANDIDATES per document), each pair's signal vector (the pure helpers of
newsfacts.dedupe.verify, as dedupe_quality --signals reads them), the hand rules' verdict (verify(), then
batch.expansions_apart) and the gold label. Then, per split, the recall ceiling of the candidates; leave one split
out: a logistic regression and a depth-2 tree fitted on the other splits, their thresholds set there for zero false
merges plus a margin, scored on the split left out beside the hand rules; and which signals carry the weight.
A study, not a product change: nothing here is read by newsfacts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_quality import _why_apart, load_real, real_splits, specifics_in_order  # noqa: E402
from newsfacts.dedupe import vocabulary  # noqa: E402
from newsfacts.dedupe.align import align, similarity_matrix  # noqa: E402
from newsfacts.dedupe.batch import expansions_apart  # noqa: E402
from newsfacts.dedupe.candidates import gate, second_chance, shortlist, within_batch  # noqa: E402
from newsfacts.dedupe.signatures import band_rows  # noqa: E402
from newsfacts.dedupe.text import Profile  # noqa: E402
from newsfacts.dedupe.verify import (Thresholds, closest, consistent, containment, coverage,  # noqa: E402
                                     distinct_counterparts, expansion, item_stems_kept, longer_coverage, longer_span,
                                     named_chain, novelty, ordered_share, same_names, stem_overlap,
                                     verify)

RESULTS = ROOT / "benchmarks" / "results" / "dedupe_study.json"
# Splits in the order they were written; the README tells which were tuned on when.
SPLITS = ("dev", "held_out", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
# Every signal as a number where larger or smaller means one thing for every pair (shares, not raw counts, where the
# rules read shares; counts as log1p, so a 60-sentence chain does not outweigh everything else).
SIGNALS = ("stem_overlap", "containment", "novelty", "novelty_max", "shared_specifics", "other_figures",
           "length_ratio", "shorter_sentences", "chain_share", "paraphrase_share", "chain_length", "chain_in_order",
           "longer_coverage", "longer_span", "covered_share", "covered_distinct", "loose_covered_share",
           "loose_chain_share", "loose_chain_in_order", "named_chain", "named_in_order", "item_stems_kept",
           "closest_mean", "specifics_in_order", "expand_other_items")
# Logistic regression: L2 penalty on the standardised coefficients (not the intercept), classes weighted equally.
L2 = 1.0
# Zero false merges on the training splits, plus this margin: the threshold sits this many logits above the
# strongest training negative (odds e times those of the worst negative seen).
LOGIT_MARGIN = 1.0
FIRST_BLIND = "fresh2"  # the first split scored blind by the lead (fresh was scored once by its round's developer)
TREE_CUTS = 48  # candidate thresholds per signal for the tree: quantiles of the training values


# -- signals of one pair -----------------------------------------------------------------------------------------

def pair_vector(a: Profile, b: Profile, t: Thresholds, apart: bool = False) -> dict[str, float]:
    """The signals verify() reads of one pair, as numbers (see SIGNALS); `apart`: the two expand different short
    items of the batch (what batch.expansions_apart reads)."""
    x, y = a.mentioned, b.mentioned
    shorter = max(1, min(a.content_sentences, b.content_sentences))
    longer = max(1, a.content_sentences, b.content_sentences)
    similarity = similarity_matrix(a, b)
    chain_ = consistent(align(a, b, t.sentence_similarity, similarity), a, b)
    covered = coverage(similarity, a, b, t.sentence_similarity, below=t.verbatim_similarity, facts=True)
    loose = coverage(similarity, a, b, t.loose_similarity, below=t.verbatim_similarity)
    loose_chain = consistent(align(a, b, t.loose_similarity, similarity), a, b)
    named = named_chain(similarity, a, b, t)
    short, long_ = (a, b) if a.content_sentences <= b.content_sentences else (b, a)
    nearest = closest(similarity, a, b)
    return {
        "stem_overlap": stem_overlap(a, b), "containment": containment(a, b), "novelty": novelty(a, b),
        "novelty_max": max(len(x - y) / len(x) if x else 0.0, len(y - x) / len(y) if y else 0.0),
        "shared_specifics": len(x & y) / min(len(x), len(y)) if x and y else 0.0,
        "other_figures": float(np.log1p(len(a.figures ^ b.figures))),
        "length_ratio": float(np.log(longer / shorter)), "shorter_sentences": float(np.log1p(shorter)),
        "chain_share": ordered_share(chain_, a, b),
        "paraphrase_share": ordered_share(chain_, a, b, below=t.verbatim_similarity),
        "chain_length": float(np.log1p(len(chain_.pairs))), "chain_in_order": chain_.in_order if chain_.pairs else 0.0,
        "longer_coverage": longer_coverage(chain_, a, b), "longer_span": longer_span(chain_, a, b),
        "covered_share": min(1.0, len(covered.pairs) / shorter),
        "covered_distinct": min(1.0, distinct_counterparts(covered, a, b) / shorter),
        "loose_covered_share": min(1.0, len(loose.pairs) / shorter),
        "loose_chain_share": min(1.0, len(loose_chain.pairs) / shorter),
        "loose_chain_in_order": loose_chain.in_order if loose_chain.pairs else 0.0,
        "named_chain": float(np.log1p(len(named.pairs))), "named_in_order": named.in_order if named.pairs else 0.0,
        "item_stems_kept": item_stems_kept(short, long_),
        "closest_mean": float(np.mean([p[2] for p in nearest.pairs])) if nearest.pairs else 0.0,
        "specifics_in_order": specifics_in_order(a, b), "expand_other_items": float(apart),
    }


# -- candidate pairs of one split --------------------------------------------------------------------------------

def candidate_pairs(profiles: dict[str, Profile], order: list[str], t: Thresholds) -> tuple[set, set, set]:
    """The pairs one batch of these documents verifies, as dedupe_batch makes them (in-batch path): those sharing
    a bucket, those past the vocabulary gate, and those in some document's shortlist or second chance (the
    candidates). A second-chance pair counts as sharing a bucket and passing the gate: it needs neither."""
    bands = list(chain.from_iterable(band_rows(d, profiles[d]) for d in order))
    stems = vocabulary.table({d: vocabulary.stems_of(profiles[d]) for d in order})
    in_batch = within_batch(bands)
    within = gate(in_batch, vocabulary.shared_stems(stems, stems, in_batch), t)
    new_ids = set(order)
    key = lambda x, y: (x, y) if x < y else (y, x)  # noqa: E731 - verify() sees a pair in id order, as batch does
    bucket = {key(d, c) for d, cs in in_batch.items() for c in cs}
    gated = {key(d, c) for d, cs in within.items() for c in cs}
    shortlisted = {key(d, c) for d in order for c in shortlist({}, within.get(d, {}), new_ids)}
    joined = {d for a, b in shortlisted if verify(profiles[a], profiles[b], t) for d in (a, b)}
    second = second_chance([d for d in order if d not in joined], stems, t, shortlisted)
    extra = {key(d, c) for d, cs in second.items() for c in cs}
    return bucket | extra, gated | extra, shortlisted | extra


def split_rows(split: str, t: Thresholds) -> dict:
    """Every candidate pair of a split with its signals, the hand rules' verdict and its gold class; and every
    labelled rewrite or copy pair with the stage it reaches (bucket, gate, shortlist)."""
    docs, labels, story = load_real(split)
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    bucket, gated, shortlisted = candidate_pairs(profiles, [d.doc_id for d in docs], t)
    relation = {frozenset((r["doc"], r["other"])): r for r in labels}
    verdicts = {}
    for a, b in sorted(shortlisted):
        if (v := verify(profiles[a], profiles[b], t)) is not None:
            verdicts[(a, b)] = v
    kept = expansions_apart(verdicts, profiles, t)
    expands = expanded_items(profiles, t)
    rows = []
    for a, b in sorted(shortlisted):
        r = relation.get(frozenset((a, b)))
        if r and r["relation"] in ("rewrite", "copy"):
            cls, kind = "positive", r["kind"].split("_")[0] if r["relation"] == "rewrite" else "copies"
        elif story[a] == story[b]:
            cls, kind = "same_story", "unlabelled"  # two rewrites of one source, a brief: right to merge, not scored
        else:
            cls, kind = "negative", r["relation"] if r else _negative_kind(a, b)
        v = kept.get((a, b))
        rows.append({"a": a, "b": b, "class": cls, "kind": kind, "rule": v.method if v else None,
                     "signals": pair_vector(profiles[a], profiles[b], t,
                                            bool(expands[a] and expands[b] and not expands[a] & expands[b]))})
    gold = []
    for r in labels:
        if r["relation"] in ("rewrite", "copy"):
            k = tuple(sorted((r["doc"], r["other"])))
            stage = ("candidate" if k in shortlisted else "not_shortlisted" if k in gated
                     else "gated_out" if k in bucket else "no_bucket")
            gold.append({"a": k[0], "b": k[1], "kind": r["kind"].split("_")[0] if r["relation"] == "rewrite"
                         else "copies", "stage": stage})
    return {"documents": len(docs), "story": story, "rows": rows, "gold": gold}


def expanded_items(profiles: dict[str, Profile], t: Thresholds) -> dict[str, set[str]]:
    """The short items of the batch each document expands or retells by their names (as batch.expansions_apart
    finds them for a suspect pair): two documents expanding different items are two outlets' padding of one event."""
    items = [d for d, p in profiles.items() if 0 < p.content_sentences <= t.expansion_short]
    return {d: {i for i in items if i != d and profiles[i].content_sentences < p.content_sentences
                and (expansion(p, profiles[i], t) or same_names(p, profiles[i], t))} for d, p in profiles.items()}


NEGATIVE_ROLES = ("followup", "follow_up", "independent", "same_topic")


def _negative_kind(a: str, b: str) -> str:
    """Why a pair without a label of its own is two stories: one source's negative against another member of its
    source's story (say the follow-up against a rewrite), two sources of one event, or two unrelated stories."""
    if a[:8] == b[:8]:
        role = next((n for n in NEGATIVE_ROLES for d in (a, b) if d.endswith(n)), "other")
        return f"{role.replace('followup', 'follow_up')} ~ its source's story"
    return _why_apart(a, b)


# -- pure parts: fitting, thresholds, scores ---------------------------------------------------------------------

@dataclass(frozen=True)
class Logistic:
    """A fitted logistic regression over standardised signals; decision: logit >= threshold."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # per standardised signal
    bias: float
    threshold: float = np.inf

    def logit(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights + self.bias


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> Logistic:
    """Weighted (each class half the loss) L2-penalised logistic regression, by L-BFGS on the exact gradient."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    z = (x - mean) / scale
    w = np.where(y == 1, 0.5 / max(1, (y == 1).sum()), 0.5 / max(1, (y == 0).sum()))
    s = 2.0 * y - 1.0

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        margin = s * (z @ theta[:-1] + theta[-1])
        value = float(w @ np.logaddexp(0.0, -margin)) + 0.5 * l2 * float(theta[:-1] @ theta[:-1]) / len(y)
        g = -w * s / (1.0 + np.exp(margin))
        grad = np.append(z.T @ g + l2 * theta[:-1] / len(y), g.sum())
        return value, grad

    theta = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B").x
    return Logistic(mean, scale, theta[:-1], float(theta[-1]))


def zero_false_threshold(scores: np.ndarray, y: np.ndarray, margin: float) -> float:
    """The lowest threshold (score >= threshold accepts) that accepts no negative, raised by `margin`."""
    negatives = scores[y == 0]
    return (float(negatives.max()) if len(negatives) else float(scores.min()) - 1.0) + margin


@dataclass(frozen=True)
class Tree:
    """A depth-2 tree: one root cut, and on each side at most one accepting leaf (signal >= or <= a cut), trained
    to hold no training negative. Accepts a pair when the leaf of its side of the root does."""

    root: tuple[int, float]  # (signal, cut): left is x < cut, right x >= cut
    leaves: tuple  # per side: None or (signal, cut, direction +1 for >= cut, -1 for <= cut)

    def accepts(self, x: np.ndarray) -> np.ndarray:
        side = x[:, self.root[0]] >= self.root[1]
        out = np.zeros(len(x), dtype=bool)
        for k, leaf in enumerate(self.leaves):
            if leaf is not None:
                f, cut, direction = leaf
                here = side == bool(k)
                out |= here & ((x[:, f] >= cut) if direction > 0 else (x[:, f] <= cut))
        return out


def _pure_leaf(x: np.ndarray, y: np.ndarray) -> tuple[int, tuple | None]:
    """The single cut on one signal that keeps the most positives and no negative, with the cut midway between the
    strongest negative and the nearest positive beyond it (the margin); (0, None) when there is none."""
    best: tuple[int, tuple | None] = (0, None)
    pos, neg = x[y == 1], x[y == 0]
    if not len(pos):
        return best
    for f in range(x.shape[1]):
        for direction in (1, -1):
            p, n = direction * pos[:, f], direction * neg[:, f]
            edge = n.max() if len(n) else -np.inf
            beyond = p[p > edge]
            if len(beyond) > best[0]:
                cut = (edge + beyond.min()) / 2 if np.isfinite(edge) else beyond.min()
                best = (len(beyond), (f, float(direction * cut), direction))
    return best


def fit_tree(x: np.ndarray, y: np.ndarray, cuts: int = TREE_CUTS) -> Tree:
    """The depth-2 tree whose negative-free leaves hold the most training positives (exhaustive over root cuts at
    `cuts` quantiles of every signal)."""
    n, leaf = _pure_leaf(x, y)
    best = (n, (0, -np.inf), (None, leaf))  # a depth-1 tree: every pair on the right of the root, one leaf
    for f in range(x.shape[1]):
        for cut in np.unique(np.quantile(x[:, f], np.linspace(0.02, 0.98, cuts))):
            right = x[:, f] >= cut
            left_n, left_leaf = _pure_leaf(x[~right], y[~right])
            right_n, right_leaf = _pure_leaf(x[right], y[right])
            if left_n + right_n > best[0]:
                best = (left_n + right_n, (f, float(cut)), (left_leaf, right_leaf))
    return Tree(best[1], best[2])


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """Area under the ROC curve (ties count half): the chance a positive scores above a negative."""
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    order = np.concatenate([pos, neg])
    ranks = _average_ranks(order)
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def _average_ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="mergesort")
    ranks = np.empty(len(values))
    sorted_values = values[order]
    start = 0
    for end in range(1, len(values) + 1):
        if end == len(values) or sorted_values[end] != sorted_values[start]:
            ranks[order[start:end]] = (start + end + 1) / 2
            start = end
    return ranks


def leave_one_out(groups: list[str]) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(left-out group, training mask, test mask) for each group, in first-seen order."""
    labels = np.array(groups)
    return [(g, labels != g, labels == g) for g in dict.fromkeys(groups)]


def forward_folds(groups: list[str], order: list[str], first: str) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(group, training mask, test mask) for `first` and each group after it in `order`: trained on the groups
    before it only, as a split written later is met by rules tuned on the earlier ones."""
    labels = np.array(groups)
    start = order.index(first) if first in order else len(order)
    return [(g, np.isin(labels, order[:k]), labels == g) for k, g in enumerate(order) if k >= start]


def cluster_score(accepted: list[tuple[str, str]], gold: list[tuple[str, str, str]], story: dict[str, str]) -> dict:
    """One batch's outcome of accepting these pairs: stories are connected components. Recall: gold pairs (a, b,
    kind) in one component (a rewrite found through another member counts, as in dedupe_quality), all of them and
    the rewrites alone (kind not copies); precision: pairs of documents in one component that belong to one gold
    story; false merges: accepted pairs of two stories."""
    parent = {d: d for d in story}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for a, b in accepted:
        parent[find(a)] = find(b)
    members = defaultdict(list)
    for d in story:
        members[find(d)].append(d)
    together = right = 0
    for ms in members.values():
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                together += 1
                right += story[a] == story[b]
    found = sum(find(a) == find(b) for a, b, _ in gold)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for a, b, kind in gold:
        by_kind[kind][0] += find(a) == find(b)
        by_kind[kind][1] += 1
    rewrites = [(a, b) for a, b, kind in gold if kind != "copies"]
    precision = right / together if together else 1.0
    recall = found / len(gold) if gold else 1.0
    return {"found": found, "gold": len(gold), "recall": round(recall, 3), "precision": round(precision, 3),
            "rewrite_recall": round(sum(find(a) == find(b) for a, b in rewrites) / len(rewrites), 3)
            if rewrites else 1.0,
            "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
            "false_merges": sum(story[a] != story[b] for a, b in accepted), "by_kind": dict(sorted(by_kind.items()))}


# -- the study ---------------------------------------------------------------------------------------------------

def _matrix(rows: list[dict]) -> np.ndarray:
    return np.array([[r["signals"][s] for s in SIGNALS] for r in rows], dtype=float)


def study(data: dict[str, dict], l2: float = L2) -> dict:
    """Ceilings, leave-one-split-out scores, weights and the negatives nearest the line, from split_rows per split."""
    fit_rows = [(s, r) for s in data for r in data[s]["rows"] if r["class"] != "same_story"]
    x = _matrix([r for _, r in fit_rows])
    y = np.array([r["class"] == "positive" for _, r in fit_rows], dtype=int)
    groups = [s for s, _ in fit_rows]
    names = [f"{s} {r['a']} ~ {r['b']} ({r['kind']})" for s, r in fit_rows]
    out: dict = {"ceiling": {}, "leave_one_out": {}, "forward": {}, "auc": {}, "negatives_nearest": {}}
    for split, d in data.items():
        stages = defaultdict(int)
        for g in d["gold"]:
            stages[g["stage"]] += 1
        out["ceiling"][split] = {"documents": d["documents"], "gold": len(d["gold"]), **stages,
                                 "candidates": len(d["rows"]),
                                 "negatives": sum(r["class"] == "negative" for r in d["rows"]),
                                 "ceiling": round(stages["candidate"] / len(d["gold"]), 3),
                                 "rules_pair_recall": round(sum(r["class"] == "positive" and r["rule"] is not None
                                                                for r in d["rows"]) / len(d["gold"]), 3),
                                 "rules_false_pairs": sum(r["class"] == "negative" and r["rule"] is not None
                                                          for r in d["rows"])}
    for split, train, _ in leave_one_out(groups):
        out["leave_one_out"][split] = _fold(data[split], x[train], y[train], l2, list(np.array(names)[train]))
    # As the hand rules met each blind split: trained only on the splits written before it.
    for split, train, _ in forward_folds(groups, [s for s in SPLITS if s in data], FIRST_BLIND):
        out["forward"][split] = _fold(data[split], x[train], y[train], l2, list(np.array(names)[train]))
    full = fit_logistic(x, y, l2)
    out["coefficients"] = dict(sorted(zip(SIGNALS, np.round(full.weights, 3).tolist()), key=lambda kv: -abs(kv[1])))
    for split in data:
        here = np.array(groups) == split
        out["auc"][split] = {s: round(auc(x[here, k], y[here]), 3) for k, s in enumerate(SIGNALS)}
    logits_all = full.logit(x)
    threshold = zero_false_threshold(logits_all, y, 0.0)
    positives = np.sort(logits_all[y == 1])
    out["all_splits"] = {"threshold_zero_false": round(threshold, 3),
                         "positives_at_or_above": int((positives >= threshold).sum()), "positives": len(positives),
                         "rules_positives": sum(r["class"] == "positive" and r["rule"] is not None
                                                for _, r in fit_rows)}
    ranked = np.argsort(-np.where(y == 0, logits_all, -np.inf))[:15]
    out["negatives_nearest"] = [{"split": groups[i], "pair": f"{fit_rows[i][1]['a']} ~ {fit_rows[i][1]['b']}",
                                 "kind": fit_rows[i][1]["kind"], "logit": round(float(logits_all[i]), 2),
                                 "positives_above": int((positives > logits_all[i]).sum()),
                                 "top_signals": _top_contributions(full, x[i])} for i in ranked]
    out["negatives_by_kind"] = _by_kind(fit_rows, y, logits_all, positives)
    return out


def _fold(d: dict, x: np.ndarray, y: np.ndarray, l2: float, names: list[str]) -> dict:
    """One split scored by models fitted on (x, y) of other splits (pairs named by `names`), their thresholds at
    zero training false merges, beside the hand rules and the rules with the logistic path added (margin
    LOGIT_MARGIN)."""
    gold = [(g["a"], g["b"], g["kind"]) for g in d["gold"]]
    here = _matrix(d["rows"])
    pairs = [(r["a"], r["b"]) for r in d["rows"]]
    model = fit_logistic(x, y, l2)
    logits = model.logit(x)
    strongest = int(np.argmax(np.where(y == 0, logits, -np.inf)))
    result: dict = {"threshold_set_by": f"{names[strongest]} (logit {logits[strongest]:.2f})"}
    for margin in (0.0, LOGIT_MARGIN):
        threshold = zero_false_threshold(logits, y, margin)
        take = model.logit(here) >= threshold
        result[f"logistic_margin_{margin:g}"] = {
            **cluster_score([p for p, t in zip(pairs, take) if t], gold, d["story"]),
            "positives_train_kept": int(((logits >= threshold) & (y == 1)).sum()), "positives_train": int(y.sum())}
    # Diagnostic, not a method: the same ranking with the threshold set on the left-out split itself (just above its
    # strongest negative): what the ranking allows, apart from how its threshold travels between splits.
    scores = model.logit(here)
    negatives = [sc for sc, r in zip(scores, d["rows"]) if r["class"] == "negative"]
    ceiling = max(negatives, default=-np.inf)
    result["logistic_own_threshold"] = cluster_score([p for p, sc in zip(pairs, scores) if sc > ceiling], gold,
                                                     d["story"])
    tree = fit_tree(x, y)
    result["tree"] = {**cluster_score([p for p, t in zip(pairs, tree.accepts(here)) if t], gold, d["story"]),
                      "positives_train_kept": int((tree.accepts(x) & (y == 1)).sum()),
                      "positives_train": int(y.sum()), "shape": _describe(tree)}
    result["rules"] = cluster_score([p for p, r in zip(pairs, d["rows"]) if r["rule"]], gold, d["story"])
    extra = model.logit(here) >= zero_false_threshold(logits, y, LOGIT_MARGIN)
    result["rules_or_logistic"] = cluster_score([p for p, r, t in zip(pairs, d["rows"], extra) if t or r["rule"]],
                                                gold, d["story"])
    return result


def _top_contributions(model: Logistic, x: np.ndarray, n: int = 3) -> dict[str, float]:
    parts = (x - model.mean) / model.scale * model.weights
    return {SIGNALS[k]: round(float(parts[k]), 2) for k in np.argsort(-parts)[:n]}


def _by_kind(fit_rows: list, y: np.ndarray, logits: np.ndarray, positives: np.ndarray) -> dict:
    """Per kind of negative: how many candidates, the highest logit, and how many positives that logit would cost
    (positives at or below it, were the threshold set just above it)."""
    out = {}
    for kind in sorted({r["kind"] for _, r in fit_rows if r["class"] == "negative"}):
        idx = [i for i, (_, r) in enumerate(fit_rows) if r["kind"] == kind and y[i] == 0]
        top = float(logits[idx].max())
        out[kind] = {"candidates": len(idx), "max_logit": round(top, 2),
                     "positives_at_or_below": int((positives <= top).sum())}
    return out


def _describe(tree: Tree) -> str:
    f, cut = tree.root
    parts = []
    for side, leaf in zip(("<", ">="), tree.leaves):
        if leaf is not None:
            g, c, direction = leaf
            parts.append(f"[{SIGNALS[f]} {side} {cut:.3g}] & {SIGNALS[g]} {'>=' if direction > 0 else '<='} {c:.3g}")
    return " | ".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dedupe_study", description=__doc__.splitlines()[0])
    parser.add_argument("--split", nargs="+", default=list(SPLITS), help="splits to study (default: all)")
    parser.add_argument("--l2", type=float, default=L2, help=f"the logistic regression's L2 penalty (default {L2})")
    args = parser.parse_args(argv)
    if unknown := set(args.split) - real_splits():
        parser.error(f"no such split: {', '.join(sorted(unknown))}")
    t = Thresholds()
    data = {}
    for split in args.split:
        data[split] = split_rows(split, t)
        print(f"{split}: {data[split]['documents']} documents, {len(data[split]['rows'])} candidate pairs",
              file=sys.stderr, flush=True)
    report = study(data, args.l2)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"report": report, "rows": {s: d["rows"] for s, d in data.items()},
                                   "gold": {s: d["gold"] for s, d in data.items()}}, indent=1), encoding="utf-8")
    print_report(report)


def print_report(report: dict) -> None:
    print("ceiling (labelled rewrite/copy pairs; stage reached in one batch) and the hand rules, pair by pair:")
    for split, c in report["ceiling"].items():
        print(f"  {split:<9} docs {c['documents']:>3} gold {c['gold']:>3}: candidate {c.get('candidate', 0):>3},"
              f" not shortlisted {c.get('not_shortlisted', 0)}, gated out {c.get('gated_out', 0)}, no bucket"
              f" {c.get('no_bucket', 0)}; ceiling {c['ceiling']:.3f}; candidates {c['candidates']} (negatives"
              f" {c['negatives']}); rules accept {c['rules_pair_recall']:.3f} of gold, false pairs"
              f" {c['rules_false_pairs']}")
    for title, key in (("leave one split out", "leave_one_out"), ("forward: trained on the splits before", "forward")):
        _print_folds(title, report[key])
    print("\ncoefficients (all splits, standardised signals):", report["coefficients"])
    print("all splits, zero false merges:", report["all_splits"])
    print("\nsingle-signal AUC per split:")
    print("  " + " ".join(f"{s[:7]:>8}" for s in report["auc"]) + "  signal")
    for k in SIGNALS:
        print("  " + " ".join(f"{report['auc'][s][k]:>8.3f}" for s in report["auc"]) + f"  {k}")
    print("\nnegatives by kind:", report["negatives_by_kind"])
    print("negatives nearest the line (all-splits fit):")
    for n in report["negatives_nearest"]:
        print(f"  {n['split']:<9} {n['pair']:<55} {n['kind']:<12} logit {n['logit']:>6} positives above"
              f" {n['positives_above']}  {n['top_signals']}")


def _print_folds(title: str, folds: dict) -> None:
    print(f"\n{title} (cluster recall / precision / F1 over labelled pairs, rewrites alone; false pairs accepted):")
    for split, r in folds.items():
        print(f"  {split}: logistic threshold set by {r['threshold_set_by']}")
        for name, m in r.items():
            if name == "threshold_set_by":
                continue
            extra = f"  train kept {m['positives_train_kept']}/{m['positives_train']}" if "positives_train" in m else ""
            kinds = " ".join(f"{k[:4]} {f}/{g}" for k, (f, g) in m["by_kind"].items())
            print(f"    {name:<20} R {m['recall']:.3f} P {m['precision']:.3f} F1 {m['f1']:.3f} rewrites R"
                  f" {m['rewrite_recall']:.3f} ({m['found']}/{m['gold']}; {kinds}) false {m['false_merges']}{extra}"
                  + (f"  {m['shape']}" if "shape" in m else ""))


if __name__ == "__main__":
    main()
