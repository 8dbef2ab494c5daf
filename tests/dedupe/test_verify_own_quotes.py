"""Issue #21's reports whose facts every report repeats (benchmarks/README.md, "Nineteenth round: reports whose facts
every report repeats"): a game's score, its scorers and its coach are in every report of it, so shared specifics, even
shared speakers, are no evidence of copying. What a rewrite cannot share with another outlet's report is the words
that outlet's reporter heard (verify.quoted_apart), and what a content farm's padding keeps of its brief is that
brief's own choice of facts (batch.briefs_less_chosen). Written on a fictional basketball game, each beside its
nearest positive."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import InMemoryIndex, dedupe_batch
from newsfacts.dedupe import profiles as stored_profiles
from newsfacts.dedupe.batch import briefs_less_chosen
from newsfacts.dedupe.text import Profile, quoted_stems_per_sentence
from newsfacts.dedupe.verify import EXPANSION, Thresholds, _verdict, own_quote, quoted_apart, verify, wording_kept
from tests.dedupe.seeds import document

pytestmark = pytest.mark.unit

T = Thresholds()

SOURCE = """HARBOR CITY — Mara Voss became the first player in league history to score 30 points against every team on Saturday night, and Dell Okafor added 22 as the Harbor City Gulls beat the Ridgeport Foxes 98-91 for their sixth straight win.

Voss finished with 31 points, nine rebounds and seven assists in front of 14,200 fans at Pier Arena, where the Gulls have won 11 of 12.

She was more relieved than proud after the game. "I didn't even know about the record until the fourth quarter, and by then I just wanted the win," Voss said.

Voss has scored at least 30 points in five of her last eight games and leads the league with 27.4 points a game.

Okafor scored 14 of his 22 points in the third quarter, when the Gulls turned a four-point deficit into a 12-point lead.

"Mara makes everybody around her better, and tonight she made history while doing it," Gulls coach Ivan Petrenko said.

Tessa Lindqvist scored 28 points for the Foxes, who have lost three of four, and Bram Oyelaran added 17 points and 13 rebounds.

Ridgeport cut the lead to three with 1:10 left on a 3-pointer by Lindqvist, but Voss answered with a driving layup.

"We had our chances down the stretch, and we just didn't finish," Foxes coach Carla Mendes said.

The Foxes were without guard Pieter Holm, who missed his fourth straight game with a sprained ankle.

Okafor has scored in double figures in every game this season, and his 22 points were his most since opening night.

The Gulls shot 52 percent from the field and made 11 of 24 3-pointers, while the Foxes made 7 of 29.

Harbor City outrebounded Ridgeport 44-38 and scored 18 points off 15 Foxes turnovers.

Lindqvist, a former Gull, was booed each time she touched the ball in the first half and scored 16 of her 28 after halftime.

"The building was loud for her, and she handled it like a pro," Petrenko said of Lindqvist.

Oyelaran picked up his fourth foul early in the third quarter and sat for six minutes, when the Gulls made their run.

The Foxes led 50-46 at halftime after shooting 58 percent in the second quarter.

Voss scored eight straight points for Harbor City late in the third quarter, including back-to-back 3-pointers.

The Gulls' bench outscored Ridgeport's 24-9, with rookie Jonah Pike adding 10 points in 14 minutes.

"Jonah gave us a lift when we needed it, and that's what young players have to do," Voss said.

TIP-INS

Foxes: Mendes was given a technical foul in the second quarter for arguing a charge call. Ridgeport has lost six straight games at Pier Arena.

Gulls: Okafor left briefly in the second quarter with a bloody nose but returned. Harbor City has won 17 of its last 20 against Ridgeport.

UP NEXT

The Gulls visit Ridgeport on Tuesday, and the Foxes host Dunmore on Thursday."""

# Another outlet's own short report of the game: the same score, scorers, coach and players in the source's order
# of events, and a quote of a player the source names, in words the source never has: its reporter's interview.
REPORT = """RIDGEPORT — The Foxes had the Gulls worried late on Saturday night at Pier Arena.

