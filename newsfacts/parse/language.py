"""Name a text's language with py3langid (a small n-gram model shipped inside the package), or None when unsure."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_WORDS = 8  # a headline-length snippet does not say enough
MIN_CONFIDENCE = 0.9  # normalised probability of the best language; below it the text is mixed or too odd to name
SAMPLE_CHARS = 20000  # the opening of a long text names its language as well as the whole


@cache
def _identifier() -> LanguageIdentifier:
    # Loaded once per process (about a second), never per file.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or the model is unsure."""
    if len(text.split()) < MIN_WORDS and len(text.strip()) < 4 * MIN_WORDS:
        return None
    code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return code if confidence >= MIN_CONFIDENCE else None
