"""Who a span of attribution text names: an entity, a pronoun or "the group" pointing back, or a description."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon

_EDGE = re.compile(r"^[\s,;:.—–-]+|(?:[\s,;:—–-]|\s\.)+$")
_LINKING = re.compile(r"\b(?:of|for|to|with|from|by|at|and|or)\b|,")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whom|whose|which)\b")
_HONORIFIC = re.compile(r"^(?:the|a|an|mr|mrs|ms|miss|mx)\.?$", re.I)
# "Eswar Prasad, a trade professor at Cornell": a name the model did not tag, then its description.
_UNTAGGED_NAME = re.compile(r"^(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+(?P<role>(?:a|an|the)\s.+)$")
_DETERMINER = re.compile(r"^(?:the|this|that|a|an)\s+", re.I)
_ROLE_LINK = re.compile(r"^(?:[’']s\s+)", re.I)


@dataclass
class Speaker:
    entity_id: str | None = None
    name: str | None = None
    role: str | None = None
    reason: str | None = None  # why name is None


def _clean(text: str) -> str:
    return _EDGE.sub("", text).strip()


def _role(ctx: DocContext, start: int, end: int, m_start: int, m_end: int, lex: Lexicon) -> str | None:
    """The attribution text around the name: "Kremlin spokesman", "a North Korea expert at ..."."""
    before = _clean(ctx.body[start:m_start])
    after = _clean(_ROLE_LINK.sub("", ctx.body[m_end:end]))
    if lex.not_role_re.match(after):  # "Ford and Fry", "Fadem in a research note", "McCormick, who has split ..."
        after = ""
    if lex.not_role_re.match(before) or before.endswith((" and", " or")) or _HONORIFIC.match(before):
        before = ""
    role = ", ".join(p for p in (before, after) if p)
    return role or None


def _head_char(ctx: DocContext, start: int, end: int) -> int | None:
    """Where the grammatical head of the attribution is ("officials" in "officials who spoke to the Times")."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else None


def _last_subject(ctx: DocContext, start: int, types: tuple[str, ...]):
    """"he said" points at the last person who was the subject of a sentence, not the last person named:
    in "Cook told Benioff ... “...,” he said" the speaker is Cook. Names inside quotations do not count."""
    for m in reversed([m for m in ctx.mentions if m.end <= start and m.type in types and not ctx.in_quote(m.start)]):
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ in ("nsubj", "nsubjpass"):
            return m
    return None


def _anaphor_target(ctx: DocContext, start: int, head_word: str):
    """"the group" -> the latest organisation whose name has "group" in it, else the latest organisation."""
    orgs = [m for m in ctx.mentions if m.start < start and m.type == "ORG"]
    named = [m for m in orgs if head_word in ctx.names[m.entity_id].lower().split()]
    return (named or orgs or [None])[-1]


def resolve_speaker(ctx: DocContext, start: int, end: int, lex: Lexicon) -> Speaker:
    """The speaker named by body[start:end] (the subject of a reporting verb).

    The entity that holds the phrase's grammatical head is the speaker: "Kremlin spokesman Dmitry Peskov"
    is Peskov, but "U.S. officials" is a group described by a place, not the place itself.
    """
    text = _clean(ctx.body[start:end])
    if not text:
        return Speaker(reason="no speaker in the attribution")
    head = _head_char(ctx, start, end)
    inside = ctx.mentions_in(start, end)
    holding = [m for m in inside if head is not None and m.start <= head < m.end]
    if not any(m.type == "PERSON" for m in holding):
        # "CPUC President Marybel Batjer": titles and organisation names before a person, whatever the parse.
        titled = [m for m in inside if m.type == "PERSON" and not _clean(ctx.body[m.end : end])
                  and not _LINKING.search(ctx.body[start : m.start])]
        holding = titled or holding
    if holding:
        m = holding[0]
        return Speaker(m.entity_id, ctx.names[m.entity_id], _role(ctx, start, end, m.start, m.end, lex))
    lower = text.lower()
    if lower in lex.org_pronouns:  # "“...,” it added": the organisation that last spoke or acted
        m = _last_subject(ctx, start, ("ORG",))
        if m:
            return Speaker(m.entity_id, ctx.names[m.entity_id])
    if lower in lex.vague_subjects:
        return Speaker(reason=f"the attribution names no one ('{text}')")
    if lower in lex.person_pronouns:
        m = _last_subject(ctx, start, ("PERSON",)) or ctx.last_mention_before(start, ("PERSON",))
        if m:
            return Speaker(m.entity_id, ctx.names[m.entity_id])
        return Speaker(reason=f"pronoun '{text}' with no person named before it")
    bare = _DETERMINER.sub("", lower)
    if _DETERMINER.match(lower) and bare.split()[-1] in lex.org_anaphors:
        m = _anaphor_target(ctx, start, bare.split()[-1])
        if m:
            return Speaker(m.entity_id, ctx.names[m.entity_id])
    if not re.match(r"^[\w“\"‘'(]", text) or lex.not_role_re.match(text):
        return Speaker(reason=f"attribution not understood ('{text[:60]}')")
    untagged = _UNTAGGED_NAME.match(text)
    if untagged:
        return Speaker(name=untagged.group("name"), role=untagged.group("role"))
    # A description or group with no named entity at its head ("U.S. officials", "analysts"): kept as said,
    # without a relative clause ("US officials, who first said ...").
    return Speaker(name=_RELATIVE_CLAUSE.split(text, maxsplit=1)[0])
