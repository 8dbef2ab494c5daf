"""Reported speech: direct quotations (full, partial, continued) and indirect claims, with their speakers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import cache

from newsfacts.facts.addressees import (
    agent_of_words_put,
    answer_of_the_one_asked,
    asker_of_a_colon_line,
    replies_in_an_exchange,
    teller_in_the_report,
    teller_over_according_to,
)
from newsfacts.facts.context import DocContext
from newsfacts.facts.crowds import call_and_response, came_from, crowd_named, crowd_turn, crowds_answer
from newsfacts.facts.gender import fits_pronoun
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.mentioned_words import mention_of_words
from newsfacts.facts.presented import presented_speaker
from newsfacts.facts.quote_kinds import NOT_SPEECH_REASON, listed_with_slogans, named_kind, one_item_of_a_list
from newsfacts.facts.relayed_texts import writer_of_read_out, writer_of_the_text
from newsfacts.facts.text_authors import hailed_author, signer_of_the_words, text_as_subject, text_line
from newsfacts.facts.speaker_phrase import issuer_of_the_text
from newsfacts.facts.one_described import given_in_apposition, names_no_one
from newsfacts.facts.speakers import SUBJECT_DEPS, Speaker, name_as_adverb, resolve_speaker, subject_span
from newsfacts.facts.story_speakers import (
    Found,
    colon_subject,
    echoed,
    inherit,
    named_after,
    noun_of_speech_source,
    roundup,
    writer_of_the_text_read_out,
)
from newsfacts.facts.turns import read_turns
from newsfacts.facts.unnamed_voices import inverted_cue_before_a_description, voice_given_as_a_noun
from newsfacts.records import Quote

# Closing marks each opening mark accepts: sites mix curly and straight marks within one quotation.
# German and other Central European quotations open low („...“): their closing “ is not an opening.
_CLOSERS = {"“": "”\"", '"': '"”', "«": "»", "„": "“”\""}
# Wire copy typed on old systems closes with two apostrophes ("“It was an attempt to mislead voters,’’ Will Moy said").
_DOUBLE_APOSTROPHES = ("’’", "''")
_OPENING = re.compile("[“\"«‘„']")
# British house style quotes in straight single marks ('No remorse,' said Ms Ward), which are also apostrophes: an
# opening one stands before a word after a space or an opening bracket or dash, and is not an elision ('90s, 'em).
_SINGLE_OPENS_AFTER = " \t\n([—–-“\""
_ELISION = re.compile(r"'(?:\d0s|\d\d\b|em\b|til\b|cause\b|n'|n\b|bout\b|tis\b|twas\b)", re.IGNORECASE)
# A mark with no closing one runs to the paragraph end (the next paragraph goes on with the quotation) only over a
# paragraph's worth of words; further, it is a stray mark, not a quotation of the rest of a run-together page.
MAX_UNCLOSED_WORDS = 150
_INNER_EDGE_CHARS = " \t\n,"


@dataclass
class QuoteSpan:
    """Quoted words in a paragraph: the words' span, and the span with its marks (an unclosed quotation
    runs to the paragraph end, where the next paragraph continues it)."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def quote_id(doc_id: str, kind: str, start: int, end: int) -> str:
    return hashlib.sha1(f"{doc_id}|{kind}|{start}|{end}".encode()).hexdigest()[:16]


def _single_quote_end(text: str, i: int) -> int | None:
    """Closing ’ of a headline-style ‘quote’: one not followed by a letter (so not an apostrophe)."""
    for j in range(i + 1, len(text)):
        if text[j] == "’" and (j + 1 == len(text) or not text[j + 1].isalpha()):
            return j
    return None


def _straight_single_end(text: str, i: int) -> int | None:
    """Closing ' of a quotation opened by a straight ' at text[i]: the first mark after a non-space and before no
    letter; a plural possessive (the members' money) is passed over while a later mark can close (``'the members'
    money,' he said``). An opening at the paragraph start runs to its end when nothing closes it (the next paragraph
    goes on with the quotation); elsewhere a mark closed by nothing is an apostrophe."""
    if not (i == 0 or text[i - 1] in _SINGLE_OPENS_AFTER) or _ELISION.match(text, i):
        return None
    if i + 1 >= len(text) or not (text[i + 1].isalnum() or text[i + 1] in "‘“\"("):
        return None
    possessive = None
    for j in range(i + 2, len(text)):
        if text[j] != "'" or text[j - 1].isspace() or (j + 1 < len(text) and text[j + 1].isalnum()):
            continue
        if text[j - 1] in "sS" and text[j + 1 : j + 3][:1] == " " and text[j + 2 : j + 3].isalnum():
            possessive = possessive if possessive is not None else j
            continue
        return j
    if possessive is not None:
        return possessive
    return len(text) if i == 0 and len(text[i + 1:].split()) <= MAX_UNCLOSED_WORDS else None


def _closing(text: str, i: int, goes_on: bool = False) -> int | None:
    """Index of the mark closing the quotation opened at text[i]; len(text) when it runs to the paragraph end;
    None when text[i] opens nothing (an apostrophe-like ‘ with no closing ’, a closing mark, a stray mark).
    goes_on: the next paragraph opens with a ‘ too (see _goes_on)."""
    ch = text[i]
    if ch in "“\"" and i > 0 and text[i - 1].isalnum():
        return None  # closes something (Vivy“, a 70" screen): a quotation opens after a space or punctuation
    if ch in _CLOSERS:
        closes = [j for j in (text.find(c, i + 1) for c in (*_CLOSERS[ch], *_DOUBLE_APOSTROPHES)) if j >= 0]
        if closes:
            return min(closes)
        return len(text) if len(text[i + 1:].split()) <= MAX_UNCLOSED_WORDS else None
    if ch == "'":
        return _straight_single_end(text, i)
    if i == 0 or not text[i - 1].isalnum():
        close = _single_quote_end(text, i)
        if close is None and i == 0 and goes_on and len(text[i + 1:].split()) <= MAX_UNCLOSED_WORDS:
            return len(text)  # a quoted paragraph left open, as the convention has it, for the next to go on
        return close
    return None


_NEXT_GOES_ON = re.compile(r"\s*‘")  # matched at a paragraph's end, not over a copy of the rest of the body


def _goes_on(body: str, pend: int) -> bool:
    """The paragraph after the one ending at pend opens with a curly ‘: British style's run of quoted paragraphs,
    each left open but the last ("‘I am not trying to ban the bells. ... / ‘Some of the messages ...’"). A ‘ that
    opens a paragraph and closes nowhere in it is that run's opening only when the next paragraph goes on so; alone,
    it may be an apostrophe."""
    return _NEXT_GOES_ON.match(body, pend) is not None


def find_quote_spans(body: str, para: tuple[int, int]) -> list[QuoteSpan]:
    """Quoted stretches of one paragraph; an opening mark with no closing one runs to the paragraph end."""
    pstart, pend = para
    text = body[pstart:pend]
    spans, i = [], 0
    while (mark := _OPENING.search(text, i)) is not None:
        i = mark.start()
        close = _closing(text, i, goes_on=i == 0 and text[0] == "‘" and _goes_on(body, pend))
        if close is None:
            i += 1
            continue
        inner = text[i + 1 : close]
        stripped = inner.strip(_INNER_EDGE_CHARS)
        if stripped:
            s = pstart + i + 1 + len(inner) - len(inner.lstrip(_INNER_EDGE_CHARS))
            close += text.startswith(_DOUBLE_APOSTROPHES, close)  # the mark is both apostrophes
            spans.append(QuoteSpan(s, s + len(stripped), pstart + i, pstart + min(close + 1, len(text))))
        i = close + 1
    return spans


def _inside(char: int, spans: list[QuoteSpan]) -> bool:
    return any(q.outer_start <= char < q.outer_end for q in spans)


