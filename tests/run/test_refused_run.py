"""A run whose Dask cluster fails its check does no work, yet leaves a trace: a failed `runs` row with the error,
the index of runs listing it, and `newsfacts report` saying the latest run failed and why."""

from __future__ import annotations

import duckdb
import pytest

from newsfacts.cli import main
from newsfacts.config import Settings
from newsfacts.run.cluster import ClusterError
from newsfacts.run.lifecycle import fail_run, open_checked_pool

pytestmark = pytest.mark.unit
REFUSED = "ClusterError: cannot reach the Dask scheduler at http://scheduler:8786: unknown address scheme 'http'"


def _refused(tmp_path) -> Settings:
    settings = Settings(warehouse=tmp_path / "wh" / "newsfacts.duckdb", dask_address="http://scheduler:8786",
                        dask_timeout=1)
    settings.home.mkdir(parents=True)
    with pytest.raises(ClusterError):
        with open_checked_pool(settings, "20261204T120000-abcdef"):
            raise AssertionError("the pool of a cluster that failed its check was handed out")
    return settings


def test_a_cluster_that_fails_its_check_is_recorded_as_a_failed_run_with_its_error(tmp_path):
    settings = _refused(tmp_path)
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        rows = con.execute("SELECT run_id, status, error, ended_at IS NOT NULL FROM runs").fetchall()
    assert [(run_id, status, error.split(" (")[0], ended) for run_id, status, error, ended in rows] == [
        ("20261204T120000-abcdef", "failed", REFUSED, True)]
    assert not settings.raw_store.exists()
    index = (settings.reports_dir / "index.html").read_text(encoding="utf-8")
    assert "20261204T120000-abcdef" in index and "ClusterError: cannot reach the Dask scheduler" in index


def test_report_says_the_latest_run_failed_and_why_and_gives_the_index(tmp_path, capsys):
    settings = _refused(tmp_path)
    assert main(["report", "--warehouse", str(settings.warehouse)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(settings.reports_dir / "index.html")
    assert err.startswith(f"newsfacts: the latest run, 20261204T120000-abcdef, failed: {REFUSED}")
    assert err.strip().endswith("the index of runs lists it")


def test_report_after_a_failed_run_gives_the_latest_report_there_is(tmp_path, capsys):
    settings = Settings(warehouse=tmp_path / "wh" / "newsfacts.duckdb")
    settings.home.mkdir(parents=True)
    fail_run(settings, "20261204T110000-aaaaaa", "RuntimeError: first")  # no report: the index then
    report = settings.runs_dir / "20261204T110000-aaaaaa" / "report.html"
    report.parent.mkdir(parents=True)
    report.write_text("an earlier run's report")
    fail_run(settings, "20261204T120000-bbbbbb", "ClusterError: the Dask scheduler at tcp://s:8786 has no workers")
    assert main(["report", "--warehouse", str(settings.warehouse)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(report)
    assert "20261204T120000-bbbbbb, failed: ClusterError: the Dask scheduler at tcp://s:8786 has no workers; " \
           "the report of 20261204T110000-aaaaaa" in err


def test_a_warehouse_that_cannot_record_the_failure_leaves_the_cluster_s_error_to_say_why(tmp_path, monkeypatch):
    import newsfacts.run.lifecycle as lifecycle

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lifecycle, "fail_run", full)
    settings = Settings(warehouse=tmp_path / "newsfacts.duckdb", dask_address="http://scheduler:8786")
    with pytest.raises(ClusterError, match="^cannot reach the Dask scheduler") as refused:
        with open_checked_pool(settings, "20261204T120000-abcdef"):
            pass
    assert refused.value.__notes__ == ["the failed run could not be recorded: OSError: [Errno 28] No space left on "
                                       "device"]
