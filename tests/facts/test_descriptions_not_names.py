"""A speaker given only as a description is never stored as a name (issue #25, speakers52): an indefinite
description whose head the parse tagged an adjective but made the subject ("one 23-year-old regular"), one placed
where the model typed a place ("one sales assistant in Leeds") and a role with someone new in apposition ("The driver
of the lead car, a volunteer") are voices no one names. Each on a passage written for it, beside its nearest
negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration


def _unnamed(quote) -> bool:
    return quote.speaker is None and quote.speaker_entity_id is None and quote.speaker_reason.startswith("unnamed")


_REGULAR = ('The Anchor keeps its licence but must close at midnight, the council ruled on Tuesday.\n\n'
            '"It is the only pub in town with a piano," said one 23-year-old regular, who asked not to be named.')


def test_an_adjective_the_parse_makes_the_subject_heads_an_unnamed_description(quotes_of):
    assert _unnamed(said(quotes_of(_REGULAR), "the only pub in town"))


def test_a_description_naming_its_person_keeps_the_name(quotes_of):
    # nearest negative: the regular is named in apposition
    body = _REGULAR.replace("one 23-year-old regular, who asked not to be named",
                            "one 23-year-old regular, Tom Baines")
    assert said(quotes_of(body), "the only pub in town").speaker == "Tom Baines"


_ASSISTANT = ('Staff at the chain learned of the closures from the radio, the union said.\n\n'
              '"We found out from the news before anyone told us," said one sales assistant in Leeds.')


def test_a_place_the_model_types_as_one_names_no_speaker(quotes_of):
    assert _unnamed(said(quotes_of(_ASSISTANT), "We found out from the news"))


def test_an_organisation_in_the_description_is_kept_as_said(quotes_of):
    # nearest negative: "of Harcourt Retail" is whose assistant, not where: no voice left unnamed by this reading
    body = _ASSISTANT.replace("one sales assistant in Leeds", "one sales assistant of Harcourt Retail")
    assert not _unnamed(said(quotes_of(body), "We found out from the news"))


_DRIVER = ('The convoy left the depot at dawn, and the crash happened on the ring road an hour later.\n\n'
           'The driver of the lead car, a volunteer, said: "I followed the cones. They led into the barrier."')


def test_a_role_with_someone_new_in_apposition_is_no_one_named(quotes_of):
    assert _unnamed(said(quotes_of(_DRIVER), "I followed the cones"))


def test_a_role_with_a_name_in_apposition_is_the_name(quotes_of):
    # nearest negative: the apposition is a name
    body = _DRIVER.replace("a volunteer", "Ellen Marsh")
    assert said(quotes_of(body), "I followed the cones").speaker == "Ellen Marsh"
