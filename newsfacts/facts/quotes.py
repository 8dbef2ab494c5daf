"""Reported speech: direct quotations (full, partial, continued) and indirect claims, with their speakers."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.speakers import Speaker, resolve_speaker
from newsfacts.records import Quote

# Closing marks each opening mark accepts: sites mix curly and straight marks within one quotation.
_CLOSERS = {"“": "”\"", '"': '"”', "«": "»"}
_OPENING = re.compile("[“\"«‘]")
_INNER_EDGE_CHARS = " \t\n,"
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVE = ("who", "which", "that")
_SENTENCE_END = re.compile(r"[.?!]$")


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


def _closing(text: str, i: int) -> int | None:
    """Index of the mark closing the quotation opened at text[i]; len(text) when it runs to the paragraph end;
    None when text[i] opens nothing (an apostrophe-like ‘ with no closing ’)."""
    ch = text[i]
    if ch in _CLOSERS:
        closes = [j for j in (text.find(c, i + 1) for c in _CLOSERS[ch]) if j >= 0]
        return min(closes) if closes else len(text)
    if i == 0 or not text[i - 1].isalnum():
        return _single_quote_end(text, i)
    return None


def find_quote_spans(body: str, para: tuple[int, int]) -> list[QuoteSpan]:
    """Quoted stretches of one paragraph; an opening mark with no closing one runs to the paragraph end."""
    pstart, pend = para
    text = body[pstart:pend]
    spans, i = [], 0
    while (mark := _OPENING.search(text, i)) is not None:
        i = mark.start()
        close = _closing(text, i)
        if close is None:
            i += 1
            continue
        inner = text[i + 1 : close]
        stripped = inner.strip(_INNER_EDGE_CHARS)
        if stripped:
            s = pstart + i + 1 + len(inner) - len(inner.lstrip(_INNER_EDGE_CHARS))
            spans.append(QuoteSpan(s, s + len(stripped), pstart + i, pstart + min(close + 1, len(text))))
        i = close + 1
    return spans


def _subject_span(verb, climb=("conj", "xcomp", "advcl", "acl", "ccomp")) -> tuple[int, int] | None:
    """Char span of the verb's subject, climbing to the governing verb for "..., adding" / "pledging to".

    A relative pronoun ("the Times, which said ...") stands for the noun its clause hangs on.
    """
    for tok in (verb, verb.head):
        if not tok.tag_.startswith(("VB", "MD")) or any(c.dep_ == "auxpass" for c in tok.children):
            break  # nouns have no speaker, and a passive ("HP is called ...") names rather than reports
        subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            sub = subjects[0]
            if sub.lower_ in _RELATIVE and tok.dep_ == "relcl":
                sub = tok.head
                return sub.left_edge.idx, sub.idx + len(sub)
            # The parser sometimes splits "Wikileaks editor-in-chief Kristinn Hrafnsson" into two subjects.
            last = subjects[-1].right_edge
            return sub.left_edge.idx, last.idx + len(last)
        if tok.dep_ not in climb:
            break
    return None


def _inside(char: int, spans: list[QuoteSpan]) -> bool:
    return any(q.outer_start <= char < q.outer_end for q in spans)


def _trailing_attribution(ctx: DocContext, q: QuoteSpan, spans, lex: Lexicon):
    """`“...,” Kremlin spokesman Dmitry Peskov said` / `“...,” said Peskov` / `“...,” according to X`."""
    para_end = ctx.paragraph_of(q.outer_start)[1]
    after = ctx.body[q.outer_end : para_end]
    nxt = [s.outer_start for s in spans if s.outer_start >= q.outer_end]
    if nxt:
        after = after[: nxt[0] - q.outer_end]
    match = _trailing_pattern(lex).match(after)
    if not match:
        return None
    group = "seg1" if match.group("seg1") else "seg2"
    cue_group = "cue1" if group == "seg1" else "cue2"
    if group == "seg2" and match.group("cue2").lower().startswith("according"):
        return None  # "“businesses” across the platforms, according to the company": the source follows the cue
    s, e = q.outer_end + match.start(group), q.outer_end + match.end(group)
    cue_start = q.outer_end + match.start(cue_group)
    if len(ctx.body[s:e].split()) > 25:
        return None
    # The cue must belong to the sentence the quote ends (or one starting right at its closing mark).
    if ctx.sentence_at(cue_start).start_char > q.outer_end + 2:
        return None
    # The parser's subject beats the text between quote and cue ("Benioff weighed in, telling ...",
    # "said U.S. Attorney Nealy Cox"): the regex only finds the cue.
    cue = ctx.sdoc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
    subject = _subject_span(cue[0]) if cue is not None and len(cue) else None
    if subject and subject[0] >= q.outer_end and not _inside(subject[0], spans):
        s, e = subject
    return s, e, match.group(cue_group).lower()


@cache
def _trailing_pattern(lex: Lexicon) -> re.Pattern:
    return re.compile(
        rf"^[\s,;:—–-]*(?:as\s+)?(?:(?P<cue1>{lex.cue_re})\s+(?P<seg1>[^,;:\n]{{1,150}}?)(?=\s*(?:[,.;:!?]|$))"
        rf"|(?P<seg2>[^\n]{{1,200}}?)\s+(?P<cue2>{lex.cue_re}))(?![\w-])",
        re.I,
    )


def _leading_attribution(ctx: DocContext, q: QuoteSpan, spans, lex: Lexicon):
    """`Peskov said: “...”` / `Putin pledged last week to “expand ...”`: the nearest cue before, same sentence."""
    sent = ctx.sentence_at(q.outer_start)
    cues = [t for t in sent if t.idx < q.outer_start and t.lower_ in lex.cues and not _inside(t.idx, spans)]
    if not cues:
        phrase = re.search(r"according to\s+(?P<seg>[^,.;:“”\"]{1,80})", ctx.body[sent.start_char : q.outer_start], re.I)
        if phrase:
            return sent.start_char + phrase.start("seg"), sent.start_char + phrase.end("seg"), "according to"
        return None
    span = _subject_span(cues[-1])
    if span is None:
        return None
    return span[0], span[1], cues[-1].lower_


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
    """Every quoted stretch with its speaker; quotes with no cue inherit from their neighbours in the story."""
    rows: list[tuple[QuoteSpan, Speaker | None, str | None]] = []
    previous_para_last: Speaker | None = None
    all_spans = [find_quote_spans(ctx.body, para) for para in ctx.paragraphs]
    ctx.quoted = [(q.outer_start, q.outer_end) for spans in all_spans for q in spans]
    for para, spans in zip(ctx.paragraphs, all_spans):
        found = []
        for q in spans:
            hit = _attribute(ctx, q, spans, lex)
            found.append((resolve_speaker(ctx, hit[0], hit[1], lex), hit[2]) if hit else (None, None))
        for k, (q, (speaker, cue)) in enumerate(zip(spans, found)):
            if speaker is None:
                speaker = _inherit(found, k, q, para, previous_para_last)
            rows.append((q, speaker, cue))
        attributed = [s for s, _ in found if s is not None]
        if attributed:
            previous_para_last = attributed[-1]
        elif not spans:
            previous_para_last = None
    return [_to_quote(ctx, q, speaker, cue, lex) for q, speaker, cue in rows if _is_quotation(ctx, q, speaker, cue, lex)]


def _inherit(found, k: int, q: QuoteSpan, para, previous_para_last: Speaker | None) -> Speaker | None:
    """A second sentence of quotation in the same paragraph, or a paragraph that opens by continuing a quote."""
    before = [s for s, _ in found[:k] if s is not None]
    if before:
        return before[-1]
    after = [s for s, _ in found[k + 1 :] if s is not None]
    if after:
        return after[0]
    if q.outer_start == para[0] and previous_para_last is not None:
        return previous_para_last
    return None


def _is_quotation(ctx: DocContext, q: QuoteSpan, speaker, cue, lex: Lexicon) -> bool:
    """Short quoted words with no speaker are scare quotes ("quiet quitting"), and short words in title case
    are names of songs, books or campaigns ("Takin’ It to the Streets"): neither is speech."""
    words = ctx.body[q.start : q.end].split()
    if lex.title_nouns_re.search(ctx.body[max(q.outer_start - 40, 0) : q.outer_start]):
        return False  # "in his book “Financial Freedom: ...”", "their podcast “Beyond Finances.”"
    capitalised = sum(w[:1].isupper() for w in words)
    if 2 <= len(words) <= lex.max_title_words and capitalised >= 0.75 * len(words) and not _SENTENCE_END.search(words[-1]):
        return False
    # Only a cue of its own makes short words speech; inheriting a neighbour's speaker does not.
    has_speaker = cue is not None and speaker is not None and speaker.name is not None
    return has_speaker or len(words) >= lex.min_quote_words


def _to_quote(ctx: DocContext, q: QuoteSpan, speaker: Speaker | None, cue: str | None, lex: Lexicon) -> Quote:
    doc_id = ctx.doc.doc_id
    speaker = speaker or Speaker(reason="no reporting cue or earlier speaker found")
    return Quote(
        quote_id=quote_id(doc_id, "direct", q.start, q.end),
        doc_id=doc_id,
        kind="direct",
        speaker_entity_id=speaker.entity_id,
        speaker=speaker.name,
        speaker_role=speaker.role,
        speaker_reason=speaker.reason,
        text=ctx.body[q.start : q.end],
        cue=cue,
        start_char=q.start,
        end_char=q.end,
        sentence_no=ctx.sentence_no(q.start),
    )


def indirect_quotes(ctx: DocContext, lex: Lexicon, direct: list[Quote]) -> list[Quote]:
    """`Peskov said Putin and Kim will meet ...`: a reporting verb's clause, where no quote marks are involved."""
    quoted = [(q.start_char - 1, q.end_char + 1) for q in direct]
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
        subject = _subject_span(verb, climb=("conj",))
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
            end = min(end, min(c.left_edge.idx for c in tok.children if c.dep_ in _SUBJECT_DEPS) if any(
                c.dep_ in _SUBJECT_DEPS for c in tok.children) else tok.idx)
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
    )
