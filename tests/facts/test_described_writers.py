"""A text's writer given by a description in a clause on the text (speakers58, issue #25; relayed_texts.py): "a text
his wife sent at noon. It read: “...”" is the wife's, whom the story names; "a message that the ring sent to every
customer: “...”" is a voice the story never names, not the detective's who reads it out. Passages written for these
tests, each positive beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

_STORY = ("Forty skiers were stranded for three hours on the Cairn Dubh chairlift on Saturday after a power cut.\n\n"
          "Fiona Drummond, 44, was halfway up with her two sons when the chairs stopped. \"Nobody told us anything "
          "for the first forty minutes,\" she said.\n\n")

_HIS_WIFE_SENT = _STORY + ("Her husband, Alasdair Drummond, who had stayed in the base station cafe, said he learned "
                           "of the stoppage from a text his wife sent at noon. It read: \"Stuck. Cold. Don't panic.\"")

_HE_SENT = _STORY + ("Her husband, Alasdair Drummond, who had stayed in the base station cafe, said he learned "
                     "of the stoppage from a text he sent to his wife at noon. It read: \"Stuck. Cold. Don't panic.\"")


def test_a_writer_described_in_a_clause_on_the_text_is_the_one_the_story_names(quotes_of):
    assert said(quotes_of(_HIS_WIFE_SENT), "Stuck. Cold.").speaker == "Fiona Drummond"


def test_the_one_it_was_sent_to_is_not_its_writer(quotes_of):
    # nearest negative: the wife is the one it was sent to, the husband wrote it
    assert said(quotes_of(_HE_SENT), "Stuck. Cold.").speaker == "Alasdair Drummond"


_RING = ("Police have charged four people over a driving test fraud in which stand-ins sat theory tests for cash.\n\n"
         "Detective Inspector Colin Hurst, of Midshire Police, said stand-ins had sat more than 300 tests.\n\n"
         "DI Hurst read out a message that the ring sent to every customer after payment: \"No refunds. No names.\"")

_HURST_SENT = ("Police have charged four people over a driving test fraud in which stand-ins sat theory tests for "
               "cash.\n\nDetective Inspector Colin Hurst, of Midshire Police, said stand-ins had sat more than 300 "
               "tests.\n\n"
               "DI Hurst read out a message that he sent to every victim after the arrests: \"No refunds. No names.\"")


def test_a_writer_described_and_never_named_is_no_one_not_the_reader(quotes_of):
    quote = said(quotes_of(_RING), "No refunds.")
    assert quote.speaker is None


def test_a_writer_the_clause_names_by_a_pronoun_is_still_read(quotes_of):
    # nearest negative: the clause's subject is the reader himself
    assert said(quotes_of(_HURST_SENT), "No refunds.").speaker == "Colin Hurst"
