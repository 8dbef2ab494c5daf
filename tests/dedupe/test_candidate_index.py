"""The warehouse-backed candidate index: band rows fit lsh_bands, a later run finds earlier documents by them, and
gates them by their stored vocabulary before reading them back."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from newsfacts.dedupe import Assignment, DuckDBCandidateIndex, dedupe_batch, reband, stale_documents
from newsfacts.dedupe import candidates as candidates_module
from newsfacts.dedupe.text import Profile
from newsfacts.run import stages
from newsfacts.warehouse.db import open_ro, open_rw
from tests.dedupe.seeds import FIXTURES, seeds

pytestmark = pytest.mark.unit


def publish(con, docs, result, run_id):
    con.executemany(
        "insert into documents (doc_id, sha256, kind, format, outlet, site, title, published_date, body, word_count,"
        " run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(d.doc_id, d.sha256, d.kind, d.format, d.outlet, d.site, d.title, d.published_date, d.body, d.word_count,
          run_id) for d in docs],
    )
    con.executemany("insert into lsh_bands values (?, ?, ?, ?)",
                    [(b["band"], b["bucket"], b["doc_id"], b["family"]) for b in result.bands])
    con.executemany("insert into dedupe_vocabulary values (?, ?)",
                    [(v["doc_id"], v["stems"]) for v in result.vocabulary])
    con.executemany("insert into dedupe_profiles by name select unnest(?)", [(row,) for row in result.profiles])
    con.executemany(
        "update documents set duplicate_of = ?, duplicate_level = ?, cluster_id = ? where doc_id = ?",
        [(a.duplicate_of, a.duplicate_level, a.cluster_id, d) for d, a in result.assignments.items()],
    )


def test_band_rows_load_into_the_lsh_bands_table_with_every_family(con):
    docs = list(seeds().values())
    result = dedupe_batch(docs, DuckDBCandidateIndex(con), "run-1")
    publish(con, docs, result, "run-1")
    families = dict(con.execute("select family, count(distinct doc_id) from lsh_bands group by family").fetchall())
    assert families == {"exact": 5, "shingle.v6": 5, "names.v6": 5, "specifics.v6": 5}
    assert con.execute("select max(bucket) > 9223372036854775807 from lsh_bands").fetchone()[0]  # full UBIGINT range


def test_later_run_links_a_rewrite_to_a_document_in_the_warehouse(con):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    publish(con, first, dedupe_batch(first, DuckDBCandidateIndex(con), "run-1"), "run-1")
    result = dedupe_batch([docs["004"]], DuckDBCandidateIndex(con), "run-2")
    assert result.assignments == {docs["004"].doc_id: Assignment(docs["001"].doc_id, "rewrite", docs["001"].doc_id)}
    assert [(p.doc_id, p.duplicate_of) for p in result.pairs] == [(docs["004"].doc_id, docs["001"].doc_id)]


def test_earlier_original_relabels_published_members_it_was_not_compared_with(con):
    from dataclasses import replace

    base = seeds()["003"]
    copies = [replace(base, doc_id=f"copy{i:012d}", published_date=None) for i in range(3)]
    publish(con, [base, *copies], dedupe_batch([base, *copies], DuckDBCandidateIndex(con), "run-1"), "run-1")
    early = replace(base, doc_id="early00000000000", published_date=base.published_date.replace(day=1))
    result = dedupe_batch([early], DuckDBCandidateIndex(con), "run-2")
    assert {d: a.cluster_id for d, a in result.assignments.items()} == {
        d: early.doc_id for d in [early.doc_id, base.doc_id, *(c.doc_id for c in copies)]
    }
    assert result.assignments[base.doc_id] == Assignment(early.doc_id, "exact", early.doc_id)


def test_index_lookups_take_no_values_into_sql_text(con):
    hostile = "x'); drop table documents; --"
    found = DuckDBCandidateIndex(con).candidates([{"doc_id": hostile, "family": hostile, "band": 0, "bucket": 1}])
    assert found == {} and DuckDBCandidateIndex(con).fetch([hostile]) == []
    assert con.execute("select count(*) from documents").fetchone() == (0,)


class FetchLog(DuckDBCandidateIndex):
    """The warehouse index, remembering which earlier documents dedupe read back."""

    def __init__(self, con) -> None:
        super().__init__(con)
        self.fetched: set[str] = set()

    def fetch(self, doc_ids, bodies=True):
        found = super().fetch(doc_ids, bodies)
        self.fetched |= {d.doc_id for d in found}
        return found


def test_vocabulary_rows_hold_the_stems_the_verifier_compares(con):
    docs = list(seeds().values())
    result = dedupe_batch(docs, DuckDBCandidateIndex(con), "run-1")
    assert {v["doc_id"]: v["stems"] for v in result.vocabulary} == {d.doc_id: sorted(Profile.of(d.body).stem_df)
                                                                    for d in docs}


def test_earlier_candidates_with_too_little_vocabulary_in_common_are_never_read_back(con):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    publish(con, first, dedupe_batch(first, DuckDBCandidateIndex(con), "run-1"), "run-1")
    index = FetchLog(con)
    result = dedupe_batch([docs["004"]], index, "run-2")
    # 000 and 002 share name buckets with the rewrite but under 0.4 of their stems: they cannot verify.
    assert index.fetched == {docs["001"].doc_id, docs["003"].doc_id}
    assert result.stats["earlier_candidates"] == 4 and result.stats["gated_out"] == 2
    assert result.assignments == {docs["004"].doc_id: Assignment(docs["001"].doc_id, "rewrite", docs["001"].doc_id)}


def test_earlier_documents_published_without_a_vocabulary_are_read_back_and_verified(con):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    publish(con, first, dedupe_batch(first, DuckDBCandidateIndex(con), "run-1"), "run-1")
    con.execute("delete from dedupe_vocabulary")  # a warehouse from before vocabularies were kept
    index = FetchLog(con)
    result = dedupe_batch([docs["004"]], index, "run-2")
    assert index.fetched == {docs[n].doc_id for n in ("000", "001", "002", "003")}
    assert result.stats["gated_out"] == 0
    assert result.assignments == {docs["004"].doc_id: Assignment(docs["001"].doc_id, "rewrite", docs["001"].doc_id)}


def test_a_source_outranked_by_unrelated_candidates_still_makes_the_shortlist(con, monkeypatch):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    publish(con, first, dedupe_batch(first, DuckDBCandidateIndex(con), "run-1"), "run-1")
    source = docs["001"].doc_id

    class Crowded(DuckDBCandidateIndex):
        """Every other report of the meeting shares more buckets with the rewrite than its source does."""

        def candidates(self, bands):
            found = super().candidates(bands)
            return {d: Counter({o: n if o == source else 50 for o, n in c.items()}) for d, c in found.items()}

    # One place only: it goes to the candidate sharing the most vocabulary, not the most buckets.
    monkeypatch.setattr(candidates_module, "MAX_CANDIDATES", 1)
    result = dedupe_batch([docs["004"]], Crowded(con), "run-2")
    assert result.stats["verified"] == 1
    assert result.assignments == {docs["004"].doc_id: Assignment(source, "rewrite", source)}


def test_a_later_run_reads_earlier_profiles_instead_of_profiling_their_bodies_again(con):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    publish(con, first, dedupe_batch(first, DuckDBCandidateIndex(con), "run-1"), "run-1")
    stored = dedupe_batch([docs["004"]], DuckDBCandidateIndex(con), "run-2")
    assert stored.stats["fetched"] == 2 and stored.stats["profiled_again"] == 0
    assert stored.stats["bodies_read"] == 1  # the source's, for the evidence; not the candidate that failed
    con.execute("delete from dedupe_profiles")  # a warehouse from before profiles were kept
    computed = dedupe_batch([docs["004"]], DuckDBCandidateIndex(con), "run-2")
    assert computed.stats["profiled_again"] == 2
    assert stored.pairs == computed.pairs and stored.pairs[0].evidence
    assert stored.assignments == computed.assignments


def with_version_1_bands(con, docs):
    """Replace the published documents' bands with those the previous code (datasketch MinHash) made for them."""
    rows = json.loads((FIXTURES / "lsh_bands_v1.json").read_text(encoding="utf-8"))["rows"]
    assert {r["doc_id"] for r in rows} == {d.doc_id for d in docs}
    con.execute("delete from lsh_bands")
    con.executemany("insert into lsh_bands values (?, ?, ?, ?)",
                    [(r["band"], r["bucket"], r["doc_id"], r["family"]) for r in rows])


