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
