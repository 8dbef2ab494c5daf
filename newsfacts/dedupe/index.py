"""Where earlier documents are found: the CandidateIndex protocol, an in-memory index and the warehouse one."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, Protocol

import pyarrow as pa

from newsfacts.dedupe import profiles, vocabulary
from newsfacts.dedupe.signatures import CURRENT, band_rows
from newsfacts.dedupe.text import Profile


@dataclass(frozen=True)
class IndexedDoc:
    """What dedupe needs of a document loaded by an earlier run."""

    doc_id: str
    body: str | None  # None when fetched without it
    title: str | None
    published_date: date | None
    word_count: int
    duplicate_of: str | None
    duplicate_level: str | None
    cluster_id: str | None
    arrival: int | None = None  # dedupe_profiles.arrival; None for a document loaded before it was recorded
    outlet: str | None = None  # documents.outlet: whose story it is
    site: str | None = None  # documents.site: the site that published it, when not the outlet


@dataclass(frozen=True)
class Membership:
    """An earlier document's place in its cluster."""

    doc_id: str
    cluster_id: str
    duplicate_of: str | None
    duplicate_level: str | None


class CandidateIndex(Protocol):
    def candidates(self, bands: list[dict]) -> dict[str, Counter]:
        """For each doc_id in the band rows: earlier documents sharing a bucket, with how many buckets they share."""

    def fetch(self, doc_ids: Iterable[str], bodies: bool = True) -> list[IndexedDoc]:
        """The earlier documents with these ids (bodies left out unless asked for: they are most of the bytes)."""

    def cluster_members(self, cluster_ids: Iterable[str]) -> list[Membership]:
        """Every earlier document of these clusters, so a new canonical member can re-label them all."""

    def vocabularies(self, doc_ids: Iterable[str]) -> pa.Table:
        """The stored vocabularies (doc_id, stems) of those of these earlier documents that have one."""

    def profiles(self, doc_ids: Iterable[str]) -> pa.Table:
        """The stored verifier profiles (dedupe_profiles rows) of those of these earlier documents that have one."""

    def last_arrival(self) -> int:
        """The latest arrival recorded (-1 when none): a batch's documents arrive after it, in their order."""

    def stem_neighbours(self, vocabularies: pa.Table, rarest: int, limit: int) -> dict[str, list[str]]:
        """For each (doc_id, stems) row: the earlier documents holding most of its `rarest` rarest stems (fewest
        earlier documents holding them, then by stem; stems no earlier document holds left out), at most `limit`,
        most shared first, then by id. A rewrite's rarest stems (its names, places, figures) are its source's, and
        a handful of them ranks a warehouse without reading every earlier vocabulary into Python."""


class InMemoryIndex:
    """A CandidateIndex held in dicts; `publish` plays the part of loading a run into the warehouse."""

    def __init__(self) -> None:
        self._buckets: dict[tuple, set[str]] = defaultdict(set)
        self._docs: dict[str, IndexedDoc] = {}
        self._vocabulary: dict[str, list[str]] = {}
        self._profiles: dict[str, dict] = {}  # dedupe_profiles rows
        self._postings: dict[str, set[str]] = defaultdict(set)  # stem -> documents holding it

    def candidates(self, bands: list[dict]) -> dict[str, Counter]:
        found: dict[str, Counter] = defaultdict(Counter)
        for row in bands:
            for other in self._buckets.get((row["family"], row["band"], row["bucket"]), ()):
                if other != row["doc_id"]:
                    found[row["doc_id"]][other] += 1
        return dict(found)

    def fetch(self, doc_ids: Iterable[str], bodies: bool = True) -> list[IndexedDoc]:
        found = [self._docs[d] for d in doc_ids if d in self._docs]
        return found if bodies else [replace(d, body=None) for d in found]

    def cluster_members(self, cluster_ids: Iterable[str]) -> list[Membership]:
        wanted = set(cluster_ids)
        return [Membership(d.doc_id, d.cluster_id, d.duplicate_of, d.duplicate_level)
                for d in self._docs.values() if d.cluster_id in wanted]

    def vocabularies(self, doc_ids: Iterable[str]) -> pa.Table:
        return vocabulary.table({d: self._vocabulary[d] for d in doc_ids if d in self._vocabulary})

    def profiles(self, doc_ids: Iterable[str]) -> pa.Table:
        return profiles.table([self._profiles[d] for d in doc_ids if d in self._profiles])

    def last_arrival(self) -> int:
        return max((row["arrival"] for row in self._profiles.values()), default=-1)

    def stem_neighbours(self, vocabularies: pa.Table, rarest: int, limit: int) -> dict[str, list[str]]:
        found = {}
        for doc_id, stems in zip(vocabularies.column("doc_id").to_pylist(), vocabularies.column("stems").to_pylist()):
            held = sorted((len(self._postings[s]), s) for s in set(stems) if self._postings.get(s))
            shared = Counter(other for _, s in held[:rarest] for other in self._postings[s] if other != doc_id)
            if shared:
                found[doc_id] = [d for d, _ in heapq.nsmallest(limit, shared.items(), key=lambda kv: (-kv[1], kv[0]))]
        return found

    def publish(self, docs: list, result) -> None:
        """Record a run's documents, bands and assignments, as the warehouse load would."""
        arrival = {row["doc_id"]: row["arrival"] for row in result.profiles}
        self._docs.update({d.doc_id: IndexedDoc(d.doc_id, d.body, d.title, d.published_date, d.word_count,
                                                None, None, d.doc_id, arrival.get(d.doc_id), d.outlet,
                                                d.site)
                           for d in docs})
        for doc_id, a in result.assignments.items():
            self._docs[doc_id] = replace(self._docs[doc_id], duplicate_of=a.duplicate_of,
                                         duplicate_level=a.duplicate_level, cluster_id=a.cluster_id)
        for row in result.bands:
            self._buckets[(row["family"], row["band"], row["bucket"])].add(row["doc_id"])
        self._vocabulary.update((row["doc_id"], row["stems"]) for row in result.vocabulary)
        for row in result.vocabulary:
            for stem in row["stems"]:
                self._postings[stem].add(row["doc_id"])
        self._profiles.update((row["doc_id"], row) for row in result.profiles)


