"""Words a live blog or bulletin presents: "Here's the chancellor speaking to broadcasters moments ago: “...”".

Live coverage hands over to a clip or a remark with "Here is X" and a colon; X is the speaker, however the parse reads
the sentence (it has no reporting verb, and "speaking" hangs on X).
"""

from __future__ import annotations

import re

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.speakers import Speaker, resolve_speaker

# "Here's the chancellor speaking ...:", "Here is Mr Rowntree on the result:", "Here's what X told reporters:" is not
# this (a cue there has its subject); the one presented ends at a participle, a preposition or a comma.
_HERE_IS = re.compile(r"^\W*(?:\d{1,2}[:.]\d{2}\s*[-–—:]\s*)?Here(?:'s|’s|\s+is)\s+(?P<who>(?!what\b|how\b|why\b)"
                      r"[^,:;“\"]{2,60}?)(?:\s+(?:speaking|talking|giving|reacting|responding|answering|arriving|"
                      r"leaving|on|in|at|with|to|after|earlier|moments|just)\b[^:“\"]*|,[^:“\"]*)?:\s*$")


def presented_speaker(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """The one "Here's X ...:" presents, when X names or describes one person the story resolves."""
    sent = ctx.sentence_at(q.outer_start)
    pstart = ctx.paragraph_of(q.outer_start)[0]
    lead_start = max(sent.start_char, pstart)
    m = _HERE_IS.match(ctx.body[lead_start : q.outer_start])
    if not m:
        return None
    start = lead_start + m.start("who")
    found = resolve_speaker(ctx, start, start + len(m.group("who")), lex)
    return found.found_by("intro") if found.entity_id else None
