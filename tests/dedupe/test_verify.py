"""The pair verifier and its text helpers on small, readable cases."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.text import Profile, split_sentences, without_quotes
from newsfacts.dedupe.verify import verify
from tests.dedupe.seeds import FIXTURES, seeds

pytestmark = pytest.mark.unit


def test_sentences_do_not_end_at_titles_or_initialisms():
    text = "He was met by regional Gov. Oleg Kozhemyako. U.S. officials said so. It ended."
    assert split_sentences(text) == ["He was met by regional Gov. Oleg Kozhemyako.", "U.S. officials said so.", "It ended."]


def test_long_quotations_are_left_out_of_sentence_content():
    sentence = '"We will reach every village, whatever it takes," Rostam said.'
    assert "village" not in without_quotes(sentence) and "Rostam" in without_quotes(sentence)


def test_typography_alone_does_not_stop_an_exact_match():
    body = seeds()["001"].body
    retyped = body.replace("’", "'").replace("—", "-").replace("“", '"').replace("”", '"')
    assert verify(Profile.of(body), Profile.of(retyped), Thresholds()).level == "exact"


def test_bodies_in_other_scripts_are_words_not_blanks():
    # Two different Russian pages once normalised to their digits alone and were "exact" copies of each other.
    one = "Новая версия игры вышла 5 октября. Разработчики добавили три новых уровня и исправили ошибки."
    other = "Компания объявила о продаже завода 5 октября. Сделка закроется до конца года."
    assert verify(Profile.of(one), Profile.of(other), Thresholds()) is None
    assert verify(Profile.of(one), Profile.of(one.replace("5", "5 ")), Thresholds()).level == "exact"
    assert split_sentences(one) == ["Новая версия игры вышла 5 октября.",
                                    "Разработчики добавили три новых уровня и исправили ошибки."]
    assert Profile.of("Os automóveis elétricos chegaram.").normalised == "os automóveis elétricos chegaram"


def test_the_same_paraphrased_sentences_in_reverse_order_are_not_a_rewrite():
    docs = seeds()
    rewrite, source = Profile.of(docs["004"].body), Profile.of(docs["001"].body)
    reversed_rewrite = Profile.of("\n\n".join(reversed(rewrite.sentences)))
    assert verify(rewrite, source, Thresholds()).level == "rewrite"
    assert verify(reversed_rewrite, source, Thresholds()) is None


def test_follow_up_that_repeats_background_word_for_word_is_not_a_rewrite():
    body = seeds()["002"].body
    background = "\n\n".join(body.split("\n\n")[2:4])
    follow_up = (
        "Kim Jong Un toured a Russian fighter jet factory in Komsomolsk-on-Amur on Friday, the Kremlin said.\n\n"
        "He inspected a Su-57 production line and met engineers, state television showed.\n\n"
        + background
        + "\n\nThe visit is expected to end on Sunday with a stop at the Pacific Fleet in Vladivostok.\n\n"
        "Japan said it was watching the trip closely and would coordinate with Seoul and Washington.\n\n"
        "Analysts said the aircraft plant visit suggested interest in air force modernisation.\n\n"
        "North Korea's air force relies on Soviet-era MiG jets, many of them decades old."
    )
    assert verify(Profile.of(follow_up), Profile.of(body), Thresholds()) is None


def _story_order(name: str) -> Profile:
    return Profile.of((FIXTURES / "story_orders" / f"{name}.txt").read_text(encoding="utf-8"))


def test_a_rewrite_of_one_report_is_not_a_rewrite_of_another_report_telling_the_same_statements_in_its_own_order():
    # Generated corpus (benchmarks/corpus), one story: a content farm's rewrite of one outlet's report, and another
    # outlet's independent report of the same deal. They share a dozen statements, worded from the same templates,
    # but each in its own order: aligned in order they looked like a rewrite and merged two independent reports.
    rewrite, source, other = (_story_order(n) for n in ("rewrite_of_one_report", "the_report_rewritten", "another_report"))
    assert verify(rewrite, source, Thresholds()).level == "rewrite"
    assert verify(rewrite, other, Thresholds()) is None
    assert verify(source, other, Thresholds()) is None


def test_a_light_rewrite_keeping_half_its_sentences_nearly_word_for_word_through_the_story_is_a_rewrite():
    # Generated corpus, one story: a content farm's rewrite whose synonym swaps left half its sentences almost as they
    # were, so neither the paraphrased share nor the "light edit" share alone reached its bar; it follows its source
    # through half of both documents, where a follow-up's repeated background sits in a corner.
    rewrite, source = _story_order("light_rewrite"), _story_order("light_rewrite_source")
    assert verify(rewrite, source, Thresholds()).level == "rewrite"
