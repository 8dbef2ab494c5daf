"""entity_summary and entity_cooccurrence: counts over originals only, pairs within one sentence."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.config import SQL_DIR
from newsfacts.transform.models import build_models

from .planted import AP, KIM, PUTIN, REUTERS, RUSSIA, SHOIGU, WSJ, rows

pytestmark = pytest.mark.unit


def _summary(con, entity_id: str) -> dict:
    return rows(con, "select * from entity_summary where entity_id = ?", [entity_id])[0]


def test_every_count_for_kim_jong_un_excludes_the_bnb_rewrite(con):
    kim = _summary(con, KIM)
    assert (kim["mentions"], kim["documents"], kim["independent_sources"]) == (8, 4, 4)
    assert kim["outlets"] == [AP, REUTERS, WSJ]
    assert (kim["first_date"], kim["last_date"]) == (date(2023, 9, 5), date(2023, 9, 12))
    assert kim["surface_forms"] == ["Kim", "Kim Jong Un"]


def test_an_entity_named_only_by_a_rewrite_has_no_independent_source(con):
    shoigu = _summary(con, SHOIGU)
    assert (shoigu["mentions"], shoigu["documents"], shoigu["independent_sources"]) == (0, 0, 0)
    assert shoigu["top_co_mentioned"] == []


def test_top_co_mentioned_entities_are_ranked_by_shared_sentences(con):
    assert _summary(con, KIM)["top_co_mentioned"] == ["Vladimir Putin", "Russia"]
    assert _summary(con, PUTIN)["top_co_mentioned"] == ["Kim Jong Un"]


def test_cooccurrence_counts_sentences_naming_both_in_originals(con):
    pairs = {(r["entity_a_id"], r["entity_b_id"]): r for r in rows(con, "select * from entity_cooccurrence")}
    assert set(pairs) == {(KIM, PUTIN), (RUSSIA, KIM)}
    kim_putin = pairs[(KIM, PUTIN)]
    assert (kim_putin["sentences"], kim_putin["documents"], kim_putin["independent_sources"]) == (4, 3, 3)
    assert kim_putin["doc_ids"] == ["d000", "d001", "d003"]
    assert (kim_putin["entity_a"], kim_putin["entity_b"]) == ("Kim Jong Un", "Vladimir Putin")


def test_an_entity_named_twice_in_one_sentence_pairs_only_with_others(fresh_con):
    fresh_con.execute("insert into mentions values ('d002', ?, 'Kim', 0, 3, 0)", [KIM])
    build_models(fresh_con, SQL_DIR)
    assert rows(fresh_con, "select sentences from entity_cooccurrence where entity_a_id = ?", [RUSSIA]) == [{"sentences": 2}]
    assert rows(fresh_con, "select * from entity_cooccurrence where entity_a_id = entity_b_id") == []
