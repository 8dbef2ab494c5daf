"""Read a saved page's headline, authors and publication day from its own markup: JSON-LD, meta tags, headings,
bylines and the URL, reconciled against each other (trafilatura's reading is only the last resort)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from dateutil import parser as dateparser
from lxml.html import HtmlElement

from newsfacts.parse import metadata, writtendate
from newsfacts.parse.furniture import BYLINE_LINE
from newsfacts.parse.lexicon import furniture, outlets

# JSON-LD types that describe the story itself; ClaimReview (fact checks) and WebPage only when no story type is there.
_STORY_TYPES = re.compile(r"article|posting|report", re.I)
_FALLBACK_TYPES = re.compile(r"claimreview|webpage", re.I)
_ORGANISATION_TYPES = re.compile(r"organization|organisation|corporation|brand|website", re.I)
_META_AUTHOR = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl")
_META_DATE = ("article:published_time", "og:article:published_time", "article.published", "datepublished",
              "parsely-pub-date", "pubdate", "publishdate", "publish-date", "dc.date.issued", "dcterms.created",
              "dc.date", "sailthru.date", "date")
# Where a byline lives; containers of other stories' teasers (related, comments, footers) are never read.
_BYLINE_XPATH = ("//*[@rel='author' or @itemprop='author' or contains(@class, 'author') or contains(@class, 'byline')"
                 " or contains(@class, 'Author') or contains(@class, 'Byline')]")
_TEASER_CONTAINER = re.compile(r"(?:^|\s)(?:[\w-]*[_-])?(?:related|recommend|comments?|sidebar|teaser|more|popular|"
                               r"newsletter|trending)(?:$|\s|[_-])", re.I)
_MAX_BYLINE_CHARS = 160
_OPENING_LINES = 8
_PLAIN_BYLINE_XPATH = ("//body//text()[starts-with(normalize-space(.), 'By ') or starts-with(normalize-space(.), 'by ')"
                       " or normalize-space(.) = 'By' or normalize-space(.) = 'by']")
_SMALL_NODE = 12  # child elements of a date or byline line at most
_BYLINES_READ = 5
# "ERIC TUCKERAssociated Press", "IGN StaffUpdated Nov 19", "Jeff FoustMonday": words a page glued together
_GLUED = re.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z])|(?<=[a-z])(?=(?:Updated|Published|Posted|Modified|Monday|Tuesday"
                    r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")
_TITLE_SEPARATOR = re.compile(r"(\s+(?:[|–—:·•»/]|-|::)\s+)")
_SQUASH = re.compile(r"[\W_]+")
_COPYRIGHT_XPATH = ("//body//text()[contains(., '©') or contains(., 'ⓒ') or contains(., 'Copyright')"
                    " or contains(., 'copyright')]")
_COPYRIGHT = re.compile(r"(?:©|ⓒ|\([cC]\)|(?i:copyright))\s*(?:ⓒ|©|\([cC]\))?\s*"
                        r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?,?\s*)?"
                        r"([A-Za-z][\w&'-]*(?:\.\w+)*(?:\s+[A-Z][\w&'-]*(?:\.\w+)*){0,3})")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_LABEL = re.compile(r"^[^\W\d_]{2,12}\s*:\s*")  # "Text: Jane Doe", "Текст: ..."
_HANDLE = re.compile(r"@\w+.*$")
# Between names: commas, "and", "&", or a full stop after a word ("Finian Cunningham. Sputnik International").
_SPLIT_PEOPLE = re.compile(r"\s*(?:,|;|\band\b|&|(?<=[a-z]{3})\.\s)\s*")
# "정덕현 칼럼니스트", "홍길동 기자 hong@example.co.kr": a Korean name and the writer's role, at the foot of the story.
_SIGN_OFF = re.compile(r"^([가-힣]{2,4})\s*(?:기자|칼럼니스트|객원기자|선임기자|특파원|논설위원|편집위원)(?:\s+\S+@\S+)?$")
# "Analysis by Chris Cillizza, CNN Editor-at-large": the kind of piece before "by".
_KIND_BY = re.compile(r"^(?:analysis|opinion|commentary|column|essay|perspective|review)\s+(?=by\s)", re.I)
_BEFORE_DATE = {"on", "at", "|"}  # "By Minh Do on Monday, November 18th, 2019"
_CREDENTIALS = {"phd", "md", "ms", "ma", "mba", "rd", "rdn", "ld", "rn", "do", "dds", "jd", "mph", "msc", "bsc", "apd",
                "np", "pa", "lcsw", "cpt", "cscs", "facs", "mfa", "cfp", "cpa", "esq", "jr", "sr"}
_OPENING_CREDIT = re.compile(r"^\[[^=\]]{1,20}=\s*(?:[가-힣]{2,5}\s+)?([가-힣]{2,4})(?:의\s|\s*(?:기자|특파원)\b)"
                             r"|^\[[^=\]]{1,20}=[^\]]{1,20}\]\s*([가-힣]{2,4})\s*(?:기자|특파원)\b")
_PARTICLES = {"de", "van", "von", "da", "del", "der", "den", "bin", "al", "la", "le", "di", "du", "dos", "das"}
_NOT_PEOPLE = {"admin", "administrator", "editor", "editorial", "staff", "guest", "anonymous", "webmaster", "team"}
# Visible times next to a day: "Nov 18, 2019 at 9:24 pm ET", "10:01 pm PST, Tuesday, November 19, 2019",
# "Mon 18 Nov 2019 18.54 GMT", "Posted Nov 18, 8:19 PM".
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_VISIBLE_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d{{2}}))?"
                          rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?(?:\s+((?:19|20)\d{{2}}))?", re.I)
_VISIBLE_TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})\s*(am|pm|a\.m\.|p\.m\.)?", re.I)
_MONTHS = {m: i + 1 for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                            "nov", "dec"])}
_DATE_CLASSES = ("//time | //*[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'publish')"
                 " or contains(@class, 'posted') or contains(@class, 'byline') or contains(@class, 'Date')]")
# A time element marked as the publication, else the first one (outside teasers) that carries a machine date.
_TIME_XPATH = ("//time[@datetime][@itemprop='datePublished' or contains(@class, 'publish') or contains(@class, 'posted')]",
               "//time[@datetime]")
_WRITTEN_LINE_CHARS = 300  # a date line, not a section
_UPDATED = re.compile(r"updated?|modified|aktualisiert|geändert|mis à jour|actualizado|atualizado|aggiornato", re.I)
_WRITTEN_READ = 60
_ZONES = {"ET": -5, "EST": -5, "EDT": -4, "CT": -6, "CST": -6, "CDT": -5, "MT": -7, "MST": -7, "MDT": -6, "PT": -8,
          "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "GMT": 0, "UTC": 0, "BST": 1, "CET": 1, "CEST": 2,
          "MSK": 3, "IST": 5.5, "SGT": 8, "HKT": 8, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13}
_SHOWN_ZONE = re.compile(r"\b(" + "|".join(_ZONES) + r")\b")


@dataclass
class PageMeta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    date_source: str | None = None  # json-ld | meta | url | page


@dataclass
class _Markup:
    """The evidence a page gives about itself, read once."""

    story: dict  # the JSON-LD object describing the story ({} when none)
    linked: dict[str, dict]  # every JSON-LD object with an @id, by it (Yoast's graphs name the author by reference)
    meta: dict[str, str]
    h1: list[HtmlElement]
    title_tag: str | None
    site_keys: set[str]  # squashed names of the site: og:site_name, outlet, host


def read(tree: HtmlElement, url: str | None, body: str, fallback: dict, text_bylines: list[str],
         text_credits: list[str]) -> PageMeta:
    """Headline, authors and publication day of the page; fallback is trafilatura's metadata dict."""
    markup = _markup(tree, url)
    bylines = [n for n in tree.xpath(_BYLINE_XPATH) if n.tag not in ("meta", "link", "script", "style", "body", "html")]
    return PageMeta(
        title=_title(tree, markup, body) or fallback.get("title"),
        authors=_authors(tree, markup, bylines, fallback.get("author"), text_bylines, text_credits, body),
        **_published(tree, markup, bylines, url, fallback.get("date")),
    )


