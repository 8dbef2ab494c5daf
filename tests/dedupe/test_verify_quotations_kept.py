"""Nineteenth round (benchmarks/README.md, "Nineteenth round: restyles in words of their own"): a restyle that
rewords every sentence of its source but keeps the source's quotations word for word, and its nearest negatives:
another outlet's report of the same event that shares the source's quotations but quotes someone of its own, or
shares one; and a follow-up that repeats the quotations beside facts of its own. Texts written for these tests."""

from __future__ import annotations

import pyarrow as pa
import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe import profiles as stored_profiles
from newsfacts.dedupe.text import Profile, quoted_words
from newsfacts.dedupe.verify import QUOTED_RETELLING, novelty, quotations_kept, stem_overlap, verify

pytestmark = pytest.mark.unit

# A library story: 11 sentences, three long quotations.
SOURCE = (
    "The Brackley town council voted on Monday to close the Elmfield branch library at the end of June. "
    "Council leader Harriet Vance said the branch cost $310,000 a year and drew fewer than 40 visitors a day. "
    "\"We cannot keep a building open for a handful of people while the central library is ten minutes away,\" "
    "Vance said. "
    "The Friends of Elmfield Library, a volunteer group, collected 2,400 signatures against the closure. "
    "Its chair, Owen Marsh, told councillors that the branch runs the only homework club in the district. "
    "\"These children have nowhere else to go after school, and the council knows it,\" Marsh said. "
    "Councillor Priya Lindqvist proposed keeping the building open two days a week, but her amendment failed. "
    "The council plans to sell the 1930s building, which needs a new roof estimated at $1.1 million. "
    "Vance said the money from the sale would go to the central library's children's section. "
    "\"Every penny will stay with the libraries, and I give residents my word on that,\" she said. "
    "The branch's last day will be June 28."
)
# Its emotional restyle: every sentence reworded around the source's names (few stems shared with any source
# sentence), framing of its own that names no one, the three quotations kept as they were.
RESTYLE = (
    "Owen Marsh's voice broke as he pleaded on behalf of the youngsters who depend on Elmfield's after-class help: "
    "\"These children have nowhere else to go after school, and the council knows it.\" "
    "It did not matter. "
    "Brackley's elected members decided on Monday that their little reading room will go dark when summer begins. "
    "Volunteers with the Friends of Elmfield Library had gathered 2,400 names in a desperate bid to save it. "
    "A last-ditch compromise from Priya Lindqvist went nowhere. "
    "Harriet Vance, who leads them, pointed to a price tag of $310,000 and a trickle of readers. "
    "Her answer to the grieving parents was blunt: "
    "\"We cannot keep a building open for a handful of people while the central library is ten minutes away.\" "
    "Vance insists the proceeds from selling the old place will flow back to young readers, with a promise: "
    "\"Every penny will stay with the libraries, and I give residents my word on that.\" "
    "A vote, a petition, a roof, an amendment that failed, a homework club, a sale: one evening settled them all. "
    "On June 28, a small room full of stories will go quiet, and it is hard not to grieve."
)
# Another outlet's report of the vote, told from a parent's side in its own order and words: the same people and
# figures, the source's first two quotations word for word (the council's and the campaign's statements, which every
# report carried), and a quotation of its own, the parent it spoke to: reporting of its own.
REPORT_OWN_QUOTE = (
    "A mother of two in Elmfield says her sons will lose the one free place where they could study. "
    "\"The council has taken the one place in this neighbourhood where my boys could do their homework,\" "
    "she said after the meeting. "
    "Her older boy, who is eleven, has gone to the club every weekday since it opened, she said. "
    "\"These children have nowhere else to go after school, and the council knows it,\" said Owen Marsh, whose "
    "volunteers gathered 2,400 signatures. "
    "Parents at the packed meeting booed as the result was read out. "
    "Outside, a handful of the homework club's children held up signs about the branch library's roof. "
    "\"We cannot keep a building open for a handful of people while the central library is ten minutes away,\" "
    "Harriet Vance said. "
    "Bus fares to the town centre have risen twice this year, several parents pointed out."
)
# The same report without the parent's words: it shares one of the source's quotations and has none of its own.
REPORT_ONE_QUOTE = (
    "A mother of two in Elmfield says her sons will lose the one free place where they could study. "
    "Her older boy, who is eleven, has gone to the club every weekday since it opened, she said. "
    "\"These children have nowhere else to go after school, and the council knows it,\" said Owen Marsh, whose "
    "volunteers gathered 2,400 signatures. "
    "Parents at the packed meeting booed as the result was read out. "
    "Harriet Vance told them the central library was only ten minutes away and the branch cost too much. "
    "Bus fares to the town centre have risen twice this year, several parents pointed out."
)
# The outlet's follow-up: a buyer and a new plan in the lead, the old story's quotations repeated in the background.
FOLLOW_UP = (
    "A Leeds developer, Garnet Homes, has agreed to buy the former Elmfield branch library in Brackley for "
    "$850,000, the council announced on Thursday. "
    "Garnet Homes plans to turn the 1930s building into 12 flats, its managing director, Colm Feeney, said. "
    "Feeney said work would begin in September and finish by spring 2027. "
    "The branch closed on June 28 after councillors voted to shut it, citing costs of $310,000 a year. "
    "\"We cannot keep a building open for a handful of people while the central library is ten minutes away,\" "
    "council leader Harriet Vance said at the time. "
    "Campaigners led by Owen Marsh had collected 2,400 signatures and warned that the district's only homework club "
    "would be lost, and a plan by Priya Lindqvist to open two days a week failed. "
    "\"These children have nowhere else to go after school, and the council knows it,\" Marsh said then. "
    "The homework club has since moved to St Anne's church hall on Wednesday afternoons."
)

