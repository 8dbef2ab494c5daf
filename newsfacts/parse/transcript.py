"""Parse a video transcript: front matter into typed metadata, timed lines into segments of one body."""

from __future__ import annotations

import ast
import re
from bisect import bisect_right
from datetime import date
from urllib.parse import parse_qs, urlparse

from newsfacts.parse import metadata
from newsfacts.parse.article import missing_flags
from newsfacts.parse.language import detect_language
from newsfacts.records import Document, ParseOutput, Segment, Transcript

# "*  text [[00:00:07](https://...&t=7.76s)]", or without the link: "*  text [00:00:07]"
SEGMENT = re.compile(
    r"^\s*[*-]\s+(?P<text>.*?)\s*\[(?:\[(?P<clock>[\d:]+)\]\((?P<url>[^)\s]*)\)|(?P<bare>\d{1,2}(?::\d{2}){1,2}))\]\s*$")
_HEADING = re.compile(r"^#\s+(.+)$")
# "**The Wall Street Journal - News Explainers:** [September 12, 2023](https://...)"
_CHANNEL = re.compile(r"^\*\*(?P<channel>.+?):\*\*\s*\[(?P<date>[^\]]*)\]\((?P<url>[^)]*)\)")
_CHAPTER = re.compile(r"^\s*((?:\d+:)?\d{1,2}:\d{2})\s+(.+)$")
_FIELDS = {
    "date generated": "generated",
    "transcription model": "model",
    "length": "length",
    "video keywords": "keywords",
    "keywords": "keywords",
    "video views": "views",
    "views": "views",
    "video rating": "rating",
    "rating": "rating",
    "video description": "description",
    "description": "description",
    "channel": "channel",
    "video url": "url",
    "url": "url",
    "upload date": "published",
    "published": "published",
}
_FIELD = re.compile(r"^([A-Za-z][A-Za-z ]{1,40}):\s?(.*)$")
# Whisper timestamps drift a little from the clock shown; more than this means the file is broken.
CLOCK_TOLERANCE = 1.5


class BrokenTranscript(ValueError):
    """A transcript whose structure cannot be trusted, with the reason."""


# Front-matter keys only a video transcript carries: with one of them the file is a transcript, however damaged.
_TRANSCRIPT_KEYS = {"transcription model", "video keywords", "video views", "video rating", "video description",
                    "video url"}


def looks_like_transcript(text: str) -> bool:
    lines = text.splitlines()
    timed = sum(1 for line in lines if SEGMENT.match(line))
    if timed >= 3:
        return True
    if not text.lstrip().startswith("---"):
        return False
    keys = {m.group(1).strip().lower() for line in lines[1:40] if (m := _FIELD.match(line))}
    return timed >= 1 or bool(keys & _TRANSCRIPT_KEYS)


def parse_transcript(text: str, path: str, sha256: str) -> ParseOutput:
    try:
        return _parse(text, path, sha256)
    except BrokenTranscript as exc:
        return ParseOutput(rejected=f"broken transcript: {exc}")


def _parse(text: str, path: str, sha256: str) -> ParseOutput:
    front, rest = _split_front_matter(text)
    fields = _front_fields(front)
    title, channel_line, timed = _content(rest)
    times = _times([(clock, url) for _, clock, url in timed])
    length = _seconds(fields.get("length"))
    if length is not None and times and times[-1] > length + CLOCK_TOLERANCE:
        raise BrokenTranscript(f"a segment starts at {times[-1]}s, after the video's length of {length}s")
    chapters = _chapters(fields.get("description") or "")
    doc_id = sha256[:16]
    body, segments = _body(doc_id, [text for text, _, _ in timed], times, chapters)
    channel, series, published, url = _channel(channel_line)
    channel = channel or (fields.get("channel") or "").strip() or None
    url = url or (fields.get("url") or "").strip() or None
    published = published or metadata.parse_date(fields.get("published") or "")
    transcript = Transcript(
        doc_id=doc_id,
        channel=channel,
        series=series,
        video_url=url,
        video_id=_video_id(url),
        views=_int(fields.get("views")),
        rating=_float(fields.get("rating")),
        length_seconds=length,
        keywords=_keywords(fields.get("keywords")),
        description=(fields.get("description") or "").strip() or None,
        chapters=chapters,
        transcription_model=(fields.get("model") or "").strip() or None,
        generated_date=metadata.parse_date(fields.get("generated") or ""),
    )
    outlet = metadata.outlet_named(channel or "") or channel
    document = Document(
        doc_id=doc_id, sha256=sha256, kind="transcript", format="transcript", source_path=path,
        outlet=outlet, site=None, title=_clean_title(title, outlet), subtitle=None, authors=[], dateline=None,
        published_date=published, date_source="explicit" if published else None,
        language=detect_language(body), body=body, word_count=len(body.split()),
        lines_total=sum(1 for line in text.splitlines() if line.strip()), lines_dropped=0, url=url,
    )
    document.flags = missing_flags(document) + (["no chapters: body is one paragraph"] if not chapters else [])
    return ParseOutput(document=document, segments=segments, transcript=transcript)


def _split_front_matter(text: str) -> tuple[list[str], list[str]]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return [], lines
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            return lines[1:i], lines[i + 1:]
    raise BrokenTranscript("front matter opened with '---' is never closed")


