"""Who a short form points back to: the people of the story, each introduced once, and the latest one in focus
that a later title, role noun or surname fits.

News writing introduces a person once, in full: a name with the words that describe it ("Martin Oakes, director
of Oakes & Penhale", "operations director Gavin Hurst") or, for someone it will not name, an indefinite
description as the subject of a clause ("A police spokesman said", "A second agent, who asked not to be named,
was less diplomatic", "A third researcher, who reviewed the paper, said"). The indefinite article says the person
is new: they are no one named before. Afterwards it refers back with a short form: "the spokesman", "the agent",
"the reviewer", "Dr Menzies-Quayle". A short form points to the person it fits (a description holding the noun,
an agent noun of the verb in the description's clause, the whole written surname) who was most recently in focus;
when two people fit at the same place, it points to neither (`REFUSED`).

The model is read once per document (kept on its DocContext) from the parse and the entity mentions: no model
of its own. The callers (speakers.resolve_speaker) keep the evidence: the words of the introduction. A short form
the entity linking kept apart from its full name ("Cllr Hensall", "Det Insp Whitcombe") is joined to it before the
speakers are read (link_short_forms, called by extract).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsfacts.facts.context import DocContext
from newsfacts.facts.entities import EntityMention, body_words, entity_id, name_key
from newsfacts.facts.gender import whose_relative
from newsfacts.facts.lexicon import Lexicon, people_word
from newsfacts.facts.unnamed_voices import AGES, a_person, names_the_described, who_clause
from newsfacts.facts.unnamed_voices import description_end as _phrase_end

# speakers.SUBJECT_DEPS (speakers.py reads this module, so it cannot be imported from there)
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# What begins a description of someone new to the story (as unnamed_voices._INDEFINITE).
_INDEFINITE = ("a", "an", "one", "another")
# What a body is pointed back to by, before a description of one of its people ("Its chief executive, Martin Hale").
BODY_POSSESSIVES = ("its", "their")
# How far back the body "its" points to may be (as a body's unnamed voice: body_voices).
_BODY_FOCUS_SENTENCES = 3
# The endings that make a noun of the one who does a verb's action ("reviewer" of "reviewed", "inspector").
_AGENT_ENDINGS = ("er", "or", "ist", "ant", "ent")


@dataclass(frozen=True)
class Person:
    """One person of the story: named (entity_id) or introduced by a description only (entity_id None).
    start/end: the words that introduce them; words: the lower-case words that describe them;
    focus: the places (character offsets, outside quotations) where the story speaks of them, in order, each with
    whether they are there the subject of a clause (the one the sentence is about)."""

    entity_id: str | None
    start: int
    end: int
    words: frozenset[str]
    focus: tuple[tuple[int, bool], ...]
    # the words of another person's description they are introduced by a relation to ("The defendant's brother,
    # Martin Ashworth-Pike": defendant): whoever they are, they are not that person
    related: frozenset[str] = frozenset()
    # the bodies (entity ids) their introduction ties them to ("Fortuna's chief executive, Anita Rahman", "Its
    # chief executive, Martin Hale" after the commission was the subject, "Dr Martin Leclerc, chief executive of
    # the Fertility Standards Authority"): weighed against the body a later description is tied to (`referent`)
    bodies: frozenset[str] = frozenset()
    # the age the story gave them ("Terry Pugh, 63,", "63-year-old Terry Pugh"), or None
    age: int | None = None
    # the relative they were introduced as and where its owner is written ("her husband, Ben Gosling": "husband" and
    # the offset of "her"), or None: who the owner is the caller reads (speakers, which resolves pronouns)
    kin: tuple[str, int] | None = None
    # the words of that introduction before the relative's word ("his younger brother": younger)
    kin_words: frozenset[str] = frozenset()


REFUSED = Person(None, -1, -1, frozenset(), ())  # two people fit a short form at the same place: neither


def _description_words(tokens) -> frozenset[str]:
    return frozenset(t.lower_ for t in tokens if t.is_alpha)


def _unnamed_people(ctx: DocContext, lex: Lexicon) -> list[Person]:
    """Each indefinite description of one person as the subject of a clause outside quotations, with no name of its
    own in it or beside it ("A police spokesman said", "An eleven-year-old pupil, who asked not to be named, had
    ..."; a name in its relative clause is someone else's: unnamed_voices.names_the_described)."""
    people = []
    for tok in ctx.sdoc:
        if tok.dep_ not in SUBJECT_DEPS or tok.tag_ != "NN" or ctx.in_quote(tok.idx):
            continue
        if not any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in tok.children) \
                and not _unnamed_relative(tok, lex):
            continue
        if not a_person(tok, lex, titles=True):
            continue
        left = tok.left_edge
        if names_the_described(ctx, tok) or any(c.dep_ == "appos" for c in tok.children):
            continue  # "A senior negotiator, Jan Kovac, ...": named ("a nurse who worked under Alan Whitby": not)
        if any(t.ent_type_ and t.tag_ != "JJ" and t.ent_type_ not in AGES for t in ctx.sdoc[left.i : tok.i]):
            continue  # "A Greyline spokesperson": an organisation's voice, read by the other rules
        named = identified_next(ctx, tok)
        people.append(Person(named.entity_id if named is not None else None, left.idx, _phrase_end(ctx, tok),
                             _description_words(tok.subtree), ((tok.idx, True),)))
    return people


def _unnamed_relative(tok, lex: Lexicon) -> bool:
    """"Her mother, who asked that neither of them be identified, said": a relative owned by a pronoun and brought in
    by a clause of their own opening on "who", no name beside them, is someone new to the story as much as "a
    neighbour" is; whom "her" stands for is another question (speakers._relative)."""
    return tok.lower_ in lex.raw["speech"]["kin_words"] and who_clause(tok) \
        and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)


def _next_word(span):
    """The first token after the span that is not punctuation, or None."""
    return next((t for t in span.doc[span.end : span.end + 3] if not t.is_punct), None)


