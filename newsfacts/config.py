"""The one place settings live: CLI flags and flow parameters override these defaults."""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsfacts.warehouse.lock import lock_file

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# An installed wheel carries sql/, expectations/ and the sample inbox inside the package (pyproject's force-include);
# a checkout (or an editable install) reads them where they are edited, at the top of the checkout.
_BUNDLED = Path(__file__).resolve().parent / "_bundled"
_RESOURCES = _BUNDLED if _BUNDLED.is_dir() else PROJECT_ROOT
IN_CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file() and not _BUNDLED.is_dir()
SAMPLE_INBOX = _RESOURCES / "samples" / "inbox"
SQL_DIR = _RESOURCES / "sql"
EXPECTATIONS_DIR = _RESOURCES / "expectations"

# Development data (real article pages with gold bodies) lives beside the project, in shared/data/. Read by tests
# and benchmarks only, never by a run: a fact about the development machine, not a setting, so it stays a constant.
SHARED_DATA = Path(os.environ.get("NEWSFACTS_SHARED_DATA") or PROJECT_ROOT.parent / "shared" / "data")
SCRAPINGHUB_DATA = SHARED_DATA / "scrapinghub-article-extraction"

# The environment variables Settings.from_env reads (the entry points call it once; nothing else reads them).
INBOX_ENV = "NEWSFACTS_INBOX"
WAREHOUSE_ENV = "NEWSFACTS_WAREHOUSE"
MEMORY_LIMIT_ENV = "NEWSFACTS_DUCKDB_MEMORY_LIMIT"
DASK_ADDRESS_ENV = "NEWSFACTS_DASK_ADDRESS"

# DuckDB's memory cap per connection. Left at DuckDB's default (80% of RAM), its buffer pool kept every block a
# publish read, so a run's peak memory grew with the warehouse (1.0 GB for a 94-document publish onto 10k
# documents; 400 MB cap: 0.73 GB). What it spills goes to a folder beside the warehouse. Every model builds in full
# on the 10k warehouse under 400 MB (5.6 s, peak 553 MB); raise NEWSFACTS_DUCKDB_MEMORY_LIMIT (e.g. 4GB) if a
# much larger warehouse reports that DuckDB ran out of memory. The price: a 2,000-file chunk onto 10k documents
# spends ~7 s more in audit, models and publish (blocks re-read) for 440 MB less (benchmarks/README.md).
# (Before attribution_conflicts capped its speakers and int_quote_groups stopped listing every reachable pair,
# some builds needed more than 4 GB.)
DEFAULT_DUCKDB_MEMORY_LIMIT = "512MB"
# DuckDB's threads per connection of a run (the pipeline's own reads and writes; an analyst's `newsfacts sql` keeps
# DuckDB's default). Each thread holds its own share of a query's hash tables, sort runs and allocator caches: on
# a 2,000-document warehouse a full build of the models and the search index peaked 60-90 MB lower on one thread
# than on two, and took no longer (1.8-1.9 s against 2.7-3.0 s), since the NLP workers keep the other cores busy
# while the flow's process publishes (benchmarks/README.md, memory).
DUCKDB_THREADS = 1



# "<protocol>://" or a chained fsspec URL ("simplecache::s3://..."): anything else is a local path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://|::")
_LOCAL_PROTOCOLS = ("file://", "local://")


def inbox_location(value: str | Path) -> Path | str:
    """Where an inbox is: a local folder as a Path, or an fsspec URL (s3://, gs://, memory://, any registered
    protocol) kept as text, which a Path would mangle ("s3://b" -> "s3:/b"). A file:// or local:// URL names a
    local folder (percent-escapes decoded), and is staged as one (stage/files.py: links never followed, a file
    changing while read caught)."""
    if isinstance(value, Path) or not _URL.search(value):
        return Path(value)
    if value.lower().startswith(_LOCAL_PROTOCOLS) and "::" not in value:
        return Path(urllib.parse.unquote(value.split("://", 1)[1]))  # file:///a%20b is the folder "/a b"
    return value


def is_url(inbox: Path | str) -> bool:
    """An inbox that stage/remote.py reads through fsspec (Settings.inbox holds a URL as text, a folder as a Path)."""
    return isinstance(inbox, str)


