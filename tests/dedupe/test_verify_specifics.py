"""The verifier tells a retelling from one sentence pattern filled with other facts, on the real seeds."""

from __future__ import annotations

import re

import numpy as np
import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.align import align, similarity_matrix
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import consistent, verify
from tests.dedupe.seeds import seeds

pytestmark = pytest.mark.unit

# Another summit told with the same words: every person, place and figure of seed 004 swapped for another's.
OTHER_SUMMIT = {
    "Kim Jong Un": "Min Aung Hlaing", "Kim": "Hlaing", "Vladimir Putin": "Alexander Lukashenko", "Putin": "Lukashenko",
    "North Korean": "Burmese", "North Korea": "Myanmar", "Pyongyang": "Naypyidaw", "Russian": "Belarusian",
    "Russia": "Belarus", "Kremlin": "Palace", "Vostochny": "Minsk", "Vladivostok": "Brest", "Dmitry Peskov": "Natalya Eismont",
    "Peskov": "Eismont", "Sergei Shoigu": "Viktor Khrenin", "Shoigu": "Khrenin", "Ukraine": "Lithuania",
    "Japan": "Thailand", "Soviet": "Yugoslav", "Tuesday": "Friday", "Sunday": "Wednesday", "2019": "2016", "2022": "2020",
}


def retold_elsewhere(body: str) -> str:
    pattern = re.compile("|".join(re.escape(k) for k in sorted(OTHER_SUMMIT, key=len, reverse=True)))
    return pattern.sub(lambda m: OTHER_SUMMIT[m.group()], body)


def in_the_order_of(doc: Profile, other: Profile) -> Profile:
    """doc's sentences sorted by where their closest sentence sits in other: the same facts in the same order."""
    closest = similarity_matrix(doc, other).argmax(axis=1)
    order = np.argsort(closest, kind="stable")
    return Profile.of("\n\n".join(doc.sentences[i] for i in order))


def test_independent_seed_reports_are_not_merged_even_in_the_same_order():
    docs = seeds()
    for a, b in (("000", "002"), ("002", "003"), ("000", "003"), ("003", "001")):
        source = Profile.of(docs[b].body)
        reordered = in_the_order_of(Profile.of(docs[a].body), source)
        assert verify(reordered, source, Thresholds()) is None, (a, b)


def test_rewrite_of_the_ap_story_keeps_its_specifics_in_every_aligned_sentence():
    docs = seeds()
    rewrite, source = Profile.of(docs["004"].body), Profile.of(docs["001"].body)
    alignment = align(rewrite, source, Thresholds().sentence_similarity)
    assert consistent(alignment, rewrite, source).pairs == alignment.pairs
    assert verify(rewrite, source, Thresholds()).level == "rewrite"


def test_the_same_sentences_naming_other_people_and_places_are_not_a_rewrite():
    report = Profile.of(seeds()["004"].body)
    elsewhere = Profile.of(retold_elsewhere(seeds()["004"].body))
    alignment = align(elsewhere, report, Thresholds().sentence_similarity)
    assert len(alignment.pairs) > 0.9 * len(report.sentences)  # the wording lines up sentence by sentence...
    assert verify(elsewhere, report, Thresholds()) is None  # ...but the sentences tell other facts
