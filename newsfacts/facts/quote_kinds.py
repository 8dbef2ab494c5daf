"""Quoted words that are not speech: names of works and shows (title), campaign lines and chants (slogan), and
words held at a distance (scare). Told from the words around the marks, before anyone is looked for as speaker."""

from __future__ import annotations

import re

from newsfacts.facts.context import DocContext
from newsfacts.facts.crowds import chanted_after
from newsfacts.facts.lexicon import Lexicon, people_word
from newsfacts.facts.text_authors import opens_a_letter

_NEXT_WORDS = re.compile(r"[ \t,]*([\w’'-]+)(?:[ \t]+([\w’'-]+))?")  # within the paragraph
_EDGE_PUNCT = ".,!?;:…"
_LIST_GLUE = re.compile(r"^[\s,]*(?:(?:and|or|&)\s*)?$")


def _listed(body: str, left, right) -> bool:
    """Two quotes listed side by side: commas or "and" between them, or a bare space after a comma inside the first
    mark ("“Mary Poppins,” “Bambi”"); a bare space alone is not a list (called ‘Half Life: Alyx’ “a flagship VR
    game”: a name, then words said of it)."""
    glue = body[left.outer_end : right.outer_start]
    if not _LIST_GLUE.match(glue):
        return False
    return bool(glue.strip()) or body[left.start : left.end].rstrip().endswith(",") or \
        body[left.end : left.outer_end].lstrip().startswith(",")
_MODIFIER_DEPS = ("amod", "compound", "nmod", "nummod")
# "what the industry calls “thermal banking”: cooling ...", "what Fairweather calls “scent smog”: exhaust fumes that
# ...": a term being defined (present tense, a colon or comma and its definition after the mark); "what he called
# “plan B”" in the past is someone's words.
_WHAT_X_CALLS = re.compile(r"\bwhat\s+(?:[\w’'.-]+\s+){1,4}call(?:s)?\s+(?:an?\s+|the\s+)?$", re.I)
_DEFINED_AFTER = re.compile(r"\s*[:,]\s+[a-z]")
# "what researchers call “...”", "which staff are calling “...”": a term of a group written as a bare common noun,
# in the present (not "he", not a name: "what he called “plan B”" is someone's words; nor the past: "citing what
# administrators called “unresolved security concerns.”" reports what they said).
_WHAT_A_GROUP_CALLS = re.compile(r"\b(?:what|which)\s+(?!(?:he|she|i|we|you|it)\s)[a-z]+\s+"
                                 r"(?:are\s+|is\s+)?call(?:s|ing)?\s+$")
# A possessive or article right before the mark, and a description in apposition after it.
_DETERMINED = re.compile(r"\b(?:its|their|the|our|a|an)\s+$", re.I)
# ... or a definite noun whose relative clause defines the term ("apply the “tilted balance”, the rule that weighs in
# favour of building"): the writer glossing a term, where "“...,” the minister said" names a speaker.
_DESCRIBED_AFTER = re.compile(r",?\s+(?:(?:a|an)\s+[a-z]+|the\s+[a-z]+\s+(?:that|which|whereby|under\s+which|by\s+which)\s)")
# A possessive right before the mark: the quoted words are the head of the writer's own noun phrase, something of its
# owner's ("Northern Radio’s “Bookshelf”", "the district's “Friday Club,”").
_POSSESSED = re.compile(r"[\w.](?:’s|'s|s’|s')\s+$")
NOT_SPEECH_REASON = {
    "title": "the name of a work, show or campaign, not speech",
    "slogan": "a slogan or chant, not speech",
    "scare": "scare quotes or a term held at a distance, not attributed speech",
}


