"""Documents: an outlet's report of a story, a content farm's rewrite of one, another site's syndicated copy."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from benchmarks.corpus.data import capital_first, load, proper_words
from benchmarks.corpus.world import (
    Person,
    QuoteFact,
    Ref,
    Statement,
    Story,
    own_statements,
)

# Slots that hold a whole clause (a reaction, an earlier event): reworded like the template around them.
PHRASE_SLOTS = ("reaction", "event_past")


@dataclass
class Sentence:
    text: str
    statement: Statement
    variant: int
    quotes: list[dict] = field(default_factory=list)  # as they appear in this text: kind, text, speaker


@dataclass
class Doc:
    story: Story
    outlet: dict
    site: dict  # the site the page was saved from (differs from outlet when syndicated)
    title: str
    standfirst: str
    authors: list[str]
    published: date
    dateline: str
    paragraphs: list[list[Sentence]]
    curly: bool = True
    extra_tail: list[str] = field(default_factory=list)  # closing paragraphs a rewriter adds

    @property
    def body(self) -> str:
        """The story's text without furniture: what a perfect parser would keep."""
        return "\n\n".join([" ".join(s.text for s in p) for p in self.paragraphs] + self.extra_tail)


def _context(story: Story, statement: Statement, seen: set[str]) -> dict:
    ctx = {**story.slots, **{k: Ref(p, seen) for k, p in story.people.items()}}
    ctx.update((k, Ref(v, seen) if isinstance(v, Person) else v) for k, v in statement.slots)
    return ctx


def quote_marks(text: str, curly: bool) -> str:
    return text if curly else text.replace("“", '"').replace("”", '"').replace("’", "'")


def render_statement(
    story: Story,
    statement: Statement,
    variant: int,
    form: str,
    seen: set[str],
    rng: random.Random | None = None,
    rate: float = 0.0,
) -> Sentence:
    """One sentence of a statement in the given wording; quotes are reported in `form`. With a rate, words of
    the wording and of reported speech are swapped for synonyms; names, titles and quoted words never are."""
    ctx = _context(story, statement, seen)
    fact = statement.quote
    template = statement.variants[variant] if fact is None else load("statements")["speech"][form][variant]
    if rate:
        template = _swap_words(template, rng, rate)
        for slot in PHRASE_SLOTS:
            if slot in ctx:
                ctx[slot] = _swap_words(ctx[slot], rng, rate)
        if "event_past" in ctx:
            ctx["event_past_cap"] = capital_first(ctx["event_past"])
    if fact is None:
        text = capital_first(template.format_map(ctx))
        return Sentence(re.sub(r"(?<=[A-Z][a-z]\.)\.$", "", text), statement, variant)  # "Corp.."
    reported = _swap_words(fact.reported, rng, rate) if rate else fact.reported
    ctx.update(q=fact.direct, qi=reported, qp=fact.partial, qi_cap=capital_first(reported))
    text = capital_first(template.format_map(ctx))
    return Sentence(text, statement, variant, quote_truth(fact, form, reported))


def quote_truth(fact: QuoteFact, form: str, reported: str | None = None) -> list[dict]:
    """The quotes a sentence carries, as the file words them (`reported`: the reported form as written)."""
    who = {"speaker": fact.speaker.name, "speaker_role": fact.speaker.title, "speaker_full": fact.speaker.full}
    reported = reported or fact.reported
    if form == "direct":
        return [{"kind": "direct", "text": fact.direct, **who}]
    if form == "partial":
        return [{"kind": "partial", "text": fact.partial, **who}, {"kind": "indirect", "text": reported, **who}]
    return [{"kind": "indirect", "text": reported, **who}]


def _quote_form(rng: random.Random, statement: Statement) -> str:
    if statement.quote is not None and statement.quote.direct is None:
        return "indirect"
    return rng.choices(("direct", "partial", "indirect"), weights=(6, 1.5, 2.5))[0]


def _pick_variant(rng: random.Random, statement: Statement, form: str) -> int:
    n = len(statement.variants) if statement.quote is None else len(load("statements")["speech"][form])
    return rng.randrange(n)


def _paragraphs(sentences: list[Sentence], rng: random.Random) -> list[list[Sentence]]:
    """Quotes stand alone; other sentences go one to three to a paragraph."""
    paragraphs: list[list[Sentence]] = []
    for sentence in sentences:
        alone = sentence.quotes and sentence.quotes[0]["kind"] == "direct"
        if paragraphs and not alone and not paragraphs[-1][0].quotes and len(paragraphs[-1]) < rng.choice((1, 2, 3)):
            paragraphs[-1].append(sentence)
        else:
            paragraphs.append([sentence])
    return paragraphs


def _authors(rng: random.Random, k: int) -> list[str]:
    names = load("vocabulary")["names"]
    return [f"{rng.choice(names['first'])} {rng.choice(names['last'])}" for _ in range(k)]