def _trailing_attribution(ctx: DocContext, q: QuoteSpan, spans, lex: Lexicon):
    """`“...,” Kremlin spokesman Dmitry Peskov said` / `“...,” said Peskov` / `“...,” according to X`."""
    para_end = ctx.paragraph_of(q.outer_start)[1]
    after = ctx.body[q.outer_end : para_end]
    nxt = [s.outer_start for s in spans if s.outer_start >= q.outer_end]
    if nxt:
        after = after[: nxt[0] - q.outer_end]
    base = q.outer_end
    skip = _participle_of_the_quote(ctx, q, after)
    if skip:  # "“... the little deal” announced in October, said Derek Scissors": the attribution follows
        base, after = base + skip, after[skip:]
    match = _trailing_pattern(lex).match(after)
    if not match or after[match.end() :].lstrip().startswith(":"):
        return None  # "Smith agreed: “...”" introduces the quote after it, not the one before
    group = "seg1" if match.group("seg1") else "seg2"
    cue_group = "cue1" if group == "seg1" else "cue2"
    if group == "seg2" and match.group("cue2").lower().startswith("according"):
        return None  # "“businesses” across the platforms, according to the company": the source follows the cue
    s, e = base + match.start(group), base + match.end(group)
    cue_start = base + match.start(cue_group)
    if len(ctx.body[s:e].split()) > 25:
        return None
    # The cue must belong to the sentence the quote ends (or one starting right at its closing mark).
    if ctx.sentence_at(cue_start).start_char > q.outer_end + 2:
        return None
    # The parser's subject beats the text between quote and cue ("Benioff weighed in, telling ...",
    # "said U.S. Attorney Nealy Cox"): the regex only finds the cue.
    cue = ctx.sdoc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
    if cue is None or not len(cue) or not cue[0].tag_.startswith(("VB", "MD")):
        return None  # "“not bothered” by reports about ...": a noun, not a reporting verb
    new_sentence = ctx.sentence_at(cue_start).start_char > ctx.sentence_at(max(q.end - 1, q.start)).start_char
    if new_sentence and nxt and ctx.sentence_at(nxt[0]).start_char == ctx.sentence_at(cue_start).start_char:
        return None  # "“...” But either way, Ford’s father told Starner that “...”": the cue leads the next quote
    if new_sentence and _holds_other_quoted_words(ctx, q, cue_start):
        return None  # "“Stay till the end.” Supporters around the man began to chant “Out! Out!”": a chant's verb
    if _not_its_report(cue[0], q):
        return None  # the verb after the quote says something else, by someone else or of the quoted words
    subject = subject_span(cue[0]) or _inverted_subject(cue[0])
    if group == "seg1" and not (subject and subject[0] == s) \
            and inverted_cue_before_a_description(ctx, q, cue_start, s):
        return s, e, match.group(cue_group).lower()  # "“...,” whispers one woman in the second row, who ...": hers
    if subject and subject[0] >= q.outer_end and not _inside(subject[0], spans):
        s, e = subject
    elif ctx.sentence_at(cue_start).start_char > ctx.sentence_at(max(q.end - 1, q.start)).start_char:
        return None  # a new sentence names its speaker as its subject, or not at all
    elif _no_one_between(ctx, s, e):
        return None
    return s, e, match.group(cue_group).lower()


def _not_its_report(cue, q: QuoteSpan) -> bool:
    """The verb after the quote does not report it: its own subject stands before the quote, which sits inside that
    subject's phrase ("The chain, which advertises itself with the line “...,” said the server had been set up by ...",
    "Regulars, who call the market ‘...’, say it is the busiest day": the words after the verb are what was said, a
    clause, not who said it), or it heads a relative clause on the quoted words ("a £500 “goodwill payment,” which
    several of them have said they will give to charity": a clause about the thing the words name). Subject and
    clause are the parse's, so no wording is listed."""
    if cue.dep_ == "relcl" and q.start <= cue.head.idx < q.end:
        # opened by a relative word right after the marks: not a "Maley said" the parse hung on a noun inside them
        opener = next((t for t in cue.doc[cue.head.i + 1 : cue.i] if t.idx >= q.outer_end and not t.is_punct), None)
        return opener is not None and opener.tag_ in ("WDT", "WP")
    return any(c.dep_ in SUBJECT_DEPS and c.idx < q.outer_start for c in cue.children)


def _holds_other_quoted_words(ctx: DocContext, q: QuoteSpan, cue_start: int) -> bool:
    """The sentence of the cue holds quoted words of its own, of any kind (a chant, a title): its verb is theirs."""
    sent = ctx.sentence_at(cue_start)
    return any(sent.start_char <= s < sent.end_char and s >= q.outer_end for s, _ in ctx.quoted)


def _no_one_between(ctx: DocContext, s: int, e: int) -> bool:
    """The words taken for the speaker, between the quote and its cue, are only verbs and adverbs ("the planners —
    rumoured to have charged a “deposit the size of a small house” — are saying nothing": not "are")."""
    words = ctx.sdoc.char_span(s, e, alignment_mode="expand")
    return words is not None and all(t.is_punct or t.tag_.startswith(("VB", "MD", "RB")) for t in words)


def _inverted_subject(cue) -> tuple[int, int] | None:
    """"Sondland was known for telling others “...” despite ..., said another witness in the probe, former adviser
    Fiona Hill": a reporting verb after the clause it reports, with no subject, has the noun phrase after it as its
    subject whatever the parse called it (here an object); "told" takes the hearer there, so it is never inverted."""
    if cue.lower_ in ("tell", "tells", "told", "telling") or not any(c.dep_ == "ccomp" and c.i < cue.i
                                                                       for c in cue.children):
        return None
    after = [c for c in cue.children if c.dep_ in ("dobj", "attr", "npadvmod") and c.i > cue.i]
    if not after:
        return None
    obj = after[0]
    return obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)


def _participle_of_the_quote(ctx: DocContext, q: QuoteSpan, after: str) -> int:
    """Length of "announced in October," when the quote runs straight into a participle that modifies the quoted
    words and a comma follows; 0 otherwise."""
    lead = len(after) - len(after.lstrip(" "))
    if not lead or not after[lead:lead + 1].islower():
        return 0
    tok = ctx.sdoc.char_span(q.outer_end + lead, q.outer_end + lead + 1, alignment_mode="expand")
    comma = after.find(",", lead)
    if tok is None or not len(tok) or comma < 0 or "." in after[lead:comma]:
        return 0
    return comma + 1 if tok[0].tag_ == "VBN" and tok[0].dep_ in ("acl", "amod", "relcl") else 0


@cache
def _trailing_pattern(lex: Lexicon) -> re.Pattern:
    return re.compile(
        rf"^[\s,;:—–-]*(?:as\s+)?(?:(?P<cue1>{lex.cue_re})\s+(?P<seg1>[^,;:\n]{{1,150}}?)(?=\s*(?:[,.;:!?]|$))"
        rf"|(?P<seg2>[^\n]{{1,200}}?)\s+(?P<cue2>{lex.cue_after_subject_re}))(?![\w-])",
        re.I,
    )


