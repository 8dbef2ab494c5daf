"""Named entities: trimmed mentions, aliases resolved within a document, stable ids across documents."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from newsfacts.facts.lexicon import Lexicon, people_word
from newsfacts.records import Entity, EntityAlias, Mention

# a dash with spaces round it is punctuation, not the hyphen of a double-barrelled name ("Ruiz-Calder")
_SPACED_DASH = re.compile(r"\s+[-–—]\s")
_POSSESSIVE = re.compile(r"(?:[’']s?)$")
_TRAILING = re.compile(r"[\s,;:!?\"“”‘’()\[\]—–-]+$")
_LEADING = re.compile(r"^[\s\"“”‘’(\[—–-]+")
_INITIALISM = re.compile(r"(?:(?:\b[A-Za-z]\.)+|\b(?:Jr|Sr|St|Co|Inc|Corp|Ltd)\.)$")
_ARTICLE = re.compile(r"^the\s+", re.I)


@dataclass
class EntityMention:
    """One trimmed entity span in a document, before and after alias resolution."""

    start: int
    end: int
    text: str
    type: str
    key: str
    entity_id: str = ""
    person_by_grammar: bool = False  # typed a person by the words around it (", who", an honorific), not the model
    # the person's name when the text gives it in pieces ("Colin" of "Colin and Brenda Hutchings"), or whole but with a
    # given name that is also a title ("Her son, Dean Cole": a name, not a title and a surname)
    named: str = ""
    body_by_grammar: bool = False  # typed an organisation by a description of its kind in apposition, not the model


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Case, accents, hyphens, spaces and dots folded away: "Kim Jong-un" and "Kim Jong Un" share a key."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]", "", folded)


def entity_id(type_: str, key: str) -> str:
    return hashlib.sha1(f"{type_}|{key}".encode()).hexdigest()[:16]


def trim_span(body: str, start: int, end: int, label: str, lex: Lexicon) -> tuple[int, int]:
    """Shrink a model span to the name itself: no article, possessive, title or stray punctuation."""
    for _ in range(3):  # each pass can expose another layer ("the Kremlin’s," -> "Kremlin")
        text = body[start:end]
        lead = _LEADING.match(text)
        if lead:
            start += lead.end()
        text = body[start:end]
        trail = _TRAILING.search(text)
        if trail:
            end -= len(trail.group())
        text = body[start:end]
        poss = _POSSESSIVE.search(text)
        if poss and len(text) > len(poss.group()):
            end -= len(poss.group())
        text = body[start:end]
        if text.endswith(".") and not _INITIALISM.search(text):
            end -= 1
        text = body[start:end]
        article = _ARTICLE.match(text)
        if article and label != "PERSON" and len(text) > article.end():
            start += article.end()
        if label == "PERSON":
            title = lex.titles_re.match(body[start:end])
            if title and title.end() < end - start:
                start += title.end()
            honours = lex.post_nominals_re.search(body[start:end])
            if honours and honours.start() > 0:  # "Rupert Halse KC" -> "Rupert Halse"; a bare "KC" is kept
                end = start + honours.start()
            dash = _SPACED_DASH.search(body[start:end])
            if dash and dash.start() > 0:  # "Tricia Halvorsen - no relation": a spaced dash ends the name
                end = start + dash.start()
    return start, end


def canonical_surface(text: str, lex: Lexicon) -> str:
    return lex.canonical.get(text.lower(), text)


def _first_name_token(ent) -> int | None:
    """Where a person's name starts once words the model swept in are dropped ("Hosting Cook" -> "Cook")."""
    for tok in ent:
        if tok.tag_ in ("NNP", "NNPS") and not _opening_gerund(tok, ent):
            return tok.idx
    return None


def _opening_gerund(tok, ent) -> bool:
    """"Hosting Cook at Dreamforce is our dream": a sentence-opening -ing word the tagger took for a name."""
    return tok.i == ent.start and tok.is_sent_start and len(ent) > 1 and tok.lower_.endswith("ing")


def doc_entity_mentions(body: str, ents, lex: Lexicon) -> list[EntityMention]:
    """Trimmed mentions of the model's entities in one document, in text order."""
    out = []
    for ent in _honoured_people(ents, lex):
        ent = _titled_person_tagged_a_work(_without_reporting_verb(ent, lex), lex)
        ent = _honorific_in_other_span(_honoured_work(body, ent))
        if ent.label_ not in lex.labels:
            continue
        aged = ent.label_ in ("NORP", "ORG", "GPE", "LOC") and _AGE_FOLLOWS.match(body, ent.end_char) is not None \
            and all(t.tag_ == "NNP" for t in ent)  # "was Gwen Tallis, 67, whose car": only "Tallis", typed NORP
        start = _first_name_token(ent) if ent.label_ == "PERSON" or aged else ent.start_char
        if start is None:
            continue
        if ent.label_ == "PERSON" or aged:
            start = _given_names_before(ent, start, lex)
        # "Mrs K" typed an organisation: an honorific opening the span is given to people only
        opened = ent.label_ in ("ORG", "GPE", "LOC") and _HONORIFIC_OPENS.match(body, start) is not None
        start, end = trim_span(body, start, ent.end_char, "PERSON" if opened else ent.label_, lex)
        text = body[start:end]
        if not re.search(r"[A-Za-z]", text) or text.lower() in lex.stop or not text[0].isupper():
            continue
        name = canonical_surface(text, lex)
        label = lex.canonical_types.get(name, "GPE") if name != text else ent.label_
        honoured = label in ("ORG", "GPE", "LOC") and _honoured_name(text, lex)
        if honoured:  # "Imogen Blackwood KC", typed an organisation: the honour is a person's, and not her name
            end, text, name = start + len(honoured), honoured, honoured
        by_grammar = aged or label in ("ORG", "GPE", "LOC") and bool(
            honoured or opened or _who_follows(body, start, end)
            or _HONORIFIC_BEFORE.search(body, max(start - 6, 0), start)
            or _named_after_a_title(ent, lex) or _after_a_lowercase_title(ent, lex) or _owns_her_or_his(ent)
            or _named_as_a_persons_relation(ent, lex)
            or label in ("GPE", "LOC") and _AFFILIATION_AFTER.match(body, end) is not None and len(text.split()) > 1)
        kind_after = label == "PERSON" and not by_grammar and _kind_in_apposition(body, end, lex)
        if label == "PERSON" and not by_grammar and (_named_after_its_kind(body, start, ent, lex) or kind_after
                                                     or (len(text.split()) > 1 and _WHICH_FOLLOWS.match(body, end))):
            label = "ORG"  # "The airline Aerolinhas Mirandel said it had cancelled 31 flights"
        if by_grammar:
            label = "PERSON"  # "Montell Figgins, who represents Thomas", "Tommy — who only goes by his first name
            # online —": organisations and places take "which"; "Dr. Harlan Mbeki"; "the Minister ..., Orrin Calloway"
        out.append(EntityMention(start, end, text, label, name_key(name), person_by_grammar=by_grammar,
                                 body_by_grammar=kind_after))
    return out