_BAND_SCHEMA = pa.schema([("doc_id", pa.string()), ("family", pa.string()), ("band", pa.int32()), ("bucket", pa.uint64())])
_ID_SCHEMA = pa.schema([("doc_id", pa.string())])
_CLUSTER_SCHEMA = pa.schema([("cluster_id", pa.string())])

_CANDIDATES_SQL = """
with hits as (
    -- Documents are counted by a 64-bit hash of their id: a crowded bucket (a name thousands of documents share)
    -- makes millions of hits, which group twice as fast on integers as on 16-character ids.
    select hash(q.doc_id) as query_key, hash(b.doc_id) as earlier_key
    from dedupe_query_bands as q
    join lsh_bands as b on b.family = q.family and b.band = q.band and b.bucket = q.bucket
    where b.doc_id <> q.doc_id
),
shared as (
    select query_key, earlier_key, count(*) as shared
    from hits
    group by query_key, earlier_key
),
best as (
    -- the best-sharing earlier documents per query, so the answer stays small however big the warehouse grows
    select * from shared
    qualify row_number() over (partition by query_key order by shared desc, earlier_key) <= ?
),
query_ids as (
    select distinct doc_id, hash(doc_id) as doc_key from dedupe_query_bands
),
earlier_ids as (
    select doc_id, hash(doc_id) as doc_key from documents
),
final as (
    select query_ids.doc_id as query_id, earlier_ids.doc_id as earlier_id, best.shared
    from best
    join query_ids on query_ids.doc_key = best.query_key
    join earlier_ids on earlier_ids.doc_key = best.earlier_key
)
select * from final
"""

_FETCH_SQL = """
select d.doc_id, {body}, d.title, d.published_date, d.word_count, d.duplicate_of, d.duplicate_level, d.cluster_id,
       p.arrival, d.outlet, d.site
from documents as d
join dedupe_query_ids as q on q.doc_id = d.doc_id
left join dedupe_profiles as p on p.doc_id = d.doc_id
"""

_PROFILES_SQL = """
select p.*
from dedupe_profiles as p
join dedupe_query_ids as q on q.doc_id = p.doc_id
"""

_VOCABULARY_SQL = """
select v.doc_id, v.stems
from dedupe_vocabulary as v
join dedupe_query_ids as q on q.doc_id = v.doc_id
"""

_NEIGHBOURS_SQL = """
with query as (
    select doc_id as query_id, unnest(stems) as stem from dedupe_query_vocabulary
),
held as (
    -- the earlier vocabularies' stems that some query document has: one scan of dedupe_vocabulary, joined by stem
    select v.doc_id, v.stem
    from (select doc_id, unnest(stems) as stem from dedupe_vocabulary) as v
    semi join (select distinct stem from query) as q on q.stem = v.stem
),
frequency as (
    -- count(*), not count(distinct doc_id): a document's row holds distinct stems, and a document has one row
    -- (see stem_neighbours); the distinct count was 1.0 of the query's 1.7 s on the generated 10k's last batch
    select stem, count(*) as df from held group by stem
),
rare as (
    -- top-n aggregates rather than a window's row numbers: a heap per query, no sort of every row
    select query_id, unnest(min_by(stem, (df, stem), ?)) as stem
    from query join frequency using (stem)
    group by query_id
),
shared as (
    select rare.query_id, held.doc_id, count(*) as shared
    from rare join held on held.stem = rare.stem
    where held.doc_id <> rare.query_id
    group by rare.query_id, held.doc_id
)
select query_id, min_by(doc_id, (-shared, doc_id), ?) as best  -- most shared first, then by id
from shared
group by query_id
order by query_id
"""

_REBAND_CHUNK = 2_000  # documents re-banded per step: a publish chunk's profiles in memory at a time

_STALE_SQL = """
select distinct doc_id from lsh_bands where not list_contains(?, family)
"""