def _dateline(outlet: dict, story: Story) -> str:
    city, country = story.slots["city"].upper(), story.slots["b"].name
    if outlet["kind"] == "wire":
        return f"{city}, {country} ({outlet['short']}) — "
    return f"{city} — " if outlet["style"] != "econ_daily" else f"{city}—"


def _fill(template: str, story: Story, seen: set[str]) -> str:
    return capital_first(template.format_map(_context(story, Statement("title", ()), seen)))


def write_report(story: Story, outlet: dict, rng: random.Random, later: bool = False) -> Doc:
    """An outlet's own report of a story: its choice of facts, order, wording and length."""
    target = rng.triangular(300, 1200, 330)
    # Each outlet has its own house phrasing: how freely it words a fact and how often it builds the sentence
    # another way, so two outlets reporting one fact do not write the same sentence.
    wording, restructure = rng.uniform(0.25, 0.6), rng.uniform(0.1, 0.5)
    seen: set[str] = set()
    sentences, words = [], 0
    for statement in _running_order(story, rng, later, depth=min(1.0, target / 900)):
        form = _quote_form(rng, statement)
        sentence = render_statement(story, statement, _pick_variant(rng, statement, form), form, seen, rng, wording)
        if rng.random() < restructure:
            sentence.text = _reorder(sentence.text, rng)
        sentences.append(sentence)
        words += sentence.text.count(" ") + 1
        if words >= target:
            break
    titles = story.topic["followup_titles" if later else "titles"]
    return Doc(
        story=story,
        outlet=outlet,
        site=outlet,
        title=_fill(rng.choice(titles), story, set()),
        standfirst=_fill(rng.choice(story.topic["standfirsts"]), story, set()),
        authors=_authors(rng, rng.choice((1, 1, 2))),
        published=(story.later_day if later else story.day) + timedelta(days=rng.choice((0, 0, 1))),
        dateline=_dateline(outlet, story),
        paragraphs=_paragraphs(sentences, rng),
        curly=rng.random() < 0.8,
    )


def _running_order(story: Story, rng: random.Random, later: bool, depth: float) -> list[Statement]:
    """The lead, then the outlet's pick of the shared facts and quotes plus what it gathered itself,
    news first and background after; each outlet picks and orders for itself. A longer piece (depth
    towards 1) keeps more of the shared material and gathers more of its own."""
    lead, shared = (story.later[0], story.later[1:] + story.pool[:8]) if later else (story.pool[0], story.pool[1:])
    news = story.topic["name"] + ":"
    keep = 0.4 + 0.4 * depth
    picked = [s for s in shared if rng.random() < (keep + 0.2 if s.key.startswith(news) else keep)]
    picked += own_statements(story, rng, later, depth)
    picked.sort(key=lambda s: rng.random() + (0.0 if s.key.startswith(news) else 0.4))
    return [lead] + picked


# --- rewrites and light edits ---------------------------------------------------------------------------


@cache
def _synonyms() -> tuple[dict[str, list[str]], re.Pattern]:
    """Swaps keyed by lower-case phrase, and one pattern finding any of them (longest first, either case of
    the first letter), with the article before it so "a"/"an" can follow the new word."""
    table = load("paraphrase")["synonyms"]
    keys = sorted(table, key=len, reverse=True)
    spelled = "|".join(re.escape(v) for k in keys for v in (k, capital_first(k)))
    return table, re.compile(rf"(?:\b([Aa]n?) )?(?<![\w'-])({spelled})(?![\w'-])")


def _swap_words(text: str, rng: random.Random, rate: float) -> str:
    """Swap words for synonyms outside quotation marks (rewriters keep quoted words); longest phrase first."""
    if "“" not in text and '"' not in text and "{" not in text:
        return _swap_run(text, rng, rate)
    parts = re.split(r"(“[^”]*”|\"[^\"]*\"|\{[^}]*\})", text)  # quoted words and template slots stay
    return "".join(p if i % 2 else _swap_run(p, rng, rate) for i, p in enumerate(parts))


def _swap_run(text: str, rng: random.Random, rate: float) -> str:
    table, pattern = _synonyms()

    def swap(match: re.Match) -> str:
        article, word = match.group(1), match.group(2)
        if rng.random() >= rate:
            return match.group(0)
        choice = rng.choice(table[word.lower()])
        if word[0].isupper():
            choice = capital_first(choice)
        if article:
            return f"{article[0]}{'n' if choice[0] in 'aeiouAEIOU' else ''} {choice}"
        return choice

    return pattern.sub(swap, text)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0].strip(",")
    return text if first in proper_words() else text[:1].lower() + text[1:]