def _who_follows(body: str, start: int, end: int) -> bool:
    """", who" after a name makes it a person's, unless the name is an affiliation in commas after someone else's
    name (_AFFILIATION_BEFORE): then the relative clause is theirs."""
    return _WHO_FOLLOWS.match(body, end) is not None \
        and _AFFILIATION_BEFORE.search(body, max(start - 8, 0), start) is None


def _kind_in_apposition(body: str, end: int, lex: Lexicon) -> bool:
    """"Pell, the Stockholm-based wearables company, on Wednesday unveiled": a name with a description of a kind of
    organisation in apposition after it (lexicon org_anaphors, org_kinds: the description's last word, before its
    closing comma) is that organisation, however often the model types the name a person."""
    kind = _KIND_AFTER.match(body, end)
    return kind is not None and (kind.group(1) in lex.org_anaphors or kind.group(1) in lex.raw["speech"]["org_kinds"])


_KIND_AFTER = re.compile(r",\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?([a-z]+)\s*[,.;]")


def _honoured_name(text: str, lex: Lexicon) -> str | None:
    """The name before an honour or office written after it ("Imogen Blackwood KC" -> "Imogen Blackwood"), when that
    name is two or more capitalised words: honours (lexicon names.post_nominals) are given to people, not to
    organisations or places; one word before it ("Labour MP") is a party or a place, not a name."""
    honours = lex.post_nominals_re.search(text)
    if honours is None:
        return None
    name = text[:honours.start()]
    words = name.split()
    return name if len(words) >= 2 and all(w[0].isupper() for w in words) else None


def _honoured_people(ents, lex: Lexicon) -> list:
    """"His barrister, Priya Chandran KC," with only "KC" tagged (an organisation), "Julian Reade KC" with "Julian
    Reade" tagged a nationality, "Tomas Ilves KC" with only "Tomas" tagged: an honour written after a name (lexicon
    names.post_nominals) is given to people, so the run of two or more capitalised words right before it is a
    person's name, whatever type the model gave it or the honour; the bare honour is no entity of its own. Not a
    run of one word ("Tory MP"), nor an honour that is a title before a name or after an article ("Liberal Democrat
    MP Layla Moran", "the Scottish Labour MSP for Fife": a party, left as the model read it)."""
    from spacy.tokens import Span

    out: list = []
    for ent in ents:
        doc = ent.doc
        if ent.label_ != "PERSON" and _honour_after_a_name(doc, ent.start, ent.end, lex):
            start = _proper_nouns_before(doc, ent.start)
            prev = out[-1] if out else None
            merged = prev is not None and prev.end == start \
                and _proper_nouns_before(doc, prev.end, prev.start) == prev.start and not _after_an_article(doc, prev.start)
            if merged:
                start = prev.start  # "Tomas" tagged, "Ilves" not: one name
            if ent.start - start >= 2 and not _after_an_article(doc, start):
                if merged:
                    out.pop()
                out.append(Span(doc, start, ent.start, label="PERSON"))
            elif ent.label_ not in ("ORG", "NORP", "GPE", "LOC"):
                out.append(ent)
            continue  # the bare honour is no entity of its own
        if ent.label_ in ("ORG", "NORP", "GPE", "LOC", "WORK_OF_ART") and len(ent) >= 2 \
                and _honour_after_a_name(doc, ent.end, ent.end + 1, lex) \
                and _proper_nouns_before(doc, ent.end, ent.start) == ent.start and not _after_an_article(doc, ent.start):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Julian Reade KC", the name tagged apart
        out.append(ent)
    return out


def _honour_after_a_name(doc, start: int, end: int, lex: Lexicon) -> bool:
    """doc[start:end] is honours only, and no name follows them (then they are a title: "Labour MP Jane Doe")."""
    if end > len(doc) or start >= end or doc[end - 1].text.rstrip(".") not in _post_nominals(lex):
        return False  # the cheap test first: this runs for every entity of every document
    nxt = doc[end] if end < len(doc) else None
    return lex.post_nominals_re.fullmatch(" " + doc[start:end].text) is not None \
        and not (nxt is not None and nxt.tag_ in ("NNP", "NNPS") and nxt.text[:1].isupper())


@lru_cache(maxsize=4)
def _post_nominals(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.raw["names"]["post_nominals"])


