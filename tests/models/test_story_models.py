"""story_clusters, outlet_coverage and timeline on planted rows shaped like the seeds."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.config import SQL_DIR
from newsfacts.transform.models import build_models

from .planted import AP, BBN, REUTERS, WSJ, rows

pytestmark = pytest.mark.unit


def test_seeds_form_four_clusters_with_the_rewrite_beside_its_ap_original(con):
    clusters = {r["cluster_id"]: r for r in rows(con, "select * from story_clusters")}
    assert sorted(clusters) == ["d000", "d001", "d002", "d003"]
    ap = clusters["d001"]
    assert ap["members"] == ["d001", "d004"]
    assert (ap["member_count"], ap["rewrites"], ap["copies"]) == (2, 1, 0)
    assert ap["outlets"] == [AP, BBN]
    assert (ap["first_date"], ap["last_date"]) == (date(2023, 9, 12), date(2023, 9, 13))


def test_a_rewrite_never_adds_an_independent_source_to_its_cluster(con):
    sources = rows(con, "select cluster_id, independent_sources from story_clusters order by cluster_id")
    assert [r["independent_sources"] for r in sources] == [1, 1, 1, 1]


def test_a_document_without_a_cluster_id_is_its_own_cluster(fresh_con):
    fresh_con.execute("update documents set cluster_id = null where doc_id = 'd002'")
    build_models(fresh_con, SQL_DIR)
    assert rows(fresh_con, "select members from story_clusters where cluster_id = 'd002'") == [{"members": ["d002"]}]


def test_outlet_coverage_splits_originals_from_rewrites_and_credits_the_copied_outlet(con):
    outlets = {r["outlet"]: r for r in rows(con, "select * from outlet_coverage")}
    assert sorted(outlets) == [AP, BBN, REUTERS, WSJ]
    assert (outlets[BBN]["originals"], outlets[BBN]["rewrites"], outlets[BBN]["original_words"]) == (0, 1, 0)
    assert outlets[AP]["copied_by_others"] == 1
    assert outlets[BBN]["copied_by_others"] == 0
    wsj = outlets[WSJ]
    assert (wsj["documents"], wsj["originals"], wsj["words"]) == (2, 2, 1200)
    assert wsj["sites"] == ["Korea Economic Daily"]
    assert (wsj["first_seen"], wsj["last_seen"]) == (date(2023, 9, 5), date(2023, 9, 12))


def test_documents_without_an_outlet_are_grouped_under_a_visible_label(fresh_con):
    fresh_con.execute("update documents set outlet = null where doc_id = 'd002'")
    build_models(fresh_con, SQL_DIR)
    labels = [r["outlet"] for r in rows(fresh_con, "select outlet from outlet_coverage order by outlet")]
    assert "(unknown outlet)" in labels and REUTERS not in labels


def test_timeline_orders_dated_events_of_originals_and_names_their_copies(con):
    timeline = rows(con, "select timeline_no, date, event_id, outlet, copied_by from timeline order by timeline_no")
    assert [(r["timeline_no"], r["event_id"]) for r in timeline] == [(1, "e6"), (2, "e2"), (3, "e5"), (4, "e1")]
    assert timeline[1]["date"] == date(2023, 9, 4) and timeline[1]["outlet"] == WSJ
    assert timeline[3]["copied_by"] == ["d004"]


def test_timeline_leaves_out_unresolved_dates_and_the_rewrites_restatement(con):
    event_ids = {r["event_id"] for r in rows(con, "select event_id from timeline")}
    assert "e4" not in event_ids  # date unresolved
    assert "e3" not in event_ids  # the rewrite's copy of AP's e1
