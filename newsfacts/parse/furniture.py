"""Separate a scraped page's story from its furniture by line shape: find the main run of prose, then sort the rest."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from newsfacts.parse.lexicon import Furniture, furniture, outlet_aliases

FURNITURE_ONLY = "no run of story prose found: the text looks like page furniture only"

# Roles a unit (a line, or a paragraph of hard-wrapped lines) can take.
BODY, TITLE, SUBTITLE, BYLINE, CREDIT, FURNITURE = "body", "title", "subtitle", "byline", "credit", "furniture"

# Between two runs of prose, a unit that is surely furniture costs this many words and any other
# non-prose unit (a sub-heading, a bullet, a one-line quote) costs NEUTRAL_COST: a subtitle cut off from the
# story by a share bar, captions and a credit line stays out, the story's tail after a bulleted list stays in.
FURNITURE_COST = 12
NEUTRAL_COST = 2
# An inline box of at most this many units can sit inside a story; prose after it continues the story when at
# least ON_TOPIC of its content words already occur in the story.
MAX_BOX_UNITS = 6
ON_TOPIC = 0.25
# A lead whose sentences lost their full stops (blogs, social posts) is running text of at least this many words.
UNSTOPPED_LEAD_WORDS = 12
# A story whose prose is broken up by this many separate runs of headline-shaped lines or more is a list story
# (a deals list's product lines, a sports round-up's results, a review's section heads): the runs are its own
# sub-headings, which carry its names and prices, not related-story boxes, of which a story holds one or two.
LIST_STORY_RUNS = 2
# A line ending in a colon with at least this many words announces a list that belongs to the story ("The tour
# dates:", "Here's what to know:"); a sharing widget's label ("Share this:", "Like this:") has two.
ANNOUNCE_WORDS = 3
# A review's or a listing's fact box above the story: two or more labelled fields on one line ("Tested by: John
# Milbank RRP: £23.99 More info: www.clymer.co.uk"); one with a year is a date line, which metadata reads.
FACT_FIELDS = 2
# A story's last sentence that points below ("Check out our picks for the 10 best deals below.") announces what
# follows as its own: a product widget's cards, a statement, a list; under at most one widget label ("Don't Miss").
_POINTS_BELOW = re.compile(r"\bbelow\W*$", re.I)
POINTED_LABEL_WORDS = 3
_FIELD = re.compile(r"(?:^|\s)[A-Z][A-Za-z]*(?: [a-z]+)?:\s+\S")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TERMINAL = re.compile(r"""[.!?…。！？]["”’')\]」』]*$|[.!?,]["”’]$""")
_SHORT_SENTENCE = re.compile(r"""^["“‘']?[A-Z]\S*\s.*[.!?]["”’']?$""")  # "He declined to comment."
# "By Jane Doe", "Posted on March 3, 2024 by Jane Doe", "Written by Jane Doe"
BYLINE_LINE = re.compile(r"^(?:(?:posted|written|published|story|words)\b[^|]{0,40}?\s)?by\s+(?=\S)", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[•·▪*-])\s+\S")
_MENU = re.compile(r"^[^|•·]{1,40}(?:\s[|•·]\s[^|•·]{1,40}){2,}$")  # "News | Business | Port"
_NUMERIC = re.compile(r"^[-+]?[\d.,:%$€£¥/]+%?$")
_WORD = re.compile(r"\w+")
_UNSPACED = re.compile(r"[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]")
# A scraped story saved on one line runs its paragraphs together with two or more spaces. Text whose lines are this
# long on average has no line structure to read: its long lines are split at such runs into paragraphs and those at
# sentence ends (for labelling only: the sentences are joined again in the body), so that a sign-up prompt or a
# legal footer glued to a story is a unit of its own.
RUN_ON_MEAN_CHARS = 300
RUN_ON_LINE_CHARS = 100
_PARAGRAPH_BREAK = re.compile(r"(?<=\S)[ \t\u00a0]{2,}(?=\S)")
_SENTENCE_BREAK = re.compile(r"""(?:(?<=[.!?])|(?<=[.!?]["”’')]))\s+(?=["“‘(]?[A-Z0-9])""")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Ave|Blvd|Rd|Ft|U\.S|U\.K|U\.N)|\b[A-Z])\.$")


