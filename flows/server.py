"""A local Prefect server owned by this process: its log goes to a file, it stops only once drained, and it never
outlives its owner.

Prefect's own ephemeral server is a uvicorn subprocess that writes to our terminal and is terminated while its
task-run recorder may still be flushing, which prints tracebacks and loses the last task states. Starting the same
server ourselves lets us (1) keep its output in PREFECT_HOME/server.log, (2) wait until every task run of the
flow run is recorded before stopping it, and (3) choose its mode: `newsfacts run` needs only the API (ephemeral
mode: no background services), `newsfacts serve` needs the scheduler, which only runs with the services on (then
the UI, whose assets ship in Prefect's wheel, is served too). The server runs in a session of its own, so a Ctrl-C
in the terminal reaches only newsfacts, which stops it; and it gets SIGTERM when its owner dies, even by SIGKILL
(prctl(PR_SET_PDEATHSIG), Linux).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


class Server:
    """A starting server: its URL is known (and set as PREFECT_API_URL) at once, so the caller can import Prefect
    and the pipeline while the server starts, and wait for it only when the flow is about to run."""

    def __init__(self, url: str, proc: subprocess.Popen | None, log_path: Path | None, startup_timeout: float,
                 ui_url: str | None = None):
        self.url, self._proc, self._log_path, self._deadline = url, proc, log_path, time.monotonic() + startup_timeout
        self._timeout, self.ui_url = startup_timeout, ui_url

    def wait_ready(self) -> str:
        while self._proc is not None and not _healthy(self.url):
            if self._proc.poll() is not None:
                raise RuntimeError(f"the temporary Prefect server exited at start; see {self._log_path}")
            if time.monotonic() > self._deadline:
                raise RuntimeError(f"the temporary Prefect server did not start in {self._timeout:.0f}s")
            time.sleep(0.25)
        return self.url


@contextlib.contextmanager
def starting_server(home: Path, startup_timeout: float = 180.0, services: bool = False) -> Iterator[Server]:
    """Start a local Prefect API for the duration of the block without waiting for it (see Server.wait_ready);
    with services=True, the scheduler and the other services run too, and the UI is served at Server.ui_url."""
    if os.environ.get("PREFECT_API_URL"):
        yield Server(os.environ["PREFECT_API_URL"], None, None, startup_timeout)  # a real server is configured
        return
    # Prefect reads its settings once, at import: the API URL must be in place before anything imports prefect.
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = open(home / "server.log", "ab")
    env = {**os.environ, "PREFECT_API_URL": url}
    if services:
        env.update({"PREFECT_UI_ENABLED": "true", "PREFECT_UI_API_URL": url,
                    "PREFECT_UI_STATIC_DIRECTORY": str(home / "ui"), "PREFECT_UI_SHOW_PROMOTIONAL_CONTENT": "false"})
    else:
        env.update({"PREFECT_UI_ENABLED": "false", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"})
    proc = subprocess.Popen([sys.executable, "-m", "flows.server", str(os.getpid()), str(port)],
                            env=env, stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        os.environ["PREFECT_API_URL"] = url
        yield Server(url, proc, home / "server.log", startup_timeout,
                     ui_url=f"http://127.0.0.1:{port}/" if services else None)
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _serve(owner: int, port: int) -> None:
    """The server process: asks the kernel for SIGTERM when its owner dies, then runs Prefect's API app."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != owner:  # the owner died before the request above: nobody will stop this server
        return
    import uvicorn

    uvicorn.run("prefect.server.api.server:create_app", factory=True, host="127.0.0.1", port=port,
                log_level="error", lifespan="on", timeout_graceful_shutdown=3)


@contextlib.contextmanager
def temporary_server(home: Path, startup_timeout: float = 180.0) -> Iterator[str]:
    """Run a local Prefect API for the duration of the block; yields its URL (also set as PREFECT_API_URL)."""
    with starting_server(home, startup_timeout) as server:
        yield server.wait_ready()


def wait_until_recorded(flow_run_id, timeout: float = 30.0) -> bool:
    """Block until the server has recorded a final state for every task run of the flow run."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            if runs and all(r.state is not None and r.state.is_final() for r in runs):
                flow = client.read_flow_run(flow_run_id)
                if flow.state is not None and flow.state.is_final():
                    return True
            time.sleep(0.3)
    return False


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]))
