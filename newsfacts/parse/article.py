"""Build a Document from scraped article text: clean the furniture, then read metadata from what was set aside."""

from __future__ import annotations

from newsfacts.parse import metadata
from newsfacts.parse.furniture import BYLINE, CREDIT, FURNITURE_ONLY, SUBTITLE, TITLE, Cleaned, clean, only_furniture
from newsfacts.parse.language import detect_language
from newsfacts.records import Document, ParseOutput

MIN_BODY_WORDS = 40  # below this a "story" is a teaser or a broken scrape, not an article


def parse_article_text(text: str, path: str, sha256: str) -> ParseOutput:
    cleaned = clean(text)
    body = cleaned.body
    words = len(body.split())
    if not body.strip() or (words < MIN_BODY_WORDS and only_furniture(text)):
        return ParseOutput(rejected=FURNITURE_ONLY)
    if words < MIN_BODY_WORDS:
        return ParseOutput(rejected=f"body too short after removing page furniture ({words} words)")
    return ParseOutput(document=_document(cleaned, text, path, sha256))


def _document(cleaned: Cleaned, text: str, path: str, sha256: str) -> Document:
    body = cleaned.body
    bylines = [u.text for u in cleaned.by_role(BYLINE)]
    credits = [u.text for u in cleaned.by_role(CREDIT)]
    place, wire = metadata.find_dateline(body)
    outlet, site = _outlet_and_site(text, bylines, credits, wire, _masthead(cleaned) or _header_outlet(cleaned))
    # Dates are read only outside the body: dates inside the story are events, not publication.
    when = metadata.find_date(bylines + _header_lines(cleaned) + credits)
    document = Document(
        doc_id=sha256[:16],
        sha256=sha256,
        kind="article",
        format="article_text",
        source_path=path,
        outlet=outlet,
        site=site,
        title=cleaned.first(TITLE),
        subtitle=cleaned.first(SUBTITLE),
        authors=metadata.authors_from(bylines, credits),
        dateline=place,
        published_date=when,
        date_source="explicit" if when else None,
        language=detect_language(body),
        body=body,
        word_count=len(body.split()),
        lines_total=cleaned.lines_total,
        lines_dropped=cleaned.lines_dropped,
        flags=list(cleaned.notes),
    )
    document.flags += missing_flags(document)
    return document


def missing_flags(document: Document) -> list[str]:
    """Non-fatal gaps a reviewer should see: fields the source did not give us."""
    checks = {"no title found": document.title, "no outlet found": document.outlet,
              "no publication date found": document.published_date, "language not determined": document.language}
    return [flag for flag, value in checks.items() if not value]


def _header_lines(cleaned: Cleaned) -> list[str]:
    start = cleaned.body_start or 0
    return [u.text for u in cleaned.units[:start] if u.role not in (TITLE, SUBTITLE)]


def _masthead(cleaned: Cleaned) -> str | None:
    """The site named by the page's first line when it stands above the story (not its text): a masthead."""
    start = cleaned.body_start or 0
    return metadata.masthead_site(cleaned.units[0].text) if start > 0 else None


def _header_outlet(cleaned: Cleaned) -> str | None:
    """A known outlet named above the story, outside its title: an undated, unsigned page's own furniture (Fox
    News's promo line, a wire's tag) names its newsroom; below the story, related links name other outlets."""
    start = cleaned.body_start or 0
    return next((name for u in cleaned.units[:start] if u.role != TITLE
                 for name in [metadata.outlet_named(u.text)] if name), None)


def _outlet_and_site(text: str, bylines: list[str], credits: list[str], wire: str | None,
                     masthead: str | None = None) -> tuple[str | None, str | None]:
    """Whose story (credited publisher) and where it was collected (recognised site, else the newsroom its own
    byline names: "By mysanantonio.com staff" over an AP story, else the host its masthead or the outlet its header
    names), site kept only when different. The site names the story when no publisher is credited."""
    site = metadata.site_of(text) or metadata.staff_outlet(bylines) or masthead
    outlet = metadata.credited_outlet([wire or "", *bylines, *credits]) or site
    return outlet, (site if site != outlet else None)
