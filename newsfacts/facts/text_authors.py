"""Whose words a text speaks: its author, never the one who reads it out, shows it or quotes it.

News writing hands a quotation to a text as often as to a person: "The agency's 16:00 bulletin, read on air by our
duty editor, said:", "The letter, addressed to the vice-chancellor, ..., reads in part:", "The owners announced the
closure in a post ... It read:". The text is then the grammatical subject of the line that runs into the words, and
its author is the one the text's own phrase or the sentences before name:
- the text's owner ("the agency's bulletin": the agency, as the story names it);
- its writer in the phrase (from X, signed by X, attributed to X, a clause "X had sent"; relayed_texts._writer_of);
- the issuer of the same text in one of the sentences before ("X issued a statement", "X announced ... in a post",
  "a letter X had sent"), tracked by its noun or by "it";
When none of these names a person or a body, the text itself speaks ("The letter ... reads:" is the letter's,
however many sign it), never a person named inside its phrase (the one it is addressed to, the one who reads it out).
A person who reads a text out ("Mr Okeke read part of it:", "as she read:") lends a voice: the words are the
author's as above; a writer described but not named ("a text message from a listener") is left to relayed_texts;
and only when the story gives the text no author at all, and no other rule found a speaker, are they the reader's own
("Her daughter read a victim impact statement to the court on behalf of the family. ... as she read:").
The evidence kept is the words naming the author (speaker_basis `relayed`, as for texts read out by a person).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon, people_word
from newsfacts.facts.relayed_texts import _passing, _signer_or_issuer, _texts, _writer_of
from newsfacts.facts.speakers import Speaker, pronoun_antecedent, resolve_speaker

# The verbs a text runs into its words with ("The letter reads:", "It began:", "The bulletin said:").
_TEXT_VERBS = ("read", "reads", "said", "says", "began", "begins", "ran", "runs", "went", "goes", "continued",
               "continues", "stated", "states", "warned", "warns", "added", "adds", "concluded", "concludes")
# Verbs whose subject puts a text out ("X issued a statement", "X announced the closure in a post").
_ISSUING = ("issued", "released", "published", "posted", "sent", "wrote", "signed", "put", "announced", "shared",
            "tweeted", "emailed", "mailed", "penned", "circulated", "made")
# Of those, verbs of making something public, whose object need not be the text ("announced the decision").
_ANNOUNCING = ("issued", "released", "published", "posted", "announced", "tweeted", "circulated")
_SETTINGS = ("in", "on", "via", "through")
_WRITTEN = ("wrote", "written", "sent", "mailed", "emailed", "texted", "posted", "penned", "signed", "issued")
# Verbs of voicing a text someone else put out ("Mr Okeke read part of it:", "as she read:").
_READING = ("read", "reading", "quoted", "quoting", "recited", "reciting")


_NOUNS: dict[int, frozenset] = {}


def _text_nouns(lex: Lexicon) -> frozenset:
    """The lexicon's nouns for a text, built once per lexicon (read for every token of a line)."""
    if id(lex) not in _NOUNS:
        _NOUNS[id(lex)] = _texts(lex) | frozenset(lex.raw["speech"]["issued_texts"])
    return _NOUNS[id(lex)]


def _is_text(tok, lex: Lexicon) -> bool:
    """A common noun for a text ("the post", not "The Post", a newspaper that speaks for itself)."""
    return tok is not None and tok.tag_ in ("NN", "NNS") and tok.lower_ in _text_nouns(lex)


def _named(found: Speaker | None) -> Speaker | None:
    """A person or a body the story names (an entity), not a description of a group ("More than 600 academics")."""
    return found if found is not None and found.name and found.entity_id is not None else None


_PROPER_NAME = re.compile(r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}")


def _named_or_untagged(found: Speaker | None) -> Speaker | None:
    """_named, or a proper name the model left untagged ("an email from her wholesaler, Medilink Distribution,")."""
    if found is not None and found.entity_id is None and found.name and not found.unnamed \
            and _PROPER_NAME.fullmatch(found.name):
        return found
    return _named(found)


