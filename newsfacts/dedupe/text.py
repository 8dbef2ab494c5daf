"""Text features for dedupe: normalised text, sentences, stems, names, numbers and quoted spans."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import accumulate
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

_LEXICON_PATH = Path(__file__).with_name("lexicon.json")
# Letters and digits of any script: a word of ASCII letters alone made every Cyrillic or Hangul body normalise to its
# digits (two different Russian pages were "exact" copies) and split accented words ("automóveis" -> "autom veis").
_WORD = re.compile(r"[^\W_]+(?:[.'][^\W_]+)*")
_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z]+(?:[-'][A-Za-z]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTED = re.compile(r"\"[^\"]+\"|“[^”]+”")
# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) before a space and a capital or digit.
# The next sentence opens with a capital of the Latin, Greek or Cyrillic alphabets, a digit, or a Hangul syllable.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9À-ÖØ-ÞΑ-ΩА-ЯЁ가-힣])")
# A stop glued to the next sentence with no space ("on Wednesday.The stabbing", scraped text): a word ending in two
# lower-case letters, . ! or ? (a curly closing quote may follow), then a capitalised word. The letters before keep
# initials (J.R.R.), acronyms (U.S.), "z.B." and ellipses whole; the letters after keep decimals, "No.5" and
# lower-case hosts (Amazon.com) whole. The glued word is not a stop when it is an address ("www.DearAbby.com",
# "Warren.Strobel@wsj.com") or the name after the dot goes on with another dot ("DearAbby.com").
# (The pattern opens on the stop, and looks behind it from there: the engine then scans for . ! ? alone.)
_GLUED_END = re.compile(r"[.!?](?<=[a-zß-öø-ÿ]{2}[.!?])[”’)]?(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?!\w)(?!\.[^\W_]))")
_ADDRESS = re.compile(r"www\.|://|@|/")
_LAST_WORD = re.compile(r"[^\W_]*$")
# Applied with str.replace, one scan per character, not str.translate, which looks every character up in a dict
# (a tenth of Profile.of on whole bodies); the same result, as no replacement is itself replaced.
_PUNCTUATION = {"’": "'", "‘": "'", "‚": "'", "`": "'", "–": "-", "—": "-", "‑": "-", "\u00a0": " "}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return json.loads(_LEXICON_PATH.read_text(encoding="utf-8"))


def _folded_words(text: str) -> list[str]:
    # NFKC and the punctuation map change nothing in ASCII text without a backtick, most sentences: skipping them
    # there took a quarter off the per-sentence word lists (Profile.of runs them on every sentence).
    if not text.isascii() or "`" in text:
        text = unicodedata.normalize("NFKC", text)
        for mark, plain in _PUNCTUATION.items():
            text = text.replace(mark, plain)
    return _WORD.findall(text.lower())


def normalise(text: str) -> str:
    """Case-, accent- and punctuation-folded text: two bodies that differ only in typography normalise equal."""
    return " ".join(_folded_words(text))


def words(text: str) -> list[str]:
    return _folded_words(text)  # the words normalise joins: none holds a space


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
    out = {_content_stem(word) for word in words(text)}
    out.discard(None)
    return out


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> str | None:
    """The word's stem, or None for a stop word or a one-letter token; cached, as words recur across sentences."""
    bare = word.split("'")[0]
    if bare in STOP_WORDS or (len(bare) < 2 and not bare.isdigit()):
        return None
    return stem(bare)


def without_quotes(text: str) -> str:
    """The sentence with long direct quotations removed: shared wire quotes are not shared writing."""
    min_words = lexicon()["min_quote_words"]
    return _QUOTED.sub(lambda m: " " if len(m.group().split()) >= min_words else m.group(), text)


def quoted_stems_per_sentence(sentences: list[str]) -> list[list[str]]:
    """Per sentence, the sorted content stems of its long direct quotations (those without_quotes leaves out of the
    stems): the words a report puts in someone's mouth. A rewrite quotes its source's words or drops them; another
    outlet's report quotes what its own reporter heard (see verify.quoted_apart)."""
    min_words = lexicon()["min_quote_words"]
    out = []
    for sentence in sentences:
        found: set[str] = set()
        if "\"" in sentence or "“" in sentence:
            for match in _QUOTED.finditer(sentence):
                if len(match.group().split()) >= min_words:
                    found |= content_stems(match.group())
        out.append(sorted(found))
    return out