def _leading_attribution(ctx: DocContext, q: QuoteSpan, spans, lex: Lexicon):
    """`Peskov said: “...”` / `Putin pledged last week to “expand ...”`: the nearest cue before, same sentence."""
    sent = _sentence_before_quote(ctx, q)
    cues = [t for t in sent if t.idx < q.outer_start and t.lower_ in lex.cues and not _inside(t.idx, spans)
            and not _plain_noun(t) and not _describes_a_noun(t, q) and not _topic_of(ctx, t, q)
            and not _passive(t) and not _names_another_quote(ctx, t, q, lex) and not _when_asked(t, lex)]
    introducing = _introducing_verb(ctx, q, lex)
    if introducing is not None and introducing not in cues:
        cues.append(introducing)
    calling = _calling_after_a_comma(sent, q, lex) or _found_to_be(sent, q)
    if calling is not None and calling not in cues:
        cues.append(calling)
    if not cues:
        # "according to X", "in the words of the patient: “...”"
        phrase = re.search(r"(?:according to|in the words of)\s+(?P<seg>[^,.;:“”\"]{1,80})",
                           ctx.body[sent.start_char : q.outer_start], re.I)
        if phrase:
            return sent.start_char + phrase.start("seg"), sent.start_char + phrase.end("seg"), "according to"
        put = _AS_X_PUT_IT.search(ctx.body, sent.start_char, q.outer_start)  # "As Dolores put it, “...”"
        if put and not _inside(put.start(), spans):
            return put.start("seg"), put.end("seg"), "put it"
        return _source_of_words(ctx, sent.start_char, q, lex) or _owner_of_words(ctx, sent.start_char, q, lex) \
            or _characterised_as(ctx, q, lex)
    cue = _outermost_report(ctx, cues, q, lex)
    span = _nearer_clause_subject(ctx, cue) or subject_span(cue) or _possessive_root_subject(cue) \
        or issuer_of_the_text(cue, lex.speech_nouns | lex.written_texts, lex.raw["speech"]["issuing_verbs"]) \
        or _subject_of_participle_between_commas(cue) \
        or _controller(ctx, cue) or _act_before(ctx, cue) \
        or _name_before(ctx, cue) or _fronted_apposition(cue) or _phrase_before(cue)
    if span is None:
        return None
    return span[0], span[1], cue.lower_


def _fronted_apposition(cue) -> tuple[int, int] | None:
    """"From the gallery, a man who did not give his name shouted:": the parse gave the verb no subject and hung the
    subject on the fronted place phrase before it, in apposition ("gallery" -> "man"); that noun, with its relative
    clause, is the verb's subject, not the last noun before the verb ("his name")."""
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.i < cue.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            appos = next((c for c in obj.children if c.dep_ == "appos" and c.tag_.startswith("NN")), None)
            if appos is not None:
                end = appos.right_edge
                return appos.left_edge.idx, end.idx + len(end)
    return None


# "As Dolores put it at the close of the meeting, “...”", "as the festival's bulletin put it, “...”": the subject of
# an "as ... put it" clause is whose words the sentence quotes ("put" alone is no reporting verb: "as she put it away").
_AS_X_PUT_IT = re.compile(r"\b[Aa]s\s+(?P<seg>[^,.;:“”\"]{1,60}?)\s+(?:(?:once|so|later|memorably|herself|himself)\s+)?"
                          r"(?:put|puts|phrased|phrases)\s+it\b(?!\s+(?:away|down|on|back|in|into|out|up|off|aside)\b)")


def _names_another_quote(ctx: DocContext, cue, q: QuoteSpan, lex: Lexicon) -> bool:
    """"The clause - which tenants' groups have long called the “vanishing deposit” clause - allowed ... for
    “administrative reassessment”": a naming verb whose own object holds an earlier quote names that one; it says
    nothing of a quote later in the sentence, outside its phrase."""
    if cue.lower_ not in lex.naming_verbs:
        return False
    end = cue.right_edge.idx + len(cue.right_edge)
    # ("called the show “a love letter” and thanked “every model ...”": the later quote within the verb's own
    # phrase, through a conjunct, is still the subject's)
    return end <= q.outer_start and any(cue.idx < s and e <= end + 1 for s, e in ctx.quoted)


def _calling_after_a_comma(sent, q: QuoteSpan, lex: Lexicon):
    """"Sen. Wendell Ashby did so again last week, calling the rule “the cooling saucer that keeps ...”": a participle
    of a naming verb set off by a comma after the main clause reports what the clause's subject said, as "called"
    does. Not a naming habit ("Parents later took to calling the building “the cardboard gym”"), where the verb
    hangs on another verb with no comma: a nickname, not words said."""
    for tok in sent:
        if tok.idx >= q.outer_start:
            return None
        if tok.lower_ in lex.naming_verbs and tok.tag_ == "VBG" and tok.dep_ == "advcl" and tok.i > sent.start \
                and tok.nbor(-1).text == ",":
            return tok
    return None


_FOUND = ("found", "finds")


def _found_to_be(sent, q: QuoteSpan):
    """"Mr. Quaile, whose firm has looked after the clock since 1952, found the problem was “nothing a bit of oil and
    a new pallet couldn't fix.”": what a tradesman, inspector or study found a thing to be, in a clause the quoted
    words complete, is given in their words. Not "found themselves blindsided by “...”" (no clause of a finding) nor
    a finding in a sentence after the quote."""
    for tok in sent:
        if tok.idx >= q.outer_start:
            return None
        if tok.lower_ in _FOUND and tok.tag_ in ("VBD", "VBZ"):
            for clause in (c for c in tok.children if c.dep_ == "ccomp" and c.tag_ != "VBN"):
                subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects and not subjects[0].lower_.endswith(("self", "selves")) \
                        and any(q.start <= t.idx < q.end for t in clause.subtree):
                    return tok
    return None


def _when_asked(cue, lex: Lexicon) -> bool:
    """"as Sen. Carla Dunmore told me when I asked her about the book, that “...”": a question put in a "when" clause
    under another verb is the occasion of the answer, not the report of the quoted words: the asker does not say them."""
    return cue.lower_ in lex.ask_verbs and cue.dep_ == "advcl" and any(
        c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in cue.children)


def _passive(cue) -> bool:
    """"a dust sensor, which is now pointed “more or less where we wanted it”": a passive form reports nothing its
    subject said (the sentence's own reporting verb, "said", does)."""
    return any(c.dep_ == "auxpass" for c in cue.children)


# Prepositions whose gerund takes the subject of the clause it modifies ("After previously lying that ..., he",
# "are reduced to lecturing the nation that").
_CONTROLLING_PREPOSITIONS = ("to", "after", "before", "while", "since", "upon", "by", "without", "when", "in")
_CONTROL_STEPS = 4


def _controller(ctx: DocContext, cue) -> tuple[int, int] | None:
    """The subject of a verb of speech that has none of its own: the subject that controls it, up the chain of
    conjuncts, complements and adverbial gerunds that the parse hangs it on ("the crowd gets repelled and begins
    yelling", "the collective public will fall ..., cover its ears, and scream", "inquisitors are reduced to
    lecturing", "After previously lying that ..., he"). A passive's subject controls too, a word with a subject is
    a verb whatever its tag ("the people shrug and think"), and a subject inside the quotation is skipped. A reported
    clause (ccomp) or a relative clause is someone else's: the climb stops there."""
    tok = cue
    for _ in range(_CONTROL_STEPS):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not ctx.in_quote(c.idx)]
        if subjects and tok is not cue:
            sub = subjects[-1]  # the nearest: "the more chaos ..., the more the collective public will fall"
            return sub.left_edge.idx, sub.right_edge.idx + len(sub.right_edge)
        if tok.dep_ in ("conj", "xcomp", "dep", "advcl") and tok.head is not tok:
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.lower_ in _CONTROLLING_PREPOSITIONS and tok.head.head is not tok.head:
            tok = tok.head.head
        else:
            return None
    return None


def _introducing_verb(ctx: DocContext, q: QuoteSpan, lex: Lexicon):
    """"the more the people shrug and think, “Enough already, just vote.”": a verb of thought or voice
    (lex.introducing_verbs, no reporting verb elsewhere: "I think “X” is a scam") that runs into the quotation
    through a comma or a colon, with the quoted words as its complement in the parse, introduces them."""
    mark = ctx.sdoc.char_span(q.outer_start, q.outer_start + 1, alignment_mode="expand")
    if mark is None or not len(mark) or mark[0].i < 2:
        return None
    comma, verb = mark[0].nbor(-1), mark[0].nbor(-2)
    if comma.text not in (",", ":") or not verb.tag_.startswith("VB") or verb.lower_ not in lex.introducing_verbs:
        return None
    inner = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    root = inner.root
    return verb if root.head.i == verb.i and root.dep_ in ("ccomp", "xcomp", "dobj", "dep", "parataxis") else None


_TOPIC_PREPOSITIONS = ("about", "regarding", "concerning")