def _owner(ctx: DocContext, noun, lex: Lexicon) -> Speaker | None:
    """"The agency's 16:00 bulletin": the owner in the possessive, as the story names it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:  # "the Fenwick Rovers statement": a name before the text's noun
        named = [m for c in noun.children if c.dep_ == "compound" and c.i < noun.i
                 for m in ctx.mentions_in(c.left_edge.idx, c.idx + len(c)) if m.type in ("ORG", "PERSON")]
        if len({m.entity_id for m in named}) == 1:
            m = named[0]
            return Speaker(m.entity_id, ctx.names[m.entity_id], start=m.start, end=m.end, name_start=m.start,
                           name_end=m.end)
        return None
    if owner.lower_ in ("his", "her"):  # "His note, read out by Ms Munday": the man "he" would be there
        return _named(pronoun_antecedent(ctx, owner.idx, {"his": "he", "her": "she"}[owner.lower_], lex))
    if owner.lower_ in ("its", "their", "our", "my", "your"):
        return None
    start, end = owner.left_edge.idx, owner.idx + len(owner)
    found = _named(resolve_speaker(ctx, start, end, lex))
    # a name in the possessive is that author; a description ("the agency's") stands for a body the story named,
    # never for a person ("the festival's daily bulletin" is no one's the parse of people would guess), nor for a
    # body named only in a heading ("The department's reply" is not the masthead "Westhaven Courier - Health")
    if found is None or ctx.mentions_in(start, end):
        return found
    if ctx.is_person(found.entity_id) or _only_in_headings(ctx, found.entity_id):
        return None
    return found


def _only_in_headings(ctx: DocContext, entity_id: str) -> bool:
    """Every mention of the entity stands in a line with no verb (a masthead, a section label, a byline): a body
    the story itself never has do or say anything, so no description in it points back there."""
    return all(not any(t.tag_.startswith(("VB", "MD")) for t in ctx.sentence_at(m.start))
               for m in ctx.mentions if m.entity_id == entity_id)


def _issuer_in(ctx: DocContext, sent, noun_words: frozenset, lex: Lexicon, before: int) -> Speaker | None:
    """The one a sentence says put out a text of these words: the subject of the verb the text is the object of
    ("X issued a statement") or the setting of ("X announced the closure in a post"), or its writer as its phrase
    says (from X, signed by X, a clause "X had sent")."""
    for noun in (t for t in sent if t.tag_.startswith("NN") and t.lower_ in noun_words and not ctx.in_quote(t.idx)
                 and t.idx < before):
        signer = _signer_or_issuer(ctx, sent, noun.lower_, lex)  # "a statement ..., signed by Foreign Minister X"
        if signer is not None:
            return signer
        found = _named(_writer_of(ctx, noun, sent.end_char, lex)) or _owner(ctx, noun, lex) or _agent(ctx, noun, lex) \
            or _writer_described(ctx, noun, lex)
        if found is not None:
            return found
        verb = noun.head
        if noun.dep_ == "pobj" and verb.lower_ in _SETTINGS:
            verb = verb.head  # "X announced the closure in a post", "In a statement, X said"
            if verb.lower_ not in _ISSUING and verb.lower_ not in lex.cues:
                continue
        elif noun.dep_ != "dobj" or verb.lower_ not in _ISSUING:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":  # "said his client was ashamed and had written a letter"
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ == "PRP" or ctx.in_quote(subject.idx):
            continue
        found = _body(ctx, subject, lex)
        if found is not None:
            return found
    return None


def _body(ctx: DocContext, subject, lex: Lexicon) -> Speaker | None:
    """The one a subject phrase that put out a text names: a person or body named in it, else a body the story
    names by its kind, else the description of a body itself ("In a statement, the park said": the park). A
    description is never a person the resolution would guess (the one reading the text out is near)."""
    start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    found = _named(resolve_speaker(ctx, start, end, lex))
    if found is not None and (ctx.mentions_in(start, end) or not ctx.is_person(found.entity_id)):
        return found
    if subject.tag_ == "NN" and subject.lower_ not in lex.person_heads and any(
            c.dep_ == "det" and c.lower_ == "the" for c in subject.children) and not ctx.mentions_in(start, end):
        return Speaker(name=ctx.body[start : subject.idx + len(subject)], start=start, end=subject.idx + len(subject))
    return None


def _writer_described(ctx: DocContext, noun, lex: Lexicon) -> Speaker | None:
    """The subject of a verb of writing or sending in a clause on the text, when it is a body the story names ("a
    card the temple had sent": the temple, as the story names it) or one person described and never named ("an email
    he said a shift supervisor had sent": a voice no one names, kept as its description). A definite description of
    a person ("the defendant") is left alone: who it points back to is the backref rules' call."""
    for verb in (t for t in noun.subtree if t.i > noun.i and t.lower_ in _WRITTEN and t.tag_.startswith("VB")
                 and not ctx.in_quote(t.idx)):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ not in ("NN", "NNP") or ctx.in_quote(subject.idx):
            continue
        start, end = subject.left_edge.idx, subject.idx + len(subject)
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children) \
                and not ctx.mentions_in(start, subject.right_edge.idx + len(subject.right_edge)):
            return Speaker(name=ctx.body[start:end], start=start, end=end, unnamed=True)
        found = _body(ctx, subject, lex)
        if found is not None and found.entity_id is not None:
            return found
    return None


