"""Texts read out or cited for someone else: the writer speaks, not the reader.

Political reporting quotes letters, posts, notes and text messages through the person who reads them out: "he quoted
a text message he had received from the health secretary, Bridget Okonkwo-Hale: “...”", "read to the council a
letter from a doctor in Tarvos, Dr. Samira Khalidi: “...”", "a statement attributed to Secretary of State X: “...”",
"It was signed by the chief whip, Rhodri Gethin ... It reads: “...”". The subject of "read", "quoted" or "released"
lends a voice; the words are the writer's (speaker_basis `relayed`). A text is followed across sentences ("... the
email he sent to the board. It read, in part: “...”"), its writer may stand in a clause on it ("a letter she had
written to him"), and the one it was sent to ("sent to X", the outlet that asked: "They sent us this:") is not it.
The frame of a text names its author and those who only pass it on apart (speakers46): "by" on any participle hung
on the text is its author ("left at the station by X", "filed by X") unless the participle passes it on ("seen by",
"read out by", "forwarded by": lexicon speech.passing_participles); a name at the end of a chain of appositions ("the
resort's owner, the investor X") or in commas after the whole phrase is the writer; a body's team or committee
writes for the body when the phrase names no person ("from Fortuna's customer services team"). The frame decides,
not the tagger (speakers51): "by" on the text's own noun ("a 2019 letter by X") is its writer; a name set in
apposition to the writer phrase is the writer whatever type the model gave it; a name standing where a place does ("a
teacher in Chippewa Falls") is no one. A description as the writer in a clause on the text ("a text his wife sent")
is the one the story's reading of descriptions names, else a voice it never names, never the reader (speakers58).
The subject of the verb that sent the text ("X sent a message that Mrs Gage read:") and "from" on the verb reading it
out ("She read one aloud, from Doris Kemp:") name its writer too (speakers65).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon, people_word
from newsfacts.facts.speaker_phrase import appositions_of_phrase
from newsfacts.facts.speakers import Speaker, resolve_speaker

# Verbs whose subject wrote or sent the text ("a letter X had mailed to her campaign") and participles whose agent or
# object of "to" did ("signed by X", "attributed to X").
_WRITING = ("wrote", "written", "sent", "mailed", "emailed", "texted", "posted", "penned", "signed", "authored")
_ATTRIBUTING = ("attributed", "signed", "written", "sent", "penned", "authored")
_FROM = ("from",)
# What a person sends from that is theirs, not a second person ("from the president's account", not "from the
# association's founder").
_CHANNELS = ("account", "accounts", "phone", "office", "page", "feed", "handle", "inbox", "desk")
_READS = re.compile(r"^\s*(?:It|The\s+(?:[a-z-]+\s+)?(?:note|letter|message|text|email|post|card))\s+"
                    r"(?:reads|read|says|said|ran|runs)(?:,\s*in\s+part,?)?\s*:\s*$")
_SIGNED_BY = re.compile(r"\b(?:signed|written|sent|penned|authored)\s+by\s+")


def _texts(lex: Lexicon) -> frozenset:
    return frozenset(lex.raw["speech"]["relayed_texts"]) | lex.written_texts | {"statement", "statements"}


def _person_in(ctx: DocContext, start: int, end: int, places: bool = True) -> Speaker | None:
    """The one person named in body[start:end], outside quotation marks (the last, when a description precedes:
    "a doctor in the besieged city of Tarvos, Dr. Samira Khalidi"). Without `places`, a name standing where a place
    does ("signed by a third-grade teacher in Chippewa Falls", a town the model typed a person) is no one."""
    people = [m for m in ctx.mentions_in(start, end) if m.type == "PERSON" and not ctx.in_quote(m.start)
              and (places or not _where(ctx, m))]
    if not people or len({m.entity_id for m in people}) > 1:
        return None
    m = people[-1]
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end, start=m.start, end=m.end)


# Prepositions of place: their object is where someone is, not who they are.
_PLACE_PREPOSITIONS = ("in", "at", "near", "outside", "inside")


def _where(ctx: DocContext, m) -> bool:
    """The mention is the object of a preposition of place ("a teacher in Chippewa Falls")."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "pobj" \
        and span.root.head.lower_ in _PLACE_PREPOSITIONS


