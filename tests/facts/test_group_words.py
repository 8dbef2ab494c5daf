"""A group's words kept for the group, not given to one of its members: a text the story says a group owns or signed,
read out in the group's "we" (facts/text_authors._group_owning, _speaks_as_we), and a plural subject naming its
members in full (facts/speakers._group_named_in_full) (issue #25). Passages written for these tests, each beside its
nearest negative."""

from __future__ import annotations

import pytest

from tests.facts.helpers import said

pytestmark = pytest.mark.integration

# A jury's statement read out by its president, in the jury's voice.
_JURY = ('Quiet film takes the Golden Heron\n\n'
         'The top prize of the Marenholm film festival went on Saturday to “The Salt Year”, ending a week in which '
         'the jury was said to be split.\n\n'
         'The jury president, the actor Paulo Serrano, read the jury’s statement from the stage:\n\n'
         '“We gave this prize to a film that refuses to hurry. In a year of films that shouted, it whispered.”')


def test_a_groups_statement_read_out_in_its_we_is_the_groups(quotes_of):
    assert "jury" in (said(quotes_of(_JURY), "refuses to hurry").speaker or "")


def test_a_groups_statement_read_out_in_the_readers_i_is_the_readers(quotes_of):
    # nearest negative: the same introduction, words in one person's voice: the reader's own, as before
    body = _JURY.replace("“We gave this prize", "“I gave this prize")
    assert said(quotes_of(body), "refuses to hurry").speaker == "Paulo Serrano"


# Two people named in apposition to a plural, writing together.
_PAIR = ('Water vote: live\n\n'
         'Two council members, Diane Ostrowski and Lamar Peete, have said they will vote no. In a joint statement '
         'posted to the council website during the break, they wrote: "We support conservation. We do not support a '
         'plan that asks farmers to carry the whole burden."')


def test_a_plural_naming_its_members_speaks_as_the_group(quotes_of):
    assert "council members" in (said(quotes_of(_PAIR), "We support conservation").speaker or "")


def test_a_singular_naming_one_member_is_that_person(quotes_of):
    # nearest negative: one member named in apposition to a singular is that person
    body = _PAIR.replace("Two council members, Diane Ostrowski and Lamar Peete, have said they",
                         "A council member, Diane Ostrowski, has said she") \
        .replace("In a joint statement", "In a statement").replace("they wrote", "she wrote")
    assert said(quotes_of(body), "We support conservation").speaker == "Diane Ostrowski"
