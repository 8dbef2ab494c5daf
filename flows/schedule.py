"""Scheduled runs: the flow served as a deployment with a cron or interval schedule."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

from newsfacts.config import Settings

DEPLOYMENT_NAME = "newsfacts-scheduled"


def deployment(settings: Settings, cron: str | None = None, interval_seconds: float | None = None):
    """The flow bound to this inbox and warehouse, with its schedule (exactly one of cron / interval)."""
    from flows.pipeline import newsfacts_run

    if bool(cron) == bool(interval_seconds):
        raise ValueError("give exactly one of --cron or --interval")
    return newsfacts_run.to_deployment(
        name=DEPLOYMENT_NAME,
        cron=cron,
        interval=timedelta(seconds=interval_seconds) if interval_seconds else None,
        parameters={"inbox": str(settings.inbox), "warehouse": str(settings.warehouse), "quiet": True,
                    "nlp_workers": settings.nlp_workers, "dask": settings.dask_address,
                    # a scheduled run that finds another still working waits a while rather than failing at once
                    "lock_wait_seconds": 300.0},
        description=f"newsfacts over {settings.inbox} into {settings.warehouse}",
    )


def register(settings: Settings, cron: str | None = None, interval_seconds: float | None = None):
    """Register the scheduled deployment with the API without serving it; returns its id."""
    return deployment(settings, cron, interval_seconds).apply()


def serve_forever(settings: Settings, cron: str | None = None, interval_seconds: float | None = None) -> None:
    """Serve the deployment until Ctrl-C (a KeyboardInterrupt here; the CLI turns SIGTERM into one too): Prefect's
    runner starts a flow run, in a process of its own, whenever the schedule is due, one at a time.

    The runner works in a thread of its own so that this thread keeps the signals: in the main thread, the runner
    installs a SIGTERM handler that exits without awaiting its own shutdown, and a Ctrl-C sent to this process alone
    did not stop it. Here a stop cancels the run in progress (the flow records it as failed) and ends the runner.
    """
    from prefect.runner import Runner

    runner = Runner(name=DEPLOYMENT_NAME, limit=1)
    runner.add_deployment(deployment(settings, cron, interval_seconds))
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(runner.start(),), name="prefect-runner")
    thread.start()
    try:
        while thread.is_alive():
            thread.join(0.5)
    except KeyboardInterrupt:
        if runner.started:
            asyncio.run_coroutine_threadsafe(runner.astop(), loop).result(timeout=120)
        thread.join(timeout=120)