def _on_behalf_of(ctx: DocContext, tok, lex: Lexicon) -> Speaker | None:
    """"read a statement on behalf of the leader, Councillor Ann Brightwell": the one named the words are read for.
    A group described ("on behalf of the family") is not an author named: the reader, one of them, speaks."""
    for on in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"):
        behalf = next((c for c in on.children if c.dep_ == "pobj" and c.lower_ == "behalf"), None)
        of = next((c for c in behalf.children if c.dep_ == "prep" and c.lower_ == "of"), None) if behalf else None
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            people = [m for m in ctx.mentions_in(start, end) if not ctx.in_quote(m.start)]
            if len({m.entity_id for m in people}) == 1:
                m = people[0]
                return Speaker(m.entity_id, ctx.names[m.entity_id], start=m.start, end=m.end, name_start=m.start,
                               name_end=m.end)
    return None


def _agent(ctx: DocContext, noun, lex: Lexicon) -> Speaker | None:
    """"The memo, sent by operations director Carl Yeovil to all staff,": the one named after "by" on a participle
    of writing or sending hung on the text, however the parse hangs the name under "by"; "sent ... by Quillfeather's
    co-founder and chief executive, Dana Whitcombe,": the person named in apposition to the description after it,
    not the body that description owns."""
    for verb in (c for c in noun.children if c.dep_ == "acl" and (c.lower_ in _WRITTEN or (
            c.tag_ == "VBN" and c.lower_ not in _passing(lex)))):  # "a complaint filed by driver Amir Haddad"
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        if by is None:
            continue
        # up to the first preposition or comma after "by": "by a fisherman in Donegal" names no one, not Donegal
        stop = next((t.idx for t in noun.doc[by.i + 1 : verb.sent.end] if t.tag_ in ("IN", ",", ":", "TO")
                     or t.text in (",", ":")), verb.sent.end_char)
        apposed = next((m for m in ctx.mentions if m.type == "PERSON" and m.start > stop
                        and re.fullmatch(r",\s*", ctx.body[stop : m.start])), None)
        if apposed is not None and not any(m.type == "PERSON" for m in ctx.mentions_in(by.idx, stop)) \
                and re.match(r"\s*[,.;:]|\s+and\b", ctx.body[apposed.end :]):
            return Speaker(apposed.entity_id, ctx.names[apposed.entity_id], start=apposed.start, end=apposed.end,
                           name_start=apposed.start, name_end=apposed.end)
        people = [m for m in ctx.mentions_in(by.idx, stop) if not ctx.in_quote(m.start) and m.type in ("PERSON", "ORG")]
        if len({m.entity_id for m in people}) == 1:
            m = people[0]
            return Speaker(m.entity_id, ctx.names[m.entity_id], start=m.start, end=m.end, name_start=m.start,
                           name_end=m.end)
    return None


