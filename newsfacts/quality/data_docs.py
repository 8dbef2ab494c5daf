"""Make a GX Data Docs site work offline: no CDN scripts or styles, no remote logo, tables rendered in the page.

GX's pages load jQuery, Bootstrap, bootstrap-table, Font Awesome and Vega from CDNs, and its index builds the list
of validations in the browser from data in a script: offline that list is empty and every page unstyled. Nothing
of those libraries ships in the environment, so the remote tags are dropped, the index's tables are written out as
HTML from the data GX put in its scripts, and a small stylesheet (static/styles/newsfacts.css) stands in for
Bootstrap. GX also copies ~4 MB of images and fonts into every site; only the favicon and the logo are kept.
"""

from __future__ import annotations

import ast
import html
import re
import shutil
from importlib import resources
from pathlib import Path

STYLESHEET = "static/styles/newsfacts.css"
LOGO = "static/images/logo-long.png"
_KEEP_STATIC = {"static/images/favicon.ico", LOGO, "static/styles/data_docs_custom_styles_template.css"}

_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^>]*>\s*", re.I)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>\s*", re.I | re.S)
_REMOTE_IMG = re.compile(r"(<img\b[^>]*\bsrc=)[\"']https?://[^\"']*[\"']", re.I)
_TABLE_CALL = re.compile(r"\$\('#([\w-]+)'\)\.bootstrapTable\(")


def make_offline(site: Path) -> None:
    """Rewrite every page of the site in place and trim its static folder (idempotent)."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if STYLESHEET in text:
            continue  # rewritten by an earlier audit of the run
        page.write_text(offline_page(text, _prefix(site, page)), encoding="utf-8")
    for path in sorted((site / "static").rglob("*"), reverse=True):
        relative = path.relative_to(site).as_posix()
        if path.is_file() and relative not in _KEEP_STATIC:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    stylesheet = site / STYLESHEET
    stylesheet.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resources.files("newsfacts.quality").joinpath("data_docs.css"), stylesheet)


def offline_page(text: str, prefix: str) -> str:
    """One page without remote assets: its script-built tables as HTML, the local logo and stylesheet."""
    tables = dict(_script_tables(text))
    for table_id, rows in tables.items():
        text = re.sub(rf"(<table\b[^>]*\bid=\"{re.escape(table_id)}\"[^>]*>)\s*</table>",
                      lambda m, rows=rows: m.group(1) + rows + "</table>", text, count=1)
    text = _SCRIPT.sub("", text)
    text = _REMOTE_LINK.sub("", text)
    text = _REMOTE_IMG.sub(rf'\1"{prefix}{LOGO}"', text)
    return text.replace("</head>", f'<link rel="stylesheet" href="{prefix}{STYLESHEET}"/>\n</head>', 1)


def _script_tables(text: str):
    """(table id, HTML rows) of each bootstrap-table the page fills from a script's columns and data."""
    for match in _TABLE_CALL.finditer(text):
        columns = _literal_after(text, "columns:", match.end())
        data = _literal_after(text, "data:", match.end())
        if columns is None or data is None:
            continue
        head = "".join(f"<th>{html.escape(str(c.get('title', c['field'])))}</th>" for c in columns)
        # Failed validations first (GX lists newest first; its table could be re-sorted, this one cannot).
        data = sorted(data, key=lambda row: row.get("_validation_success_text") != "Failed")
        body = "".join(_row(row, columns) for row in data)
        yield match.group(1), f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"


def _row(row: dict, columns: list[dict]) -> str:
    # Cells hold the HTML GX rendered for them; the row's link (a click handler in GX) goes on the status cell.
    cells = [str(row.get(c["field"], "")) for c in columns]
    link, status = row.get("_table_row_link_path"), row.get("_validation_success_text")
    if link and cells:
        label = f" {html.escape(str(status))}" if status else ""
        cells[0] = f'<a class="ge-row-link" href="{html.escape(link)}">{cells[0]}{label}</a>'
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def _literal_after(text: str, key: str, start: int):
    """The Python literal (a list GX wrote with repr) that follows `key` after `start`, or None."""
    at = text.find(key, start)
    if at < 0:
        return None
    begin = text.find("[", at)
    depth, quote, escaped = 0, None, False
    for i in range(begin, len(text)):
        char = text[i]
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                try:
                    return ast.literal_eval(text[begin : i + 1])
                except (ValueError, SyntaxError):
                    return None
    return None


def _prefix(site: Path, page: Path) -> str:
    return "../" * (len(page.relative_to(site).parts) - 1)
