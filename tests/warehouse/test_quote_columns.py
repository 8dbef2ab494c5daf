"""A warehouse created before quotes had speaker evidence columns gains them, keeping its rows."""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.warehouse.db import ensure_schema

pytestmark = pytest.mark.unit

OLD_QUOTES = """
CREATE TABLE quotes (
    quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, speaker_entity_id VARCHAR,
    speaker VARCHAR, speaker_role VARCHAR, speaker_reason VARCHAR, text VARCHAR NOT NULL, cue VARCHAR,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, sentence_no INTEGER
)
"""


def test_an_older_quotes_table_gains_the_speaker_evidence_columns_and_keeps_its_rows():
    con = duckdb.connect()
    con.execute(OLD_QUOTES)
    con.execute("INSERT INTO quotes VALUES ('q1', 'd1', 'direct', null, 'Peskov', null, null, 'words', 'said', 0, 5, 0)")
    ensure_schema(con)
    ensure_schema(con)  # idempotent
    columns = [r[0] for r in con.execute("select column_name from duckdb_columns() where table_name = 'quotes'").fetchall()]
    assert columns[-6:] == ["speaker_basis", "speaker_start", "speaker_end", "speaker_sentence_no",
                            "speaker_name_start", "speaker_name_end"]
    assert con.execute("select speaker, speaker_basis from quotes").fetchall() == [("Peskov", None)]