def _from_one_named_after(ctx: DocContext, noun) -> Speaker | None:
    """"a statement from his client, the footballer Jordan Pike:": after "from" and a description, the one person
    named in apposition, set off by a comma, up to the colon (no verb between: "from the founder, read out by his
    niece, Clare:" is someone else)."""
    of = next((t for t in noun.doc[noun.i + 1 : min(noun.i + 3, noun.sent.end)] if t.lower_ == "from"), None)
    if of is None:
        return None
    stop = next((t for t in noun.doc[of.i : noun.sent.end] if t.text == ":"), None)
    if stop is None:
        return None
    between = noun.doc[of.i + 1 : stop.i]
    if any(t.tag_.startswith(("VB", "MD")) or t.lower_ in ("who", "which", "that", "by", "to") for t in between):
        return None
    people = [m for m in ctx.mentions_in(of.idx, stop.idx) if m.type == "PERSON" and not ctx.in_quote(m.start)]
    if len({m.entity_id for m in people}) != 1 or "," not in ctx.body[of.idx : people[0].start]:
        return None
    m = people[-1]
    return Speaker(m.entity_id, ctx.names[m.entity_id], start=m.start, end=m.end, name_start=m.start, name_end=m.end)


def author_of(ctx: DocContext, noun, lex: Lexicon) -> Speaker | None:
    """The author of the text `noun` (a token) as its own phrase names it, else as one of the two sentences before
    says who put out a text of that noun ("it": any text)."""
    found = _owner(ctx, noun, lex) or _named_or_untagged(_writer_of(ctx, noun, noun.sent.end_char, lex)) \
        or _agent(ctx, noun, lex) or _from_one_named_after(ctx, noun)
    if found is None and noun.lower_ != "it":
        found = _writer_described(ctx, noun, lex)
    if found is not None:
        return found
    words = _text_nouns(lex) if noun.lower_ == "it" else frozenset((noun.lower_, noun.lower_ + "s"))
    no = ctx.sentence_no(noun.idx)
    for sent in reversed(ctx.sentences[max(no - 2, 0) : no + 1]):  # its own sentence too, up to the text itself
        found = _issuer_in(ctx, sent, words, lex, before=noun.idx + 1)  # "X sent a message"
        if found is not None:
            return found
    if no > 0 and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return _announcer_before(ctx, ctx.sentences[no - 1], lex) or _body_that_spoke_before(ctx, no, lex)
    return None


def _body_that_spoke_before(ctx: DocContext, no: int, lex: Lexicon) -> Speaker | None:
    """"The Meldon Navigation Trust said its staff had attended ... The statement read:", "The site's operator,
    Evergreen Living, has written to Mr Baptiste. The letter ... says:": "the" text no phrase gives an author is the
    one the body that last said something, or the one who last wrote, put out, when the sentence of prose before says
    so. Saying makes a body the author only: a body speaks through its statements, a person's words before are their
    own ("Jones said the council was wrong. The statement read:" is not Jones's), and the text then speaks for
    itself. Writing counts when it writes to someone or writes a text, not when it writes something else (a book)."""
    before = [s for s in ctx.sentences[max(no - 2, 0) : no] if any(not ctx.in_quote(t.idx) for t in s)]
    if not before:
        return None
    for verb in reversed([t for t in before[-1] if t.tag_.startswith("VB") and not ctx.in_quote(t.idx)
                          and (t.lower_ in lex.cues or t.lower_ in _WRITTEN)]):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ == "PRP":
            continue
        written = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        if verb.lower_ in _WRITTEN and written is not None and not _is_text(written, lex):
            return None  # writing something else is not writing the text ("Hart wrote a book ... the letter")
        found = _named(_body(ctx, subject, lex))
        if found is not None and (verb.lower_ in _WRITTEN or not ctx.is_person(found.entity_id)):
            return found  # one who wrote is the letter's writer, a body or a person
        return None
    return None


