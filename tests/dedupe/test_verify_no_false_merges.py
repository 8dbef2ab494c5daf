"""Issue #21's precision (benchmarks/README.md, "Sixteenth round: no false merges"): another outlet's brief of an event
and its expansion are independent of the source and of the source's own brief; a report introducing a person of its
own is a report, whether or not a quotation mark stands beside the name. Each false-merge shape of the hard
negatives (n1) is written here on a fictional water-main break, beside its nearest positive, a real condensation or
expansion that must still link."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import InMemoryIndex, dedupe_batch
from newsfacts.dedupe.text import Profile, introduced_speakers
from newsfacts.dedupe.verify import (EXPANSION, Thresholds, _verdict, brief_apart, expansion, own_source,
                                     padded_source, verify, wording_kept)
from tests.dedupe.seeds import document
from tests.dedupe.test_verify_speakers import REWRITE, SOURCE

pytestmark = pytest.mark.unit

T = Thresholds()


def test_a_person_introduced_by_role_or_apposition_is_a_speaker_with_or_without_a_quotation_mark():
    sentences = [
        "Harwell's deputy fire chief, Owen Trask, said crews pumped out two basements.",
        "Dr. Lena Morrow, an infectious disease specialist at Carver General who was not involved, said the risk was low.",
        '"We filled every pot," Mill Creek baker Tobias Wren said.',
        "In Greyton, shopkeeper Ada Pruitt stacked bottled water by the door.",
        '"People bought it all by noon," she said.',
    ]
    assert introduced_speakers(sentences) == [["owen trask"], ["lena morrow"], ["tobia wren"], ["ada pruitt"], []]


def test_no_introduction_in_a_body_a_platform_or_a_person_only_spoken_to():
    sentences = [
        "The utility and the County Health Department said no illnesses were reported.",  # bodies after "the"
        "Marisol Quintana, the operations director, told The Gazette in a statement that tests were under way.",
        '"We are ready," she said.',  # the person before the pronoun is Quintana, named with a capital role
        "Quintana said samples would be tested in Carver.",  # one word: a surname the source already introduced
        "In Greyton, shops stacked bottled water by the door.",  # a role, but no person
        '"It went by noon," one said.',
    ]
    assert introduced_speakers(sentences) == [[], ["mariso quinta"], [], [], [], []]


# Another outlet's close retelling in the source's order: the source's facts and speaker, and one person of its own
# introduced by apposition, in reported speech (fresh2 7916ecca's provincial council chief, dev e7994d55's Labour
# campaign chief: no quotation mark, so the quoted speakers alone did not see them).
REPORT = """Residents of four northern Harwell County towns were told on Monday to boil their tap water after a water main broke under Route 9.

The break cut the water pressure in Alder Falls, Greyton, Mill Creek and Pine Hollow, towns home to about 18,000 people.

Low pressure lets soil and groundwater into the pipes, so everyone should boil water for a full minute, said Marisol Quintana, the utility's operations director.

Crews expected to finish replacing the broken section of the main by Wednesday evening.

Harwell's deputy fire chief, Owen Trask, said crews had pumped water out of two flooded basements on Route 9 overnight.

Schools in Greyton closed for two days, and the district arranged bottled water for its summer programme.

