"""Quoted words mentioned, not reported: one reading of the parse that tells a mention of words from a report of
speech (issue #25). News writing quotes words for two reasons: to report what someone said ("“Never,” she said",
"the minister said it was “a disgrace”") and to hold words up to be looked at (a nickname, a marking, a term: "some
still refer to the 2015 flood as “the Big Wet”", "a warning marked “urgent”", "a campaign for “Biscuit”"). The second
kind fills a slot of the sentence's own grammar, as a noun phrase or a modifier would with the marks taken away, and
nothing frames it as anyone's words: no verb of saying over it, no colon running into it. A clause (a subject and its
verb) or a frame makes the words speech. Runs once per stretch over the parse newsfacts already has; every decision
returns its reason, kept on the row (speaker_reason)."""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon

# Slots a noun phrase or an adjective fills in a sentence: the quoted words' head hangs on a word outside them so.
_SLOTS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "amod", "compound", "nmod",
                    "acomp", "poss", "dative", "conj"})
# Links by which the quoted words hang on a noun as its modifier ("an “irregular” channel").
_NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "nummod"})
_NOUN_TAGS = ("NN", "PRP")  # NN, NNS, NNP, NNPS, PRP
_FINITE = ("VBD", "VBZ", "VBP", "MD")
_MAX_WORDS = 8  # a mention is a phrase, not a passage
# Determiners of a generic group ("some locals", "many residents"): a community's usage, not one source's words.
_GENERIC_DETERMINERS = frozenset({"some", "many", "most", "all", "few", "several"})
# Pronouns of a voice: words with them in ("a cornerstone of our network") are someone's, whatever frames them.
_VOICE_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "ours", "you", "your"})


class Mentioned(NamedTuple):
    """Quoted words found to be mentioned: their kind (title for a heading, scare otherwise) and why."""

    kind: str
    why: str


def mention_of_words(ctx: DocContext, q, lex: Lexicon) -> Mentioned | None:
    """The quoted words as a mention of words, with the reason, when they are one; None when they may be speech."""
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    words = [t for t in span if not t.is_punct] if span is not None else []
    if not words or len(words) > _MAX_WORDS:
        return None
    text = ctx.body[q.start : q.end].rstrip()
    if text.endswith(("!", "?")) or any(t.is_sent_start for t in words[1:]):
        return None  # an exclamation or a question is voiced; two sentences are a passage
    inside = {t.i for t in words}
    roots = [t for t in words if t.head.i not in inside]
    if len(roots) != 1 or roots[0].head.i == roots[0].i or ctx.in_quote(roots[0].head.idx):
        return None  # not one phrase, or a stretch that is a whole sentence of its own
    root = roots[0]
    if _is_clause(root, inside):
        return None  # "we want our club back": a subject and its verb are someone's words
    if root.dep_ not in _SLOTS:
        return None  # "“Never,” she said": the answer to a verb of saying, no slot of a noun phrase
    if _colon_runs_into(ctx, q, lex) or _source_named_before(ctx, q, lex):
        return None  # "His verdict: “a shambles”", "in the words of its founder, “a decent lunch.”"
    if _subject_of_its_own_verb(root, inside, text):
        return Mentioned("scare", f"the subject of the sentence's verb '{root.head.text}', a thing it tells of")
    a_name = _is_a_name(words) or _definite_outside(root, inside)
    return _unframed(ctx, root, a_name, lex, voiced=any(t.lower_ in _VOICE_PRONOUNS for t in words))


def _subject_of_its_own_verb(root, inside: set, text: str) -> bool:
    """The quoted noun phrase is the one subject of a verb outside the marks ("The trust said the “premium zone” would
    be reviewed", "“Enhanced standard of care” is not how she would describe a wait"): the sentence tells something
    of the thing the words name, whoever reports it; what a speaker says is what the clause says of its subject, so
    a partial quote stands as predicate or object ("said it was “a disgrace”"). A possessive outside the marks makes
    the words a judgement of someone's act ("said the president’s “reckless bargaining” had cost the region"), and a
    verb with a subject of its own besides ("“Dear Resident,” it began") or words ending in a full stop are another
    reading's."""
    head = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.tag_.startswith("NN") and head.tag_.startswith(("VB", "MD")) \
        and text[-1:] not in ".!?," and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != root.i and c.i not in inside for c in head.children) \
        and not any(c.dep_ == "poss" and c.i not in inside for c in root.children)


def _is_clause(root, inside: set) -> bool:
    """A finite verb heads the words, or a subject of theirs stands inside them."""
    if root.tag_ in _FINITE:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i in inside for c in root.children)