def named_kind(ctx: DocContext, q, spans: list, lex: Lexicon) -> str | None:
    """title, slogan or scare when the context says the words are named rather than said; None otherwise."""
    body = ctx.body
    para_start = ctx.paragraph_of(q.outer_start)[0]
    before = body[max(q.outer_start - 40, para_start) : q.outer_start]
    following = _NEXT_WORDS.match(body, q.outer_end)
    # the noun right after the closing mark ("the “Pose” actor"); "“...,” the actor said" names a speaker
    after = {following.group(1).lower()} if following else set()
    if opens_a_letter(ctx, q):
        return None  # "“Dear Resident,” it began, “we are ...”": a letter's first words (text_authors)
    if lex.slogan_before_re.search(before) or after & lex.slogan_after:
        return "slogan"  # "the slogan “Meth. We’re on it.”", "“Souls to the Polls” drives"
    if chanted_after(ctx, q, lex):
        return "slogan"  # "“Santangelo, listen!” protesters chanted as they passed the palace"
    if _carried_by_a_medium(body[para_start : q.outer_start], lex):
        return "slogan"  # "Picket line chant, per our reporter: “...”", "The café put up a sign: “...”"
    if displayed_in_a_place(ctx, q, lex):
        return "slogan"  # "A hand-painted notice in the window now reads “...”", "“...”, which are painted on the wall"
    if carried_by_a_thing(ctx, q, lex):
        return "slogan"  # "The hotel's website promises guests “...”", "The petition carries the line “...”"
    equated = equated_kind(ctx, q, lex)
    if equated:
        return equated  # "The campaign's slogan is “Keep the Lanes Lit.”", "The charity's fundraising line, “...”,"
    if voiced_by_one(ctx, q, lex):
        return None  # "somebody near the back shouted “Shame on Calloway!”": one voice's words, not a title
    if lex.set_text_opening_re.search(before):
        return "title"  # "the pledge, which begins “I will give my loyalty ...”": a set text named by its opening
    if _title_in_commas(body, q, before, lex):
        return "title"  # "Her memoir, “Hard Choices,” sold ...", "“Tidewalker,” the game’s first trailer, will go"
    if lex.title_nouns_re.search(before) or after & lex.title_after:
        return "title"  # "in his book “...”", "the “Pose” actor"
    words = body[q.start : q.end].split()
    if _title_case(words, lex) or _in_list_of_titles(ctx, q, spans, lex):
        return "title"  # "“Meet the Press”", "“Mary Poppins” and “Bambi.”"
    if lex.sung_before_re.search(before) and not voiced_by_one(ctx, q, lex, lex.singing_verbs):
        return "slogan"  # "The home end spent the afternoon singing “we want our ground back”": a crowd's song, a chant
    if _on_a_medium_after(ctx, q, lex):
        return "slogan"  # "Reid's pitch — “Buses, bins and the clinic” — has been on leaflets across the ward"
    if lex.scare_before_re.search(before) or _scare_verb_near(ctx, q, lex) or _nickname_given(ctx, q, lex):
        # "the so-called “deep state”", "as Reed dubbed the combination", "have long called the span “the Washboard”"
        return "scare"
    if _WHAT_X_CALLS.search(before) and _defined_after(body, q):
        return "scare"  # "what the industry calls “thermal banking”: cooling stores harder overnight"
    if _WHAT_A_GROUP_CALLS.search(before):
        return "scare"  # "what researchers call “learning decay”", "which staff are calling “the forty metres”"
    if len(words) <= 3 and _DETERMINED.search(before) and _DESCRIBED_AFTER.match(body, q.outer_end) \
            and body[q.start : q.end].rstrip()[-1:] not in ".!?":
        return "scare"  # "on its “measles dashboard,” a page she admitted was bare": a thing named, then described
    if len(words) == 1 and (_DETERMINED.search(before) or _POSSESSED.search(before)) \
            and words[0].strip(_EDGE_PUNCT + "“”\"‘’'")[:1].isupper():
        # "little patience for the “Squad,” aides say": a name for a group, not words said; "for Northern Radio’s
        # “Bookshelf”": the name of a thing its owner runs (a show, a scheme, a product), as a title in title case is
        return "title" if _POSSESSED.search(before) else "scare"
    if len(words) <= 3 and (_modifies_next_noun(ctx, q) or one_item_of_a_list(ctx, q, nouns=True)):
        return "scare"  # "an “irregular” channel", "corporations, “creators,” and normal people"
    return None


