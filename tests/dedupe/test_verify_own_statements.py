"""A rewrite brings no statements of its own: sentences that name people or places its source never names and retell
nothing of it are another outlet's own reporting (verify.own_statements, Thresholds.own_statements)."""

from __future__ import annotations

import pytest

from newsfacts.dedupe.align import similarity_matrix
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import Thresholds, own_statements, verify

pytestmark = pytest.mark.unit

# A water board's decision, told at length, with voices and figures a shorter piece leaves out.
SOURCE = (
    "The Dunlow water board agreed on Monday to raise household bills by 9 percent from April. "
    "Board chairman Tomas Reyburn said the increase would pay for replacing 40 kilometres of lead pipes. "
    "The average household will pay about 38 pounds more a year, according to the board's figures. "
    "Reyburn said the pipes under the Old Quarter were laid before 1930 and leak badly. "
    "Residents of Carnby complained that their supply was cut twice in January. "
    "The board expects the work to take four years and to start under the Old Quarter. "
    "Consumer group Fairtap said the rise came at a difficult time for families. "
    "Fairtap spokeswoman Ada Lindqvist said pensioners in Carnby would struggle to pay. "
    "The Pellham Regulator must still approve the new tariff before it takes effect. "
    "Deputy chairwoman Greta Solberg and treasurer Piet Anand backed the plan. "
    "The Kessing Trust, which owns the reservoir at Holby, welcomed the decision. "
    "The vote passed by six votes to two after a long debate."
)
# The same decision retold shorter and in another order, naming only what the source names.
REWRITE = (
    "Households in Dunlow face a 9 percent rise in their water bills from April. "
    "Lead pipes laid under the Old Quarter before 1930 leak badly, chairman Tomas Reyburn said. "
    "Families will pay roughly 38 pounds extra each year, the board's figures show. "
    "Carnby residents say their water supply was cut off twice in January. "
    "The Dunlow water board approved the rise on Monday by six votes to two."
)
# Another outlet's report of the decision: the shared facts, and four statements from its own sources. It names
# less of its own than the long source does, so it is the side read.
REPORT = (
    "The Dunlow water board will raise household bills by 9 percent from April, it decided on Monday. "
    "Chairman Tomas Reyburn said the money would replace lead pipes under the Old Quarter. "
    "Engineer Maeve Okafor of the Halden Institute told us the network loses a fifth of what it carries. "
    "Councillor Ibsen Marlowe called for a public inquiry into how the board spends. "
    "In neighbouring Westmere, the Grayton utility froze its charges last year. "
    "Opposition leader Runa Castell said the board had ignored warnings for a decade. "
    "Carnby residents say their water supply was cut off twice in January."
)


def count(x: str, y: str) -> int:
    a, b = Profile.of(x), Profile.of(y)
    return own_statements(similarity_matrix(a, b), a, b, Thresholds().loose_similarity)


def test_a_report_quoting_its_own_sources_has_statements_of_its_own():
    assert count(REPORT, SOURCE) == 4 > Thresholds().own_statements
    assert count(SOURCE, REPORT) == 4  # the pair is read the same way round either way


def test_a_rewrite_naming_only_what_its_source_names_has_none():
    assert count(REWRITE, SOURCE) == 0


def test_the_rewrite_is_still_verified():
    assert verify(Profile.of(REWRITE), Profile.of(SOURCE), Thresholds()) is not None


def test_a_source_sentence_retold_with_a_name_spelled_its_own_way_is_no_statement_of_its_own():
    # "Tom" and "Dunlow Water" are the rewrite's own words, but the sentence retells the source's, naming Reyburn.
    respelled = REWRITE.replace("chairman Tomas Reyburn said", "Dunlow Water chief Tom Reyburn said")
    assert count(respelled, SOURCE) == 0
