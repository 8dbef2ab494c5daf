"""The facts stage's rules, read once from lexicon.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("lexicon.toml")


def _alternation(words) -> str:
    # Longest first, so "vice president" wins over "president".
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per process
class Lexicon:
    raw: dict
    cues: frozenset
    introducing_verbs: frozenset
    indirect_cues: frozenset
    person_pronouns: frozenset
    first_person: frozenset
    org_pronouns: frozenset
    org_anaphors: frozenset
    not_role_re: re.Pattern
    min_quote_words: int
    max_title_words: int
    title_nouns_re: re.Pattern
    titles_re: re.Pattern
    post_nominals_re: re.Pattern
    cue_re: str
    cue_after_subject_re: str
    canonical: dict
    canonical_types: dict
    stop: frozenset
    labels: frozenset
    future_re: re.Pattern
    vague_subjects: frozenset
    dateline_re: re.Pattern
    slogan_before_re: re.Pattern
    slogan_after: frozenset
    slogan_media: frozenset
    display_prepositions: frozenset
    medium_verbs: frozenset
    medium_verb_re: re.Pattern
    title_after: frozenset
    scare_before_re: re.Pattern
    set_text_opening_re: re.Pattern
    scare_verbs: frozenset
    voice_verbs: frozenset
    voice_nouns: frozenset
    title_in_commas_before_re: re.Pattern
    title_in_commas_after_re: re.Pattern
    equated_before_re: re.Pattern
    equated_after_re: re.Pattern
    slogan_nouns: frozenset
    sung_before_re: re.Pattern
    singing_verbs: frozenset
    set_line_nouns: frozenset
    heading_nouns: frozenset
    text_nouns: frozenset  # a written text of any kind, as the subject of a verb (mentioned_words)
    naming_verbs: frozenset
    labelling_verbs: frozenset
    titling_verbs: frozenset
    referring_verbs: frozenset
    title_small_words: frozenset
    named_after_re: re.Pattern
    named_after_source_re: re.Pattern
    named_after_passive_re: re.Pattern
    speaking_verbs: frozenset
    run_ordinals: tuple
    written_texts: frozenset
    owned_only_texts: frozenset
    statement_voices: frozenset
    spouse_words: frozenset
    title_words: dict
    title_kinds: dict
    title_synonyms: dict
    anonymous_nouns: frozenset
    collective_nouns: frozenset
    organisation_role_re: re.Pattern
    group_pronouns: frozenset
    reply_cues: frozenset
    ask_verbs: frozenset
    gender_words: dict  # word or pronoun -> "m" | "f"
    speech_noun_from_re: re.Pattern
    speech_nouns: frozenset
    characterising_verbs: frozenset
    passer_by_re: re.Pattern
    passers_by: frozenset
    place_prepositions: frozenset
    residence_nouns: frozenset
    affiliation_words: frozenset
    person_heads: frozenset
    evidence_re: re.Pattern  # "giving evidence", "testified": who "the witness" of a court report is
    # forms of address written only before a name (names.personal_titles): any case, and those matched in capitals only
    personal_titles: frozenset
    personal_titles_in_capitals: frozenset


def people_word(word: str, lex: Lexicon, titles: bool = False) -> bool:
    """A word the lexicon holds for people (person_heads, anonymous_nouns, residence_nouns, a gendered word; with
    `titles`, a title too: referents reads "the minister" as a person, an unnamed voice does not)."""
    return (word in lex.person_heads or word in lex.anonymous_nouns or word in lex.residence_nouns
            or word in lex.gender_words or (titles and word in lex.raw["names"]["titles"]))


@cache
def lexicon() -> Lexicon:
    raw = tomllib.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    speech, names, ents = raw["speech"], raw["names"], raw["entities"]
    return Lexicon(
        raw=raw,
        cues=frozenset(speech["cues"]),
        introducing_verbs=frozenset(speech["introducing_verbs"]),
        indirect_cues=frozenset(speech["indirect_cues"]),
        person_pronouns=frozenset(speech["person_pronouns"]),
        first_person=frozenset(speech["first_person"]),
        org_pronouns=frozenset(speech["org_pronouns"]),
        org_anaphors=frozenset(speech["org_anaphors"]),
        not_role_re=re.compile(rf"^(?:{_alternation(speech['not_role_openers'])})\b"),
        min_quote_words=speech["min_unattributed_quote_words"],
        max_title_words=speech["max_title_words"],
        title_nouns_re=re.compile(rf"(?:\b(?:{_alternation(speech['title_nouns'])})\s+(?:(?:called|titled|entitled|named)\s+)?"
                                  rf"|\b(?:{_alternation(speech['title_participles'])})\s+)$", re.I),
        titles_re=re.compile(rf"^(?:(?:{_alternation(names['titles'])})\s+)+", re.I),
        post_nominals_re=re.compile(rf"(?:,?\s+(?:{_alternation(names['post_nominals'])})\.?)+$"),
        cue_re=_alternation(speech["cues"] + speech["according_to"]),
        evidence_re=re.compile(rf"\b(?:{_alternation(speech['evidence_phrases'])})\b"),
        personal_titles=frozenset(t for t in names["personal_titles"] if not t.isupper()),
        personal_titles_in_capitals=frozenset(t for t in names["personal_titles"] if t.isupper()),
        cue_after_subject_re=_alternation(speech["cues"] + speech["according_to"] + speech["cues_after_subject"]),
        canonical={k.lower(): v for k, v in ents["canonical"].items()},
        canonical_types=ents["canonical_types"],
        stop=frozenset(s.lower() for s in ents["stop"]),
        labels=frozenset(ents["labels"]),
        future_re=re.compile(rf"\b(?:{_alternation(raw['dates']['future_markers'])})(?!\w)", re.I),
        vague_subjects=frozenset(speech["vague_subjects"]),
        dateline_re=re.compile(raw["datelines"]["pattern"]),
        slogan_before_re=re.compile(rf"\b(?:{_alternation(speech['slogan_before'])})\W*$", re.I),
        slogan_after=frozenset(speech["slogan_after"]),
        slogan_media=frozenset(speech["slogan_media"]),
        display_prepositions=frozenset(speech["display_prepositions"]),
        medium_verbs=frozenset(speech["medium_verbs"]),
        medium_verb_re=re.compile(rf"\b(?:{_alternation(speech['medium_verbs'])})"
                                  r"(?:\s+the\s+(?:line|lines|words|motto))?\s*[:—–-]?\s*$", re.I),
        title_after=frozenset(speech["title_after"]),
        set_text_opening_re=re.compile(rf"\b(?:{_alternation(speech['set_texts'])})\b[^.“”\"]{{0,20}}"
                                       r"\b(?:which|that)\s+(?:begins|began|opens|opened|starts|started|ends|ended|closes|closed)"
                                       r"(?:\s+with)?(?:\s+the\s+words)?\s*:?\s*$", re.I),
        scare_before_re=re.compile(rf"\b(?:{_alternation(speech['scare_before'])})\W*$", re.I),
        scare_verbs=frozenset(speech["scare_verbs"]),
        voice_verbs=frozenset(speech["voice_verbs"]),
        voice_nouns=frozenset(speech["voice_nouns"]),
        title_in_commas_before_re=re.compile(
            rf"\b(?:{_alternation(speech['title_nouns'] + speech['appositive_title_nouns'])}),\s*$", re.I),
        title_in_commas_after_re=re.compile(
            rf"\s*,?\s*(?:the|its|his|her|their|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?"
            rf"(?:{_alternation(speech['title_nouns'] + speech['appositive_title_nouns'])})\s*,", re.I),
        equated_before_re=re.compile(
            rf"\b(?P<noun>{_alternation(speech['slogan_nouns'] + speech['set_line_nouns'] + speech['heading_nouns'])})"
            r"(?P<link>\s*,\s*|\s+(?:is|was|remains|remained|became|has become)\s*:?\s*|\s+)$", re.I),
        equated_after_re=re.compile(
            rf"\s*,?\s*(?:the|its|his|her|their|a|an)\s+(?:[\w’'-]+\s+){{0,4}}?"
            rf"(?P<noun>{_alternation(speech['slogan_nouns'] + speech['set_line_nouns'])})\s*,", re.I),
        slogan_nouns=frozenset(speech["slogan_nouns"]),
        sung_before_re=re.compile(rf"\b(?:{_alternation(speech['singing_verbs'])})[\s,—–-]*$", re.I),
        singing_verbs=frozenset(speech["singing_verbs"]),
        set_line_nouns=frozenset(speech["set_line_nouns"]),
        heading_nouns=frozenset(speech["heading_nouns"]),
        text_nouns=frozenset(speech["written_texts"] + speech["issued_texts"] + speech["relayed_texts"]
                             + speech["appositive_title_nouns"] + [w for w in speech["title_nouns"] if " " not in w]),
        naming_verbs=frozenset(speech["naming_verbs"]),
        labelling_verbs=frozenset(speech["labelling_verbs"]),
        titling_verbs=frozenset(speech["titling_verbs"]),
        referring_verbs=frozenset(speech["referring_verbs"]),
        title_small_words=frozenset(speech["title_small_words"]),
        named_after_re=re.compile(rf"^\W*(?:{_alternation(speech['named_after_openers'])})\b", re.I),
        named_after_source_re=re.compile(
            rf"^[^.!?]{{0,120}}?\b(?:{_alternation(speech['named_after_sources'])})\b", re.I),
        named_after_passive_re=re.compile(
            rf"^\W*(?:those|these|the)\s+(?:{_alternation(speech['named_after_words'])})\s+(?:were|was|had\s+been)\s+"
            rf"(?:\w+\s+)?(?:{_alternation(speech['named_after_passives'])})\b[^.!?]{{0,80}}?\bby\b", re.I),
        speaking_verbs=frozenset(speech["speaking_verbs"]),
        run_ordinals=tuple(speech["run_ordinals"]),
        written_texts=frozenset(speech["written_texts"]),
        owned_only_texts=frozenset(speech["owned_only_texts"]),
        statement_voices=frozenset(speech["statement_voices"]),
        spouse_words=frozenset(speech["spouse_words"]),
        title_words=speech["title_words"],
        title_kinds=speech["title_kinds"],
        title_synonyms=speech["title_synonyms"],
        anonymous_nouns=frozenset(speech["anonymous_nouns"]),
        collective_nouns=frozenset(speech["collective_nouns"]),
        organisation_role_re=re.compile(
            rf"^(?P<role>(?:[Tt]he\s+)?(?:[\w-]+\s+){{0,2}}?(?i:{_alternation(speech['organisation_roles'])}))\s+"
            r"(?P<name>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3})$"),
        group_pronouns=frozenset(speech["group_pronouns"]),
        reply_cues=frozenset(speech["reply_cues"]),
        ask_verbs=frozenset(speech["ask_verbs"]),
        speech_nouns=frozenset(speech["speech_nouns"]),
        characterising_verbs=frozenset(speech["characterising_verbs"]),
        passers_by=frozenset(speech["passers_by"]),
        place_prepositions=frozenset(speech["place_prepositions"]),
        residence_nouns=frozenset(speech["residence_nouns"]),
        affiliation_words=frozenset(speech["affiliation_words"]),
        person_heads=frozenset(speech["person_heads"]),
        passer_by_re=re.compile(
            rf"^(?:(?:someone|somebody)|(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{_alternation(speech['passers_by'])}))"
            r"(?:\s+(?:in|at|on|from|near|outside|inside|with|by|behind)\b.*)?$", re.I | re.S),
        speech_noun_from_re=re.compile(
            rf"\b(?:{_alternation(speech['speech_nouns'])})\s+(?:from|by)\s+(?:[\w.’'-]+\s+){{0,2}}$", re.I),
        gender_words={**{w: "m" for w in speech["male_words"] + speech["male_pronouns"]},
                      **{w: "f" for w in speech["female_words"] + speech["female_pronouns"]}},
    )
