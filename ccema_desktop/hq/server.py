"""The headquarters inbox over HTTP: a Starlette application, served by uvicorn (`ccema hq serve`).

Endpoints (relative to the inbox URL laptops enrol with):

- `GET /health` -> 200 `{"status": "ok", "service": "ccema-hq", "version", "key_id", "format_version",
  "receipt_version"}`: what a laptop contacts to decide whether headquarters is reachable;
- `PUT /bundles/{bundle_id}` with the bundle file as the body -> 200 imported or 202 held, each with a
  signed receipt; 400, 403, 408, 409, 413, 422, 429 or 503 with `{"state", "error", "reason"}`
  (see `hq.inbox`);
- `GET /bundles/{bundle_id}/receipt` -> 200 imported, 202 held, 404 unknown.

Limits that keep the inbox serving whatever arrives: the body size (413, checked from Content-Length before
reading and again while reading), a pause of more than `idle_timeout` seconds in the middle of a body
(408), uploads handled at once (503 with Retry-After beyond `max_uploads`), and addresses that keep sending
bad requests (after `bad_requests` refusals within `bad_window` seconds, their uploads get 429 until the
window passes; health checks always answer). Uploads are written to a temporary file as they arrive, so
memory stays small, and the file is removed whatever happens to the request.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ccema_desktop import __version__
from ccema_desktop.context import AppContext
from ccema_desktop.hq.inbox import Inbox, InboxLimits, Reply, _problem
from ccema_desktop.i18n import _
from ccema_desktop.sync.envelope import FORMAT_VERSION, MAX_BUNDLE_BYTES
from ccema_desktop.sync.receipts import RECEIPT_VERSION

log = logging.getLogger(__name__)

SERVICE = "ccema-hq"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
#: Statuses that count as a bad request from the sender (a flood of them gets 429).
_BAD = {400, 408, 413, 422}


@dataclass(frozen=True)
class ServerConfig:
    max_bytes: int = MAX_BUNDLE_BYTES
    max_uploads: int = 8
    idle_timeout: float = 60.0
    bad_requests: int = 120
    bad_window: float = 60.0
    max_held_per_device: int = 100
    max_pending_devices: int = 200


class BadRequestLimiter:
    """Counts refusals per client address in a sliding window; bounded memory (oldest addresses dropped)."""

    def __init__(self, limit: int, window: float, max_clients: int = 10_000) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        self._hits: collections.OrderedDict[str, collections.deque[float]] = collections.OrderedDict()

    def _recent(self, client: str, now: float) -> collections.deque[float]:
        hits = self._hits.get(client)
        if hits is None:
            return collections.deque()
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if not hits:
            del self._hits[client]
        return hits

    def blocked(self, client: str, now: float | None = None) -> float | None:
        """Seconds until this client may upload again, or None when it may now."""
        now = time.monotonic() if now is None else now
        hits = self._recent(client, now)
        if len(hits) < self.limit:
            return None
        return max(1.0, hits[0] + self.window - now)

    def record(self, client: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        hits = self._hits.setdefault(client, collections.deque())
        self._hits.move_to_end(client)
        hits.append(now)
        while len(hits) > self.limit:
            hits.popleft()
        while len(self._hits) > self.max_clients:
            self._hits.popitem(last=False)


def _json(reply: Reply) -> JSONResponse:
    return JSONResponse(reply.body, status_code=reply.status, headers=reply.headers or None)


def create_app(ctx: AppContext, config: ServerConfig | None = None, inbox: Inbox | None = None) -> Starlette:
    """The inbox application for the headquarters data folder and database in `ctx`.

    Prepares the inbox first (folders, leftovers of interrupted uploads, stored bundles not merged yet).
    """
    config = config or ServerConfig()
    inbox = inbox or Inbox(
        ctx,
        limits=InboxLimits(
            max_bytes=config.max_bytes,
            max_held_per_device=config.max_held_per_device,
            max_pending_devices=config.max_pending_devices,
        ),
    )
    recovered = inbox.prepare()
    if recovered.removed_parts or recovered.processed:
        log.info(
            "inbox start: %d interrupted upload(s) removed, %d stored bundle(s) finished",
            recovered.removed_parts,
            recovered.processed,
        )
    limiter = BadRequestLimiter(config.bad_requests, config.bad_window)
    active = {"uploads": 0}
    health_body = {
        "status": "ok",
        "service": SERVICE,
        "version": __version__,
        "key_id": inbox.keys.key_id,
        "format_version": FORMAT_VERSION,
        "receipt_version": RECEIPT_VERSION,
    }

    def client_of(request: Request) -> str:
        return request.client.host if request.client else "-"

    async def health(request: Request) -> Response:
        return JSONResponse(health_body)

    async def put_bundle(request: Request) -> Response:
        client = client_of(request)
        wait = limiter.blocked(client)
        if wait is not None:
            return _json(
                Reply(
                    429,
                    {
                        "state": "busy",
                        "error": "too_many_bad_requests",
                        "reason": _("Too many bad requests from this address; try again later."),
                    },
                    {"Retry-After": str(int(wait) + 1)},
                )
            )
        reply = await _receive(request)
        if reply.status in _BAD:
            limiter.record(client)
        return _json(reply)

    async def _receive(request: Request) -> Reply:
        bundle_id = str(request.path_params["bundle_id"])
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                return _problem(400, "bad_length", _("The Content-Length header is not a number."))
            if size > config.max_bytes:
                return inbox.too_large(size)
        if active["uploads"] >= config.max_uploads:
            return Reply(
                503,
                {"state": "busy", "error": "busy", "reason": _("Headquarters is busy; try again shortly.")},
                {"Retry-After": "5"},
            )
        active["uploads"] += 1
        part = inbox.new_part()
        try:
            received = 0
            with part.open("wb") as fh:
                chunks = _chunks(request)
                while True:
                    try:
                        chunk = await asyncio.wait_for(anext(chunks), config.idle_timeout)
                    except StopAsyncIteration:
                        break
                    except TimeoutError:
                        return _problem(408, "timeout", _("The upload stalled; send it again."))
                    received += len(chunk)
                    if received > config.max_bytes:
                        return inbox.too_large(received)
                    fh.write(chunk)
            return await run_in_threadpool(inbox.receive, bundle_id, part)
        except ClientDisconnect:
            return _problem(400, "disconnected", _("The upload was cut off."))
        finally:
            part.unlink(missing_ok=True)
            active["uploads"] -= 1

    async def get_receipt(request: Request) -> Response:
        reply = await run_in_threadpool(inbox.receipt, str(request.path_params["bundle_id"]))
        return _json(reply)

    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/bundles/{bundle_id}", put_bundle, methods=["PUT", "POST"]),
        Route("/bundles/{bundle_id}/receipt", get_receipt, methods=["GET"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            inbox.close()

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.inbox = inbox
    return app


async def _chunks(request: Request) -> AsyncIterator[bytes]:
    async for chunk in request.stream():
        if chunk:
            yield chunk


def serve(
    ctx: AppContext,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    config: ServerConfig | None = None,
    log_level: str = "info",
    ready: Any = None,
) -> None:
    """Run the inbox until interrupted (Ctrl+C or SIGTERM finish the requests under way first)."""
    import uvicorn

    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(message)s")
    app = create_app(ctx, config)
    uv_config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        server_header=False,
        timeout_keep_alive=5,
        limit_concurrency=256,
        timeout_graceful_shutdown=30,
    )
    server = uvicorn.Server(uv_config)
    if ready is not None:
        ready(server)
    with contextlib.suppress(KeyboardInterrupt):
        server.run()
