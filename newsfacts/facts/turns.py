"""Turns of a dialogue: who has the floor when the words answer a question.

Interviews, Q&A pieces, press conferences, hearings, earnings calls and panels are written up as an exchange. A
questioner (a host, a named reporter, a committee member, the writer: "I put her rival's words to her") puts a
question to the one who has the floor (the guest, the official, the witness), and the answer that follows is the
floor's, however it is introduced: "Pressed on whether ..., she said", "“...,” she says", "she told me". The
questioner does not take the floor by asking, so a pronoun in an answer is never the questioner's, however recently
the questioner was a subject; and words addressed to someone by name ("Dear Mr Fenn, ...") are not that someone's.

The pass reads the story in order (speaker_basis `turn`):
- a question put ("asked", "pressed", "questioned", "reached", "put it to her", "under questioning from X",
  "responding to X", "X's answer", the writer's "I met X") gives the floor to the one it is put to, or keeps it
  where that one is a pronoun or no one ("put it to her", "X asked about the ambassador"); taking questions takes
  it ("X fielded questions"), and a chair gives it ("heard first from X", "turned to her guest, X", "spoke to X",
  the last two asking nothing by themselves): the floor stays with the one answering until another is questioned
  or the story makes someone else its subject;
- a he/she in an answer (a question put in its sentence or the one before in the paragraph, a reply verb, "told
  me", quoted words just before that ask) is the floor where the pronoun fits, never the questioner, and never
  the floor over someone named after the question who stepped in;
- the bare quoted paragraphs of an exchange alternate: a question the questioner's, the rest the one questioned's;
  a question named with its asker ("The last question, from Tom Reyes, was blunt:") is the asker's, and words that
  only went on from a questioner's question are the floor's answer;
- words that open by hailing the speaker found ("Dear Mr Fenn,", "Councillor Brook,") go to the other person the
  introducing line names ("A letter, he said, from a Mrs Pauline Acre:");
- in a Q&A piece or a transcript, a turn labelled "A:" is the interviewee's and one labelled "VOSS:" Voss's: words
  its "I" reports ("I told him last week, “Show me your plan.”") are the turn holder's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.attrs import LOWER
from spacy.strings import get_string_id

from newsfacts.facts.context import DocContext
from newsfacts.facts.gender import person_genders, words_beside
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.speakers import Speaker

# Verbs that put a question to someone: their object (or, in the passive, their subject) is the one who answers.
_ASKING = ("asked", "asks", "ask", "pressed", "presses", "questioned", "quizzed", "challenged", "grilled", "reached",
           "interviewed")
# Verbs of talking to someone, when no he/she or named person is the one talking: the writer's or reader's
# interview ("Anyone hoping for a deal should talk to Professor X"), not a speaker turning to someone.
_TALKING = ("talk", "talked", "talking", "speak", "spoke", "speaking", "interviewing", "interview")
# The writer's own meeting: "I met the novelist Clara Voss", "We reached her deputy, Lena Holt".
_MEETING = ("met", "meet", "interviewed", "reached", "visited", "called", "phoned", "rang", "joined")
# Answering someone: "Responding to Lin, she said", "answering Ovens": the one answered asked.
_RESPONDING = ("responding", "replying", "answering")
# A question from someone: "Under questioning from Ovens, she said", "In response to a question from Bakare".
_QUESTIONS = ("question", "questions", "questioning")
# Taking questions: the one who takes them has the floor ("took questions from reporters", "fielded questions").
_TAKING = ("took", "takes", "taking", "take", "fielded", "fields", "fielding", "faced", "faces", "facing", "answered",
           "answers", "answering")
# A chair giving someone the floor: "The council heard first from the envoy, X", "gave the floor to X" (not "called on
# X", which as often urges X "to resign").
_GIVING_THE_FLOOR = ("heard", "hears", "hear", "gave", "gives", "handed", "hands")
# Turning to someone gives them the floor, but asks nothing: what follows is an answer only after a question.
_TURNING = ("turned", "turns", "turning")
# Nouns of an answer: their owner has the floor ("Abadi-Klein's answer, when I put ... to her, is a shrug").
_ANSWERS = ("answer", "answers", "reply", "replies", "response", "retort")
_OBJECT_PRONOUNS = ("her", "him", "she", "he")
_FIRST_PERSON = ("i", "we")
_FIRST_PERSON_OBJECTS = ("me", "us")
# A floor not questioned or answered for this many paragraphs is no longer the exchange's.
_FLOOR_PARAGRAPHS = 2
# Words opening by hailing someone: "Dear Mr Fenn,", "Councillor Brook,", "Anton,"; the last word hailed is a name.
# The words after it go on in lower case or with "I" ("Smith, Jones and Brown voted" lists names, it hails no one).
_VOCATIVE = re.compile(r"^\s*(?:Dear\s+)?(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]+){0,2})\s*,\s*(?=[a-z]|I\b)")


# The words of every act, as the parse's lower-case ids: found in one pass over the document's array, so the parse is
# read only where one of them is.
_ACT_WORDS = frozenset(get_string_id(w) for w in (*_ASKING, "put", *_TALKING, *_MEETING, *_RESPONDING, *_QUESTIONS,
                                                   *_GIVING_THE_FLOOR, *_TURNING, *_ANSWERS))


@dataclass
class _Act:
    """A question put: the sentence it is in, the verb's subtree span, and the one it is put to (a person, or the
    floor when written as a pronoun)."""

    sentence: int
    paragraph: int
    start: int
    end: int
    addressee: Speaker | None
    asker: Speaker | None = None
    verb: int = 0  # where the word of asking is
    weak: bool = False  # gives the floor without putting a question ("The host turned to her guest, X")
    unaddressed: bool = False  # put to no one named ("X asked about the ambassador"): answered only by a floor
    named_question: bool = False  # "a question from Tom Reyes:": the quoted question after it is his


@dataclass
class _Floor:
    speaker: Speaker
    paragraph: int


def _covered(spans: list[tuple[int, int]]):
    """A test of whether a character lies in one of the spans (nested or not), in log time: the document's quotation
    marks are read for every token and mention a long transcript holds."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    reach, furthest = [], -1
    for _, b in spans:
        furthest = max(furthest, b)
        reach.append(furthest)

    def inside(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and char < reach[k]
    return inside


def _paragraph_no(ctx: DocContext, char: int) -> int:
    k = bisect_right(ctx.paragraphs, char, key=lambda p: p[0]) - 1
    return k if k >= 0 and char < ctx.paragraphs[k][1] else -1


def _people_by_token(ctx: DocContext, quoted) -> dict[int, list]:
    """The person mentions outside quotation marks, by the tokens they cover (read once per document)."""
    out: dict[int, list] = {}
    for m in ctx.mentions:
        if m.type != "PERSON" or quoted(m.start):
            continue
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        for tok in span if span is not None else ():
            out.setdefault(tok.i, []).append(m)
    return out


def _person_at(ctx: DocContext, tok, people: dict[int, list]) -> Speaker | None:
    """The one person a token names, itself or in apposition ("the presenter, Mirela Dascalu"), outside quotation
    marks; not a person in a phrase on it ("a spokesman for Prime Minister Lise Ekdahl" is the spokesman)."""
    heads = [tok]  # and its appositions, in a chain ("her guest, the finance minister Karl Meyer")
    for k in range(3):
        heads += [c for c in heads[k].children if c.dep_ == "appos"] if k < len(heads) else []
    found = [m for t in heads for m in people.get(t.i, ())]
    after = tok.right_edge.i + 1  # "from the UN envoy for the region, Hakim Bellamy-Osei,": the name in commas
    if not found and tok.tag_.startswith("NN") and after + 1 < len(tok.doc) and tok.doc[after].text == ",":
        name = after + 2 if tok.doc[after + 1].text.endswith(".") and after + 2 < len(tok.doc) else after + 1  # "Dr."
        found = [m for m in people.get(name, ()) if m.start == tok.doc[name].idx]  # the parse hung it elsewhere
    if len({m.entity_id for m in found}) != 1:
        return None
    m = found[0]
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end)


