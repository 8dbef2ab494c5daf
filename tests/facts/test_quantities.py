"""Quantities: stated figures with their value and unit."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def test_distances_and_durations_are_read_with_value_and_unit(seed_facts):
    found = {(q.text, q.value, q.unit) for q in seed_facts.quantities if q.doc_id == "001_ap.txt"}
    assert {("about 550 miles", 550.0, "mile"), ("about 40 miles", 40.0, "mile"), ("18 months", 18.0, "month")} <= found


def test_number_words_and_money_are_valued(paragraph_facts):
    found = {(q.doc_id, q.text, q.value, q.unit) for q in paragraph_facts.quantities}
    assert ("appositive-subject-indirect", "$10 billion", 10e9, "$") in found
    assert ("indirect-with-title", "nine million people", 9e6, "person") in found
