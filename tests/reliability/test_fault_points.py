"""Crash points: a point recurs once per publish chunk, and <point>@<n> picks its n-th occurrence."""

from __future__ import annotations

import pytest

from newsfacts.run import faults

pytestmark = pytest.mark.unit


class Killed(Exception):
    pass


def _kill(code: int) -> None:
    raise Killed(code)


def test_a_point_with_a_count_kills_the_process_only_the_nth_time_it_is_reached(monkeypatch):
    monkeypatch.setattr(faults.os, "_exit", _kill)
    monkeypatch.setattr(faults, "_reached", faults.Counter())
    monkeypatch.setenv(faults.ENV, "after-load@2")
    faults.checkpoint("after-load")
    faults.checkpoint("after-parse")
    with pytest.raises(Killed):
        faults.checkpoint("after-load")


def test_a_point_without_a_count_kills_the_process_the_first_time_it_is_reached(monkeypatch):
    monkeypatch.setattr(faults.os, "_exit", _kill)
    monkeypatch.setattr(faults, "_reached", faults.Counter())
    monkeypatch.setenv(faults.ENV, "after-load")
    faults.checkpoint("after-parse")
    with pytest.raises(Killed):
        faults.checkpoint("after-load")


def test_a_pause_point_says_where_it_waits_and_waits_for_a_signal(monkeypatch, tmp_path):
    def interrupt(seconds):
        raise Killed("signalled")

    monkeypatch.setattr(faults.time, "sleep", interrupt)
    monkeypatch.setattr(faults, "_reached", faults.Counter())
    monkeypatch.setenv(faults.PAUSE_ENV, "publish-after-audit@2")
    monkeypatch.setenv(faults.PAUSED_ENV, str(tmp_path / "paused"))
    faults.checkpoint("publish-after-audit")
    assert not (tmp_path / "paused").exists()
    with pytest.raises(Killed):
        faults.checkpoint("publish-after-audit")
    assert (tmp_path / "paused").read_text() == "publish-after-audit"