Tessa Lindqvist scored 28 points and hit a 3-pointer to cut the lead to three with 1:10 left, but Mara Voss answered with a driving layup as Harbor City won 98-91.

"We keep getting close against good teams, and close is not a result," Lindqvist said.

Voss finished with 31 points, nine rebounds and seven assists, becoming the first player in league history to score 30 points against every team.

Dell Okafor added 22 points for the Gulls, 14 of them in the third quarter, and Harbor City won its sixth straight.

Bram Oyelaran had 17 points and 13 rebounds for Ridgeport, which was again without guard Pieter Holm.

Foxes coach Carla Mendes said her team had its chances down the stretch.

The Foxes, who have lost three of four, host Dunmore on Thursday."""

# The source cut down, in words of its own, quoting only the source's words.
CONDENSED = """Mara Voss became the first player in league history to score 30 points against every team on Saturday, and Dell Okafor added 22 as the Harbor City Gulls beat the Ridgeport Foxes 98-91 for a sixth straight win.

Voss had 31 points, nine rebounds and seven assists at Pier Arena, where the Gulls have won 11 of 12. "I didn't even know about the record until the fourth quarter, and by then I just wanted the win," she said.

Voss has scored 30 or more in five of her last eight games and leads the league with 27.4 points a game.

Okafor scored 14 of his points in the third quarter, turning a four-point deficit into a 12-point lead.

Tessa Lindqvist scored 28 for the Foxes, who have lost three of four, and cut the lead to three with 1:10 left before a Voss layup sealed it.

