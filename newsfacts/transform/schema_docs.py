"""Render docs/schema.md: every warehouse table and SQL model with its columns, types and meaning."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsfacts.config import PROJECT_ROOT, SQL_DIR
from newsfacts.transform.models import SCHEMA_SQL, build_models, discover

SCHEMA_DOC = PROJECT_ROOT / "docs" / "schema.md"

_PREAMBLE = """\
# Warehouse schema

Generated from `newsfacts/warehouse/schema.sql` and the models in `sql/` by `make docs`
(`python -m newsfacts.transform.schema_docs`); a test fails when this file is out of date, so do not edit it by hand.
Every description below is also stored in the database (`COMMENT ON`): `select * from duckdb_columns()`.

## Querying

- `newsfacts sql "select * from story_clusters"` prints a table (`--format csv` or `--format json` for
  files). It opens the warehouse read-only: statements that write, and reading or writing other files, are refused.
- `newsfacts search "armored train"` ranks documents by BM25 over title and body.
- DuckDB CLI (same DuckDB version, 1.5.x): `duckdb -readonly warehouse/newsfacts.duckdb`. Run `LOAD fts;` before
  using `match_bm25` (the pipeline installs the extension from the `duckdb-extension-fts` wheel; nothing is downloaded).
- Python: `con = duckdb.connect("warehouse/newsfacts.duckdb", read_only=True)`, then `con.sql("...")`.
- Full text in SQL:

  ```sql
  LOAD fts;
  select doc_id, title, score
  from (select *, fts_main_documents.match_bm25(doc_id, 'armored train') as score from documents)
  where score is not null
  order by score desc;
  ```

Counting rule used by every model: an *independent source* is a story cluster whose original (a document with
`duplicate_of` null) carries the fact; copies and rewrites never add one.
"""


def render(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> str:
    """Markdown for every table and model in main, with column types and their COMMENTs."""
    models = {m.name: m for m in discover(sql_dir)}
    relations = _relations(con)
    public = [n for n in sorted(models) if n in relations and not _is_intermediate(n)]
    intermediate = [n for n in sorted(models) if n in relations and _is_intermediate(n)]
    tables = [n for n in sorted(relations) if n not in models]
    parts = [_PREAMBLE, "## Tables\n"]
    parts += [_section(con, name, relations[name]) for name in tables]
    parts.append("## Models\n\nBuilt from `sql/` after every publish, in dependency order.\n")
    parts += [_section(con, name, relations[name], models[name]) for name in public]
    parts.append("## Intermediate models\n\nSteps the models above build on (`stg_` cleans, `int_` matches).\n")
    parts += [_section(con, name, relations[name], models[name]) for name in intermediate]
    return "\n".join(parts).rstrip() + "\n"


def generate() -> str:
    """The docs for the schema plus models on an empty database: the same text on every machine."""
    con = duckdb.connect()
    try:
        con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        build_models(con, SQL_DIR)
        return render(con)
    finally:
        con.close()


def _is_intermediate(name: str) -> bool:
    return name.startswith(("stg_", "int_"))


def _relations(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    rows = con.execute(
        "SELECT table_name, 'table', comment FROM duckdb_tables() "
        "WHERE schema_name = 'main' AND database_name = current_database() "
        "UNION ALL SELECT view_name, 'view', comment FROM duckdb_views() "
        "WHERE schema_name = 'main' AND database_name = current_database() AND NOT internal"
    ).fetchall()
    return {name: comment or "" for name, _kind, comment in rows}


def _section(con: duckdb.DuckDBPyConnection, name: str, comment: str, model=None) -> str:
    lines = [f"### {name}\n", comment.strip() + "\n" if comment.strip() else ""]
    if model is not None:
        built_from = ", ".join(f"`{r}`" for r in sorted(model.references))
        lines.append(f"Model `sql/{model.path.name}`, built from {built_from}.\n")
    lines += ["| column | type | meaning |", "|---|---|---|"]
    columns = con.execute(
        "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE schema_name = 'main' AND table_name = ? AND database_name = current_database() "
        "ORDER BY column_index",
        [name],
    ).fetchall()
    for column, data_type, nullable, text in columns:
        kind = data_type + ("" if nullable or model is not None else " not null")
        lines.append(f"| `{column}` | {_cell(kind)} | {_cell(text or '')} |")
    return "\n".join(line for line in lines if line) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> None:
    SCHEMA_DOC.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_DOC.write_text(generate(), encoding="utf-8")
    print(f"wrote {SCHEMA_DOC.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