@dataclass
class Unit:
    """One paragraph of the source with the line numbers (0-based) it came from."""

    text: str
    lines: list[int]
    block_size: int
    role: str = FURNITURE
    reason: str = ""
    continues: bool = False  # a sentence split off the paragraph before it (joined again in the body)
    in_prose: bool = False  # a sentence of a run-together paragraph that reads as prose as a whole

    @cached_property
    def words(self) -> int:
        return text_size(self.text)

    # Each unit is asked these several times per page (prose: 3 times, key: up to 4).
    @cached_property
    def prose(self) -> bool:
        return _is_prose(self)

    @cached_property
    def key(self) -> str:
        return _key(self.text)


@dataclass
class Cleaned:
    units: list[Unit]
    lines_total: int
    body_start: int | None = None  # index into units of the first body unit
    notes: list[str] = field(default_factory=list)  # decisions worth a flag on the document

    def by_role(self, role: str) -> list[Unit]:
        return [u for u in self.units if u.role == role]

    def first(self, role: str) -> str | None:
        found = self.by_role(role)
        return found[0].text if found else None

    @property
    def body(self) -> str:
        parts: list[str] = []
        previous = None
        for u in self.units:
            if u.role == BODY:
                joined = u.continues and previous is not None and previous.role == BODY
                parts.append((" " if joined else "\n\n") + u.text if parts else u.text)
            previous = u
        return "".join(parts)

    @property
    def lines_dropped(self) -> int:
        """Source lines holding nothing but furniture (a one-line story shares its line among many units)."""
        kept = {n for u in self.units if u.role != FURNITURE for n in u.lines}
        return len({n for u in self.units for n in u.lines} - kept)

    def line_labels(self) -> dict[int, str]:
        """Source line number -> role, for the furniture benchmark."""
        return {n: u.role for u in self.units for n in u.lines}


def clean(text: str) -> Cleaned:
    """Label every paragraph of a scraped page as body, metadata (title, byline, credit) or furniture."""
    units = _units(text.splitlines())
    lex = furniture()
    out = Cleaned(units=units, lines_total=_lines(units))
    if not units:
        return out
    if any(a.lines == b.lines for a, b in zip(units, units[1:])):
        out.notes.append("run-together text split into paragraphs")
    listy = _blank_separated(units)
    seen = Counter(u.key for u in units)
    # Bylines and credits never sit inside a story: they cost like furniture between a headline and the story.
    flagged = [bool(_furniture_reason(u, lex, seen) or _meta_role(u, lex)[0]) for u in units]
    items = _list_items(units, lex)
    candidate = [u.prose and not f and not i and not (listy and u.block_size > 1)
                 for u, f, i in zip(units, flagged, items)]
    boxes = _headline_lists(units, candidate, flagged)
    headlines = _unannounced(units, boxes, flagged)
    costs = [u.words if c else -(FURNITURE_COST if f or h else NEUTRAL_COST)
             for u, c, f, h in zip(units, candidate, flagged, headlines)]
    span = _best_run(costs, candidate)
    if span is None:
        return out
    extended = _extend_on_topic(units, span, candidate, lex)
    if extended != span:
        out.notes.append("story continued past an inline box")
    start, end = _cut_at_trailer(units, extended, lex)
    if end < extended[1]:
        out.notes.append(f"story cut at trailer heading {units[end].text[:60]!r}")
    else:
        listed = _announced_list(units, (start, end), flagged, lex)
        if listed > end:
            out.notes.append("list announced at the story's end kept")
            end = listed
    if any(len(u.lines) > 1 for u in units):
        out.notes.append("hard-wrapped lines joined into paragraphs")
    if start > 0 and _fact_box(units[start - 1], flagged[start - 1]):
        start -= 1
        headlines[start] = boxes[start] = False  # a run with the title above it is no headline box
        out.notes.append("fact box above the story kept")
    lead = _unstopped_lead(units, (start, end), flagged, seen, lex)
    if lead < start:
        for i in range(lead, start):  # two unstopped lines in a row looked like a box of headlines: they are the lead
            headlines[i] = boxes[i] = False
        start = lead
        out.notes.append("lead without full stops kept")
    out.body_start = start
    _label_header(units[:start], lex, seen, listy)
    title = next((u.text for u in units[:start] if u.role == TITLE), None)
    inline = headlines[start:end]
    if _runs(boxes[start:end]) >= LIST_STORY_RUNS:
        out.notes.append("sub-headings of a list story kept")
        # Its last items may follow its last sentence (a round-up's last game, a programme's last dates).
        tail = _list_end(units, end, flagged, lex)
        if tail > end:
            out.notes.append("list story's last items kept")
            end = tail
        inline = [False] * (end - start)
    elif boxes[start:end] != inline:
        out.notes.append("list announced inside the story kept")
    echoes = _echo_index(units[start:end])
    _label_span(units[start:end], lex, _repeats_outside(units, (start, end), seen), listy, title, inline, echoes)
    _label_trailer(units[end:], lex)
    return out


