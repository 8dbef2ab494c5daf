"""A family of one surname: which of the people a story names in full a later bare surname stands for.

An obituary names "Marit Solvang" and then "her son, Erik Solvang"; a community story "Remedios Catapang" and "Joshua
Catapang, 19, Remedios's grandson". News writing introduces a relative *as* someone's relative (a relation noun with
its owner, in apposition to the full name) and keeps the bare surname, with or without "Mr"/"Mrs", for the person the
story is about, unless it has just spoken of the other one. resolve_aliases gives a lone surname the nearest full
name before it, which after "her son, Erik Solvang" is the son; this reading takes the family as a whole instead,
mention by mention in the order a reader meets them (a surname written right after one member's given name is that
member, where the model tagged the surname only: "Clare Ashdown said"), from the people named before the mention (a
reader knows no one named later: "Mrs Reddy said" before "Her daughter, Anjali Reddy"):
- "Mrs Solvang", "Mr. Catapang": none the story gives the other gender (the words beside their full name; the
  pronoun owning their relative's relation, "Her son, Dean Cole" after Marian Cole; the pronouns that go on from
  them, gender.person_genders, and those before a quotation opens in their sentence; a form of address the family's
  earlier mentions were read as, "Mr Tuck" for Rodney);
  then whom the story called by this very form before, and not whom it called by another ("Ms Reddy" is not the one
  it called "Mrs Reddy");
- of those left, the one the story spoke of last, when it has spoken of no other person since ("Her father, Ifor
  Maddox, insisted ... “...,” Maddox said");
- else a bare "Solvang": the one of them not introduced as another's relative, when exactly one is; a "Mrs Solvang":
  the one of them the story gives that gender, when exactly one is.
Otherwise the nearest full name stays (two people of one surname the story introduces alike: it does not say).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.facts.context import DocContext
from newsfacts.facts.entities import EntityMention, entity_id, name_key
from newsfacts.facts.gender import person_genders, whose_relative
from newsfacts.facts.lexicon import Lexicon
from newsfacts.facts.quotes import find_quote_spans
from newsfacts.records import Document

_GENDERED_HONORIFIC = re.compile(r"(?<![\w.])(?P<h>Mrs|Ms|Miss|Mr)\.?\s+$")
_NAME_PART = re.compile(r"^[A-Z][a-z]+(?:[-’'][A-Za-z]+)?$")
_QUOTE_OPENERS = "\"“‘'"
# "Colin and Brenda Hutchings": the family named as a pair, which the surname alone does not tell apart
_JOINED = re.compile(r"\s+(?:and|&)\s+")


@dataclass
class Member:
    """One person of a family: their gender as the story gives it ("m", "f" or None), whether they were introduced as
    another's relative ("her son, Erik Solvang"), and where they were first named in full."""

    gender: str | None
    relative: bool
    introduced: int


def read_family_names(doc: Document, mentions: list[EntityMention], lex: Lexicon, sdoc) -> None:
    """Give each lone surname shared by two or more people named in full the family member it stands for (after
    entities.resolve_aliases, in place: key and entity_id)."""
    body = doc.body
    fulls: dict[str, list[EntityMention]] = {}
    for m in mentions:
        words = (m.named or m.text).split()
        if m.type == "PERSON" and len(words) >= 2:
            fulls.setdefault(name_key(words[-1]), []).append(m)
    families = {surname: found for surname, found in fulls.items() if len({f.key for f in found}) > 1}
    if not families:
        return
    bare = [m for m in mentions if m.type == "PERSON" and not m.named and _NAME_PART.match(m.text)
            and name_key(m.text) in families and not any(f is m for f in families[name_key(m.text)])]
    bare = [m for m in bare if not _written_in_full(body, m, families[name_key(m.text)])]
    ctx = _story_without(doc, sdoc, mentions, bare)
    by_key: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if m.type == "PERSON":
            by_key.setdefault(m.key, []).append(m)
    readings = {surname: _members(ctx, found, lex, by_key) for surname, found in families.items()}
    members = {key for reading in readings.values() for key in reading}
    spoken: list[tuple[int, str]] = []  # (offset, key): where the story last spoke of a family member, outside quotes
    addressed: dict[str, set[str]] = {}  # "mr whitworth" -> the members the story has called so
    together = {surname for surname, found in families.items() if _named_together(body, found)}
    for m in mentions:
        if any(b is m for b in bare) and name_key(m.text) not in together:
            chosen = _member_meant(ctx, m, readings[name_key(m.text)], spoken, addressed)
            if chosen is not None and chosen != m.key:
                m.key = chosen
                m.entity_id = entity_id(m.type, m.key)
            form = _form_of_address(body, m)
            if chosen is not None and form:
                addressed.setdefault(form, set()).add(chosen)
                member = readings[name_key(m.text)][chosen]
                member.gender = member.gender or _gender_of(form)  # "Mr Tuck" once read as Rodney: Rodney is a man
        if m.type == "PERSON" and m.key in members and not ctx.in_quote(m.start):
            spoken.append((m.start, m.key))