_HONORIFIC = re.compile(r",\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+)?$")


def _named_at_the_colon(ctx: DocContext, start: int, end: int) -> Speaker | None:
    """"a letter from a doctor in the besieged city of Tarvos, Dr. Samira Khalidi:": the person named in apposition
    at the end of the lead, after a comma, is the one the description after "from" stands for."""
    people = [m for m in ctx.mentions_in(start, end) if m.type == "PERSON" and not ctx.in_quote(m.start)]
    if not people:
        return None
    m = people[-1]
    if ctx.body[m.end : end].strip() != ":" or not _HONORIFIC.search(ctx.body[start : m.start]):
        return None
    # "A message from the founder, ..., was read out by his niece, Clare:": a verb between makes it someone else (the
    # "by" that opens the lead is the writer's own: "a letter sent to the council by the mayor of Sarn, Dilara Enver:")
    if any((t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ == "by") and t.idx > start for t in ctx.sdoc.char_span(
            start, m.start, alignment_mode="expand") or []):
        return None
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end, start=m.start, end=m.end)


# Verbs of passing a text on: its writer speaks through the one who reads, quotes or shows it.
_READING = ("read", "reads", "reading", "quoted", "quotes", "quoting", "cited", "cites", "citing", "shared", "sharing",
            "showed", "shows", "showing", "played", "playing", "released", "received", "forwarded", "produced",
            "attributed", "wrote", "written", "sent", "mailed", "signed")


def _read_out(noun) -> bool:
    """The text is what a verb of passing it on acts on ("read from a letter", "quoted a text message")."""
    tok = noun
    for _ in range(4):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.lower_ in _READING:
            return True
    return False


def _medium(noun) -> bool:
    """"In a post on X, Quilty wrote:": the text is where its subject wrote, no one else read it out."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "on", "via", "through")


def _apposition_chain(obj) -> list:
    """The phrase and what stands in apposition to it, and to that in turn ("the resort's majority owner, the
    investor Ruth Albrecht": owner, investor, Albrecht)."""
    chain = [obj]
    for tok in chain:
        if len(chain) > 4:
            break
        chain += [a for a in appositions_of_phrase(tok) if a not in chain]
    return chain


def _person_headed_by(ctx: DocContext, obj) -> Speaker | None:
    """The person the object of "from" names, itself or in apposition ("from the health secretary, Bridget
    Okonkwo-Hale"), not one named in a clause on it ("from a listener who washed dishes at Ember"). A name the parse
    sets in apposition to the writer phrase is its writer whatever type the model gave it ("from Serenity's chief
    executive, Jonathan Lisle," tagged an organisation: the frame says who wrote, not the tagger)."""
    for tok in _apposition_chain(obj):  # "by the mayor of Sarn, Dilara Enver": her
        m = next((m for m in ctx.mentions if (m.type == "PERSON" or tok is not obj and m.type == "ORG")
                  and m.start <= tok.idx < m.end and not ctx.in_quote(m.start)), None)
        if m is not None:
            return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end, start=m.start,
                           end=m.end)
        if tok is not obj and not any(m.start <= tok.idx < m.end for m in ctx.mentions):
            name = _untagged_name(tok)  # "by one of the injured passengers, Doreen Wharfe": a name the model missed
            if name is not None:
                return Speaker(None, ctx.body[name[0] : name[1]], start=name[0], end=name[1], name_start=name[0],
                               name_end=name[1])
    # "an email from a constituent, Maria Lopes, who ...", "by Northgate's head of marketing, Owen Saddler,", "from
    # the resort's owner, the investor Ruth Albrecht,": the name in commas right after the object or after its
    # phrase, perhaps after a description of its own, however the parse hung it
    ends = (obj.idx + len(obj), obj.right_edge.idx + len(obj.right_edge))
    m = next((m for m in ctx.mentions for after in ends if after < m.start <= after + 60
              and m.type == "PERSON"
              and _NAMED_IN_COMMAS.fullmatch(ctx.body[after : m.start])), None)
    if m is not None:
        return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end, start=m.start, end=m.end)
    return None