def _colon_runs_into(ctx: DocContext, q, lex: Lexicon) -> bool:
    """The sentence runs into the words through a colon, or a verb of saying and a comma ("he added, “not yet”")."""
    sent = ctx.sentence_at(q.outer_start)
    lead = ctx.body[sent.start_char : q.outer_start].rstrip()
    if lead.endswith(":"):
        return True
    last = re.findall(r"[\w’'-]+", lead.lower())[-1:] if lead.endswith(",") else []
    return bool(last) and last[0] in lex.cues


def _source_named_before(ctx: DocContext, q, lex: Lexicon) -> bool:
    """Earlier in the sentence a thing said has its source ("in the words of X", "a message from X") or "according
    to" gives one: the words that follow are the source's, wherever the parse hangs them."""
    sent = ctx.sentence_at(q.outer_start)
    for t in sent:
        if t.idx >= q.outer_start:
            break
        if ctx.in_quote(t.idx):
            continue
        if t.lower_ == "according" or t.lower_ in lex.speech_nouns and any(
                c.dep_ == "prep" and c.lower_ in ("of", "from", "by") for c in t.children):
            return True
    return False


def _is_cue(tok, lex: Lexicon) -> bool:
    """A verb of saying, thinking aloud or presenting in words, in any of its forms ("declaring" as "declared")."""
    word = tok.lower_  # surface forms: the pipeline runs no lemmatizer
    stem = word[:-3] if word.endswith("ing") else word
    forms = (word, stem + "ed", stem + "es", stem + "s")
    return any(f in lex.cues or f in lex.indirect_cues or f in lex.characterising_verbs for f in forms)


def _unframed(ctx: DocContext, root, a_name: bool, lex: Lexicon, voiced: bool = False) -> Mentioned | None:
    """Walk up from the words' slot to the top of the sentence. A verb that labels ("marked “urgent”") or a naming no
    one in particular does ("some locals are calling it “...”") makes them a mention; the words modifying a noun
    directly ("a campaign for “Biscuit”") do too, unless a verb of saying higher up reports the whole clause ("accused
    him of years of “incessant, manipulative bullying”": a partial quote is the speaker's words). A verb of saying on
    the way (or hung on it: "The plan, she said, was ..."), or a noun of a thing said, frames them as speech. Nothing
    either way: None, as a fragment after a verb no list holds ("put its costs at “north of sixty thousand pounds”",
    "— “...,” as he puts it") reads just like a term."""
    child, tok, modifies = root, root.head, None
    for step in range(24):
        if ctx.in_quote(tok.idx):
            return None  # words inside a quotation of their own belong to that quotation
        if tok.tag_.startswith(_NOUN_TAGS):
            if tok.lower_ in lex.speech_nouns:
                return None  # "a statement calling it “...”", "his “...” remark": words of a thing said
            # before the noun ("an “irregular” channel"), or the object of its preposition ("a campaign for “X”");
            # an adjective after its noun is a complement the parse lost ("called the plan “reckless”")
            if (step == 0 and child.dep_ in _NOUN_MODIFIERS and tok.i > child.i) or (step == 1 and child.dep_ == "prep"):
                modifies = Mentioned("scare", f"a modifier of the noun '{tok.text}'")
        if step <= 1 and child.lower_ == "as" and _goes_by(tok, child):
            return Mentioned("scare", f"what a thing goes by ('{tok.text} as', no one doing it)")
        if tok.tag_.startswith("VB"):
            named = _naming(tok, child, a_name, lex) if modifies is None else None
            if named is not None:
                return named or None
            text = None if voiced or modifies is not None else _text_characterising(tok, lex)
            if text is not None:
                return Mentioned("scare", f"the term a text no one owns puts on a thing ('{text.text} ... {tok.text}')")
            if _is_cue(tok, lex) or _cue_hung_on(tok, lex):
                return None  # "said it was “a disgrace”", "hailed it as “bland”": a frame of speech
        if tok.head.i == tok.i:
            return modifies
        child, tok = tok, tok.head
    return None


def _text_characterising(verb, lex: Lexicon):
    """The subject of a verb that characterises ("describes the cuts as “right-sizing”", "which the show
    notes described as “...”") is a written text no one owns in the sentence: the words are the text's term for the
    thing, held up, not a person's speech (the labels' convention: a partial quote after "described as" or "called"
    is cue with a name, a pronoun or a group as subject). Someone's text ("Mr Ashdown's letter described it as")
    speaks for its owner; a verb of saying ("the memo says") reports. The subject, or None."""
    if verb.lower_ not in lex.characterising_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in lex.text_nouns or subject.tag_ not in ("NN", "NNS"):
        return None
    return None if any(c.dep_ == "poss" for c in subject.children) else subject


