"""Facts stage: entities, mentions, quotes with speakers, dated events and quantities from document bodies."""

from newsfacts.facts.entities import merge_batch_entities
from newsfacts.facts.extract import Facts, extract_facts
from newsfacts.facts.lexicon import lexicon
from newsfacts.facts.nlp import load_nlp

__all__ = ["Facts", "extract_facts", "lexicon", "load_nlp", "merge_batch_entities"]