def _reorder(text: str, rng: random.Random) -> str:
    """Move a trailing weekday to the front, or split a sentence at a clause boundary."""
    day = re.search(r" on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text)
    if day and rng.random() < 0.6 and "“" not in text:
        rest = text[: day.start()] + text[day.end() :]
        return f"On {day.group(1)}, {_lower_first(rest)}"
    for joint, replacement in (
        (", while ", ". Meanwhile, "),
        (", which ", ". This "),
        (", adding that ", ". They added that "),
        (", in a deal that ", ". The deal "),
        (", where ", ". There, "),
    ):
        if joint in text and rng.random() < 0.8:
            return text.replace(joint, replacement, 1)
    return text


def _rewrite_sentence(
    sentence: Sentence, story: Story, rng: random.Random, seen: set[str], lead: bool = False
) -> Sentence:
    statement = sentence.statement
    if statement.quote is not None and statement.quote.direct and rng.random() < 0.7:
        template = rng.choice(load("paraphrase")["reported"])
        spk = format(Ref(statement.quote.speaker, seen), "ref")
        return Sentence(
            template.format(spk=spk, qi=statement.quote.reported),
            statement,
            -1,
            quote_truth(statement.quote, "indirect"),
        )
    form = sentence.quotes[0]["kind"] if sentence.quotes else "direct"
    n = len(statement.variants) if statement.quote is None else len(load("statements")["speech"][form])
    variant = (sentence.variant + rng.randrange(1, n)) % n if n > 1 else 0
    fresh = render_statement(story, statement, variant, form, seen, rng, 0.85)
    text = _reorder(fresh.text, rng)
    if not lead and rng.random() < 0.3 and not text.startswith("“"):
        text = rng.choice(load("paraphrase")["connectives"]) + _lower_first(text)
    return Sentence(text, statement, variant, fresh.quotes)


def rewrite(source: Doc, farm: dict, rng: random.Random) -> Doc:
    """A content farm's paraphrase: same statements in the same order, other words, fewer quotes, a FAQ."""
    story, seen = source.story, set()
    kept = [s for i, p in enumerate(source.paragraphs) for s in p if i == 0 or rng.random() > 0.1]
    sentences = [_rewrite_sentence(s, story, rng, seen, lead=i == 0) for i, s in enumerate(kept)]
    paragraphs = [sentences[i : i + k] for i, k in _chunks(len(sentences), rng)]
    slots = doc_slots(source)
    summary = rng.choice(load("paraphrase")["summaries"]).format_map(slots)
    return Doc(
        story=story,
        outlet=farm,
        site=farm,
        title=_swap_words(source.title, rng, rate=0.9),
        standfirst=_swap_words(source.standfirst, rng, rate=0.9),
        authors=_authors(rng, 1),
        published=source.published + timedelta(days=rng.choice((0, 1, 1, 2, 3))),
        dateline="",
        paragraphs=paragraphs,
        curly=source.curly,
        extra_tail=[summary],
    )


def _chunks(n: int, rng: random.Random) -> Iterator[tuple[int, int]]:
    i = 0
    while i < n:
        k = rng.choice((1, 2, 2, 3))
        yield i, k
        i += k


def syndicate(source: Doc, site: dict, rng: random.Random) -> Doc:
    """Another site carrying the same story: same body under its furniture, with light house-style edits."""
    spelling = load("paraphrase")["spelling"] if rng.random() < 0.7 else {}

    def respell(text: str) -> str:
        for uk, us in spelling.items():
            text = re.sub(rf"\b{uk}\b", us, text)
            text = re.sub(rf"\b{uk.capitalize()}\b", us.capitalize(), text)
        return text

    def edit(sentence: Sentence) -> Sentence:
        quotes = [
            {**q, "text": respell(q["text"]), "speaker_full": respell(q["speaker_full"])} for q in sentence.quotes
        ]
        return Sentence(respell(sentence.text), sentence.statement, sentence.variant, quotes)

    paragraphs = [[edit(s) for s in p] for p in source.paragraphs]
    if len(paragraphs) > 6 and rng.random() < 0.5:
        paragraphs = paragraphs[: -rng.randint(1, 2)]
    city = source.story.slots["city"].upper()
    return Doc(
        story=source.story,
        outlet=source.outlet,
        site=site,
        title=string.capwords(source.title) if rng.random() < 0.4 else source.title,
        standfirst=source.standfirst,
        authors=source.authors,
        published=source.published + timedelta(days=rng.choice((0, 0, 1))),
        dateline=rng.choice((source.dateline, f"{city} — ", f"{city}—")),
        paragraphs=paragraphs,
        curly=source.curly and rng.random() < 0.7,
    )


def doc_slots(doc: Doc) -> dict:
    story, site = doc.story, doc.site
    people = ", ".join(p.name for p in list(story.people.values())[:3])
    return {
        "title": doc.title,
        "standfirst": doc.standfirst,
        "site": site["name"],
        "site_short": site["short"],
        "outlet": doc.outlet["name"],
        "author": doc.authors[0],
        "authors": " and ".join(doc.authors),
        "date_short": f"{doc.published:%b %d, %Y}",
        "date_long": f"{doc.published:%B} {doc.published.day}, {doc.published.year}",
        "year": doc.published.year,
        "city": story.slots["city"],
        "a_name": story.slots["a"].name,
        "b_name": story.slots["b"].name,
        "c_name": story.slots["c"].name,
        "people": people,
        "headline": doc.title,
    }