def _naming(verb, child, a_name: bool, lex: Lexicon) -> Mentioned | str | None:
    """A verb that labels the words on a thing ("marked", "headed", "dubbed") gives a mention; a naming verb
    ("call", "refer to ... as") gives one when no one in particular does the naming (a participle, "some locals",
    "Campaigners") and speech when a person, a pronoun or a body does ("he called the plan “reckless”": the header's
    convention, a partial quote after "called it" is cue). "" = speech; None = not a naming verb."""
    word = verb.lower_
    if word in lex.labelling_verbs:  # "an item headed “...”": a heading is a title
        return Mentioned("title" if word in lex.titling_verbs else "scare", f"the label the verb '{verb.text}' gives")
    if word not in lex.naming_verbs and not (word in lex.referring_verbs and child.lower_ == "as"):
        return None
    if not a_name:
        return ""  # "critics have called it “a land grab”": a name is definite, a judgement is not
    if _named_by_no_one(verb):  # "the disused line, known locally as “the Cutting”", "what has become known as “...”"
        return Mentioned("scare", f"the name a thing goes by ('{verb.text}' with no one naming it)")
    subjects = _namers(verb)
    if not subjects:
        return ""  # "which one reviewer ... called “...”": someone names it, the parse lost who
    if verb.tag_ == "VBD":
        return ""  # "citing what administrators called “...”": said once, in the past, is a report of their words
    subject = subjects[0]
    # a plural tagged as a proper noun for its capital ("Keepers have called her “Houdini”") is a bare plural too
    if subject.tag_ in ("NN", "NNS", "NNPS") and not subject.ent_type_ and (
            not any(c.dep_ in ("det", "poss") for c in subject.children)
            or any(c.lower_ in _GENERIC_DETERMINERS for c in subject.children)) \
            or subject.lower_ in _GENERIC_DETERMINERS:
        return Mentioned("scare", f"the name a community uses ('{subject.text} ... {verb.text}')")
    return ""


def _named_by_no_one(verb) -> bool:
    """A participle of naming with no one doing it: bare ("known locally as"), or passive ("what has become known
    as", "the span is called") with no agent ("called “...” by the mayor" is the mayor's). Its subject, if any, is
    the thing named, never the namer."""
    if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "auxpass" for c in verb.children) or not any(c.dep_ == "aux" for c in verb.children)


def _goes_by(tok, as_) -> bool:
    """The "as" the quoted words complete hangs on a participle no one in the clause does ("sold on as “rescues”",
    "known along the lane as “...”"; the parse may hang the "as" on the noun phrase the participle qualifies: "a row
    of leylandii known along Ashworth Lane as “...”"): the words are what the thing goes by, said by no one there. A
    finite verb ("the company has described it as “...”") or an agent ("sold as “...” by the dealer") has a sayer."""
    if tok.tag_.startswith(_NOUN_TAGS):
        tok = next((t for t in reversed(list(tok.subtree)) if t.i < as_.i and t.dep_ == "acl" and t.tag_ == "VBN"), None)
    return tok is not None and _named_by_no_one(tok)


# Links by which a verb with no subject of its own completes the verb above it ("have taken to calling").
_COMPLETES = frozenset({"xcomp", "pcomp"})


def _namers(verb) -> list:
    """Who does the naming: the verb's subject, or, for a verb that only completes another ("staff have taken to
    calling the “great recount”": calling under "taken to"), the subject of the verb it completes."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or tok.dep_ not in _COMPLETES:
            return subjects
        tok = tok.head if tok.head.dep_ != "prep" else tok.head.head
    return []


def _definite_outside(root, inside: set) -> bool:
    """The writer's own "the" governs the quoted words from outside the marks ("what students had long called the
    “side door”"): the words are the head of a definite noun phrase of the sentence, a name, as "the Pothole Mile"
    is with "the" inside."""
    return root.tag_.startswith("NN") and any(
        c.dep_ == "det" and c.lower_ == "the" and c.i not in inside and c.i < root.i for c in root.children)


def _is_a_name(words: list) -> bool:
    """The words make a name: a definite description ("the Pothole Mile", "the plan that can't move") or capitalised
    words ("Thimble"), as the name of a place, a thing or an event is written."""
    if words[0].lower_ == "the":
        return True
    return all(t.text[:1].isupper() for t in words if t.is_alpha and len(t.text) > 3) and words[0].text[:1].isupper()


def _cue_hung_on(verb, lex: Lexicon) -> bool:
    """A verb of saying hung on the verb as an aside ("The plan, she said, was “reckless”") or "according to"."""
    return any(c.dep_ in ("parataxis", "advcl", "prep") and (_is_cue(c, lex) or c.lower_ == "according")
               for c in verb.children)
