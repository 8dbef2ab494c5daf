"""What the speaker-style tests share: finding the one quote that holds some words, and the genders a story gives."""

from __future__ import annotations

from newsfacts.facts.quotes import unnamed_description


def said(quotes, words: str):
    """The one quote whose text holds `words` (an error if none or several do: the passage is ambiguous)."""
    [quote] = [q for q in quotes if words in q.text]
    return quote


def unnamed_said(body: str, quote) -> str:
    """The description an unnamed person's quote keeps as evidence, after checking that no one is named as its
    speaker and that the reason says why."""
    assert quote.speaker is None and quote.speaker_reason.startswith("unnamed"), quote.text
    return unnamed_description(body, quote)


def genders_of(quotes_of, monkeypatch, body: str) -> dict[str, str]:
    """The genders the story gives its people (gender.person_genders), by name, as the speaker rules read them."""
    import newsfacts.facts.speakers as speakers
    seen: dict[str, str] = {}
    real = speakers.person_genders

    def spy(ctx, lex):
        found = real(ctx, lex)
        seen.update({ctx.names[e]: g for e, g in found.items()})
        return found
    monkeypatch.setattr(speakers, "person_genders", spy)
    quotes_of(body)
    return seen
