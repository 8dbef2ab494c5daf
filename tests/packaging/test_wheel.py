"""The built wheel is the product: installed into a fresh virtualenv and run from another folder, it builds the
whole warehouse from its bundled sample inbox, SQL models and expectation suites."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts.config import PROJECT_ROOT, SQL_DIR

pytestmark = pytest.mark.integration

UV = shutil.which("uv") or str(PROJECT_ROOT / ".tools" / "bin" / "uv")


def _interpreter(version: str) -> str | None:
    """A working python<version>: on PATH (a pyenv shim may name a version it will not run), else pyenv's copy."""
    candidates = [shutil.which(f"python{version}")]
    if f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        candidates.append(sys.executable)
    candidates += sorted(str(p) for p in Path.home().glob(f".pyenv/versions/{version}*/bin/python{version}"))
    for candidate in filter(None, candidates):
        if subprocess.run([candidate, "-c", "pass"], capture_output=True).returncode == 0:
            return candidate
    return None


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    if not Path(UV).exists():
        pytest.skip("uv is not installed (make install puts it in .tools/)")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([UV, "build", "--wheel", "--out-dir", str(out), str(PROJECT_ROOT)], check=True,
                   capture_output=True)
    return next(out.glob("newsfacts-*.whl"))


@pytest.mark.parametrize("version", ["3.11", "3.13"])
def test_the_wheel_installed_elsewhere_builds_the_whole_warehouse(wheel, tmp_path, version):
    python = _interpreter(version)
    if python is None:
        pytest.skip(f"no python{version} on this machine")
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "NEWSFACTS_WAREHOUSE", "PREFECT_API_URL")}
    # The pinned set from the lock file, resolved for that Python, then the wheel itself (no project source).
    requirements = tmp_path / "requirements.txt"
    exported = subprocess.run([UV, "export", "--frozen", "--no-hashes", "--no-emit-project", "--no-dev",
                               "--python", version, "--project", str(PROJECT_ROOT)],
                              check=True, capture_output=True, text=True, env=env)
    requirements.write_text(exported.stdout)
    venv = tmp_path / "venv"
    subprocess.run([UV, "venv", "-q", "--python", python, str(venv)], check=True, env=env)
    subprocess.run([UV, "pip", "install", "-q", "--compile-bytecode", "-r", str(requirements), str(wheel)],
                   check=True, env={**env, "VIRTUAL_ENV": str(venv)})

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    run = subprocess.run([str(venv / "bin" / "newsfacts"), "run"], cwd=elsewhere, env=env, capture_output=True,
                         text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "documents loaded 5" in run.stdout

    probe = ("import duckdb, json, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
             "print(json.dumps({'documents': con.sql('select count(*) from documents').fetchone()[0], "
             "'tables': [r[0] for r in con.sql('select table_name from information_schema.tables').fetchall()], "
             "'checks': con.sql('select count(*) from dq_results').fetchone()[0]}))")
    found = json.loads(subprocess.run([str(venv / "bin" / "python"), "-c", probe,
                                       str(elsewhere / "warehouse" / "newsfacts.duckdb")],
                                      check=True, capture_output=True, text=True, env=env).stdout)
    assert found["documents"] == 5
    assert {p.stem for p in SQL_DIR.glob("*.sql")} <= set(found["tables"])
    assert found["checks"] > 0
