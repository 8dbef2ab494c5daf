"""Prefect's environment, set before Prefect is imported: local temporary server, no telemetry, state per warehouse."""

from __future__ import annotations

import os
from pathlib import Path


def configure(prefect_home: Path, verbose: bool = False) -> None:
    """Point Prefect at a home of its own (so runs and tests never share state) and keep it quiet."""
    prefect_home.mkdir(parents=True, exist_ok=True)
    defaults = {
        "PREFECT_HOME": str(prefect_home),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
        # Logs reach the API (the run's summary, failures with their tracebacks), but without --verbose not the
        # terminal: newsfacts itself says what failed in one line, and Prefect would say it again as tracebacks.
        "PREFECT_LOGGING_LEVEL": "INFO",
        "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "INFO" if verbose else "CRITICAL",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",  # the server's log goes to PREFECT_HOME/server.log
        "PREFECT_LOGGING_LOG_PRINTS": "false",
        "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
        "PREFECT_UI_ENABLED": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
