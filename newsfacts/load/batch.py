"""A run's output before it is published: rows per table, written as Parquet in the run's folder."""

from __future__ import annotations

import errno
import json
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.warehouse.db import WarehouseError
from newsfacts.warehouse.tables import BATCH_TABLES

# Columns stored as JSON text in the warehouse.
_JSON_COLUMNS = {"evidence", "unexpected_examples"}


@dataclass
class Batch:
    """Everything one run adds or changes, table by table (rows are records or dicts)."""

    tables: dict[str, list] = field(default_factory=lambda: {name: [] for name in BATCH_TABLES})

    def add(self, table: str, rows) -> None:
        self.tables[table].extend(rows)

    def count(self, table: str) -> int:
        return len(self.tables[table])


def _row(record) -> dict:
    row = asdict(record) if is_dataclass(record) else dict(record)
    for key in _JSON_COLUMNS & row.keys():
        row[key] = json.dumps(row[key], ensure_ascii=False, default=str)
    return row


def _table(rows: list[dict]) -> pa.Table:
    """Rows -> Arrow, typing unsigned 64-bit columns (hash buckets) that plain inference would overflow."""
    columns = {}
    for key in rows[0]:
        values = [r[key] for r in rows]
        big = any(isinstance(v, int) and not isinstance(v, bool) and v > 2**63 - 1 for v in values)
        columns[key] = pa.array(values, type=pa.uint64()) if big else pa.array(values)
    return pa.table(columns)


def write_batch(batch: Batch, folder: Path) -> dict[str, Path]:
    """Write each non-empty table to <folder>/<table>.parquet; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in batch.tables.items():
        if not rows:
            continue
        path = folder / f"{name}.parquet"
        try:
            pq.write_table(_table([_row(r) for r in rows]), path)
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
                raise
            path.unlink(missing_ok=True)
            raise WarehouseError(f"cannot write the run's batch in {folder}: {exc.strerror}; "
                                 f"free space (or make it writable) and run again") from exc
        written[name] = path
    return written
