"""Parsing hostile and huge inputs: a document with sound offsets or a rejection with a reason, never a crash."""

from __future__ import annotations

import hashlib
import random

import pytest

from newsfacts.config import SAMPLE_INBOX
from newsfacts.parse import parse_file
from newsfacts.records import ParseOutput

STORY = next(SAMPLE_INBOX.glob("002_*.txt")).read_text(encoding="utf-8")
TRANSCRIPT = next(SAMPLE_INBOX.glob("000_*.txt")).read_text(encoding="utf-8")


def _parse(data: bytes, path: str = "inbox/file.txt") -> ParseOutput:
    return parse_file(data, path, hashlib.sha256(data).hexdigest())


def _not_a_crash(out: ParseOutput) -> None:
    """A clean outcome: exactly one of document / rejection, and a rejection is not a parser failing."""
    assert (out.document is None) != (out.rejected is None)
    if out.rejected:
        assert " parser failed: " not in out.rejected, out.rejected


def _paragraphs_html() -> str:
    return "".join(f"<p>{line}</p>" for line in STORY.splitlines() if len(line) > 60)


@pytest.mark.unit
def test_scripts_iframes_and_huge_attributes_never_reach_the_body():
    page = (
        "<html><head><title>Kim &lt;script&gt;alert(1)&lt;/script&gt; meets Putin</title>"
        "<script>document.write('<p>injected paragraph from a script</p>')</script></head><body>"
        "<iframe src=\"javascript:alert('frame')\"></iframe>"
        f"<article>{_paragraphs_html()}</article>"
        f"<div data-blob=\"{'A' * 2_000_000}\" onclick=\"steal()\">x</div></body></html>"
    )
    out = _parse(page.encode("utf-8"), "inbox/page.html")
    _not_a_crash(out)
    doc = out.document
    assert doc.format == "html"
    assert [line for line in STORY.splitlines() if len(line) > 60][1] in doc.body
    for hostile in ("injected paragraph", "javascript:", "alert('frame')", "AAAAAAAA", "steal()"):
        assert hostile not in doc.body
    assert doc.title == "Kim <script>alert(1)</script> meets Putin"  # kept as text: the report must escape it


@pytest.mark.unit
def test_html_nested_ten_thousand_levels_deep_is_a_clean_outcome():
    page = "<html><body>" + "<div>" * 10_000 + _paragraphs_html() + "</div>" * 10_000 + "</body></html>"
    _not_a_crash(_parse(page.encode("utf-8"), "inbox/deep.html"))


def _big_transcript(n: int) -> str:
    """Seed 000's front matter and heading with n timed segments, its Length stretched to fit them."""
    front, rest = TRANSCRIPT.split("\n---\n", 1)
    front = front.replace("Length: 229s", f"Length: {n * 2 + 10}s")
    heading = [line for line in rest.splitlines() if line.strip() and not line.startswith("*  ")][:2]
    lines = [f"*  Segment {i}: Kim and Putin talk about ammunition, food and satellites. "
             f"[[{i * 2 // 3600:02d}:{i * 2 % 3600 // 60:02d}:{i * 2 % 60:02d}]"
             f"(https://www.youtube.com/watch?v=Eu78d0Rzbnc&t={i * 2}.0s)]" for i in range(n)]
    return front + "\n---\n\n" + "\n".join(heading + lines) + "\n"


@pytest.mark.integration  # ~6 s of parsing: with the 10 MB document below, not part of the fast tier
def test_a_transcript_with_100k_segments_keeps_every_segment_with_offsets_into_the_body():
    out = _parse(_big_transcript(100_000).encode("utf-8"))
    _not_a_crash(out)
    body = out.document.body
    assert len(out.segments) == 100_000
    assert [s.segment_no for s in out.segments] == list(range(100_000))
    assert all(body[s.start_char:s.end_char] == s.text for s in out.segments)
    assert out.segments[-1].start_seconds == 199_998.0


@pytest.mark.unit
@pytest.mark.parametrize("cut", [0.33, 0.5, 0.77, 0.99])
def test_a_truncated_transcript_is_a_shorter_transcript_or_a_reason(cut):
    data = TRANSCRIPT.encode("utf-8")
    out = _parse(data[:int(len(data) * cut)])
    _not_a_crash(out)
    if out.document:
        assert out.segments and all(out.document.body[s.start_char:s.end_char] == s.text for s in out.segments)


@pytest.mark.unit
def test_a_transcript_cut_inside_its_front_matter_is_not_loaded_as_an_article():
    data = TRANSCRIPT.encode("utf-8")
    out = _parse(data[:len(data) // 10])
    _not_a_crash(out)
    assert out.document is None
    assert out.rejected == "broken transcript: front matter opened with '---' is never closed"


_WORDS = ("the council said on tuesday that a new plan for the harbour would cost more than expected and officials "
          "in the city warned residents about delays while engineers inspected bridges roads and schools").split()


def _prose(megabytes: float, seed: int = 7) -> str:
    """Plain sentences in paragraphs under a headline and a byline: a very long but ordinary story."""
    rng = random.Random(seed)
    paragraphs, size = ["Harbour plan costs soar, council says", "By Jane Example"], 0
    while size < megabytes * 1_000_000:
        sentences = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(12, 25))).capitalize() + "."
                     for _ in range(4)]
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


@pytest.mark.integration  # ~40 s of parsing on a busy two-core machine: not part of the fast tier
def test_a_10mb_text_document_is_parsed_whole():
    text = _prose(10)
    out = _parse(text.encode("utf-8"))
    _not_a_crash(out)
    assert len(out.document.body) > 9_000_000
