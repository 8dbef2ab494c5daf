"""An inbox is a local folder (stage/files.py) or an fsspec URL (stage/remote.py, `config.inbox_location`): the
CLI and the run check and stage it through here, whichever it is, and get the same rows either way."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from newsfacts.config import is_url
from newsfacts.records import Known
from newsfacts.stage import files
from newsfacts.stage.files import StageResult


def check_inbox(inbox: Path | str) -> None:
    """Fail with a clear message unless the inbox is an existing folder (or prefix) that can be read from here."""
    if is_url(inbox):
        from newsfacts.stage.remote import check_url

        check_url(inbox)
    else:
        files.check_inbox(inbox)


def stage_inbox(inbox: Path | str, raw_store: Path, run_id: str, known: Known, max_bytes: int,
                progress: Callable[[int], None] | None = None) -> StageResult:
    """Hash and store every new file of the inbox, accounting for each (stage/files.py says how)."""
    if is_url(inbox):
        from newsfacts.stage.remote import stage_url

        return stage_url(inbox, raw_store, run_id, known, max_bytes, progress)
    return files.stage_files(inbox, raw_store, run_id, known, max_bytes, progress)