def _markup(tree: HtmlElement, url: str | None) -> _Markup:
    meta: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        value = node.get("content")
        if key and value and value.strip() and key not in meta:
            meta[key] = _clean(value)
    story, linked = _story_object(tree)
    title_node = tree.find(".//head/title")
    if title_node is None:
        title_node = next(iter(tree.xpath("//title[not(ancestor::svg)]")), None)
    site_keys = {_squash(meta.get("og:site_name", ""))}
    publisher = story.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        site_keys.add(_squash(publisher["name"]))
    host = urlsplit(url or meta.get("og:url", "")).hostname or ""
    host = host.removeprefix("www.")
    if host:
        site_keys |= {_squash(host), _squash(host.rsplit(".", 1)[0]), _squash(host.split(".")[0])}
    named = metadata.outlet_named(meta.get("og:site_name", "")) or (host and metadata.outlet_of_domain("@" + host))
    for outlet in outlets():
        if outlet.name == named:
            site_keys |= {_squash(a) for a in outlet.aliases}
    site_keys.discard("")
    return _Markup(story=story, linked=linked, meta=meta, h1=list(tree.iter("h1")),
                   title_tag=_clean(title_node.text_content()) if title_node is not None else None,
                   site_keys=site_keys)


def _story_object(tree: HtmlElement) -> tuple[dict, dict[str, dict]]:
    """The JSON-LD object of the story (the first article-like one, else a fact check or web page) and every object
    by its @id."""
    objects = []
    for script in tree.xpath("//script[contains(@type, 'ld+json')]"):
        try:
            data = json.loads(script.text_content(), strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                objects.append(item)
    linked = {item["@id"]: item for item in objects if isinstance(item.get("@id"), str) and len(item) > 1}
    for wanted in (_STORY_TYPES, _FALLBACK_TYPES):
        for item in objects:
            kinds = item.get("@type")
            kinds = " ".join(kinds) if isinstance(kinds, list) else str(kinds or "")
            if wanted.search(kinds) and (item.get("headline") or item.get("datePublished") or item.get("author")):
                return item, linked
    return {}, linked


# -- headline -------------------------------------------------------------------------------------------------------

def _title(tree: HtmlElement, markup: _Markup, body: str) -> str | None:
    """The visible headline (an h1 the metadata agrees with, else the last h1 above the story), else the metadata's
    headline with the site's name taken off."""
    keys = markup.site_keys
    if markup.title_tag and _TITLE_SEPARATOR.search(markup.title_tag) \
            and _strip_site(markup.title_tag, keys) == markup.title_tag:
        keys = keys | _copyright_keys(tree)  # a page naming itself nowhere else may in its copyright line
    declared = [t for t in (_strip_site(_text(markup.story.get("headline")), keys),
                            _strip_site(markup.meta.get("og:title"), keys),
                            _strip_site(markup.meta.get("twitter:title"), keys),
                            _strip_site(markup.title_tag, keys)) if t]
    headings = [(h, _clean(h.text_content())) for h in markup.h1]
    headings = [(h, t) for h, t in headings if len(t.split()) >= 2 and not _site_like(t, markup.site_keys)]
    for _, text in headings:
        if any(_agree(text, d) for d in declared):
            return text
    above = _above_story(tree, [h for h, _ in headings], body)
    if above:
        # Several headings may stand above the story (a section name, "More on ..."): the one sharing most words
        # with the declared titles and the story's opening is its headline; the nearest when none shares any.
        context = set(_norm(" ".join(declared) + " " + body[:300]).split())
        best = max(reversed(above), key=lambda h: len(set(_norm(h.text_content()).split()) & context))
        return _clean(best.text_content())
    return declared[0] if declared else None


def _agree(a: str, b: str) -> bool:
    """Same headline: equal after normalising, one holding most of the other, or most words shared."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    if short in long and len(short) >= 0.5 * len(long):
        return True
    p, q = set(x.split()), set(y.split())
    return len(p & q) / len(p | q) >= 0.7


def _above_story(tree: HtmlElement, headings: list[HtmlElement], body: str) -> list[HtmlElement]:
    """The headings that come before the story's first paragraph in the page (only the one that is that paragraph,
    when the extractor took the headline into the body)."""
    opening = body.split("\n", 1)[0][:25].strip()
    if not headings or len(opening) < 15:
        return []
    wanted = set(headings)
    above = []
    for node in tree.iter():
        starts = isinstance(node.tag, str) and (node.text or "").strip().startswith(opening)
        if node in wanted:
            if starts or _clean(node.text_content()).startswith(opening):
                return [node]
            above.append(node)
        elif starts:
            return above
    return []


def _copyright_keys(tree: HtmlElement) -> set[str]:
    """Squashed names of the copyright holders the page's text gives ("Copyright ⓒ Entermedia.co.kr"): names of the
    site for its title (not for its bylines: a blogger holds the copyright of their own pages)."""
    keys = set()
    for text in tree.xpath(_COPYRIGHT_XPATH)[:10]:
        for m in _COPYRIGHT.finditer(text):
            keys.add(_squash(m[1]))
    return {k for k in keys if len(k) >= 4}


def _strip_site(title: str | None, site_keys: set[str]) -> str | None:
    """The title without the site's name in front or behind ("Story - PurseBlog", "Rivals.com - Story")."""
    if not title:
        return None
    pieces = _TITLE_SEPARATOR.split(title)
    parts, separators = pieces[0::2], pieces[1::2]
    start, end = 0, len(parts)
    while end - start > 1 and _site_like(parts[end - 1], site_keys):
        end -= 1
    while end - start > 1 and _site_like(parts[start], site_keys):
        start += 1
    kept = parts[start]
    for i in range(start + 1, end):
        kept += separators[i - 1] + parts[i]
    return kept.strip()