def clean_extracted(text: str, title: str | None) -> Cleaned:
    """Label text an extractor has already cut to the article: only inline furniture, credits and trailers go."""
    units = _units(text.splitlines())
    lex = furniture()
    out = Cleaned(units=units, lines_total=_lines(units), body_start=0)
    start, end = _cut_at_trailer(units, (0, len(units)), lex)
    # The extractor already left most sidebars out: text after a trailer heading that stays on the story's topic
    # is the story continuing around an embedded box ("Most read"), not a sidebar. The first two paragraphs decide:
    # a long continuation brings many new words, a sidebar's first item is already off topic.
    if end < len(units) and _on_topic(units[end + 1:end + 3], units[start:end]):
        end = len(units)
    if end < len(units):
        out.notes.append(f"story cut at trailer heading {units[end].text[:60]!r}")
    # Repeats stay: the extractor already dropped duplicated captions, and lists legitimately repeat lines.
    _label_span(units[start:end], lex, Counter(), False, title, [False] * (end - start), "")
    _label_trailer(units[end:], lex)
    return out


def only_furniture(text: str) -> bool:
    """True when every sentence of the text is furniture the lexicon names (legal footers, sign-up prompts)."""
    lex = furniture()
    sentences = [s for line in text.splitlines() for p in _PARAGRAPH_BREAK.split(line.strip()) for s in _sentences(p)]
    return bool(sentences) and all(lex.is_furniture(s) or lex.is_credit(s) for s in sentences)


