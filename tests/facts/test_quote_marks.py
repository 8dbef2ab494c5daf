"""Which marks open a quotation: a stray or closing mark must not turn the rest of a run-together page into one
quote (a 4,668-word "quote" once made the quote models' work quadratic)."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import MAX_UNCLOSED_WORDS, find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quote_spans(text, (0, len(text)))]


@pytest.mark.unit
def test_low_opening_quotes_close_with_a_high_mark():
    assert quoted("Die App „Vivy“ wurde von 90 Krankenkassen vorgestellt.") == ["Vivy"]


@pytest.mark.unit
def test_a_mark_right_after_a_letter_or_digit_opens_nothing():
    assert quoted('A 70" TV for $499 and a 34" monitor for $650.') == []
    assert quoted('The app Vivy“ was launched on Monday and “it works,” she said.') == ["it works"]


@pytest.mark.unit
def test_an_unclosed_quotation_runs_to_the_paragraph_end_only_over_a_paragraphs_worth_of_words():
    short = 'He went on: "We will not wait for them, and we will not stop'
    assert quoted(short) == ["We will not wait for them, and we will not stop"]
    runaway = 'He said: "We will not wait. ' + "The page goes on with other news. " * MAX_UNCLOSED_WORDS
    assert quoted(runaway) == []