def _announcer_before(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"The organisers, Brightfield Live, announced the decision on their website. The statement read:": "the"
    text no sentence before names is the one the sentence before says someone put out, with a verb of making
    public whatever its object ("announced the decision", "posted an update"): its subject, a body or person named.
    Writing or sending something else is not it ("Councillor Hart wrote a book ... read from the letter")."""
    for verb in (t for t in sent if t.lower_ in _ANNOUNCING and t.tag_.startswith("VB") and not ctx.in_quote(t.idx)):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ != "PRP":
            found = _named(_body(ctx, subject, lex))
            if found is not None:
                return found
    return None


def _text_named_before(ctx: DocContext, at: int, lex: Lexicon) -> bool:
    """"It read:" stands for a text when the sentence before names one."""
    no = ctx.sentence_no(at)
    return any(_is_text(t, lex) and not ctx.in_quote(t.idx) for s in ctx.sentences[max(no - 1, 0) : no + 1] for t in s
               if t.idx < at)


def _subject(verb):
    """The verb's subject, or the subject of the verb it is joined to ("also spoke, and read from a card")."""
    for tok in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def text_speaking(ctx: DocContext, sent, end: int, lex: Lexicon, reader_too: bool = False) -> Speaker | None:
    """The author of a text that is the subject of the verb running into the words at `end` ("The agency's bulletin,
    read on air by our duty editor, said:", "The letter ... reads in part:", "It read:"), or the text itself when no
    one is named as its author. None when the line's subject is not a text."""
    verbs = [t for t in sent if t.idx < end and t.tag_.startswith("VB") and not ctx.in_quote(t.idx)
             and (t.lower_ in _TEXT_VERBS or t.lower_ in _READING)]
    # the line's verb of reading out, else its last verb a text says its words with ("read out an email he said a
    # supervisor had sent:" is read out, whatever "said" the clause on the email holds)
    # (a verb of reading whose reader the parse left without a subject, "Neville Ash, who chairs ..., read aloud
    # from a 2019 letter by X:", still reads that text's author's words)
    reading = [t for t in verbs if t.lower_ in _READING and not _is_text(_subject(t), lex)]
    verbs = [t for t in reading if _subject(t) is not None] or [t for t in verbs if _subject(t) is not None][-1:] \
        or reading[-1:]
    if not verbs:
        return _text_heading(ctx, sent, end, lex)
    verb = verbs[-1]
    subject = _subject(verb)
    if subject is None:
        return _read_out(ctx, verb, None, lex, reader_too=False)
    if ctx.in_quote(subject.idx):
        return None
    if subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = _antecedent_text(ctx, subject, lex) or subject
    if verb.lower_ in _READING and subject.lower_ != "it" and not _is_text(subject, lex):
        return _read_out(ctx, verb, subject, lex, reader_too)
    if subject.lower_ == "it":
        if not _text_named_before(ctx, subject.idx, lex):
            return None
    elif not _is_text(subject, lex):
        return None
    found = author_of(ctx, subject, lex)
    if found is not None:
        return found.found_by("relayed")
    if subject.lower_ == "it":
        return None
    # no author named: the text speaks (its determiner and noun, not a clause on it naming someone else)
    start = min([subject.idx] + [c.left_edge.idx for c in subject.children if c.dep_ in ("det", "amod", "compound",
                                                                                      "poss", "nummod")
                                  and c.i < subject.i])  # "The ministry's statement", "The agency's 06:00 bulletin"
    stop = subject.idx + len(subject)
    return Speaker(name=ctx.body[start:stop], basis="relayed", start=start, end=stop, unnamed=True)


def _antecedent_text(ctx: DocContext, relative, lex: Lexicon):
    """"Lin sent a message to staff, seen by The Exchange Daily, which read:": the text a relative pronoun stands
    for, the one the parse hangs its clause on or, whatever it hung it on, the last text before it with no finite
    verb between (a participle set off by commas, "seen by ...", says who saw it, not what "which" is)."""
    if _is_text(relative.head.head, lex):
        return relative.head.head
    texts = [t for t in relative.sent if t.i < relative.i and _is_text(t, lex) and not ctx.in_quote(t.idx)]
    if not texts or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in relative.doc[texts[-1].i + 1 : relative.i]):
        return None
    return texts[-1]


