"""A full or read-only disk under the warehouse: the run stops with a clear WarehouseError, nothing is half-written,
and once there is space again the same batch publishes."""

from __future__ import annotations

import errno
from pathlib import Path

import duckdb
import pytest

from newsfacts.config import Settings
from newsfacts.records import Known
from newsfacts.run import stages
from newsfacts.run.lifecycle import auditors
from newsfacts.warehouse.db import WarehouseError
from newsfacts.warehouse.publish import publish
from tests.reliability.conftest import tmpfs
from tests.reliability.conftest import tmpfs

pytestmark = pytest.mark.integration


def _fill(disk: Path) -> Path:
    """Take every free byte of the disk with one file; deleting it gives the space back."""
    filler = disk / "filler"
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def _contents(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: con.execute(f'SELECT * FROM main."{t}" ORDER BY ALL').fetchall()
                for t in ("raw_files", "documents", "segments", "dq_results")}


def test_a_full_disk_under_the_raw_store_stops_the_run_with_a_clear_error(inbox, tmp_path):
    with tmpfs(tmp_path / "small", "size=1m") as disk:
        settings = Settings(inbox=inbox, warehouse=disk / "newsfacts.duckdb")
        (inbox / "big.txt").write_bytes(b"Kim met Putin in Vladivostok. " * 40_000)
        with pytest.raises(WarehouseError, match="no space left on the disk holding") as caught:
            stages.stage(settings, "run-1", Known())
        assert isinstance(caught.value.__cause__, OSError) and caught.value.__cause__.errno == errno.ENOSPC
        assert not list(disk.rglob("*.tmp"))  # no half-written copy left behind


def test_a_disk_filling_up_before_publish_is_a_clear_error_and_publishing_later_succeeds(inbox, tmp_path):
    with tmpfs(tmp_path / "disk", "size=16m") as disk:
        settings = Settings(inbox=inbox, warehouse=disk / "newsfacts.duckdb")
        known = stages.begin_run(settings, "run-1")
        staged = stages.stage(settings, "run-1", known)
        [chunk] = stages.plan_chunks(staged, settings.publish_every)
        batch = stages.assemble("run-1", chunk, stages.parse_batch(chunk.files), None, [])
        files = stages.load(settings, "run-1", batch)
        before = _contents(settings.warehouse)
        filler = _fill(disk)
        with pytest.raises(WarehouseError, match="No space left on device"):
            publish(settings.warehouse, "run-1", files, auditors(settings))
        filler.unlink()
        assert _contents(settings.warehouse) == before
        assert publish(settings.warehouse, "run-1", files, auditors(settings)).published
        assert len(_contents(settings.warehouse)["documents"]) == 5


def test_a_full_disk_when_writing_the_batch_is_a_clear_error(inbox, tmp_path):
    with tmpfs(tmp_path / "disk", "size=16m") as disk:
        settings = Settings(inbox=inbox, warehouse=disk / "newsfacts.duckdb")
        staged = stages.stage(settings, "run-1", Known())
        [chunk] = stages.plan_chunks(staged, settings.publish_every)
        batch = stages.assemble("run-1", chunk, stages.parse_batch(chunk.files), None, [])
        _fill(disk)
        with pytest.raises(WarehouseError, match="cannot write the run's batch in .*No space left on device"):
            stages.load(settings, "run-1", batch)


def test_a_read_only_warehouse_folder_is_a_clear_error_before_anything_is_staged(inbox, tmp_path):
    with tmpfs(tmp_path / "ro", "ro,size=1m") as disk:
        settings = Settings(inbox=inbox, warehouse=disk / "newsfacts.duckdb")
        with pytest.raises(WarehouseError, match="Read-only file system"):
            stages.begin_run(settings, "run-1")