def displayed_in_a_place(ctx: DocContext, q, lex: Lexicon) -> bool:
    """The sentence puts the words, or the thing that carries them, in a place: a thing no one is ("A hand-painted
    notice in the window now reads “...”"; "It reads: “...”" after "A notice has been pinned above the table") that
    a verb of showing words (lex.medium_verbs) has as its subject, or a noun the words stand beside that a relative
    clause places ("the same words, “...”, which are now painted on the wall"). Words shown where a reader sees them
    are displayed text, a slogan, whoever first said them; a statement or message "on its website" is still a thing
    said (lex.speech_nouns), and a person or a body reading out is speech."""
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    head = root.head
    if head.i == root.i or ctx.in_quote(head.idx):
        return False
    if head.lower_ in lex.medium_verbs and head.tag_.startswith("VB") and head.idx < q.outer_start \
            and not any(c.dep_ == "prt" for c in head.children):  # "reads “...”", not "“...,” it read", "carrying out"
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ == "it":  # the thing the sentence before placed, or its verb did
            subject = _subject_before(ctx, head.sent)
            return subject is not None and _a_thing(subject, lex) and (
                _placed(subject, lex) or _placed(subject.head, lex))
        return subject is not None and _a_thing(subject, lex) and _placed(subject, lex)
    if root.dep_ == "appos" and head.tag_.startswith("NN"):
        # the relative clause hangs on the noun or, as the parse may have it, on the words themselves
        return any(c.dep_ == "relcl" and c.tag_ == "VBN" and _placed(c, lex) for c in (*head.children, *root.children))
    return False


def carried_by_a_thing(ctx: DocContext, q, lex: Lexicon) -> bool:
    """The words are what a thing carries: the object of a verb of showing words (lex.medium_verbs) before them,
    directly or as the line it names ("The hotel's website promises guests “...”", "The petition carries the line
    “...”"), whose subject is a thing: a common noun that is no one (not a person's or a body's word, no name the model
    tags as one) and no thing said (a statement or a letter "promises" its sender's words). A brochure or a website
    says nothing in anyone's voice: its line is a slogan, whoever owns it. The verb in its simple form, the words in
    its own flow: a colon sets out a text (text_authors, _carried_by_a_medium), and "was carrying" a load."""
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    for _ in range(2):  # the words, or the noun they stand for ("the line “...”")
        tok = tok.head
        if tok.i == tok.head.i or ctx.in_quote(tok.idx) or not tok.tag_.startswith("NN"):
            break
    if tok.lower_ not in lex.medium_verbs or not tok.tag_.startswith("VB") or tok.idx > q.outer_start \
            or any(c.dep_ in ("aux", "auxpass") for c in tok.children) or ":" in ctx.body[tok.idx : q.outer_start]:
        return False  # "The rocket was carrying “Pathfinder-3”" names its load; "The sentence reads: “...”" sets out a text
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.tag_ in ("NN", "NNS") and subject.ent_type_ not in ("PERSON", "ORG", "NORP") \
        and subject.lower_ not in lex.speech_nouns and subject.lower_ not in lex.org_anaphors \
        and not people_word(subject.lower_, lex, titles=True) and not any(  # "The council leader, Ann Rudd, promises"
            c.dep_ == "appos" and (c.tag_ == "NNP" or c.ent_type_) for c in subject.children)


def _subject_before(ctx: DocContext, sent):
    """The subject of the sentence right before (the thing "It" points back to), or None."""
    if sent.start == 0:
        return None
    before = ctx.sdoc[sent.start - 1].sent
    top = before.root
    return next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_.startswith("NN")), None)


