"""What dedupe needs of a new document that depends on that document alone (its verifier profile, LSH band rows and
vocabulary), computed where documents are parsed: the worker processes share it, and the one process that must see
the whole warehouse (dedupe's lookup and verification) only rebuilds the profiles from their rows, a tenth of the
cost of profiling (benchmarks/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain

import pyarrow as pa

from newsfacts.dedupe import profiles as stored_profiles
from newsfacts.dedupe import vocabulary
from newsfacts.dedupe.signatures import band_rows
from newsfacts.dedupe.text import Profile
from newsfacts.records import Document


@dataclass
class Prepared:
    """Profiles as dedupe_profiles rows (Arrow: compact to send between processes; terms as strings, since term
    ids are per process), band rows and stems of some documents."""

    profiles: pa.Table = field(default_factory=lambda: stored_profiles.table([]))
    bands: list[dict] = field(default_factory=list)
    stems: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, docs: list[Document]) -> "Prepared":
        profiles = {d.doc_id: Profile.of(d.body) for d in docs}
        return cls(stored_profiles.table([p.row(doc_id) for doc_id, p in profiles.items()]),
                   list(chain.from_iterable(band_rows(doc_id, p) for doc_id, p in profiles.items())),
                   {doc_id: vocabulary.stems_of(p) for doc_id, p in profiles.items()})

    @classmethod
    def merge(cls, parts: list["Prepared"]) -> "Prepared":
        return cls(pa.concat_tables([p.profiles for p in parts]) if parts else stored_profiles.table([]),
                   [row for p in parts for row in p.bands], {k: v for p in parts for k, v in p.stems.items()})

    def covers(self, docs: list[Document]) -> bool:
        return all(d.doc_id in self.stems for d in docs)

    def profiles_of(self, docs: list[Document]) -> dict[str, Profile]:
        """The documents' profiles, rebuilt in this process (with its term ids) from the rows."""
        return stored_profiles.load(self.profiles, {d.doc_id: d.body for d in docs})
