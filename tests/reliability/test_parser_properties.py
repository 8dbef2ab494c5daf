"""Properties of decoding and parsing that must hold for any input (hypothesis), not just the seeds."""

from __future__ import annotations

import hashlib
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
import pytest

from newsfacts.config import SAMPLE_INBOX
from newsfacts.parse import parse_file
from newsfacts.parse.metadata import find_dateline, parse_date
from newsfacts.parse.transcript import parse_transcript
from newsfacts.stage.decode import NotText, decode, decode_with_encoding

pytestmark = pytest.mark.unit

SEED_LINES = {p.name[:3]: p.read_text(encoding="utf-8").splitlines() for p in sorted(SAMPLE_INBOX.glob("*.txt"))}
# Text a person could have written: no NUL (that is binary by definition) and no lone surrogates (not encodable).
_TEXT = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
_ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7e)
_FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(st.binary(max_size=3000))
def test_decode_returns_text_or_says_why_not_for_any_bytes(data):
    try:
        text = decode(data)
    except NotText as exc:
        assert str(exc)
    else:
        assert text.strip() and "\x00" not in text


@_FAST
@given(st.text(_TEXT, min_size=1, max_size=2000))
@example("Kim said “no” — in Vladivostok, 9/12.")
def test_utf8_text_decodes_to_itself(body):
    text = "Kim " + body  # a letter first: no byte-order mark or file signature can start it
    assert decode(text.encode("utf-8")) == text


@_FAST
@given(st.text(_TEXT, min_size=1, max_size=2000), st.sampled_from(["utf-16", "utf-16-be", "utf-16-le", "utf-8-sig"]))
def test_text_with_a_byte_order_mark_decodes_to_itself(body, encoding):
    text = "Kim " + body
    bom = {"utf-16-be": "\ufeff".encode("utf-16-be"), "utf-16-le": "\ufeff".encode("utf-16-le")}.get(encoding, b"")
    assert decode(bom + text.encode(encoding)) == text


@_FAST
@given(st.text(_ASCII, max_size=200), st.sampled_from("‘’“”–—…"), st.text(_ASCII, max_size=200))
def test_windows_1252_punctuation_in_plain_text_is_read_as_itself_or_rejected_as_undecidable(before, mark, after):
    text = "Kim " + before + mark + after
    try:
        assert decode_with_encoding(text.encode("cp1252")) == (text, "cp1252")
    except NotText as exc:  # a few bytes can read as well in a dozen code pages: never guessed
        assert "cannot be decided" in str(exc) or "no other text encoding fits" in str(exc)


@_FAST
@given(st.text(_ASCII, max_size=200), st.sampled_from("‘’“”–—…"), st.sampled_from("‘’“”–—…éü"))
def test_utf8_text_with_one_windows_1252_character_is_rejected_with_a_hint(before, utf8_mark, mark):
    reason = _reason(("Kim " + before + utf8_mark).encode("utf-8") + mark.encode("cp1252"))
    assert reason.startswith("not valid UTF-8: byte 0x")


def _reason(data: bytes) -> str:
    try:
        decode(data)
    except NotText as exc:
        return str(exc)
    raise AssertionError("decoded")


def _assert_sound(data: bytes, path: str) -> None:
    """parse_file's contract: one clean outcome; an accepted document has a body its offsets point into."""
    out = parse_file(data, path, hashlib.sha256(data).hexdigest())
    assert (out.document is None) != (out.rejected is None)
    if out.rejected:
        assert " parser failed: " not in out.rejected, out.rejected
        return
    doc = out.document
    assert doc.body.strip() and doc.word_count > 0
    assert 0 <= doc.lines_dropped <= doc.lines_total
    for seg in out.segments:
        assert 0 <= seg.start_char < seg.end_char <= len(doc.body)
        assert doc.body[seg.start_char:seg.end_char] == seg.text
    assert [s.start_seconds for s in out.segments] == sorted(s.start_seconds for s in out.segments)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEED_LINES)), st.data())
def test_any_damaged_seed_parses_soundly(seed, data):
    """Seeds with lines dropped, duplicated or garbled: what real scrapes and partial downloads look like."""
    lines = []
    for line in SEED_LINES[seed]:
        action = data.draw(st.sampled_from(["keep"] * 6 + ["drop", "twice", "garble"]))
        if action == "twice":
            lines += [line, line]
        elif action == "garble":
            lines.append(data.draw(st.text(_TEXT, max_size=120)))
        elif action == "keep":
            lines.append(line)
    _assert_sound("\n".join(lines).encode("utf-8"), f"inbox/{seed}.txt")


@_FAST
@given(st.lists(st.text(_TEXT, max_size=300), max_size=40), st.sampled_from(["x.txt", "x.html", "x.md"]))
def test_arbitrary_lines_parse_soundly(lines, name):
    _assert_sound("\n".join(lines).encode("utf-8"), f"inbox/{name}")


_SEGMENT_TEXT = st.text(_TEXT.filter(lambda c: c not in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), min_size=1,
                        max_size=80)


@_FAST
@given(st.lists(st.tuples(_SEGMENT_TEXT, st.floats(0, 20, allow_nan=False)), min_size=1, max_size=60))
@example([("Kim met Putin [in] (Vladivostok).", 1.5), ("*Bold* claims.", 0.0), ("Then silence", 19.99)])
def test_a_transcript_keeps_each_timed_line_as_a_segment_in_order_or_says_why_not(timed):
    lines, t = [], 0.0
    for text, step in timed:
        t = round(t + step, 2)
        clock = f"{int(t) // 3600:02d}:{int(t) % 3600 // 60:02d}:{int(t) % 60:02d}"
        lines.append(f"*  {text} [[{clock}](https://www.youtube.com/watch?v=abc&t={t}s)]")
    text = "# A video\n**Some Channel - Series:** [September 12, 2023](https://www.youtube.com/watch?v=abc)\n" \
           + "\n".join(lines) + "\n"
    out = parse_transcript(text, "inbox/video.txt", "0" * 64)
    if out.rejected:
        assert out.rejected.startswith("broken transcript: ")
        return
    body, segments = out.document.body, out.segments
    assert [s.text for s in segments] == [text.strip() for text, _ in timed]
    assert all(body[s.start_char:s.end_char] == s.text for s in segments)
    assert [s.start_seconds for s in segments] == sorted(s.start_seconds for s in segments)


@_FAST
@given(st.text(_TEXT, max_size=200))
@example("September 12, 2023")
def test_date_and_dateline_readers_never_raise(text):
    assert parse_date(text) is None or isinstance(parse_date(text), date)
    assert len(find_dateline(text)) == 2
