"""Benchmark corpus generator: N realistic raw news files (text, HTML, transcripts) with their ground truth."""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import string
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).parent / "corpus_data"
ROLES = ("original", "independent_report", "exact_copy", "syndicated_copy", "rewrite", "follow_up")
FORMATS = ("text", "html", "transcript")
# Share of files per kind; "report" splits into the first report of a story (original) and the others.
DEFAULT_MIX = {"report": 0.6, "exact_copy": 0.1, "syndicated_copy": 0.1, "rewrite": 0.1, "follow_up": 0.1}
# How many outlets cover one story independently (drawn uniformly from this list).
OUTLETS_PER_STORY = (1, 2, 2, 3, 3, 4, 5)
# Ways to copy a file exactly: same bytes, or the same text in other bytes (line endings, byte-order mark).
COPY_KINDS = (("bytes", 0.6), ("crlf", 0.2), ("bom", 0.2))
FIRST_DAY, LAST_DAY = date(2021, 1, 4), date(2025, 6, 30)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")


@cache
def _data(name: str) -> dict:
    return tomllib.loads((DATA_DIR / f"{name}.toml").read_text(encoding="utf-8"))


@cache
def _proper_words() -> frozenset[str]:
    """Capitalised words of the invented world (names, places, organisations): never lower-cased."""
    text = json.dumps(_data("vocabulary"), ensure_ascii=False)
    grammar = json.dumps(_data("statements"), ensure_ascii=False)
    common = {w for w in re.findall(r"[a-z']+", grammar)}  # "The" of "The Morning Ledger" is not a name
    names = {w for w in re.findall(r"[\w'.-]+", text) if w[:1].isupper() and w.lower() not in common}
    return frozenset(names | {"United", "European", "I"})


# --- the invented world ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str
    cities: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    name: str
    last: str
    title: str  # "Foreign Ministry spokesperson"
    full: str  # "Velorian Foreign Ministry spokesperson Lena Marsh": safe anywhere in a sentence
    country: Country


class Ref:
    """A person as a template slot: the full reference on first mention in a document, the surname after."""

    def __init__(self, person: Person, seen: set[str]):
        self.person, self.seen = person, seen

    def __format__(self, spec: str) -> str:
        if spec == "ref":
            first = self.person.name not in self.seen
            self.seen.add(self.person.name)
            return self.person.full if first else self.person.last
        return getattr(self.person, spec or "name")


@dataclass(frozen=True)
class QuoteFact:
    """Words a person said, in the three shapes outlets report them: direct, reported, partial."""

    speaker: Person
    direct: str | None  # None: known only in reported speech
    reported: str
    partial: str


@dataclass(frozen=True)
class Statement:
    """One fact of a story with its wordings; slots override the story's slots for this statement."""

    key: str
    variants: tuple[str, ...]
    slots: tuple[tuple[str, object], ...] = ()
    quote: QuoteFact | None = None


@dataclass
class Story:
    no: int
    topic: dict
    day: date
    slots: dict
    people: dict[str, Person]
    pool: list[Statement]  # statements of the first reports, lead first
    later: list[Statement]  # new facts for follow-ups
    later_day: date


def _person(rng: random.Random, country: Country, kind: str, taken: set[str], employer: str = "") -> Person:
    names = _data("vocabulary")["names"]
    while True:
        first, last = rng.choice(names["first"]), rng.choice(names["last"])
        if last not in taken:
            taken.add(last)
            break
    name = f"{first} {last}"
    if kind == "analyst":
        institute = rng.choice(_data("vocabulary")["institutes"]["names"])
        return Person(name, last, "analyst", f"{institute} analyst {name}", country)
    role = rng.choice([r for r in _data("vocabulary")["role"] if r["kind"] == kind])
    return Person(name, last, role["title"], f"{employer or country.demonym} {role['title']} {name}", country)


def _money(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"${rng.randint(11, 99) / 10:.1f} billion"
    return f"${rng.randint(12, 950)} million"


def _figures(rng: random.Random) -> dict:
    return {
        "amount": _money(rng),
        "amount2": _money(rng),
        "count": f"{rng.randint(2, 250) * 100:,}",
        "count2": f"{rng.randint(3, 900) * 1000:,}",
        "count_small": str(rng.randint(7, 95)),
        "count_small2": str(rng.randint(96, 400)),
        "pct": f"{rng.randint(5, 190) / 10:.1f}%",
        "dist": f"{rng.randint(3, 60) * 10} kilometres",
        "year_past": str(rng.randint(1994, 2019)),
        "month_past": rng.choice(("January", "March", "April", "June", "July", "August", "October", "November")),
        "years": rng.choice(NUMBER_WORDS),
    }


def _countries() -> list[Country]:
    return [Country(c["name"], c["demonym"], c["capital"], tuple(c["cities"])) for c in _data("vocabulary")["country"]]


def _day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))


