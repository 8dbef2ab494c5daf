"""The page-metadata benchmark's labels, scored its way: most development pages get their headline, day and authors."""

from __future__ import annotations

import gzip
import json
import tomllib
from datetime import date

import pytest

from benchmarks.html_extraction import LABELS, heldout, norm_title, same_name
from newsfacts.config import SCRAPINGHUB_DATA as SCRAPINGHUB
from newsfacts.parse.html import read_page

pytestmark = pytest.mark.integration


@pytest.mark.skipif(not SCRAPINGHUB.exists(), reason="shared Scrapinghub data not mounted")
def test_most_labelled_development_pages_get_their_headline_day_and_authors():
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    labels = [x for x in tomllib.loads(LABELS.read_text(encoding="utf-8"))["page"]
              if not heldout(x["id"]) and not x.get("fresh")][::3]
    titles = days = authors = 0
    for label in labels:
        key = next(k for k in truth if k.startswith(label["id"]))
        html = gzip.open(SCRAPINGHUB / "html" / f"{key}.html.gz").read().decode("utf-8", "replace")
        found = read_page(html)[3]
        titles += norm_title(found.title) == norm_title(label["title"])
        days += found.published == (date.fromisoformat(label["date"]) if label["date"] else None)
        authors += (len(found.authors) == len(label["authors"])
                    and all(same_name(a, b) for a, b in zip(found.authors, label["authors"])))
    assert min(titles, days, authors) >= 0.9 * len(labels), (titles, days, authors, len(labels))
