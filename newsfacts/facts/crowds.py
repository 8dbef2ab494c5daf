"""Crowds: what a crowd chants is a slogan, what it answers back is its speech, and a call-and-response alternates.

A rally or march gives quoted words to many at once in two ways. A chant ("“Ruth! Ruth!” the crowd chanted") is a
line, not anyone's speech. An answer to a speaker's question ("“We are!” the crowd roared back") is the crowd's, and
the unattributed lines that follow in a call-and-response belong by turns to the speaker and the crowd, never to the
crowd alone because it spoke last.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.speakers import Speaker, resolve_speaker

# The quote's own sentence goes on with a few words naming who (no reporting verb among them), then a chant verb:
# "“Santangelo, listen!” protesters chanted as they passed", "..., chanted the crowd".
_CHANTED_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:(?P<who>(?:[\w’'-]+[ \t]+){0,4}?)(?:chanted|chant|chants|chanting)\b"
                            r"|(?:chanted|chanting)[ \t]+(?P<who2>(?:[\w’'-]+[ \t]*){1,4}))")


def chanted_after(ctx: DocContext, q, lex: Lexicon) -> bool:
    """The words right after the closing mark say that several people chanted them ("“...!” protesters chanted",
    "“...,” chanted the crowd"): a chant, a slogan. One person's verb of speech between ("“...,” she said as
    protesters chanted") makes it hers."""
    m = _CHANTED_AFTER.match(ctx.body, q.outer_end)
    if not m:
        return False
    who = (m.group("who") or m.group("who2") or "").lower().split()
    return not any(w in lex.cues for w in who)


def is_crowd(name: str | None, lex: Lexicon) -> bool:
    """A speaker that is a crowd or a gathering of many ("the crowd", "the audience", "protesters", "Opposition MPs")."""
    if not name:
        return False
    words = re.findall(r"[\w’'-]+", name.lower())
    return bool(words) and (words[-1] in lex.collective_nouns or words[-1] in lex.raw["speech"]["crowd_nouns"])


def _alone_in_paragraph(ctx: DocContext, f) -> bool:
    pstart, pend = ctx.paragraph_of(f.q.outer_start)
    return not ctx.body[pstart : f.q.outer_start].strip() and not ctx.body[f.q.outer_end : pend].strip()


def call_and_response(ctx: DocContext, paragraphs: list[list], lex: Lexicon) -> None:
    """"“Who's tired?” she asked. / “We are!” the crowd roared back. / “Who's going to fix it?” / “We are!”": a quote
    alone in its paragraph with no attribution of its own, after a crowd's answer and the call before it, takes the
    turn: the caller's after the crowd's answer, the crowd's after the caller's next call."""
    speech = [(i, found[-1]) for i, found in enumerate(paragraphs) if found and found[-1].kind is None]
    for k in range(2, len(speech)):
        (i0, a), (i1, b), (i2, c) = speech[k - 2], speech[k - 1], speech[k]
        if i1 != i0 + 1 or i2 != i1 + 1 or len(paragraphs[i2]) != 1 or not _alone_in_paragraph(ctx, c):
            continue
        if c.speaker is None or c.speaker.basis not in (None, "continued") or a.speaker is None or b.speaker is None:
            continue
        if a.speaker.name is None or b.speaker.name is None or a.speaker.name == b.speaker.name:
            continue
        if not (is_crowd(a.speaker.name, lex) or is_crowd(b.speaker.name, lex)):
            continue
        c.speaker = replace(a.speaker, basis="continued")


def crowd_turn(ctx: DocContext, f, lex: Lexicon) -> bool:
    """A crowd's answer alone in its paragraph, given to it by the turns of a call-and-response ("“We are!”"), or
    introduced as its answer ("The crowd's answer was the loudest of the evening: “Ready!”"): speech however short,
    not a term held at a distance."""
    if not is_crowd(f.speaker.name, lex):
        return False
    return f.speaker.basis == "intro" or (f.speaker.basis == "continued" and _alone_in_paragraph(ctx, f))


# "The crowd's answer, a wall of noise, was the loudest of the evening:", "the reply from the audience was instant:"
_ANSWER_OF = re.compile(r"\b(?:the|a|an)\s+(?P<who>(?:[a-z-]+\s+)?(?P<head>[a-z]+))[’']s?\s+(?:[a-z-]+\s+)?"
                        r"(?:answer|reply|response|roar|retort|verdict)\b[^:“\"]*:\s*$"
                        r"|\b(?:answer|reply|response|roar|retort)\s+(?:from|of)\s+the\s+(?P<who2>(?:[a-z-]+\s+)?"
                        r"(?P<head2>[a-z]+))\b[^:“\"]*:\s*$", re.I)


def crowds_answer(ctx: DocContext, q, lex: Lexicon):
    """The crowd whose answer a colon line names runs into the quote ("The crowd's answer ... was the loudest of the
    evening: “Ready!”"): the crowd's words, not the last speaker's."""
    sent = ctx.sentence_at(q.outer_start)
    lead = ctx.body[max(sent.start_char, q.outer_start - 200) : q.outer_start]
    lead = lead.rsplit("”", 1)[-1].rsplit('"', 1)[-1]  # the words since the last quotation closed
    m = _ANSWER_OF.search(lead)
    if not m:
        return None
    head = (m.group("head") or m.group("head2")).lower()
    if not is_crowd(head, lex):
        return None
    group = "who" if m.group("who") else "who2"
    start = q.outer_start - len(lead) + m.start(group)
    return Speaker(name="the " + m.group(group), basis="intro", start=start, end=start + len(m.group(group)))


# "“No!” came the reply from the crowd", "“Never!” came a roar from the gallery": the source after an inverted "came"
_CAME_FROM = re.compile(r"[ \t]*,?[ \t]*came[ \t]+(?:the|a|an)[ \t]+(?:[a-z-]+[ \t]+)?(?:reply|answer|response|shout|"
                        r"shouts|cry|cries|chorus|roar|retort|call)[ \t]+(?:back[ \t]+)?from[ \t]+"
                        r"(?P<who>(?:the|a|an)[ \t]+(?:[\w’'-]+[ \t]+){0,3}?[\w’'-]+)(?=[ \t]*[.,;!?\n]|$)")
_CROWD_WORDS = re.compile(r"^(?:the|a|an)\s+(?:[a-z-]+\s+)?(?P<head>[a-z-]+)$", re.I)


def came_from(ctx: DocContext, q, lex: Lexicon):
    """"“No!” came the reply from the crowd.": the one the words came from, named after an inverted "came"."""
    m = _CAME_FROM.match(ctx.body, q.outer_end)
    if not m:
        return None
    start = m.start("who")
    return crowd_named(ctx, start, m.end("who"), lex) or resolve_speaker(ctx, start, m.end("who"), lex).found_by("subject")


def crowd_named(ctx: DocContext, start: int, end: int, lex: Lexicon):
    """"the hall answered", "the crowd shouted back": a gathering named as the subject is that gathering, never a
    person whose name looks like it ("the hall" is not Keir Hallworth)."""
    text = ctx.body[start:end].strip()
    m = _CROWD_WORDS.match(text)
    if not m or not is_crowd(m.group("head"), lex) or ctx.mentions_in(start, end):
        return None
    return Speaker(name=text, basis="subject", start=start, end=start + len(text))
