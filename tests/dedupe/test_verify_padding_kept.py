"""Sixteenth round (benchmarks/README.md, "Sixteenth round: charged restyles"): an expansion padded around its brief's
own wording, which drops one of the brief's figures, and its nearest negative, a report using every word of the brief
with reporting of its own. Texts written for these tests."""

from __future__ import annotations

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import EXPANSION, expansion, item_stems_kept, padding_kept, verify

pytestmark = pytest.mark.unit

# A one-sentence review brief: a score, a price, three praises and faults.
BRIEF = ("Reviewers gave the Velmora X2 headphones an 8 out of 10, praising their quiet noise cancelling and long "
         "battery life but faulting a clumsy touch panel and a price of $349.")
# A content farm's padding of it: every word of the brief kept but its score (18 of its 20 content stems), framing
# and repetition around them, no name or figure of its own; the score "8 out of 10" left out, so it names two
# figures fewer than the brief, one past what expansion() allows.
PADDED = (
    "There is a new pair of headphones everyone is talking about, and the verdict is in. "
    "Reviewers have now had their hands on the Velmora X2, and they keep praising them. "
    "The noise cancelling is quiet, they say, the kind of quiet that makes a crowded train disappear. "
    "Battery life is long, long enough that charging becomes an afterthought for most listeners. "
    "Not everything is perfect, though. "
    "The touch panel is clumsy, and the reviewers were not shy about faulting it. "
    "Swipes are missed, taps are misread, and the panel can leave a listener frustrated. "
    "Then there is the price, $349, which gives many people pause before they buy. "
    "Headphones are a personal choice, and comfort matters as much as any feature. "
    "Quiet, long-lasting and a little clumsy: that is the picture reviewers paint. "
    "Whether that is worth the money is a question every buyer will answer alone. "
    "For now, the praise outweighs the faults in most of what reviewers gave it."
)
# The nearest negative: the launch report the brief could condense, using every word of it, with its own reviewers,
# executives, figures and places (27 specifics of its own in 11 sentences).
REPORT = (
    "Velmora's X2 headphones went on sale in Berlin on Monday at a price of $349. "
    "Reviewers at Klangwerk gave them an 8 out of 10, and Soundstage Weekly a 7. "
    "Chief executive Mara Lindqvist said 40,000 units sold in the first 24 hours. "
    "Reviewers praised the quiet noise cancelling and the long battery life, rated at 38 hours. "
    "They faulted a clumsy touch panel, which Velmora engineer Tobias Renn said a March update would fix. "
    "Rival Aurelle cut the price of its own flagship to $299 the same day. "
    "Analysts at Brightline Research expect Velmora to ship 1.2 million pairs in 2025. "
    "The company will open a store in Munich in April. "
    "Its shares rose 4% in Frankfurt. "
    "A cheaper X1 model stays on sale at $199. "
    "Lindqvist said a children's model is planned for the autumn. "
    "The X2 comes in three colours."
)


def test_a_padding_that_keeps_the_briefs_words_but_drops_its_score_is_its_expansion():
    brief, padded = Profile.of(BRIEF), Profile.of(PADDED)
    assert item_stems_kept(brief, padded) >= Thresholds().padding_stems
    assert not expansion(brief, padded, Thresholds())  # two figures of the brief's left out
    assert padding_kept(brief, padded, Thresholds()) and padding_kept(padded, brief, Thresholds())
    verdict = verify(brief, padded, Thresholds())
    assert verdict is not None and verdict.level == "rewrite" and verdict.method == EXPANSION


def test_a_report_using_every_word_of_the_brief_with_reporting_of_its_own_is_not():
    brief, report = Profile.of(BRIEF), Profile.of(REPORT)
    assert item_stems_kept(brief, report) == 1.0
    assert len(report.mentioned - brief.mentioned) > Thresholds().padding_own_density * report.content_sentences
    assert not padding_kept(brief, report, Thresholds())
    assert verify(brief, report, Thresholds()) is None


def test_a_padding_keeping_less_than_half_the_briefs_names_is_not_read_as_one():
    # Without the price as well, the padding keeps 2 of the brief's 5 names and figures.
    brief, padded = Profile.of(BRIEF), Profile.of(PADDED.replace("the price, $349,", "the price"))
    assert len(brief.mentioned & padded.mentioned) < Thresholds().padding_specifics * len(brief.mentioned)
    assert not padding_kept(brief, padded, Thresholds())
