"""Incremental refresh equals a full rebuild: the seeds and a generated corpus published run after run."""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from typing import Callable

import duckdb
import pytest

from newsfacts.config import SQL_DIR
from newsfacts.quality import audit_models
from newsfacts.quality.results import Audit
from newsfacts.transform.models import FULL, INCREMENTAL, build_models, discover, refresh, refresh_models
from newsfacts.transform.search_index import build_fts_index, refresh_search_index
from newsfacts.warehouse.publish import Auditors, apply_batch, load_batch_schema, publish
from newsfacts.warehouse.query import search


from .generated import plant_batch
from .planted import plant, rows, schema_connection

pytestmark = pytest.mark.integration

QUERIES = ["armored train", "Kim Putin Vostochny", "word7 entity", "sanctions"]
# Generated runs: few entities and utterances, so names, quotes and clusters collide across runs.
ENTITIES, POOL = 30, 40


# A copy arriving before its original is published as an original: dedupe has nothing to link it to yet.
_AS_ORIGINAL = ("* REPLACE (CASE WHEN doc_id IN ({ids}) THEN NULL ELSE duplicate_of END AS duplicate_of, "
                "CASE WHEN doc_id IN ({ids}) THEN NULL ELSE duplicate_level END AS duplicate_level, "
                "CASE WHEN doc_id IN ({ids}) THEN doc_id ELSE cluster_id END AS cluster_id)")


def _seed_documents(doc_ids: list[str], originals: list[str]) -> str:
    columns = _AS_ORIGINAL.format(ids=", ".join(repr(d) for d in originals)) if originals else "*"
    return f"SELECT {columns} FROM seed.documents WHERE doc_id IN ({', '.join(repr(d) for d in doc_ids)})"


def _seed_run(doc_ids: list[str], entity_ids: list[str] | None = None, updates: list[tuple] = (),
              originals: list[str] = ()) -> Callable:
    """A run carrying some of the planted seed documents (all their facts) and some of the planted entities."""
    def fill(con):
        con.execute(f"INSERT INTO batch.documents {_seed_documents(doc_ids, list(originals))}")
        for table in ("mentions", "quotes", "events"):
            con.execute(f"INSERT INTO batch.{table} SELECT * FROM seed.{table} WHERE doc_id IN (SELECT unnest(?))",
                        [doc_ids])
        for table in ("entities", "entity_aliases"):
            con.execute(f"INSERT INTO batch.{table} SELECT * FROM seed.{table} "
                        "WHERE ? IS NULL OR entity_id IN (SELECT unnest(?))", [entity_ids, entity_ids])
        for update in updates:
            con.execute("INSERT INTO batch.document_updates VALUES (?, ?, ?, ?)", list(update))
    return fill


def _generated_run(start: int, stop: int, relabel: dict[int, int] | None = None,
                   entities: list[tuple[str, str, str]] = ()) -> Callable:
    def fill(con):
        plant_batch(con, "batch", start, stop, entities=ENTITIES, pool=POOL, run_id=f"gen{start}", relabel=relabel)
        for entity_id, alias, kind in entities:  # a new entity going by a name already in use
            con.execute("INSERT INTO batch.entities VALUES (?, ?, ?)", [entity_id, alias, kind])
            con.execute("INSERT INTO batch.entity_aliases VALUES (?, ?)", [entity_id, alias])
    return fill


RUNS = [
    # The rewrite (d004) arrives first, as an original, with a speaker 'Wood' it resolves by alias.
    _seed_run(["d000", "d002", "d004"], ["person:kim_jong_un", "person:vladimir_putin", "person:robert_wood",
                                         "person:dmitry_peskov", "gpe:russia", "person:sergei_shoigu"],
              originals=["d004"]),
    # Its original arrives: d004 is relabelled a rewrite of d001 (document_updates).
    _seed_run(["d001", "d003"], None, [("d004", "d001", "rewrite", "d001")]),
    _generated_run(0, 50),
    # An original of an earlier cluster (d8, with its rewrite d9) arrives after its copies.
    _generated_run(50, 70, relabel={50: 8, 51: 38}),
    # New entities: 'Wood' becomes ambiguous, 'Matthew Miller' becomes known, 'Entity 3' gets a namesake.
    _generated_run(70, 85, entities=[("person:ed_wood", "Wood", "PERSON"),
                                     ("person:matthew_miller", "Matthew Miller", "PERSON"),
                                     ("org:entity_3", "Entity 3", "ORG")]),
    # A seed document published again under its doc_id: its earlier facts are replaced.
    _seed_run(["d002"], []),
    _generated_run(85, 100, relabel={85: 58}),
]


def _publish(con: duckdb.DuckDBPyConnection, fill: Callable, refresh: Callable) -> list:
    """What publish() does inside its transaction, with the batch filled by fill() instead of Parquet files."""
    con.execute("DROP SCHEMA IF EXISTS batch CASCADE")
    con.execute("BEGIN TRANSACTION")
    load_batch_schema(con, "batch", {})
    fill(con)
    apply_batch(con, "batch")
    timings = refresh(con)
    con.execute("COMMIT")
    con.execute("DROP SCHEMA batch CASCADE")
    return timings