The Gulls visit Ridgeport on Tuesday."""


def test_a_quotation_keeps_its_words_apart_from_the_stems():
    sentences = ['"We keep getting close against good teams, and close is not a result," Lindqvist said.',
                 'Foxes coach Carla Mendes said her team had its chances "down the stretch."',
                 "Voss finished with 31 points."]
    quoted = quoted_stems_per_sentence(sentences)
    assert "result" in quoted[0] and "lindqvist" not in quoted[0]
    assert quoted[1:] == [[], []]  # three words in quotation marks are a phrase, not a quotation (min_quote_words)


def test_stored_profiles_keep_their_quotations():
    source = Profile.of(SOURCE)
    loaded = stored_profiles.load(stored_profiles.table([source.row("source")]), {"source": SOURCE})["source"]
    assert loaded.quotations == source.quotations and len(source.quotations) == 5
    assert loaded.mentioned == source.mentioned and loaded.speakers == source.speakers
    assert (loaded.words_used == source.words_used).all()


def test_another_outlets_report_quoting_words_of_its_own_is_not_a_rewrite():
    report, source = Profile.of(REPORT), Profile.of(SOURCE)
    assert report.content_sentences < source.content_sentences
    assert _verdict(report, source, T) is not None  # its facts, speakers and order are the source's
    assert own_quote(report, source, T) and own_quote(source, report, T)
    assert quoted_apart(report, source, T)
    assert verify(report, source, T) is None


def test_a_condensation_quoting_its_sources_words_stays_a_rewrite():
    condensed, source = Profile.of(CONDENSED), Profile.of(SOURCE)
    assert own_quote(source, condensed, T)  # the source's quotes the condensation dropped
    assert not own_quote(condensed, source, T)
    assert not quoted_apart(condensed, source, T)
    verdict = verify(condensed, source, T)
    assert verdict is not None and verdict.level == "rewrite"


def test_a_rewrite_dropping_every_quote_is_not_read_as_quoting_its_own():
    dropped = Profile.of("\n\n".join(p for p in SOURCE.split("\n\n") if '"' not in p))
    assert not dropped.quotations
    assert not quoted_apart(dropped, Profile.of(SOURCE), T)


# Two outlets' one-sentence briefs of the game: the same record, score and teams; each picks a fact the other leaves
# out (the source's brief the second scorer and the streak, the other outlet's the night).
OWN_BRIEF = ("Mara Voss scored 31 points to become the first player to score 30 against every team, and Dell Okafor"
             " added 22 as the Harbor City Gulls beat the Ridgeport Foxes 98-91 for their sixth straight win.")
OTHER_BRIEF = ("Mara Voss of the Harbor City Gulls became the first player to score 30 points against every team on"
               " Saturday, finishing with 31 points in a 98-91 win over the Ridgeport Foxes.")

# A content farm's padding of the source's brief, in its own words (it keeps next to none of either brief's wording),
# opening, as the other brief does, on the record and the night.
PADDED = "\n".join([
    "Mara Voss has become the first player to do something nobody in the league had done before.",
    "On Saturday night she managed to score 30 points or more against every team.",
    "The Harbor City Gulls star was finishing with 31 points.",
    "The historic game came against the Ridgeport Foxes.",
    "Harbor City won the game 98-91.",
    "It was a sixth straight win for the team.",
    "Alongside her, Dell Okafor added 22 points.",
    "The two have become one of the most dangerous duos around.",
    "Scoring 30 in a game takes skill, stamina and confidence.",
    "Doing it against every opponent takes years of consistency.",
    "Many great players have come close to the mark over the years.",
    "For Voss, the record is another line in a remarkable career.",
    "Fans will be hoping the winning streak goes on for a long time.",
])


def test_an_expansion_keeping_no_briefs_wording_links_to_the_brief_whose_facts_it_keeps():
    own, other, padded = Profile.of(OWN_BRIEF), Profile.of(OTHER_BRIEF), Profile.of(PADDED)
    assert verify(own, padded, T).method == EXPANSION and verify(other, padded, T).method == EXPANSION
    assert max(wording_kept(own, padded), wording_kept(other, padded)) < T.wording_min  # the wording says nothing
    profiles = {"own": own, "other": other, "padded": padded}
    items = [("own", ("own", "padded")), ("other", ("other", "padded"))]
    assert briefs_less_chosen("padded", items, [], profiles) == {("other", "padded")}
    docs = [document(name, text) for name, text in (("own", OWN_BRIEF), ("other", OTHER_BRIEF), ("padded", PADDED))]
    cluster = {d: a.cluster_id for d, a in dedupe_batch(docs, InMemoryIndex(), "run-1").assignments.items()}
    assert cluster["padded"] == cluster["own"] != cluster["other"]


def test_two_briefs_choosing_the_same_facts_are_no_tie_broken():
    # Nearest negative: the other outlet's brief names what the source's brief names, no more and no less: nothing
    # tells which the padding pads, so both links stay (fresh6 c81e134e).
    same = ("Mara Voss had 31 points as the first player to score 30 against every team, and Dell Okafor scored 22 as"
            " the Harbor City Gulls won 98-91 over the Ridgeport Foxes for a sixth straight win.")
    own, other, padded = Profile.of(OWN_BRIEF), Profile.of(same), Profile.of(PADDED)
    assert own.mentioned == other.mentioned
    profiles = {"own": own, "other": other, "padded": padded}
    items = [("own", ("own", "padded")), ("other", ("other", "padded"))]
    assert briefs_less_chosen("padded", items, [], profiles) == set()


def test_two_rewrites_of_about_one_length_keeping_different_quotes_are_not_kept_apart():
    # Nearest negative: two condensations of the source, each keeping a quote of it the other dropped, quote words
    # of their own against each other; of about one length, neither is read as the other's condensation.
    other = CONDENSED.replace(
        '"I didn\'t even know about the record until the fourth quarter, and by then I just wanted the win," she said.',
        '"Mara makes everybody around her better, and tonight she made history while doing it," coach Ivan Petrenko'
        ' said.')
    a, b = Profile.of(CONDENSED), Profile.of(other)
    assert own_quote(a, b, T) and own_quote(b, a, T)
    assert not quoted_apart(a, b, T)
    assert not quoted_apart(b, Profile.of(SOURCE), T)  # and its quote is the source's