def build_story(seed: int, no: int) -> Story:
    """The facts of story `no`: who, where, when, figures, quotes, and the statements reports draw on."""
    rng = random.Random(f"{seed}:story:{no}")
    topic = rng.choice(_data("statements")["topic"])
    a, b, c = rng.sample(_countries(), 3)
    orgs = _data("vocabulary")["organisations"]
    org = rng.choice(orgs["companies"] if topic["name"] == "business" else orgs["agencies"])
    employers = {"executive": org, "union": rng.choice(orgs["unions"])}
    taken: set[str] = set()
    people = {
        "lead": _person(rng, a, topic["lead"], taken, employers.get(topic["lead"], "")),
        "other": _person(rng, b, topic["other"], taken, employers.get(topic["other"], "")),
        "minister": _person(rng, rng.choice((a, b)), "minister", taken),
        "spokes": _person(rng, c, "spokesperson", taken),
        "official": _person(rng, b, "official", taken),
        "analyst": _person(rng, rng.choice((a, b, c)), "analyst", taken),
    }
    day = _day(rng)
    slots = {
        "a": a, "b": b, "c": c, "city": rng.choice(b.cities), "day": WEEKDAYS[day.weekday()],
        "date": f"{day:%B} {day.day}", "event": rng.choice(topic["event"]), "goods": rng.choice(topic["goods"]),
        "issue": rng.choice(topic["issue"]),
        "org": org,
        **_figures(rng),
    }
    quotes = _quotes(rng, topic, people, slots)
    later_day = day + timedelta(days=rng.randint(1, 4))
    background, later_background = _generic_pools(rng, topic["name"], slots, WEEKDAYS[later_day.weekday()])
    extra, later_extra = _families(rng, topic["name"], slots, people, taken)
    background, later_background = background + extra, later_background + later_extra
    return Story(
        no=no, topic=topic, day=day, slots=slots, people=people,
        pool=_first_pool(rng, topic, quotes[:-2], background),
        later=_later_pool(rng, topic, quotes[-2:], later_background, later_day),
        later_day=later_day,
    )


def _quotes(rng: random.Random, topic: dict, people: dict[str, Person], slots: dict) -> list[QuoteFact]:
    """Each quoted person gets words of their own; the last two quotes are kept back for follow-ups."""
    speakers = rng.sample(list(people.values()), k=len(people))
    lines = rng.sample(topic["quotes"], k=len(topic["quotes"]))
    facts = []
    for speaker, (direct, reported, partial) in zip(speakers * 2, lines):
        fill = {**slots, "gov": f"the {speaker.country.demonym} government"}
        facts.append(QuoteFact(speaker, direct.format_map(fill), reported.format_map(fill), partial))
    return facts


def _generic_pools(rng: random.Random, topic: str, slots: dict, later_day: str) -> tuple[list[Statement], list[Statement]]:
    """Background statements that fit the topic, each bound to an ordering of the story's countries with
    figures of its own: one binding for the first reports, another (dated later) for follow-ups."""
    first, later = [], []
    a, b, c = slots["a"], slots["b"], slots["c"]
    orders = [(a, b, c), (c, b, a)]  # b, where the story happens, stays b
    for generic in _data("statements")["generic"]:
        if topic not in generic["topics"]:
            continue
        for pool, order in zip((first, later), rng.sample(orders, k=2)):
            over = {"a": order[0], "b": order[1], "c": order[2], **_figures(rng)}
            if pool is later:
                over["day"] = later_day
            key = f"{generic['id']}:{order[0].name}:{order[1].name}"
            pool.append(Statement(key, tuple(generic["variants"]), tuple(over.items())))
    return first, later


def _families(rng: random.Random, topic: str, slots: dict, people: dict, taken: set[str]) -> tuple[list[Statement], list[Statement]]:
    """Reactions of other countries, claims of experts and earlier events: a few for the first reports,
    the rest for follow-ups."""
    family = _data("statements")["family"]
    others = [c for c in _countries() if c not in (slots["a"], slots["b"], slots["c"])]
    fill = {**slots, **{k: Ref(p, set()) for k, p in people.items()}}
    statements = []
    for kind, phrases in (("reaction", family["reaction"][topic]), ("timeline", family["timeline"][topic])):
        for phrase in rng.sample(phrases, k=5):
            x = rng.choice(others)
            text = phrase.format_map({**fill, "x": x})
            over = {"x": x, "reaction": text, "event_past": text, "event_past_cap": _capital_first(text),
                    "month_past": _figures(rng)["month_past"]}
            statements.append(Statement(f"{kind}:{phrase}", tuple(family[kind]["variants"]), tuple(over.items())))
    for claim in rng.sample(family["claim"][topic], k=6):
        expert = _person(rng, rng.choice(others + [slots["a"], slots["b"]]), "analyst", taken)
        statements.append(_quote_statement(QuoteFact(expert, None, claim.format_map(fill), "")))
    rng.shuffle(statements)
    return statements[:11], statements[11:]


def _quote_statement(fact: QuoteFact) -> Statement:
    return Statement(f"quote:{fact.speaker.name}:{fact.partial}", (), (("spk", fact.speaker),), fact)


def _first_pool(rng: random.Random, topic: dict, quotes: list[QuoteFact], background: list[Statement]) -> list[Statement]:
    facts = [Statement(f"{topic['name']}:{i}", tuple(v)) for i, v in enumerate(topic["statements"])]
    rest = facts[1:] + [_quote_statement(q) for q in quotes] + background
    rng.shuffle(rest)
    return [facts[0]] + rest


def _later_pool(rng: random.Random, topic: dict, quotes: list[QuoteFact], background: list[Statement],
                later_day: date) -> list[Statement]:
    over = (("day", WEEKDAYS[later_day.weekday()]),)
    facts = [Statement(f"{topic['name']}:later:{i}", tuple(v), over) for i, v in enumerate(topic["followup"])]
    rest = facts[1:] + [_quote_statement(q) for q in quotes] + background
    rng.shuffle(rest)
    return [facts[0]] + rest


# --- documents: what an outlet writes about a story ---------------------------------------------------------


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


def _capital_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quote_marks(text: str, curly: bool) -> str:
    return text if curly else text.replace("“", '"').replace("”", '"').replace("’", "'")


def render_statement(story: Story, statement: Statement, variant: int, form: str, seen: set[str]) -> Sentence:
    """One sentence of a statement in the given wording; quotes are reported in `form`."""
    ctx = _context(story, statement, seen)
    fact = statement.quote
    if fact is None:
        text = _capital_first(statement.variants[variant].format_map(ctx))
        return Sentence(re.sub(r"(?<=[A-Z][a-z]\.)\.$", "", text), statement, variant)  # "Corp.."
    speech = _data("statements")["speech"][form]
    ctx.update(q=fact.direct, qi=fact.reported, qp=fact.partial, qi_cap=_capital_first(fact.reported))
    text = _capital_first(speech[variant % len(speech)].format_map(ctx))
    return Sentence(text, statement, variant, _quote_truth(fact, form))