def _site_like(text: str, site_keys: set[str]) -> bool:
    """The text names the site: it is (part of) one of its names, or one of them with a little more ("Sportsnet.ca")."""
    key = _squash(text)
    return bool(key) and any(key == s or (len(key) >= 4 and key in s) or (s in key and len(s) >= 0.6 * len(key))
                             for s in site_keys)


# -- authors --------------------------------------------------------------------------------------------------------

def _authors(tree: HtmlElement, markup: _Markup, nodes: list[HtmlElement], fallback: str | None,
             bylines: list[str], credits: list[str], body: str) -> list[str]:
    """People credited with the story: structured data (JSON-LD, then meta tags), else the marked byline naming
    most people (the first of equals); either replaced by a byline (marked or in the text) that names them all and
    co-authors besides. Without any: bylines in the text, an unmarked "By" line of the page, a sign-off at the
    story's foot."""
    from_jsonld, accounts = _jsonld_people(markup, nodes)
    structured = from_jsonld or _unique([n for key in _META_AUTHOR
                                                     for n in _people(markup.meta.get(key, ""), markup.site_keys)])
    visible = _byline_people(nodes, markup.site_keys)
    found = structured or (max(visible, key=len) if visible else [])
    if found:
        in_text = [_people(line, markup.site_keys) for line in [*bylines, *_opening_bylines(body)]]
        wider = [names for names in [*visible, *in_text] if len(names) > len(found)
                 and all(any(metadata.same_person(s, v) for v in names) for s in found)]
        return wider[0] if wider else found
    from_meta = [f"By {_GLUED.sub(' ', a)}" for a in (fallback or "").split(";") if a.strip()]
    named = [n for n in metadata.authors_from(from_meta + bylines, credits) if _people(n, markup.site_keys)
             and not any(metadata.same_person(n, a) for a in accounts)]
    plain = [] if named else _plain_byline_people(tree, markup.site_keys)
    return named or (max(plain, key=len) if plain else _signed_off(body))


