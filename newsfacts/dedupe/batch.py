"""dedupe_batch: link a run's new documents to the copies and rewrites among themselves and earlier documents."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from typing import Iterable

from newsfacts.dedupe import profiles as stored_profiles
from newsfacts.dedupe import vocabulary
from newsfacts.dedupe.candidates import (best_second_chances, gate, pair_key, second_chance, shortlist,
                                         stored_second_chance, within_batch)
from newsfacts.dedupe.index import CandidateIndex, IndexedDoc
from newsfacts.dedupe.prepare import Prepared
from newsfacts.dedupe.signatures import band_rows
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.align import align
from newsfacts.dedupe.verify import (EXPANSION, SHORT_ITEM, Thresholds, Verdict, consistent, developed_beyond,
                                     evidence, expansion, ordered_share, reported_beyond_item, same_names,
                                     sentences_retold, told_after, unnamed_speakers, verify, wording_kept)
from newsfacts.parse.outlet_names import one_newsroom
from newsfacts.records import Document, DuplicatePair

_LEVEL_RANK = {"exact": 0, "near_exact": 1, "rewrite": 2}


@dataclass(frozen=True)
class Assignment:
    duplicate_of: str | None
    duplicate_level: str | None
    cluster_id: str


@dataclass
class DedupeResult:
    # One pair per document assigned a duplicate_of, naming the same canonical original with the same level.
    pairs: list[DuplicatePair] = field(default_factory=list)
    assignments: dict[str, Assignment] = field(default_factory=dict)
    bands: list[dict] = field(default_factory=list)
    vocabulary: list[dict] = field(default_factory=list)  # dedupe_vocabulary rows of the new documents
    profiles: list[dict] = field(default_factory=list)  # dedupe_profiles rows of the new documents
    changes: list[dict] = field(default_factory=list)  # verdict_changes rows: earlier documents' verdicts revised
    # Work done, for benchmarks: candidates looked up (earlier, in-batch), earlier ones gated out by vocabulary
    # before reading, documents read back (profiled again when stored without a profile; bodies read), pairs verified.
    stats: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class _Member:
    """A document as clustering sees it, new or earlier."""

    doc_id: str
    published_date: date | None
    is_new: bool
    duplicate_of: str | None = None
    duplicate_level: str | None = None
    cluster_id: str | None = None
    arrival: int = -1  # order of staging across runs (see _originality); -1: loaded before it was recorded
    outlet: str | None = None  # whose story it is (see outlets_next_story)
    site: str | None = None  # the site that published it, when not the outlet (an AP story on mysanantonio.com)

    @property
    def newsroom(self) -> tuple[str | None, str | None]:
        """The names the same-outlet rule compares: whose story, and where it was published."""
        return self.outlet, self.site


def dedupe_batch(
    docs: list[Document], index: CandidateIndex, run_id: str, thresholds: Thresholds = Thresholds(),
    prepared: Prepared | None = None,
) -> DedupeResult:
    """Verify each new document against its LSH candidates (earlier and in-batch) and re-cluster what they touch.
    Earlier documents come with their stored profiles: none is profiled twice, however often it is a candidate.
    `docs` come in the order they were staged: that order (after earlier runs') breaks ties between undated copies.
    `prepared`: their profiles, bands and stems computed where they were parsed (else here)."""
    new_ids = {d.doc_id for d in docs}
    if prepared is not None and prepared.covers(docs):
        profiles = prepared.profiles_of(docs)
        position = {d.doc_id: k for k, d in enumerate(docs)}
        bands = sorted((b for b in prepared.bands if b["doc_id"] in new_ids), key=lambda b: position[b["doc_id"]])
        stems = {d.doc_id: prepared.stems[d.doc_id] for d in docs}
    else:
        profiles = {d.doc_id: Profile.of(d.body) for d in docs}
        bands = list(chain.from_iterable(band_rows(d.doc_id, profiles[d.doc_id]) for d in docs))
        stems = {d.doc_id: vocabulary.stems_of(profiles[d.doc_id]) for d in docs}
    new_vocabularies = vocabulary.table(stems)
    looked_up = index.candidates(bands)
    earlier_vocabularies = index.vocabularies({c for found in looked_up.values() for c in found})
    # Gate before the shortlist: a candidate whose vocabulary is too far off cannot pass verify(), so it must
    # neither be read back and profiled nor take the shortlist place of one that can.
    earlier = gate(looked_up, vocabulary.shared_stems(new_vocabularies, earlier_vocabularies, looked_up), thresholds)
    in_batch = within_batch(bands)
    within = gate(in_batch, vocabulary.shared_stems(new_vocabularies, new_vocabularies, in_batch), thresholds)
    shortlists = {d.doc_id: shortlist(earlier.get(d.doc_id, {}), within.get(d.doc_id, {}), new_ids) for d in docs}
    # Earlier documents are read without their bodies: most candidates fail verification, which needs only the
    # stored profile; a body is read for a pair's evidence, or to profile a document stored without a profile.
    wanted = {c for cs in shortlists.values() for c in cs} - new_ids
    fetched = {d.doc_id: d for d in index.fetch(wanted, bodies=False)}
    # Canonical members of touched clusters take part too: a new original must be weighed against them.
    canon_ids = {d.cluster_id for d in fetched.values() if d.cluster_id} - set(fetched) - new_ids
    fetched.update({d.doc_id: d for d in index.fetch(canon_ids, bodies=False)})
    first = index.last_arrival() + 1
    members = {d.doc_id: _Member(d.doc_id, d.published_date, True, arrival=first + k, outlet=d.outlet,
                                 site=d.site)
               for k, d in enumerate(docs)}
    members.update({d.doc_id: _from_index(d) for d in fetched.values()})
    unprofiled = _read_profiles(index, fetched, profiles)
    verdicts, done = _verify_all(docs, shortlists, canon_ids, fetched, profiles, thresholds)
    # A second chance for the new documents nothing verified with, against the best of the batch and of earlier
    # runs by shared stems; the earlier ones chosen are read as shortlisted ones are, with their stories' originals.
    joined = {d for key in verdicts for d in key}
    orphans = [d.doc_id for d in docs if d.doc_id not in joined]
    second = best_second_chances(second_chance(orphans, new_vocabularies, thresholds, done),
                                 stored_second_chance(orphans, new_vocabularies, index, thresholds, done))
    later = {c for cs in second.values() for c in cs} - new_ids - set(fetched)
    if later:
        more = {d.doc_id: d for d in index.fetch(later, bodies=False)}
        canons = {d.cluster_id for d in more.values() if d.cluster_id} - set(fetched) - set(more) - new_ids
        more.update({d.doc_id: d for d in index.fetch(canons, bodies=False)})
        fetched.update(more)
        members.update({d.doc_id: _from_index(d) for d in more.values()})
        unprofiled |= _read_profiles(index, more, profiles)
    for doc_id, others in second.items():
        for other in others:
            key = pair_key(doc_id, other)
            if key not in done and other in profiles:  # an id with a vocabulary but no document: nothing to verify
                done.add(key)
                if verdict := verify(profiles[key[0]], profiles[key[1]], thresholds):
                    verdicts[key] = verdict
    # Earlier runs' links of the stories this batch joins are weighed with the batch's verdicts (see
    # stored_suspects): an earlier link the batch shows wrong is dropped, and the document leaves the story.
    read_again, suspects = _revisit(verdicts, members, fetched, profiles, index, done, thresholds)
    unprofiled |= read_again
    dated = published_apart(verdicts, members, thresholds)
    items = reported_beyond_items(dated, members, profiles, thresholds)
    developed = developed_after(items, members, profiles, thresholds)
    told = _ToldAfter(profiles, thresholds)
    nexts = outlets_next_story(developed, members, profiles, thresholds, told=told)
    if told.unread:
        # An earlier run's member was read by its stored profile, without the body the text reading needs: the
        # bodies it asked for are read in one fetch, and the check is read again, as one batch would read it.
        for d in index.fetch(told.unread):
            profiles[d.doc_id] = profiles[d.doc_id].with_body(d.body)
        nexts = outlets_next_story(developed, members, profiles, thresholds, told=told)
    apart = expansions_apart(nexts, profiles, thresholds)
    closer = expansions_of_closer_briefs(apart, profiles, thresholds)
    checks_dropped = {key: "published_apart" for key in verdicts.keys() - dated.keys()}
    checks_dropped.update({key: "reported_beyond_items" for key in dated.keys() - items.keys()})
    checks_dropped.update({key: "developed_after" for key in items.keys() - developed.keys()})
    checks_dropped.update({key: "outlets_next_story" for key in developed.keys() - nexts.keys()})
    checks_dropped.update({key: "expansions_apart" for key in nexts.keys() - apart.keys()})
    checks_dropped.update({key: "expansions_of_closer_briefs" for key in apart.keys() - closer.keys()})
    verdicts, dropped = reported_apart_why(closer, profiles, _stored_links(members, profiles))
    verified = len(done)
    revoked = (_revoked(suspects, verdicts, dropped) | _links_dropped(checks_dropped, members)
               | _next_stories_revoked(suspects, verdicts, checks_dropped))
    anchors = _anchors(members, revoked)
    components = _components(members, verdicts, revoked, anchors)
    # A story whose original changes is re-linked whole: its earlier members not read yet are read now, so that
    # every one of them names the new original (a rare event: a new earlier-dated report, or two stories joined).
    canonicals = [_canonical(c, members) for c in components]
    moved = {members[d].cluster_id for c, canonical in zip(components, canonicals) for d in c
             if not members[d].is_new and members[d].cluster_id not in (None, canonical)}
    rest = {m.doc_id for m in index.cluster_members(moved)} - set(members) if moved else set()
    if rest:
        more = {d.doc_id: d for d in index.fetch(rest, bodies=False)}
        members.update({d.doc_id: _from_index(d) for d in more.values()})
        unprofiled |= _read_profiles(index, more, profiles)
        anchors = _anchors(members, revoked)
        components = _components(members, verdicts, revoked, anchors)
    links, checked = _star(components, members, verdicts, profiles, thresholds, revoked, anchors)
    evidence_from = {doc_id for doc, canonical, _ in links for doc_id in (doc, canonical)
                     if profiles[doc_id].body is None}
    for d in index.fetch(evidence_from) if evidence_from else ():
        profiles[d.doc_id] = profiles[d.doc_id].with_body(d.body)
    pairs = [_pair(doc, canonical, v, profiles, run_id, thresholds) for doc, canonical, v in links if v]
    assignments = {doc: Assignment(canonical if v else None, v.level if v else None, canonical)
                   for doc, canonical, v in links}
    changes = [_change(run_id, members[d], a, members, revoked.get(d)) for d, a in assignments.items()
               if not members[d].is_new]
    stats = Counter(documents=len(docs), earlier_candidates=sum(map(len, looked_up.values())),
                    profiled_again=len(unprofiled),
                    batch_candidates=sum(map(len, in_batch.values())),
                    second_chance=sum(map(len, second.values())), second_chance_fetched=len(later),
                    gated_out=sum(map(len, looked_up.values())) - sum(map(len, earlier.values())),
                    fetched=len(fetched), canonical_fetched=len(canon_ids), cluster_members_read=len(rest),
                    verified=verified + checked,
                    bodies_read=len(unprofiled) + len(evidence_from) + len(told.unread),
                    suspects=len(suspects), revoked=len(revoked))
    rows = [{"doc_id": doc_id, "stems": s} for doc_id, s in stems.items()]
    return DedupeResult(pairs=pairs, assignments=assignments, bands=bands, vocabulary=rows,
                        profiles=[{**profiles[d.doc_id].row(d.doc_id), "arrival": members[d.doc_id].arrival}
                                  for d in docs],
                        changes=changes, stats=stats)


def _read_profiles(index: CandidateIndex, fetched: dict[str, IndexedDoc], profiles: dict[str, Profile]) -> set[str]:
    """Add the earlier documents' stored profiles (profiling from the body those stored without one, returned)."""
    stored = stored_profiles.load(index.profiles(fetched), dict.fromkeys(fetched))
    profiles.update(stored)
    unprofiled = set(fetched) - set(stored)
    profiles.update({d.doc_id: Profile.of(d.body) for d in index.fetch(unprofiled)} if unprofiled else {})
    return unprofiled


def _from_index(d: IndexedDoc) -> _Member:
    return _Member(d.doc_id, d.published_date, False, d.duplicate_of, d.duplicate_level, d.cluster_id,
                   -1 if d.arrival is None else d.arrival, d.outlet, d.site)


def _verify_all(docs, shortlists, canon_ids, fetched, profiles, thresholds
                ) -> tuple[dict[tuple[str, str], Verdict], set[tuple[str, str]]]:
    """Each new document against its shortlist and its candidates' canonicals: the verdicts (before
    expansions_apart) and the pairs verified."""
    verdicts: dict[tuple[str, str], Verdict] = {}
    done: set[tuple[str, str]] = set()
    canon_of_candidates = defaultdict(set)
    for doc_id, candidates in shortlists.items():
        for c in candidates:
            if c in fetched and fetched[c].cluster_id in canon_ids:
                canon_of_candidates[doc_id].add(fetched[c].cluster_id)
    for d in docs:
        for other in chain(shortlists[d.doc_id], sorted(canon_of_candidates[d.doc_id])):
            key = tuple(sorted((d.doc_id, other)))
            if key in done or other == d.doc_id:
                continue
            done.add(key)
            verdict = verify(profiles[key[0]], profiles[key[1]], thresholds)
            if verdict:
                verdicts[key] = verdict
    return verdicts, done


def published_apart(verdicts: dict[tuple[str, str], Verdict], members: dict[str, _Member],
                    thresholds: Thresholds) -> dict[tuple[str, str], Verdict]:
    """Verdicts without the rewrite links of documents published more than max_rewrite_days apart (see
    Thresholds.max_rewrite_days). A document's date is the earliest of its own and its copies' (exact and near_exact
    verdicts, earlier runs' links at those levels: a repost comes later); an undated one is dated by the documents
    that rewrite it or that it rewrites (this batch's verdicts, earlier runs' links of the members read), the median
    of their dates, the other side of the pair left out: an undated original is dated by its restyles, and a
    follow-up months later is read against that date. Copies keep their links whatever their dates."""
    dates = _PublicationDates.of(verdicts, members)
    kept = {}
    for key, v in verdicts.items():
        if v.level == "rewrite" and all(d in dates.group for d in key):
            dx, dy = dates.dated(key[0], key[1]), dates.dated(key[1], key[0])
            if dx is not None and dy is not None and abs((dx - dy).days) > thresholds.max_rewrite_days:
                continue
        kept[key] = v
    return kept


@dataclass(frozen=True)
class _PublicationDates:
    """Each document's date as published_apart reads it: its own or its copies' (`own`), else its story's."""

    group: dict[str, frozenset]
    own: dict[frozenset, date | None]
    neighbours: dict[frozenset, set[frozenset]]

    @classmethod
    def of(cls, verdicts: dict[tuple[str, str], Verdict], members: dict[str, _Member]) -> "_PublicationDates":
        group = {d: frozenset({d}) for d in members}

        def join(a: str, b: str) -> None:
            if a in group and b in group and group[a] is not group[b]:
                merged = group[a] | group[b]
                for d in merged:
                    group[d] = merged

        for (a, b), v in verdicts.items():
            if v.level != "rewrite":
                join(a, b)
        for m in members.values():
            if m.duplicate_level in ("exact", "near_exact") and m.duplicate_of:
                join(m.doc_id, m.duplicate_of)
        own = {g: min((members[d].published_date for d in g if members[d].published_date), default=None)
               for g in set(group.values())}
        rewrites = [key for key, v in verdicts.items() if v.level == "rewrite"]
        rewrites += [(m.doc_id, m.duplicate_of) for m in members.values() if m.duplicate_level == "rewrite"]
        neighbours: dict[frozenset, set[frozenset]] = defaultdict(set)
        for a, b in rewrites:
            if a in group and b in group and group[a] is not group[b]:
                neighbours[group[a]].add(group[b])
                neighbours[group[b]].add(group[a])
        return cls(group, own, neighbours)

    def own_date(self, doc_id: str) -> date | None:
        """The document's own date, or its copies' earliest."""
        return self.own[self.group[doc_id]]

    def dated(self, doc_id: str, other: str) -> date | None:
        """Its own date, else the median date of the documents it rewrites or that rewrite it, `other` left out."""
        g, o = self.group[doc_id], self.group[other]
        if self.own[g] is not None:
            return self.own[g]
        around = sorted(self.own[n] for n in self.neighbours[g] if n is not o and self.own[n] is not None)
        return around[(len(around) - 1) // 2] if around else None


def developed_after(verdicts: dict[tuple[str, str], Verdict], members: dict[str, _Member],
                    profiles: dict[str, Profile], thresholds: Thresholds) -> dict[tuple[str, str], Verdict]:
    """Verdicts without the rewrite links of a document dated by itself after the other (whose date may be its own,
    its copies' or its story's) whose sentences retelling nothing of the other report a development of their own
    (verify.developed_beyond): names, places, figures that no other document joined to either side names (by this
    batch's verdicts or earlier runs' links: the story so far, since a rewrite keeps facts of the source that its
    sibling dropped). That is the story's next day, a follow-up retelling the original as background, not a rewrite
    of it. The earlier side is not read so: a rewrite's source has the sentences its rewrite dropped. Undated or
    same-day pairs keep their links (see Thresholds.development_density)."""
    dates = _PublicationDates.of(verdicts, members)
    linked = _story_links(verdicts, members)
    kept = {}
    for key, v in verdicts.items():
        if v.level == "rewrite" and all(d in dates.group and d in profiles for d in key):
            later = [(x, y) for x, y in (key, key[::-1]) if (mine := dates.own_date(x)) is not None
                     and (theirs := dates.dated(y, x)) is not None and mine > theirs]
            if later:
                x, y = later[0]
                story = [profiles[d] for d in _reached(y, linked) - {x} if d in profiles]
                known = frozenset().union(*(p.mentioned | p.openers for p in story))
                if developed_beyond(profiles[x], profiles[y], thresholds, known):
                    continue
        kept[key] = v
    return kept


def outlets_next_story(verdicts: dict[tuple[str, str], Verdict], members: dict[str, _Member],
                       profiles: dict[str, Profile] | None = None, thresholds: Thresholds | None = None,
                       told: "_ToldAfter | None" = None) -> dict[tuple[str, str], Verdict]:
    """Verdicts without the rewrite links of a document into a story whose source is of its own outlet and was
    published on an earlier day: that is the outlet's next story (a follow-up, an update with news), since an outlet
    does not rewrite its own story, and its same-day repost is a copy (exact and near_exact links are kept). The
    story is what the other side is joined to, this document left out (this batch's verdicts, earlier runs'
    links); its source is, of its members published first, the one whose sentences the story retells most, then
    the one this batch verified most (_story_source), its date its own or its copies'. The document must be dated
    by itself (a brief may carry its source's outlet). A story member of its outlet with no date of its own is
    placed before it by its rewrites' dates (_dated_before: all of them retold it before the document was
    published); or by the text (verify.told_after, one way only, read where `profiles` are given): a raw page often
    carries no date, and a follow-up tells its new event first and retells that page as background; or by what each
    tells (_tells_more): a follow-up may open by retelling a short item, but it tells more. Either way the undated
    page is the story's source only if it holds at least as much of the story as the document, by this batch's
    verdicts or by the story's links (its rewrites retell it). `told`: the text reading, in place of one on
    `profiles` (see _ToldAfter.unread)."""
    dates = _PublicationDates.of(verdicts, members)
    linked = _story_links(verdicts, members)
    verified = Counter(d for key in verdicts for d in key)
    told = told or _ToldAfter(profiles or {}, thresholds or Thresholds())
    kept = {}
    for key, v in verdicts.items():
        if v.level == "rewrite" and all(d in dates.group for d in key):
            if any(_next_story(x, y, members, dates, linked, verified, told, profiles or {})
                   for x, y in (key, key[::-1])):
                continue
        kept[key] = v
    return kept


@dataclass
class _ToldAfter:
    """verify.told_after read both ways on the batch's profiles: which of two documents the text places later. Both
    must have their bodies: the reading one way alone is no proof. An earlier run's profile is read without one;
    `unread` gathers the documents asked for without a body, for dedupe_batch to fetch in bulk and read again (an
    outlet's follow-up and its undated page are then read alike whatever the order they arrived in)."""

    profiles: dict[str, Profile]
    thresholds: Thresholds
    unread: set[str] = field(default_factory=set)

    def __call__(self, later: str, earlier: str) -> bool:
        a, b = self.profiles.get(later), self.profiles.get(earlier)
        if a is None or b is None:
            return False
        if a.body is None or b.body is None:
            self.unread |= {d for d, p in ((later, a), (earlier, b)) if p.body is None}
            return False
        return told_after(a, b, self.thresholds) and not told_after(b, a, self.thresholds)


def _next_story(x: str, y: str, members: dict[str, _Member], dates: "_PublicationDates",
                linked: dict[str, set[str]], verified: Counter, told: _ToldAfter,
                profiles: dict[str, Profile]) -> bool:
    """Whether `x` is, by its outlet and its date (or, against an undated page of its outlet, its text or what it
    tells), a later story of the outlet whose story `y` belongs to."""
    mine = dates.own_date(x)
    if mine is None or not members[x].outlet:
        return False
    story = _reached(y, linked, leaving_out=x)
    theirs = min((d for d in map(dates.own_date, story) if d is not None), default=None)
    if theirs is not None and theirs < mine:
        # The source is read only where it may be of x's newsroom: its sentences are compared with the story's.
        first = [d for d in story if dates.own_date(d) == theirs]
        mine_too = [d for d in first if one_newsroom(members[x].newsroom, members[d].newsroom)]
        if mine_too and _story_source(first, story, verified, members, profiles, told.thresholds) in mine_too:
            return True
    # The undated page must hold at least as much of the story as x: the story's rewrites retell its source. A
    # newsroom's dated page beside an undated brief of its own is the one they retell, and keeps its story. Read by
    # this batch's verdicts (a page come late verifies with the rewrites stored before it, which link to the old
    # canonical) or by the story's links, earlier runs' included (a page stored in an earlier run holds its rewrites
    # by their links, not by this batch's verdicts).
    return any(dates.own_date(s) is None and one_newsroom(members[x].newsroom, members[s].newsroom)
               and (verified[s] >= verified[x] or len(linked[s]) >= len(linked[x]))
               and (told(x, s) or _tells_more(x, s, profiles) or _dated_before(s, x, mine, dates))
               for s in sorted(story))


def _story_source(first: list[str], story: set[str], verified: Counter, members: dict[str, _Member],
                  profiles: dict[str, Profile], thresholds: Thresholds) -> str:
    """The source of a story among its members published the same first day: the one whose content sentences the
    story's other members retell most (verify.sentences_retold: a rewrite's framing sentences and an expansion's
    additions are retold by no one, the source's by its rewrites; a same-day content farm's restyle may verify with
    more of them than the page it retells), then the one this batch verified most, then the most original. Not the
    earlier runs' links: they point to whichever member was canonical before a late-arriving original came."""
    def retold(d: str) -> int:
        if d not in profiles:
            return 0
        return sentences_retold(profiles[d], [profiles[m] for m in sorted(story - {d}) if m in profiles], thresholds)

    told = {d: retold(d) for d in first} if len(first) > 1 else {}
    return min(first, key=lambda d: (-told.get(d, 0), -verified[d], _originality(members[d])))


def _dated_before(page: str, x: str, mine: date, dates: "_PublicationDates") -> bool:
    """Whether every dated document that rewrites an undated page, or that it rewrites (x left out), was published
    on a day before `mine`, x's own date: the page was told and retold before x, so x, of the page's newsroom, is
    the newsroom's next story, whatever its text or its length. A rewrite credited to the page's newsroom is dated
    among the page's other rewrites, not after them all."""
    g, o = dates.group[page], dates.group[x]
    around = [dates.own[n] for n in dates.neighbours[g] if n is not o and dates.own[n] is not None]
    return bool(around) and max(around) < mine


def _tells_more(later: str, earlier: str, profiles: dict[str, Profile]) -> bool:
    """Whether `later` has more content sentences than `earlier`: of one newsroom's two pages of a story, which does
    not rewrite the other (outlets_next_story), the one telling more is the next story, whose lead may retell a short
    item (read on the profiles: no body needed, unlike verify.told_after)."""
    a, b = profiles.get(later), profiles.get(earlier)
    return a is not None and b is not None and a.content_sentences > b.content_sentences


def _story_links(verdicts: dict[tuple[str, str], Verdict], members: dict[str, _Member]) -> dict[str, set[str]]:
    """Each document's neighbours by this batch's verdicts and earlier runs' links: what `_reached` walks."""
    linked: dict[str, set[str]] = defaultdict(set)
    earlier_links = [(m.doc_id, m.duplicate_of) for m in members.values() if m.duplicate_of in members]
    for a, b in chain(verdicts, earlier_links):
        linked[a].add(b)
        linked[b].add(a)
    return linked


def _reached(start: str, linked: dict[str, set[str]], leaving_out: str | None = None) -> set[str]:
    """The documents joined to `start` by a chain of links (not through `leaving_out`)."""
    seen, todo = {start, leaving_out} - {None}, [start]
    while todo:
        for d in linked[todo.pop()] - seen:
            seen.add(d)
            todo.append(d)
    return seen - {leaving_out}


def reported_beyond_items(verdicts: dict[tuple[str, str], Verdict], members: dict[str, _Member],
                          profiles: dict[str, Profile], thresholds: Thresholds) -> dict[tuple[str, str], Verdict]:
    """Verdicts without the rewrite links of a short item to a longer document published no earlier than it that
    reports beyond it (verify.reported_beyond_item): the item came first, so it is the source, and what the longer
    adds is a later story's own reporting, a follow-up or another outlet's report, not padding. Undated sides, or a
    longer side published first (the source the item was cut from), keep their links (see
    Thresholds.item_report_density)."""
    kept = {}
    for key, v in verdicts.items():
        if v.level == "rewrite" and all(d in members and d in profiles for d in key) \
                and reported_beyond_item(profiles[key[0]], profiles[key[1]], thresholds):
            short, long = sorted(key, key=lambda d: profiles[d].content_sentences)
            first, then = members[short].published_date, members[long].published_date
            if first is not None and then is not None and then >= first:
                continue
        kept[key] = v
    return kept


def expansions_apart(verdicts: dict[tuple[str, str], Verdict], profiles: dict[str, Profile],
                      thresholds: Thresholds) -> dict[tuple[str, str], Verdict]:
    """Verdicts without the sentence-path rewrites between two documents that are expansions of two different short
    items (none of which both expand): each is linked through the item it expands. Two content-farm expansions of
    two outlets' briefs of one event share their padding and framing sentence by sentence, which the alignment
    counts as retelling (both false merges of the real dev half); their words tell which brief each expands. The
    other side of such a verdict (an earlier document, whose own verdicts are not at hand) is tried against every
    short item profiled here."""
    expands: dict[str, set[str]] = defaultdict(set)
    for key, v in verdicts.items():
        if v.method in SHORT_ITEM:
            short, long = sorted(key, key=lambda d: profiles[d].content_sentences)
            expands[long].add(short)
    suspects = {d for key, v in verdicts.items() if v.method not in SHORT_ITEM and v.level == "rewrite"
                and expands.keys() & set(key) for d in key} - expands.keys()
    items = [d for d, p in profiles.items() if 0 < p.content_sentences <= thresholds.expansion_short]
    for doc_id in suspects:
        expands[doc_id] = {d for d in items if d != doc_id
                           and profiles[d].content_sentences < profiles[doc_id].content_sentences
                           and (expansion(profiles[doc_id], profiles[d], thresholds)
                                or same_names(profiles[doc_id], profiles[d], thresholds))}
    return {(a, b): v for (a, b), v in verdicts.items()
            if v.method in SHORT_ITEM or v.level != "rewrite" or not expands[a] or not expands[b]
            or expands[a] & expands[b]}


def expansions_of_closer_briefs(verdicts: dict[tuple[str, str], Verdict], profiles: dict[str, Profile],
                                thresholds: Thresholds) -> dict[tuple[str, str], Verdict]:
    """Verdicts without the expansion links of a document to a brief whose wording it keeps far less than another
    brief's that it expands too: two outlets' briefs of one event name the same facts, so an expansion of one
    "expands" the other, but it keeps the words of the one it pads (see Thresholds.wording_closer). The rival briefs
    are every brief profiled here (new, or an earlier candidate, whose own verdict may be an earlier run's)."""
    briefs = [d for d, p in profiles.items() if 0 < p.content_sentences <= thresholds.brief_sentences]
    linked: dict[str, list[tuple[str, tuple[str, str]]]] = defaultdict(list)
    for key, v in verdicts.items():
        if v.method == EXPANSION:
            short, long = sorted(key, key=lambda d: profiles[d].content_sentences)
            if profiles[short].content_sentences <= thresholds.brief_sentences:
                linked[long].append((short, key))
    dropped = set()
    for long, items in linked.items():
        kept = {short: wording_kept(profiles[short], profiles[long]) for short, _ in items}
        best = max(kept.values())
        named = profiles[long].mentioned
        rivals = []
        for brief in briefs:
            if brief in kept or brief == long:
                continue
            facts = profiles[brief].mentioned
            if len(facts & named) < thresholds.expansion_specifics * len(facts):
                continue  # it cannot expand a brief whose names and figures it lacks (see verify.expansion)
            if expansion(profiles[brief], profiles[long], thresholds):
                rivals.append(brief)
                best = max(best, wording_kept(profiles[brief], profiles[long]))
        if best >= thresholds.wording_min:
            dropped |= {key for short, key in items if kept[short] < thresholds.wording_closer * best}
        else:
            dropped |= briefs_less_chosen(long, items, rivals, profiles)
    return {key: v for key, v in verdicts.items() if key not in dropped}


def briefs_less_chosen(long: str, items: list[tuple[str, tuple[str, str]]], rivals: list[str],
                       profiles: dict[str, Profile]) -> set[tuple[str, str]]:
    """Where an expansion keeps too little of any of its briefs' wording to tell which it pads (see
    Thresholds.wording_min): the expansion links of the briefs whose own choice of facts it keeps less of than
    another's. Two outlets' briefs of one event name its facts, but each picks a few the other leaves out (the
    second scorer, the winning streak, the day); padding adds no facts, so the ones it holds that only one brief
    chose are that brief's (fresh13 qeecd257: the source's brief names the 34 points of the second scorer, which
    its expansion keeps and the other outlet's brief lacks). `items`: the briefs verified with `long`, with their
    verdicts' keys; `rivals`: the other briefs it expands. A tie (two briefs choosing the same facts, fresh6
    c81e134e) drops nothing."""
    briefs = [short for short, _ in items] + rivals
    if len(briefs) < 2:
        return set()
    named = profiles[long].mentioned
    chosen = {}
    for brief in briefs:
        others = frozenset().union(*(profiles[b].mentioned for b in briefs if b != brief))
        chosen[brief] = len((profiles[brief].mentioned - others) & named)
    most = max(chosen.values())
    return {key for short, key in items if chosen[short] < most}


def reported_apart(verdicts: dict[tuple[str, str], Verdict], profiles: dict[str, Profile]
                   ) -> dict[tuple[str, str], Verdict]:
    """Verdicts without the rewrite links of a document x, introducing a person y never names, to a document y that
    retells a longer document z (a verdict of this batch) that x does not retell and that never names that person
    either. Of x and y alone, which is the source is unknown (a condensation drops its source's people, so only the
    shorter side is read, see verify.own_source); but y's source z, longer than x, lacks the person too, so x added
    them: a report of its own, joining z's story through its condensation (fresh4 7f93c194, fresh6 c81e134e:
    another outlet's report, with an expert or a coach of its own, against the source's 6-9 sentence
    condensation). An original never meets this: it retells each document that retells it."""
    return reported_apart_why(verdicts, profiles)[0]


def reported_apart_why(verdicts: dict[tuple[str, str], Verdict], profiles: dict[str, Profile],
                       linked: Iterable[tuple[str, str]] = ()
                       ) -> tuple[dict[tuple[str, str], Verdict], dict[tuple[str, str], tuple[str, str, str, list]]]:
    """reported_apart, and each link it drops with why, as (x, y, z, the people x introduces that y and z never
    name): the reason an earlier run's link is revised (verdict_changes, see _revisit). `linked`: earlier runs'
    links of the members read (see _stored_links), read as y's neighbours as a verdict of the batch would be, so a
    new report meets the condensation's stored source as it would in one batch; they are never dropped here."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for a, b in chain(verdicts, linked):
        neighbours[a].add(b)
        neighbours[b].add(a)
    dropped = {}
    for key, v in verdicts.items():
        if v.level != "rewrite":
            continue
        for x, y in (key, key[::-1]):
            own = set(unnamed_speakers(profiles[x], profiles[y]))
            if not own:
                continue
            for z in sorted(neighbours[y] - neighbours[x] - {x}):
                lacking = own & set(unnamed_speakers(profiles[x], profiles[z]))
                if lacking and profiles[z].content_sentences > profiles[x].content_sentences:
                    dropped.setdefault(key, (x, y, z, sorted(lacking)))
                    break
    return {key: v for key, v in verdicts.items() if key not in dropped}, dropped


def _revisit(verdicts: dict[tuple[str, str], Verdict], members: dict[str, _Member],
             fetched: dict[str, IndexedDoc], profiles: dict[str, Profile], index: CandidateIndex,
             done: set[tuple[str, str]], thresholds: Thresholds) -> tuple[set[str], set[str]]:
    """Earlier runs' links seen again where this batch can show them wrong: the stories a new document verified
    with at rewrite level are read (their rewrites and originals, by stored profile), and each earlier member that
    introduces a person a new, longer member of its story never names and does not verify with (see
    stored_suspects) is verified again against its story, as one batch would have: with the new document beside
    it, so the batch-level checks (reported_apart) read what one batch would. Adds those verdicts and the members
    read; returns the documents profiled from their bodies and the suspects. A story the batch does not touch, or
    whose members introduce nobody a new document lacks, costs a cluster lookup and no verify."""
    touched: dict[str, set[str]] = defaultdict(set)  # earlier story -> new documents verified with it
    for (a, b), v in verdicts.items():
        for new, old in ((a, b), (b, a)):
            if v.level == "rewrite" and members[new].is_new and not members[old].is_new:
                touched[members[old].cluster_id or old].add(new)
    if not touched:
        return set(), set()
    story = {m.doc_id: m.cluster_id for m in index.cluster_members(touched)
             if m.duplicate_level == "rewrite" or m.duplicate_of is None}
    unread = set(story) - set(members)
    more = {d.doc_id: d for d in index.fetch(unread, bodies=False)} if unread else {}
    fetched.update(more)
    members.update({d.doc_id: _from_index(d) for d in more.values()})
    unprofiled = _read_profiles(index, more, profiles) if more else set()
    dates = {d: m.published_date for d, m in members.items()}
    outlets = {d: m.newsroom for d, m in members.items()}
    suspects = stored_suspects(story, touched, verdicts, profiles, thresholds, dates, outlets)
    for x in sorted(suspects):
        others = [d for d, c in story.items() if c == story[x] and d != x and d in profiles]
        for other in chain(others, sorted(touched[story[x]])):
            _verify_once(x, other, verdicts, profiles, done, thresholds)
        for y in [y for key in list(verdicts) if x in key for y in key if y != x and not members[y].is_new]:
            for z in sorted(touched[story[x]]):
                _verify_once(y, z, verdicts, profiles, done, thresholds)
    return unprofiled, suspects


def stored_suspects(story: dict[str, str], touched: dict[str, set[str]], verdicts: dict[tuple[str, str], Verdict],
                    profiles: dict[str, Profile], thresholds: Thresholds,
                    dates: dict[str, date | None] | None = None,
                    outlets: dict[str, tuple[str | None, ...]] | None = None) -> set[str]:
    """The earlier members whose link this batch may show wrong: each introduces or quotes a person whom a new
    member of its story, longer than it and not verified with it, never names (see reported_apart); or expands a
    new brief, so it may keep that brief's wording more than the one an earlier run linked it to (see
    expansions_of_closer_briefs); or is undated and retells a new document published more than max_rewrite_days
    from a dated member of its story (see undated_between). A rewrite keeps its source's people or drops them;
    another outlet's report of the event adds its own. Or it is of the outlet of a new member published on an
    earlier day or undated, which may be the story's source come late: then x is that outlet's next story (see
    outlets_next_story). `dates`, `outlets`: the members' published dates and newsrooms (outlet, site)."""
    out = set()
    for x, c in story.items():
        p = profiles.get(x)
        if p is None:
            continue
        if dates is not None and outlets is not None and _outlet_earlier(x, touched.get(c, set()), dates, outlets):
            out.add(x)
            continue
        if dates is not None and undated_between(x, story, touched.get(c, set()), verdicts, dates, thresholds):
            out.add(x)
            continue
        if p.speakers and any(pair_key(x, z) not in verdicts and profiles[z].content_sentences > p.content_sentences
                              and unnamed_speakers(p, profiles[z]) for z in touched.get(c, ())):
            out.add(x)
        elif any(verdicts.get(pair_key(x, z)) is not None and verdicts[pair_key(x, z)].method == EXPANSION
                 and 0 < profiles[z].content_sentences <= thresholds.brief_sentences for z in touched.get(c, ())):
            out.add(x)
    return out


def _outlet_earlier(x: str, new: set[str], dates: dict[str, date | None],
                    outlets: dict[str, tuple[str | None, ...]]) -> bool:
    """Whether a new document of x's outlet was published on a day before x's (x dated), or has no date: then its
    text or what each tells may place it before x (outlets_next_story reads it, x's body fetched), as one batch
    would read them."""
    mine = dates.get(x)
    return mine is not None and any((dates.get(z) is None or dates[z] < mine)
                                    and one_newsroom(outlets.get(x, ()), outlets.get(z, ())) for z in new)


def undated_between(x: str, story: dict[str, str], new: set[str], verdicts: dict[tuple[str, str], Verdict],
                    dates: dict[str, date | None], thresholds: Thresholds) -> bool:
    """Whether x, an earlier member without a date, verifies at rewrite level with a new document published more
    than max_rewrite_days from a dated member of x's story. An undated document is dated by what it retells (see
    published_apart); an earlier run that met a later story (a follow-up weeks on) before the restyles of its own
    event linked it there, which one batch, dating it by those restyles, would not (fresh15 o8cad00d, oac1bfdd: a
    condensation linked to the source's follow-up three weeks later). Verified again beside the new document, the
    link is read as one batch would read it."""
    if dates.get(x) is not None:
        return False
    theirs = [dates[d] for d, c in story.items() if c == story[x] and d != x and dates.get(d) is not None]
    for z in new:
        v = verdicts.get(pair_key(x, z))
        if v is not None and v.level == "rewrite" and dates.get(z) is not None and any(
                abs((dates[z] - w).days) > thresholds.max_rewrite_days for w in theirs):
            return True
    return False


def _stored_links(members: dict[str, _Member], profiles: dict[str, Profile]) -> list[tuple[str, str]]:
    """Earlier runs' links between members read here, both profiled: each earlier document and what it was
    linked to (duplicate_of; its story's original)."""
    return [(m.doc_id, m.duplicate_of) for m in members.values()
            if not m.is_new and m.duplicate_of in members and m.doc_id in profiles and m.duplicate_of in profiles]


def _verify_once(x: str, y: str, verdicts, profiles, done: set[tuple[str, str]], thresholds: Thresholds) -> None:
    key = pair_key(x, y)
    if key not in done and x != y and y in profiles:
        done.add(key)
        if verdict := verify(profiles[key[0]], profiles[key[1]], thresholds):
            verdicts[key] = verdict


def _revoked(suspects: set[str], verdicts: dict[tuple[str, str], Verdict],
             dropped: dict[tuple[str, str], tuple[str, str, str, list]]) -> dict[str, str]:
    """The suspects every verdict of which the batch-level checks dropped (one verified before, none left), each
    with the reason in words: an earlier run linked it, and what this run read shows the link wrong."""
    held = {d for key in verdicts for d in key}
    out = {}
    for x in sorted(suspects - held):
        why = [w for key, w in sorted(dropped.items()) if x in key]
        if why:
            _, y, z, people = why[0]
            out[x] = (f"its link through {y} is dropped: {y} retells {z}, which is longer and never names "
                      f"{', '.join(people)}, whom {x} introduces: a report of its own (reported_apart)")
    return out


def _next_stories_revoked(suspects: set[str], verdicts: dict[tuple[str, str], Verdict],
                          dropped: dict[tuple[str, str], str]) -> dict[str, str]:
    """The suspects that outlets_next_story parted from their story, no verdict left: an earlier run linked the
    outlet's next story to the rewrites of its event before its own first story, their source, arrived."""
    held = {d for key in verdicts for d in key}
    parted = {d for key, check in dropped.items() if check == "outlets_next_story" for d in key}
    return {x: "its links are dropped: a story its outlet published first is this story's source (outlets_next_story)"
            for x in sorted(suspects & parted - held)}


def _links_dropped(dropped: dict[tuple[str, str], str], members: dict[str, _Member]) -> dict[str, str]:
    """The earlier members whose stored link (to what they were linked to, or their story's original) is a pair
    verified again here that a batch check dropped, each with the reason: an expansion linked to a brief before the
    brief whose wording it keeps arrived, or that brief itself (see expansions_of_closer_briefs); an undated document
    linked to a later story before the restyles that date it arrived (see undated_between, published_apart)."""
    out = {}
    for (a, b), check in sorted(dropped.items()):
        for x, y in ((a, b), (b, a)):
            m = members.get(x)
            if m is not None and not m.is_new and y in (m.duplicate_of, m.cluster_id) and x not in out:
                out[x] = f"its link to {y} is dropped: verified again beside this run's documents, the pair fails {check}"
                break
    return out


def _anchors(members: dict[str, _Member], revoked: dict[str, str]) -> dict[str, str | None]:
    """For each revoked document, the member its earlier story is held by instead: the most original other member
    of that story read here (None when none is), so links to it from its former story do not pull it back."""
    out: dict[str, str | None] = {}
    for x in revoked:
        story = members[x].cluster_id or x
        rest = [m for m in members.values() if not m.is_new and m.doc_id not in revoked
                and (m.cluster_id == story or m.doc_id == story)]
        out[x] = min(rest, key=_originality).doc_id if rest else None
    return out


def _originality(m: _Member) -> tuple:
    """Sort key, most original first: the earliest published (dated before undated), then the first staged (across
    runs); so a later copy without an earlier date never takes an original's place. The id only orders documents
    loaded before arrival was recorded, among themselves."""
    return (m.published_date is None, m.published_date or date.max, m.arrival, m.doc_id)


def _canonical(component: set[str], members: dict[str, _Member]) -> str:
    return min(component, key=lambda d: _originality(members[d]))


def _pair(doc: str, canonical: str, verdict: Verdict, profiles, run_id, thresholds) -> DuplicatePair:
    a, _ = pair_key(doc, canonical)
    rows = evidence(verdict, profiles[doc], profiles[canonical], doc_is_a=(doc == a), limit=thresholds.max_evidence)
    return DuplicatePair(doc, canonical, verdict.level, verdict.method, verdict.score, rows, run_id)


@dataclass(frozen=True)
class _Edge:
    other: str
    level: str | None
    strength: float  # copies before rewrites, verified before inherited, then by score


def _edges(members: dict[str, _Member], verdicts: dict[tuple[str, str], Verdict],
           revoked: dict[str, str] | None = None, anchors: dict[str, str | None] | None = None
           ) -> dict[str, list[_Edge]]:
    """Verified pairs, and earlier runs' links (which keep a story together; a verified pair of one level wins).
    A revoked document's earlier link is gone, and links to it hold its former story together at its anchor."""
    revoked, anchors = revoked or {}, anchors or {}
    edges: dict[str, list[_Edge]] = defaultdict(list)
    for (a, b), v in verdicts.items():
        strength = 3 - _LEVEL_RANK[v.level] + v.score
        edges[a].append(_Edge(b, v.level, strength))
        edges[b].append(_Edge(a, v.level, strength))
    for m in members.values():
        if m.doc_id in revoked:
            continue
        for linked in {anchors.get(d) if d in revoked else d for d in (m.duplicate_of, m.cluster_id)}:
            if not m.is_new and linked and linked in members and linked != m.doc_id:
                strength = 3 - _LEVEL_RANK[m.duplicate_level] - 0.5 if m.duplicate_level else 0.0
                edges[m.doc_id].append(_Edge(linked, m.duplicate_level, strength))
                edges[linked].append(_Edge(m.doc_id, m.duplicate_level, strength))
    return edges


def _components(members: dict[str, _Member], verdicts, revoked: dict[str, str] | None = None,
                anchors: dict[str, str | None] | None = None) -> list[set[str]]:
    """Stories: connected components of verified pairs and earlier links."""
    edges = _edges(members, verdicts, revoked, anchors)
    seen: set[str] = set()
    out = []
    for start in sorted(members):
        if start not in seen:
            component = _component(start, edges)
            seen |= component
            out.append(component)
    return out


def _component(start: str, edges) -> set[str]:
    stack, found = [start], {start}
    while stack:
        for edge in edges[stack.pop()]:
            if edge.other not in found:
                found.add(edge.other)
                stack.append(edge.other)
    return found


def _star(components, members, verdicts, profiles, thresholds, revoked: dict[str, str] | None = None,
          anchors: dict[str, str | None] | None = None) -> tuple[list[tuple[str, str, Verdict | None]], int]:
    """Every new or changed member's link to its story's canonical original, as (doc, canonical, verdict), the
    verdict None for the canonical itself. A member without a verified pair with the canonical is verified against
    it now; one that still fails (a rewrite of a rewrite) is linked through the chain that joined it, at the
    chain's weakest level, with its own alignment to the canonical as evidence. Returns pairs verified here too."""
    edges = _edges(members, verdicts, revoked, anchors)
    links, checked = [], 0
    for component in components:
        canonical = _canonical(component, members)
        chain_level = None
        for doc_id in sorted(component, key=lambda d: _originality(members[d])):
            m = members[doc_id]
            if doc_id == canonical:
                if m.is_new or m.duplicate_of or m.cluster_id != canonical:
                    links.append((doc_id, canonical, None))
                continue
            key = pair_key(doc_id, canonical)
            verdict = verdicts.get(key)
            if (not m.is_new and m.duplicate_of == canonical and m.cluster_id == canonical
                    and (verdict is None or verdict.level == m.duplicate_level)):
                continue  # linked to this original by an earlier run, and nothing new says otherwise (a member
                # verified again, see _revisit, at the level it has keeps its row)
            if verdict is None:
                checked += 1
                verdict = verify(profiles[key[0]], profiles[key[1]], thresholds)
            if verdict is None:
                chain_level = chain_level or _chain_levels(canonical, component, members, edges)
                alignment = consistent(align(profiles[key[0]], profiles[key[1]], thresholds.sentence_similarity),
                                       profiles[key[0]], profiles[key[1]])
                verdict = Verdict(chain_level[doc_id], "through_chain", round(ordered_share(
                    alignment, profiles[key[0]], profiles[key[1]]), 4), alignment)
            links.append((doc_id, canonical, verdict))
    return links, checked


def _chain_levels(canonical, component, members, edges) -> dict[str, str]:
    """Each member's weakest level on its path to the canonical through a tree of strongest links: members join in
    order of originality, each by its strongest edge to one already in."""
    order = [canonical] + sorted(component - {canonical}, key=lambda d: _originality(members[d]))
    rank = {doc_id: k for k, doc_id in enumerate(order)}
    placed, level = {canonical}, {canonical: "exact"}
    frontier = [(rank[e.other], e.other) for e in edges[canonical]]
    heapq.heapify(frontier)
    while frontier:
        _, doc_id = heapq.heappop(frontier)
        if doc_id in placed:
            continue
        best = max((e for e in edges[doc_id] if e.other in placed), key=lambda e: (e.strength, -rank[e.other]))
        hop = best.level or "rewrite"
        level[doc_id] = max(hop, level[best.other], key=_LEVEL_RANK.__getitem__)
        placed.add(doc_id)
        for e in edges[doc_id]:
            if e.other not in placed:
                heapq.heappush(frontier, (rank[e.other], e.other))
    return level


def _change(run_id: str, m: _Member, new: Assignment, members: dict[str, _Member], revoked: str | None = None
            ) -> dict:
    """A verdict_changes row: what an earlier run said of the document, what this run says, and why."""
    was_canonical, canonical = m.cluster_id or m.doc_id, new.cluster_id
    if revoked is not None:
        kind, reason = "split", revoked
    elif was_canonical != canonical:
        kind, reason = _why_original(canonical, was_canonical, members)
    elif m.duplicate_of != new.duplicate_of:
        kind, reason = "relinked", f"linked to the story's original {canonical} itself, not through {m.duplicate_of}"
    else:
        kind, reason = "level", f"verified again against {canonical}: {new.duplicate_level}, not {m.duplicate_level}"
    return {"run_id": run_id, "doc_id": m.doc_id, "was_duplicate_of": m.duplicate_of,
            "was_duplicate_level": m.duplicate_level, "was_cluster_id": m.cluster_id, "duplicate_of": new.duplicate_of,
            "duplicate_level": new.duplicate_level, "cluster_id": canonical, "change": kind, "reason": reason}


def _why_original(new: str, old: str, members: dict[str, _Member]) -> tuple[str, str]:
    n, o = members[new], members.get(old)
    kind = "new_original" if n.is_new else "stories_joined"
    if o is None:
        return kind, f"its story now has {new} as original"
    if n.published_date and not o.published_date:
        return kind, f"{new} is dated {n.published_date}, {old} is undated"
    if n.published_date and n.published_date < o.published_date:
        return kind, f"{new} was published {n.published_date}, before {old} ({o.published_date})"
    return kind, f"{new} was staged before {old} and its story now includes {old}"
