"""Extract the article of a saved HTML page with trafilatura, clean it like scraped text, and describe it from the
page's own markup (newsfacts.parse.pagemeta)."""

from __future__ import annotations

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsfacts.parse import metadata, pagemeta
from newsfacts.parse.article import MIN_BODY_WORDS, missing_flags
from newsfacts.parse.furniture import BYLINE, CREDIT, Cleaned, clean_extracted
from newsfacts.parse.language import detect_language
from newsfacts.records import Document, ParseOutput

# Precision mode scored best on the 181-page benchmark (benchmarks/html_extraction.py); comments are not the story.
# Trafilatura's date (htmldate on the page's markup only, no guessing from body text, first publication over
# updates) is the last resort after JSON-LD, meta tags and the URL.
EXTRACT_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "with_metadata": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def extract(html: str | HtmlElement) -> tuple[str, dict]:
    """Trafilatura's main text (one paragraph per line) and its metadata; ("", {}) when it finds no article."""
    try:
        found = trafilatura.bare_extraction(html, **EXTRACT_OPTIONS)
    except Exception:  # lxml raises a zoo of errors on damaged markup; a page we cannot read has no article
        return "", {}
    if found is None:
        return "", {}
    return found.text or "", found.as_dict()


def read_page(html: str) -> tuple[str, dict, Cleaned, pagemeta.PageMeta]:
    """The cleaned body, trafilatura's metadata, the cleaner's labels and the page's own metadata. The page is
    parsed once: trafilatura works on a copy of the tree the metadata is read from."""
    try:
        tree = load_html(html)
    except Exception:  # as in extract: damaged markup
        tree = None
    text, meta = extract(tree if tree is not None else html)
    cleaned = clean_extracted(text, meta.get("title"))
    if tree is None or not cleaned.body.strip():
        return cleaned.body, meta, cleaned, pagemeta.PageMeta()
    page = pagemeta.read(tree, meta.get("url"), cleaned.body, meta,
                         [u.text for u in cleaned.by_role(BYLINE)], [u.text for u in cleaned.by_role(CREDIT)])
    return cleaned.body, meta, cleaned, page


def parse_html(html: str, path: str, sha256: str) -> ParseOutput:
    body, meta, cleaned, page = read_page(html)
    if not body.strip():
        return ParseOutput(rejected="no article found in the HTML page")
    words = len(body.split())
    if words < MIN_BODY_WORDS:
        return ParseOutput(rejected=f"HTML page holds no article: only {words} words of story text")
    bylines = [u.text for u in cleaned.by_role(BYLINE)]
    credits = [u.text for u in cleaned.by_role(CREDIT)]
    place, wire = metadata.find_dateline(body)
    outlet, site = _outlet_and_site(meta, wire, bylines + credits)
    document = Document(
        doc_id=sha256[:16], sha256=sha256, kind="article", format="html", source_path=path,
        outlet=outlet, site=site,
        title=page.title,
        subtitle=None,
        authors=page.authors,
        dateline=place,
        published_date=page.published, date_source=page.date_source,
        language=detect_language(body),
        body=body, word_count=words,
        lines_total=cleaned.lines_total, lines_dropped=cleaned.lines_dropped,
        url=meta.get("url"),
        flags=list(cleaned.notes),
    )
    document.flags += missing_flags(document)
    return ParseOutput(document=document)


def _outlet_and_site(meta: dict, wire: str | None, credit_lines: list[str]) -> tuple[str | None, str | None]:
    """The credited publisher (wire tag, credit line, or an outlet as author) else the site itself."""
    sitename = meta.get("sitename") or meta.get("hostname")
    site = metadata.outlet_named(sitename or "") or sitename
    outlet = metadata.credited_outlet([wire or "", *credit_lines, meta.get("author") or ""]) or site
    return outlet, (site if site != outlet else None)
