"""Build or refresh the SQL models in sql/ (tables, incremental tables, views) on a connection the caller owns."""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import duckdb
import jinja2
import sqlglot
from sqlglot import exp
from sqlglot.optimizer.scope import traverse_scope

from newsfacts.transform.search_index import refresh_search_index
from newsfacts.warehouse.identifiers import identifier

SCHEMA_SQL = Path(__file__).parents[1] / "warehouse" / "schema.sql"

# Header lines "--   column_name: meaning" after a "-- columns:" line document the model's columns.
_COLUMN_DOC = re.compile(r"^([a-z_][a-z0-9_]*)\s*:\s*(.+)$")
# "-- refresh: incremental by cluster_id (why)", "-- refresh: full (why)" or "-- refresh: view (why)".
_REFRESH = re.compile(
    r"^refresh:\s*(?:(incremental) by ([a-z_][a-z0-9_]*(?:\s*,\s*[a-z_][a-z0-9_]*)*)(?:\s+\(.*)?|(full|view)\b.*)$"
)
FULL, INCREMENTAL, VIEW = "full", "incremental", "view"
UNCHANGED_VIEW = "unchanged view"
_JINJA = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
# Where each model's SQL hash is kept: a model whose file changed is built in full once.
STATE_TABLE = "model_state"
_STATE_DDL = f"""
CREATE TABLE IF NOT EXISTS main.{STATE_TABLE} (
    model        VARCHAR PRIMARY KEY,
    sql_hash     VARCHAR NOT NULL,
    refresh      VARCHAR NOT NULL,
    refreshed_at TIMESTAMP NOT NULL
)"""
_STATE_COMMENTS = (
    f"COMMENT ON TABLE main.{STATE_TABLE} IS 'One row per SQL model: the hash of the SQL it was last built from, "
    "so a changed model file is rebuilt in full.'",
    f"COMMENT ON COLUMN main.{STATE_TABLE}.model IS 'The model: sql/<model>.sql, built as main.<model>.'",
    f"COMMENT ON COLUMN main.{STATE_TABLE}.sql_hash IS 'SHA-256 (first 16 hex digits) of the model file.'",
    f"COMMENT ON COLUMN main.{STATE_TABLE}.refresh IS 'full | incremental | view, as the file''s header says.'",
    f"COMMENT ON COLUMN main.{STATE_TABLE}.refreshed_at IS 'When it was last built or refreshed.'",
)


class ModelError(ValueError):
    """A model file that cannot be built: bad name, unparsable SQL, unknown reference or cycle."""


