"""The model runner: dependency order from parsed SQL, clear errors, comments, and no transaction of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.config import SQL_DIR
from newsfacts.transform.models import ModelError, build_models, discover

from .planted import plant, rows, schema_connection

pytestmark = pytest.mark.unit

PUBLIC_MODELS = [
    "attribution_conflicts", "entity_cooccurrence", "entity_summary", "outlet_coverage",
    "quote_ledger", "story_clusters", "timeline",
]


def _write(folder: Path, name: str, sql: str) -> None:
    (folder / f"{name}.sql").write_text(sql, encoding="utf-8")


def test_every_model_the_issue_names_is_built(con):
    built = {r["name"] for r in rows(con, "select table_name as name from duckdb_tables() "
                                          "union all select view_name from duckdb_views() where not internal")}
    assert set(PUBLIC_MODELS) <= built


def test_a_model_whose_header_says_view_is_built_as_a_view(con):
    assert rows(con, "select view_name, comment is not null as described from duckdb_views() "
                     "where view_name = 'timeline'") == [{"view_name": "timeline", "described": True}]


def test_models_are_ordered_by_what_they_read_not_by_file_name(tmp_path):
    _write(tmp_path, "a_summary", "-- Sums.\nselect sum(n) as total from z_base")
    _write(tmp_path, "z_base", "-- Base.\nwith final as (select 1 as n) select * from final")
    assert [m.name for m in discover(tmp_path)] == ["z_base", "a_summary"]


def test_every_model_is_built_after_the_models_it_reads():
    order = [m.name for m in discover(SQL_DIR)]
    for position, model in enumerate(discover(SQL_DIR)):
        for reference in model.references:
            if reference in order:
                assert order.index(reference) < position, f"{model.name} is built before {reference}"


def test_a_cycle_is_an_error_naming_the_files(tmp_path):
    _write(tmp_path, "first", "-- One.\nselect * from second")
    _write(tmp_path, "second", "-- Two.\nselect * from first")
    with pytest.raises(ModelError, match=r"cycle: .*(first\.sql -> second\.sql|second\.sql -> first\.sql)"):
        discover(tmp_path)


def test_a_reference_to_an_unknown_table_names_the_file(tmp_path):
    _write(tmp_path, "broken", "-- Broken.\nwith staged as (select * from documentz) select * from staged")
    with pytest.raises(ModelError, match=r"broken\.sql: references unknown table\(s\) documentz"):
        build_models(schema_connection(), tmp_path)


def test_ctes_and_table_functions_are_not_taken_for_tables(tmp_path):
    _write(tmp_path, "numbers", "-- Numbers.\nwith documents as (select 1 as n) "
                                "select n, r.range from documents, range(3) as r")
    assert discover(tmp_path)[0].references == frozenset()


@pytest.mark.parametrize("name", ["Story-Clusters", "1st", "drop table x"])
def test_a_model_file_name_must_be_a_plain_identifier(tmp_path, name):
    _write(tmp_path, name, "-- Bad name.\nselect 1 as n")
    with pytest.raises(ModelError, match="lower-case identifiers"):
        discover(tmp_path)


def test_a_model_may_not_replace_a_warehouse_table(tmp_path):
    _write(tmp_path, "runs", "-- Shadow.\nselect 1 as run_id")
    with pytest.raises(ModelError, match="may not replace the warehouse table 'runs'"):
        discover(tmp_path)


def test_a_model_must_say_what_one_row_is(tmp_path):
    _write(tmp_path, "quiet", "select 1 as n")
    with pytest.raises(ModelError, match="quiet.sql: start the file with a '-- ' comment"):
        discover(tmp_path)


def test_a_model_file_holds_a_single_select(tmp_path):
    _write(tmp_path, "two", "-- Two statements.\ndelete from documents; select 1 as n")
    with pytest.raises(ModelError, match="exactly one SELECT"):
        discover(tmp_path)


def test_documenting_a_column_the_model_does_not_produce_is_an_error(tmp_path):
    _write(tmp_path, "documented", "-- Documented.\n-- columns:\n--   n: a number\n--   m: gone\nselect 1 as n")
    with pytest.raises(ModelError, match="documented.sql: header documents columns it does not produce: m"):
        build_models(schema_connection(), tmp_path)


def test_every_column_of_every_public_model_is_described(con):
    undocumented = rows(
        con,
        "select table_name, column_name from duckdb_columns() "
        "where table_name in (select unnest(?)) and (comment is null or comment = '')",
        [PUBLIC_MODELS],
    )
    assert undocumented == []


def test_the_header_becomes_the_table_comment(con):
    comment = rows(con, "select comment from duckdb_tables() where table_name = 'story_clusters'")[0]["comment"]
    assert comment == "One row per story cluster: a canonical document with the copies and rewrites of it."


def test_build_reports_each_models_time_and_rows():
    con = schema_connection()
    plant(con)
    timings = {t.name: t for t in build_models(con, SQL_DIR)}
    assert set(timings) == {m.name for m in discover(SQL_DIR)}
    assert timings["story_clusters"].rows == 4
    assert all(t.seconds >= 0 for t in timings.values())


def test_building_inside_the_callers_transaction_leaves_commit_to_the_caller():
    con = schema_connection()
    plant(con)
    con.execute("BEGIN TRANSACTION")
    build_models(con, SQL_DIR)
    assert rows(con, "select count(*) as n from story_clusters") == [{"n": 4}]
    con.execute("ROLLBACK")  # would fail had the runner committed or rolled back on its own
    assert rows(con, "select count(*) as n from duckdb_tables() where table_name = 'story_clusters'") == [{"n": 0}]


def test_rebuilding_replaces_the_models_with_current_rows(fresh_con):
    fresh_con.execute("delete from documents where doc_id = 'd004'")
    build_models(fresh_con, SQL_DIR)
    assert rows(fresh_con, "select members from story_clusters where cluster_id = 'd001'") == [{"members": ["d001"]}]


def test_a_refresh_line_that_says_neither_full_view_nor_incremental_is_an_error(tmp_path):
    _write(tmp_path, "vague", "-- Vague.\n-- refresh: sometimes\nselect 1 as n")
    with pytest.raises(ModelError, match="vague.sql: say '-- refresh: incremental by <key>"):
        discover(tmp_path)


def test_an_incremental_model_must_say_which_keys_a_run_touched(tmp_path):
    _write(tmp_path, "keyless", "-- Keyless.\n-- refresh: incremental by n\nselect 1 as n")
    with pytest.raises(ModelError, match="keyless.sql: an incremental model sets {% set changed_keys %}"):
        discover(tmp_path)


def test_the_refresh_line_and_its_reason_stay_out_of_the_description(tmp_path):
    _write(tmp_path, "counted", "-- Counts.\n-- refresh: full (it counts everything,\n-- so it is rebuilt)\n"
                                "select 1 as n")
    (model,) = discover(tmp_path)
    assert (model.description, model.refresh) == ("Counts.", "full")


def test_a_model_that_became_a_view_replaces_the_table_it_was(tmp_path):
    con = schema_connection()
    plant(con)
    _write(tmp_path, "dated", "-- Dated.\n-- refresh: full\nselect doc_id from documents")
    build_models(con, tmp_path)
    _write(tmp_path, "dated", "-- Dated.\n-- refresh: view\nselect doc_id from documents")
    build_models(con, tmp_path)
    assert rows(con, "select count(*) as n from duckdb_views() where view_name = 'dated'") == [{"n": 1}]
    _write(tmp_path, "dated", "-- Dated.\n-- refresh: full\nselect doc_id from documents")
    build_models(con, tmp_path)
    assert rows(con, "select count(*) as n from dated") == [{"n": 5}]
