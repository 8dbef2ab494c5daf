"""Staging a hostile inbox: one clean row with a status and reason per entry; the inbox never changes."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from pathlib import Path

import pytest

from newsfacts.load.batch import write_batch
from newsfacts.records import Known
from newsfacts.run import stages
from newsfacts.stage.files import stage_files
from tests.reliability.conftest import snapshot
from tests.reliability.conftest import snapshot

SEED_002 = "002_0ce151e4b07a680d.txt"
CHANGED = "file changed while being read; it will be staged again on the next run"


def _stage(inbox: Path, store: Path, max_bytes: int = 50 * 1024 * 1024):
    return stage_files(inbox, store, "run-1", Known(), max_bytes)


def _hostile_files(inbox: Path, outside: Path) -> None:
    """Damaged and odd entries beside the seeds, the way they arrive in real drop folders."""
    story = (inbox / SEED_002).read_bytes()
    transcript = next(inbox.glob("000_*")).read_bytes()
    (inbox / "truncated transcript.txt").write_bytes(transcript[:len(transcript) // 3])
    (inbox / "cut inside a character.txt").write_bytes(story[:story.index("’".encode()) + 1])
    (inbox / "nul in the middle.txt").write_bytes(story[:2000] + b"\x00" + story[2000:])
    (inbox / "cp1252 quotes.txt").write_bytes(story.replace("’".encode(), b"\x92"))
    (inbox / "utf16 with bom.txt").write_bytes(story.decode("utf-8").replace("Kim", "Kim Jong Un").encode("utf-16"))
    (inbox / "zero bytes.txt").write_bytes(b"")
    (inbox / "it's a \"quoted\" name\nwith a newline, spaces and ünïcode.txt").write_bytes(story + b"\nUpdated.\n")
    with open(os.path.join(os.fsencode(inbox), b"caf\xe9 latin-1 name.txt"), "wb") as fh:
        fh.write(story + b"\nA second update.\n")
    (inbox / "link to a secret.txt").symlink_to(outside / "secret.txt")
    (inbox / "link to a folder").symlink_to(outside)
    os.mkfifo(inbox / "a named pipe")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text("A secret outside the inbox: it must never be staged or read. " * 20)
    return folder


@pytest.mark.unit
def test_a_hostile_inbox_ends_with_one_reasoned_row_per_entry_and_is_left_untouched(inbox, outside, tmp_path):
    _hostile_files(inbox, outside)
    before = snapshot(inbox)
    result = _stage(inbox, tmp_path / "raw")
    assert snapshot(inbox) == before
    assert result.files_seen == len(result.rows) == 5 + 11
    assert all(r.reason for r in result.rows if r.status != "staged")
    rejected = {r.path: r.reason for r in result.rows if r.status == "rejected"}
    assert rejected == {
        "cut inside a character.txt": "not valid UTF-8: byte 0xe2 at offset 73",
        "nul in the middle.txt": "binary file: contains NUL bytes",
        "cp1252 quotes.txt": rejected["cp1252 quotes.txt"],
        "zero bytes.txt": "empty file",
        "link to a secret.txt": "symbolic link: not followed",
        "link to a folder": "symbolic link: not followed",
        "a named pipe": "not a regular file",
    }
    assert rejected["cp1252 quotes.txt"].endswith("(looks like Windows-1252 text; save it as UTF-8)")
    secret = hashlib.sha256((outside / "secret.txt").read_bytes()).hexdigest()
    assert secret not in {r.sha256 for r in result.rows}


@pytest.mark.unit
def test_every_staged_hostile_file_parses_to_a_document_or_a_reason_and_the_batch_writes(inbox, outside, tmp_path):
    _hostile_files(inbox, outside)
    staged = _stage(inbox, tmp_path / "raw")
    parsed = stages.parse_batch(staged.new_files)
    assert len(parsed.files) == len(staged.new_files) == 5 + 4
    assert all(f.status == "loaded" or (f.status == "rejected" and f.reason) for f in parsed.files)
    assert all(d.body.strip() for d in parsed.documents)
    batch = stages.assemble("run-1", stages.plan_chunks(staged, len(staged.rows))[0], parsed, None, [])
    written = write_batch(batch, tmp_path / "batch")  # every name and reason must survive Parquet
    assert set(written) >= {"raw_files", "documents", "segments"}


@pytest.mark.unit
def test_a_file_name_that_is_not_utf8_is_recorded_with_escapes(inbox, tmp_path):
    with open(os.path.join(os.fsencode(inbox), b"caf\xe9.txt"), "wb") as fh:
        fh.write((inbox / SEED_002).read_bytes() + b"\nCorrection.\n")
    row = next(r for r in _stage(inbox, tmp_path / "raw").rows if r.path.startswith("caf"))
    assert (row.path, row.status) == ("caf\\xe9.txt", "staged")
    row.path.encode("utf-8")  # storable text: no lone surrogates


@pytest.mark.integration  # writes and hashes a 1 GB file: ~10 s, not part of the fast tier
def test_a_1gb_sparse_file_is_hashed_as_a_stream_and_rejected_without_being_read_into_memory(inbox, tmp_path):
    big = inbox / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(1024 ** 3)
    tracemalloc.start()
    try:
        result = _stage(inbox, tmp_path / "raw")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    row = next(r for r in result.rows if r.path == "huge.txt")
    assert (row.status, row.bytes) == ("rejected", 1024 ** 3)
    assert row.reason == "file too large: 1,073,741,824 bytes (limit 52,428,800)"
    assert row.sha256 == "49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14"  # sha256 of 1 GiB of zeros
    assert peak < 8 * 1024 * 1024
    assert result.count("staged") == 5


# -- files that change under our feet ---------------------------------------------------------------


def _open_hook(monkeypatch, target: Path, before_open) -> None:
    """Run before_open() just before staging opens target: the moment between its lstat and its read."""
    real_open = open

    def hooked(path, *args, **kwargs):
        if os.fspath(path) == os.fspath(target):
            before_open()
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("newsfacts.stage.files.open", hooked, raising=False)


@pytest.mark.unit
def test_a_file_swapped_for_a_symlink_after_listing_is_not_followed(inbox, outside, tmp_path, monkeypatch):
    victim = inbox / "ordinary.txt"
    victim.write_text("An ordinary file that is swapped for a link while the run looks at it.")

    def swap():
        victim.unlink()
        victim.symlink_to(outside / "secret.txt")

    _open_hook(monkeypatch, victim, swap)
    row = next(r for r in _stage(inbox, tmp_path / "raw").rows if r.path == "ordinary.txt")
    assert (row.status, row.reason) == ("rejected", "symbolic link: not followed")
    assert not any(p.read_bytes() == (outside / "secret.txt").read_bytes()
                   for p in (tmp_path / "raw").rglob("*") if p.is_file())


@pytest.mark.unit
def test_a_file_replaced_after_listing_by_one_of_the_same_size_and_mtime_is_caught(inbox, tmp_path, monkeypatch):
    victim = inbox / "replaced.txt"
    victim.write_text("Version one of the story, long enough to read. " * 5)

    def replace():  # same size, same mtime: only the inode tells the files apart
        fresh = inbox / ".fresh"
        fresh.write_text("Version two of the story, long enough to read. " * 5)
        os.utime(fresh, ns=(victim.stat().st_atime_ns, victim.stat().st_mtime_ns))
        fresh.rename(victim)

    _open_hook(monkeypatch, victim, replace)
    row = next(r for r in _stage(inbox, tmp_path / "raw").rows if r.path == "replaced.txt")
    assert (row.status, row.reason) == ("rejected", CHANGED)


@pytest.mark.unit
def test_a_file_growing_while_read_is_rejected_and_the_rest_staged(inbox, tmp_path, monkeypatch):
    growing = inbox / "growing.txt"
    growing.write_text("A story being written by a slow downloader. " * 5)
    _open_hook(monkeypatch, growing, lambda: growing.write_text("A story being written. " * 50))
    result = _stage(inbox, tmp_path / "raw")
    row = next(r for r in result.rows if r.path == "growing.txt")
    assert (row.status, row.reason) == ("rejected", CHANGED)
    assert result.count("staged") == 5


@pytest.mark.unit
def test_a_file_vanishing_before_it_is_read_is_rejected_with_a_reason(inbox, tmp_path, monkeypatch):
    gone = inbox / "gone.txt"
    gone.write_text("Here a moment, then moved away by another program.")
    _open_hook(monkeypatch, gone, gone.unlink)
    row = next(r for r in _stage(inbox, tmp_path / "raw").rows if r.path == "gone.txt")
    assert (row.status, row.reason, row.sha256) == ("rejected", "file vanished before it could be read", None)
