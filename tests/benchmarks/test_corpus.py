"""The benchmark corpus generator: deterministic, the promised mix, truthful ground truth, realistic files."""

from __future__ import annotations

import html
import json
import random
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from benchmarks import corpus
from benchmarks.corpus.cli import main
from benchmarks.corpus.pages import lay_out, page_text
from benchmarks.corpus.plan import Entry
from benchmarks.corpus.writing import Doc
from newsfacts.config import SAMPLE_INBOX

pytestmark = pytest.mark.integration

N = 240
SEGMENT = re.compile(r"^\*  (?P<text>.+) \[\[(?P<clock>\d\d:\d\d:\d\d)\]\((?P<url>[^)]+)&t=(?P<t>[\d.]+)s\)\]$")


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[corpus.GroundTruth, dict[str, dict]]:
    inbox = tmp_path_factory.mktemp("corpus") / "inbox"
    truth = corpus.generate(N, inbox, seed=7)
    return truth, {f["path"]: f for f in truth.files()}


@pytest.fixture(scope="module")
def docs() -> list[tuple[Entry, Doc, Doc | None]]:
    return list(corpus.documents(N, seed=7))


def _files(made, fmt: str | None = None, role: str | None = None) -> list[dict]:
    return [f for f in made[1].values() if (fmt is None or f["format"] == fmt) and (role is None or f["role"] == role)]


def _text(truth: corpus.GroundTruth, record: dict) -> str:
    return (truth.inbox / record["path"]).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_writes_byte_identical_files_and_truth(tmp_path):
    first = corpus.generate(60, tmp_path / "a" / "inbox", seed=3)
    second = corpus.generate(60, tmp_path / "b" / "inbox", seed=3)
    assert _tree(first.inbox) == _tree(second.inbox)
    assert first.path.read_bytes() == second.path.read_bytes()


def test_another_seed_writes_another_corpus(tmp_path):
    first = corpus.generate(30, tmp_path / "a" / "inbox", seed=1)
    second = corpus.generate(30, tmp_path / "b" / "inbox", seed=2)
    assert set(_tree(first.inbox).values()).isdisjoint(_tree(second.inbox).values())


def test_share_mix_matches_the_defaults_within_a_file_or_two(made):
    truth, records = made
    roles = [r["role"] for r in records.values()]
    assert len(roles) == N and truth.counts == {role: roles.count(role) for role in set(roles)}
    assert abs(roles.count("original") + roles.count("independent_report") - 0.6 * N) <= 2
    for role in ("exact_copy", "syndicated_copy", "rewrite", "follow_up"):
        assert abs(roles.count(role) - 0.1 * N) <= 2, role
    assert roles.count("independent_report") > roles.count("original") / 2  # stories are covered by several outlets


def test_a_custom_mix_is_honoured(tmp_path):
    truth = corpus.generate(50, tmp_path / "inbox", mix={"report": 0.5, "rewrite": 0.5})
    assert truth.counts["rewrite"] == 25 and "exact_copy" not in truth.counts


def test_every_file_is_utf8_named_like_the_inbox_and_listed_once(made):
    truth, records = made
    names = sorted(p.name for p in truth.inbox.iterdir())
    assert names == sorted(records)
    for name in names:
        assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.(txt|html)", name)
        (truth.inbox / name).read_bytes().decode("utf-8")


def test_truth_lies_beside_the_inbox_not_inside_it(made):
    truth, _ = made
    assert truth.path == truth.inbox.resolve().parent / "inbox.truth.json"
    assert not list(truth.inbox.glob("*.json"))
    assert corpus.load_truth(truth.path) == truth
    assert truth.files() == json.loads(truth.path.read_text(encoding="utf-8"))["files"]  # streamed == parsed whole


def test_every_link_points_to_a_report_of_the_same_story(made):
    _, records = made
    for record in records.values():
        linked = record["follows"] if record["role"] == "follow_up" else record["source"]
        if record["role"] in ("original", "independent_report"):
            assert linked is None and record["follows"] is None
            continue
        source = records[linked]
        assert source["role"] in ("original", "independent_report")
        assert source["story_id"] == record["story_id"]
        assert source["outlet"] == record["outlet"] or record["role"] == "rewrite"


