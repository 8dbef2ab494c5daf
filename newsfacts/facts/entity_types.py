"""An entity's type decided once per document from all its mentions together, not mention by mention.

The model labels each mention on its own, and the words that give a name away are spread over the story: "the"
before "the Ironbridge Chronicle" (a body; people are not written with an article), "Mr" before "Mr Crabtree" (a
person), a word bodies are named with inside the name ("Crabtree & Daughters", "Harrowmere Health Trust"), ", who"
or an age after one mention, a description of a kind of body in apposition after another. Each mention's evidence is
weighed (lexicon entities.type_evidence) and summed over every mention of one entity (a lone word joins the one
longer name of the story that opens or ends with it); the verdict is written on every mention as the typing by
grammar (EntityMention.person_by_grammar / body_by_grammar), which entities.resolve_aliases and the readings after
it obey. The model's labels count as evidence too (a short form's only where it agrees with the full names': the
model's label for a lone surname is its least reliable), and an entity with no other evidence keeps the model's
majority.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsfacts.facts.entities import EntityMention, _words, is_body_name
from newsfacts.facts.lexicon import Lexicon

# "the Chronicle", "The Glenmoran Herald": an article right before the name.
_ARTICLE_BEFORE = re.compile(r"(?<![\w’'])[Tt]he\s+$")
# "in Brackley Wells", "at Fenwick Road": where something happens is a place or a body, not a person.
_PLACE_BEFORE = re.compile(r"(?<![\w’'])(?:in|at)\s+$")
# ", which" or ", where" after a name: bodies and places take them, people take "who" (entities' readings by grammar).
_WHICH_OR_WHERE_AFTER = re.compile(r",\s+(?:which|where)\b")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\b")
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord)\.?\s+$")
_PEOPLE_LABEL = "PERSON"
_NOT_PEOPLE = ("ORG", "GPE", "LOC", "FAC", "NORP")


def type_by_all_mentions(body: str, mentions: list[EntityMention], lex: Lexicon, sdoc=None) -> None:
    """Sum each entity's evidence over all its mentions and mark every mention with the verdict, in place."""
    weights = lex.raw["entities"]["type_evidence"]
    for group in _entities(mentions):
        labels = _label_votes(group)
        cues = sum(_mention_cues(body, m, sdoc, weights, lex) for m in group) + _name_cues(group, lex, weights)
        score = labels * weights["label"] + cues
        # written only when the evidence beyond the labels points the verdict's way: the labels alone are left to
        # _majority_types and the readings after it ("Clare Ashdown" typed ORG, then "Mrs Ashdown")
        if cues * score <= 0 or abs(score) < weights["margin"]:
            continue
        person = score > 0
        for m in group:
            m.person_by_grammar, m.body_by_grammar = person, not person


