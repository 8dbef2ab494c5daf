"""The in-process pool (one worker) runs one batch at a time, however many task threads submit at once: side by
side, a chunk's batches would all be in the main process's memory together."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsfacts.run.workers import IN_PROCESS


@pytest.mark.unit
def test_batches_submitted_from_several_threads_run_one_at_a_time():
    running, most = 0, 0
    counting = threading.Lock()

    def batch(n: int) -> int:
        nonlocal running, most
        with counting:
            running += 1
            most = max(most, running)
        time.sleep(0.02)
        with counting:
            running -= 1
        return n * 2

    with ThreadPoolExecutor(4) as threads:
        results = list(threads.map(lambda n: IN_PROCESS.submit(batch, n).result(), range(8)))
    assert results == [n * 2 for n in range(8)] and most == 1


@pytest.mark.unit
def test_a_failed_batch_is_the_futures_error_and_the_pool_goes_on():
    def fails() -> None:
        raise ValueError("bad batch")

    with pytest.raises(ValueError, match="bad batch"):
        IN_PROCESS.submit(fails).result()
    assert IN_PROCESS.submit(lambda: 3).result() == 3


@pytest.mark.unit
def test_one_worker_takes_a_large_chunk_to_a_worker_process_and_keeps_small_work_in_process(tmp_path):
    from newsfacts.config import Settings
    from newsfacts.run.workers import ONE_WORKER_IN_PROCESS_BELOW, LocalPool, open_pool

    with open_pool(Settings(warehouse=tmp_path / "w.duckdb", nlp_workers=1)) as pool:  # no process starts here
        assert isinstance(pool, LocalPool) and pool.size == 1
        assert pool.for_work(ONE_WORKER_IN_PROCESS_BELOW - 1) is IN_PROCESS
        assert pool.for_work(ONE_WORKER_IN_PROCESS_BELOW) is pool
    assert LocalPool(2).for_work(4) is not IN_PROCESS and LocalPool(2).for_work(3) is IN_PROCESS
