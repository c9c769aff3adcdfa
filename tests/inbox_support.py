"""Helpers for the outbox and inbox tests: a headquarters inbox on loopback, in a thread or a process."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from ccema_desktop.context import AppContext
from ccema_desktop.hq.server import ServerConfig, create_app
from tests.sync_helpers import Headquarters, Laptop, ccema, laptop

REPO = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/health", timeout=1.0, trust_env=False).status_code == 200:
                return
        time.sleep(0.05)
    raise AssertionError(f"the inbox at {url} did not start")


class ThreadInbox:
    """The inbox app served by uvicorn in a thread of this process (fast to start and stop)."""

    def __init__(self, ctx: AppContext, config: ServerConfig | None = None, port: int | None = None) -> None:
        self.ctx = ctx
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.app = create_app(ctx, config)
        self.server = uvicorn.Server(
            uvicorn.Config(self.app, host=HOST, port=self.port, log_level="warning", access_log=False)
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ThreadInbox:
        self.thread.start()
        wait_healthy(self.url)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)

    @property
    def inbox(self) -> Any:
        return self.app.state.inbox


class ProcessInbox:
    """`ccema hq serve` in its own process, so a test can SIGKILL it."""

    def __init__(self, hq: Headquarters, port: int | None = None) -> None:
        self.hq = hq
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = hq.folder.parent / f"{hq.folder.name}-serve-{self.port}.log"

    def start(self) -> ProcessInbox:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "ccema_desktop.cli",
                    *self.hq.args("hq", "serve", "--port", str(self.port), "--log-level", "warning"),
                ],
                stdout=log,
                stderr=log,
                env=env,
            )
        try:
            wait_healthy(self.url)
        except AssertionError:
            self.stop()
            raise AssertionError(self.log.read_text(errors="replace")) from None
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no cleanup."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
            self.process = None

    def __enter__(self) -> ProcessInbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def enrolled_laptop(folder: Path, hq: Headquarters, url: str) -> Laptop:
    lap = laptop(folder)
    run = ccema("--data-dir", str(folder), "device", "enroll", str(hq.public_key), "--url", url)
    assert run.code == 0, run.err
    return lap


def approve(hq: Headquarters, lap: Laptop) -> None:
    run = hq.run("hq", "approve", lap.ctx.db.device_id)
    assert run.code == 0, run.err


def put(url: str, bundle_id: str, data: bytes, **kwargs: Any) -> httpx.Response:
    return httpx.put(f"{url}/bundles/{bundle_id}", content=data, timeout=30, trust_env=False, **kwargs)


@contextlib.contextmanager
def raw_connection(port: int) -> Iterator[socket.socket]:
    sock = socket.create_connection((HOST, port), timeout=10)
    try:
        yield sock
    finally:
        sock.close()


def raw_status(sock: socket.socket) -> int:
    """The status code of the HTTP answer on a raw socket."""
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1])
