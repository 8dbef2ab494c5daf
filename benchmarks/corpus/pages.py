"""Pages: a document inside a site's furniture, saved as scraped text, an HTML page or a video transcript."""

from __future__ import annotations

import html
import random
import re
import string
from dataclasses import dataclass
from datetime import timedelta

from benchmarks.corpus.data import load
from benchmarks.corpus.world import countries
from benchmarks.corpus.writing import Doc, Sentence, doc_slots, quote_marks, quote_truth


def _headline(rng: random.Random) -> str:
    data = load("furniture")["headlines"]
    names = load("vocabulary")["names"]
    teams = rng.sample(data["teams"], 2)
    fill = {
        "team": teams[0],
        "team2": teams[1],
        "nth": f"{rng.randint(4, 12)}th",
        "age": rng.randint(19, 70),
        "pct": f"{rng.randint(10, 90) / 10}%",
        "person": f"{rng.choice(names['first'])} {rng.choice(names['last'])}",
        "country": rng.choice(countries()).name,
        "number": f"{rng.randint(2, 90) * 1000:,}",
        "company": rng.choice(load("vocabulary")["organisations"]["companies"]),
    }
    return rng.choice(data["templates"]).format_map(fill)


def _caption(doc: Doc, rng: random.Random) -> str:
    story = doc.story
    fill = {
        "lead_name": story.people["lead"].name,
        "city": story.slots["city"],
        "day": story.slots["day"],
        "org": story.slots["org"],
        "capital": story.slots["a"].capital,
    }
    return rng.choice(load("furniture")["captions"][story.topic["name"]]).format_map(fill)


def _tickers(rng: random.Random, k: int) -> list[str]:
    lines = []
    for name in rng.sample(load("furniture")["tickers"]["names"], k):
        level, move = rng.uniform(100, 9000), rng.uniform(-2, 2)
        lines.append(f"  • {name} {level:.2f} {level * move / 100:+.2f} {move:+.2f}%")
    return lines


def _faq(doc: Doc, slots: dict) -> list[str]:
    lines = [f"Frequently Asked Questions (FAQs) about {slots['tag']}", ""]
    for question, answer in load("paraphrase")["faq"]:
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
            out += _tickers(rng, int(arg))
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
    names = load("vocabulary")["names"]
    slots = doc_slots(doc)
    hour, minute = rng.randint(0, 22), rng.choice((0, 5, 12, 30, 41, 55))
    slots.update(
        caption=_caption(doc, rng),
        credit=rng.choice(load("furniture")["photo_credits"]["names"]),
        caption_credit=f"An image released by state media shows {doc.story.people['lead'].name} "
        f"in {doc.story.slots['city']} (via {doc.outlet['short']}).",
        editor=f"{rng.choice(names['first'])} {rng.choice(names['last'])}",
        email=", ".join(f"{a.lower().replace(' ', '.')}@{doc.outlet.get('domain', 'news.com')}" for a in doc.authors),
        section=rng.choice(load("furniture")["sections"]["names"]),
        tag=_tag(doc),
        time=f"{hour % 12 + 1}:{minute:02d} {'a.m.' if hour < 11 else 'p.m.'}",
        time_updated=f"{(hour + 2) % 24:02d}:{minute:02d}",
        bio_city=doc.story.slots["c"].capital,
        bio_year=rng.randint(1995, 2015),
    )
    return slots


def _tag(doc: Doc) -> str:
    return doc.story.topic["tag"]


