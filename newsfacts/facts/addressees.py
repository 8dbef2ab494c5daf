"""Addressees: the one spoken to is never the speaker.

Political reporting frames words by who they were put to: "Voss was told by MPs to “...”", "Treadwell, who was asked
by Dame Harriet whether the regulator had been “...”", "who told him ..., according to two diplomats present: “...”",
"the minister said the president had told her: “...”". The rules here read those frames (speaker_basis
`addressed`): the agent of a passive "told/asked by" (the one nearest before the words), the teller in a reported
clause, the one asked answering with a pronoun; "according to" after a teller names who recounted the words, not who
said them. A passive "told" with no agent ("he had spoken to the seller, and was told: “...”") is the words of whom the
clause joined to it says the one told spoke to, never the one told (speakers51).
"""

from __future__ import annotations

from dataclasses import replace

from newsfacts.facts.context import DocContext
from newsfacts.facts.gender import person_genders
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.speakers import Speaker, resolve_speaker, subject_span

# Verbs that put words to someone; in the passive with an agent ("was told by MPs", "was asked by Dame Harriet") the
# agent said them.
_PUT_TO = ("told", "asked", "urged", "pressed", "questioned", "warned", "ordered", "begged", "challenged")
_ASKED = ("asked", "pressed", "questioned", "quizzed", "challenged")
# What opens the words put to someone after "told/asked by X": an infinitive or a reported question or statement.
_COMPLEMENT = ("to", "whether", "if", "that", "why", "how", "what", "when")
_QUESTIONS = ("question", "questions", "query", "point", "charge", "accusation")


def _person_of(ctx: DocContext, tok) -> Speaker | None:
    """The one person a token names or heads ("The regulator's chair, Professor Alan Treadwell,"), or, for a relative
    pronoun ("who was asked"), the person its clause hangs on."""
    if tok.lower_ in ("who", "whom"):
        if tok.head.dep_ != "relcl":
            return None
        tok = tok.head.head
    people = [m for m in ctx.mentions if m.type == "PERSON" and m.start <= tok.idx < m.end]
    if not people:
        s, e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
        people = [m for m in ctx.mentions_in(s, e) if m.type == "PERSON" and not ctx.in_quote(m.start)]
    if len({m.entity_id for m in people}) != 1:
        return None
    m = people[0]
    return Speaker(m.entity_id, ctx.names[m.entity_id], name_start=m.start, name_end=m.end, start=m.start, end=m.end)


def agent_of_words_put(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """"Graham Voss was told by MPs on Tuesday to “stop hiding behind the weather”", "who was asked by Dame Harriet
    whether the regulator had been “asleep at the wheel.”": the quoted words complete a passive verb of putting
    words to someone; its agent said them, not its subject (the one told or asked)."""
    sent = ctx.sentence_at(q.outer_start)
    for verb in (t for t in sent if t.lower_ in _PUT_TO and t.tag_ == "VBN" and t.idx < q.outer_start
                 and not ctx.in_quote(t.idx)):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is None or verb.right_edge.idx < q.outer_start:
            continue
        # "told by his surgery to “...” and by a newspaper to “...”": the agent nearest before the words said them
        agents = [t for t in verb.subtree if t.lower_ == "by" and t.dep_ in ("agent", "prep") and t.idx < q.outer_start
                  and not ctx.in_quote(t.idx)]
        obj = next((c for c in agents[-1].children if c.dep_ == "pobj"), None)
        if obj is None or obj.right_edge.idx > q.outer_start:
            continue
        # the words between the verb and the quote go on the verb's complement ("to", "whether", "if", "that"), not
        # a new clause with a reporting verb of its own
        between = [t for t in sent if obj.right_edge.i < t.i and t.idx < q.outer_start]
        if any(t.lower_ in lex.cues and t.tag_.startswith("VB") for t in between):
            continue
        if not any(t.lower_ in _COMPLEMENT for t in between):
            continue  # "was asked by the BBC about his “bedroom tax” remarks": words named, not the asker's
        found = resolve_speaker(ctx, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge), lex)
        if found.name or found.unnamed:
            return found.found_by("addressed")
    return _teller_of_the_one_told(ctx, q, sent, lex)


# Prepositions after which a clause names whom its subject spoke to ("had spoken to the seller", "raised concerns
# with Carrick").
_SPOKEN_TO = ("to", "with")