@dataclass(frozen=True)
class Model:
    """One sql/<name>.sql file: its SELECT, the relations it reads, how it refreshes, and the docs from its header.

    sql is the query rendered for a full build; an incremental model's file is also a Jinja template whose
    `changed_keys` block lists the keys a publish touched and whose `is_changed(...)` calls restrict its inputs.
    """

    name: str
    path: Path
    sql: str
    references: frozenset[str]
    description: str
    column_docs: dict[str, str] = field(default_factory=dict, hash=False)
    refresh: str = FULL
    keys: tuple[str, ...] = ()
    template: str = field(default="", repr=False)

    @property
    def sql_hash(self) -> str:
        return hashlib.sha256(self.template.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ModelTiming:
    name: str
    seconds: float
    rows: int
    mode: str = FULL  # how it was refreshed this time: full | incremental | view | unchanged view


def discover(sql_dir: Path) -> list[Model]:
    """Read and parse every sql/*.sql model, in dependency order (ties broken by name)."""
    models = {m.name: m for m in (_read_model(p) for p in sorted(Path(sql_dir).glob("*.sql")))}
    return [models[name] for name in _dependency_order(models)]


def build_models(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> list[ModelTiming]:
    """Build every model in full (tables, and views for the models that are views), in dependency order.

    Runs inside whatever transaction the caller has open and never commits or rolls back itself:
    the publisher builds models inside its publish transaction so they appear atomically with the data.
    """
    models = discover(sql_dir)
    _check_references(con, models)
    _ensure_state(con)
    return [_timed(con, model, VIEW if model.refresh == VIEW else FULL) for model in models]


def refresh_models(con: duckdb.DuckDBPyConnection, sql_dir: Path, batch_schema: str = "batch") -> list[ModelTiming]:
    """Bring every model up to date after a publish, recomputing only the keys the batch touched where it can.

    The batch schema (left by the publisher inside its transaction) says what changed: its documents, the
    earlier documents whose cluster links changed (document_updates), and its entities. A model is built in
    full instead when it is new, its file changed since it was built, it says `refresh: full`, a model it
    reads was built in full, or the batch republished documents (their earlier facts are gone, so no
    incremental model could see what they used to say). Without a batch schema every model is built in full.
    """
    models = discover(sql_dir)
    _check_references(con, models)
    _ensure_state(con)
    built = _built_hashes(con)
    everything = not _stage_changes(con, batch_schema)
    rebuilt: set[str] = set()
    timings = []
    for model in models:
        mode = _mode(model, built, rebuilt, everything)
        if mode in (FULL, VIEW):
            rebuilt.add(model.name)
        timings.append(_timed(con, model, mode))
    for model in models:  # the deltas live only as long as this refresh; the keys until the model audit
        for prefix in ("removed", "added"):
            con.execute(f"DROP TABLE IF EXISTS temp.main.{prefix}_{model.name}")
    return timings


def refreshed_rows(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """A predicate selecting the rows of main.<name> that this session's latest refresh wrote (all the rows of
    each key with a row written: the table's own per-row expectations need no more).

    None when that refresh built the model in full (or there was none): every row is new then.
    """
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = ?",
        ["rewritten_" + _identifier(name)],
    ).fetchall()]
    if not columns:
        return None
    keys = ", ".join(f'"{c}"' for c in columns)
    return f"({keys}) IN (SELECT {keys} FROM temp.main.rewritten_{name})"


def refresh(con: duckdb.DuckDBPyConnection, sql_dir: Path, batch_schema: str = "batch") -> list[ModelTiming]:
    """What a publish calls after applying its batch: refresh_models, then the search index; model timings back."""
    timings = refresh_models(con, sql_dir, batch_schema)
    refresh_search_index(con, batch_schema)
    return timings


def _mode(model: Model, built: dict[str, str], rebuilt: set[str], everything: bool) -> str:
    fresh = built.get(model.name) == model.sql_hash and not (model.references & rebuilt)
    if model.refresh == VIEW:
        return UNCHANGED_VIEW if fresh else VIEW
    if model.refresh == INCREMENTAL and fresh and not everything:
        return INCREMENTAL
    return FULL


def _timed(con: duckdb.DuckDBPyConnection, model: Model, mode: str) -> ModelTiming:
    started = time.perf_counter()
    for prefix in ("keys", "rewritten"):  # rewritten_ is what refreshed_rows reads
        con.execute(f"DROP TABLE IF EXISTS temp.main.{prefix}_{model.name}")
    if mode in (FULL, VIEW):
        _drop_other_kind(con, model.name, "VIEW" if mode == VIEW else "TABLE")
    if mode == FULL:
        con.execute(f"CREATE OR REPLACE TABLE main.{model.name} AS {model.sql}")
    elif mode == VIEW:
        con.execute(f"CREATE OR REPLACE VIEW main.{model.name} AS {model.sql}")
    if mode == INCREMENTAL:
        rows = _refresh_incremental(con, model)
    else:
        if mode != UNCHANGED_VIEW:
            _comment(con, model)
        rows = None if model.refresh == VIEW else con.execute(f"SELECT count(*) FROM main.{model.name}").fetchone()[0]
    con.execute(f"INSERT OR REPLACE INTO main.{STATE_TABLE} VALUES (?, ?, ?, now()::timestamp)",
                [model.name, model.sql_hash, model.refresh])
    return ModelTiming(model.name, time.perf_counter() - started, rows, mode)


def _drop_other_kind(con: duckdb.DuckDBPyConnection, name: str, kind: str) -> None:
    """A model that became a view (or stopped being one) replaces the relation of the other kind."""
    existing = con.execute(
        "SELECT 'TABLE' FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' "
        "AND table_name = ? UNION ALL SELECT 'VIEW' FROM duckdb_views() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND view_name = ?", [name, name],
    ).fetchone()
    if existing and existing[0] != kind:
        con.execute(f"DROP {existing[0]} main.{name}")


def _refresh_incremental(con: duckdb.DuckDBPyConnection, model: Model) -> int:
    """Recompute the rows of the keys the batch touched and write only the difference; keep it as the delta.

    removed_<model> and added_<model> (temporary tables) are what the models downstream read to find their
    own touched keys: rows that really left or arrived, not every row of a touched key (a new quotation joining
    a group of thousands rewrites one row, not the group's). rewritten_<model> holds the keys of the rows
    written, for the model audit. Returns the rows written.
    """
    name, keys = model.name, ", ".join(model.keys)
    module = _template(model.template, model.path.name).make_module(_run_context(model))
    con.execute(f"CREATE OR REPLACE TEMP TABLE keys_{name} AS SELECT DISTINCT {keys} FROM ({module.changed_keys})")
    touched = f"({keys}) IN (SELECT {keys} FROM keys_{name})"
    if con.execute(f"SELECT count(*) FROM keys_{name}").fetchone()[0] == 0:
        for prefix in ("removed", "added"):
            con.execute(f"CREATE OR REPLACE TEMP TABLE {prefix}_{name} AS SELECT * FROM main.{name} LIMIT 0")
        con.execute(f"CREATE OR REPLACE TEMP TABLE rewritten_{name} AS SELECT {keys} FROM main.{name} LIMIT 0")
        return 0
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' "
        "AND table_name = ? ORDER BY column_index", [name]).fetchall()]
    row = "struct_pack(" + ", ".join(f'"{c}" := "{c}"' for c in columns) + ")"
    # The outer filter keeps a model that restricts its inputs loosely from inserting rows of untouched keys.
    body = str(module).strip().rstrip(";")
    # Old and new rows of the touched keys paired by value (the nth copy of a row with the nth), so only the
    # unpaired ones are deleted (by rowid) or inserted.
    con.execute(f"""CREATE OR REPLACE TEMP TABLE delta_{name} AS
        WITH old AS (
            SELECT rowid AS row_id, {row} AS r FROM main.{name} WHERE {touched}
        ), new AS (
            SELECT {row} AS r FROM ({body}) WHERE {touched}
        ), old_n AS (
            SELECT row_id, r, row_number() OVER (PARTITION BY r) AS n FROM old
        ), new_n AS (
            SELECT r, row_number() OVER (PARTITION BY r) AS n FROM new
        )
        SELECT old_n.row_id, old_n.r AS old, new_n.r AS new
        FROM old_n FULL JOIN new_n ON old_n.r IS NOT DISTINCT FROM new_n.r AND old_n.n = new_n.n
        WHERE old_n.row_id IS NULL OR new_n.r IS NULL""")
    con.execute(f"CREATE OR REPLACE TEMP TABLE removed_{name} AS SELECT unnest(old) FROM delta_{name} WHERE new IS NULL")
    con.execute(f"CREATE OR REPLACE TEMP TABLE added_{name} AS SELECT unnest(new) FROM delta_{name} WHERE old IS NULL")
    con.execute(f"DELETE FROM main.{name} WHERE rowid IN (SELECT row_id FROM delta_{name} WHERE new IS NULL)")
    con.execute(f"INSERT INTO main.{name} BY NAME SELECT * FROM added_{name}")
    con.execute(f"DROP TABLE delta_{name}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE rewritten_{name} AS SELECT DISTINCT {keys} FROM added_{name}")
    return con.execute(f"SELECT count(*) FROM added_{name}").fetchone()[0]


