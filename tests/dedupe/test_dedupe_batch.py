"""dedupe_batch on the seeds, on real HTML pages, and across runs."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

from newsfacts.config import SAMPLE_INBOX, SCRAPINGHUB_DATA
from newsfacts.dedupe import Assignment, InMemoryIndex, dedupe_batch
from newsfacts.dedupe import profiles
from newsfacts.dedupe.text import Profile
from newsfacts.parse import parse_file
from tests.dedupe.seeds import document, seeds

pytestmark = pytest.mark.unit

REAL_HTML = SCRAPINGHUB_DATA / "html"


@lru_cache(maxsize=1)
def _parsed() -> tuple:
    return tuple(sorted(_parse_inbox().items()))


def parsed_seeds() -> dict[str, object]:
    return dict(_parsed())


def _parse_inbox() -> dict[str, object]:
    out = {}
    for path in sorted(SAMPLE_INBOX.glob("*.txt")):
        data = path.read_bytes()
        out[path.name[:3]] = parse_file(data, path.name, hashlib.sha256(data).hexdigest()).document
    return out


def test_rewrite_of_ap_story_is_the_only_pair_among_the_parsed_seeds():
    docs = parsed_seeds()
    result = dedupe_batch(list(docs.values()), InMemoryIndex(), "run-1")
    assert [(p.doc_id, p.duplicate_of, p.level) for p in result.pairs] == [
        (docs["004"].doc_id, docs["001"].doc_id, "rewrite")
    ]
    assert result.assignments[docs["004"].doc_id] == Assignment(docs["001"].doc_id, "rewrite", docs["001"].doc_id)


def test_independent_reports_of_the_meeting_stay_their_own_clusters():
    docs = parsed_seeds()
    result = dedupe_batch(list(docs.values()), InMemoryIndex(), "run-1")
    for number in ("000", "001", "002", "003"):
        doc_id = docs[number].doc_id
        assert result.assignments[doc_id] == Assignment(None, None, doc_id)


def test_rewrite_is_found_with_its_faq_still_attached():
    docs = seeds()  # hand-cut bodies: 004 keeps its bolted-on FAQ
    result = dedupe_batch(list(docs.values()), InMemoryIndex(), "run-1")
    assert [(p.doc_id, p.duplicate_of) for p in result.pairs] == [(docs["004"].doc_id, docs["001"].doc_id)]


def test_evidence_shows_the_aligned_sentences_of_the_rewrite():
    docs = parsed_seeds()
    pair = dedupe_batch([docs["001"], docs["004"]], InMemoryIndex(), "run-1").pairs[0]
    assert len(pair.evidence) >= 5
    best = pair.evidence[0]
    assert best["doc_sentence"] in docs["004"].body and best["source_sentence"] in docs["001"].body
    assert 0.4 <= best["similarity"] <= 1.0
    assert pair.method == "ordered_sentence_alignment" and 0.4 <= pair.score <= 1.0


def test_exact_copy_from_another_outlet_is_linked_as_exact_to_the_earlier_one():
    original = seeds()["002"]
    copy = replace(original, doc_id="copy0000000000aa", title="Kim heads to Russia", outlet="Partner Site",
                   published_date=None)
    result = dedupe_batch([copy, original], InMemoryIndex(), "run-1")
    assert result.assignments[copy.doc_id] == Assignment(original.doc_id, "exact", original.doc_id)
    assert result.pairs[0].method == "normalised_text_equal"


def test_syndicated_copy_with_other_furniture_and_a_cut_ending_is_near_exact():
    original = seeds()["001"]
    paragraphs = original.body.split("\n\n")
    edited = ["Advertisement", *paragraphs[:-3], "Copyright 2023 The Associated Press. All rights reserved."]
    edited[3] = edited[3].replace("armored", "armoured")
    copy = document("copy0000000000bb", "\n\n".join(edited), outlet="Partner Site")
    result = dedupe_batch([original, copy], InMemoryIndex(), "run-1")
    assert result.assignments[copy.doc_id] == Assignment(original.doc_id, "near_exact", original.doc_id)


def test_rewrite_arriving_in_a_later_run_is_linked_to_the_document_loaded_earlier():
    docs = parsed_seeds()
    index = InMemoryIndex()
    first = [docs[n] for n in ("000", "001", "002", "003")]
    index.publish(first, dedupe_batch(first, index, "run-1"))
    result = dedupe_batch([docs["004"]], index, "run-2")
    assert result.assignments == {
        docs["004"].doc_id: Assignment(docs["001"].doc_id, "rewrite", docs["001"].doc_id)
    }


def test_dated_original_arriving_after_its_undated_copy_becomes_canonical_and_the_change_says_why():
    original = seeds()["002"]
    copy = replace(original, doc_id="copy0000000000cc", published_date=None)
    index = InMemoryIndex()
    index.publish([copy], dedupe_batch([copy], index, "run-1"))
    result = dedupe_batch([original], index, "run-2")
    assert result.assignments[copy.doc_id] == Assignment(original.doc_id, "exact", original.doc_id)
    assert result.assignments[original.doc_id] == Assignment(None, None, original.doc_id)
    [change] = result.changes
    assert (change["doc_id"], change["was_duplicate_of"], change["duplicate_of"], change["change"]) == \
        (copy.doc_id, None, original.doc_id, "new_original")
    assert "2023-09-12" in change["reason"] and "undated" in change["reason"]


def test_undated_source_arriving_after_its_undated_rewrite_does_not_take_its_place():
    rewrite, source = parsed_seeds()["004"], parsed_seeds()["001"]
    index = InMemoryIndex()
    index.publish([rewrite], dedupe_batch([rewrite], index, "run-1"))
    result = dedupe_batch([source], index, "run-2")
    assert result.assignments == {source.doc_id: Assignment(rewrite.doc_id, "rewrite", rewrite.doc_id)}
    assert result.changes == []


def test_cluster_members_not_compared_follow_a_new_canonical():
    base = seeds()["003"]
    early = replace(base, doc_id="early00000000000", published_date=base.published_date.replace(day=1))
    copy_a = replace(base, doc_id="copya00000000000", published_date=None)
    copy_b = replace(base, doc_id="copyb00000000000", published_date=None)
    index = InMemoryIndex()
    index.publish([base, copy_a, copy_b], dedupe_batch([base, copy_a, copy_b], index, "run-1"))
    result = dedupe_batch([early], index, "run-2")
    assert {a.cluster_id for a in result.assignments.values()} == {early.doc_id}
    assert set(result.assignments) == {early.doc_id, base.doc_id, copy_a.doc_id, copy_b.doc_id}


def test_rerunning_a_published_batch_changes_no_assignment():
    docs = list(parsed_seeds().values())
    index = InMemoryIndex()
    first = dedupe_batch(docs, index, "run-1")
    index.publish(docs, first)
    again = dedupe_batch(docs, index, "run-2")
    assert again.assignments == first.assignments
    assert [(p.doc_id, p.duplicate_of, p.level) for p in again.pairs] == [
        (p.doc_id, p.duplicate_of, p.level) for p in first.pairs
    ]


@pytest.mark.skipif(not REAL_HTML.exists(), reason="shared HTML sample not mounted")
def test_distinct_real_news_pages_are_never_merged():
    docs = []
    for path in sorted(REAL_HTML.glob("*.html.gz"))[:12]:
        data = gzip.decompress(path.read_bytes())
        parsed = parse_file(data, path.name[:-3], hashlib.sha256(data).hexdigest()).document
        if parsed:
            docs.append(parsed)
    copy = replace(docs[1], doc_id="copy0000000000dd", body="Advertisement\n\n" + docs[1].body)
    result = dedupe_batch([*docs, copy], InMemoryIndex(), "run-1")
    assert [(p.doc_id, p.duplicate_of, p.level) for p in result.pairs] == [(copy.doc_id, docs[1].doc_id, "near_exact")]


def test_damaged_bodies_are_deduped_without_error():
    empty = document("empty00000000000", "")
    one_word = document("oneword000000000", "Kim")
    no_punctuation = document("nopunct000000000", "kim putin russia train " * 50)
    twice = document("nopunct2the00000", "kim putin russia train " * 50)
    fragment = document("fragment00000000", seeds()["001"].body.split("\n\n")[0][:90])
    docs = [empty, one_word, no_punctuation, twice, fragment, seeds()["001"]]
    result = dedupe_batch(docs, InMemoryIndex(), "run-1")
    assert set(result.assignments) == {d.doc_id for d in docs}
    assert [(p.doc_id, p.level) for p in result.pairs] == [("nopunct2the00000", "exact")]


def test_many_exact_copies_of_one_page_form_one_cluster_with_bounded_candidates():
    page = seeds()["002"]
    copies = [replace(page, doc_id=f"copy{i:012d}", published_date=None) for i in range(200)]
    result = dedupe_batch([page, *copies], InMemoryIndex(), "run-1")
    assert {a.cluster_id for a in result.assignments.values()} == {page.doc_id}
    assert all(a.duplicate_level == "exact" for d, a in result.assignments.items() if d != page.doc_id)
    assert result.stats["batch_candidates"] <= 201 * 80  # a star, not all 200 x 200 pairs
    assert result.stats["verified"] <= 201 * 20


def test_a_run_in_chunks_links_as_one_batch_and_profiles_each_document_once():
    docs = parsed_seeds()
    chunks = [[docs["000"], docs["001"]], [docs["002"], docs["003"]], [docs["004"]]]
    index, pairs, profiled_again = InMemoryIndex(), [], 0
    for k, chunk in enumerate(chunks):
        result = dedupe_batch(chunk, index, f"chunk-{k}")
        index.publish(chunk, result)
        pairs += [(p.doc_id, p.duplicate_of, p.level, p.evidence) for p in result.pairs]
        profiled_again += result.stats["profiled_again"]
    [whole] = dedupe_batch(list(docs.values()), InMemoryIndex(), "one").pairs
    assert pairs == [(docs["004"].doc_id, docs["001"].doc_id, "rewrite", whole.evidence)]
    assert profiled_again == 0


def test_stored_profiles_read_back_in_bulk_are_the_profiles_computed_from_the_bodies():
    docs = {d.doc_id: d.body for d in seeds().values()}
    computed = {doc_id: Profile.of(body) for doc_id, body in docs.items()}
    loaded = profiles.load(profiles.table([p.row(doc_id) for doc_id, p in computed.items()]), docs)
    assert set(loaded) == set(docs)
    for doc_id, profile in computed.items():
        again = loaded[doc_id]
        for name in ("sentence_count", "text_hash", "content_sentences", "mentioned", "stems",
                     "stem_df", "names", "sentences", "normalised"):
            assert getattr(again, name) == getattr(profile, name), name
        for name in ("stem_rows", "stem_ids", "specific_rows", "specific_ids", "shingles", "vocabulary"):
            assert np.array_equal(getattr(again, name), getattr(profile, name)), name
        assert [again.specifics(i) for i in range(again.sentence_count)] == [
            profile.specifics(i) for i in range(profile.sentence_count)]
        assert again.stems and any(again.specifics(i) for i in range(again.sentence_count))


def test_stored_profiles_of_another_version_or_without_their_body_are_left_out():
    docs = {d.doc_id: d.body for d in seeds().values()}
    rows = [Profile.of(body).row(doc_id) for doc_id, body in docs.items()]
    rows[0]["version"] = "0:before"
    loaded = profiles.load(profiles.table(rows), {doc_id: docs[doc_id] for doc_id in list(docs)[:4]})
    assert set(loaded) == set(list(docs)[1:4])
