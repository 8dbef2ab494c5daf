"""The labelled speaker sets of issue #25: big enough, a third held out by document, a fresh part labelled later,
a blind part (fresh2) labelled by someone who never saw the code, any further part accepted as it is added, every label found in its text."""

from __future__ import annotations

import tomllib

import pytest

from benchmarks import facts_quality, speaker_styles
from benchmarks.speaker_styles import REAL, WRITTEN, Label, labelled_parts, part_names, same_speaker
from newsfacts.config import SCRAPINGHUB_DATA

pytestmark = pytest.mark.integration

NEEDS_SHARED = pytest.mark.skipif(not (SCRAPINGHUB_DATA / "ground-truth.json").exists(),
                                  reason=f"the Scrapinghub bodies are not at {SCRAPINGHUB_DATA}")


def _docs() -> list[dict]:
    return [*tomllib.loads(REAL.read_text(encoding="utf-8"))["doc"], *tomllib.loads(WRITTEN.read_text(encoding="utf-8"))["doc"]]


def test_the_sets_hold_at_least_300_quotations_a_third_of_them_held_out_by_document():
    docs = _docs()
    counts = {part: sum(len(d["quotes"]) for d in docs if d["part"] == part) for part in ("dev", "heldout", "fresh", "fresh2")}
    first = counts["dev"] + counts["heldout"]  # the first round's split; the fresh part came after its score
    assert first >= 300
    assert 0.25 <= counts["heldout"] / first <= 0.4
    assert counts["fresh"] >= 120
    assert counts["fresh2"] >= 200


def test_a_part_added_to_a_label_file_is_scored_by_name_with_no_code_change(monkeypatch, tmp_path):
    written = tmp_path / "speakers_written.toml"
    written.write_text(WRITTEN.read_text(encoding="utf-8") + '\n[[doc]]\nname = "written-new-part"\npart = "fresh-next"\n'
                       'body = """\\"We will rebuild the bridge by spring,\\" Mayor Ann Lee said."""\n'
                       'quotes = [{ text = "We will rebuild the bridge by spring", speaker = "Ann Lee", style = "cue" }]\n',
                       encoding="utf-8")
    monkeypatch.setattr(speaker_styles, "WRITTEN", written)
    assert "fresh-next" in speaker_styles.part_names()
    [(doc, [label])] = speaker_styles.labelled_parts(("fresh-next",))["fresh-next"]
    assert (doc.doc_id, label.speaker, label.start) == ("written-new-part", "Ann Lee", 1)
    assert facts_quality.arguments(["--part", "fresh-next", "--heldout"]).part == ["fresh-next", "heldout"]


def test_a_part_no_file_holds_is_an_error_not_an_empty_score():
    with pytest.raises(ValueError, match="no labelled part"):
        labelled_parts(("no-such-part",))


def test_every_label_is_speech_with_a_style_or_a_kind_that_is_not_speech():
    for d in _docs():
        for q in d["quotes"]:
            assert ("kind" in q) != ("style" in q), q
            assert q.get("kind", "title") in ("title", "slogan", "scare")


@NEEDS_SHARED
def test_every_label_is_found_in_its_body_in_order():
    parts = labelled_parts(tuple(part_names()))
    assert sum(len(labels) for pairs in parts.values() for _, labels in pairs) == sum(len(d["quotes"]) for d in _docs())


@pytest.mark.parametrize("label, predicted, same", [
    (Label("x", 0, 1, "speech", "cue", "Trump", False), "Donald Trump", True),
    (Label("x", 0, 1, "speech", "cue", "Kurt Volker", False), "Volker", True),
    (Label("x", 0, 1, "speech", "cue", "insider", True), "an insider", True),
    (Label("x", 0, 1, "speech", "cue", "Tim Morrison", False), "Tim Cook", False),
    (Label("x", 0, 1, "speech", "unnamed", "", False), None, True),
    (Label("x", 0, 1, "speech", "cue", "Joshua Apte", False), "Josh Apte", True),
    (Label("x", 0, 1, "speech", "cue", "J. Apte", False), "Joshua Apte", True),
    (Label("x", 0, 1, "speech", "cue", "Joshua Apte", False), "Jo Apte", False),
    (Label("x", 0, 1, "speech", "cue", "Joshua Apte", False), "Joseph Apte", False),
    (Label("x", 0, 1, "speech", "cue", "James P. Kennedy Jr.", False), "Kennedy", True),
    (Label("x", 0, 1, "speech", "cue", "Patrick Carlineo Jr.", False), "Pat Carlineo", True),
    (Label("x", 0, 1, "speech", "cue", "Patrick W. Carlineo Jr.", False), "Pat Carlineo", True),
    (Label("x", 0, 1, "speech", "cue", "James Kennedy Jr.", False), "Jr.", False),
    (Label("x", 0, 1, "speech", "cue", "James P. Kennedy Jr.", False), "Paul Kennedy", False),
    (Label("x", 0, 1, "speech", "cue", "Office of Emergency Services", True), "Emergency Services", True),
    (Label("x", 0, 1, "speech", "cue", "California Governor's Office of Emergency Services", True),
     "Office of Emergency Services", True),
    (Label("x", 0, 1, "speech", "cue", "US military", True), "the statement", False),
])
def test_a_speaker_matches_by_full_name_surname_a_given_name_cut_short_or_described_words(label, predicted, same):
    assert same_speaker(label, predicted) is same


@pytest.mark.parametrize("label, description, same", [
    (Label("x", 0, 1, "speech", "unnamed", "", False), "One woman", True),  # never named: no speaker is right
    (Label("x", 0, 1, "speech", "cue", "resident", True), "a resident of Elm Street", True),
    (Label("x", 0, 1, "speech", "cue", "one neo-bank chief executive", False), "one neo-bank chief executive", True),
    (Label("x", 0, 1, "speech", "cue", "judge", True), "a neighbour", False),
    (Label("x", 0, 1, "speech", "cue", "Ann Lee", False), None, False),
])
def test_an_unnamed_speaker_is_scored_by_the_description_the_row_keeps_as_evidence(label, description, same):
    assert same_speaker(label, None, description) is same


def test_a_slogan_given_the_kind_slogan_counts_as_kind_right():
    assert "slogan" in speaker_styles._KIND_OF["slogan"]
