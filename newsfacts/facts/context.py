"""What every extractor needs to know about one parsed document: paragraphs, sentences, entity mentions."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from newsfacts.facts.entities import EntityMention
from newsfacts.records import Document

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


@dataclass
class DocContext:
    doc: Document
    sdoc: object  # spacy Doc over doc.body
    mentions: list[EntityMention]
    names: dict[str, str] = field(default_factory=dict)  # entity_id -> canonical name
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    sentences: list = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans of quotation marks, set by the quote finder
    genders: dict[str, str] | None = None  # entity_id -> "m" | "f", found once when a pronoun is first resolved
    people: list | None = None  # referents.story_people, read once when a short form is first resolved
    bodies: list | None = None  # referents.story_bodies, read once when a body's unnamed voice is first resolved
    body_tokens: dict | None = None  # referents._body_mentions: token index -> the body a mention there names

    def __post_init__(self):
        self.paragraphs = [m.span() for m in _PARAGRAPH.finditer(self.doc.body)]
        self.sentences = list(self.sdoc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]

    @property
    def body(self) -> str:
        return self.doc.body

    def sentence_no(self, char: int) -> int:
        return max(bisect_right(self.sentence_starts, char) - 1, 0)

    def sentence_at(self, char: int):
        return self.sentences[self.sentence_no(char)]

    def paragraph_of(self, char: int) -> tuple[int, int]:
        for start, end in self.paragraphs:
            if start <= char < end:
                return start, end
        return char, char

    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def is_person(self, entity_id: str | None) -> bool:
        """Whether the model typed some mention of this entity a person (read from the mentions as they are now:
        later steps may add or retype them)."""
        return any(m.entity_id == entity_id and m.type == "PERSON" for m in self.mentions)

    def in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    def last_mention_before(self, char: int, types: tuple[str, ...]) -> EntityMention | None:
        """The latest mention of these types before char, outside quotations (a quoted name is not the speaker)."""
        found = None
        for m in self.mentions:
            if m.start >= char:
                break
            if m.type in types and not self.in_quote(m.start):
                found = m
        return found
