"""Validating a table in chunks gives exactly the results of GX on the whole table at once."""

from dataclasses import replace

import pytest

from newsfacts.config import EXPECTATIONS_DIR
from newsfacts.quality.gx_runner import GxRunner, to_result, validate_table
from newsfacts.quality.suite import load_suites
from planted import RUN_ID

pytestmark = pytest.mark.integration

# Three chunks of 2048 rows (chunk_vectors=1) and a bit, with violations planted in each and across them.
ROWS = 6500


def plant_mentions(con) -> None:
    con.execute("""
        INSERT INTO batch.mentions
        SELECT 'doc' || (i % 7), CASE WHEN i % 1999 = 5 THEN NULL ELSE 'e' || (i % 11) END, 'Kim',
               CASE WHEN i % 2500 = 3 THEN -1 ELSE i * 10 END,
               i * 10 + 3, CASE WHEN i = 6400 THEN -2 ELSE i % 30 END
        FROM range(?) t(i)""", [ROWS])
    # Keys repeated inside the second chunk (rows 4000 and 4001, 3000 and 3500) and in the first and the last
    # (rows 2 and 6490), which no chunk alone can see.
    con.execute("UPDATE batch.mentions SET doc_id = 'doc0', entity_id = 'e0', start_char = 17"
                " WHERE start_char IN (40000, 40010)")
    con.execute("UPDATE batch.mentions SET doc_id = 'doc2', entity_id = 'e2', start_char = 20 WHERE start_char = 64900")
    con.execute("UPDATE batch.mentions SET doc_id = 'doc4', entity_id = 'e8', start_char = 30000"
                " WHERE start_char = 35000")


def plant_quotes(con) -> None:
    con.execute("""
        INSERT INTO batch.quotes (quote_id, doc_id, kind, text, start_char, end_char, sentence_no)
        SELECT CASE WHEN i IN (10, 6000) THEN 'q-repeated' WHEN i = 3000 THEN NULL ELSE 'q' || i END,
               'doc' || (i % 7), CASE WHEN i % 2100 = 7 THEN 'reported' ELSE 'direct' END,
               CASE WHEN i = 4100 THEN NULL ELSE 'said ' || i END, i, i + 5, 0
        FROM range(?) t(i)""", [ROWS])


def whole_table_in_gx(con, suite) -> list:
    frame = con.execute(f"SELECT * FROM batch.{suite.table}").df()
    gx_results = GxRunner(None).results(suite.table, suite.expectations, frame)
    return [to_result(RUN_ID, suite.table, r, None) for r in gx_results]


def comparable(results) -> list:
    return [replace(r, checked_at=None) for r in results]


@pytest.mark.parametrize("table, plant", [("mentions", plant_mentions), ("quotes", plant_quotes)])
def test_chunked_validation_gives_the_same_results_as_the_whole_table_in_gx(con, table, plant):
    plant(con)
    suite = load_suites(EXPECTATIONS_DIR, [table])[table]
    chunked = validate_table(con, GxRunner(None), RUN_ID, suite, "batch", chunk_vectors=1)
    assert comparable(chunked) == comparable(whole_table_in_gx(con, suite))
    failed = [r for r in chunked if not r.success]
    assert len(failed) == 4
    assert all(r.unexpected_examples for r in failed)


def test_a_key_repeated_only_across_chunks_is_caught(con):
    plant_mentions(con)
    suite = load_suites(EXPECTATIONS_DIR, ["mentions"])["mentions"]
    results = validate_table(con, GxRunner(None), RUN_ID, suite, "batch", chunk_vectors=1)
    (unique,) = [r for r in results if r.expectation.startswith("expect_compound_columns_to_be_unique")]
    assert unique.unexpected_examples[0] == {"doc_id": "doc2", "entity_id": "e2", "start_char": 20}
    assert unique.observed_value == "6 unexpected of 6500 rows"