def text_size(text: str) -> int:
    """Words, counting two characters of an unspaced script (Chinese, Japanese, Thai) as one word."""
    return max(len(text.split()), len(_UNSPACED.findall(text)) // 2)


def _units(lines: list[str]) -> list[Unit]:
    blocks: list[list[int]] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    wrapped = _hard_wrapped(lines, blocks)
    filled = [i for block in blocks for i in block]
    run_on = bool(filled) and sum(len(lines[i].strip()) for i in filled) / len(filled) >= RUN_ON_MEAN_CHARS
    units = []
    for block in blocks:
        if wrapped and len(block) > 1:
            units.append(Unit(" ".join(lines[i].strip() for i in block), block, 1))
        elif run_on:
            for i in block:
                units.extend(_split_run_on(lines[i].strip(), i, len(block)))
        else:
            units.extend(Unit(lines[i].strip(), [i], len(block)) for i in block)
    return units


def _lines(units: list[Unit]) -> int:
    return len({n for u in units for n in u.lines})


def _split_run_on(line: str, number: int, block_size: int) -> list[Unit]:
    """A long line as the sentences of the paragraphs (runs of two or more spaces) it holds."""
    if len(line) < RUN_ON_LINE_CHARS:
        return [Unit(line, [number], block_size)]
    units = []
    for paragraph in _PARAGRAPH_BREAK.split(line):
        sentences = _sentences(paragraph)
        prose = len(sentences) > 1 and Unit(paragraph, [number], block_size).prose
        units.extend(Unit(sentence, [number], block_size, continues=k > 0, in_prose=prose)
                     for k, sentence in enumerate(sentences))
    return units


def _sentences(paragraph: str) -> list[str]:
    """Split at sentence ends, not after an abbreviation or an initial ("Mr.", "U.S.", "J.")."""
    pieces, start = [], 0
    for m in _SENTENCE_BREAK.finditer(paragraph):
        if _ABBREVIATION.search(paragraph[max(start, m.start() - 6):m.start()]):
            continue
        pieces.append(paragraph[start:m.start()])
        start = m.end()
    pieces.append(paragraph[start:])
    return [p for p in pieces if p.strip()]


def _hard_wrapped(lines: list[str], blocks: list[list[int]]) -> bool:
    """True for text broken at a fixed width: most in-block line ends continue mid-sentence."""
    joints = [(lines[a].strip(), lines[b].strip()) for block in blocks for a, b in zip(block, block[1:])]
    if len(joints) < 4:
        return False
    mid_sentence = sum(1 for a, b in joints if not _TERMINAL.search(a) and b[:1].islower())
    return mid_sentence / len(joints) >= 0.3


def _blank_separated(units: list[Unit]) -> bool:
    """True when story paragraphs stand alone between blank lines, so runs of adjacent lines are lists."""
    prose = [u for u in units if u.prose]
    return bool(prose) and sum(u.block_size == 1 for u in prose) / len(prose) >= 0.6


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _is_prose(u: Unit) -> bool:
    """Sentence-like: enough words, mostly lower-case running text, ending like a sentence (or a sentence of a
    paragraph that is)."""
    if u.in_prose:
        return True
    if u.words < 8:
        return u.words >= 4 and bool(_SHORT_SENTENCE.match(u.text))
    cased = [w for w in u.text.split() if w[:1].isupper() or w[:1].islower()]
    if cased and sum(1 for w in cased if w[:1].islower()) / len(cased) < 0.3:
        return False
    return bool(_TERMINAL.search(u.text)) or u.words >= 40


def _is_ticker(text: str) -> bool:
    tokens = text.strip(" •·*").split()
    if len(tokens) > 10:  # most lines: no need to test every word of a paragraph (0.4 s of 1,181 files, profiled)
        return False
    numeric = sum(1 for t in tokens if _NUMERIC.match(t))
    return 2 <= numeric and numeric / len(tokens) >= 0.5


def _list_items(units: list[Unit], lex: Furniture) -> list[bool]:
    """Numbered or bulleted items: kept inside a story, but a list alone is not a story. When most prose is
    marked up as items the page simply bullets its paragraphs, unless the list hangs under a sidebar heading."""
    items = [bool(_LIST_ITEM.match(u.text)) for u in units]
    sidebar = [False] * len(units)
    for i, u in enumerate(units):
        if lex.is_trailer(u.text):
            j = i + 1
            while j < len(units) and items[j]:
                sidebar[j], j = True, j + 1
    prose = [i for u, i in zip(units, items) if u.prose]
    if prose and sum(prose) / len(prose) > 0.5:
        return sidebar
    return [i or s for i, s in zip(items, sidebar)]


def _headline_lists(units: list[Unit], candidate: list[bool], flagged: list[bool]) -> list[bool]:
    """Units in a run of two or more adjacent headline-like lines (related stories, menus), not a lone sub-heading."""
    # Sentences of one run-together paragraph are never a list of headlines, whatever their shape.
    split = [u.continues or (i + 1 < len(units) and units[i + 1].continues) for i, u in enumerate(units)]
    like = [not c and not f and not p and not _TERMINAL.search(u.text)
            for u, c, f, p in zip(units, candidate, flagged, split)]
    return [like[i] and ((i > 0 and like[i - 1]) or (i + 1 < len(like) and like[i + 1])) for i in range(len(units))]


def _fact_box(u: Unit, flagged: bool) -> bool:
    """A line of labelled fields (a review's tester and price), not furniture and not a date line."""
    return not flagged and not u.prose and len(_FIELD.findall(u.text)) >= FACT_FIELDS and not _YEAR.search(u.text)


def _announces(u: Unit, flagged: bool) -> bool:
    """A lead-in that ends in a colon ("The tour dates:"), not furniture and longer than a widget's label."""
    return u.text.endswith(":") and u.words >= ANNOUNCE_WORDS and not flagged


def _announced_list(units: list[Unit], span: tuple[int, int], flagged: list[bool], lex: Furniture) -> int:
    """Where the story ends when it closes on a lead-in with a colon (its last line or the line after it): the
    list that follows is the story's (tour dates, an app's features, qualified teams). The list is the run of lines
    that are not sentences, up to the first furniture line or trailer heading (a sign-up prompt, "Related"), or the
    first sentence (a tip line glued under it); two items at least."""
    end = span[1]
    if units[end - 1].prose and _POINTS_BELOW.search(units[end - 1].text):
        return _pointed_list(units, end, flagged, lex)
    if end < len(units) and _announces(units[end], flagged[end]):
        first = end + 1
    elif _announces(units[end - 1], flagged[end - 1]):
        first = end
    else:
        return end
    j = _list_end(units, first, flagged, lex)
    return j if j - first >= 2 else end


def _pointed_list(units: list[Unit], end: int, flagged: list[bool], lex: Furniture) -> int:
    """Where the story ends when its last sentence points below: what follows is what it points to, under at most
    one widget label of a few words ("Don't Miss"), up to the first line the lexicon names (a sharing bar, a
    sign-up prompt), trailer heading, byline or credit. A product card's feature lines and sentences and its
    call to action repeated on every card are the story's too; two lines at least."""
    first = end
    if first < len(units) and flagged[first] and units[first].words <= POINTED_LABEL_WORDS:
        first += 1
    j = first
    while (j < len(units) and not lex.is_furniture(units[j].text) and not lex.is_trailer(units[j].text)
           and not _meta_role(units[j], lex)[0]):
        j += 1
    return j if j - first >= 2 else end


def _list_end(units: list[Unit], first: int, flagged: list[bool], lex: Furniture) -> int:
    """The end of a list starting at first: its items are lines that are not sentences, up to the first sentence,
    furniture line or trailer heading."""
    j = first
    while j < len(units) and not flagged[j] and not units[j].prose and not lex.is_trailer(units[j].text):
        j += 1
    return j


def _unannounced(units: list[Unit], headlines: list[bool], flagged: list[bool]) -> list[bool]:
    """The headline flags less the runs a lead-in announces (its first line, or the line before it, ends in a
    colon): a list the story introduces, not a related-stories box."""
    out = list(headlines)
    for i, h in enumerate(headlines):
        if h and (i == 0 or not headlines[i - 1]):
            led = _announces(units[i], flagged[i]) or (i > 0 and _announces(units[i - 1], flagged[i - 1]))
            j = i
            while led and j < len(out) and headlines[j]:
                out[j], j = False, j + 1
    return out


def _repeats_outside(units: list[Unit], span: tuple[int, int], seen: Counter) -> Counter:
    """The repeat counts the story's own lines are judged by: a line that is not a sentence and repeats only
    inside the story is its structure (a deals list's "See it now: Amazon", a table's header row, a meal plan's
    "Eat every 2-3 hours"), not furniture, which repeats around the story (menus, share bars) or as a caption."""
    inside = Counter(u.key for u in units[span[0]:span[1]] if not u.prose)
    return Counter({key: 1 if inside[key] == count else count for key, count in seen.items()})


def _runs(flags: list[bool]) -> int:
    """How many separate runs of True the flags hold."""
    return sum(1 for i, f in enumerate(flags) if f and (i == 0 or not flags[i - 1]))


def _best_run(costs: list[int], candidate: list[bool]) -> tuple[int, int] | None:
    """The span of units with the highest total (prose words minus furniture costs), starting and ending on prose."""
    best, best_span = 0, None
    score, start = 0, 0
    for i, cost in enumerate(costs):
        if score <= 0:
            score, start = 0, i
        score += cost
        if candidate[i] and score > best:
            best, best_span = score, (start, i + 1)
    return best_span


def _extend_on_topic(units: list[Unit], span: tuple[int, int], candidate: list[bool], lex: Furniture) -> tuple[int, int]:
    """Carry the story past a short inline box ("Don't miss ...") when the prose after it is on the story's topic.
    A trailer heading in the gap, a long gap or an off-topic paragraph (author bio, sidebar story) ends the story."""
    start, end = span
    while end < len(units):
        nxt = next((j for j in range(end, min(end + MAX_BOX_UNITS + 1, len(units))) if candidate[j]), None)
        if nxt is None or any(lex.is_trailer(u.text) for u in units[end:nxt]):
            break
        if not _on_topic([units[nxt]], units[start:end]):
            break
        end = nxt + 1
    return start, end


def _unstopped_lead(units: list[Unit], span: tuple[int, int], flagged: list[bool], seen: Counter,
                    lex: Furniture) -> int:
    """Where the story starts once its lead is counted: "By linknaija.com staff" then "Chelsea have this morning paid
    the fee ... Kepa Arrizabalaga" with no full stop, then the first stopped paragraph. Lines of running text right
    above the story, appearing once, are its opening when a byline stands right above them (the byline says the
    story starts there; a lead's second line shares few words with what follows, so no topic test); under a title
    with no byline between, such a line is the page's standfirst and stays out."""
    start, _end = span
    first = start
    while (first > 0 and not flagged[first - 1] and seen[units[first - 1].key] == 1
           and _running_text(units[first - 1], lex)):
        first -= 1
    if first < start and first > 0 and _meta_role(units[first - 1], lex)[0] == BYLINE:
        return first
    return start


def _running_text(u: Unit, lex: Furniture) -> bool:
    """A sentence in all but its full stop: long, mostly lower-case, neither a ticker, a menu nor known furniture."""
    if u.words < UNSTOPPED_LEAD_WORDS or _is_ticker(u.text) or _MENU.match(u.text) or lex.is_furniture(u.text):
        return False
    cased = [w for w in u.text.split() if w[:1].isupper() or w[:1].islower()]
    return bool(cased) and sum(1 for w in cased if w[:1].islower()) / len(cased) >= 0.5


def _on_topic(after: list[Unit], before: list[Unit]) -> bool:
    words = _content_words(" ".join(u.text for u in after))
    topic = _content_words(" ".join(u.text for u in before))
    return bool(words) and len(words & topic) / len(words) >= ON_TOPIC


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) >= 4 and not w.isdigit()}


