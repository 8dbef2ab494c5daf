"""Speakers by quotation style: the labelled real and written sets of issue #25, located in their bodies and scored.

Used by benchmarks/facts_quality.py; see benchmarks/data/facts/speakers_real.toml for what the labels mean.
"""

from __future__ import annotations

import gzip
import json
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsfacts.config import SCRAPINGHUB_DATA
from newsfacts.facts.entities import name_key
from newsfacts.parse.html import read_page
from newsfacts.records import Document

DATA = Path(__file__).resolve().parent / "data" / "facts"
REAL = DATA / "speakers_real.toml"
WRITTEN = DATA / "speakers_written.toml"
NOT_SPEECH = ("title", "slogan", "scare")


@dataclass
class Label:
    text: str
    start: int
    end: int
    kind: str  # speech | title | slogan | scare
    style: str | None
    speaker: str
    loose: bool


def _document(doc_id: str, body: str, authors: list[str] | None = None) -> Document:
    return Document(
        doc_id=doc_id, sha256=doc_id, kind="article", format="article_text", source_path=doc_id, outlet=None,
        site=None, title=None, subtitle=None, authors=authors or [], dateline=None, published_date=None,
        date_source=None, language="en", body=body, word_count=len(body.split()), lines_total=0, lines_dropped=0,
    )


def _locate(body: str, items: list[dict], doc_id: str) -> list[Label]:
    """Each label's words found in the body, in order (a repeated wording is its next occurrence)."""
    labels, at = [], 0
    for item in items:
        places = [m.start() for m in re.finditer(re.escape(item["text"]), body)]
        if not places:
            raise ValueError(f"{doc_id}: label text not in the body: {item['text']!r}")
        # the next occurrence opening a quotation (a pull quote repeats words without marks), else the next one
        quoted = [p for p in places if p >= at and any(c in "“\"‘'" for c in body[max(p - 2, 0) : p])]
        start = (quoted or [p for p in places if p >= at] or places)[0]
        at = start + 1
        kind = item.get("kind", "speech")
        labels.append(Label(item["text"], start, start + len(item["text"]), kind, item.get("style"),
                            item.get("speaker", ""), item.get("loose", False)))
    return labels


def page_authors(key: str) -> list[str]:
    """The authors the parse stage reads from the real body's saved page (byline, markup): the facts stage gets
    them with every document, so a first-person narrator ("I was telling myself, “...”") has a name."""
    page = SCRAPINGHUB_DATA / "html" / f"{key}.html.gz"
    if not page.exists():
        return []
    return read_page(gzip.open(page).read().decode("utf-8", "replace"))[3].authors


def _labelled_docs() -> list[dict]:
    return [*tomllib.loads(REAL.read_text(encoding="utf-8"))["doc"], *tomllib.loads(WRITTEN.read_text(encoding="utf-8"))["doc"]]


def part_names() -> list[str]:
    """Every part the label files hold, in the order they first appear ("dev", "heldout", "fresh", then any part
    added later, such as a new blind "fresh2"): read from the files, so a new part needs no code change."""
    return list(dict.fromkeys(d["part"] for d in _labelled_docs()))


def labelled_parts(parts: tuple[str, ...] = ("dev",)) -> dict[str, list[tuple[Document, list[Label]]]]:
    """{part: [(document, labels)]} over the real bodies (when the shared data is there) and the written ones.
    A part no label file holds is an error, not an empty score."""
    unknown = [p for p in parts if p not in part_names()]
    if unknown:
        raise ValueError(f"no labelled part {unknown} in {REAL.name} or {WRITTEN.name}; parts: {part_names()}")
    out: dict[str, list] = {p: [] for p in parts}
    written = tomllib.loads(WRITTEN.read_text(encoding="utf-8"))["doc"]
    docs = [(d, d["name"], d["body"], []) for d in written]
    real = tomllib.loads(REAL.read_text(encoding="utf-8"))
    source = SCRAPINGHUB_DATA / real["source"]
    if source.exists():
        truth = json.loads(source.read_text(encoding="utf-8"))
        docs += [(d, d["key"], truth[d["key"]]["articleBody"], None) for d in real["doc"]]
    for d, doc_id, body, authors in docs:
        if d["part"] in out:
            authors = page_authors(doc_id) if authors is None else authors
            out[d["part"]].append((_document(doc_id, body, authors), _locate(body, d["quotes"], doc_id)))
    return out