# How far after a text's writer phrase opens a name in apposition to it may stand ("Quillfeather's co-founder and
# chief executive, Dana Whitcombe").
_APPOSED_WITHIN = 80
# A comma, then perhaps a description ("the investor") and an honorific, before a name in apposition ("the" alone
# before a title the model took into the name: "the Bishop of Wenmouth, the Rt Rev Alan Strand").
_NAMED_IN_COMMAS = re.compile(r",\s*(?:the\s+(?:[a-z-]+\s+){0,3})?(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?")


def _untagged_name(tok) -> tuple[int, int] | None:
    """A proper name of two or three capitalised words the parse holds together (compounds on a proper noun)."""
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
    if tok.tag_ != "NNP" or not 2 <= len(words) <= 3 or words[-1].i - words[0].i != len(words) - 1 \
            or not all(w.tag_ == "NNP" and w.text[:1].isupper() and w.text[1:].islower() for w in words):
        return None
    return words[0].idx, tok.idx + len(tok)


def _span(tok) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


@lru_cache(maxsize=4)
def _passing(lex: Lexicon) -> frozenset:
    """Participles of passing a text on (lexicon speech.passing_participles), built once per lexicon."""
    return frozenset(lex.raw["speech"]["passing_participles"])


def _authors_agent(tok, noun, lex: Lexicon) -> bool:
    """"by" on a participle hung on the text names its author ("a letter left at the station by X", "a complaint
    filed by X"), unless the participle passes someone else's text on ("seen by The Exchange Daily", "read out by
    Ms Munday": a reader, never the writer)."""
    verb = tok.head
    return tok.dep_ == "agent" and verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i == noun.i \
        and verb.lower_ not in _passing(lex)


def _by_on_the_text(tok, noun) -> bool:
    """"a 2019 letter by the former town surveyor, Graham Pike": "by" on the text's own noun names who wrote it, as
    the agent of a participle of writing does (one that passes it on, "read out by", is a participle's agent)."""
    return tok.dep_ == "prep" and tok.lower_ == "by" and tok.head.i == noun.i


def _owning_body(ctx: DocContext, obj, lex: Lexicon) -> Speaker | None:
    """"from Fortuna's customer services team", "signed by the guild's negotiating committee": a part of a body
    that is not a person (a team, a committee, a desk) writes for the body that owns it, as the story names it."""
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    # the noun, its conjuncts and the adjectives on them ("co-founder and chief executive": a title), not the
    # nouns naming what a team does ("customer services team")
    nouns = [obj, *(c for c in obj.children if c.dep_ == "conj")]
    words = [w for n in nouns for w in (n.lower_, *(t.lower_ for t in n.children if t.dep_ == "amod" and t.i < n.i))]
    if owner is None or owner.tag_ == "PRP$" or any(people_word(w, lex, titles=True) for w in words):
        return None  # "from the company's chief executive": a person, whom the other readings name or not
    # "by Quillfeather's co-founder and chief executive, Dana Whitcombe,": a person named in the phrase or set off by
    # a comma just after it (however the parse hung the words) is the writer, not the firm
    start, end = _span(obj)
    named = ctx.mentions_in(owner.left_edge.idx, owner.idx + len(owner))
    if any(m.type == "PERSON" and (m.end <= end or ctx.body[m.start - 2 : m.start] == ", ") and m not in named
           for m in ctx.mentions_in(start, max(end, obj.idx + _APPOSED_WITHIN))):
        return None
    owned = resolve_speaker(ctx, owner.left_edge.idx, owner.idx + len(owner), lex)
    # a body by its own name owns a team whatever type the model gave the name ("Fortuna's customer services team"
    # with Fortuna Games typed a person): a team, committee or desk is no one's family or staff of one
    return owned if owned.entity_id is not None and (named or not ctx.is_person(owned.entity_id)) else None


