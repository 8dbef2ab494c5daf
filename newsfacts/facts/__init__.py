"""Facts stage: entities, mentions, quotes with speakers, dated events and quantities from document bodies."""

from newsfacts.facts.extract import Facts, extract_facts
from newsfacts.facts.nlp import load_nlp

__all__ = ["Facts", "extract_facts", "load_nlp"]