def identified_next(ctx: DocContext, tok):
    """"A former county building inspector testified Tuesday that ..." then "Under questioning by ..., the witness,
    Howard Teague, said": the delayed identification of a news lede. An indefinite description that is the subject
    of the story's first sentence (the first paragraph ending a sentence) is the person the next paragraph makes the
    subject of its first sentence, named there for the first time (a name in apposition to that subject too). Their
    mention, or None (not the lede, or the next paragraph's subject is a description, a name seen before, no one)."""
    first = next(((a, b) for a, b in ctx.paragraphs if ctx.body[a:b].rstrip()[-1:] in ".!?”\"’'"), None)
    if first is None or not first[0] <= tok.idx < first[1]:
        return None
    no = ctx.sentence_no(tok.idx)
    if ctx.sentence_no(first[0]) != no and not ctx.sentences[no - 1].text.rstrip().endswith(("-", "—", "–")):
        return None  # not the paragraph's first sentence (a dateline parsed as a sentence of its own aside)
    after = next((k for k in range(no + 1, min(no + 4, len(ctx.sentences)))
                  if ctx.sentences[k].start_char >= first[1] and any(c.isalpha() for c in ctx.sentences[k].text)), None)
    if after is None:
        return None
    sent = ctx.sentences[after]
    if ctx.paragraph_of(sent.start_char)[0] != sent.start_char:
        return None
    subjects = [c for c in sent.root.children if c.dep_ in SUBJECT_DEPS]
    for m in ctx.mentions_in(sent.start_char, sent.end_char):
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if m.type != "PERSON" or ctx.in_quote(m.start) or span is None or not len(span):
            continue
        root = span.root
        # the parse may hang "the witness, Howard Teague," on the name before it and leave the verb no subject: a
        # name in apposition right before the verb is its subject then
        verb = _next_word(span)
        before_verb = not subjects and root.dep_ == "appos" and verb is not None and verb.i == sent.root.i
        if root in subjects or root.dep_ == "appos" and root.head in subjects or before_verb:
            m = _last_named_in_apposition(ctx, root, sent) or m
            seen = any(o.entity_id == m.entity_id for o in ctx.mentions if o.end <= sent.start_char)
            return None if seen else m
    return None


def _last_named_in_apposition(ctx: DocContext, root, sent):
    """"Questioned by Dana Quill, the witness, Edwin Marsh, said": the parse may hang a chain of appositions on the
    first name; the last person named down the chain is the one it says the subject is. Their mention, or None."""
    found, tok = None, root
    while (tok := next((c for c in tok.children if c.dep_ == "appos"), None)) is not None:
        found = next((m for m in ctx.mentions_in(sent.start_char, sent.end_char)
                      if m.type == "PERSON" and m.start <= tok.idx < m.end), found)
    return found


def _named_people(ctx: DocContext, lex: Lexicon) -> list[Person]:
    """Each person the entity linking names, with the words the story puts beside any mention of them: a title or
    description before the name in its phrase ("operations director Gavin Hurst"), an apposition ("Martin Oakes,
    director of Oakes & Penhale", "His wife, Lorna Pell, a governor at the school")."""
    mentions: dict[str, list] = {}
    for m in ctx.mentions:
        if m.type == "PERSON" and not ctx.in_quote(m.start):
            mentions.setdefault(m.entity_id, []).append(m)
    people = []
    for entity_id, ms in mentions.items():
        words: set[str] = set(ctx.names[entity_id].lower().split())
        related: set[str] = set()
        bodies: set[str] = set()
        age = next((a for m in ms if not ctx.in_quote(m.start) and (a := _age_given(ctx.body, m)) is not None), None)
        kin, kin_words = None, frozenset()
        focus = []
        for m in ms:
            span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                focus.append((m.start, False))
                continue
            root = span.root
            # "Her rival, the former leader Harald Brekke, said": a name in apposition to the subject is the subject
            # and so is each of two subjects joined by "and"
            head = root
            while head.dep_ in ("appos", "conj") and head.head.i != head.i:
                head = head.head
            subject = head.dep_ in SUBJECT_DEPS
            focus.append((m.start, subject))
            described = [c for c in root.children if c.dep_ == "appos" and not whose_relative(c)]
            if root.dep_ == "appos":
                described.append(root.head)
            # "Leon Delaney, the club's head of security and the owner's younger brother": an apposition's conjunct
            # describes the same person
            described += [c for d in described for c in d.children if c.dep_ == "conj"]
            # "The defendant's brother, Martin Ashworth-Pike": the owner of a relation is someone else
            owners = {t.i for d in described for c in d.children if c.dep_ == "poss" for t in c.subtree}
            # "Two of the judges, the novelist Tobias Venn and the critic Lena Hartog,": a conjunct is someone else,
            # with words of their own
            others = owners | {t.i for c in root.children if c.dep_ == "conj" for t in c.subtree}
            tokens = [t for d in described for t in d.subtree if not m.start <= t.idx < m.end and t.i not in others]
            tokens += [t for t in root.lefts if t.i < span.start for t in t.subtree]
            group = _group_named_in_turn(root)
            if group is not None:  # "The two fisheries ministers, Norland's Henrik Solvang and ...": a minister
                tokens += [t for left in group.lefts for t in left.subtree]
                words.add(_singular(group.lower_))
            words |= _description_words(tokens)
            related |= _description_words(ctx.sdoc[i] for i in owners)
            relative = next((d for d in described if d.lower_ in lex.raw["speech"]["kin_words"]
                             and _kin_owner(d) is not None), None) if kin is None else None
            if relative is not None:
                kin, kin_words = (relative.lower_, _kin_owner(relative).idx), _description_words(relative.lefts)
            bodies |= _bodies_named(ctx, [*tokens, *(ctx.sdoc[i] for i in owners)], lex)
        people.append(Person(entity_id, ms[0].start, ms[0].end, frozenset(words), tuple(focus), frozenset(related),
                             frozenset(bodies), age, kin, kin_words))
    return people


def _kin_owner(relative):
    """The word owning a relative's noun ("her" of "her husband", "Malik" of "Imran Malik’s younger brother"): its
    possessive, or the word right before a possessive ending that opens its phrase where the parser did not hang that
    ending on the noun; None when nothing owns it."""
    owner = next((o for o in relative.children if o.dep_ == "poss"), None)
    if owner is not None:
        return owner
    edge = relative.left_edge.i
    ending = relative.doc[edge - 1] if edge >= 2 else None
    return relative.doc[edge - 2] if ending is not None and ending.tag_ == "POS" else None


# An age given with a name: "Terry Pugh, 63,", "Bev Pugh, aged 61", "63-year-old Terry Pugh".
_AGE_AFTER = re.compile(r"\s*,\s*(?:aged\s+)?(\d{1,3})\b(?!-|\s*(?:per|%))")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[\w-]+\s+){0,2}$")