def _writer_of(ctx: DocContext, noun, end: int, lex: Lexicon) -> Speaker | None:
    """The writer the words after a text noun name: "from X" (also "received ... from X"), "attributed to X",
    "signed by X", or the subject of a verb of writing or sending in a clause on it ("X had mailed")."""
    # "reading aloud an email from a constituent": a "from" right after the text, whatever the parse hung it on
    following = [noun.nbor()] if noun.i + 1 < len(noun.doc) and noun.nbor().lower_ in _FROM else []
    body = None
    for tok in [*noun.subtree, *following]:
        if tok.idx >= end or tok.i < noun.i or ctx.in_quote(tok.idx):
            continue
        # "attributed to X" is X's, "sent to X" is written to X (the addressee, never the writer)
        if tok.dep_ == "prep" and tok.lower_ in _FROM or (tok.dep_ in ("prep", "agent") and tok.head.lower_ in _ATTRIBUTING
                                                        and (tok.lower_ == "by" or tok.lower_ == "to"
                                                             and tok.head.lower_ == "attributed")) \
                or _authors_agent(tok, noun, lex) or _by_on_the_text(tok, noun):
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            found = _person_headed_by(ctx, obj)
            if found is None:
                found = _named_at_the_colon(ctx, tok.idx, end)
            if found is None:
                owner = next((c for c in obj.children if c.dep_ == "poss"), None)
                if owner is not None and obj.lower_ in _CHANNELS:  # "from the president's account": the president
                    owned = resolve_speaker(ctx, owner.left_edge.idx, owner.idx + len(owner), lex)
                    people = {m.entity_id for m in ctx.mentions if m.type == "PERSON"}
                    found = owned if owned.entity_id in people else None
            if found is None and body is None:
                body = _owning_body(ctx, obj, lex)  # the last resort: a person named anywhere in the phrase first
            if found is None and tok.lower_ in ("from", "by"):  # "a letter sent by a fisherman in Donegal, which
                s, e = _span(obj)  # said:": a writer described, never named (up to a comma before a clause)
                comma = ctx.body.find(",", obj.idx, e)
                described = resolve_speaker(ctx, s, comma if comma >= 0 else e, lex)
                indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in obj.children)
                plain = described.name and not re.search(r"\b(?:who|whom|that|which)\b", described.name)
                found = described if plain and (described.unnamed or (indefinite and described.entity_id is None
                                                                      and obj.tag_ == "NN")) else None
                if found is None and plain and _one_named_apart(ctx, noun, obj, described):
                    found = described  # "a text message she had received from the chef": the chef the story named
            if found is not None:
                return found
    return _writer_in_its_clause(ctx, noun, end, lex) or _sender_of_it(ctx, noun, end, lex) \
        or _written_by_the_one_named(ctx, noun, end) or body


