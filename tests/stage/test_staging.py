"""Staging: every file accounted for, content stored once, the inbox never touched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from newsfacts.records import Known
from newsfacts.stage.decode import NotText, decode
from newsfacts.stage.files import hash_file, stage_files


pytestmark = pytest.mark.unit


def _stage(inbox: Path, store: Path, known: Known | None = None, max_bytes: int = 10_000_000):
    return stage_files(inbox, store, "run-1", known or Known(), max_bytes)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def test_the_five_seeds_are_staged_once_each_under_their_hash(inbox, tmp_path):
    result = _stage(inbox, tmp_path / "raw")
    assert result.files_seen == 5
    assert [r.status for r in result.rows] == ["staged"] * 5
    for row in result.rows:
        data = (inbox / row.path).read_bytes()
        assert row.sha256 == hashlib.sha256(data).hexdigest()
        assert Path(row.stored_path).read_bytes() == data
        assert Path(row.stored_path).name == row.sha256
        assert not os.access(row.stored_path, os.W_OK) or os.geteuid() == 0


def test_a_copy_under_another_name_is_a_duplicate_of_the_first(inbox, tmp_path):
    (inbox / "nested").mkdir()
    (inbox / "nested" / "copy of 001.txt").write_bytes((inbox / "001_043759e1e1c18f0b.txt").read_bytes())
    result = _stage(inbox, tmp_path / "raw")
    dup = [r for r in result.rows if r.status == "duplicate"]
    assert [(r.path, r.reason) for r in dup] == [
        ("nested/copy of 001.txt", "same content as 001_043759e1e1c18f0b.txt")]
    assert len(list((tmp_path / "raw").rglob("*"))) == 5 + 5  # five folders, five files


def test_restaging_known_files_adds_no_rows(inbox, tmp_path):
    first = _stage(inbox, tmp_path / "raw")
    known = Known(recorded={(r.path, r.sha256) for r in first.rows},
                  stored={r.sha256: r.path for r in first.rows})
    again = _stage(inbox, tmp_path / "raw", known)
    assert again.files_seen == 5 and again.rows == []


def test_a_changed_file_at_a_known_path_is_staged_again(inbox, tmp_path):
    first = _stage(inbox, tmp_path / "raw")
    known = Known(recorded={(r.path, r.sha256) for r in first.rows}, stored={r.sha256: r.path for r in first.rows})
    target = inbox / "003_c22e93ad1b80139d.txt"
    target.write_text(target.read_text() + "\nCorrection appended.\n")
    again = _stage(inbox, tmp_path / "raw", known)
    assert [(r.path, r.status) for r in again.rows] == [("003_c22e93ad1b80139d.txt", "staged")]


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "file holds only white space"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file: a PDF document, not text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file: a PNG image, not text"),
    (b"plain text\x00with a NUL", "binary file: contains NUL bytes"),
    (bytes(range(0x80, 0x100)) * 2, "not valid UTF-8 (byte 0x80 at offset 0) and no other text encoding fits it"),
])
def test_bad_files_are_rejected_with_a_reason_and_the_rest_still_staged(inbox, tmp_path, content, reason):
    (inbox / "bad.txt").write_bytes(content)
    result = _stage(inbox, tmp_path / "raw")
    rejected = [r for r in result.rows if r.status == "rejected"]
    assert [(r.path, r.reason) for r in rejected] == [("bad.txt", reason)]
    assert rejected[0].stored_path is None
    assert result.count("staged") == 5


def test_a_file_over_the_size_limit_is_rejected_with_its_hash_and_size(inbox, tmp_path):
    big = inbox / "big.txt"
    big.write_bytes(b"a" * 5000)
    result = _stage(inbox, tmp_path / "raw", max_bytes=4096)
    row = next(r for r in result.rows if r.path == "big.txt")
    assert row.status == "rejected"
    assert row.reason == "file too large: 5,000 bytes (limit 4,096)"
    assert row.sha256 == hashlib.sha256(b"a" * 5000).hexdigest() and row.bytes == 5000


def test_an_unreadable_file_is_rejected(inbox, tmp_path, monkeypatch):
    locked = inbox / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    real_open = open

    def deny(path, *args, **kwargs):  # root reads mode-000 files, so deny the way a non-root user is denied
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    row = next(r for r in _stage(inbox, tmp_path / "raw").rows if r.path == "locked.txt")
    assert (row.status, row.reason) == ("rejected", "unreadable: permission denied")


def test_symbolic_links_are_recorded_but_never_followed(inbox, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("A file outside the inbox that must not be staged.")
    (inbox / "link.txt").symlink_to(outside)
    (tmp_path / "outside_dir").mkdir()
    (inbox / "linkdir").symlink_to(tmp_path / "outside_dir")
    rows = {r.path: r for r in _stage(inbox, tmp_path / "raw").rows}
    assert rows["link.txt"].reason == "symbolic link: not followed"
    assert rows["linkdir"].reason == "symbolic link: not followed"
    assert rows["link.txt"].sha256 is None


def test_odd_file_names_are_staged_verbatim(inbox, tmp_path):
    name = "it's a \"quoted\" name\nwith a newline and ünïcode.txt"
    (inbox / name).write_text("North Korea's leader Kim Jong Un arrived in Russia on Tuesday.")
    rows = {r.path: r for r in _stage(inbox, tmp_path / "raw").rows}
    assert rows[name].status == "staged"


def test_staging_never_changes_the_inbox(inbox, tmp_path):
    (inbox / "empty.txt").write_bytes(b"")
    before = _snapshot(inbox)
    _stage(inbox, tmp_path / "raw")
    assert _snapshot(inbox) == before


def test_hashing_streams_in_chunks_and_matches_hashlib(tmp_path):
    path = tmp_path / "f.bin"
    data = os.urandom(3 * 1024 * 1024 + 17)
    path.write_bytes(data)
    assert hash_file(path) == (hashlib.sha256(data).hexdigest(), len(data))


def test_utf16_with_a_byte_order_mark_is_decoded():
    text = "North Korea’s Kim Jong Un arrived in Russia."
    assert decode("\ufeff".encode("utf-16-le") + text.encode("utf-16-le")) == text


def test_html_declaring_its_charset_is_decoded_with_it():
    page = '<html><head><meta charset="windows-1252"></head><body>“Quoted”</body></html>'.encode("cp1252")
    assert "“Quoted”" in decode(page)


def test_not_text_names_the_offending_byte():
    with pytest.raises(NotText, match="offset 3"):
        decode(b"abc\xff")


def test_a_named_pipe_is_rejected_without_blocking(inbox, tmp_path):
    os.mkfifo(inbox / "pipe")
    row = next(r for r in _stage(inbox, tmp_path / "raw").rows if r.path == "pipe")
    assert (row.status, row.reason) == ("rejected", "not a regular file")
