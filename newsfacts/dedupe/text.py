"""Text features for dedupe: normalised text, sentences, stems, names, numbers and quoted spans."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

_LEXICON_PATH = Path(__file__).with_name("lexicon.json")
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z]+(?:[-'][A-Za-z]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTED = re.compile(r"\"[^\"]+\"|“[^”]+”")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a space and a capital or digit.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_PUNCT_MAP = str.maketrans({"’": "'", "‘": "'", "‚": "'", "`": "'", "–": "-", "—": "-", "‑": "-", "\u00a0": " "})


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(_LEXICON_PATH.read_text(encoding="utf-8"))


def normalise(text: str) -> str:
    """Case-, accent- and punctuation-folded text: two bodies that differ only in typography normalise equal."""
    text = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).lower()
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    return normalise(text).split()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Suffix-strip then truncate: crude, but it lets 'replenished' meet 'replenish' without a model."""
    lex = lexicon()
    word = word.replace("'", "")
    for suffix, replacement in lex["suffixes"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    return word[: lex["stem_length"]]


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning: no stop words, no one-letter tokens."""
    out = set()
    for word in words(text):
        bare = word.split("'")[0]
        if bare in STOP_WORDS or (len(bare) < 2 and not bare.isdigit()):
            continue
        out.add(stem(bare))
    return out


def without_quotes(text: str) -> str:
    """The sentence with long direct quotations removed: shared wire quotes are not shared writing."""
    min_words = lexicon()["min_quote_words"]
    return _QUOTED.sub(lambda m: " " if len(m.group().split()) >= min_words else m.group(), text)


def quoted_words(text: str) -> int:
    return sum(len(m.split()) for m in _QUOTED.findall(text))


def names_and_numbers(sentences: list[str]) -> set[str]:
    """Capitalised words that do not open a sentence, and figures: the specifics a rewrite tends to keep."""
    found = set()
    for sentence in sentences:
        for match in _CAPITALISED.finditer(sentence):
            if match.start() > 0 and match.group().lower() not in STOP_WORDS:
                found.add(match.group().lower())
        found.update(_NUMBER.findall(sentence))
    return found


def specifics(sentence: str) -> frozenset[str]:
    """Stemmed names and figures of one sentence, so 'Tarsania' meets 'Tarsanian' and '54' meets '54'."""
    return frozenset(stem(word.replace(",", "")) for word in names_and_numbers([sentence]))


def shingles(normalised: str, size: int = 5) -> set[str]:
    """Runs of `size` words; a text shorter than that is one shingle."""
    tokens = normalised.split()
    if len(tokens) < size:
        return {normalised} if normalised else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def split_sentences(body: str) -> list[str]:
    """Paragraphs on blank lines, then sentences inside them; known abbreviations (Gov., U.S.) do not end one."""
    abbreviations = set(lexicon()["abbreviations"])
    sentences = []
    for paragraph in re.split(r"\n\s*\n", unicodedata.normalize("NFKC", body)):
        paragraph = " ".join(paragraph.split())
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            last_word = paragraph[start : match.start()].rsplit(" ", 1)[-1].rstrip(".").lower()
            if last_word in abbreviations or len(last_word) == 1:
                continue
            sentences.append(paragraph[start : match.start() + len(match.group().rstrip())].strip())
            start = match.end()
        if paragraph[start:].strip():
            sentences.append(paragraph[start:].strip())
    return [s for s in sentences if _WORD.search(s.lower())]


_STEM_IDS: dict[str, int] = {}


def stem_id(stem: str) -> int:
    """A process-wide integer for a stem, so two profiles' stems can be compared as arrays."""
    return _STEM_IDS.setdefault(stem, len(_STEM_IDS))


def text_hash(normalised: str) -> int:
    """A stable 64-bit hash of a normalised text: equal hashes are the exact level (and the exact LSH bucket)."""
    return int.from_bytes(hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).digest(), "big")


@lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


_SHINGLE_PRIME = np.uint64(0x100000001B3)


