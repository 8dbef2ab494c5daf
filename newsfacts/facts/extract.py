"""The facts stage: one nlp.pipe pass over a batch of documents, then cheap rules per document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsfacts.facts.context import DocContext
from newsfacts.facts.dates import events
from newsfacts.facts.entities import (
    add_missed_full_names,
    add_names_after_inverted_cues,
    add_nicknamed_names,
    add_missed_name_parts,
    people_named_as_relatives,
    build_entities,
    doc_entity_mentions,
    join_following_surnames,
    share_joined_surnames,
    drop_name_compounds,
    resolve_aliases,
)
from newsfacts.facts.entity_types import type_by_all_mentions
from newsfacts.facts.family_names import read_family_names
from newsfacts.facts.lexicon import lexicon
from newsfacts.facts.nlp import load_nlp
from newsfacts.facts.quantities import quantities
from newsfacts.facts.quotes import direct_quotes, indirect_quotes
from newsfacts.facts.body_voices import body_words
from newsfacts.facts.referents import (add_untagged_titled_people, link_organisation_short_forms, link_short_forms,
                                       name_titled_people)
from newsfacts.records import Document, Entity, EntityAlias, Event, Mention, Quantity, Quote

# Documents per nlp.pipe batch: news bodies run ~1k tokens; 8, 32 and 128 measured within noise of each other
# (benchmarks/facts_quality.py), and 32 keeps a batch's parsed docs small in memory.
PIPE_BATCH_SIZE = 32
# The tagger, parser and NER hold their activations for a whole batch at once, so a worker's memory follows the
# characters in a batch, not the documents: one 150k-character debate transcript alone took +520 MB. A body longer
# than PIECE_CHARS is parsed in pieces cut at paragraph or sentence ends and joined back into one Doc, and a batch
# holds at most BATCH_CHARS characters (benchmarks/pipeline.py --real measures the workers' peak).
PIECE_CHARS = 10_000
BATCH_CHARS = 60_000
# Where a piece may end: after a blank line, else after a sentence's end, else after any space.
_PARAGRAPH_END = re.compile(r"\n\s*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass
class Facts:
    """Every fact row extracted from a batch of documents, ready to load."""

    entities: list[Entity] = field(default_factory=list)
    aliases: list[EntityAlias] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


def extract_facts(docs: list[Document], nlp=None) -> Facts:
    """Entities, mentions, quotes, events and quantities of every document (rewrites included)."""
    nlp = nlp or load_nlp()
    # The model is English: other languages would yield noise, so they get no facts (parse records the language).
    docs = [d for d in docs if d.language in (None, "en") or d.language.startswith("en")]
    return facts_from_parsed(zip(docs, parse_bounded(nlp, [d.body for d in docs])))


def parse_bounded(nlp, bodies: list[str], piece_chars: int = PIECE_CHARS, batch_chars: int = BATCH_CHARS):
    """One spaCy Doc per body, in order, with the text parsed at once bounded by characters whatever the bodies:
    long bodies go through the model in pieces (see PIECE_CHARS), joined back so offsets and sentences are the
    body's. Lazy: only one batch's Docs are alive at a time."""
    from spacy.tokens import Doc

    pieces = [split_body(body, piece_chars) for body in bodies]
    body_no, pending = 0, []  # the body being joined, and its pieces parsed so far
    for batch in _batches([p for parts in pieces for p in parts], batch_chars):
        for sdoc in nlp.pipe(batch, batch_size=len(batch)):
            pending.append(sdoc)
            if len(pending) == len(pieces[body_no]):
                yield pending[0] if len(pending) == 1 else Doc.from_docs(pending, exclude=["tensor"])
                body_no, pending = body_no + 1, []


def _batches(texts: list[str], batch_chars: int):
    """Consecutive texts, at most PIPE_BATCH_SIZE of them and about batch_chars characters per batch."""
    batch, size = [], 0
    for text in texts:
        if batch and (size + len(text) > batch_chars or len(batch) >= PIPE_BATCH_SIZE):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def split_body(body: str, limit: int = PIECE_CHARS) -> list[str]:
    """The body in consecutive pieces of at most limit characters that join back into it, each ending after a blank
    line where one falls in the piece's second half, else after a sentence's end, else after a space."""
    out, start = [], 0
    while len(body) - start > limit:
        window = body[start:start + limit]
        cut = 0
        for pattern in (_PARAGRAPH_END, _SENTENCE_END):
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2 and m.end() < len(window)]
            if ends:
                cut = ends[-1]
                break
        if not cut:
            cut = window.rfind(" ", limit // 2) + 1 or limit
        out.append(body[start:start + cut])
        start += cut
    out.append(body[start:])
    return out


def facts_from_parsed(pairs) -> Facts:
    """The rules alone, over (document, spaCy doc of its body) pairs: cheap, linear scans per document."""
    lex = lexicon()
    facts = Facts()
    all_mentions = []
    for doc, sdoc in pairs:
        mentions = add_nicknamed_names(doc.body, doc_entity_mentions(doc.body, sdoc.ents, lex))
        mentions = join_following_surnames(doc.body, share_joined_surnames(doc.body, mentions, lex))
        mentions = add_names_after_inverted_cues(doc.body, add_missed_full_names(doc.body, mentions, lex, sdoc), lex, sdoc)
        mentions = drop_name_compounds(add_missed_name_parts(doc.body, mentions))
        mentions = people_named_as_relatives(doc.body, mentions, lex, sdoc)
        mentions = add_untagged_titled_people(doc.body, mentions, lex, body_words(lex))
        name_titled_people(mentions, lex, body_words(lex))
        type_by_all_mentions(doc.body, mentions, lex, sdoc)
        resolve_aliases(mentions, lex, doc.body)
        read_family_names(doc, mentions, lex, sdoc)
        link_short_forms(doc.body, mentions, lex)
        link_organisation_short_forms(doc.body, mentions, body_words(lex))
        all_mentions += mentions
        ctx = DocContext(doc, sdoc, mentions)
        facts.mentions += [
            Mention(doc.doc_id, m.entity_id, m.text, m.start, m.end, ctx.sentence_no(m.start)) for m in mentions
        ]
        facts.events += events(ctx, lex)
        facts.quantities += quantities(doc.doc_id, doc.body, lex)
        facts.quotes += _doc_quotes(ctx, lex, mentions)
    facts.entities, facts.aliases = build_entities(all_mentions, lex)
    return facts


def _doc_quotes(ctx: DocContext, lex, mentions) -> list[Quote]:
    # Speakers are named by the document's own best form of each entity.
    ctx.names = {e.entity_id: e.name for e in build_entities(mentions, lex)[0]}
    direct = direct_quotes(ctx, lex)
    quotes = sorted(direct + indirect_quotes(ctx, lex, direct), key=lambda q: q.start_char)
    _carry_roles(quotes)
    return quotes


def _carry_roles(quotes: list[Quote]) -> None:
    """A speaker introduced with a role ("Lim Soo-suk, South Korea’s Foreign Ministry spokesperson") keeps it
    when a later quote names them bare ("Lim said at a briefing")."""
    roles: dict[str, str] = {}
    for q in quotes:
        if q.speaker_entity_id is None:
            continue
        if q.speaker_role:
            roles[q.speaker_entity_id] = q.speaker_role
        else:
            q.speaker_role = roles.get(q.speaker_entity_id)
