"""Parse and clean: turn one raw file's bytes into a document (with segments for transcripts) or a rejection."""

from __future__ import annotations

from newsfacts.parse.article import parse_article_text
from newsfacts.parse.detect import detect_format, unknown_reason
from newsfacts.parse.html import parse_html
from newsfacts.parse.transcript import parse_transcript
from newsfacts.records import ParseOutput
from newsfacts.stage.decode import NotText, decode

__all__ = ["detect_format", "parse_file"]

_PARSERS = {"article_text": parse_article_text, "transcript": parse_transcript, "html": parse_html}


def parse_file(data: bytes, path: str, sha256: str) -> ParseOutput:
    """Decode, detect the format and parse; never raises on bad input (a rejection carries the reason)."""
    try:
        text = decode(data)
    except NotText as exc:
        return ParseOutput(rejected=str(exc))
    fmt = detect_format(text, path)
    if fmt is None:
        return ParseOutput(rejected=unknown_reason(text))
    try:
        return _PARSERS[fmt](text, path, sha256)
    except Exception as exc:  # a parser bug must cost one file, not the batch; the reason names it
        return ParseOutput(rejected=f"{fmt} parser failed: {type(exc).__name__}: {exc}")
