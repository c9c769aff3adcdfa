"""End to end on loopback: laptops queue while headquarters is down, the outbox retries, the inbox comes up,
bundles arrive once and receipts are verified; killing the inbox mid-upload loses nothing and duplicates nothing."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ccema_desktop.services import attendance
from ccema_desktop.storage.models import Participant, SyncImport
from ccema_desktop.sync import client as client_module
from ccema_desktop.sync import outbox
from tests.inbox_support import ProcessInbox, enrolled_laptop, free_port
from tests.sync_helpers import Headquarters, Laptop, headquarters

PEOPLE = [
    ["Ann Lee", "F", "Ministry of Environment", "environment", "", "KZ", "ann@example.org", ""],
    ["Bo Chen", "M", "Red Crescent", "civil society", "", "KG", "bo@example.org", ""],
    ["Сауле Ахметова", "F", "Akimat", "disaster risk management", "", "KZ", "saule@example.org", ""],
]


def _workshop(lap: Laptop, title: str, start: dt.date, people: list[list[str]] = PEOPLE) -> str:
    wid = lap.workshop(title, "KZ", start, 2, [1, 2])
    ids = lap.roster(wid, people)
    sessions = lap.sessions(wid)
    marks = [
        (pid, sid, "absent" if name == "Bo Chen" else "present")
        for name, pid in ids.items()
        for sid in sessions
    ]
    attendance.mark_bulk(lap.ctx.db, wid, marks)
    return wid


def _stats(hq: Headquarters) -> dict[str, object]:
    run = hq.run("--json", "stats")
    assert run.code == 0, run.err
    data: dict[str, object] = run.json()
    return data


def test_outbox_waits_for_headquarters_then_everything_arrives_once(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    venue = enrolled_laptop(tmp_path / "venue", hq, url)
    # The coordinator approved this laptop in advance, by the id `ccema device show` prints on it.
    assert hq.run("hq", "approve", venue.ctx.db.device_id).code == 0

    first = _workshop(venue, "Almaty", dt.date(2026, 3, 2))
    second = _workshop(venue, "Bishkek", dt.date(2027, 5, 10))
    day = outbox.queue_on_close(venue.ctx, first, trigger="day")
    closed = outbox.close_workshop(venue.ctx, first)
    other = outbox.queue_workshop(venue.ctx, second)
    assert day is not None and closed is not None
    assert outbox.check_reachable(venue.ctx, timeout=1)[0] is False

    # Headquarters is down: each bundle fails with the reason in plain words and a next attempt.
    now = dt.datetime.now(dt.UTC)
    tried = outbox.send_pending(venue.ctx, now=now, timeout=2)
    assert {i.bundle_id for i in tried} == {day.bundle_id, closed.bundle_id, other.bundle_id}
    for item in tried:
        assert item.state == "failed" and item.attempts == 1
        assert "cannot be reached" in item.last_error
        assert item.next_attempt_at is not None and item.next_attempt_at > now
    retry_at = max(i.next_attempt_at for i in tried if i.next_attempt_at) + dt.timedelta(seconds=1)

    with ProcessInbox(hq, port):
        assert outbox.check_reachable(venue.ctx)[0] is True
        tried = outbox.send_pending(venue.ctx, now=retry_at)
        assert [i.state for i in tried] == ["confirmed"] * 3
        for item in tried:
            assert item.receipt is not None and item.receipt["status"] == "imported"
            assert item.receipt["bundle_id"] == item.bundle_id and item.confirmed_at is not None

        # A laptop headquarters has never seen: held (delivered) until the coordinator approves it.
        newcomer = enrolled_laptop(tmp_path / "newcomer", hq, url)
        third = _workshop(newcomer, "Dushanbe", dt.date(2027, 9, 1), PEOPLE[:1])  # Ann again, same e-mail
        outbox.queue_workshop(newcomer.ctx, third)
        (item,) = outbox.send_pending(newcomer.ctx)
        assert item.state == "delivered"
        listed = {d["device_id"]: d for d in hq.run("--json", "hq", "devices").json()}
        assert listed[newcomer.ctx.db.device_id]["status"] == "pending"
        assert listed[newcomer.ctx.db.device_id]["held"] == 1
        assert listed[venue.ctx.db.device_id]["status"] == "approved"
        assert _stats(hq)["workshops"] == 2
        run = hq.run("hq", "approve", newcomer.ctx.db.device_id)
        assert run.code == 0 and "1 held bundle(s) imported" in run.out
        (item,) = outbox.send_pending(newcomer.ctx, force=True)
        assert item.state == "confirmed"

    figures = _stats(hq)
    assert figures["workshops"] == 3
    assert figures["participants_registered"] == 3  # Ann is one person in two workshops
    assert figures["participants_trained"] == 2
    assert figures["by_year"] == {"2026": 2, "2027": 2}
    assert [i.state for i in outbox.list_items(venue.ctx)] == ["confirmed"] * 3


def _big_workshop(lap: Laptop, n: int) -> str:
    people = [
        [
            f"Participant {i}",
            "F" if i % 2 else "M",
            f"Ministry {i % 17}",
            "environment",
            "Officer",
            "KZ",
            f"p{i}@example.org",
            "",
        ]
        for i in range(n)
    ]
    return _workshop(lap, "Big", dt.date(2026, 6, 1), people)


def _imports(hq: Headquarters) -> tuple[int, int]:
    ctx = hq.context()
    try:
        with ctx.db.engine.connect() as conn:
            imports = conn.execute(select(func.count()).select_from(SyncImport)).scalar_one()
            people = conn.execute(select(func.count()).select_from(Participant)).scalar_one()
        return int(imports), int(people)
    finally:
        ctx.close()


@pytest.mark.parametrize("moment", ["mid-upload", "after-upload"])
def test_killing_the_inbox_loses_nothing_and_duplicates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    hq = headquarters(tmp_path / "hq")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    venue = enrolled_laptop(tmp_path / "venue", hq, url)
    assert hq.run("hq", "approve", venue.ctx.db.device_id).code == 0
    n = 1500
    item = outbox.queue_workshop(venue.ctx, _big_workshop(venue, n))
    assert item.size > 300_000
    inbox_dir = hq.folder / "inbox"

    # The laptop sends slowly (small pieces, a pause between them), so the upload is in flight for a while.
    monkeypatch.setattr(client_module, "UPLOAD_CHUNK", 16 * 1024)
    slow = moment == "mid-upload"

    def pace() -> bool:
        if slow:
            time.sleep(0.02)
        return False

    server = ProcessInbox(hq, port).start()
    results: list[outbox.OutboxItem] = []
    sender = threading.Thread(target=lambda: results.extend(outbox.send_pending(venue.ctx, cancelled=pace)))
    sender.start()
    deadline = time.monotonic() + 30
    if slow:  # kill while part of the body has arrived
        while time.monotonic() < deadline:
            parts = list((inbox_dir / "incoming").glob("*.part"))
            if parts and parts[0].stat().st_size > 64 * 1024:
                break
            time.sleep(0.005)
    else:  # kill once the file is stored, while headquarters imports it (or just after)
        stored = inbox_dir / "received" / f"{item.bundle_id}.ccema-bundle.json"
        while time.monotonic() < deadline and not stored.exists():
            time.sleep(0.002)
    server.kill()
    sender.join(30)
    (first,) = results
    if slow:
        assert first.state == "failed" and "cut" in first.last_error
        assert list((inbox_dir / "incoming").glob("*.part"))  # the interrupted upload's leftover ...
    else:  # killed before its answer (or, on a very fast machine, just after it)
        assert first.state in ("failed", "confirmed")

    with ProcessInbox(hq, port):
        assert list((inbox_dir / "incoming").iterdir()) == []  # ... is gone once the inbox restarts
        if first.state != "confirmed":
            (again,) = outbox.send_pending(venue.ctx, force=True)
            assert again.state == "confirmed"
        assert outbox.send_pending(venue.ctx, force=True) == []  # confirmed: never sent again
    assert _imports(hq) == (1, n)
    figures = _stats(hq)
    assert figures["workshops"] == 1 and figures["participants_registered"] == n
