"""The run's pool for the CPU-heavy batches (parse, extract): opened by the run, closed with it, never outliving it.

One interface (size, for_work, submit, stop, close), three pools:
- IN_PROCESS: the batch runs in the calling thread (work too small to be worth starting a worker process for);
- LocalPool: worker processes on this machine, each loading the spaCy model once for the whole run (spaCy's own
  n_process starts fresh workers, and loads the model in each, on every call);
- cluster.ClusterPool: a Dask cluster's workers (newsfacts/run/cluster.py).

A local worker ends when its parent does, even when the parent is killed with SIGKILL: it watches the pipe
multiprocessing gives every spawned child (its parent's sentinel), which the kernel closes when the parent dies. (A
parent-death signal, prctl(PR_SET_PDEATHSIG), would fire when the *thread* that started the worker ends: the flow's
parse tasks start them from threads of Prefect's task runner.) Workers ignore Ctrl-C, which the terminal sends to the
whole process group: the run decides, and ends them with stop().
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.connection import wait
from typing import Callable, Iterator, Protocol

from newsfacts.config import Settings


class Pool(Protocol):
    size: int  # batches it works on at once

    def for_work(self, items: int) -> "Pool":
        """The pool to hand work of this many files or documents to (itself, or IN_PROCESS when too small)."""

    def submit(self, fn: Callable, *args) -> Future: ...

    def stop(self) -> None:
        """End now: the batches in flight are lost, and nobody waits for them (the run is stopping)."""

    def close(self) -> None: ...


class InProcess:
    """The batch runs in the calling thread, when submitted, one batch at a time: the flow's parse and extract
    tasks submit from several threads at once, and a chunk's batches run side by side held them all in memory (the
    main process peaked at ~2 GB on 2,000 files with one worker, against ~1.3 GB with two worker processes)."""

    size = 1

    def __init__(self) -> None:
        self._one_at_a_time = threading.RLock()

    def for_work(self, items: int) -> "InProcess":
        return self

    def submit(self, fn: Callable, *args) -> Future:
        future: Future = Future()
        with self._one_at_a_time:
            try:
                future.set_result(fn(*args))
            except Exception as exc:  # noqa: BLE001 - handed to whoever asks for the result, as a pool would
                future.set_exception(exc)
        return future

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


IN_PROCESS = InProcess()
# One worker: a run of this many new files or more sends every chunk to one worker process, not the main one (the
# flow chooses once per run: a chunk cut short by its bytes is no reason to load the model here). In-process, the
# model and a large chunk's NLP sat beside the chunk's rows and dedupe (main peaked at ~1.8 GB on 2,000 files,
# against ~1.3 GB beside worker processes); a small run is not worth the seconds a process takes to load spaCy.
ONE_WORKER_IN_PROCESS_BELOW = 200


class LocalPool:
    """n worker processes, started when the first batch comes; one pool however many task threads submit at once."""

    def __init__(self, n: int, least: int = 0) -> None:
        self.size = n
        self.least = least  # work smaller than this runs in-process
        self._executor: ProcessPoolExecutor | None = None
        self._starting = threading.Lock()

    def for_work(self, items: int) -> Pool:
        """Fewer than two items per worker are not worth starting processes that load spaCy for seconds."""
        return self if items >= max(2 * self.size, self.least) else IN_PROCESS

    def submit(self, fn: Callable, *args) -> Future:
        with self._starting:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(self.size, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_end_with_parent)
        return self._executor.submit(fn, *args)

    def stop(self) -> None:
        """Terminate the workers (their running batches are lost); takes no lock, so a stopping thread never waits."""
        for process in list((getattr(self._executor, "_processes", None) or {}).values()):
            process.terminate()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def _end_with_parent() -> None:
    """In each worker, first: ignore Ctrl-C, and exit at once when the parent's sentinel says it is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sentinel = multiprocessing.parent_process().sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


@contextlib.contextmanager
def open_pool(settings: Settings) -> Iterator[Pool]:
    """The run's pool: the Dask cluster at settings.dask_address (checked before any work: cluster.ClusterError),
    else settings.nlp_workers local processes, else this process. Stopped at once if the run ends by an error or
    a signal, closed with the run."""
    if settings.dask_address:
        from newsfacts.run.cluster import connect

        pool: Pool = connect(settings.dask_address, settings.dask_timeout, settings.nlp_workers)
    else:
        pool = (LocalPool(settings.nlp_workers) if settings.nlp_workers > 1
                else LocalPool(1, least=ONE_WORKER_IN_PROCESS_BELOW))
    try:
        yield pool
    except BaseException:
        pool.stop()
        raise
    finally:
        pool.close()
