"""Who speaks when no name is given: the described person, or no one; never the nearest named person by default.

News writing introduces a voice it will not name with an indefinite description ("A senior Liberal negotiator,
who spoke on condition that he not be named, was franker still", "“...,” whispers one woman in the second row") and
gives a voice that has no speaker at all as a noun of the voice itself ("From the benches came a shout of “Which
one?”").
The indefinite article says the person is new to the story, so a pronoun that continues them ("“...,” he said")
is that description, not whoever was named before it; a voice given as a noun belongs to whoever the sentence says
made it ("his shout of"), else to no one named. Both give the words of the description; the callers make them an
unnamed speaker (speakers.Speaker.unnamed: no speaker, the description kept as evidence).
"""

from __future__ import annotations

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon, people_word

# speakers.SUBJECT_DEPS (speakers.py reads this module, so it cannot be imported from there)
SUBJECT_DEPS = ("nsubj", "nsubjpass")

# The entity types of an age or a count in a description ("An eleven-year-old pupil", "One engineer", "a second
# agent"): what the person is or which of them, not an organisation or place they speak for.
AGES = ("DATE", "CARDINAL", "ORDINAL")
# What begins a description of someone new to the story: one person, not yet introduced.
_INDEFINITE = ("a", "an", "one", "another")


def _quote_sentence(ctx: DocContext, sent) -> bool:
    return ctx.in_quote(sent.root.idx)


def indefinite_subject_before(ctx: DocContext, start: int, gender: str | None, lex: Lexicon,
                              any_gender: bool = False) -> tuple[int, int] | None:
    """"A senior negotiator, who spoke on condition that he not be named, was franker still. “...,” he said": the
    last sentence before the pronoun's, in its paragraph, that brings in a person has as its subject a description
    of one person introduced with an indefinite article and no name (none in it, none in apposition): the pronoun
    continues that unnamed person, past a sentence about no one ("The room applauded."). None when the description
    names someone ("A senior negotiator, Jan Kovac, ..."), when its noun is of the other gender (unless any_gender:
    a description of no gender, "the former employee", continues anyone), or when the pronoun's own sentence names
    a person before it (the callers check)."""
    subject = _indefinite_subject_before(ctx, start, lex)
    if subject is None:
        return None
    # "Another, a product manager in the Huddle team,": the apposition is the description
    noun = next((c for c in subject.children if c.dep_ == "appos"), subject) if subject.tag_ != "NN" else subject
    if not any_gender and lex.gender_words.get(noun.lower_, gender) != gender:
        return None  # "A woman in the second row ... “...,” he said": someone else
    phrase_end = description_end(ctx, noun)
    if names_the_described(ctx, subject) or any(c.dep_ == "appos" and c.tag_ == "NNP" for c in subject.children):
        return None  # a proper name in apposition is a name, whatever type the model gave it
    named = [t for t in ctx.sdoc[subject.left_edge.i : subject.i] if t.ent_type_ and t.tag_ != "JJ"
             and t.ent_type_ not in AGES]  # "An eleven-year-old pupil": an age, no affiliation
    if named:  # "A Halmland official": an organisation's or a place's voice, read by the other rules; an
        return None  # adjective of affiliation ("A senior Liberal negotiator") is still one unnamed person
    return subject.left_edge.idx, phrase_end


def _indefinite_subject_before(ctx: DocContext, start: int, lex: Lexicon):
    """The subject of the last sentence before `start` (the quote's own sentences aside), in its paragraph, that
    brings in a person, when it is a person introduced with an indefinite article ("A former aide to Senator Jo
    Marsh, ...", "Another, a product manager on the team, ..."); else None. A sentence in between that brings in no
    one ("A woman in the front row ... asked why ... The room applauded. “...,” she called out") leaves the unnamed
    person in focus; one that names or has a person as its subject ends the search."""
    k = ctx.sentence_no(start) - 1
    para_start = ctx.paragraph_of(start)[0]
    while k >= 0:
        prev = ctx.sentences[k]
        k -= 1
        if prev.start_char < para_start:
            return None
        if _quote_sentence(ctx, prev):  # the quote's own sentences before the pronoun
            continue
        subject = _past_a_time_stamp(ctx, next((c for c in prev.root.children if c.dep_ in SUBJECT_DEPS), None)) \
            or _opening_description(prev)
        if subject is not None and not ctx.in_quote(subject.idx) and _introduced_unnamed(subject, lex):
            return subject
        if _brings_in_no_one(ctx, prev, subject, lex):
            continue
        return None
    return None