def _stage_changes(con: duckdb.DuckDBPyConnection, batch_schema: str) -> bool:
    """Fill changed_documents and changed_entities from the batch; False when nothing incremental is possible.

    changed_entities is new_entity_names when the publisher left it (apply_batch), else every batch entity.
    """
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ?",
        [batch_schema],
    ).fetchall()}
    if not {"documents", "document_updates", "entities", "entity_aliases"} <= tables:
        return False
    if "republished_documents" in tables and con.execute(
        f"SELECT count(*) FROM {batch_schema}.republished_documents"
    ).fetchone()[0]:
        return False
    con.execute(f"""CREATE OR REPLACE TEMP TABLE changed_documents AS
        SELECT doc_id FROM {batch_schema}.documents UNION SELECT doc_id FROM {batch_schema}.document_updates""")
    entities = (f"SELECT entity_id FROM {batch_schema}.new_entity_names" if "new_entity_names" in tables else
                f"SELECT entity_id FROM {batch_schema}.entities UNION SELECT entity_id FROM {batch_schema}.entity_aliases")
    con.execute(f"CREATE OR REPLACE TEMP TABLE changed_entities AS {entities}")
    return True


def _ensure_state(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_STATE_DDL)
    for comment in _STATE_COMMENTS:
        con.execute(comment)