def _after_an_article(doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_ in ("a", "an", "the")


def _proper_nouns_before(doc, end: int, floor: int | None = None) -> int:
    """Where the run of capitalised proper nouns (and hyphens of a joined name) ending at `end` starts; with `floor`,
    not before it (a span's own words), else over untagged words only."""
    i = end
    while i > (floor if floor is not None else 0) and doc[i - 1].tag_ in ("NNP", "NNPS", "HYPH") \
            and (doc[i - 1].text[:1].isupper() or doc[i - 1].tag_ == "HYPH") \
            and (floor is not None or not doc[i - 1].ent_type_):
        i -= 1
    return i


def _named_after_a_title(ent, lex: Lexicon) -> bool:
    """"the Minister for Fisheries, Orrin Calloway", "the union's branch secretary, Declan Mulvey": a name of two or
    more capitalised words in apposition to a title (lexicon names.titles) is a person's, whatever type the model
    gave it; organisations and places are not given a minister or a secretary in apposition."""
    root = ent.root
    words = [t for t in ent if not (t.is_space or t.is_punct)]
    return (len(words) >= 2 and all(t.tag_ == "NNP" for t in words) and not any(t.text == "," for t in ent)
            and root.dep_ == "appos"
            and root.head.i < ent.start and lex.titles_re.match(root.head.text + " ") is not None)


# The endings of a noun for one who does something ("challenger", "barrister", "prosecutor", "novelist"), as
# referents reads an agent noun.
_AGENT_NOUN = re.compile(r"^[a-z]{3,}(?:er|or|ist|ant|ent|ian)$")


def _named_as_a_persons_relation(ent, lex: Lexicon) -> bool:
    """"the title holder, Aleksandar Varga, and his challenger, Nadia Osei-Brandt," with the challenger typed an
    organisation: a name of two or three capitalised words in apposition to a noun for a person (a people word of
    the lexicon, or an agent noun) that "his" or "her" owns is a person's: a man's or a woman's challenger, coach or
    barrister. Not a body ("her company, Brightwater Holdings", "his club"), whose kind or name word the lexicon holds
    (body_words, below)."""
    root = ent.root
    words = [t for t in ent if not (t.is_space or t.is_punct)]
    if not 2 <= len(words) <= 3 or not all(t.tag_ in ("NNP", "NNPS") for t in words) or root.dep_ != "appos":
        return False
    noun = root.head
    bodies = body_words(lex)
    if noun.i >= ent.start or noun.tag_ != "NN" or noun.lower_ in bodies or any(t.lower_ in bodies for t in words):
        return False
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in noun.children):
        return False
    return people_word(noun.lower_, lex, titles=True) or _AGENT_NOUN.match(noun.lower_) is not None


def _owns_her_or_his(ent) -> bool:
    """"Its winemaker, Imogen Fairweather-Lyle, planted her first vines" typed an organisation: a name of two or three
    capitalised words that is the subject (or in apposition to it) of a verb whose object it owns as "her" or "his"
    is a person's; organisations own things as "its" or "their"."""
    words = [t for t in ent if not (t.is_space or t.is_punct)]
    if not 2 <= len(words) <= 3 or not all(t.tag_ == "NNP" for t in words):
        return False
    subject = ent.root.head if ent.root.dep_ == "appos" else ent.root
    if subject.dep_ != "nsubj" or not subject.head.tag_.startswith("VB"):
        return False
    return any(c.dep_ == "poss" and c.lower_ in ("her", "his") for obj in subject.head.children
               if obj.dep_ == "dobj" for c in obj.children)


def _after_a_lowercase_title(ent, lex: Lexicon) -> bool:
    """"Conservative councillor Ifeoma Saddler" typed a place: a name of two or three capitalised words right after
    a title written in lower case as a common noun before it (lexicon names.titles, the parse hanging the title on
    the name) is a person's; a capitalised word before ("Liberty Mutual") is no title of that kind."""
    if ent.start == 0:
        return False
    title = ent.doc[ent.start - 1]
    words = [t for t in ent if not (t.is_space or t.is_punct)]
    return (2 <= len(words) <= 3 and all(t.tag_ == "NNP" for t in words) and title.is_lower
            and title.dep_ in ("compound", "amod") and ent.start <= title.head.i < ent.end
            and (lex.titles_re.match(title.text + " ") is not None or _OCCUPATION.search(title.text) is not None))


# "the statistician Marcus Obi-Lindqvist", "the economist ...": a noun of one's occupation written as a title before
# a name (-ist, -ian: statistician, physician, economist, novelist) is given to people only.
_OCCUPATION = re.compile(r"^[a-z]{3,}(?:ist|ian)$")


def _without_reporting_verb(ent, lex: Lexicon):
    """"“...,” Teresa Nielsen Hayden explained." tagged as one work of art: a run of proper nouns that the model
    ran into the reporting verb after it is a person's name."""
    last = ent[-1]
    if len(ent) >= 3 and last.text.islower() and last.lower_ in lex.cues and all(t.tag_ == "NNP" for t in ent[:-1]):
        from spacy.tokens import Span

        return Span(ent.doc, ent.start, ent.end - 1, label="PERSON")
    return ent


def _titled_person_tagged_a_work(ent, lex: Lexicon):
    """"Deputy Mayor Frances Ng told ...", "Superintendent Dr. Lorraine Castellanos-Webb presented ..." tagged as a
    work of art: a title (lexicon names.titles) opening a run of proper nouns outside quotation marks is a person's
    name after it; a work's title is quoted or italic, and titles of office are given to people."""
    if ent.label_ != "WORK_OF_ART" or not lex.titles_re.match(ent.text + " ") \
            or (ent.start_char > 0 and ent.doc.text[ent.start_char - 1] in "“\"‘'") \
            or not all(t.tag_ in ("NNP", "HYPH") or t.text == "." for t in ent):
        return ent
    names = [t for t in ent if t.tag_ == "NNP" and not lex.titles_re.match(t.text + " ")]
    if len(names) < 2:
        return ent
    from spacy.tokens import Span

    return Span(ent.doc, ent.start, ent.end, label="PERSON")


def _named_after_its_kind(body: str, start: int, ent, lex: Lexicon) -> bool:
    """"The airline Aerolinhas Mirandel", "the charity Hope Street": a name written right after "the" and a word for a
    kind of organisation (lexicon org_anaphors, org_kinds) is that organisation's, whatever type the model gave it;
    people are introduced by their role ("the airline's chief executive Ana Lopes"), not by a body's kind. Not the
    subject of a clause describing the body ("the company Elon Musk founded")."""
    kind = re.search(r"\b[Tt]he\s+([a-z]+)\s+$", body[max(start - 40, 0) : start])
    if kind is None or not (kind.group(1) in lex.org_anaphors or kind.group(1) in lex.raw["speech"]["org_kinds"]):
        return False
    return not (ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.dep_ in ("relcl", "acl"))


