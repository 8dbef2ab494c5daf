"""Ad-hoc SQL and search: read-only, three formats, BM25 over the seeds' real text."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from newsfacts.transform.search_index import build_fts_index
from newsfacts.warehouse.query import QueryError, run_sql, search, search_text, snippet

from .planted import plant, schema_connection

pytestmark = pytest.mark.unit


def test_a_query_prints_a_readable_table(warehouse):
    out = run_sql(warehouse, "select cluster_id, member_count, members from story_clusters order by cluster_id")
    lines = out.splitlines()
    assert lines[0].split(" | ") == ["cluster_id", "member_count", "members"]
    assert set(lines[1]) <= {"-", "+"}
    assert lines[3].startswith("d001") and '["d001", "d004"]' in lines[3]
    assert lines[-1] == "(4 rows)"


def test_long_cells_are_cut_so_each_row_stays_on_one_line(warehouse):
    out = run_sql(warehouse, "select body from documents where doc_id = 'd001'")
    assert len(out.splitlines()) == 4
    assert out.splitlines()[2].endswith("…")


def test_a_limit_says_that_more_rows_exist(warehouse):
    out = run_sql(warehouse, "select doc_id from documents order by doc_id", limit=2)
    assert out.splitlines()[-1] == "(2 rows, more not shown)"


def test_csv_output_round_trips_lists_and_dates(warehouse):
    out = run_sql(warehouse, "select cluster_id, members, first_date from story_clusters order by cluster_id", "csv")
    records = list(csv.DictReader(io.StringIO(out)))
    assert records[1] == {"cluster_id": "d001", "members": '["d001", "d004"]', "first_date": "2023-09-12"}


def test_json_output_keeps_lists_as_lists(warehouse):
    out = json.loads(run_sql(warehouse, "select * from attribution_conflicts order by overlap desc, conflict_id", "json"))
    assert len(out) == 3
    assert out[0]["doc_ids_a"] + out[0]["doc_ids_b"] == ["d003", "d001", "d004"]


def test_values_are_bound_as_parameters(warehouse):
    out = run_sql(warehouse, "select doc_id from documents where outlet = ?", "csv", params=["Reuters"])
    assert out == "doc_id\nd002\n"


@pytest.mark.parametrize(
    "statement",
    ["delete from documents", "drop table runs", "create table scratch as select 1", "update runs set status = 'x'"],
)
def test_statements_that_write_are_refused_and_the_warehouse_is_unchanged(warehouse, statement):
    with pytest.raises(QueryError, match="read-only"):
        run_sql(warehouse, statement)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone() == (5,)


@pytest.mark.parametrize("statement", ["copy documents to '{dir}/out.csv'", "attach '{dir}/other.duckdb' as other"])
def test_queries_cannot_write_or_attach_other_files(warehouse, tmp_path, statement):
    with pytest.raises(QueryError, match="reads the warehouse only"):
        run_sql(warehouse, statement.format(dir=tmp_path))
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()


def test_a_missing_warehouse_is_explained(tmp_path):
    from newsfacts.warehouse.db import WarehouseError

    with pytest.raises(WarehouseError, match="no warehouse at .*run the pipeline first"):
        run_sql(tmp_path / "absent.duckdb", "select 1")


def test_an_unknown_format_is_refused(warehouse):
    with pytest.raises(QueryError, match="unknown format 'xml'"):
        run_sql(warehouse, "select 1", "xml")


def test_search_ranks_the_armored_train_stories_first(warehouse):
    hits = search(warehouse, "armored train")
    assert {h.doc_id for h in hits[:3]} == {"d001", "d003", "d004"}  # the three bodies saying "armored train"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    ap = next(h for h in hits if h.doc_id == "d001")
    assert "armored train" in ap.snippet and ap.outlet == "Associated Press"


def test_search_results_show_which_hits_are_rewrites(warehouse):
    rewrite = next(h for h in search(warehouse, "armored train") if h.doc_id == "d004")
    assert rewrite.duplicate_of == "d001"


def test_search_text_renders_hits_as_json(warehouse):
    hits = json.loads(search_text(warehouse, "Vladivostok economic forum", limit=1, fmt="json"))
    assert len(hits) == 1 and set(hits[0]) >= {"doc_id", "score", "snippet"}


def test_match_bm25_works_in_sql_for_analysts(warehouse):
    out = run_sql(
        warehouse,
        "select doc_id from (select *, fts_main_documents.match_bm25(doc_id, 'Khasan station') as score "
        "from documents) where score is not null order by score desc, doc_id",
        "csv",
    )
    assert out.splitlines()[1:] == ["d001", "d002"]


def test_search_without_an_index_says_when_it_is_built(tmp_path):
    path = tmp_path / "bare.duckdb"
    schema_connection(path).close()
    with pytest.raises(QueryError, match="no full-text index yet"):
        search(path, "train")


def test_the_index_built_inside_a_transaction_rolls_back_with_it(tmp_path):
    con = schema_connection(tmp_path / "w.duckdb")
    plant(con)
    con.execute("BEGIN TRANSACTION")
    build_fts_index(con)
    con.execute("ROLLBACK")
    assert con.execute("select count(*) from duckdb_schemas() where schema_name = 'fts_main_documents'").fetchone() == (0,)


def test_the_index_follows_documents_only_when_rebuilt(tmp_path):
    path = tmp_path / "w.duckdb"
    con = schema_connection(path)
    plant(con)
    build_fts_index(con)
    con.execute("update documents set body = 'zeppelin' where doc_id = 'd002'")
    build_fts_index(con)
    con.close()
    assert [h.doc_id for h in search(path, "zeppelin")] == ["d002"]


def test_a_snippet_centres_on_the_query_phrase():
    body = "Intro words. " * 30 + "Kim rode an armored train to the border."
    assert snippet(body, "armored train").startswith("…") and "armored train" in snippet(body, "armored train")


def test_the_index_rebuilt_inside_a_publish_transaction_commits_with_the_new_rows(tmp_path):
    path = tmp_path / "w.duckdb"
    con = schema_connection(path)
    plant(con)
    build_fts_index(con)
    con.execute("BEGIN TRANSACTION")
    con.execute("delete from documents where doc_id = 'd004'")
    con.execute("update documents set body = body || ' zeppelin' where doc_id = 'd002'")
    build_fts_index(con)
    con.execute("COMMIT")
    con.close()
    assert [h.doc_id for h in search(path, "zeppelin")] == ["d002"]
    assert "d004" not in {h.doc_id for h in search(path, "armored train")}


def test_search_scores_are_the_indexs_own_match_bm25_scores(warehouse):
    text = "Kim Putin armored train Vostochny"
    hits = search(warehouse, text, limit=5)
    out = run_sql(
        warehouse,
        "select doc_id, round(score, 9) as score from (select doc_id, fts_main_documents.match_bm25(doc_id, ?) "
        "as score from documents) where score is not null order by score desc, doc_id limit 5",
        "csv", params=[text],
    )
    assert [f"{h.doc_id},{round(h.score, 9)}" for h in hits] == out.splitlines()[1:]
    assert len(hits) == 5
