"""Read-only ad-hoc SQL over the warehouse, its output formats, and BM25 full-text search of documents (the index
itself is built by newsfacts.transform.search_index)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import duckdb_extension_fts

from newsfacts.config import DEFAULT_DUCKDB_MEMORY_LIMIT
from newsfacts.warehouse.db import WarehouseBusy, WarehouseError, close

FORMATS = ("table", "csv", "json")
# The index's schema is fixed by DuckDB: fts_main_<table>.
FTS_SCHEMA = "fts_main_documents"
_CELL_WIDTH = 60


class QueryError(ValueError):
    """A query that cannot run, with the reason in words an analyst can act on."""


@dataclass(frozen=True)
class SearchHit:
    doc_id: str
    score: float
    title: str | None
    outlet: str | None
    published_date: date | None
    duplicate_of: str | None
    snippet: str


def fts_extension_path() -> Path:
    """The fts extension shipped inside the duckdb-extension-fts wheel (never downloaded)."""
    version = duckdb.__version__
    path = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{version}" / "fts.duckdb_extension"
    if not path.is_file():
        raise QueryError(f"duckdb-extension-fts has no build for DuckDB {version} (looked for {path})")
    return path


def install_fts(con: duckdb.DuckDBPyConnection) -> None:
    """Install the fts extension from the wheel's file and load it; nothing is fetched from the network.

    Installing (into ~/.duckdb/extensions) is what lets a DuckDB CLI or Python session of the same
    version run `LOAD fts` on the warehouse later.
    """
    con.execute(f"INSTALL {_quoted(fts_extension_path())}")
    con.execute("LOAD fts")


def connect_read_only(warehouse: Path, memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> duckdb.DuckDBPyConnection:
    """Open the warehouse read-only, with fts loaded and the file system closed to queries."""
    if not Path(warehouse).is_file():
        raise WarehouseError(f"no warehouse at {warehouse}: run the pipeline first (newsfacts run)")
    try:
        con = duckdb.connect(str(warehouse), read_only=True, config={"memory_limit": memory_limit})
    except duckdb.IOException as exc:
        # Runs never hold the published file (they publish by swapping a copy in): a session opened read-write has it.
        raise WarehouseBusy(f"cannot open {warehouse} for reading: another process has it open read-write "
                            f"(a DuckDB session opened without -readonly?): {exc}") from None
    con.execute(f"LOAD {_quoted(fts_extension_path())}")  # straight from the wheel: no write to ~/.duckdb
    # Queries read the warehouse and nothing else: no COPY TO, ATTACH or reading other files,
    # and the setting is locked so a query cannot turn it back on.
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def run_sql(warehouse: Path, sql: str, fmt: str = "table", limit: int | None = None,
            params: list | None = None, memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> str:
    """Run analyst SQL read-only (values bound from params) and render each statement's rows as a terminal table,
    CSV or JSON, one after the other."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    con = connect_read_only(warehouse, memory_limit)
    try:
        statements = con.extract_statements(sql)
        if not statements:
            raise QueryError("no SQL statement given: e.g. newsfacts sql \"SELECT count(*) FROM documents\"")
        if params and len(statements) > 1:
            raise QueryError("values bind to one statement only")
        results = [_fetch(con, statement, params, limit) for statement in statements]
    except duckdb.OutOfMemoryException:
        raise  # not the query's fault: the memory cap is a setting (the CLI names it)
    except duckdb.Error as exc:
        raise QueryError(_explain(exc)) from None
    finally:
        close(con)
    return "\n".join(_render(fmt, *result) for result in results if result is not None)


def _fetch(con: duckdb.DuckDBPyConnection, statement, params: list | None, limit: int | None):
    """One statement's columns, rows and whether rows were left out; None for a statement that returns none."""
    cursor = con.execute(statement, params or None)
    if cursor.description is None:
        return None
    rows = cursor.fetchall() if limit is None else cursor.fetchmany(limit + 1)
    truncated = limit is not None and len(rows) > limit
    return [d[0] for d in cursor.description], rows[:limit] if truncated else rows, truncated


def _render(fmt: str, columns: list[str], rows: list[tuple], truncated: bool) -> str:
    if fmt == "csv":
        return _csv(columns, rows)
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], default=_json_value, ensure_ascii=False,
                          indent=2)
    return _table(columns, rows, truncated)


