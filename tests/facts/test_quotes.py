"""Quotes: direct and indirect reported speech, with the speaker resolved across the common news shapes."""

from __future__ import annotations

import pytest

from newsfacts.facts import extract_facts
from newsfacts.facts.entities import name_key
from newsfacts.facts.quotes import unnamed_description as described

pytestmark = pytest.mark.integration


def labelled_quote(facts, doc_id: str, words: str):
    """The extracted direct quote holding these labelled words (labels are by text, not offsets)."""
    hits = [q for q in facts.quotes if q.doc_id == doc_id and q.kind == "direct" and words in q.text]
    assert len(hits) == 1, f"{words!r} -> {[q.text for q in hits]}"
    return hits[0]


def speaker_accuracy(facts, labels, key: str) -> tuple[int, int]:
    right = total = 0
    for label in labels:
        for lq in label.get("quotes", []):
            if lq.get("kind", "direct") != "direct":
                continue
            total += 1
            quote = labelled_quote(facts, label[key], lq["text"])
            right += name_key(quote.speaker or "") == name_key(lq["speaker"])
    return right, total


def test_every_labelled_seed_quote_is_found_with_its_speaker(seed_facts, seed_labels):
    right, total = speaker_accuracy(seed_facts, seed_labels, "file")
    assert total == 18 and right / total >= 0.9


def test_labelled_paragraphs_of_other_stories_reach_the_speaker_bar(paragraph_facts, paragraph_labels):
    right, total = speaker_accuracy(paragraph_facts, paragraph_labels, "name")
    assert total >= 20 and right / total >= 0.9


def test_title_before_the_name_becomes_the_speaker_role(seed_facts):
    quote = labelled_quote(seed_facts, "002_reuters.txt", "It will be a full-fledged visit")
    assert (quote.speaker, quote.speaker_role, quote.cue) == ("Dmitry Peskov", "Kremlin spokesman", "said")


def test_appositive_after_the_name_becomes_the_speaker_role(seed_facts):
    quote = labelled_quote(seed_facts, "002_reuters.txt", "The presence of Jo Chun Ryong")
    assert quote.speaker == "Michael Madden"
    assert quote.speaker_role == "a North Korea leadership expert at the Washington-based Stimson Center"


def test_surname_alone_points_back_to_the_full_name_and_keeps_the_role(seed_facts):
    quote = labelled_quote(seed_facts, "001_ap.txt", "No U.N. member state")
    assert quote.speaker == "Lim Soo-suk"
    assert quote.speaker_role == "South Korea’s Foreign Ministry spokesperson"


def test_paragraph_that_only_continues_a_quote_keeps_the_speaker(seed_facts):
    quote = labelled_quote(seed_facts, "002_reuters.txt", "Western sanctions have made it harder")
    assert quote.speaker == "Eurasia Group" and quote.speaker_reason is None


def test_partial_quote_takes_the_speaker_of_its_own_clause(seed_facts):
    assert labelled_quote(seed_facts, "001_ap.txt", "prioritizing the strategic").speaker == "Kim Jong Un"
    assert labelled_quote(seed_facts, "002_reuters.txt", "expand bilateral ties").speaker == "Vladimir Putin"
    assert labelled_quote(seed_facts, "003_wsj.txt", "pledging to increase").speaker == "John Kirby"


def test_quote_text_is_the_quoted_words_without_marks_or_trailing_comma(seed_facts):
    quote = labelled_quote(seed_facts, "002_reuters.txt", "We will continue to strengthen")
    assert quote.text == "We will continue to strengthen our friendship"


def test_the_group_said_resolves_to_the_latest_matching_organisation(nlp, make_doc):
    body = ("Eurasia Group expects the talks to fail. The Kremlin declined to comment.\n\n"
            "Pyongyang has plenty of rockets and shells to offer, the group said, citing experts.")
    facts = extract_facts([make_doc("g", body)], nlp)
    [claim] = [q for q in facts.quotes if q.kind == "indirect" and q.cue == "said"]
    assert claim.speaker == "Eurasia Group"
    assert claim.text == "Pyongyang has plenty of rockets and shells to offer"