def _text_heading(ctx: DocContext, sent, end: int, lex: Lexicon) -> Speaker | None:
    """"The club's statement in full:", "Statement from the Ramos family:": a line with no verb that names a text and
    runs into it speaks for the text's author (named, or a body the story names); nothing when none is named."""
    if any(t.tag_.startswith(("VB", "MD")) for t in sent if t.idx < end and not ctx.in_quote(t.idx)):
        return None
    root = sent.root
    if root.idx >= end or not _is_text(root, lex):
        return None
    found = author_of(ctx, root, lex)
    return found.found_by("relayed") if found is not None and found.entity_id is not None else None


# "“...,” read the note, signed by X": a verb a text says its words with, then the text, right after the words
_TEXT_AFTER = re.compile(r"\s*,?\s*(?:read|reads|said|says|began|begins|ran|runs|continued|continues)\s+"
                         r"(?:the|a|an|his|her|its|their)\s+")


def text_line(ctx: DocContext, q, lex: Lexicon, reader_too: bool = False) -> Speaker | None:
    """text_speaking for a quote its own sentence runs into through a colon ("The statement said: “...”"), or
    that the text follows as the inverted subject of its verb ("“...,” read the note, signed by X")."""
    sent = ctx.sentence_at(q.outer_start)
    if ctx.body[sent.start_char : q.outer_start].rstrip().endswith(":"):
        return text_speaking(ctx, sent, q.outer_start, lex, reader_too)
    after = _TEXT_AFTER.match(ctx.body, q.outer_end)
    if after is None:
        return None
    span = ctx.sdoc.char_span(after.end(), min(after.end() + 60, len(ctx.body)), alignment_mode="expand")
    noun = next((t for t in span or [] if t.tag_.startswith("NN")), None)
    if noun is None or not _is_text(noun, lex):
        return None
    found = author_of(ctx, noun, lex)
    return found.found_by("relayed") if found is not None else None


def _read_out(ctx: DocContext, verb, reader, lex: Lexicon, reader_too: bool) -> Speaker | None:
    """"Mr Okeke read part of it:", "Her voice broke several times as she read:": the words are the author's of
    the text read (named as the object, "it", or the last text of the sentence or the two before); when the story
    names no author, the reader's own (a daughter reading the family's statement). None when nothing read is a
    text (a reader of the lesson, of a poem with its own author is left to the other rules)."""
    no = ctx.sentence_no(verb.idx)
    objects = [t for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree
               if t.lower_ == "it" or (_is_text(t, lex) and t.dep_ != "compound")]
    if objects and objects[0].lower_ != "it":
        text = objects[0]
    else:
        if not objects and any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("from", "out"))
                               for c in verb.children):
            return None  # "read the names of the dead:", "read from the Bible:": what is read is not a text
        earlier = [t for s in ctx.sentences[max(no - 2, 0) : no + 1] for t in s
                   if t.idx < verb.idx and _is_text(t, lex) and not ctx.in_quote(t.idx)]
        if not earlier:
            return None
        text = earlier[-1]
    found = _on_behalf_of(ctx, verb, lex) or _on_behalf_of(ctx, text, lex) or author_of(ctx, text, lex)
    if found is not None:
        return found.found_by("relayed")
    group = _group_owning(ctx, text, lex)
    if group is not None and _speaks_as_we(ctx, verb.sent.end_char):
        return group.found_by("relayed")  # "read the jury's statement:" “We gave this prize ...”: the jury's
    if _writer_of(ctx, text, text.sent.end_char, lex) is not None or any(
            c.dep_ == "prep" and c.lower_ in ("from", "by") for c in text.children):
        return None  # "a text message from a listener": a writer described, never named (relayed_texts decides)
    if not reader_too:
        return None
    start, end = reader.left_edge.idx, reader.right_edge.idx + len(reader.right_edge)
    own = resolve_speaker(ctx, start, end, lex)
    # the reader's own, or the body a spokesperson reads for, kept as the description that names it ("A spokesperson
    # for Ashcombe Hospital read a statement:", as the subject rule keeps "a spokesperson for Crumbwell Bakeries")
    named = own.entity_id is not None or (own.name and not own.unnamed and ctx.mentions_in(start, end))
    return own.found_by("relayed") if named else None