def _opening_bylines(body: str) -> list[str]:
    """"By ..." lines among the story's first lines, that the cleaner kept as story text (no class marks them)."""
    return [line for line in body.splitlines()[:_OPENING_LINES]
            if BYLINE_LINE.match(line) and len(line) <= _MAX_BYLINE_CHARS]


def _plain_byline_people(tree: HtmlElement, site_keys: set[str]) -> list[list[str]]:
    """The names in the page's first few "By ..." lines that no class or rel marks as a byline."""
    found = []
    for text in tree.xpath(_PLAIN_BYLINE_XPATH):
        node = text.getparent()
        line = _clean(node.text_content()) if node is not None else ""
        if not line or len(line) > _MAX_BYLINE_CHARS or not BYLINE_LINE.match(line) or _in_teaser(node):
            continue
        names = _people(line, site_keys)
        if names:
            found.append(_unique(names))
            if len(found) == _BYLINES_READ:
                break
    return found


def _signed_off(body: str) -> list[str]:
    """A columnist or reporter named only in the story's text, as Korean pages do: at its foot ("정덕현 칼럼니스트")
    or in the bracket opening it ("[엔터미디어=소설가 박생강의 옆구리tv]", "[서울=뉴시스] 홍길동 기자 =")."""
    lines = [x.strip() for x in body.splitlines() if x.strip()]
    for line in lines[:3]:
        m = _OPENING_CREDIT.match(line)
        if m:
            return [m[1] or m[2]]
    for line in lines[-8:]:
        m = _SIGN_OFF.match(line)
        if m:
            return [m[1]]
    return []


