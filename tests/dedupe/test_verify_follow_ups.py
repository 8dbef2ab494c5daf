"""A follow-up is no rewrite (issue #21, benchmarks/README.md "Seventeenth round"): it reports a new event in its lede,
dated to another day, and repeats its story's background after it. Written on the fictional water-main break of
test_verify_speakers: the boil notice lifted on Friday, its new event told in common words (no new names, so novelty
stays low, as fresh8 v7a457a4_follow_up's sentencing), beside its nearest positive, a reordered rewrite opening on a
paragraph the source dates to another day."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import InMemoryIndex, dedupe_batch
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds, _verdict, later_event, lede_days, novelty, verify
from tests.dedupe.seeds import document
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


def test_a_follow_up_dated_to_another_day_is_no_rewrite():
    follow_up, source = Profile.of(FOLLOW_UP), Profile.of(SOURCE)
    assert novelty(follow_up, source) < T.coverage_novelty  # no new names: novelty cannot tell
    assert _verdict(follow_up, source, T) is not None  # the text alone reads as a retelling of the background
    assert lede_days(follow_up) and lede_days(source) and not lede_days(follow_up) & lede_days(source)
    assert later_event(follow_up, source, T) and later_event(source, follow_up, T)
    assert verify(follow_up, source, T) is None


def test_a_reordered_rewrite_opening_on_another_days_paragraph_stays_a_rewrite():
    # Nearest positive: its lede names another day than the source's, but retells a paragraph of the source with
    # its facts (and the source's lede is retold too).
    reordered, source = Profile.of(REORDERED), Profile.of(SOURCE)
    assert lede_days(reordered) and not lede_days(reordered) & lede_days(source)
    assert not later_event(reordered, source, T)
    assert verify(reordered, source, T).level == "rewrite"


def test_a_rewrite_keeping_its_sources_day_is_no_later_event():
    # The same lede day on both sides, or none on one: nothing to tell.
    same_day = FOLLOW_UP.replace("the utility said on Friday", "the utility said on Monday")
    assert not later_event(Profile.of(same_day), Profile.of(SOURCE), T)
    undated = FOLLOW_UP.replace(" on Friday", "")
    assert not lede_days(Profile.of(undated)) and not later_event(Profile.of(undated), Profile.of(SOURCE), T)


@pytest.mark.parametrize("runs", [[["source", "reordered", "follow_up"]], [["follow_up"], ["reordered"], ["source"]],
                                  [["source"], ["follow_up", "reordered"]]], ids=str)
def test_the_follow_up_stays_apart_in_one_batch_and_across_runs(runs):
    docs = {"source": document("source", SOURCE), "reordered": document("reordered", REORDERED),
            "follow_up": document("follow_up", FOLLOW_UP)}
    index, final = InMemoryIndex(), {}
    for k, names in enumerate(runs, 1):
        batch = [docs[n] for n in names]
        result = dedupe_batch(batch, index, f"run-{k}")
        index.publish(batch, result)
    final = {d.doc_id: d.cluster_id for d in index.fetch(docs, bodies=False)}
    assert final["follow_up"] == "follow_up"
    assert final["reordered"] == final["source"]