def _a_thing(tok, lex: Lexicon) -> bool:
    """A common noun that is no one (not a person's or a body's name), no thing said and no one's."""
    return tok.tag_ in ("NN", "NNS") and tok.ent_type_ not in ("PERSON", "ORG", "NORP") \
        and tok.lower_ not in lex.speech_nouns and not any(  # "One reply ..., from an account called ...": someone's
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by")) for c in tok.children)


def _placed(tok, lex: Lexicon) -> bool:
    """A preposition of place hung on tok whose object is a thing, not a time ("in the window", not "in March")."""
    return any(c.dep_ == "prep" and c.lower_ in lex.display_prepositions and any(
        o.dep_ == "pobj" and o.tag_.startswith("NN") and o.ent_type_ not in ("DATE", "TIME", "PERSON", "ORG", "GPE")
        for o in c.children) for c in tok.children)


def equated_kind(ctx: DocContext, q, lex: Lexicon) -> str | None:
    """What the sentence says the words are: a noun of a set form of words equated with them, right before the mark
    ("the catchphrase “...”"), in commas beside them ("The charity's fundraising line, “...”, still runs", "“...”,
    the party's slogan, was"), or through a copula ("whose campaign line is “...”", "Its subject line was “...”").
    The noun's kind is the words' kind: a slogan's noun (lex.slogan_nouns, or a line whose use a noun names: "campaign
    line", not the actor's bare "delivers the line “...”"), or a heading's (lex.heading_nouns, through a copula: a
    title). A noun of a thing said ("Her message was “...”") is no such noun, nor one inside a phrase of place or
    time ("In the slogan's place, “...,” she said")."""
    sent = ctx.sentence_at(q.outer_start)
    lead = ctx.body[sent.start_char : q.outer_start]
    found = lex.equated_before_re.search(lead)
    if found:
        noun, link = found.group("noun").lower(), found.group("link").strip(" :")
        start = sent.start_char + found.start("noun")
        if link == "," and ("," not in ctx.body[q.end : q.outer_end + 1] or _IN_A_PHRASE.search(lead, 0, found.start())):
            found = None  # not an apposition closed after the words, or "In the campaign's slogan, ..."
        elif not _stand_for_the_noun(ctx, q, link):
            return None  # "the slogans “work because they are short”", "the caption was “sarcastic and disloyal”"
        elif noun in lex.heading_nouns and noun not in lex.slogan_nouns:
            if link not in ("", ","):
                return "title"  # "Its subject line was “...”"; the other forms are title_nouns' and title_in_commas'
            found = None
    if not found:
        found = lex.equated_after_re.match(ctx.body, q.outer_end)
        if not found or ctx.body[q.start : q.end].rstrip()[-1:] in ".!?":
            return None  # "“We will win.” The slogan, ..." is a new sentence
        noun, start = found.group("noun").lower(), found.start("noun")
    if noun in lex.slogan_nouns:
        return "slogan"
    return "slogan" if noun in lex.set_line_nouns and _use_named(ctx, start) else None


def _stand_for_the_noun(ctx: DocContext, q, link: str) -> bool:
    """The words can be what the noun is, not something said of it: right after the noun they are not its verb ("the
    slogans “work because they are short”" says what the slogans do), after a copula not an adjective ("the caption
    was “sarcastic and disloyal”" judges the caption)."""
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root = span.root
    if link == "":
        return not (root.tag_.startswith(("VB", "MD")) and any(
            c.dep_ in ("nsubj", "nsubjpass") and not (q.start <= c.idx < q.end) for c in root.children))
    return link == "," or not root.tag_.startswith("JJ")


def _use_named(ctx: DocContext, start: int) -> bool:
    """A noun in front of the noun at start names what it is for ("campaign line", "fundraising line")."""
    span = ctx.sdoc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and any(
        c.dep_ == "compound" and c.tag_.startswith("NN") and c.i < span[0].i for c in span[0].children)


def _title_in_commas(body: str, q, before: str, lex: Lexicon) -> bool:
    """The quoted words stand in commas beside a noun naming a work, before them ("The paper, “Competing lights:
    ...,” is published") or after them ("“Tidewalker,” the game’s much-mocked first trailer, would be replaced"):
    an apposition, so the words are its title. "“It was a mistake,” the film’s director said" has no such noun,
    and "“Never again,” the report said" no comma closing it."""
    if "," not in body[q.end : q.outer_end + 1]:
        return False
    noun = lex.title_in_commas_before_re.search(before)
    if noun and not _IN_A_PHRASE.search(before, 0, noun.start()):  # not "In the report, “...,” they wrote"
        return True
    return bool(lex.title_in_commas_after_re.match(body, q.outer_end))


# A preposition opening the noun phrase that ends right before the comma: an adverbial, not the work's name.
_IN_A_PHRASE = re.compile(r"\b(?:in|on|at|from|of|to|for|with|by|about|into|under|after|before|during|through)\s+"
                          r"(?:(?:the|his|her|its|their|a|an|this|that)\s+)?(?:[\w’'-]+\s+){0,3}$", re.I)


_CLAUSE_END = re.compile(r"[,;:“\"]|(?:^|\s)(?:and|but)\s")


def _on_a_medium_after(ctx: DocContext, q, lex: Lexicon) -> bool:
    """Verbless quoted words that the rest of their sentence puts on a medium ("“Buses, bins and the Brook Street
    clinic” — has been on leaflets across the ward", "“Stronger Together” was on every placard"), with no verb of
    speech in the sentence: a campaign's line, a slogan. "“A disgrace,” she said of the placards" reports speech."""
    sent = ctx.sentence_at(q.outer_start)
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or any(t.tag_.startswith(("VB", "MD")) for t in span):
        return False
    clause = _CLAUSE_END.split(ctx.body[q.outer_end : sent.end_char].lstrip(" —–-"), maxsplit=1)[0]
    words = re.findall(r"[\w’'-]+", clause.lower())  # the clause the quote is in, not "..., and a sign reads"
    around = re.findall(r"[\w’'-]+", ctx.body[sent.start_char : q.outer_start].lower()) + words
    return any(w in lex.slogan_media for w in words) and not any(w in lex.cues for w in around)


# Words between a verb of voice and the mark ("shouted back: “...”", "called out, “...”").
_VOICE_PARTICLES = ("back", "out", "again")
_VOICE_CLIMB = ("xcomp", "conj", "advcl")


def voiced_by_one(ctx: DocContext, q, lex: Lexicon, verbs: frozenset | None = None) -> bool:
    """The quoted words are the object of a verb of voice (lex.voice_verbs, or `verbs`) right before the mark whose subject is
    one person ("somebody near the back shouted “Shame on Calloway!”", "someone muttered “Hear, hear,”"): that
    person's speech, however short or capitalised. A crowd's or a plural's ("the crowd begins yelling “Mercy!”",
    "Protesters shouted “Shame!”") is left to the other rules (the real labels give a crowd's yell to the crowd)."""
    mark = ctx.sdoc.char_span(q.outer_start, q.outer_start + 1, alignment_mode="expand")
    if mark is None or not len(mark) or mark[0].i == 0:
        return False
    verb = mark[0].nbor(-1)
    while verb.i > verb.sent.start and (verb.is_punct or verb.lower_ in _VOICE_PARTICLES):
        verb = verb.nbor(-1)
    if verb.lower_ not in (lex.voice_verbs if verbs is None else verbs) or not verb.tag_.startswith("VB"):
        return False
    tok = verb
    for _ in range(3):  # "A caller ... rang in to shout “...”": the subject of the verb it completes
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and not ctx.in_quote(c.idx)]
        if subjects:
            subject = subjects[-1]
            break
        if tok.dep_ not in _VOICE_CLIMB or tok.head is tok:
            return False
        tok = tok.head
    else:
        return False
    if subject.lower_ in lex.collective_nouns or any(c.dep_ == "conj" for c in subject.children):
        return False  # "the crowd", "Ana and Tom": more than one voice
    return subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "someone", "somebody", "one")