def _teller_of_the_one_told(ctx: DocContext, q, sent, lex: Lexicon) -> Speaker | None:
    """"Mr Stainforth said he had spoken to the seller ..., and was told: “...”", "she raised concerns with Carrick
    ... and was told ... that the matter was “closed”": a passive "told" with no agent that runs into the words makes
    its subject the one told; the teller is whom the clause it is joined to says that subject spoke to or raised it
    with. None when that clause names no one (the other readings decide)."""
    for verb in (t for t in sent if t.lower_ == "told" and t.tag_ == "VBN" and t.idx < q.outer_start
                 and t.dep_ == "conj" and any(c.dep_ == "auxpass" for c in t.children) and not ctx.in_quote(t.idx)):
        if any(c.dep_ == "agent" for c in verb.children) or verb.right_edge.idx < q.outer_start:
            continue
        if any(t.lower_ in lex.cues and t.tag_.startswith("VB") for t in sent if verb.i < t.i and t.idx < q.outer_start
               and not ctx.in_quote(t.idx)):
            continue  # another verb of speech between reports the words
        joined = verb.head
        spoken_to = [c for t in (joined, *(c for c in joined.children if c.dep_ == "dobj")) for c in t.children
                     if c.dep_ == "prep" and c.lower_ in _SPOKEN_TO and c.i < verb.i]
        obj = next((c for c in spoken_to[-1].children if c.dep_ == "pobj"), None) if spoken_to else None
        if obj is None or obj.tag_ == "PRP":
            continue
        start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
        found = resolve_speaker(ctx, start, end, lex)
        if found.entity_id is not None and found.entity_id == _one_told(ctx, verb, lex):
            # the one told never told themselves: a description the story read as them ("he had spoken to the
            # seller") is someone it does not name
            if obj.tag_ not in ("NN", "NNS"):
                continue
            found = Speaker(name=ctx.body[start:end], start=start, end=end, unnamed=True)
        if found.name or found.unnamed:
            return found.found_by("addressed")
    return None


def _one_told(ctx: DocContext, verb, lex: Lexicon) -> str | None:
    """The entity the subject of a passive "told" (or of the clause it is joined to) stands for."""
    for tok in (verb, verb.head):
        subject = subject_span(tok)
        if subject is not None:
            return resolve_speaker(ctx, subject[0], subject[1], lex).entity_id
    return None


