"""One person given by a description at the words attributing a quote: the named person the story gave those words
to in apposition, else no one named (issue #25's convention: a description of one person is never stored as a name;
a group or a body given by a description stays the speaker as said)."""

from __future__ import annotations

import re
from dataclasses import replace

from newsfacts.facts.context import DocContext
from newsfacts.facts.entities import _AGENT_NOUN, body_words
from newsfacts.facts.lexicon import Lexicon, people_word
from newsfacts.facts.speakers import SUBJECT_DEPS, Speaker

# The determiners that make a singular noun one person: "One mother", "a neighbour", "the former employee".
_ONE = ("one", "a", "an", "another", "the")
# An age given to the head in apposition ("One candidate, a 23-year-old from Coventry"): only people have one.
_AGE = re.compile(r"\b[\w]+\s?-\s?year\s?-\s?old$")
# A name in apposition ending the phrase ("The concertmaster of one, Ilya Brandt"), tagged or not.
_APPOSED_NAME = re.compile(r",\s+(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*$")


def given_in_apposition(ctx: DocContext, speaker: Speaker) -> Speaker | None:
    """"Tom Reed, a former employee who left in 2023, ... “...,” the former employee said": a definite description
    left as the speaker whose words the story gave, in order, in an apposition to exactly one named person before
    it ("Dana Reid, a former LockJaw employee,") is that person (the description kept as the role); several, or
    none, leave it to names_no_one."""
    if speaker.unnamed or speaker.entity_id is not None or not speaker.name or speaker.start is None \
            or not re.match(r"[Tt]he [a-z]", speaker.name) or not ctx.body.startswith(speaker.name, speaker.start):
        return None
    words = speaker.name.split()[1:]
    pattern = re.compile(r",\s+(?:a|an|the|[A-Z]\w*['’]s)\s+(?:[\w'’-]+\s+){0,3}?"
                         + r"(?:\s+[\w'’-]+){0,2}?\s+".join(map(re.escape, words)) + r"\b")
    people = {m.entity_id: m for m in ctx.mentions_in(0, speaker.start)
              if m.type == "PERSON" and pattern.match(ctx.body, m.end)}
    if len(people) != 1:
        return None
    m = next(iter(people.values()))
    return replace(speaker, entity_id=m.entity_id, name=ctx.names[m.entity_id], role=speaker.name,
                   name_start=m.start, name_end=m.end)


def names_no_one(ctx: DocContext, speaker: Speaker, lex: Lexicon) -> bool:
    """The speaker found is a description of one person kept as written, at the words that attribute the quote ("One
    Strathmorven shopkeeper, who did not want to be named", "One mother, pushing a buggy along Harbour View", "the
    former employee"): every rule that could tie it to someone the story names has run and none did, so it names no
    one; it is kept as evidence, never stored as if it were a name. Not a group or a body ("staff", "the organisers",
    "The trust", "the crowd": the speaker as said), a description holding a name ("the vice-chancellor, Professor
    Alan Reddaway") or an organisation ("one sales assistant of Harcourt Retail"), nor one reached through other
    words ("It", "the statement" standing for "your own audit office")."""
    if speaker.unnamed or speaker.entity_id is not None or not speaker.name or speaker.start is None:
        return False
    if not ctx.body.startswith(speaker.name, speaker.start) or _APPOSED_NAME.search(speaker.name):
        return False
    end = speaker.start + len(speaker.name)
    # an organisation owning the head ("one sales assistant of Harcourt Retail"), not one where the person said in
    # apposition is from ("One candidate, a 23-year-old from Coventry", Coventry typed an organisation)
    own_end = speaker.start + len(speaker.name.split(",")[0])
    if any(m.type == "PERSON" or (m.type == "ORG" and m.start < own_end) for m in ctx.mentions_in(speaker.start, end)):
        return False
    return one_person(ctx, speaker.start, end, lex)


def one_person(ctx: DocContext, start: int, end: int, lex: Lexicon) -> bool:
    """The description's head reads as one person: a determiner for one ("one", "a", "the") before a singular noun
    (or an adjective the parse makes the subject: "one 23-year-old regular") that the lexicon gives to people or that
    the sentence does (an agent noun, a relative "who", an age in apposition); never a group ("the crowd", "the
    family"), a body ("The trust") or a text ("the newsletter")."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].lower_ not in _ONE:
        return False
    head = span.root
    if head.tag_ != "NN" and not (head.tag_ == "JJ" and head.dep_ in SUBJECT_DEPS):
        return False
    word = head.lower_
    if word in lex.collective_nouns or word in lex.text_nouns or word in body_words(lex):
        return False
    # a noun for one who does something ("shopkeeper", "organiser"), read as entities reads a person's relation
    return people_word(word, lex, titles=True) or _AGENT_NOUN.match(word) is not None or _said_of_a_person(head)


def _said_of_a_person(head) -> bool:
    """The sentence gives the noun what only a person has: a relative "who" ("One shopkeeper, who did not want to be
    named") or an age in apposition ("One candidate, a 23-year-old from Coventry")."""
    for child in head.children:
        if child.dep_ == "relcl" and child.left_edge.lower_ in ("who", "whom", "whose"):
            return True
        if child.dep_ == "appos" and _AGE.search(head.doc[child.left_edge.i : child.i + 1].text.lower()):
            return True
    return False