def _group_owning(ctx: DocContext, text, lex: Lexicon) -> Speaker | None:
    """The group or body a text read out is owned or signed by, as the story describes it and never names it: "the
    jury's statement" (the jury), "a letter ..., signed by 412 members of staff" (412 members of staff). None for a
    person's word ("the family's solicitor's letter" is the solicitor's), a name (author_of reads those) or a pronoun."""
    owner = next((c for c in text.children if c.dep_ == "poss"), None)
    if owner is not None:
        phrase = (owner.left_edge.idx, owner.idx + len(owner))
        ok = owner.tag_ in ("NN", "NNS") and any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children)
    else:
        signed = next((t for t in text.sent if t.i > text.i and t.lower_ == "signed" and t.tag_ == "VBN"), None)
        by = next((c for c in signed.children if c.dep_ == "agent"), None) if signed is not None else None
        obj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if obj is None:
            return None
        phrase = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
        ok = obj.tag_ == "NNS"  # many who sign together: a group
        owner = obj
    if not ok or people_word(owner.lower_, lex) or ctx.mentions_in(*phrase):
        return None
    return Speaker(name=ctx.body[phrase[0] : phrase[1]], start=phrase[0], end=phrase[1], name_start=phrase[0],
                   name_end=phrase[1])


# "we" in any case; "us" in lower case only ("the US" is a country)
_WE = re.compile(r"\b(?:[Ww][Ee]|[Oo][Uu][Rr][Ss]?|us)\b")
_I = re.compile(r"\b(?:i|my|mine|me)\b", re.I)


def _speaks_as_we(ctx: DocContext, after: int) -> bool:
    """The words quoted next, in the paragraph they open, speak as "we" and never as "I": a body's or a group's
    voice, not the voice of the one person reading them out."""
    spans = [(s, e) for s, e in ctx.quoted if s >= after]
    if not spans:
        return False
    para = ctx.paragraph_of(spans[0][0])
    words = " ".join(ctx.body[s:e] for s, e in spans if para[0] <= s < para[1])
    return bool(_WE.search(words)) and not _I.search(words)


# "“Dear Resident,” it began, “we are ...”": a letter's salutation, its first words, runs on into the rest of it.
_SALUTATION = re.compile(r"(?:Dear|To)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*,?\s*$")


def opens_a_letter(ctx: DocContext, q) -> bool:
    """A salutation quoted as the opening of a text that the same sentence goes on quoting after a verb ("“Dear
    Resident,” it began, “we are pleased ...”"): the text's words, not a title. A song or a film called "Dear John"
    is a title: nothing follows it in the same sentence, or a title noun names it first (quote_kinds)."""
    if not _SALUTATION.match(ctx.body[q.start : q.end]):
        return False
    sent = ctx.sentence_at(q.outer_start)
    rest = ctx.body[q.outer_end : sent.end_char]
    return re.match(r"\s*[a-z][\w ]{0,30},\s*[“\"]", rest) is not None