def _topic_of(ctx: DocContext, cue, q: QuoteSpan) -> bool:
    """"Schiff has already lied about his staff’s prior contacts with the “whistleblower,”": words inside what the
    speech was about are not the words said."""
    mark = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if mark is None or not len(mark):
        return False
    tok = mark.root
    for _ in range(8):
        if tok.i == cue.i or tok.head is tok:
            return False
        if tok.dep_ == "prep" and tok.lower_ in _TOPIC_PREPOSITIONS and tok.head.i == cue.i \
                and not q.start <= tok.idx < q.end:  # "interrupted: “What about the wall?”" asks, in its own words
            return True
        tok = tok.head
    return False


def _describes_a_noun(cue, q: QuoteSpan) -> bool:
    """"Martha added that ... the letter Mike wrote was “kind and loving.”": a reporting verb in a relative clause
    that ends before the quote tells which thing is meant, not who says the quoted words."""
    edge = cue.right_edge
    return cue.dep_ == "relcl" and edge.idx + len(edge) <= q.outer_start


def _characterised_as(ctx: DocContext, q: QuoteSpan, lex: Lexicon):
    """"Benioff introduced Cook to the audience as “someone who has redefined ...”", "hailed the deal as “...”": a
    verb that presents (lex.characterising_verbs) an object, then "as" and the quoted words, is its subject
    characterising the object in those words; a verb of opinion ("which Apple views as “...”") is not speaking."""
    mark = ctx.sdoc.char_span(q.outer_start, q.outer_start + 1, alignment_mode="expand")
    if mark is None or not len(mark) or mark[0].i == 0:
        return None
    before = mark[0].nbor(-1)
    verb = before.head
    for _ in range(2):  # "billed this year's fair as", "tipped her in its preview as": the parse may hang "as" on
        if verb.dep_ in ("dobj", "pobj") and verb.head.head is not verb.head:  # the object; its verb presents it
            verb = verb.head if verb.dep_ == "dobj" else verb.head.head
    if before.lower_ != "as" or before.dep_ != "prep" or verb.lower_ not in lex.characterising_verbs or not any(
            c.dep_ in ("dobj", "prep") and c.i < before.i for c in verb.children):
        return None
    span = subject_span(verb, climb=("conj",))
    return (span[0], span[1], verb.lower_) if span and not ctx.in_quote(span[0]) else None


def _source_of_words(ctx: DocContext, start: int, q: QuoteSpan, lex: Lexicon):
    """"directives from Xi to “show absolutely no mercy”", "a statement by the ministry calling it “...”": the
    person or body a noun of speech comes from, named last before the quote in its sentence. Read like "according
    to": the source of the words, not a verb's subject."""
    for m in reversed(ctx.mentions_in(start, q.outer_start)):
        if m.type in ("PERSON", "ORG") and not ctx.in_quote(m.start) and \
                lex.speech_noun_from_re.search(ctx.body[max(start, m.start - 60) : m.start]):
            return m.start, m.end, "according to"
    return None


_REPLIES = ("reply", "answer", "response", "retort", "riposte", "comeback")


def _owner_of_words(ctx: DocContext, start: int, q: QuoteSpan, lex: Lexicon):
    """"Vosper's answer — “Then you should have left earlier” — got a laugh": words set right after a noun of
    speech owned by someone named are that one's, as "according to" ("the Vosper answer" names no owner)."""
    nouns = sorted(lex.speech_nouns | set(_REPLIES), key=len, reverse=True)
    owned = re.search(rf"[’']s\s+(?:[\w-]+\s+){{0,2}}(?:{'|'.join(map(re.escape, nouns))})\s*(?:[—–:,]|--)?\s*$",
                      ctx.body[start : q.outer_start], re.I)
    if owned is None:
        return None
    for m in ctx.mentions_in(start, start + owned.start()):
        if m.end == start + owned.start() and m.type in ("PERSON", "ORG") and not ctx.in_quote(m.start):
            return m.start, m.end, "according to"
    return None


def _plain_noun(tok) -> bool:
    """"in United States “farm country”", "his claim that ...": a name or a noun with its determiner, not a verb
    ("Safadi warning of “...”" stays a cue whatever its tag). A participle that describes a text is no verb either:
    "said in a written answer to the Echo that ...": the one who said is the speaker, not the "written"."""
    return tok.tag_.startswith("NNP") or (tok.tag_.startswith("NN") and any(c.dep_ in ("det", "poss") for c in tok.children)) \
        or (tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.i == tok.i + 1)


def _outermost_report(ctx: DocContext, cues: list, q: QuoteSpan, lex: Lexicon):
    """"Pompeo said that Washington had concluded the settlements were “...”": a report by a government or a body
    inside a person's clause is that person's account, so the words are theirs; a person's report inside
    another's ("he was told that Obama had confirmed ... “space”") keeps its own speaker, and so does a group's
    line that the verb itself introduces ("Park believes that ... the collective public will ... scream, “...”")."""
    cue = cues[-1]
    inner = subject_span(cue)
    if inner is not None and _told_by_a_thing(ctx, cue, inner, q, lex):  # "the record told “the real story”"
        outer = next((o for o in reversed(cues[:-1]) if o.tag_.startswith("VB") and _reported_by(cue, o)
                      and not _says_nothing(ctx, o, lex)), None)
        if outer is not None:
            return outer
    if inner is None or any(m.type == "PERSON" for m in ctx.mentions_in(*inner)) \
            or ctx.body[inner[0] : inner[1]].lower() in lex.person_pronouns \
            or (_completes(cue, q) and not _a_body(ctx, inner, lex)):
        return cue
    for outer in cues[:-1]:
        if outer.tag_.startswith("VB") and cue.tag_.startswith("VB") and _reported_by(cue, outer) \
                and not _says_nothing(ctx, outer, lex):
            return outer
    return cue


_TELL = ("told", "tells", "tell", "telling")


def _told_by_a_thing(ctx: DocContext, cue, inner: tuple[int, int], q: QuoteSpan, lex: Lexicon) -> bool:
    """"Benita Farr said the candidate's business record told “the real story.”": a thing that "tells" a story (a
    record, the numbers, a map) tells no one anything: a figure of speech inside a person's report, whose words the
    quoted ones are. Only "tell" with the quote as its object and no one told, and a subject naming no person,
    body or place, whose head is no word for a person, group or body of the lexicon ("the pilot told him “...”",
    "the ministry told ..." keep their own speaker)."""
    if cue.lower_ not in _TELL or any(c.dep_ in ("dative", "iobj") for c in cue.children):
        return False
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if not objects or not all(q.start <= o.idx < q.end for o in objects):
        return False
    words = re.findall(r"[\w’'-]+", ctx.body[inner[0] : inner[1]].lower())
    if not words or ctx.mentions_in(*inner) and any(m.type in ("PERSON", "ORG", "GPE", "NORP")
                                                    for m in ctx.mentions_in(*inner)):
        return False
    head = words[-1]
    people = lex.anonymous_nouns | lex.person_heads | lex.collective_nouns | lex.org_anaphors \
        | set(lex.gender_words) | set(lex.raw["names"]["titles"]) | set(lex.raw["speech"]["passers_by"]) \
        | set(lex.raw["speech"]["org_kinds"]) | set(lex.raw["speech"]["vague_subjects"])
    return head not in people and head.rstrip("s") not in people


def _completes(cue, q: QuoteSpan) -> bool:
    """The quotation lies inside the verb's own clause (its words are what the verb reports)."""
    return any(t.idx >= q.outer_start for t in cue.subtree if t.idx < q.outer_end)


def _a_body(ctx: DocContext, span: tuple[int, int], lex: Lexicon) -> bool:
    """A government or a body names the subject ("Washington", "the ministry"), not people at large ("the more the
    voters shrug and think, “...”" inside "Park believes that" is the voters' line)."""
    words = re.findall(r"[\w’'-]+", ctx.body[span[0] : span[1]].lower())
    return any(m.type in ("ORG", "GPE", "NORP") for m in ctx.mentions_in(*span)) or (
        bool(words) and words[-1] in lex.org_anaphors)