def _honoured_work(body: str, ent):
    """"Superintendent Dr. Lorraine Castellanos-Webb presented ..." tagged as a work of art: outside quotation marks,
    an honorific followed by two or more proper nouns that end the span is a person's name (titles before it are
    trimmed as for any person). A title in quotation marks ("“Dr. Strangelove”") stays a work."""
    if ent.label_ != "WORK_OF_ART" or body[max(ent.start_char - 1, 0) : ent.start_char] in "“\"‘'" and ent.start_char:
        return ent
    for tok in ent:
        if _HONORIFIC_TOKEN.fullmatch(tok.text) and ent.end - tok.i - 1 >= 2 and all(
                t.tag_ == "NNP" for t in ent.doc[tok.i + 1 : ent.end] if not t.is_punct):
            from spacy.tokens import Span

            return Span(ent.doc, ent.start, ent.end, label="PERSON")
    return ent


_HONORIFIC_TOKEN = re.compile(r"(?:Dr|Mr|Mrs|Ms|Prof|Rev)\.?")


_HONORIFIC_WORD = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Miss|Prof|Rev|Sir|Dame)\.?$")


def _honorific_in_other_span(ent):
    """"Superintendent Dr. Lorraine Castellanos-Webb" tagged as a work of art (a quote follows): in a span of proper
    nouns the model gave a type no name rule reads (work of art, product, event, law), an honorific followed by
    two or three capitalised words to the span's end opens a person's name."""
    if ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP"):
        return ent
    for tok in ent:
        if _HONORIFIC_WORD.match(tok.text):
            rest = [t for t in ent.doc[tok.i + 1 : ent.end] if not t.is_punct]
            if 2 <= len(rest) <= 3 and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in rest):
                from spacy.tokens import Span

                return Span(ent.doc, tok.i + 1, ent.end, label="PERSON")
            break
    return ent


def _given_names_before(ent, start: int, lex: Lexicon) -> int:
    """"Marshals Ri Pyong Chol" tagged as just "Chol": up to two proper nouns right before a one-word person's
    name, tagged as no entity and no title, belong to it."""
    if start != ent.start_char or len(ent) > 1:
        return start
    tokens = ent.doc[max(ent.start - 2, 0) : ent.start]
    for tok in reversed(tokens):
        # a sentence's first word only as the name's own compound in a family the story names in full ("Gwen Ferris,
        # 68, lost the ring" beside "Her husband, Robert Ferris": relatives are told apart by their given names), not
        # "When Odum", nor "Google Stadia"
        opening = tok.is_sent_start and not (tok.dep_ == "compound" and tok.head.i == ent.start
                                             and _surname_of_another(ent))
        if tok.tag_ != "NNP" or tok.ent_iob_ != "O" or not tok.text.isalpha() or opening \
                or lex.titles_re.match(tok.text + " ") or tok.whitespace_ != " ":
            break
        start = tok.idx
    return start


def _surname_of_another(span) -> bool:
    """Another person of the document is named in full with the span's last word as their surname (relatives, told
    apart by their given names)."""
    return any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == span[-1].text and not e.start <= span[-1].i < e.end
               for e in span.doc.ents)


def _words(text: str) -> list[str]:
    # Whitespace only: "Kim Jong-un" is two words, "Kim-Putin" (a compound of two names) is one.
    return [name_key(w) for w in text.split() if name_key(w)]


# ", who" after a name typed as a place or organisation makes it a person, also with an age between ("Yolanda
# Price, 71, who lived on the fourth floor"): places and organisations take "which" and have no age.
_WHO_FOLLOWS = re.compile(r",\s+(?:(?:aged\s+)?\d{1,3},\s+)?who\b|\s?[—–]\s?who\b")
# An age in commas after a name typed a people, an organisation or a place ("Gwen Tallis, 67, whose car slid"):
# only people are given an age.
_AGE_FOLLOWS = re.compile(r",\s+(?:aged\s+)?\d{1,3},\s")
# ", which" after a name typed a person makes it an organisation or a place ("funded by Glenmoor Pharma, which makes
# a sensor"): people take "who".
_WHICH_FOLLOWS = re.compile(r",\s+which\b")
# ", of", ", from", ", at" before a name: the name is where the one before the comma is from, so a ", who" after it
# is that one's ("Neville Crabtree, of Crabtree & Daughters, who is running the sale"), not the name's.
_AFFILIATION_BEFORE = re.compile(r",\s+(?:of|from|at)\s+$")
# A place has no firm or body of its own in commas after its name; a person has ("Neville Crabtree, of Crabtree &
# Daughters,", typed a place). A body may ("Acme Ltd, of Leeds"), so this is read of places of two words or more only
# ("Sheffield, of course" is lowercase anyway).
_AFFILIATION_AFTER = re.compile(r",\s+of\s+(?:the\s+)?[A-Z]")
# "Dr. Harlan Mbeki" typed as a place: an honorific is given to people only.
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Dr|Mr|Mrs|Ms|Prof|Rev|Sir|Dame)\.?\s$")
_HONORIFIC_OPENS = re.compile(r"(?:Dr|Mr|Mrs|Ms|Miss|Prof|Rev|Sir|Dame)\.?\s+(?=[A-Z])")
_NAME_PART = re.compile(r"^[A-Z][a-z]+(?:[-’'][A-Za-z]+)?$")


