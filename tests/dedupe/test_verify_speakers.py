"""Quoted speakers: a shorter document quoting someone the longer never names is a report of its own, not a rewrite.
The passages are written for these tests (a fictional water-main break), not taken from a benchmark part."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import InMemoryIndex, dedupe_batch, profiles
from newsfacts.dedupe.text import PROFILE_VERSION, SPEAKER, Profile, quoted_speakers
from newsfacts.dedupe.verify import Thresholds, _verdict, long_retelling, own_source, verify
from tests.dedupe.seeds import document, seeds

pytestmark = pytest.mark.unit

SOURCE = """The Harwell County water utility told residents of four northern towns on Monday to boil their tap water after a main broke under Route 9.

The break cut water pressure across Alder Falls, Greyton, Mill Creek and Pine Hollow, towns that are home to about 18,000 people.

"Low pressure lets soil and groundwater into the pipes, so we are asking everyone to boil water for a full minute," said Marisol Quintana, the utility's operations director.

Repair crews expected to finish replacing the broken section of the main by Wednesday evening, the utility said.

Schools in Greyton closed for two days, and the district arranged bottled water for its summer programme.

The main, laid in 1964, is one of 40 miles of cast-iron pipe the utility plans to replace by 2030.

The utility's board approved a $62 million bond for that replacement work in March.

Quintana said water samples would be tested at the state laboratory in Carver before the notice is lifted.

Residents can collect bottled water at the Alder Falls fire station from 8 a.m. to 6 p.m. each day.

The county health department said no illnesses linked to the water had been reported so far."""

# Another outlet's close retelling in the source's order, with one interview of its own.
INDEPENDENT = """Residents of four northern Harwell County towns were told on Monday to boil their tap water after a water main broke under Route 9.

The break cut the water pressure in Alder Falls, Greyton, Mill Creek and Pine Hollow, towns home to about 18,000 people.

Low pressure lets soil and groundwater into the pipes, so everyone should boil water for a full minute, said Marisol Quintana, the utility's operations director.

Crews expected to finish replacing the broken section of the main by Wednesday evening.

"We filled every pot in the house last night and the kids think it is camping," said Tobias Wren, who runs a bakery on the main street of Mill Creek.

Schools in Greyton closed for two days, and the district arranged bottled water for its summer programme.

The main, laid in 1964, is among 40 miles of cast-iron pipe the utility plans to replace by 2030."""

# A content farm's condensation: the source's speaker by surname, a generic "experts say", nobody of its own.
REWRITE = """Four northern towns of Harwell County were told on Monday to boil their tap water after a water main broke under Route 9.

The break cut the water pressure in Alder Falls, Greyton, Mill Creek and Pine Hollow, towns home to about 18,000 people.

"Low pressure lets soil and groundwater into the pipes," Quintana said, asking everyone to boil water for a full minute.

Crews expected to finish replacing the broken section of the main by Wednesday evening.

"Boiling is the one precaution that always works," experts say.

Schools in Greyton closed for two days, and the district arranged bottled water for its summer programme.