The main, laid in 1964, is among 40 miles of cast-iron pipe the utility plans to replace by 2030."""


def test_a_shorter_report_introducing_a_person_its_source_never_names_is_not_a_rewrite():
    report, source = Profile.of(REPORT), Profile.of(SOURCE)
    assert _verdict(report, source, T) is not None  # the text alone reads as a retelling
    assert own_source(report, source) == (4, "owen trask")
    assert verify(report, source, T) is None


def test_a_condensation_introducing_the_sources_own_speaker_stays_a_rewrite():
    # Nearest positive: as close and as short, introducing by apposition the person the source quotes.
    condensed = REPORT.replace(
        "Harwell's deputy fire chief, Owen Trask, said crews had pumped water out of two flooded basements on Route 9"
        " overnight.", "Before the notice ends, samples go to a state laboratory, the utility's operations director,"
        " Marisol Quintana, said.")
    rewrite, source = Profile.of(condensed), Profile.of(SOURCE)
    assert own_source(rewrite, source) is None
    assert rewrite.speakers and verify(rewrite, source, T).level == "rewrite"


# A content farm's padding of the source to twice its length, quoting nobody (the eval set's drug_rewrite_faq: an FAQ
# bolted on, the source's allergist dropped): the source, shorter, introduces a person the padding never names.
SHORT_SOURCE = "\n\n".join([
    "The Harwell County water utility told residents of four northern towns on Monday to boil their tap water after"
    " a main broke under Route 9.",
    "The break cut water pressure across Alder Falls, Greyton, Mill Creek and Pine Hollow, towns that are home to"
    " about 18,000 people.",
    "Dr. Lena Morrow, an infectious disease specialist at Carver General, said a minute of boiling kills the bacteria"
    " that low pressure lets into the pipes.",
    "Repair crews expected to finish replacing the broken section of the main by Wednesday evening, the utility said.",
    "Schools in Greyton closed for two days, and the district arranged bottled water for its summer programme.",
    "The main, laid in 1964, is one of 40 miles of cast-iron pipe the utility plans to replace by 2030.",
    "Residents can collect bottled water at the Alder Falls fire station from 8 a.m. to 6 p.m. each day.",
])
FAQ = "\n\n".join([
    "Four northern towns of Harwell County were told on Monday to boil their tap water after a water main broke under"
    " Route 9.",
    "The break cut the water pressure in Alder Falls, Greyton, Mill Creek and Pine Hollow, towns home to about 18,000"
    " people.",
    "Crews expected to finish replacing the broken section of the main by Wednesday evening.",
    "Schools in Greyton closed for two days, and the district arranged bottled water for its summer programme.",
    "The main, laid in 1964, is one of 40 miles of cast-iron pipe the utility plans to replace by 2030.",
    "Residents can collect bottled water at the Alder Falls fire station from 8 a.m. to 6 p.m. each day.",
    "What does a boil notice mean for a household?",
    "It means water from the tap should be brought to a rolling boil before anyone drinks it or cooks with it.",
    "How long should the water boil to be safe?",
    "A full minute at a rolling boil is enough to kill the bacteria that low pressure can let into pipes.",
    "Can families still shower and wash their hands?",
    "Adults can usually shower as normal, but small children should be bathed with great care.",
    "Is bottled water a good substitute for boiled water?",
    "Sealed bottled water is safe to drink and is often the easiest choice for busy families.",
    "When will the notice be lifted?",
    "The notice stays in place until tests show the water in the pipes is clean again.",
])


def test_a_padding_twice_as_long_that_quotes_nobody_is_a_rewrite_of_a_source_introducing_its_expert():
    source, padded = Profile.of(SHORT_SOURCE), Profile.of(FAQ)
    assert padded.content_sentences >= T.expansion_ratio * source.content_sentences and not padded.speakers
    assert own_source(source, padded) is not None and padded_source(source, padded, T)
    assert verify(source, padded, T).level == "rewrite"
    # Nearest negative: the same length, but quoting a person of its own: no padding of the shorter, which stays a
    # report of its own.
    quoting = Profile.of(FAQ.replace("Sealed bottled water is safe to drink",
                                     '"Sealed bottled water is safe," said grocer Ada Pruitt, "and it is'))
    assert quoting.speakers and not padded_source(source, quoting, T)


# Briefs: the source's one-sentence brief, another outlet's of the same event (the same facts in its own words and
# order), and a content farm's padding of the other outlet's brief, keeping its wording.
OWN_BRIEF = ("Four northern Harwell County towns, home to about 18,000 people, were told on Monday to boil their tap"
             " water after a water main broke under Route 9.")
OTHER_BRIEF = ("About 18,000 people in four northern Harwell County towns must boil their tap water after a main broke"
               " under Route 9 on Monday, the county said.")
OTHER_EXPANDED = "\n".join([
    "Harwell County residents woke up to an unwelcome message this week.",
    "About 18,000 people in four northern Harwell County towns must now boil water from the tap.",
    "The order followed the failure of a pipe under Route 9 on Monday, the county said.",
    "When a main broke like this, the pressure in the pipes can drop for hours.",
    "Low pressure can let dirt and groundwater seep into the system.",
    "That is why officials ask people to boil water before drinking it.",
    "Boiling is a simple step that most families can take at home.",
    "Many households keep bottled water on hand for exactly this kind of situation.",
    "Local shops often see a rush on bottled water when such a notice goes out.",
    "For parents of young children, the order means extra care in the kitchen.",
    "Restaurants in the affected towns will also have to adjust how they cook.",
    "Utilities across the country face similar problems with ageing pipes.",
    "Breaks like this one are more common in older systems.",
    "Repair work on a main can take days, depending on the damage.",
    "Notices like this are usually lifted only after water samples come back clean.",
    "Until then, residents are asked to be patient and careful.",
])


def test_another_outlets_brief_is_no_rewrite_of_the_sources_report_or_of_its_brief():
    other, own, source = Profile.of(OTHER_BRIEF), Profile.of(OWN_BRIEF), Profile.of(SOURCE)
    verdict = _verdict(other, source, T)
    assert verdict is None or brief_apart(verdict, other, source, T)  # its facts are all in the report
    assert verify(other, source, T) is None
    assert verify(other, own, T) is None  # two one-line briefs naming the same facts
    # Nearest positive: the content farm's padding of the other brief, naming nothing of its own, expands it.
    padded = Profile.of(OTHER_EXPANDED)
    verdict = verify(other, padded, T)
    assert verdict is not None and verdict.method == EXPANSION


def test_a_copy_of_a_brief_is_still_a_copy():
    other = Profile.of(OTHER_BRIEF)
    assert verify(other, Profile.of(OTHER_BRIEF + "\n\n"), T).level == "exact"


def test_an_expansion_links_to_the_brief_whose_wording_it_keeps():
    other, own, padded = Profile.of(OTHER_BRIEF), Profile.of(OWN_BRIEF), Profile.of(OTHER_EXPANDED)
    assert expansion(own, padded, T) and expansion(other, padded, T)  # the facts fit both briefs
    assert wording_kept(other, padded) >= T.wording_min
    assert wording_kept(own, padded) < T.wording_closer * wording_kept(other, padded)
    docs = [document(name, text) for name, text in (("own_brief", OWN_BRIEF), ("other_brief", OTHER_BRIEF),
                                                   ("other_expanded", OTHER_EXPANDED))]
    result = dedupe_batch(docs, InMemoryIndex(), "run-1")
    cluster = {d: a.cluster_id for d, a in result.assignments.items()}
    assert cluster["other_expanded"] == cluster["other_brief"] != cluster["own_brief"]


# A condensation of the source in words of its own, shorter than the report above.
CONDENSED = """The Harwell County utility told people in four northern towns to boil tap water on Monday after a main broke beneath Route 9.