def add_missed_name_parts(body: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """Later bare surnames the model left untagged ("Zelenskyy said: ..." after "Volodymyr Zelenskyy")."""
    first_seen: dict[str, int] = {}  # name part -> end of the first full name that has it at either end
    for full in mentions:
        words = full.text.split()
        if full.type == "PERSON" and len(words) >= 2:
            for part in (words[0], words[-1]):
                if _NAME_PART.match(part):
                    first_seen[part] = min(first_seen.get(part, full.end), full.end)
    if not first_seen:
        return mentions
    parts = "|".join(re.escape(p) for p in sorted(first_seen, key=len, reverse=True))
    taken = sorted((m.start, m.end) for m in mentions)
    added = []
    for hit in re.finditer(rf"(?<![\w-])(?:{parts})(?![\w-])", body):
        start, end = hit.span()
        if start >= first_seen[hit.group()] and not _overlaps(taken, start, end):
            added.append(EntityMention(start, end, hit.group(), "PERSON", name_key(hit.group())))
    return sorted(mentions + added, key=lambda m: m.start)


# "Cornelius “Neely” Barrowman": a given name, a nickname in quotation marks, a surname.
_NICKNAMED = re.compile(r"\b(?P<given>[A-Z][a-z]+)\s+[“\"‘'][A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*)?[”\"’']\s+"
                        r"(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def add_nicknamed_names(body: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """A person named with a nickname between given name and surname, which the model reads as a title or misses:
    one person mention over the whole, named without the nickname ("Cornelius Barrowman"), in place of the
    mentions it overlaps. Only when the surname is elsewhere a person's ("Mr. Barrowman led ...")."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON"}
    out = mentions
    for hit in _NICKNAMED.finditer(body):
        if hit.group("surname") not in surnames:
            continue
        name = f"{hit.group('given')} {hit.group('surname')}"
        out = [m for m in out if m.end <= hit.start() or m.start >= hit.end()]
        # text is what the offsets cover (the audit holds every mention to that); the key names the person
        out.append(EntityMention(hit.start(), hit.end(), hit.group(0), "PERSON", name_key(name)))
    return sorted(out, key=lambda m: m.start) if out is not mentions else mentions


# "Colin and Brenda Hutchings", "Tony & Sheila Rigg": two given names joined before one surname.
_JOINED = re.compile(r"\s+(?:and|&)\s+$")


def share_joined_surnames(body: str, mentions: list[EntityMention], lex: Lexicon) -> list[EntityMention]:
    """"Colin and Brenda Hutchings": a lone given name joined by "and" to a full name is a relative who shares the
    surname, and is named with it ("Colin Hutchings"), so a later "Colin" is that person in full. Not after a title
    ("President Biden and Kamala Harris" names a surname), nor a word the story uses elsewhere as the last word of a
    full name (a surname: "Biden and Kamala Harris" after "Joe Biden")."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2}
    for a, b in zip(mentions, mentions[1:]):
        words = b.text.split()
        if a.type != "PERSON" or b.type != "PERSON" or len(words) < 2 or not _NAME_PART.match(a.text) \
                or a.text in surnames or not _JOINED.fullmatch(body[a.end : b.start]) \
                or lex.titles_re.match(_word_before(body, a.start) + " ") or _HONORIFIC_BEFORE.search(body, max(a.start - 6, 0), a.start):
            continue
        a.named = f"{a.text} {words[-1]}"
        a.key = name_key(a.named)
    return mentions


_NEXT_WORD = re.compile(r" (?P<word>[A-Z][a-z]+(?:[-’'][A-Za-z]+)?)(?![\w-])")


def join_following_surnames(body: str, mentions: list[EntityMention]) -> list[EntityMention]:
    """"signed by creative director Jun-seo Park" with only "Jun-seo" tagged, then "Park" tagged alone: a lone
    tagged given name written right before a capitalised word that the story tags elsewhere as a person's lone
    name is one full name, so the later surname is that person. Not when the tagged word is itself someone's
    surname ("the Biden Harris ticket" after "Joe Biden"), nor when the next word is tagged as anything here."""
    lone = {m.text for m in mentions if m.type == "PERSON" and len(m.text.split()) == 1}
    surnames = {m.text.split()[-1] for m in mentions if m.type == "PERSON" and len(m.text.split()) >= 2}
    starts = {m.start for m in mentions}
    for m in mentions:
        if m.type != "PERSON" or len(m.text.split()) != 1 or m.text in surnames or not _NAME_PART.match(m.text):
            continue
        nxt = _NEXT_WORD.match(body, m.end)
        if nxt is None or nxt.group("word") not in lone or nxt.group("word") == m.text or nxt.start("word") in starts:
            continue
        m.end = nxt.end("word")
        m.text = body[m.start : m.end]
        m.key = name_key(m.text)
    return mentions


def _word_before(body: str, start: int) -> str:
    before = body[max(start - 40, 0) : start].split()
    return before[-1] if before else ""


def add_missed_full_names(body: str, mentions: list[EntityMention], lex: Lexicon, sdoc) -> list[EntityMention]:
    """The full name the model left untagged where the story introduces someone it later tags by surname alone
    ("County Engineer Beatrice Odum laid out ...", then "Ms. Odum said"): a capitalised given name right before
    the surname, before its first tagged mention, is a mention of the person in full."""
    surnames = {}
    for m in mentions:
        if m.type == "PERSON" and _NAME_PART.match(m.text) and m.text not in surnames:
            surnames[m.text] = m.start
    if not surnames:
        return mentions
    # a full name tagged before the first lone surname: the story introduced them in full already ("Her mother, Yoko
    # Takahara," after "Takahara, 31, ... was announced as the winner" is a relative named later, not the one meant)
    full_names = {(w, m.start) for m in mentions if m.type == "PERSON" for w in m.text.split()[1:] if " " in m.text}
    taken = sorted((m.start, m.end) for m in mentions)
    added = []
    for surname, first in surnames.items():
        if any(w == surname and at < first for w, at in full_names):
            continue
        for hit in re.finditer(rf"(?<![\w.’'-])([A-Z][a-z]+)\s+{re.escape(surname)}(?![\w-])", body[:first]):
            given = hit.group(1)
            token = sdoc.char_span(hit.start(1), hit.end(1))
            if token is None or token[0].tag_ not in ("NNP", "NNPS") or lex.titles_re.match(given + " ") \
                    or _overlaps(taken, *hit.span()):
                continue  # "When Odum arrived": a word opening the sentence is no given name
            added.append(EntityMention(hit.start(), hit.end(), hit.group(), "PERSON", name_key(hit.group())))
            break
    return sorted(mentions + added, key=lambda m: m.start)


def people_named_as_relatives(body: str, mentions: list[EntityMention], lex: Lexicon, sdoc) -> list[EntityMention]:
    """"His wife, Carol, said", "Her sister, Rosalind, was less patient": a proper noun in apposition to someone's
    relative or partner (a gendered noun or a spouse word with a possessive: "his wife", "Ray's sister") is a
    person's name. The model often types a lone given name an organisation there, or tags nothing; families are
    named by given names, so one word is enough. "Her employer, Tesco," (no relative) keeps the model's type."""
    added = []
    for tok in sdoc:
        head = tok.head
        if tok.dep_ != "appos" or tok.tag_ != "NNP" or head.i >= tok.i or head.tag_ != "NN" \
                or not (head.lower_ in lex.gender_words or head.lower_ in lex.spouse_words) \
                or not any(c.dep_ == "poss" for c in head.children):
            continue
        start = tok.left_edge.idx if all(t.tag_ == "NNP" for t in tok.doc[tok.left_edge.i : tok.i]) else tok.idx
        end = tok.idx + len(tok)
        inside = [m for m in mentions if m.start < end and start < m.end]
        if inside:
            for m in inside:
                if m.type in ("ORG", "GPE", "LOC", "NORP") and m.start >= start and m.end <= end:
                    m.type, m.person_by_grammar = "PERSON", True
                if m.type == "PERSON" and _given_name_taken_for_a_title(body, start, m, lex) \
                        and _surname_of_another(tok.doc[tok.i : tok.i + 1]):
                    m.start, m.text = start, body[start:m.end]  # "Her son, Dean Cole": a son is no dean
                    m.key, m.named = name_key(m.text), m.text  # named: a name, not a title and a surname
            continue
        if _NAME_PART.match(body[tok.idx:end]):  # untagged: the lone name only
            added.append(EntityMention(tok.idx, end, tok.text, "PERSON", name_key(tok.text), person_by_grammar=True))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _given_name_taken_for_a_title(body: str, start: int, m: EntityMention, lex: Lexicon) -> bool:
    """The one capitalised word before a surname that trim_span dropped as a title ("Dean", "Chancellor"), where the
    name is in apposition to a relative of a family the story names in full ("Her son, Dean Cole" beside Marian
    Cole): there it is the given name. A form of address ("Her husband, Dr Cole") stays a title, and so does a title
    before a name no one else bears ("her mother, Queen Elizabeth")."""
    word = body[start : m.start].strip()
    return m.start > start and _NAME_PART.match(word) is not None and body[start : m.start] == word + " " \
        and word.lower() not in lex.personal_titles and lex.titles_re.match(word + " ") is not None


def add_names_after_inverted_cues(body: str, mentions: list[EntityMention], lex: Lexicon, sdoc) -> list[EntityMention]:
    """"“Then why ...?” shouted Dilys Penrose from the opposition front bench": two or three capitalised proper nouns
    right after a quotation's inverted reporting verb name the speaker, a person, where the model tagged nothing."""
    taken = sorted((m.start, m.end) for m in mentions)
    added = []
    for hit in _inverted_cue_re(lex).finditer(body):
        start, end = hit.span("name")
        span = sdoc.char_span(start, end)
        # the surname a proper noun (the model may take a rare given name for anything: "Dilys" as a modal)
        if span is None or span[-1].tag_ != "NNP" or lex.titles_re.match(hit.group("name") + " ") \
                or hit.group("cue").lower() not in lex.cues or _overlaps(taken, start, end):
            continue
        added.append(EntityMention(start, end, hit.group("name"), "PERSON", name_key(hit.group("name"))))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


@lru_cache(maxsize=None)
def _inverted_cue_re(lex: Lexicon) -> re.Pattern:
    return re.compile(rf"[”\"’'][ \t]+(?P<cue>{lex.cue_re})[ \t]+"
                      r"(?P<name>[A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'-]+){1,2})(?![\w-])")


def drop_name_compounds(mentions: list[EntityMention]) -> list[EntityMention]:
    """"the planned Kim-Putin meeting": the model tags the compound as one person; it names two known ones."""
    parts = {w for m in mentions if m.type == "PERSON" for w in (m.text.split()[0], m.text.split()[-1]) if " " in m.text}
    return [m for m in mentions if not _is_compound(m, parts)]


def _is_compound(m: EntityMention, parts: set[str]) -> bool:
    pieces = m.text.split("-")
    return m.type == "PERSON" and " " not in m.text and len(pieces) >= 2 and all(p in parts for p in pieces)


def _overlaps(sorted_spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right(sorted_spans, (start, float("inf")))
    return any(s < end and start < e for s, e in sorted_spans[max(i - 1, 0) : i + 1])


def _majority_types(mentions: list[EntityMention]) -> None:
    """The model's label for one name wavers within a story ("Shoigu" PERSON, then GPE): take the commonest."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.key][m.type] += 1
    # "Varga, who sat down at the board": what the grammar says of one mention outweighs the model's votes
    people = {m.key for m in mentions if m.person_by_grammar}
    bodies = {m.key for m in mentions if m.body_by_grammar} - people  # "Pell, the ... wearables company,"
    for m in mentions:
        counts = votes[m.key]
        m.type = "PERSON" if m.key in people else _body_label(counts) if m.key in bodies else \
            min(counts, key=lambda t: (-counts[t], t != "PERSON", t))


def _body_label(counts: Counter) -> str:
    """A name typed a body or a place by its mentions: the model's commonest label for it that is not a person's
    ("Fenwick Road" stays a building), an organisation when the model gave it none."""
    others = [t for t in counts if t != "PERSON"]
    return min(others, key=lambda t: (-counts[t], t)) if others else "ORG"


# The model's labels for a name that are not a person's: a full name so typed whose surname the story then writes
# alone as a person's is that person, whatever the label ("Hilary Gage" typed a building, "Neville Crabtree" a place).
_NOT_PEOPLE = ("ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


def _people_tagged_as_organisations(mentions: list[EntityMention], lex: Lexicon) -> None:
    """"Montell Figgins" tagged ORG (or a place, a building: _NOT_PEOPLE), then "Figgins" alone tagged PERSON: a
    name of two or three name words whose last word is a person's lone name is that person; so is one typed ORG
    whose first word is the lone given name the story goes on to use ("a letter from Colm Ferriter", then "Colm,
    you are not alone"), when the name is written once, before it (a person is introduced in full once; "Skylark
    Air", written again and again, is a firm, and so is "Skyhaven Airlines" written once, a name holding a word
    bodies are named with)."""
    lone_people = {m.key for m in mentions if m.type == "PERSON" and len(m.text.split()) == 1}
    first_lone: dict[str, int] = {}
    written = Counter(m.key for m in mentions)
    for m in mentions:
        if m.type == "PERSON" and len(m.text.split()) == 1:
            first_lone.setdefault(m.key, m.start)
    for m in mentions:
        words = m.text.split()
        if m.type in _NOT_PEOPLE and not m.body_by_grammar and 2 <= len(words) <= 3 and all(_NAME_PART.match(w) for w in words) \
                and (name_key(words[-1]) in lone_people
                     or (m.type == "ORG" and written[m.key] == 1 and first_lone.get(name_key(words[0]), -1) > m.start
                         and not is_body_name(m.text, lex))):  # "Skyhaven Airlines", then "Skyhaven": a firm
            m.type = "PERSON"


def resolve_aliases(mentions: list[EntityMention], lex: Lexicon, body: str | None = None) -> None:
    """Give every mention an entity id; a lone name part ("Kim", "Lim", "Kirby") joins a full name in the doc.

    Both ends of a full name count as its short form, because Korean and Chinese names put the family name
    first ("Lim Soo-suk" -> "Lim") while Western names put it last ("John Kirby" -> "Kirby"). The nearest
    preceding full mention wins; failing that, the first one after. A lone name with no full mention
    anywhere in the document stays its own entity.
    """
    _majority_types(mentions)
    _people_tagged_as_organisations(mentions, lex)
    # Each full name indexed by its first and last word, so a lone name finds its candidates in one lookup.
    by_part: dict[str, list[EntityMention]] = defaultdict(list)
    for f in mentions:
        words = _words(f.named or f.text) if f.type == "PERSON" else []
        if len(words) >= 2:
            for part in {words[0], words[-1]}:
                by_part[part].append(f)
    untagged: dict[str, list[tuple[int, str]]] = {}  # a given name -> its untagged full names, read once per story
    bodies, first_uses = _bodies_by_first_word(mentions), _first_uses(mentions, body)
    for m in mentions:
        if m.type in ("PERSON", "ORG", "NORP", "GPE", "LOC") and _NAME_PART.match(m.text) and not m.named \
                and m.text.lower() not in lex.canonical:
            candidates = by_part.get(name_key(m.text), [])
            if m.type in ("GPE", "LOC"):  # "Sondland", "Schiff" tagged as a place join "Gordon Sondland", "Adam
                # Schiff" by the surname only, and a given name ("Tallulah") the full name written before it
                candidates = [f for f in candidates if _words(f.text)[-1] == name_key(m.text)
                              or (f.start < m.start and _words(f.text)[0] == name_key(m.text))]
            if not candidates and m.type == "PERSON":
                candidates = _given_name_cut_short(m, by_part)
            if not candidates and m.type == "PERSON" and body is not None:
                full = _untagged_full_name_before(body, m, mentions, untagged)
                if full:  # "Elsie" after "a party on Friday for Elsie Marchbank", the full name left untagged
                    m.named, m.key = full, name_key(full)
            if body is not None and len({f.key for f in candidates}) > 1:
                candidates = _of_the_honorifics_gender(body, m, candidates, lex) or _not_one_of_a_pair(candidates)
            if candidates:
                before = [f for f in candidates if f.start < m.start]
                chosen = before[-1] if before else candidates[0]
                m.type, m.key = "PERSON", chosen.key
            elif m.type in ("PERSON", "ORG"):
                fuller = _fuller_body_name(m, bodies, first_uses.get(m.key, m.start), lex)
                if fuller is not None:  # "Skyward" after "Skyward Airlines": one organisation
                    m.type, m.key = "ORG", fuller
        m.entity_id = entity_id(m.type, m.key)


@lru_cache(maxsize=4)
def body_words(lex: Lexicon) -> frozenset[str]:
    """Words a body's name is made with or a body is called by: kinds of organisation (org_anaphors, org_kinds,
    public_body_words) and the words company names end with (body_name_words)."""
    speech = lex.raw["speech"]
    kinds = frozenset(lex.org_anaphors) | frozenset(speech["org_kinds"]) | frozenset(speech["public_body_words"]) \
        | frozenset(speech["body_name_words"])
    return kinds - lex.written_texts - lex.speech_nouns - {"report", "statement", "newspaper"}  # texts speak for others


def singular(word: str) -> str:
    """A plural noun's singular, as a name's last word is compared with a kind ("Airlines", "Bakeries")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # "bakeries", "authorities"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def is_body_name(name: str, lex: Lexicon) -> bool:
    """A name holding a word bodies are named or called with ("Hallbrook Pharma", "Skyward Airlines")."""
    words = body_words(lex)
    return any(w in words or singular(w) in words for w in re.findall(r"[a-z]+", name.lower()))


def _bodies_by_first_word(mentions: list[EntityMention]) -> dict[str, dict[str, tuple[str, int]]]:
    """The organisations the story names in more than one word, by their first word: each one's key, name and first
    place."""
    bodies: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for f in mentions:
        words = _words(f.text)
        if f.type == "ORG" and len(words) >= 2 and _NAME_PART.match(f.text.split()[0]):
            bodies[words[0]].setdefault(f.key, (f.text, f.start))
    return bodies


def _first_uses(mentions: list[EntityMention], body: str | None) -> dict[str, int]:
    """Where the story body first writes each name, below its headline (a first line that is not the whole body):
    a headline writes the short form before the lead introduces the name in full ("Skyward pilots vote to strike")."""
    first_line = body.find("\n") if body else -1
    below = first_line if first_line >= 0 else 0
    uses: dict[str, int] = {}
    for m in mentions:
        if m.start >= below:
            uses.setdefault(m.key, m.start)
    return uses


def _fuller_body_name(m: EntityMention, bodies: dict[str, dict[str, tuple[str, int]]], first_use: int,
                      lex: Lexicon) -> str | None:
    """"Calderport" after "Calderport United", "Skyward" after "Skyward Airlines": a lone name no person of the story
    bears is the short form of the one organisation whose fuller name opens with it (its key), as a lone surname is
    of a person's full name, when the story introduced the fuller name before it first used the short one (below
    the headline). A short form used first is a name of its own that a later, longer name adds to ("Google", then
    "Google Stadia"; "Disney", then "Disney Channel"). The model's type for the lone word is kept as evidence: one it
    typed a person ("Rose-Lynn", beside "Rose-Lynn Harlan" typed an organisation) joins only a name that says it is
    a body ("Skyward Airlines"). Two organisations opening with the word name neither; nor does a word for a kind
    of body ("Group" beside "Group A"); a place ("Manchester" beside "Manchester United") is not read here at all."""
    found = bodies.get(name_key(m.text), {})
    if len(found) != 1 or m.text.lower() in body_words(lex):
        return None
    key, (name, introduced) = next(iter(found.items()))
    if key == m.key or introduced > first_use or (m.type != "ORG" and not is_body_name(name, lex)):
        return None
    return key


def _untagged_full_name_before(body: str, m: EntityMention, mentions: list[EntityMention],
                               seen: dict[str, list[tuple[int, str]]] | None = None) -> str:
    """A lone given name the model tagged on its own opened a full name earlier in the story that it tagged nowhere
    ("for Elsie Marchbank, who turned 100", then "Elsie ... said"): its first occurrence followed by one capitalised
    surname on the same line, neither word tagged. "" with no such name (a surname alone is not given one). The
    body is searched once per given name (`seen`), not once per mention: a transcript repeats a name hundreds of
    times."""
    if not re.fullmatch(r"[A-Z][a-z]{2,}", m.text):
        return ""
    seen = {} if seen is None else seen
    if m.text not in seen:
        hits = re.finditer(rf"(?<![\w-]){m.text}[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?![ \t]+[A-Z])", body)
        seen[m.text] = [(hit.end(), f"{m.text} {hit.group(1)}") for hit in hits
                        if not any(f.start < hit.end() and hit.start() < f.end for f in mentions)]
    return next((name for end, name in seen[m.text] if end <= m.start), "")


def _not_one_of_a_pair(candidates: list[EntityMention]) -> list[EntityMention]:
    """"Hutchings" after "Colin and Brenda Hutchings": a surname alone that the story gave to two people at once
    names neither (which one is meant the order of their names does not say); with no honorific to tell them apart
    it stays a name of its own. People named apart keep the nearest before (resolve_aliases)."""
    return [] if any(f.named for f in candidates) else candidates


def _given_name_cut_short(m: EntityMention, by_part: dict[str, list[EntityMention]]) -> list[EntityMention]:
    """"Jess" in a story naming Jessica Boyd-Mayne: a lone given name of three letters or more that opens the
    given name of exactly one full name in the document (a clipping, as the speaker sets' scorer reads one); with
    two such people (Jess for Jessica or Jesse) it names neither."""
    short = name_key(m.text)
    if len(short) < 3:
        return []
    fulls = [f for part, found in by_part.items() if part != short and part.startswith(short)
             for f in found if _words(f.text)[0] == part]
    return fulls if len({f.key for f in fulls}) == 1 else []


_GENDERED_HONORIFIC = re.compile(r"(?<![\w.])(?P<h>Mrs|Ms|Miss|Mr)\.?\s$")
_WORD = re.compile(r"[\w’'-]+")


def _of_the_honorifics_gender(body: str, m: EntityMention, candidates: list[EntityMention], lex: Lexicon):
    """"Mrs. Catapang" in a story naming Remedios Catapang and her grandson Joshua Catapang: a family's surname with
    an honorific is the one of them whose first mention the story gives that gender (the first gendered word after
    the full name in its sentence: "Remedios Catapang, 71, ..., as she cut the ribbon", "Joshua Catapang, 19,
    Remedios's grandson"). None when the honorific or the family's genders say nothing."""
    honorific = _GENDERED_HONORIFIC.search(body, max(m.start - 6, 0), m.start)
    if honorific is None:
        return None
    wanted = "m" if honorific.group("h") == "Mr" else "f"
    kept = []
    for f in candidates:
        after = body[f.end : f.end + 80].split(".")[0].split("\n")[0]
        # "Tom Varley, her grandson, said he": a possessive points at someone else, the noun or pronoun after at him
        gender = next((lex.gender_words[w] for w in _WORD.findall(after.lower())
                       if w in lex.gender_words and w not in ("his", "her")), None)
        if gender == wanted:
            kept.append(f)
    return kept or None


def build_entities(mentions: list[EntityMention], lex: Lexicon) -> tuple[list[Entity], list[EntityAlias]]:
    """One entity per id with a canonical name (longest, then most frequent surface form) and its aliases."""
    forms: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, str] = {}
    for m in mentions:
        forms[m.entity_id][m.named or m.text] += 1
        types[m.entity_id] = m.type
    entities, aliases = [], []
    for eid in sorted(forms):
        counter = forms[eid]
        entities.append(Entity(eid, _entity_name(counter, lex), types[eid]))
        aliases.extend(EntityAlias(eid, alias) for alias in sorted(counter))
    return entities, aliases


def _entity_name(forms: Counter, lex: Lexicon) -> str:
    """The canonical name among an entity's surface forms: the longest, then the most frequent."""
    best = min(forms, key=lambda s: (-len(_words(s)), s.isupper(), -forms[s], s))
    nicknamed = _NICKNAMED.fullmatch(best)  # "Cornelius “Neely” Barrowman" is named "Cornelius Barrowman"
    if nicknamed:
        best = f"{nicknamed.group('given')} {nicknamed.group('surname')}"
    return canonical_surface(best, lex)


def merge_batch_entities(entities: list[Entity], mentions: list[Mention], lex: Lexicon) -> list[Entity]:
    """One entity per id for a chunk extracted in several batches, named by build_entities' rule over all the
    chunk's mentions: a name chosen per batch would depend on where the chunk was cut (and a later publish keeps
    the first name it was given)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        forms[m.entity_id][m.text] += 1
    merged: dict[str, Entity] = {}
    for e in entities:
        merged.setdefault(e.entity_id, e)
    return [replace(e, name=_entity_name(forms[eid], lex)) if forms[eid] else e for eid, e in sorted(merged.items())]