def _described_person(ctx: DocContext, tok, people: dict[int, list]) -> Speaker | None:
    """"The presenter pressed her on social media" after "She told presenter Callum Reddy": a definite description
    whose noun the story wrote beside exactly one person's name before it (as a title or in apposition) is that
    person. None for any other word, or a noun written beside two people's names."""
    if not tok.tag_ == "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    found = {m.entity_id: m for ms in people.values() for m in ms
             if m.end <= tok.idx and tok.lower_ in words_beside(ctx, m)}
    if len(found) != 1:
        return None
    m = next(iter(found.values()))
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end)


def _main_subject(tok):
    """The subject of the clause a phrase or participle hangs on ("Under questioning from Ovens, she said": she)."""
    verb = tok.head
    for _ in range(6):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.head is verb:
            return subject
        verb = verb.head
    return None


def _put_to(verb):
    """The one a word of asking or answering puts the question to, and who puts it, as tokens (either may be None)."""
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if verb.lower_ in _MEETING and subject is not None and subject.lower_ in _FIRST_PERSON:
        return next((c for c in children if c.dep_ == "dobj"), None), subject  # "I met the novelist Clara Voss"
    if verb.lower_ in _ASKING and verb.tag_.startswith("VB"):
        agent = next((c for c in children if c.dep_ == "agent"), None)
        asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        passive = verb.tag_ == "VBN" and (agent is not None or any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
                                          or verb.dep_ in ("advcl", "acl", "relcl", "ROOT"))
        if passive:
            asked = next((c for c in children if c.dep_ == "nsubjpass"), None)
            if asked is None and verb.dep_ == "advcl":  # "Pressed on whether ..., she said": the main subject
                asked = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if asked is None and verb.dep_ in ("acl", "relcl"):  # "Laane, asked by reporters ..., said"
                asked = verb.head
            return asked, asker
        if any(c.dep_ == "xcomp" for c in children):
            return None, None  # "she asked him to leave": a request, not a question
        return next((c for c in children if c.dep_ in ("dobj", "dative")), None), subject
    if verb.lower_ == "put":  # "Okonjo put it to her that ...", "when I put Lenz's words to her"
        to = next((c for c in children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
        return (next((c for c in to.children if c.dep_ == "pobj"), None), subject) if to is not None else (None, None)
    if verb.lower_ in _TALKING and verb.tag_.startswith("VB"):
        prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("to", "with")), None)
        if prep is None or subject is None:  # "Speaking to Brenner, he said": the one talking is the speaker
            return None, None
        return next((c for c in prep.children if c.dep_ == "pobj"), None), subject
    if verb.lower_ in _RESPONDING and verb.tag_ == "VBG":  # "Responding to Lin, she said"
        to = next((c for c in children if c.dep_ == "prep" and c.lower_ == "to"), None)
        asker = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else \
            next((c for c in children if c.dep_ == "dobj"), None)
        return _main_subject(verb), asker
    if verb.lower_ in _QUESTIONS and (verb.tag_.startswith("NN") or verb.dep_ == "pobj"):  # "Under questioning
        by = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)  # from Ovens"
        asker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if verb.dep_ == "dobj" and verb.head.lower_ in _TAKING:  # "The spokesman, X, took questions for an hour"
            return next((c for c in verb.head.children if c.dep_ == "nsubj"), None), asker
        return (_main_subject(verb), asker) if asker is not None else (None, None)
    if verb.lower_ in _GIVING_THE_FLOOR and verb.tag_.startswith("VB"):
        preps = {c.lower_: c for c in children if c.dep_ in ("prep", "dative")}
        floor = next((c for c in children if c.dep_ == "dobj" and c.lower_ == "floor"), None)
        to = preps.get("from") if verb.lower_ in ("heard", "hears", "hear") else preps.get("to") if floor else None
        return (next((c for c in to.children if c.dep_ == "pobj"), None), subject) if to is not None else (None, None)
    if verb.lower_ in _TURNING and verb.tag_.startswith("VB"):  # "The host, Jo Bright, turned to her guest, X"
        to = next((c for c in children if c.dep_ == "prep" and c.lower_ == "to"), None)
        return (next((c for c in to.children if c.dep_ == "pobj"), None), subject) if to is not None else (None, None)
    if verb.lower_ in _ANSWERS and verb.tag_.startswith("NN"):  # "Abadi-Klein's answer"
        return next((c for c in children if c.dep_ == "poss"), None), None
    return None, None


