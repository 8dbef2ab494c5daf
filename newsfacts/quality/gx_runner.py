"""Run suites' GX expectations on a table's rows, chunk by chunk (GX's SQL datasource returns no DuckDB rows in 1.24).

Memory follows the chunk size, not the table: only the columns the expectations name are fetched, per-row
expectations run in GX on one chunk at a time and their counts add up, and uniqueness, which no chunk can judge
alone, is counted in SQL over the whole table (DuckDB does that in bounded memory).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from newsfacts.quality.data_docs import make_offline
from newsfacts.quality.results import MAX_ROWS, DqResult, to_jsonable
from newsfacts.quality.rows import documents_of, key_columns
from newsfacts.quality.suite import CRITICAL, WARNING, Suite
from newsfacts.warehouse.identifiers import identifier

MAX_EXAMPLES = 10
# Rows per chunk, as DuckDB vectors of 2048 rows: about 50k rows, a few tens of MB for the columns checked...
CHUNK_VECTORS = 25
# ...and at most about this much text, so a table of long bodies comes in chunks of fewer rows.
CHUNK_TEXT_BYTES = 32 * 2**20
_VECTOR_ROWS = 2048
_UNIQUE = {"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"}


def gx_context(run_dir: Path | None):
    """An ephemeral GX context; given a run folder, its stores and Data Docs live there so later audits add to them."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        FilesystemStoreBackendDefaults,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    if run_dir is None:
        stores, sites = InMemoryStoreBackendDefaults(), {}
    else:
        stores = FilesystemStoreBackendDefaults(root_directory=str(run_dir / "gx"))
        sites = {_site_name(run_dir): _site(run_dir / "data_docs")}  # its index reads "Data Docs | run <id>"
    config = DataContextConfig(
        store_backend_defaults=stores,
        data_docs_sites=sites,
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    # One datasource for every table: adding it saves the project config, too slow to repeat per table.
    context.data_sources.add_or_update_pandas("batch")
    return context


def _site_name(run_dir: Path) -> str:
    return f"run {run_dir.name}"


def _site(directory: Path) -> dict:
    return {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(directory)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder", "show_how_to_buttons": False},
    }


class GxRunner:
    """One GX context for an audit, with each table's suite and validation definition made once and reused by chunks."""

    def __init__(self, run_dir: Path | None):
        self.context = gx_context(run_dir)
        self._site = run_dir / "data_docs" if run_dir is not None else None
        self._definitions: dict[str, object] = {}
        self._earlier_results = set(self.context.validation_results_store.list_keys())

    def results(self, table: str, expectations: list, frame: pd.DataFrame, keys: list[str] = ()) -> list:
        """GX's validation results of the expectations on one DataFrame, in the expectations' order.

        With keys (columns of the frame), each result lists the keys of its first MAX_ROWS offending rows.
        """
        if table not in self._definitions:
            self._definitions[table] = self._definition(table, expectations)
        result_format = {"result_format": "SUMMARY", "partial_unexpected_count": MAX_ROWS}
        if keys:
            result_format["unexpected_index_column_names"] = list(keys)
        outcome = self._definitions[table].run(batch_parameters={"dataframe": frame}, result_format=result_format)
        return outcome.results

    def build_docs(self) -> None:
        """Render this audit's suites and results, and the index, for offline reading; pages of earlier audits are
        already there."""
        from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

        new = [k for k in self.context.validation_results_store.list_keys() if k not in self._earlier_results]
        suites = [ExpectationSuiteIdentifier(name=table) for table in self._definitions]
        self.context.build_data_docs(site_names=[_site_name(self._site.parent)], resource_identifiers=[*suites, *new])
        make_offline(self._site)

    def _definition(self, table: str, expectations: list):
        import great_expectations as gx

        asset = self.context.data_sources.get("batch").add_dataframe_asset(table)
        batch_definition = asset.add_batch_definition_whole_dataframe(table)
        # Copies: GX binds an expectation to the one suite it joins, and a suite file's objects may be checked again.
        copies = [copy.copy(e) for e in expectations]
        suite = self.context.suites.add_or_update(gx.ExpectationSuite(name=table, expectations=copies))
        return self.context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=table, data=batch_definition, suite=suite)
        )