def search(warehouse: Path, text: str, limit: int = 10,
           memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> list[SearchHit]:
    """Documents ranked by BM25 relevance to the words of text, best first."""
    if not text.strip():
        raise QueryError("search needs at least one word")
    con = connect_read_only(warehouse, memory_limit)
    try:
        if not con.execute("SELECT 1 FROM duckdb_schemas() WHERE schema_name = ?", [FTS_SCHEMA]).fetchone():
            raise QueryError("the warehouse has no full-text index yet: it is built when a run publishes")
        rows = con.execute(_SEARCH, [text, limit]).fetchall()
    finally:
        close(con)
    return [SearchHit(*row[:6], snippet=snippet(row[6], text)) for row in rows]


# BM25 exactly as the index's match_bm25 macro scores it (k = 1.2, b = 0.75, DuckDB's base-10 log), but
# computed for every matching document in one pass over the query's terms instead of once per document,
# and only the best `limit` documents are read back from documents (bodies are long).
_SEARCH = """
with tokens as (

    select distinct stem(unnest(fts_main_documents.tokenize(?)), 'porter') as term

),

query_terms as (

    select dict.termid, dict.df from fts_main_documents.dict as dict join tokens using (term)

),

term_frequencies as (

    select docid, termid, count(*) as tf
    from fts_main_documents.terms
    where termid in (select termid from query_terms)
    group by docid, termid

),

scores as (

    select
        docs.name as doc_id,
        sum(
            log((stats.num_docs - query_terms.df + 0.5) / (query_terms.df + 0.5) + 1)
            * (tf.tf * (1.2 + 1)) / (tf.tf + 1.2 * (1 - 0.75 + 0.75 * (docs.len / stats.avgdl)))
        ) as score
    from term_frequencies as tf
    join query_terms using (termid)
    join fts_main_documents.docs as docs using (docid)
    cross join fts_main_documents.stats as stats
    group by docs.name

),

best as (

    select * from scores order by score desc, doc_id limit ?

)

select best.doc_id, best.score, d.title, d.outlet, d.published_date, d.duplicate_of, d.body
from best
join documents as d using (doc_id)
order by best.score desc, best.doc_id
"""


def search_text(warehouse: Path, text: str, limit: int = 10, fmt: str = "table",
                memory_limit: str = DEFAULT_DUCKDB_MEMORY_LIMIT) -> str:
    """search(), rendered in the same formats as run_sql."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    hits = search(warehouse, text, limit, memory_limit)
    columns = ["doc_id", "score", "title", "outlet", "published_date", "duplicate_of", "snippet"]
    return _render(fmt, columns, [tuple(asdict(h)[c] for c in columns) for h in hits], False)


def snippet(body: str, text: str, width: int = 160) -> str:
    """The stretch of body around the query phrase, else around the first query word it contains."""
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 2]
    patterns = [r"\W+".join(map(re.escape, words))] + [rf"\b{re.escape(w)}" for w in words]
    found = next((m.start() for p in patterns if p and (m := re.search(p, body, re.I))), 0)
    start = body.rfind(" ", 0, max(found - width // 8, 0)) + 1 if found > width // 8 else 0
    end = body.find(" ", start + width)
    piece = " ".join(body[start:end if end > 0 else None].split())
    return ("…" if start else "") + piece + ("…" if end > 0 else "")


def _quoted(path: Path) -> str:
    """A file path as a SQL string literal (INSTALL and LOAD take no bound parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _explain(exc: duckdb.Error) -> str:
    message = str(exc)
    if "read-only mode" in message:
        return "the sql command is read-only: statements that change the warehouse are refused.\n" + message
    if "file system operations are disabled" in message:
        return "the sql command reads the warehouse only: reading or writing other files is refused.\n" + message
    return message


def _csv(columns: list[str], rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[_text(v, for_csv=True) for v in row] for row in rows])
    return out.getvalue()


def _table(columns: list[str], rows: list[tuple], truncated: bool) -> str:
    """psql-style text table: one line per row, long cells cut with an ellipsis, numbers right-aligned."""
    cells = [[_cut(_text(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row[i], (int, float, Decimal)) or row[i] is None for row in rows) and bool(rows)
               for i in range(len(columns))]

    def line(values: list[str]) -> str:
        return " | ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(list(columns)), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    count = f"({len(rows)} row{'s' if len(rows) != 1 else ''}"
    out.append(count + (", more not shown)" if truncated else ")"))
    return "\n".join(out) + "\n"


def _text(value, for_csv: bool = False) -> str:
    if value is None:
        return "" if for_csv else "NULL"
    if isinstance(value, float):
        return repr(value) if for_csv else f"{value:.6g}"
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=_json_value, ensure_ascii=False)
    return str(value)


def _cut(text: str) -> str:
    text = " ".join(text.split())  # newlines in bodies would break the one-line-per-row layout
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 1] + "…"


def _json_value(value):
    if isinstance(value, Decimal):
        return float(value)
    return str(value)
