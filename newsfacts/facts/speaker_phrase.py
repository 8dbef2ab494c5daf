"""The words that name a speaker read as one noun phrase: its head noun, the appositions hung on it, and what
the head is "of".

"Her longtime rival, the former Conservative leader Harald Brekke, now 91, said": the head is "rival", and the
person is the name at the end of the chain of appositions ("rival" -> "leader" -> "Brekke"), however many
descriptions stand between. "the ambassador of Orestia" is an ambassador (its head), qualified by a place, not the
place. "It said" after "The finance ministry said ..." is the body the description names, not a place tagged
inside it or an organisation named further back.
"""

from __future__ import annotations

from newsfacts.facts.context import DocContext


def apposition_root(tok):
    """The noun a chain of appositions hangs on: "Brekke" in "Her longtime rival, the former Conservative leader
    Harald Brekke" -> "rival" (Brekke is in apposition to "leader", itself in apposition to "rival")."""
    seen = 0
    while tok.dep_ == "appos" and tok.head is not tok and seen < 4:
        tok, seen = tok.head, seen + 1
    return tok


def apposed_people(ctx: DocContext, mentions, head: int) -> list:
    """The people of the phrase (mentions) written in apposition to its head noun (at char head), directly or
    through other appositions, nearest the head first."""
    out = []
    for m in mentions:
        if m.type != "PERSON":
            continue
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span) or span.root.dep_ != "appos":
            continue
        if apposition_root(span.root).idx == head:
            out.append(m)
    return out


# Heads of a description that names a body speaking as one ("The foreign ministry of Halmland", "the prime
# minister's office"): lexicon org_anaphors, and the public bodies' words
def described_body(ctx: DocContext, start: int, heads: frozenset[str]):
    """"The finance ministry said late on Saturday that ... It described the talks as “...”": "it" stands for the
    body the subject of its own sentence (before it) or of the sentence before names by a description, when no
    entity holds that description's head ("The foreign ministry of Halmland": a ministry, not Halmland). The main
    clause's subject only: a body in a clause under it is not what the story is about. The subject's noun, or None."""
    no = ctx.sentence_no(start)
    for sent in (ctx.sentences[no], ctx.sentences[no - 1] if no else None):
        if sent is None or ctx.in_quote(sent.root.idx):
            continue
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.idx >= start or ctx.in_quote(subject.idx):
            continue
        if subject.lower_ in heads and subject.tag_ in ("NN", "NNP") \
                and any(c.dep_ in ("det", "poss") for c in subject.children) \
                and not any(m.start <= subject.idx < m.end for m in ctx.mentions):
            return subject
        return None  # the nearest sentence with a subject decides: a person or thing there is not the body
    return None


def body_description(subject) -> tuple[str, int, int]:
    """The words of the description without its article: "foreign ministry of Halmland", "finance ministry"."""
    words = [t for t in subject.subtree if not (t.i == subject.left_edge.i and t.dep_ == "det")]
    # up to the head and its "of" complement, not a relative clause or apposition after it
    words = [t for t in words if t.i <= subject.i or (t.head.i == subject.i and t.dep_ == "prep" and t.lower_ == "of")
             or (t.dep_ == "pobj" and t.head.head.i == subject.i and t.head.lower_ == "of")
             or (t.i > subject.i and t.dep_ in ("compound", "amod") and t.head.dep_ == "pobj"
                 and t.head.head.head.i == subject.i)]
    first, last = words[0], words[-1]
    text = subject.doc.text[first.idx : last.idx + len(last)]
    return text, first.idx, last.idx + len(last)
