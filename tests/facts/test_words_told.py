"""Words told to someone (speakers51, issue #25; newsfacts/facts/addressees.py): the subject of a passive "told" that
runs into the words is the one told, never the teller; the teller is the agent nearest before the words, else whom
the clause joined to it says the subject spoke to or raised it with, else no one. Passages written for these tests,
each positive beside its nearest negative (the subject telling, in the active)."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said, unnamed_said

pytestmark = pytest.mark.integration

_TWO_AGENTS = ("Patients were given conflicting advice after the recall.\n\n"
               "One patient, Gerald Finch, 68, said he had been told by his surgery to \"carry on as normal\" and by a "
               "newspaper to \"check your pills now.\"")


def test_the_agent_nearest_before_the_words_told_them(quotes_of):
    quote = said(quotes_of(_TWO_AGENTS), "check your pills")
    assert quote.speaker is None and "newspaper" in unnamed_said(_TWO_AGENTS, quote)


def test_the_first_agent_told_the_first_words(quotes_of):
    # nearest negative: the surgery's words stay the surgery's
    assert said(quotes_of(_TWO_AGENTS), "carry on as normal").speaker == "his surgery"


_RAISED_WITH = ("The book won a prize in 2023.\n\n"
                "Her supervisor, Dr Ruth Allardyce, said she first raised concerns with Carrick University in January "
                "and was told, in an email she has shared with Campus Review, that the matter was 'closed'.")

_TOLD_THEM = ("The book won a prize in 2023.\n\n"
              "Her supervisor, Dr Ruth Allardyce, said she first raised concerns with Carrick University in January "
              "and told them, in an email she has shared with Campus Review, that the matter was 'not closed'.")


def test_told_after_raising_it_with_a_body_is_the_bodys_answer(quotes_of):
    assert said(quotes_of(_RAISED_WITH), "closed").speaker == "Carrick University"


def test_telling_a_body_after_raising_it_with_them_is_the_tellers(quotes_of):
    # nearest negative: in the active, she told them
    assert said(quotes_of(_TOLD_THEM), "not closed").speaker == "Ruth Allardyce"


_SPOKEN_TO = ("The car was withdrawn from the sale on Friday. The seller is represented by a solicitor.\n\n"
              "Mr Stainforth said he had spoken to the seller early yesterday, and was told: 'Withdraw it. I want this "
              "settled properly.'")

_TOLD_HIM = ("The car was withdrawn from the sale on Friday. The seller is represented by a solicitor.\n\n"
             "Mr Stainforth said he had spoken to the seller early yesterday, and told him: 'Withdraw it. I want this "
             "settled properly.'")


def test_the_one_told_by_someone_never_named_is_not_the_speaker(quotes_of):
    assert said(quotes_of(_SPOKEN_TO), "Withdraw it").speaker is None


def test_the_one_who_told_someone_is_the_speaker(quotes_of):
    # nearest negative: in the active, Mr Stainforth told the seller
    assert said(quotes_of(_TOLD_HIM), "Withdraw it").speaker == "Stainforth"