def test_each_story_has_one_original_and_no_outlet_reports_it_twice(made):
    stories: dict[str, list[dict]] = {}
    for record in _files(made):
        if record["role"] in ("original", "independent_report"):
            stories.setdefault(record["story_id"], []).append(record)
    for reports in stories.values():
        assert [r["role"] for r in reports].count("original") == 1
        assert len({r["outlet"] for r in reports}) == len(reports)


def test_exact_copies_hold_the_same_text_as_their_source(made):
    truth, records = made
    kinds = set()
    for record in _files(made, role="exact_copy"):
        source = records[record["source"]]
        assert _text(truth, record) == _text(truth, source)
        assert record["title"] == source["title"] and record["people"] == source["people"]
        kinds.add(record["copy_kind"])
        if record["copy_kind"] == "bytes":
            assert (truth.inbox / record["path"]).read_bytes() == (truth.inbox / source["path"]).read_bytes()
    assert kinds == {"bytes", "crlf", "bom"}


def test_syndicated_copies_carry_the_body_under_another_site(docs):
    pairs = [(doc, source) for entry, doc, source in docs if entry.role == "syndicated_copy"]
    assert pairs
    for doc, source in pairs:
        assert doc.site["name"] != source.site["name"] and doc.outlet == source.outlet
        assert corpus.shingle_jaccard(doc.body, source.body) > 0.6


def test_rewrites_keep_the_facts_but_share_few_five_word_shingles(docs):
    rewrites = [(doc, source) for entry, doc, source in docs if entry.role == "rewrite"]
    assert rewrites
    for doc, source in rewrites:
        assert corpus.shingle_jaccard(doc.body, source.body) < 0.2
        names = {p.name for p in source.story.people.values() if p.name in source.body}
        assert sum(name in doc.body for name in names) >= len(names) // 2
        assert "Frequently Asked Questions" in page_text(lay_out(doc, random.Random(0)))


def _keys(doc: Doc) -> list[str]:
    return [s.statement.key for p in doc.paragraphs for s in p]


def _in_order(a: list[str], b: list[str]) -> float:
    """Share of the statements two documents have in common that they also tell in the same order (LCS)."""
    common = set(a) & set(b)
    a, b = [k for k in a if k in common], [k for k in b if k in common]
    lengths = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            previous, lengths[j] = lengths[j], previous + 1 if x == y else max(lengths[j], lengths[j - 1])
    return lengths[-1] / len(common) if common else 0.0


def test_independent_reports_pick_and_order_facts_for_themselves_but_rewrites_keep_the_order(docs):
    originals = {e.story: d for e, d, _ in docs if e.role == "original"}
    independent = [(_keys(d), _keys(originals[e.story])) for e, d, _ in docs if e.role == "independent_report"]
    rewrites = [(_keys(d), _keys(s)) for e, d, s in docs if e.role == "rewrite"]
    assert all(set(a) != set(b) for a, b in independent)
    assert sum(_in_order(a, b) for a, b in independent) / len(independent) < 0.7
    assert all(_in_order(a, b) == 1.0 for a, b in rewrites)


def test_follow_ups_report_new_facts_later_from_the_same_outlet(made, docs):
    _, records = made
    for entry, doc, source in docs:
        if entry.role == "follow_up":
            assert doc.outlet == source.outlet and doc.published > source.published - timedelta(days=1)
            assert corpus.shingle_jaccard(doc.body, source.body) < 0.3
    for record in _files(made, role="follow_up"):
        assert record["title"] != records[record["follows"]]["title"]


def test_bodies_are_news_length(made):
    words = [r["body_words"] for r in _files(made) if r["role"] in ("original", "independent_report")]
    assert min(words) >= 250 and max(words) <= 1200
    assert 400 <= sum(words) / len(words) <= 700


def _readable(truth: corpus.GroundTruth, record: dict) -> str:
    """The file's words as a reader sees them: entities decoded, a transcript's lines joined up."""
    text = html.unescape(_text(truth, record))
    if record["format"] == "transcript":
        text = " ".join(m["text"] for m in map(SEGMENT.match, text.split("\n")) if m)
    return text.replace('"', "“")


def test_quoted_words_and_their_speakers_in_the_truth_appear_in_the_file(made):
    truth, _ = made
    checked = 0
    for record in _files(made):
        text = _readable(truth, record)
        for person in record["people"]:
            if any(q["kind"] != "soundbite" for q in person["quotes"]):
                assert person["introduced_as"].replace('"', "“") in text, (record["path"], person["introduced_as"])
            for quote in person["quotes"]:
                if quote["kind"] in ("direct", "soundbite"):
                    assert quote["text"].replace('"', "“") in text.replace("”", "“"), (record["path"], quote)
                    checked += 1
    assert checked > N


