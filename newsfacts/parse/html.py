"""Extract the article of a saved HTML page with trafilatura, then clean and describe it like scraped text."""

from __future__ import annotations

from datetime import date

import trafilatura

from newsfacts.parse import metadata
from newsfacts.parse.article import MIN_BODY_WORDS, missing_flags
from newsfacts.parse.furniture import BYLINE, CREDIT, Cleaned, clean_extracted
from newsfacts.parse.language import detect_language
from newsfacts.records import Document, ParseOutput

# Precision mode scored best on the 181-page benchmark (benchmarks/html_extraction.py); comments are not the story.
# Dates come from the page's metadata only (no guessing from body text), preferring first publication over updates,
# so date_source "metadata" says what it means.
EXTRACT_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "with_metadata": True,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def extract(html: str) -> tuple[str, dict]:
    """Trafilatura's main text (one paragraph per line) and its metadata; ("", {}) when it finds no article."""
    try:
        found = trafilatura.bare_extraction(html, **EXTRACT_OPTIONS)
    except Exception:  # lxml raises a zoo of errors on damaged markup; a page we cannot read has no article
        return "", {}
    if found is None:
        return "", {}
    return found.text or "", found.as_dict()


def extract_body(html: str) -> tuple[str, dict, Cleaned]:
    """The cleaned body, trafilatura's metadata and the cleaner's labels (for the benchmark and parse_html)."""
    text, meta = extract(html)
    cleaned = clean_extracted(text, meta.get("title"))
    return cleaned.body, meta, cleaned


def parse_html(html: str, path: str, sha256: str) -> ParseOutput:
    body, meta, cleaned = extract_body(html)
    if not body.strip():
        return ParseOutput(rejected="no article found in the HTML page")
    words = len(body.split())
    if words < MIN_BODY_WORDS:
        return ParseOutput(rejected=f"HTML page holds no article: only {words} words of story text")
    bylines = [u.text for u in cleaned.by_role(BYLINE)]
    credits = [u.text for u in cleaned.by_role(CREDIT)]
    place, wire = metadata.find_dateline(body)
    outlet, site = _outlet_and_site(meta, wire, bylines + credits)
    published = _meta_date(meta.get("date"))
    document = Document(
        doc_id=sha256[:16], sha256=sha256, kind="article", format="html", source_path=path,
        outlet=outlet, site=site,
        title=meta.get("title"),
        subtitle=None,
        authors=_authors(meta.get("author"), bylines, credits),
        dateline=place,
        published_date=published, date_source="metadata" if published else None,
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


def _authors(meta_author: str | None, bylines: list[str], credits: list[str]) -> list[str]:
    # trafilatura joins several authors with "; "
    from_meta = [a.strip() for a in (meta_author or "").split(";") if a.strip()]
    return metadata.authors_from([f"By {a}" for a in from_meta] + bylines, credits)


def _meta_date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw[:10]) if raw else None
    except ValueError:
        return None
