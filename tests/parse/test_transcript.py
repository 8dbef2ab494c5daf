"""The WSJ video transcript keeps typed metadata and timed segments; a damaged transcript is rejected with a reason."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.parse.helpers import parse_bytes, parse_path, seed

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def parsed():
    return parse_path(seed("000"))


def seed_text() -> str:
    return seed("000").read_text(encoding="utf-8")


def test_transcript_document_names_wsj_and_the_explicit_date(parsed):
    doc = parsed.document
    assert (doc.kind, doc.format) == ("transcript", "transcript")
    assert doc.outlet == "The Wall Street Journal"
    assert doc.title == "Russia-North Korea Talks: Behind Kim’s First Trip Abroad Since 2019"
    assert (doc.published_date, doc.date_source) == (date(2023, 9, 12), "explicit")
    assert doc.url == "https://www.youtube.com/watch?v=Eu78d0Rzbnc"
    assert doc.authors == [] and doc.dateline is None and doc.language == "en"


def test_front_matter_becomes_typed_transcript_columns(parsed):
    t = parsed.transcript
    assert (t.channel, t.series) == ("The Wall Street Journal", "News Explainers")
    assert t.video_id == "Eu78d0Rzbnc"
    assert (t.views, t.rating, t.length_seconds) == (154171, None, 229)
    assert t.keywords[:2] == ["north korea", "russia"] and t.keywords[-1] == "wonews" and len(t.keywords) == 28
    assert t.transcription_model == "whisper medium 20231117"
    assert t.generated_date == date(2025, 2, 11)
    assert t.chapters == [
        {"start_seconds": 0.0, "title": "Putin and Kim meeting"},
        {"start_seconds": 34.0, "title": "What Kim wants"},
        {"start_seconds": 133.0, "title": "What Putin wants"},
        {"start_seconds": 184.0, "title": "What’s next?"},
    ]
    assert t.description.startswith("North Korean leader Kim Jong Un took a train") and "#WSJ" in t.description


def test_every_timed_line_is_a_segment_with_start_seconds_and_offsets_into_body(parsed):
    segments, body = parsed.segments, parsed.document.body
    assert len(segments) == len(re.findall(r"^\*  ", seed_text(), re.M)) == 38
    assert [s.start_seconds for s in segments[:4]] == [0.0, 7.76, 15.24, 19.52]
    assert segments[6].start_seconds == 34.84  # float noise in the link (34.839999999999996) rounded away
    assert [s.segment_no for s in segments] == list(range(38))
    for s in segments:
        assert body[s.start_char:s.end_char] == s.text


def test_body_has_one_paragraph_per_chapter_so_split_sentences_read_whole(parsed):
    paragraphs = parsed.document.body.split("\n\n")
    assert len(paragraphs) == 4
    assert "the two countries, as Moscow locks to replenish" in paragraphs[0]
    assert paragraphs[1].startswith("Kim crossed into Russia on Tuesday")
    assert paragraphs[3].startswith("The latest meeting between Kim and Putin")


def damaged(old: str, new: str) -> bytes:
    text = seed_text()
    assert old in text
    return text.replace(old, new, 1).encode("utf-8")


@pytest.mark.parametrize(("old", "new", "reason"), [
    ("[[00:00:15](https://www.youtube.com/watch?v=Eu78d0Rzbnc&t=15.24s)]",
     "[[00:00:03](https://www.youtube.com/watch?v=Eu78d0Rzbnc&t=3.0s)]", "backwards"),
    ("t=15.24s)]", "t=95.24s)]", "disagrees with its link"),
    ("[[00:03:36](https://www.youtube.com/watch?v=Eu78d0Rzbnc&t=216.36s)]",
     "[[00:09:36](https://www.youtube.com/watch?v=Eu78d0Rzbnc&t=576.36s)]", "after the video's length"),
    (" [[00:00:24](https://www.youtube.com/watch?v=Eu78d0Rzbnc&t=24.0s)]", "", "no readable timestamp"),
    ("#Russia #NorthKorea #WSJ\n---", "#Russia #NorthKorea #WSJ", "never closed"),
])
def test_transcript_with_broken_timestamps_is_rejected_with_the_reason(old, new, reason):
    out = parse_bytes(damaged(old, new), "inbox/broken.txt")
    assert out.document is None and out.segments == []
    assert out.rejected.startswith("broken transcript") and reason in out.rejected


def test_transcript_without_front_matter_still_parses_its_segments():
    text = "\n".join(line for line in seed_text().split("---")[2].splitlines())
    out = parse_bytes(text.encode("utf-8"), "inbox/bare.txt")
    assert out.rejected is None
    assert len(out.segments) == 38 and out.transcript.length_seconds is None and out.transcript.chapters == []
    assert "\n\n" not in out.document.body  # no chapters: one paragraph


def test_other_front_matter_keys_and_bare_timestamps_are_understood():
    text = "\n".join([
        "---", "Channel: Example News", "Upload Date: 2024-03-01", "Views: 1,204", "Duration Note: short",
        "Description: A short explainer.", "Subscribe: https://example.org/subscribe", "0:00 Intro", "0:09 Details",
        "---", "", "# Why the port strike matters",
        "*  Dock workers walked out at midnight across the east coast, [00:00:00]",
        "*  closing the busiest ports in the country. [00:00:04]",
        "*  The union wants higher wages and limits on automation. [00:00:09]",
    ])
    out = parse_bytes(text.encode("utf-8"), "inbox/other.txt")
    assert out.rejected is None
    assert out.transcript.channel == "Example News" and out.transcript.views == 1204
    assert out.transcript.description.endswith("0:09 Details") and "Subscribe:" in out.transcript.description
    assert out.document.published_date == date(2024, 3, 1)
    assert [s.start_seconds for s in out.segments] == [0.0, 4.0, 9.0]
    assert out.document.body.split("\n\n")[0].endswith("closing the busiest ports in the country.")


def test_a_horizontal_rule_after_the_segments_is_not_a_broken_segment():
    out = parse_bytes((seed_text() + "\n---\n").encode("utf-8"), "inbox/ruled.txt")
    assert out.rejected is None and len(out.segments) == 38
