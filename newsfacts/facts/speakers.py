"""Who a span of attribution text names: an entity, a pronoun or "the group" pointing back, or a description."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from newsfacts.facts.body_voices import voiced_body
from newsfacts.facts.context import DocContext
from newsfacts.facts.entities import name_key, singular
from newsfacts.facts.gender import person_genders
from newsfacts.facts.lexicon import Lexicon, lexicon, people_word
from newsfacts.facts.referents import (BODY_POSSESSIVES, REFUSED, body_spoken_of, compared, description_body,
                                      group_of_one, of_age, referent, related_to, singled_out, story_people, titled_surname_owner,
                                      weighed_among)
from newsfacts.facts.speaker_phrase import (
    apposed_people, apposition_root, body_description, cataphoric_subject, described_body, identified_after_the_lede,
    issuer_of_the_text_before, other_offices_out, others_words_out, qualified_title, tied_to,
)
from newsfacts.facts.titled_names import host_of_the_programme, titled_further_on
from newsfacts.facts.unnamed_voices import indefinite_subject_before, named_description_before

_EDGE = re.compile(r"^[\s,;:.—–-]+|(?:[\s,;:—–-]|\s\.)+$")
_LINKING = re.compile(r"\b(?:of|for|to|with|from|by|at|in|and|or)\b|,")  # "A store manager in the Midlands": a place
# "Head of privacy Mateo Quiroga", "Director of communications Ann Vey": an office of a field (capitalised head, "of",
# the field in lower case) written before the name as a title is, not a relation ("the mother of Ann Vey").
_OFFICE_OF = re.compile(r"(?:[A-Z][a-z]+\s+)+of\s+(?:[a-z][\w-]*\s+){1,3}")
_KIND_BEFORE = re.compile(r"\s*(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+){1,3}")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whom|whose|which)\b")
_HONORIFIC = re.compile(r"^(?:the|a|an|mr|mrs|ms|miss|mx)\.?$", re.I)
_TRAILING_HONORIFIC = re.compile(r"\s+(?:mr|mrs|ms|miss|mx|dr|prof)\.?$", re.I)  # "Senior author Dr." -> the role
# "Eswar Prasad, a trade professor at Cornell": a name the model did not tag, then its description.
_UNTAGGED_NAME = re.compile(r"^(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,3}),\s+(?P<role>(?:a|an|the)\s.+)$")
_AGE_AFTER = re.compile(r"^\s*,\s*\d{1,3}\b")
_DETERMINER = re.compile(r"^(?:the|this|that|a|an)\s+", re.I)
# "a 2018 survey by Penelope Muse Abernathy", "An internal paper by the trust's chief operating officer, Helen
# Marchetti,": the work's author, right after "by" or named in apposition to the description after it
_WORK_BY = re.compile(r"\b(?:survey|study|report|analysis|poll|paper|research|review|letter|note|book|article|"
                      r"column|essay|statement|memo|filing|complaint|lawsuit)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+)?"
                      r"(?:(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+,\s+)?$", re.I)
_REFLEXIVE = re.compile(r"\s+(?:itself|himself|herself|themselves)$")
_ROLE_LINK = re.compile(r"^(?:[’']s\s+)", re.I)


SUBJECT_DEPS = ("nsubj", "nsubjpass")
RELATIVE = ("who", "which", "that")


@dataclass
class Speaker:
    entity_id: str | None = None
    name: str | None = None
    role: str | None = None
    reason: str | None = None  # why name is None
    basis: str | None = None  # the rule that found the attribution (quotes.speaker_basis)
    start: int | None = None  # the words that name the speaker for this quote ("Peskov", "he", "the psychologist")
    end: int | None = None
    name_start: int | None = None  # where the name itself is written, when those words point back to it
    name_end: int | None = None
    # name is a description of one person the story never names ("One woman", "a neighbour"): it is carried to the
    # quotes that continue theirs, and stored as evidence, not as a speaker (quotes.UNNAMED_REASON)
    unnamed: bool = False

    def found_by(self, basis: str) -> "Speaker":
        self.basis = basis
        return self


def _clean(text: str) -> str:
    return _EDGE.sub("", text).strip()


def _role(ctx: DocContext, start: int, end: int, m_start: int, m_end: int, lex: Lexicon) -> str | None:
    """The attribution text around the name: "Kremlin spokesman", "a North Korea expert at ..."."""
    before = _TRAILING_HONORIFIC.sub("", _clean(ctx.body[start:m_start]))
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


def _last_subject(ctx: DocContext, start: int, types: tuple[str, ...], fits=None):
    """"he said" points at the last person who was the subject of a sentence, not the last person named:
    in "Cook told Benioff ... “...,” he said" the speaker is Cook. In that sentence, the subject of the
    outermost clause wins ("Figgins declined to say whether Thomas slept the night Epstein died"); a name in
    apposition to the subject counts as the subject, and so does a name the parse left as a fragment's root
    ("Buckley, who hadn't sung ..., worried about ..."). Names inside quotations do not count, nor names that
    fits (a pronoun's agreement) rejects."""
    best, best_depth = None, 99
    for m in reversed([m for m in ctx.mentions if m.end <= start and m.type in types and not ctx.in_quote(m.start)]):
        if best is not None and m.start < ctx.sentence_at(best.start).start_char:
            break
        if fits is not None and not fits(m):
            continue
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = apposition_root(span.root)  # "Her rival, the former leader Harald Brekke, said": the subject's name
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ in SUBJECT_DEPS \
                and _OFFICE_OF.fullmatch(ctx.body[tok.head.head.left_edge.idx : m.start]):
            tok = tok.head.head  # "Head of privacy Mateo Quiroga insisted": the office's holder is the subject
        agent = _passive_agent_of(tok)
        if tok.dep_ in SUBJECT_DEPS or _fragment_subject(tok) or name_as_adverb(tok) is not None or agent is not None \
                or _verbless_answer(tok):
            depth = _clause_depth(agent) + 1 if agent is not None else _clause_depth(tok.head) if tok.dep_ != "ROOT" else 0
            if tok.i != span.root.i and any(o.start <= tok.idx < o.end for o in ctx.mentions if o.type == "PERSON"):
                depth += 0.5  # "Hanne Joris of the group Orva Alive, whose ...": the named subject, not a name the
                # parse hung on it in apposition
            if depth < best_depth:
                best, best_depth = m, depth
    return best


def _verbless_answer(tok) -> bool:
    """"Q: Who taught you? A: My professor, Ingrid Solheim. She used to tell us, “...”": a sentence with no verb that
    only names someone (the root, or a name in apposition to it) puts that person forward as a subject would."""
    while tok.dep_ == "appos" and tok.head is not tok:  # "A: My professor, Ingrid Solheim." parsed as appositions
        tok = tok.head
    return tok.dep_ == "ROOT" and tok.tag_.startswith("NN") and not any(t.tag_.startswith(("VB", "MD")) for t in tok.sent)


def _passive_agent_of(tok):
    """"The auction was run by Tamsin Achterberg": the agent of a sentence's main verb in the passive, with a thing
    as its subject, does what a subject would in the active voice, so a pronoun after may point back to it. Not an
    agent in a clause under the main one ("albums ... bought out by a company owned by Scooter Braun"), not an
    agent beside a person made the subject ("The dame, Aunt Gristle, is played by ...", "Smith was interviewed by
    Jones"), not the one asking ("Asked by Rao whether ..."). The passive verb, or None."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "agent":
        return None
    verb = tok.head.head
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.tag_ != "VBN" or verb.dep_ != "ROOT" or verb.lower_ in ("asked", "questioned", "pressed", "interviewed") \
            or len(subjects) != 1 or subjects[0].tag_ not in ("NN", "NNS") \
            or any(c.dep_ == "appos" for c in subjects[0].children):
        return None
    return verb


def name_as_adverb(tok):
    """"Early says there is a possibility ...": a name (the token of a name mention) right before a verb that has no
    subject (adverbs aside: "Early still says") is its subject, though the parse read the name as an adverb or a
    modifier. The verb, or None."""
    verb = tok.head
    while verb.tag_.startswith("RB") and verb.head is not verb and verb.i > tok.i:  # "Early" hung on "still"
        verb = verb.head
    if tok.dep_ not in ("advmod", "npadvmod", "compound", "dep", "nmod", "advcl") or not verb.tag_.startswith("VB") \
            or verb.i <= tok.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    between = tok.doc[tok.i + 1 : verb.i]
    # "Tully, asked the same question, had an answer": a name opening its sentence, set off by a comma, or by a
    # clause between commas ("Penrose, when her turn came, said ...", whatever tag the parse gave the name)
    opening = tok.i == tok.sent.start and len(between) >= 1 and between[0].text == "," and between[-1].text == ","
    return verb if opening or all(t.tag_.startswith("RB") for t in between) else None


def _fragment_subject(tok) -> bool:
    """"Buckley, who hadn't sung ..., worried about ...": a name the parse made the root of a fragment, with the
    clause about it hung on it, is the sentence's subject; a heading's root ("6. Max out your accounts") is not."""
    return tok.dep_ == "ROOT" and tok.tag_ == "NNP" and any(
        c.dep_ == "relcl" or (c.dep_ in ("amod", "acl") and c.tag_ == "VBN") for c in tok.children)


def pronoun_antecedent(ctx: DocContext, start: int, pronoun: str, lex: Lexicon) -> Speaker | None:
    """he/she: the nearest compatible antecedent by salience. A person who was the subject of a sentence (as
    _last_subject), skipping people of the other gender (gender.person_genders) and a subject whose own sentence
    already points a pronoun of this gender at someone else ("Inskeep asked whether the evidence had moved her.
    “...,” she said": not Inskeep). A described person nearer than that name ("the actress wasn't ... “...,” she
    said", "WIRED spoke to one mother ... she said") wins: the person named with that word, or the description."""
    gender = lex.gender_words.get(pronoun)
    genders = person_genders(ctx, lex)

    def fits(m) -> bool:
        # "Speaking to Brenner at the dinner, he said": the one spoken to in the pronoun's own sentence is not "he"
        return genders.get(m.entity_id, gender) == gender and not _points_elsewhere(ctx, m, start, gender, lex) \
            and not (sent.start_char <= m.start < start and _addressed(ctx, m))

    sent = ctx.sentence_at(start)
    own = {m.entity_id: m for m in ctx.mentions if sent.start_char <= m.start and m.end <= start
           and m.type == "PERSON" and not ctx.in_quote(m.start) and not _addressed(ctx, m)
           and not _someone_elses(ctx, m, gender, lex)}
    # "The dissent, by Justice Owen Marsh, ... the passage in which he accuses the majority of “...”": the only
    # person named earlier in the pronoun's own sentence, when the pronoun fits them and is not the one spoken to
    # ("In an interview with the Orbit's news editor, Jonah Pell, she said")
    m = next(iter(own.values())) if len(own) == 1 and fits(next(iter(own.values()))) else None
    m = m or (_described_subject_before(ctx, start, fits, lex, gender) if not own else None)
    named = named_description_before(ctx, start, lex) if m is None and not own else None
    m = m or (named if named is not None and fits(named) else None)
    voice = indefinite_subject_before(ctx, start, gender, lex) if m is None and not own else None
    if voice is not None:  # "A senior negotiator, who would not be named, ... “...,” he said": that unnamed person
        return Speaker(name=ctx.body[voice[0] : voice[1]], name_start=voice[0], name_end=voice[1], unnamed=True)
    m = m or _pronoun_chain(ctx, start, gender, fits, lex) or _last_subject(ctx, start, ("PERSON",), fits)
    if m is None:
        m = next((m for m in reversed(ctx.mentions) if m.end <= start and m.type == "PERSON"
                  and not ctx.in_quote(m.start) and genders.get(m.entity_id, gender) == gender
                  and not _hailed_next(ctx, m)), None)
    spouse = _spouse_in_a_pair(ctx, start, gender, lex)
    if spouse is not None and (m is None or spouse.name_start > m.start):
        return spouse
    desc = _described_antecedent(ctx, start, gender, lex)
    holding = _description_holding(ctx, m, lex) if m is not None and (desc is None or desc.idx <= m.start) else None
    desc = holding or desc
    if desc is not None and (m is None or desc.idx > m.start or holding is not None):
        # "the man", "the patient" keep someone anonymous: never resolved to a person named with the word nearby
        anonymous = desc.lower_ in lex.anonymous_nouns and any(c.dep_ == "det" and c.lower_ == "the"
                                                               for c in desc.children)
        person = None if anonymous else _described_person(ctx, desc.idx, [desc.lower_], lex, gender=gender)
        if person is not None and genders.get(person.entity_id, gender) == gender:
            return Speaker(person.entity_id, ctx.names[person.entity_id], name_start=person.start, name_end=person.end)
        phrase = ctx.sdoc[desc.left_edge.i : desc.i + 1]
        return Speaker(name=phrase.text, name_start=phrase.start_char, name_end=phrase.end_char,
                       unnamed=_one_unnamed(ctx, phrase.start_char, phrase.end_char, phrase.text, lex))
    if m is None:
        return None
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end)


def _pair_partners(ctx: DocContext) -> dict:
    """{entity id: the mention of the other one} for each pair the story named together with one surname ("Colin and
    Brenda Hutchings": entities.share_joined_surnames)."""
    pairs = {}
    for a, b in zip(ctx.mentions, ctx.mentions[1:]):
        if a.named and b.type == "PERSON":
            pairs[a.entity_id], pairs[b.entity_id] = b, a
    return pairs


def _relative(ctx: DocContext, start: int, text: str, lex: Lexicon) -> Speaker | None:
    """"“...,” Mr Gosling said. “...,” his wife added" after "said her husband, Ben Gosling": a relative owned by a
    pronoun (lexicon kin_words) is, of the people of the story, one the story introduced as the owner's relative of
    that word, or the one it introduced the owner as a relative of ("her husband, Ben Gosling": he is her husband,
    she his wife), or, for a spouse, the other one of a pair it named with one surname ("Pat and Derek Fairbrother");
    never someone the story gave the other gender. Of several, the one spoken of last (referents.weighed_among);
    None on a tie, or when the owner is no one named."""
    words = text.lower().split()
    if len(words) != 2 or words[0] not in _OWNER_PRONOUNS or words[1] not in lex.raw["speech"]["kin_words"]:
        return None
    owner = pronoun_antecedent(ctx, start, _OWNER_PRONOUNS[words[0]], lex)
    if owner is None or owner.entity_id is None:
        return None
    gender, genders = lex.gender_words.get(words[1]), person_genders(ctx, lex)
    people = {p.entity_id: p for p in story_people(ctx, lex) if p.entity_id is not None and p.start < start}

    def whose(p) -> str | None:  # whom the person's introduction made them the relative of
        tok = ctx.sdoc.char_span(p.kin[1], p.kin[1] + 1, alignment_mode="expand")
        if tok is None or not len(tok):
            return None
        if tok[0].lower_ in _OWNER_PRONOUNS:
            found = pronoun_antecedent(ctx, p.kin[1], _OWNER_PRONOUNS[tok[0].lower_], lex)
            return found.entity_id if found is not None else None
        return next((m.entity_id for m in ctx.mentions if m.type == "PERSON" and m.start <= p.kin[1] < m.end), None)

    found = {e for e, p in people.items() if p.kin is not None and p.kin[0] == words[1] and whose(p) == owner.entity_id}
    me = people.get(owner.entity_id)
    if me is not None and me.kin is not None:  # the owner is the relative of someone: that one is theirs in turn
        found.add(whose(me))
    partners = _pair_partners(ctx) if words[1] in lex.spouse_words else {}
    if owner.entity_id in partners:
        found.add(partners[owner.entity_id].entity_id)
    found = [people[e] for e in found if e in people and e != owner.entity_id
             and (gender is None or genders.get(e, gender) == gender)]
    one = weighed_among(ctx, start, found)
    if one is None or one is REFUSED:
        return None
    return Speaker(one.entity_id, ctx.names[one.entity_id], name_start=start, name_end=start + len(text))


# The possessive pronouns that own a relative ("his wife"), and the pronoun that points back to the owner.
_OWNER_PRONOUNS = {"his": "he", "her": "she"}


def _spouse_in_a_pair(ctx: DocContext, start: int, gender: str | None, lex: Lexicon) -> Speaker | None:
    """"... Colin and Brenda Hutchings. “...,” Colin said. His wife was more modest. “...,” she said": a spouse
    word of the pronoun's gender owned by a pronoun (lexicon spouse_words: "his wife", "her husband"), in the
    pronoun's sentence or the one before, is the other one of the pair the story named together with one surname
    (entities.share_joined_surnames), when the owner points at one of them. None otherwise: a spouse of someone
    named alone is a description the other rules keep."""
    pairs = {}
    for a, b in zip(ctx.mentions, ctx.mentions[1:]):
        if a.named and b.type == "PERSON":
            pairs[a.entity_id], pairs[b.entity_id] = b, a
    if not pairs or gender is None:
        return None
    no = ctx.sentence_no(start)
    for sent in (ctx.sentences[no], ctx.sentences[no - 1] if no else None):
        for tok in reversed([t for t in sent if t.idx < start] if sent is not None else []):
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
            if tok.lower_ not in lex.spouse_words or owner is None or ctx.in_quote(tok.idx) \
                    or lex.gender_words.get(tok.lower_, gender) != gender:
                continue
            found = pronoun_antecedent(ctx, owner.idx, {"his": "he", "her": "she"}[owner.lower_], lex)
            other = pairs.get(found.entity_id) if found is not None else None
            if other is None:
                return None
            return Speaker(other.entity_id, ctx.names[other.entity_id], name_start=tok.idx,
                           name_end=tok.idx + len(tok))
    return None


def _pronoun_chain(ctx: DocContext, start: int, gender: str | None, fits, lex: Lexicon):
    """"When Ford visited his editor Teresa Nielsen Hayden at her office, he would ... leave them for her to find.
    “...,” she recalled": a pronoun continues the person the sentence before already calls by a pronoun of the same
    gender, when one person only, named before that pronoun in that sentence (or, naming no one who fits, in the
    sentence before it: "I thought of Elise Matthesen. How would she feel about this? “...,” she replied"), fits it.
    The subject of an earlier sentence ("Gaiman told me") is no longer the one the story is about."""
    no = ctx.sentence_no(start)
    if gender is None or no == 0:
        return None
    # the quote's own sentences before the pronoun ("“Not until .... I owe that ...,” he told her") are skipped
    while no > 1 and ctx.in_quote(ctx.sentences[no - 1].root.idx) and ctx.in_quote(ctx.sentences[no - 1].start_char):
        no -= 1
    prev = ctx.sentences[no - 1]
    pronouns = [t for t in prev if t.tag_ in ("PRP", "PRP$") and lex.gender_words.get(t.lower_) == gender
                and not ctx.in_quote(t.idx) and not _owner_of_a_named_person(ctx, t)]
    if not pronouns:
        return None
    ahead = cataphoric_subject(ctx, prev, pronouns[-1])  # "Reached at her home, Ms Varga declined": Varga
    if ahead is not None and fits(ahead):
        return ahead
    # before the pronoun in the sentence before, else anywhere in the one before that
    for sent, until in ((prev, pronouns[-1].idx), (ctx.sentences[no - 2] if no >= 2 else None, None)):
        if sent is None:
            return None
        # the one spoken to or with in that sentence is not who its pronoun is ("In a 2010 interview with the
        # paper's arts editor, Fiona Gallacher, ..., he was asked")
        fitting = {m.entity_id: m for m in ctx.mentions_in(sent.start_char, until or sent.end_char)
                   if m.type == "PERSON" and not ctx.in_quote(m.start) and fits(m) and not _interviewer(ctx, m)}
        if len(fitting) > 1 and sent is not prev:
            _drop_the_other_pronouns(ctx, prev, sent, gender, fitting, lex)
        if fitting:  # two people who fit: the pronoun before may be either's
            return next(iter(fitting.values())) if len(fitting) == 1 else None
    return None


def _drop_the_other_pronouns(ctx: DocContext, prev, sent, gender: str, fitting: dict, lex: Lexicon) -> None:
    """"Our reporter Kim Tranh caught up with Pruett ... She asked whether he was ready to concede. “...,” he told
    her": the sentence between opens on a pronoun of the other gender ("She asked"), which continues the subject of
    the sentence before it (the reporter); "he" is then the other one named there, not her, whatever gender the
    story gave her name."""
    opener = next((c for c in prev.root.children if c.dep_ in SUBJECT_DEPS), None)
    if opener is None or opener.tag_ != "PRP" or lex.gender_words.get(opener.lower_) in (None, gender):
        return
    subject = _last_subject(ctx, sent.end_char, ("PERSON",))
    if subject is not None and sent.start_char <= subject.start and len(fitting) > 1:
        fitting.pop(subject.entity_id, None)


def _described_subject_before(ctx: DocContext, start: int, fits, lex: Lexicon, gender: str | None = None):
    """"Asked whether ..., the medical director was cautious. “It's already in one,” she said": the sentence right
    before, in the pronoun's paragraph, whose subject is a description of one person the story named with that
    title ("The department's medical director, Dr. Ines Carbrook"): that person, when the pronoun fits them. A
    person named later than the description is nearer than anyone last the subject of a sentence before it."""
    no = ctx.sentence_no(start)
    if no == 0:
        return None
    k = no - 1
    while k > 0 and ctx.in_quote(ctx.sentences[k].root.idx):  # the quote's own sentences before the pronoun
        k -= 1
    prev = ctx.sentences[k]
    pstart = ctx.paragraph_of(start)[0]
    # the sentence before in the paragraph, or the one ending the paragraph before a paragraph that opens with the
    # quote ("The “Glitter Bomb” hitmaker didn't hold back." then "“...,” she said")
    if (prev.start_char < pstart and ctx.body[pstart : pstart + 1] not in "“\"") or ctx.in_quote(prev.root.idx):
        return None
    subject = next((c for c in prev.root.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.tag_ not in ("NN", "NNP") or ctx.in_quote(subject.idx) \
            or any(m.start <= subject.idx < m.end for m in ctx.mentions):
        return None
    phrase = ctx.body[subject.left_edge.idx : subject.idx + len(subject)]
    lower = phrase.lower()
    words = re.findall(r"[\w’'.-]+", _DETERMINER.sub("", lower))
    if not _is_description_of_one(lower, words, lex):
        # "Under cross-examination, the witness held her ground": an anonymous word ("the witness") stands for a
        # person only when the story gave it to one as a title right before the name ("star witness, former
        # finance director Pauline Garside"), as resolve_speaker reads it as a subject
        if not (lower.startswith("the ") and 0 < len(words) <= 4 and words[-1] in lex.anonymous_nouns):
            return None
        m = _described_person(ctx, subject.left_edge.idx, words, lex, titled_only=True)
        return m if m is not None and fits(m) else None
    # "The third candidate, Conservative councillor Ifeoma Saddler, spent ...": the person named in apposition to
    # the description is the one it describes, not another "candidate" named earlier
    beside = [m for c in subject.children if c.dep_ == "appos" for m in ctx.mentions
              if m.type == "PERSON" and m.start <= c.idx < m.end]
    if beside:
        return beside[0] if fits(beside[0]) else None
    m = _described_person(ctx, subject.left_edge.idx, words, lex, gender=gender) \
        or host_of_the_programme(ctx, subject.left_edge.idx, words) \
        or _epithet_person(ctx, subject.left_edge.idx, subject.idx + len(subject), lex) \
        or _programme_host(ctx, subject.left_edge.idx, words, lex)  # "The anchor turned to her first guest"
    return m if m is not None and fits(m) else None


def _someone_elses(ctx: DocContext, m, gender: str | None, lex: Lexicon) -> bool:
    """"According to her solicitor, Neil Odhiambo, she said": a person named as someone's relation or agent by a
    possessive of the pronoun's gender ("her solicitor") is not the one that pronoun stands for."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if gender is None or span is None or not len(span):
        return False
    root = span.root
    noun = root.head if root.dep_ == "appos" else root
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" and lex.gender_words.get(c.lower_) == gender for c in noun.children):
        return True
    # the parse does not always see the apposition: "her solicitor, Neil Odhiambo," written right before the name
    owner = _OWNED_BEFORE.search(ctx.body, max(m.start - 40, 0), m.start)
    return owner is not None and lex.gender_words.get(owner.group(1).lower()) == gender


_OWNED_BEFORE = re.compile(r"\b(his|her)\s+[a-z-]+(?:\s+[a-z-]+)?,\s*$", re.I)


def _owner_of_a_named_person(ctx: DocContext, tok) -> bool:
    """"Her sister Maeve Gannet was less sentimental": a possessive whose noun is a person named there introduces
    that person; the sentence is about the sister, not about the one "her" points back to."""
    if tok.tag_ != "PRP$":
        return False
    noun = tok.head
    return any(m.type == "PERSON" for m in ctx.mentions_in(noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)))


def _mention_head(ctx: DocContext, m):
    """The token that places a mention in its sentence: its root, climbed over the name's own apposition and compound
    links ("the paper's arts editor, Fiona Gallacher" is placed where "editor" is); None when the parse has no span."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    while tok.dep_ in ("appos", "compound") and tok.head is not tok:
        tok = tok.head
    # "an interview with the podcast host Jamie Orrin recorded in September": a name right after a noun that the
    # parse made the subject of a clause on that noun stands beside the noun, as an apposition does
    if tok.dep_ == "nsubj" and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i == span[0].i - 1 \
            and tok.head.head.tag_ in ("NN", "NNS"):
        tok = tok.head.head
    return tok


def _addressed(ctx: DocContext, m) -> bool:
    """The person is the one spoken to or with ("an interview with X", "told X", "speaking to X")."""
    tok = _mention_head(ctx, m)
    if tok is None:
        return False
    asker = (tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.tag_ == "VBN"
             and tok.head.head.lower_ in ("asked", "questioned", "pressed", "interviewed", "challenged"))
    # "Asked by Rao whether there was any give, he said": the one asking is who the answer is given to
    return tok.dep_ in ("dobj", "dative", "iobj") or (tok.dep_ == "pobj" and tok.head.lower_ in ("with", "to")) or asker \
        or _hailed_next(ctx, m)


def _interviewer(ctx: DocContext, m) -> bool:
    """The person is the one an interview or a conversation is "with" ("In a 2010 interview with the paper's arts
    editor, Fiona Gallacher, he was asked"): the one the talk is held with, not the one a pronoun of it is."""
    tok = _mention_head(ctx, m)
    if tok is None:
        return False
    return tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.tag_ == "NN" \
        and tok.head.head.lower_ in _TALKS


# Nouns of a talk held with someone.
_TALKS = frozenset({"interview", "conversation", "chat", "call", "exchange", "meeting", "podcast", "session"})


def _hailed_next(ctx: DocContext, m) -> bool:
    """The person's name (or given name) opens the next quotation as a vocative, a comma after it ("... who
    introduced himself as Gordon, ..., she laughed: “Gordon, my father ...”"): the one spoken to, never the
    speaker. A name that opens the quotation as its subject ("“Gordon is my brother,” she said") is not hailed."""
    if ctx.in_quote(m.start):
        return False
    opening = _OPENING_MARK.search(ctx.body, m.end, m.end + 400)
    if opening is None:
        return False
    names = {m.text, m.text.split()[0]}
    return any(ctx.body.startswith(f"{name},", opening.end()) for name in names)


_OPENING_MARK = re.compile(r"[“\"]")


# "What one GOP strategist called ...": the clause's "what" and then its subject (a determiner or a name), not
# "which acted as a reminder" (a relative clause, no subject).
_WHAT_BEFORE = re.compile(r"\s*[Ww]hat\s+(?=(?:one|an?|the|some|many|several|his|her|their)\s|[A-Z])")
_MODAL_AFTER = re.compile(r"\s+(?:might|could|would|may|can|should|must)\b", re.I)


def _anonymous_they(ctx: DocContext, start: int, lex: Lexicon) -> Speaker | None:
    """"One developer at the studio, who spoke on condition of anonymity, said ... “...,” they said": a "they" right
    after a sentence whose subject is one person described and never named (an indefinite or "one" phrase with a
    singular head: _one_unnamed) is that person, the singular "they" of an anonymous source, not the organisation
    last named. "Two developers said ..." (a plural) or "A spokesperson for Helix said" (a name inside) are not."""
    no = ctx.sentence_no(start)
    if no == 0 or ctx.body[ctx.sentences[no].start_char : start].strip(" “”\"'‘’,.!?—–-\n") and \
            not ctx.in_quote(ctx.sentences[no].start_char):
        return None  # the pronoun's own sentence says something of its own first ("Then they said ...")
    k = no - 1
    while k > 0 and ctx.in_quote(ctx.sentences[k].root.idx):
        k -= 1
    prev = ctx.sentences[k]
    if prev.start_char < ctx.paragraph_of(start)[0] or ctx.in_quote(prev.root.idx):
        return None
    subject = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NN" or ctx.in_quote(subject.idx):
        return None
    s = subject.left_edge.idx
    described = _RELATIVE_CLAUSE.split(ctx.body[s : subject.right_edge.idx + len(subject.right_edge)], maxsplit=1)[0]
    described = described.rstrip(" ,")
    if not _ONE_OF_SOME.match(described) or not _one_unnamed(ctx, s, s + len(described), described, lex):
        return None
    return Speaker(name=described, name_start=s, name_end=s + len(described), unnamed=True)


def _singular_they(ctx: DocContext, start: int):
    """"Kym Lino, a spokesperson for Instagram, confirmed ... “...,” they said in an email": a "they" right after
    one person (not several) was the subject of a sentence, with no organisation the subject since, is that person."""
    person = _last_subject(ctx, start, ("PERSON",))
    if person is None or ctx.sentence_no(start) - ctx.sentence_no(person.start) > 1:
        return None
    org = _last_subject(ctx, start, ("ORG",))
    if org is not None and org.start > person.start:
        return None
    span = ctx.sdoc.char_span(person.start, person.end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    if tok is None or any(c.dep_ == "conj" for c in tok.children) or tok.dep_ == "conj":
        return None  # "Ford and Fry said ... “...,” they said": both
    return person


def _points_elsewhere(ctx: DocContext, m, start: int, gender: str | None, lex: Lexicon) -> bool:
    """The candidate asks someone the story refers to by a pronoun of the gender sought ("Inskeep asked whether the
    evidence had moved her", "pressed him on"): the one who answers next is that someone, not the asker."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if gender is None or span is None or not len(span) or span.root.head.lower_ not in lex.ask_verbs:
        return False
    sent = ctx.sentence_at(m.start)
    return any(t.idx >= m.end and t.idx < start and t.tag_ == "PRP" and t.dep_ in ("dobj", "pobj", "dative")
               and lex.gender_words.get(t.lower_) == gender and not ctx.in_quote(t.idx) for t in sent)


def _described_antecedent(ctx: DocContext, start: int, gender: str | None, lex: Lexicon):
    """The nearest noun of the pronoun's gender with an article, outside quotations, in its sentence before it or
    in the sentence before ("the actress", "one mother"); not one owned by someone ("her daughter")."""
    if gender is None:
        return None
    no = ctx.sentence_no(start)
    for sent in (ctx.sentences[no], ctx.sentences[no - 1] if no else None):
        if sent is None:
            continue
        for tok in reversed([t for t in sent if t.idx < start]):
            if (tok.tag_ in ("NN", "NNS") and lex.gender_words.get(tok.lower_) == gender and not ctx.in_quote(tok.idx)
                    and any(c.dep_ in ("det", "nummod") and c.lower_ in _ARTICLES for c in tok.children)
                    and not any(c.dep_ == "poss" for c in tok.children)):
                return tok
    return None


_ARTICLES = ("the", "a", "an", "one", "this", "that")


def _description_holding(ctx: DocContext, m, lex: Lexicon):
    """"One resident of Merlin Close, whose Honda was targeted, told ... “...,” she said": a name that is only the
    object of a preposition inside a subject describing one unnamed person ("one resident of", "a passenger from")
    is where they live or come from, not the person; the description's head noun, else None. A name in apposition
    ("One resident, Mary Kell, ...") is the person."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ != "pobj":
        return None
    head = span.root.head.head  # pobj -> prep -> the noun the phrase describes
    if not (head.tag_ == "NN" and head.dep_ in SUBJECT_DEPS and head.lower_ in lex.residence_nouns
            and any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one") for c in head.children)):
        return None
    return head


def _clause_depth(verb) -> int:
    """How many clauses down from the sentence's main verb (a conjunct of it counts as main)."""
    depth = 0
    while verb.dep_ != "ROOT" and depth < 20:
        if verb.dep_ != "conj":
            depth += 1
        verb = verb.head
    return depth


def _recent_organisation(ctx: DocContext, start: int, sentences: int = 6):
    """The organisation named last before start, outside quotations, if within a few sentences."""
    m = ctx.last_mention_before(start, ("ORG",))
    return m if m and ctx.sentence_no(start) - ctx.sentence_no(m.start) <= sentences else None


def _named_like(ctx: DocContext, start: int, modifiers: list[str]):
    """"the production company" -> the latest name holding a word like one of the description's own words
    ("Dick Clark Productions"), whatever type the model gave it."""
    stems = {w[:5] for w in modifiers if len(w) >= 5}
    if not stems:
        return None
    for m in reversed([m for m in ctx.mentions if m.end <= start and not ctx.in_quote(m.start)]):
        if any(w.lower()[:5] in stems for w in ctx.names[m.entity_id].split()):
            return m
    return None


def _anaphor_target(ctx: DocContext, start: int, head_word: str, lex: Lexicon):
    """"the group" -> the latest organisation whose name has "group" in it, else the organisation that was last
    the subject of a sentence ("the production company said" after "Dick Clark Productions denied ..."), else
    the latest organisation named. A title's abbreviation the model tagged an organisation ("the COO") is none."""
    orgs = [m for m in ctx.mentions if m.start < start and m.type == "ORG" and not ctx.in_quote(m.start)
            and m.text.lower() not in lex.title_words]
    named = [m for m in orgs if head_word in ctx.names[m.entity_id].lower().split()]
    if named:
        return named[-1]
    # a name in apposition to "the union" is the union's, whatever type the model gave it ("Roadcrew Alliance")
    defined = _defined_in_apposition(ctx, start, head_word, [m for m in ctx.mentions if m.start < start and m.type in (
        "ORG", "PERSON") and not ctx.in_quote(m.start)])
    if defined is not None:
        return defined
    return _last_subject(ctx, start, ("ORG",), lambda m: m.text.lower() not in lex.title_words) \
        or (orgs[-1] if orgs else None)


_KIND_SENTENCES = 10  # how far back an organisation made a subject may be what "the airline" stands for
# A match report names two teams, each a subject in turn: "the team" is only one whose name or apposition says so
_KINDS_NAMED_ONLY = ("team",)


@lru_cache(maxsize=4)
def _issued_texts(lex: Lexicon) -> frozenset[str]:
    """Texts a body or person puts out, which "it" may stand for: letters, memos, reports, studies."""
    return lex.written_texts | frozenset(lex.raw["speech"]["appositive_title_nouns"])


@lru_cache(maxsize=4)
def _body_heads(lex: Lexicon) -> frozenset[str]:
    """Heads of a description naming a body that speaks as one ("the finance ministry"), not a text ("the report")."""
    return (lex.org_anaphors | frozenset(lex.raw["speech"]["public_body_words"])) - lex.written_texts - lex.speech_nouns - {"report"}


def _organisation_of_kind(ctx: DocContext, start: int, kind: str, lex: Lexicon):
    """"the airline said" after "A Skylark Air flight ... diverted": a kind of organisation (lexicon org_kinds) stands
    for the latest organisation named with that word in its name or in apposition to it ("Skylark Air, the budget
    airline,"), else the latest the story made the subject of a sentence, itself or as the subject's owner or
    modifier ("Skylark's chief executive said"). Never merely the last organisation named: the model tags places
    as organisations ("a flight from Bristol"), and a wrong name is worse than the description."""
    orgs = [m for m in ctx.mentions if m.end <= start and m.type == "ORG" and not ctx.in_quote(m.start)
            and m.text.lower() not in lex.title_words]
    named = [m for m in orgs if kind in ctx.names[m.entity_id].lower().split()]
    if named:
        return named[-1]
    defined = _defined_in_apposition(ctx, start, kind, orgs)
    if defined is not None or kind in _KINDS_NAMED_ONLY:
        return defined
    for m in reversed(orgs):
        if ctx.sentence_no(start) - ctx.sentence_no(m.start) > _KIND_SENTENCES:
            break
        if set(ctx.names[m.entity_id].lower().split()) & set(lex.raw["speech"]["public_body_words"]):
            continue  # "The Civil Aviation Authority grounded a Pelican Airways jet": a body that names its own kind
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span.root
        while tok.dep_ in ("compound", "poss", "appos") and tok.head is not tok:
            tok = tok.head
        # the parse may leave the subject as the root of a fragment, its verb hung on it ("A Skylark Air flight
        # from Bristol ... diverted ...")
        if tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "ROOT" and tok.tag_.startswith("NN") and any(
                c.dep_ in ("acl", "relcl") and c.tag_.startswith("VB") for c in tok.children)):
            return m
    return None


def _body_described(ctx: DocContext, start: int, word: str, lex: Lexicon):
    """"the company", "the statement", "the firm" (lexicon any_body_descriptions), when no organisation of the story
    is named with the word (that one is it: _anaphor_target): the body the sentence of prose before is about
    (referents.body_spoken_of), as a Speaker; None when it is about no body."""
    if word not in lex.raw["speech"]["any_body_descriptions"] or any(
            m.type == "ORG" and m.end <= start and word in ctx.names[m.entity_id].lower().split() for m in ctx.mentions):
        return None
    found = body_spoken_of(ctx, start, word, lex)
    if found is None:
        return None
    entity_id, name, name_start, name_end = found
    return Speaker(entity_id, name, name_start=name_start, name_end=name_end)


def _body_by_its_head(ctx: DocContext, start: int, word: str):
    """"the guild" after "The Allied Pilots Guild", "the board" after "the National Mediation Board": a description
    that is the last word of an organisation's name the story wrote before (outside quotations) is that
    organisation, as a surname is its person; the latest of two. A person titled with the word comes first
    (_named's caller asks): "the commissioner" is Commissioner X, not an office named after one."""
    kind = singular(word)
    for m in reversed([m for m in ctx.mentions if m.end <= start and m.type == "ORG" and not ctx.in_quote(m.start)]):
        name = ctx.names[m.entity_id].lower().split()
        if len(name) >= 2 and singular(name[-1]) == kind:
            return m
    return None


def _defined_in_apposition(ctx: DocContext, start: int, head_word: str, candidates):
    """"The group, WeWorkers Coalition, formed in recent weeks ...": the entity the story once wrote in apposition to
    the same description is what that description stands for afterwards ("the group added ..."), the latest such."""
    for m in reversed(candidates):
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root  # "The group, WeWorkers Coalition," or "WeWorkers Coalition, the group behind ..."
        nouns = ([root.head] if root.dep_ == "appos" else []) + [c for c in root.children if c.dep_ == "appos"]
        if any(n.lower_ == head_word and any(c.dep_ == "det" for c in n.children) for n in nouns):
            return m
    return None


def _described_person(ctx: DocContext, start: int, words: list[str], lex: Lexicon, titled_only: bool = False,
                      gender: str | None = None):
    """"the psychologist", "the majority leader", "the governor": the latest person named with that word beside
    the name ("Dr. Lena Fischer, a psychologist at ...", "Gov. Gretchen Whitmer"); else None. `gender`: the
    pronoun the description is the antecedent of, when there is one ("The director ... “...,” he said")."""
    head = words[-1]
    people = [m for m in ctx.mentions if m.end <= start and m.type == "PERSON" and not ctx.in_quote(m.start)]
    # "Associate Dean of Student Life Marguerite Delacourt": a title the model typed a person of its own is not
    # the person the title stands for
    people = [m for m in people if ctx.names[m.entity_id].lower().split() != words[-len(ctx.names[m.entity_id].split()):]]
    named = [m for m in people if head in ctx.names[m.entity_id].lower().split()]
    head = lex.title_words.get(head, head)  # "the CEO" is the one named with "chief executive" beside them
    if not named and _capitalised(ctx, start, head):  # a surname: the model may have typed its full name otherwise
        named = [m for m in ctx.mentions if m.end <= start and not ctx.in_quote(m.start)
                 and len(ctx.names[m.entity_id].split()) >= 2 and ctx.names[m.entity_id].lower().split()[-1] == head]
    if named and not titled_only:  # "the 14th-ranked Schwartzman": a name the model missed here, written in full earlier
        return named[-1]
    # "the prime minister": a title of several words is matched whole ("Interior Minister Rafael Costa" is no prime
    # minister, "Vice President X" no president's holder for "the president" either way)
    phrase = next((" ".join(words[k:]) for k in range(len(words) - 1) if " ".join(words[k:]) in lex.raw["names"]["titles"]),
                  None)
    described, titled, qualified = set(), set(), set()
    kinds = "|".join(re.escape(k) for k in lex.title_kinds.get(phrase or head, ()))
    modifiers = [w for w in words[:-1] if w.isalpha()] if phrase is None else []
    for m in people:
        sent = ctx.sentence_at(m.start)
        # words in apposition to another person's name are theirs ("Marta Linde, the trade minister, met Jonas Fell")
        before = others_words_out(ctx, m, _title_window_start(ctx, sent, m), m.start)
        # the words after the name up to a quotation: "Nancy Pelosi said: “The president must ...”" does not call
        # Pelosi the president
        after = _OPENING_MARK.split(others_words_out(ctx, m, m.end, min(sent.end_char, m.end + 80)), maxsplit=1)[0]
        # nor does a clause of its own after it ("the Korvath region, after a session in which the French ambassador")
        after = _CLAUSE_AFTER.split(after, maxsplit=1)[0]
        around = before + (ctx.body[m.start : m.end] + after).lower()
        for short, long in lex.title_words.items():
            around = re.sub(rf"(?<![\w.]){re.escape(short)}(?!\w)", long, around)
            before = re.sub(rf"(?<![\w.]){re.escape(short)}(?!\w)", long, before)
        heads = "|".join(re.escape(h) for h in [phrase or head, *lex.title_synonyms.get(phrase or head, [])])
        if "shadow" not in words:  # "the shadow chancellor, Priya Nandakumar" holds no office "the chancellor" names
            around, before = (re.sub(rf"\bshadow\s+(?:[a-z]+\s+)?(?:{heads})\b", " ", t) for t in (around, before))
        offices = lex.raw["speech"]["distinct_offices"]  # "the minister" is not "prime minister Hedda Lorens"
        around, before = (other_offices_out(t, phrase or head, offices) for t in (around, before))
        if _object_of_the_description(before, heads) or _owner_before(before, heads) \
                or _asker_before_the_answer(ctx, m):
            continue
        if re.search(rf"\b(?:{heads})\b", around) and not _spoken_to_after(ctx, sent, m, head):
            described.add(m.entity_id)
        if kinds and re.search(rf"\b(?:{kinds})\b", " ".join(before.split()[-4:])):
            described.add(m.entity_id)  # "Mrs Justice Pendleton ... The judge": a title of the kind the head names
            titled.add(m.entity_id)  # (lexicon title_kinds), right before the name
        if re.search(rf"\b(?:{heads})\b", " ".join(before.split()[-4:])):
            titled.add(m.entity_id)  # "Deputy Mayor Frances Ng told my colleague Ruth Abadi": Ng's title
            if modifiers and all(w in before.split()[-5:] for w in modifiers):
                qualified.add(m.entity_id)  # "the interior minister": Interior Minister Rafael Costa
    if qualified & titled:  # the title with the description's own words before one name, of two so titled
        titled = qualified & titled
    if titled_only:
        described = titled
    if not described:
        return None
    if not titled_only:  # the person the people of the story say the noun points back to is weighed too, when the
        # words around other names ("... inspector testified that contractor Leonard Voight paid") are all that
        # describe those ("A former county building inspector" the lede, "Howard Teague" the next paragraph)
        pointed = _named_referent(ctx, start, words[-1], lex)
        if pointed is not None:
            described.add(pointed.entity_id)
    # the description's own words before one name ("the senior officer": "Senior ... officer Dana Whitlock", not "a
    # second officer, Tom Appiah") single that person out, whoever the story spoke of last
    singled = bool(modifiers) and len(qualified & titled) == 1
    focused = _in_focus(ctx, start, words[-1], described, gender, lex) \
        if len(described) > 1 and not titled_only and not singled else None
    if focused is not None:  # "the site engineer, Hamish Dunlop, ... Dr Lena Sørby, the independent engineer, ...
        described = {focused}  # the engineer said": of two the word describes, the one the story last spoke of
    elif titled:  # a title right before one name, not a word of the sentence around another, says whose it is
        described = titled
    # two coaches in one story: "the coach" is the one of them last the subject of a sentence ("Amato said he had
    # called his mother. “...,” the coach said"), else the one named last
    return _last_subject(ctx, start, ("PERSON",), lambda m: m.entity_id in described) or \
        next(m for m in reversed(people) if m.entity_id in described)


def _in_focus(ctx: DocContext, start: int, noun: str, described: set, gender: str | None, lex: Lexicon) -> str | None:
    """Of the people a description's noun fits, the one the people of the story (referents) say it points back to:
    the one of them last in focus whom the pronoun that goes on from the description fits (gender.person_genders:
    when the story gave one of them that gender, the others it gave none are not weighed); None when the reading
    names no one of them, or two as recently, or the pronoun has a gender the story gave none of them (the reading
    cannot tell who "he" is: the title before the name decides, as before)."""
    genders = person_genders(ctx, lex) if gender is not None else {}
    known = any(genders.get(e) == gender for e in described)
    if gender is not None and not known:
        return None
    found = referent(ctx, start, noun, lex, among=lambda p: p.entity_id in described
                     and (gender is None or genders.get(p.entity_id) == gender))
    return None if found is None or found is REFUSED else found.entity_id


def _asker_before_the_answer(ctx: DocContext, m) -> bool:
    """"Asked by Sutterfield whether a pay raise would help, the union president said ...": the one named in an
    "asked by" clause puts the question; the description that is the subject after it is the one who answers, so
    the asker is never the person that description stands for."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.tag_ == "VBN" \
        and tok.head.head.lower_ in ("asked", "questioned", "pressed", "challenged")


# a programme named for its host: "Nightwatch with Dana Kessler", "The Rachel Maddow Show", "Kimmel Live"
_HOST_BEFORE = re.compile(r"\bwith\s+$", re.I)
# where a programme's name is written: "On “...”", "appeared on “...”", "the show “...”", "her podcast “...”"
_PROGRAMME_BEFORE = re.compile(r"\b(?:on|show|programme|program|podcast|broadcast|segment|series)\W*$", re.I)
_HOST_AFTER = re.compile(r"^(?:[’']s)?\s+(?:Show|Tonight|Live|Hour|Report|Programme|Program)\b")


def _programme_host(ctx: DocContext, start: int, words: list[str], lex: Lexicon):
    """"The anchor turned to her first guest ... “Brent, is he wrong?” she asked": a host word (lexicon host_nouns)
    the story gives no one beside a name stands for the host of the programme it reports from, the person the
    programme's quoted name is named after ("On “Nightwatch with Dana Kessler” on Tuesday night"): news names a
    show for its host. Only a name written as a programme's ("on “...”", "the show “...”"), not a book's; None when
    no such name holds a person, or they hold two hosts."""
    if not words or words[-1] not in lex.raw["speech"].get("host_nouns", ()):
        return None
    hosts = {}
    for s, e in ctx.quoted:
        if s >= start:
            break
        if not _PROGRAMME_BEFORE.search(ctx.body[max(s - 30, 0) : s]):
            continue  # "his memoir “Dinner with Dana Kessler”": a book's title names no host
        for m in ctx.mentions_in(s, e):
            if m.type == "PERSON" and m.entity_id and (_HOST_BEFORE.search(ctx.body, s, m.start)
                                                       or _HOST_AFTER.match(ctx.body[m.end : e])):
                hosts[m.entity_id] = m
    return next(iter(hosts.values())) if len(hosts) == 1 else None


_CLAUSE_AFTER = re.compile(r"\b(?:in which|after|before|while|because|when|where|which|whose|whether)\b")


def _title_window_start(ctx: DocContext, sent, m) -> int:
    """Where the words that may title a name begin: up to 60 characters back in its sentence, but not before another
    person named there ("a message from President Harlan Coyle, Vance paused": Coyle's title is not Vance's)."""
    start = max(sent.start_char, m.start - 60)
    # a word the model typed a person of its own right before the name ("Volcanologist Dr. Leilani ...") is its title
    ends = [o.end for o in ctx.mentions if o.type == "PERSON" and start <= o.end <= m.start and o.entity_id != m.entity_id
            and re.search(r"[,;]|\b[a-z]", ctx.body[o.end : m.start])]
    return max(ends, default=start)


def _owner_before(before: str, heads: str) -> bool:
    """"The president's spokeswoman, Lucia Ferrer": a title owning the words before the name is someone else's."""
    return re.search(rf"\b(?:{heads})[’']s\s+[^,;.]{{0,40}}?,?\s*$", before) is not None


def _object_of_the_description(before: str, heads: str) -> bool:
    """"Doreen Tapsell, a retired librarian from Sowerby": a name after the description's head and a preposition
    is where the person is from or whom they serve ("a friend of", "the minister for"), not the person described."""
    return re.search(rf"\b(?:{heads})\b[^,;.]{{0,40}}?\b(?:from|of|in|at|for|with|to|near)\s+(?:the\s+)?$", before) \
        is not None


def _lead_in_subject(ctx: DocContext, start: int):
    """"Lowther was more diplomatic. “...,” the Rovers skipper said": a sentence of prose opening the quote's
    paragraph whose subject is one person introduces the quote; the description that follows is that person."""
    pstart, _ = ctx.paragraph_of(start)
    sent = ctx.sentence_at(pstart)
    if ctx.sentence_no(sent.start_char) >= ctx.sentence_no(start) or ctx.in_quote(sent.start_char) \
            or ctx.body[pstart:pstart + 1] in "“\"‘'":  # a sentence before the description's own
        return None
    people = [m for m in ctx.mentions_in(sent.start_char, sent.end_char) if m.type == "PERSON"]
    # "Ferrante, whose goal changed the game, told Radio Caddon's Ellie Stroud that ...": the one person who is
    # the subject, whoever else the sentence names
    subjects = {m.entity_id: m for m in people if (span := ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand"))
                is not None and len(span) and (span.root.dep_ in SUBJECT_DEPS or name_as_adverb(span.root) is not None)}
    return next(iter(subjects.values())) if len(subjects) == 1 else None


_AGE = re.compile(r"\b(\d{1,3})-year-old\b", re.I)


def _epithet_person(ctx: DocContext, start: int, end: int, lex: Lexicon):
    """"The 56-year-old said", "the Portuguese boss": an epithet (an age, a nationality, a work) names no one by its words.
    It is the person the story gives that age ("Mourinho, 56,", "56-year-old Mourinho"), else the person the story
    is about: the first person its lead names as a subject (news varies the name of its protagonist, not of a
    bystander). A description of anything else stays with the other rules."""
    age = _AGE.search(ctx.body, start, end)
    # a nation ("the Portuguese boss", "the former England Under-21 star") qualifies a career, as an age does
    nationality = any(t.ent_type_ in ("NORP", "GPE") for t in ctx.sdoc.char_span(start, end, alignment_mode="expand") or [])
    # so does a work of theirs in quotation marks ("the “Glitter Bomb” hitmaker")
    work = any(start <= s and e <= end for s, e in ctx.quoted)
    if not age and not nationality and not work:
        return None
    aged = _person_of_age(ctx, start, end)
    if aged is not None:
        return aged
    # an age the story gave no one: the person the sentence before was about (referents.of_age), else the protagonist
    found = of_age(ctx, start, int(age.group(1)), lex) if age else None
    if found is not None and found is not REFUSED:
        return next((m for m in reversed(ctx.mentions) if m.entity_id == found.entity_id and m.end <= start), None)
    people = [m for m in ctx.mentions if m.end <= start and m.type == "PERSON" and not ctx.in_quote(m.start)]
    for m in people:
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ in SUBJECT_DEPS:
            return m
    return None


def _person_of_age(ctx: DocContext, start: int, end: int):
    """"The 56-year-old said": the person named before whom the story gave that age ("Mourinho, 56,", "56-year-old
    Mourinho"), else None."""
    age = _AGE.search(ctx.body, start, end)
    if age is None:
        return None
    n = age.group(1)
    for m in reversed([m for m in ctx.mentions if m.end <= start and m.type == "PERSON" and not ctx.in_quote(m.start)]):
        if re.match(rf"\s*,\s*(?:aged\s+)?{n}\b", ctx.body[m.end : m.end + 12]) or \
                re.search(rf"\b{n}-year-old\s+(?:\w+\s+){{0,2}}$", ctx.body[max(0, m.start - 40) : m.start]):
            return m
    return None


def _group_named_in_full(ctx: DocContext, head: int, apposed: list, inside: list) -> Speaker | None:
    """"Two council members, Diane Ostrowski and Lamar Peete,": a plural head whose apposition is two or more people
    joined by "and" is the group speaking together, kept as its description, not the first of them."""
    tok = next((t for t in ctx.sdoc if t.idx == head), None)
    if tok is None or tok.tag_ != "NNS" or not apposed:
        return None
    first = ctx.sdoc.char_span(apposed[0].start, apposed[0].end, alignment_mode="expand").root
    joined = {c.idx for c in first.subtree if c.dep_ == "conj"}
    if not any(m.type == "PERSON" and m.entity_id != apposed[0].entity_id
               and any(m.start <= i < m.end for i in joined) for m in inside):
        return None
    start, end = tok.left_edge.idx, tok.idx + len(tok)
    return Speaker(name=ctx.body[start:end], name_start=start, name_end=end)


def _in_apposition_to(ctx: DocContext, m, head: int) -> bool:
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "appos" and span.root.head.idx == head


def _capitalised(ctx: DocContext, start: int, word: str) -> bool:
    """The description's head is written with a capital ("the 14th-ranked Schwartzman"): a name, not a noun."""
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", ctx.body[start : start + 80], re.I)
    return found is not None and found.group()[:1].isupper()


def _author_before_who(noun, clause):
    """"a post by Sen. Gloria Mattingly, who had called ...": a "who" the parse hung on a thing (a common noun) is the
    person named by "by" on it right before the comma."""
    if not noun.tag_.startswith("NN") or noun.tag_.startswith("NNP"):
        return None
    comma = clause.left_edge.i - 1
    if comma < 1 or noun.doc[comma].text != ",":
        return None
    name = noun.doc[comma - 1]
    if name.tag_ != "NNP" or name.dep_ != "pobj" or name.head.lower_ != "by" or name.head.head.i != noun.i:
        return None
    return name


def _name_of_the_pair(noun):
    """Of a noun and another in apposition with it, the one a relative "who" after them stands for as a speaker:
    the name ("Oscar Lindahl, now a television pundit, who tweeted", "The race doctor, Oscar Lindahl, who said"),
    else the first noun ("A former team doctor, now a pundit, who"), never the aside alone ("now a pundit")."""
    if noun.tag_ == "NNP":
        return noun
    if noun.dep_ == "appos" and noun.head.tag_.startswith("NN"):
        return noun.head
    return next((c for c in noun.children if c.dep_ == "appos" and c.tag_ == "NNP" and c.i > noun.i), noun)


def subject_span(verb, climb=("conj", "xcomp", "advcl", "acl", "ccomp")) -> tuple[int, int] | None:
    """Char span of the verb's subject, climbing to the governing verb for "..., adding" / "pledging to".

    A relative pronoun ("the Times, which said ...") stands for the noun its clause hangs on. A verb the parse hung
    on a noun after a comma, in a sentence whose root is a name ("Brown, who has studied rally rhetoric, called the
    event “...”", parsed as a verbless "Brown"), has that name as its subject.
    """
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBN") and verb.i > 0 and verb.nbor(-1).text == ",":
        root = verb.sent.root
        if root.tag_ == "NNP" and root.i < verb.i:
            return root.left_edge.idx, root.idx + len(root)
    for tok in (verb, verb.head):
        if not tok.tag_.startswith(("VB", "MD")) or any(c.dep_ == "auxpass" for c in tok.children):
            break  # nouns have no speaker, and a passive ("HP is called ...") names rather than reports
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subjects and tok is not verb and _thing_reported(tok, subjects[0]):
            subjects = [c for c in tok.head.children if c.dep_ in SUBJECT_DEPS]  # "A spokesperson said the offer
            # was “fair” and accused the union of “...”": the reporter of the clause, not the thing it is about
        if len(subjects) > 1:
            # "In an interview with the club magazine, “Rovers Review”, in March, he said": a title in quotation
            # marks the parse took for a second subject is the magazine's name, not who speaks
            subjects = [c for c in subjects if not _quoted_whole(c)] or subjects
        if subjects:
            sub = subjects[0]
            if sub.lower_ in RELATIVE and tok.dep_ == "relcl":
                who = sub.lower_ == "who"
                sub = tok.head
                while who and sub.tag_ == "NNP" and sub.dep_ == "pobj" and sub.head.dep_ == "prep" \
                        and sub.head.head.tag_ == "NN" and not _author_after_by(sub):
                    # "Graham Ossett, a reader in Stowfield, who writes:": "who" is the reader, not the place
                    sub = sub.head.head
                    sub = sub.head if sub.dep_ == "appos" else sub
                if who:  # a pair in apposition before "who" is one person: the name, else the first description
                    sub = _name_of_the_pair(sub)
                author = _author_before_who(sub, tok) if who else None
                if author is not None:  # "a post by Sen. Gloria Mattingly, who had called the deal": her
                    return author.left_edge.idx, author.idx + len(author)
                return sub.left_edge.idx, sub.idx + len(sub)
            # The parser sometimes splits "Wikileaks editor-in-chief Kristinn Hrafnsson" into two subjects.
            last = subjects[-1].right_edge
            first = sub.left_edge
            if first.tag_ in ("WDT", "WP") and first.i < sub.i:
                first = first.nbor()  # "on what staff called the ‘...’": "what" opens the clause, it is no one
            return first.idx, last.idx + len(last)
        if tok.dep_ not in climb:
            break
    return _fragment_root_subject(verb)


_OPENING_MARKS = ("“", '"', "‘", "'")
_CLOSING_MARKS = ("”", '"', "’", "'")


def _quoted_whole(subject) -> bool:
    """The subject's phrase is all inside a pair of quotation marks (a title: “Rovers Review”)."""
    return subject.left_edge.text in _OPENING_MARKS and subject.right_edge.text in _CLOSING_MARKS \
        and subject.left_edge.i < subject.i < subject.right_edge.i


def _thing_reported(clause, subject) -> bool:
    """The clause a speaking verb was hung on is itself reported ("said pre-orders had passed 40,000, calling demand
    “...”") and its subject is a thing (a common noun no entity or person word), which speaks nothing: the parse hung
    the verb one clause too low, and it is the reporter's."""
    return clause.dep_ == "ccomp" and clause.head.tag_.startswith("VB") and subject.tag_ in ("NN", "NNS") \
        and not subject.ent_type_ and not _person_word(subject.lemma_.lower()) \
        and any(c.dep_ == "nsubj" for c in clause.head.children)


def _person_word(word: str) -> bool:
    """A noun the lexicon gives to people (a person who is reported can speak: "she said the driver, calling ...")."""
    lex = lexicon()
    return word in lex.person_heads or word in lex.anonymous_nouns or word in lex.residence_nouns \
        or word in lex.gender_words or word in lex.collective_nouns or word in lex.passers_by


def _author_after_by(name) -> bool:
    """"a post by Sen. Gloria Mattingly, who had called the deal “...”": a name after "by" is the author of the
    work before it, a person, so "who" is that person (not the post, as for a place: "a reader in Stowfield, who")."""
    return name.head.lower_ == "by"


def _fragment_root_subject(verb) -> tuple[int, int] | None:
    """"The group, WeWorkers Coalition, formed in recent weeks and sent a letter ... stating that they “...”": the
    parse made the sentence a verbless noun with the clause about it hung on it after a comma; a reporting verb
    reached from that clause through its conjuncts, adverbial clauses and the object it describes ("a letter ...
    stating") has the noun as its subject."""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "acl" and _after_a_comma(tok) and tok.head.dep_ == "ROOT" \
                and tok.head.tag_.startswith("NN") and tok.head.i < tok.i:
            root = tok.head  # with the name in apposition to it ("The group, WeWorkers Coalition")
            last = max([root] + [c.right_edge for c in root.children if c.dep_ == "appos" and c.i < tok.i],
                       key=lambda t: t.i)
            return root.left_edge.idx, last.idx + len(last)
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj":  # "sent a letter ... stating": the letter's sender
            tok = tok.head.head
        elif tok.dep_ in ("conj", "advcl") and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def _after_a_comma(tok) -> bool:
    """A comma right before the word, adverbs aside ("A spokeswoman, Ilse Dornach, later added by phone:")."""
    k = tok.i - 1
    while k > tok.sent.start and tok.doc[k].tag_ == "RB":
        k -= 1
    return k >= 0 and k < tok.i and tok.doc[k].text == ","


def _introduced_next(ctx: DocContext, start: int, end: int, words: list[str], lex: Lexicon):
    """"... including a career Army officer who described the call as “improper.” / Lt. Col. Alexander Vindman told
    lawmakers ...": an indefinite description of one person is the person the next sentence makes its subject and
    names for the first time, when that person's title is of the kind the description's head says (lex.title_kinds:
    an officer's rank for "officer") or the head is written beside the name."""
    head = words[-1] if words else ""
    if head in lex.anonymous_nouns | lex.collective_nouns or head.endswith("s"):
        return None
    # the next sentence with words; "Lt. Cmdr." split off by the sentence splitter belongs to the one after it
    following = [s for s in ctx.sentences[ctx.sentence_no(end) + 1 : ctx.sentence_no(end) + 4] if re.search(r"[A-Za-z]", s.text)]
    while len(following) > 1 and len(following[0].text.split()) <= 3:
        following = following[1:]
    if not following:
        return None
    nxt = following[0]
    lead = ctx.body[ctx.sentences[ctx.sentence_no(end) + 1].start_char : nxt.start_char]
    seen = {m.entity_id for m in ctx.mentions if m.start < start}
    people = [m for m in ctx.mentions_in(nxt.start_char, nxt.end_char) if m.type == "PERSON" and not ctx.in_quote(m.start)]
    if len({m.entity_id for m in people}) != 1 or people[0].entity_id in seen:
        return None
    m = people[0]
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ not in SUBJECT_DEPS:
        return None
    before = (lead + ctx.body[nxt.start_char : m.start]).lower().split()[-3:]
    kinds = {lex.title_words.get(w, w).strip(".") for w in before}
    around = ctx.body[nxt.start_char : nxt.end_char].lower()
    fits = bool(kinds & set(lex.title_kinds.get(head, ()))) or re.search(rf"\b{re.escape(head)}\b", around)
    return m if fits else None


# words by which a story keeps a source anonymous on purpose: such a description is never someone named after it
_ANONYMITY = re.compile(r"\b(?:anonymity|anonymously|not (?:to be )?(?:named|identified)|not authori[sz]ed|"
                        r"declined to be (?:named|identified)|withheld)\b", re.I)


def _named_next_beside_the_same_person(ctx: DocContext, start: int, end: int, lex: Lexicon):
    """"A former aide to ex-state Sen. Raymond Harwell told jurors that she had kept a “second calendar” ...", then
    "Lena Vukovic, who worked as Harwell's scheduler, testified ...": the story's lede describes a witness by their
    tie to someone it names, and the next paragraph's opening sentence makes its subject a person named for the
    first time and ties them to that same person. The later name is the described witness. Not a description that
    keeps its source anonymous ("who spoke on condition of anonymity"), not a newcomer with no tie to the person
    the description names (a prosecutor, another witness), and not past the lede (_in_the_lede)."""
    tied = {m.entity_id for m in ctx.mentions_in(start, end) if m.type == "PERSON" and m.entity_id}
    if not tied or _ANONYMITY.search(ctx.body, ctx.sentence_at(start).start_char, ctx.sentence_at(start).end_char):
        return None
    if not _in_the_lede(ctx, start, lex):
        return None  # mid-story, "An aide to X" and then "Y, X's chief of staff" are as likely two people
    no = ctx.sentence_no(end)
    nxt = next((s for s in ctx.sentences[no + 1 : no + 3] if re.search(r"[A-Za-z]", s.text)), None)
    if nxt is None or ctx.in_quote(nxt.start_char) or ctx.paragraph_of(nxt.start_char)[0] != nxt.start_char:
        return None
    seen = {m.entity_id for m in ctx.mentions if m.end <= nxt.start_char}
    people = [m for m in ctx.mentions_in(nxt.start_char, nxt.end_char) if m.type == "PERSON" and not ctx.in_quote(m.start)]
    new = [m for m in people if m.entity_id not in seen and m.entity_id not in tied]
    if not new or new[0].start != people[0].start or not any(m.entity_id in tied for m in people):
        return None
    m = new[0]
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span) or not (span.root.dep_ in SUBJECT_DEPS or _fragment_subject(span.root)):
        return None
    return m


def _in_the_lede(ctx: DocContext, start: int, lex: Lexicon) -> bool:
    """The story's first sentence: in the first paragraph that ends a sentence (a headline before it aside), with no
    sentence ending before start once a dateline is cut ("ST. PAUL, Minn. — "): where news describes a witness
    before naming them in the next paragraph (a "delayed identification" lede)."""
    for a, b in ctx.paragraphs:
        if ctx.body[a:b].rstrip()[-1:] in ".!?”\"’'":
            if not a <= start < b:
                return False
            lead = ctx.body[a:start].lstrip()
            dateline = lex.dateline_re.match(lead)
            return not re.search(r"[.!?][”\"’']?\s", lead[dateline.end():] if dateline else lead)
    return False


def _named_further_on(ctx: DocContext, end: int, text: str):
    """The person a description is written beside further on in the story (the same words, then the name)."""
    if len(text.split()) < 2 or not text[:1].isalpha():
        return None
    at = ctx.body.find(text, end)
    while at >= 0:
        after = at + len(text)
        for m in ctx.mentions_in(after, after + 80):
            if m.type == "PERSON" and not ctx.body[after : m.start].strip(" ,"):
                return m
            break
        at = ctx.body.find(text, after)
    return None


def _one_of_a_family(ctx: DocContext, start: int, text: str, lex: Lexicon):
    """A definite description holding, tagged or not, the surname people of the story named before it share, with a
    comparative of age before it ("the older Delaney brother"): the relative `compared` picks, as for "the elder Mr
    Pritchard"; False when the comparative is there but the story's ages and relations leave not exactly one (no
    speaker then, never the description kept as if it were a name); None when the text is no such description."""
    words = text.split()
    if len(words) < 3 or words[0].lower() != "the":
        return None
    for i, word in enumerate(words[1:], 1):
        key = name_key(word) if word[:1].isupper() else None
        member = next((m for m in ctx.mentions if key and m.type == "PERSON" and m.start < start
                       and len(ctx.names[m.entity_id].split()) >= 2 and name_key(ctx.names[m.entity_id].split()[-1]) == key),
                      None)
        if member is not None:
            before = [w.lower() for w in words[:i]]
            one = compared(ctx, start, member.entity_id, before, lex)
            if one is not None:
                return one
            kinds = lex.raw["speech"]["age_comparatives"]
            if any(w in kinds["older"] or w in kinds["younger"] for w in before):
                return False  # one of a family the story does not tell apart: no one, never the description
            return None
    return _relative_compared(ctx, start, [w.lower() for w in words], lex)


def _relative_compared(ctx: DocContext, start: int, words: list[str], lex: Lexicon):
    """"Imran Malik's younger brother, Asif Malik, 44, ... the elder brother said": a comparative of age before a
    relative's word, no surname: the family of the person the story introduced before as that relative, told apart
    as for "the elder Mr Pritchard" (`compared`); None when no one was introduced so, or not exactly one fits."""
    kinds = lex.raw["speech"]["age_comparatives"]
    if len(words) != 3 or words[2] not in lex.raw["speech"]["kin_words"] \
            or not (words[1] in kinds["older"] or words[1] in kinds["younger"]):
        return None
    introduced = [p for p in story_people(ctx, lex) if p.entity_id is not None and p.start < start
                  and p.kin is not None and p.kin[0] == words[2]]
    return compared(ctx, start, introduced[-1].entity_id, words[:2], lex) if introduced else None


def _is_description_of_one(lower: str, words: list[str], lex: Lexicon, owned_ok: bool = False) -> bool:
    """"the psychologist", "the majority leader": one known person, unlike "an insider", "the source",
    "the officials" or "the public", which stay descriptions."""
    if not lower.startswith("the ") or not words or len(words) > 4:
        return False
    head = words[-1]
    plural = head.endswith("s") and not head.endswith(("ss", "us"))
    # "the victim's mother" is someone new, known through another person, not someone named before
    owned = any(w.endswith(("'s", "’s")) for w in words[:-1])
    # "the collective public", "the anti-Scottish crowd": many people, whatever the grammatical number
    return not plural and (owned_ok or not owned) and head not in lex.anonymous_nouns | lex.collective_nouns


def _narrator(ctx: DocContext) -> Speaker | None:
    """"I was telling myself, “...”" outside quotation marks: the one who writes the story, when the page names one
    author (Document.authors, read from its byline or markup); with several, or none, "I" names no one."""
    if len(ctx.doc.authors) != 1:
        return None
    author = ctx.doc.authors[0]
    key = name_key(author)
    m = next((m for m in ctx.mentions if m.type == "PERSON" and name_key(ctx.names.get(m.entity_id, "")) == key), None)
    return Speaker(m.entity_id if m else None, ctx.names[m.entity_id] if m else author, role="author")


def resolve_speaker(ctx: DocContext, start: int, end: int, lex: Lexicon) -> Speaker:
    """The speaker named by body[start:end] (the subject of a reporting verb).

    The entity that holds the phrase's grammatical head is the speaker: "Kremlin spokesman Dmitry Peskov"
    is Peskov, but "U.S. officials" is a group described by a place, not the place itself.
    """
    what = _WHAT_BEFORE.match(ctx.body, start, end)
    if what:  # "What one GOP strategist called “a five-alarm fire”": the subject after the clause's "what"
        start = what.end()
    text = _clean(ctx.body[start:end])
    if not text:
        return Speaker(reason="no speaker in the attribution", start=start, end=end)
    author = _author_of_text(ctx, start, end, lex) or _poll_behind_a_share(ctx, start, end, text) \
        or _owner_of_speech(ctx, start, end, lex)
    if author is not None:
        return author
    head = _head_char(ctx, start, end)
    inside = ctx.mentions_in(start, end)
    holding = [m for m in inside if head is not None and m.start <= head < m.end]
    if re.fullmatch(r"the\s+\w+[^s\W]", text, re.I) and all(m.type == "NORP" for m in holding):
        holding = []  # "the Italian said": one person by their nationality (an epithet), not the nation
    if re.fullmatch(r"the\s+\w+", text, re.I) and all(m.type in ("ORG", "GPE") and m.text.lower() in lex.title_words
                                                      for m in holding):
        holding = []  # "the COO said", "the MD said": a title's abbreviation the model tagged an organisation or place
    if not any(m.type == "PERSON" for m in holding):
        # "CPUC President Marybel Batjer": titles and organisation names before a person, whatever the parse.
        # "Imogen Blackwood KC": an honour after the name (lexicon names.post_nominals) adds nothing to it either
        titled = [m for m in inside if m.type == "PERSON"
                  and nothing_but_the_name(lex.post_nominals_re.sub("", ctx.body[m.end : end]))
                  and (not _LINKING.search(ctx.body[start : m.start]) or _OFFICE_OF.fullmatch(ctx.body[start : m.start]))]
        holding = titled or holding
    if not holding:  # "The trade journal Kennel Review", "the developer Harrowgate Homes": an organisation named
        # after a description of its kind (an article and lower-case words, none linking: not "a reader of X")
        holding = [m for m in inside if m.type == "ORG" and not _clean(ctx.body[m.end : end])
                   and _KIND_BEFORE.fullmatch(ctx.body[start : m.start]) and not _LINKING.search(ctx.body[start : m.start])]
    if not holding:  # "a 2018 survey by Penelope Muse Abernathy", "a study by the Centre ...": the work's author
        holding = [m for m in inside if m.type in ("PERSON", "ORG") and _WORK_BY.search(ctx.body[start : m.start])]
    if not holding and head is not None:  # "The home's manager, Marion Achebe, holding a card from the MP, Dan
        # Frost,": the person in apposition to the head, not a name in a clause after it
        holding = [m for m in inside if m.type == "PERSON" and _in_apposition_to(ctx, m, head)][:1]
        group = _group_named_in_full(ctx, head, holding, inside)
        if group is not None:  # "Two council members, Diane Ostrowski and Lamar Peete,": both, not the first
            return group
    if not holding:  # "The county sheriff, Jim Hartley", "The group, WeWorkers Coalition": a description, then the
        # person or organisation in apposition
        # ("Counsel for the estate, Mr Ian Rhodes KC": an honorific before the name, an honour after it)
        holding = [m for m in inside if m.type in ("PERSON", "ORG")
                   and not _clean(lex.post_nominals_re.sub("", ctx.body[m.end : end].rstrip(" ,;:")))  # "KC,"
                   and _TRAILING_HONORIFIC.sub("", ctx.body[start : m.start].rstrip()).rstrip().endswith(",")]
    if not holding and head is not None:  # "Senior author Dr. Silvia S. Martins, associate professor ...": the
        holding = [m for m in inside if m.type == "PERSON" and _in_apposition_to(ctx, m, head)]  # head's appositive
    if not holding and head is not None:  # "Her longtime rival, the former Conservative leader Harald Brekke, now
        holding = apposed_people(ctx, inside, head)[:1]  # 91,": the name at the end of a chain of appositions
    speaker = _named(ctx, start, end, text, holding, lex)
    raw = ctx.body[start:end]  # the evidence is the naming words without the commas and spaces around them
    speaker.start = start + raw.index(text) if text in raw else start
    speaker.end = speaker.start + len(text) if text in raw else end
    return speaker


# "Fifty-one percent", "an overwhelming 70 percent of Americans", "44% of voters": a share of those asked
_SHARE = re.compile(r"^(?:(?:an?|some|about|nearly|almost|only|just|roughly|over|under|overwhelming|more than|fewer "
                    r"than|less than)\s+)*(?:\d[\d.,]*|[A-Za-z]+(?:-[a-z]+)?)\s*(?:percent|per cent|%)(?:\s+of\s.+)?$", re.I)
_POLLS = ("poll", "survey")


def _poll_behind_a_share(ctx: DocContext, start: int, end: int, text: str) -> Speaker | None:
    """"A new ABC News poll shows majority support. Fifty-one percent say that “...”": a share of people as the
    subject reports what a poll found; its source is the poll or survey named last before it, in its sentence or the
    one before ("A Reuters poll has lower numbers (44 percent of Americans say ...)"). None with no poll named."""
    if not _SHARE.match(text):
        return None
    no = ctx.sentence_no(start)
    for sent in (ctx.sentences[no], ctx.sentences[no - 1] if no else None):
        polls = [t for t in sent or () if t.lower_ in _POLLS and t.idx < start and t.tag_ == "NN"
                 and not ctx.in_quote(t.idx)] if sent is not None else []
        if polls:
            noun = polls[-1]
            words = [t for t in ctx.sdoc[noun.left_edge.i : noun.i + 1] if t.dep_ == "compound" or t.tag_ == "NNP"
                     or t.i == noun.i]  # "A new ABC News poll" -> "ABC News poll"
            name = ctx.body[words[0].idx : noun.idx + len(noun)]
            return Speaker(name=name, start=start, end=end, name_start=words[0].idx, name_end=noun.idx + len(noun))
    return None


def nothing_but_the_name(rest: str) -> bool:
    """What follows a name in an attribution adds nothing to it: punctuation, or an age ("Under-14 sculler Tilly
    Okoro, 12" is Tilly Okoro)."""
    return not _clean(_AGE_AFTER.sub("", rest))


def _author_of_text(ctx: DocContext, start: int, end: int, lex: Lexicon) -> Speaker | None:
    """"Her resignation letter says", "Mr. Lyle Ashdown's letter of Nov. 28 called it", "a note that said": a
    written text (lexicon written_texts) speaks for whoever wrote it, its possessor ("her" -> the woman the story
    points at, "Ashdown's" -> Ashdown); one with no possessor names no one (a note's writer is unknown)."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) and span.root.lower_ in _PUBLISHED_TEXTS:  # "The updated advice, published on
        found = _published_on_the_site_of(ctx, span.root, lex)  # the government's website, reads:"
        if found is not None:
            found.start, found.end = start, end
            return found
    if span is None or not len(span) or span.root.lower_ not in _owned_voices(lex):
        return None
    head = span.root
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    evidence = dict(start=start, end=end)
    if owner is None and head.lower_ not in lex.written_texts:
        return None  # "the statement said", "an account posted": no one's words until someone owns them
    if owner is not None and owner.lower_ == "its":  # "Its retraction notice, published on Monday, says"
        found = _body_it_stands_for(ctx, owner.idx)
        if found is not None:
            found.start, found.end = evidence["start"], evidence["end"]
        return found
    if owner is None and head.lower_ in lex.owned_only_texts:
        return None  # "a paper published in the journal Nature reported": the paper is the source
    if owner is None:
        signer = _signed_by(ctx, head, lex) or _published_on_the_site_of(ctx, head, lex) \
            or _organisation_of_text(ctx, head)
        if signer is not None:
            signer.start, signer.end = evidence["start"], evidence["end"]
            return signer
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in head.children):
            return None  # "the letter said": the letter the story spoke of, left to the description rules
        sender = _sender_of(ctx, head, lex)
        if sender is not None:
            sender.start, sender.end = evidence["start"], evidence["end"]
            return sender
        return Speaker(reason=f"a written text with no author named ('{_clean(ctx.body[start:end])[:60]}')",
                       **evidence)
    if owner.lower_ in lex.gender_words and owner.tag_ == "PRP$":
        found = pronoun_antecedent(ctx, owner.idx, {"his": "he", "her": "she"}.get(owner.lower_, owner.lower_), lex)
        if found is None:
            return None
        found.start, found.end = evidence["start"], evidence["end"]
        return found
    if owner.tag_ == "PRP$":
        return None  # "your editorial", "their report": left as the text it is
    o_start = owner.left_edge.idx
    o_end = owner.idx + len(owner)
    found = resolve_speaker(ctx, o_start, o_end, lex)
    if not found.name:
        return None
    if head.lower_ not in lex.written_texts and (found.entity_id is None or (
            not ctx.mentions_in(o_start, o_end) and ctx.is_person(found.entity_id))):
        return None  # "the festival's daily bulletin": a description owns a text for a body named, never a person
    found.start, found.end = evidence["start"], evidence["end"]
    return found


_ITS_SENTENCES = 6  # as speakers._recent_organisation: how far back the organisation "its" points to may be


@lru_cache(maxsize=4)
def _owned_voices(lex: Lexicon) -> frozenset[str]:
    """What speaks for its writer or owner: written_texts, and, once someone owns them, a text put out (lexicon
    issued_texts: "the agency's bulletin", "its notice") and a channel words are posted on (posting_channels: "the
    agency's social media account"). Built once per lexicon (read for every subject resolved)."""
    speech = lex.raw["speech"]
    return lex.written_texts | frozenset(speech["issued_texts"]) | frozenset(speech["posting_channels"])


def _body_it_stands_for(ctx: DocContext, start: int) -> Speaker | None:
    """"its" before a text: the organisation "it" would stand for as a subject ("“...,” it said"), the one last the
    subject of a sentence within a few sentences (_recent_organisation's reach); None with no organisation that
    near (a thing's "its" is no one's)."""
    m = _last_subject(ctx, start, ("ORG",))
    if m is None or ctx.sentence_no(start) - ctx.sentence_no(m.start) > _ITS_SENTENCES:
        return None
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end)


def _organisation_of_text(ctx: DocContext, text_noun) -> Speaker | None:
    """"She cited an internal FAA memo that described staffing as “...”", "a memo from the agency's safety office":
    an organisation written before a text as its modifier, or after it with "from", is the text's author, so its
    words are the organisation's, not those of the member citing it. A place ("a New York memo") or a person is no
    such author, nor an organisation the text goes to ("a memo to the FAA")."""
    left = [t for t in ctx.sdoc[text_noun.left_edge.i : text_noun.i] if t.dep_ in ("compound", "nmod", "amod")]
    right = [c for p in text_noun.children if p.dep_ == "prep" and p.lower_ == "from" for c in p.children
             if c.dep_ == "pobj"]
    for tok in left + right:
        m = next((m for m in ctx.mentions if m.type == "ORG" and m.start <= tok.idx < m.end
                  and not ctx.in_quote(m.start)), None)
        if m is not None:
            return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end)
    return None


_PUBLISHING = ("published", "posted", "printed", "displayed")
_PUBLISHED_TEXTS = ("advice", "guidance")  # texts a body publishes, not written_texts: "according to guidance X sent"


def _published_on_the_site_of(ctx: DocContext, text_noun, lex: Lexicon) -> Speaker | None:
    """"The updated advice, published on the government's travel website, now reads:": a text put up on someone's
    own page speaks for the owner of the page, when the owner resolves to a named entity ("the government" -> the
    Foreign Office the story made the subject)."""
    for verb in (c for c in text_noun.children if c.dep_ == "acl" and c.lower_ in _PUBLISHING):
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in")):
            page = next((c for c in prep.children if c.dep_ == "pobj"), None)
            owner = next((c for c in page.children if c.dep_ == "poss"), None) if page is not None else None
            if owner is None or owner.tag_ == "PRP$":
                continue
            found = resolve_speaker(ctx, owner.left_edge.idx, owner.idx + len(owner), lex)
            if found.name and found.entity_id:
                return found
    return None


def _unheld_office(words: list[str], lex: Lexicon) -> bool:
    """"According to an official, the president said privately ...", in a story that gave the title "president" to
    no one named: an office is held by one person, and the last subject of a sentence ("House Speaker Nancy Pelosi")
    is not that person because the story did not say who holds it (lexicon single_offices: held by one at a time)."""
    return len(words) == 1 and words[0] in lex.raw["speech"]["single_offices"]


def _spoken_to_after(ctx: DocContext, sent, m, head: str) -> bool:
    """"Graham turned to the nominee and asked": the word after the name is the one the person speaks to (an object),
    so it does not describe the person."""
    after = [t for t in sent if t.idx >= m.end and t.lower_ == head and not ctx.in_quote(t.idx)]
    return bool(after) and all(t.dep_ in ("pobj", "dobj", "dative") and t.head.lower_ != "as" for t in after)


def _spoken_to_before(ctx: DocContext, start: int, words: list[str]) -> bool:
    """"Graham turned to the nominee and asked: “...?” The nominee answered: “No, senator.”": a description the two
    sentences before gave as the one spoken to (the object of "turned to", "asked", "told") is not the person who
    was the subject there; with no one named with it, it stays a description."""
    no = ctx.sentence_no(start)
    return bool(words) and any(t.lower_ == words[-1] and t.dep_ in ("pobj", "dobj", "dative") and not ctx.in_quote(t.idx)
                               for sent in ctx.sentences[max(no - 2, 0) : no] for t in sent)


def _owner_of_speech(ctx: DocContext, start: int, end: int, lex: Lexicon) -> Speaker | None:
    """"Her statement, which called the ruling “reckless”", "the senator's remarks described it as": words owned by
    someone (a noun of speech with "his"/"her" or a named possessor) are that person's, as a written text's are its
    writer's (_author_of_text). "The statement said" (no owner) and "their statement" are left to the other rules."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lower_ not in lex.speech_nouns or span.root.lower_ in lex.written_texts:
        return None
    owner = next((c for c in span.root.children if c.dep_ == "poss"), None)
    if owner is None or (owner.tag_ == "PRP$" and owner.lower_ not in ("his", "her")):
        return None
    if owner.tag_ == "PRP$":
        found = pronoun_antecedent(ctx, owner.idx, {"his": "he", "her": "she"}[owner.lower_], lex)
    else:
        found = resolve_speaker(ctx, owner.left_edge.idx, owner.idx + len(owner), lex)
    if found is None or not found.name:
        return None
    found.start, found.end = start, end
    return found


def _signed_by(ctx: DocContext, text_noun, lex: Lexicon) -> Speaker | None:
    """"The letter, signed by Principal Agnes Moroe, read in part:": the one a participle's "by" names as who signed,
    wrote or sent the text."""
    for verb in (c for c in text_noun.children if c.dep_ == "acl" and c.lower_ in _SIGNING):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is not None:
                found = resolve_speaker(ctx, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge), lex)
                if found.name and found.entity_id:
                    return found
    return None


_SIGNING = ("signed", "written", "sent", "penned", "issued", "authored")


def _sender_of(ctx: DocContext, text_noun, lex: Lexicon) -> Speaker | None:
    """"The company published a blog post that said", "I forwarded it with a note that said": the one who
    published or sent the text, the subject of the verb it is the object of (directly or through a preposition)."""
    verb = text_noun.head if text_noun.dep_ == "dobj" else (
        text_noun.head.head if text_noun.dep_ == "pobj" and text_noun.head.dep_ == "prep" else None)
    if verb is None or not verb.tag_.startswith("VB"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or ctx.in_quote(subject.idx):
        return None
    found = resolve_speaker(ctx, subject.left_edge.idx, subject.idx + len(subject), lex)
    return found if found.name and found.entity_id else None


_TRANSCRIPT_LABEL = re.compile(r"^(?:[A-Z][A-Z.’'-]*\s+){0,3}(?P<name>[A-Z][A-Z’'-]+):\s")


def _transcript_speaker(ctx: DocContext, start: int):
    """"VOIGHT: I forwarded it ...": in a transcript, "I" is the person whose label opens the paragraph."""
    pstart, _ = ctx.paragraph_of(start)
    label = _TRANSCRIPT_LABEL.match(ctx.body[pstart : pstart + 80])
    if label is None:
        return None
    surname = label.group("name").lower()
    return next((m for m in ctx.mentions if m.type == "PERSON" and ctx.names[m.entity_id].lower().split()[-1:] == [surname]),
                None)


def _named(ctx: DocContext, start: int, end: int, text: str, holding, lex: Lexicon) -> Speaker:
    def entity(m, role=None) -> Speaker:
        return Speaker(m.entity_id, ctx.names[m.entity_id], role, name_start=m.start, name_end=m.end)

    if holding:
        m = holding[0]
        before = ctx.body[start : m.start].lower().split()
        one = compared(ctx, start, m.entity_id, before, lex) if m.type == "PERSON" else None
        if one is not None:  # "the elder Mr Pritchard": of two Pritchards, the one the ages or relations say
            return Speaker(one.entity_id, ctx.names[one.entity_id], name_start=m.start, name_end=m.end)
        return entity(m, _role(ctx, start, end, m.start, m.end, lex))
    one = _one_of_a_family(ctx, start, text, lex)
    if one is False:
        return Speaker(reason=f"one of a family the story does not tell apart ('{text}')")
    if one is not None:  # "the older Delaney brother", no mention at its head: of two Delaneys, the one it picks
        return Speaker(one.entity_id, ctx.names[one.entity_id], name_start=one.start, name_end=one.end)
    if _unnamed_person_voice(ctx, start, text, lex) or _unnamed_person_voice_before(ctx, start, text, lex):
        return Speaker(name=text, unnamed=True)
    body = voiced_body(ctx, start, text, lex)
    if body is not None:  # "A Hallbrook spokeswoman", "A council spokesperson": the body speaks, the voice its role
        return Speaker(body.entity_id, body.name, body.role, name_start=body.name_start, name_end=body.name_end)
    voiced = _organisation_voiced(ctx, start, text, lex)
    if voiced is not None:  # a mention, or the body the sentence before is about (_body_described)
        return replace(voiced[0], role=voiced[1]) if isinstance(voiced[0], Speaker) else entity(*voiced)
    # "The statement, which was obtained by Variety": the description is what precedes its relative clause
    lower = _RELATIVE_CLAUSE.split(text, maxsplit=1)[0].lower()
    lower = _REFLEXIVE.sub("", lower)  # "The corporation itself said": the corporation
    if lower in lex.org_pronouns:  # "“...,” it added": the organisation that last spoke or acted
        m = _last_subject(ctx, start, ("ORG",))
        body = described_body(ctx, start, _body_heads(lex))
        if body is not None and (m is None or m.start < body.idx):  # "The finance ministry said ... It described":
            name, name_start, name_end = body_description(body)  # the body the subject describes, not a place
            return Speaker(name=name, name_start=name_start, name_end=name_end)  # named after it
        issuer = issuer_of_the_text_before(ctx, start, _issued_texts(lex), lex.raw["speech"]["issuing_verbs"])
        if issuer is not None and (m is None or m.start < issuer[0]):  # "Your audit office published a report ...
            found = resolve_speaker(ctx, *issuer, lex)  # The report ... It says": the office's words
            if found.name:
                return found
        m = m or _recent_organisation(ctx, start)
        if m:
            return entity(m)
    if lower in lex.group_pronouns:  # "“...,” they said in a statement": the organisation last the subject
        unnamed = _anonymous_they(ctx, start, lex)
        if unnamed is not None:
            return unnamed
        person = _singular_they(ctx, start)
        if person:
            return entity(person)
        m = _last_subject(ctx, start, ("ORG",))
        m = m if m and ctx.sentence_no(start) - ctx.sentence_no(m.start) <= 3 else _recent_organisation(ctx, start)
        if m:
            return entity(m)
    if lower in lex.first_person:
        speaker = _transcript_speaker(ctx, start)
        if speaker is not None:
            return entity(speaker)
        author = _narrator(ctx)
        if author is not None:
            return author
    if lower == "one" and not _MODAL_AFTER.match(ctx.body, end):
        # "after what one described as “...”", "“...,” one said": one of the people just spoken of, unnamed; "what
        # one might call" is anyone's; the group it is one of, when the story just spoke of one, is the evidence
        group = group_of_one(ctx, start, lex)
        return Speaker(name=text, unnamed=True, name_start=group[0] if group else None,
                       name_end=group[1] if group else None)
    if lower in lex.vague_subjects:
        return Speaker(reason=f"the attribution names no one ('{text}')")
    if lex.passer_by_re.match(lower) and not ctx.mentions_in(start, end):
        # "Someone in the bleachers yelled", "a man at the back shouted": a voice in the scene, never named, kept as
        # an unnamed description like "One woman": no story rule then hands their words to a name nearby
        return Speaker(name=_RELATIVE_CLAUSE.split(text, maxsplit=1)[0], unnamed=True)
    relative = _relative(ctx, start, text, lex)
    if relative is not None:  # "“...,” his wife added": the one the story introduced as his wife, or him as her husband
        return relative
    if lower in ("him", "her"):  # "remembers her saying “...”", "heard him say": the subject of a gerund or a bare
        lower = {"him": "he", "her": "she"}[lower]  # infinitive after a verb of perception is its object pronoun
    if lower in lex.person_pronouns:
        found = pronoun_antecedent(ctx, start, lower, lex)
        return found or Speaker(reason=f"pronoun '{text}' with no person named before it")
    bare = _DETERMINER.sub("", lower)
    words = re.findall(r"[\w’'.-]+", bare)
    if lower.startswith("the ") and len(words) == 1:  # "the company said" after "Tolvik Line's director ... said"
        found = _body_described(ctx, start, words[0], lex)
        if found is not None:
            return found
    if lower.startswith("the ") and words and words[-1] in lex.org_anaphors:
        # "the group" points back; "the production company" to a name like it; "the French foreign ministry",
        # a description of its own, to nothing
        m = _named_like(ctx, start, words[:-1]) or (_anaphor_target(ctx, start, words[-1], lex) if len(words) == 1 else None)
        if m:
            return entity(m)
    if lower.startswith("the ") and len(words) == 1 and words[0] in lex.raw["speech"]["org_kinds"]:
        m = _organisation_of_kind(ctx, start, words[0], lex)
        if m:
            return entity(m)
    if lower.startswith("the ") and len(words) == 1:  # "the guild wrote" after "The Allied Pilots Guild said"
        m = _body_by_its_head(ctx, start, words[0])
        if m and _described_person(ctx, start, words, lex, titled_only=True) is None:
            return entity(m)
    # "the French foreign ministry" is an institution's description, never a person's
    # and with a name in it, a capitalised head ("The Hollywood Reporter", "the Sioux Falls Argus Leader") is a name
    inside = ctx.mentions_in(start, end)
    # "the Italian said": a nationality standing alone is an epithet, not a name (see _epithet_person)
    nation = bool(inside) and all(m.type == "NORP" for m in inside) and len(words) == 1
    nation = nation or (bool(inside) and words[-1:] != [] and words[-1] in lex.title_words
                        and all(m.type in ("ORG", "GPE") for m in inside))  # "the COO": a title, tagged an organisation
    no_person = not any(m.type == "PERSON" for m in inside) and words[-1:] != [] \
        and words[-1] not in lex.org_anaphors and (nation or not (inside and not text.split()[-1][:1].islower()))
    if no_person and lower.split()[0] in BODY_POSSESSIVES and 2 <= len(words) <= 4:
        # "The Authority expects ... “...,” its chief executive said": a person of the body "its" points to (one
        # whose introduction ties them to another body is not), weighed as referents weighs any description
        body = description_body(ctx, start, lex)
        found = referent(ctx, start, words[-1], lex, among=lambda p: p.entity_id is not None
                         and (not p.bodies or body in p.bodies)) if body is not None else None
        if found is not None and found is not REFUSED:
            m = next((m for m in reversed(ctx.mentions) if m.entity_id == found.entity_id and m.end <= start), None)
            if m is not None:
                return entity(m)
    if no_person and lower.startswith("the "):
        # "said the canon who had spent the night with the choristers' families", two canons in the story: the one
        # of them the story said that of (referents.singled_out); a tie leaves the description as written
        span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
        one = singled_out(ctx, span.root, lex) if span is not None and len(span) else None
        if one is not None and one is not REFUSED:
            return Speaker(one.entity_id, ctx.names[one.entity_id], name_start=one.start, name_end=one.end)
    if no_person and _other_of_an_unnamed_pair(ctx, start, words):
        return Speaker(name=text, unnamed=True)  # "Two shop stewards ... one said. The other steward added:"
    if len(words) == 1 and lower.startswith("the ") and no_person and _introduced_unnamed(ctx, start, words[0]) \
            and _described_person(ctx, start, words, lex) is None and titled_further_on(ctx, end, words, lex) is None:
        return Speaker(name=text, unnamed=True)  # "came from a nurse in the second row ... the nurse asked"
    body = _untagged_body_name(ctx, start, end, text, lex)
    if body is not None:  # "The Referees’ Panel said": a body's name the model left untagged, no one's description
        return body
    if _is_description_of_one(lower, words, lex) and no_person:
        # "the psychologist", "the actor": the person named with that word; "Lowther was more diplomatic. “...,”
        # the Rovers skipper said": the person the paragraph's sentence before is about; "the 56-year-old", "the
        # former England Under-21 star": the person of that age, else the one the story is about; else the person
        # last the subject. A team, place or club in the description ("the Rovers skipper") names no one.
        # an age the story gave someone is the stronger evidence; one it gave no one ("Jaden Amofah, who scored
        # twice, was asked ... “...,” the 19-year-old said") is weaker than the paragraph's lead-in subject; a
        # description the sentences before gave as the one spoken to is not their subject
        referred = _referred_back(ctx, start, text, words[-1], lex)
        if referred is not None:
            return referred
        if lower.startswith("the ") and len(words) == 1 and _described_person(ctx, start, words, lex) is None:
            # "One jury member, speaking on condition of anonymity, said ... “...,” the juror said": a noun no one
            # the story introduced holds, right after the paragraph brought in one unnamed person, is that person
            voice = _described_again(ctx, start, words[-1], lex)
            said_at = ctx.sentence_at(voice.name_start) if voice is not None else None
            if said_at is not None and _ANONYMITY.search(ctx.body, said_at.start_char, said_at.end_char):
                return voice  # kept anonymous on purpose: any noun for them is theirs, not someone named's
        if _unheld_title(lower, lex) and _described_person(ctx, start, words, lex) is None \
                and titled_further_on(ctx, end, words, lex) is None:
            # "a message from the first lady": an office no one named holds, not the person the story is about
            return Speaker(name=_RELATIVE_CLAUSE.split(text, maxsplit=1)[0], unnamed=True)
        m = _described_person(ctx, start, words, lex) or _programme_host(ctx, start, words, lex) \
            or titled_further_on(ctx, end, words, lex) \
            or identified_after_the_lede(ctx, start, words, lex.raw["names"]["titles"],
                                         lambda at: _in_the_lede(ctx, at, lex)) \
            or host_of_the_programme(ctx, start, words) \
            or _named_referent(ctx, start, words[-1], lex) \
            or _person_of_age(ctx, start, end) \
            or (None if _spoken_to_before(ctx, start, words) else _lead_in_subject(ctx, start)) \
            or _epithet_person(ctx, start, end, lex) \
            or (None if _unheld_office(words, lex) or _spoken_to_before(ctx, start, words)
                else _last_subject(ctx, start, ("PERSON",), lambda m: not related_to(ctx, m.entity_id, words[-1], lex)))
        if m:
            return entity(m)
    elif _is_description_of_one(lower, words, lex, owned_ok=True) and no_person:
        # "the sheriff's captain": only the person given that title ("Sheriff's Capt. Dwayne Ortiz"); "the
        # victim's mother" is someone new
        m = _described_person(ctx, start, words, lex, titled_only=True)
        if m:
            return entity(m)
    elif lower.startswith("the ") and 0 < len(words) <= 4 and words[-1] in lex.anonymous_nouns and no_person:
        # "the analyst said" keeps a source anonymous, unless the story gave one person that word as a title right
        # before the name ("Industry analyst Kwame Desrosiers of Haulwise Research said ...")
        m = _described_person(ctx, start, words, lex, titled_only=True) or _giving_evidence(ctx, start, words, lex)
        if m:
            return entity(m)
        referred = _referred_back(ctx, start, text, words[-1], lex, refuse=False)
        if referred is not None:  # "A ministry official said ... “...,” the official said": that official
            return referred
        voice = _described_again(ctx, start, words[-1], lex)
        if voice is not None:
            return voice
    if not re.match(r"^[\w“\"‘'(]", text) or lex.not_role_re.match(text):
        return Speaker(reason=f"attribution not understood ('{text[:60]}')")
    qualified = qualified_title(ctx, start, end, lex.raw["names"]["titles"])
    if qualified is not None:  # "the ambassador of Orestia": the ambassador the story ties to Orestia, not Orestia
        m = _described_person(ctx, start, qualified[0], lex) or titled_further_on(ctx, end, qualified[0], lex)
        if m is not None and tied_to(ctx, m, qualified[1]):
            return entity(m)
    later = _named_further_on(ctx, end, text) or (_introduced_next(ctx, start, end, words, lex)
                                                  or _named_next_beside_the_same_person(ctx, start, end, lex)
                                                  if lower.startswith(("a ", "an ")) else None)
    if later:  # "China's ambassador to Britain" warned ...; later "China's ambassador to Britain Liu Xiaming"
        return entity(later)
    owner = titled_surname_owner(ctx, start, text, lex)
    if owner is not None:  # "Cllr Ashgrove said", untagged: the one person introduced with that surname
        return entity(owner)
    given = _full_name_before(ctx, start, text)
    if given is not None:  # "Femi said" after "The best man, Femi Asante-Boyd, ...", both left untagged
        return given
    untagged = _UNTAGGED_NAME.match(text) or lex.organisation_role_re.match(text)
    if untagged:  # "Eswar Prasad, a trade professor", "Developer Valve": the name, and the words that describe it
        return Speaker(name=untagged.group("name"), role=untagged.group("role"))
    # A description or group with no named entity at its head ("U.S. officials", "analysts"): kept as said,
    # without a relative clause ("US officials, who first said ...").
    described = _RELATIVE_CLAUSE.split(text, maxsplit=1)[0]
    return Speaker(name=described, unnamed=_one_unnamed(ctx, start, end, described, lex))


# "The Referees’ Panel", "The Ardenshire Growers’ Federation": "The", then capitalised words (possessives and the
# small words names hold between them), at least two
_THE_PROPER_NAME = re.compile(r"^the\s+(?P<name>[A-Z][\w’'.-]*(?:\s+(?:of|and|for|&|the|[A-Z][\w’'.-]*))*"
                              r"\s+[A-Z][\w’'.-]*)$", re.I)


def _untagged_body_name(ctx: DocContext, start: int, end: int, text: str, lex: Lexicon) -> Speaker | None:
    """"The Referees’ Panel said", "The Ardenshire Growers’ Federation said", untagged by the model: capitalised
    words after "the" are a name, and a name that takes "the" is a body's (a person's never does), not a description
    of someone the story named before. Not when any of its words is a word for a person or a title ("The Chief
    Constable", "The Prime Minister"), or when a mention covers it or names a person in it."""
    found = _THE_PROPER_NAME.match(text)
    if found is None or not all(w[:1].isupper() for w in found.group("name").split() if w not in _NAME_JOINERS):
        return None
    # any word for a person or a title in it makes it one's office ("The Chief Executive", "The High Commissioner
    # for Human Rights", "The Duke of Kent")
    words = [w.lower().strip("’'.") for w in found.group("name").split() if w not in _NAME_JOINERS]
    if any(people_word(w, lex, titles=True) or people_word(singular(w), lex, titles=True) for w in words):
        return None
    at = ctx.body.index(text, start) if text in ctx.body[start:end] else start
    if any(m.type == "PERSON" or m.end >= at + len(text) for m in ctx.mentions_in(start, end)):
        return None  # a person in it, or a mention holding its head: the entity readings decide
    # the words as written, "The" kept, as a description left as the speaker is ("The Hollywood Reporter")
    return Speaker(name=text, name_start=at, name_end=at + len(text))


_NAME_JOINERS = ("of", "and", "for", "&", "the")


def _described_again(ctx: DocContext, start: int, noun: str, lex: Lexicon) -> Speaker | None:
    """"A former member of the finance team, who spoke on condition of anonymity, said ... “...,” the former
    employee said": an anonymous source's noun that fits no one the story introduced (referents), right after the
    paragraph brought in one unnamed person as the subject of a sentence before (unnamed_voices.
    indefinite_subject_before: the last that brings in anyone), is that person in other words,
    not the last named one; the introduction is the evidence. None when someone the story introduced fits the noun
    ("Tom Reed, a former employee, ..."): the rules after this one read it."""
    if referent(ctx, start, noun, lex) is not None:
        return None
    voice = indefinite_subject_before(ctx, start, lex.gender_words.get(noun), lex,
                                      any_gender=lex.gender_words.get(noun) is None)
    if voice is None:
        return None
    return Speaker(name=ctx.body[voice[0] : voice[1]], name_start=voice[0], name_end=voice[1], unnamed=True)


def _named_referent(ctx: DocContext, start: int, noun: str, lex: Lexicon):
    """"The two fisheries ministers, Norland's Henrik Solvang and Vessia's Dora Meszaros, ... Mr Solvang said ...
    “...,” the minister replied": when no one is named with the description's own word beside them, the named
    person of the story it fits who was last in focus (referents), before the weaker readings of who the paragraph
    is about (its lead-in subject, the last subject), which may be someone the word does not describe (the
    presenter who put the question). Their latest mention, or None."""
    found = referent(ctx, start, noun, lex)
    if found is None or found is REFUSED or found.entity_id is None \
            or noun in ctx.names[found.entity_id].lower().split():
        return None  # "Associate Dean" typed a person: a title the model took for a name is not its holder
    if any(o.split()[-1] == noun and o != noun and all(w in found.words for w in o.split()[:-1])
           for o in lex.raw["speech"]["distinct_offices"]):
        return None  # "former prime minister Agnes Torp" holds no office "the minister" names (other_offices_out)
    return next((m for m in reversed(ctx.mentions) if m.entity_id == found.entity_id and m.end <= start), None)


def _referred_back(ctx: DocContext, start: int, text: str, noun: str, lex: Lexicon,
                   refuse: bool = True) -> Speaker | None:
    """A definite description read against the people of the story (referents): the person it fits who was last
    in focus, when that is someone introduced without a name ("A second agent, who asked not to be named, ... “...,”
    the agent said"), with the introduction as evidence, or the organisation that introduction is the voice of; no
    one when two people fit as recently ("The trade minister, Marta Linde, and the finance minister, Jonas Fell,
    met ... “...,” the minister said": the description stays the evidence, as for someone never named). None
    otherwise: a named person is read by the rules after this one, which agree with the model on 29 of the 31
    descriptions it resolves on the development parts (the two others are no person)."""
    found = referent(ctx, start, noun, lex)
    if found is REFUSED and refuse:  # the description kept as said, as evidence: no later rule lends it a name
        return Speaker(name=_RELATIVE_CLAUSE.split(text, maxsplit=1)[0], unnamed=True)
    if found is None or found is REFUSED or found.entity_id is not None:
        return None
    # whoever the introduction itself speaks for: "A spokesperson for the firm" is the firm's voice (as the
    # introduction's own quote reads it), "A police spokesman" someone never named
    introduced = resolve_speaker(ctx, found.start, found.end, lex)
    if introduced.entity_id is not None:
        return introduced
    return Speaker(name=ctx.body[found.start : found.end], name_start=found.start, name_end=found.end, unnamed=True)


# "A spokesperson for the firm", "a representative of Crumbwell Bakeries": an unnamed voice of an organisation.
_VOICE_FOR = re.compile(r"^(?:an?|the)\s+(?P<voice>spokesperson|spokesman|spokeswoman|representative|press officer)"
                        r"\s+(?:for|of)\s+(?P<org>.+)$", re.I)


def _organisation_voiced(ctx: DocContext, start: int, text: str, lex: Lexicon):
    """"A spokesperson for the firm told this column: “...”": an unnamed spokesperson speaks the organisation's
    words, so the organisation "the firm" points back to (org_anaphors) is the speaker, the voice kept as its role.
    None when the voice speaks for something else ("a spokesperson for the family"); "a spokesperson for Crumbwell
    Bakeries" names the organisation itself and stays the description that holds both (as the labels read it)."""
    voice = _VOICE_FOR.match(text)
    if voice is None:
        return None
    words = re.findall(r"[\w’'.-]+", voice.group("org").lower())
    if len(words) == 2 and words[0] == "the":  # "a spokesman for the firm" after "The landlord, Harbeck Estates, said"
        found = _body_described(ctx, start, words[1], lex)
        if found is not None:
            return found, voice.group("voice").lower()
    if len(words) == 2 and words[0] == "the" and words[1] in lex.org_anaphors:
        # the organisation named last (the firm the story is speaking of when its voice is quoted), not the last
        # subject: "the Ombudsman ruled ... Swiftline argued ... a spokesperson for the firm"
        m = _recent_organisation(ctx, start)
        if m is not None:
            return m, voice.group("voice").lower()
    return None


# "the Prime Minister’s official spokesman", "A spokesperson for House Speaker Connor Wyle": the voice of a person,
# given by whose voice it is and never by a name of its own.
_PERSON_VOICE = re.compile(r"^(?:an?|the)\s+(?:(?P<owner>(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,2})[’']s\s+)?"
                           r"(?:(?:official|chief|deputy|senior|press)\s+)?(?P<voice>spokesperson|spokesman|spokeswoman)"
                           r"(?:\s+(?:for|to)\s+(?P<for>.+))?$", re.I)
_VOICE_BACK = re.compile(r"^the\s+(?:(?:official|chief|deputy|senior|press)\s+)?(?P<voice>spokesperson|spokesman|spokeswoman)$",
                         re.I)


def _speaks_for_a_person(ctx: DocContext, start: int, text: str, lex: Lexicon) -> bool:
    """The description is a spokesperson whose owner is a person or a person's office ("the Prime Minister’s",
    "the mayor’s", "for House Speaker Connor Wyle"), not an organisation ("for the firm", "the party’s"): political
    reporting's convention of the unnamed spokesman (the lobby never names No 10's), who speaks for the person but
    is not them."""
    voice = _PERSON_VOICE.match(text)
    if voice is None or not (voice["owner"] or voice["for"]):
        return False
    group = "owner" if voice["owner"] else "for"
    owner = re.sub(r"^the\s+", "", voice[group], flags=re.I)
    s, e = start + voice.start(group), start + voice.end(group)
    inside = ctx.mentions_in(s, e)
    if inside:  # "for House Speaker Connor Wyle": the last name in it is a person's, ending the phrase
        return inside[-1].type == "PERSON" and inside[-1].end >= e - 1
    office = lex.titles_re.match(owner + " ")
    return office is not None and office.end() == len(owner) + 1


def _unnamed_person_voice(ctx: DocContext, start: int, text: str, lex: Lexicon) -> bool:
    """"the Prime Minister’s official spokesman said": a person's spokesperson with no name beside it ("the Prime
    Minister’s press secretary, Harriet Osei-Fairbairn," is named) is an unnamed speaker, not the person spoken for."""
    return _speaks_for_a_person(ctx, start, text, lex) and not re.match(r",?\s+[A-Z]", ctx.body[start + len(text):])


def _unnamed_person_voice_before(ctx: DocContext, start: int, text: str, lex: Lexicon) -> bool:
    """"the spokesman said" after "the Prime Minister’s official spokesman": the same unnamed voice, when the last
    spokesperson the story spoke of (outside quotations) was a person's and had no name ("Kremlin spokesman Dmitry
    Peskov ... the spokesman said" is Peskov)."""
    back = _VOICE_BACK.match(text)
    if back is None:
        return False
    last = None
    for hit in re.finditer(r"\bspokes(?:person|man|woman)\b", ctx.body[:start], re.I):
        if not ctx.in_quote(hit.start()):
            last = hit
    if last is None or re.match(r",?\s+[A-Z]", ctx.body[last.end():]):
        return False  # "spokesman Dmitry Peskov", "the spokesman, Jo Bell,"
    span = ctx.sdoc.char_span(last.start(), last.end(), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    s, e = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    described = re.split(r",", ctx.body[s:e], maxsplit=1)[0]  # the noun phrase, without an apposition or clause
    if s < last.start() and _VOICE_BACK.match(described):  # "the spokesman" again: the one it points back to
        return _unnamed_person_voice_before(ctx, s, described, lex)
    return _unnamed_person_voice(ctx, s, described, lex)


def _giving_evidence(ctx: DocContext, start: int, words: list[str], lex: Lexicon):
    """"Dennis Calloway, 63, was giving evidence ... “No, sir,” the witness said": in a court report "the witness" is
    the person the story last said gave evidence (lexicon speech.evidence_phrases: "giving evidence", "testified",
    "in the witness box"), not an anonymous source; with no one said to, the witness stays unnamed."""
    if words != ["witness"]:
        return None
    found = None
    for hit in lex.evidence_re.finditer(ctx.body, 0, start):
        if ctx.in_quote(hit.start()):
            continue
        sent = ctx.sentence_at(hit.start())
        people = [m for m in ctx.mentions_in(sent.start_char, hit.start()) if m.type == "PERSON"]
        if len({m.entity_id for m in people}) == 1:
            found = people[0]
    return found


def _other_of_an_unnamed_pair(ctx: DocContext, start: int, words: list[str]) -> bool:
    """"Two shop stewards at the depot, who asked not to be named, ... “...,” one said. The other steward added:": "the
    other" of people the paragraph brought in by their number and no name ("two stewards", "both nurses") is the
    second of them, as unnamed as the first, not whoever was last the subject. A name beside them names them."""
    if len(words) < 2 or words[0] != "other" or not ctx.body[start : start + 10].lower().startswith("the other "):
        return False
    head = words[-1]
    para = ctx.paragraphs[next(k for k, (s, e) in enumerate(ctx.paragraphs) if s <= start <= e)]
    intro = None
    for intro in re.finditer(rf"\b(?:two|both|three|a pair of)\s+(?:[a-z-]+\s+){{0,2}}{re.escape(head)}s\b",
                             ctx.body[para[0] : start], re.I):
        pass
    if intro is None:
        return False
    at = para[0] + intro.start()
    return not any(m.type == "PERSON" for m in ctx.mentions_in(at, ctx.sentence_at(at).end_char))


def _introduced_unnamed(ctx: DocContext, start: int, head: str) -> bool:
    """"The first question came from a nurse in the second row. ... “...?” the nurse asked": the story brought the
    person in with an indefinite article ("a nurse", "an usher", "one young nurse") and no name beside it, so "the
    nurse" is that unnamed person, not whoever was last the subject. A name in apposition ("a nurse, Jo Bell,")
    names them."""
    intro = None
    for intro in re.finditer(rf"\b(?:a|an|one)\s+(?:[a-z-]+\s+)?{re.escape(head)}\b(?!,?\s+[A-Z])", ctx.body[:start]):
        pass
    return intro is not None and not ctx.in_quote(intro.start()) and not ctx.mentions_in(intro.start(), intro.end())


def _full_name_before(ctx: DocContext, start: int, text: str) -> Speaker | None:
    """A lone capitalised given name the model tagged nowhere ("Femi", "Monty") is the full name it opened earlier
    in the story ("Femi Asante-Boyd", "heir Monty Featherstonehaugh"): its first occurrence outside a quotation
    followed by a capitalised surname on the same line, the given name itself untagged (the model may have tagged
    the surname alone: "Asante-Boyd", joined to the groom). None for a word of its own or with no such name before."""
    if not re.fullmatch(r"[A-Z][a-z]{2,}", text):
        return None
    for hit in re.finditer(rf"(?<![\w-]){text}[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b", ctx.body[:start]):
        if not ctx.in_quote(hit.start()) and not ctx.mentions_in(hit.start(), hit.start() + len(text)):
            return Speaker(name=f"{text} {hit.group(1)}", name_start=hit.start(), name_end=hit.end())
    return None


# "One woman", "a neighbour", "another", "one of them", "the woman": one person picked out, not named.
_ONE_OF_SOME = re.compile(r"^(?:a|an|one|another)\b", re.I)


# "one resident of Heron Gardens": a description of one person, then where they live or travel from.
_PLACED = re.compile(r"^(?P<who>(?:[\w-]+ ){1,3}?(?P<head>[a-z-]+)) (?:of|from|on|in|at) (?:the )?"
                     r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3}$")


# Prepositions whose object says where someone is, comes from or belongs ("a father at Eastbrook High", "a man from
# Bristol", "her impressions of Bramford"), not whom they speak for ("a spokeswoman for Cordell Gas").
_WHERE_FROM = frozenset({"at", "from", "in", "of", "on", "near", "outside"})
# Heads that are an organisation's voice: "a representative of Crumbwell Bakeries" speaks the organisation's words.
_VOICE_HEADS = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "officer", "official"})


def _modifies_the_head(token, head) -> bool:
    """The capitalised word is part of a modifier written before an anonymous source's head noun ("Republican" in
    "one Republican staffer", "White House" in "A senior White House official"), not a name in apposition after it."""
    tok = token
    while tok.dep_ == "compound" and tok.head.i < head.i:
        tok = tok.head
    return tok.i < head.i and tok.head.i == head.i and tok.dep_ in ("amod", "compound", "nmod")


def _names_only_places(ctx: DocContext, start: int, described: str, lex: Lexicon) -> bool:
    """Every capitalised word of the description after its first is a nationality adjective ("One French
    teenager") or sits inside a modifier saying where the person is or comes from ("A father of two at Eastbrook
    High", "a man in his fifties from Bristol"): the description names a place, school or nation, not the person.
    An anonymous source's side or office before the head ("one Republican staffer", "A White House official") names
    no one either. False for a name in apposition ("one driver, Oskar Lindqvist"), a side before any other head
    (affiliation_words) or an organisation's voice ("a spokeswoman for Cordell Gas")."""
    span = ctx.sdoc.char_span(start, start + len(described), alignment_mode="expand")
    if span is None or len(span) == 0 or (span.root.lower_ in _VOICE_HEADS and span.root.lower_ not in lex.anonymous_nouns):
        return False
    head = span.root.lower_  # the pipeline has no lemmatizer
    if not re.match(r"(?:one of|another)\b", described.lower()) and head not in lex.person_heads \
            and head not in lex.anonymous_nouns and head not in lex.gender_words and head not in lex.residence_nouns \
            and not re.match(r",?\s+who\b", ctx.body[start + len(described):]) \
            and not (span.root.dep_ in SUBJECT_DEPS and _only_places_placed(span)):
        # "A paper published in Reef Science": a place in the description of a thing; "One lineman from Ohio, who
        # did not give his name": "who" makes any head a person's; so does a place the model typed one, said where
        # the subject of the speech is ("one sales assistant in Leeds said"): a title is no place
        return False
    for token in span[1:]:
        if not token.text[:1].isupper():
            continue
        if token.ent_type_ == "NORP" and token.dep_ == "amod" and token.lower_ not in lex.affiliation_words:
            continue
        if (head in lex.anonymous_nouns or head in lex.person_heads) and _modifies_the_head(token, span.root):
            continue  # "one Republican staffer", "A White House official": whose side or office, not who
        prep = next((a for a in token.ancestors if a.dep_ == "prep" and a.i >= span.start), None)
        # a place the model took for a person ("from Little Hatton") is still where they are; "a friend of Jo
        # Bell" is someone Jo Bell's description names, kept as said
        if prep is None or prep.lower_ not in (_WHERE_FROM - {"of"} if token.ent_type_ == "PERSON" else _WHERE_FROM):
            return False
    return True


def _only_places_placed(span) -> bool:
    """Every capitalised word after the first is one the model typed a place (GPE, LOC, FAC), inside a modifier
    saying where ("in Leeds", "from the Wirral"): where someone is, which no text or organisation is named by."""
    caps = [t for t in span[1:] if t.text[:1].isupper()]
    return bool(caps) and all(
        t.ent_type_ in _PLACE_TYPES and any(a.dep_ == "prep" and a.lower_ in _WHERE_FROM - {"of"} and a.i >= span.start
                                            for a in t.ancestors) for t in caps)


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# A definite description with an indefinite one in apposition: the second brings the person in as someone new.
_NEW_IN_APPOSITION = re.compile(r"^the [\w -]+?, (?P<rest>an? [\w -]+)$")


def _named_in_apposition(ctx: DocContext, start: int, head: str) -> bool:
    """The story gave this relative a name earlier, beside the word ("his mother, Lady Cordelia ..."), outside
    quotations: then "his mother" is that person, not someone unnamed."""
    return any(not ctx.in_quote(m.start()) for m in re.finditer(rf"\b{re.escape(head)},?\s+[A-Z]", ctx.body[:start], re.I))


# "the estate’s manager", "the victim’s mother": a person known only through whom or what they belong to.
_OWNED = re.compile(r"(?:the (?:[\w-]+ ){0,2}?[\w-]+[’']s|my|our) (?:[\w-]+ )?(?P<head>[a-z-]+)")


def _owned_unnamed(ctx: DocContext, start: int, described: str, lex: Lexicon) -> bool:
    """"the estate’s manager, in a text message ..., had written: “...”", "My companion, who is kinder than me,
    called it": a person described only by whose or what they are (a possessive or the writer's "my", then a
    person's head: person_heads, anonymous, gendered or residence nouns), whom the
    story never names: the description stays unnamed. Not when the story gave that word a name beside it ("the
    estate's manager, Tom Reed," or earlier "manager, Tom Reed"): then _named_in_apposition's person."""
    owned = _OWNED.fullmatch(described.lower())
    if owned is None:
        return False
    head = owned["head"]
    person = head in lex.person_heads or head in lex.anonymous_nouns or head in lex.residence_nouns \
        or lex.gender_words.get(head) is not None
    return person and head not in lex.person_pronouns and not _named_in_apposition(ctx, start, head) \
        and not re.match(r",?\s+[A-Z]", ctx.body[start + len(described):])


# Anonymous sources' heads that "the" leaves unnamed when no one was given the word as a title before (the caller
# tried that: "Industry analyst Kwame Desrosiers ... the analyst said").
_SOURCE_HEADS = frozenset({"official", "source", "aide", "insider", "staffer", "diplomat"})


def _unheld_title(lower: str, lex: Lexicon) -> bool:
    """"the first lady", "the deputy prime minister": an office's bare title (lexicon speech.bare_titles; not a role
    any number hold, "the judge", "the director") that no one the story named holds names no one (no entity)."""
    m = re.fullmatch(r"the (?:(?:deputy|acting|former|vice|interim) )?(?P<title>[a-z-]+(?: [a-z-]+){0,3})", lower)
    if not m:
        return False
    words = m["title"].split()  # "the belgian prime minister": a country's office, one word before the title
    return any(" ".join(words[k:]) in lex.raw["speech"]["bare_titles"] for k in range(min(2, len(words))))


def _before_its_relative_clause(ctx: DocContext, start: int, end: int, described: str) -> tuple[int, int, str]:
    """"A senior nurse who has worked under Alan Whitby for a decade": the description is the words before its
    relative clause on "who" (with or without a comma); a name in the clause is someone else's, not the described
    person's. Not a clause of a thing ("a document Matthesen prepared for her lawyers": hers, kept as said)."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return start, end, described
    clause = next((c for c in span.root.children if c.dep_ == "relcl" and c.left_edge.idx > span.root.idx
                   and c.left_edge.lower_ in ("who", "whom", "whose")), None)
    if clause is None:
        return start, end, described
    cut = ctx.body[start : clause.left_edge.idx].rstrip(" ,")
    return start, start + len(cut), cut


def _one_unnamed(ctx: DocContext, start: int, end: int, described: str, lex: Lexicon) -> bool:
    """The description picks out one person and names no one: an indefinite or "one"/"another" phrase with a
    singular head ("One relative", "A caller who did not give his name", "one of them", "Another"), or "the" with
    a passer-by's head ("the woman"), and no entity inside. A group ("officials"), a description owning a name
    ("a spokeswoman for Cordell Gas") or one with a capitalised word ("one Republican staffer") is kept as said;
    where someone lives or travels ("one resident of Heron Gardens", "a commuter from Leeds") names a place, not
    them."""
    if _unheld_title(described.lower(), lex):
        return True  # "a message from the first lady": an office whose holder the story never names
    start, end, described = _before_its_relative_clause(ctx, start, end, described)
    placed = _PLACED.match(described)
    if placed and placed["head"].lower().rstrip("s") in lex.residence_nouns:
        end, described = start + len(placed["who"]), placed["who"]
    lower = described.lower()
    plain = not ctx.mentions_in(start, end) and not any(w[:1].isupper() for w in described.split()[1:])
    if not plain and (lower.startswith("the ") or not _names_only_places(ctx, start, described, lex)):
        return False  # "the man at the Treasury" is the Treasury's man; "a man from Bristol" is no one named
    apposed = _NEW_IN_APPOSITION.match(lower) if plain else None
    if apposed:  # "The driver of the lead car, a volunteer": a role, then someone new in apposition to it
        cut = apposed.start("rest")
        start, described, lower = start + cut, described[cut:], apposed["rest"]
    if lower.startswith(("the ", "my ", "our ")) and _owned_unnamed(ctx, start, described, lex):
        return True
    if re.fullmatch(r"the (?:[a-z-]+ ){0,2}[a-z-]+", lower) and lower.split()[-1] in _SOURCE_HEADS:
        return True  # "The official, who was not authorized to speak publicly, said": no one the story names
    if lower.startswith("the "):
        # "the woman", a bystander placed where the writer saw them ("the man at the next table") or known by what
        # they did ("the woman who raised the alarm")
        words = lower.split()
        return len(words) >= 2 and words[1] in lex.passers_by \
            and (len(words) == 2 or words[2] in lex.place_prepositions or words[2] == "who")
    owned = re.fullmatch(r"(?:his|her|their) (?P<head>[a-z-]+)", lower)
    if owned:  # "His mother, who had flown in from Enugu": someone's relative, given no name of their own
        return lex.gender_words.get(owned["head"]) is not None and owned["head"] not in lex.person_pronouns \
            and not _named_in_apposition(ctx, start, owned["head"]) \
            and not re.match(r",?\s+[A-Z]", ctx.body[start + len(described):])  # "his aunt, Jane Starner,"
    appositive = re.match(r"^(?:one|another) [\w-]+, (?P<rest>an? .+)$", lower)
    if appositive:  # "one regular, a student nurse": the appositive is the description (its head is a noun)
        cut = appositive.start("rest")
        start, described, lower = start + cut, described[cut:], appositive["rest"]
    if not _ONE_OF_SOME.match(lower):
        return False
    if re.match(r"^(?:one of|another)\b", lower):
        return True
    span = ctx.sdoc.char_span(start, start + len(described), alignment_mode="expand")
    # the head by its tag, or by its place: an adjective the parse makes the subject stands as a noun ("one
    # 23-year-old regular said": "regular" tagged JJ)
    return span is not None and len(span) > 0 and (
        span.root.tag_ in ("NN", "CD") or (span.root.tag_ == "JJ" and span.root.dep_ in SUBJECT_DEPS))
