"""Scheduled deployments register their schedule and cluster; a Dask LocalCluster builds the same warehouse as the
worker processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]

_REGISTER = """
import json, sys
from pathlib import Path
from flows.prefect_env import configure
from flows.server import temporary_server
from newsfacts.config import Settings
home = Path(sys.argv[1]); configure(home)
settings = Settings.from_env(inbox=Path(sys.argv[2]), warehouse=Path(sys.argv[3]))
with temporary_server(home):
    from prefect.client.orchestration import get_client
    from flows.schedule import register
    out = {}
    for kind, kwargs in (("cron", {"cron": "*/15 * * * *"}), ("interval", {"interval_seconds": 600})):
        deployment_id = register(settings, **kwargs)
        with get_client(sync_client=True) as client:
            d = client.read_deployment(deployment_id)
        out[kind] = {"name": d.name, "parameters": d.parameters,
                     "schedules": [s.schedule.model_dump(mode="json") for s in d.schedules]}
print(json.dumps(out))
"""


def test_serving_registers_a_cron_or_interval_schedule_and_the_dask_cluster_without_waiting_for_it(inbox, tmp_path):
    home = tmp_path / "prefect"
    env = {**{k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"},
           "NEWSFACTS_DASK_ADDRESS": "tcp://scheduler:8786"}  # its runs parse and extract on that cluster
    proc = subprocess.run([sys.executable, "-c", _REGISTER, str(home), str(inbox), str(tmp_path / "w.duckdb")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["cron"]["schedules"][0]["cron"] == "*/15 * * * *"
    assert out["cron"]["parameters"]["inbox"] == str(inbox)
    assert out["cron"]["parameters"]["dask"] == "tcp://scheduler:8786"
    assert out["interval"]["schedules"][0]["interval"] == 600.0


_CONTENT = {  # every published table, less the run ids that differ between any two runs
    "documents": "SELECT * EXCLUDE (run_id) FROM documents ORDER BY ALL",
    "duplicate_pairs": "SELECT * EXCLUDE (run_id) FROM duplicate_pairs ORDER BY ALL",
    "raw_files": "SELECT * EXCLUDE (run_id, stored_path) FROM raw_files ORDER BY ALL",
    **{t: f"SELECT * FROM {t} ORDER BY ALL" for t in (
        "transcripts", "segments", "lsh_bands", "entities", "entity_aliases", "mentions", "quotes", "events",
        "quantities")},
}


def _tables(warehouse: Path) -> dict[str, list]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {table: con.execute(sql).fetchall() for table, sql in _CONTENT.items()}


def test_a_local_dask_cluster_builds_the_same_warehouse_as_the_default_runner(inbox, tmp_path, newsfacts):
    """In publish chunks of different sizes, too: each chunk's parse and extract tasks are submitted while the
    chunk before publishes, and its dedupe must still see that chunk (the rewrite 004 comes after its source)."""
    default = tmp_path / "default" / "w.duckdb"
    dask = tmp_path / "dask" / "w.duckdb"
    a = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(default), "--batch-size", "2",
                  "--publish-every", "2")
    b = newsfacts("run", "--inbox", str(inbox), "--warehouse", str(dask), "--batch-size", "2", "--publish-every", "3",
                  "--dask", "local")
    assert a.returncode == 0, a.stderr
    assert b.returncode == 0, b.stderr
    assert "documents loaded 5" in a.stdout and "documents loaded 5" in b.stdout
    assert _tables(default) == _tables(dask)
    with duckdb.connect(str(default), read_only=True) as con:
        assert con.execute("SELECT doc_id, level FROM duplicate_pairs").fetchall() \
            == [("468fd8e79e72cb79", "rewrite")]
