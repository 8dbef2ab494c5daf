"""Stories saved on one line (paragraphs run together with double spaces) are split and read, never rejected; a file
of nothing but page furniture is rejected as such."""

from __future__ import annotations

import json
import re

import pytest

from tests.parse.helpers import SCRAPINGHUB, parse_bytes

pytestmark = pytest.mark.unit

PROMPT = ("Sign up for our daily newsletter to get the top stories delivered to your inbox every morning. "
          "By signing up you agree to our terms of use and privacy policy.")
LEGAL = ("This material may not be published, broadcast, rewritten, or redistributed. ©2023 FOX News Network, LLC. "
         "All rights reserved. Quotes displayed in real-time or delayed by at least 15 minutes. Market data provided "
         "by Factset. Powered and implemented by FactSet Digital Solutions. Legal Statement. Mutual Fund and ETF data "
         "provided by Refinitiv Lipper.")
FURNITURE_ONLY = "no run of story prose found: the text looks like page furniture only"


def gold_stories() -> list[tuple[str, str]]:
    """Real stories of the Scrapinghub set (every fifth of those with 60 words or more whose paragraphs mostly end
    like sentences: not recipes, tables or lists), as (key, body)."""
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = [(key, truth[key]["articleBody"]) for key in sorted(truth)]
    return [(k, b) for k, b in bodies if len(b.split()) >= 60 and "newsletter" not in b and _story_like(b)][::5]


def _story_like(body: str) -> bool:
    paragraphs = [p.strip() for p in body.splitlines() if p.strip()]
    return sum(1 for p in paragraphs if re.search(r"[.!?…][\"”’)]*$", p)) >= 0.7 * len(paragraphs)


def one_line(body: str) -> str:
    return "  ".join(p.strip() for p in re.split(r"\n+", body) if p.strip())


needs_data = pytest.mark.skipif(not SCRAPINGHUB.exists(), reason="shared Scrapinghub data not mounted")


@needs_data
@pytest.mark.parametrize("front", ["", PROMPT + "  "], ids=["bare", "newsletter prompt in front"])
def test_real_stories_saved_on_one_line_are_read_and_the_prompt_is_dropped(front):
    for key, body in gold_stories():
        out = parse_bytes((front + one_line(body) + "  " + LEGAL + "\n").encode("utf-8"))
        assert out.document is not None, (key, out.rejected)
        doc = out.document
        gold_words, kept = set(body.split()), set(doc.body.split())
        assert len(gold_words & kept) / len(gold_words) > 0.8, key
        assert "newsletter" not in doc.body and "may not be published" not in doc.body, key
        assert "run-together text split into paragraphs" in doc.flags


@needs_data
def test_paragraphs_of_a_one_line_story_come_back_as_paragraphs():
    key, body = gold_stories()[0]
    doc = parse_bytes(one_line(body).encode("utf-8")).document
    paragraphs = [p.strip() for p in re.split(r"\n+", body) if p.strip()]
    assert doc.body.split("\n\n")[:2] == paragraphs[:2]


def test_a_short_story_behind_a_sign_up_prompt_on_one_line_is_loaded():
    story = ("Hundreds of students walked out of Lincoln High School on Friday morning to protest a new policy that "
             "bans phones during lunch.  The students gathered on the football field for about twenty minutes "
             "before teachers asked them to return to class.  The principal said the policy would be reviewed by "
             "the school board at its meeting next month, and that no student would be punished for taking part.")
    doc = parse_bytes((PROMPT + "  " + story).encode("utf-8")).document
    assert doc is not None
    assert doc.body.startswith("Hundreds of students walked out")
    assert "Sign up" not in doc.body


def test_a_file_of_a_broadcasters_legal_footer_only_is_rejected_as_furniture():
    assert parse_bytes(LEGAL.encode("utf-8")).rejected == FURNITURE_ONLY
    assert parse_bytes((PROMPT + "  " + LEGAL).encode("utf-8")).rejected == FURNITURE_ONLY
    assert parse_bytes("\n".join([PROMPT, LEGAL, LEGAL.upper()]).encode("utf-8")).rejected == FURNITURE_ONLY