def test_transcripts_have_front_matter_title_channel_line_and_rising_timestamps(made):
    truth, _ = made
    records = _files(made, fmt="transcript")
    assert records
    for record in records:
        text = _text(truth, record)
        front, body = text.split("\n---\n", 1)
        assert front.startswith("---\n")
        for key in (
            "Date Generated",
            "Transcription Model",
            "Length",
            "Video Keywords",
            "Video Views",
            "Video Rating",
            "Video Description",
        ):
            assert f"\n{key}: " in front
        assert re.search(r"^0:00 ", front, re.M)  # chapter markers in the description
        lines = body.strip("\n").split("\n")
        assert lines[0] == f"# {record['title']} | " + lines[0].rsplit(" | ", 1)[1]
        published = date.fromisoformat(record["published_date"])
        assert re.fullmatch(
            rf"\*\*.+ - .+:\*\* \[{published:%B} {published.day}, {published.year}\]\(https://\S+\)", lines[1]
        )
        times = [float(SEGMENT.match(line)["t"]) for line in lines[2:]]
        assert len(times) >= 10 and times == sorted(times) and len(set(times)) == len(times)
        length = int(re.search(r"^Length: (\d+)s$", front, re.M)[1])
        assert times[-1] < length


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.meta: dict[str, str] = {}
        self.in_article_p, self.article_paragraphs = False, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content", "")
        self.in_article_p = tag == "p" and "article" in self.tags and "class" not in attrs

    def handle_data(self, data):
        if self.in_article_p:
            self.article_paragraphs.append(data)
            self.in_article_p = False


def test_html_pages_have_head_metadata_and_an_article_of_paragraphs(made):
    truth, _ = made
    records = _files(made, fmt="html")
    assert records
    for record in records:
        page = _Page()
        page.feed(_text(truth, record))
        assert {"nav", "article", "aside", "footer", "h1"} <= set(page.tags)
        assert page.meta["og:title"] == record["title"]
        assert page.meta["article:published_time"].startswith(record["published_date"])
        assert page.meta["author"] == ", ".join(record["authors"])
        assert len(page.article_paragraphs) >= 5


def test_scraped_text_pages_carry_furniture_around_the_story(made):
    truth, _ = made
    texts = [_text(truth, r) for r in _files(made, fmt="text")]
    assert texts and all(len(t.split("\n\n")) > 8 for t in texts)
    furniture = (
        "SHARE ",
        "ALSO SEE:",
        "Skip to",
        "Type to search",
        "Leave a Comment",
        "Most read",
        "Read Next",
        "The Latest",
    )
    for marker in furniture:
        assert any(marker in t for t in texts), marker


def test_formats_can_be_restricted(tmp_path):
    truth = corpus.generate(20, tmp_path / "inbox", formats=("transcript",))
    assert {r["format"] for r in truth.files()} == {"transcript"}
    assert all(p.suffix == ".txt" for p in truth.inbox.iterdir())
    with pytest.raises(ValueError):
        corpus.generate(5, tmp_path / "other", formats=("pdf",))


def test_command_line_writes_the_corpus_and_says_where(tmp_path, capsys):
    assert main(["12", str(tmp_path / "inbox"), "--seed", "5"]) == 0
    assert len(list((tmp_path / "inbox").iterdir())) == 12
    assert str(tmp_path / "inbox.truth.json") in capsys.readouterr().out


def _front_keys(text: str) -> list[str]:
    front = text.split("\n---\n", 1)[0]
    return re.findall(r"^([A-Z][A-Za-z ]+): ", front, re.M)


def test_transcripts_are_shaped_like_the_real_video_seed(made):
    truth, _ = made
    seed = next(SAMPLE_INBOX.glob("000_*.txt")).read_text(encoding="utf-8")  # the WSJ video transcript
    record = _files(made, fmt="transcript")[0]
    text = _text(truth, record)
    assert _front_keys(text) == _front_keys(seed)
    for sample in (seed, text):
        lines = sample.split("\n---\n", 1)[1].strip("\n").split("\n")
        assert lines[0].startswith("# ") and lines[1].startswith("**")
        assert all(SEGMENT.match(line) for line in lines[2:]), sample[:80]
