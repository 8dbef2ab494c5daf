"""A run of quoted paragraphs named after it by a sentence pointing back at its words (issue #25, the `after_run`
style; story_speakers._maker_of_the_words): "Those words were posted by X", "X wrote those lines": the maker of the
words is the run's speaker, not the last speaker before it going on. Each on a passage written for it, beside its
nearest negative (a run whose speaker is named before it; words that only reached someone; a maker never named)."""

from __future__ import annotations

import pytest

from newsfacts.facts.quotes import unnamed_description
from tests.facts.helpers import said, unnamed_said

pytestmark = pytest.mark.integration

_RUN = ('The ferry company said on Monday that the crossing would close for good in March.\n\n'
        '"It is the end of a lifeline," said Morag Lennie, who has run the island shop for thirty years.\n\n'
        '"To everyone who crossed with us: thank you for forty years of custom.\n\n'
        '"To the crew: you kept this island alive. I will never forget it."\n\n')
_LINES = ("thank you for forty years", "you kept this island alive")


@pytest.mark.parametrize("after", [
    "Those words were posted on Tuesday night by the ferry's last captain, Duncan Ure, who first sailed the route "
    "in 1984.",
    "The ferry's last captain, Duncan Ure, wrote those lines on Tuesday night, hours after the final sailing.",
    "Those words, posted on Tuesday night by the ferry's last captain, Duncan Ure, were shared ten thousand times.",
    "The message was sent to every islander on Tuesday night by the ferry's last captain, Duncan Ure.",
    "These lines were written by the ferry's last captain, Duncan Ure, on the night of the final sailing.",
    "Those words were Duncan Ure's, the ferry's last captain, posted on Tuesday night.",
])
def test_words_pointed_back_at_are_their_makers_not_the_last_speakers(quotes_of, after):
    quotes = quotes_of(_RUN + after)
    for words in _LINES:
        quote = said(quotes, words)
        assert (quote.speaker, quote.speaker_basis) == ("Duncan Ure", "named_after"), words
    assert said(quotes, "the end of a lifeline").speaker == "Morag Lennie"


def test_a_run_named_before_it_keeps_its_speaker_when_its_words_only_reach_someone_after(quotes_of):
    # nearest negative: the captain is named before the run; "shared by islanders, among them Morag Lennie" says who
    # passed the words on, not who made them
    body = ('The ferry company said on Monday that the crossing would close for good in March.\n\n'
            "The ferry's last captain, Duncan Ure, posted a farewell on Tuesday night:\n\n"
            + _RUN.split("\n\n", 2)[2]
            + 'Those words were shared thousands of times by islanders, among them Morag Lennie, who has run the '
              'island shop for thirty years.')
    quotes = quotes_of(body)
    for words in _LINES:
        assert said(quotes, words).speaker == "Duncan Ure", words


def test_words_made_by_someone_never_named_are_no_ones_not_the_name_in_their_clause(quotes_of):
    # nearest negative of a named maker: "a deckhand who had sailed with the captain, Duncan Ure": the deckhand,
    # kept as evidence; neither the captain in the clause nor the last speaker before the run
    body = _RUN + "Those words were posted on Tuesday night by a deckhand who had sailed with the captain, Duncan Ure."
    quotes = quotes_of(body)
    for words in _LINES:
        quote = said(quotes, words)
        assert unnamed_said(body, quote) == "a deckhand"


_PLAYER = ("The club's manager, Sean Dyer, was sacked on Sunday.\n\n"
           '"He lost the dressing room months ago.\n\n'
           '"Everyone could see it except the board."\n\n'
           "Those were the words of a senior player, speaking on condition of anonymity, on Monday morning.")


def test_the_words_of_someone_never_named_are_theirs_with_the_description_as_evidence(quotes_of):
    quotes = quotes_of(_PLAYER)
    for words in ("He lost the dressing room", "Everyone could see it"):
        quote = said(quotes, words)
        assert quote.speaker is None and quote.speaker_basis == "named_after", words
        assert unnamed_description(_PLAYER, quote) == "a senior player"


def test_the_words_of_someone_named_in_apposition_are_the_names(quotes_of):
    # nearest negative: the player is named beside the description
    body = _PLAYER.replace("a senior player, speaking", "a senior player, Kieran Doyle, speaking")
    assert said(quotes_of(body), "He lost the dressing room").speaker == "Kieran Doyle"


# A run named after it by a sentence whose subject speaks in a clause of it (story_speakers._speaks_in_a_clause)
_READ_OUT = ("The families sat in the front row. Their mother read from a sheet of paper.\n\n"
              '"They are not a number to us. They are our whole life.\n\n'
              '"Whoever knows something, please pick up the phone.\n\n'
              '"We just want an answer."\n\n')


def test_a_run_is_the_one_whose_subject_speaks_in_a_clause_of_the_sentence_after(quotes_of):
    quotes = quotes_of(_READ_OUT + "Maureen Tolland, 52, had to pause twice while she spoke. The room was silent.")
    for words in ("not a number to us", "pick up the phone", "an answer"):
        assert (said(quotes, words).speaker, said(quotes, words).speaker_basis) == ("Maureen Tolland", "named_after")


def test_a_run_is_not_the_one_whose_clause_has_someone_else_speak(quotes_of):
    # nearest negative: the subject only listens while another ("the minister") speaks
    quotes = quotes_of(_READ_OUT + "Maureen Tolland, 52, looked away while the minister spoke. The room was silent.")
    assert said(quotes, "pick up the phone").speaker != "Maureen Tolland"