_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[A-Z“\"])")
_CHANT_NOUNS = frozenset({"slogan", "slogans", "chant", "chants", "motto", "tagline", "hashtag"})


def _carried_by_a_medium(lead: str, lex: Lexicon) -> bool:
    """The paragraph runs into the quote through a colon after naming a sign, banner, poster or chant, and no verb
    of its reports speech: the words are what the medium carries, a slogan, whoever put it up."""
    lead = _SENTENCE_END.split(lead)[-1]  # the sentence running into the quote: a cue before it says nothing
    carried = lex.medium_verb_re.search(lead)
    if not lead.rstrip().endswith(":") and not carried:
        return False  # "The sign: “...”", "the chalkboard by the door promises “...”", "carries the line “...”"
    lead = lead[: carried.start()] if carried else lead  # what the medium does is no cue ("promises", "reads")
    words = re.findall(r"[\w’'-]+", lead.lower())
    return any(w in lex.slogan_media or w in _CHANT_NOUNS for w in words) and not any(w in lex.cues for w in words)


def _defined_after(body: str, q) -> bool:
    """A colon or comma and a definition after the quoted term, the comma inside the marks or out."""
    return bool(_DEFINED_AFTER.match(body, q.outer_end)) or (
        body[q.start : q.end].rstrip()[-1:] in ",:" and re.match(r"\s+[a-z]", body[q.outer_end : q.outer_end + 3]) is not None)


def one_item_of_a_list(ctx: DocContext, q, nouns: bool = False) -> bool:
    """The quoted words are one item of a list whose other items the story writes unquoted ("toggle between
    being corporations, “creators,” and normal people"): a term held at a distance, not words someone said. Lists
    quoted item by item ("a “stronger” and “more viable” enterprise") are left to the other rules; nouns: the quoted
    words must be a noun too (the parse hangs adjectives of a noun phrase on its nouns as items)."""
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if nouns and not root.tag_.startswith("NN"):
        return False
    siblings = ([root.head] if root.dep_ == "conj" else []) + [c for c in root.children if c.dep_ == "conj"]
    return any(not (q.start <= s.idx < q.end) and not ctx.in_quote(s.idx) and s.tag_.startswith("NN")
               for s in siblings)