T = Thresholds()


def test_a_sentence_samples_its_long_quotations_only() -> None:
    found = quoted_words(['"We cannot keep a building open for a handful of people," Vance said.',
                          'The "homework club" meets daily.', "No quotation here."])
    assert len(found[0]) == 3 and found[1] == [] and found[2] == []


def test_the_restyle_keeps_every_quotation_and_is_a_rewrite() -> None:
    source, restyle = Profile.of(SOURCE), Profile.of(RESTYLE)
    assert quotations_kept(restyle, source) == (3, 0)
    assert novelty(restyle, source) <= T.loose_condensed_novelty
    verdict = verify(source, restyle, T)
    assert verdict is not None and verdict.method == QUOTED_RETELLING
    assert verify(restyle, source, T).method == QUOTED_RETELLING


def test_the_restyle_is_found_by_nothing_else() -> None:
    """Without the quotations the pair is refused: the reading adds this restyle, nothing else finds it."""
    source, restyle = Profile.of(SOURCE), Profile.of(RESTYLE)
    assert verify(source, restyle, Thresholds(quoted_kept=99)) is None


def test_a_report_quoting_someone_of_its_own_stays_apart() -> None:
    """Past the vocabulary gate, naming nothing of its own, two of the source's quotations kept: the parent's is its
    own, so the report is no retelling."""
    source, report = Profile.of(SOURCE), Profile.of(REPORT_OWN_QUOTE)
    assert stem_overlap(source, report) >= T.min_stem_overlap and novelty(source, report) == 0.0
    assert quotations_kept(report, source) == (2, 1)
    assert verify(source, report, T) is None


def test_a_report_sharing_one_quotation_stays_apart() -> None:
    """One statement every report carries is no evidence: at quoted_kept 1 the report would merge."""
    source, report = Profile.of(SOURCE), Profile.of(REPORT_ONE_QUOTE)
    assert stem_overlap(source, report) >= T.min_stem_overlap and novelty(source, report) == 0.0
    assert quotations_kept(report, source) == (1, 0)
    assert verify(source, report, T) is None
    assert verify(source, report, Thresholds(quoted_kept=1)).method == QUOTED_RETELLING


def test_a_follow_up_repeating_the_quotations_stays_apart() -> None:
    """Both of the source's quotations kept and none of its own, but a buyer, a price and a plan of its own."""
    source, follow_up = Profile.of(SOURCE), Profile.of(FOLLOW_UP)
    assert stem_overlap(source, follow_up) >= T.min_stem_overlap
    assert quotations_kept(follow_up, source) == (2, 0)
    assert novelty(source, follow_up) > T.loose_condensed_novelty
    assert verify(source, follow_up, T) is None


def test_a_stored_profile_keeps_its_quotations() -> None:
    restyle = Profile.of(RESTYLE)
    stored = stored_profiles.load(pa.Table.from_pylist([{**restyle.row("r"), "arrival": 0}],
                                                       schema=stored_profiles.SCHEMA), {"r": None})["r"]
    assert [h.tolist() for h in stored.quoted_shingles] == [h.tolist() for h in restyle.quoted_shingles]
    assert verify(Profile.of(SOURCE), stored, T).method == QUOTED_RETELLING


def test_the_quotations_told_in_an_order_of_its_own_stay_apart() -> None:
    """The restyle's sentences in reverse: the same quotations and names, but the source's story not in its order
    (the generated corpus's independent reports quote one pool of statements, each in its own order)."""
    source = Profile.of(SOURCE)
    reversed_ = Profile.of(" ".join(reversed(Profile.of(RESTYLE).sentences)))
    assert quotations_kept(reversed_, source) == (3, 0)
    assert verify(source, reversed_, T) is None
