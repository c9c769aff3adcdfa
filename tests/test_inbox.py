"""The headquarters inbox over HTTP: every kind of request gets the right status and the inbox keeps serving."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from ccema_desktop.context import AppContext
from ccema_desktop.hq.inbox import Inbox
from ccema_desktop.hq.server import BadRequestLimiter, ServerConfig
from ccema_desktop.services import devices, stats
from ccema_desktop.storage.models import InboxDevice, InboxHeld, SyncImport
from ccema_desktop.sync import envelope, outbox
from ccema_desktop.sync.export import build_payload
from ccema_desktop.sync.keys import b64, enrolled_headquarters, ensure_device_key, load_headquarters
from ccema_desktop.sync.receipts import ReceiptError, verify_receipt
from tests.inbox_support import (
    ThreadInbox,
    enrolled_laptop,
    put,
    raw_connection,
    raw_status,
)
from tests.sync_helpers import PG_URL, Headquarters, Laptop, headquarters, pg_schema_url

PEOPLE = [
    ["Ann Lee", "F", "Ministry of Environment", "environment", "", "KZ", "ann@example.org", ""],
    ["Bo Chen", "M", "Red Crescent", "civil society", "", "KG", "bo@example.org", ""],
]


def _workshop(lap: Laptop, title: str = "Inbox", start: dt.date = dt.date(2026, 3, 2)) -> str:
    wid = lap.workshop(title, "KZ", start, 2, [1])
    people = lap.roster(wid, PEOPLE)
    lap.mark(wid, people["Ann Lee"], lap.sessions(wid), "present")
    return wid


def _bundle(lap: Laptop, wid: str) -> tuple[str, bytes]:
    item = outbox.queue_workshop(lap.ctx, wid)
    return item.bundle_id, item.path.read_bytes()


def _reseal(lap: Laptop, wid: str, bundle_id: str, device_key: Ed25519PrivateKey | None = None) -> bytes:
    """Another bundle under an existing id (its content differs: it is exported at another moment)."""
    with lap.ctx.db.transaction() as s:
        payload = build_payload(s, wid, lap.ctx.db.device_id, bundle_id)
    payload["exported_at"] = dt.datetime(2030, 1, 1, tzinfo=dt.UTC).isoformat()
    return envelope.seal(
        json.dumps(payload).encode(),
        device_id=lap.ctx.db.device_id,
        device_key=device_key or ensure_device_key(lap.ctx.paths),
        workshop_id=wid,
        recipient=enrolled_headquarters(lap.ctx.paths),
        bundle_id=bundle_id,
    )


@pytest.fixture
def hq(tmp_path: Path) -> Headquarters:
    return headquarters(tmp_path / "hq")


@pytest.fixture
def hq_ctx(hq: Headquarters) -> Iterator[AppContext]:
    ctx = hq.context()
    yield ctx
    ctx.close()


CONFIG = ServerConfig(
    max_bytes=2 * 1024 * 1024, bad_requests=50, bad_window=1.5, idle_timeout=0.5, max_uploads=2
)


@pytest.fixture
def server(hq_ctx: AppContext) -> Iterator[ThreadInbox]:
    with ThreadInbox(hq_ctx, CONFIG) as running:
        yield running


def _imports(ctx: AppContext) -> int:
    with ctx.db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(SyncImport)).scalar_one())


def _no_leftovers(ctx: AppContext) -> None:
    assert list((ctx.paths.root / "inbox" / "incoming").iterdir()) == []


def test_health(server: ThreadInbox, hq_ctx: AppContext) -> None:
    body = httpx.get(f"{server.url}/health", trust_env=False).json()
    assert body["status"] == "ok" and body["service"] == "ccema-hq"
    assert body["key_id"] == load_headquarters(hq_ctx.paths).key_id


def test_unknown_device_is_held_until_approved_then_imported(
    tmp_path: Path, hq: Headquarters, hq_ctx: AppContext, server: ThreadInbox
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
    wid = _workshop(lap)
    bundle_id, data = _bundle(lap, wid)
    enrolled = enrolled_headquarters(lap.ctx.paths)
    assert enrolled is not None

    answer = put(server.url, bundle_id, data)
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert body["state"] == "held" and "approved" in body["reason"]
    assert verify_receipt(body["receipt"], enrolled, bundle_id=bundle_id) == "held"
    assert (hq_ctx.paths.root / "inbox" / "received" / f"{bundle_id}.ccema-bundle.json").read_bytes() == data
    assert _imports(hq_ctx) == 0
    # The same upload again: still held, nothing twice.
    assert put(server.url, bundle_id, data).status_code == 202
    receipt = httpx.get(f"{server.url}/bundles/{bundle_id}/receipt", trust_env=False)
    assert receipt.status_code == 202
    (view,) = devices.list_devices(hq_ctx.db)
    assert (view.device_id, view.status, view.held, view.bundles) == (lap.ctx.db.device_id, "pending", 1, 0)
    assert view.fingerprint
    (held,) = hq.run("--json", "hq", "held").json()
    assert (held["bundle_id"], held["device_id"], held["bytes"]) == (
        bundle_id,
        lap.ctx.db.device_id,
        len(data),
    )

    assert devices.approve(hq_ctx.db, lap.ctx.db.device_id) == 1
    assert _imports(hq_ctx) == 1
    assert stats.compute(hq_ctx.db).workshops == 1
    receipt = httpx.get(f"{server.url}/bundles/{bundle_id}/receipt", trust_env=False)
    assert receipt.status_code == 200
    assert verify_receipt(receipt.json()["receipt"], enrolled, bundle_id=bundle_id) == "imported"
    (view,) = devices.list_devices(hq_ctx.db)
    assert (view.status, view.held, view.bundles) == ("approved", 0, 1)

    # Approved: the next bundle is imported at once, and sending it twice imports it once.
    second_id, second = _bundle(lap, wid)
    for _ in range(2):
        answer = put(server.url, second_id, second)
        assert answer.status_code == 200, answer.text
        assert answer.json()["state"] == "imported"
    assert _imports(hq_ctx) == 2
    _no_leftovers(hq_ctx)


def test_bad_requests_get_the_right_status(
    tmp_path: Path, hq: Headquarters, hq_ctx: AppContext, server: ThreadInbox
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
    devices.approve(hq_ctx.db, lap.ctx.db.device_id)  # in advance, by its id
    wid = _workshop(lap)
    bundle_id, data = _bundle(lap, wid)

    # Not a bundle at all, or a bundle sent to another id's address.
    garbage = put(server.url, bundle_id, b"\x00\xffnot json")
    assert garbage.status_code == 400 and garbage.json()["error"] == "not_a_bundle"
    assert put(server.url, bundle_id, b'{"format": "ccema-bundle"}').status_code == 400
    other_id = "00000000-0000-4000-8000-000000000000"
    assert put(server.url, other_id, data).json()["error"] == "id_mismatch"
    assert put(server.url, "not-a-uuid", data).status_code == 400
    # A changed byte breaks the canonical form (400); a forged signature in canonical form is 422.
    assert put(server.url, bundle_id, data.replace(b'"zlib"', b'"zlib" ')).status_code == 400
    forged = json.loads(data)
    forged["signature"] = b64(bytes(64))
    answer = put(server.url, bundle_id, envelope.canonical(forged))
    assert answer.status_code == 422 and answer.json()["error"] == "bad_signature"
    # The same id with other content: 409, after the real one arrived.
    assert put(server.url, bundle_id, data).status_code == 200
    answer = put(server.url, bundle_id, _reseal(lap, wid, bundle_id))
    assert answer.status_code == 409, answer.text
    # An impostor signing with another key under this device's id.
    impostor = _reseal(lap, wid, outbox.queue_workshop(lap.ctx, wid).bundle_id, Ed25519PrivateKey.generate())
    impostor_id = json.loads(impostor)["bundle_id"]
    answer = put(server.url, impostor_id, impostor)
    assert answer.status_code == 422 and "another signing key" in answer.json()["reason"]
    # Too large, said up front by Content-Length (answered before the body is read) ...
    with raw_connection(server.port) as sock:
        sock.sendall(
            f"PUT /bundles/{bundle_id} HTTP/1.1\r\nHost: x\r\nContent-Length: {50 * 1024 * 1024}\r\n\r\n".encode()
        )
        assert raw_status(sock) == 413
    # ... or found while reading a body sent without a length.
    with raw_connection(server.port) as sock:
        sock.sendall(
            f"PUT /bundles/{bundle_id} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
        )
        piece = b"x" * 65536
        for _ in range(40):
            sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        assert raw_status(sock) == 413
    # A body that stalls half-way: 408 after the idle timeout.
    with raw_connection(server.port) as sock:
        sock.sendall(
            f"PUT /bundles/{bundle_id} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(data)}\r\n\r\n".encode()
        )
        sock.sendall(data[: len(data) // 2])
        assert raw_status(sock) == 408
    # A wrong method or path.
    assert httpx.get(f"{server.url}/bundles/{bundle_id}", trust_env=False).status_code == 405
    assert httpx.get(f"{server.url}/nothing", trust_env=False).status_code == 404
    assert httpx.get(f"{server.url}/bundles/{other_id}/receipt", trust_env=False).status_code == 404

    health = httpx.get(f"{server.url}/health", trust_env=False)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert _imports(hq_ctx) == 1
    assert list((hq_ctx.paths.root / "inbox" / "received").iterdir()) == [
        hq_ctx.paths.root / "inbox" / "received" / f"{bundle_id}.ccema-bundle.json"
    ]
    time.sleep(0.2)  # the stalled upload's handler finishes
    _no_leftovers(hq_ctx)


def test_revoked_device_is_refused_and_can_be_approved_again(
    tmp_path: Path, hq: Headquarters, hq_ctx: AppContext, server: ThreadInbox
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
    wid = _workshop(lap)
    first_id, first = _bundle(lap, wid)
    assert put(server.url, first_id, first).status_code == 202
    devices.revoke(hq_ctx.db, lap.ctx.db.device_id)
    bundle_id, data = _bundle(lap, wid)
    answer = put(server.url, bundle_id, data)
    assert answer.status_code == 403 and answer.json()["error"] == "revoked"
    (view,) = devices.list_devices(hq_ctx.db)
    assert (view.status, view.held) == ("revoked", 1)  # nothing deleted
    assert hq.run("hq", "approve", lap.ctx.db.device_id).code == 0
    assert put(server.url, bundle_id, data).status_code == 200
    assert _imports(hq_ctx) == 2
    run = hq.run("--json", "hq", "devices")
    (listed,) = run.json()
    assert listed["status"] == "approved" and listed["held"] == 0 and listed["bundles"] == 2
    with pytest.raises(Exception, match="No device"):
        devices.revoke(hq_ctx.db, "6f1d2c3b-0000-4000-8000-000000000001")
    assert hq.run("hq", "approve", "nonsense").code == 1


def test_a_flood_of_bad_requests_is_limited_and_the_inbox_keeps_serving(
    tmp_path: Path, hq: Headquarters, hq_ctx: AppContext, server: ThreadInbox
) -> None:
    statuses: list[int] = []
    with httpx.Client(trust_env=False, timeout=10) as client:
        for i in range(300):
            response = client.put(
                f"{server.url}/bundles/00000000-0000-4000-8000-{i:012d}", content=b"garbage"
            )
            statuses.append(response.status_code)
            if i % 50 == 0:
                assert client.get(f"{server.url}/health").status_code == 200
    assert set(statuses) == {400, 429}
    assert statuses[: CONFIG.bad_requests] == [400] * CONFIG.bad_requests
    assert statuses.count(429) >= 200
    assert httpx.get(f"{server.url}/health", trust_env=False).json()["status"] == "ok"
    # Once the window has passed, a good upload from the same address goes through.
    lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
    devices.approve(hq_ctx.db, lap.ctx.db.device_id)
    bundle_id, data = _bundle(lap, _workshop(lap))
    blocked = put(server.url, bundle_id, data)
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    time.sleep(CONFIG.bad_window + 0.1)
    assert put(server.url, bundle_id, data).status_code == 200
    _no_leftovers(hq_ctx)


def test_limits_on_held_bundles(tmp_path: Path, hq: Headquarters, hq_ctx: AppContext) -> None:
    config = ServerConfig(max_held_per_device=1, max_pending_devices=1)
    with ThreadInbox(hq_ctx, config) as server:
        one = enrolled_laptop(tmp_path / "one", hq, server.url)
        wid = _workshop(one)
        assert put(server.url, *_bundle(one, wid)).status_code == 202
        answer = put(server.url, *_bundle(one, wid))
        assert answer.status_code == 429 and answer.json()["error"] == "too_many_held"
        two = enrolled_laptop(tmp_path / "two", hq, server.url)
        answer = put(server.url, *_bundle(two, _workshop(two)))
        assert answer.status_code == 429 and answer.json()["error"] == "too_many_pending"
    with hq_ctx.db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(InboxHeld)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(InboxDevice)).scalar_one() == 1


def test_too_many_uploads_at_once_get_503(tmp_path: Path, hq: Headquarters, hq_ctx: AppContext) -> None:
    config = ServerConfig(max_uploads=1, idle_timeout=3)
    with ThreadInbox(hq_ctx, config) as server:
        lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
        bundle_id, data = _bundle(lap, _workshop(lap))
        with raw_connection(server.port) as slow:
            slow.sendall(
                f"PUT /bundles/{bundle_id} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(data)}\r\n\r\n".encode()
                + data[:100]
            )
            time.sleep(0.2)
            busy = put(server.url, bundle_id, data)
            assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
            slow.sendall(data[100:])
            assert raw_status(slow) == 202
        assert httpx.get(f"{server.url}/health", trust_env=False).status_code == 200


def test_start_up_removes_interrupted_uploads_and_finishes_stored_bundles(
    tmp_path: Path, hq: Headquarters, hq_ctx: AppContext
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://127.0.0.1:9")
    devices.approve(hq_ctx.db, lap.ctx.db.device_id)
    bundle_id, data = _bundle(lap, _workshop(lap))
    with Inbox(hq_ctx) as inbox:
        inbox.prepare()
        # What a server killed at the wrong moment leaves: a half upload, and a stored bundle not merged yet.
        (inbox.incoming / "dead.part").write_bytes(b"half")
        (inbox.received / f"{bundle_id}.ccema-bundle.json").write_bytes(data)
    with Inbox(hq_ctx) as inbox:
        report = inbox.prepare()
        assert (report.removed_parts, report.processed) == (1, 1)
        assert list(inbox.incoming.iterdir()) == []
    assert _imports(hq_ctx) == 1
    with Inbox(hq_ctx) as inbox:
        assert inbox.prepare().processed == 0  # nothing left to do


def test_bad_request_limiter_window() -> None:
    limiter = BadRequestLimiter(limit=2, window=10, max_clients=2)
    assert limiter.blocked("a", now=0) is None
    limiter.record("a", now=0)
    limiter.record("a", now=1)
    assert limiter.blocked("a", now=2) == pytest.approx(8)
    assert limiter.blocked("a", now=10.5) is None
    for host in ("b", "c", "d"):
        limiter.record(host, now=3)
    assert limiter.blocked("b", now=3) is None  # memory is bounded: oldest addresses are forgotten


def test_receipts_are_bound_to_their_bundle(tmp_path: Path, hq: Headquarters, hq_ctx: AppContext) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://127.0.0.1:9")
    devices.approve(hq_ctx.db, lap.ctx.db.device_id)
    bundle_id, data = _bundle(lap, _workshop(lap))
    with Inbox(hq_ctx) as inbox:
        reply = inbox.process(bundle_id, data)
    assert reply.status == 200
    receipt = reply.body["receipt"]
    enrolled = enrolled_headquarters(lap.ctx.paths)
    assert enrolled is not None
    assert (
        verify_receipt(receipt, enrolled, bundle_id=bundle_id, content_hash=receipt["content_hash"])
        == "imported"
    )
    with pytest.raises(ReceiptError, match="another bundle"):
        verify_receipt(receipt, enrolled, bundle_id="00000000-0000-4000-8000-000000000000")
    with pytest.raises(ReceiptError, match="different content"):
        verify_receipt(receipt, enrolled, bundle_id=bundle_id, content_hash="0" * 64)
    with pytest.raises(ReceiptError, match="not signed"):
        verify_receipt({**receipt, "records": {"new": 999, "updated": 0}}, enrolled, bundle_id=bundle_id)
    with pytest.raises(ReceiptError, match="without a receipt"):
        verify_receipt(None, enrolled, bundle_id=bundle_id)


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="CCEMA_TEST_POSTGRES_URL not set")
def test_inbox_on_postgresql(tmp_path: Path) -> None:
    with pg_schema_url() as url:
        hq = headquarters(tmp_path / "hq", url)
        ctx = hq.context()
        assert ctx.db.engine.dialect.name == "postgresql"
        try:
            with ThreadInbox(ctx) as server:
                lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
                wid = _workshop(lap)
                held_id, held = _bundle(lap, wid)
                assert put(server.url, held_id, held).status_code == 202
                assert devices.list_devices(ctx.db)[0].status == "pending"
                assert devices.approve(ctx.db, lap.ctx.db.device_id) == 1
                bundle_id, data = _bundle(lap, wid)
                for _ in range(2):
                    assert put(server.url, bundle_id, data).status_code == 200
                assert (
                    httpx.get(f"{server.url}/bundles/{held_id}/receipt", trust_env=False).status_code == 200
                )
                lap.ctx.close()
            assert _imports(ctx) == 2
            figures = stats.compute(ctx.db)
            assert (figures.workshops, figures.participants_registered, figures.participants_trained) == (
                1,
                2,
                1,
            )
        finally:
            ctx.close()
