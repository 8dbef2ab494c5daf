"""The words that name a speaker read as one noun phrase, and the chain of mentions they point back along.

The phrase: "Her longtime rival, the former Conservative leader Harald Brekke, now 91, said" has the head "rival", and
the person is the name at the end of the chain of appositions ("rival" -> "leader" -> "Brekke"), however many
descriptions stand between; "the ambassador of Orestia" is an ambassador (its head) the story ties to Orestia, not
the place; "the minister" is not a prime minister, and a title in apposition to another name is not this one's.
The chain: "It said" after "The finance ministry said ..." is the body the description names, not a place tagged
inside it; after "The report ..." it is whoever put the report out; "Reached at her home, Ms Varga declined" points
"her" ahead to Varga; a lede's "A former transport minister" is the person the next paragraph opens on.
speakers.py and relayed_texts.py call these where they read a subject, a title or a pronoun.
"""

from __future__ import annotations

import re

from newsfacts.facts.context import DocContext


def apposition_root(tok):
    """The noun a chain of appositions hangs on: "Brekke" in "Her longtime rival, the former Conservative leader
    Harald Brekke" -> "rival" (Brekke is in apposition to "leader", itself in apposition to "rival")."""
    seen = 0
    while tok.dep_ == "appos" and tok.head.i != tok.i and seen < 4:
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
        root = apposition_root(span.root)
        # "The mayor of Sarn, Dilara Enver, said": the parse may hang the name on the head's "of" complement
        if root.idx == head or (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.idx == head):
            out.append(m)
    return out


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


_QUALIFYING = ("of", "for", "from", "to")  # "the ambassador of Orestia", "the envoy to the region"


