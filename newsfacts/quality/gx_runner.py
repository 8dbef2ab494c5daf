"""Run suites' GX expectations on pandas DataFrames (GX's SQL datasource on DuckDB returns no rows in 1.24)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from newsfacts.quality.results import DqResult, to_jsonable
from newsfacts.quality.suite import CRITICAL, WARNING, Suite

MAX_EXAMPLES = 10


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
        sites = {"run": _site(run_dir / "data_docs")}
    config = DataContextConfig(
        store_backend_defaults=stores,
        data_docs_sites=sites,
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(mode="ephemeral", project_config=config)


def _site(directory: Path) -> dict:
    return {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(directory)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }


def validate_frame(context, run_id: str, suite: Suite, frame: pd.DataFrame) -> list[DqResult]:
    """Validate one table's rows against the suite's GX expectations; one DqResult per expectation."""
    import great_expectations as gx

    if not suite.expectations:
        return []
    asset = context.data_sources.add_or_update_pandas("batch").add_dataframe_asset(suite.table)
    batch_definition = asset.add_batch_definition_whole_dataframe(suite.table)
    gx_suite = context.suites.add_or_update(gx.ExpectationSuite(name=suite.table, expectations=suite.expectations))
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=suite.table, data=batch_definition, suite=gx_suite)
    )
    outcome = definition.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY")
    checked_at = datetime.now()
    return [_to_result(run_id, suite.table, r, checked_at) for r in outcome.results]


def build_docs(context) -> None:
    context.build_data_docs(site_names=["run"])


def _to_result(run_id: str, table: str, r, checked_at: datetime) -> DqResult:
    config = r.expectation_config
    severity = CRITICAL if str(config.severity.value) == CRITICAL else WARNING
    return DqResult(
        run_id=run_id,
        table_name=table,
        expectation=expectation_name(config.type, config.kwargs),
        severity=severity,
        success=bool(r.success),
        observed_value=_observed(r),
        unexpected_examples=to_jsonable(list(r.result.get("partial_unexpected_list") or [])[:MAX_EXAMPLES]),
        checked_at=checked_at,
    )


def expectation_name(kind: str, kwargs: dict) -> str:
    """expect_column_values_to_be_unique(doc_id): the GX type plus the columns it looks at."""
    columns = kwargs.get("column_list") or [kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k)]
    return f"{kind}({', '.join(columns)})" if columns else kind


def _observed(r) -> str:
    # A raised exception (a missing column, a type error) is a failure with its cause, never a quiet pass.
    info = r.exception_info or {}
    messages = [v.get("exception_message") for v in info.values() if isinstance(v, dict)] or [
        info.get("exception_message")
    ]
    if any(messages):
        return "error: " + "; ".join(sorted({m for m in messages if m}))
    result = r.result
    if "observed_value" in result:
        return str(to_jsonable(result["observed_value"]))
    if "unexpected_count" in result:
        return f"{result['unexpected_count']} unexpected of {result.get('element_count')} rows"
    return ""
