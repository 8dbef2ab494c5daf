"""Running the real CLI in a subprocess, with one Prefect home per test session (its database migrates once)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def prefect_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("prefect")


@pytest.fixture
def newsfacts(prefect_home):
    """newsfacts(*args) -> CompletedProcess of `python -m newsfacts.cli *args`."""

    def run(*args: str, env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "PREFECT_HOME": str(prefect_home), **(env or {})}
        full_env.pop("PREFECT_API_URL", None)
        return subprocess.run([sys.executable, "-m", "newsfacts.cli", *args], cwd=ROOT, env=full_env, text=True,
                              capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)

    return run
