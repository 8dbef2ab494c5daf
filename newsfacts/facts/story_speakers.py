"""Speakers that the quote's own sentence does not name: found in the paragraph's layout (round-ups), in the
sentence or paragraph before (continued quotes, "X wrote:"), or after a run of quoted paragraphs ("So said X").

Each rule is named by the speaker_basis it records; cheap scans over paragraphs, on the one spaCy parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsfacts.facts.context import DocContext
from newsfacts.facts.gender import person_genders, pronoun_gender
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.relayed_texts import writer_of_a_text_in
from newsfacts.facts.text_authors import text_speaking
from newsfacts.facts.speakers import SUBJECT_DEPS, Speaker, pronoun_antecedent, resolve_speaker, subject_span

# "Chris Cillizza, The Washington Post: “...”": a short heading with no verb, ending in a colon before the quote.
# A quoted title may sit in the head ("Pete Sandoval, on his podcast “Binge Theory”: “...”").
_ROUNDUP_HEAD = re.compile(r"^(?P<head>[A-Z](?:[^:\n“”\"]|“[^”\n]{1,60}”|\"[^\"\n]{1,60}\"){1,120}?)\s*:\s*$")
# "Claire Otieno, The Northern Times — “...”": the same head, ending in a dash; it must hold a comma or a bracket
# ("Name, Outlet", "Name (Outlet)") and the quotation must end the paragraph, unlike a dateline's "(AP) —".
_ROUNDUP_DASH_HEAD = re.compile(r"^(?P<head>[A-Z][^:\n“”\"—–]{1,80}?(?:,\s|\s\()[^:\n“”\"—–]{1,60}?)\s+[—–]\s*$")
_DATELINE = re.compile(r"\((?:AP|Reuters|AFP|CNN|UPI)\)|^[A-Z][A-Z .,'-]{3,}(?:,|\s\()")
# "“...” — Nicolle Wallace, MSNBC": a dash after the closing mark, then the source, to the paragraph's end; a
# spaced hyphen stands for the dash ("“...” - Dmitri Volkov, on YouTube"). Reviews sign with the dash on the line
# below ("“...”\n\n– Man**"): a paragraph that is only the signature.
# "“...” — Kit Okafor, host of the “Save Point” podcast": a title quoted in the source's description is no new quote
_ROUNDUP_TAIL = re.compile(r"^\s*(?:[—–]|(?<=\s)-(?=\s))\s*(?P<head>[A-Z](?:[^\n“”\"]|“[^”\n]{1,60}”){1,120}?)\s*$")
# "“...” — @marrowbyte, on X": a social-media handle trailing the quote is its source, a name of its own
_HANDLE_TAIL = re.compile(r"^\s*(?:[—–]|(?<=\s)-(?=\s))\s*(?P<head>@\w{2,30})(?:,?\s+(?:on|via)\s+[\w ]{1,20})?\s*$")
# "@RepFarrowHart: “...”": a round-up line headed by a social-media handle and a colon; the handle is the source
_HANDLE_HEAD = re.compile(r"^\s*(?P<head>@\w{2,30})\s*:\s*$")
_SIGNATURE_LINE = re.compile(r"^\s*[—–-]\s*(?P<head>[A-Z][^\n“”\"]{1,60}?)\s*$")
# "Man**", "Ni** My**": a reviewer's name masked by the site, its letters after the first few starred out.
_MASKED_NAME = re.compile(r"^[A-Z][a-z]{0,6}\*{2,}(?:\s+[A-Z][a-z]{0,6}\*{2,}){0,3}$")
_SOURCE_END = re.compile(r",|\s\(|\s+(?:on|in|at|via|for)\s")
_LIST_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]\s*)?")
_SPEAKING_ON = re.compile(r"^\w+ing\s+(?:on|in|at|to|for)\s+", re.I)


@dataclass
class Found:
    """One quoted stretch on its way to a row: its kind when named rather than said, its speaker and cue."""

    q: object  # QuoteSpan
    kind: str | None = None
    speaker: Speaker | None = None
    cue: str | None = None
    why: str | None = None  # what made the words a mention rather than speech (mentioned_words), when it did


def roundup(ctx: DocContext, q, first_in_paragraph: bool, lex: Lexicon) -> Speaker | None:
    """The source heading ("Meghan McCain, Twitter: “...”") or trailing ("“...” — Name, Outlet") the quote."""
    pstart, pend = ctx.paragraph_of(q.outer_start)
    candidates = []
    ends_paragraph = not ctx.body[q.outer_end : pend].strip()
    if first_in_paragraph:
        before = ctx.body[pstart : q.outer_start]
        head = _ROUNDUP_HEAD.match(before) or (
            _ROUNDUP_DASH_HEAD.match(before) if ends_paragraph and not _DATELINE.search(before) else None)
        if head:
            candidates.append((pstart + head.start("head"), pstart + head.end("head")))
    handle = _HANDLE_TAIL.match(ctx.body[q.outer_end : pend]) or (
        _HANDLE_HEAD.match(ctx.body[pstart : q.outer_start]) if first_in_paragraph else None)
    if handle and handle.re is _HANDLE_HEAD:
        start, end = pstart + handle.start("head"), pstart + handle.end("head")
        return _handle_owner(ctx, handle["head"], start, end)
    if handle:
        start, end = q.outer_end + handle.start("head"), q.outer_end + handle.end("head")
        return Speaker(None, handle["head"], basis="roundup", start=start, end=end, name_start=start, name_end=end)
    tail = _ROUNDUP_TAIL.match(ctx.body[q.outer_end : pend])
    if tail:
        candidates.append((q.outer_end + tail.start("head"), q.outer_end + tail.end("head")))
    signature = _signature_below(ctx, q, pstart, pend) if first_in_paragraph and ends_paragraph else None
    if signature is not None:
        if _MASKED_NAME.match(ctx.body[signature[0] : signature[1]]):
            return Speaker(None, ctx.body[signature[0] : signature[1]], basis="roundup", start=signature[0],
                           end=signature[1], name_start=signature[0], name_end=signature[1])
        candidates.append(signature)
    for start, end in candidates:
        span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
        cut = _SOURCE_END.search(ctx.body, start, end)
        name_end = cut.start() if cut else end
        if span is None or any(t.tag_.startswith(("VB", "MD")) and not _after_comma(t, lex) and not _in_relative(t, span)
                               and not _in_a_setting(t, span) and not _before_its_noun(t) for t in span) \
                or not (ctx.mentions_in(start, end) or _written_name(ctx, start, name_end)):
            continue  # "Here is what he said:" is an introduction, not a source; a source names someone
        speaker = resolve_speaker(ctx, start, name_end, lex)
        if speaker.name:
            outlet = _SPEAKING_ON.sub("", ctx.body[name_end:end].strip(" ,()"))
            speaker.role = speaker.role or outlet or None
            return speaker.found_by("roundup")
    return None


def _handle_owner(ctx: DocContext, handle: str, start: int, end: int) -> Speaker:
    """"@RepFarrowHart:" in a story naming Rep. Denise Farrow-Hart: an account whose handle spells a named person's
    full name or surname (four letters or more) is theirs; any other handle ("@beltwaybrenda") is its own source."""
    letters = handle.lower()
    for m in ctx.mentions:
        name = ctx.names.get(m.entity_id, "") if m.type == "PERSON" else ""
        words = [re.sub(r"[^a-z]", "", w) for w in name.lower().split()]
        if len(words) >= 2 and len(words[-1]) >= 4 and words[-1] in letters and (
                "".join(words[-2:]) in letters or len(words[-1]) >= 8):
            return Speaker(m.entity_id, name, basis="roundup", start=start, end=end, name_start=m.start,
                           name_end=m.end)
    return Speaker(None, handle, basis="roundup", start=start, end=end, name_start=start, name_end=end)


def _signature_below(ctx: DocContext, q, pstart: int, pend: int) -> tuple[int, int] | None:
    """"“...”" alone in its paragraph, and "– Man**" alone in the next: the quote's signature, as a trailing dash."""
    if ctx.body[pstart : q.outer_start].strip():
        return None
    following = next((p for p in ctx.paragraphs if p[0] >= pend), None)
    if following is None:
        return None
    sig = _SIGNATURE_LINE.match(ctx.body[following[0] : following[1]])
    return (following[0] + sig.start("head"), following[0] + sig.end("head")) if sig else None


def _written_name(ctx: DocContext, start: int, end: int) -> bool:
    """"Greta Lindholm (Culture Desk):" with no entity tagged: two or three capitalised proper nouns are a name; so
    is a body's name, its capitalised words joined by the small words names hold ("Castlemere Chamber of Commerce:",
    "Alderbrook Students' Union:", "Bus Users Ashcombe, passenger group:"), opening with a proper noun."""
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if 2 <= len(span) <= 3 and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in span):
        return True
    capitalised = [t for t in span if t.is_alpha and t.text[:1].isupper()]
    return span[0].tag_ in ("NNP", "NNPS") and 2 <= len(capitalised) <= _BODY_NAME_WORDS and capitalised[-1].i == span[-1].i \
        and all(t in capitalised or t.lower_ in _NAME_JOINERS for t in span)


# The small words a body's name joins its capitalised words with, and how many capitalised words it holds at most.
_NAME_JOINERS = ("of", "and", "&", "for", "the", "'", "’", "'s", "’s")
_BODY_NAME_WORDS = 5


def _after_comma(tok, lex: Lexicon) -> bool:
    """"Larry Kudlow, speaking on Fox Business:", "Stan Fowler, retired, Quayside:": a participle after the name's
    comma says where or what, not who. A past form of a reporting verb not closed by a comma ("The coach operator,
    Brightway Travel, posted on Facebook:") is the line's predicate: a sentence introducing the quote."""
    return tok.tag_ in ("VBG", "VBN", "VBD") and tok.i > 0 and tok.nbor(-1).text == "," and (
        tok.tag_ == "VBG" or (tok.i + 1 < len(tok.doc) and tok.nbor().text == ",")
        or (tok.tag_ == "VBN" and (tok.lower_ not in lex.cues or tok.lower_ in _PASSIVE_AFTER_A_NAME)))