_DELETE_BANDS_SQL = """
delete from lsh_bands where doc_id in (select doc_id from dedupe_query_ids)
"""

_INSERT_BANDS_SQL = """
insert into lsh_bands by name select band, bucket, doc_id, family from dedupe_new_bands
"""

_MEMBERS_SQL = """
select d.doc_id, d.cluster_id, d.duplicate_of, d.duplicate_level
from documents as d
join dedupe_query_clusters as q on q.cluster_id = d.cluster_id
"""


class DuckDBCandidateIndex:
    """Reads the published lsh_bands and documents tables; each lookup is one join against a registered Arrow table."""

    def __init__(self, con, limit: int = 100) -> None:
        self._con = con
        self._limit = limit  # earlier candidates returned per document, most shared buckets first

    def _query(self, sql: str, name: str, table: pa.Table, parameters: tuple = (), arrow: bool = False):
        self._con.register(name, table)
        try:
            result = self._con.execute(sql, parameters)
            return result.fetch_arrow_table() if arrow else result.fetchall()
        finally:
            self._con.unregister(name)

    def candidates(self, bands: list[dict]) -> dict[str, Counter]:
        table = pa.Table.from_pylist(bands, schema=_BAND_SCHEMA)
        found: dict[str, Counter] = defaultdict(Counter)
        rows = self._query(_CANDIDATES_SQL, "dedupe_query_bands", table, (self._limit,))
        for query_id, earlier_id, shared in rows:
            found[query_id][earlier_id] = shared
        return dict(found)

    def fetch(self, doc_ids: Iterable[str], bodies: bool = True) -> list[IndexedDoc]:
        table = pa.Table.from_pylist([{"doc_id": d} for d in set(doc_ids)], schema=_ID_SCHEMA)
        sql = _FETCH_SQL.format(body="d.body" if bodies else "null as body")
        return [IndexedDoc(*row) for row in self._query(sql, "dedupe_query_ids", table)]

    def cluster_members(self, cluster_ids: Iterable[str]) -> list[Membership]:
        table = pa.Table.from_pylist([{"cluster_id": c} for c in set(cluster_ids)], schema=_CLUSTER_SCHEMA)
        return [Membership(*row) for row in self._query(_MEMBERS_SQL, "dedupe_query_clusters", table)]

    def vocabularies(self, doc_ids: Iterable[str]) -> pa.Table:
        table = pa.Table.from_pylist([{"doc_id": d} for d in set(doc_ids)], schema=_ID_SCHEMA)
        return self._query(_VOCABULARY_SQL, "dedupe_query_ids", table, arrow=True)

    def profiles(self, doc_ids: Iterable[str]) -> pa.Table:
        table = pa.Table.from_pylist([{"doc_id": d} for d in set(doc_ids)], schema=_ID_SCHEMA)
        return self._query(_PROFILES_SQL, "dedupe_query_ids", table, arrow=True)

    def last_arrival(self) -> int:
        return self._con.execute("select coalesce(max(arrival), -1) from dedupe_profiles").fetchone()[0]

    def stem_neighbours(self, vocabularies: pa.Table, rarest: int, limit: int) -> dict[str, list[str]]:
        # Counts are of rows, so each document must have one row of distinct stems on either side: dedupe_vocabulary
        # is a per-document table (republishing a document replaces its row) of vocabulary.stems_of lists, and the
        # query's rows come from a dict of the same lists (vocabulary.table).
        if not len(vocabularies):
            return {}
        return {query_id: list(best) for query_id, best in self._query(
            _NEIGHBOURS_SQL, "dedupe_query_vocabulary", vocabularies.select(["doc_id", "stems"]), (rarest, limit))}


def stale_documents(con) -> list[str]:
    """Documents with lsh_bands of another signature version (see signatures.VERSION): the lookup cannot find them."""
    return [row[0] for row in con.execute(_STALE_SQL, [list(CURRENT)]).fetchall()]


def reband(con, doc_ids: list[str]) -> None:
    """Replace these documents' lsh_bands with bands of the current version, in one transaction, made from their
    stored profiles (a document without a current one is profiled from its body)."""
    index = DuckDBCandidateIndex(con)
    con.execute("BEGIN TRANSACTION")
    try:
        for start in range(0, len(doc_ids), _REBAND_CHUNK):
            part = doc_ids[start : start + _REBAND_CHUNK]
            found = profiles.load(index.profiles(part), dict.fromkeys(part))
            missing = set(part) - set(found)
            found.update({d.doc_id: Profile.of(d.body) for d in index.fetch(missing)} if missing else {})
            ids = pa.Table.from_pylist([{"doc_id": d} for d in part], schema=_ID_SCHEMA)
            bands = pa.Table.from_pylist([row for doc_id, p in found.items() for row in band_rows(doc_id, p)],
                                         schema=_BAND_SCHEMA)
            index._query(_DELETE_BANDS_SQL, "dedupe_query_ids", ids)
            index._query(_INSERT_BANDS_SQL, "dedupe_new_bands", bands)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
