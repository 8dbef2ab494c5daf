"""quote_ledger and attribution_conflicts: the seeds' real conflicts found, and the look-alikes that must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from newsfacts.config import SQL_DIR
from newsfacts.transform.models import build_models

from .planted import AP, BBN, REUTERS, WSJ, insert, rows

pytestmark = pytest.mark.unit


def _conflicts(con) -> dict[frozenset, dict]:
    found = rows(con, "select * from attribution_conflicts")
    return {frozenset((r["speaker_a"], r["speaker_b"])): r for r in found}


def test_both_seed_attribution_conflicts_are_found_and_nothing_else(con):
    assert set(_conflicts(con)) == {
        frozenset(("Robert Wood", "John Kirby")),
        frozenset(("Adrienne Watson", "John Kirby")),
        frozenset(("Adrienne Watson", "Matthew Miller")),  # planted: an unresolved full name
    }


@pytest.mark.parametrize("quotation_id", ["q001d", "q002d", "q002e"])
def test_words_credited_to_a_group_or_an_organisation_are_not_a_conflict(con, quotation_id):
    ledger = rows(con, "select speaker_count, has_attribution_conflict from quote_ledger where quotation_id = ?",
                  [quotation_id])
    assert ledger == [{"speaker_count": 2, "has_attribution_conflict": False}]


def test_an_unresolved_full_name_is_a_person_but_a_description_is_not(con):
    people = rows(con, "select quote_id, speaker_is_person from stg_quotes "
                       "where quote_id in ('q000c', 'q001d', 'q002d', 'q002e', 'q003a') order by quote_id")
    assert [r["speaker_is_person"] for r in people] == [True, False, False, False, True]


def test_the_raw_materials_words_are_given_to_wood_by_ap_and_to_kirby_by_wsj(con):
    conflict = _conflicts(con)[frozenset(("Robert Wood", "John Kirby"))]
    side = {conflict["speaker_a"]: "a", conflict["speaker_b"]: "b"}
    wood, kirby = side["Robert Wood"], side["John Kirby"]
    assert conflict[f"doc_ids_{wood}"] == ["d001", "d004"]
    assert conflict[f"outlets_{wood}"] == [AP, BBN]
    assert conflict[f"doc_ids_{kirby}"] == ["d003"] and conflict[f"outlets_{kirby}"] == [WSJ]
    assert conflict["overlap"] == 1.0  # AP's partial quote lies inside WSJ's sentence
    assert conflict["words"].startswith("the provision of raw materials")
    assert conflict["scope"] == "across_sources"


def test_the_rewrite_repeating_aps_attribution_counts_once(con):
    conflict = _conflicts(con)[frozenset(("Robert Wood", "John Kirby"))]
    side = "a" if conflict["speaker_a"] == "Robert Wood" else "b"
    assert conflict[f"independent_sources_{side}"] == 1


def test_overlapping_urge_quotes_conflict_though_neither_contains_the_other(con):
    conflict = _conflicts(con)[frozenset(("Adrienne Watson", "John Kirby"))]
    assert 0.5 < conflict["overlap"] < 1.0
    assert sorted(conflict["outlets_a"] + conflict["outlets_b"]) == [REUTERS, WSJ]
    assert {conflict["first_date_a"], conflict["first_date_b"]} == {date(2023, 9, 5), date(2023, 9, 12)}


def test_one_speaker_under_two_written_names_is_not_a_conflict(con):
    ledger = rows(con, "select * from quote_ledger where quotation_id = 'q000a'")[0]
    assert ledger["speakers"] == ["Dmitry Peskov", "Dmitry S. Peskov"]
    assert not ledger["has_attribution_conflict"]


def test_an_unattributed_copy_of_a_quote_is_not_a_conflict(con):
    ledger = rows(con, "select * from quote_ledger where quotation_id = 'q001b'")[0]
    assert (ledger["speakers"], ledger["unattributed"]) == (["John Kirby"], 1)
    assert not ledger["has_attribution_conflict"]


def test_a_short_stock_phrase_from_two_people_is_merged_but_not_a_conflict(con):
    ledger = rows(con, "select * from quote_ledger where quotation_id = 'q000b'")[0]
    assert ledger["quote_ids"] == ["q000b", "q002c"]
    assert not ledger["has_attribution_conflict"]


def test_a_speaker_written_by_alias_resolves_to_the_entity(con):
    resolved = rows(con, "select quote_id, speaker_key from stg_quotes where quote_id in ('q003a', 'q004a') order by 1")
    assert resolved == [
        {"quote_id": "q003a", "speaker_key": "person:john_kirby"},
        {"quote_id": "q004a", "speaker_key": "person:robert_wood"},
    ]


def test_quote_ledger_merges_wordings_across_outlets_into_one_quotation(con):
    ledger = {r["quotation_id"]: r for r in rows(con, "select * from quote_ledger")}
    assert sorted(ledger) == ["q000a", "q000b", "q000c", "q001a", "q001b", "q001d", "q002a", "q002d", "q002e"]
    raw = ledger["q001a"]
    assert raw["quote_ids"] == ["q001a", "q003a", "q004a"]
    assert raw["text"].startswith("These potential deals")  # the fullest wording from an original
    assert (raw["documents"], raw["independent_sources"]) == (3, 2)
    assert raw["outlets"] == [AP, BBN, WSJ]
    assert raw["first_date"] == date(2023, 9, 5)
    assert raw["has_attribution_conflict"]


def test_wordings_normalise_alike_across_house_styles(fresh_con):
    pairs = [
        ("Russia’s defense industrial base", "RUSSIA'S DEFENSE INDUSTRIAL BASE!"),
        ("“We urge the DPRK,” he said", '"we urge the dprk" he said'),
        ("Kim Jong-un's armored train", "kim jong uns armored train"),
        ("U.S. officials said", "US officials said"),
    ]
    _add_quotes(fresh_con, [text for pair in pairs for text in pair])
    build_models(fresh_con, SQL_DIR)
    words = [r["words_text"] for r in rows(fresh_con, "select words_text from stg_quotes where quote_id like 'x%' "
                                                      "order by quote_id")]
    assert words[0::2] == words[1::2]
    assert words[6] == "us officials said"


def _add_quotes(con, texts: list[str], speaker: str = "Someone") -> None:
    insert(con, "quotes", [
        dict(quote_id=f"x{i:04d}", doc_id="d002", kind="direct", speaker=speaker, text=t, start_char=0, end_char=1)
        for i, t in enumerate(texts)
    ])


def test_a_quote_reprinted_word_for_word_many_times_stays_one_quotation(fresh_con):
    _add_quotes(fresh_con, ["The train will leave at dawn for the eastern border"] * 300)
    build_models(fresh_con, SQL_DIR)
    ledger = rows(fresh_con, "select quotation_id, len(quote_ids) as n from quote_ledger where quotation_id like 'x%'")
    assert ledger == [{"quotation_id": "x0000", "n": 300}]


def test_boilerplate_shared_by_hundreds_of_wordings_does_not_link_them(fresh_con):
    # 250 different quotations that share only a stock opening (half their shingles each)
    _add_quotes(fresh_con, [f"as a matter of fact {i} {i}" for i in range(250)])
    build_models(fresh_con, SQL_DIR)
    groups = rows(fresh_con, "select count(distinct quotation_id) as n from int_quote_groups where quote_id like 'x%'")
    assert groups == [{"n": 250}]


def test_a_runaway_quote_of_thousands_of_words_is_shingled_within_a_small_memory_cap(fresh_con):
    # An unclosed quotation mark can make one quote of a whole transcript; its shingles must grow with its length,
    # not its square (a row per start carrying every word needed gigabytes on a real corpus).
    words = [f"w{i}" for i in range(6000)]
    _add_quotes(fresh_con, [" ".join(words), " ".join(words[:1000])])
    fresh_con.execute("set memory_limit = '100MB'")
    build_models(fresh_con, SQL_DIR)
    shingles = rows(fresh_con, "select shingles, count(*) as n from int_quote_shingles "
                               "where wording_id = hash(?) group by shingles", [" ".join(words)])
    assert shingles == [{"shingles": 5997, "n": 5997}]
    match = rows(fresh_con, "select containment from int_quote_matches where shared_shingles = 997")
    assert match == [{"containment": 1.0}]


def test_a_conflict_inside_one_cluster_is_marked_as_a_rewrite_changing_attribution(fresh_con):
    fresh_con.execute("update quotes set speaker = 'Sergei Shoigu', speaker_entity_id = null where quote_id = 'q004a'")
    build_models(fresh_con, SQL_DIR)
    scopes = {
        frozenset((r["speaker_a"], r["speaker_b"])): r["scope"]
        for r in rows(fresh_con, "select * from attribution_conflicts")
    }
    assert scopes[frozenset(("Robert Wood", "Sergei Shoigu"))] == "within_cluster"
    assert scopes[frozenset(("John Kirby", "Sergei Shoigu"))] == "across_sources"


@pytest.mark.parametrize("speakers, conflicts", [(3, 3), (13, 0)])
def test_words_credited_to_a_crowd_are_a_stock_phrase_not_a_misattribution(fresh_con, speakers, conflicts):
    names = [f"{first} {last}" for first, last in zip(
        ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Fyodor", "Galina", "Igor", "Katya", "Leonid", "Marta",
         "Nikolai", "Olga"], ["Petrova", "Sokolov", "Ivanova", "Orlov", "Volkova", "Popov", "Lebedeva", "Kozlov",
                              "Novikova", "Morozov", "Pavlova", "Fedorov", "Smirnova"])][:speakers]
    insert(fresh_con, "quotes", [
        dict(quote_id=f"x{i:04d}", doc_id=("d000", "d001", "d002")[i % 3], kind="direct", speaker=name, start_char=0,
             end_char=1, text="the situation on the border remains extremely tense and unpredictable")
        for i, name in enumerate(names)
    ])
    build_models(fresh_con, SQL_DIR)
    found = rows(fresh_con, "select count(*) as n from attribution_conflicts where quotation_id like 'x%'")
    assert found == [{"n": conflicts}]


@pytest.mark.parametrize("kind", ["title", "slogan", "scare"])
def test_quoted_titles_slogans_and_scare_quotes_never_reach_the_ledger_or_the_conflicts(fresh_con, kind):
    # the same words as real speech elsewhere, credited to two people: were they read, they would conflict
    insert(fresh_con, "quotes", [
        dict(quote_id=f"x{i:04d}", doc_id=doc, kind=kind, speaker=name, text="Meet the Press with Chuck Todd on Sunday",
             start_char=0, end_char=1)
        for i, (doc, name) in enumerate([("d000", "Tim Kaine"), ("d001", "Mike Pence")])
    ])
    build_models(fresh_con, SQL_DIR)
    assert rows(fresh_con, "select count(*) as n from stg_quotes where quote_id like 'x%'") == [{"n": 0}]
    assert rows(fresh_con, "select count(*) as n from quote_ledger where list_contains(quote_ids, 'x0000')") == [{"n": 0}]
    assert rows(fresh_con, "select count(*) as n from attribution_conflicts where words like '%Meet the Press%'") == [{"n": 0}]