def described(body: str, quote) -> str | None:
    """The description kept as evidence for a speaker the story never names (newsfacts.facts.quotes.
    unnamed_description; imported here, not at the top, so facts_speed can time an older newsfacts with this file)."""
    from newsfacts.facts.quotes import unnamed_description

    return unnamed_description(body, quote)


def same_speaker(label: Label, predicted: str | None, description: str | None = None, role: str | None = None) -> bool:
    """Equal names, or one the other's last words ("Trump" for "Donald Trump"), or the same surname with given
    names one of which shortens the other ("Josh Apte" for "Joshua Apte", "J. Apte"), a generational suffix or a
    middle initial aside ("Kennedy" for "James P. Kennedy Jr."); a loose label may also just be contained in the
    predicted description (it is never stricter than a name).

    Which written form of a person the extractor shows is not what is scored: its entity links the forms the text
    gives, and a given name cut short is the same person whatever the name (a rule, not a list of nicknames).

    A body's unnamed spokesperson is labelled two ways: the older parts describe the voice (loose "spokesperson",
    "company spokesperson"), fresh11 on give the body (loose "Hallbrook Pharma"). The extractor gives the body as
    speaker and keeps the voice as its role ("company spokesperson"); a loose label is met by that role when the
    role is a body's voice, as it is by the description of someone never named."""
    if not label.speaker:
        return predicted is None  # no one named: a description kept as evidence is right, a speaker is not
    if predicted is None:
        # the convention both sides keep: someone never named has no speaker; a label that describes them
        # (loose: "resident", "viewer") is met by the description kept as evidence ("a resident of Elm Street")
        want, got = name_key(label.speaker), name_key(description or "")
        return bool(got) and (want == got or (label.loose and want in got))
    want, got = name_key(label.speaker), name_key(predicted)
    if want == got or (label.loose and want in got):
        return True
    if label.loose and role and _VOICE_ROLE.search(role) and want in name_key(role):
        return True
    a, b = sorted((_name_words(label.speaker), _name_words(predicted)), key=len)
    return bool(a) and (a == b[len(b) - len(a):]
                        or (len(a) == len(b) >= 2 and a[1:] == b[1:] and _cut_short(a[0], b[0])))


# The role of a body's voice (newsfacts.facts.body_voices): "company spokesperson", "spokesman for the regulator".
_VOICE_ROLE = re.compile(r"\b(?:spokes(?:person|man|woman)|representative|press officer)\b", re.I)
# A generational suffix ends a name without being its surname ("James P. Kennedy Jr.").
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _name_words(name: str) -> list[str]:
    """The folded words of a name without a generational suffix or a middle initial: neither tells two people apart
    when the rest of the name is the same ("Kennedy" for "James P. Kennedy Jr.", "Pat Carlineo" for "Patrick W.
    Carlineo Jr.")."""
    words = [name_key(w) for w in name.split()]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return [w for i, w in enumerate(words) if w and not (0 < i < len(words) - 1 and len(w) == 1)]


def _cut_short(a: str, b: str) -> bool:
    """One given name is the other cut short: an initial ("j" for "joshua") or a clipping of >= 3 letters ("josh")."""
    short, long = sorted((a, b), key=len)
    return bool(short) and long.startswith(short) and (len(short) == 1 or len(short) >= 3)


