"""A speaker going on after an aside (issue #25, fresh11): "“...,” Dunmore went on." names its speaker after the
quote as "said" would, so the words are not carried on from whoever spoke last (here a referee whose ruling the aside
reported). A passage written for it beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_ASIDE = ('Carrick manager Rhona Dunmore sat down and said: “It is not a penalty.”\n\n'
          'The decision came in the 71st minute, when referee Owain Pryce ruled that centre-half Kasim Adeyemo had '
          'pulled back Rangers striker Leo Marchetti. Marchetti, known to the home support as “the Undertaker” for '
          'his habit of scoring late against them, converted to make it 2-0.\n\n'
          '“He goes down like he’s been shot,” Dunmore went on. “I’ve got a lot of respect for Leo as a player.”')


def test_words_a_speaker_went_on_with_after_an_aside_are_hers(quotes_of):
    quotes = quotes_of(_ASIDE)
    for words in ("He goes down", "a lot of respect"):
        assert said(quotes, words).speaker == "Rhona Dunmore"


def test_a_match_that_went_on_is_no_speaker(quotes_of):
    # nearest negative: "went on" after a thing, not a person ("the match went on"), names no one
    body = _ASIDE.replace("Dunmore went on", "the match went on").replace(
        "The decision came", "Pryce said nothing. The decision came")
    quote = said(quotes_of(body), "He goes down")
    assert quote.speaker != "the match"
