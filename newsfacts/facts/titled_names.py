"""Titled names: "the French ambassador" before "French Ambassador Claire Dumesnil" is her.

A wire story often gives a person's title first and their name in the next paragraph ("the French ambassador accused
China of “playing for time.” / French Ambassador Claire Dumesnil told the council ..."). A title no one named before
holds stands for the first person named soon after with the same title words right before the name.
"""

from __future__ import annotations

import re

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon

_AHEAD = 3  # sentences


def titled_further_on(ctx: DocContext, end: int, words: list[str], lex: Lexicon):
    """The first person named within the next sentences with every word of the description among the four words
    right before the name ("French Ambassador Claire Dumesnil" for "the French ambassador"), or None. Only a title
    (lexicon names.titles) is read this way: "the winner" names no one ahead."""
    if not words or words[-1] not in lex.raw["names"]["titles"]:
        return None
    no = ctx.sentence_no(end)
    limit = ctx.sentences[min(no + _AHEAD, len(ctx.sentences) - 1)].end_char
    for m in ctx.mentions:
        if m.type != "PERSON" or m.start < end or m.start > limit or ctx.in_quote(m.start):
            continue
        sent = ctx.sentence_at(m.start)
        before = re.findall(r"[\w’'.-]+", ctx.body[max(sent.start_char, m.start - 50) : m.start].lower())[-4:]
        if all(w in before for w in words):
            return m
    return None


# Heads that stand for whoever presents a programme, and the verbs that say who does it.
_HOST_HEADS = ("anchor", "host", "presenter", "moderator")
_HOSTING = ("hosts", "hosted", "presents", "presented", "anchors", "anchored", "moderates", "moderated", "opened",
            "opens", "introduced", "introduces")
_PROGRAMME = ("segment", "show", "programme", "program", "broadcast", "hour", "debate", "interview", "episode", "panel")


def host_of_the_programme(ctx: DocContext, start: int, words: list[str]):
    """"Kessler opened the segment by playing a clip ... The anchor turned to her first guest": "the anchor", "the
    host" with no one titled so is the person said to open, host or present the programme earlier (the subject of
    "opened the segment", "hosts the show"); None when the story says no such thing."""
    if not words or words[-1] not in _HOST_HEADS:
        return None
    no = ctx.sentence_no(start)
    for sent in reversed(ctx.sentences[max(no - 6, 0) : no + 1]):
        for verb in (t for t in sent if t.lower_ in _HOSTING and t.idx < start and not ctx.in_quote(t.idx)):
            if not any(c.dep_ == "dobj" and c.lower_ in _PROGRAMME for c in verb.children):
                continue
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            people = [m for m in ctx.mentions if m.type == "PERSON" and m.start <= subject.idx < m.end]
            if people:
                return people[0]
    return None
