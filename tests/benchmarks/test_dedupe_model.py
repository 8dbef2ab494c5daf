"""The model probe's parts (benchmarks/dedupe_model.py): en_core_web_sm's tok2vec rows, content tokens and
predicates per sentence, and the signals over a written opinion piece, its restyle (the same claims, other words)
and its nearest negative, another writer's column on the same topic."""

from __future__ import annotations

import pytest

from benchmarks.dedupe_model import (batch_centres, encode, encode_sentence, lemma_rarity, load_model,
                                     model_signals)
from newsfacts.dedupe.text import Profile
from newsfacts.dedupe.verify import content_rows
from tests.benchmarks.test_dedupe_argument import COLUMN, OTHER_COLUMN, RESTYLE

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_a_sentence_gives_its_content_tokens_and_who_did_what(nlp):
    rows, content, lemmas, predicates = encode_sentence(nlp("The council approved the drainage contract on Tuesday."))
    assert rows.shape[1] == 96 and len(rows) == 8  # the full stop left out
    assert ("approve", "VERB") in lemmas and ("contract", "NOUN") in lemmas and len(content) == len(lemmas)
    assert ("approve", "council") in predicates and ("approve", "contract") in predicates


def test_a_restyle_reads_closer_to_its_column_than_another_column_on_the_topic(nlp):
    profiles = {"column": Profile.of(COLUMN), "restyle": Profile.of(RESTYLE), "other": Profile.of(OTHER_COLUMN)}
    encoded, tokens, _ = encode(nlp, profiles)
    assert tokens > 0
    centres, rarity = batch_centres(encoded), lemma_rarity(encoded)
    rows = {k: content_rows(p) for k, p in profiles.items()}
    kept = model_signals(encoded["restyle"], encoded["column"], rows["restyle"], rows["column"], centres, rarity)
    apart = model_signals(encoded["other"], encoded["column"], rows["other"], rows["column"], centres, rarity)
    for signal in ("vec_chain", "content_chain", "token_recall", "token_chain", "lemma_kept"):
        assert kept[signal] > apart[signal], signal
