"""Text features for dedupe: normalised text, sentences, stems, names, numbers and quoted spans."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
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


@dataclass(frozen=True)
class Profile:
    """What the verifier needs of one document, computed once."""

    sentences: list[str]
    stems: list[frozenset[str]]  # content stems per sentence, long quotations removed
    stem_df: Counter  # in how many sentences each stem occurs
    shingles: np.ndarray  # sorted distinct 64-bit hashes of the 5-word shingles (an array: a tenth of a set's memory)
    names: frozenset[str]  # names and figures (see names_and_numbers)
    normalised: str
    content_sentences: int  # sentences with at least three content words: what alignment shares are taken of
    stem_rows: np.ndarray  # sentence index of every (sentence, stem) incidence
    stem_ids: np.ndarray  # interned id of its stem (see stem_id)
    completeness: int  # distinct names, figures and quoted words: how much a document says
    sentence_specifics: list[frozenset[str]]  # specifics() of each sentence, for the verifier's every aligned pair
    mentioned: frozenset[str]  # every specific the document names: the union of its sentences'
    vocabulary: np.ndarray  # sorted distinct stem ids (see stem_id) of stem_df's keys, compared as arrays

    @classmethod
    def of(cls, body: str) -> "Profile":
        sentences = split_sentences(body)
        stems = [frozenset(content_stems(without_quotes(s))) for s in sentences]
        normalised = normalise(body)
        names = frozenset(names_and_numbers(sentences))
        sentence_specifics = [specifics(s) for s in sentences]
        stem_ids = np.array([stem_id(stem) for s in stems for stem in s], dtype=np.int64)
        return cls(
            sentences=sentences,
            stems=stems,
            stem_df=Counter(stem for s in stems for stem in s),
            shingles=np.unique(np.fromiter((hash(s) for s in shingles(normalised)), dtype=np.int64)),
            names=names,
            normalised=normalised,
            content_sentences=sum(1 for s in stems if len(s) >= 3),
            stem_rows=np.array([i for i, s in enumerate(stems) for _ in s], dtype=np.int64),
            stem_ids=stem_ids,
            completeness=len(names) + quoted_words(body),
            sentence_specifics=sentence_specifics,
            mentioned=frozenset().union(*sentence_specifics),
            vocabulary=np.unique(stem_ids),
        )