def _says_nothing(ctx: DocContext, cue, lex: Lexicon) -> bool:
    """"That said, the DEA says that ...": a cue whose subject is a bare "that" or "it" is a turn of phrase."""
    subject = subject_span(cue)
    return subject is not None and ctx.body[subject[0] : subject[1]].lower() in lex.vague_subjects


def _reported_by(tok, outer) -> bool:
    """tok heads a clause (or a conjunct of one) that outer reports: ccomp links all the way up."""
    while tok.i != outer.i:
        if tok.dep_ not in ("ccomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _sentence_before_quote(ctx: DocContext, q: QuoteSpan):
    """The quote's sentence, from the start of the one before when the parser split them at the opening mark
    though no sentence ends there ("a study ... concluded that, using standard methods, | “the full ...”")."""
    sent = ctx.sentence_at(q.outer_start)
    para_start = ctx.paragraph_of(q.outer_start)[0]
    lead = ctx.body[para_start : q.outer_start].rstrip()
    if ctx.body[sent.start_char : q.outer_start].strip() or not lead or lead[-1] in ".!?:;”\"’'":
        return sent
    before = ctx.sentence_at(sent.start_char - 1)
    return ctx.sdoc[before.start : sent.end] if before.start_char >= para_start else sent


def _nearer_clause_subject(ctx: DocContext, cue) -> tuple[int, int] | None:
    """"The moment came an hour in, when Rosa Delacroix turned to the mayor and said: “...”": the parse joins "and
    said" to the main verb across the "when" clause that ends right before it; the one who speaks is that
    clause's subject, the nearer one."""
    if cue.dep_ != "conj":
        return None
    # "ended after 40 minutes when an aide stepped to the lectern and said:": the "when" clause hung on a noun
    when = [t.head for t in cue.doc[cue.head.i + 1 : cue.i] if t.lower_ in ("when", "as") and t.dep_ == "advmod"
            and t.head.dep_ == "relcl" and t.head.i < cue.i]
    for clause in [*(c for c in cue.head.children if c.dep_ == "advcl" and c.i < cue.i), *when]:
        between = cue.doc[clause.right_edge.i + 1 : cue.i]
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and not ctx.in_quote(c.idx)]
        if clause.i > cue.head.i and subjects and len(between) and all(t.is_punct or t.dep_ == "cc" for t in between):
            return subjects[0].left_edge.idx, subjects[0].right_edge.idx + len(subjects[0].right_edge)
    return None


def _act_before(ctx: DocContext, cue) -> tuple[int, int] | None:
    """"Mrs Pengelly read the inscription aloud, then said: “...”": the parse hangs the first of two acts in a row
    under the second ("then"), leaving the verb of speech no subject; whoever did the first act speaks."""
    if not any(c.dep_ == "advmod" and c.lower_ == "then" for c in cue.children):
        return None
    for clause in (c for c in cue.children if c.dep_ in ("ccomp", "advcl") and c.i < cue.i):
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and not ctx.in_quote(c.idx)]
        if subjects:
            return subjects[0].left_edge.idx, subjects[0].right_edge.idx + len(subjects[0].right_edge)
    return None


def _phrase_before(cue) -> tuple[int, int] | None:
    """"a 2019 study by the Centre ..., a London-based think tank, concluded that": when the parse hangs the noun
    phrase written right before the verb elsewhere (here on "As we've noted"), that phrase is its subject."""
    tok = cue.nbor(-1) if cue.i > cue.sent.start else None
    while tok is not None and tok.is_punct and tok.i > cue.sent.start:
        tok = tok.nbor(-1)
    if tok is None or not tok.tag_.startswith(("NN", "PRP")) or tok.ent_type_ in ("DATE", "TIME"):
        return None  # "sent a letter last week stating ...": a time is not who speaks
    while tok.dep_ in ("appos", "pobj", "prep", "compound", "conj") and tok.head.i < cue.i:
        tok = tok.head
    if not tok.tag_.startswith(("NN", "PRP")) or tok.right_edge.i >= cue.i:
        return None
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def _subject_of_participle_between_commas(cue) -> tuple[int, int] | None:
    """"Press secretary Karine Jean-Pierre, asked about the report, told reporters:": the parse read the participle
    set off by commas as a finite verb with the name as its subject, and left the reporting verb after it without
    one. The name is the subject of both: the clause sits between a comma after the name and a comma before the verb."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    for clause in (c for c in cue.children if c.dep_ in ("ccomp", "advcl", "dep") and c.i < cue.i):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i), None)
        if subject is None or clause.i - subject.i != 2 or clause.doc[clause.i - 1].text != ",":
            continue
        if clause.doc[cue.i - 1].text == "," and clause.right_edge.i in (cue.i - 1, cue.i - 2):
            return subject.left_edge.idx, subject.idx + len(subject)
    return None


def _possessive_root_subject(cue) -> tuple[int, int] | None:
    """"The island's civil protection chief, Comandante Teodoro Raposo, told local radio ...": the parse made the
    possessive "'s" the root, with "the island" its subject and the title its object, and hung the reporting verb on
    it as a conjunct. The verb's subject is the whole phrase up to the name in apposition to that title."""
    root = cue.head
    if cue.dep_ != "conj" or root.tag_ != "POS" or root.dep_ != "ROOT" or root.i > cue.i:
        return None
    title = next((c for c in root.children if c.dep_ == "dobj" and c.i < cue.i), None)
    name = next((c for c in title.children if c.dep_ == "appos"), None) if title is not None else None
    return (root.left_edge.idx, name.idx + len(name)) if name is not None else None


def _name_before(ctx: DocContext, cue) -> tuple[int, int] | None:
    """"In an interview with CNN's Anderson Cooper, Melania Trump said": when the parse gives the verb no
    subject (it hung the name on the interviewer), the name written right before the verb is its subject."""
    for m in reversed(ctx.mentions):
        if m.end <= cue.idx:
            span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
            verb = name_as_adverb(span.root) if span is not None and len(span) else None
            adverb = verb is not None and verb.i == cue.i
            # "..., Comandante Teodoro Raposo, told local radio": a name set off in commas right before the verb,
            # which the parse cut from it (a sentence of its own, or the verb hung on a possessive made the root)
            between = ctx.body[m.end : cue.idx].strip()
            appositive = between == "," and ctx.body[max(m.start - 2, 0) : m.start].strip().endswith(",")
            return (m.start, m.end) if adverb or not between or appositive else None
    return None


def _attribute(ctx: DocContext, q: QuoteSpan, spans, lex: Lexicon):
    """Attribution span and cue for one quote, trying the side news style makes most likely first."""
    sent = ctx.sentence_at(q.outer_start)
    starts_sentence = not ctx.body[sent.start_char : q.outer_start].strip()
    order = (_trailing_attribution, _leading_attribution) if starts_sentence else (_leading_attribution, _trailing_attribution)
    for finder in order:
        found = finder(ctx, q, spans, lex)
        if found:
            return found
    return None


