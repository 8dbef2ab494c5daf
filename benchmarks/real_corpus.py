"""A realistic inbox for memory and scaling runs: real pages, real rewrites and long transcripts beside the generated
corpus, the mix that made one process peak at 2.4-2.5 GB where the generated 10k stayed at 1.4 GB (issue #26).

    python -m benchmarks.real_corpus [--generated 4000] [--transcripts 36] [--seed 0]   # prints the inbox's path

What goes in (about 4,500 files with the defaults):
- the 181 Scrapinghub HTML pages (shared/data/scrapinghub-article-extraction/html, MIT), as saved pages;
- benchmarks/dedupe_real: its raw originals and syndicated copies, and its rewrites, briefs, expansions, follow-ups
  and independent reports (what content farms and LLMs write from a story), each as a scraped text file;
- the generated corpus (benchmarks.corpus, `--generated` files);
- long debate transcripts: front matter and timestamped lines as samples/inbox has, bodies of 50k-150k characters
  (up to ~1,000 lines) assembled from runs of real sentences of the gold bodies, a moderator between turns; about a
  third are another channel's upload of an earlier debate (long copies for dedupe to verify).

Seeded and byte-identical for the same arguments; cached in benchmarks/.cache/ under a hash of this file, the
generator and the inputs, so a changed builder never serves an older corpus.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from benchmarks.corpus import cached_inbox
from newsfacts.config import SCRAPINGHUB_DATA

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
DEDUPE_REAL = ROOT / "benchmarks" / "dedupe_real"

# A sentence ends at . ! ? (after a closing quote too) followed by a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_MODERATORS = ["Linsey Davis", "David Muir", "Kristen Welker", "Jake Tapper", "Dana Bash", "Chris Wallace"]
_CHANNELS = ["ABC News", "NBC News", "CNN", "PBS NewsHour", "C-SPAN", "CBS News", "Fox News"]
# Share of debates that are another channel's upload of one already written (its copies and long-vs-long verifying).
REUPLOADED = 0.3


def build(generated: int = 4000, transcripts: int = 36, seed: int = 0) -> Path:
    """The inbox folder, built once per (arguments, inputs) and reused."""
    gen_inbox = cached_inbox(generated, seed) if generated else None
    key = hashlib.sha256(json.dumps([generated, transcripts, seed, _inputs_version()]).encode()).hexdigest()[:12]
    inbox = CACHE / f"real-{generated}-{transcripts}-{seed}-{key}" / "inbox"
    if inbox.is_dir():
        return inbox
    shutil.rmtree(inbox.parent, ignore_errors=True)
    partial = inbox.with_name("inbox.partial")
    partial.mkdir(parents=True)
    _pages(partial / "pages")
    _dedupe_real(partial / "rewrites")
    if gen_inbox:
        shutil.copytree(gen_inbox, partial / "generated")
    bodies = [v["articleBody"] for _, v in sorted(_gold().items())]
    long_dir = partial / "transcripts"
    long_dir.mkdir()
    rng = random.Random(seed)
    written: list[str] = []
    for i in range(transcripts):
        if written and rng.random() < REUPLOADED:
            text = reupload(rng.choice(written), rng, i)
        else:
            text = debate_transcript(bodies, rng.randint(50_000, 150_000), rng, i)
        written.append(text)
        (long_dir / f"debate_{i:03d}.txt").write_text(text, encoding="utf-8")
    partial.rename(inbox)
    return inbox


def _inputs_version() -> str:
    from benchmarks.corpus import version

    digest = hashlib.sha256(Path(__file__).read_bytes() + version().encode())
    for path in sorted([*(DEDUPE_REAL / "raw").glob("*.txt"), *(DEDUPE_REAL / "docs").glob("*.txt")]):
        digest.update(path.name.encode() + path.read_bytes())
    html = SCRAPINGHUB_DATA / "html"
    digest.update("\n".join(sorted(p.name for p in html.glob("*.html.gz"))).encode())
    return digest.hexdigest()[:12]


def _gold() -> dict:
    return json.loads((SCRAPINGHUB_DATA / "ground-truth.json").read_text(encoding="utf-8"))


def _pages(out: Path) -> None:
    """The real pages as a browser saves them."""
    out.mkdir()
    for path in sorted((SCRAPINGHUB_DATA / "html").glob("*.html.gz")):
        (out / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))


def _dedupe_real(out: Path) -> None:
    """Raw originals and copies as they are; the written documents (header title/outlet/date, then the body) as
    scraped text: headline, outlet and day, the story."""
    out.mkdir()
    for path in sorted((DEDUPE_REAL / "raw").glob("*.txt")):
        shutil.copyfile(path, out / path.name)
    for path in sorted((DEDUPE_REAL / "docs").glob("*.txt")):
        head, body = path.read_text(encoding="utf-8").split("---\n", 1)
        fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        byline = " | ".join(v for v in (fields.get("outlet"), fields.get("date")) if v)
        (out / path.name).write_text(f"{fields.get('title', '')}\n\n{byline}\n\n{body.strip()}\n", encoding="utf-8")


def sentences(text: str) -> list[str]:
    """A body's sentences, one per paragraph line, long enough to be said aloud."""
    out = []
    for paragraph in text.split("\n"):
        out += [s.strip() for s in _SENTENCE_END.split(paragraph) if len(s.split()) >= 4]
    return out