def _acts(ctx: DocContext, hits, people: dict[int, list], quoted, lex: Lexicon) -> list[_Act]:
    """The questions put in the story, in order, outside quotation marks (hits: the tokens of the act words)."""
    acts = []
    for i in hits:
        tok = ctx.sdoc[i]
        if quoted(tok.idx):
            continue
        no = ctx.sentence_no(tok.idx)
        asked, asker = _put_to(tok)
        # "Olga Petrov ... asked about the ambassador": a question put to no one named is put to the floor, and so is
        # "The last question, from Tom Reyes, was blunt:"
        named_question = tok.lower_ in _QUESTIONS and asker is not None and (asked is None or asked.i == tok.i)
        implicit = asked is None and asker is not None and tok.lower_ in _ASKING and tok.tag_ in ("VBD", "VBZ", "VBP")
        if named_question:
            asked, implicit = None, True
        if asked is None and not implicit:
            continue
        asking = _person_at(ctx, asker, people) if asker is not None else None
        if asking is None and asker is not None:  # "The presenter pressed her": the one the story named with the word
            asking = _described_person(ctx, asker, people)
        # "Speaking to Brenner, he said", "the presenter Jo Bright spoke to the minister, X": someone talking to
        # another gives them the floor without asking anything
        talking = tok.lower_ in _TALKING and (asker.lower_ in lex.person_pronouns or asking is not None)
        pronoun = implicit or asked.lower_ in _OBJECT_PRONOUNS
        person = None if pronoun else _person_at(ctx, asked, people)
        if person is None and not pronoun:
            continue
        if person is not None and asking is not None and asking.entity_id == person.entity_id:
            continue
        asked = asked if asked is not None else tok
        start = min(tok.left_edge.idx, asked.left_edge.idx)
        end = max(tok.right_edge.idx + len(tok.right_edge), asked.right_edge.idx + len(asked.right_edge))
        acts.append(_Act(no, _paragraph_no(ctx, tok.idx), start, end, person, asking, tok.idx,
                         weak=tok.lower_ in _TURNING or talking, unaddressed=implicit, named_question=named_question))
    return acts