def lay_out(doc: Doc, rng: random.Random) -> Page:
    style = load("furniture")["style"].get(doc.site["style"]) or load("furniture")["style"]["wire_portal"]
    slots = _furniture_slots(doc, rng)
    teasers = [t for t in style["inline"] if rng.random() < style["inline_rate"]]
    body: list[tuple[str, str]] = []
    for i, paragraph in enumerate(doc.paragraphs):
        text = " ".join(s.text for s in paragraph)
        body.append(("p", quote_marks(doc.dateline + text if i == 0 else text, doc.curly)))
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
    domain, section = doc.site.get("domain", "news.example"), _slug(page.slots["section"])
    url = f"https://www.{domain}/{section}/{_slug(doc.title)}-{rng.getrandbits(24)}"
    published = f"{doc.published.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(doc.title)} | {e(doc.site['name'])}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{e(doc.standfirst)}">',
        f'<meta property="og:title" content="{e(doc.title)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{e(doc.site["name"])}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="article:published_time" content="{published}">',
        f'<meta name="author" content="{e(", ".join(doc.authors))}">',
        f'<link rel="canonical" href="{url}">',
        f'<link rel="stylesheet" href="/static/css/main.{rng.getrandbits(32):08x}.css">',
        "<script>window.dataLayer = window.dataLayer || []; dataLayer.push({'pageType': 'article'});</script>",
        "</head>",
        '<body class="article-page">',
    ]
    nav = [f'  <li><a href="/{_slug(t)}">{e(t)}</a></li>' for t in page.nav if t]
    article = [f"<h1>{_text(doc.title)}</h1>"] + [_html_line(t, page.slots) for t in page.head if t]
    article += [_html_block(kind, text) for kind, text in page.body] + [
        f'<p class="credits">{_text(t)}</p>' for t in page.tail if t
    ]
    aside = [f'  <li><a href="/news/{_slug(t)}">{_text(t)}</a></li>' for t in page.sidebar if t]
    footer = [f"  <p>{_text(t)}</p>" for t in page.footer if t]
    parts = (
        head
        + ['<header class="site-header">', '<nav class="main-nav">', "<ul>"]
        + nav
        + ["</ul>", "</nav>", "</header>"]
    )
    parts += ['<main id="main">', "<article>"] + article + ["</article>"]
    parts += ['<aside class="sidebar">', "<h3>More stories</h3>", "<ul>"] + aside + ["</ul>", "</aside>", "</main>"]
    parts += ['<footer class="site-footer">'] + footer + ["</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_line(text: str, slots: dict) -> str:
    e = html.escape
    if slots["caption"] in text:
        image = f'<img src="/images/{_slug(text)[:40]}.jpg" alt="{e(slots["caption"])}">'
        return f"<figure>{image}<figcaption>{_text(text)}</figcaption></figure>"
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
            text = fact.direct + "."  # a sound bite: the speaker is seen, not named
            quotes.append({**quote_truth(fact, "direct")[0], "kind": "soundbite"})
        else:
            text = f"{fact.speaker.full} said {fact.reported}."
            quotes.append(quote_truth(fact, "indirect")[0])
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
    video_id = "".join(rng.choice(string.ascii_letters + string.digits + "-_") for _ in range(11))
    url = f"https://www.youtube.com/watch?v={video_id}"
    lines, quotes = _spoken(doc, rng)
    segments, starts, end = _timed(lines, url, rng)
    series = rng.choice(doc.outlet.get("series", ["News"]))
    front = _front_matter(doc, rng, series, starts, end)
    title = [
        f"# {doc.title} | {doc.outlet['short']}",
        f"**{doc.outlet['name']} - {series}:** [{doc.published:%B} {doc.published.day}, {doc.published.year}]({url})",
    ]
    return "\n".join(front + title + segments) + "\n", quotes


def _timed(lines: list[str], url: str, rng: random.Random) -> tuple[list[str], list[float], float]:
    """Segment lines with start times at a speaking pace; also the starts and the end time."""
    t, segments, starts = 0.0, [], []
    for line in lines:
        starts.append(t)
        segments.append(f"*  {line} [[{_clock(t)}]({url}&t={round(t, 2)}s)]")
        t += len(line.split()) / rng.uniform(2.3, 2.9) + rng.uniform(0.2, 1.4)
    return segments, starts, t


def _chapters(starts: list[float], slots: dict, rng: random.Random) -> list[str]:
    """Chapter markers for the description ("0:00 What happened"), at segment starts."""
    at = sorted(rng.sample(range(1, len(starts)), k=min(3, len(starts) - 1))) if len(starts) > 1 else []
    titles = [t.format_map(slots) for t in rng.sample(load("furniture")["videos"]["chapter_titles"], k=len(at) + 1)]
    marks = [f"{int(starts[i]) // 60}:{int(starts[i]) % 60:02d}" for i in at]
    return [f"0:00 {titles[0]}"] + [f"{mark} {title}" for mark, title in zip(marks, titles[1:], strict=True)]


def _front_matter(doc: Doc, rng: random.Random, series: str, starts: list[float], end: float) -> list[str]:
    videos, story = load("furniture")["videos"], doc.story
    names = (story.slots["a"].name, story.slots["b"].name)
    slots = {
        "channel": doc.outlet["name"],
        "channel_short": doc.outlet["short"],
        "series": series,
        "author": doc.authors[0],
        "city": story.slots["city"],
        "a_name": names[0],
        "b_name": names[1],
    }
    chapters = _chapters(starts, slots, rng)
    keywords = [w.lower() for w in (*names, story.slots["city"])]
    keywords += [p.name.lower() for p in list(story.people.values())[:2]] + rng.sample(videos["keywords"], k=3)
    generated = doc.published + timedelta(days=rng.randint(30, 600))
    return [
        "---",
        f"Date Generated: {generated:%B} {generated.day}, {generated.year}",
        f"Transcription Model: {rng.choice(videos['models'])}",
        f"Length: {int(end) + rng.randint(1, 6)}s",
        f"Video Keywords: {keywords!r}",
        f"Video Views: {rng.randint(800, 900_000)}",
        f"Video Rating: {rng.choice(('None', '4.6', '4.8', 'None'))}",
        f"Video Description: {doc.standfirst} ",
        "",
        rng.choice(videos["descriptions"]).format_map(slots),
        "",
        *chapters,
        "",
        series,
        videos["series_blurb"].format_map(slots),
        "",
        " ".join(f"#{tag.replace(' ', '')}" for tag in (*names, doc.outlet["short"])),
        "---",
        "",
    ]


def render(doc: Doc, fmt: str, rng: random.Random) -> tuple[str, list[dict]]:
    """The raw file of a document in a format, and the quotes it carries."""
    if fmt == "transcript":
        return page_transcript(doc, rng)
    quotes = [q for p in doc.paragraphs for s in p for q in s.quotes]
    page = lay_out(doc, rng)
    return (page_html(page, rng) if fmt == "html" else page_text(page)), quotes


def shows_date(doc: Doc, fmt: str) -> bool:
    """Whether the file states its publication date (HTML metadata, a transcript's channel line, a byline)."""
    if fmt != "text":
        return True
    style = load("furniture")["style"].get(doc.site["style"]) or load("furniture")["style"]["wire_portal"]
    return any("{date_" in line for region in ("nav", "head", "tail") for line in style[region])