The main, laid in 1964, is among 40 miles of cast-iron pipe the utility plans to replace by 2030."""


def profile(text: str) -> Profile:
    return Profile.of(text)


def test_speakers_are_read_where_english_attributes_a_quotation():
    sentences = [
        '"We are ready," said Marisol Quintana, the operations director.',
        '"We are ready," Quintana said.',
        'Operations director Dr. Marisol Quintana said: "We are ready."',
        '"We are ready," Tobias Wren, who runs a bakery in Mill Creek, told the Gazette.',
        'The plan is sound, said senior engineer Priya Raman, "if the pipes hold."',
    ]
    assert quoted_speakers(sentences) == [["mariso quinta"], ["quinta"], ["mariso quinta"], ["tobia wren"],
                                          ["priya raman"]]


def test_no_speaker_without_a_quotation_or_a_name_in_the_attribution():
    sentences = [
        "Quintana said samples would be tested in Carver.",  # reported speech: no quotation mark
        '"Boiling always works," experts say.',  # nobody named
        '"Boiling always works," Officials said on Monday.',  # a generic word capitalised
        'The mayor wrote on Facebook that the notice was "a precaution."',  # the platform is not the speaker
        'The Gazette notes that the county has "vastly improved" its pipes.',  # not an attribution verb
        '"We are ready," he said.',
    ]
    assert quoted_speakers(sentences) == [[], [], [], [], [], []]


def test_a_shorter_report_quoting_someone_its_source_never_names_is_not_a_rewrite():
    independent, source = profile(INDEPENDENT), profile(SOURCE)
    assert _verdict(independent, source, Thresholds()) is not None  # the text alone reads as a retelling
    assert own_source(independent, source) == (4, "tobia wren")
    assert verify(independent, source, Thresholds()) is None


def test_a_condensation_quoting_the_sources_speaker_and_unnamed_experts_stays_a_rewrite():
    # The nearest negative: as close to the source, as short, quoting the source's speaker by surname and a
    # generic "experts say" instead of a person of its own.
    rewrite, source = profile(REWRITE), profile(SOURCE)
    assert own_source(rewrite, source) is None
    verdict = verify(rewrite, source, Thresholds())
    assert verdict is not None and verdict.level == "rewrite"


def test_the_longer_side_quoting_someone_the_shorter_never_names_is_no_veto():
    # A condensation drops its source's speakers: the source's quotation of Quintana, whom the condensation
    # below never names, says nothing against the pair.
    dropped = REWRITE.replace('"Low pressure lets soil and groundwater into the pipes," Quintana said, asking',
                              "Low pressure lets soil and groundwater into the pipes, so the utility asked")
    rewrite, source = profile(dropped), profile(SOURCE)
    assert not any(rewrite.speakers) and source.speakers
    assert own_source(rewrite, source) is None and own_source(source, rewrite) is None
    assert verify(rewrite, source, Thresholds()) is not None


def test_of_two_documents_as_long_either_quoting_someone_the_other_never_names_is_a_report():
    # Which is the source is unknown: precision first, both sides are read.
    independent = profile(INDEPENDENT)
    padded = profile(REWRITE.replace('"Boiling is the one precaution that always works," experts say.',
                                     "Boiling is the one precaution that always works."))
    assert independent.content_sentences == padded.content_sentences
    assert own_source(independent, padded) == own_source(padded, independent) == (4, "tobia wren")


def test_a_long_retelling_in_its_sources_order_is_a_rewrite_whoever_the_shorter_side_quotes():
    # Seed 004 retells 14 of 001's sentences in order and bolts on an FAQ, leaving out a spokesman's quotation: the
    # original is then the shorter side. A chain of strong_chain sentences in order outweighs a dropped quotation;
    # the nearest negative, the independent report above, chains fewer and stays vetoed.
    docs = seeds()
    rewrite, original = profile(docs["004"].body), profile(docs["001"].body)
    assert own_source(rewrite, original) is not None
    verdict = verify(rewrite, original, Thresholds())
    assert verdict is not None and long_retelling(verdict, Thresholds())
    independent, source = profile(INDEPENDENT), profile(SOURCE)
    assert not long_retelling(_verdict(independent, source, Thresholds()), Thresholds())


def test_stored_profiles_keep_their_speakers():
    source = profile(SOURCE)
    row = source.row("source")
    assert any(t.startswith(SPEAKER) for t in row["specifics"])
    loaded = profiles.load(profiles.table([row]), {"source": SOURCE})["source"]
    assert loaded.speakers == source.speakers and loaded.mentioned == source.mentioned
    assert loaded.openers == source.openers


def _index_profiled_before_speakers(source) -> InMemoryIndex:
    """An index holding the source with a profile row of version 5: no speakers among its specifics."""
    index = InMemoryIndex()
    index.publish([source], dedupe_batch([source], index, "run-1"))
    old = index._profiles[source.doc_id]
    kept = [(t, row) for t, row in zip(old["specifics"], old["specific_sentences"]) if not t.startswith(SPEAKER)]
    index._profiles[source.doc_id] = {**old, "version": "5:" + PROFILE_VERSION.split(":", 1)[1],
                                      "specifics": [t for t, _ in kept], "specific_sentences": [r for _, r in kept]}
    return index


def test_a_warehouse_profiled_before_speakers_were_stored_still_links_and_vetoes():
    # Rows of profile version 5 are not read: their documents are profiled again from their bodies, so the veto
    # sees the earlier document's speakers too, and the rows the run writes are of the current version.
    source, independent, rewrite = (document(n, text) for n, text in
                                    (("source", SOURCE), ("independent", INDEPENDENT), ("rewrite", REWRITE)))
    for doc, linked in ((rewrite, source.doc_id), (independent, None)):
        result = dedupe_batch([doc], _index_profiled_before_speakers(source), "run-2")
        assert result.stats["profiled_again"] == 1
        assert result.assignments[doc.doc_id].duplicate_of == linked
        assert [row["version"] for row in result.profiles] == [PROFILE_VERSION]


def test_a_reported_clause_or_a_seat_of_government_is_no_speaker():
    # Written for this test. "he said Washington opposes": the name after the verb is what was said, not who said
    # it; English puts the speaker after the verb only in a parenthetical ('," said Quintana') or "according to".
    # "Washington said", "the Kremlin said": a government speaking through its seat (lexicon "speaker_seats").
    sentences = [
        'Later he said Washington strongly opposes the "unlawful claims" in the strait.',
        '"We will not back down," Beijing said on Tuesday.',
        '"No comment," the Kremlin said.',
        '"The talks are over," Downing Street said.',
    ]
    assert quoted_speakers(sentences) == [[], [], [], []]
    # Nearest negatives: a person after a parenthetical verb, a person whose surname is a place.
    assert quoted_speakers(['"We are ready," said Marisol Quintana.', '"We act," said Denzel Washington.',
                            'The plan is sound, according to Liu, "if the pipes hold."']) == [
        ["mariso quinta"], ["denzel washin"], ["liu"]]


def test_a_restyle_saying_washington_for_its_sources_government_stays_a_rewrite():
    # The source never writes "Washington"; the restyle's "he said Washington ..." is no speaker of its own. The
    # nearest negative: the same restyle quoting a real person the source never names is still vetoed.
    restyle = REWRITE.replace('"Boiling is the one precaution that always works," experts say.',
                              'He said Washington would send "every pump it has" to the county.')
    rewrite, source = profile(restyle), profile(SOURCE)
    assert own_source(rewrite, source) is None
    assert verify(rewrite, source, Thresholds()) is not None
    own = profile(restyle.replace("He said Washington would send", '"Every pump we have," said Tobias Wren, who will send'))
    assert own_source(own, source) is not None and verify(own, source, Thresholds()) is None