def quoted_words(sentences: list[str]) -> list[list[str]]:
    """Per sentence, a sample of the 5-word shingles (shingle_hashes, as decimal strings) of its long direct
    quotations, the words without_quotes leaves out of the stems: of each quotation its first, middle and last, enough
    to tell whether another document holds the quotation word for word (see verify.quotations_kept) at three terms a
    quotation. A restyle keeps its source's quotations as they were; another outlet's report has its own."""
    min_words = lexicon()["min_quote_words"]
    out: list[list[str]] = []
    for sentence in sentences:
        found: list[str] = []
        if "\"" in sentence or "“" in sentence:
            for match in _QUOTED.finditer(sentence):
                if len(match.group().split()) >= min_words:
                    hashes = shingle_hashes(normalise(match.group())).tolist()
                    for h in (hashes[0], hashes[len(hashes) // 2], hashes[-1]) if hashes else ():
                        if str(h) not in found:
                            found.append(str(h))
        out.append(found)
    return out


def names_and_numbers(sentences: list[str]) -> set[str]:
    """Capitalised words that do not open a sentence, and figures: the specifics a rewrite tends to keep."""
    return set().union(*names_per_sentence(sentences))


def names_per_sentence(sentences: list[str]) -> list[set[str]]:
    """names_and_numbers of each sentence. Each pattern runs once over the sentences joined by newlines, which
    neither matches and which bound a word as a string's ends do, rather than once per sentence (the calls cost
    more than the matching)."""
    joined = "\n".join(sentences)
    starts = [*accumulate((len(s) + 1 for s in sentences), initial=0)]  # the last: a sentinel past the end
    found: list[set[str]] = [set() for _ in sentences]
    counting = _counting_words()
    k = 0
    for match in _CAPITALISED.finditer(joined):
        at = match.start()
        while at >= starts[k + 1]:
            k += 1
        word = match.group().lower()
        if at > starts[k] and word not in STOP_WORDS and (word.split("-", 1)[0] not in counting
                                                          or _in_a_name(match)):
            found[k].add(word)
    k = 0
    for match in _NUMBER.finditer(joined):
        while match.start() >= starts[k + 1]:
            k += 1
        found[k].add(match.group())
    return found


# A word in Title Case before or after a Title Case number makes a name of both ("Seven Oaks", "Forty Niners").
_TITLE_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:'s)?)[ \t]+$")


def _in_a_name(match: re.Match) -> bool:
    """Whether a capitalised number word is part of a name in Title Case ("Seven Oaks", "Ocean's Eleven"), not a
    number capitalised for emphasis ("a SEVENTY-inch TV") or by a headline's style ("Seventy Years On")."""
    return _in_a_name_at(match.string, match.start(), match.end())


def _in_a_name_at(text: str, start: int, end: int) -> bool:
    """_in_a_name of the word text[start:end]."""
    if text[start:end].split("-", 1)[0].isupper():
        return False
    return bool(_TITLE_AFTER.match(text, end) and not _spelled_numbers().match(text, end + 1)
                or bool((before := _TITLE_BEFORE.search(text, max(0, start - 40), start))
                        and before.group(1).lower() not in STOP_WORDS))


@lru_cache(maxsize=1)
def _counting_words() -> frozenset[str]:
    """Number words and plural counts (lexicon "number_words"): capitalised, they are figures or shouting, not names."""
    numbers = lexicon()["number_words"]
    return frozenset([*numbers["units"], *numbers["scales"], *numbers["counts"]])


@lru_cache(maxsize=1)
def _spelled_numbers() -> re.Pattern:
    """A run of cardinal number words ('Seventy', 'SEVEN HUNDRED', 'Twenty-Five', 'two hundred and ten')."""
    return re.compile(_spelled_numbers_folded().pattern, re.IGNORECASE)


@lru_cache(maxsize=1)
def _spelled_numbers_folded() -> re.Pattern:
    """_spelled_numbers for text folded by _folded: the same runs at the same places, five times faster (measured on
    110,886 sentences: 0.39 s against 1.97 s), as a case-insensitive pattern folds each character it tries."""
    numbers = lexicon()["number_words"]
    word = "|".join(sorted([*numbers["units"], *numbers["scales"]], key=len, reverse=True))
    return re.compile(rf"\b(?:{word})(?:[\s-]+(?:and[\s-]+)?(?:{word}))*\b")


# The four letters outside ASCII that a case-insensitive pattern matches as ASCII ones (the re module's documentation,
# re.IGNORECASE): _spelled_numbers finds "FİVE" (a Turkish dotted capital I), whose str.lower() is "fi̇ve", five
# characters, no number word. Folded to the letter the pattern matched before lowering.
_AS_ASCII = (("İ", "i"), ("ı", "i"), ("ſ", "s"), ("K", "k"))


def _folded(text: str) -> str:
    """The text as a case-insensitive pattern of ASCII letters reads it: lowercase, the four letters of _AS_ASCII as
    their ASCII ones. One character for one ("İ" alone lowers to two, and no other does once it is folded), each of
    the same class for \\w and \\s, so a case-sensitive lowercase pattern finds on it what the case-insensitive one
    finds on the text, at the same offsets (checked over every code point: tests/dedupe/test_text_cost.py)."""
    if not text.isascii():
        for letter, ascii_letter in _AS_ASCII:
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return text.lower()


def spelled_value(run: str) -> int | None:
    """The figure a run of number words spells ('SEVEN HUNDRED' -> 700, 'Twenty-Five' -> 25), or None where the words
    do not make one number ('five six': two numbers, read as neither)."""
    numbers = lexicon()["number_words"]
    total = current = 0
    last = None  # "unit" or "ten" or "scale": a unit after a unit is two numbers, not one
    for word in re.split(r"[\s-]+", _folded(run)):
        if word == "and":
            continue
        if word in numbers["scales"]:
            scale = numbers["scales"][word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * scale, 0
            last = "scale"
            continue
        value = numbers["units"].get(word)
        if value is None:
            return None  # not a number word (a run spelled_per_sentence did not find): no figure, no KeyError
        kind = "ten" if value >= 20 and value % 10 == 0 else "unit"
        if last == "unit" or (last == "ten" and kind == "ten") or (last == "ten" and current % 10):
            return None
        current += value
        last = kind
    return total + current


# A capitalised word that opens a sentence, after an opening quotation mark or bracket.
_OPENER = re.compile(r"[\"“‘'(\[]*([A-Z][a-zA-Z]+(?:[-'][A-Za-z]+)*)")


def openers_per_sentence(sentences: list[str]) -> list[set[str]]:
    """The capitalised word opening each sentence, where it is not a stop word: names_per_sentence skips it (most
    are ordinary words capitalised by their place), but a box score or a newsletter opens sentence after sentence
    with the names a rewrite then names mid-sentence ("Davis 17 points." / "... Davis led with 17"). Kept beside the
    specifics, so that a name only opening the other document's sentences does not count as novel (see
    verify.novelty)."""
    out: list[set[str]] = []
    for sentence in sentences:
        match = _OPENER.match(sentence)
        word = match.group(1).lower() if match else ""
        out.append({word} if word and word not in STOP_WORDS else set())
    return out


def spelled_per_sentence(sentences: list[str]) -> list[set[str]]:
    """The figures each sentence spells out in words, in any case ("forty bucks" 40, "SEVEN HUNDRED" 700, "Twenty-Five"
    25), but "one" alone (a pronoun as often as a count: "one of them", "no one"). A restyle spells out what its source
    wrote in digits ("a SEVENTY-inch TV" for "70-inch"). Kept beside the specifics, not among them, so that the
    other document's digits are named here too (see verify.novelty), while a spelled figure the other lacks adds
    nothing (lowercase number words never were specifics)."""
    out: list[set[str]] = []
    pattern = _spelled_numbers_folded()
    for sentence in sentences:
        found = set()
        for match in pattern.finditer(_folded(sentence)):
            run = sentence[match.start() : match.end()]
            value = spelled_value(run)
            if value is not None and run.lower() != "one" and not _in_a_name_at(sentence, match.start(), match.end()):
                found.add(str(value))
        out.append(found)
    return out


# A run of capitalised words ("Dana Whitcomb", "CEO Andy Vesey", "Dr. Jane Smith"): a speaker's name.
_NAME_RUN = r"[A-Z][A-Za-z'-]*\.?(?:\s+[A-Z][A-Za-z'-]*\.?)*"


@lru_cache(maxsize=1)
def _speaker_patterns() -> tuple[re.Pattern, ...]:
    """Where English names whom a sentence quotes: just before a speech verb ("Strenfel said"); just after one that
    can open an attribution, titles in lower case between ("said senior author Dr. Jane Smith", "according to Liu";
    not "told", whose object is the listener); and just after a closing quotation mark, one apposition before the
    verb ('...," Will Moy, chief executive of Full Fact, told the BBC')."""
    verbs = lambda key: "|".join(re.escape(v).replace("\\ ", r"\s+") for v in lexicon()[key])  # noqa: E731
    return (re.compile(rf"({_NAME_RUN})\s+(?:{verbs('speech_verbs')})\b"),
            re.compile(rf"(?:(?:^|[,:;\"”’'—–(])\s*(?:{verbs('speech_verbs_before_speaker')})|\baccording\s+to)"
                       rf"\s+((?:[a-z]+\s+){{0,3}}?)({_NAME_RUN})"),
            re.compile(rf"[,!?][\"”]\s+({_NAME_RUN}),[^,\"“”]*,\s+(?:{verbs('speech_verbs')})\b"))


def quoted_speakers(sentences: list[str]) -> list[list[str]]:
    """Per sentence holding a quotation mark, the named people or bodies it attributes speech to: whom a report
    quotes. Each is its name's stemmed words, as specifics stems them; titles, stop words and generic speakers
    ("Officials" opening a sentence) are left out. Only plain attribution verbs count: with "notes" or "warns", a
    scare-quoted phrase made a restyle's author a speaker. An outlet that quotes someone its source never names did
    reporting of its own; a rewrite quotes its source's speakers, or none ("experts say")."""
    skip = set(lexicon()["speaker_titles"]) | set(lexicon()["speaker_generic"])
    seats = set(lexicon()["speaker_seats"])
    patterns = _speaker_patterns()
    out: list[list[str]] = []
    for sentence in sentences:
        found: list[str] = []
        if "\"" in sentence or "“" in sentence or "”" in sentence:
            for match in (m for pattern in patterns for m in pattern.finditer(sentence)):
                if match.lastindex == 2 and any(w in STOP_WORDS for w in match.group(1).split()):
                    continue  # "wrote on Twitter", "said in London": not a title before a name
                words = [w.lower() for w in _CAPITALISED.findall(match.group(match.lastindex))]
                if " ".join(words) in seats:
                    continue  # "Washington said": a government speaking through its seat, not a source of its own
                name = " ".join(stem(w) for w in words if w not in STOP_WORDS and w not in skip)
                if name and name not in found:
                    found.append(name)
        out.append(found)
    return out


# A person's name: two or more capitalised words, a middle initial or "Dr." allowed ("Andrew Gwynne", "Dr. Kevin
# Hill", "Silvia S. Martins"). One word is too little: "Hill" may be a newspaper, "Twitter" a company.
_PERSON = r"(?:Dr\.\s+)?[A-Z][a-z'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Za-z'-]+)+"


@lru_cache(maxsize=1)
def _introduction_patterns() -> tuple[re.Pattern, ...]:
    """How English news introduces a source at first mention, beside quoted_speakers' forms: a role, then the name
    between commas, then the verb ("Labour's campaign chief, Andrew Gwynne, said"); the name, then one or two
    lower-case appositions ("Dr. Kevin Hill, director of addiction psychiatry at ..., who was not involved, said");
    a lower-case role just before the name and the verb ("Viera coach Mike Galvin said"); and a role before the name
    in one sentence with the quote in the next, attributed by a pronoun ("In Ramallah, shopkeeper Nidal Barghouti
    watched the news." / '"They give him Jerusalem," he said.')."""
    verbs = "|".join(re.escape(v).replace("\\ ", r"\s+") for v in lexicon()["speech_verbs"])
    pronouns = "|".join(lexicon()["speaker_pronouns"])
    return (re.compile(rf",\s+({_PERSON}),\s+(?:{verbs})\b"),
            re.compile(rf"(?:^|[.;:!?\"”]\s+|\b(?:and|but|while)\s+)({_PERSON}),\s+[a-z][^,\"“”]{{2,120}},"
                       rf"(?:\s+[a-z][^,\"“”]{{2,80}},)?\s+(?:{verbs})\b"),
            re.compile(rf"(?<![\w'’.-])([a-z]+)\s+({_PERSON})\s+(?:{verbs})\b"),
            re.compile(rf"(?<![\w'’.-])([a-z]+)\s+({_PERSON})\s+([a-z]+)"),
            re.compile(rf"^[\"“].*[\"”,]\s+(?:{pronouns})\s+(?:{verbs})\b"))


def introduced_speakers(sentences: list[str]) -> list[list[str]]:
    """Per sentence, the people it introduces as sources of the report, by the conventions of
    _introduction_patterns, with or without a quotation mark: each as its name's stemmed words (as quoted_speakers).
    A role before a name is a lower-case word that is neither a stop word ("the European Union said") nor a speech
    verb ("told The Hill"). An outlet that introduces a person its source never names did reporting of its own (see
    verify.own_source); a rewrite keeps its source's people or drops them, and a content farm's padding names none."""
    skip = set(lexicon()["speaker_titles"]) | set(lexicon()["speaker_generic"])
    speech = set(lexicon()["speech_verbs"])
    between, apposition, role, subject, pronoun = _introduction_patterns()
    verbs = tuple(lexicon()["speech_verbs"])
    role_word = lambda word: word not in STOP_WORDS and word not in speech  # noqa: E731

    def name(found: str) -> str:
        words = [w.lower() for w in _CAPITALISED.findall(found)]
        return " ".join(stem(w) for w in words if w not in STOP_WORDS and w not in skip)

    out: list[list[str]] = []
    for k, sentence in enumerate(sentences):
        found = []
        if any(v in sentence for v in verbs):  # most sentences attribute nothing: skip the three scans
            found += [m.group(1) for m in between.finditer(sentence)] + [m.group(1) for m in apposition.finditer(sentence)]
            found += [m.group(2) for m in role.finditer(sentence) if role_word(m.group(1))]
        if k + 1 < len(sentences) and sentences[k + 1][:1] in "\"“" and pronoun.search(sentences[k + 1]):
            subjects = [m for m in subject.finditer(sentence) if role_word(m.group(1)) and m.group(3) not in STOP_WORDS]
            found += [subjects[-1].group(2)] if subjects else []
        names: list[str] = []
        for n in map(name, found):
            if n and n not in names:
                names.append(n)
        out.append(names)
    return out


def speakers_per_sentence(sentences: list[str]) -> list[list[str]]:
    """quoted_speakers and introduced_speakers of each sentence together: the people a report has from sources of
    its own, if its source never names them (verify.own_source)."""
    return [q + [n for n in i if n not in q] for q, i in zip(quoted_speakers(sentences), introduced_speakers(sentences))]


_TWO_CAPITALS = re.compile(r"[A-Z]{2}")


def shouted_per_sentence(sentences: list[str], names: list[set[str]] | None = None) -> list[set[str]]:
    """The names of each sentence (names_per_sentence) written in capitals ("it's KILLING your progress", "THE REAL
    BATTLE STARTS NOW") that the document never writes otherwise: emphasis or an acronym. Kept beside the specifics:
    read against the other document, where one it uses only as an ordinary lowercase word ("killing", "battle") is
    emphasis, not a name (see verify.novelty); an acronym (NASA, FBI) stays a name. `names`: the sentences'
    names_per_sentence when the caller has them already (Profile.of), so they are not read twice."""
    # Only a sentence with two capitals in a row can hold a word in capitals (its match opens [A-Z][a-zA-Z]), and
    # only a sentence naming one of those words can write it otherwise: most sentences are not read (10k generated
    # corpus, 322,704 sentences: 2.2-2.9 -> 1.2-1.8 s CPU, load ~7). Each sentence's set is that of reading every
    # sentence (tests/dedupe/test_text_cost.py).
    shouting = [k for k, sentence in enumerate(sentences) if _TWO_CAPITALS.search(sentence)]
    if not shouting:
        return [set() for _ in sentences]
    names = names_per_sentence(sentences) if names is None else names
    capitals: list[set[str]] = [set() for _ in sentences]
    for k in shouting:
        for match in _CAPITALISED.finditer(sentences[k]):
            word = match.group().lower()
            if word in names[k]:
                head = match.group().split("-", 1)[0]
                if len(head) > 1 and head.isupper():
                    capitals[k].add(word)
    shouted = set().union(*capitals)
    if not shouted:
        return capitals
    written_otherwise: set[str] = set()
    for k, sentence in enumerate(sentences):
        if shouted.isdisjoint(names[k]):
            continue
        for match in _CAPITALISED.finditer(sentence):
            word = match.group().lower()
            if word in shouted and word in names[k]:
                head = match.group().split("-", 1)[0]
                if not (len(head) > 1 and head.isupper()):
                    written_otherwise.add(word)
    return [c - written_otherwise for c in capitals]


@lru_cache(maxsize=1)
def _back_reference() -> re.Pattern:
    return re.compile("|".join(lexicon()["back_references"]), re.IGNORECASE)


def back_references(sentences: list[str]) -> list[bool]:
    """Per sentence, whether it places its event before the report's own ("on Tuesday", "last week", "had said"):
    how a report retells as background what was news before it (lexicon back_references)."""
    pattern = _back_reference()
    return [bool(pattern.search(sentence)) for sentence in sentences]


def specifics(sentence: str) -> frozenset[str]:
    """Stemmed names and figures of one sentence, so 'Tarsania' meets 'Tarsanian' and '54' meets '54'."""
    return frozenset(stem(word.replace(",", "")) for word in names_and_numbers([sentence]))


def split_sentences(body: str) -> list[str]:
    """Paragraphs on blank lines, then sentences inside them; known abbreviations (Gov., U.S.) do not end one, and
    two sentences run together without a space ("on Wednesday.The stabbing") are two. Each is a slice of the
    paragraph: nothing is inserted."""
    abbreviations = set(lexicon()["abbreviations"])
    sentences = []
    for paragraph in re.split(r"\n\s*\n", unicodedata.normalize("NFKC", body)):
        paragraph = " ".join(paragraph.split())
        start = 0
        for end, restart in _sentence_breaks(paragraph, abbreviations):
            sentences.append(paragraph[start:end].strip())
            start = restart
        if paragraph[start:].strip():
            sentences.append(paragraph[start:].strip())
    return [s for s in sentences if _WORD.search(s.lower())]


def _sentence_breaks(paragraph: str, abbreviations: set[str]) -> list[tuple[int, int]]:
    """(where a sentence ends, where the next starts) in a paragraph of single spaces, in order: after a stop and a
    space, or after a stop glued to the next sentence (read as that stop with a space: the same abbreviations)."""
    breaks = [(i, i) for i in glued_ends(paragraph, abbreviations)]
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        last_word = paragraph[start : match.start()].rsplit(" ", 1)[-1].rstrip(".").lower()
        if last_word in abbreviations or len(last_word) == 1:
            continue
        breaks.append((match.start() + len(match.group().rstrip()), match.end()))
        start = match.end()
    return sorted(breaks)


def glued_ends(text: str, abbreviations: set[str]) -> list[int]:
    """Offsets in text where a sentence starts right on the previous one's stop, with no space between."""
    starts = []
    for m in _GLUED_END.finditer(text):
        before = text.rfind(" ", 0, m.start()) + 1
        after = text.find(" ", m.end())
        if _ADDRESS.search(text, before, len(text) if after < 0 else after):
            continue
        if _LAST_WORD.search(text, before, m.start())[0].lower() in abbreviations:
            continue
        starts.append(m.end())
    return starts


_TERM_IDS: dict[str, int] = {}
_TERMS: list[str] = []


def term_id(term: str) -> int:
    """A process-wide integer for a stem or specific, so two profiles' terms can be compared as arrays."""
    found = _TERM_IDS.get(term)
    if found is None:
        found = _TERM_IDS[term] = len(_TERMS)
        _TERMS.append(term)
    return found


def term_ids(terms: list[str]) -> np.ndarray:
    return np.fromiter(map(term_id, terms), dtype=np.int64, count=len(terms))


def terms(ids: np.ndarray) -> list[str]:
    return [_TERMS[i] for i in ids.tolist()]


def text_hash(normalised: str) -> int:
    """A stable 64-bit hash of a normalised text: equal hashes are the exact level (and the exact LSH bucket)."""
    return int.from_bytes(hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).digest(), "big")


@lru_cache(maxsize=500_000)
def token_hash(word: str) -> int:
    """A stable 64-bit hash of a word or term (not Python's hash(): what is made of it is stored)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


_SHINGLE_PRIME = np.uint64(0x100000001B3)


def shingle_hashes(normalised: str, size: int = 5) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the `size`-word shingles, stable across processes (they are stored):
    a polynomial over per-word hashes, so each shingle costs a few array operations, not a string."""
    tokens = normalised.split()
    if len(tokens) < size:
        return np.array([np.int64(token_hash(normalised) - (1 << 63))], dtype=np.int64) if normalised else _EMPTY
    words = np.fromiter(map(token_hash, tokens), dtype=np.uint64, count=len(tokens))
    count = len(tokens) - size + 1
    out = np.zeros(count, dtype=np.uint64)
    for i in range(size):
        out = out * _SHINGLE_PRIME + words[i : i + count]  # wraps modulo 2**64, as intended
    return np.unique(out.view(np.int64))


_EMPTY = np.zeros(0, dtype=np.int64)
# Marks an opener (openers_per_sentence), a spelled figure (spelled_per_sentence) and a word in capitals
# (shouted_per_sentence) in a stored profile's specifics column, which keeps each with its sentence.
OPENER = "^"
SPELLED = "#"
SHOUTED = "!"
# Marks a quoted speaker (quoted_speakers: the name's stemmed words, joined by spaces) in the same column.
SPEAKER = "@"
# Marks a content stem of a sentence's long quotations (quoted_stems_per_sentence) in the same column.
QUOTED = '"'
# Marks a sample of a sentence's quoted words' shingle hashes (quoted_words, decimal strings) in the same column.
QUOTED_WORDS = "~"
MARKS = (OPENER, SPELLED, SHOUTED, SPEAKER, QUOTED, QUOTED_WORDS)

# Changes whenever what a stored profile holds would come out differently (sentence splitting, stemming, the
# lexicon, the row layout): a stored profile of another version is ignored and the document profiled again.
# Version 5: the sentences' capitalised openers, stored among the specifics with the OPENER mark. Version 6: a
# capitalised number word is no name (lexicon "number_words"); the figures spelled out in words (SPELLED mark), the
# names written only in capitals (SHOUTED mark) and the quoted speakers (SPEAKER mark), stored among the specifics
# like the openers (a version 5 row has none of them, so it is not read: its document is profiled again).
# Version 7: fewer quoted speakers: a name after a speech verb is a speaker only where the verb opens a parenthetical
# attribution (after punctuation) or is "according to" ("he said Washington opposes" names the reported clause's
# subject), and a seat of government speaking ("Washington said", lexicon "speaker_seats") is none. A version 6
# row may hold such a speaker, so it is not read.
# Version 8: the speakers are quoted_speakers and introduced_speakers together (a person introduced by apposition
# or role, with or without a quotation mark); a version 7 row lacks the latter, so it is not read.
# Version 9: the content stems of each sentence's long quotations (QUOTED mark), which the stems leave out; a
# version 8 row lacks them, so it is not read.
# Version 10: a sample of the shingles of each sentence's long quotations (QUOTED_WORDS mark); a version 9 row lacks
# them, so it is not read.
# Version 11: sentences run together without a space are two (split_sentences), so a word opening the second is no
# name ("physician.Police"); a version 10 row read them as one, so it is not read.
PROFILE_VERSION = "11:" + hashlib.blake2b(_LEXICON_PATH.read_bytes(), digest_size=6).hexdigest()


@dataclass(frozen=True, eq=False)
class Profile:
    """What the verifier needs of one document, as flat arrays of interned terms (see term_id), so it can be stored
    and read back in bulk. `of` computes it from the body; profiles.load rebuilds earlier documents' from their
    dedupe_profiles rows at a fraction of the cost, so a document is never profiled twice."""

    body: str | None  # None for a stored profile read without its body (see with_body)
    sentence_count: int
    stem_rows: np.ndarray  # sentence index of every (sentence, content stem) incidence, long quotations left out
    stem_ids: np.ndarray  # term id of its stem
    specific_rows: np.ndarray  # sentence index of every (sentence, specific) incidence: stemmed names and figures
    specific_ids: np.ndarray  # term id of its specific
    shingles: np.ndarray  # shingle_hashes of the normalised text (an array: a tenth of a set's memory)
    text_hash: int  # text_hash of the normalised text
    opener_rows: np.ndarray = field(default_factory=lambda: _EMPTY)  # sentence index of every stemmed opener
    opener_ids: np.ndarray = field(default_factory=lambda: _EMPTY)  # term id of its opener (openers_per_sentence)
    spelled_rows: np.ndarray = field(default_factory=lambda: _EMPTY)  # sentence index of every spelled figure
    spelled_ids: np.ndarray = field(default_factory=lambda: _EMPTY)  # term id of its figure (spelled_per_sentence)
    shouted_rows: np.ndarray = field(default_factory=lambda: _EMPTY)  # sentence index of every name in capitals
    shouted_ids: np.ndarray = field(default_factory=lambda: _EMPTY)  # term id of its stem (shouted_per_sentence)
    speaker_rows: np.ndarray = field(default_factory=lambda: _EMPTY)  # sentence index of every quoted speaker
    speaker_ids: np.ndarray = field(default_factory=lambda: _EMPTY)  # term id of its name (quoted_speakers)
    quote_rows: np.ndarray = field(default_factory=lambda: _EMPTY)  # sentence index of every quoted content stem
    quote_ids: np.ndarray = field(default_factory=lambda: _EMPTY)  # term id of its stem (quoted_stems_per_sentence)
    quote_word_rows: np.ndarray = field(default_factory=lambda: _EMPTY)  # sentence index of every quoted-words sample
    quote_word_ids: np.ndarray = field(default_factory=lambda: _EMPTY)  # term id of its shingle hash (quoted_words)
    # Derived on construction:
    content_sentences: int = field(init=False)  # sentences with >= 3 content stems: what alignment shares are of
    vocabulary: np.ndarray = field(init=False)  # sorted distinct stem ids
    _specific_offsets: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        per_sentence = np.bincount(self.stem_rows, minlength=self.sentence_count)
        object.__setattr__(self, "content_sentences", int((per_sentence >= 3).sum()))
        object.__setattr__(self, "vocabulary", np.unique(self.stem_ids))
        offsets = np.searchsorted(self.specific_rows, np.arange(self.sentence_count + 1))
        object.__setattr__(self, "_specific_offsets", offsets)

    def with_body(self, body: str) -> "Profile":
        """This profile with its document's body, which sentences, normalised and names are read from."""
        return replace(self, body=body)

    def specifics(self, sentence: int) -> frozenset[int]:
        """Term ids of the names and figures of one sentence (the verifier asks only for aligned ones)."""
        return frozenset(self.specific_ids[self._specific_offsets[sentence] : self._specific_offsets[sentence + 1]].tolist())

    @cached_property
    def mentioned(self) -> frozenset[int]:
        """Every specific the document names."""
        return frozenset(self.specific_ids.tolist())

    @cached_property
    def openers(self) -> frozenset[int]:
        """Every stemmed capitalised word opening one of the document's sentences (see openers_per_sentence)."""
        return frozenset(self.opener_ids.tolist())

    @cached_property
    def spelled(self) -> frozenset[int]:
        """Every figure the document spells out in words (see spelled_per_sentence)."""
        return frozenset(self.spelled_ids.tolist())

    @cached_property
    def shouted(self) -> frozenset[int]:
        """Every stemmed name the document writes only in capitals (see shouted_per_sentence)."""
        return frozenset(self.shouted_ids.tolist())

    @cached_property
    def plain(self) -> frozenset[int]:
        """The content stems the document uses, but never as a name or figure, nor as the start of one: its ordinary
        lowercase words. A name's stem keeps what follows an apostrophe ("EU's" is the name "eus", the content stem
        "eu"), so a stem that begins one of the document's names is that name, not a lowercase word."""
        names = terms(np.array(sorted(self.mentioned), dtype=np.int64))
        starts = {name[:k] for name in names for k in range(1, len(name) + 1)}
        return frozenset(t for t, word in zip(self.vocabulary.tolist(), terms(self.vocabulary)) if word not in starts)

    @cached_property
    def speakers(self) -> list[tuple[int, str, frozenset[int]]]:
        """Each quoted speaker: its sentence, its name (stemmed words) and its words' term ids, as specifics'."""
        return [(row, name, frozenset(map(term_id, name.split())))
                for row, name in zip(self.speaker_rows.tolist(), terms(self.speaker_ids))]

    @cached_property
    def quotations(self) -> list[frozenset[int]]:
        """The content stems of each sentence's long quotations (quoted_stems_per_sentence), one set a sentence that
        quotes: the words the document puts in someone's mouth."""
        by_row: dict[int, set[int]] = {}
        for row, term in zip(self.quote_rows.tolist(), self.quote_ids.tolist()):
            by_row.setdefault(row, set()).add(term)
        return [frozenset(by_row[row]) for row in sorted(by_row)]

    @cached_property
    def quoted_shingles(self) -> list[np.ndarray]:
        """Each quoting sentence's sample of its quotations' shingle hashes (quoted_words), one array a sentence."""
        by_row: dict[int, list[int]] = {}
        for row, term in zip(self.quote_word_rows.tolist(), terms(self.quote_word_ids)):
            by_row.setdefault(row, []).append(int(term))
        return [np.array(by_row[row], dtype=np.int64) for row in sorted(by_row)]

    @cached_property
    def words_used(self) -> np.ndarray:
        """Sorted distinct content stems of the whole body, its long quotations' included: every word it uses."""
        return np.union1d(self.vocabulary, self.quote_ids)

    @cached_property
    def figures(self) -> frozenset[int]:
        """The specifics that are figures (numbers, dates' days and years), not names."""
        return frozenset(t for t in self.mentioned if _TERMS[t][:1].isdigit())

    @cached_property
    def sentences(self) -> list[str]:
        return split_sentences(self.body)

    @cached_property
    def normalised(self) -> str:
        return normalise(self.body)

    @cached_property
    def stems(self) -> list[frozenset[str]]:
        """Content stems per sentence, as strings."""
        out: list[set[str]] = [set() for _ in range(self.sentence_count)]
        for row, stem_ in zip(self.stem_rows.tolist(), terms(self.stem_ids)):
            out[row].add(stem_)
        return [frozenset(s) for s in out]

    @cached_property
    def stem_df(self) -> Counter:
        """In how many sentences each stem occurs."""
        return Counter(terms(self.stem_ids))

    @cached_property
    def names(self) -> frozenset[str]:
        """Names and figures of the whole body (see names_and_numbers)."""
        return frozenset(names_and_numbers(self.sentences))

    @classmethod
    def of(cls, body: str) -> "Profile":
        sentences = split_sentences(body)
        normalised = normalise(body)
        stems = [sorted(content_stems(without_quotes(s))) for s in sentences]
        found = names_per_sentence(sentences)
        specifics = [sorted({stem(w.replace(",", "")) for w in f}) for f in found]
        names = frozenset().union(*found)
        openers = [sorted({stem(w) for w in o}) for o in openers_per_sentence(sentences)]
        spelled = [sorted(f) for f in spelled_per_sentence(sentences)]
        shouted = [sorted({stem(w.replace(",", "")) for w in c}) for c in shouted_per_sentence(sentences, found)]
        rows = lambda lists: np.repeat(np.arange(len(sentences), dtype=np.int64), [len(x) for x in lists])  # noqa: E731
        speakers = speakers_per_sentence(sentences)
        quoted = quoted_stems_per_sentence(sentences)
        sampled = quoted_words(sentences)
        profile = cls(
            body=body,
            sentence_count=len(sentences),
            stem_rows=np.repeat(np.arange(len(sentences), dtype=np.int64), [len(s) for s in stems]),
            stem_ids=term_ids([t for s in stems for t in s]),
            specific_rows=np.repeat(np.arange(len(sentences), dtype=np.int64), [len(s) for s in specifics]),
            specific_ids=term_ids([t for s in specifics for t in s]),
            shingles=shingle_hashes(normalised),
            text_hash=text_hash(normalised),
            opener_rows=np.repeat(np.arange(len(sentences), dtype=np.int64), [len(o) for o in openers]),
            opener_ids=term_ids([t for o in openers for t in o]),
            spelled_rows=rows(spelled), spelled_ids=term_ids([t for f in spelled for t in f]),
            shouted_rows=rows(shouted), shouted_ids=term_ids([t for c in shouted for t in c]),
            speaker_rows=np.repeat(np.arange(len(sentences), dtype=np.int64), [len(q) for q in speakers]),
            speaker_ids=term_ids([t for q in speakers for t in q]),
            quote_rows=rows(quoted), quote_ids=term_ids([t for q in quoted for t in q]),
            quote_word_rows=rows(sampled), quote_word_ids=term_ids([t for q in sampled for t in q]),
        )
        # Already at hand: the cached values.
        profile.__dict__.update(sentences=sentences, normalised=normalised, names=names,
                                stems=[frozenset(s) for s in stems])
        return profile

    def row(self, doc_id: str) -> dict:
        """The dedupe_profiles row profiles.load rebuilds this profile from."""
        return {"doc_id": doc_id, "version": PROFILE_VERSION, "sentence_count": self.sentence_count,
                "stems": terms(self.stem_ids), "stem_sentences": self.stem_rows.tolist(),
                "specifics": terms(self.specific_ids) + [OPENER + t for t in terms(self.opener_ids)]
                + [SPELLED + t for t in terms(self.spelled_ids)] + [SHOUTED + t for t in terms(self.shouted_ids)]
                + [SPEAKER + t for t in terms(self.speaker_ids)] + [QUOTED + t for t in terms(self.quote_ids)]
                + [QUOTED_WORDS + t for t in terms(self.quote_word_ids)],
                "specific_sentences": self.specific_rows.tolist() + self.opener_rows.tolist()
                + self.spelled_rows.tolist() + self.shouted_rows.tolist() + self.speaker_rows.tolist()
                + self.quote_rows.tolist() + self.quote_word_rows.tolist(),
                "shingles": self.shingles.tolist(), "text_hash": self.text_hash}
