"""Progress lines: one line for a short stage, a few for a long one, none when quiet."""

import io

import pytest

from newsfacts.run.progress import in_chunk, make_reporter

pytestmark = pytest.mark.unit


def test_a_short_stage_prints_only_its_final_count():
    out = io.StringIO()
    report = make_reporter(out, every_seconds=60)
    for done in range(1, 6):
        report("stage", done, None)
    report("stage", 5, 5)
    assert out.getvalue().splitlines() == ["  stage    5/5"]


def test_a_long_stage_reports_in_between(monkeypatch):
    clock = iter(range(0, 100, 3))
    monkeypatch.setattr("newsfacts.run.progress.time.monotonic", lambda: next(clock))
    out = io.StringIO()
    report = make_reporter(out, every_seconds=2)
    for done in range(1, 4):
        report("extract", done, 10)
    assert out.getvalue().splitlines() == ["  extract  2/10", "  extract  3/10"]


def test_quiet_prints_nothing():
    out = io.StringIO()
    make_reporter(out, quiet=True)("parse", 1, 1)
    assert out.getvalue() == ""


def test_lines_of_a_chunked_run_say_which_chunk_they_belong_to():
    out = io.StringIO()
    report = make_reporter(out, every_seconds=60)
    in_chunk(report, 1, 1)("parse", 5, 5)
    in_chunk(report, 2, 3)("parse", 2, 2)
    assert out.getvalue().splitlines() == ["  parse    5/5", "  chunk 2/3 parse    2/2"]


def test_a_line_says_what_it_counts_files_or_documents():
    out = io.StringIO()
    report = make_reporter(out, every_seconds=60)
    report("parse", 500, 500, "files")
    in_chunk(report, 2, 3)("extract", 480, 480, "documents")
    assert out.getvalue().splitlines() == ["  parse    500/500 files", "  chunk 2/3 extract  480/480 documents"]
