"""Sixteenth round (benchmarks/README.md, "Sixteenth round: dedupe at 10k under the bar"): the cheaper readings of
spelled figures and words in capitals find exactly what the readings they replace found. Texts written for these
tests: spelled figures, capitals, and their nearest negatives."""

from __future__ import annotations

import re
import string

import pytest

from newsfacts.dedupe.text import (_folded, _in_a_name, _spelled_numbers, names_per_sentence,
                                   shouted_per_sentence, spelled_per_sentence, spelled_value, split_sentences)

pytestmark = pytest.mark.unit

PASSAGES = [
    # spelled figures, in every case, with "and", hyphens and scales
    "Harlow slashed a SEVENTY-inch television to FIVE HUNDRED bucks, and Twenty-Five stores sold out.",
    "The council spent two hundred and ten thousand dollars on one thousand two hundred lamps.",
    "Seven Oaks beat the Forty Niners; Ocean's Eleven opened at number one.",  # names, not figures
    "One of them paid forty dollars, no one else did.",  # "one" alone is no figure
    "five six times, twenty thirty ways, sevens and elevenses, Someone phoned often.",  # no one number; no word
    "Police in İSTANBUL detained FİVE protesters and ſix more; the Kelvin-signed \u212aILLING was a typo.",
    "It fell by “three hundred” points — thirty‑one in all.",
    # words in capitals and written otherwise
    "It's KILLING your progress, the FBI said. THE REAL BATTLE STARTS NOW.",
    "Fans cheered as REAL scored late. The coach of Real Madrid was pleased.",
    "The EU weighed sanctions. The EU's envoy Pemberton met NATO. Killing time, the KILLING went on.",
    "Nothing here is written in capitals. Nor here, said Dana Whitcomb.",  # nearest negative: no capitals at all
    "NASA",  # one word, in capitals, opening its only sentence
]


def _spelled_before(sentences: list[str]) -> list[set[str]]:
    """spelled_per_sentence as it read before: the case-insensitive pattern on each sentence as written."""
    out = []
    for sentence in sentences:
        found = set()
        for match in _spelled_numbers().finditer(sentence):
            value = spelled_value(match.group())
            if value is not None and match.group().lower() != "one" and not _in_a_name(match):
                found.add(str(value))
        out.append(found)
    return out


def _shouted_before(sentences: list[str], names: list[set[str]]) -> list[set[str]]:
    """shouted_per_sentence as it read before: every sentence's capitalised words."""
    capitals: list[set[str]] = [set() for _ in sentences]
    written_otherwise: set[str] = set()
    for k, sentence in enumerate(sentences):
        for match in re.finditer(r"\b[A-Z][a-zA-Z]+(?:[-'][A-Za-z]+)*", sentence):
            word = match.group().lower()
            if word in names[k]:
                head = match.group().split("-", 1)[0]
                (capitals[k].add(word) if len(head) > 1 and head.isupper() else written_otherwise.add(word))
    return [c - written_otherwise for c in capitals]


@pytest.mark.parametrize("passage", PASSAGES)
def test_the_cheaper_readings_keep_the_same_marks(passage):
    sentences = split_sentences(passage)
    names = names_per_sentence(sentences)
    assert spelled_per_sentence(sentences) == _spelled_before(sentences)
    assert shouted_per_sentence(sentences, names) == _shouted_before(sentences, names)
    assert shouted_per_sentence(sentences) == _shouted_before(sentences, names)


def test_the_readings_find_what_they_should_on_the_written_passages():
    # So the comparison above is not of two empty readings.
    assert spelled_per_sentence(split_sentences(PASSAGES[0])) == [{"70", "500", "25"}]
    assert spelled_per_sentence([PASSAGES[2]]) == [set()]
    assert spelled_per_sentence([PASSAGES[5]]) == [{"5", "6"}]
    assert shouted_per_sentence(split_sentences(PASSAGES[7])) == [{"killing", "fbi"}, {"real", "battle", "starts"}]
    # nearest negatives: a word in capitals the document writes otherwise too, even at a sentence's start
    assert shouted_per_sentence(split_sentences(PASSAGES[8])) == [set(), set()]
    assert shouted_per_sentence(split_sentences(PASSAGES[9])) == [{"eu"}, {"nato"}, set()]
    assert shouted_per_sentence(split_sentences(PASSAGES[10])) == [set(), set()]


def test_folding_keeps_every_character_one_character_of_the_same_class():
    # What lets the case-sensitive pattern on the folded text stand for the case-insensitive one on the text.
    word, space, letter = re.compile(r"\w"), re.compile(r"\s"), re.compile(r"[a-z\-]", re.IGNORECASE)
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        c = chr(code)
        f = _folded(c)
        assert len(f) == 1, hex(code)
        assert bool(word.match(c)) == bool(word.match(f)) and bool(space.match(c)) == bool(space.match(f)), hex(code)
        matched = letter.match(c) is not None
        assert matched == (f in string.ascii_lowercase + "-"), hex(code)
        if matched:
            assert re.fullmatch(re.escape(f), c, re.IGNORECASE), hex(code)