def _others_made_subject(ctx: DocContext, acts: list[_Act], people: dict[int, list]) -> list[tuple[int, Speaker]]:
    """People named as the subject of a sentence with no question and no quotation in it: where the story turns."""
    skip = {a.sentence for a in acts} | {ctx.sentence_no(s) for s, _ in ctx.quoted}
    out = []
    for no, sent in enumerate(ctx.sentences):
        if no in skip:
            continue
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        person = _person_at(ctx, subject, people) if subject is not None else None
        if person is not None:
            out.append((subject.idx, person))
    return out


def _pronoun(ctx: DocContext, speaker: Speaker, lex: Lexicon) -> str | None:
    if speaker is None or speaker.start is None or speaker.basis not in ("subject", "addressed"):
        return None
    word = ctx.body[speaker.start : speaker.end].lower()
    return word if word in lex.person_pronouns else None


def _tells_the_writer(ctx: DocContext, speaker: Speaker) -> bool:
    """"“...,” she told me": the writer is the questioner of the exchange."""
    sent = ctx.sentence_at(speaker.start)
    return any(t.lower_ in _FIRST_PERSON_OBJECTS and t.dep_ in ("dobj", "dative") and t.head.idx > speaker.start - 30
               and not ctx.in_quote(t.idx) for t in sent)