def _sender_of_it(ctx: DocContext, noun, end: int, lex: Lexicon) -> Speaker | None:
    """"The town's MP, Sarah Lyle, sent a message that Mrs Gage read to a rally:": the text is the object of a verb
    of writing or sending, whose subject wrote it whoever reads it out in a clause on it; a subject the story names
    (or a pronoun standing for one), not the outlet ("we", "I") nor a description."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lower_ not in _WRITING or not verb.tag_.startswith("VB") or verb.idx >= end:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and not ctx.in_quote(c.idx)), None)
    if subject is None or subject.lower_ in ("i", "we", "you", "who", "which", "that"):
        return None
    if subject.tag_ != "PRP":  # "The town's MP, Sarah Lyle,": the person the phrase names, itself or in apposition
        return _person_headed_by(ctx, subject)
    found = resolve_speaker(ctx, *_span(subject), lex)
    return found if found.entity_id is not None and not found.unnamed else None


def _one_named_apart(ctx: DocContext, noun, obj, described: Speaker) -> bool:
    """A definite description after "from" ("from the chef") that the story's reading of descriptions gives a person
    named in it, when that person is not named in the text's own sentence before it (the reader, the one it was sent
    to: "Mrs Petrou read out a text she had received from the chef" is not hers)."""
    if described.entity_id is None or described.unnamed or not ctx.is_person(described.entity_id):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children) or any(
            c.dep_ == "poss" for c in obj.children) or obj.tag_ != "NN":
        return False
    sent = noun.sent
    return not any(m.entity_id == described.entity_id for m in ctx.mentions_in(sent.start_char, obj.idx))


def _writer_in_its_clause(ctx: DocContext, noun, end: int, lex: Lexicon) -> Speaker | None:
    """"a card the temple had sent to the mosque", "the email he sent to the company": the subject of a verb of
    writing or sending in a clause on the text wrote it, a person, an organisation or a pronoun standing for one
    (not the one it was sent to, the object of "to")."""
    for verb in (t for t in noun.children if t.dep_ in ("relcl", "acl") and t.lower_ in _WRITING and t.idx < end):
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and not ctx.in_quote(c.idx)), None)
        if subject is None or subject.lower_ in ("i", "we", "you", "who", "which", "that"):
            continue
        s, e = _span(subject)
        found = resolve_speaker(ctx, s, e, lex)
        if not found.name:
            continue
        # a pronoun stands for whoever the story points at; a phrase must name the writer: a description ("a card
        # the temple had sent", "a message the defendant sent") is not lent to someone near (the one reading it out)
        if found.entity_id is not None and not found.unnamed and (subject.tag_ == "PRP" or any(
                m.entity_id == found.entity_id for m in ctx.mentions_in(s, e))):
            return found
        described = _described_writer(ctx, noun, subject, found)
        if described is not None:
            return described
    return None


def _described_writer(ctx: DocContext, noun, subject, found: Speaker) -> Speaker | None:
    """The writer a clause on the text gives by a description ("a text his wife sent at noon", "a message that the
    ring sent to every customer"): the one the story's reading of descriptions names. A description naming no one,
    or one the reading lends to someone named in the text's own sentence before it (the reader, the one it was sent
    to: had they written it, the clause would say "he sent"), is a voice the story never names, kept as said: never
    the reader's."""
    if subject.tag_ not in ("NN", "NNS") or not any(c.dep_ in ("det", "poss") for c in subject.children):
        return None
    sent = noun.sent
    if found.unnamed or found.entity_id is None or any(
            m.entity_id == found.entity_id for m in ctx.mentions_in(sent.start_char, subject.idx)):
        s, e = _span(subject)
        return Speaker(name=ctx.body[s:e], start=s, end=e, unnamed=True)
    return found


def _written_by_the_one_named(ctx: DocContext, noun, end: int) -> Speaker | None:
    """"a letter she said a retired steelworker in Youngstown, Walter Pruszynski, had mailed to her campaign:": one
    person named between the text and a verb of writing or sending after it (whatever the parse made of the clause)."""
    verbs = [t for t in noun.doc[noun.i + 1 : noun.sent.end] if t.idx < end and t.lower_ in _WRITING
             and t.tag_.startswith("VB") and not ctx.in_quote(t.idx)]
    if not verbs:
        return None
    found = _person_in(ctx, noun.idx, verbs[0].idx)
    if found is None:
        return None
    name = ctx.sdoc.char_span(found.name_start, found.name_end, alignment_mode="expand")
    if name is not None and len(name) and name.root.dep_ == "pobj" and name.root.head.lower_ in ("to", "for"):
        return None  # "in a text message to Mr Greaves ..., had written:": the one written to
    return found


