"""Build the SQL models in sql/ as tables, in dependency order, on a connection the caller owns."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp
from sqlglot.optimizer.scope import traverse_scope

SCHEMA_SQL = Path(__file__).parent / "warehouse" / "schema.sql"

# Model names become table names, so they are held to plain lower-case identifiers.
_MODEL_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# Header lines "--   column_name: meaning" after a "-- columns:" line document the model's columns.
_COLUMN_DOC = re.compile(r"^([a-z_][a-z0-9_]*)\s*:\s*(.+)$")


class ModelError(ValueError):
    """A model file that cannot be built: bad name, unparsable SQL, unknown reference or cycle."""


@dataclass(frozen=True)
class Model:
    """One sql/<name>.sql file: its SELECT, the relations it reads, and the docs from its header."""

    name: str
    path: Path
    sql: str
    references: frozenset[str]
    description: str
    column_docs: dict[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class ModelTiming:
    name: str
    seconds: float
    rows: int


def discover(sql_dir: Path) -> list[Model]:
    """Read and parse every sql/*.sql model, in dependency order (ties broken by name)."""
    models = {m.name: m for m in (_read_model(p) for p in sorted(Path(sql_dir).glob("*.sql")))}
    return [models[name] for name in _dependency_order(models)]


def build_models(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[ModelTiming]:
    """Create or replace each model as a table in main, in dependency order, and time it.

    Runs inside whatever transaction the caller has open and never commits or rolls back itself:
    the publisher builds models inside its publish transaction so they appear atomically with the data.
    """
    models = discover(sql_dir)
    _check_references(con, models)
    timings = []
    for model in models:
        started = time.perf_counter()
        con.execute(f"CREATE OR REPLACE TABLE main.{model.name} AS {model.sql}")
        _comment(con, model)
        rows = con.execute(f"SELECT count(*) FROM main.{model.name}").fetchone()[0]
        timings.append(ModelTiming(model.name, time.perf_counter() - started, rows))
    return timings


def _read_model(path: Path) -> Model:
    name = path.stem
    if not _MODEL_NAME.match(name):
        raise ModelError(f"{path.name}: model names must be lower-case identifiers ([a-z][a-z0-9_]*)")
    if name in _warehouse_tables():
        raise ModelError(f"{path.name}: a model may not replace the warehouse table {name!r}")
    text = path.read_text(encoding="utf-8")
    sql = text.strip().rstrip(";").strip()
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except sqlglot.errors.ParseError as exc:
        raise ModelError(f"{path.name}: cannot parse the SQL: {exc}") from None
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise ModelError(f"{path.name}: a model file holds exactly one SELECT query")
    description, column_docs = _header_docs(text)
    if not description:
        raise ModelError(f"{path.name}: start the file with a '-- ' comment saying what one row is")
    return Model(name, path, sql, frozenset(_references(statements[0])), description, column_docs)


def _references(query: exp.Expression) -> set[str]:
    """Names of the tables a query reads, excluding its own CTEs and table functions."""
    names = set()
    for scope in traverse_scope(query):
        for source in scope.sources.values():
            if isinstance(source, exp.Table) and isinstance(source.this, exp.Identifier):
                if source.db and source.db != "main":
                    names.add(f"{source.db}.{source.name}")
                else:
                    names.add(source.name)
    return names


def _header_docs(text: str) -> tuple[str, dict[str, str]]:
    """The leading '-- ' comment block: a description, then optional '-- columns:' entries."""
    description, columns, in_columns = [], {}, False
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        content = line[2:].strip()
        if content.lower() == "columns:":
            in_columns = True
        elif in_columns and (match := _COLUMN_DOC.match(content)):
            columns[match.group(1)] = match.group(2).strip()
        elif in_columns and content and columns:
            last = next(reversed(columns))  # continuation line of the previous column's text
            columns[last] += " " + content
        elif content and not in_columns:
            description.append(content)
    return " ".join(description), columns


def _dependency_order(models: dict[str, Model]) -> list[str]:
    graph = {name: {r for r in m.references if r in models} for name, m in models.items()}
    sorter = TopologicalSorter(graph)
    try:
        sorter.prepare()
    except CycleError as exc:
        cycle = exc.args[1]
        files = " -> ".join(f"{n}.sql" for n in cycle)
        raise ModelError(f"models reference each other in a cycle: {files}") from None
    order = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())  # deterministic order among independent models
        order.extend(ready)
        sorter.done(*ready)
    return order


def _check_references(con: duckdb.DuckDBPyConnection, models: list[Model]) -> None:
    known = {m.name for m in models} | _relations(con)
    for model in models:
        unknown = sorted(model.references - known)
        if unknown:
            raise ModelError(f"{model.path.name}: references unknown table(s) {', '.join(unknown)}")


def _relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "UNION ALL SELECT schema_name, view_name FROM duckdb_views() "
        "WHERE database_name = current_database() AND NOT internal"
    ).fetchall()
    return {name if schema == "main" else f"{schema}.{name}" for schema, name in rows}


def _comment(con: duckdb.DuckDBPyConnection, model: Model) -> None:
    """Turn the model's header into COMMENT ON TABLE/COLUMN, so the docs live in the database."""
    columns = {r[0] for r in con.execute(f"DESCRIBE main.{model.name}").fetchall()}
    unknown = sorted(set(model.column_docs) - columns)
    if unknown:
        raise ModelError(f"{model.path.name}: header documents columns it does not produce: {', '.join(unknown)}")
    # COMMENT ON takes no bound parameters; the text comes from our own SQL files and is quoted by sqlglot.
    con.execute(f"COMMENT ON TABLE main.{model.name} IS {_literal(model.description)}")
    for column, text in model.column_docs.items():
        con.execute(f"COMMENT ON COLUMN main.{model.name}.{column} IS {_literal(text)}")


def _literal(text: str) -> str:
    return exp.Literal.string(text).sql(dialect="duckdb")


@lru_cache(maxsize=1)
def _warehouse_tables() -> frozenset[str]:
    """Tables that schema.sql creates: models must never overwrite them."""
    statements = sqlglot.parse(SCHEMA_SQL.read_text(encoding="utf-8"), read="duckdb")
    return frozenset(
        s.this.this.name for s in statements if isinstance(s, exp.Create) and s.kind == "TABLE"
    )
