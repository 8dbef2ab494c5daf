"""Name a text's language with py3langid (a small n-gram model shipped inside the package), or None when unsure."""

from __future__ import annotations

from functools import cache

import numpy as np
from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_WORDS = 8  # a headline-length snippet does not say enough
MIN_CONFIDENCE = 0.9  # normalised probability of the best language; below it the text is mixed or too odd to name
SAMPLE_CHARS = 20000  # the opening of a long text names its language as well as the whole


class _ArrayIdentifier(LanguageIdentifier):
    """py3langid with its byte walk done on arrays: the same scores, about 3x faster. Its DFA walk is a Python
    loop over every byte (visit_counts: 60% of language identification, 2.5 s for 1,181 files, the largest cost
    of parsing outside trafilatura). The DFA is an Aho-Corasick automaton over n-grams of at most `depth` bytes, so
    the state after byte i is the state reached from the start by bytes i-depth+1..i alone: `depth` vectorised
    steps over all positions give every state (tests/parse/test_language.py checks it against the loop)."""

    __slots__ = ("_depth", "_moves", "_rows", "_outputs")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._moves = np.asarray(self.tk_nextmove)
        self._rows = np.asarray(self._rowbase, dtype=np.int64)
        self._outputs = np.asarray(self.tk_output, dtype=np.int64)
        self._depth = self._max_depth()

    def _max_depth(self) -> int:
        """The longest n-gram: the deepest state, by breadth-first search from the start state."""
        depth = np.full(len(self._rows), -1, dtype=np.int64)
        depth[0], frontier, level = 0, np.array([0]), 0
        while len(frontier):
            level += 1
            reached = np.unique(self._moves[(self._rows[frontier][:, None] + np.arange(256)).ravel()])
            frontier = reached[depth[reached] < 0]
            depth[frontier] = level
        return int(depth.max())

    def _raw_score(self, text: bytes):
        data = np.frombuffer(text, dtype=np.uint8)
        states = np.zeros(len(data), dtype=np.int64)
        for back in range(min(self._depth, len(data)) - 1, -1, -1):  # feed byte i-back to the state of position i
            states[back:] = self._moves[self._rows[states[back:]] + data[:len(data) - back]]
        features = self._outputs[states]
        features = features[features >= 0]
        if not len(features):
            return super()._raw_score(text)
        # _sparse_score on arrays: the loop's Counter lists features in order of first visit, and the same order
        # gives the same float sums. (A float32 copy of the table would save another 0.4 ms per text, for 57 MB.)
        found, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        return np.log1p(counts[order].astype(np.float32)) @ self.nb_ptc[found[order]] + self.nb_pc


@cache
def _identifier() -> LanguageIdentifier:
    # Loaded once per process (about a second), never per file.
    return _ArrayIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short or the model is unsure."""
    if len(text.split()) < MIN_WORDS and len(text.strip()) < 4 * MIN_WORDS:
        return None
    code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    return code if confidence >= MIN_CONFIDENCE else None
