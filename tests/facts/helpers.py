"""What the speaker-style tests share: finding the one quote that holds some words."""

from __future__ import annotations


def said(quotes, words: str):
    """The one quote whose text holds `words` (an error if none or several do: the passage is ambiguous)."""
    [quote] = [q for q in quotes if words in q.text]
    return quote