def _echo_index(span: list[Unit]) -> str:
    """All the span's paragraphs in one searchable string, to find pull quotes that repeat story text."""
    return "\n".join(u.key for u in span)


def _cut_at_trailer(units: list[Unit], span: tuple[int, int], lex: Furniture) -> tuple[int, int]:
    """End the story at a trailer heading (FAQ box, "The Latest") once most of the story is behind it."""
    start, end = span
    total = sum(u.words for u in units[start:end])
    words = 0
    for i in range(start, end):
        if lex.is_trailer(units[i].text) and words >= 0.4 * total:
            return start, i
        words += units[i].words
    return start, end


def _label_header(header: list[Unit], lex: Furniture, seen: Counter, listy: bool) -> None:
    roles = [_meta_role(u, lex) for u in header]
    title = _title_index(header, roles, lex, listy)
    subtitle_open = False
    for i, (u, (role, reason)) in enumerate(zip(header, roles)):
        if role:
            u.role, u.reason, subtitle_open = role, reason, False
        elif i == title:
            u.role, u.reason, subtitle_open = TITLE, "first headline-like line", True
        elif (subtitle_open and _headline_shaped(u, listy) and u.words >= 6 and seen[u.key] == 1
              and not lex.is_furniture(u.text)):
            u.role, u.reason, subtitle_open = SUBTITLE, "line under the title", False
        else:
            u.reason = _furniture_reason(u, lex, seen) or "before the story"
            subtitle_open = False