def _jsonld_people(markup: _Markup, bylines: list[HtmlElement]) -> tuple[list[str], list[str]]:
    """People the story object names as author, and the accounts it names that are none. One named by reference to
    another object of the graph is the CMS account that posted the page: a person only when a byline of the page
    shows that name (trafilatura's reading of the same graph is not trusted for it either)."""
    found = markup.story.get("author") or markup.story.get("creator") or []
    names, accounts = [], []
    for item in found if isinstance(found, list) else [found]:
        referenced = isinstance(item, dict) and set(item) == {"@id"}
        if referenced:
            item = markup.linked.get(item["@id"], item)
        if isinstance(item, str):
            names += _people(item, markup.site_keys)
        elif isinstance(item, dict) and not _ORGANISATION_TYPES.search(" ".join(_types(item))):
            people = _people(_text(item.get("name")), markup.site_keys, single_word="person" in _types(item))
            if referenced:
                shown = _byline_text(bylines)
                accounts += [p for p in people if not re.search(rf"\b{re.escape(p)}\b", shown)]
                people = [p for p in people if p not in accounts]
            names += people
    return _unique(names), accounts


def _byline_text(bylines: list[HtmlElement]) -> str:
    """The text of the page's byline elements outside teasers, joined."""
    return " | ".join(_clean(node.text_content())[:_MAX_BYLINE_CHARS] for node in bylines if not _in_teaser(node))


def _types(item: dict) -> list[str]:
    """The JSON-LD @type of an object, lower-cased, whether written as a string or a list ("Person", ["Person"])."""
    kinds = item.get("@type")
    return [str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds or ""])]


def _byline_people(bylines: list[HtmlElement], site_keys: set[str]) -> list[list[str]]:
    """The names in each of the page's first few bylines (elements marked author or byline, outside teasers)."""
    found = []
    for node in bylines:
        text = _clean(node.text_content())
        if not text or len(text) > _MAX_BYLINE_CHARS or _in_teaser(node):
            continue
        names = _people(text, site_keys)
        if names:
            found.append(_unique(names))
            if len(found) == _BYLINES_READ:
                break
    return found


def _in_teaser(node: HtmlElement) -> bool:
    for ancestor in node.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        if _TEASER_CONTAINER.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return False


def _people(raw: str, site_keys: set[str], single_word: bool = False) -> list[str]:
    """Person names in a byline or author field: "By A, B and C", "Troy L. Smith, Cleveland.com",
    "Tim Childers - Live Science Contributor"; never the site, an outlet, a desk or a handle."""
    text = _GLUED.sub(" ", _clean(raw))
    if not text or text.startswith(("http://", "https://", "www.")):
        return []
    text = _LABEL.sub("", BYLINE_LINE.sub("", _KIND_BY.sub("", text, count=1), count=1), count=1)
    text = metadata.cut_date(_HANDLE.sub("", BYLINE_LINE.sub("", text, count=1)))
    roles = furniture().roles
    names = []
    for part in _SPLIT_PEOPLE.split(text):
        words = part.strip(" .,:;").split()
        while words and (words[-1].lower().strip(".,") in metadata.CALENDAR or words[-1] in _BEFORE_DATE):
            words.pop()  # "Malcolm Owen Monday, November 18", "Minh Do on Monday": the date glued to the last name
        if not words or len(words) > 4 or (len(words) == 1 and (not single_word or _credential(words[0]))):
            continue
        name = " ".join(words)
        if name.isupper() and len(name) > 3:
            name = name.title()
        lowered = [w.lower().strip(".,") for w in words]
        if (any(not (w[:1].isupper() or w.lower() in _PARTICLES) for w in words)
                or any(c.isdigit() for c in name) or lowered[0] in ("the", "a", "an")
                or any(w in roles or w in _NOT_PEOPLE for w in lowered)
                or _site_like(name, site_keys)
                or any(_squash(w) in site_keys or (len(w) >= 4 and _site_like(w, site_keys)) for w in words)
                or metadata.outlet_named(name)):
            continue
        names.append(name)
    return names


