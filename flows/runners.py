"""Where a flow's batch tasks run: in threads by default, or on a Dask cluster (local or remote) on request."""

from __future__ import annotations


def task_runner(dask: str | None, workers: int = 2):
    """None -> Prefect's default thread pool; "local" -> a LocalCluster of worker processes; else a scheduler address."""
    if not dask:
        return None
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise RuntimeError("--dask needs the dask extra: pip install 'newsfacts[dask]' (make install has it)") from None

    if dask == "local":
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    return DaskTaskRunner(address=dask)