def _entities(mentions: list[EntityMention]) -> list[list[EntityMention]]:
    """Mentions grouped by name; a one-word name joins the one longer name of the story that opens or ends with it
    when the story wrote that name first, as a short form follows the name in full ("San Francisco Chronicle", then
    "the Chronicle"); two such names (a family, a person and the firm named after them) leave it on its own, and so
    does a longer name written after it ("Obama", then "the Obama National Security Council")."""
    by_key: dict[str, list[EntityMention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    longer: dict[str, dict[str, int]] = defaultdict(dict)  # a name's first or last word -> {its key: first place}
    for key, group in by_key.items():
        words = _words(group[0].text)
        if len(words) >= 2:
            for word in {words[0], words[-1]}:
                longer[word][key] = group[0].start
    joined: dict[str, str] = {}
    for key, group in by_key.items():
        words = _words(group[0].text)
        names = longer.get(words[0], {}) if len(words) == 1 else {}
        if len(names) == 1 and next(iter(names.values())) < group[0].start:
            joined[key] = next(iter(names))
    out: dict[str, list[EntityMention]] = defaultdict(list)
    for key, group in by_key.items():
        out[joined.get(key, key)].extend(group)
    return list(out.values())


def _label_votes(group: list[EntityMention]) -> int:
    """People's labels minus others' over the entity's mentions; when it has a full name, a short form's label counts
    only where it agrees with the full names' (the model's label for a lone surname is its least reliable: "Volker"
    typed an organisation eight times beside "Kurt Volker" typed a person once)."""
    full = [m for m in group if len(m.text.split()) >= 2]
    votes = [_vote(m) for m in full]
    if not full:
        return sum(_vote(m) for m in group)
    side = (sum(votes) > 0) - (sum(votes) < 0)
    return sum(votes) + sum(_vote(m) for m in group if len(m.text.split()) < 2 and _vote(m) == side != 0)


def _vote(m: EntityMention) -> int:
    return 1 if m.type == _PEOPLE_LABEL else -1 if m.type in _NOT_PEOPLE else 0


def _mention_cues(body: str, m: EntityMention, sdoc, weights: dict, lex: Lexicon) -> float:
    """One mention's evidence beyond the model's label: positive for a person, negative for a body or a place."""
    score = 0.0
    if m.person_by_grammar:
        score += weights["grammar"]
    if m.body_by_grammar or _WHICH_OR_WHERE_AFTER.match(body, m.end):
        score -= weights["grammar"]
    before = body[max(m.start - 8, 0) : m.start]
    if _HONORIFIC_BEFORE.search(before):
        score += weights["honorific"]
    elif _ARTICLE_BEFORE.search(before) and _heads_its_phrase(m, sdoc) and not _a_title(m.text, lex):
        score -= weights["article"]
    elif _PLACE_BEFORE.search(before) and not _POSSESSIVE_AFTER.match(body, m.end):
        score -= weights["place"]
    owner = _own_possessive(m, sdoc)
    if owner in ("his", "her"):
        score += weights["pronoun"]
    elif owner == "its":
        score -= weights["pronoun"]
    return score


def _own_possessive(m: EntityMention, sdoc) -> str | None:
    """The first "his", "her" or "its" in the clause the name is the subject of, through no clause with another
    subject ("Lumenet said its engineers were ...", "Crabtree said his ..."; not "Smith said the firm had cut its
    ...")."""
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand") if sdoc is not None else None
    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    subject, verb = span.root, span.root.head
    for tok in verb.subtree:
        if tok.i < span.end or tok.dep_ != "poss" or tok.lower_ not in ("his", "her", "its"):
            continue
        node = tok
        while node.i != verb.i:  # up to the verb, through no clause of another subject ("its" owning one is ours)
            parent = node.head
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i not in (subject.i, node.i) for c in parent.children):
                return None
            node = parent
        return tok.lower_
    return None


def _a_title(text: str, lex: Lexicon) -> bool:
    """"the Dean", "the Bishop": a title of office (lexicon names.titles) standing for its holder takes "the"."""
    title = lex.titles_re.match(text + " ")
    return title is not None and title.end() > len(text)


def _heads_its_phrase(m: EntityMention, sdoc) -> bool:
    """The name is the noun its article belongs to ("the Chronicle said"), not a modifier of another noun ("the
    Hollowell family", "the Trump administration", "the Trump-era tariffs", "the Horowitz and Durham reports") nor a
    person taken as a type ("the Mary Steenburgen of it all"): no noun, hyphen, conjunction or "of" follows it.
    Without a parse, assumed."""
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand") if sdoc is not None else None
    if span is None or span.end >= len(sdoc):
        return True
    nxt = sdoc[span.end]
    return not (nxt.tag_.startswith("NN") or nxt.tag_ in ("HYPH", "CC") or nxt.lower_ == "of")


def _name_cues(group: list[EntityMention], lex: Lexicon, weights: dict) -> float:
    """A word bodies are named with inside the name ("Ltd", "Council", "Trust", "& Sons"), counted per mention that
    writes it, as the model's label is."""
    return -weights["body_word"] * sum("&" in m.text or is_body_name(m.text, lex) for m in group)
