"""The real dedupe set's import: each blind writer's folder makes a split of its own, named in BLIND_WRITERS."""

from __future__ import annotations

import csv

import pytest

from benchmarks.dedupe_real_import import BLIND_WRITERS, GROUND_TRUTH, add_reused, gather

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not GROUND_TRUTH.exists(), reason=f"needs the Scrapinghub ground truth ({GROUND_TRUTH})")]


def _writer(root, name: str, sid: str) -> None:
    (root / name / "docs").mkdir(parents=True)
    (root / name / "docs" / f"{sid}_restyled.txt").write_text("title: T\noutlet: O\ndate:\n---\nA body.\n")
    with (root / name / "labels.csv").open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["doc", "other", "relation", "kind"])
        out.writerow([f"{sid}_restyled", f"{sid}_original", "rewrite", "restyled_neutral"])


def _splits(target) -> dict[str, str]:
    return {row["sid"]: row["split"] for row in csv.DictReader((target / "split.csv").open())}


def test_each_blind_writer_folder_makes_its_own_split_and_the_others_keep_theirs(tmp_path):
    _writer(tmp_path / "writers", "w1", "06e5123e")
    _writer(tmp_path / "writers", "w4", "098bb3e9")
    gather(tmp_path / "writers", tmp_path / "without")
    _writer(tmp_path / "writers", "w5", "0dd13570")
    gather(tmp_path / "writers", tmp_path / "with")

    assert BLIND_WRITERS == {"w4": "fresh", "w5": "fresh2", "w6": "fresh3", "w7": "fresh4", "w8": "fresh5", "w9": "fresh6"}
    assert _splits(tmp_path / "with") == {**_splits(tmp_path / "without"), "0dd13570": "fresh2"}
    assert _splits(tmp_path / "without")["098bb3e9"] == "fresh"
    for name in ("06e5123e_original.txt", "098bb3e9_original.txt"):
        assert (tmp_path / "with" / "raw" / name).read_bytes() == (tmp_path / "without" / "raw" / name).read_bytes()


def test_a_blind_source_written_in_another_folder_too_is_refused(tmp_path):
    _writer(tmp_path / "writers", "w1", "0dd13570")
    _writer(tmp_path / "writers", "w5", "0dd13570")
    with pytest.raises(ValueError, match="0dd13570"):
        gather(tmp_path / "writers", tmp_path / "target")


def test_a_writer_folder_without_labels_yet_adds_nothing(tmp_path):
    _writer(tmp_path / "writers", "w1", "06e5123e")
    (tmp_path / "writers" / "w5" / "docs").mkdir(parents=True)
    assert gather(tmp_path / "writers", tmp_path / "target")["sources_per_split"] == {"held_out": 1}


def _empty_set(target) -> None:
    (target / "raw").mkdir(parents=True)
    (target / "split.csv").write_text("sid,group,split\r\n06e5123e,wework,dev\r\n")
    (target / "labels.csv").write_text("doc,other,relation,kind,writer\r\n")


def test_a_reused_source_joins_its_split_under_its_alias_and_the_rest_is_kept(tmp_path):
    _empty_set(tmp_path)
    made = add_reused("w06e5123", "06e5123e", "fresh7", "w10", tmp_path)

    assert _splits(tmp_path) == {"06e5123e": "dev", "w06e5123": "fresh7"}
    assert list(csv.DictReader((tmp_path / "reused.csv").open())) == [
        {"alias": "w06e5123", "sid": "06e5123e", "writer": "w10"}]
    assert (tmp_path / "raw" / "w06e5123_original.txt").exists()
    copies = [r["doc"] for r in csv.DictReader((tmp_path / "labels.csv").open())]
    assert copies == (["w06e5123_copy"] if made["copy"] else [])
    assert (tmp_path / "raw" / "w06e5123_copy.txt").exists() == made["copy"]


def test_an_alias_that_is_not_its_source_or_is_there_already_is_refused(tmp_path):
    _empty_set(tmp_path)
    with pytest.raises(ValueError, match="w06e5124"):
        add_reused("w06e5124", "06e5123e", "fresh7", "w10", tmp_path)
    add_reused("w06e5123", "06e5123e", "fresh7", "w10", tmp_path)
    with pytest.raises(ValueError, match="already"):
        add_reused("w06e5123", "06e5123e", "fresh7", "w10", tmp_path)
