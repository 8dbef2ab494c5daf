"""Eighth round (benchmarks/README.md, "Eighth round"): fresh6's list pages, whose product lines and results the
parser took for related-story headlines, and the rewrites that retell them."""

from __future__ import annotations

import hashlib

import pytest

from newsfacts.dedupe import Thresholds
from newsfacts.dedupe.verify import novelty, verify
from newsfacts.parse import parse_file
from tests.dedupe.test_verify_real import REAL, real

pytestmark = pytest.mark.unit


def _body(name: str) -> str:
    data = (REAL / "raw" / f"{name}.txt").read_bytes()
    return parse_file(data, f"{name}.txt", hashlib.sha256(data).hexdigest()).document.body


def test_a_deals_list_keeps_its_product_lines_and_a_round_up_its_results():
    deals = _body("287e4d9f_original")
    assert "Nintendo Switch Lite with Pokemon Sword or Shield and Case for $238.99" in deals
    assert "Cocoa d. West Shore 61-21" in _body("c81e134e_original")


@pytest.mark.parametrize("kind", ["condensed", "reordered", "restyled_neutral", "restyled_objective"])
def test_rewrites_of_a_deals_list_retelling_its_products_and_prices_are_rewrites(kind):
    doc, source = real(f"287e4d9f_{kind}"), real("287e4d9f_original")
    assert novelty(doc, source) <= Thresholds().coverage_novelty
    verdict = verify(doc, source, Thresholds())
    assert verdict is not None and verdict.level == "rewrite"