def _in_answer(ctx: DocContext, f, before, put: dict[int, set], lex: Lexicon) -> bool:
    """The pronoun's words answer a question: a question put (put: its sentences and paragraphs) in its sentence or
    the one before in the same paragraph, a reply verb, the writer told, or quoted words just before that ask."""
    sp = f.speaker
    no = ctx.sentence_no(sp.start)
    if f.cue in lex.reply_cues or _tells_the_writer(ctx, sp) or _asks(ctx, before, f, lex):
        return True
    para = _paragraph_no(ctx, sp.start)
    # the sentence before the quoted words, not before the pronoun: the parser splits the words at their own stops
    # ("“Honestly? My hands are still shaking,” he said" after "The host asked X how it felt.")
    first = min(no, ctx.sentence_no(f.q.outer_start))
    return no in put or any(para in put.get(k, ()) for k in range(_written_start(ctx, first - 1), no))


# A written sentence ends on its stop, with any closing marks after it.
_ENDED = re.compile(r"[.?!:;…][”’\"')\]]*\s*$")


def _written_start(ctx: DocContext, no: int) -> int:
    """The first of the parsed sentences that make up the written sentence holding sentence no: the parser splits a
    sentence at a quotation mark inside it ("Tulloch put it to her that the board’s | “Vision 2030” plan ... was
    weighing on the squad."), and the part before the mark ends on no stop."""
    while no > 0 and not _ENDED.search(ctx.sentences[no - 1].text):
        no -= 1
    return max(no, 0)


def _asks(ctx: DocContext, before, f, lex: Lexicon) -> bool:
    """The quoted words before, in this paragraph or the one before, are a question put ("“Is that fair?” I
    asked."), not a question a speaker asks of no one ("“But does that mean ...?” he said")."""
    if before is None or not ctx.body[before.q.start : before.q.end].rstrip().endswith("?") \
            or _paragraph_no(ctx, f.q.outer_start) - _paragraph_no(ctx, before.q.outer_start) > 1:
        return False
    rest = ctx.body[before.q.outer_end : before.q.outer_end + 40]
    after = before.q.outer_end + len(rest) - len(rest.lstrip())  # "“...?” I asked.": a sentence of its own
    sents = {ctx.sentence_no(before.q.outer_start), ctx.sentence_no(after)}
    return any(t.lower_ in lex.ask_verbs and t.idx < f.q.outer_start and not ctx.in_quote(t.idx)
               for no in sents for t in ctx.sentences[no])


def _other_than(ctx: DocContext, start: int, asker: str, gender: str | None, genders: dict) -> Speaker | None:
    """The last person made a subject before start who is not the questioner and fits the pronoun: the one
    questioned, when nothing else says who has the floor ("Weller appeared before the committee ... Under
    questioning from Ovens, she said")."""
    first = ctx.paragraphs[max(_paragraph_no(ctx, start) - _FLOOR_PARAGRAPHS, 0)][0]
    for m in reversed([m for m in ctx.mentions_in(first, start) if m.type == "PERSON" and not ctx.in_quote(m.start)]):
        span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        if tok is None or m.entity_id == asker or genders.get(m.entity_id, gender) != gender:
            continue
        tok = tok.head if tok.dep_ == "appos" else tok
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":  # "Weller appeared before the committee"
            return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end)
    return None


def _third_party(sp: Speaker, act: _Act | None, asker: str | None) -> bool:
    """"When reporters asked Harris about the poll, her rival laughed. “...,” she said": the one the pronoun found
    was named after the question was put, and did not put it: someone else stepped in, the floor does not hold."""
    return act is not None and sp.name_start is not None and sp.name_start > act.verb and sp.entity_id != asker \
        and (act.addressee is None or sp.entity_id != act.addressee.entity_id)