def _asked_before(ctx: DocContext, start: int):
    """The last passive "was asked by X" (or "asked by X" after a name) in the sentences before start, in the
    quote's paragraph or the one before: (the one asked, the asker) as tokens."""
    no = ctx.sentence_no(start)
    pstart = ctx.paragraph_of(start)[0]
    prev_pstart = ctx.paragraph_of(max(pstart - 2, 0))[0]
    for sent in reversed(ctx.sentences[max(no - 2, 0) : no + 1]):
        if sent.end_char <= prev_pstart:
            break
        for verb in reversed([t for t in sent if t.lower_ in _ASKED and t.tag_ == "VBN" and t.idx < start
                              and not ctx.in_quote(t.idx)]):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            asked = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if asked is None and verb.dep_ in ("acl", "relcl"):
                asked = verb.head  # "Laane, asked by reporters ..., said"
            if asked is None and verb.dep_ == "advcl":  # "Asked by Sutterfield whether ..., the union president
                asked = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)  # said": the main subject
            if agent is not None and asked is not None:
                return asked, agent
        for put in (t for t in sent if t.lower_ == "put" and t.tag_ == "VBN" and t.idx < start and not ctx.in_quote(t.idx)
                    and any(c.dep_ == "nsubjpass" and c.lower_ in _QUESTIONS for c in t.children)):
            to = next((c for c in put.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
            asked = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if asked is not None:  # "A question was put to Marra about the quotas."
                return asked, None
    return None


def answer_of_the_one_asked(ctx: DocContext, speaker: Speaker, start: int, lex: Lexicon) -> Speaker | None:
    """"Professor Alan Treadwell, who was asked by Dame Harriet whether ... “...” “We were not asleep,” he said": a
    pronoun of the one asked just before (the subject of a passive "asked by"), where it fits their gender, is them,
    not whoever else was last a subject."""
    if speaker.start is None or ctx.body[speaker.start : speaker.end].lower() not in lex.person_pronouns:
        return None
    found = _asked_before(ctx, speaker.start)
    if found is None:
        return None
    asked = _person_of(ctx, found[0])
    if asked is None and found[0].lower_ not in lex.person_pronouns:
        described = resolve_speaker(ctx, found[0].left_edge.idx, found[0].right_edge.idx + len(found[0].right_edge), lex)
        asked = described if described.entity_id and ctx.is_person(described.entity_id) else None
    if asked is None or asked.entity_id == speaker.entity_id:
        return None
    gender = lex.gender_words.get(ctx.body[speaker.start : speaker.end].lower())
    if person_genders(ctx, lex).get(asked.entity_id, gender) != gender:
        return None
    return Speaker(asked.entity_id, asked.name, basis="addressed", start=speaker.start, end=speaker.end,
                   name_start=asked.name_start, name_end=asked.name_end)


def teller_in_the_report(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """"the minister said the president had told her on Friday: “Keep going.”": a colon line whose reporting verb
    says that someone else told, wrote or said the words (a reporting verb in its reported clause, right before the
    colon) gives them to that someone; "she said she had told him:" stays hers."""
    sent = ctx.sentence_at(q.outer_start)
    if not ctx.body[sent.start_char : q.outer_start].rstrip().endswith(":"):
        return None
    inner = [t for t in sent if t.lower_ in lex.cues and t.tag_.startswith("VB") and t.idx < q.outer_start
             and t.dep_ == "ccomp" and t.head.lower_ in lex.cues and t.head.i < t.i and not ctx.in_quote(t.idx)]
    if not inner:
        return None
    subject = subject_span(inner[-1])
    if subject is None:
        return None
    words = ctx.body[subject[0] : subject[1]].lower()
    if words in lex.person_pronouns or words in lex.first_person:
        return None  # "she said she had told him:": the same speaker
    found = resolve_speaker(ctx, subject[0], subject[1], lex)
    return found.found_by("addressed") if found.name else None


def teller_over_according_to(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """"Lindqvist-Aho, who told him in the closed session, according to two diplomats present: “...”": the subject
    of a verb of telling before "according to" said the words; the ones it is according to recounted them."""
    sent = ctx.sentence_at(q.outer_start)
    for verb in (t for t in sent if t.lower_ in lex.cues and t.tag_.startswith("VB") and t.idx < q.outer_start
                 and not ctx.in_quote(t.idx)):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        person = _person_of(ctx, subject)
        if person is not None:
            return person.found_by("addressed")
    return None


def replies_in_an_exchange(ctx: DocContext, paragraphs: list[list], lex: Lexicon) -> None:
    """"“Isn't it time to admit they've failed?” he asked. “No,” Ms Ivashvili said. ... Marchetti pressed again: “...?”
    “You are putting words in my mouth, Hugo,” she replied": in an interview the one who replies to the asker's
    question is the one who answered the asker's question before, when the pronoun fits them, not a person the
    answers only spoke of ("the president had told her: “Keep going.”")."""
    speech = [f for found in paragraphs for f in found if f.kind is None and f.speaker is not None]
    genders = None
    for k, f in enumerate(speech):
        sp = f.speaker
        if k == 0 or f.cue not in lex.reply_cues or sp.start is None or sp.basis != "subject":
            continue
        pronoun = ctx.body[sp.start : sp.end].lower()
        if pronoun not in lex.person_pronouns:
            continue
        asker = speech[k - 1].speaker
        if asker.entity_id is None or asker.entity_id == sp.entity_id \
                or not ctx.body[speech[k - 1].q.start : speech[k - 1].q.end].rstrip().endswith("?"):
            continue
        answers = [speech[j + 1].speaker for j in range(k - 2) if speech[j].speaker.entity_id == asker.entity_id
                   and ctx.body[speech[j].q.start : speech[j].q.end].rstrip().endswith("?")
                   and speech[j + 1].speaker.entity_id not in (None, asker.entity_id)]
        if not answers or answers[-1].entity_id == sp.entity_id:
            continue
        genders = genders if genders is not None else person_genders(ctx, lex)
        gender = lex.gender_words.get(pronoun)
        if genders.get(answers[-1].entity_id, gender) != gender:
            continue
        z = answers[-1]
        f.speaker = Speaker(z.entity_id, z.name, basis="addressed", start=sp.start, end=sp.end,
                            name_start=z.name_start, name_end=z.name_end)
        for g in speech[k + 1 :]:  # the words that go on from the reply in its paragraph
            if g.speaker.basis != "continued" or g.speaker.entity_id != sp.entity_id \
                    or ctx.paragraph_of(g.q.start) != ctx.paragraph_of(f.q.start):
                break
            g.speaker = replace(f.speaker, basis="continued")


def asker_of_a_colon_line(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """"The committee chair, Sir Robert Kane, opened by asking her about the backlog: “...?”": a colon line whose
    verb of asking or telling hangs below its main verb (a gerund, "by asking her") gives the words to the main verb's
    subject, not to the one asked."""
    sent = ctx.sentence_at(q.outer_start)
    if not ctx.body[sent.start_char : q.outer_start].rstrip().endswith(":"):
        return None
    asking = [t for t in sent if t.idx < q.outer_start and t.tag_ == "VBG" and (t.lower_ in lex.ask_verbs or t.lower_
              in ("asking", "telling", "reminding", "warning", "urging", "challenging")) and not ctx.in_quote(t.idx)]
    if not asking:
        return None
    root = sent.root
    subject = subject_span(root)
    if subject is None and root.tag_.startswith("NN"):  # parsed as a verbless "The committee chair, Sir Robert Kane"
        last = max([root, *(c for c in root.children if c.dep_ == "appos")], key=lambda t: t.i)
        subject = root.left_edge.idx, last.idx + len(last)
    if subject is None or subject[0] >= asking[0].idx or ctx.in_quote(subject[0]):
        return None
    found = resolve_speaker(ctx, subject[0], subject[1], lex)
    return found.found_by("addressed") if found.entity_id and ctx.is_person(found.entity_id) else None