def _quote_truth(fact: QuoteFact, form: str) -> list[dict]:
    who = {"speaker": fact.speaker.name, "speaker_role": fact.speaker.title}
    if form == "direct":
        return [{"kind": "direct", "text": fact.direct, **who}]
    if form == "partial":
        return [{"kind": "partial", "text": fact.partial, **who}, {"kind": "indirect", "text": fact.reported, **who}]
    return [{"kind": "indirect", "text": fact.reported, **who}]


def _quote_form(rng: random.Random, statement: Statement) -> str:
    if statement.quote is not None and statement.quote.direct is None:
        return "indirect"
    return rng.choices(("direct", "partial", "indirect"), weights=(6, 1.5, 2.5))[0]


def _pick_variant(rng: random.Random, statement: Statement, form: str) -> int:
    n = len(statement.variants) if statement.quote is None else len(_data("statements")["speech"][form])
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
    names = _data("vocabulary")["names"]
    return [f"{rng.choice(names['first'])} {rng.choice(names['last'])}" for _ in range(k)]


def _dateline(outlet: dict, story: Story) -> str:
    city, country = story.slots["city"].upper(), story.slots["b"].name
    if outlet["kind"] == "wire":
        return f"{city}, {country} ({outlet['short']}) — "
    return f"{city} — " if outlet["style"] != "econ_daily" else f"{city}—"


def _fill(template: str, story: Story, seen: set[str]) -> str:
    return _capital_first(template.format_map(_context(story, Statement("title", ()), seen)))


def write_report(story: Story, outlet: dict, rng: random.Random, later: bool = False) -> Doc:
    """An outlet's own report of a story: its choice of facts, order, wording and length."""
    pool = story.later + story.pool[:8] if later else story.pool
    target = rng.triangular(300, 1200, 480)
    seen: set[str] = set()
    sentences, words = [], 0
    for i, statement in enumerate(pool):
        if i and rng.random() < 0.12:
            continue
        form = _quote_form(rng, statement)
        sentence = render_statement(story, statement, _pick_variant(rng, statement, form), form, seen)
        # Reporters who pick the same wording still differ in a word here and there.
        sentence.text = _swap_words(sentence.text, rng, rate=0.25)
        sentences.append(sentence)
        words += sentence.text.count(" ") + 1
        if words >= target:
            break
    titles = story.topic["followup_titles" if later else "titles"]
    return Doc(
        story=story, outlet=outlet, site=outlet,
        title=_fill(rng.choice(titles), story, set()),
        standfirst=_fill(rng.choice(story.topic["standfirsts"]), story, set()),
        authors=_authors(rng, rng.choice((1, 1, 2))),
        published=(story.later_day if later else story.day) + timedelta(days=rng.choice((0, 0, 1))),
        dateline=_dateline(outlet, story),
        paragraphs=_paragraphs(sentences, rng),
        curly=rng.random() < 0.8,
    )


# --- rewrites and light edits ---------------------------------------------------------------------------


@cache
def _synonyms() -> tuple[dict[str, list[str]], frozenset[str]]:
    """Swaps keyed by lower-case phrase, and the first word of every phrase as a token may end (a quick test)."""
    table = _data("paraphrase")["synonyms"]
    return table, frozenset(k.split(" ")[0] + end for k in table for end in ("", ".", ",", ";", ":"))


def _swap_words(text: str, rng: random.Random, rate: float) -> str:
    """Swap words for synonyms outside quotation marks (rewriters keep quoted words); longest phrase first."""
    if "“" not in text and '"' not in text:
        return _swap_run(text, rng, rate)
    parts = re.split(r"(“[^”]*”|\"[^\"]*\")", text)
    return "".join(p if i % 2 else _swap_run(p, rng, rate) for i, p in enumerate(parts))


def _swap_run(text: str, rng: random.Random, rate: float) -> str:
    table, firsts = _synonyms()
    tokens, lows, out, i = text.split(" "), text.lower().split(" "), [], 0
    while i < len(tokens):
        token = tokens[i]
        if lows[i] in firsts:
            for k in (3, 2, 1):
                phrase = " ".join(tokens[i : i + k])
                core = phrase.rstrip(".,;:")
                options = table.get(core.lower())
                if options:
                    break
            if options and rng.random() < rate:
                choice = rng.choice(options)
                if out and out[-1].lower() in ("a", "an"):
                    out[-1] = out[-1][0] + ("n" if choice[0] in "aeiou" else "")
                out.append((_capital_first(choice) if core[0].isupper() else choice) + phrase[len(core):])
                i += k
                continue
        out.append(token)
        i += 1
    return " ".join(out)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0].strip(",")
    return text if first in _proper_words() else text[:1].lower() + text[1:]


def _reorder(text: str, rng: random.Random) -> str:
    """Move a trailing weekday to the front, or split a sentence at a clause boundary."""
    day = re.search(r" on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", text)
    if day and rng.random() < 0.6 and "“" not in text:
        rest = text[: day.start()] + text[day.end():]
        return f"On {day.group(1)}, {_lower_first(rest)}"
    for joint, replacement in ((", while ", ". Meanwhile, "), (", which ", ". This "), (", adding that ", ". They added that "),
                               (", in a deal that ", ". The deal "), (", where ", ". There, ")):
        if joint in text and rng.random() < 0.8:
            return text.replace(joint, replacement, 1)
    return text