def qualified_title(ctx: DocContext, start: int, end: int, titles) -> tuple[list[str], list] | None:
    """"the ambassador of Orestia": a description whose head noun is a title (lexicon names.titles), qualified by a
    name after "of"/"for"/"from"/"to" (a place, a body, a people, a person). The title's words (the head and the words before it,
    without the article: ["ambassador"]) and the mentions qualifying it; None for any other phrase (a name, a title
    with nothing after it, "the mayor of a small town")."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    if head.tag_ != "NN" or head.lower_ not in titles or not any(c.dep_ == "det" and c.lower_ == "the"
                                                                 for c in head.children):
        return None
    objects = [o for p in head.children if p.dep_ == "prep" and p.lower_ in _QUALIFYING
               for o in p.children if o.dep_ == "pobj"]
    # any name: the model types a country a person as readily as a place ("of Velmora"), and "the lawyer for X" is
    # the lawyer the story ties to X
    qualifiers = [m for o in objects for m in ctx.mentions if m.start <= o.idx < m.end]
    if not qualifiers:
        return None
    words = [t.lower_ for t in ctx.sdoc[head.left_edge.i : head.i + 1] if t.dep_ != "det" and t.is_alpha]
    return words, qualifiers


def tied_to(ctx: DocContext, person, qualifiers) -> bool:
    """The person is written, somewhere in the story, in one sentence with a name of what qualifies the title
    ("Ambassador Selin Darque of Orestia", "Orestia's ambassador, Selin Darque"), outside quotations."""
    keys = {m.key for m in qualifiers}
    for m in ctx.mentions:
        if m.entity_id != person.entity_id or ctx.in_quote(m.start):
            continue
        sent = ctx.sentence_at(m.start)
        if any(q.key in keys and sent.start_char <= q.start < sent.end_char and not ctx.in_quote(q.start)
               and abs(q.start - m.start) <= 60 for q in ctx.mentions):
            return True
    return False


def other_offices_out(text: str, described: str, offices) -> str:
    """The words around a name without the offices (lexicon speech.distinct_offices) that end with the description's
    title but are another office: for "the minister", "former prime minister Hedda Lorens" holds no office named
    "minister"; for "the prime minister" (the office written whole) nothing is taken out."""
    other = [o for o in offices if o != described and not described.endswith(" " + o)
             and o.split()[-1] == described.split()[-1]]
    if not other:
        return text
    return re.sub(rf"\b(?:{'|'.join(re.escape(o) for o in sorted(other, key=len, reverse=True))})\b", " ", text)


def identified_after_the_lede(ctx: DocContext, start: int, words: list[str], titles, in_the_lede) -> object | None:
    """"A former transport minister accepted ... cash, a prosecutor told the court" then "Anton Brezic, 58, who
    served in the cabinet of ..., denies six counts": a story whose lede makes an indefinite description of one its
    subject and whose next paragraph opens on a person named for the first time (a "delayed identification" lede)
    has told who the description is; "the minister" later, with the lede's title as its head, is that person. The
    person's mention, or None (the lede's subject not a title of that head; the next paragraph opening on a
    description, a name seen before, or no name)."""
    if not words or words[-1] not in titles:
        return None
    for a, b in ctx.paragraphs:
        # the lede's sentence with a subject (a dateline, "VELHAVEN (Courts Desk) -", may be parsed as one of its own)
        lede = [s for s in ctx.sentences[ctx.sentence_no(a) : ctx.sentence_no(max(b - 1, a)) + 1]
                if s.end_char < start and in_the_lede(s.root.idx) and _subjects(s.root)]
        if not lede:
            continue
        sent = lede[0]
        # its subject, or the subject of what it reports ("A former minister accepted ..., a prosecutor told")
        subject = next((c for c in _subjects(sent.root) if c.lower_ == words[-1]), None)
        article = next((c.lower_ for c in subject.children if c.dep_ == "det"), None) if subject is not None else None
        if subject is None or ctx.in_quote(subject.idx) or article not in ("a", "an", "the") \
                or (article == "the" and not _role_alone(ctx, subject)):
            return None
        no = ctx.sentence_no(sent.end_char - 1)
        nxt = next((s for s in ctx.sentences[no + 1 : no + 3] if re.search(r"[A-Za-z]", s.text)), None)
        if nxt is None or nxt.start_char >= start or ctx.paragraph_of(nxt.start_char)[0] != nxt.start_char:
            return None
        people = [m for m in ctx.mentions_in(nxt.start_char, nxt.end_char) if not ctx.in_quote(m.start)]
        if not people or people[0].type != "PERSON" \
                or any(m.entity_id == people[0].entity_id for m in ctx.mentions if m.end <= nxt.start_char):
            return None
        span = ctx.sdoc.char_span(people[0].start, people[0].end, alignment_mode="expand")
        if span is None or not len(span) or span.root.dep_ not in ("nsubj", "nsubjpass") \
                or span.root.head.i != nxt.root.i:
            return None
        if article == "the" and _described_otherwise(ctx, span, words[-1]):
            return None  # "Tom Reed, the committee's chairman, said": someone else, introduced by his own role
        return people[0]
    return None


def _role_alone(ctx: DocContext, subject) -> bool:
    """"The rail minister was accused on Tuesday of ...": a definite role as the lede's subject with no name in it or
    beside it (the story's delayed identification of a known office holder), not "The prime minister, Keir Starmer,"
    nor a body's ("The Harlow council leader")."""
    if any(c.dep_ == "appos" for c in subject.children):
        return False
    return not any(m.start < subject.idx + len(subject) and subject.left_edge.idx < m.end for m in ctx.mentions)


def _described_otherwise(ctx: DocContext, span, noun: str) -> bool:
    """The person opening the next paragraph is given a role of their own ("Tom Reed, the committee's chairman,",
    "Committee chairman Tom Reed") that is not the lede's: a second person, not the one the lede described."""
    root = span.root
    words = [t.lower_ for c in root.children if c.dep_ == "appos" for t in c.subtree]
    words += [t.lower_ for t in root.lefts if t.i < span.start and t.is_alpha and not t.ent_type_
              and t.dep_ in ("compound", "amod", "nmod")]
    return bool(words) and noun not in words


def _subjects(verb) -> list:
    """The subjects of a verb and of the clause it reports (its ccomp)."""
    clauses = [verb] + [c for c in verb.children if c.dep_ == "ccomp"]
    return [c for v in clauses for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]


_PHRASE_DEPS = ("compound", "amod", "det", "nmod", "poss", "case", "punct", "prep", "pobj")


def others_words_out(ctx: DocContext, m, start: int, end: int) -> str:
    """body[start:end], lower case, with the words that describe another person blanked out (spaces, same length):
    "Marta Linde, the trade minister, met Jonas Fell" does not title Fell a minister, since "the trade minister"
    is the apposition of Linde's name. A word belongs to the noun phrase it is in; that phrase describes a name
    when it is in apposition to it (or the name is in apposition to the phrase)."""
    text = list(ctx.body[start:end].lower())
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "".join(text)
    # another name of any type: the model may type a person an organisation ("Marta Linde" ORG)
    people = [o for o in ctx.mentions if o.entity_id != m.entity_id and start - 80 <= o.start < end + 80]
    if not people:
        return "".join(text)
    for tok in span:
        noun, steps = tok, 0
        while noun.dep_ in _PHRASE_DEPS and noun.head.i != noun.i and steps < 6 and not m.start <= noun.idx < m.end:
            noun, steps = noun.head, steps + 1
        if m.start <= noun.idx < m.end:
            continue  # "Captain Rhodri Evans", "Sen. Ruth Abernethy-Cole": a word of this person's own name phrase
        owner = noun.head if noun.dep_ == "appos" else None
        named_here = [c for c in noun.children if c.dep_ == "appos"]
        if any(owner is not None and o.start <= owner.idx < o.end for o in people) \
                or any(o.start <= c.idx < o.end for c in named_here for o in people):
            for i in range(max(tok.idx, start), min(tok.idx + len(tok), end)):
                text[i - start] = " "
    return "".join(text)


def issuer_of_the_text(cue, text_nouns, issuing_verbs) -> tuple[int, int] | None:
    """"After the programme, the prime minister's office issued a two-line statement saying Stene “retains the full
    confidence” of ...": a participle of speech hung on a noun of speech or a written text ("a statement saying", "a
    letter warning") reports the words of whoever put the text out, the subject of the verb the noun is the object
    of, when that verb puts the text out (lexicon speech.issuing_verbs: not "read a statement saying", whose reader
    is not its writer); a text with no such verb ("the statement, saying ...") says nothing here. The subject's char
    span, or None."""
    noun = cue.head
    if cue.dep_ != "acl" or noun.lower_ not in text_nouns or noun.dep_ != "dobj" or noun.head.lower_ not in issuing_verbs:
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("it", "they", "which", "that", "who"):
        return None
    return subject.left_edge.idx, subject.idx + len(subject)


def cataphoric_subject(ctx: DocContext, sent, pronoun):
    """"Reached at her home on Tuesday evening, Ms Varga declined to discuss the memo": a pronoun in a clause or
    phrase set before the main subject points ahead to that subject, the person the sentence is about, not back to
    someone of an earlier sentence. The subject's mention, or None (the pronoun after the subject, or a subject that
    is no named person)."""
    subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or pronoun.i >= subject.left_edge.i:
        return None
    fronted = next((c for c in sent.root.children if c.i < subject.left_edge.i
                    and c.left_edge.i <= pronoun.i <= c.right_edge.i), None)
    if fronted is None or fronted.dep_ not in ("advcl", "prep", "npadvmod", "advmod", "ccomp", "dep"):
        return None
    return next((m for m in ctx.mentions if m.type == "PERSON" and m.start <= subject.idx < m.end
                 and not ctx.in_quote(m.start)), None)


def appositions_of_phrase(noun) -> list:
    """The appositions of a noun phrase: those of its head, and those the parse hung on the last noun of its "of"
    complement ("the mayor of Sarn, Dilara Enver": the name is the mayor's, not Sarn's)."""
    out = [c for c in noun.children if c.dep_ == "appos"]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            out += [c for c in obj.children if c.dep_ == "appos"]
    return out


def _nearest_subject(ctx: DocContext, start: int):
    """The main-clause subject of the pronoun's own sentence (before it) or, failing one, of the sentence before."""
    no = ctx.sentence_no(start)
    for sent in (ctx.sentences[no], ctx.sentences[no - 1] if no else None):
        if sent is None or ctx.in_quote(sent.root.idx):
            continue
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.idx < start and not ctx.in_quote(subject.idx):
            return subject
    return None


def issuer_of_the_text_before(ctx: DocContext, start: int, text_nouns, issuing_verbs) -> tuple[int, int] | None:
    """"Your own audit office published a report on Friday ... The report is a serious piece of work ... It says,
    and I quote, “...”": "it" after a text made the subject stands for the text, whose words are those of whoever
    the story said put it out (the subject of "published", "issued" with that text as object, within the six
    sentences before). The issuer's char span, or None."""
    subject = _nearest_subject(ctx, start)
    if subject is None or subject.lower_ not in text_nouns:
        return None
    no = ctx.sentence_no(subject.idx)
    for sent in reversed(ctx.sentences[max(no - 6, 0) : no + 1]):
        for tok in sent:
            if tok.idx >= subject.idx or tok.lower_ != subject.lower_ or tok.dep_ != "dobj" \
                    or tok.head.lower_ not in issuing_verbs:
                continue
            issuer = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if issuer is not None and issuer.lower_ not in ("it", "they", "which", "that", "who"):
                # "Minister, your own audit office published": the description in apposition says who (the parse
                # takes a vocative for the subject)
                issuer = next((c for c in issuer.children if c.dep_ == "appos" and c.tag_ == "NN"
                               and any(d.dep_ in ("det", "poss") for d in c.children)), issuer)
                return _phrase_start(issuer), issuer.idx + len(issuer)
    return None


def _phrase_start(noun) -> int:
    """Where a noun's own phrase begins: its determiner, possessor and modifiers right before it, not a vocative the
    parse hung on it ("Minister, your own audit office")."""
    first = noun
    for c in reversed(list(noun.lefts)):
        if c.dep_ not in ("det", "poss", "amod", "compound", "nmod", "nummod") or c.right_edge.i != first.i - 1:
            break
        first = c.left_edge
    return first.idx