def direct_quotes(ctx: DocContext, lex: Lexicon) -> list[Quote]:
    """Every quoted stretch, as speech with its speaker or as a title, slogan or scare quote.

    Speakers come first from the quote's own sentence (a reporting verb's subject, "according to", a round-up
    source), then from the story around it (story_speakers): each row says which rule in speaker_basis.
    """
    all_spans = [find_quote_spans(ctx.body, para) for para in ctx.paragraphs]
    ctx.quoted = [(q.outer_start, q.outer_end) for spans in all_spans for q in spans]
    kinds = [[named_kind(ctx, q, spans, lex) for q in spans] for spans in all_spans]
    listed_with_slogans(ctx, all_spans, kinds)
    _same_words_same_kind(ctx, all_spans, kinds)
    # what no rule of phrasing names, the structure may still show to be a mention of words (mentioned_words)
    mentioned = [[None if kind else mention_of_words(ctx, q, lex) for q, kind in zip(spans, span_kinds)]
                 for spans, span_kinds in zip(all_spans, kinds)]
    paragraphs = []
    for spans, span_kinds, span_mentioned in zip(all_spans, kinds, mentioned):
        found = [Found(q, kind=m.kind, why=m.why) if m else Found(q, kind=kind)
                 for q, kind, m in zip(spans, span_kinds, span_mentioned)]
        speech = [f.q for f in found if f.kind is None]  # a title between quote and cue does not stop the cue
        for k, f in enumerate(found):
            if f.kind is None:
                # a title quoted in a round-up head ("Pete Sandoval, on his podcast “Binge Theory”: “...”") leaves
                # the first words said still the first of the paragraph
                _attribute_own(ctx, f, speech, all(g.kind is not None for g in found[:k]), lex)
                _same_speaker_goes_on(ctx, found, k, lex)
                _reply_is_not_the_askers(ctx, f, lex)
        paragraphs.append(found)
    inherit(ctx, paragraphs, lex, from_plain_paragraph=False)
    named_after(ctx, paragraphs, lex)
    echoed(ctx, paragraphs, lex)
    inherit(ctx, paragraphs, lex, from_plain_paragraph=True)
    if _organisation_goes_on(ctx, paragraphs, lex):  # its quotes continue in the paragraphs after
        inherit(ctx, paragraphs, lex, from_plain_paragraph=True)
    call_and_response(ctx, paragraphs, lex)
    replies_in_an_exchange(ctx, paragraphs, lex)
    read_turns(ctx, paragraphs, lex)
    return [_to_quote(ctx, f, lex) for found in paragraphs for f in found]


def _attribute_own(ctx: DocContext, f: Found, spans, first: bool, lex: Lexicon) -> None:
    """The attribution in the quote's own sentence or paragraph layout: round-up source, verb subject, according to."""
    speaker = signer_of_the_words(ctx, f.q, lex) or text_line(ctx, f.q, lex) or roundup(ctx, f.q, first, lex) or writer_of_read_out(ctx, f.q, lex) or agent_of_words_put(ctx, f.q, lex) \
        or crowds_answer(ctx, f.q, lex) or came_from(ctx, f.q, lex)
    voice = voice_given_as_a_noun(ctx, f.q, lex) if speaker is None else None
    if voice is not None:  # "came a shout of “...”": a voice no one names (unnamed_voices)
        speaker = Speaker(name=ctx.body[voice[0] : voice[1]], basis="voice", start=voice[0], end=voice[1], unnamed=True)
    if speaker is not None:
        f.speaker = speaker
        return
    hit = _attribute(ctx, f.q, spans, lex)
    if hit:
        f.cue = hit[2]
        speaker = crowd_named(ctx, hit[0], hit[1], lex) or writer_of_the_text(ctx, hit[0], hit[1], lex) \
            or text_as_subject(ctx, hit[0], hit[1], hit[2], lex) or hailed_author(ctx, hit[0], hit[1], lex) \
            or writer_of_the_text_read_out(ctx, hit[0], hit[1], hit[2], f.q, lex) \
            or _named_beside(ctx, resolve_speaker(ctx, hit[0], hit[1], lex), hit[1], lex)
        f.speaker = noun_of_speech_source(ctx, speaker, hit[0], lex).found_by(
            "according_to" if f.cue == "according to" else "subject")
        f.speaker = _addressed(ctx, f, lex) or f.speaker
    if not hit or f.speaker.name is None:  # "By the time Buckley learned who had written it, she was ...: “...”"
        colon = colon_subject(ctx, f.q, lex) or presented_speaker(ctx, f.q, lex) or asker_of_a_colon_line(ctx, f.q, lex) \
            or text_line(ctx, f.q, lex, reader_too=True)
        if colon is not None:
            f.speaker, f.cue = colon, None


def _addressed(ctx: DocContext, f: Found, lex: Lexicon) -> Speaker | None:
    """The frame of the words says who put them to whom (addressees.py): a teller before "according to", a teller
    in the reported clause of a colon line, the one just asked answering with a pronoun."""
    if f.cue == "according to":
        return teller_over_according_to(ctx, f.q, lex)
    return teller_in_the_report(ctx, f.q, lex) or answer_of_the_one_asked(ctx, f.speaker, f.q.outer_start, lex)


def _named_beside(ctx: DocContext, speaker: Speaker, end: int, lex: Lexicon) -> Speaker:
    """"According to his aunt, Jane Starner, “...”": a description whose name follows it in commas is that person."""
    if speaker.entity_id is not None or speaker.name is None or not speaker.name[:1].islower():
        return speaker
    for m in ctx.mentions_in(end, end + 60):
        if m.type == "PERSON" and ctx.body[end : m.start].strip() == "," and ctx.body[m.end : m.end + 1] in (",", ""):
            return replace(speaker, entity_id=m.entity_id, name=ctx.names[m.entity_id], role=speaker.name,
                           name_start=m.start, name_end=m.end, unnamed=False)  # "one woman, Mary Kell,": named
        break
    return speaker


def _same_words_same_kind(ctx: DocContext, all_spans, kinds) -> None:
    """Words a story once calls a title or slogan ("the “Meth. We’re on it.” campaign") are one wherever it quotes
    them again ("“Meth. We’re on it” is rolling out ...")."""
    named = {}
    for spans, span_kinds in zip(all_spans, kinds):
        for q, kind in zip(spans, span_kinds):
            if kind in ("title", "slogan"):
                named.setdefault(_words_key(ctx.body[q.start : q.end]), kind)
    for spans, span_kinds in zip(all_spans, kinds):
        for i, q in enumerate(spans):
            if span_kinds[i] is None:
                span_kinds[i] = named.get(_words_key(ctx.body[q.start : q.end]))


def _words_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _same_speaker_goes_on(ctx: DocContext, found: list[Found], k: int, lex: Lexicon) -> None:
    """"Eswar Prasad ... said the president's “...”. “...,” he said.": "he" after a person quoted earlier in the
    same paragraph is that person, even when the model missed the name (so no mention is the last subject)."""
    f = found[k]
    if f.speaker is None or f.speaker.start is None or f.speaker.basis != "subject":
        return
    if ctx.body[f.speaker.start : f.speaker.end].lower() not in lex.person_pronouns:
        return
    earlier = [g for g in found[:k] if g.kind is None and g.speaker and g.speaker.name]
    if not earlier or not _is_person(ctx, earlier[-1].speaker) or earlier[-1].speaker.name == f.speaker.name:
        return
    # "In a review of her earlier work, Abadi wrote that her methods were “...”. She replied: “...”": not a man
    if not fits_pronoun(ctx, earlier[-1].speaker.entity_id, ctx.body[f.speaker.start : f.speaker.end], lex):
        return
    between = [m for m in ctx.mentions_in(earlier[-1].q.outer_end, f.speaker.start)
               if m.type == "PERSON" and not ctx.in_quote(m.start)]
    if not between:  # anyone named in between may be the one the pronoun means
        f.speaker = replace(earlier[-1].speaker, basis="subject", start=f.speaker.start, end=f.speaker.end)


def _organisation_goes_on(ctx: DocContext, paragraphs: list[list[Found]], lex: Lexicon) -> bool:
    """"Big Machine ... said in a statement. [...] Now they've put out another statement. “...,” it says.": an "it"
    the organisations named nearby do not explain is the organisation quoted last, when it is one."""
    last_org: Speaker | None = None
    changed = False
    for found in paragraphs:
        for f in found:
            if f.kind is not None or f.speaker is None:
                continue
            if f.speaker.name is None and f.speaker.start is not None and last_org is not None \
                    and ctx.body[f.speaker.start : f.speaker.end].lower() in lex.org_pronouns:
                f.speaker = replace(last_org, basis="subject", start=f.speaker.start, end=f.speaker.end)
                changed = True
            elif f.speaker.name is not None:
                is_org = any(m.type == "ORG" and (m.entity_id == f.speaker.entity_id
                                                  or ctx.names.get(m.entity_id) == f.speaker.name) for m in ctx.mentions)
                last_org = f.speaker if is_org else last_org
    return changed