def default_warehouse() -> Path:
    """The warehouse when neither --warehouse nor $NEWSFACTS_WAREHOUSE says: warehouse/newsfacts.duckdb in the
    checkout (or, for an installed package, in the current folder)."""
    return (PROJECT_ROOT if IN_CHECKOUT else Path.cwd()) / "warehouse" / "newsfacts.duckdb"


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know; built once at the entry point (from_env, then the flags) and passed down.

    `Settings()` is the defaults alone, with nothing read from the environment (what tests and benchmarks build).
    """

    # A local folder, or an fsspec URL (inbox_location): given as text, either is read into its right form.
    inbox: Path | str = SAMPLE_INBOX
    warehouse: Path = field(default_factory=default_warehouse)
    # Files above this size are rejected at staging without being read into memory.
    max_file_bytes: int = 50 * 1024 * 1024
    # Documents per batch handed to one task (parse, extract) at most: fewer when a chunk would otherwise give a
    # worker of the pool fewer than two batches (run.stages.batch_size).
    batch_size: int = 500
    # New files per publish: a run parses, dedupes, extracts and publishes them together, then lets go of them,
    # so a run's peak memory is bounded by this, not by how many files arrived. The flow's process holds one
    # chunk's rows, and the publish's audit and model refresh work on its batch: at 2,000 that process peaked at
    # 1.8-2.0 GB on the generated 10k; smaller chunks add a publish each (its audit, models and the warehouse
    # copy), which the NLP workers' reading of the next chunk covers (benchmarks/README.md, memory).
    publish_every: int = 1000
    # ... and at most this many bytes of them. A chunk's rows (documents, segments, facts) stay in the main process
    # until it is published, and the next chunk's arrive meanwhile: 20-30 bytes per character of body (measured on
    # real pages, rewrites and transcripts), so a count of files alone left memory to the documents' sizes (2,000
    # debate transcripts of 150k characters would hold ~9 GB). A file's bytes bound its text's characters (a saved
    # HTML page weighs far more than its body); 1,000 news-length files (~5.6 kB) fit in one chunk with room.
    publish_bytes: int = 12 * 1024 * 1024
    # Seconds a writer waits for a process that opened the warehouse read-write (read-only sessions never delay it).
    publish_wait_seconds: float = 120.0
    # Seconds a run waits for another run's lock before giving up.
    lock_wait_seconds: float = 0.0
    # Worker processes for parsing and the NLP (1 = in-process; small chunks always run in-process), or the
    # workers of the Dask LocalCluster that dask_address "local" starts.
    nlp_workers: int = field(default_factory=lambda: min(4, os.cpu_count() or 1))
    # DuckDB's memory cap per connection to the warehouse ($NEWSFACTS_DUCKDB_MEMORY_LIMIT; see the default's note).
    duckdb_memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT
    # A Dask scheduler (tcp://host:8786) whose workers parse and extract, or "local" for a LocalCluster here
    # ($NEWSFACTS_DASK_ADDRESS).
    dask_address: str | None = None
    # Seconds to reach the Dask scheduler, and for a first worker to join it, before the run fails saying so.
    dask_timeout: float = 10.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "inbox", inbox_location(self.inbox))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **flags) -> "Settings":
        """The entry points' Settings: the defaults, then the environment's NEWSFACTS_* variables (inbox,
        warehouse, DuckDB's memory cap, Dask address), then the flags given (CLI flags or flow parameters; None
        means not given)."""
        environ = os.environ if environ is None else environ
        return cls().with_(
            inbox=environ.get(INBOX_ENV) or None,
            warehouse=Path(environ[WAREHOUSE_ENV]) if environ.get(WAREHOUSE_ENV) else None,
            duckdb_memory_limit=environ.get(MEMORY_LIMIT_ENV) or None,
            dask_address=environ.get(DASK_ADDRESS_ENV) or None,
        ).with_(**flags)

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
        return lock_file(self.warehouse)

    def out_of_memory_hint(self) -> str:
        return (f"DuckDB ran out of memory under its cap of {self.duckdb_memory_limit}: set {MEMORY_LIMIT_ENV} "
                "higher (e.g. 4GB) and try again")

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