def _front_fields(front: list[str]) -> dict[str, str]:
    """"Key: value" lines start a field; only the description runs over several lines, and inside it only a
    known key ends it (a description may itself hold "Subscribe: https://..." lines). Unknown keys are kept aside."""
    fields: dict[str, str] = {}
    current = None
    for line in front:
        m = _FIELD.match(line)
        key = m[1].strip().lower() if m else None
        if key in _FIELDS or (m and current != "description"):
            current = _FIELDS.get(key, key)
            fields[current] = m[2]
        elif current == "description":
            fields[current] += "\n" + line
    return fields


def _content(lines: list[str]) -> tuple[str | None, str | None, list[tuple[str, str, str]]]:
    """The heading, the channel/date line and the (text, clock, link) of each timed line."""
    title = channel = None
    timed: list[tuple[str, str, str]] = []
    for line in lines:
        if not line.strip():
            continue
        seg = SEGMENT.match(line)
        if seg:
            timed.append((seg["text"].strip(), seg["clock"] or seg["bare"], seg["url"] or ""))
        elif title is None and _HEADING.match(line):
            title = _HEADING.match(line)[1].strip()
        elif channel is None and _CHANNEL.match(line):
            channel = line
        elif line.lstrip().startswith(("* ", "- ", "*\t", "-\t")):  # a bullet like the others, but untimed
            raise BrokenTranscript(f"a segment line has no readable timestamp: {line.strip()[:80]!r}")
    if not timed:
        raise BrokenTranscript("no timed segments")
    return title, channel, timed


def _times(stamps: list[tuple[str, str]]) -> list[float]:
    """Start seconds from each link's t= parameter, checked against the clock shown and for order."""
    times: list[float] = []
    for clock, url in stamps:
        shown = _clock_seconds(clock)
        t = parse_qs(urlparse(url).query).get("t", [None])[0]
        exact = _float(t.rstrip("s")) if t else None
        if exact is not None and shown is not None and abs(exact - shown) > CLOCK_TOLERANCE:
            raise BrokenTranscript(f"timestamp {clock} disagrees with its link (t={t})")
        start = exact if exact is not None else shown
        if start is None:
            raise BrokenTranscript(f"unreadable timestamp {clock!r}")
        if times and start < times[-1]:
            raise BrokenTranscript(f"timestamps go backwards ({times[-1]}s then {start}s)")
        times.append(round(start, 3))
    return times


def _body(doc_id: str, texts: list[str], times: list[float], chapters: list[dict]) -> tuple[str, list[Segment]]:
    """Segments joined by spaces into one paragraph per chapter, so sentences split across segments read whole."""
    bounds = [c["start_seconds"] for c in chapters]
    body, segments, previous = "", [], None
    for no, (text, t) in enumerate(zip(texts, times)):
        chapter = bisect_right(bounds, t)
        if body:
            body += "\n\n" if chapter != previous else " "
        segments.append(Segment(doc_id, no, t, text, len(body), len(body) + len(text)))
        body += text
        previous = chapter
    return body, segments


def _chapters(description: str) -> list[dict]:
    chapters = []
    for line in description.splitlines():
        m = _CHAPTER.match(line)
        if m:
            chapters.append({"start_seconds": float(_clock_seconds(m[1])), "title": m[2].strip()})
    return chapters


def _channel(line: str | None) -> tuple[str | None, str | None, date | None, str | None]:
    if not line:
        return None, None, None, None
    m = _CHANNEL.match(line)
    name = m["channel"].strip()
    channel, _, series = name.partition(" - ")
    return channel.strip(), series.strip() or None, metadata.parse_date(m["date"]), m["url"] or None


def _clean_title(title: str | None, outlet: str | None) -> str | None:
    """Drop a trailing " | WSJ" style brand when it names the outlet."""
    if not title:
        return None
    head, sep, tail = title.rpartition(" | ")
    if sep and outlet and metadata.outlet_named(tail) == outlet:
        return head.strip()
    return title


def _video_id(url: str | None) -> str | None:
    if not url:
        return None
    parsed = urlparse(url)
    if parsed.hostname and parsed.hostname.endswith("youtu.be"):
        return parsed.path.strip("/") or None
    return parse_qs(parsed.query).get("v", [None])[0]


def _keywords(raw: str | None) -> list[str]:
    if not raw or not raw.strip():
        return []
    try:
        value = ast.literal_eval(raw.strip())
    except (ValueError, SyntaxError):
        value = raw.split(",")
    if not isinstance(value, (list, tuple)):
        return []
    return [str(k).strip() for k in value if str(k).strip()]


def _clock_seconds(clock: str) -> float | None:
    try:
        parts = [int(p) for p in clock.split(":")]
    except ValueError:
        return None
    seconds = 0
    for p in parts:
        seconds = seconds * 60 + p
    return float(seconds)


def _seconds(raw: str | None) -> int | None:
    m = re.match(r"^\s*(\d+)\s*s?\s*$", raw or "")
    return int(m[1]) if m else None


def _int(raw: str | None) -> int | None:
    m = re.match(r"^\s*([\d,]+)\s*$", raw or "")
    return int(m[1].replace(",", "")) if m else None


def _float(raw: str | None) -> float | None:
    try:
        return float(raw) if raw is not None and raw.strip().lower() not in ("", "none", "null") else None
    except ValueError:
        return None