Pressure fell across Alder Falls, Greyton, Mill Creek and Pine Hollow, where about 18,000 people live.

"Low pressure lets soil and groundwater into the pipes," Quintana said, asking everyone to boil water for a full minute.

Crews hoped to have the broken section of main replaced by Wednesday evening.

Greyton schools shut for two days, with bottled water arranged for the summer programme.

Laid in 1964, the main is among 40 miles of cast-iron pipe to be replaced by 2030."""


def test_a_report_of_its_own_does_not_join_the_story_through_the_sources_condensation():
    # fresh4 7f93c194, fresh6 c81e134e: another outlet's report, with a person of its own, is kept apart from the
    # source, but a condensation of the source shorter than the report verifies with it (only the shorter side's
    # people are read: a condensation drops its source's). The source, which the condensation retells and the report
    # does not, never names the report's person either: the report added them (batch.reported_apart).
    source, condensed, report = (document(n, text) for n, text in
                                 (("source", SOURCE), ("condensed", CONDENSED), ("report", REPORT)))
    profiles = {d.doc_id: Profile.of(d.body) for d in (source, condensed, report)}
    assert profiles["condensed"].content_sentences < profiles["report"].content_sentences
    assert verify(profiles["report"], profiles["condensed"], T) is not None
    assert verify(profiles["report"], profiles["source"], T) is None
    result = dedupe_batch([source, condensed, report], InMemoryIndex(), "run-1")
    assert result.assignments["condensed"].cluster_id == "source"
    assert result.assignments["report"].cluster_id == "report"
    # Nearest positive: the same retelling introducing the source's own speaker is a rewrite in the story.
    retold = REPORT.replace(
        "Harwell's deputy fire chief, Owen Trask, said crews had pumped water out of two flooded basements on Route 9"
        " overnight.", "Before the notice ends, samples go to a state laboratory, the utility's operations director,"
        " Marisol Quintana, said.")
    result = dedupe_batch([source, condensed, document("retold", retold)], InMemoryIndex(), "run-1")
    assert result.assignments["retold"].cluster_id == "source"