def _built_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The SQL hash each model was last built from, for the models whose table or view still exists."""
    existing = _relations(con)
    return {m: h for m, h in con.execute(f"SELECT model, sql_hash FROM main.{STATE_TABLE}").fetchall() if m in existing}


@lru_cache(maxsize=256)
def _template(text: str, file_name: str) -> jinja2.Template:
    try:
        return _JINJA.from_string(text)
    except jinja2.TemplateSyntaxError as exc:
        raise ModelError(f"{file_name}: line {exc.lineno}: {exc.message}") from None


def _parse_context(name: str) -> dict:
    """Jinja names for a full build (and for reading references): deltas stand for the relations they come from.

    `keys` (the keys being recomputed) belongs inside {% if incremental %}; here it names the model itself.
    """
    return {
        "incremental": False,
        "keys": name,
        "is_changed": lambda *columns: "true",
        "removed": _identifier, "added": _identifier, "keys_of": _identifier,
        "changed_documents": "documents", "changed_entities": "entities",
    }


def _run_context(model: Model) -> dict:
    """Jinja names for an incremental refresh: the batch's changes and each refreshed model's delta."""
    def is_changed(*columns: str) -> str:
        if len(columns) != len(model.keys):
            raise ModelError(f"{model.path.name}: is_changed() takes one column per key ({', '.join(model.keys)})")
        keys = ", ".join(model.keys)
        return f"({', '.join(columns)}) IN (SELECT {keys} FROM keys_{model.name})"

    return {
        "incremental": True,
        "keys": f"keys_{model.name}",
        "is_changed": is_changed,
        "removed": lambda name: "removed_" + _identifier(name),
        "added": lambda name: "added_" + _identifier(name),
        # the keys an upstream model just recomputed: a model keyed like it reuses its changed_keys, not a copy
        "keys_of": lambda name: "keys_" + _identifier(name),
        "changed_documents": "changed_documents", "changed_entities": "changed_entities",
    }


def _identifier(name: str) -> str:
    """A model name from a template, held to the one identifier rule (it is spliced into the SQL)."""
    try:
        return identifier(name)
    except ValueError:
        raise ModelError(f"not a model name: {name!r}") from None


def _read_model(path: Path) -> Model:
    name = path.stem
    try:
        identifier(name)  # model names become table names
    except ValueError:
        raise ModelError(f"{path.name}: model names must be lower-case identifiers ([a-z_][a-z0-9_]*)") from None
    if name in _warehouse_tables() | {STATE_TABLE}:
        raise ModelError(f"{path.name}: a model may not replace the warehouse table {name!r}")
    return _parsed_model(name, path, path.read_text(encoding="utf-8"))


@lru_cache(maxsize=256)
def _parsed_model(name: str, path: Path, text: str) -> Model:
    """The Model for a file's text; cached, since sqlglot takes tens of milliseconds per file and publishes repeat."""
    description, column_docs, (refresh, keys) = _header_docs(text, path.name)
    if not description:
        raise ModelError(f"{path.name}: start the file with a '-- ' comment saying what one row is")
    template = _template(text, path.name)
    module = template.make_module(_parse_context(name))
    sql = str(module).strip().rstrip(";").strip()
    references = _parsed_references(sql, path.name) - {name}
    if refresh == INCREMENTAL:
        changed = getattr(module, "changed_keys", None)
        if changed is None:
            raise ModelError(f"{path.name}: an incremental model sets {{% set changed_keys %}} to the keys a run touched")
        references |= _parsed_references(str(changed), path.name) - {name}  # it may read its own earlier rows
    return Model(name, path, sql, frozenset(references), description, column_docs, refresh, keys, text)