def _age_given(body: str, m) -> int | None:
    """The age written right after or before this mention of a name, or None."""
    after = _AGE_AFTER.match(body, m.end, m.end + 12)
    before = _AGE_BEFORE.search(body, max(0, m.start - 40), m.start)
    found = after or before
    return int(found.group(1)) if found else None


def of_age(ctx: DocContext, start: int, age: int, lex: Lexicon) -> Person | None:
    """"“...,” the 78-year-old said": the named person of the story the story gave that age; when it gave it no one,
    the one of those it gave no other age who was the subject of the last sentence of prose before it (quoted
    sentences between aside); REFUSED on a tie (`_weighed`). None when no one is: an age alone says no more than
    that the person is known, and a subject further back, or a description as the last subject ("The Portuguese
    boss had been out of work ... The 56-year-old said"), leaves the story's protagonist to the caller."""
    fitting = [(rank, p) for p in story_people(ctx, lex) if p.entity_id is not None and p.start < start
               and p.age in (None, age) and (rank := _last_focus(ctx, p, start)) is not None]
    told = [(rank, p) for rank, p in fitting if p.age == age]
    if told:
        return _weighed(told, None)
    no = ctx.sentence_no(start)
    near = [(rank, p) for rank, p in fitting
            if rank[1] and all(_quoted_sentence(ctx, k) for k in range(rank[0] + 1, no))]
    return _weighed(near, None) if near else None


def compared(ctx: DocContext, start: int, entity_id: str, words: list[str], lex: Lexicon) -> Person | None:
    """"the elder Mr Pritchard", "the younger Ms Bhatt": of the people of the story introduced before `start` who
    share the surname of the one entity linking joined the short form to, the one the comparative picks by the ages
    the story gave them, or else by the relatives they were introduced as ("Gareth Pritchard, his younger brother":
    not the elder; "her older sister, Anjali Bhatt": the elder). None when fewer than two share the surname, the word
    is no comparative of age, or the evidence leaves not exactly one. `words`: the description's words before the
    name ("the elder Mr")."""
    kinds = lex.raw["speech"]["age_comparatives"]
    word = next((w for w in reversed(words) if w in kinds["older"] or w in kinds["younger"]), None)
    if word is None:
        return None
    older = word in kinds["older"]
    surname = ctx.names[entity_id].split()[-1]
    same = [p for p in story_people(ctx, lex) if p.entity_id is not None and p.start < start
            and len(ctx.names[p.entity_id].split()) >= 2 and ctx.names[p.entity_id].split()[-1] == surname]
    if len(same) < 2:
        return None
    if all(p.age is not None for p in same):
        ages = sorted(same, key=lambda p: p.age)
        pick, other = (ages[-1], ages[-2]) if older else (ages[0], ages[1])
        return pick if pick.age != other.age else None
    wanted, contrary = (kinds["older"], kinds["younger"]) if older else (kinds["younger"], kinds["older"])
    said = [p for p in same if p.kin_words & set(wanted)]
    left = said or [p for p in same if not p.kin_words & set(contrary)]
    if len(left) != 1 and len(same) == 2:
        left = _by_generation(same, older, lex)
    return left[0] if len(left) == 1 else None


def _by_generation(pair: list[Person], older: bool, lex: Lexicon) -> list[Person]:
    """"Vikram Desai ... His son, Arjun Desai, ... the younger Mr Desai": of two of one surname, one introduced as a
    relative of a generation below (son, niece) or above (mother, uncle) is the younger or the elder of the two; [] when
    neither or both were."""
    speech = lex.raw["speech"]
    generations = {"older": speech["older_generation_kin"], "younger": speech["younger_generation_kin"]}
    placed = [(p, side) for p in pair for side in generations if p.kin and p.kin[0] in generations[side]]
    if len(placed) != 1:
        return []
    p, side = placed[0]
    return [p] if (side == "older") == older else [q for q in pair if q is not p]


def _quoted_sentence(ctx: DocContext, k: int) -> bool:
    """The sentence is someone's quoted words, not the story's prose (which would bring someone else into focus)."""
    sent = ctx.sentences[k]
    return ctx.in_quote(sent.start_char) or sent.text.lstrip()[:1] in "“\"‘'"


def _bodies_named(ctx: DocContext, tokens, lex: Lexicon) -> set[str]:
    """The bodies these words name: a mention of a body of the story among them ("Fortuna's", "of the Fertility
    Standards Authority"), or a possessive "its"/"their" (the body the story spoke of last before it, within a few
    sentences: body_in_focus)."""
    found: set[str] = set()
    for t in tokens:
        if t.dep_ == "poss" and t.lower_ in BODY_POSSESSIVES:
            owner = body_in_focus(ctx, t.idx, None, lex, body_words(lex), within=_BODY_FOCUS_SENTENCES)
            if owner is not None:
                place = ctx.sdoc.char_span(owner[1], owner[1] + 1, alignment_mode="expand")
                found.add(_body_mentions(ctx, lex).get(place[0].i if place else -1, owner[0].entity_id))
            continue
        entity = _body_mentions(ctx, lex).get(t.i)
        if entity is not None:
            found.add(entity)
    return found


def _body_mentions(ctx: DocContext, lex: Lexicon) -> dict[int, str]:
    """{token index: body entity id} over every mention of a body of the story (story_bodies), outside quotations.
    A body named by the last word of one longer body's name written before it ("The Authority expects ..." after
    "the Fertility Standards Authority") is that body, as "the guild" is (speakers._body_by_its_head)."""
    if ctx.body_tokens is not None:
        return ctx.body_tokens
    bodies = story_bodies(ctx, lex, body_words(lex))
    ids = {b.entity_id for b in bodies}
    out = ctx.body_tokens = {}
    for m in ctx.mentions:
        if m.entity_id in ids and not ctx.in_quote(m.start):
            span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
            name = ctx.names.get(m.entity_id, m.text).split()
            fuller = [b.entity_id for b in bodies if b.start < m.start and len(b.name.split()) > 1
                      and b.name.split()[-1].lower() == name[0].lower()] if len(name) == 1 else []
            out.update({t.i: fuller[0] if len(fuller) == 1 else m.entity_id for t in span or ()})
    return out