def _credential(word: str) -> bool:
    """A degree or licence after a name ("Rachael Link, MS, RD"), not a one-word name."""
    bare = word.strip(".,")
    return bare.lower() in _CREDENTIALS or (bare.isupper() and len(bare) <= 4)


def _unique(names: list[str]) -> list[str]:
    kept: list[str] = []
    for name in names:
        if not any(metadata.same_person(name, k) for k in kept):
            kept.append(name)
    return kept


# -- publication day ------------------------------------------------------------------------------------------------

def _published(tree: HtmlElement, markup: _Markup, bylines: list[HtmlElement], url: str | None,
               fallback: str | None) -> dict:
    """The day the story was first published, in the outlet's own time zone, and where it was read."""
    url_day = _url_date(url or markup.meta.get("og:url", ""))
    for source, raw in (("json-ld", _text(markup.story.get("datePublished"))),
                        ("json-ld", _text(markup.story.get("dateCreated"))),
                        *(("meta", markup.meta.get(key)) for key in _META_DATE)):
        stamp = _parse_stamp(raw)
        if stamp is not None:
            return {"published": _local_day(stamp, url_day, tree, markup), "date_source": source}
    if url_day:
        return {"published": url_day, "date_source": "url"}
    for node in [*tree.xpath(_TIME_XPATH[0]), *tree.xpath(_TIME_XPATH[1])]:
        stamp = None if _in_teaser(node) else _parse_stamp(node.get("datetime"))
        if stamp is not None:
            return {"published": _local_day(stamp, None, tree, markup), "date_source": "page"}
    written = _written_day(tree, bylines)
    if written is not None:
        return {"published": written, "date_source": "page"}
    stamp = _parse_stamp(fallback)
    day = stamp.date() if stamp and _shown_outside_teasers(stamp.date(), tree) else None
    return {"published": day, "date_source": "page" if day else None}


def _shown_outside_teasers(day: date, tree: HtmlElement) -> bool:
    """htmldate reads dates anywhere in the markup: its answer is dropped when the page gives that day only inside
    the teasers of other stories (kept when given outside them, or where this cannot tell)."""
    iso = day.isoformat()
    if any(iso in (node.get("content") or "") for node in tree.iter("meta")):
        return True
    in_teasers = False
    for node in tree.xpath(_DATE_CLASSES):
        if len(node) > _SMALL_NODE:
            continue
        text = _clean(node.text_content())[:200]
        match = _VISIBLE_DAY.search(text)
        shown = _visible_datetime(match, None, day.year) if match else None
        if (node.get("datetime") or "").startswith(iso) or (shown is not None and shown.date() == day):
            if not _in_teaser(node):
                return True
            in_teasers = True
    return not in_teasers


def _parse_stamp(raw: str | None) -> datetime | None:
    if not raw or not re.search(r"\d{4}", raw):
        return None
    try:
        stamp = datetime.fromisoformat(raw.strip())  # most stamps: ISO 8601, read without dateutil's cost
        return stamp if 1990 <= stamp.year <= 2100 else None
    except ValueError:
        pass
    try:
        stamp = dateparser.parse(raw.strip(), tzinfos={k: int(v * 3600) for k, v in _ZONES.items()})
    except (ValueError, OverflowError, TypeError):
        return None
    return stamp if 1990 <= stamp.year <= 2100 else None


def _local_day(stamp: datetime, url_day: date | None, tree: HtmlElement, markup: _Markup) -> date:
    """A stamp with a local offset is read as written (unless the page shows the same instant at another hour). One
    in UTC (or without zone) is a day off for half the world around midnight: a visible time on the page that is the
    same instant, the local zone the page writes its times in (for a stamp in UTC: some URLs carry the UTC day), the
    page's URL day, or another timestamp's offset tells the outlet's day."""
    offset = stamp.utcoffset()
    lines = _date_lines(tree)
    if offset:
        # ... unless the page shows this instant at another hour: some sites write UTC wall time with a local offset
        return _shown_day(stamp, lines) or stamp.date()
    shown = _shown_day(stamp, lines)
    if shown:
        return shown
    zone = _shown_zone(lines) if offset is not None else None
    if zone:  # explicitly UTC, and the page writes its times in a local zone ("Updated 10:21 pm EST")
        return (stamp + timedelta(hours=zone)).date()
    if url_day and abs((url_day - stamp.date()).days) <= 1:
        return url_day  # (a page writing GMT, as international sites do, says no more than the stamp)
    if zone == 0:
        return stamp.date()
    if offset is not None:  # explicitly UTC: another timestamp of the page may carry the outlet's offset
        for value in [*markup.meta.values(), _text(markup.story.get("dateModified")),
                      *(t.get("datetime") or "" for t in tree.iter("time"))]:
            other = _parse_stamp(value) if value and _STAMP.match(value) else None
            if other is not None and other.utcoffset():
                return stamp.astimezone(other.tzinfo).date()
    return stamp.date()


