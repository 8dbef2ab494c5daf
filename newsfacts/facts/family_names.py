"""A family of one surname: which of the people a story names in full a later bare surname stands for.

An obituary names "Marit Solvang" and then "her son, Erik Solvang"; a community story "Remedios Catapang" and "Joshua
Catapang, 19, Remedios's grandson". News writing introduces a relative *as* someone's relative (a relation noun with
its owner, in apposition to the full name) and keeps the bare surname, with or without "Mr"/"Mrs", for the person the
story is about. resolve_aliases gives a lone surname the nearest full name before it, which after "her son, Erik
Solvang" is the son; this reading takes the family as a whole instead:
- "Mrs Solvang", "Mr. Catapang": the one of them the story gives that gender by the words beside their name (a
  relation noun, an honorific), never one it gives the other gender;
- a bare "Solvang": the one of them not introduced as another's relative, when exactly one is.
Otherwise the nearest full name stays (two people of one surname the story introduces alike: it does not say).
"""

from __future__ import annotations

import re

from newsfacts.facts.entities import EntityMention, entity_id, name_key
from newsfacts.facts.lexicon import Lexicon

_GENDERED_HONORIFIC = re.compile(r"(?<![\w.])(?P<h>Mrs|Ms|Miss|Mr)\.?\s+$")
_NAME_PART = re.compile(r"^[A-Z][a-z]+(?:[-’'][A-Za-z]+)?$")


def read_family_names(body: str, mentions: list[EntityMention], lex: Lexicon, sdoc) -> None:
    """Give each lone surname shared by two or more people named in full the family member it stands for (after
    entities.resolve_aliases, in place: key and entity_id)."""
    fulls: dict[str, list[EntityMention]] = {}
    for m in mentions:
        words = (m.named or m.text).split()
        if m.type == "PERSON" and len(words) >= 2:
            fulls.setdefault(name_key(words[-1]), []).append(m)
    families = {surname: found for surname, found in fulls.items() if len({f.key for f in found}) > 1}
    if not families:
        return
    by_key: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if m.type == "PERSON":
            by_key.setdefault(m.key, []).append(m)
    readings = {surname: _members(body, found, lex, sdoc, by_key) for surname, found in families.items()}
    for m in mentions:
        if m.type != "PERSON" or m.named or not _NAME_PART.match(m.text) or name_key(m.text) not in readings:
            continue
        if any(f is m for f in families[name_key(m.text)]):
            continue
        chosen = _member_meant(body, m, readings[name_key(m.text)])
        if chosen is not None and chosen != m.key:
            m.key = chosen
            m.entity_id = entity_id(m.type, m.key)


def _members(body: str, found: list[EntityMention], lex: Lexicon, sdoc,
             by_key: dict[str, list[EntityMention]]) -> dict[str, tuple[str | None, bool]]:
    """Each family member's key -> (gender the words beside their full name give, or None; introduced as someone's
    relative), read at their first full mention, or at an earlier mention of their given name alone ("after her
    husband, Tadeusz, and the children were asleep", then "Tadeusz Florek, now 77, remembers")."""
    out: dict[str, tuple[str | None, bool]] = {}
    for f in found:
        if f.key in out:
            continue
        gender, relative = None, False
        honorific = _GENDERED_HONORIFIC.search(body, max(f.start - 6, 0), f.start)
        if honorific is not None:
            gender = "m" if honorific.group("h") == "Mr" else "f"
        given_before = [g for g in by_key.get(f.key, ()) if g.start < f.start and len(g.text.split()) == 1
                        and g.text == (f.named or f.text).split()[0]]
        for m in [f, *given_before[:1]]:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            nouns = ([root.head] if root.dep_ == "appos" else []) + [c for c in root.children if c.dep_ == "appos"]
            for noun in nouns:
                if noun.lower_ in lex.gender_words and noun.tag_.startswith("NN") and not noun.tag_.startswith("NNP"):
                    gender = gender or lex.gender_words[noun.lower_]
                    # "her son", "Remedios's grandson": a relation owned by another person
                    relative = relative or any(c.dep_ == "poss" for c in noun.children)
        out[f.key] = (gender, relative)
    return out


def _member_meant(body: str, m: EntityMention, members: dict[str, tuple[str | None, bool]]) -> str | None:
    """The key of the family member a lone surname stands for, or None when the family's words do not say."""
    honorific = _GENDERED_HONORIFIC.search(body, max(m.start - 6, 0), m.start)
    if honorific is not None:
        wanted = "m" if honorific.group("h") == "Mr" else "f"
        same = [k for k, (g, _) in members.items() if g == wanted]
        possible = [k for k, (g, _) in members.items() if g in (wanted, None)]
        if len(same) == 1:
            return same[0]
        if not same and len(possible) == 1:
            return possible[0]
        return None
    principal = [k for k, (_, relative) in members.items() if not relative]
    return principal[0] if len(principal) == 1 and len(principal) < len(members) else None