def _written_in_full(body: str, m: EntityMention, found: list[EntityMention]) -> bool:
    """"Clare Ashdown said in a statement", the model tagging "Ashdown" only: the surname right after the given name of
    one member is that member written in full (the mention takes their key, in place)."""
    given = body[max(m.start - 30, 0) : m.start].split()[-1:]
    keys = {f.key for f in found if (f.named or f.text).split()[0:1] == given} if body[m.start - 1 : m.start] == " " else set()
    if len(keys) != 1:
        return False
    m.key = next(iter(keys))
    m.entity_id = entity_id(m.type, m.key)
    return True


def _named_together(body: str, found: list[EntityMention]) -> bool:
    """Two of the family named in one phrase ("Colin and Brenda Hutchings"): entities.resolve_aliases gives their bare
    surname to neither."""
    return any(_JOINED.fullmatch(body[a.end : b.start]) for a, b in zip(found, found[1:]))


def _story_without(doc: Document, sdoc, mentions: list[EntityMention], bare: list[EntityMention]) -> DocContext:
    """The story as the gender reading needs it, before its quotes are attributed: its quotation spans, and its
    mentions but the bare surnames being decided (their keys are only the nearest full name's so far)."""
    ctx = DocContext(doc, sdoc, [m for m in mentions if not any(b is m for b in bare)])
    ctx.quoted = [(q.outer_start, q.outer_end) for para in ctx.paragraphs for q in find_quote_spans(doc.body, para)]
    return ctx


def _members(ctx: DocContext, found: list[EntityMention], lex: Lexicon,
             by_key: dict[str, list[EntityMention]]) -> dict[str, Member]:
    """Each family member by key. The gender
    is the words beside their full name (an honorific, a relation noun), read at their first full mention or at an
    earlier mention of their given name alone ("after her husband, Tadeusz, and the children were asleep", then
    "Tadeusz Florek, now 77, remembers"), else the one the story gives them (gender.person_genders)."""
    body, sdoc = ctx.body, ctx.sdoc
    story_genders = person_genders(ctx, lex)
    out: dict[str, Member] = {}
    owners: dict[str, str] = {}  # a member introduced as "his son" -> the gender of the one "his" points to
    for f in found:
        if f.key in out:
            continue
        form = _form_of_address(body, f)
        gender, relative = (_gender_of(form) if form else None), False
        given_before = [g for g in by_key.get(f.key, ()) if g.start < f.start and len(g.text.split()) == 1
                        and g.text == (f.named or f.text).split()[0]]
        for m in [f, *given_before[:1]]:
            span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            nouns = ([root.head] if root.dep_ == "appos" else []) + [c for c in root.children if c.dep_ == "appos"
                                                                     and not whose_relative(c)]
            for noun in nouns:
                if noun.lower_ in lex.gender_words and noun.tag_.startswith("NN") and not noun.tag_.startswith("NNP"):
                    gender = gender or lex.gender_words[noun.lower_]
                    # "her son", "Remedios's grandson": a relation owned by another person
                    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                    relative = relative or owner is not None
                    if owner is not None and owner.tag_ == "PRP$" and owner.lower_ in lex.gender_words:
                        owners.setdefault(f.key, lex.gender_words[owner.lower_])
        out[f.key] = Member(gender or story_genders.get(f.entity_id) or _pronouns_before_their_words(ctx, f, lex),
                            relative, f.start)
    # "Marian Cole, 67, ...  Her son, Dean Cole,": "her" is the one of the family named last before the relative
    for key, gender in owners.items():
        named_before = [k for k in out if k != key and out[k].introduced < out[key].introduced]
        owner = max(named_before, key=lambda k: out[k].introduced, default=None)
        if owner is not None and out[owner].gender is None:
            out[owner].gender = gender
    return out