def debate_transcript(bodies: list[str], target_chars: int, rng: random.Random, number: int) -> str:
    """A debate's transcript of about target_chars characters: moderator questions and candidates' answers made of
    runs of real sentences from several gold bodies, one timed line per sentence, as Whisper writes them."""
    moderator = rng.choice(_MODERATORS)
    channel = rng.choice(_CHANNELS)
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(1800))
    video = hashlib.sha256(f"debate-{number}".encode()).hexdigest()[:11]
    url = f"https://www.youtube.com/watch?v={video}"
    lines, size, clock = [], 0, 0.0
    while size < target_chars:
        pool = sentences(rng.choice(bodies))
        if len(pool) < 3:
            continue
        start = rng.randrange(len(pool))
        turn = pool[start:start + rng.randint(3, 12)]
        if rng.random() < 0.3:
            turn = [f"{moderator.split()[-1]}, thank you. Let me turn to the next question."] + turn
        for sentence in turn:
            stamp = f"{int(clock // 3600):02d}:{int(clock % 3600 // 60):02d}:{int(clock % 60):02d}"
            lines.append(f"*  {sentence} [[{stamp}]({url}&t={clock:.2f}s)]")
            size += len(sentence) + 1
            clock += len(sentence.split()) / 2.6 + rng.random()
    title = f"Full debate: candidates meet in {channel}'s debate night {number + 1}"
    keywords = ["debate", "election", "full debate", channel.lower(), moderator.lower()]
    front = [
        "---",
        f"Date Generated: {(day + timedelta(days=3)).strftime('%B %d, %Y')}",
        "Transcription Model: whisper medium 20231117",
        f"Length: {int(clock) + 5}s",
        f"Video Keywords: {keywords!r}",
        f"Video Views: {rng.randint(20_000, 4_000_000)}",
        "Video Rating: None",
        f"Video Description: The full debate, moderated by {moderator}.",
        "---",
        "",
        f"# {title}",
        f"**{channel} - Debates:** [{day.strftime('%B %d, %Y')}]({url})",
    ]
    return "\n".join(front + lines) + "\n"


def reupload(transcript: str, rng: random.Random, number: int) -> str:
    """The same debate uploaded by another channel: its own video id, title and view count, the stream cut a few
    lines later at the start."""
    front, lines = transcript.split("\n---\n", 1)
    head, timed = lines.split("\n*  ", 1)
    timed_lines = ("*  " + timed).splitlines()[rng.randint(1, 6):]
    old = re.search(r"watch\?v=([\w-]+)", transcript).group(1)
    new = hashlib.sha256(f"debate-{number}".encode()).hexdigest()[:11]
    channel = rng.choice(_CHANNELS)
    head = re.sub(r"^\*\*.+? - ", f"**{channel} - ", head, flags=re.M).replace("debate night", "debate, full stream:")
    front = re.sub(r"Video Views: \d+", f"Video Views: {rng.randint(20_000, 4_000_000)}", front)
    return (front + "\n---\n" + head + "\n" + "\n".join(timed_lines) + "\n").replace(old, new)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generated", type=int, default=4000, help="files from benchmarks.corpus")
    ap.add_argument("--transcripts", type=int, default=36, help="long debate transcripts")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    inbox = build(args.generated, args.transcripts, args.seed)
    files = [p for p in inbox.rglob("*") if p.is_file()]
    print(f"{len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB in {inbox}")


if __name__ == "__main__":
    main()
