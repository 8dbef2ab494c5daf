"""The one place settings live: CLI flags and flow parameters override these defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# An installed wheel carries sql/, expectations/ and the sample inbox inside the package (pyproject's force-include);
# a checkout (or an editable install) reads them where they are edited, at the top of the checkout.
_BUNDLED = Path(__file__).resolve().parent / "_bundled"
_RESOURCES = _BUNDLED if _BUNDLED.is_dir() else PROJECT_ROOT
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and not _BUNDLED.is_dir()
SAMPLE_INBOX = _RESOURCES / "samples" / "inbox"
SQL_DIR = _RESOURCES / "sql"
EXPECTATIONS_DIR = _RESOURCES / "expectations"

# Development data (real article pages with gold bodies) lives beside the project, in shared/data/.
SHARED_DATA = Path(os.environ.get("NEWSFACTS_SHARED_DATA") or PROJECT_ROOT.parent / "shared" / "data")
SCRAPINGHUB_DATA = SHARED_DATA / "scrapinghub-article-extraction"

# DuckDB's memory cap per connection. Left at DuckDB's default (80% of RAM), its buffer pool kept every block a
# publish read, so a run's peak memory grew with the warehouse (1.0 GB for a 94-document publish onto 10k
# documents; 400 MB cap: 0.73 GB). What it spills goes to a folder beside the warehouse. Every model builds in full
# on the 10k warehouse under 400 MB (5.6 s, peak 553 MB); raise NEWSFACTS_DUCKDB_MEMORY_LIMIT (e.g. 4GB) if a
# much larger warehouse reports that DuckDB ran out of memory. The price: a 2,000-file chunk onto 10k documents
# spends ~7 s more in audit, models and publish (blocks re-read) for 440 MB less (benchmarks/README.md).
# (Before attribution_conflicts capped its speakers and int_quote_groups stopped listing every reachable pair,
# some builds needed more than 4 GB.)
DUCKDB_MEMORY_LIMIT = os.environ.get("NEWSFACTS_DUCKDB_MEMORY_LIMIT") or "512MB"


def out_of_memory_hint() -> str:
    return (f"DuckDB ran out of memory under its cap of {DUCKDB_MEMORY_LIMIT}: set NEWSFACTS_DUCKDB_MEMORY_LIMIT "
            "higher (e.g. 4GB) and try again")


def duckdb_config() -> dict:
    """Connection options for the warehouse file (the same for every connection one process opens to it)."""
    return {"memory_limit": DUCKDB_MEMORY_LIMIT}


WAREHOUSE_ENV = "NEWSFACTS_WAREHOUSE"
DASK_ADDRESS_ENV = "NEWSFACTS_DASK_ADDRESS"


def default_warehouse() -> Path:
    """The warehouse path: $NEWSFACTS_WAREHOUSE if set, else warehouse/newsfacts.duckdb in the checkout (or, for an
    installed package, in the current folder)."""
    if os.environ.get(WAREHOUSE_ENV):
        return Path(os.environ[WAREHOUSE_ENV])
    return (PROJECT_ROOT if IN_CHECKOUT else Path.cwd()) / "warehouse" / "newsfacts.duckdb"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know; built once at the entry point and passed down."""

    inbox: Path = SAMPLE_INBOX
    warehouse: Path = field(default_factory=default_warehouse)
    # Files above this size are rejected at staging without being read into memory.
    max_file_bytes: int = 50 * 1024 * 1024
    # Documents per batch handed to one task (parse, extract) at most: fewer when a chunk would otherwise give a
    # worker of the pool fewer than two batches (run.stages.batch_size).
    batch_size: int = 500
    # New files per publish: a run parses, dedupes, extracts and publishes them together, then lets go of them,
    # so a run's peak memory is bounded by this, not by how many files arrived.
    publish_every: int = 2000
    # Seconds to keep retrying while readers hold the warehouse file open.
    publish_wait_seconds: float = 120.0
    # Seconds a run waits for another run's lock before giving up.
    lock_wait_seconds: float = 0.0
    # Worker processes for parsing and the NLP (1 = in-process; small chunks always run in-process), or the
    # workers of the Dask LocalCluster that dask_address "local" starts.
    nlp_workers: int = field(default_factory=lambda: min(4, os.cpu_count() or 1))
    # A Dask scheduler (tcp://host:8786) whose workers parse and extract, or "local" for a LocalCluster here.
    dask_address: str | None = field(default_factory=lambda: os.environ.get(DASK_ADDRESS_ENV) or None)
    # Seconds to reach the Dask scheduler, and for a first worker to join it, before the run fails saying so.
    dask_timeout: float = 10.0

    @property
    def home(self) -> Path:
        """The folder that holds the warehouse file and everything generated beside it."""
        return self.warehouse.resolve().parent

    @property
    def raw_store(self) -> Path:
        return self.home / "raw"

    @property
    def runs_dir(self) -> Path:
        return self.home / "runs"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"

    @property
    def lock_path(self) -> Path:
        return self.warehouse.with_name(self.warehouse.name + ".lock")

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