def test_indirect_speech_reports_each_clause_with_its_speaker(seed_facts):
    claims = [q for q in seed_facts.quotes if q.doc_id == "001_ap.txt" and q.kind == "indirect"]
    peskov = [q for q in claims if q.speaker == "Dmitry Peskov"]
    assert [(q.cue, q.text) for q in peskov] == [
        ("confirmed", "Kim has entered Russia"),
        ("said", "Putin and Kim will meet after the Vladivostok forum, and that the meeting would include a lunch in Kim’s honor"),
    ]


def test_according_to_names_the_source_of_a_claim(seed_facts):
    claims = [q for q in seed_facts.quotes if q.doc_id == "001_ap.txt" and q.cue == "according to"]
    assert any(q.speaker == "U.S. officials" and q.text.startswith("Putin could focus") for q in claims)


def test_quote_with_no_findable_speaker_is_kept_with_a_reason(paragraph_facts):
    [quote] = [q for q in paragraph_facts.quotes if q.doc_id == "unattributed-quote-kept-without-speaker"]
    assert quote.speaker is None and quote.speaker_entity_id is None and quote.speaker_reason


def test_scare_quotes_are_kept_as_scare_quotes_without_a_speaker(paragraph_facts):
    quotes = [q for q in paragraph_facts.quotes if q.doc_id == "scare-quotes-are-not-speech"]
    assert quotes and {q.kind for q in quotes} == {"scare"}
    assert all(q.speaker is None and q.speaker_reason for q in quotes)


def test_every_direct_quote_has_a_speaker_or_says_why_not(seed_facts, paragraph_facts):
    for quote in seed_facts.quotes + paragraph_facts.quotes:
        assert (quote.speaker is None) == (quote.speaker_reason is not None), quote


def test_speaker_entity_is_the_entity_named_in_entities(seed_facts):
    names = {e.entity_id: e.name for e in seed_facts.entities}
    for quote in seed_facts.quotes:
        if quote.speaker_entity_id:
            assert name_key(names[quote.speaker_entity_id]) == name_key(quote.speaker)


def test_vague_pronoun_subjects_are_not_speakers(nlp, make_doc):
    facts = extract_facts([make_doc("we", "“This is a fine mess we are in now,” we said to nobody in particular.")], nlp)
    [quote] = facts.quotes
    assert quote.speaker is None and "we" in quote.speaker_reason


def test_song_titles_and_passive_naming_are_not_speech(paragraph_facts):
    for name in ("song-titles-are-not-quotes", "passive-naming-is-not-speech"):
        assert [q.text for q in paragraph_facts.quotes if q.doc_id == name and q.kind == "direct"] == []


def test_a_quote_opened_curly_and_closed_straight_is_one_quote(paragraph_facts):
    [quote] = [q for q in paragraph_facts.quotes if q.doc_id == "mixed-curly-and-straight-marks" and q.kind == "direct"]
    assert quote.text.endswith("expensive vehicle purchases") and quote.speaker == "Jessica Caldwell"


def test_he_said_points_at_the_last_subject_not_the_last_name(paragraph_facts):
    [_, second] = [q for q in paragraph_facts.quotes if q.doc_id == "he-said-after-x-told-y"]
    assert second.text == "We really took that challenge to heart" and second.speaker == "Tim Cook"


def test_indirect_claims_labelled_in_the_seeds_are_found_with_their_sources(seed_facts, seed_labels, seed_docs):
    bodies = {d.doc_id: d.body for d in seed_docs}
    found = total = 0
    for label in seed_labels:
        for lq in [q for q in label.get("quotes", []) if q.get("kind") == "indirect"]:
            total += 1
            hits = [q for q in seed_facts.quotes if q.doc_id == label["file"] and q.kind == "indirect" and lq["text"] in q.text]
            # someone never named ("an analyst") has no speaker: the description is kept as evidence
            who = hits and (hits[0].speaker or described(bodies[label["file"]], hits[0]) or "")
            found += bool(hits) and name_key(lq["speaker"]) in name_key(who)
    assert total == 26 and found / total >= 0.9