def _title_index(header: list[Unit], roles: list, lex: Furniture, listy: bool) -> int | None:
    """The first headline-shaped line standing on its own; failing that, one inside the navigation block
    (pages that print no blank line under the menu), where it needs five words to beat menu entries."""
    free = [i for i, u in enumerate(header) if not roles[i][0] and not lex.is_furniture(u.text)]
    alone = [i for i in free if _headline_shaped(header[i], listy)]
    if alone:
        return alone[0]
    boxed = [i for i in free if _headline_shaped(header[i], False) and header[i].words >= 5]
    return boxed[0] if boxed else None


def _headline_shaped(u: Unit, listy: bool) -> bool:
    return (4 <= u.words <= 40 and not (listy and u.block_size > 1)
            and not _is_ticker(u.text) and not _MENU.match(u.text))


def _label_span(span: list[Unit], lex: Furniture, seen: Counter, listy: bool, title: str | None,
                headlines: list[bool], echoes: str) -> None:
    title_key = _key(title) if title else None
    # A pull quote repeats text the story holds in another paragraph; a line whose only echoes are copies of itself
    # (a product card's name printed above and below its features) is a repeat inside the story, its structure.
    twins = Counter(u.key for u in span)
    for u, headline in zip(span, headlines):
        reason = _furniture_reason(u, lex, seen)
        if not reason and headline:
            reason = "list of headlines"
        if not reason and u.words >= 5 and not _TERMINAL.search(u.text) and echoes.count(u.key) - twins[u.key] >= 1:
            reason = "pull quote repeating the story"
        if not reason and title_key and title_key in u.key and u.words <= text_size(title) + 6:
            reason = "repeats the title"  # "SHARE <title>", a title echoed above the story
        if not reason and listy and u.block_size > 1 and not _TERMINAL.search(u.text):
            reason = "list of headlines"
        if reason:
            role, why = _meta_role(u, lex)
            u.role, u.reason = (role, why) if role else (FURNITURE, reason)
        else:
            u.role, u.reason = BODY, "story"


def _label_trailer(trailer: list[Unit], lex: Furniture) -> None:
    for u in trailer:
        role, reason = _meta_role(u, lex)
        u.role, u.reason = (role, reason) if role else (FURNITURE, "after the story")


def _furniture_reason(u: Unit, lex: Furniture, seen: Counter) -> str | None:
    if lex.is_furniture(u.text):
        return "furniture lexicon"
    if lex.is_credit(u.text):
        return "credit line"
    if _is_ticker(u.text):
        return "ticker"
    if seen[u.key] > 1 and u.words >= 3:
        return "repeated line"
    return None


def _meta_role(u: Unit, lex: Furniture) -> tuple[str | None, str]:
    """Byline or credit lines carry metadata; they are never body."""
    if BYLINE_LINE.match(u.text) and u.words <= 16:
        return BYLINE, "byline"
    if lex.is_credit(u.text):
        return CREDIT, "credit line"
    if is_outlet_line(u.text):
        return CREDIT, "outlet credit"
    return None, ""


def is_outlet_line(text: str) -> bool:
    """A line that is nothing but a publisher's name ("Associated Press")."""
    key = text.strip(" •·*–—-|").strip()
    return key in outlet_aliases()