def _incremental(con, sql_dir: Path = SQL_DIR):
    timings = refresh_models(con, sql_dir)
    refresh_search_index(con)
    return timings


def _full(con, sql_dir: Path = SQL_DIR):
    timings = build_models(con, sql_dir)
    build_fts_index(con)
    return timings


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = schema_connection()
    load_batch_schema(con, "seed", {})
    con.execute("SET schema = 'seed'")  # plant() writes to unqualified tables
    plant(con)
    con.execute("SET schema = 'main'")
    return con


def _model_rows(con, name: str) -> list[str]:
    return sorted(repr(r) for r in con.execute(f"SELECT * FROM main.{name}").fetchall())


def _scores(con, text: str) -> list[tuple]:
    return con.execute(
        "SELECT doc_id, round(fts_main_documents.match_bm25(doc_id, ?), 9) AS score FROM documents "
        "WHERE score IS NOT NULL ORDER BY score DESC, doc_id", [text],
    ).fetchall()


def _copy_models(folder: Path, replace: tuple[str, str] = ("", "")) -> Path:
    for model in discover(SQL_DIR):
        (folder / model.path.name).write_text(model.template.replace(*replace), encoding="utf-8")
    return folder


@pytest.fixture(scope="module", params=["as written", "boilerplate at 6 postings"])
def replay(request, tmp_path_factory) -> list[dict]:
    """Every run published into two warehouses, one refreshed incrementally and one rebuilt in full.

    The second variant lowers int_quote_matches' max_postings so that shingles cross it as runs arrive
    (at 200 the generated corpus never gets there), and pairs are lost and found between earlier wordings.
    """
    sql_dir = SQL_DIR
    if request.param != "as written":
        sql_dir = _copy_models(tmp_path_factory.mktemp("sql"), ("200 as max_postings", "6 as max_postings"))
    incremental, full = _warehouse(), _warehouse()
    models = [m.name for m in discover(sql_dir)]
    outcomes = []
    for fill in RUNS:
        timings = _publish(incremental, fill, functools.partial(_incremental, sql_dir=sql_dir))
        _publish(full, fill, functools.partial(_full, sql_dir=sql_dir))
        outcomes.append({
            "modes": {t.name: t.mode for t in timings},
            "differences": [m for m in models if _model_rows(incremental, m) != _model_rows(full, m)],
            "rows": {m: len(_model_rows(full, m)) for m in models},
            "search": [(q, _scores(incremental, q), _scores(full, q)) for q in QUERIES],
        })
    yield outcomes
    incremental.close()
    full.close()


@pytest.mark.parametrize("run", range(len(RUNS)))
def test_every_model_refreshed_incrementally_equals_a_full_rebuild_row_for_row(replay, run):
    assert replay[run]["differences"] == []


@pytest.mark.parametrize("run", range(len(RUNS)))
def test_search_scores_of_the_refreshed_index_equal_a_rebuilt_index(replay, run):
    for query, refreshed, rebuilt in replay[run]["search"]:
        assert refreshed == rebuilt, query


def test_the_replay_reaches_every_model_with_rows(replay):
    assert all(n > 0 for n in replay[-1]["rows"].values()), replay[-1]["rows"]


def test_the_first_publish_builds_in_full_and_later_ones_refresh_incrementally(replay):
    incremental_models = {m.name for m in discover(SQL_DIR) if m.refresh == INCREMENTAL}
    assert set(replay[0]["modes"].values()) <= {FULL, "view"}
    assert {n for n, mode in replay[1]["modes"].items() if mode == INCREMENTAL} == incremental_models


def test_a_document_published_again_makes_every_model_rebuild_in_full(replay):
    assert {m for m in replay[5]["modes"].values()} <= {FULL, "view", "unchanged view"}


def test_a_changed_model_file_is_rebuilt_in_full_and_so_are_the_models_reading_it(tmp_path):
    _copy_models(tmp_path)
    con = _warehouse()
    _publish(con, RUNS[0], lambda c: refresh_models(c, tmp_path))
    story = tmp_path / "story_clusters.sql"
    story.write_text(story.read_text(encoding="utf-8").replace("count(*) as member_count", "count(doc_id) as member_count"))
    modes = {t.name: t.mode for t in _publish(con, RUNS[1], lambda c: refresh_models(c, tmp_path))}
    assert modes["story_clusters"] == FULL
    assert modes["outlet_coverage"] == INCREMENTAL
    assert rows(con, "SELECT members FROM story_clusters WHERE cluster_id = 'd001'") == [{"members": ["d001", "d004"]}]


def test_a_full_rebuild_cascades_to_the_models_downstream(tmp_path):
    _copy_models(tmp_path)
    con = _warehouse()
    _publish(con, RUNS[0], lambda c: refresh_models(c, tmp_path))
    staging = tmp_path / "stg_documents.sql"
    staging.write_text(staging.read_text(encoding="utf-8") + "\n")
    modes = {t.name: t.mode for t in _publish(con, RUNS[1], lambda c: refresh_models(c, tmp_path))}
    assert modes["stg_documents"] == modes["story_clusters"] == modes["entity_summary"] == FULL