def test_a_warehouse_banded_by_the_previous_signatures_still_finds_a_rewrite_after_rebanding(con, monkeypatch):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    publish(con, first, dedupe_batch(first, DuckDBCandidateIndex(con), "run-1"), "run-1")
    with_version_1_bands(con, first)
    assert sorted(stale_documents(con)) == sorted(d.doc_id for d in first)
    # Old buckets never meet new ones: before re-banding, the rewrite's source is out of reach of the bands (the
    # second chance by stems, which reads no band, is turned off to show it).
    with monkeypatch.context() as m:
        m.setattr(candidates_module, "SECOND_CHANCE", 0)
        assert dedupe_batch([docs["004"]], DuckDBCandidateIndex(con), "run-2").pairs == []
    reband(con, stale_documents(con))
    assert stale_documents(con) == []
    result = dedupe_batch([docs["004"]], DuckDBCandidateIndex(con), "run-2")
    assert result.assignments == {docs["004"].doc_id: Assignment(docs["001"].doc_id, "rewrite", docs["001"].doc_id)}


def test_rebanding_from_stored_profiles_or_from_bodies_gives_the_bands_of_a_fresh_run(con):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    fresh = dedupe_batch(first, DuckDBCandidateIndex(con), "run-1")
    publish(con, first, fresh, "run-1")
    with_version_1_bands(con, first)
    con.execute("delete from dedupe_profiles where doc_id = ?", [docs["002"].doc_id])  # profiled from its body
    reband(con, stale_documents(con))
    stored = con.execute("select band, bucket, doc_id, family from lsh_bands").fetchall()
    assert sorted(stored) == sorted((b["band"], b["bucket"], b["doc_id"], b["family"]) for b in fresh.bands)


def test_the_dedupe_step_rebands_an_upgraded_warehouse_before_its_first_lookup(settings):
    docs = seeds()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    stages.begin_run(settings, "run-1")
    with open_rw(settings.warehouse) as con:
        publish(con, first, dedupe_batch(first, DuckDBCandidateIndex(con), "run-1"), "run-1")
        with_version_1_bands(con, first)
    result = stages.dedupe(settings, "run-2", [docs["004"]])
    assert result.assignments == {docs["004"].doc_id: Assignment(docs["001"].doc_id, "rewrite", docs["001"].doc_id)}
    with open_ro(settings.warehouse) as con:
        assert stale_documents(con) == []