def _parsed_references(sql: str, file_name: str) -> set[str]:
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except sqlglot.errors.ParseError as exc:
        raise ModelError(f"{file_name}: cannot parse the SQL: {exc}") from None
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise ModelError(f"{file_name}: a model file holds exactly one SELECT query")
    return _references(statements[0])


def _references(query: exp.Expression) -> set[str]:
    """Names of the tables a query reads, excluding its own CTEs and table functions."""
    names = set()
    for scope in traverse_scope(query):
        for source in scope.sources.values():
            if isinstance(source, exp.Table) and isinstance(source.this, exp.Identifier):
                if source.db == "recurring":
                    continue  # DuckDB's name for a USING KEY recursive CTE's rows so far: the query's own CTE
                if source.db and source.db != "main":
                    names.add(f"{source.db}.{source.name}")
                else:
                    names.add(source.name)
    return names


def _header_docs(text: str, file_name: str) -> tuple[str, dict[str, str], tuple[str, tuple[str, ...]]]:
    """The leading '-- ' comment block: a description, a '-- refresh:' line (its reason may run on over more
    lines), then optional '-- columns:' entries."""
    description, columns, section, refresh = [], {}, "description", (FULL, ())
    for line in text.splitlines():
        if not line.startswith("--"):
            break
        content = line[2:].strip()
        if content.startswith("refresh:"):
            refresh, section = _refresh(content, file_name), "refresh"
        elif content.lower() == "columns:":
            section = "columns"
        elif section == "columns" and (match := _COLUMN_DOC.match(content)):
            columns[match.group(1)] = match.group(2).strip()
        elif section == "columns" and content and columns:
            last = next(reversed(columns))  # continuation line of the previous column's text
            columns[last] += " " + content
        elif content and section == "description":
            description.append(content)
    return " ".join(description), columns, refresh


def _refresh(content: str, file_name: str) -> tuple[str, tuple[str, ...]]:
    match = _REFRESH.match(content)
    if not match:
        raise ModelError(f"{file_name}: say '-- refresh: incremental by <key>[, <key>]', '-- refresh: full' "
                         f"or '-- refresh: view', not {content!r}")
    if match.group(1):
        return INCREMENTAL, tuple(k.strip() for k in match.group(2).split(","))
    return match.group(3), ()


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
    """Turn the model's header into COMMENT ON TABLE|VIEW / COLUMN, so the docs live in the database."""
    columns = {r[0] for r in con.execute(f"DESCRIBE main.{model.name}").fetchall()}
    unknown = sorted(set(model.column_docs) - columns)
    if unknown:
        raise ModelError(f"{model.path.name}: header documents columns it does not produce: {', '.join(unknown)}")
    # COMMENT ON takes no bound parameters; the text comes from our own SQL files and is quoted by sqlglot.
    kind = "VIEW" if model.refresh == VIEW else "TABLE"
    con.execute(f"COMMENT ON {kind} main.{model.name} IS {_literal(model.description)}")
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