# "Jane Osei, quoted in The Herald:": participles that after a name are passive, the source being what is described
_PASSIVE_AFTER_A_NAME = ("quoted", "cited", "interviewed", "asked", "reached", "contacted", "questioned")


def _before_its_noun(tok) -> bool:
    """"Tom Rutter, donor-conceived adult and campaigner:", "Sam Okoro, founder, Kinship dating app:": a participle
    the parse hangs on a noun after it qualifies that noun, as an adjective does; it does not make the line a
    sentence."""
    return tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound") and tok.head.i > tok.i \
        and tok.head.tag_.startswith("NN")


_RELATIVE_WORDS = ("who", "whom", "whose", "where", "which", "when")


_SETTING_WORDS = ("in", "on", "at", "during", "via")


def _in_a_setting(tok, span) -> bool:
    """"— Councillor Hattie Brennock, in a video posted on Facebook on 14 November", "— Sen. Ada Cole, on a podcast
    recorded Tuesday": a participle inside the phrase after the name's comma that says where the words were said
    describes the setting; it does not make the line a sentence."""
    if tok.tag_ not in ("VBN", "VBG"):
        return False
    return any(tok.doc[k].lower_ in _SETTING_WORDS and tok.doc[k - 1].text == ","
               for k in range(span.start + 1, tok.i))


def _in_relative(tok, span) -> bool:
    """"Maureen Tully, who played barmaid Dot Ferris,", "leader of the council, where the show is filmed:": a verb
    of a relative clause after a comma describes the source; it does not make the line a sentence."""
    for k in range(tok.i - 1, span.start - 1, -1):
        prev = tok.doc[k]
        if prev.lower_ in _RELATIVE_WORDS:
            return k > span.start and tok.doc[k - 1].text == ","
        if prev.text == ",":
            return False
    return False


def _reporting_speaker(ctx: DocContext, start: int, end: int, lex: Lexicon, colon_only: bool = False,
                       lead_in: bool = False):
    """The speaker of the last sentence in body[start:end] that reports speech: the subject of its reporting verb,
    or, when it ends in a colon ("The sheriff gave a different account:"), the subject of its main verb; with
    lead_in (the sentence runs straight into the quote in one paragraph: "Aderholt returned to the issue later in
    the hearing. “What ...?”"), the person who is the subject of its main verb."""
    sentences = [s for s in ctx.sentences if start <= s.start_char and s.start_char + len(s.text.rstrip()) <= end]
    if not sentences:
        return None
    sent = sentences[-1]
    colon = ctx.body[sent.start_char : sent.end_char].rstrip().endswith(":")
    if colon_only and not colon:
        return None
    if colon:
        source = text_speaking(ctx, sent, sent.end_char, lex) or _message_from(ctx, sent, lex) or _their_words(ctx, sent, lex) or _spoken_to(ctx, sent) \
            or _held_by_a_thing(ctx, sent) or _signed_text(ctx, sent) or _cleft_person(ctx, sent) \
            or _received_from(ctx, sent, lex) or _answer_when_asked(ctx, sent, lex) or _read_for_its_sender(ctx, sent, lex) \
            or _issued_when(ctx, sent, lex) or _sent_by(ctx, sent, lex)
        if source is not None:
            return source
        if len(sentences) > 1 and _reproduced_by_us(sent, lex):
            before = sentences[-2]
            return _reporting_speaker(ctx, before.start_char, before.end_char, lex, lead_in=True)
    cues = [t for t in sent if t.lower_ in lex.cues and not ctx.in_quote(t.idx) and t.tag_.startswith("VB")
            and not _relative_set_off(t)]
    if colon:  # a colon line reports through its last cue with a subject: "A senior customs official ... denied
        # ... that any such payments were being demanded:" through "denied", not the passive "demanded"
        cues = [t for t in cues if subject_span(t)] or cues
    verbs = cues[-1:] or ([sent.root] if colon or lead_in else [])
    if colon and sent.root in cues:  # "Carmen Ruiz ... said she had called 911 twice ...:": the main verb reports
        verbs = [sent.root]
    for verb in verbs:
        subject = subject_span(verb)
        if colon and subject is None:
            # "Judge Harriet Osei, sentencing him to six years, told the court:" parsed with the participle as the
            # root, or as a clause with the name its subject: a cue left without a subject reports for the person
            # who is the subject before it
            subject = (subject_span(sent.root) if verb is not sent.root else None) or _person_subject_before(ctx, sent, verb)
        if colon and subject is None:  # "That worry is shared by Ruth Abernathy, who runs ...:": the agent
            agent = _passive_agent(ctx, verb)
            if agent is not None:
                return agent
        if subject and not ctx.in_quote(subject[0]):
            if colon and ctx.body[subject[0] : subject[1]].lower() in lex.org_pronouns and len(sentences) > 1:
                # "... announced the decision in an email. It read, in part:": the one who sent it; "The airport
                # has issued a statement. It reads:": the one who issued it
                return (_reporting_speaker(ctx, sentences[-2].start_char, sentences[-2].end_char, lex)
                        or _issuer(ctx, sentences[-2], lex))
            speaker = _writer_of_the_text_before(ctx, sentences, verb, subject, lex) \
                or resolve_speaker(ctx, subject[0], subject[1], lex)
            if colon and speaker.entity_id is None:  # "One of them, a home health aide named Lourdes Baca, put it
                speaker = _person_in_subject(ctx, subject, lex) or speaker  # better than I can:"
            # "The sheriff gave a different account:" introduces someone; "Here are the highlights:" no one; "A
            # spokeswoman for his department put it more bluntly:" a voice the story does not name
            if speaker.name and (cues or (speaker.entity_id and (colon or ctx.is_person(speaker.entity_id)))
                                 or (colon and _statement_voice(ctx, verb, lex))):
                return speaker.found_by("intro")
    # "Her voice broke several times as she read:": a text whose author the story does not name is the reader's
    return text_speaking(ctx, sent, sent.end_char, lex, reader_too=True) if colon else None


_WRITES = ("writes", "wrote", "adds", "added", "continues", "continued")


def _writer_of_the_text_before(ctx: DocContext, sentences: list, verb, subject, lex: Lexicon) -> Speaker | None:
    """"This week's letter comes from Colm Ferriter ... He writes:": a pronoun writing what follows is the writer of
    the text the sentence before named (relayed_texts), when the pronoun's gender does not say otherwise."""
    if len(sentences) < 2 or verb.lower_ not in _WRITES:
        return None
    return _pronoun_for_the_writer(ctx, sentences[-2], subject, lex)


def _pronoun_for_the_writer(ctx: DocContext, sent, subject: tuple[int, int], lex: Lexicon) -> Speaker | None:
    """The writer of the text `sent` names (from X, signed by X, a clause of writing), for the pronoun at `subject`
    that writes the words, unless the pronoun's gender says it is someone else."""
    pronoun = ctx.body[subject[0] : subject[1]]
    if pronoun.lower() not in lex.person_pronouns:
        return None
    writer = writer_of_a_text_in(ctx, sent, lex)
    if writer is None or person_genders(ctx, lex).get(writer.entity_id, pronoun_gender(pronoun, lex)) \
            != pronoun_gender(pronoun, lex):
        return None
    writer.start, writer.end = subject
    return writer


# Cues that say the words were written: "“...,” she wrote." (not "she added", which the reader may say herself).
_WROTE = ("wrote", "writes")


def writer_of_the_text_read_out(ctx: DocContext, start: int, end: int, cue: str | None, q,
                                lex: Lexicon) -> Speaker | None:
    """"Asif Malik read out a letter from one of his passengers, Doreen Ashcroft. “I have no car ...,” she wrote.":
    the pronoun that wrote the words is the writer of the text the sentence before the quote names, not the one who
    read it out (whom the pronoun would otherwise take, as the last person named)."""
    no = ctx.sentence_no(q.outer_start)
    if (cue or "").lower() not in _WROTE or no == 0:
        return None
    found = _pronoun_for_the_writer(ctx, ctx.sentences[no - 1], (start, end), lex)
    return found.found_by("relayed") if found is not None else None


def _relative_set_off(verb) -> bool:
    """"Sen. Miriam Okonkwo-Hale, D-Bayfield, who wrote the bill, opened the debate by reading ...:": a reporting verb
    in a relative clause set off between commas says who the person is, not what the line reports (its subject would
    be the party label it hangs on). One that runs into the line's end ("shared by Ruth Abernathy, who wrote:")
    still reports."""
    if verb.dep_ != "relcl":
        return False
    after = verb.doc[verb.right_edge.i + 1 : verb.sent.end]
    return any(not t.is_punct and not t.is_space for t in after)


_ASKED = ("asked", "pressed", "questioned", "quizzed", "challenged")