def read_turns(ctx: DocContext, paragraphs: list[list], lex: Lexicon) -> None:
    """Give answers to the one who has the floor, and words addressed to someone by name to the other party."""
    _addressed_by_name(ctx, paragraphs)
    hits = [i for i, word in enumerate(ctx.sdoc.to_array([LOWER]).tolist()) if word in _ACT_WORDS]
    questions = [f for found in paragraphs for f in found if f.kind is None and _is_question(ctx, f)]
    labels = [_TURN_LABEL.match(ctx.body[start:end]) for start, end in ctx.paragraphs]
    if not hits and not questions and not any(labels):
        return  # no question put, asked or labelled: no exchange to read
    quoted = _covered(ctx.quoted)
    people = _people_by_token(ctx, quoted)
    _labelled_turns(ctx, paragraphs, labels, people)
    acts = _acts(ctx, hits, people, quoted, lex)
    if not acts and not questions:
        return
    named = [a for a in acts if a.named_question]
    for f in questions if named else ():
        _question_from(ctx, f, named)
    speech = [f for found in paragraphs for f in found if f.kind is None and f.speaker is not None]
    inside_an_act = _covered([(a.start, a.end) for a in acts])
    put: dict[int, set] = {}
    for a in acts:
        if not a.weak:
            put.setdefault(a.sentence, set()).add(a.paragraph)
    events = sorted([(a.start, a) for a in acts] + _others_made_subject(ctx, acts, people), key=lambda e: e[0])
    floor: _Floor | None = None
    asker: str | None = None  # the entity of the last one to put a question
    last_act: _Act | None = None
    k_event = 0
    genders = person_genders(ctx, lex)
    for k, f in enumerate(speech):
        at = f.speaker.start if f.speaker.start is not None else f.q.outer_start
        para = _paragraph_no(ctx, f.q.outer_start)
        while k_event < len(events) and events[k_event][0] <= max(at, f.q.outer_start):
            event = events[k_event][1]
            if isinstance(event, _Act):
                last_act = event
                asker = event.asker.entity_id if event.asker is not None else None
                if event.addressee is not None:
                    floor = _Floor(event.addressee, event.paragraph)
                elif floor is not None:
                    floor.paragraph = event.paragraph
            elif floor is not None and event.entity_id != floor.speaker.entity_id:
                floor = None  # "Olofsen, for her part, was unrepentant.": the story turns to someone else
            k_event += 1
        if floor is not None and para - floor.paragraph > _FLOOR_PARAGRAPHS:
            floor = None
        if inside_an_act(f.q.outer_start):
            continue  # quoted words inside the question itself ("put it to her that X had called the deal “...”")
        before = speech[k - 1] if k else None
        if _asks(ctx, before, f, lex):
            asker = before.speaker.entity_id
        pronoun = _pronoun(ctx, f.speaker, lex)
        answering = f.speaker.start is not None and _in_answer(ctx, f, before, put, lex)
        if _is_question(ctx, f):
            continue  # a question: the asker's turn
        if f.speaker.basis == "continued" and before is not None and _is_question(ctx, before) \
                and before.speaker.entity_id == f.speaker.entity_id and floor is not None \
                and floor.speaker.entity_id not in (None, f.speaker.entity_id):
            # "Tom Reyes had one: “Will you resign?” She did not hesitate. “No.”": the words after a question are
            # not the questioner's going on, they are the floor's answer
            old, z = f.speaker, floor.speaker
            f.speaker = Speaker(z.entity_id, z.name, basis="turn", name_start=z.name_start, name_end=z.name_end)
            _carry_on(ctx, speech[k + 1 :], old, f.speaker)
            continue
        if pronoun is not None and answering and not _third_party(f.speaker, last_act, asker):
            sp, gender = f.speaker, lex.gender_words.get(pronoun)
            z = floor.speaker if floor is not None and floor.speaker.entity_id != asker else None
            if z is None and asker is not None and sp.entity_id == asker \
                    and not (last_act is not None and last_act.unaddressed):
                z = _other_than(ctx, ctx.sentence_at(sp.start).start_char, asker, gender, genders)
            if z is not None and sp.entity_id != z.entity_id and genders.get(z.entity_id, gender) == gender:
                f.speaker = Speaker(z.entity_id, z.name, basis="turn", start=sp.start, end=sp.end,
                                    name_start=z.name_start, name_end=z.name_end)
                _carry_on(ctx, speech[k + 1 :], sp, f.speaker)
            if floor is not None:
                floor.paragraph = para
        elif f.speaker.entity_id is not None and pronoun is None and f.cue in lex.reply_cues:
            floor = _Floor(f.speaker, para)  # "“...,” the president replied": the one replying has the floor
    _alternate(ctx, paragraphs, acts)