def _reply_is_not_the_askers(ctx: DocContext, f: Found, lex: Lexicon) -> None:
    """"Cooper asked whether she believed the reports. “It's not my focus,” she replied.": the one who replies is
    not the one who asked, so "she" is the person named before the interviewer."""
    sp = f.speaker
    if f.cue not in lex.reply_cues or sp is None or sp.name is None or sp.start is None or sp.name_start is None:
        return
    if ctx.body[sp.start : sp.end].lower() not in lex.person_pronouns:
        return
    asker = ctx.sdoc.char_span(sp.name_start, sp.name_end, alignment_mode="expand")
    if asker is None or not len(asker) or asker.root.head.lower_ not in lex.ask_verbs:
        return
    pronoun = ctx.body[sp.start : sp.end]
    others = [m for m in ctx.mentions if m.end <= sp.name_start and m.type == "PERSON" and m.entity_id != sp.entity_id
              and not ctx.in_quote(m.start) and fits_pronoun(ctx, m.entity_id, pronoun, lex)]
    if others:
        m = others[-1]
        f.speaker = replace(sp, entity_id=m.entity_id, name=ctx.names[m.entity_id], role=None,
                            name_start=m.start, name_end=m.end)


def _is_person(ctx: DocContext, speaker: Speaker) -> bool:
    if speaker.entity_id is not None:
        return any(m.entity_id == speaker.entity_id and m.type == "PERSON" for m in ctx.mentions)
    words = speaker.name.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


# Rules whose attribution is the quote's own: only these make a few quoted words speech.
_OWN_BASES = ("subject", "according_to", "roundup", "named_after", "relayed", "addressed", "turn", "voice")


def _kind(ctx: DocContext, f: Found, lex: Lexicon) -> str:
    """Short quoted words are speech only with a speaker of their own ("he called it “a disgrace”"); with
    none, or only a neighbour's, they are scare quotes ("quiet quitting"). Words no one is found to say that
    are a noun phrase inside a sentence ("which Apple views as “a fundamental human right”") are a term, and
    lines that nameless people say on billboards or in ads are the campaign's, not anyone's speech."""
    if f.kind is not None:
        return f.kind
    named = f.speaker is not None and f.speaker.name is not None
    if not named and _repeated_phrase(ctx.body[f.q.start : f.q.end]):
        return "slogan"  # "fans singing its chorus — “We never left, we never left”", with no one found to say it
    if named and f.speaker.basis == "subject" and f.speaker.entity_id is None and _on_a_medium(ctx, f.q, lex) \
            and not f.speaker.unnamed:  # "a Latin one that, a students’ union officer said, “...”": one person
        return "slogan"  # "TV commercials and billboards in which people say, “I’m on meth.”"
    if not named and _on_a_medium(ctx, f.q, lex) and ctx.body[: f.q.outer_start].rstrip().endswith(":"):
        return "slogan"  # "the Lantern’s marquee carried four words: “Thank you, Bernie. Curtain.”"
    if not named and (_phrase_inside_sentence(ctx, f.q) or _phrase_used_in_sentence(ctx, f.q)):
        return "scare"
    short = len(ctx.body[f.q.start : f.q.end].split()) < lex.min_quote_words
    # "diagnosed with “feather-duvet lung,” according to a new case report": the source vouches for the sentence,
    # not for a few words quoted in it
    own = named and f.speaker.basis in _OWN_BASES and not (short and f.speaker.basis == "according_to")
    return "direct" if own or not short or (named and (_said_on(ctx, f) or crowd_turn(ctx, f, lex))) else "scare"


def _repeated_phrase(text: str) -> bool:
    """The quoted words are one phrase of one to four words said two or more times over and nothing else: a chant
    ("Pike! Pike! Pike!", "We never left, we never left"). Speech that repeats itself ("“No, no, no,” she said",
    "“We got her. We got her.”" going on from its speaker) has a speaker, which the caller checks."""
    words = re.findall(r"[\w’'-]+", text.lower())
    for size in range(1, 5):
        if len(words) >= 2 * size and len(words) % size == 0 \
                and all(words[i] == words[i % size] for i in range(len(words))):
            return True
    return False


def _said_on(ctx: DocContext, f: Found) -> bool:
    """"“Beryl can ring me,” the actress said. “I mean it.”": a few words that are a sentence of their own, right
    after the same speaker's quote and its attribution in one paragraph, go on saying; not a term."""
    if f.speaker.basis != "continued" or not ctx.body[f.q.start : f.q.end].rstrip().endswith((".", "!", "?")):
        return False
    sent = ctx.sentence_at(f.q.outer_start)
    if ctx.body[sent.start_char : f.q.outer_start].strip():
        return False
    pstart, _ = ctx.paragraph_of(f.q.outer_start)
    return any(pstart <= s and e <= f.q.outer_start for s, e in ctx.quoted)


def _on_a_medium(ctx: DocContext, q: QuoteSpan, lex: Lexicon) -> bool:
    sent = ctx.sentence_at(q.outer_start)
    before = ctx.body[sent.start_char : q.outer_start].lower()
    for w in re.finditer(r"[\w-]+", before):
        if w.group() in lex.slogan_media:
            # a medium is a thing ("a sign", "the billboards"), not a verb: "asked whether he would sign, said: “...”"
            word = ctx.sdoc.char_span(sent.start_char + w.start(), sent.start_char + w.end(), alignment_mode="expand")
            if word is None or not word.root.tag_.startswith("VB"):
                return True
    return False


def _phrase_inside_sentence(ctx: DocContext, q: QuoteSpan) -> bool:
    """Verbless quoted words with sentence text before them: a phrase the story uses, not a statement."""
    sent = ctx.sentence_at(q.outer_start)
    before = ctx.body[sent.start_char : q.outer_start].rstrip()
    if not before or before[-1] in ",:—–-":  # "think, “Enough already, just vote.”" is a thing said
        return False
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    return span is not None and (not any(t.tag_.startswith(("VB", "MD")) for t in span) or one_item_of_a_list(ctx, q))


def _phrase_used_in_sentence(ctx: DocContext, q: QuoteSpan) -> bool:
    """Words no one is found to say that the sentence uses as a part of its own: a verb phrase completing "to"
    ("secretly terrified to “put yourself out there”") or the subject of a verb outside the marks ("“Become an online
    leader” sounds like a tall order"). A phrase held at a distance, not a statement."""
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span) or span[0].i == 0:
        return False
    before = ctx.sdoc[span[0].i - 1]
    if before.text in "“\"‘'" and before.i > 0:
        before = ctx.sdoc[before.i - 1]
    root = span.root
    infinitive = before.tag_ == "TO" and span[0].tag_ == "VB"
    subject = root.dep_ in ("csubj", "csubjpass", "nsubj") and not (q.start <= root.head.idx < q.end)
    return infinitive or subject


def _to_quote(ctx: DocContext, f: Found, lex: Lexicon) -> Quote:
    doc_id = ctx.doc.doc_id
    q, kind = f.q, _kind(ctx, f, lex)
    if kind != "direct":
        reason = NOT_SPEECH_REASON[kind] + (f": a mention of words, {f.why}" if f.why else "")
        speaker, cue = Speaker(reason=reason), None
    else:
        speaker, cue = f.speaker or Speaker(reason="no reporting cue or earlier speaker found"), f.cue
        if speaker.basis in ("intro", "continued") and _cited_to_a_text(ctx, q):
            speaker = Speaker(reason="cited to a text by the reference after it, not said by anyone in the story")
        if speaker.name is None:
            speaker = replace(speaker, basis=None)
    evidence = speaker.name is not None
    if kind == "direct":  # a description left as the speaker: the named person given it, else no one named
        speaker = given_in_apposition(ctx, speaker) or speaker
        if names_no_one(ctx, speaker, lex):
            speaker = replace(speaker, unnamed=True)  # "One Strathmorven shopkeeper": evidence, not a name
    if speaker.unnamed:  # a description of someone never named: evidence, not a speaker (UNNAMED_REASON)
        speaker = replace(speaker, entity_id=None, name=None, role=None, reason=unnamed_reason(speaker.name))
    return Quote(
        quote_id=quote_id(doc_id, kind, q.start, q.end),
        doc_id=doc_id,
        kind=kind,
        speaker_entity_id=speaker.entity_id,
        speaker=speaker.name,
        speaker_role=speaker.role,
        speaker_reason=speaker.reason,
        text=ctx.body[q.start : q.end],
        cue=cue,
        start_char=q.start,
        end_char=q.end,
        sentence_no=ctx.sentence_no(q.start),
        speaker_basis=speaker.basis,
        speaker_start=speaker.start if evidence else None,
        speaker_end=speaker.end if evidence else None,
        speaker_sentence_no=ctx.sentence_no(speaker.start) if evidence and speaker.start is not None else None,
        speaker_name_start=speaker.name_start,
        speaker_name_end=speaker.name_end,
    )