def writer_of_read_out(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """The writer of a text the quote's sentence names just before a colon that runs into the quote ("read from a
    letter she said a retired steelworker, Walter Pruszynski, had mailed to her campaign: “...”"), or, for "It reads:",
    the one the sentences before say signed it. None when no writer is named (the rules for nameless writers apply)."""
    sent = ctx.sentence_at(q.outer_start)
    lead = ctx.body[sent.start_char : q.outer_start]
    if not lead.rstrip().endswith(":"):
        return None
    texts = _texts(lex)
    verbs = [t for t in sent if t.idx < q.outer_start and t.tag_.startswith("VB") and not ctx.in_quote(t.idx)]
    # "Marion Achebe, holding a card from the local MP, Daniel Frost, said:": her own verb of speech runs into the
    # quote and the card is only held; a text read, quoted or shown out runs into it otherwise
    own_speech = bool(verbs) and verbs[-1].lower_ in lex.cues and verbs[-1].lower_ not in _READING
    for noun in (t for t in sent if t.idx < q.outer_start and t.lower_ in texts and t.tag_.startswith("NN")
                 and not ctx.in_quote(t.idx) and not _medium(t) and not (own_speech and not _read_out(t))):
        found = _writer_of(ctx, noun, q.outer_start, lex)
        if found is not None:
            return found.found_by("relayed")
    if _READS.match(lead):
        found = _signed_before(ctx, ctx.sentence_no(q.outer_start), lex)
        if found is not None:
            return found
    return _writer_of_the_text_read_back(ctx, sent, q.outer_start, lex) or _read_from_its_writer(ctx, verbs) \
        or _sender_of_what_follows(ctx, verbs, lex)


# Verbs of reading out or showing a text, whose "from" may name its writer.
_READING_OUT = ("read", "reads", "reading", "quoted", "quotes", "quoting", "shared", "showed", "shows")


def _read_from_its_writer(ctx: DocContext, verbs: list) -> Speaker | None:
    """"She read one aloud, from 89-year-old Doris Kemp:": "from" on the verb of reading out names the person the
    text comes from, its writer ("read from a letter" names a text, no one: the readings of the text noun apply)."""
    if not verbs or verbs[-1].lower_ not in _READING_OUT:
        return None
    source = next((c for c in verbs[-1].children if c.dep_ == "prep" and c.lower_ in _FROM), None)
    obj = next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
    found = _person_headed_by(ctx, obj) if obj is not None else None
    return found.found_by("relayed") if found is not None else None


_SENDING = ("sent", "emailed", "texted", "mailed", "forwarded")


def _sender_of_what_follows(ctx: DocContext, verbs: list, lex: Lexicon) -> Speaker | None:
    """"We put that to the ministry. They sent us this: “...”", "The company emailed the Post a statement: “...”":
    the subject of a verb of sending whose object is the text that follows wrote it (the one it was sent to, often
    the outlet that reads it out, did not)."""
    if not verbs or verbs[-1].lower_ not in _SENDING:
        return None
    verb = verbs[-1]
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if obj is None or subject is None or not (obj.lower_ in ("this", "following") or obj.lower_ in _texts(lex)):
        return None
    found = resolve_speaker(ctx, *_span(subject), lex)
    if found.name is None and subject.lower_ in ("they", "it"):
        found = _the_one_asked_before(ctx, verb, lex) or found
    if found.name is None or found.entity_id is None and not found.unnamed:
        return None
    return found.found_by("relayed")


_PUTTING = ("put", "asked", "contacted", "approached", "sent", "emailed", "took")


def _the_one_asked_before(ctx: DocContext, verb, lex: Lexicon) -> Speaker | None:
    """"We put that worry to the employment minister's office. They sent us this:": "they" (or "it") is the body the
    sentence before put the question to, kept as the description the story gives it when it names no one."""
    no = ctx.sentence_no(verb.idx)
    if no == 0:
        return None
    for asking in (t for t in ctx.sentences[no - 1] if t.lower_ in _PUTTING and t.tag_.startswith("VB")):
        # "put that worry to X": the "to" on the verb or, as the parse may hang it, on its object
        to = next((c for t in [asking, *(c for c in asking.children if c.dep_ == "dobj")] for c in t.children
                   if c.dep_ == "prep" and c.lower_ == "to"), None)
        body = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None \
            else next((c for c in asking.children if c.dep_ == "dobj"), None)
        if body is None or body.tag_ not in ("NN", "NNS", "NNP", "NNPS") or body.lower_ in lex.person_pronouns:
            continue
        s, e = _span(body)
        found = resolve_speaker(ctx, s, e, lex)
        if found.entity_id is not None:
            return found
        if body.tag_ in ("NN", "NNS"):
            return Speaker(name=ctx.body[s:e], start=s, end=e, unnamed=True)
    return None


# "It read, in part:", "Ms Byrne said it read:", "The letter went on:": the text of a sentence before speaks on
_TEXT_READS = re.compile(r"(?:^|[\s,])(?:(?P<it>[Ii]t)|[Tt]he\s+(?:[a-z-]+\s+)?(?P<noun>[a-z-]+))\s+"
                         r"(?:reads|read|ran|runs|went\s+on|goes\s+on|continued|continues|(?(noun)said|says))"
                         r"(?:,\s*in\s+part,?)?\s*:\s*$")


def _writer_of_the_text_read_back(ctx: DocContext, sent, start: int, lex: Lexicon) -> Speaker | None:
    """A text tracked across sentences: "... shared the email he sent to the company on 7 October. It read, in part:
    “...”" is the writer's, whoever shows or reads it out. "It" (or "the letter") is the last text the sentence
    or the two before it name; its writer as the sentence that names it says (from, signed by, a clause of writing)."""
    lead = ctx.body[sent.start_char : start]
    m = _TEXT_READS.search(lead)
    texts = _texts(lex)
    if not m or (m.group("noun") and m.group("noun") not in texts):
        return None
    at = sent.start_char + m.start()
    no = ctx.sentence_no(at)
    for earlier in reversed(ctx.sentences[max(no - 2, 0) : no + 1]):
        nouns = [t for t in earlier if t.idx < at and t.tag_.startswith("NN") and not ctx.in_quote(t.idx)
                 and (t.lower_ == m.group("noun") if m.group("noun") else t.lower_ in texts)]
        if nouns:
            found = _writer_of(ctx, nouns[-1], min(earlier.end_char, at), lex)
            return found.found_by("relayed") if found is not None else None
    return None


def _signed_before(ctx: DocContext, no: int, lex: Lexicon) -> Speaker | None:
    """"It was signed by the chief whip, Rhodri Gethin, and passed to rebels ... It reads:": the signer named in one
    of the two sentences before."""
    for sent in reversed(ctx.sentences[max(no - 2, 0) : no]):
        text = ctx.body[sent.start_char : sent.end_char]
        m = _SIGNED_BY.search(text)
        if m:
            start = sent.start_char + m.end()
            people = [p for p in ctx.mentions_in(start, min(start + 80, sent.end_char)) if p.type == "PERSON"]
            if people:
                p = people[0]
                return Speaker(p.entity_id, ctx.names[p.entity_id], basis="relayed", start=p.start, end=p.end,
                               name_start=p.start, name_end=p.end)
            named = _UNTAGGED_SIGNER.match(text, m.end())
            if named:  # "signed by the chief whip, Rhodri Gethin," with the name the model did not tag
                s = sent.start_char + named.start("name")
                return Speaker(None, named.group("name"), basis="relayed", start=s, end=s + len(named.group("name")))
    return None


# "the chief whip, Rhodri Gethin,": a description, then a capitalised name of two or three words in commas
_UNTAGGED_SIGNER = re.compile(r"(?:the|her|his|its|their)\s+(?:[a-z-]+\s+){0,3}[a-z-]+,\s+"
                              r"(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})\s*[,;.]")


_THE_TEXT = re.compile(r"^the\s+(?:[a-z-]+\s+){0,2}(?P<noun>letter|note|email|e-mail|memo|message|post|statement|text|"
                       r"tweet|card)$", re.I)
_WROTE = ("wrote", "sent", "penned", "signed", "posted", "emailed", "texted", "mailed")


def writer_of_the_text(ctx: DocContext, start: int, end: int, lex: Lexicon) -> Speaker | None:
    """"Councillor Denise Hart wrote to the planning board ... the board's chair read from the letter, which said:
    “...”": "the letter" as the speaker is the one the sentences before say wrote or sent it, not the one who read it
    out; None when no one is said to have written it (the description rules apply)."""
    the_text = _THE_TEXT.match(ctx.body[start:end].strip())
    if not the_text:
        return None
    noun = the_text.group("noun").lower()
    no = ctx.sentence_no(start)
    for sent in reversed(ctx.sentences[max(no - 4, 0) : no]):
        for verb in (t for t in sent if t.lower_ in _WROTE and t.tag_.startswith("VB") and not ctx.in_quote(t.idx)):
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            # the same text ("wrote a letter"), or writing to someone ("wrote to the planning board"); not "wrote a book"
            same = any(t.lower_ in (noun, noun + "s") for t in verb.subtree) or any(
                c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
            if subject is None or not same:
                continue
            found = _person_in(ctx, subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
            if found is not None:
                return Speaker(found.entity_id, found.name, basis="relayed", start=start, end=end,
                               name_start=found.name_start, name_end=found.name_end)
        found = _signer_or_issuer(ctx, sent, noun, lex)
        if found is not None:
            found.start, found.end = start, end
            return found
    return None


_ISSUING = ("issued", "released", "published", "put")


def _signer_or_issuer(ctx: DocContext, sent, noun: str, lex: Lexicon) -> Speaker | None:
    """"China's foreign ministry issued a statement on Thursday, signed by Foreign Minister Liang Wei. The statement
    said:": the person who signed that text, else the one who issued it (a person or an organisation named)."""
    texts = [t for t in sent if t.lower_ in (noun, noun + "s") and t.tag_.startswith("NN") and not ctx.in_quote(t.idx)]
    for text in texts:
        for verb in (t for t in sent if t.lower_ in _ATTRIBUTING and t.tag_ == "VBN" and t.i > text.i):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            found = _person_in(ctx, *_span(obj), places=False) if obj is not None else None
            if found is not None:
                return found.found_by("relayed")
        verb = text.head
        if verb.lower_ in _ISSUING and text.dep_ == "dobj":
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.tag_ != "PRP":
                issuer = resolve_speaker(ctx, subject.left_edge.idx, subject.idx + len(subject), lex)
                if issuer.entity_id:
                    return issuer.found_by("relayed")
    return None


def writer_of_a_text_in(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"This week's letter comes from Colm Ferriter of Lissadell Park, who ordered ...": the writer the sentence names
    for the last text it speaks of (from, signed by, a clause of writing), for a "He writes:" that follows."""
    nouns = [t for t in sent if t.lower_ in _texts(lex) and t.tag_.startswith("NN") and not ctx.in_quote(t.idx)]
    if not nouns:
        return None
    found = _writer_of(ctx, nouns[-1], sent.end_char, lex)
    if (found is None or found.entity_id is None) and nouns[-1].dep_ == "nsubj":  # "the letter comes from X"
        source = next((c for c in nouns[-1].head.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        obj = next((c for c in source.children if c.dep_ == "pobj"), None) if source is not None else None
        found = _person_headed_by(ctx, obj) if obj is not None else None
    return found if found is not None and found.entity_id is not None else None

