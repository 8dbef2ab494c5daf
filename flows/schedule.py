"""Scheduled runs: the flow served as a deployment with a cron or interval schedule."""

from __future__ import annotations

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
                    # a scheduled run that finds another still working waits a while rather than failing at once
                    "lock_wait_seconds": 300.0},
        description=f"newsfacts over {settings.inbox} into {settings.warehouse}",
    )


def register(settings: Settings, cron: str | None = None, interval_seconds: float | None = None):
    """Register the scheduled deployment with the API without serving it; returns its id."""
    return deployment(settings, cron, interval_seconds).apply()


def serve_forever(settings: Settings, cron: str | None = None, interval_seconds: float | None = None) -> None:
    """Serve the deployment: Prefect's runner starts a flow run whenever the schedule is due (Ctrl-C stops)."""
    from prefect import serve

    serve(deployment(settings, cron, interval_seconds), limit=1, print_starting_message=True)