# "“...” [Al Maa-idah 2]", "“...” [John 3:16]": a book's name and a chapter or verse in square brackets.
_CITATION = re.compile(r"[ \t]*\[[A-Z0-9][^\]\n]{1,40}?[ \t]\d[\d:.,–-]*\][ \t]*$")


# The speaker_reason of a quote whose speaker the story describes but never names ("One woman", "a neighbour"):
# no speaker and no entity, so the ledger never counts every "One woman" of every story as one source; the
# description's words stay as evidence (speaker_start/speaker_end, speaker_basis: the rule that found them).
UNNAMED_REASON = "unnamed"


def unnamed_reason(description: str) -> str:
    return f"{UNNAMED_REASON}: described, not named ('{description[:60]}')"


def unnamed_description(body: str, quote: Quote) -> str | None:
    """The words describing a speaker the story never names, read back from the row's evidence: the description a
    pronoun points back to (speaker_name_start:speaker_name_end), else the naming words (speaker_start:speaker_end)."""
    if quote.speaker is not None or not (quote.speaker_reason or "").startswith(UNNAMED_REASON):
        return None
    if quote.speaker_name_start is not None:
        return body[quote.speaker_name_start : quote.speaker_name_end]
    if quote.speaker_start is not None:
        return body[quote.speaker_start : quote.speaker_end]
    return None


def _cited_to_a_text(ctx: DocContext, q: QuoteSpan) -> bool:
    """The quotation ends its paragraph with a bracketed reference to a text (scripture, a code, a treaty): the
    words are the text's, quoted by the writer, not the words of whoever the lines before introduce."""
    return _CITATION.match(ctx.body, q.outer_end, ctx.paragraph_of(q.outer_start)[1]) is not None


def indirect_quotes(ctx: DocContext, lex: Lexicon, direct: list[Quote]) -> list[Quote]:
    """`Peskov said Putin and Kim will meet ...`: a reporting verb's clause, where no quote marks are involved."""
    quoted = [(q.start_char - 1, q.end_char + 1) for q in direct if q.kind == "direct"]  # titles hold no claim
    rows = []
    for sent in ctx.sentences:
        if any(s < sent.end_char and e > sent.start_char for s, e in quoted):
            continue
        claims = _reported_clauses(ctx, sent, lex)
        according = None if claims else _according_to(ctx, sent, lex)
        rows += claims + ([according] if according else [])
    return rows


def _reported_clauses(ctx: DocContext, sent, lex: Lexicon) -> list[Quote]:
    """Every reporting verb's clause in the sentence: "Peskov confirmed that X, and RIA-Novosti reported Y" is two."""
    claims = []
    for verb in sent:
        if verb.lower_ not in lex.indirect_cues or not verb.tag_.startswith("VB"):
            continue
        subject = subject_span(verb, climb=("conj",))
        if subject is None or _vague(ctx.body[subject[0] : subject[1]], lex):
            continue
        span = _claim_span(sent, verb, subject, lex)
        if span is None or span[0] <= verb.idx < span[1]:  # a misparse folding the verb into its own claim
            continue
        claim = _indirect(ctx, span[0], span[1], subject, verb.lower_, lex)
        if claim:
            claims.append(claim)
    return claims


def _claim_span(sent, verb, subject: tuple[int, int], lex: Lexicon) -> tuple[int, int] | None:
    """What the verb reports: its clause ("said [that] X"), or for "X, an analyst said, ..." what precedes it."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" or (c.dep_ == "advcl" and _has_that(c))]
    if not clauses:
        if verb.dep_ == "parataxis" and verb.head.i < verb.i:
            return sent.start_char, subject[0]
        return None
    clause = clauses[0]
    end = clause.right_edge.idx + len(clause.right_edge)
    # "... that Kim has entered Russia, and RIA-Novosti later reported ...": the next report is not part of this one.
    for tok in clause.subtree:
        if tok.dep_ == "conj" and tok.lower_ in lex.indirect_cues and tok.i > clause.i:
            end = min(end, min(c.left_edge.idx for c in tok.children if c.dep_ in SUBJECT_DEPS) if any(
                c.dep_ in SUBJECT_DEPS for c in tok.children) else tok.idx)
    if clause.i < verb.i:
        return sent.start_char, end
    start = clause.left_edge.idx
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
    if marks:  # "confirmed only that Kim has entered Russia": the claim starts after "that"
        start = marks[0].nbor().idx
    return start, end


def _has_that(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _vague(subject: str, lex: Lexicon) -> bool:
    """Pronouns other than he/she ("it", "we", "they") name no speaker an analyst could use."""
    word = subject.strip().lower()
    return len(word.split()) == 1 and word in lex.vague_subjects


def _according_to(ctx: DocContext, sent, lex: Lexicon) -> Quote | None:
    """`Russia is keen ..., according to officials` and `According to U.S. officials, Putin could ...`."""
    for tok in sent[:-1]:
        if tok.lower_ == "according" and tok.nbor().lower_ == "to":
            objects = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if not objects:
                return None
            source = (objects[0].left_edge.idx, objects[0].right_edge.idx + len(objects[0].right_edge))
            if tok.idx - sent.start_char > sent.end_char - source[1]:
                start, end = sent.start_char, tok.idx
            else:
                start, end = source[1], sent.end_char
            return _indirect(ctx, start, end, source, "according to", lex)
    return None


_CLAIM_LEAD = " \n,;:—–-"
_CLAIM_TRAIL = " \n,;:.—–-"
_DANGLING = re.compile(r"[\s,]+(?:and|but|or|while)?[\s,]*$")


def _indirect(ctx: DocContext, start: int, end: int, subject: tuple[int, int], cue: str, lex: Lexicon) -> Quote | None:
    text = ctx.body[start:end]
    if start == ctx.paragraph_of(start)[0]:
        dateline = lex.dateline_re.match(text)
        if dateline:
            start, text = start + dateline.end(), text[dateline.end() :]
    lead = len(text) - len(text.lstrip(_CLAIM_LEAD))
    claim = _DANGLING.sub("", text.lstrip(_CLAIM_LEAD)).rstrip(_CLAIM_TRAIL)
    if len(claim.split()) < 3:
        return None
    start += lead
    end = start + len(claim)
    speaker = resolve_speaker(ctx, subject[0], subject[1], lex)
    named = speaker.name is not None
    if speaker.unnamed:
        speaker = replace(speaker, entity_id=None, name=None, role=None, reason=unnamed_reason(speaker.name))
    return Quote(
        quote_id=quote_id(ctx.doc.doc_id, "indirect", start, end),
        doc_id=ctx.doc.doc_id,
        kind="indirect",
        speaker_entity_id=speaker.entity_id,
        speaker=speaker.name,
        speaker_role=speaker.role,
        speaker_reason=speaker.reason,
        text=claim,
        cue=cue,
        start_char=start,
        end_char=end,
        sentence_no=ctx.sentence_no(start),
        speaker_basis=("according_to" if cue == "according to" else "subject") if named else None,
        speaker_start=subject[0] if named else None,
        speaker_end=subject[1] if named else None,
        speaker_sentence_no=ctx.sentence_no(subject[0]) if named else None,
        speaker_name_start=speaker.name_start,
        speaker_name_end=speaker.name_end,
    )
