"""Print the raw evidence of a page's title, authors and date, for a person labelling benchmarks/data/page_metadata.

Usage: .venv/bin/python -m benchmarks.metadata_snippets START COUNT
Pages are the Scrapinghub pages in sorted order. Nothing is decided here: the labeller reads <title>, the meta tags,
JSON-LD, the headings and the lines around the byline and judges what a reader of the page sees as its headline,
its authors and its publication day.
"""

from __future__ import annotations

import gzip
import json
import re
import sys

from lxml import html as lxml_html

from newsfacts.config import SCRAPINGHUB_DATA

_META = ("og:title", "og:site_name", "twitter:title", "author", "article:author", "article:published_time",
         "og:article:published_time", "pubdate", "publishdate", "date", "dc.date", "dc.creator", "sailthru.date",
         "parsely-pub-date", "parsely-author", "byl", "dcterms.created", "article.published")
_BYLINE_CLASS = re.compile(r"byline|author|dateline|timestamp|publish|posted|date", re.I)


def _short(text: str, size: int = 140) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[:size] + "…"


def _jsonld(tree) -> list[str]:
    out = []
    for node in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(node.text_content())
        except ValueError:
            out.append("  (unparseable JSON-LD)")
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph", []) if isinstance(item.get("@graph"), list) else [])
            picked = {k: item[k] for k in ("@type", "headline", "name", "author", "creator", "datePublished",
                                           "dateCreated", "dateModified") if k in item}
            if any(k in picked for k in ("headline", "author", "datePublished")):
                out.append("  " + _short(json.dumps(picked, ensure_ascii=False), 400))
    return out


def show(key: str, url: str, raw: bytes, body: str) -> None:
    tree = lxml_html.fromstring(raw.decode("utf-8", "replace"))
    print(f"=== {key[:12]}  {url}")
    print("gold body:", _short(body, 120))
    print("title:", _short(" ".join(tree.xpath("//title//text()"))))
    for meta in tree.xpath("//meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _META or name in ("datepublished", "author", "headline"):
            print(f"meta {name}: {_short(meta.get('content') or '')}")
    for line in _jsonld(tree):
        print("jsonld", line)
    for h in tree.xpath("//h1")[:3]:
        print("h1:", _short(h.text_content()))
    for a in tree.xpath("//a[@rel='author']")[:3]:
        print("rel=author:", _short(a.text_content(), 60))
    seen = set()
    for el in tree.xpath("//*[@class or @itemprop]"):
        marker = f"{el.get('class', '')} {el.get('itemprop', '')}"
        if el.tag in ("script", "style", "body", "html", "meta", "link") or not _BYLINE_CLASS.search(marker):
            continue
        text = _short(el.text_content(), 100)
        if text and text not in seen and len(seen) < 8:
            seen.add(text)
            print(f"  .{_short(marker, 40)}: {text}")
    for t in tree.xpath("//time")[:3]:
        print("time:", t.get("datetime"), "|", _short(t.text_content(), 60))
    print()


def main() -> None:
    start, count = int(sys.argv[1]), int(sys.argv[2])
    truth = json.loads((SCRAPINGHUB_DATA / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth)[start:start + count]:
        show(key, truth[key].get("url", ""), gzip.open(SCRAPINGHUB_DATA / "html" / f"{key}.html.gz").read(),
             truth[key]["articleBody"])


if __name__ == "__main__":
    main()