def validate_table(
    con, runner: GxRunner, run_id: str, suite: Suite, schema: str, chunk_vectors: int = CHUNK_VECTORS,
    rows: str | None = None,
) -> list[DqResult]:
    """Validate schema.<suite.table> against the suite's GX expectations; one DqResult per expectation, in order.

    rows, a SQL predicate from our own code (a model refresh's changed keys), limits the per-row expectations to
    the rows it selects; uniqueness is still counted over the whole table, in SQL.
    """
    table = identifier(suite.table)
    columns = _columns(con, schema, table)
    in_sql = [e for e in suite.expectations if e.expectation_type in _UNIQUE and set(_columns_of(e)) <= columns.keys()]
    in_gx = [e for e in suite.expectations if all(e is not s for s in in_sql)]
    checked = iter(_validate_in_chunks(con, runner, run_id, table, schema, columns, in_gx, chunk_vectors, rows))
    checked_at = datetime.now()
    return [
        _unique_in_sql(con, run_id, table, schema, e, checked_at, key_columns(columns))
        if any(e is s for s in in_sql) else next(checked)
        for e in suite.expectations
    ]


def _validate_in_chunks(con, runner, run_id, table, schema, columns, expectations, chunk_vectors,
                        rows: str | None = None) -> list[DqResult]:
    if not expectations:
        return []
    _check_chunkable(table, expectations)
    checked_columns = list(dict.fromkeys(c for e in expectations for c in _columns_of(e) if c in columns))
    keys = key_columns(columns)
    wanted = list(dict.fromkeys([*checked_columns, *keys]))
    # With none of its columns left the suite still runs, on the rows alone, so each expectation reports the cause.
    select = ", ".join(f'"{c}"' for c in wanted) or "NULL AS no_column_checked"
    text = [c for c in wanted if columns[c] == "VARCHAR"]
    chunk_vectors = min(chunk_vectors, _vectors_within_text_budget(con, schema, table, text))
    cursor = con.execute(f"SELECT {select} FROM {schema}.{table}" + (f" WHERE {rows}" if rows else ""))
    tallies = [_Tally() for _ in expectations]
    chunk = cursor.fetch_df_chunk(chunk_vectors)
    while True:  # the first chunk even when empty (no row changed), so every expectation reports
        for tally, r in zip(tallies, runner.results(table, expectations, chunk[wanted], keys), strict=True):
            tally.add(r)
        if not len(chunk := cursor.fetch_df_chunk(chunk_vectors)):
            break
    checked_at = datetime.now()
    return [tally.result(run_id, table, checked_at, documents_of(con, schema, tally.rows)) for tally in tallies]


def _check_chunkable(table: str, expectations: list) -> None:
    from great_expectations.expectations.expectation import (
        ColumnMapExpectation,
        ColumnPairMapExpectation,
        MulticolumnMapExpectation,
    )

    per_row = (ColumnMapExpectation, ColumnPairMapExpectation, MulticolumnMapExpectation)
    whole = [e.expectation_type for e in expectations if not isinstance(e, per_row)]
    if whole:
        # Its verdict on one chunk says nothing about the table: write it as a SQL rule instead.
        raise ValueError(f"suite {table}: {', '.join(whole)} judges the whole table and cannot be run in chunks")


@dataclass
class _Tally:
    """One per-row expectation's results over the chunks: counts add up, examples are the first ones, errors join."""

    config: object = None
    success: bool = True
    element_count: int = 0
    unexpected_count: int = 0
    examples: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # keys of the first offending rows (ROW_KEYS), to find their documents
    errors: set = field(default_factory=set)

    def add(self, r) -> None:
        self.config = self.config or r.expectation_config
        self.success = self.success and bool(r.success)
        self.errors |= _errors(r)
        self.element_count += r.result.get("element_count") or 0
        self.unexpected_count += r.result.get("unexpected_count") or 0
        self.examples += list(r.result.get("partial_unexpected_list") or [])[: MAX_EXAMPLES - len(self.examples)]
        self.rows += list(r.result.get("partial_unexpected_index_list") or [])[: MAX_ROWS - len(self.rows)]

    def result(self, run_id: str, table: str, checked_at: datetime, doc_ids: list[str] = ()) -> DqResult:
        if self.errors:
            observed = "error: " + "; ".join(sorted(self.errors))
        else:
            observed = f"{self.unexpected_count} unexpected of {self.element_count} rows"
        return DqResult(
            run_id=run_id,
            table_name=table,
            expectation=expectation_name(self.config.type, self.config.kwargs),
            severity=_severity(self.config),
            success=self.success,
            observed_value=observed,
            unexpected_examples=to_jsonable(self.examples),
            checked_at=checked_at,
            doc_ids=list(doc_ids),
        )


