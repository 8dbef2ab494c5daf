"""The facts stage: one nlp.pipe pass over a batch of documents, then cheap rules per document."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfacts.facts.context import DocContext
from newsfacts.facts.dates import events
from newsfacts.facts.entities import (
    add_missed_name_parts,
    build_entities,
    doc_entity_mentions,
    drop_name_compounds,
    resolve_aliases,
)
from newsfacts.facts.lexicon import lexicon
from newsfacts.facts.nlp import load_nlp
from newsfacts.facts.quantities import quantities
from newsfacts.facts.quotes import direct_quotes, indirect_quotes
from newsfacts.records import Document, Entity, EntityAlias, Event, Mention, Quantity, Quote

# Documents per nlp.pipe batch: news bodies run ~1k tokens; 8, 32 and 128 measured within noise of each other
# (benchmarks/facts_quality.py), and 32 keeps a batch's parsed docs small in memory.
PIPE_BATCH_SIZE = 32


@dataclass
class Facts:
    """Every fact row extracted from a batch of documents, ready to load."""

    entities: list[Entity] = field(default_factory=list)
    aliases: list[EntityAlias] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


def extract_facts(docs: list[Document], nlp=None, n_process: int = 1) -> Facts:
    """Entities, mentions, quotes, events and quantities of every document (rewrites included)."""
    nlp = nlp or load_nlp()
    # The model is English: other languages would yield noise, so they get no facts (parse records the language).
    docs = [d for d in docs if d.language in (None, "en") or d.language.startswith("en")]
    parsed = nlp.pipe((d.body for d in docs), batch_size=PIPE_BATCH_SIZE, n_process=n_process)
    return facts_from_parsed(zip(docs, parsed))


def facts_from_parsed(pairs) -> Facts:
    """The rules alone, over (document, spaCy doc of its body) pairs: cheap, linear scans per document."""
    lex = lexicon()
    facts = Facts()
    all_mentions = []
    for doc, sdoc in pairs:
        mentions = drop_name_compounds(add_missed_name_parts(doc.body, doc_entity_mentions(doc.body, sdoc.ents, lex)))
        resolve_aliases(mentions, lex)
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
