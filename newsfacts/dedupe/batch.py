"""dedupe_batch: link a run's new documents to the copies and rewrites among themselves and earlier documents."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

from newsfacts.dedupe import profiles as stored_profiles
from newsfacts.dedupe import vocabulary
from newsfacts.dedupe.index import CandidateIndex, IndexedDoc
from newsfacts.dedupe.signatures import EXACT, band_rows
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds, Verdict, evidence, overlap, verify
from newsfacts.records import Document, DuplicatePair

# Candidates verified per new document, those sharing the most of its vocabulary first: bounds the work when a
# story is huge. Shared buckets rank rewrites poorly (every report of a story shares its names): on the generated
# corpus (2,000 documents, 60 candidates each) 5.5% of rewrites' sources ranked below 5th by buckets, up to 20th;
# by vocabulary overlap every one ranked 1st to 4th. Eight leaves twice that margin.
MAX_CANDIDATES = 8
# Members of one in-batch bucket paired with each other (all of them for the exact family): a giant bucket
# cannot go quadratic, and the vocabulary gate then ranks what is left.
BUCKET_HEADS = 80
_LEVEL_RANK = {"exact": 0, "near_exact": 1, "rewrite": 2}


@dataclass(frozen=True)
class Assignment:
    duplicate_of: str | None
    duplicate_level: str | None
    cluster_id: str


@dataclass
class DedupeResult:
    pairs: list[DuplicatePair] = field(default_factory=list)
    assignments: dict[str, Assignment] = field(default_factory=dict)
    bands: list[dict] = field(default_factory=list)
    vocabulary: list[dict] = field(default_factory=list)  # dedupe_vocabulary rows of the new documents
    profiles: list[dict] = field(default_factory=list)  # dedupe_profiles rows of the new documents
    # Work done, for benchmarks: candidates looked up (earlier, in-batch), earlier ones gated out by vocabulary
    # before reading, documents read back (profiled again when stored without a profile; bodies read), pairs verified.
    stats: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class _Member:
    """A document as clustering sees it, new or earlier."""

    doc_id: str
    published_date: date | None
    word_count: int
    is_new: bool
    duplicate_of: str | None = None
    duplicate_level: str | None = None
    cluster_id: str | None = None


def dedupe_batch(
    docs: list[Document], index: CandidateIndex, run_id: str, thresholds: Thresholds = Thresholds(),
) -> DedupeResult:
    """Verify each new document against its LSH candidates (earlier and in-batch) and re-cluster what they touch.
    Earlier documents come with their stored profiles: none is profiled twice, however often it is a candidate."""
    profiles = {d.doc_id: Profile.of(d.body) for d in docs}
    bands = list(chain.from_iterable(band_rows(d.doc_id, profiles[d.doc_id]) for d in docs))
    new_ids = {d.doc_id for d in docs}
    stems = {d.doc_id: vocabulary.stems_of(profiles[d.doc_id]) for d in docs}
    new_vocabularies = vocabulary.table(stems)
    looked_up = index.candidates(bands)
    earlier_vocabularies = index.vocabularies({c for found in looked_up.values() for c in found})
    # Gate before the shortlist: a candidate whose vocabulary is too far off cannot pass verify(), so it must
    # neither be read back and profiled nor take the shortlist place of one that can.
    earlier = _gate(looked_up, vocabulary.shared_stems(new_vocabularies, earlier_vocabularies, looked_up), thresholds)
    in_batch = _within_batch_candidates(bands)
    within = _gate(in_batch, vocabulary.shared_stems(new_vocabularies, new_vocabularies, in_batch), thresholds)
    shortlist = {d.doc_id: _shortlist(earlier.get(d.doc_id, {}), within.get(d.doc_id, {}), new_ids) for d in docs}
    # Earlier documents are read without their bodies: most candidates fail verification, which needs only the
    # stored profile; a body is read for a pair's evidence, or to profile a document stored without a profile.
    wanted = {c for cs in shortlist.values() for c in cs} - new_ids
    fetched = {d.doc_id: d for d in index.fetch(wanted, bodies=False)}
    # Canonical members of touched clusters take part too: a new original must be weighed against them.
    canon_ids = {d.cluster_id for d in fetched.values() if d.cluster_id} - set(fetched) - new_ids
    fetched.update({d.doc_id: d for d in index.fetch(canon_ids, bodies=False)})
    members = {d.doc_id: _Member(d.doc_id, d.published_date, d.word_count, True) for d in docs}
    members.update({d.doc_id: _from_index(d) for d in fetched.values()})
    stored = stored_profiles.load(index.profiles(fetched), dict.fromkeys(fetched))
    profiles.update(stored)
    unprofiled = set(fetched) - set(stored)
    profiles.update({d.doc_id: Profile.of(d.body) for d in index.fetch(unprofiled)} if unprofiled else {})
    verdicts, verified = _verify_all(docs, shortlist, canon_ids, fetched, profiles, thresholds)
    evidence_from = {doc_id for pair in verdicts for doc_id in pair if profiles[doc_id].body is None}
    for d in index.fetch(evidence_from) if evidence_from else ():
        profiles[d.doc_id] = profiles[d.doc_id].with_body(d.body)
    pairs = [_pair(a, b, v, members, profiles, run_id, thresholds) for (a, b), v in verdicts.items()]
    assignments, relabelled = _assign(members, pairs, profiles)
    # Earlier members that were not fetched keep their links; only their cluster label follows a new canonical.
    for member in index.cluster_members(relabelled) if relabelled else ():
        if member.doc_id not in members:
            assignments[member.doc_id] = Assignment(member.duplicate_of, member.duplicate_level,
                                                    relabelled[member.cluster_id])
    stats = Counter(documents=len(docs), earlier_candidates=sum(map(len, looked_up.values())),
                    profiled_again=len(fetched) - len(stored),
                    batch_candidates=sum(map(len, in_batch.values())),
                    gated_out=sum(map(len, looked_up.values())) - sum(map(len, earlier.values())),
                    fetched=len(fetched), canonical_fetched=len(canon_ids), verified=verified,
                    bodies_read=len(unprofiled) + len(evidence_from))
    rows = [{"doc_id": doc_id, "stems": s} for doc_id, s in stems.items()]
    return DedupeResult(pairs=pairs, assignments=assignments, bands=bands, vocabulary=rows,
                        profiles=[profiles[d.doc_id].row(d.doc_id) for d in docs], stats=stats)


def _gate(candidates: dict[str, Counter], shared: dict[tuple[str, str], tuple[int, int, int]],
          thresholds: Thresholds) -> dict[str, dict[str, tuple[float, int]]]:
    """The candidates that may still verify, each with its rank key (vocabulary overlap, shared buckets): enough
    shared stems, or no vocabulary to tell (a document published before vocabularies were kept, or one without
    content words, whose exact copy only verify() can see), which ranks as if it shared every stem."""
    gated = {}
    for doc_id, found in candidates.items():  # a loop, not a function per pair: ~300k pairs per 1k documents
        kept = gated[doc_id] = {}
        for other, buckets in found.items():
            n, size, other_size = shared.get((doc_id, other), (0, 0, 0))
            share = overlap(n, size, other_size) if size and other_size else 1.0
            if share >= thresholds.min_stem_overlap:
                kept[other] = (share, buckets)
    return gated


def _from_index(d: IndexedDoc) -> _Member:
    return _Member(d.doc_id, d.published_date, d.word_count or 0, False,
                   d.duplicate_of, d.duplicate_level, d.cluster_id)


def _within_batch_candidates(bands: list[dict]) -> dict[str, Counter]:
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for row in bands:
        buckets[(row["family"], row["band"], row["bucket"])].append(row["doc_id"])
    found: dict[str, Counter] = defaultdict(Counter)
    for (family, _, _), ids in buckets.items():
        # Only a bucket's first members are paired, so one giant bucket cannot go quadratic. Every member of an
        # exact-text bucket is paired with those first ones too: they are one text, and a star keeps them one
        # cluster in linear time (a thousand copies of one boilerplate page made a million pairs).
        heads = ids[:BUCKET_HEADS]
        for a in ids if family == EXACT else heads:
            for b in heads:
                if a != b:
                    found[a][b] += 1
    return found


def _shortlist(earlier: dict[str, tuple], within: dict[str, tuple], new_ids: set[str]) -> list[str]:
    """The candidates to verify: most vocabulary shared first, then most buckets, then by id (deterministic)."""
    keys = {**earlier, **{k: v for k, v in within.items() if k in new_ids}}
    return heapq.nsmallest(MAX_CANDIDATES, keys, key=lambda c: (-keys[c][0], -keys[c][1], c))


def _verify_all(docs, shortlist, canon_ids, fetched, profiles, thresholds) -> tuple[dict[tuple[str, str], Verdict], int]:
    verdicts: dict[tuple[str, str], Verdict] = {}
    done: set[tuple[str, str]] = set()
    canon_of_candidates = defaultdict(set)
    for doc_id, candidates in shortlist.items():
        for c in candidates:
            if c in fetched and fetched[c].cluster_id in canon_ids:
                canon_of_candidates[doc_id].add(fetched[c].cluster_id)
    for d in docs:
        for other in chain(shortlist[d.doc_id], sorted(canon_of_candidates[d.doc_id])):
            key = tuple(sorted((d.doc_id, other)))
            if key in done or other == d.doc_id:
                continue
            done.add(key)
            verdict = verify(profiles[key[0]], profiles[key[1]], thresholds)
            if verdict:
                verdicts[key] = verdict
    return verdicts, len(done)


def _originality(m: _Member, profile: Profile) -> tuple:
    """Sort key, most original first: dated before undated, earliest, most complete, longest, loaded earlier."""
    return (
        m.published_date is None,
        m.published_date or date.max,
        -profile.completeness,
        -m.word_count,
        m.is_new,
        m.doc_id,
    )


def _pair(a: str, b: str, verdict: Verdict, members, profiles, run_id, thresholds) -> DuplicatePair:
    """Orient the pair: the less original document is the duplicate."""
    source, doc = sorted((a, b), key=lambda x: _originality(members[x], profiles[x]))
    rows = evidence(verdict, profiles[doc], profiles[source], doc_is_a=(doc == a), limit=thresholds.max_evidence)
    return DuplicatePair(doc, source, verdict.level, verdict.method, verdict.score, rows, run_id)


@dataclass(frozen=True)
class _Edge:
    other: str
    level: str | None
    strength: float  # copies before rewrites, verified before inherited, then by score


def _assign(members, pairs, profiles) -> tuple[dict[str, Assignment], dict[str, str]]:
    """Cluster = connected component of verified pairs and earlier links; canonical = most original non-rewrite.
    Returns the changed assignments, and the earlier clusters whose canonical changed (old id -> new id)."""
    edges: dict[str, list[_Edge]] = defaultdict(list)
    for p in pairs:
        strength = 3 - _LEVEL_RANK[p.level] + p.score
        edges[p.doc_id].append(_Edge(p.duplicate_of, p.level, strength))
        edges[p.duplicate_of].append(_Edge(p.doc_id, p.level, strength))
    for m in members.values():
        for linked in {m.duplicate_of, m.cluster_id}:
            if not m.is_new and linked and linked in members and linked != m.doc_id:
                # An earlier run's link: it keeps the cluster together, but a verified pair of the same level wins.
                strength = 3 - _LEVEL_RANK[m.duplicate_level] - 0.5 if m.duplicate_level else 0.0
                edges[m.doc_id].append(_Edge(linked, m.duplicate_level, strength))
                edges[linked].append(_Edge(m.doc_id, m.duplicate_level, strength))
    rewrites = {p.doc_id for p in pairs if p.level == "rewrite"}
    rewrites |= {m.doc_id for m in members.values() if m.duplicate_level == "rewrite"}
    assignments: dict[str, Assignment] = {}
    relabelled: dict[str, str] = {}
    seen: set[str] = set()
    for start in sorted(members):
        if start in seen:
            continue
        component = _component(start, edges)
        seen |= component
        changed, canonical = _assign_component(component, members, profiles, edges, rewrites)
        assignments.update(changed)
        old_clusters = {members[d].cluster_id for d in component if not members[d].is_new} - {None, canonical}
        relabelled.update((cluster_id, canonical) for cluster_id in old_clusters)
    return assignments, relabelled


def _component(start: str, edges) -> set[str]:
    stack, found = [start], {start}
    while stack:
        for edge in edges[stack.pop()]:
            if edge.other not in found:
                found.add(edge.other)
                stack.append(edge.other)
    return found


def _assign_component(component, members, profiles, edges, rewrites) -> tuple[dict[str, Assignment], str]:
    eligible = [d for d in component if d not in rewrites] or list(component)
    canonical = min(eligible, key=lambda d: _originality(members[d], profiles[d]))
    out: dict[str, Assignment] = {}
    links = _links(canonical, component, members, profiles, edges)
    for doc_id in component:
        m = members[doc_id]
        new = links.get(doc_id, Assignment(None, None, canonical))
        if m.is_new or new != Assignment(m.duplicate_of, m.duplicate_level, m.cluster_id or doc_id):
            out[doc_id] = new
    return out, canonical


def _links(canonical, component, members, profiles, edges) -> dict[str, Assignment]:
    """A tree rooted at the canonical: members join in order of originality, each linked by its strongest edge to
    one already in, so a copy points at what it copies even when both also rewrite-link to the canonical."""
    order = [canonical] + sorted(component - {canonical}, key=lambda d: _originality(members[d], profiles[d]))
    rank = {doc_id: k for k, doc_id in enumerate(order)}
    placed, links = {canonical}, {}
    frontier = [(rank[e.other], e.other) for e in edges[canonical]]
    heapq.heapify(frontier)
    while frontier:
        _, doc_id = heapq.heappop(frontier)
        if doc_id in placed:
            continue
        best = max((e for e in edges[doc_id] if e.other in placed), key=lambda e: (e.strength, -rank[e.other]))
        links[doc_id] = Assignment(best.other, best.level, canonical)
        placed.add(doc_id)
        for e in edges[doc_id]:
            if e.other not in placed:
                heapq.heappush(frontier, (rank[e.other], e.other))
    return links