def description_body(ctx: DocContext, start: int, lex: Lexicon) -> str | None:
    """The body a description of someone at `start` is tied to: by its own words ("its chief executive" after "The
    Authority expects ...", "the Lumenet boss", "the chief executive of Fortuna"), else the one body its sentence
    names outside quotations ("..., the chief executive said ..., after Fortuna's board met"). None when neither
    names exactly one."""
    span = ctx.sdoc.char_span(start, ctx.sentence_at(start).end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span[0]
    while tok.dep_ in ("det", "poss", "amod", "compound") and tok.head.i > tok.i:
        tok = tok.head  # the description's head noun
    own = _bodies_named(ctx, [t for t in tok.subtree if t.i <= tok.i or t.dep_ == "prep"
                             or any(a.dep_ == "prep" and a.head is tok for a in t.ancestors)], lex)
    if len(own) == 1:
        return next(iter(own))
    if own:
        return None
    sent = ctx.sentence_at(start)
    named = {e for i, e in _body_mentions(ctx, lex).items() if sent.start <= i < sent.end}
    return next(iter(named)) if len(named) == 1 else None


def _group_named_in_turn(root):
    """"The two fisheries ministers, Norland's Henrik Solvang and Vessia's Dora Meszaros, gave ...": a plural noun
    for people followed by a comma and names joined by "and" names each of them in turn, whatever the parse made of
    it (often the names as conjuncts of the plural noun, not its appositions). The plural noun, or None."""
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head is root or head.tag_ != "NNS" or head.i + 1 >= len(head.doc) or head.doc[head.i + 1].text != ",":
        return None
    return head


def story_people(ctx: DocContext, lex: Lexicon) -> list[Person]:
    """The people of the story, named and unnamed, read once per document. A title's abbreviation among a person's
    words describes them as the title does ("Cllr Rosa Lindqvist" is a councillor, "Det Insp Whitcombe" an
    inspector: lexicon title_words)."""
    if ctx.people is None:
        expand = lambda words: frozenset(words | {lex.title_words[w] for w in words if w in lex.title_words
                                                  and " " not in lex.title_words[w]})
        unnamed = _unnamed_people(ctx, lex)
        # a lede's description of someone the next paragraph names describes them (identified_next)
        told = {p.entity_id: p.words for p in unnamed if p.entity_id is not None}
        ctx.people = [replace(p, words=expand(p.words | told.get(p.entity_id, frozenset()))) for p in _named_people(ctx, lex)] \
            + [p for p in unnamed if p.entity_id is None]
    return ctx.people


def _fits(person: Person, noun: str) -> bool:
    """The noun describes the person: a word of their description, or the agent noun of one ("reviewer" for "who
    reviewed the paper", "inspector" for "who inspected")."""
    if noun in person.words:
        return True
    for ending in _AGENT_ENDINGS:
        stem = noun[: -len(ending)] if noun.endswith(ending) and len(noun) - len(ending) >= 4 else None
        if stem and any(w.startswith(stem) and w != noun for w in person.words):
            return True
    return False


def _last_focus(ctx: DocContext, person: Person, start: int) -> tuple[int, bool] | None:
    """How recently the person was in focus before `start`: the sentence the story last spoke of them in, and
    whether they were a subject there."""
    before = [(ctx.sentence_no(at), subject) for at, subject in person.focus if at < start]
    if not before:
        return None
    last = before[-1][0]
    return last, any(subject for no, subject in before if no == last)


def referent(ctx: DocContext, start: int, noun: str, lex: Lexicon, among=None) -> Person | None:
    """The person a definite description with this head noun at `start` ("the spokesman") points back to: of the
    people introduced before it whom the noun fits, the one the story spoke of last (by sentence; in one sentence,
    its subject); REFUSED when two fit as recently ("Marta Linde and Jonas Fell, both ministers, ... the minister");
    None when no one fits, or the noun is an organisation's ("the ministry", "the company"). `among`: only the
    people it accepts are weighed (a caller that knows more: the pronoun's gender)."""
    if noun in lex.org_anaphors:
        return None
    fitting = [(rank, p) for p in story_people(ctx, lex) if p.start < start and _fits(p, noun)
               and (among is None or among(p))
               and (rank := _last_focus(ctx, p, start)) is not None]
    if not fitting:
        return None
    return _weighed(fitting, description_body(ctx, start, lex) if len(fitting) > 1 else None)


def weighed_among(ctx: DocContext, start: int, people: list[Person]) -> Person | None:
    """Of these people (a caller's candidates, each fitting what it read), the one `_weighed` picks by recency;
    REFUSED on a tie, None when none was spoken of before `start`."""
    fitting = [(rank, p) for p in people if (rank := _last_focus(ctx, p, start)) is not None]
    return _weighed(fitting, None) if fitting else None


def _weighed(fitting: list, body: str | None) -> Person:
    """Of the people a description fits, each with how recently the story spoke of them (_last_focus), the one the
    evidence points to: first whether their introduction ties them to the body the description is tied to (+1) or
    to another one (-1; none known: 0), then recency (the later sentence; in one sentence, its subject). REFUSED
    when the best two are equal on both."""
    def tie(p: Person) -> int:
        return 0 if body is None or not p.bodies else (1 if body in p.bodies else -1)

    weighed = sorted((((tie(p), *rank), p) for rank, p in fitting), key=lambda w: w[0])
    key, best = weighed[-1]
    return REFUSED if any(k == key for k, _ in weighed[:-1]) else best


def group_of_one(ctx: DocContext, start: int, lex: Lexicon) -> tuple[int, int] | None:
    """"Residents say the area has seen a rise in robberies. One, who did not want to be named, said: “...”": a bare
    "one" is one of the people the story was last speaking of as a group: the plural noun for people that is the
    subject of a clause in the sentence before it (in its paragraph) or earlier in its own; its words, or None."""
    no = ctx.sentence_no(start)
    pstart = ctx.paragraph_of(start)[0]
    for k in (no, no - 1):
        if k < 0 or ctx.sentences[k].end_char <= pstart:
            break
        groups = [t for t in ctx.sentences[k] if t.idx < start and t.tag_ == "NNS" and t.dep_ in SUBJECT_DEPS
                  and not ctx.in_quote(t.idx) and (people_word(_singular(t.lower_), lex, titles=True) or who_clause(t))]
        if groups:
            return groups[-1].left_edge.idx, _phrase_end(ctx, groups[-1])
    return None


def _singular(word: str) -> str:
    """The pipeline has no lemmatizer: "residents" -> "resident", "witnesses" -> "witness", "women" -> "woman"."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith(("sses", "shes", "ches")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def related_to(ctx: DocContext, entity_id: str | None, noun: str, lex: Lexicon) -> bool:
    """The story introduced this person as a relation of whoever the noun describes ("The defendant's brother,
    Martin Ashworth-Pike" for "the defendant"): a short form with that noun is not them."""
    return any(p.entity_id == entity_id and noun in p.related for p in story_people(ctx, lex))


def _title_word(word: str, lex: Lexicon, abbreviated: bool = False) -> bool:
    """A title of the lexicon ("Cllr", "Dr", "Inspector") or a form of address ("DI", "Fr"); with abbreviated, also a
    short form of one of its one-word titles: its first three letters or more ("Det", "Insp"), or its first letter and
    then only consonants of it, in order ("Sgt")."""
    if form_of_address(word, lex):
        return True
    word = word.lower().rstrip(".")
    titles = lex.raw["names"]["titles"]
    if word in titles or word + "." in titles:
        return True
    if not abbreviated or not 3 <= len(word) <= 5 or not word.isalpha():
        return False
    for title in titles:
        if " " in title or len(title) <= len(word) or title[0] != word[0]:
            continue
        rest = iter(title)
        if title.startswith(word) or (not set(word[1:]) & set("aeiouy") and all(c in rest for c in word)):
            return True
    return False


def form_of_address(word: str, lex: Lexicon) -> bool:
    """A form of address or rank written only before a name (lexicon names.personal_titles), with or without its
    full stop: "Supt", "Fr.", "Lt"; one the lexicon writes in capitals only in capitals ("DI", not the name "Di")."""
    word = word.rstrip(".")
    return word.lower() in lex.personal_titles or word in lex.personal_titles_in_capitals


def _surname_after_titles(words: list[str], lex: Lexicon, abbreviated: bool) -> str | None:
    while len(words) > 1 and _title_word(words[0], lex, abbreviated):
        words = words[1:]
    return words[0].strip("-’'") if len(words) == 1 else None


def _written_surname(body: str, m, lex: Lexicon) -> str | None:
    """The surname a short form writes after its titles, whole where the model tagged only part of a joined name
    ("Quayle" of "Dr Menzies-Quayle"); None when the mention is not titles and one name. A mention the model typed
    no person ("Det Insp Whitcombe" an organisation) is read only when a title opens it, abbreviated titles too; a
    person's own words only with the lexicon's titles (an abbreviation could be a given name: "Dan" of "dean")."""
    start, end = m.start, m.end
    while start > 0 and (body[start - 1].isalpha() or body[start - 1] in "-’'"):
        start -= 1
    while end < len(body) and (body[end].isalpha() or body[end] in "-’'"):
        end += 1
    words = body[start:end].split()
    if m.type == "PERSON":
        return _surname_after_titles(words, lex, False)
    if len(words) < 2 or not _title_word(words[0], lex, True):
        return None  # an organisation's name ("Pell" the company), unless a title says it is a person's
    return _surname_after_titles(words, lex, True)


def link_short_forms(body: str, mentions: list, lex: Lexicon) -> None:
    """"Dr Menzies-Quayle" after "Harold Menzies-Quayle", "Cllr Hensall" (typed an organisation) after "Rupert
    Hensall", "Det Insp Whitcombe" after "Carla Whitcombe": a short form (titles and a surname) the model tagged apart
    from the full name, or only in part, is the one person introduced before with that whole surname (after
    entities.resolve_aliases and family_names, in place: type, key, entity id). Left alone when its key is already a
    full name's, when no one was introduced with the surname, or when two people were (relatives: family_names)."""
    full = [f for f in mentions if f.type == "PERSON" and len((f.named or f.text).split()) >= 2
            and (f.named or _surname_after_titles(f.text.split(), lex, False) is None)]
    full_keys = {f.key for f in full}
    for m in mentions:
        if m.named:
            continue
        # "Canon Fane" looks like a full name of its own: only the story's title for someone makes it a short form
        surname = _written_surname(body, m, lex) if m.key not in full_keys else None
        owners = {f.key: f for f in full if f.end <= m.start
                  and name_key((f.named or f.text).split()[-1]) == name_key(surname)} if surname is not None \
            else _given_the_title(body, m, [f for f in full if f.key != m.key])
        if len(owners) == 1:
            [(key, owner)] = owners.items()
            # the full name is the entity's name, not the longer short form ("Det Insp Whitcombe")
            m.type, m.key, m.named = "PERSON", key, owner.named or owner.text
            m.entity_id = entity_id(m.type, m.key)


def _given_the_title(body: str, m, full: list) -> dict:
    """"Canon Fane" after "Canon Peter Fane": a word and a surname written as a short form are the person introduced
    before with that surname and that word right before the given name, the story's own title for them, whatever
    the lexicon knows of the word (it leaves out "Canon", "Deputy", "General": words that open bodies' names too).
    The full names so written, by key (the caller links only when there is one)."""
    words = m.text.split()
    if m.type != "PERSON" or len(words) != 2 or not _NAME_WORD.match(words[0]) or not _NAME_WORD.match(words[1]):
        return {}
    before = body[max(m.start - 30, 0) : m.start].split()[-1:]
    if before and before[0][:1].isupper() and before[0][-1] not in ".!?:;,\"'”’":
        return {}  # "the formidable Dowager Lady Featherstonehaugh": a longer title than the one written before a name
    owners = {}
    for f in full:
        name = (f.named or f.text).split()
        before = body[max(f.start - 40, 0) : f.start].split()
        titled = name[0] == words[0] and len(name) >= 3 or before[-1:] == [words[0]] and len(name) >= 2
        if f.end <= m.start and titled and name_key(name[-1]) == name_key(words[1]):
            owners[f.key] = f
    return owners


# A paragraph of the body (as DocContext's): the first that ends a sentence opens the story's prose, below a headline.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")
_SENTENCE_END = re.compile(r"[.!?][”\"’')]*$")
# A word of a name: capitalised, one hyphen or apostrophe inside ("Oakes-Whitby", "O’Neill").
_NAME_WORD = re.compile(r"^[A-Z][a-zà-ÿø]+(?:[-’'][A-Za-zà-ÿø]+)?$")


def name_titled_people(mentions: list, lex: Lexicon, body_words: frozenset[str]) -> None:
    """"Cllr Rosa Lindqvist" typed an organisation, "Dr Lena Sørby" a place: a form of address written only before
    a person's name (lexicon names.personal_titles), then perhaps more titles ("Det Insp"), then a name of two or three
    words, is a person, introduced in full; the mention becomes that name, typed a person, before the aliases are
    linked (so "Cllr Lindqvist" later is the same person). In place. A name holding a word bodies are named with
    ("Dr Martens Footwear Ltd", body_words) stays as the model typed it."""
    for m in mentions:
        words = m.text.split()
        if m.type == "PERSON" or len(words) < 3 or not form_of_address(words[0], lex):
            continue
        k = 1
        while k < len(words) and _title_word(words[k], lex, True):
            k += 1
        name = words[k:]
        if not 2 <= len(name) <= 3 or not all(_NAME_WORD.match(w) for w in name) \
                or any(w.lower() in body_words for w in name):
            continue
        cut = m.text.index(name[0], len(" ".join(words[:k])))
        m.start, m.text, m.type = m.start + cut, m.text[cut:], "PERSON"
        m.key = name_key(m.text)


# A form of address written as one before a name: capitalised ("Dr", "Supt.", "DI"), then a space (not a line break).
_ADDRESS_WORD = re.compile(r"(?<![\w.’'-])([A-Z][A-Za-z]{0,13})\.? +")
# Then the name: two or three capitalised words on its line, not run on into a fourth.
_TITLED_NAME = re.compile(r"((?:[A-Z][a-zà-ÿø]+(?:[-’'][A-Za-zà-ÿø]+)? ){1,2}[A-Z][a-zà-ÿø]+(?:[-’'][A-Za-zà-ÿø]+)?)"
                          r"(?![\w’'-]| +[A-Z])")


def add_untagged_titled_people(body: str, mentions: list, lex: Lexicon, body_words: frozenset[str]) -> list:
    """"The council's head of regulatory services, Dr Nadine Osei, defended ...", the model tagging nothing: a form of
    address (lexicon names.personal_titles) and then a name of two or three capitalised words no mention covers is a
    person introduced in full (the name without the title), as name_titled_people reads a name the model mistyped.
    Not a name holding a word bodies are named with ("Dr Martens Footwear Ltd", body_words)."""
    taken = [(m.start, m.end) for m in mentions]
    added = []
    for title in _ADDRESS_WORD.finditer(body):
        if not form_of_address(title.group(1), lex):
            continue
        at = title.end()
        more = _ADDRESS_WORD.match(body, at)
        while more and _title_word(more.group(1), lex, True):  # "Det Supt Gwen Aldous": the name after every title
            at, more = more.end(), _ADDRESS_WORD.match(body, more.end())
        name = _TITLED_NAME.match(body, at)
        if name is None or any(s < name.end() and name.start() < e for s, e in taken) \
                or any(w.lower() in body_words for w in name.group().split()):
            continue
        added.append(EntityMention(name.start(), name.end(), name.group(), "PERSON", name_key(name.group()),
                                   person_by_grammar=True))
        taken.append(name.span())  # "Det Supt Gwen Aldous": "Supt" opens the same name again
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def link_organisation_short_forms(body: str, mentions: list, body_words: frozenset[str]) -> None:
    """"Halcyon Dynamics ... A Halcyon spokesman", "Pilots at Skyward Airlines ... Skyward said": a body introduced
    in full is then written by the opening words of its name; such a short form (typed an organisation, or a lone
    word the model typed a person that is no named person's name part, when the full name says it is a body's:
    "Airlines", body_words) is the one organisation introduced before it whose name opens with those words, named
    by the full name (after link_short_forms, in place). Left alone when two organisations written before open
    alike, when the short form is a place ("Harrowgate" of "Harrowgate City Council" is the town), or the given name
    of a person the model typed an organisation ("Rose-Lynn" of "Rose-Lynn Harlan"), or when the story wrote the
    short form before the full name below its headline ("Google ... Google Stadia"), or the short form is an
    acronym or a word for a kind of body: then it is a name of its own ("UEFA" of "UEFA Nations League", "the
    House" of "the House Science Committee")."""
    prose = next((m.start() for m in _PARAGRAPH.finditer(body) if _SENTENCE_END.search(m.group().rstrip())), 0)
    first_written: dict[str, int] = {}
    for m in mentions:
        if m.start >= prose:
            first_written.setdefault(m.key, m.start)
    full = [f for f in mentions if f.type == "ORG" and len(f.text.split()) >= 2
            and all(_NAME_WORD.match(w) or w[:1].isupper() and w.isalnum() for w in f.text.split())]
    if not full:
        return
    person_words = {w for p in mentions if p.type == "PERSON" and len((p.named or p.text).split()) >= 2
                    for w in name_key_words(p.named or p.text)}
    for m in mentions:
        words = m.text.split()
        if m.type not in ("ORG", "PERSON") or m.named \
                or m.type == "PERSON" and (len(words) != 1 or name_key(words[0]) in person_words):
            continue
        if m.text.isupper() or len(words) == 1 and _singular(words[0].lower()) in body_words:
            continue  # "UEFA" of "UEFA Nations League", "House" of "House Science Committee": a body's own name
        owners = {f.key: f for f in full if f.end <= m.start and f.key != m.key
                  and first_written.get(m.key, m.start) >= f.start
                  and [name_key(w) for w in f.text.split()[: len(words)]] == [name_key(w) for w in words]
                  and len(f.text.split()) > len(words)
                and (m.type == "ORG" or any(_singular(w.lower()) in body_words for w in f.text.split()[1:]))}
        if len(owners) == 1:
            [(key, owner)] = owners.items()
            m.type, m.key, m.entity_id = "ORG", key, owner.entity_id


def name_key_words(name: str) -> list[str]:
    return [name_key(w) for w in name.split()]


def titled_surname_owner(ctx: DocContext, start: int, text: str, lex: Lexicon):
    """"Cllr Ashgrove said", the model tagging nothing: titles and one surname are the one person introduced before
    with that surname (as link_short_forms for a tagged short form); their latest mention, or None when no one or
    two people (relatives) were, or the words are not titles and a surname."""
    words = text.split()
    surname = _surname_after_titles(words, lex, True) if len(words) >= 2 and _title_word(words[0], lex, True) else None
    if surname is None or not _NAME_WORD.match(surname):
        return None
    owners = {m.entity_id: m for m in ctx.mentions if m.type == "PERSON" and m.end <= start
              and len((m.named or m.text).split()) >= 2 and not ctx.in_quote(m.start)
              and name_key(ctx.names.get(m.entity_id, m.text).split()[-1]) == name_key(surname)}
    if len(owners) != 1:
        return None
    [entity] = owners
    return next(m for m in reversed(ctx.mentions) if m.entity_id == entity and m.end <= start)


@dataclass(frozen=True)
class Body:
    """One body of the story (a firm, a team, a force): entity_id, its name as the story writes it in full, where it
    is introduced, the words that say what kind of body it is, and where the story speaks of it (as Person.focus)."""

    entity_id: str
    name: str
    start: int
    kinds: frozenset[str]
    focus: tuple[tuple[int, bool], ...]


def story_bodies(ctx: DocContext, lex: Lexicon, body_words: frozenset[str]) -> list[Body]:
    """The bodies of the story, read once per document: every entity typed an organisation, or whose name or a noun
    set beside it says it is one (body_words: "Ardle Water", "His club, Redwater Rovers," typed a person), with its kinds (the words of its name and
    a noun in apposition: "Vanterpool's team, Celeste-Arbor", "Active Harrowgate, the trust that runs the centres")
    and its focus: each mention, and each place the story writes its full name again untagged (the model tags one
    mention and misses the next), outside quotations; a subject there when the name is the subject of a clause."""
    if ctx.bodies is not None:
        return ctx.bodies
    mentions: dict[str, list] = {}
    for m in ctx.mentions:
        if not ctx.in_quote(m.start) and m.type not in ("GPE", "LOC", "NORP"):
            mentions.setdefault(m.entity_id, []).append(m)
    bodies = []
    for entity, ms in mentions.items():
        name = ctx.names.get(entity, ms[0].text)
        kinds = {_singular(w) for w in re.findall(r"[a-z]+", name.lower())}
        places = {(m.start, m.end) for m in ms}
        if len(name.split()) >= 2:
            places |= {(hit.start(), hit.end()) for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", ctx.body)
                       if not ctx.in_quote(hit.start())}
        focus = []
        for start, end in sorted(places):
            span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            while root.dep_ == "compound" and root.head is not root:
                root = root.head
            head = root.head if root.dep_ == "appos" else root
            focus.append((start, head.dep_ in SUBJECT_DEPS))
            kinds |= {_singular(t.lower_) for t in (*[c for c in root.children if c.dep_ == "appos"], head)
                      if t is not root and t.tag_ in ("NN", "NNS")}
        # a body: typed one, or called one by its name or a noun beside it ("His club, Redwater Rovers," typed a person)
        if focus and (any(m.type == "ORG" for m in ms) or kinds & body_words):
            bodies.append(Body(entity, name, ms[0].start, frozenset(kinds), tuple(focus)))
    ctx.bodies = bodies
    return bodies


def body_in_focus(ctx: DocContext, start: int, kind: str | None, lex: Lexicon, body_words: frozenset[str],
                  within: int | None = None):
    """The body an unnamed voice with this kind ("A team spokesperson": team; None for a bare "A spokesperson")
    speaks for: of the bodies introduced before it that are of that kind, the one the story spoke of last (by
    sentence; in one sentence, its subject), as `referent` ranks people; None when none is, or two are as
    recently, or (with `within`) the latest is more sentences back than that. (the body, its latest place)"""
    no = ctx.sentence_no(start)
    fitting = []
    for b in story_bodies(ctx, lex, body_words):
        if b.start >= start or kind is not None and kind not in b.kinds:
            continue
        before = [(ctx.sentence_no(at), subject, at) for at, subject in b.focus if at < start]
        if before:
            last = before[-1][0]
            fitting.append(((last, any(s for n, s, _ in before if n == last)), b, before[-1][2]))
    if not fitting:
        return None
    fitting.sort(key=lambda f: f[0])
    rank, best, at = fitting[-1]
    if any(r == rank for r, _, _ in fitting[:-1]) or within is not None and no - rank[0] > within:
        return None
    return best, at


# How a description singles out one of several people: "the canon who had spent the night with the choristers'
# families" after "Canon Peter Fane ... directed the removal of the treasures, while Canon Rosalind Hythe ... stayed
# with the choristers' families". The pipeline has no lemmatizer, so words are compared by a crude stem: the word
# without its inflection, cut to this many letters ("handled" and "handle", "families" and "family" meet).
_STEM_LETTERS = 6
# The parts of a clause that say something of the person besides its verb's own words: what they said (a
# complement with its own subject), and clauses hung on the verb about someone else ("while Hythe stayed ...").
_OWN_SUBJECT_CLAUSES = ("ccomp", "advcl", "conj", "parataxis", "xcomp")
# What qualifies a description restrictively (no comma before it): a relative or participle clause, or a phrase
# ("the inspector in charge of the case").
_QUALIFIERS = ("relcl", "acl", "prep")


def _stem(word: str) -> str:
    word = word.lower().rstrip("’'")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    for ending in ("ing", "ed", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[:_STEM_LETTERS]


def _content_stems(ctx: DocContext, tokens) -> set[str]:
    """The stems of the words that carry content (nouns, verbs, adjectives; no stop words), outside quotations."""
    return {_stem(t.text) for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2
            and t.tag_[:2] in ("NN", "VB", "JJ") and not ctx.in_quote(t.idx)}


def _said_of(ctx: DocContext, entity_id: str) -> set[str]:
    """What the story says of a named person outside quotations, as content stems: the words hung on each mention
    of them (their apposition, their relative clause) and, where they are the subject, the clause they are the
    subject of without its clauses about others or its reported words."""
    stems: set[str] = set()
    for m in ctx.mentions:
        if m.entity_id != entity_id or ctx.in_quote(m.start):
            continue
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        stems |= _content_stems(ctx, [t for t in root.subtree if not m.start <= t.idx < m.end])
        head = root
        while head.dep_ in ("appos", "conj") and head.head.i != head.i:
            head = head.head
        if head is not root:  # "His fellow administrator, Nadia Pearce, who handled ...": the noun it names too
            stems |= _content_stems(ctx, [t for t in head.subtree if not any(
                c.dep_ == "conj" and t in c.subtree for c in head.children)])
        if head.dep_ not in SUBJECT_DEPS:
            continue
        verb = head.head
        others = {t.i for c in verb.children if c.dep_ in _OWN_SUBJECT_CLAUSES
                  and any(g.dep_ in SUBJECT_DEPS for g in c.children) for t in c.subtree}
        stems |= _content_stems(ctx, [t for t in verb.subtree if t.i not in others])
    return stems


def singled_out(ctx: DocContext, head, lex: Lexicon) -> Person | None:
    """"said the administrator who had handled the Norwegian collapses", two administrators in the story: a definite
    description whose noun fits several named people of the story and that a restrictive clause or phrase qualifies
    is the one of them the story said that of (the clause's content words against what the story says of each:
    _said_of). The person with a clear lead; REFUSED on a tie or when the clause matches none of them. When the noun
    fits one named person only, that person if the story said all the qualifier says of them; None otherwise and
    when the noun fits no one (the other readings decide)."""
    qualifiers = [c for c in head.children if c.dep_ in _QUALIFIERS and c.i > head.i]
    if not qualifiers or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    noun = head.lower_
    fitting = [p for p in story_people(ctx, lex) if p.entity_id is not None and p.start < head.idx and _fits(p, noun)]
    clause = _content_stems(ctx, [t for c in qualifiers for t in c.subtree])
    if len(fitting) == 1:  # "the head of libraries" after "Harriet Munday, the service's head of libraries": the one
        # the noun fits, when the story said all the qualifier says of them
        said = _said_of(ctx, fitting[0].entity_id) | {_stem(w) for w in fitting[0].words}
        return fitting[0] if clause and clause <= said else None
    if len(fitting) < 2:
        return None
    scored = sorted(((len(clause & _said_of(ctx, p.entity_id)), k) for k, p in enumerate(fitting)), reverse=True)
    (best, k), (second, _) = scored[0], scored[1]
    return fitting[k] if best > second else REFUSED


# Pronouns that say the one they stand for is a body, not a person ("Vosmar Fishing said it was shocked"), and
# pronouns that say it is a person.
_BODY_PRONOUNS = ("it", "its", "itself")
_PERSON_PRONOUNS = ("he", "she", "his", "her", "him", "hers", "himself", "herself")


def body_spoken_of(ctx: DocContext, start: int, kind: str | None, lex: Lexicon) -> tuple[str | None, str, int, int] | None:
    """The body a description any body fits ("the company said", "the statement read", "a spokesman for the firm":
    lexicon any_body_descriptions) points back to, as an age the story gave no one points to a person (`of_age`):
    the subject of the last sentence of prose before it (quoted sentences aside, within a few sentences), when
    that subject is a body: a body of the story (story_bodies); a person whose introduction ties them to one body
    (their body: "Tolvik Line's operations director, Pieter Vanhoof, ... said" then "The company said"); a name the
    model typed a person that the sentence calls "it" and never "he"/"she" ("The vessel's owner, Vosmar Fishing,
    said it was ..."); a place-typed name in apposition to a noun ("The shop's landlord, Harbeck Estates,"); an
    untagged name, or the first word of one body's fuller name ("Upfield, whose balloon ..."). A body whose name
    says it is a public one is no company (`kind` other than a text; None: a bare voice, any body); one named
    by a person's title is an office, not a body that speaks ("the New York state attorney general"). (entity id or None, name, where it is
    written), or None: the last sentence is about no body, or about a person tied to none or several."""
    no = ctx.sentence_no(start)
    k = no - 1
    while k >= 0 and _quoted_sentence(ctx, k) and no - k <= _BODY_FOCUS_SENTENCES:
        k -= 1
    if k < 0 or no - k > _BODY_FOCUS_SENTENCES or _quoted_sentence(ctx, k):
        return None
    sent = ctx.sentences[k]
    subject = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    found = _body_named_by(ctx, sent, subject, lex)
    if found is None:
        return None
    words = re.findall(r"[a-z]+", found[1].lower())
    if words and people_word(words[-1], lex, titles=True):
        return None  # "The New York state attorney general is investigating WeWork": an office, held by a person
    public = set(words) & set(lex.raw["speech"]["public_body_words"])
    return None if public and kind is not None and kind not in lex.text_nouns and kind not in public else found


def _body_named_by(ctx: DocContext, sent, subject, lex: Lexicon) -> tuple[str | None, str, int, int] | None:
    """The body the subject of this sentence names (body_spoken_of), or None."""
    ids = {b.entity_id: b for b in story_bodies(ctx, lex, body_words(lex))}
    pronouns = {t.lower_ for t in sent if t.lower_ in _BODY_PRONOUNS + _PERSON_PRONOUNS and not ctx.in_quote(t.idx)}
    for tok in [subject, *[c for c in subject.children if c.dep_ == "appos"]]:
        m = next((m for m in ctx.mentions if m.start <= tok.idx < m.end and not ctx.in_quote(m.start)), None)
        if m is None:
            words = [t for t in tok.subtree if t.i <= tok.i and (t.dep_ == "compound" or t is tok) and t.text[:1].isupper()]
            if not words or words[0].tag_ != "NNP" or tok.ent_type_ == "PERSON":
                continue
            name = ctx.body[words[0].idx : tok.idx + len(tok)]
            fuller = [b for b in ids.values() if b.start < tok.idx and b.name.split()[: len(name.split())] == name.split()
                      and len(b.name.split()) > len(name.split())]
            if len(fuller) == 1:  # "Upfield, whose balloon ..." after "Upfield Balloon Flights"
                return fuller[0].entity_id, fuller[0].name, words[0].idx, tok.idx + len(tok)
            # a name of two words or more ("Northlight TV, which aired the show,"); one capitalised word alone may
            # be a headline's or a sentence's first
            return (None, name, words[0].idx, tok.idx + len(tok)) if len(words) > 1 else None
        name = ctx.names.get(m.entity_id, m.text)
        if m.entity_id in ids and m.type != "PERSON":
            return m.entity_id, name, m.start, m.end
        if m.type == "PERSON":
            person = next((p for p in story_people(ctx, lex) if p.entity_id == m.entity_id), None)
            if person is not None and len(person.bodies) == 1:
                body = next(iter(person.bodies))
                at = next((o for o in reversed(ctx.mentions) if o.entity_id == body and o.end <= sent.end_char), None)
                if at is not None:
                    return body, ctx.names.get(body, at.text), at.start, at.end
            if pronouns & set(_BODY_PRONOUNS) and not pronouns & set(_PERSON_PRONOUNS) and (person is None or not person.bodies):
                return m.entity_id, name, m.start, m.end
            return None
        if m.type in ("GPE", "LOC") and (tok.dep_ == "appos" or any(c.dep_ == "appos" for c in tok.children)):
            return m.entity_id, name, m.start, m.end
        return None
    return None
