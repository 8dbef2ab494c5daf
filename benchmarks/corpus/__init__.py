"""Benchmark corpus generator: N realistic raw news files (text, HTML, transcripts) with their ground truth.

truth = generate(10_000, Path("bench/inbox"), seed=0)   # files in bench/inbox, truth in bench/inbox.truth.json
"""

import hashlib
import shutil
from pathlib import Path

from benchmarks.corpus.overlap import overlap, shingle_jaccard
from benchmarks.corpus.plan import DEFAULT_MIX, FORMATS, ROLES
from benchmarks.corpus.writer import (
    GroundTruth,
    documents,
    generate,
    load_truth,
    truth_path,
)

__all__ = [
    "DEFAULT_MIX",
    "FORMATS",
    "ROLES",
    "GroundTruth",
    "documents",
    "cached_inbox",
    "generate",
    "load_truth",
    "overlap",
    "shingle_jaccard",
    "truth_path",
    "version",
]


def version() -> str:
    """Hash of the generator's code and data: caches keyed by it never serve a corpus an older generator made."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*here.glob("*.py"), *(here.parent / "corpus_data").glob("*")]):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


CACHE = Path(__file__).resolve().parents[1] / ".cache"


def cached_inbox(n: int, seed: int = 0) -> Path:
    """A generated inbox of n files, made once per (n, seed, generator version) under benchmarks/.cache and reused."""
    folder = CACHE / f"corpus-{n}-{seed}-{version()}" / "inbox"
    if not folder.is_dir():
        shutil.rmtree(folder.parent, ignore_errors=True)
        generate(n, folder, seed=seed)
    return folder