def test_without_a_batch_schema_every_model_is_built_in_full():
    con = schema_connection()
    plant(con)
    refresh_models(con, SQL_DIR)
    modes = {t.mode for t in refresh_models(con, SQL_DIR)}
    assert modes <= {FULL, "view"}
    assert rows(con, "SELECT count(*) AS n FROM story_clusters") == [{"n": 4}]


def test_an_incremental_refresh_writes_only_the_rows_that_changed():
    """A key touched by the batch keeps its unchanged rows: a quotation joining a group of many rewrites one row,
    not the group's (at 10k generated documents, 129k rows rewritten for a 94-document publish)."""
    con = _warehouse()
    for fill in RUNS[:3]:
        _publish(con, fill, _incremental)
    incremental = [m.name for m in discover(SQL_DIR) if m.refresh == INCREMENTAL]
    before = {m: Counter(_model_rows(con, m)) for m in incremental}
    timings = {t.name: t for t in _publish(con, RUNS[3], _incremental)}
    after = {m: Counter(_model_rows(con, m)) for m in incremental}
    written = {m: timings[m].rows for m in incremental}
    assert written == {m: sum((after[m] - before[m]).values()) for m in incremental}
    assert written["int_quote_groups"] < len(after["int_quote_groups"]) / 2


def test_the_model_audit_checks_per_row_expectations_on_the_rewritten_rows_only():
    con = _warehouse()
    _publish(con, RUNS[0], _incremental)
    audits = []

    def refresh_and_audit(con):
        refresh_models(con, SQL_DIR)
        # one broken row the refresh rewrote (cluster d001) and one it did not touch (d000)
        con.execute("UPDATE story_clusters SET member_count = 0 WHERE cluster_id IN ('d001', 'd000')")
        audits.append(audit_models(con, "run2", ["story_clusters"]))
        return []

    _publish(con, RUNS[1], refresh_and_audit)
    results = {r.expectation: r for r in audits[0].results}
    member_count = next(r for name, r in results.items() if name.startswith("expect_column_values_to_be_between")
                        and "member_count" in name)
    # clusters d001 and d003 were rewritten (d004, merged into d001, was deleted); d000 was left alone
    assert member_count.observed_value == "1 unexpected of 2 rows"
    assert member_count.unexpected_examples == [0]
    assert rows(con, "SELECT count(*) AS n FROM story_clusters") == [{"n": 4}]


def _parquet_batch(seed: duckdb.DuckDBPyConnection, folder: Path, doc_ids: list[str],
                   updates: list[tuple] = (), originals: list[str] = ()) -> dict[str, Path]:
    """The seed documents' rows as the Parquet files a run hands the publisher."""
    folder.mkdir()
    files = {}
    for table in ("documents", "mentions", "quotes", "events", "entities", "entity_aliases", "document_updates"):
        if table == "documents":
            query = _seed_documents(doc_ids, list(originals))
        elif table in ("entities", "entity_aliases"):
            query = f"SELECT * FROM seed.{table}"
        elif table == "document_updates":
            query = "SELECT * FROM (VALUES " + ", ".join(f"{u!r}" for u in updates) + \
                    ") AS u(doc_id, duplicate_of, duplicate_level, cluster_id)" if updates else None
        else:
            query = f"SELECT * FROM seed.{table} WHERE doc_id IN ({', '.join(repr(d) for d in doc_ids)})"
        if query:
            files[table] = folder / f"{table}.parquet"
            seed.execute(f"COPY ({query}) TO '{files[table]}' (FORMAT parquet)")
    return files


def test_publish_calling_refresh_leaves_the_models_and_search_a_full_rebuild_would(tmp_path):
    path = tmp_path / "w.duckdb"
    seed = _warehouse()
    auditors = Auditors(audit_batch=lambda con, run_id: Audit(), build_models=lambda con: refresh(con, SQL_DIR),
                        audit_models=audit_models)
    first = publish(path, "run1", _parquet_batch(seed, tmp_path / "b1", ["d000", "d002", "d004"], originals=["d004"]),
                    auditors)
    second = publish(path, "run2", _parquet_batch(seed, tmp_path / "b2", ["d001", "d003"],
                                                  [("d004", "d001", "rewrite", "d001")]), auditors)
    assert first.published and second.published
    assert {t.mode for t in second.model_timings} == {INCREMENTAL, "unchanged view"}
    hits = [h.doc_id for h in search(path, "armored train")]
    models = [m.name for m in discover(SQL_DIR)]
    with duckdb.connect(str(path)) as con:
        refreshed = {m: _model_rows(con, m) for m in models}
        con.execute("BEGIN TRANSACTION")
        build_models(con, SQL_DIR)
        build_fts_index(con)
        assert {m: _model_rows(con, m) for m in models} == refreshed
        assert [doc_id for doc_id, _ in _scores(con, "armored train")][:len(hits)] == hits
        con.execute("ROLLBACK")
    assert set(hits[:3]) == {"d001", "d003", "d004"}
