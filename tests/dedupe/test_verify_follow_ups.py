"""A same-outlet follow-up and the coverage path (issue #21, benchmarks/README.md "Seventeenth round"): a follow-up
reports a new event in its lede and repeats its story's background after it. Written on the fictional water-main break
of test_verify_speakers: the boil notice lifted on Friday, its new event told in common words (no new names, so
novelty stays low, as fresh8 v7a457a4_follow_up's sentencing). Not solved: the round's rule (two ledes dated to other
weekdays, neither retold by the other) kept this follow-up apart and removed fresh8's 7 false pairs, but lost a
labelled restyle of the hold-out fresh7, so it was not kept; the passages stay for the round that solves it."""

from __future__ import annotations

import pytest

from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds, _verdict, novelty, verify
from tests.dedupe.test_verify_speakers import SOURCE

pytestmark = pytest.mark.unit

T = Thresholds()

# The source's own follow-up: the notice lifted on Friday; the break, the towns, the pipe and the bond retold as
# background, the rest new, naming nothing the source does not.
FOLLOW_UP = """Residents of four northern Harwell County towns who were told to boil their tap water can drink from the tap again, the utility said on Friday, after tests found the water clean.

The notice in Alder Falls, Greyton, Mill Creek and Pine Hollow, towns that are home to some 18,000 people, had been in place since the main broke under Route 9.

The main, laid in 1964, is among the 40 miles of old cast-iron pipe that the utility plans to replace by 2030.

The utility's board had approved a $62 million bond for that replacement work in March.

Schools in Greyton had closed for two days while the district handed out bottled water.

Crews finished the repair a day early, and the pressure came back overnight.

Samples taken at every school and clinic came back clean from the laboratory.

Families should run their taps for a few minutes before drinking, a spokesman said.

Shops that had stacked bottled water by the door were putting it back on the shelves."""

# A reordered rewrite: it opens on the source's repair paragraph (dated Wednesday), then retells the rest.
REORDERED = """Crews hoped to have the broken stretch of main replaced by Wednesday evening, the Harwell County utility said.

People in four northern towns were told on Monday to boil tap water after the main gave way beneath Route 9.

Pressure dropped across Alder Falls, Greyton, Mill Creek and Pine Hollow, where about 18,000 people live.

"Low pressure lets soil and groundwater into the pipes," Quintana said, asking everyone to boil water for a full minute.

Samples will go to the state laboratory in Carver before the notice ends, she said.

Greyton schools shut for two days, with bottled water arranged for the summer programme.

Laid in 1964, the main is among 40 miles of cast-iron pipe due to be replaced by 2030 with a $62 million bond from March.

Bottled water is available at the Alder Falls fire station each day, and no illnesses have been reported."""


def test_a_follow_up_repeating_its_storys_background_in_common_words_reads_as_a_retelling():
    # Why fresh8 v7a457a4_follow_up joins its story when other follow-ups stay apart: its new event names nothing
    # new (novelty under the coverage path's bar), and the background it repeats is enough coverage.
    follow_up, source = Profile.of(FOLLOW_UP), Profile.of(SOURCE)
    assert novelty(follow_up, source) < T.coverage_novelty
    assert _verdict(follow_up, source, T) is not None


@pytest.mark.xfail(strict=True, reason="not solved (benchmarks/README.md, Seventeenth round): a follow-up whose new "
                   "event names nothing new is read as a retelling of the background it repeats")
def test_a_follow_up_is_no_rewrite():
    assert verify(Profile.of(FOLLOW_UP), Profile.of(SOURCE), T) is None


def test_a_reordered_rewrite_opening_on_another_days_paragraph_is_a_rewrite():
    # The nearest positive of any rule on the lede's day: its lede names another day than the source's, but retells
    # a paragraph of the source with its facts.
    assert verify(Profile.of(REORDERED), Profile.of(SOURCE), T).level == "rewrite"
