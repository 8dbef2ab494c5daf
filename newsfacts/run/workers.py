"""The NLP worker processes: kept for the life of the run's process, and never outliving it.

Each worker loads the spaCy model once, not once per batch (spaCy's own n_process starts fresh workers, and loads the
model in each, on every call). A worker ends when its parent does, even when the parent is killed with SIGKILL: it
watches the pipe multiprocessing gives every spawned child (its parent's sentinel), which the kernel closes when the
parent dies. (A parent-death signal, prctl(PR_SET_PDEATHSIG), would fire when the *thread* that started the worker
ends: the flow's parse tasks start them from threads of Prefect's task runner.) Workers ignore Ctrl-C, which the
terminal sends to the whole process group: the parent decides, and ends them with stop_all().
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import wait

_POOLS: dict[int, ProcessPoolExecutor] = {}
_POOLS_LOCK = threading.Lock()


def pool(n: int) -> ProcessPoolExecutor:
    """The pool of n workers, started on first use; one pool however many threads ask at once (the flow's parse
    tasks start side by side)."""
    with _POOLS_LOCK:
        if n not in _POOLS:
            _POOLS[n] = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_end_with_parent)
        return _POOLS[n]


def _end_with_parent() -> None:
    """In each worker, first: ignore Ctrl-C, and exit at once when the parent's sentinel says it is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sentinel = multiprocessing.parent_process().sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def stop_all() -> None:
    """End every worker now (their running batches are lost): the run is stopping and must not wait for them.
    Called from a signal handler, so it takes no lock (the interrupted thread may hold it)."""
    for executor in list(_POOLS.values()):
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.terminate()
