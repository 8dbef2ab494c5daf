"""A British run of quoted paragraphs closed in single marks (issue #25): after another speaker's closed quotation,
a block of quoted paragraphs each closed in ’, then a paragraph whose subject speaks, is that person's, as a run
closed in double marks is. Passages written for these tests, each beside its nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

# A run in single marks after another speaker's closed quotation, then a paragraph whose subject speaks: the run is
# hers (closed in ’ as a British story closes it), not the last speaker's going on.
_KIOSK = ("Seafront kiosk wins its licence back\n\n"
          "The kiosk's owner, Tom Vickery, has sold tea on the front since 1988.\n\n"
          "‘I'm told I can open on Easter Monday,’ Mr Vickery said. ‘I'll believe it when I see it.’\n\n"
          "‘Nobody on this front wanted it shut. We had two hundred letters.’\n\n"
          "{second}"
          "Councillor Jane Moss said that was why the committee had changed its mind.")


def test_a_run_closed_in_single_marks_is_the_speaker_named_after_it(quotes_of):
    quotes = quotes_of(_KIOSK.format(second="‘It is the first thing people see when they come down the hill.’\n\n"))
    assert said(quotes, "Nobody on this front").speaker == "Jane Moss"
    assert said(quotes, "first thing people see").speaker == "Jane Moss"


def test_one_quoted_paragraph_after_a_closed_quotation_is_the_last_speaker_going_on(quotes_of):
    # nearest negative: one paragraph, no block of its own: the last speaker going on, as before
    quotes = quotes_of(_KIOSK.format(second=""))
    assert said(quotes, "Nobody on this front").speaker == "Tom Vickery"
