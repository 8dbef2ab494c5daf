"""Turn raw bytes into text, or say in plain words why they are not text we accept."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

# Magic numbers of common binary formats people drop into folders by mistake.
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "a SQLite database",
}
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
# Single-byte encodings a detector cannot tell apart on Western text that is mostly ASCII: the Windows code page is
# the one such files are written in (a Windows export with curly quotes and dashes).
_WESTERN_DEFAULT = "cp1252"
_MOSTLY_ASCII = 0.8
_CHAOS_TIE = 0.01
_MIN_EVIDENCE = 16  # non-ASCII bytes a detector needs before its answer for other scripts is taken


class NotText(ValueError):
    """Raised with a reason a person understands when bytes are not acceptable text."""


def _looks_like_html(head: bytes) -> bool:
    return bool(re.search(rb"<(!doctype html|html|head|body|meta)\b", head[:4096], re.I))


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def decode(data: bytes) -> str:
    """The file's text (see decode_with_encoding)."""
    return decode_with_encoding(data)[0]


def decode_with_encoding(data: bytes) -> tuple[str, str]:
    """Decode a file's bytes and name the encoding: BOM first, then an HTML page's declared charset, then UTF-8,
    then a detector's answer when it is certain; raises NotText when the bytes are not text or the encoding cannot
    be decided."""
    if not data.strip():
        raise NotText("empty file" if not data else "file holds only white space")
    kind = _binary_kind(data)
    if kind:
        raise NotText(f"binary file: {kind}, not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise NotText(f"broken {encoding.upper()} text after a byte-order mark: {exc.reason} at byte {exc.start}") from None
            return _checked(text), encoding
    if b"\x00" in data[:8192]:
        raise NotText("binary file: contains NUL bytes")
    if _looks_like_html(data):
        declared = _HTML_CHARSET.search(data[:8192])
        encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        try:
            return _checked(data.decode(encoding)), codecs.lookup(encoding).name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall through to strict UTF-8
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        error = exc
    return _detected(data, error)


def _detected(data: bytes, error: UnicodeDecodeError) -> tuple[str, str]:
    """Another encoding when it is certain: mostly-ASCII text that cp1252 reads (a Windows export's curly quotes and
    dashes; the code pages a detector cannot tell apart on such text), else the detector's best candidates agreeing
    on the text over enough non-ASCII bytes; otherwise the file is rejected."""
    byte = data[error.start]
    where = f"byte 0x{byte:02x} at offset {error.start}"
    if error.reason == "unexpected end of data" or _has_utf8_sequences(data):
        # UTF-8 cut inside a character, or mixed with another encoding: no encoding reads all of it
        hint = " (looks like Windows-1252 text; save it as UTF-8)" if 0x80 <= byte <= 0x9F else ""
        raise NotText(f"not valid UTF-8: {where}{hint}")
    high = sum(1 for b in data if b >= 0x80)
    if 1 - high / len(data) >= _MOSTLY_ASCII:
        try:
            return _checked(data.decode(_WESTERN_DEFAULT)), _WESTERN_DEFAULT
        except UnicodeDecodeError:
            pass  # bytes cp1252 leaves undefined: not a Windows export
    # UTF-16/32 without a byte-order mark would hold NUL bytes in any Western text (rejected above as binary); on
    # short texts the detector can still pair bytes up into CJK characters
    matches = [m for m in charset_normalizer.from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise NotText(f"not valid UTF-8 ({where}) and no other text encoding fits it")
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + _CHAOS_TIE]
    texts = {str(m) for m in tied}
    if len(texts) == 1 and high >= _MIN_EVIDENCE:
        return _checked(texts.pop()), tied[0].encoding
    names = ", ".join(sorted({m.encoding for m in tied})[:4])
    raise NotText(f"not valid UTF-8 ({where}) and its encoding cannot be decided (it reads as {names}); "
                  f"save it as UTF-8")


def _has_utf8_sequences(data: bytes) -> bool:
    """Bytes holding well-formed multi-byte UTF-8 characters are damaged UTF-8, not another encoding."""
    return any(ord(c) > 0x7F for c in data.decode("utf-8", "ignore"))


def _checked(text: str) -> str:
    if "\x00" in text:
        raise NotText("binary file: contains NUL characters")
    if not text.strip():
        raise NotText("file holds only white space")
    return text
