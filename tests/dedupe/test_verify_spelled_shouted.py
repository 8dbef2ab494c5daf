"""Thirteenth round (benchmarks/README.md, "Thirteenth round: restyles' surface"): figures spelled out in words and
words written in capitals for emphasis, read against the other document. Texts written for these tests."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import profiles as stored_profiles
from newsfacts.dedupe.text import (Profile, names_per_sentence, shouted_per_sentence, spelled_per_sentence,
                                   spelled_value, stem, term_id)
from newsfacts.dedupe.verify import novelty

pytestmark = pytest.mark.unit

DEALS = (
    "The retailer cut its 70-inch television to $500 for the weekend. "
    "Shoppers who ordered before noon were promised delivery within 3 days by the retailer Harlow. "
    "The discount runs on the Corvid model, whose list price is killing the brand's sales. "
    "Analysts at Pemberton expect more cuts."
)
HYPED = (
    "Forget the weekend plans: Harlow just slashed a SEVENTY-inch television to FIVE HUNDRED bucks! "
    "Order before noon and the Corvid set lands on your doorstep in THREE days. "
    "The list price was KILLING sales."
)


def _ids(*words: str) -> set[int]:
    return {term_id(stem(w)) for w in words}


@pytest.mark.parametrize("run, value", [("SEVENTY", 70), ("Twenty-Five", 25), ("seven hundred", 700),
                                        ("two hundred and ten", 210), ("one thousand two hundred", 1200),
                                        ("five six", None), ("twenty thirty", None)])
def test_a_run_of_number_words_is_the_figure_it_spells_or_none_when_it_is_two_numbers(run, value):
    assert spelled_value(run) == value


def test_a_number_written_in_capitals_is_no_name_but_the_figure_it_spells():
    sentences = ["Harlow slashed a SEVENTY-inch television to FIVE HUNDRED bucks."]
    assert not {"seventy-inch", "five", "hundred"} & names_per_sentence(sentences)[0]
    assert spelled_per_sentence(sentences) == [{"70", "500"}]


def test_a_number_in_a_title_case_name_stays_a_name_and_spells_no_figure():
    # The nearest negative of the number reading: "Seven Oaks" is a place, "Forty Niners" a team, not 7 or 40.
    sentences = ["The fans drove from Seven Oaks to watch the Forty Niners play."]
    assert {"seven", "oaks", "niners"} <= names_per_sentence(sentences)[0]  # "forty" is a stop word, as before
    assert spelled_per_sentence(sentences) == [set()]


def test_one_alone_is_no_figure():
    assert spelled_per_sentence(["One of them paid forty dollars, no one else did."]) == [{"40"}]


def test_a_figure_the_rewrite_spells_out_is_named_there_too():
    rewrite, source = Profile.of(HYPED), Profile.of(DEALS)
    assert _ids("70", "500", "3") <= source.mentioned & rewrite.spelled
    assert not _ids("70", "500", "3") & (source.mentioned - rewrite.mentioned - rewrite.spelled)


def test_a_spelled_figure_the_other_document_lacks_adds_nothing_of_its_own():
    # Spelled figures are read only against the other document's figures, never counted as specifics: a
    # condensation that drops "THREE days" is not one figure further from the restyle than before.
    rewrite = Profile.of(HYPED)
    assert not rewrite.spelled & rewrite.mentioned


def test_a_word_in_capitals_the_other_document_uses_as_an_ordinary_word_is_not_novel():
    # The source names Pemberton, which the restyle drops (1 of its 6 specifics): the restyle's side decides.
    rewrite, source = Profile.of(HYPED), Profile.of(DEALS)
    assert _ids("killing") <= rewrite.shouted & rewrite.mentioned
    assert _ids("killing") <= source.plain
    assert novelty(rewrite, source) == 0.0


def test_a_word_in_capitals_the_other_document_never_uses_stays_novel():
    # The nearest negative: "GONE" is shouting too, but the source never says it, so it is read as the restyle's
    # own, as any name it adds; and an acronym the other document lacks (a report naming NATO) stays a name.
    rewrite, source = Profile.of(HYPED + " And now the old price is GONE, ask NATO."), Profile.of(DEALS)
    own = rewrite.mentioned - source.mentioned - (rewrite.shouted & source.plain)
    assert _ids("gone", "nato") <= own
    assert novelty(rewrite, source) > 0.0


def test_a_word_written_otherwise_elsewhere_in_the_document_is_not_shouted():
    # "REAL" in a heading and "Real Madrid" mid-sentence: the document names the club, so the word stays a name.
    sentences = ["Fans cheered as REAL scored late.", "The coach of Real Madrid was pleased."]
    assert shouted_per_sentence(sentences) == [set(), set()]


def test_a_stored_profile_keeps_its_spelled_figures_and_words_in_capitals_apart_from_its_specifics():
    made = {"d1": Profile.of(DEALS), "d2": Profile.of(HYPED)}
    table = stored_profiles.table([p.row(doc_id) for doc_id, p in made.items()])
    loaded = stored_profiles.load(table, {"d1": DEALS, "d2": HYPED})
    for doc_id, profile in made.items():
        assert loaded[doc_id].mentioned == profile.mentioned, doc_id
        assert loaded[doc_id].openers == profile.openers, doc_id
        assert loaded[doc_id].spelled == profile.spelled, doc_id
        assert loaded[doc_id].shouted == profile.shouted, doc_id
        for sentence in range(profile.sentence_count):
            assert loaded[doc_id].specifics(sentence) == profile.specifics(sentence)
    assert novelty(loaded["d2"], loaded["d1"]) == novelty(made["d2"], made["d1"]) == 0.0
    assert novelty(made["d2"], made["d1"]) < novelty(Profile.of(HYPED.replace("KILLING", "Killing")), made["d1"])


def test_an_acronym_the_other_document_names_with_a_possessive_is_not_its_lowercase_word():
    # The nearest negative met on the real set (a condensation writing "the EU" against an independent report
    # writing "the EU's"): the report's name is "eus", its content stem "eu"; a stem that begins a name is that name.
    condensed = Profile.of("Ministers met in Brussels, where the EU weighed sanctions against the Harlow group.")
    report = Profile.of("Ministers met in Brussels on Monday, and the EU's envoy Pemberton weighed sanctions.")
    assert _ids("eu") <= condensed.shouted
    assert not _ids("eu") & report.plain
    assert _ids("sanctions") <= report.plain


@pytest.mark.parametrize("run, value", [("FİVE", 5), ("SİX HUNDRED", 600), ("ſeven", 7), ("FIVE", 5)])
def test_a_number_word_with_a_letter_the_pattern_matches_as_ascii_spells_its_figure(run, value):
    # "İ".lower() is two characters ("i" and a combining dot): "FİVE", which the case-insensitive pattern finds as
    # "five", raised KeyError ('fi̇ve'). The nearest negative: plain "FIVE" reads as it always did.
    assert spelled_value(run) == value


def test_a_sentence_with_a_dotted_capital_i_is_profiled_not_a_crash():
    # A Turkish-set headline in capitals: the figure is read; "İSTANBUL", no number word, spells none.
    assert spelled_per_sentence(["Police in İSTANBUL detained FİVE protesters."]) == [{"5"}]
    assert spelled_per_sentence(["Police in İSTANBUL detained the protesters."]) == [set()]
    assert Profile.of("Police in İSTANBUL detained FİVE protesters. They were released.").spelled == _ids("5")


def test_words_that_spell_no_one_number_are_none_not_an_error():
    assert spelled_value("fiv") is None
