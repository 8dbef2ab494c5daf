"""The invented world and its stories: countries, people, figures, quotes and the statements reports draw on."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from benchmarks.corpus.data import capital_first, load

FIRST_DAY, LAST_DAY = date(2021, 1, 4), date(2025, 6, 30)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")


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
    full: str  # "Sarovian Foreign Ministry spokesperson Lena Marsh": safe anywhere in a sentence
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
    names = load("vocabulary")["names"]
    while True:
        first, last = rng.choice(names["first"]), rng.choice(names["last"])
        if last not in taken:
            taken.add(last)
            break
    name = f"{first} {last}"
    if kind == "analyst":
        institute = rng.choice(load("vocabulary")["institutes"]["names"])
        return Person(name, last, "analyst", f"{institute} analyst {name}", country)
    role = rng.choice([r for r in load("vocabulary")["role"] if r["kind"] == kind])
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


def countries() -> list[Country]:
    return [Country(c["name"], c["demonym"], c["capital"], tuple(c["cities"])) for c in load("vocabulary")["country"]]


def _day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))


def build_story(seed: int, no: int) -> Story:
    """The facts of story `no`: who, where, when, figures, quotes, and the statements reports draw on."""
    rng = random.Random(f"{seed}:story:{no}")
    topic = rng.choice(load("statements")["topic"])
    a, b, c = rng.sample(countries(), 3)
    place = {"a": a, "b": b}[topic["place"]]
    orgs = load("vocabulary")["organisations"]
    org = rng.choice(orgs["companies"] if topic["name"] == "business" else orgs["agencies"])
    employers = {"executive": org, "union": rng.choice(orgs["unions"])}
    taken: set[str] = set()
    people = {
        "lead": _person(rng, a, topic["lead"], taken, employers.get(topic["lead"], "")),
        "other": _person(rng, b, topic["other"], taken, employers.get(topic["other"], "")),
        "minister": _person(rng, a, "minister", taken),
        "spokes": _person(rng, c, "spokesperson", taken),
        "official": _person(rng, place, "official", taken),
        "analyst": _person(rng, rng.choice((a, b, c)), "analyst", taken),
    }
    day = _day(rng)
    slots = {
        "a": a,
        "b": b,
        "c": c,
        "city": rng.choice(place.cities),
        "day": WEEKDAYS[day.weekday()],
        "date": f"{day:%B} {day.day}",
        "event": rng.choice(topic["event"]),
        "goods": rng.choice(topic["goods"]),
        "issue": rng.choice(topic["issue"]),
        "org": org,
        **_figures(rng),
    }
    quotes = _quotes(rng, topic, people, slots)
    later_day = day + timedelta(days=rng.randint(1, 4))
    background, later_background = _generic_pools(rng, topic["name"], slots, WEEKDAYS[later_day.weekday()])
    return Story(
        no=no,
        topic=topic,
        day=day,
        slots=slots,
        people=people,
        pool=_first_pool(rng, topic, quotes[:-2], background),
        later=_later_pool(rng, topic, quotes[-2:], later_background, later_day),
        later_day=later_day,
    )


def _quotes(rng: random.Random, topic: dict, people: dict[str, Person], slots: dict) -> list[QuoteFact]:
    """Each quoted person gets words of their own; the last two quotes are kept back for follow-ups."""
    speakers = rng.sample(list(people.values()), k=len(people))
    lines = rng.sample(topic["quotes"], k=len(topic["quotes"]))
    facts = []
    for speaker, (direct, reported, partial) in zip(speakers * 2, lines, strict=False):
        fill = {**slots, "gov": f"the {speaker.country.demonym} government"}
        facts.append(QuoteFact(speaker, direct.format_map(fill), reported.format_map(fill), partial))
    return facts


def _generic_pools(
    rng: random.Random, topic: str, slots: dict, later_day: str
) -> tuple[list[Statement], list[Statement]]:
    """Background statements that fit the topic, each bound to an ordering of the story's countries with
    figures of its own: one binding for the first reports, another (dated later) for follow-ups."""
    first, later = [], []
    a, b, c = slots["a"], slots["b"], slots["c"]
    orders = [(a, b, c), (c, b, a)]  # b, where the story happens, stays b
    for generic in load("statements")["generic"]:
        if topic not in generic["topics"]:
            continue
        for pool, order in zip((first, later), rng.sample(orders, k=2), strict=True):
            over = {"a": order[0], "b": order[1], "c": order[2], **_figures(rng)}
            if pool is later:
                over["day"] = later_day
            key = f"{generic['id']}:{order[0].name}:{order[1].name}"
            pool.append(Statement(key, tuple(generic["variants"]), tuple(over.items())))
    return first, later


def own_statements(story: Story, rng: random.Random, later: bool = False, depth: float = 0.5) -> list[Statement]:
    """What one outlet gathers by itself: reactions from other capitals, the experts it called and the
    earlier events it chose to recall, so independent reports of a story differ in more than wording."""
    family, topic, slots = load("statements")["family"], story.topic["name"], story.slots
    others = [c for c in countries() if c not in (slots["a"], slots["b"], slots["c"])]
    fill = {**slots, **{k: Ref(p, set()) for k, p in story.people.items()}}
    day = {"day": WEEKDAYS[story.later_day.weekday()]} if later else {}
    statements = []
    for kind, phrases in (("reaction", family["reaction"][topic]), ("timeline", family["timeline"][topic])):
        for phrase in rng.sample(phrases, k=min(len(phrases), rng.randint(1, 3) + round(6 * depth))):
            x = rng.choice(others)
            text = phrase.format_map({**fill, "x": x})
            over = {
                "x": x,
                "reaction": text,
                "event_past": text,
                "event_past_cap": capital_first(text),
                "month_past": _past_month(story, phrase),
                **day,
            }
            statements.append(Statement(f"{kind}:{phrase}", tuple(family[kind]["variants"]), tuple(over.items())))
    taken = {p.last for p in story.people.values()}
    for claim in rng.sample(
        family["claim"][topic], k=min(len(family["claim"][topic]), rng.randint(2, 3) + round(7 * depth))
    ):
        expert = _person(rng, rng.choice(others + [slots["a"], slots["b"]]), "analyst", taken)
        statements.append(_quote_statement(QuoteFact(expert, None, claim.format_map(fill), "")))
    return statements


def _past_month(story: Story, phrase: str) -> str:
    """When an earlier event happened: the same in every outlet's report of the story."""
    return _figures(random.Random(f"{story.day}:{story.slots['city']}:{phrase}"))["month_past"]


def _quote_statement(fact: QuoteFact) -> Statement:
    return Statement(f"quote:{fact.speaker.name}:{fact.partial}", (), (("spk", fact.speaker),), fact)


def _first_pool(
    rng: random.Random, topic: dict, quotes: list[QuoteFact], background: list[Statement]
) -> list[Statement]:
    facts = [Statement(f"{topic['name']}:{i}", tuple(v)) for i, v in enumerate(topic["statements"])]
    # A story has some of its topic's facts, not all: two floods are not told with the same sentences.
    rest = rng.sample(facts[1:], k=round(0.7 * (len(facts) - 1))) + [_quote_statement(q) for q in quotes] + background
    rng.shuffle(rest)
    return [facts[0]] + rest


def _later_pool(
    rng: random.Random, topic: dict, quotes: list[QuoteFact], background: list[Statement], later_day: date
) -> list[Statement]:
    over = (("day", WEEKDAYS[later_day.weekday()]),)
    facts = [Statement(f"{topic['name']}:later:{i}", tuple(v), over) for i, v in enumerate(topic["followup"])]
    rest = facts[1:] + [_quote_statement(q) for q in quotes] + background
    rng.shuffle(rest)
    return [facts[0]] + rest
