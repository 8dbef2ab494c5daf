"""The unnamed voice of a body (issue #25, style backref): "A Hallbrook spokeswoman said", "A council spokesperson
said", "A spokesman for the regulator said:", "A company spokeswoman said the firm had ...".

News writing quotes a body through a spokesperson it does not name: the words are the body's, and the spokesperson
is how they reached the reporter (a role, not a person of the story). The description names the body in one of
three ways, and the reading is the same for each:
- by its name or a short form of it, before the voice or after "for"/"of" ("A Hallbrook spokeswoman", "a
  spokesperson for Crumbwell Bakeries", "A Northern Constabulary spokesman"), whatever type the model gave the name,
  as long as the name is a body's (typed an organisation, or holding a word bodies are named with: "Pharma",
  "Studios", "Council", "Trust"), never a person's ("a spokesman for Mr Vale" is a person's voice);
- by its kind, when the story names a body with that word in its name ("A council spokesperson" after "Ashby Vale
  District Council", "a spokesman for the regulator" after "The Charity Regulator", "A trust spokeswoman");
- by a generic word for a firm ("A company spokeswoman", "a spokesperson for the firm"): the organisation the story
  named last, within a few sentences.
A kind of body the story names no body of ("A police spokesman" in a story naming no force, "a university
spokeswoman" with no university named) stays the description, an unnamed voice, as before; so does anyone's voice
that is not a body's ("a spokesperson for the family"). The body is the speaker and the voice its role; the words
naming the voice stay the evidence (speaker_start/speaker_end), the body's name its name (speaker_name_*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.facts.context import DocContext
from newsfacts.facts.entities import body_words, is_body_name as _is_body_name, singular as _singular
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.referents import body_in_focus, body_spoken_of

# "A Hallbrook spokeswoman", "the council's chief spokesperson", "A spokesman for the regulator", "a representative
# of Crumbwell Bakeries": what comes before the voice and what comes after "for"/"of".
_VOICE = re.compile(r"^(?:an?|the|one)\s+(?P<before>(?:[\w’'.&-]+\s+){0,6}?)"
                    r"(?:(?:official|chief|deputy|senior|press|media)\s+)?"
                    r"(?P<voice>spokesperson|spokesman|spokeswoman|representative|press officer|(?:public\s+)?information officer)"
                    r"(?:\s+(?:for|of)\s+(?P<after>.+))?$", re.I)
# Words for a firm in general, which name no kind the story's names would hold: the organisation named last.
_GENERIC = frozenset({"company", "firm", "group", "organisation", "organization", "corporation", "business"})
_SENTENCES_BACK = 6  # how far back a generic word's organisation may be named (as speakers._recent_organisation)
_BARE_VOICE_SENTENCES = 1  # "A spokesperson said" with no body named: the body the sentence before spoke of


@dataclass(frozen=True)
class BodyVoice:
    name: str  # the body, as the story names it
    entity_id: str | None  # None when the model tagged no entity for the name ("The Charity Regulator")
    name_start: int
    name_end: int
    role: str  # the voice as the story describes it, without its article: "Hallbrook spokeswoman", "spokesman for
    # the regulator"


def voiced_body(ctx: DocContext, start: int, text: str, lex: Lexicon) -> BodyVoice | None:
    """The body an unnamed spokesperson described by body[start:start+len(text)] speaks for, or None (no voice
    word, no body in the description, a person's voice, or a kind of body the story names none of)."""
    text = re.split(r",?\s+(?:who|which|that)\b", text, maxsplit=1)[0]  # "..., who declined to be named"
    voice = _VOICE.match(text)
    if voice is None:
        return None
    group = "after" if voice["after"] else "before"
    phrase = (voice[group] or "").strip()
    role = re.sub(r"^(?:an?|the|one)\s+", "", text, flags=re.I)
    if not phrase:  # "A spokesperson replied": whose, the sentence before may say, by putting a question to a body
        # or by making it its subject ("Northlight TV ... has removed the show. A spokesperson called the decision")
        if not text.lower().startswith(("a ", "an ")):
            return None
        return _asked_before(ctx, start, role, lex) or _spoken_of(ctx, start, None, role, lex) \
            or _in_focus(ctx, start, None, role, lex, _BARE_VOICE_SENTENCES)
    s = start + voice.start(group)
    e = s + len(phrase)
    phrase = re.sub(r"[’']s$", "", phrase)  # "the council's spokesperson"
    inside = ctx.mentions_in(s, e)
    words = re.findall(r"[\w’'&-]+", phrase)
    if words[:1] in (["the"], ["The"]):
        words = words[1:]
    capitalised = [w for w in words if w[:1].isupper()]
    if inside or capitalised:
        # a name: the body's, or a short form of a body's fuller name ("A Hallbrook spokeswoman" after "Hallbrook
        # Pharma Ltd", whatever type the model gave the short form); a person's name is a person's voice
        m = inside[-1] if inside else None
        fuller = _fuller_name(ctx, start, m.text if m is not None else " ".join(capitalised), role, lex)
        if m is not None and (m.type == "ORG" or _is_body_name(ctx.names[m.entity_id], lex)):
            if fuller is not None and len(fuller.name) > len(ctx.names[m.entity_id]):  # the same body, named in full
                return BodyVoice(fuller.name, m.entity_id, fuller.name_start, fuller.name_end, role)
            return BodyVoice(ctx.names[m.entity_id], m.entity_id, m.start, m.end, role)
        return fuller
    head = _singular(words[-1].lower()) if words else ""
    if not words or head not in body_words(lex) or any(w in ("his", "her", "their") for w in words):
        return None  # "a spokesperson for the family", "his spokesman"
    if head in _GENERIC:  # "a spokesman for the firm" right after "The shop's landlord, Harbeck Estates, said"
        spoken_of = _spoken_of(ctx, start, head, role, lex) if head in lex.raw["speech"]["any_body_descriptions"] \
            and not any(m.type == "ORG" and m.end <= start and head in m.text.lower().split() for m in ctx.mentions) \
            else None
        return spoken_of or _the_company(ctx, start, role, lex) or _in_focus(ctx, start, None, role, lex, _SENTENCES_BACK)
    return _named_with(ctx, start, head, role) or _in_focus(ctx, start, head, role, lex)


def _spoken_of(ctx: DocContext, start: int, kind: str | None, role: str, lex: Lexicon) -> BodyVoice | None:
    """The body the sentence of prose before the voice is about (referents.body_spoken_of: "Northlight TV, which
    aired the show, has removed it. A spokesperson called the decision ..."), tagged or not; None when it is about
    no body."""
    found = body_spoken_of(ctx, start, kind, lex)
    return BodyVoice(found[1], found[0], found[2], found[3], role) if found is not None else None


def _in_focus(ctx: DocContext, start: int, kind: str | None, role: str, lex: Lexicon,
              within: int | None = None) -> BodyVoice | None:
    """The body of that kind the story last spoke of (referents.story_bodies: its kinds include the nouns it is set
    beside, "Vanterpool's team, Celeste-Arbor", and it is found where the model left its name untagged), when the
    readings by name found none; None when two are as recent, or none is within `within` sentences."""
    found = body_in_focus(ctx, start, kind, lex, body_words(lex), within)
    if found is None:
        return None
    body, at = found
    tagged = next((m for m in ctx.mentions if m.start == at), None)
    return BodyVoice(body.name, body.entity_id, at, tagged.end if tagged is not None else at + len(body.name), role)


def _fuller_name(ctx: DocContext, start: int, short: str, role: str, lex: Lexicon) -> BodyVoice | None:
    """The latest body's name before start that opens with the short form and goes on with capitalised words, one
    of them a body's word ("Hallbrook" -> "Hallbrook Pharma Ltd"), tagged or not, in quotations too (a notice
    quoted in full names its issuer); a tagged organisation of that very name otherwise."""
    found = None
    for hit in re.finditer(rf"(?<![\w-]){re.escape(short)}((?:\s+[A-Z][\w’'&.-]*){{1,3}})", ctx.body[:start]):
        tail = hit.group(1).split()
        while tail and not _is_body_name(tail[-1], lex):
            tail.pop()  # "Hallbrook Pharma Ltd Monday": up to the last word that says what kind of body it is
        if tail:
            name = " ".join([short, *tail])
            found = BodyVoice(name, None, hit.start(), hit.start() + len(name), role)
    if found is not None:
        return found
    orgs = [m for m in ctx.mentions if m.start < start and m.type == "ORG" and ctx.names[m.entity_id] == short]
    return BodyVoice(short, orgs[-1].entity_id, orgs[-1].start, orgs[-1].end, role) if orgs else None


# Verbs that put a question or a case to someone ("asked the authority why", "put your case to LoungeLark").
_PUTTING = frozenset({"asked", "put", "contacted", "approached", "emailed", "pressed", "questioned"})


def _asked_before(ctx: DocContext, start: int, role: str, lex: Lexicon) -> BodyVoice | None:
    """"Pharmacy Counter asked the authority why the notice had been issued at 4pm. A spokesperson replied:": a
    spokesperson whose description names no one speaks for the body the sentence before, in the same paragraph, put
    the question or the case to (the object of asking, or of "to" after putting), when that is a body: named
    ("LoungeLark", typed an organisation) or a kind of body the story names ("the authority")."""
    no = ctx.sentence_no(start)
    if no == 0 or ctx.paragraph_of(ctx.sentences[no - 1].start_char) != ctx.paragraph_of(start):
        return None
    for verb in (t for t in ctx.sentences[no - 1] if t.lower_ in _PUTTING and t.tag_.startswith("VB")):
        to = next((c for t in [verb, *(c for c in verb.children if c.dep_ == "dobj")] for c in t.children
                   if c.dep_ == "prep" and c.lower_ == "to"), None)
        asked = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None \
            else next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if asked is None:
            continue
        s, e = asked.left_edge.idx, asked.idx + len(asked)
        named = [m for m in ctx.mentions_in(s, e) if m.type == "ORG" or _is_body_name(ctx.names[m.entity_id], lex)]
        if named:
            return BodyVoice(ctx.names[named[-1].entity_id], named[-1].entity_id, named[-1].start, named[-1].end, role)
        kind = _singular(asked.lower_)
        if asked.tag_ == "NN" and kind in body_words(lex) and kind not in _GENERIC:
            return _named_with(ctx, s, kind, role)
    return None


def _the_company(ctx: DocContext, start: int, role: str, lex: Lexicon) -> BodyVoice | None:
    """"A company spokeswoman" / "a spokesperson for the firm": the organisation the story last made act (the
    subject of a clause: "Pell launched ..."), else the organisation named last, a few sentences back. A public
    body ("The Ombudsman ruled against Harrowgate Homes") is no company: its name says what kind of body it is."""
    public = frozenset(lex.raw["speech"]["public_body_words"])
    orgs = [m for m in ctx.mentions if m.start < start and not ctx.in_quote(m.start)
            and (m.type == "ORG" or _is_body_name(ctx.names[m.entity_id], lex))
            and not public & {_singular(w) for w in re.findall(r"[a-z]+", ctx.names[m.entity_id].lower())}]
    acting = [m for m in orgs if _acts(ctx, m.start, m.end)]
    m = acting[-1] if acting else (orgs[-1] if orgs else None)
    if m is None or not acting and ctx.sentence_no(start) - ctx.sentence_no(m.start) > _SENTENCES_BACK:
        return None
    return BodyVoice(ctx.names[m.entity_id], m.entity_id, m.start, m.end, role)


def _named_with(ctx: DocContext, start: int, kind: str, role: str) -> BodyVoice | None:
    """"A council spokesperson": a body the story names with that word in its name, outside quotations, tagged
    ("Ashby Vale District Council") or not ("The Charity Regulator said": capitalised words ending in the kind);
    None when it names none. Of two, the latest the story made act (the subject of a clause: "after Ashby Vale
    District Council refused permission") before one it named only beside someone ("The chair of Little Brayford
    Parish Council, Councillor Ray Obuya"): the body whose voice it is has done something in the story."""
    found: list[tuple[bool, BodyVoice]] = []
    for m in ctx.mentions:
        if m.start >= start:
            break
        if m.type in ("ORG", "PERSON", "FAC") and not ctx.in_quote(m.start) \
                and kind in [_singular(w) for w in re.findall(r"[a-z]+", ctx.names[m.entity_id].lower())]:
            found.append((_acts(ctx, m.start, m.end), BodyVoice(ctx.names[m.entity_id], m.entity_id, m.start, m.end, role)))
    pattern = rf"\b((?:[A-Z][\w’'&-]*\s+(?:(?:and|of|for)\s+)?){{1,5}}{kind.capitalize()}s?)\b"
    for hit in re.finditer(pattern, ctx.body[:start]):
        if not ctx.in_quote(hit.start()) and not ctx.mentions_in(hit.start(1), hit.end(1)):
            name = re.sub(r"^(?:The|A|An)\s+", "", hit.group(1))
            if len(name.split()) >= 2:
                s = hit.end(1) - len(name)
                found.append((_acts(ctx, s, hit.end(1)), BodyVoice(name, None, s, hit.end(1), role)))
    if not found:
        return None
    found.sort(key=lambda f: f[1].name_start)
    acting = [v for a, v in found if a]
    return acting[-1] if acting else found[-1][1]


def _acts(ctx: DocContext, start: int, end: int) -> bool:
    """The name is the subject of a clause (itself, or the head its words are compounded to)."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.dep_ == "compound" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")
