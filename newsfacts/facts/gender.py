"""The grammatical gender of the people a story names, read from the story itself, so that "she said" is never
given to a man: the words written beside a name ("Mrs. Lee", "actress Mary Steenburgen", "Steenburgen's son,
filmmaker Charlie McDowell") and the pronouns that agree with a person who is the only one in their sentence ("Lee
said she ...", "... said Joseph Minga. He learned ...", and past their own quoted words: "..., Ashley Morgan, opened
the prize-giving: “...” He thanked ..."), not a possessive owning a relation beside the name ("Tom Price, her
neighbour,"). No list of given names: a person the story gives no cue for has no gender and stays compatible with
every pronoun. fits_pronoun is the one check every rule that hands a pronoun's words on makes.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from newsfacts.facts.context import DocContext
from newsfacts.facts.lexicon import Lexicon

_PRONOUN_DEPS = ("nsubj", "nsubjpass", "poss")  # "she said", "her mind"; never an object ("pressed her")


def person_genders(ctx: DocContext, lex: Lexicon) -> dict[str, str]:
    """entity_id -> "m" | "f" for the people the story gives a cue for (the majority of their cues)."""
    if ctx.genders is not None:
        return ctx.genders
    votes: dict[str, Counter] = defaultdict(Counter)
    people = [m for m in ctx.mentions if m.type == "PERSON" and not ctx.in_quote(m.start)]
    for m in people:
        for word in words_beside(ctx, m) + _what_they_are(ctx, m):
            if word in lex.gender_words:
                votes[m.entity_id][lex.gender_words[word]] += 1
    by_sentence: dict[int, list] = defaultdict(list)
    for m in people:
        by_sentence[ctx.sentence_no(m.start)].append(m)
    for no, found in by_sentence.items():
        if len({m.entity_id for m in found}) != 1:
            continue  # two people in one sentence: a pronoun may be either's
        m = found[0]
        theirs = _said_to_be(ctx, m) | _described_as(ctx, m)
        after = _after_their_words(ctx, no)
        sents = [ctx.sentences[no]] + ([ctx.sentences[after]] if after < len(ctx.sentences) else [])
        for k, sent in enumerate(sents):
            if any(s < sent.end_char and sent.start_char < e for s, e in ctx.quoted):
                continue  # "“...,” she said" is what the pronouns are resolved for, not evidence for them
            for tok in sent:
                if k and tok.ent_type_ == "PERSON":
                    break  # the next sentence names someone before its pronoun
                if (tok.idx >= m.end and tok.dep_ in _PRONOUN_DEPS and tok.lower_ in lex.gender_words
                        and tok.tag_.startswith("PRP") and not ctx.in_quote(tok.idx)
                        and (not k or _main_subject(tok)) and tok.head.i not in theirs):
                    votes[m.entity_id][lex.gender_words[tok.lower_]] += 1
                    if k:
                        break
    ctx.genders = {}
    for e, c in votes.items():
        top = c.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:  # a tie tells nothing
            ctx.genders[e] = top[0][0]
    return ctx.genders


def _said_to_be(ctx: DocContext, m) -> set[int]:
    """Token indices of the nouns a relative clause says the person is ("Samuel Kiprotich, who is also her
    husband"). The pronoun that owns such a noun ("her") is someone else's, the one the person is related to."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    root = span.root  # the clause may hang on the noun the name is in apposition to ("Her coach, Samuel ...")
    nouns = [root] + ([root.head] if root.dep_ == "appos" else [])
    return {attr.i for noun in nouns for rel in noun.children if rel.dep_ == "relcl" and rel.lower_ in ("is", "was")
            for attr in rel.children if attr.dep_ == "attr"}


def _after_their_words(ctx: DocContext, no: int) -> int:
    """The sentence that goes on from the one a person alone is named in, past the words quoted right after it
    that name no one ("..., Ramesh Kandiah, addressed the crowd: “...” He thanked the council"): the subject
    pronoun opening it is theirs, the story having only them in view."""
    after = no + 1
    while after < len(ctx.sentences) and _all_quoted(ctx, ctx.sentences[after]) \
            and not any(t.ent_type_ == "PERSON" for t in ctx.sentences[after]):
        after += 1
    return after


def _all_quoted(ctx: DocContext, sent) -> bool:
    """Every word of the sentence inside quotation marks: someone's words, not the story's."""
    words = [t for t in sent if t.is_alpha]
    return bool(words) and all(ctx.in_quote(t.idx) for t in words)


def _described_as(ctx: DocContext, m) -> set[int]:
    """Token indices of the nouns in apposition to the name ("Tom Price, her neighbour,"): a possessive owning one
    ("her") is the one the person is related to, not the person."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    root = span.root
    return {c.i for c in root.children if c.dep_ == "appos" and not whose_relative(c)} \
        | ({root.head.i} if root.dep_ == "appos" else set())


def whose_relative(noun) -> bool:
    """"Siobhan Doyle, whose father Frank Doyle, 88, has lived ...": a noun owned by "whose", which the parser may
    hang on the name as its apposition, is the person's relative (named after it), never what the person is."""
    return any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children)


def _main_subject(tok) -> bool:
    """The pronoun opening the next sentence as the subject of its main clause ("He learned ...")."""
    return tok.dep_ == "nsubj" and tok.head.dep_ == "ROOT"


def words_beside(ctx: DocContext, m) -> list[str]:
    """Words of the name's own noun phrase outside the name: honorific, compounds, the noun it is in apposition to
    or that is in apposition to it (also what turns.py reads a description by: "the presenter")."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    before = span.doc[max(span.start - 1, 0)]
    words = [before.lower_] if before.i < span.start else []
    words += [t.lower_ for t in root.lefts if t.i < span.start and t.dep_ in ("compound", "nmod", "amod", "appos")]
    words += [t.lower_ for t in root.rights if t.dep_ == "appos" and not whose_relative(t)]
    words += [span.doc[i].lower_ for i in _said_to_be(ctx, m)]  # "..., who is also her husband,": a man
    if root.dep_ == "appos":
        words.append(root.head.lower_)
    return words


def _what_they_are(ctx: DocContext, m) -> list[str]:
    """"Omar is one of the first two Muslim women elected to Congress", "Sato is a retired teacher and mother":
    the noun a copula says the person is, singular ("women" -> "woman", "mothers" -> "mother")."""
    span = ctx.sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ != "nsubj" or span.root.head.lower_ not in ("is", "was"):
        return []
    out = []
    for attr in (c for c in span.root.head.children if c.dep_ == "attr"):
        nouns = [attr] + [p for prep in attr.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"]
        nouns += [c for n in nouns for c in n.children if c.dep_ == "conj"]
        for n in nouns:
            word = n.lower_
            out.append(word.replace("women", "woman").replace("men", "man") if word.endswith("men") else
                       word[:-1] if word.endswith("s") else word)
    return out


def pronoun_gender(word: str, lex: Lexicon) -> str | None:
    return lex.gender_words.get(word.lower()) if word.lower() in lex.person_pronouns else None


def fits_pronoun(ctx: DocContext, entity_id: str | None, pronoun: str, lex: Lexicon) -> bool:
    """The person may be the one a pronoun stands for: the story gives them no gender, or the pronoun's ("she" is
    never a man the story calls "he"). For every rule that hands a pronoun's words on to someone else."""
    gender = pronoun_gender(pronoun, lex)
    return gender is None or entity_id is None or person_genders(ctx, lex).get(entity_id, gender) == gender
