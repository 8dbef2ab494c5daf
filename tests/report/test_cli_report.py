"""`newsfacts report` opens the latest report worth reading: after a run that found nothing new, the last one that did."""

from datetime import datetime, timedelta

import duckdb
import pytest

from newsfacts.cli import main
from newsfacts.config import Settings
from newsfacts.transform.models import SCHEMA_SQL

pytestmark = pytest.mark.unit


def warehouse_with_runs(tmp_path, statuses):
    settings = Settings(warehouse=tmp_path / "newsfacts.duckdb")
    start = datetime(2026, 11, 23, 2, 15)
    with duckdb.connect(str(settings.warehouse)) as con:
        con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        for i, status in enumerate(statuses):
            run_id = f"2026112{i}T021500-run{i}"
            report = settings.runs_dir / run_id / "report.html"
            report.parent.mkdir(parents=True)
            report.write_text(status)
            con.execute("INSERT INTO runs (run_id, started_at, status, report_path) VALUES (?, ?, ?, ?)",
                        [run_id, start + timedelta(minutes=15 * i), status, str(report)])
    return settings


def test_report_after_nothing_new_runs_opens_the_last_published_report(tmp_path, capsys):
    settings = warehouse_with_runs(tmp_path, ["published", "published", "nothing_new", "nothing_new"])
    assert main(["report", "--warehouse", str(settings.warehouse)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(settings.runs_dir / "20261121T021500-run1" / "report.html")
    assert "found nothing new" in err and "20261123T021500-run3" in err


def test_report_after_a_run_that_found_something_opens_that_run_s_report(tmp_path, capsys):
    settings = warehouse_with_runs(tmp_path, ["nothing_new", "published", "audit_failed"])
    assert main(["report", "--warehouse", str(settings.warehouse)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(settings.runs_dir / "20261122T021500-run2" / "report.html")
    assert err == ""


def test_report_when_no_run_ever_found_anything_opens_the_latest_page(tmp_path, capsys):
    settings = warehouse_with_runs(tmp_path, ["nothing_new"])
    assert main(["report", "--warehouse", str(settings.warehouse)]) == 0
    assert capsys.readouterr().out.strip() == str(settings.runs_dir / "20261120T021500-run0" / "report.html")