def _date_lines(tree: HtmlElement) -> list[HtmlElement]:
    """The page's first elements marked as dates or bylines, when small: a container marked "date" holding a whole
    section is no date line."""
    return [node for node in tree.xpath(_DATE_CLASSES)[:40] if len(node) <= _SMALL_NODE]


def _shown_day(stamp: datetime, lines: list[HtmlElement]) -> date | None:
    """The day of a visible date and time on the page that is this instant in some time zone (same minutes, whole
    or half hours away): the page's own reading of the timestamp."""
    instant = stamp.replace(tzinfo=None, second=0, microsecond=0) - (stamp.utcoffset() or timedelta())
    for node in lines:
        text = _clean(node.text_content())[:200]
        day_match = _VISIBLE_DAY.search(text)
        time_match = _VISIBLE_TIME.search(text)
        if not day_match or not time_match:
            continue
        shown = _visible_datetime(day_match, time_match, instant.year)
        if shown is None:
            continue
        gap = (shown - instant).total_seconds() / 60
        if -12 * 60 <= gap <= 14 * 60 and gap % 30 == 0:
            return shown.date()
    return None


def _shown_zone(lines: list[HtmlElement]) -> float | None:
    """The hours from UTC of the time zone the page names in its date lines, outside teasers."""
    for node in lines:
        m = _SHOWN_ZONE.search(_clean(node.text_content())[:200])
        if m and not _in_teaser(node):
            return _ZONES[m[1]]
    return None


def _written_day(tree: HtmlElement, bylines: list[HtmlElement]) -> date | None:
    """For a page without a machine-readable date: the day written in its date lines or beside its byline (the
    byline's parent and grandparent hold its line: "Von Moritz Bachmann publiziert am 30. Juli 2018"), in the page's
    language and day order; the first that is not an update, else the first update."""
    order = writtendate.month_first(tree.get("lang"))
    updates = []
    beside = [n for node in bylines[:_BYLINES_READ] for n in (node, *list(node.iterancestors())[:2])
              if n.tag not in ("body", "html")]
    for node in [*tree.xpath(_DATE_CLASSES)[:_WRITTEN_READ], *beside]:
        if len(node) > _SMALL_NODE:
            continue
        text = _clean(node.text_content())
        found = writtendate.written_day(text, order) if 0 < len(text) <= _WRITTEN_LINE_CHARS else None
        if found is None or _in_teaser(node):
            continue
        day, start = found
        if not _UPDATED.search(text[:start]):
            return day
        updates.append(day)
    return updates[0] if updates else None


def _visible_datetime(day_match: re.Match, time_match: re.Match | None, year: int) -> datetime | None:
    if day_match[1]:
        month, day, shown_year = _MONTHS[day_match[1][:3].lower()], int(day_match[2]), day_match[3]
    else:
        month, day, shown_year = _MONTHS[day_match[5][:3].lower()], int(day_match[4]), day_match[6]
    if time_match is None:
        hour, minute, half = 0, 0, ""
    else:
        hour, minute, half = int(time_match[1]), int(time_match[2]), (time_match[3] or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    try:
        return datetime(int(shown_year or year), month, day, hour, minute)
    except ValueError:
        return None


def _url_date(url: str) -> date | None:
    m = _URL_DATE.search(urlsplit(url).path) if url else None
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# -- text helpers ---------------------------------------------------------------------------------------------------

def _text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return _clean(value) if isinstance(value, str) else ""


def _clean(text: str) -> str:
    return " ".join(html.unescape(text).split())


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.lower().removeprefix("the "))


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))