def _answer_when_asked(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"Asked what else they would buy, Ray thought for a long time:": a colon line opening with the participle of a
    question put to someone introduces the answer of the one asked, the subject of the clause after the question's
    comma, whatever its verb (the parse often makes "Asked" the root and leaves that subject to a clause under it).
    Only a named person: "Asked about the video, the volcanologist was careful:" keeps the other rules."""
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    if not words or words[0].lower_ not in _ASKED or ctx.in_quote(words[0].idx):
        return None
    subjects = [t for t in sent if t.dep_ in SUBJECT_DEPS and t.left_edge.i > sent.start
                and t.doc[t.left_edge.i - 1].text == "," and not ctx.in_quote(t.idx)]
    if not subjects:
        return None
    subject = subjects[-1]
    speaker = resolve_speaker(ctx, subject.left_edge.idx, subject.idx + len(subject), lex)
    return speaker.found_by("intro") if speaker.entity_id and ctx.is_person(speaker.entity_id) else None


def _issued_when(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"It began at 9:14 a.m., when spokesman Garrett Lyle-Oduya issued a statement:": a colon line about a moment
    ("It began ... when") whose clause has a named person issue a statement introduces that statement; the
    main clause's "It" is no source. Only a person named as the subject of a verb taking a speech or text noun."""
    texts = lex.speech_nouns | lex.written_texts
    for verb in (t for t in sent if t.dep_ == "advcl" and any(c.lower_ == "when" for c in t.children)
                 and not ctx.in_quote(t.idx)):
        if not any(c.dep_ == "dobj" and c.lower_ in texts for c in verb.children):
            continue
        subject = subject_span(verb)
        if subject is None:
            continue
        speaker = resolve_speaker(ctx, subject[0], subject[1], lex)
        if speaker.entity_id and ctx.is_person(speaker.entity_id):
            return speaker.found_by("intro")
    return None


def _read_for_its_sender(ctx: DocContext, sent, lex: Lexicon, end: int | None = None) -> Speaker | None:
    """"The ambassador, who could not attend, sent a message read aloud by the consul, Maricel Dumlao:", "The
    president released a statement read by his press secretary:": a text someone sent or issued and another person
    read out is the sender's words; the reader, named only as the agent of "read", lends a voice."""
    texts = lex.speech_nouns | lex.written_texts | frozenset(lex.raw["speech"]["relayed_texts"])
    for read in (t for t in sent if t.lower_ == "read" and t.tag_ == "VBN" and t.dep_ == "acl"
                 and (end is None or t.idx < end) and not ctx.in_quote(t.idx)):
        noun, verb = read.head, read.head.head
        if noun.lower_ not in texts or noun.dep_ != "dobj" or not verb.tag_.startswith("VB") \
                or not any(c.dep_ == "agent" for c in read.children):
            continue
        subject = subject_span(verb)
        if subject is None or ctx.in_quote(subject[0]):
            continue
        speaker = resolve_speaker(ctx, subject[0], subject[1], lex)
        if speaker.name:
            return speaker.found_by("intro")
    return None


_SENT = ("sent", "mailed", "emailed", "posted", "forwarded", "passed", "handed", "addressed")


def _sent_by(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"Sen. Rosalind Achterberg ... opened the debate by reading from a letter sent to her by a third-grade teacher
    in Chippewa Falls:": a text the colon line says someone sent ("sent to her by X") is the sender's words, read
    out by the subject. The sender may be one the story never names: then the description is kept (unnamed), not
    handed to the reader or to a place beside her name."""
    texts = lex.written_texts | frozenset(lex.raw["speech"]["relayed_texts"])
    for verb in (t for t in sent if t.lower_ in _SENT and t.tag_ == "VBN" and t.dep_ == "acl"
                 and t.head.lower_ in texts and not ctx.in_quote(t.idx)):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            speaker = resolve_speaker(ctx, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge), lex)
            if speaker.name and (speaker.entity_id is not None or speaker.unnamed):
                return speaker.found_by("intro")
    return None


def _signed_text(ctx: DocContext, sent) -> Speaker | None:
    """"The studio announced it in a post on its website, signed by its director, Jun Hale:": the words of a text
    the colon line says one person signed or wrote are that person's, not those of who published it."""
    for verb in (t for t in sent if t.lower_ in _SIGNED and t.tag_ == "VBN" and not ctx.in_quote(t.idx)):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            people = {m.entity_id: m for m in ctx.mentions_in(agent.idx, sent.end_char) if m.type == "PERSON"}
            if len(people) == 1:
                m = next(iter(people.values()))
                return Speaker(m.entity_id, ctx.names[m.entity_id], basis="intro", start=agent.idx,
                               end=m.end, name_start=m.start, name_end=m.end)
    return None


_SIGNED = ("signed", "written", "penned", "authored")


# "It was Ms. Fairlie, though, who got the loudest cheer, with her closing remark:"
_CLEFT = re.compile(r"\s*It\s+(?:was|is)\s+(?P<who>[^:]{1,80}?)(?:,\s*(?:though|however|then|again))?,?\s+who\b")


def _cleft_person(ctx: DocContext, sent) -> Speaker | None:
    """A cleft colon line ("It was Ms. Fairlie who got the loudest cheer, with her closing remark:") puts the one
    it introduces between "It was" and "who", whatever the verb after ("It was Ms. Fairlie's rival who" is not her)."""
    m = _CLEFT.match(ctx.body, sent.start_char, sent.end_char)
    if m is None:
        return None
    people = {x.entity_id: x for x in ctx.mentions_in(m.start("who"), m.end("who"))  # the name, not its owner's
              if x.type == "PERSON" and x.end == m.end("who")}
    if len(people) != 1:
        return None
    x = next(iter(people.values()))
    return Speaker(x.entity_id, ctx.names[x.entity_id], basis="intro", start=m.start("who"), end=m.end("who"),
                   name_start=x.start, name_end=x.end)


def _received_from(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"The chair read out the reply she had received from Brightmoor Housing:": a text the colon line says was
    received from someone is that someone's words, not the reader's."""
    texts = lex.speech_nouns | lex.written_texts | {"reply", "answer", "response"}
    for verb in (t for t in sent if t.dep_ == "relcl" and t.lower_ in lex.raw["speech"]["receiving_verbs"]
                 and t.head.lower_ in texts and not ctx.in_quote(t.idx)):
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                found = resolve_speaker(ctx, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge), lex)
                if found.name:
                    return found.found_by("intro")
    return None


def _reproduced_by_us(sent, lex: Lexicon) -> bool:
    """"We reproduce the key paragraph in full:": the outlet, as "we", printing a text it did not write."""
    root = sent.root
    return root.lower_ in lex.raw["speech"]["reproducing_verbs"] and any(
        c.dep_ == "nsubj" and c.lower_ == "we" for c in root.children)


_CONTAINING = ("contains", "contained", "includes", "included", "carries", "carried", "bears", "bore", "displays",
               "displayed", "features", "featured")


def _held_by_a_thing(ctx: DocContext, sent) -> Speaker | None:
    """"... and onmeth.com, the website for the initiative, which contains the following statement:": the words a page,
    sign or document holds, introduced by a relative clause about that thing, are no person's (not the subject of
    the sentence that shared the page): a speaker with no name, and why."""
    last = [t for t in sent if not t.is_punct and not t.is_space][-1:]
    for verb in (t for t in sent if t.dep_ == "relcl" and t.lower_ in _CONTAINING):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        thing = verb.head
        if subject is not None and subject.lower_ in ("which", "that") and last and verb.right_edge.i >= last[0].i \
                and not any(m.type == "PERSON" and m.start <= thing.idx < m.end for m in ctx.mentions):
            return Speaker(reason=f"words held by a thing ('{thing.text}'), no person's", start=thing.idx,
                           end=thing.idx + len(thing))
    return None


def _person_subject_before(ctx: DocContext, sent, verb) -> tuple[int, int] | None:
    """The first subject before the verb in its sentence that is a person named (outside quotation marks)."""
    for tok in sent:
        if tok.i >= verb.i:
            return None
        if tok.dep_ == "nsubj" and not ctx.in_quote(tok.idx) and any(
                m.type == "PERSON" and m.start <= tok.idx < m.end for m in ctx.mentions):
            return tok.left_edge.idx, tok.idx + len(tok)
    return None


def _passive_agent(ctx: DocContext, verb) -> Speaker | None:
    """The one person named as the agent ("by X") of a passive main verb."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for obj in (c for c in agent.children if c.dep_ == "pobj"):
            m = next((m for m in ctx.mentions if m.type == "PERSON" and m.start <= obj.idx < m.end), None)
            if m is not None:
                return Speaker(m.entity_id, ctx.names[m.entity_id], basis="intro", start=m.start, end=m.end,
                               name_start=m.start, name_end=m.end)
    return None


_SPEAK_TO = ("spoke", "speaks", "talked", "talks")


def _spoken_to(ctx: DocContext, sent) -> Speaker | None:
    """"Our reporter is at the picket line. She spoke to the union's branch secretary, Declan Mulvey:": a colon line
    whose main verb is speaking to someone introduces what that person said, not the reporter's words."""
    root = sent.root
    if root.lower_ not in _SPEAK_TO:
        return None
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("to", "with")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            start, end = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            # a name in apposition to a description of someone ("the union's branch secretary, Declan Mulvey") is
            # a person's, whatever type the model gave it
            people = {m.entity_id: m for m in ctx.mentions_in(start, end) if m.type == "PERSON" or (
                (span := ctx.sdoc.char_span(m.start, m.end, alignment_mode="contract")) is not None and len(span)
                and span.root.dep_ == "appos" and span.root.head.tag_ == "NN")}
            if len(people) == 1:
                m = next(iter(people.values()))
                return Speaker(m.entity_id, ctx.names[m.entity_id], basis="intro", start=start, end=end,
                               name_start=m.start, name_end=m.end)
    return None


def _issuer(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"The airport has issued a statement.": the subject of a sentence whose object is a statement or a text."""
    root = sent.root
    if not any(c.dep_ == "dobj" and c.lower_ in lex.speech_nouns | lex.written_texts for c in root.children):
        return None
    subject = subject_span(root)
    if subject is None or ctx.in_quote(subject[0]):
        return None
    speaker = resolve_speaker(ctx, subject[0], subject[1], lex)
    return speaker.found_by("intro") if speaker.name else None


def _person_in_subject(ctx: DocContext, subject: tuple[int, int], lex: Lexicon) -> Speaker | None:
    """"The first to speak, innkeeper Rosalind Tate," / "One of them, a ... named Lourdes Baca": a subject that
    names no one at its head, with one person named inside it, is that person."""
    people = {m.entity_id: m for m in ctx.mentions_in(*subject) if m.type == "PERSON" and not _object_of_preposition(ctx, m)}
    if len(people) != 1:
        return None
    m = next(iter(people.values()))
    return Speaker(m.entity_id, ctx.names[m.entity_id], start=subject[0], end=subject[1], name_start=m.start,
                   name_end=m.end)


def _object_of_preposition(ctx: DocContext, m) -> bool:
    """"A representative for Stroud": a person after a preposition is who the subject speaks for, not the subject."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    return span is None or not len(span) or span.root.dep_ == "pobj"


def _statement_voice(ctx: DocContext, verb, lex: Lexicon) -> bool:
    """The subject's head is a voice that speaks for someone ("a spokeswoman for", "her family")."""
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(heads) and heads[0].lower_ in lex.statement_voices


def noun_of_speech_source(ctx: DocContext, speaker: Speaker, start: int, lex: Lexicon) -> Speaker:
    """"the US military said in a statement on Wednesday. “...,” the statement said": the statement, letter or email
    is the words of whoever a sentence shortly before reports through it."""
    words = (speaker.name or "").lower().split()
    if speaker.entity_id is not None or len(words) != 2 or words[0] != "the" or words[1] not in lex.speech_nouns:
        return speaker
    no = ctx.sentence_no(start)
    for sent in reversed(ctx.sentences[max(no - 4, 0) : no]):
        if any(t.lower_ == words[1] and not ctx.in_quote(t.idx) for t in sent):
            source = _reporting_speaker(ctx, sent.start_char, sent.end_char, lex)
            if source is not None and source.name and words[1] not in source.name.lower():
                return replace(source, basis=speaker.basis, start=speaker.start, end=speaker.end)
    return speaker


def _their_words(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"Her first words:", "His reply:": a verbless colon line naming words by their owner's pronoun."""
    if any(t.tag_.startswith(("VB", "MD")) for t in sent):
        return None
    for noun in sent:
        owner = [c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("his", "her")]
        if noun.lower_ in lex.speech_nouns | {"reply", "answer", "response", "verdict"} and owner:
            found = pronoun_antecedent(ctx, owner[0].idx, "he" if owner[0].lower_ == "his" else "she", lex)
            if found is not None and found.name:
                found.start, found.end = owner[0].idx, owner[0].idx + len(owner[0])
                return found.found_by("intro")
    return None


def _message_from(ctx: DocContext, sent, lex: Lexicon, end: int | None = None) -> Speaker | None:
    """"Park read him a text message from a listener:", "read out a card from the Mayor:": the one a message comes
    from, not the one who reads it."""
    text = ctx.body[sent.start_char : end or sent.end_char].rstrip()
    texts = lex.speech_nouns | frozenset(lex.raw["speech"]["relayed_texts"])
    for noun in (t for t in sent if end is None or t.idx < end):
        if noun.lower_ in texts and noun.i + 1 < len(noun.doc) and noun.nbor().lower_ in ("from", "by"):
            objects = [c for c in noun.nbor().children if c.dep_ == "pobj"]
            if objects and text.endswith(":"):
                obj = objects[0]
                speaker = resolve_speaker(ctx, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge), lex)
                # a card or a text relayed from someone unnamed ("a text from a listener who signed off as ...")
                # stays with the rules for nameless writers
                if speaker.name and (noun.lower_ in lex.speech_nouns or speaker.entity_id):
                    return speaker.found_by("intro")
    return None


def colon_subject(ctx: DocContext, q, lex: Lexicon) -> Speaker | None:
    """"By the time Buckley learned who wrote it, she was only half-surprised: “...”": a sentence that runs into
    the quotation through a colon is introduced by its main subject, whatever its verb."""
    sent = ctx.sentence_at(q.outer_start)
    if not ctx.body[sent.start_char : q.outer_start].rstrip().endswith(":"):
        return None
    source = _message_from(ctx, sent, lex, q.outer_start) or _read_for_its_sender(ctx, sent, lex, q.outer_start)
    if source is not None:
        return source
    # "said in a statement posted at 6:10 p.m.:": a participle describing a noun has no subject of its own; the
    # clause that runs into the colon is the verb above it
    verbs = [t for t in sent if t.idx < q.outer_start and t.tag_.startswith(("VB", "MD"))
             and not (t.dep_ == "acl" and t.tag_ in ("VBN", "VBG") and t.head.tag_.startswith("NN"))]
    subject = subject_span(verbs[-1]) if verbs else None  # the clause that runs into the colon
    if subject is None or subject[0] >= q.outer_start or ctx.in_quote(subject[0]):
        return None
    speaker = resolve_speaker(ctx, subject[0], subject[1], lex)
    return speaker.found_by("subject") if speaker.entity_id else None


def _continued(speaker: Speaker) -> Speaker:
    return replace(speaker, basis="continued")


def inherit(ctx: DocContext, paragraphs: list[list[Found]], lex: Lexicon, from_plain_paragraph: bool) -> None:
    """Quotes with no attribution of their own take it from their neighbours, in this order: an earlier quote
    of the paragraph, a reporting sentence before it in the paragraph, a later quote of the paragraph; and for
    a quote opening its paragraph: a paragraph before ending in a colon, the last speaker of the paragraph
    before, or (the weakest, from_plain_paragraph: after named_after had its say) the last reporting sentence
    of a paragraph before that holds no quotation."""
    previous_last: Speaker | None = None
    for pi, found in enumerate(paragraphs):
        pstart, _ = ctx.paragraphs[pi]
        prev = ctx.paragraphs[pi - 1] if pi else None
        for k, f in enumerate(found):
            if f.kind is not None or (f.speaker is not None and f.speaker.name):
                continue
            earlier = [g.speaker for g in found[:k] if g.kind is None and g.speaker and g.speaker.name]
            later = [g.speaker for g in found[k + 1 :] if g.kind is None and g.speaker and g.speaker.name
                     and g.speaker.basis != "continued"]
            opens = not ctx.body[pstart : f.q.outer_start].strip()
            speaker = None
            if earlier:
                speaker = _continued(earlier[-1])
            elif not opens:  # the sentence before runs into the quote only when the quote opens its sentence
                speaker = _reporting_speaker(ctx, pstart, f.q.outer_start, lex, lead_in=_opens_sentence(ctx, f.q))
            if speaker is None and later:
                speaker = _continued(later[0])
            if speaker is None and opens and prev is not None and not _is_heading(ctx, pi, found):
                speaker = (_reporting_speaker(ctx, prev[0], prev[1], lex, colon_only=True)
                           or _exchange(ctx, paragraphs, pi, f)
                           or (_continued(previous_last) if previous_last
                               and not _named_after_run(ctx, paragraphs, pi, lex)
                               and not _introduced_after_run(ctx, paragraphs, pi, _run_end(ctx, paragraphs, pi), lex)
                               else None)
                           or ((_reporting_speaker(ctx, prev[0], prev[1], lex) or _spoke_to_them(ctx, prev, lex))
                               if from_plain_paragraph and not _speakers_quotes(paragraphs[pi - 1]) else None))
            f.speaker = speaker or f.speaker
        said = [f.speaker for f in found if f.kind is None and f.speaker and f.speaker.name]
        if said and said[-1].basis == "roundup" and _closed(ctx, found[-1].q):
            previous_last = None  # each line of a round-up is its own source; the next quote is not theirs
        elif said and said[-1].basis == "voice":
            previous_last = None  # a shout no one is named for is one interjection, not a run (unnamed_voices)
        elif said:
            previous_last = said[-1]
        elif not found and _embedded_post(ctx, pi):
            pass  # a post embedded between two paragraphs of a statement is page furniture, not the story's prose
        else:
            previous_last = None  # a paragraph of prose, even one quoting a title or a term, ends a speaker's run


def _speakers_quotes(found: list[Found]) -> list[Found]:
    """A paragraph's quotes but the voices no one is named for ("came a shout of “...”"): a paragraph holding only
    those is prose around an interjection, whose reporting sentence may introduce the quote after it."""
    return [f for f in found if not (f.speaker and f.speaker.basis == "voice")]


def _spoke_to_them(ctx: DocContext, para: tuple[int, int], lex: Lexicon) -> Speaker | None:
    """"The club's captain, Winifred Oyelaran, ... spoke to reporters outside the hospital." then a paragraph of
    quotation: a paragraph ending on a person speaking to someone (no words of their own given) introduces what
    they said."""
    sentences = [s for s in ctx.sentences if para[0] <= s.start_char < para[1]]
    if not sentences:
        return None
    sent = sentences[-1]
    verbs = [t for t in sent if t.lower_ in lex.speaking_verbs and not ctx.in_quote(t.idx) and any(
        c.dep_ == "prep" and c.lower_ in ("to", "with") for c in t.children)]
    if not verbs:
        return None
    # a parse that roots the sentence elsewhere leaves the verb no subject: then the words before it
    subject = subject_span(verbs[-1]) or (sent.start_char, verbs[-1].idx)
    if ctx.in_quote(subject[0]):
        return None
    speaker = resolve_speaker(ctx, subject[0], subject[1], lex)
    if speaker.entity_id is None:
        speaker = _person_in_subject(ctx, subject, lex) or speaker
    return speaker.found_by("intro") if speaker.entity_id and ctx.is_person(speaker.entity_id) else None


def _exchange(ctx: DocContext, paragraphs: list[list[Found]], pi: int, f: Found) -> Speaker | None:
    """"“Did you ever go down there?” the prosecutor asked. / “No,” Kaplan said. / “Not once, in six years?” /
    “I have a bad knee.”": in an exchange of one-quote paragraphs between two people, a bare line answering a
    question, or asking again after an answer to a question, is the other one's: the speaker of two lines before."""
    if pi < 2:
        return None
    lines = []
    for k in (pi - 2, pi - 1):
        found = [g for g in paragraphs[k] if g.kind is None]
        pstart, pend = ctx.paragraphs[k]
        if len(found) != 1 or not found[0].speaker or not found[0].speaker.name \
                or ctx.body[pstart : found[0].q.outer_start].strip():
            return None
        lines.append(found[0])
    (two, one), asks = lines, lambda g: ctx.body[g.q.start : g.q.end].rstrip().endswith("?")
    if (two.speaker.entity_id or two.speaker.name) == (one.speaker.entity_id or one.speaker.name):
        return None
    if asks(one) or (asks(two) and asks(f)):
        return replace(two.speaker, basis="continued")  # a neighbouring line's speaker (quotes.speaker_basis)
    return None


def _opens_sentence(ctx: DocContext, q) -> bool:
    """"Aderholt returned to the issue. “What ...?”" runs into the quote; "... the more the people shrug and think,
    “...”" has prose of its own sentence before it."""
    return not ctx.body[ctx.sentence_at(q.outer_start).start_char : q.outer_start].strip()


def _closed(ctx: DocContext, q) -> bool:
    """The quotation closes in its paragraph (a run over paragraphs leaves its opening paragraph unclosed), by a
    double mark or, in the British convention, a single one ("‘...’", "'...'")."""
    return ctx.body[q.outer_end - 1 : q.outer_end] in _CLOSING_MARKS


# The marks that close a quotation: double, and single (British) ones; a paragraph left open ends on its own words.
_CLOSING_MARKS = ("”", "\"", "’", "'")


# "— Tottenham Hotspur (@SpursOfficial) November 20, 2019": the signature line of an embedded social media post.
_POST_SIGNATURE = re.compile(r"^\s*[—–-]\s*[^\n]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*$")
_POST_TEXT_WORDS = 12


def _embedded_post(ctx: DocContext, pi: int) -> bool:
    """The paragraph is an embedded post: its signature line, or a few words right above one ("Club statement")."""
    def signature(k: int) -> bool:
        return 0 <= k < len(ctx.paragraphs) and bool(_POST_SIGNATURE.match(ctx.body[slice(*ctx.paragraphs[k])]))

    text = ctx.body[slice(*ctx.paragraphs[pi])]
    return signature(pi) or (len(text.split()) <= _POST_TEXT_WORDS and signature(pi + 1))


def named_after(ctx: DocContext, paragraphs: list[list[Found]], lex: Lexicon) -> None:
    """Quotes still without a speaker, named after them: a heading whose words the next paragraphs quote with a
    speaker, or a run of quoted paragraphs followed by "Those were the words of X" / "So said X"."""
    n = len(paragraphs)
    positions = _run_positions(ctx, paragraphs)  # before any paragraph gets its speaker
    turns = _run_turns(ctx, paragraphs, positions)
    for pi, found in enumerate(paragraphs):
        waiting = [f for f in found if f.kind is None and not (f.speaker and f.speaker.name)]
        if not waiting:
            continue
        speaker = _heading_source(ctx, paragraphs, pi, found) if len(found) == 1 else None
        j = pi + 1
        while speaker is None and j < n and _only_unattributed_quotes(ctx, j, paragraphs[j]):
            j += 1
        if speaker is None and j < n and _only_unattributed_quotes(ctx, pi, found) and _signed_below(ctx, paragraphs[j]):
            # a run of bare quoted paragraphs whose last one a signature line closes ("— Captain Roisin Gallagher"):
            # the letter's paragraphs are all the signer's
            speaker = replace(paragraphs[j][-1].speaker)
        if j > pi + 1 and not _only_unattributed_quotes(ctx, pi, found):
            # a run of quoted paragraphs is named for itself: a few words quoted in the prose before it ("calling
            # the building “the cardboard gym.”") are a term, not the run's first words
            waiting = [f for f in waiting if len(ctx.body[f.q.start : f.q.end].split()) >= lex.min_quote_words]
        if speaker is None and j < n and _continues_into(ctx, paragraphs, pi, j):
            speaker = replace(paragraphs[j][0].speaker, basis="named_after")
        if speaker is None and j < n and _only_unattributed_quotes(ctx, pi, found, lex):
            speaker = _named_in_turn(ctx, j, lex, turns[pi], turns[j]) \
                or _introduced_after_run(ctx, paragraphs, pi - positions[pi], j, lex)
        if speaker is None and j < n:
            # the weaker forms (a subject reporting speech) only for a run of quoted paragraphs of their own, a
            # dateline aside ("KALMET — “For two years ...”"), and only for words enough to be speech
            own_run = _only_unattributed_quotes(ctx, pi, found, lex)
            speaker = _named_in(ctx, j, lex, opens_story=_opens_story(ctx, pi), explicit_only=not own_run,
                                position=turns[pi])
            if speaker is not None and not (lex.named_after_re.match(ctx.body[slice(*ctx.paragraphs[j])])
                                            or lex.named_after_source_re.match(ctx.body[slice(*ctx.paragraphs[j])])):
                waiting = [f for f in waiting if len(ctx.body[f.q.start : f.q.end].split()) >= lex.min_quote_words]
        if speaker is not None:
            for f in waiting:
                f.speaker = replace(speaker)


def _continues_into(ctx: DocContext, paragraphs: list[list[Found]], pi: int, j: int) -> bool:
    """Paragraphs pi .. j-1 are one quotation left open at each paragraph's end (the convention: an unclosed
    paragraph goes on into the next), which paragraph j opens by going on and closes with its own cue ("“...
    / “... / “...,” said Dr Hannah Quist"): one quotation, whose speaker the cue at its end names."""
    last = paragraphs[j][0] if paragraphs[j] else None
    if last is None or last.kind is not None or not (last.speaker and last.speaker.name) \
            or last.speaker.basis not in _OWN_CUES or ctx.body[ctx.paragraphs[j][0] : last.q.outer_start].strip():
        return False
    return all(_only_unattributed_quotes(ctx, k, paragraphs[k]) and not _closed(ctx, paragraphs[k][-1].q)
               for k in range(pi, j))


# The bases of a speaker named in the quote's own sentence (not continued from or named after another quote).
_OWN_CUES = ("subject", "according_to")


def _named_in_turn(ctx: DocContext, pi: int, lex: Lexicon, position: int, count: int) -> Speaker | None:
    """"The first came from Maureen; the second from Dean", "So said Reuben, 14, and Maisie, 11": a sentence that
    names a run of quoted paragraphs and gives as many people as the run has paragraphs gives them in turn, the
    run's first paragraph to the first person written (a group named first, "members of the Book Circle: ...", is
    no one's). Fewer or more people than paragraphs, or names not given as a list or by ordinals: the order says
    nothing, and _named_in decides."""
    if count < 2:
        return None
    sent = ctx.sentence_at(ctx.paragraphs[pi][0])
    text = ctx.body[sent.start_char : sent.end_char]
    in_order = _names_then(ctx, sent)
    if len(in_order) == count:  # "Corrigan, then Abernethy, then Corrigan again."
        m = in_order[position]
        return Speaker(m.entity_id, ctx.names[m.entity_id], basis="named_after", start=sent.start_char,
                       end=sent.end_char, name_start=m.start, name_end=m.end)
    if not (lex.named_after_re.match(text) or lex.named_after_source_re.match(text)
            or re.match(rf"^\W*the (?:{'|'.join(lex.run_ordinals)})\b", text, re.I)):
        return None
    ordinal = _ordinal_names(ctx, sent, lex)
    if len(ordinal) == count:  # "The first was Fortescue ...; the second, also Fortescue"
        m = ordinal[position]
        return Speaker(m.entity_id, ctx.names[m.entity_id], basis="named_after", start=sent.start_char,
                       end=sent.end_char, name_start=m.start, name_end=m.end)
    people = _people_in_turn(ctx, sent, missed=False)
    if len(people) < count:  # the model's tags first; names it missed only when they fall short of the run
        people = _people_in_turn(ctx, sent, missed=True)
    if len(people) != count:
        return None
    # the sentence gives them in turn: "the second ..." or a list closed by "and" ("Reuben, 14, and Maisie, 11");
    # not two names met in passing ("Both lines came from Imelda Rourke, a baker in Holm")
    listed = re.search(r"\band\b", ctx.body[people[-2][2] : people[-1][1]])
    if not (listed or re.search(rf"\b{lex.run_ordinals[1]}\b", text, re.I)):
        return None
    entity_id, start, end = people[position]
    name = ctx.names[entity_id] if entity_id else ctx.body[start:end]
    return Speaker(entity_id, name, basis="named_after", start=sent.start_char, end=sent.end_char,
                   name_start=start, name_end=end)


# what may stand between an ordinal and the name it gives: "The first was X", "the second, also X", "the third came
# from X", "the second was again X"
_ORDINAL_LINK = re.compile(r"(?:\s*(?:,|was|is|came|comes|from|also|again|too|by))*\s*")


def _ordinal_names(ctx: DocContext, sent, lex: Lexicon) -> list:
    """"The first was Fortescue, trying to restore order ...; the second, also Fortescue, when ...": a sentence
    opening with "the first" that gives each ordinal in turn a person named right after it (a surname the story
    named in full before counts, and one person may be named twice) names a run of quoted paragraphs in order.
    [] when an ordinal gives no person ("the second came from a man in the audience"): the order then says
    nothing of the rest."""
    text = ctx.body[sent.start_char : sent.end_char]
    if not re.match(rf"^\W*the {lex.run_ordinals[0]}\b", text, re.I):
        return []
    people = [m for m in ctx.mentions_in(sent.start_char, sent.end_char) if m.type == "PERSON" and m.entity_id
              and not ctx.in_quote(m.start)]
    named = []
    for ordinal in lex.run_ordinals:
        hit = re.search(rf"\bthe {ordinal}\b", text, re.I)
        if hit is None:
            break
        at = sent.start_char + hit.end()
        m = next((m for m in people if m.start >= at), None)
        if m is None or not _ORDINAL_LINK.fullmatch(ctx.body[at : m.start]):
            return []
        named.append(m)
    return named


_THEN = re.compile(r"\s*,?\s*(?:and\s+)?then\s+")
_THEN_END = re.compile(r"\s*(?:again|once more)?\s*[.;]?\s*")


def _names_then(ctx: DocContext, sent) -> list:
    """"Corrigan, then Abernethy, then Corrigan again.": a sentence of nothing but people's names joined by "then"
    gives a run of quoted paragraphs in turn, a name as often as it speaks. [] for any other sentence."""
    people = [m for m in ctx.mentions_in(sent.start_char, sent.end_char) if m.type == "PERSON" and m.entity_id]
    if len(people) < 2 or ctx.body[sent.start_char : people[0].start].strip() \
            or not _THEN_END.fullmatch(ctx.body[people[-1].end : sent.end_char]):
        return []
    if not all(_THEN.fullmatch(ctx.body[a.end : b.start]) for a, b in zip(people, people[1:])):
        return []
    return people


# "Reuben, 14, and Maisie, 11": a capitalised word with an age in commas after it is a person's name
_NAME_WITH_AGE = re.compile(r"\b([A-Z][a-z’'-]+),\s+\d{1,3},")


def _people_in_turn(ctx: DocContext, sent, missed: bool) -> list[tuple[str | None, int, int]]:
    """The people a sentence names, in the order written, each once: those the model tagged and (missed) a full
    name it did not tag at all (the first run of proper nouns) and a given name with an age after it ("Maisie,
    11,")."""
    tagged = ctx.mentions_in(sent.start_char, sent.end_char)
    found = [(m.entity_id, m.start, m.end) for m in tagged
             if m.type == "PERSON" and m.entity_id and not ctx.in_quote(m.start)]
    written = _first_name_written(sent) if missed else None
    # a run of proper nouns the model tagged as anything (an organisation, a place) is not a name it missed; an
    # age in commas is a person's even when the model ran the name into an organisation before it
    if written is not None and not ctx.in_quote(written.start_char) \
            and not any(m.start < written.end_char and written.start_char < m.end for m in tagged):
        found.append((None, written.start_char, written.end_char))
    for a in _NAME_WITH_AGE.finditer(ctx.body[sent.start_char : sent.end_char]) if missed else ():
        start, end = sent.start_char + a.start(1), sent.start_char + a.end(1)
        if not ctx.in_quote(start) and not any(s < end and start < e for _, s, e in found):
            found.append((None, start, end))
    people: list[tuple[str | None, int, int]] = []
    for entity_id, start, end in sorted(found, key=lambda p: p[1]):
        if not any((entity_id and entity_id == e) or ctx.body[start:end] == ctx.body[s:x] for e, s, x in people):
            people.append((entity_id, start, end))
    return people


def _run_positions(ctx: DocContext, paragraphs: list[list[Found]]) -> list[int]:
    """For each paragraph, how many quoted paragraphs with no speaker come right before it in its run (one pass:
    a transcript of hundreds of quoted paragraphs must not be walked back from each)."""
    positions = [0] * len(paragraphs)
    for pi in range(1, len(paragraphs)):
        if _only_unattributed_quotes(ctx, pi - 1, paragraphs[pi - 1]):
            positions[pi] = positions[pi - 1] + 1
    return positions


def _run_turns(ctx: DocContext, paragraphs: list[list[Found]], positions: list[int]) -> list[int]:
    """For each paragraph, how many quotations of its run come before it: a paragraph left open goes on into the
    next (the convention), so the two are one quotation, one speaker's turn. A sentence naming the run's speakers
    in turn gives one name for each quotation, not for each paragraph."""
    turns = [0] * len(paragraphs)
    for pi in range(1, len(paragraphs)):
        if positions[pi]:
            turns[pi] = turns[pi - 1] + _closed(ctx, paragraphs[pi - 1][-1].q)
    return turns


def _opens_story(ctx: DocContext, pi: int) -> bool:
    """Nothing but headings (lines with no sentence end) before paragraph pi."""
    return all(ctx.body[a:b].rstrip()[-1:] not in ".!?”\"’'" for a, b in ctx.paragraphs[:pi])


def _named_after_run(ctx: DocContext, paragraphs: list[list[Found]], pi: int, lex: Lexicon) -> bool:
    """Paragraph pi opens a run of quoted paragraphs that words after it name explicitly ("So wrote X", "Those
    words came from X"): such a run is X's, not the last speaker's going on."""
    j = pi
    while j < len(paragraphs) and _only_unattributed_quotes(ctx, j, paragraphs[j]):
        j += 1
    quotations = sum(_closed(ctx, paragraphs[k][-1].q) for k in range(pi, j))  # one for a paragraph left open
    return j > pi and j < len(paragraphs) and (_named_in(ctx, j, lex, explicit_only=True) is not None
                                               or _named_in_turn(ctx, j, lex, 0, quotations) is not None)


def _run_end(ctx: DocContext, paragraphs: list[list[Found]], pi: int) -> int:
    """The paragraph after the run of quoted paragraphs with no speaker that paragraph pi opens."""
    j = pi
    while j < len(paragraphs) and _only_unattributed_quotes(ctx, j, paragraphs[j]):
        j += 1
    return j


# A run of quoted paragraphs that stands as a block of its own: two paragraphs or more (one quoted paragraph after a
# speaker's closed quotation is that speaker going on, "Every affected family will receive ...").
_BLOCK_PARAGRAPHS = 2


def _introduced_after_run(ctx: DocContext, paragraphs: list[list[Found]], start: int, end: int,
                          lex: Lexicon) -> Speaker | None:
    """"“... said one woman as she left.” / “I started here in 1971 ...” / “I've seen a fire in the projection box
    ...” / “Digital made my job easier ...” / Len Farrow, 70, the Regal's projectionist, will be in the box on
    Sunday night.": a block of quoted paragraphs (start .. end-1) opened after the last speaker's quotation closed
    in its own paragraph (so not one quotation going on), then a paragraph quoting nothing of its own whose first
    sentence has a person as its subject, someone other than the last speaker: the block is that person's, as a
    reader takes it (their words set out, then who they are). A paragraph after the block quoting its own words is
    that person's own turn, and a single paragraph is the last speaker going on."""
    if start < 1 or end >= len(paragraphs) or end - start < _BLOCK_PARAGRAPHS:
        return None
    said = [f for f in paragraphs[start - 1] if f.kind is None]
    if not said or not (said[-1].speaker and said[-1].speaker.name) or not _closed(ctx, said[-1].q):
        return None
    if any(f.kind is None for f in paragraphs[end]):
        return None
    person = _subject_after_run(ctx, ctx.sentence_at(ctx.paragraphs[end][0]), lex, opens_story=True)
    if person is None or person.entity_id == said[-1].speaker.entity_id:
        return None
    return person


def echoed(ctx: DocContext, paragraphs: list[list[Found]], lex: Lexicon) -> None:
    """Quotes still without a speaker whose words another quote of the story gives with its speaker ("Grisham, by
    her own accounting, has given “plenty of on-the-record statements”" after Grisham said them): that speaker,
    as continued when the words were quoted before, as named_after when they are quoted further on. Words too
    few to be speech on their own ("the Giuliani problem") are a term the speaker used, not an echo."""
    said = [f for found in paragraphs for f in found if f.kind is None and f.speaker and f.speaker.name]
    for pi, found in enumerate(paragraphs):
        for f in found:
            if f.kind is not None or (f.speaker and f.speaker.name and not _described_in_headline(ctx, pi, f)):
                continue
            text = ctx.body[f.q.start : f.q.end]
            # (a headline's few words already have a speaker: they are speech, not a term)
            if len(text.split()) < lex.min_quote_words and not (f.speaker and f.speaker.name):
                continue
            words = _words(text)
            sources = [g for g in said if g.q is not f.q and words in _words(ctx.body[g.q.start : g.q.end])]
            before = [g for g in sources if g.q.start < f.q.start]
            if before:
                f.speaker = _continued(before[-1].speaker)
            elif sources:
                f.speaker = replace(sources[0].speaker, basis="named_after")


def _described_in_headline(ctx: DocContext, pi: int, f: Found) -> bool:
    """"Honorary doctor tells Westmarsh graduates: “Fail early, fail cheaply”": a headline gives its speaker by a
    description that names no one; when the body quotes the same words, the speaker it names there is the headline's
    (echoed). A headline that names its speaker ("Reyes: “...”") keeps it."""
    if pi != 0 or f.speaker.entity_id is not None or f.speaker.unnamed or len(ctx.paragraphs) < 2:
        return False
    pstart, pend = ctx.paragraphs[0]
    rest = ctx.body[pstart : f.q.outer_start] + ctx.body[f.q.outer_end : pend]  # a heading has no sentence of prose
    return "\n" not in ctx.body[pstart:pend].strip() and not re.search(r"[.!?]\s*$|[.!?]\s", rest)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _is_heading(ctx: DocContext, pi: int, found: list[Found]) -> bool:
    """A paragraph that is one quotation and no sentence ("“My fears have been realized”"): a heading, which
    continues no one; named_after may find its speaker below. A sentence ending inside a quote of its own ("... and
    I said, 'Yes, madam, quite.'") still ends with its stop: the inner closing mark is not the end."""
    pstart, pend = ctx.paragraphs[pi]
    text = ctx.body[pstart:pend]
    q = found[0].q
    return (len(found) == 1 and text[_LIST_NUMBER.match(text).end():].strip() == ctx.body[q.outer_start : q.outer_end].strip()
            and not ctx.body[q.start : q.end].rstrip().rstrip(_INNER_CLOSE).endswith((".", "!", "?", "…")))


_INNER_CLOSE = "'’\"”"  # closing marks of a quote inside the quote


def _heading_source(ctx: DocContext, paragraphs: list[list[Found]], pi: int, found: list[Found]) -> Speaker | None:
    """"My fears have been realized" as a paragraph of its own, quoted again with its speaker just after."""
    if not _is_heading(ctx, pi, found):
        return None
    q = found[0].q
    words = ctx.body[q.start : q.end].strip(" .,!?…").lower()
    for later in paragraphs[pi + 1 : pi + 3]:
        for g in later:
            if g.kind is None and g.speaker and g.speaker.name and words in ctx.body[g.q.start : g.q.end].lower():
                return replace(g.speaker, basis="named_after")
    return None


def _only_unattributed_quotes(ctx: DocContext, pi: int, found: list[Found], lex: Lexicon | None = None) -> bool:
    """The paragraph opens with a quotation (after a story's dateline, given lex) and no quote of it has a speaker."""
    pstart, _ = ctx.paragraphs[pi]
    lead = ctx.body[pstart : found[0].q.outer_start] if found else ""
    if lex is not None and pi == 0 and lex.dateline_re.match(lead):
        lead = lead[lex.dateline_re.match(lead).end():]
    return bool(found) and not lead.strip() and not any(f.speaker and f.speaker.name for f in found)


def _named_in(ctx: DocContext, pi: int, lex: Lexicon, opens_story: bool = False,
              explicit_only: bool = False, position: int = 0) -> Speaker | None:
    """"Those were the words of Maria Delgado, ...", "That memory came from the actor Lionel Ash", "Delacroix, 26,
    made the comments on ..." opening the paragraph after: its first person named; "So says the superintendent":
    the person the description stands for. Short of such words (not with explicit_only), a person who is the
    subject of the paragraph's first sentence when its verb reports speech ("Okonkwo, 52, spoke for twelve
    minutes", "Wendy Carrick ... told the Gazette she was relieved"), or any verb when the run opens the story
    (a lede of quoted words, then "Yusuf Demirel, 60, has kept a spice stall ...")."""
    pstart, pend = ctx.paragraphs[pi]
    sent = ctx.sentence_at(pstart)
    text = ctx.body[sent.start_char : sent.end_char]
    opener = lex.named_after_re.match(text) or lex.named_after_source_re.match(text)
    # the maker of the words as the parse reads it first ("Those words were shared by fans, among them X" names
    # no maker); a passive opener it does not read ("Those words were posted ... by X") after
    pointed = _speaker_pointed_back(ctx, sent, lex) or (None if opener else _maker_of_the_words(ctx, sent, lex))
    if pointed is not None:
        return pointed
    opener = opener or lex.named_after_passive_re.match(text)
    if not opener:
        if explicit_only:
            return None
        return _subject_after_run(ctx, sent, lex, opens_story) or _who_it_was(ctx, sent, lex, position)
    people = [m for m in ctx.mentions_in(sent.start_char, sent.end_char) if m.type == "PERSON"]
    if not people:
        described = _described_after(ctx, sent, opener.end(), lex)
        if described is not None:
            return described
    # "ex-Kingsford Town striker Danny Fulwell": a name qualifying a noun is a team or place, not who spoke
    people = [m for m in people if not _qualifies_a_noun(ctx, m)] or people
    name = _first_name_written(sent)
    if name is not None and not any(m.start < name.end_char and name.start_char < m.end for m in people) \
            and not _title_before_person(ctx, name, people):
        known = _titled_surname(ctx, name, sent.start_char, lex)
        if known is not None:
            return replace(known, start=sent.start_char, end=sent.end_char)
        # "Those were the words of Danielle Fry, whose sons attended Garfield": the model took "Danielle" for a
        # place and "Garfield" for the person; the name the sentence gives first is who said the words
        return Speaker(None, name.text, basis="named_after", start=sent.start_char, end=sent.end_char,
                       name_start=name.start_char, name_end=name.end_char)
    if not people:
        return None
    m = people[0]
    return Speaker(m.entity_id, ctx.names[m.entity_id], basis="named_after", start=sent.start_char,
                   end=sent.end_char, name_start=m.start, name_end=m.end)


_DEMONSTRATIVES = ("those", "these", "that", "this")
_BE = ("was", "were", "is", "are")


def _pointing_back(tok, nouns) -> bool:
    """"Those words", "these lines", "the message", or the bare "These": words pointing back at what came before."""
    pointers = (*_DEMONSTRATIVES, "the")
    return (tok.lower_ in nouns and any(d.dep_ == "det" and d.lower_ in pointers for d in tok.children)) \
        or (tok.lower_ in _DEMONSTRATIVES and tok.tag_ == "DT" and tok.dep_ != "det")


def _pointer(sent):
    """The subject of a sentence that opens by pointing back with a demonstrative: the bare "That" ("That, Ms
    Munday said, is why ...", "That was how ... described it") or the noun it determines ("That account, from
    ...")."""
    first = next((t for t in sent if not (t.is_punct or t.is_space)), None)
    if first is None or first.lower_ not in _DEMONSTRATIVES:
        return None
    if first.dep_ in SUBJECT_DEPS:
        return first
    return first.head if first.dep_ == "det" and first.head.dep_ in SUBJECT_DEPS else None


def _person_in(ctx: DocContext, tok):
    """The person a phrase names: the last one tagged in its subtree that is no possessor ("the Red Lion's
    landlady, Carol Jennings" is Carol Jennings)."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    people = [m for m in ctx.mentions_in(start, end) if m.type == "PERSON" and m.entity_id
              and not _possessor(ctx, m) and not ctx.in_quote(m.start)]
    return people[-1] if people else None


def _possessor(ctx: DocContext, m) -> bool:
    """The name owns what follows it ("Duncan Ure's daughter"), read over the proper nouns the model may have left
    out of the mention ("Duncan" tagged, "Ure's" not)."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[-1]
    while tok.i + 1 < len(ctx.sdoc) and ctx.sdoc[tok.i + 1].tag_ == "NNP":
        tok = ctx.sdoc[tok.i + 1]
    return tok.i + 1 < len(ctx.sdoc) and ctx.sdoc[tok.i + 1].tag_ == "POS"


def _named_in_commas(ctx: DocContext, end: int):
    """A person named in commas right after a phrase ("from the ferry's last captain, Duncan Ure,"), wherever the
    parse hung the name."""
    named = next((m for m in ctx.mentions_in(end, end + 80) if m.type == "PERSON" and m.entity_id), None)
    return named if named is not None and re.fullmatch(r",\s*", ctx.body[end : named.start]) else None


def _speaker_pointed_back(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """The paragraph after a run of quoted paragraphs points back at it with a demonstrative and says whose the
    words were: "from" on the pointing noun ("That account, from first-year student Josh Penrose, 19, ..."), or a
    verb of speech in the sentence whose subject is a person ("That, Ms Munday said, is why ...", "That was how the
    Red Lion's landlady, Carol Jennings, described the weekend"): that person. Not a verb inside a relative clause
    ("Those were the words of X, who told ...": the opener reads X), nor a name only a possessor; two people
    speaking in the sentence: no one (refused)."""
    pointer = _pointer(sent)
    if pointer is None or ctx.in_quote(pointer.idx):
        return None
    found = None
    # "from" on the noun, or hung on the verb but written between the noun and it ("That account, from X, is")
    source = next((c for c in [*pointer.children, *pointer.head.children] if c.dep_ == "prep" and c.lower_ == "from"
                   and (c.head.i == pointer.i or pointer.i < c.i < pointer.head.i)), None)
    for phrase in (c for c in (source.children if source is not None else ()) if c.dep_ == "pobj"):
        found = _person_in(ctx, phrase) or _named_in_commas(ctx, phrase.right_edge.idx + len(phrase.right_edge))
    speaking = lex.cues | lex.speaking_verbs
    speakers = {} if found is None else {found.entity_id: found}
    for verb in (t for t in sent if found is None and t.lower_ in speaking and t.dep_ not in ("relcl", "acl")):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        person = _person_in(ctx, subject) if subject is not None and subject.i != pointer.i \
            and not ctx.in_quote(verb.idx) else None
        speakers.setdefault(person.entity_id, person) if person is not None else None
    if len(speakers) != 1:
        return None  # no one, or two people speaking in the one sentence: the words are not told apart
    [found] = speakers.values()
    return Speaker(found.entity_id, ctx.names[found.entity_id], basis="named_after", start=sent.start_char,
                   end=sent.end_char, name_start=found.start, name_end=found.end)


def _maker_of_the_words(ctx: DocContext, sent, lex: Lexicon) -> Speaker | None:
    """"Those words were posted on Wednesday afternoon by the festival's founder, Tobias Marchbank, who ...",
    "Those words, posted by ...,", "Marchbank wrote those lines in 2017", "Those words were Marchbank's": a sentence
    pointing back at the words before it (a noun of words or of a written text, lexicon speech.run_nouns and
    written_texts, with a demonstrative or "the", or the bare "These") and saying who made them (a verb of making
    words, speech.authoring_verbs: its passive agent, else its subject; or "were X's") names the run's speaker, or
    no one named when the maker is described only ("by a deckhand who had sailed with ..."). Not words that only
    reached someone ("Those words were shared by fans, among them X"), nor a name inside the maker's relative
    clause."""
    nouns = set(lex.raw["speech"]["run_nouns"]) | set(lex.written_texts)
    verbs = lex.raw["speech"]["authoring_verbs"]
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
    if root.lower_ in _BE and subject is not None and _pointing_back(subject, nouns) and not ctx.in_quote(subject.idx):
        # "Those words were Duncan Ure's": the owner given right after the verb
        owner = next((m for m in ctx.mentions_in(root.idx, sent.end_char) if m.type == "PERSON"), None)
        between = ctx.body[root.idx + len(root) : owner.start] if owner is not None else ""
        if owner is not None and re.fullmatch(r"\s*(?:the words of\s+|those of\s+)?", between, re.I) \
                and re.match(r"[’']s\b", ctx.body[owner.end : owner.end + 3]):
            return Speaker(owner.entity_id, ctx.names[owner.entity_id], basis="named_after", start=sent.start_char,
                           end=sent.end_char, name_start=owner.start, name_end=owner.end)
    # the verb of making: the root with the words as its object or passive subject, or a participle after the words
    # ("Those words, posted on Tuesday by ..., were shared")
    verb = pointing = None
    if root.lower_ in verbs:
        verb = root
        pointing = next((c for c in root.children if c.dep_ in ("nsubjpass", "dobj") and _pointing_back(c, nouns)),
                        None)
    if pointing is None and subject is not None and _pointing_back(subject, nouns):
        verb = next((c for c in subject.children if c.dep_ == "acl" and c.lower_ in verbs), None)
        pointing = subject if verb is not None else None
    if pointing is None or ctx.in_quote(pointing.idx):
        return None
    if pointing.dep_ == "dobj":
        maker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    else:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        maker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if maker is None or ctx.in_quote(maker.idx):
        return None
    # the maker's phrase without its relative clause ("..., who started Harrowmere in his parents' orchard")
    clauses = {t.i for c in maker.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    end = max(t.idx + len(t) for t in maker.subtree if t.i not in clauses and not t.is_punct)
    named = next((m for m in ctx.mentions_in(end, sent.end_char) if m.type == "PERSON"), None)
    if named is not None and re.fullmatch(r",\s*", ctx.body[end : named.start]):
        end = named.end  # "by the ferry's last captain, Duncan Ure," in apposition, wherever the parser hung it
    speaker = resolve_speaker(ctx, maker.left_edge.idx, end, lex)
    if not (speaker.unnamed or (speaker.entity_id is not None and ctx.is_person(speaker.entity_id))):
        return None  # "by a deckhand who ...": someone never named, whose description is the evidence
    if speaker.name_start is None:
        speaker = replace(speaker, name_start=maker.left_edge.idx, name_end=end)
    return replace(speaker, basis="named_after", start=sent.start_char, end=sent.end_char)


# "the Senior Coroner for East Scarrow, Marian Hollowell, who ...": capitalised words, a place they serve, a comma,
# then the person's name closed by a comma or the sentence's end: the words are the person's title, not a name.
_TITLE_THEN_PERSON = re.compile(r"^(?:\s+(?:of|for|at|in)(?:\s+the)?(?:\s+[A-Z][\w’'-]*)+)?\s*,\s*$")


def _title_before_person(ctx: DocContext, name, people) -> bool:
    """The capitalised words stand in apposition before a person the model tagged: they are a title."""
    after = [m for m in people if m.start >= name.end_char]
    if not after:
        return False
    m = after[0]
    return bool(_TITLE_THEN_PERSON.match(ctx.body[name.end_char : m.start])) \
        and ctx.body[m.end : m.end + 1] in (",", ".", ";", "")


def _titled_surname(ctx: DocContext, name, before: int, lex: Lexicon) -> Speaker | None:
    """"Those were Brother Threlfall's words": a title and a surname the model did not tag stand for the one
    person named before with that surname (branch secretary Owen Threlfall); with none or two such, None."""
    title = lex.titles_re.match(name.text + " ")
    surname = name.text[title.end():].strip() if title else ""
    if not surname or " " in surname:
        return None
    known = {m.entity_id for m in ctx.mentions if m.type == "PERSON" and m.start < before and m.entity_id
             and ctx.names.get(m.entity_id, "").split()[-1:] == [surname]}
    if len(known) != 1:
        return None
    [entity_id] = known
    return Speaker(entity_id, ctx.names[entity_id], basis="named_after", name_start=name.start_char,
                   name_end=name.end_char)


def _described_after(ctx: DocContext, sent, start: int, lex: Lexicon) -> Speaker | None:
    """"So says the superintendent, who also says ...", "Those were the words of a senior player, speaking on
    condition of anonymity": the description after the opening words (and "the words of"), to its comma, resolved
    as a reporting verb's subject is ("the superintendent" -> the person given that title)."""
    start = sent.start_char + start
    # "Those were the words of a senior player, speaking on condition of anonymity": the description after "of"
    words_of = re.match(rf"\s*(?:the|those)\s+(?:{'|'.join(lex.raw['speech']['run_nouns'])})\s+of\s+",
                        ctx.body[start : sent.end_char], re.I)
    start += words_of.end() if words_of else 0
    end = min((i for i in (ctx.body.find(",", start, sent.end_char), sent.end_char) if i >= 0), default=sent.end_char)
    phrase = ctx.body[start:end].rstrip(" .!?")
    if phrase.strip().lower().startswith(("a ", "an ", "one ")):
        return _unnamed_after(ctx, sent, start, phrase, lex)
    if not phrase.strip().lower().startswith(("the ", "this ", "that ")):
        return None
    speaker = resolve_speaker(ctx, start, start + len(phrase), lex)
    if speaker.entity_id is None:
        return None
    return replace(speaker, basis="named_after", start=sent.start_char, end=sent.end_char)


def _unnamed_after(ctx: DocContext, sent, start: int, phrase: str, lex: Lexicon) -> Speaker | None:
    """"Both remarks came from a Commerce Department official who ... asked not to be named": the run's words are
    an anonymous source's, the description kept as evidence (unnamed), not the last name or office the story gave.
    None when the description is not one unnamed person ("a group of officials", "a friend of Jo Bell")."""
    lead = len(phrase) - len(phrase.lstrip())
    start, described = start + lead, re.split(r"\s+(?:who|that|which)\b", phrase.lstrip(), maxsplit=1)[0]
    speaker = resolve_speaker(ctx, start, start + len(described), lex)
    if not speaker.unnamed:
        return None
    return replace(speaker, basis="named_after", start=sent.start_char, end=sent.end_char,
                   name_start=speaker.name_start if speaker.name_start is not None else start,
                   name_end=speaker.name_end if speaker.name_start is not None else start + len(described))


def _subject_after_run(ctx: DocContext, sent, lex: Lexicon, opens_story: bool) -> Speaker | None:
    """The person who is the subject of the sentence's main verb, when that verb reports speech, or a clause of it
    has the subject speak as "he" or "she" ("Leanne Crouch, 38, had to stop twice while she spoke."), or the run of
    quoted words opened the story (see _named_in)."""
    root = sent.root
    if not (opens_story or root.lower_ in lex.cues or root.lower_ in lex.speaking_verbs or _speaks_in_a_clause(root, lex)):
        return None
    subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or ctx.in_quote(subject.idx):
        return None
    m = next((m for m in ctx.mentions if m.type == "PERSON" and m.start <= subject.idx < m.end), None)
    if m is None:
        return None
    return Speaker(m.entity_id, ctx.names[m.entity_id], basis="named_after", start=sent.start_char,
                   end=sent.end_char, name_start=m.start, name_end=m.end)


def _speaks_in_a_clause(root, lex: Lexicon) -> bool:
    """An adverbial clause under the main verb whose verb reports speech and whose subject is a person's pronoun:
    the main subject speaking ("had to stop twice while she spoke", "paused as he read")."""
    return any(t.dep_ == "advcl" and (t.lower_ in lex.cues or t.lower_ in lex.speaking_verbs)
               and any(c.dep_ == "nsubj" and c.lower_ in lex.person_pronouns for c in t.children)
               for t in root.subtree)


def _who_it_was(ctx: DocContext, sent, lex: Lexicon, position: int) -> Speaker | None:
    """"The finder was Doreen Tapsell, a retired librarian": "the" and a noun, "was" or "is", and a name written
    as two or more proper nouns say who the run's words belong to; "The first was Yusra Bakri ...; the second,
    Ethan Coulthard" names the run's paragraphs in turn (position: this one's place in the run). Not "The result
    was a landslide for Maria Lopez": the name must be what the subject was, not words inside it."""
    root = sent.root
    subject = next((t for t in root.children if t.dep_ == "nsubj"), None)
    attr = next((t for t in root.children if t.dep_ == "attr"), None)
    if root.lower_ not in ("was", "is") or subject is None or attr is None or attr.tag_ != "NNP" \
            or subject.tag_ not in ("NN", "JJ") or not any(t.lower_ == "the" for t in subject.children):
        return None
    parts = [t for t in attr.children if t.dep_ == "compound" and t.tag_ == "NNP" and t.i < attr.i] + [attr]
    if len(parts) < 2 or parts[-1].i - parts[0].i != len(parts) - 1:
        return None
    names = [(parts[0].idx, attr.idx + len(attr.text))]
    in_turn = subject.lower_ in lex.run_ordinals
    if in_turn and subject.lower_ != lex.run_ordinals[0]:
        return None  # "The second was ...": the run's first paragraph is not named
    for ordinal in lex.run_ordinals[1:] if in_turn else ():
        hit = re.compile(rf"\bthe {ordinal},?\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)").search(
            ctx.body, names[-1][1], sent.end_char)
        if hit is None:
            break
        names.append(hit.span(1))
    if in_turn and position >= len(names):
        return None  # a paragraph past the last one named
    start, end = names[position if in_turn else 0]
    m = next((m for m in ctx.mentions if m.type == "PERSON" and m.start <= start < m.end and m.entity_id), None)
    if m is not None:
        return Speaker(m.entity_id, ctx.names[m.entity_id], basis="named_after", start=sent.start_char,
                       end=sent.end_char, name_start=m.start, name_end=m.end)
    return Speaker(None, ctx.body[start:end], basis="named_after", start=sent.start_char, end=sent.end_char,
                   name_start=start, name_end=end)


def _qualifies_a_noun(ctx: DocContext, m) -> bool:
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "compound"


def _first_name_written(sent):
    """The first run of two or more proper nouns in the sentence, before any comma: a person's full name."""
    run = []
    for tok in sent:
        if tok.text == ",":
            break
        if tok.tag_ == "NNP" and tok.text[:1].isupper() and not (tok.dep_ == "compound" and tok.head.tag_ == "NN"):
            run.append(tok)  # "Kingsford Town striker Danny Fulwell": a club qualifying "striker" is no name
        elif (tok.text in ("-", "‐") and run and not run[-1].whitespace_ and not tok.whitespace_
              and tok.i + 1 < sent.end and sent.doc[tok.i + 1].text[:1].isupper()):
            run.append(tok)  # "Tanya Ruiz-Calder": a double-barrelled surname is one name
        elif len(run) >= 2:
            break
        else:
            run = []
    return sent.doc[run[0].i : run[-1].i + 1] if len(run) >= 2 else None


def _signed_below(ctx: DocContext, found: list[Found]) -> bool:
    """The paragraph is one quotation whose speaker is the signature line below it ("“...”" then "— Name")."""
    if len(found) != 1 or found[0].speaker is None or found[0].speaker.basis != "roundup":
        return False
    pstart, pend = ctx.paragraph_of(found[0].q.outer_start)
    s = found[0].speaker
    return (not ctx.body[pstart : found[0].q.outer_start].strip() and s.start is not None and s.start >= pend
            and _signature_below(ctx, found[0].q, pstart, pend) is not None)