# Abbreviations that end in a full stop inside a name ("Dr. Strangelove", "Mr. Smith Goes to Washington").
_ABBREVIATION = re.compile(r"(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|Prof|Rev|Mt|Ft|Vol|No)\.")


def _title_case(words: list[str], lex: Lexicon) -> bool:
    """Every word but small ones capitalised, at least two of them, in one stretch with no sentence break."""
    if not 1 <= len(words) <= lex.max_title_words:
        return False
    if len(words) == 1:  # an acronym ("“DWTS”"); one capitalised word may as well be an exclamation
        letters = words[0].strip(_EDGE_PUNCT + "’'")
        return len(letters) >= 2 and letters.isalpha() and letters.isupper()
    if any(w[-1:] in ".!?" and not _ABBREVIATION.fullmatch(w.lstrip("“\"‘'(")) for w in words[:-1]):
        return False  # "Meth. We’re on it." is two sentences, not a name; "Dr. Strangelove" is one
    content = [w.strip(_EDGE_PUNCT + "“”\"'‘’()") for w in words]
    content = [w for w in content if w and w.lower() not in lex.title_small_words]
    first = words[0].lstrip("“\"‘'(")[:1]
    return len(content) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in content) and (first.isupper() or first.isdigit())


def _in_list_of_titles(ctx: DocContext, q, spans: list, lex: Lexicon) -> bool:
    """A quote listed beside a title with only commas or "and" between them is a title too ("“Bambi.”")."""
    k = next(i for i, s in enumerate(spans) if s is q)
    for j in (k - 1, k + 1):
        if 0 <= j < len(spans):
            left, right = (spans[j], q) if j < k else (q, spans[j])
            if _listed(ctx.body, left, right) and _title_case(ctx.body[spans[j].start : spans[j].end].split(), lex):
                return True
    return False


def _scare_verb_near(ctx: DocContext, q, lex: Lexicon) -> bool:
    sent = ctx.sentence_at(q.outer_start)
    window = ctx.body[max(sent.start_char, q.outer_start - 70) : q.outer_start] + " " + \
        ctx.body[q.outer_end : min(sent.end_char, q.outer_end + 40)]
    return any(w in lex.scare_verbs for w in re.findall(r"[a-z]+", window.lower()))


def _nickname_given(ctx: DocContext, q, lex: Lexicon) -> bool:
    """"Many have long called the span “the Washboard.”", "Some have taken to calling the authority “the Poison
    Board”": a naming verb whose object the quoted words complete, and the words a name ("the" and capitalised
    words), give a nickname; "Ostrowski called the plan “a start, not a solution”" is speech."""
    words = ctx.body[q.start : q.end].strip(_EDGE_PUNCT).split()
    if not 2 <= len(words) <= 5 or words[0] != "the" or not all(w[:1].isupper() for w in words[1:]
                                                                 if w.lower() not in lex.title_small_words):
        return False
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span.root.head
    if span.root.dep_ == "appos":  # "called the narrow span “the Washboard”", parsed as the span's apposition
        verb = verb.head
    return verb.lower_ in lex.naming_verbs and verb.idx < q.outer_start


def listed_with_slogans(ctx: DocContext, all_spans: list, kinds: list) -> None:
    """Quotes listed beside a slogan with only commas or "and" between them are slogans too ("Parents chanted
    “Save our schools!” and “Vote them out!”"): the verb or noun that makes the first a chant governs the list."""
    for spans, span_kinds in zip(all_spans, kinds):
        for k in range(1, len(spans)):
            if span_kinds[k] is None and span_kinds[k - 1] == "slogan" and _listed(ctx.body, spans[k - 1], spans[k]):
                span_kinds[k] = "slogan"


def _modifies_next_noun(ctx: DocContext, q) -> bool:
    """The quoted words qualify the noun right after the closing mark, inside one noun phrase."""
    span = ctx.sdoc.char_span(q.start, q.end, alignment_mode="expand")
    tokens = [t for t in span if not t.is_punct] if span is not None else []
    if not tokens:
        return False
    last = tokens[-1]
    head = last.head
    return (last.dep_ in _MODIFIER_DEPS and head.i > last.i and head.idx >= q.outer_end
            and head.tag_.startswith("NN"))
