"""The laptop's outbox: queueing, states, back-off, receipts verified, never a duplicate, never a deletion."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ccema_desktop.context import AppContext
from ccema_desktop.errors import KnownError, ValidationError
from ccema_desktop.paths import DataPaths
from ccema_desktop.services import devices, stats
from ccema_desktop.services import workshops as ws
from ccema_desktop.sync import client as client_module
from ccema_desktop.sync import keys, outbox
from ccema_desktop.sync.keys import HeadquartersKeys
from ccema_desktop.sync.receipts import make_receipt
from tests.inbox_support import ThreadInbox, enrolled_laptop, free_port
from tests.sync_helpers import Headquarters, Laptop, ccema, headquarters, laptop

PEOPLE = [["Ann Lee", "F", "Ministry of Environment", "environment", "", "KZ", "ann@example.org", ""]]


@pytest.fixture
def hq(tmp_path: Path) -> Headquarters:
    return headquarters(tmp_path / "hq")


@pytest.fixture
def hq_ctx(hq: Headquarters) -> Iterator[AppContext]:
    ctx = hq.context()
    yield ctx
    ctx.close()


def _workshop(lap: Laptop) -> str:
    wid = lap.workshop("Outbox", "KZ", dt.date(2026, 3, 2), 2, [1])
    people = lap.roster(wid, PEOPLE)
    lap.mark(wid, people["Ann Lee"], lap.sessions(wid), "present")
    return wid


def _dead_url() -> str:
    return f"http://127.0.0.1:{free_port()}"  # nothing listens there


def _state(item: outbox.OutboxItem) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        item.path.with_name(f"{item.bundle_id}{outbox.STATE_SUFFIX}").read_text("utf-8")
    )
    return loaded


def test_without_enrolment_nothing_is_queued(tmp_path: Path) -> None:
    lap = laptop(tmp_path / "lap")
    wid = _workshop(lap)
    with pytest.raises(keys.NotEnrolledError):
        outbox.queue_workshop(lap.ctx, wid)
    assert outbox.queue_on_close(lap.ctx, wid) is None
    assert outbox.close_workshop(lap.ctx, wid) is None
    assert ws.get_workshop(lap.ctx.db, wid).status == "closed"
    assert outbox.list_items(lap.ctx) == []
    assert outbox.hq_url(lap.ctx) is None
    reachable, why = outbox.check_reachable(lap.ctx)
    assert not reachable and "not enrolled" in why
    with pytest.raises(KnownError, match="not enrolled"):
        outbox.send_pending(lap.ctx)


def test_enrolled_without_an_address_queues_but_cannot_send(tmp_path: Path, hq: Headquarters) -> None:
    lap = laptop(tmp_path / "lap")
    assert ccema("--data-dir", str(lap.folder), "device", "enroll", str(hq.public_key)).code == 0
    item = outbox.queue_on_close(lap.ctx, _workshop(lap), trigger="day")
    assert item is not None and item.state == "waiting" and item.trigger == "day"
    assert outbox.check_reachable(lap.ctx)[0] is False
    with pytest.raises(KnownError, match="inbox address"):
        outbox.send_pending(lap.ctx)
    run = ccema("--data-dir", str(lap.folder), "sync")
    assert run.code == 1 and "inbox address" in run.err


def test_queue_writes_a_bundle_and_its_state_atomically(tmp_path: Path, hq: Headquarters) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, _dead_url())
    wid = _workshop(lap)
    item = outbox.close_workshop(lap.ctx, wid)
    assert item is not None
    assert ws.get_workshop(lap.ctx.db, wid).status == "closed"
    assert (item.state, item.attempts, item.last_error, item.next_attempt_at, item.receipt) == (
        "waiting",
        0,
        "",
        None,
        None,
    )
    assert item.path.parent == lap.folder / "outbox" and item.path.stat().st_size == item.size
    assert item.recipient == keys.load_headquarters(DataPaths(hq.folder)).key_id
    state = _state(item)
    assert state["state"] == "waiting" and state["workshop_code"] == item.workshop_code
    assert len(state["content_hash"]) == 64
    assert sorted(p.name for p in (lap.folder / "outbox").iterdir() if p.name.endswith(".part")) == []
    second = outbox.queue_workshop(lap.ctx, wid)
    assert [i.bundle_id for i in outbox.list_items(lap.ctx)] == [item.bundle_id, second.bundle_id]
    # The outbox file is an ordinary bundle: headquarters can import it from a USB stick as it is.
    run = hq.run("--json", "bundle", "import", str(item.path))
    assert run.code == 0 and run.json()[0]["status"] == "accepted"


def test_unreachable_headquarters_fails_with_a_reason_and_backs_off(tmp_path: Path, hq: Headquarters) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, _dead_url())
    item = outbox.queue_workshop(lap.ctx, _workshop(lap))
    now = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
    (tried,) = outbox.send_pending(lap.ctx, now=now, timeout=1)
    assert tried.bundle_id == item.bundle_id and tried.state == "failed" and tried.attempts == 1
    assert "cannot be reached" in tried.last_error
    assert tried.next_attempt_at is not None
    first_delay = (tried.next_attempt_at - now).total_seconds()
    assert 25 <= first_delay <= 35
    # Not due yet: nothing is tried.
    assert outbox.send_pending(lap.ctx, now=now + dt.timedelta(seconds=10), timeout=1) == []
    later = now + dt.timedelta(seconds=40)
    (tried,) = outbox.send_pending(lap.ctx, now=later, timeout=1)
    assert tried.attempts == 2 and tried.next_attempt_at is not None
    assert 50 <= (tried.next_attempt_at - later).total_seconds() <= 70
    # "Sync now" tries at once, whatever the schedule.
    (tried,) = outbox.send_pending(lap.ctx, now=later, timeout=1, force=True)
    assert tried.attempts == 3
    assert item.path.exists()  # never deleted


def test_sent_bundles_are_confirmed_by_a_verified_receipt(
    tmp_path: Path, hq: Headquarters, hq_ctx: AppContext
) -> None:
    with ThreadInbox(hq_ctx) as server:
        lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
        wid = _workshop(lap)
        assert outbox.check_reachable(lap.ctx) == (True, f"Headquarters answered at {server.url}.")
        # Not approved yet: delivered (held), then confirmed once a coordinator approves.
        first = outbox.queue_workshop(lap.ctx, wid)
        (tried,) = outbox.send_pending(lap.ctx)
        assert tried.state == "delivered" and tried.receipt is not None and tried.receipt["status"] == "held"
        assert tried.delivered_at is not None and tried.next_attempt_at is not None
        assert outbox.send_pending(lap.ctx) == []  # asks again only after the poll delay
        devices.approve(hq_ctx.db, lap.ctx.db.device_id)
        (tried,) = outbox.send_pending(lap.ctx, now=tried.next_attempt_at + dt.timedelta(seconds=1))
        assert tried.state == "confirmed" and tried.receipt is not None
        assert tried.receipt["status"] == "imported" and tried.confirmed_at is not None
        # Approved now: a new bundle is confirmed in one go, and confirmed ones are not sent again.
        second = outbox.queue_workshop(lap.ctx, wid)
        progress: list[tuple[int, int]] = []
        (tried,) = outbox.send_pending(lap.ctx, progress=lambda d, t: progress.append((d, t)))
        assert (tried.bundle_id, tried.state) == (second.bundle_id, "confirmed")
        assert progress == [(0, 1), (1, 1)]
        assert outbox.send_pending(lap.ctx, force=True) == []
        assert [i.state for i in outbox.list_items(lap.ctx)] == ["confirmed", "confirmed"]
        assert first.path.exists() and second.path.exists()
    assert stats.compute(hq_ctx.db).workshops == 1


def test_bundle_saved_to_a_folder_is_confirmed_after_a_file_import(
    tmp_path: Path, hq: Headquarters, hq_ctx: AppContext
) -> None:
    with ThreadInbox(hq_ctx) as server:
        lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
        wid = _workshop(lap)
        with pytest.raises(ValidationError, match="does not exist"):
            outbox.save_to_folder(lap.ctx, wid, tmp_path / "no-usb")
        usb = tmp_path / "usb"
        usb.mkdir()
        saved = outbox.save_to_folder(lap.ctx, wid, usb)
        assert saved.parent == usb and saved.name.endswith(".ccema-bundle.json")
        (item,) = outbox.list_items(lap.ctx)
        assert item.trigger == "folder" and saved.read_bytes() == item.path.read_bytes()
        # Headquarters imports the stick (trust on first use, as for any file import) ...
        assert hq.run("bundle", "import", str(usb)).code == 0
        # ... and when the laptop gets a connection, sending it is a no-op that returns its receipt.
        (tried,) = outbox.send_pending(lap.ctx)
        assert tried.state == "confirmed"
    assert stats.compute(hq_ctx.db).workshops == 1


class _FakeInbox:
    """An httpx transport standing in for headquarters (or for something pretending to be it)."""

    def __init__(self, hq: HeadquartersKeys, upload: Callable[[httpx.Request], httpx.Response]) -> None:
        self.hq = hq
        self.upload = upload
        self.requests: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(f"{request.method} {request.url.path}")
        if request.url.path.endswith("/health"):
            return httpx.Response(200, json={"status": "ok", "service": "ccema-hq", "key_id": self.hq.key_id})
        return self.upload(request)


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Callable[[_FakeInbox], None]:
    real = outbox.InboxClient

    def install(handler: _FakeInbox) -> None:
        class Patched(real):  # type: ignore[misc, valid-type]
            def __init__(self, url: str, timeout: float = 10.0) -> None:
                super().__init__(url, timeout, transport=httpx.MockTransport(handler))

        monkeypatch.setattr(outbox, "InboxClient", Patched)

    return install


def _receipt_answer(
    signer: HeadquartersKeys, item: outbox.OutboxItem, status_code: int = 200
) -> httpx.Response:
    receipt = make_receipt(
        signer,
        bundle_id=item.bundle_id,
        device_id="d",
        workshop_id=item.workshop_id,
        content_hash=item.content_hash,
        status="imported" if status_code == 200 else "held",
        at=dt.datetime.now(dt.UTC),
    )
    return httpx.Response(status_code, json={"state": "x", "receipt": receipt})


def test_a_receipt_not_signed_by_the_enrolled_headquarters_is_not_a_confirmation(
    tmp_path: Path, hq: Headquarters, fake: Callable[[_FakeInbox], None]
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://hq.invalid")
    item = outbox.queue_workshop(lap.ctx, _workshop(lap))
    real = keys.load_headquarters(DataPaths(hq.folder))
    impostor = keys.init_headquarters(DataPaths(tmp_path / "impostor"))
    forged = HeadquartersKeys(real.encryption, impostor.signing)  # same key id, another signature key
    fake(_FakeInbox(real, lambda request: _receipt_answer(forged, item)))
    (tried,) = outbox.send_pending(lap.ctx)
    assert tried.state == "failed" and "not signed by the headquarters" in tried.last_error
    fake(_FakeInbox(real, lambda request: httpx.Response(200, json={"state": "imported"})))
    (tried,) = outbox.send_pending(lap.ctx, force=True)
    assert tried.state == "failed" and "without a receipt" in tried.last_error
    fake(_FakeInbox(real, lambda request: _receipt_answer(real, item)))
    (tried,) = outbox.send_pending(lap.ctx, force=True)
    assert tried.state == "confirmed"


def test_another_headquarters_at_the_address_is_not_reachable(
    tmp_path: Path, hq: Headquarters, fake: Callable[[_FakeInbox], None]
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://hq.invalid")
    outbox.queue_workshop(lap.ctx, _workshop(lap))
    other = keys.init_headquarters(DataPaths(tmp_path / "other"))
    fake(_FakeInbox(other, lambda request: httpx.Response(500)))
    reachable, why = outbox.check_reachable(lap.ctx)
    assert not reachable and "another headquarters" in why
    (tried,) = outbox.send_pending(lap.ctx)
    assert tried.state == "failed" and "another headquarters" in tried.last_error


@pytest.mark.parametrize(
    ("status", "body", "headers", "words", "hours"),
    [
        (403, {"reason": "revoked"}, {}, "revoked it", 6),
        (413, {"reason": "At most 32 MB."}, {}, "USB stick", 6),
        (422, {"reason": "The bundle's signature does not match"}, {}, "refused the bundle", 6),
        (409, {"reason": "x"}, {}, "different bundle", 6),
        (503, {}, {"Retry-After": "600"}, "busy", 600 / 3600),
        (500, {}, {}, "HTTP 500", 30 / 3600),
    ],
)
def test_refusals_are_explained_and_retried_later(
    tmp_path: Path,
    hq: Headquarters,
    fake: Callable[[_FakeInbox], None],
    status: int,
    body: dict[str, str],
    headers: dict[str, str],
    words: str,
    hours: float,
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://hq.invalid")
    outbox.queue_workshop(lap.ctx, _workshop(lap))
    real = keys.load_headquarters(DataPaths(hq.folder))
    fake(_FakeInbox(real, lambda request: httpx.Response(status, json=body, headers=headers)))
    now = dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC)
    (tried,) = outbox.send_pending(lap.ctx, now=now)
    assert tried.state == "failed" and words in tried.last_error
    assert tried.next_attempt_at is not None
    delay = (tried.next_attempt_at - now).total_seconds()
    assert hours * 3600 * 0.89 <= delay <= hours * 3600 * 1.11


def test_a_delivered_bundle_headquarters_lost_is_sent_again(
    tmp_path: Path, hq: Headquarters, fake: Callable[[_FakeInbox], None]
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://hq.invalid")
    item = outbox.queue_workshop(lap.ctx, _workshop(lap))
    real = keys.load_headquarters(DataPaths(hq.folder))
    fake(_FakeInbox(real, lambda request: _receipt_answer(real, item, 202)))
    assert outbox.send_pending(lap.ctx)[0].state == "delivered"
    inbox = _FakeInbox(real, lambda request: httpx.Response(404, json={"state": "unknown"}))
    fake(inbox)
    assert outbox.send_pending(lap.ctx, force=True)[0].state == "waiting"
    assert inbox.requests[-1] == f"GET /bundles/{item.bundle_id}/receipt"


def test_interrupted_sending_resumes_and_one_sender_at_a_time(
    tmp_path: Path, hq: Headquarters, fake: Callable[[_FakeInbox], None]
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://hq.invalid")
    item = outbox.queue_workshop(lap.ctx, _workshop(lap))
    # A crash mid-upload leaves the state file saying "sending": shown and treated as waiting.
    state = _state(item)
    state["state"] = "sending"
    item.path.with_name(f"{item.bundle_id}{outbox.STATE_SUFFIX}").write_text(json.dumps(state), "utf-8")
    assert outbox.list_items(lap.ctx)[0].state == "waiting"
    real = keys.load_headquarters(DataPaths(hq.folder))
    fake(_FakeInbox(real, lambda request: _receipt_answer(real, item)))
    with outbox._sender_lock(lap.folder / "outbox") as mine:
        assert mine
        assert outbox.list_items(lap.ctx)[0].state == "sending"  # another sender is at work
        assert outbox.send_pending(lap.ctx) == []
    (tried,) = outbox.send_pending(lap.ctx)
    assert tried.state == "confirmed"


def test_cancel_stops_between_pieces_and_leaves_the_bundle_waiting(
    tmp_path: Path, hq: Headquarters, fake: Callable[[_FakeInbox], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://hq.invalid")
    item = outbox.queue_workshop(lap.ctx, _workshop(lap))
    real = keys.load_headquarters(DataPaths(hq.folder))

    def upload(request: httpx.Request) -> httpx.Response:
        request.read()
        return _receipt_answer(real, item)

    fake(_FakeInbox(real, upload))
    monkeypatch.setattr(client_module, "UPLOAD_CHUNK", 256)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    (tried,) = outbox.send_pending(lap.ctx, cancelled=cancelled)
    assert (tried.state, tried.attempts, tried.last_error) == ("waiting", 0, "")
    assert outbox.send_pending(lap.ctx)[0].state == "confirmed"


def test_a_bundle_too_large_for_headquarters_is_not_sent(
    tmp_path: Path, hq: Headquarters, fake: Callable[[_FakeInbox], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, "http://hq.invalid")
    outbox.queue_workshop(lap.ctx, _workshop(lap))
    inbox = _FakeInbox(keys.load_headquarters(DataPaths(hq.folder)), lambda request: httpx.Response(500))
    fake(inbox)
    monkeypatch.setattr(outbox.envelope, "MAX_BUNDLE_BYTES", 1000)
    (tried,) = outbox.send_pending(lap.ctx)
    assert tried.state == "failed" and "more than headquarters accepts" in tried.last_error
    assert inbox.requests == ["GET /health"]


def test_a_bundle_for_a_former_headquarters_is_not_sent(tmp_path: Path, hq: Headquarters) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, _dead_url())
    wid = _workshop(lap)
    outbox.queue_workshop(lap.ctx, wid)
    other = headquarters(tmp_path / "other")
    with ThreadInbox(other.context()) as server:
        assert (
            ccema(
                "--data-dir", str(lap.folder), "device", "enroll", str(other.public_key), "--url", server.url
            ).code
            == 0
        )
        devices.approve(server.ctx.db, lap.ctx.db.device_id)
        fresh = outbox.queue_workshop(lap.ctx, wid)
        old, new = outbox.send_pending(lap.ctx)
        assert old.state == "failed" and "another headquarters key" in old.last_error
        assert (new.bundle_id, new.state) == (fresh.bundle_id, "confirmed")
        server.ctx.close()


def test_ccema_sync_command(tmp_path: Path, hq: Headquarters, hq_ctx: AppContext) -> None:
    with ThreadInbox(hq_ctx) as server:
        lap = enrolled_laptop(tmp_path / "lap", hq, server.url)
        devices.approve(hq_ctx.db, lap.ctx.db.device_id)
        wid = _workshop(lap)
        run = ccema("--data-dir", str(lap.folder), "--json", "sync", "--workshop", wid)
        assert run.code == 0, run.err
        data = run.json()
        assert data["reachable"] is True and len(data["queued"]) == 1
        assert data["counts"]["confirmed"] == 1 and data["items"][0]["state"] == "confirmed"
        run = ccema("--data-dir", str(lap.folder), "sync")
        assert run.code == 0 and "confirmed" in run.out


def test_closing_a_workshop_from_the_command_line_queues_its_bundle(tmp_path: Path, hq: Headquarters) -> None:
    lap = enrolled_laptop(tmp_path / "lap", hq, _dead_url())
    wid = _workshop(lap)
    assert ccema("--data-dir", str(lap.folder), "workshop", "status", wid, "running").code == 0
    assert outbox.list_items(lap.ctx) == []
    run = ccema("--data-dir", str(lap.folder), "workshop", "status", wid, "closed")
    assert run.code == 0, run.err
    items = outbox.list_items(lap.ctx)
    assert [(i.trigger, i.state) for i in items] == [("closed", "waiting")]
    assert str(items[0].path) in run.out
    assert ws.get_workshop(lap.ctx.db, wid).status == "closed"


def test_closing_without_a_headquarters_only_sets_the_status(tmp_path: Path) -> None:
    lap = laptop(tmp_path / "lap")
    wid = _workshop(lap)
    run = ccema("--data-dir", str(lap.folder), "workshop", "status", wid, "closed")
    assert run.code == 0 and run.out == ""
    assert ws.get_workshop(lap.ctx.db, wid).status == "closed"
    assert outbox.list_items(lap.ctx) == []
