"""Language is named from stop-word rates, and left null when the evidence is thin or split."""

from __future__ import annotations

import pytest

from newsfacts.parse.language import detect_language

pytestmark = pytest.mark.unit


def test_common_languages_are_named():
    assert detect_language("The government said on Tuesday that it would review the rules after the "
                           "report found that most of the money had not been spent as planned.") == "en"
    assert detect_language("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les "
                           "entreprises touchées par la crise, selon un communiqué publié par le ministère.") == "fr"
    assert detect_language("Die Regierung hat am Dienstag neue Maßnahmen angekündigt, um die von der Krise "
                           "betroffenen Unternehmen zu unterstützen, wie das Ministerium mitteilte.") == "de"
    assert detect_language("북한 김정은 국무위원장이 러시아를 방문해 푸틴 대통령과 정상회담을 가졌다.") == "ko"


def test_short_or_wordless_text_gets_no_language():
    assert detect_language("Kim meets Putin") is None
    assert detect_language("12,3 45,6 78,9 " * 20) is None


def test_the_array_walk_scores_exactly_like_py3langid():
    import random

    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from newsfacts.parse.language import _identifier

    ours, theirs = _identifier(), LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    rng = random.Random(0)
    texts = [bytes(rng.randrange(256) for _ in range(rng.randrange(40))) for _ in range(200)]
    texts += [t.encode() for t in ("", "a", "Kim meets Putin", "북한 김정은 국무위원장이 러시아를 방문해",
                                   "Le gouvernement a annoncé mardi une nouvelle série de mesures. " * 40)]
    for text in texts:
        assert np.array_equal(ours._decide(text), theirs._decide(text)), text