def _pronouns_before_their_words(ctx: DocContext, f: EntityMention, lex: Lexicon) -> str | None:
    """The gender of the pronouns that follow a member's mentions in their sentence, before any quotation opens in it,
    when no one else is named there ("Clare Ashdown said in a statement through her lawyers that her firm had
    “...”"): gender.person_genders reads no sentence holding a quotation, for the pronouns of "“...,” she said" are
    what it resolves; those before the quotation are the story's own."""
    found = set()
    for m in (o for o in ctx.mentions if o.key == f.key and not ctx.in_quote(o.start)):
        sent = ctx.sentence_at(m.start)
        opens = min((s for s, _ in ctx.quoted if m.end <= s < sent.end_char), default=sent.end_char)
        if any(o.type == "PERSON" and o.key != f.key and sent.start_char <= o.start < sent.end_char for o in ctx.mentions):
            continue
        found |= {lex.gender_words[t.lower_] for t in sent if m.end <= t.idx < opens and t.tag_ in ("PRP", "PRP$")
                  and t.dep_ in ("nsubj", "nsubjpass", "poss") and t.lower_ in lex.gender_words}
    return next(iter(found)) if len(found) == 1 else None


def _form_of_address(body: str, m: EntityMention) -> str:
    """"mrs reddy" for "Mrs Reddy", "Mrs. Reddy"; "" for a surname with no honorific before it."""
    honorific = _GENDERED_HONORIFIC.search(body, max(m.start - 6, 0), m.start)
    return f"{honorific.group('h').lower()} {name_key(m.text)}" if honorific else ""


def _gender_of(form: str) -> str:
    return "m" if form.split()[0] == "mr" else "f"


def _member_meant(ctx: DocContext, m: EntityMention, members: dict[str, Member],
                  spoken: list[tuple[int, str]], addressed: dict[str, set[str]]) -> str | None:
    """The key of the family member a lone surname stands for, or None when the family's words do not say."""
    # a reader knows only the people named before ("Mrs Reddy said" before her daughter is introduced)
    possible = [k for k in members if members[k].introduced < m.start] or list(members)
    form = _form_of_address(ctx.body, m)
    if form:
        wanted = _gender_of(form)
        possible = [k for k in possible if members[k].gender in (wanted, None)]
        # a story keeps one form of address for one person: "Mrs Reddy" is whom it called "Mrs Reddy" before, and
        # "Ms Reddy" someone else, when there is someone else
        called = addressed.get(form, set()) & set(possible)
        if len(called) == 1:
            return next(iter(called))
        otherwise = {k for other, keys in addressed.items() if other != form for k in keys}
        possible = [k for k in possible if k not in otherwise] or possible
    if len(possible) <= 1:
        return possible[0] if possible else None
    recent = _in_focus(ctx, m.start, spoken, possible)
    if recent is not None:
        return recent
    if not form:
        principal = [k for k in possible if not members[k].relative]
        return principal[0] if len(principal) == 1 else None
    same = [k for k in possible if members[k].gender == wanted]
    return same[0] if len(same) == 1 else None


def _in_focus(ctx: DocContext, start: int, spoken: list[tuple[int, str]], possible: list[str]) -> str | None:
    """The family member the story last spoke of in this paragraph, or in the one before when this one opens with
    quoted words (they answer it), when it has spoken of no other person since (outside quotes). A paragraph of prose
    opening on a bare surname is back with the one the story is about ("Her nephew, Tor Halvorsen, ...", then
    "Halvorsen took over the yard in 1981")."""
    last = next(((at, key) for at, key in reversed(spoken) if at < start), None)
    if last is None or last[1] not in possible or last[0] < _paragraphs_in_view(ctx, start):
        return None
    between = [o for o in ctx.mentions if last[0] < o.start < start and o.type == "PERSON" and not ctx.in_quote(o.start)]
    return last[1] if all(o.key == last[1] for o in between) else None


def _paragraphs_in_view(ctx: DocContext, start: int) -> int:
    """Where the stretch a mention at `start` reads back into begins: its paragraph, and the one before it too when
    its paragraph opens with a quotation mark."""
    k = next((k for k, (s, e) in enumerate(ctx.paragraphs) if s <= start < e), None)
    if k is None:
        return start
    opens = ctx.body[ctx.paragraphs[k][0]]
    return ctx.paragraphs[k - 1][0] if k and opens in _QUOTE_OPENERS else ctx.paragraphs[k][0]
