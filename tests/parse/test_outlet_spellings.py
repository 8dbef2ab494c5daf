"""One outlet in all its spellings (issue #21, benchmarks/README.md "Twenty-sixth round: one outlet in all its
spellings"): a host, its subdomains and TLD aside, against a name; a name without its closing "News"; a name written
as one word. Each class beside the nearest pair of two outlets it must keep apart."""

from __future__ import annotations

import pytest

from newsfacts.parse.outlet_names import one_newsroom, same_outlet

pytestmark = pytest.mark.unit

# (spelling class, one outlet's two spellings, the nearest two outlets)
CLASSES = [
    ("a subdomain and a closing News", ("news.sky.com", "Sky News"), ("news.sky.com", "Fox News")),
    ("a name without its closing News", ("bbc.co.uk", "BBC News"), ("nbcnews.com", "CNBC")),
    ("a second-level country domain", ("bbc.co.uk", "bbc.com"), ("nbcnews.com", "cnbc.com")),
    ("an edition subdomain", ("edition.cnn.com", "CNN"), ("edition.cnn.com", "CNBC")),
    ("a known domain and alias", ("apnews.com", "The Associated Press"), ("apnews.com", "Arizona Post")),
    ("an alias", ("apnews.com", "AP"), ("apnews.com", "AFP")),
    ("initials, the last word whole", ("nypost.com", "New York Post"), ("nypost.com", "Washington Post")),
    ("initials alone are too many names'", ("latimes.com", "Los Angeles Times"), ("msn.com", "Metro Shock News")),
    ("the last word whole", ("wired.com", "Wired"), ("wired.com", "Wire Digest")),
    ("a leading The", ("theguardian.com", "The Guardian"), ("Times Union", "The Times")),
    ("a host ending in news", ("sputniknews.com", "Sputnik"), ("newsweek.com", "The Week")),
    ("a name without its closing News", ("Sky News", "Sky"), ("News Nation", "The Nation")),
    ("a name written as one word", ("NYTimes", "The New York Times"), ("Wired", "Wire Digest")),
    ("squashed", ("Sky News", "SkyNews"), ("Sky News", "SkyTrend News")),
    ("a short host spelling the whole name", ("rt.com", "RT"), ("rt.com", "Radio Times")),
    ("one host, two names", ("nypost.com", "www.nypost.com"), ("nypost.com", "jpost.com")),
]


@pytest.mark.parametrize("kind, same, _", CLASSES, ids=[c[0] for c in CLASSES])
def test_one_outlet_in_two_spellings_compares_equal(kind, same, _):
    a, b = same
    assert same_outlet(a, b) and same_outlet(b, a), kind


@pytest.mark.parametrize("kind, _, apart", CLASSES, ids=[c[0] for c in CLASSES])
def test_the_nearest_two_outlets_do_not(kind, _, apart):
    a, b = apart
    assert not same_outlet(a, b) and not same_outlet(b, a), kind


def test_a_sites_own_story_meets_the_wire_story_it_published_but_another_site_does_not():
    ap_on_site = ("Associated Press", "mysanantonio.com")
    assert one_newsroom(("mysanantonio.com", None), ap_on_site)
    assert not one_newsroom(("sfgate.com", None), ap_on_site)
    assert not one_newsroom((None, None), ap_on_site)


def test_a_name_in_another_script_compares_with_no_host():
    assert not same_outlet("wday.ru", "Вести") and same_outlet("Вести", "Вести")
