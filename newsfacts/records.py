"""Plain records passed between stages: rows of the warehouse's tables (see schema.sql), and Known, what staging
reads of raw_files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class RawFile:
    """One file seen in the inbox (table raw_files). status: loaded | duplicate | rejected."""

    sha256: str | None
    path: str
    bytes: int | None
    status: str
    reason: str | None
    run_id: str
    stored_path: str | None = None
    format: str | None = None  # article_text | transcript | html, once parsed
    encoding: str | None = None  # the text encoding the bytes were read in (utf-8, cp1252, ...)


@dataclass
class Known:
    """What raw_files already holds, read before staging: (path, sha256) pairs recorded and content stored."""

    recorded: set[tuple[str, str | None]] = field(default_factory=set)
    stored: dict[str, str] = field(default_factory=dict)  # sha256 -> first path it was staged from


@dataclass
class Segment:
    """One timed line of a transcript (table segments); offsets are into documents.body."""

    doc_id: str
    segment_no: int
    start_seconds: float
    text: str
    start_char: int
    end_char: int


@dataclass
class Transcript:
    """Front-matter metadata of a video transcript (table transcripts)."""

    doc_id: str
    channel: str | None = None
    series: str | None = None
    video_url: str | None = None
    video_id: str | None = None
    views: int | None = None
    rating: float | None = None
    length_seconds: int | None = None
    keywords: list[str] = field(default_factory=list)
    description: str | None = None
    chapters: list[dict] = field(default_factory=list)  # [{"start_seconds": 0.0, "title": "..."}]
    transcription_model: str | None = None
    generated_date: date | None = None


@dataclass
class Document:
    """A parsed, cleaned document (table documents). Fields are None when the source does not say."""

    doc_id: str
    sha256: str
    kind: str  # article | transcript
    format: str  # article_text | transcript | html
    source_path: str
    outlet: str | None  # whose story it is (Associated Press, Reuters, The Wall Street Journal)
    site: str | None  # where it was collected from, when that differs (Korea Economic Daily)
    title: str | None
    subtitle: str | None
    authors: list[str]
    dateline: str | None  # SEOUL, WASHINGTON
    published_date: date | None
    date_source: str | None  # explicit | json-ld | meta | url | page | None
    language: str | None
    body: str
    word_count: int
    lines_total: int
    lines_dropped: int  # lines removed as page furniture
    url: str | None = None
    flags: list[str] = field(default_factory=list)  # non-fatal parse warnings


@dataclass
class ParseOutput:
    """What the parser makes of one raw file: a document (with parts) or a rejection reason."""

    document: Document | None = None
    segments: list[Segment] = field(default_factory=list)
    transcript: Transcript | None = None
    rejected: str | None = None


@dataclass
class DuplicatePair:
    """Evidence that doc_id copies or rewrites duplicate_of (table duplicate_pairs)."""

    doc_id: str
    duplicate_of: str
    level: str  # exact | near_exact | rewrite
    method: str
    score: float
    evidence: list[dict]  # aligned sentence pairs: {"doc_sentence", "source_sentence", "similarity"}
    run_id: str = ""


@dataclass
class Entity:
    """A real-world person, organisation or place (table entities); entity_id is stable across runs."""

    entity_id: str
    name: str
    type: str  # PERSON | ORG | GPE | LOC | NORP | FAC | EVENT


@dataclass
class EntityAlias:
    entity_id: str
    alias: str


@dataclass
class Mention:
    doc_id: str
    entity_id: str
    text: str
    start_char: int
    end_char: int
    sentence_no: int


# The rules that can find a quote's speaker (quotes.speaker_basis; each described in schema.sql's comment on it).
# The quotes expectation reads this tuple, so a new rule is one entry here, not a second list to keep in step.
SPEAKER_BASES = ("subject", "according_to", "roundup", "continued", "intro", "named_after", "relayed", "addressed",
                 "turn", "voice")


@dataclass
class Quote:
    """Reported speech (table quotes): kind is direct (quoted words), indirect (paraphrased claim), or quoted
    words that are not speech: title, slogan, scare. speaker_basis names the rule that found the speaker; the
    speaker_* offsets are its evidence: the words naming them for this quote, and the name they point back to."""

    quote_id: str
    doc_id: str
    kind: str  # direct | indirect | title | slogan | scare
    speaker_entity_id: str | None
    speaker: str | None
    speaker_role: str | None
    speaker_reason: str | None  # why the speaker is null, when it is
    text: str
    cue: str | None  # said, told, according to ...
    start_char: int
    end_char: int
    sentence_no: int | None = None
    speaker_basis: str | None = None  # one of SPEAKER_BASES
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_sentence_no: int | None = None
    speaker_name_start: int | None = None
    speaker_name_end: int | None = None


@dataclass
class Event:
    """A sentence carrying a date (table events); date stays None when it cannot be resolved."""

    event_id: str
    doc_id: str
    date: date | None
    date_precision: str  # day | month | year | unresolved
    date_text: str
    resolution: str  # explicit | relative | unresolved
    text: str
    start_char: int
    end_char: int


@dataclass
class Quantity:
    doc_id: str
    text: str
    value: float | None
    unit: str | None
    start_char: int
    end_char: int