# A turn's label at the start of its paragraph: "Q:", "A.", "Question:", "Answer:", or a name in capitals ("VOSS:").
_TURN_LABEL = re.compile(r"^\s*(?:(?P<qa>Q|A|Question|Answer)|(?P<name>[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+)?))\s*[:.]\s")
# "I told him last week, “...”", "I said to Ruth, “...”": the one answering in the first person.
_FIRST_PERSON_CUE = re.compile(r"\bI\s+(?:\w+\s+){0,2}?(?:told|tell|said|say|wrote|write|replied|asked|ask)\b[^“\"]*$")


def _labelled_turns(ctx: DocContext, paragraphs: list[list], labels: list, people: dict[int, list]) -> None:
    """"Q: Your rival calls you “the minister for delay.” Fair? / A: ... I told him last week, “Show me your plan.”":
    in a Q&A piece or a transcript, a paragraph labelled as an answer ("A:") is the interviewee's turn, and one
    labelled with a name ("VOSS:") that person's, so quoted words the turn's "I" reports are the turn holder's (the
    interviewee the piece's introduction makes its subject), not the page's author's nor anyone the turn names."""
    if not any(labels):
        return
    by_last: dict[str, dict] = {}  # a name's last word -> the people it ends, with a mention of each
    for ms in people.values():
        for m in ms:
            for word in ctx.names.get(m.entity_id, "").lower().split()[-1:]:
                by_last.setdefault(word, {}).setdefault(m.entity_id, m)
    answers = [k for k, m in enumerate(labels) if m is not None and m.group("qa") in ("A", "Answer")]
    guest = _introduced(ctx, people, min(answers)) if answers else None
    for k, found in enumerate(paragraphs):
        m = labels[k] if k < len(labels) else None
        holder = guest if m is not None and m.group("qa") in ("A", "Answer") else \
            _named_label(ctx, by_last, m.group("name")) if m is not None and m.group("name") else None
        for f in (f for f in found if f.kind is None) if holder is not None else ():
            sent = ctx.sentence_at(f.q.outer_start)
            if _FIRST_PERSON_CUE.search(ctx.body[max(sent.start_char, ctx.paragraphs[k][0]) : f.q.outer_start]) \
                    and (f.speaker is None or f.speaker.entity_id != holder.entity_id):
                f.speaker = Speaker(holder.entity_id, holder.name, basis="turn", name_start=holder.name_start,
                                    name_end=holder.name_end)


def _introduced(ctx: DocContext, people: dict[int, list], first_answer: int) -> Speaker | None:
    """The interviewee: the first person made the subject of a sentence before the questions begin."""
    for sent in ctx.sentences:
        if sent.start_char >= ctx.paragraphs[max(first_answer - 1, 0)][0]:
            return None
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        person = _person_at(ctx, subject, people) if subject is not None else None
        if person is not None:
            return person
    return None


def _named_label(ctx: DocContext, by_last: dict[str, dict], label: str) -> Speaker | None:
    """The one person whose name ends with the label's word ("VOSS:" is Anna Voss)."""
    found = by_last.get(label.split()[-1].lower(), {})
    if len(found) != 1:
        return None
    m = next(iter(found.values()))
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end)


def _is_question(ctx: DocContext, f) -> bool:
    return ctx.body[f.q.start : f.q.end].rstrip().endswith("?")


def _question_from(ctx: DocContext, f, acts: list[_Act]) -> None:
    """"Then came a question from Tom Reyes of the Daily Ledger: “Will you resign?”": a question named with its asker
    on the line that runs into it is the asker's."""
    no = ctx.sentence_no(f.q.outer_start)
    for a in acts:
        lead = ctx.body[a.verb : f.q.outer_start]
        if a.named_question and a.sentence in (no, no - 1) and a.verb < f.q.outer_start \
                and lead.rstrip().endswith(":") and not ctx.in_quote(a.verb) \
                and not any(a.verb <= s < f.q.outer_start for s, _ in ctx.quoted):
            z = a.asker
            f.speaker = Speaker(z.entity_id, z.name, basis="turn", name_start=z.name_start, name_end=z.name_end)
            return


