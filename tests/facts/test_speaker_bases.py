"""Every rule that names a speaker is one the contract accepts and the schema describes: a new basis added in the
code alone would fail the quotes expectation on the first warehouse holding one (speakers30 nearly did)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfacts.records import SPEAKER_BASES

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]


def _bases_in_code() -> set[str]:
    pattern = re.compile(r'basis="([a-z_]+)"|found_by\("([a-z_]+)"\)')
    found = set()
    for path in (ROOT / "newsfacts").rglob("*.py"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    return found


def test_every_basis_the_code_sets_is_in_the_contract():
    assert _bases_in_code() <= set(SPEAKER_BASES)


def test_every_basis_is_described_in_the_schema():
    schema = (ROOT / "newsfacts" / "warehouse" / "schema.sql").read_text(encoding="utf-8")
    [comment] = re.findall(r"COMMENT ON COLUMN quotes\.speaker_basis IS '(.*?)';\n", schema, re.S)
    missing = [basis for basis in SPEAKER_BASES if not re.search(rf"\b{basis}\b", comment)]
    assert not missing


def test_the_quotes_expectation_reads_the_same_bases():
    from expectations.quotes import SUITE

    [in_set] = [e for e in SUITE.expectations if getattr(e, "column", None) == "speaker_basis"]
    assert sorted(in_set.value_set) == sorted(SPEAKER_BASES)