def shingle_hashes(normalised: str, size: int = 5) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the `size`-word shingles, stable across processes (they are stored):
    a polynomial over per-word hashes, so each shingle costs a few array operations, not a string."""
    tokens = normalised.split()
    if len(tokens) < size:
        return np.array([np.int64(_word_hash(normalised) - (1 << 63))], dtype=np.int64) if normalised else _EMPTY
    words = np.fromiter((_word_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    count = len(tokens) - size + 1
    out = np.zeros(count, dtype=np.uint64)
    for i in range(size):
        out = out * _SHINGLE_PRIME + words[i : i + count]  # wraps modulo 2**64, as intended
    return np.unique(out.view(np.int64))


_EMPTY = np.zeros(0, dtype=np.int64)

# Changes whenever what a stored profile holds would come out differently (sentence splitting, stemming, the
# lexicon): a stored profile of another version is ignored and the document profiled again from its body.
PROFILE_VERSION = "2:" + hashlib.blake2b(_LEXICON_PATH.read_bytes(), digest_size=6).hexdigest()


@dataclass(frozen=True, eq=False)
class Profile:
    """What the verifier needs of one document. `of` computes it from the body; `stored` rebuilds it from its
    dedupe_profiles row in a fraction of the time, so an earlier document is never profiled twice."""

    body: str
    stems: list[frozenset[str]]  # content stems per sentence, long quotations removed
    sentence_specifics: list[frozenset[str]]  # specifics() of each sentence, for the verifier's every aligned pair
    names: frozenset[str]  # names and figures (see names_and_numbers)
    shingles: np.ndarray  # shingle_hashes of the normalised text (an array: a tenth of a set's memory)
    text_hash: int  # text_hash of the normalised text
    completeness: int  # distinct names, figures and quoted words: how much a document says
    # Derived from the fields above on construction:
    stem_df: Counter = field(init=False)  # in how many sentences each stem occurs
    content_sentences: int = field(init=False)  # sentences with >= 3 content words: what alignment shares are taken of
    stem_rows: np.ndarray = field(init=False)  # sentence index of every (sentence, stem) incidence
    stem_ids: np.ndarray = field(init=False)  # interned id of its stem (see stem_id)
    mentioned: frozenset[str] = field(init=False)  # every specific the document names: the union of its sentences'
    vocabulary: np.ndarray = field(init=False)  # sorted distinct stem ids of stem_df's keys, compared as arrays

    def __post_init__(self) -> None:
        stem_ids = np.array([stem_id(stem) for s in self.stems for stem in s], dtype=np.int64)
        derived = dict(
            stem_df=Counter(stem for s in self.stems for stem in s),
            content_sentences=sum(1 for s in self.stems if len(s) >= 3),
            stem_rows=np.array([i for i, s in enumerate(self.stems) for _ in s], dtype=np.int64),
            stem_ids=stem_ids,
            mentioned=frozenset().union(*self.sentence_specifics),
            vocabulary=np.unique(stem_ids),
        )
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    @cached_property
    def sentences(self) -> list[str]:
        return split_sentences(self.body)

    @cached_property
    def normalised(self) -> str:
        return normalise(self.body)

    @classmethod
    def of(cls, body: str) -> "Profile":
        sentences = split_sentences(body)
        normalised = normalise(body)
        found = [names_and_numbers([s]) for s in sentences]
        names = frozenset().union(*found)
        profile = cls(
            body=body,
            stems=[frozenset(content_stems(without_quotes(s))) for s in sentences],
            sentence_specifics=[frozenset(stem(w.replace(",", "")) for w in f) for f in found],
            names=names,
            shingles=shingle_hashes(normalised),
            text_hash=text_hash(normalised),
            completeness=len(names) + quoted_words(body),
        )
        profile.__dict__.update(sentences=sentences, normalised=normalised)  # already at hand: the cached values
        return profile

    def row(self, doc_id: str) -> dict:
        """The dedupe_profiles row that `stored` rebuilds this profile from."""
        return {"doc_id": doc_id, "version": PROFILE_VERSION, "sentence_stems": [sorted(s) for s in self.stems],
                "sentence_specifics": [sorted(s) for s in self.sentence_specifics], "names": sorted(self.names),
                "shingles": self.shingles.tolist(), "text_hash": self.text_hash, "completeness": self.completeness}

    @classmethod
    def stored(cls, body: str, row: dict | None) -> "Profile":
        """The profile from its stored row, or computed again when there is none of this version."""
        if not row or row.get("version") != PROFILE_VERSION:
            return cls.of(body)
        return cls(body=body, stems=[frozenset(s) for s in row["sentence_stems"]],
                   sentence_specifics=[frozenset(s) for s in row["sentence_specifics"]], names=frozenset(row["names"]),
                   shingles=np.asarray(row["shingles"], dtype=np.int64), text_hash=row["text_hash"],
                   completeness=row["completeness"])