def _unique_in_sql(con, run_id: str, table: str, schema: str, expectation, checked_at: datetime,
                   keys: list[str] = ()) -> DqResult:
    """GX's uniqueness verdict, counted over the whole table: every row of a repeated key is unexpected.

    As in GX, a row whose key columns are all null is not judged; examples are the first repeated keys in row order.
    """
    columns = _columns_of(expectation)
    relation = f"{schema}.{table}"
    key = ", ".join(f'"{c}"' for c in columns)
    judged = " OR ".join(f'"{c}" IS NOT NULL' for c in columns)
    # Grouping, not a window over every row: DuckDB keeps one count per key and can spill it to disk.
    repeated = f"SELECT {key}, count(*) AS n FROM {relation} WHERE {judged} GROUP BY ALL HAVING n > 1"
    total, unexpected = con.execute(
        f"SELECT (SELECT count(*) FROM {relation}), (SELECT coalesce(sum(n), 0) FROM ({repeated}))"
    ).fetchone()
    config = expectation.configuration
    values = config.type == "expect_column_values_to_be_unique"
    examples, rows = _first_repeated(con, relation, columns, keys, repeated, values) if unexpected else ([], [])
    return DqResult(
        run_id=run_id,
        table_name=table,
        expectation=expectation_name(config.type, config.kwargs),
        severity=_severity(config),
        success=unexpected == 0,
        observed_value=f"{unexpected} unexpected of {total} rows",
        unexpected_examples=to_jsonable(examples),
        checked_at=checked_at,
        doc_ids=documents_of(con, schema, rows),
    )


def _first_repeated(con, relation: str, columns: list[str], keys: list[str], repeated: str,
                    values: bool) -> tuple[list, list[dict]]:
    """The first rows of repeated keys in row order, as GX lists them (values, or {column: value} records), and the
    ROW_KEYS of the first MAX_ROWS of them."""
    same_key = " AND ".join(f't."{c}" IS NOT DISTINCT FROM r."{c}"' for c in columns)  # nulls equal, as in pandas
    wanted = list(dict.fromkeys([*columns, *keys]))
    frame = con.execute(
        f"""SELECT {", ".join(f't."{c}"' for c in wanted)} FROM {relation} t
            SEMI JOIN ({repeated}) r ON {same_key} ORDER BY t.rowid LIMIT {max(MAX_EXAMPLES, MAX_ROWS)}"""
    ).df()
    examples = frame[columns].head(MAX_EXAMPLES)
    rows = frame[keys].head(MAX_ROWS).to_dict("records")
    return (list(examples[columns[0]]) if values else examples.to_dict("records")), rows


def _vectors_within_text_budget(con, schema: str, table: str, text_columns: list[str]) -> int:
    if not text_columns:
        return CHUNK_VECTORS
    width = " + ".join(f'coalesce(strlen("{c}"), 0)' for c in text_columns)
    # A sample's mean row width: reading every body to size the chunks would cost as much as checking them.
    row_bytes = con.execute(
        f"SELECT coalesce(avg({width}), 0) FROM {schema}.{table} USING SAMPLE {_VECTOR_ROWS} ROWS"
    ).fetchone()[0]
    return max(1, int(CHUNK_TEXT_BYTES // max(row_bytes * _VECTOR_ROWS, 1)))


def _columns(con, schema: str, table: str) -> dict[str, str]:
    """Column name to DuckDB type name."""
    return dict(
        con.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_catalog = current_database() AND table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()
    )


def _columns_of(expectation) -> list[str]:
    kwargs = expectation.configuration.kwargs
    names = kwargs.get("column_list") or [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    return [identifier(c) for c in names]


def expectation_name(kind: str, kwargs: dict) -> str:
    """expect_column_values_to_be_unique(doc_id): the GX type plus the columns it looks at."""
    columns = kwargs.get("column_list") or [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    return f"{kind}({', '.join(columns)})" if columns else kind


def to_result(run_id: str, table: str, r, checked_at: datetime) -> DqResult:
    """A DqResult from one GX validation result on one whole frame (the reference chunked validation must match)."""
    tally = _Tally()
    tally.add(r)
    return tally.result(run_id, table, checked_at)


def _severity(config) -> str:
    return CRITICAL if str(config.severity.value) == CRITICAL else WARNING


def _errors(r) -> set[str]:
    # A raised exception (a missing column, a type error) is a failure with its cause, never a quiet pass.
    info = r.exception_info or {}
    messages = [v.get("exception_message") for v in info.values() if isinstance(v, dict)] or [
        info.get("exception_message")
    ]
    return {m for m in messages if m}