def _only_quote(ctx: DocContext, f) -> bool:
    """The quoted words are their paragraph, with nothing around them to say whose they are."""
    start, end = ctx.paragraph_of(f.q.outer_start)
    return not ctx.body[start : f.q.outer_start].strip() and not ctx.body[f.q.outer_end : end].strip(" \t\n”\"")


def _alternate(ctx: DocContext, paragraphs: list[list], acts: list[_Act]) -> None:
    """"The presenter, Jo Bright, put the deal to the minister, Karl Meyer. / “Was it worth it?” / “Every
    penny.” / “Even for the teachers?” / “Especially for them.”": once one person puts questions to another, the
    quoted paragraphs of the exchange that say nothing of their own alternate: a question is the questioner's, the
    rest the one questioned's (not all the last speaker's, as a run of one voice would be). A paragraph of
    narrative, or words given to anyone else, ends the exchange."""
    by_para = {a.paragraph: (a.asker, a.addressee) for a in acts  # the questioner may be the writer or unnamed
               if a.addressee is not None and (a.asker is None or a.asker.entity_id != a.addressee.entity_id)}
    pair = None
    for p, found in enumerate(paragraphs):
        pair = by_para.get(p, pair)
        speech = [f for f in found if f.kind is None]
        if pair is None or not speech:
            pair = pair if p in by_para else None
            continue
        ids = {one.entity_id for one in pair if one is not None}
        for f in speech:
            own = f.speaker is not None and f.speaker.basis not in (None, "continued") and f.speaker.name is not None
            if own and f.speaker.entity_id in ids:
                continue  # the exchange goes on in its own words ("“...?” she asked")
            if own or not _only_quote(ctx, f):
                pair = None
                break
            who = pair[0] if ctx.body[f.q.start : f.q.end].rstrip().endswith("?") else pair[1]
            if who is not None:  # a question of the writer's or an unnamed questioner's keeps what it had
                f.speaker = Speaker(who.entity_id, who.name, basis="turn", name_start=who.name_start,
                                    name_end=who.name_end)


def _carry_on(ctx: DocContext, after: list, old: Speaker, new: Speaker) -> None:
    """The words that go on from the answer keep its speaker."""
    for g in after:
        if g.speaker.basis != "continued" or g.speaker.entity_id != old.entity_id or g.speaker.name != old.name:
            break
        g.speaker = replace(new, basis="continued")


def _addressed_by_name(ctx: DocContext, paragraphs: list[list]) -> None:
    """"Dear Mr Fenn, I am 81 ...", read out by Fenn: words that open by addressing the speaker found are said to
    them, so they are the other person the line introducing them names."""
    speech = [f for found in paragraphs for f in found if f.kind is None and f.speaker is not None]
    for k, f in enumerate(speech):
        sp = f.speaker
        if sp.entity_id is None:
            continue
        hail = _VOCATIVE.match(ctx.body[f.q.start : f.q.end])
        if hail is None or not _names(ctx.names.get(sp.entity_id, ""), hail.group("name")):
            continue
        sent = ctx.sentence_at(f.q.outer_start)  # the quote's sentence, or the line before when it opens one
        start = sent.start_char if sent.start_char < f.q.outer_start \
            else ctx.sentence_at(max(sent.start_char - 1, 0)).start_char
        others = [m for m in ctx.mentions_in(start, f.q.outer_start) if m.type == "PERSON"
                  and m.entity_id != sp.entity_id and not ctx.in_quote(m.start)]
        if not others:
            continue
        m = others[-1]
        f.speaker = Speaker(m.entity_id, ctx.names[m.entity_id], basis="turn", start=m.start, end=m.end,
                            name_start=m.start, name_end=m.end)
        _carry_on(ctx, speech[k + 1 :], sp, f.speaker)


def _names(full: str, hailed: str) -> bool:
    """"Mr Fenn", "Councillor Brook" hail Tobias Fenn and Ed Brook: the last word hailed is one of the name's."""
    words = {w.lower() for w in re.findall(r"[\w’'-]+", full)}
    return hailed.split()[-1].lower() in words