def _rewrite_sentence(sentence: Sentence, story: Story, rng: random.Random, seen: set[str]) -> Sentence:
    statement = sentence.statement
    if statement.quote is not None and rng.random() < 0.6:
        template = rng.choice(_data("paraphrase")["reported"])
        spk = format(Ref(statement.quote.speaker, seen), "ref")
        return Sentence(template.format(spk=spk, qi=statement.quote.reported), statement, -1,
                        _quote_truth(statement.quote, "indirect"))
    form = sentence.quotes[0]["kind"] if sentence.quotes else "direct"
    n = len(statement.variants) if statement.quote is None else len(_data("statements")["speech"][form])
    variant = (sentence.variant + rng.randrange(1, n)) % n if n > 1 else 0
    fresh = render_statement(story, statement, variant, form, seen)
    text = _reorder(_swap_words(fresh.text, rng, rate=0.75), rng)
    if rng.random() < 0.3 and not text.startswith("“"):
        text = rng.choice(_data("paraphrase")["connectives"]) + _lower_first(text)
    return Sentence(text, statement, variant, fresh.quotes)


def rewrite(source: Doc, farm: dict, rng: random.Random) -> Doc:
    """A content farm's paraphrase: same statements in the same order, other words, fewer quotes, a FAQ."""
    story, seen = source.story, set()
    kept = [s for i, p in enumerate(source.paragraphs) for s in p if i == 0 or rng.random() > 0.1]
    sentences = [_rewrite_sentence(s, story, rng, seen) for s in kept]
    paragraphs = [sentences[i : i + k] for i, k in _chunks(len(sentences), rng)]
    slots = _page_slots(source)
    summary = rng.choice(_data("paraphrase")["summaries"]).format_map(slots)
    return Doc(
        story=story, outlet=farm, site=farm,
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
    spelling = _data("paraphrase")["spelling"] if rng.random() < 0.7 else {}

    def respell(text: str) -> str:
        for uk, us in spelling.items():
            text = re.sub(rf"\b{uk}\b", us, text)
            text = re.sub(rf"\b{uk.capitalize()}\b", us.capitalize(), text)
        return text

    def edit(sentence: Sentence) -> Sentence:
        quotes = [{**q, "text": respell(q["text"])} for q in sentence.quotes]
        return Sentence(respell(sentence.text), sentence.statement, sentence.variant, quotes)

    paragraphs = [[edit(s) for s in p] for p in source.paragraphs]
    if len(paragraphs) > 6 and rng.random() < 0.5:
        paragraphs = paragraphs[: -rng.randint(1, 2)]
    city = source.story.slots["city"].upper()
    return Doc(
        story=source.story, outlet=source.outlet, site=site,
        title=string.capwords(source.title) if rng.random() < 0.4 else source.title,
        standfirst=source.standfirst, authors=source.authors,
        published=source.published + timedelta(days=rng.choice((0, 0, 1))),
        dateline=rng.choice((source.dateline, f"{city} — ", f"{city}—")),
        paragraphs=paragraphs,
        curly=source.curly and rng.random() < 0.7,
    )


# --- pages: a document inside a site's furniture, as text, HTML or transcript ----------------------------


def _headline(rng: random.Random) -> str:
    data = _data("furniture")["headlines"]
    names = _data("vocabulary")["names"]
    teams = rng.sample(data["teams"], 2)
    fill = {
        "team": teams[0], "team2": teams[1],
        "nth": f"{rng.randint(4, 12)}th", "age": rng.randint(19, 70), "pct": f"{rng.randint(10, 90) / 10}%",
        "person": f"{rng.choice(names['first'])} {rng.choice(names['last'])}",
        "country": rng.choice(_countries()).name, "number": f"{rng.randint(2, 90) * 1000:,}",
        "company": rng.choice(_data("vocabulary")["organisations"]["companies"]),
    }
    return rng.choice(data["templates"]).format_map(fill)


def _page_slots(doc: Doc) -> dict:
    story, site = doc.story, doc.site
    people = ", ".join(p.name for p in list(story.people.values())[:3])
    return {
        "title": doc.title, "standfirst": doc.standfirst, "site": site["name"], "site_short": site["short"],
        "outlet": doc.outlet["name"], "author": doc.authors[0], "authors": " and ".join(doc.authors),
        "date_short": f"{doc.published:%b %d, %Y}", "date_long": f"{doc.published:%B} {doc.published.day}, {doc.published.year}",
        "year": doc.published.year, "city": story.slots["city"], "a_name": story.slots["a"].name,
        "b_name": story.slots["b"].name, "c_name": story.slots["c"].name, "people": people,
        "headline": doc.title, "headline_lc": doc.title[:1].lower() + doc.title[1:],
    }


def _caption(doc: Doc, rng: random.Random) -> str:
    story = doc.story
    fill = {"lead_name": story.people["lead"].name, "city": story.slots["city"], "day": story.slots["day"],
            "org": story.slots["org"], "capital": story.slots["a"].capital}
    return rng.choice(_data("furniture")["captions"][story.topic["name"]]).format_map(fill)


def _ticker(rng: random.Random) -> str:
    name = rng.choice(_data("furniture")["tickers"]["names"])
    level, move = rng.uniform(100, 9000), rng.uniform(-2, 2)
    return f"  • {name} {level:.2f} {level * move / 100:+.2f} {move:+.2f}%"


def _faq(doc: Doc, slots: dict) -> list[str]:
    lines = [f"Frequently Asked Questions (FAQs) about {slots['tag']}", ""]
    for question, answer in _data("paraphrase")["faq"]:
        lines += [question.format_map(slots), "", answer.format_map(slots), ""]
    return lines


def _expand(lines: list[str], slots: dict, doc: Doc, rng: random.Random) -> list[str]:
    """Furniture lines of one region, directives expanded."""
    out: list[str] = []
    for line in lines:
        word, _, arg = line.partition(" ")
        if word == "@blank":
            out.append("")
        elif word == "@headlines":
            out += [_headline(rng) for _ in range(int(arg))]
        elif word == "@ticker":
            out += [_ticker(rng) for _ in range(int(arg))]
        elif word == "@faq":
            out += _faq(doc, slots)
        else:
            out.append(line.format_map(slots))
    return out


@dataclass
class Page:
    """A document laid out on a site: furniture regions around the body blocks."""

    doc: Doc
    slots: dict
    nav: list[str]
    head: list[str]
    body: list[tuple[str, str]]  # (kind, text): p | h2 | teaser
    tail: list[str]
    sidebar: list[str]
    footer: list[str]


def _furniture_slots(doc: Doc, rng: random.Random) -> dict:
    names = _data("vocabulary")["names"]
    slots = _page_slots(doc)
    hour, minute = rng.randint(0, 22), rng.choice((0, 5, 12, 30, 41, 55))
    slots.update(
        caption=_caption(doc, rng), credit=rng.choice(_data("furniture")["photo_credits"]["names"]),
        caption_credit=f"An image released by state media shows {doc.story.people['lead'].name} in {doc.story.slots['city']} (via {doc.outlet['short']}).",
        editor=f"{rng.choice(names['first'])} {rng.choice(names['last'])}",
        email=", ".join(f"{a.lower().replace(' ', '.')}@{doc.outlet.get('domain', 'news.com')}" for a in doc.authors),
        section=rng.choice(_data("furniture")["sections"]["names"]), tag=_tag(doc),
        time=f"{hour % 12 + 1}:{minute:02d} {'a.m.' if hour < 11 else 'p.m.'}",
        time_updated=f"{(hour + 2) % 24:02d}:{minute:02d}", bio_city=doc.story.slots["c"].capital,
        bio_year=rng.randint(1995, 2015),
    )
    return slots


def _tag(doc: Doc) -> str:
    return doc.story.topic["tag"]


def lay_out(doc: Doc, rng: random.Random) -> Page:
    style = _data("furniture")["style"].get(doc.site["style"]) or _data("furniture")["style"]["wire_portal"]
    slots = _furniture_slots(doc, rng)
    teasers = [t for t in style["inline"] if rng.random() < style["inline_rate"]]
    body: list[tuple[str, str]] = []
    for i, paragraph in enumerate(doc.paragraphs):
        text = " ".join(s.text for s in paragraph)
        body.append(("p", _quote_marks(doc.dateline + text if i == 0 else text, doc.curly)))
        if i and i % 5 == 2 and teasers:
            body.append(("teaser", teasers.pop().format_map({"headline": _headline(rng)})))
        if style["subheads"] and i and i % 6 == 0:
            body.append(("h2", _subhead(paragraph)))
    body += [("p", text) for text in doc.extra_tail]
    region = lambda name: _expand(style[name], slots, doc, rng)  # noqa: E731 - five regions, one recipe
    return Page(doc, slots, region("nav"), region("head"), body, region("tail"), region("sidebar"), region("footer"))


def _subhead(paragraph: list[Sentence]) -> str:
    words = re.sub(r"[“”\"]", "", paragraph[0].text).rstrip(".").split()
    return " ".join(words[: min(len(words), 6)]).rstrip(",")


def page_text(page: Page) -> str:
    """The page as a scraper saves it: lines of furniture and body, blank lines between blocks."""
    lines = page.nav + [page.doc.title] + page.head
    for kind, text in page.body:
        lines += ["", text] if kind == "p" else ["", "", text, ""]
    lines += page.tail + page.sidebar + page.footer
    return "\n".join(lines).strip("\n") + "\n"


def page_html(page: Page, rng: random.Random) -> str:
    """The page as a browser saves it: metadata in <head>, the story in <article>, furniture around it."""
    doc, e = page.doc, html.escape
    url = f"https://www.{doc.site.get('domain', 'news.example')}/{page.slots['section'].lower().replace(' & ', '-')}/{_slug(doc.title)}-{rng.getrandbits(24)}"
    published = f"{doc.published.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    head = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{e(doc.title)} | {e(doc.site['name'])}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{e(doc.standfirst)}">',
        f'<meta property="og:title" content="{e(doc.title)}">', '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{e(doc.site["name"])}">', f'<meta property="og:url" content="{url}">',
        f'<meta property="article:published_time" content="{published}">',
        f'<meta name="author" content="{e(", ".join(doc.authors))}">', f'<link rel="canonical" href="{url}">',
        f'<link rel="stylesheet" href="/static/css/main.{rng.getrandbits(32):08x}.css">',
        "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({'pageType': 'article'});</script>",
        "</head>", '<body class="article-page">',
    ]
    nav = [f'  <li><a href="/{_slug(t)}">{e(t)}</a></li>' for t in page.nav if t]
    article = [f"<h1>{_text(doc.title)}</h1>"] + [_html_line(t, page.slots) for t in page.head if t]
    article += [_html_block(kind, text) for kind, text in page.body] + [f'<p class="credits">{_text(t)}</p>' for t in page.tail if t]
    aside = [f'  <li><a href="/news/{_slug(t)}">{_text(t)}</a></li>' for t in page.sidebar if t]
    footer = [f"  <p>{_text(t)}</p>" for t in page.footer if t]
    parts = head + ['<header class="site-header">', '<nav class="main-nav">', "<ul>"] + nav + ["</ul>", "</nav>", "</header>"]
    parts += ['<main id="main">', "<article>"] + article + ["</article>"]
    parts += ['<aside class="sidebar">', "<h3>More stories</h3>", "<ul>"] + aside + ["</ul>", "</aside>", "</main>"]
    parts += ['<footer class="site-footer">'] + footer + ["</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_line(text: str, slots: dict) -> str:
    e = html.escape
    if slots["caption"] in text:
        return f'<figure><img src="/images/{_slug(text)[:40]}.jpg" alt="{e(slots["caption"])}"><figcaption>{e(text)}</figcaption></figure>'
    if text == slots["standfirst"]:
        return f'<p class="standfirst">{_text(text)}</p>'
    return f'<div class="meta">{_text(text)}</div>'


def _html_block(kind: str, text: str) -> str:
    e = _text
    if kind == "h2":
        return f"<h2>{e(text)}</h2>"
    if kind == "teaser":
        return f'<div class="inline-related"><a href="/news/{_slug(text)}">{e(text)}</a></div>'
    return f"<p>{e(text)}</p>"


def _text(text: str) -> str:
    """Escape for a text node: quotation marks stay as typed, as in real pages."""
    return html.escape(text, quote=False)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "home"


def _spoken(doc: Doc, rng: random.Random) -> tuple[list[str], list[dict]]:
    """Narration of a document: quotes become sound bites or reported speech; lines cut at clause breaks."""
    lines, quotes = [], []
    for sentence in (s for p in doc.paragraphs for s in p):
        fact = sentence.statement.quote
        if fact is None:
            text = re.sub(r"[“”]", "", sentence.text)
        elif fact.direct and rng.random() < 0.5:
            text, quotes = fact.direct + ".", quotes + [{"kind": "soundbite", "text": fact.direct, "speaker": fact.speaker.name, "speaker_role": fact.speaker.title}]
        else:
            text = f"{fact.speaker.full} said {fact.reported}."
            quotes.append(_quote_truth(fact, "indirect")[0])
        lines += _cut(text)
    return lines, quotes


def _cut(text: str) -> list[str]:
    """Whisper-style lines: long sentences broken after a comma."""
    if len(text.split()) <= 16:
        return [text]
    head, sep, tail = text.partition(", ")
    if not sep or len(head.split()) < 4:
        return [text]
    return [head + ","] + _cut(tail)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


def page_transcript(doc: Doc, rng: random.Random) -> tuple[str, list[dict]]:
    """A video transcript: front matter, title, channel line and timed segments."""
    videos = _data("furniture")["videos"]
    video_id = "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(11))
    url = f"https://www.youtube.com/watch?v={video_id}"
    lines, quotes = _spoken(doc, rng)
    t, segments, starts = 0.0, [], []
    for line in lines:
        starts.append(t)
        segments.append(f"*  {line} [[{_clock(t)}]({url}&t={round(t, 2)}s)]")
        t += len(line.split()) / rng.uniform(2.3, 2.9) + rng.uniform(0.2, 1.4)
    series = rng.choice(doc.outlet.get("series", ["News"]))
    slots = {"channel": doc.outlet["name"], "channel_short": doc.outlet["short"], "series": series,
             "author": doc.authors[0], "city": doc.story.slots["city"], "a_name": doc.story.slots["a"].name,
             "b_name": doc.story.slots["b"].name}
    chapter_at = sorted(rng.sample(range(1, len(starts)), k=min(3, len(starts) - 1))) if len(starts) > 1 else []
    titles = rng.sample(videos["chapter_titles"], k=len(chapter_at) + 1)
    chapters = [f"0:00 {titles[0].format_map(slots)}"] + [
        f"{int(starts[i]) // 60}:{int(starts[i]) % 60:02d} {title.format_map(slots)}" for i, title in zip(chapter_at, titles[1:])]
    keywords = [w.lower() for w in (doc.story.slots["a"].name, doc.story.slots["b"].name, doc.story.slots["city"])]
    keywords += [p.name.lower() for p in list(doc.story.people.values())[:2]] + rng.sample(videos["keywords"], k=3)
    generated = doc.published + timedelta(days=rng.randint(30, 600))
    front = [
        "---", f"Date Generated: {generated:%B} {generated.day}, {generated.year}",
        f"Transcription Model: {rng.choice(videos['models'])}", f"Length: {int(t) + rng.randint(1, 6)}s",
        f"Video Keywords: {keywords!r}", f"Video Views: {rng.randint(800, 900_000)}",
        f"Video Rating: {rng.choice(('None', '4.6', '4.8', 'None'))}",
        f"Video Description: {doc.standfirst} ", "", rng.choice(videos["descriptions"]).format_map(slots), "",
        *chapters, "", series, _data("furniture")["videos"]["series_blurb"].format_map(slots), "",
        f"#{doc.story.slots['a'].name.replace(' ', '')} #{doc.story.slots['b'].name.replace(' ', '')} #{doc.outlet['short']}",
        "---", "",
    ]
    title = [f"# {doc.title} | {doc.outlet['short']}",
             f"**{doc.outlet['name']} - {series}:** [{doc.published:%B} {doc.published.day}, {doc.published.year}]({url})"]
    return "\n".join(front + title + segments) + "\n", quotes


def render(doc: Doc, fmt: str, rng: random.Random) -> tuple[str, list[dict]]:
    """The raw file of a document in a format, and the quotes it carries."""
    if fmt == "transcript":
        return page_transcript(doc, rng)
    quotes = [q for p in doc.paragraphs for s in p for q in s.quotes]
    page = lay_out(doc, rng)
    return (page_html(page, rng) if fmt == "html" else page_text(page)), quotes


# --- the plan: which file is what, decided before any text is written ------------------------------------


@dataclass
class Entry:
    no: int  # position in the plan (sources come before what copies them)
    role: str
    story: int
    outlet: int
    fmt: str
    source: int | None = None
    site: int | None = None
    copy_kind: str | None = None
    name: str = ""


def _shares(n: int, mix: dict[str, float]) -> dict[str, int]:
    """Whole file counts per kind that add up to n (largest remainders)."""
    total = sum(mix.values())
    exact = {k: n * v / total for k, v in mix.items()}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[: n - sum(counts.values())]:
        counts[k] += 1
    if n and not counts.get("report"):  # everything else needs a report to copy
        counts["report"] = 1
        counts[max((k for k in counts if k != "report"), key=counts.get)] -= 1
    return counts


def _outlets_of(kinds: tuple[str, ...], formats: tuple[str, ...]) -> list[int]:
    outlets = _data("vocabulary")["outlet"]
    fitting = [i for i, o in enumerate(outlets) if o["kind"] in kinds and set(o["formats"]) & set(formats)]
    return fitting or [i for i, o in enumerate(outlets) if o["kind"] in kinds]


def _format(rng: random.Random, outlet: int, formats: tuple[str, ...]) -> str:
    own = [f for f in _data("vocabulary")["outlet"][outlet]["formats"] if f in formats]
    return rng.choice(own or list(formats))


def plan(n: int, seed: int, formats: tuple[str, ...], mix: dict[str, float]) -> list[Entry]:
    """Every file's role, story, outlet, format and source, in the order they are written."""
    rng = random.Random(f"{seed}:plan")
    counts = _shares(n, mix)
    reporters = _outlets_of(("wire", "paper", "channel"), formats)
    entries: list[Entry] = []
    story = 0
    while len(entries) < counts["report"]:
        k = min(rng.choice(OUTLETS_PER_STORY), counts["report"] - len(entries), len(reporters))
        for j, outlet in enumerate(rng.sample(reporters, k)):
            role = "original" if j == 0 else "independent_report"
            entries.append(Entry(len(entries), role, story, outlet, _format(rng, outlet, formats)))
        story += 1
    reports = list(entries)
    entries += _derived(rng, reports, counts, formats, len(entries))
    return _named(entries, rng)


def _derived(rng: random.Random, reports: list[Entry], counts: dict[str, int], formats: tuple[str, ...], start: int) -> list[Entry]:
    papers, farms = _outlets_of(("paper",), formats), _outlets_of(("farm",), formats)
    written = [r for r in reports if r.fmt != "transcript"] or reports
    out: list[Entry] = []
    for _ in range(counts.get("exact_copy", 0)):
        src = rng.choice(reports)
        kind = rng.choices([k for k, _ in COPY_KINDS], weights=[w for _, w in COPY_KINDS])[0]
        out.append(Entry(start + len(out), "exact_copy", src.story, src.outlet, src.fmt, src.no, copy_kind=kind))
    for _ in range(counts.get("syndicated_copy", 0)):
        src = rng.choice(written)
        site = rng.choice([p for p in papers if p != src.outlet] or papers)
        out.append(Entry(start + len(out), "syndicated_copy", src.story, src.outlet, _format(rng, site, formats), src.no, site=site))
    for _ in range(counts.get("rewrite", 0)):
        src, farm = rng.choice(written), rng.choice(farms)
        out.append(Entry(start + len(out), "rewrite", src.story, farm, _format(rng, farm, formats), src.no, site=farm))
    for _ in range(counts.get("follow_up", 0)):
        src = rng.choice(reports)
        out.append(Entry(start + len(out), "follow_up", src.story, src.outlet, src.fmt, src.no))
    return out


def _named(entries: list[Entry], rng: random.Random) -> list[Entry]:
    """File names like the inbox's (NNN_hex.ext), in shuffled order so copies do not sit beside sources."""
    order = list(range(len(entries)))
    rng.shuffle(order)
    width = max(3, len(str(len(entries) - 1)))
    for position, i in enumerate(order):
        ext = "html" if entries[i].fmt == "html" else "txt"
        entries[i].name = f"{position:0{width}d}_{rng.getrandbits(64):016x}.{ext}"
    return entries


# --- writing the corpus -------------------------------------------------------------------------------------


def _grouped(entries: list[Entry]) -> Iterator[Entry]:
    """Each report followed by the files made from it, so a small cache serves every copy and rewrite."""
    made_from: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.source is not None:
            made_from.setdefault(entry.source, []).append(entry)
    for entry in entries:
        if entry.source is None:
            yield entry
            yield from made_from.get(entry.no, [])


class _Writer:
    """Renders plan entries; documents and pages are remade on demand (small caches), never all held."""

    def __init__(self, seed: int, entries: list[Entry]):
        self.seed, self.entries = seed, entries
        self.outlets = _data("vocabulary")["outlet"]
        self.story = lru_cache(maxsize=64)(lambda no: build_story(seed, no))
        self.doc = lru_cache(maxsize=64)(self._doc)
        self.page = lru_cache(maxsize=8)(self._page)

    def _rng(self, entry: Entry, part: str) -> random.Random:
        return random.Random(f"{self.seed}:{part}:{entry.no}")

    def _doc(self, no: int) -> Doc:
        entry = self.entries[no]
        story, outlet = self.story(entry.story), self.outlets[entry.outlet]
        if entry.role in ("original", "independent_report", "follow_up"):
            return write_report(story, outlet, self._rng(entry, "doc"), later=entry.role == "follow_up")
        source = self.doc(entry.source)
        if entry.role == "syndicated_copy":
            return syndicate(source, self.outlets[entry.site], self._rng(entry, "doc"))
        if entry.role == "rewrite":
            return rewrite(source, self.outlets[entry.site], self._rng(entry, "doc"))
        return source

    def file(self, entry: Entry) -> tuple[bytes, list[dict], Doc]:
        if entry.role == "exact_copy":
            data, quotes, doc = self.page(entry.source)
            return _copied(data, entry.copy_kind), quotes, doc
        return self.page(entry.no)

    def _page(self, no: int) -> tuple[bytes, list[dict], Doc]:
        entry, doc = self.entries[no], self.doc(no)
        text, quotes = render(doc, entry.fmt, self._rng(entry, "page"))
        return text.encode("utf-8"), quotes, doc

    def truth(self, entry: Entry, doc: Doc, quotes: list[dict]) -> dict:
        linked = self.entries[entry.source].name if entry.source is not None else None
        return {
            "path": entry.name, "story_id": f"story-{entry.story:06d}", "role": entry.role,
            "source": None if entry.role == "follow_up" else linked,
            "follows": linked if entry.role == "follow_up" else None,
            "copy_kind": entry.copy_kind, "format": entry.fmt, "outlet": doc.outlet["name"], "site": doc.site["name"],
            "title": doc.title, "published_date": doc.published.isoformat(), "date_in_file": _shows_date(doc, entry.fmt),
            "authors": doc.authors, "body_words": len(doc.body.split()),
            "people": _people(quotes),
        }


def _shows_date(doc: Doc, fmt: str) -> bool:
    """Whether the file states its publication date (HTML metadata, a transcript's channel line, a byline)."""
    if fmt != "text":
        return True
    style = _data("furniture")["style"].get(doc.site["style"]) or _data("furniture")["style"]["wire_portal"]
    return any("{date_" in line for region in ("nav", "head", "tail") for line in style[region])


def _copied(data: bytes, kind: str | None) -> bytes:
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n")
    if kind == "bom":
        return b"\xef\xbb\xbf" + data
    return data


def _people(quotes: list[dict]) -> list[dict]:
    people: dict[str, dict] = {}
    for q in quotes:
        person = people.setdefault(q["speaker"], {"name": q["speaker"], "role": q["speaker_role"], "quotes": []})
        person["quotes"].append({"kind": q["kind"], "text": q["text"]})
    return list(people.values())


@dataclass(frozen=True)
class GroundTruth:
    """What the corpus holds; the per-file records stay on disk (read them with files())."""

    path: Path
    inbox: Path
    n: int
    seed: int
    counts: dict[str, int]

    def files(self) -> list[dict]:
        return json.loads(self.path.read_text(encoding="utf-8"))["files"]


def truth_path(out_dir: Path) -> Path:
    """Where the ground truth of an inbox goes: beside it, never inside it."""
    out_dir = Path(out_dir).resolve()
    return out_dir.parent / f"{out_dir.name}.truth.json"


def load_truth(path: Path) -> GroundTruth:
    head = json.loads(Path(path).read_text(encoding="utf-8"))
    return GroundTruth(Path(path), Path(path).parent / head["inbox"], head["n"], head["seed"], head["counts"])


def generate(n: int, out_dir: Path, seed: int = 0, formats=FORMATS, mix: dict[str, float] | None = None) -> GroundTruth:
    """Write n raw files into out_dir and their ground truth beside it; same (n, seed) -> same bytes."""
    formats = tuple(f for f in FORMATS if f in formats)
    if not formats:
        raise ValueError(f"formats must name at least one of {FORMATS}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = plan(n, seed, formats, mix or DEFAULT_MIX)
    counts = dict(sorted(Counter(e.role for e in entries).items()))
    writer, path = _Writer(seed, entries), truth_path(out_dir)
    head = {"generator": "benchmarks.corpus", "inbox": out_dir.resolve().name, "n": n, "seed": seed,
            "formats": list(formats), "counts": counts}
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "files": [\n')
        for i, entry in enumerate(_grouped(entries)):
            data, quotes, doc = writer.file(entry)
            (out_dir / entry.name).write_bytes(data)
            out.write(("" if i == 0 else ",\n") + json.dumps(writer.truth(entry, doc, quotes), ensure_ascii=False))
        out.write("\n]}\n")
    return GroundTruth(path, out_dir, n, seed, counts)


def documents(n: int, seed: int = 0, formats=FORMATS, mix: dict[str, float] | None = None) -> Iterator[tuple[Entry, Doc, Doc | None]]:
    """Each planned file's entry, document, and the document it copies, rewrites or follows (None for
    reports), writing nothing; stories in order, each report followed by the files made from it."""
    entries = plan(n, seed, tuple(f for f in FORMATS if f in formats), mix or DEFAULT_MIX)
    writer = _Writer(seed, entries)
    for entry in _grouped(entries):
        yield entry, writer.doc(entry.no), None if entry.source is None else writer.doc(entry.source)


def shingle_jaccard(a: str, b: str, k: int = 5) -> float:
    """Jaccard similarity of the two texts' k-word shingles (lower-cased words)."""
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}

    x, y = shingles(a), shingles(b)
    return len(x & y) / len(x | y) if x | y else 1.0


def overlap(n: int, seed: int = 0) -> dict[str, list[float]]:
    """5-word shingle Jaccard of each derived body against its source's, and of independent reports against
    their story's original: how hard each kind is for shingle-based near-duplicate detection."""
    scores: dict[str, list[float]] = {}
    original = None  # a story's reports come together, its original first
    for entry, doc, source in documents(n, seed):
        if entry.role == "original":
            original = doc
        elif entry.role == "independent_report":
            scores.setdefault("independent_report", []).append(shingle_jaccard(doc.body, original.body))
        if source is not None and entry.role != "exact_copy":
            scores.setdefault(entry.role, []).append(shingle_jaccard(doc.body, source.body))
    return scores


def _summary(values: list[float]) -> str:
    v = sorted(values)
    at = lambda q: v[min(len(v) - 1, int(q * len(v)))]  # noqa: E731
    return f"n={len(v)} min={v[0]:.3f} p25={at(.25):.3f} median={at(.5):.3f} p75={at(.75):.3f} p95={at(.95):.3f} max={v[-1]:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__)
    parser.add_argument("n", type=int, help="number of files to write")
    parser.add_argument("out_dir", type=Path, help="inbox folder to fill (truth goes beside it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: text,html,transcript")
    parser.add_argument("--overlap", action="store_true", help="print 5-word shingle Jaccard per kind, write nothing")
    args = parser.parse_args(argv)
    if args.overlap:
        for role, values in sorted(overlap(args.n, args.seed).items()):
            print(f"{role:20s} {_summary(values)}")
        return 0
    truth = generate(args.n, args.out_dir, args.seed, tuple(args.formats.split(",")))
    print(f"{truth.n} files in {truth.inbox}, truth in {truth.path}: " + ", ".join(f"{k} {v}" for k, v in truth.counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