def text_as_subject(ctx: DocContext, start: int, end: int, cue: str | None, lex: Lexicon) -> Speaker | None:
    """The author of the text that is the subject body[start:end] of a cue ("“Dear Resident,” it began", "“...,” the
    statement said"): "it" when the sentence or the one before names a text, or a text noun; None otherwise, or when
    no author is named (the rules for descriptions and pronouns apply)."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    if (cue or "").lower() not in _TEXT_VERBS:  # "it had cancelled 40 services and called the disruption “...”"
        return None
    if head.lower_ == "it":
        if not _text_named_before(ctx, head.idx, lex):
            return None
    elif not _is_text(head, lex):
        return None
    found = author_of(ctx, head, lex)
    if found is None:
        return None
    if found.name_start is None:  # the words naming the author stay the evidence, "it" points back to them
        found.name_start, found.name_end = found.start, found.end
    found.start, found.end = start, end
    return found


def hailed_author(ctx: DocContext, start: int, end: int, lex: Lexicon) -> Speaker | None:
    """"Felix, you wrote last month that ..., and I'm quoting you, “...”": words read back to the one who wrote or
    said them, "you" the subject of the cue, are the words of the one the sentence hails by name first (after a
    turn's "NAME:" label in a transcript). Nothing when no name is hailed ("You said “...”" to whom the story says)."""
    if ctx.body[start:end].strip().lower() != "you":
        return None
    sent = ctx.sentence_at(start)
    lead = ctx.body[sent.start_char : start]
    turn = re.match(r"\s*(?:[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+)*:\s*)?", lead)
    opening = sent.start_char + (turn.end() if turn else 0)
    for m in ctx.mentions_in(opening, start):
        if m.type == "PERSON" and not ctx.body[opening : m.start].strip() and ctx.body[m.end : start].strip() == ",":
            return Speaker(m.entity_id, ctx.names[m.entity_id], start=start, end=end, name_start=m.start,
                           name_end=m.end)
    return None


@lru_cache(maxsize=4)
def _sign_off(lex: Lexicon) -> re.Pattern:
    """A closing (lexicon speech.sign_offs) and the name after it at the very end of a text, perhaps followed by a
    short address and kisses ("Yours, Albert Fenn, Quay Street.", "Love, Jan x")."""
    closings = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex.raw["speech"]["sign_offs"], key=len,
                                                                             reverse=True))
    return re.compile(rf"(?:^|[.!?]\s+)(?i:{closings}),\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}})"
                      rf"(?:,\s*[A-Z][\w’' -]{{0,40}})?[\s,]*(?:x+\s*)?[.!]?\s*$")


def signer_of_the_words(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """"she read a listener's letter on air: “Dear Doreen, ... Yours, Albert Fenn, Quay Street.”": a text that signs
    itself off with a name is the words of the one it names, whoever reads it out or shows it; the name must be a
    person the story knows (the model's mention there), not just capitalised words after a comma."""
    signed = _sign_off(lex).search(ctx.body[q.start : q.end])
    if signed is None:
        return None
    s, e = (q.start + at for at in signed.span("name"))
    m = next((m for m in ctx.mentions_in(s, e) if m.type == "PERSON"), None)
    if m is not None:
        return Speaker(m.entity_id, ctx.names[m.entity_id], basis="relayed", start=m.start, end=m.end,
                       name_start=m.start, name_end=m.end)
    # "Love, Jan x" with the name untagged: the one person the story names whose name holds those words ("Jan Tuck")
    words = ctx.body[s:e].split()
    named = {eid for eid, name in ctx.names.items() if ctx.is_person(eid) and _holds(name.split(), words)}
    if len(named) != 1:
        return None
    [eid] = named
    return Speaker(eid, ctx.names[eid], basis="relayed", start=s, end=e, name_start=s, name_end=e)


def _holds(name: list[str], words: list[str]) -> bool:
    """The words run in the name, in order ("Jan" in "Jan Tuck", not in "Janet Tuck")."""
    return any(name[i : i + len(words)] == words for i in range(len(name) - len(words) + 1))
