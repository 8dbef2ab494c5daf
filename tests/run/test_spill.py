"""Batch results spilled to disk (run.spill): read back whole, as often as asked, and gone once discarded."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.records import RawFile
from newsfacts.run import stages
from newsfacts.run.spill import discard_all, spill

pytestmark = pytest.mark.unit


def test_a_spilled_value_is_read_back_equal_and_as_often_as_asked(tmp_path: Path):
    value = stages.Parsed(files=[RawFile("ab" * 32, "a.txt", 3, "loaded", None, "run-1")])
    held = spill(value, tmp_path / "ahead")
    assert held.path.parent == tmp_path / "ahead" and held.path.is_file()
    assert held.load() == value and held.load() == value  # the extract task reads it, then the load


def test_each_spill_is_a_file_of_its_own_and_a_discarded_one_is_gone(tmp_path: Path):
    first, second = spill([1, 2], tmp_path), spill([1, 2], tmp_path)
    assert first.path != second.path
    first.discard()
    first.discard()  # twice: the run's end discards what a chunk already let go
    assert not first.path.exists() and second.load() == [1, 2]


def test_what_a_stopped_run_left_is_removed_with_its_folder(tmp_path: Path):
    spill("left", tmp_path / "ahead")
    discard_all(tmp_path / "ahead")
    discard_all(tmp_path / "ahead")  # nothing there: no error
    assert not (tmp_path / "ahead").exists()


def test_a_value_that_cannot_be_written_leaves_no_file(tmp_path: Path):
    with pytest.raises(Exception):
        spill(lambda: None, tmp_path)  # a lambda cannot be pickled
    assert list(tmp_path.iterdir()) == []