def score(pairs: list[tuple[Document, list[Label]]], facts) -> dict:
    """Quote precision/recall of speech, speaker accuracy overall and per style, and non-speech kept out."""
    c: Counter = Counter()
    errors = []
    for doc, labels in pairs:
        quotes = [q for q in facts.quotes if q.doc_id == doc.doc_id and q.kind != "indirect"]
        direct = [q for q in quotes if q.kind == "direct"]
        hit_ids = set()
        for lab in labels:
            overlapping = [q for q in quotes if q.start_char < lab.end and lab.start < q.end_char]
            said = [q for q in overlapping if q.kind == "direct"]
            if lab.kind != "speech":
                c[f"{lab.kind}_labels"] += 1
                if said:
                    c[f"{lab.kind}_as_speech"] += 1
                    errors.append(f"{doc.doc_id[:12]}: {lab.kind} taken as speech {lab.text[:40]!r} ({said[0].speaker!r})")
                else:
                    c[f"{lab.kind}_kind_ok"] += any(q.kind in _KIND_OF[lab.kind] for q in overlapping)
                continue
            c["speech_labels"] += 1
            c[f"style_{lab.style}_labels"] += 1
            if not said:
                errors.append(f"{doc.doc_id[:12]}: missed {lab.style} quote {lab.text[:50]!r}")
                continue
            hit_ids.update(q.quote_id for q in said)
            source = "written" if doc.doc_id.startswith("written") else "real"
            c["speech_found"] += 1
            c[f"style_{lab.style}_found"] += 1
            c[f"{source}_found"] += 1
            if same_speaker(lab, said[0].speaker, described(doc.body, said[0]), said[0].speaker_role):
                c["speaker_ok"] += 1
                c[f"style_{lab.style}_ok"] += 1
                c[f"{source}_ok"] += 1
            else:
                errors.append(f"{doc.doc_id[:12]}: {lab.style} speaker {said[0].speaker!r} "
                              f"({said[0].speaker_basis}), want {lab.speaker!r}: {lab.text[:40]!r}")
        c["direct_predicted"] += len(direct)
        c["direct_true"] += len(hit_ids)
        extra = [q for q in direct if q.quote_id not in hit_ids and not any(
            lab.start < q.end_char and q.start_char < lab.end for lab in labels)]
        errors += [f"{doc.doc_id[:12]}: extra direct quote {q.text[:50]!r}" for q in extra]
    return _summary(c, errors)


# What kind a non-speech label may be given (a slogan, or the title of a campaign; a chanted slogan may read as scare).
_KIND_OF = {"title": ("title",), "slogan": ("slogan", "title", "scare"), "scare": ("scare", "title")}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _summary(c: Counter, errors: list[str]) -> dict:
    styles = sorted({k[len("style_"):-len("_labels")] for k in c if k.startswith("style_") and k.endswith("_labels")})
    return {
        "speech_quotes": c["speech_labels"],
        "quote_precision": _ratio(c["direct_true"], c["direct_predicted"]),
        "quote_recall": _ratio(c["speech_found"], c["speech_labels"]),
        "speaker_accuracy": _ratio(c["speaker_ok"], c["speech_found"]),
        # real Scrapinghub bodies and passages written here, apart: the written ones carry rare styles
        "speaker_accuracy_real": _ratio(c["real_ok"], c["real_found"]),
        "speaker_accuracy_written": _ratio(c["written_ok"], c["written_found"]),
        "speaker_accuracy_by_style": {
            s: {"accuracy": _ratio(c[f"style_{s}_ok"], c[f"style_{s}_found"]), "found": c[f"style_{s}_found"],
                "labelled": c[f"style_{s}_labels"]} for s in styles},
        "not_speech": {
            k: {"labelled": c[f"{k}_labels"], "taken_as_speech": c[f"{k}_as_speech"], "kind_right": c[f"{k}_kind_ok"]}
            for k in NOT_SPEECH},
        "errors": errors,
    }