def _past_a_time_stamp(ctx: DocContext, subject):
    """A live blog's time stamp on a line of its own ("6:52 p.m." then "A woman in the front row ... asked") is
    parsed as the subject, the sentence's real subject as its apposition on the next line: that apposition."""
    if subject is None or subject.ent_type_ not in ("TIME", "DATE"):
        return subject
    apposed = next((c for c in subject.children if c.dep_ == "appos"), None)
    if apposed is None or "\n" not in ctx.body[subject.idx : apposed.left_edge.idx]:
        return subject
    return apposed


def _opening_description(sent):
    """"One man, holding a cheek swollen on one side, said he had been turned away": where the parser gave the main
    verb no subject at all (it hung the opening noun on the clause in between), the noun an indefinite determiner
    opens the sentence with, before that verb, is its subject; else None."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if len(words) < 2 or words[0].lower_ not in _INDEFINITE or not sent.root.tag_.startswith("VB"):
        return None
    noun = words[0].head
    return noun if noun.i != words[0].i and noun.tag_ == "NN" and noun.i < sent.root.i else None


def _introduced_unnamed(subject, lex: Lexicon) -> bool:
    """A person introduced with an indefinite article and a noun ("A senior nurse", "One engineer"; a noun the
    lexicon does not hold is one when its apposition is: "One pilot, a first officer who asked not to be named"),
    or a bare "Another"/"One" described in apposition ("Another, a product manager in the Huddle team,") or by a
    clause opening on "who", which is said of people only, wherever the parser hung it in the phrase ("One, who did
    not want to be named", "One till supervisor, who asked not to be named"): one more of the people the story
    spoke of, whatever the noun."""
    if subject.tag_ == "NN" and any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in subject.children):
        # "a sample came in called “Glasgow”. “...,” he said": a thing is no "he"
        return a_person(subject, lex) or any(c.dep_ == "appos" and c.tag_ == "NN" and a_person(c, lex)
                                             for c in subject.children)
    return subject.lower_ in ("another", "one") and (any(
        c.dep_ == "appos" and c.tag_ == "NN"
        and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children) for c in subject.children)
        or any(_opens_on_who(t) for t in subject.subtree))


def _brings_in_no_one(ctx: DocContext, sent, subject, lex: Lexicon) -> bool:
    """The sentence names no person outside quotation marks and its subject is no person or pronoun of one ("The
    room applauded."): it does not move the story's focus off the person before it."""
    if any(m.type == "PERSON" and not ctx.in_quote(m.start) for m in ctx.mentions_in(sent.start_char, sent.end_char)):
        return False
    if subject is None:
        return False
    return subject.tag_ in ("NN", "NNS") and not a_person(subject, lex, titles=True) \
        and subject.lower_ not in lex.collective_nouns


def named_description_before(ctx: DocContext, start: int, lex: Lexicon):
    """"A former aide to Senator Jo Marsh, Kate Lind, said ... “...,” she said": the sentence right before, in the
    paragraph, has as its subject a person introduced with an indefinite article and named in apposition: the name
    (names_the_described's), which the pronoun continues, not a name the description holds ("to Senator Jo Marsh")
    nor whoever was the subject before. None otherwise."""
    subject = _indefinite_subject_before(ctx, start, lex)
    return name_of_the_described(ctx, subject) if subject is not None else None


def description_end(ctx: DocContext, noun) -> int:
    """Where a description's phrase ends: its words after the noun up to a comma, a clause or an apposition, which
    are not the description: "A spokesperson for the firm", "Aides to the governor", "A spokesperson who did not
    wish to be named" -> "A spokesperson"."""
    end = noun.idx + len(noun)
    for child in noun.rights:
        if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj"):
            break
        end = child.right_edge.idx + len(child.right_edge)
    comma = ctx.body.find(",", noun.idx, end)
    return comma if comma != -1 else end


def names_the_described(ctx: DocContext, noun) -> bool:
    """The description names its person (name_of_the_described)."""
    return name_of_the_described(ctx, noun) is not None


def name_of_the_described(ctx: DocContext, noun):
    """The mention of the described person's own name in the description, or None: the noun itself, a name in
    compound with it or in apposition to it ("A senior negotiator, Jan Kovac, ...", "A spokesperson for the
    department, Mark Olson," wherever the parser hung it). A name in its relative clause or right after a preposition is someone else ("A
    nurse who has worked under Alan Whitby for a decade", "a friend of Jo Bell"): the description names no one."""
    edge = noun.right_edge
    for m in ctx.mentions_in(noun.left_edge.idx, edge.idx + len(edge)):
        if m.type != "PERSON":
            continue
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return m
        tok, apposed = span.root, False
        while tok.dep_ in ("compound", "flat", "appos", "conj") and tok.head.i != tok.i and tok.i != noun.i:
            apposed, tok = apposed or tok.dep_ == "appos", tok.head
        if tok.i == noun.i:
            return m
        if apposed and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i == noun.i:
            return m  # "A spokesperson for the department, Mark Olson,": the parser hung the name on "department"
    return None


def who_clause(noun) -> bool:
    """A relative clause opens on "who" after the noun ("a negotiator, who spoke ..."), or after the place or body
    it is of ("A consultant surgeon at the trust, who asked not to be named, said"): "who" is said of people, so a
    clause set off by a comma after "at the trust" is the surgeon's, wherever the parser hung it. Not through a
    noun of its own in between ("A report by a surgeon at the trust, who ...": the surgeon's clause, not the
    report's) nor through "by" (a work's author)."""
    return any(_opens_on_who(c) for c in noun.children) or any(
        p.dep_ == "prep" and p.lower_ in _OF_A_PLACE and any(
            o.dep_ == "pobj" and o.tag_ in ("NN", "NNS", "NNP", "NNPS") and any(
                _opens_on_who(c) and c.doc[c.left_edge.i - 1].text == "," for c in o.children) for o in p.children)
        for p in noun.children)


# The prepositions of where or what a person is of ("a surgeon at the trust", "a member of the team").
_OF_A_PLACE = ("at", "of", "for", "from", "in", "with", "on")


def _opens_on_who(clause) -> bool:
    return clause.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in clause.children)


def a_person(noun, lex: Lexicon, titles: bool = False) -> bool:
    """The noun is surely a person: a people word (people_word) or one a "who" clause follows."""
    return people_word(noun.lower_, lex, titles) or who_clause(noun)


def voice_given_as_a_noun(ctx: DocContext, q, lex: Lexicon) -> tuple[int, int] | None:
    """"From the benches came a shout of “Which one?”": the quoted words are what a noun of the voice (lexicon
    speech.voice_nouns: shout, cry, heckle) is "of", and the noun has no owner ("his shout of" is his, read by the
    other rules) and the verb it hangs on has no subject but the noun ("came a shout of", "a cry of ... went up"):
    a voice no one names. The cue of the sentence after ("The Speaker, Sir Anselm Grey, called for order") is not
    theirs."""
    sent = ctx.sentence_at(q.outer_start)
    # the word the quotation hangs on: "of" right before the opening mark, and the noun it belongs to
    of = next((t for t in sent if t.idx < q.outer_start and t.lower_ == "of"
               and not ctx.body[t.idx + 2 : q.outer_start].strip()), None)
    if of is None or of.head.lower_ not in lex.voice_nouns or of.head.tag_ != "NN":
        return None
    noun = of.head
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    if any(c.dep_ in SUBJECT_DEPS and c.i != noun.i for c in noun.head.children):
        return None  # "Mr Fenn let out a cry of “...”", "The chamber heard a shout of": a subject of its own
    return noun.left_edge.idx, noun.idx + len(noun)


def inverted_cue_before_a_description(ctx: DocContext, q, cue_start: int, subject_start: int) -> bool:
    """"“Nobody ever explained the budget to us,” whispers one woman in the second row": quoted words closed on a
    comma, then right after the closing mark a cue word of the lexicon and an indefinite description, is the
    inverted attribution of news writing: the description is the subject, wherever the parser hung the cue (here on
    the relative clause after it, whose "who" it then took for the subject). The caller asks only when the parser's
    subject is not that description ("said one regular, a student nurse" keeps the parser's whole phrase)."""
    closed_on_comma = ctx.body[q.outer_start : q.outer_end].rstrip("”\"’' ").endswith(",")
    right_after = not ctx.body[q.outer_end : cue_start].strip(" ")
    words = ctx.body[subject_start : subject_start + 12].split()
    return closed_on_comma and right_after and bool(words) and words[0].lower() in _INDEFINITE
