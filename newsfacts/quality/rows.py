"""From an offending row to its document: the keys a failed check keeps of each row, and the documents they name."""

from __future__ import annotations

from newsfacts.quality.results import MAX_ROWS
from newsfacts.warehouse.identifiers import identifier

# Columns that lead from a row to a document, the first one a row has: its doc_id; a story cluster's canonical
# document; a raw file's SHA-256, whose head is the doc_id; an entity, through the documents that name it.
ROW_KEYS = ("doc_id", "cluster_id", "sha256", "entity_id")
_DOCUMENT_KEYS = ("doc_id", "cluster_id")


def key_columns(columns) -> list[str]:
    """The columns of ROW_KEYS a table has, kept with each offending row."""
    return [c for c in ROW_KEYS if c in columns]


def documents_of(con, schema: str, rows: list[dict]) -> list[str]:
    """The documents (in the audited schema or already published) that offending rows belong to, in row order.

    At most MAX_ROWS; a key that names no document (a rejected file, an unknown id) is left out.
    """
    wanted, entities = [], []
    for row in rows:
        key = next((row[k] for k in _DOCUMENT_KEYS if isinstance(row.get(k), str)), None)
        if key is None and isinstance(row.get("sha256"), str):
            key = row["sha256"][:16]
        if key is not None:
            wanted.append(key)
        elif isinstance(row.get("entity_id"), str):  # an entity's row, with no document of its own
            entities.append(row["entity_id"])
    if not wanted and not entities:
        return []
    schemas = list(dict.fromkeys([identifier(schema), "main"]))
    known = set()
    for s in schemas:
        if _exists(con, s, "documents") and wanted:
            known |= {r[0] for r in con.execute(
                f"SELECT doc_id FROM {s}.documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
            ).fetchall()}
    found = [d for d in dict.fromkeys(wanted) if d in known]
    for s in schemas:
        if entities and len(found) < MAX_ROWS and _exists(con, s, "mentions"):
            found += [r[0] for r in con.execute(
                f"SELECT DISTINCT doc_id FROM {s}.mentions WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))"
                " ORDER BY doc_id LIMIT ?", [entities, MAX_ROWS]
            ).fetchall() if r[0] not in found]
    return found[:MAX_ROWS]


def _exists(con, schema: str, table: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables"
        " WHERE table_catalog = current_database() AND table_schema = ? AND table_name = ?", [schema, table]
    ).fetchone()[0])
