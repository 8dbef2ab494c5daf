"""Turn raw bytes into text, or say in plain words why they are not text we accept."""

from __future__ import annotations

import codecs
import re

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
    """Decode a file's bytes: BOM first, then an HTML page's declared charset, else strict UTF-8."""
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
            return _checked(text)
    if b"\x00" in data[:8192]:
        raise NotText("binary file: contains NUL bytes")
    if _looks_like_html(data):
        declared = _HTML_CHARSET.search(data[:8192])
        encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        try:
            return _checked(data.decode(encoding))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall through to strict UTF-8
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        hint = " (looks like Windows-1252 text; save it as UTF-8)" if 0x80 <= byte <= 0x9F else ""
        raise NotText(f"not valid UTF-8: byte 0x{byte:02x} at offset {exc.start}{hint}") from None


def _checked(text: str) -> str:
    if "\x00" in text:
        raise NotText("binary file: contains NUL characters")
    if not text.strip():
        raise NotText("file holds only white space")
    return text
