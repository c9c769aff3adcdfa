"""The laptop's outbox: bundles waiting to reach headquarters, sent when headquarters answers.

Closing a day or a workshop, and "Sync now", queue a fresh bundle (a complete snapshot of the workshop) in
`DATA/outbox/`: the bundle file `<bundle id>.ccema-bundle.json` and a small state file
`<bundle id>.state.json` beside it, both written atomically (temporary file, flush to disk, rename), so the
outbox survives crashes and restarts and is resumed where it stopped.

Each bundle has one state:

- `waiting`: queued, not sent yet;
- `sending`: an upload is under way (after a crash it is simply sent again);
- `delivered`: headquarters stored it and signed a receipt saying it is held until a coordinator approves
  this laptop; the outbox asks again later;
- `confirmed`: headquarters imported it and returned a signed receipt this laptop verified with the key it
  enrolled (bundle id and content hash match);
- `failed`: the last try did not work; `last_error` says why in plain words and `next_attempt_at` when the
  next try is due (exponential back-off).

Sending is idempotent: headquarters recognises a bundle id it already has and answers with its receipt, so
a repeated or interrupted upload never creates a duplicate. Reachability is decided by contacting
headquarters itself (`GET {url}/health`), never by the operating system's "online" flag. Sync never deletes
anything: not the database, not the outbox's files. Only one sender works on an outbox at a time (a lock
file), so the desktop's background worker and `ccema sync` can run together.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import random
import sys
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ccema_desktop.context import AppContext
from ccema_desktop.errors import KnownError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.sync import envelope
from ccema_desktop.sync.client import InboxAnswer, InboxClient, InboxProblem, SendCancelled
from ccema_desktop.sync.export import build_payload
from ccema_desktop.sync.keys import (
    EnrolledHeadquarters,
    NotEnrolledError,
    enrolled_headquarters,
    ensure_device_key,
)
from ccema_desktop.sync.receipts import IMPORTED, ReceiptError, receipt_time, verify_receipt

WAITING, SENDING, DELIVERED, CONFIRMED, FAILED = "waiting", "sending", "delivered", "confirmed", "failed"
BUNDLE_STATES = (WAITING, SENDING, DELIVERED, CONFIRMED, FAILED)
BUNDLE_SUFFIX = ".ccema-bundle.json"
STATE_SUFFIX = ".state.json"
STATE_FORMAT = "ccema-outbox-state"
LOCK_FILE = ".sender.lock"

#: Back-off after a failure that may pass (no connection, timeout, busy): 30 s, 1 min, 2 min ... up to 1 h.
RETRY_FIRST = dt.timedelta(seconds=30)
RETRY_MAX = dt.timedelta(hours=1)
#: After headquarters refused a bundle (a later try only helps once something changed there).
RETRY_REFUSED = dt.timedelta(hours=6)
#: How often to ask again about a bundle headquarters holds for approval: 1 min, 2 min ... up to 1 h.
POLL_FIRST = dt.timedelta(minutes=1)
POLL_MAX = dt.timedelta(hours=1)
#: HTTP answers that say "later": a try after the back-off may work.
_TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class OutboxItem:
    """One bundle in the outbox and what became of it (read from its state file)."""

    bundle_id: str
    workshop_id: str
    workshop_code: str
    created_at: dt.datetime
    state: str
    attempts: int
    last_error: str  # plain words, in the language of the moment it failed; "" when it did not
    next_attempt_at: dt.datetime | None
    receipt: dict[str, Any] | None
    path: Path
    confirmed_at: dt.datetime | None = None
    delivered_at: dt.datetime | None = None
    last_attempt_at: dt.datetime | None = None
    size: int = 0
    content_hash: str = ""
    recipient: str = ""  # key id of the headquarters the bundle is encrypted to
    trigger: str = ""  # why it was queued: manual, closed, day, folder

    def as_json(self) -> dict[str, Any]:
        def iso(value: dt.datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "bundle_id": self.bundle_id,
            "workshop_id": self.workshop_id,
            "workshop_code": self.workshop_code,
            "created_at": iso(self.created_at),
            "state": self.state,
            "attempts": self.attempts,
            "last_error": self.last_error,
            "next_attempt_at": iso(self.next_attempt_at),
            "last_attempt_at": iso(self.last_attempt_at),
            "delivered_at": iso(self.delivered_at),
            "confirmed_at": iso(self.confirmed_at),
            "receipt": self.receipt,
            "path": str(self.path),
            "bytes": self.size,
            "recipient": self.recipient,
            "trigger": self.trigger,
        }


# --- files -----------------------------------------------------------------------------------------------
def outbox_folder(ctx: AppContext) -> Path:
    return ctx.paths.outbox


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomic(path: Path, data: bytes) -> None:
    """Temporary file in the same folder, flushed to disk, renamed over `path` (never half-written)."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_folder(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KnownError(
            _("Cannot write {path} ({reason}). Check the folder and the free space.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc


def _iso(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat() if value else None


def _time(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _state_path(folder: Path, bundle_id: str) -> Path:
    return folder / f"{bundle_id}{STATE_SUFFIX}"


def _save_state(folder: Path, record: dict[str, Any]) -> None:
    data = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    _write_atomic(_state_path(folder, record["bundle_id"]), data)


def _load_state(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != STATE_FORMAT:
        return None
    if not isinstance(record.get("bundle_id"), str) or record.get("state") not in BUNDLE_STATES:
        return None
    return record


def _item(folder: Path, record: dict[str, Any], sender_active: bool = True) -> OutboxItem:
    state = str(record["state"])
    if state == SENDING and not sender_active:
        state = WAITING  # the sender stopped mid-upload (crash, power cut): it is simply sent again
    receipt = record.get("receipt")
    return OutboxItem(
        bundle_id=str(record["bundle_id"]),
        workshop_id=str(record.get("workshop_id", "")),
        workshop_code=str(record.get("workshop_code", "")),
        created_at=_time(record.get("created_at")) or dt.datetime.fromtimestamp(0, dt.UTC),
        state=state,
        attempts=int(record.get("attempts", 0)),
        last_error=str(record.get("last_error", "")),
        next_attempt_at=_time(record.get("next_attempt_at")),
        receipt=receipt if isinstance(receipt, dict) else None,
        path=folder / str(record.get("file", f"{record['bundle_id']}{BUNDLE_SUFFIX}")),
        confirmed_at=_time(record.get("confirmed_at")),
        delivered_at=_time(record.get("delivered_at")),
        last_attempt_at=_time(record.get("last_attempt_at")),
        size=int(record.get("bytes", 0)),
        content_hash=str(record.get("content_hash", "")),
        recipient=str(record.get("recipient", "")),
        trigger=str(record.get("trigger", "")),
    )


def _records(folder: Path) -> list[dict[str, Any]]:
    if not folder.is_dir():
        return []
    records = [r for p in folder.glob(f"*{STATE_SUFFIX}") if (r := _load_state(p)) is not None]
    records.sort(key=lambda r: (str(r.get("created_at", "")), r["bundle_id"]))
    return records


# --- the sender lock -------------------------------------------------------------------------------------
@contextlib.contextmanager
def _sender_lock(folder: Path) -> Iterator[bool]:
    """Yields True when this caller may send (no other thread or process is sending from this outbox)."""
    folder.mkdir(parents=True, exist_ok=True)
    fh = (folder / LOCK_FILE).open("a+b")
    locked = False
    try:
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            locked = True
        except OSError:
            locked = False
        yield locked
    finally:
        if locked:
            with contextlib.suppress(OSError):
                if sys.platform == "win32":
                    import msvcrt

                    fh.seek(0)
                    msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
                else:
                    import fcntl

                    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()


def _sender_active(folder: Path) -> bool:
    if not (folder / LOCK_FILE).exists():
        return False
    with _sender_lock(folder) as free:
        return not free


# --- queueing --------------------------------------------------------------------------------------------
def _enrolled(ctx: AppContext) -> EnrolledHeadquarters:
    enrolled = enrolled_headquarters(ctx.paths)
    if enrolled is None:
        raise NotEnrolledError(
            _(
                "This laptop is not enrolled to a headquarters yet, so there is nowhere to send bundles. "
                "Get the key file from headquarters and run 'ccema device enroll FILE --url URL'."
            )
        )
    return enrolled


def queue_workshop(ctx: AppContext, workshop_ref: str, trigger: str = "manual") -> OutboxItem:
    """Export a fresh bundle of the workshop into the outbox (state `waiting`); earlier ones stay as they are.

    Every bundle is a complete snapshot and headquarters never goes back to an older revision, so older
    bundles still waiting do no harm when they arrive after a newer one.
    """
    enrolled = _enrolled(ctx)
    device_key = ensure_device_key(ctx.paths)
    bundle_id = str(uuid.uuid4())
    with ctx.db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        workshop_id, code = workshop.id, workshop.code
        payload = build_payload(s, workshop_id, ctx.db.device_id, bundle_id)
    plain = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    data = envelope.seal(
        plain,
        device_id=ctx.db.device_id,
        device_key=device_key,
        workshop_id=workshop_id,
        recipient=enrolled,
        bundle_id=bundle_id,
    )
    folder = outbox_folder(ctx)
    name = f"{bundle_id}{BUNDLE_SUFFIX}"
    _write_atomic(folder / name, data)
    now = dt.datetime.now(dt.UTC)
    record: dict[str, Any] = {
        "format": STATE_FORMAT,
        "version": 1,
        "bundle_id": bundle_id,
        "workshop_id": workshop_id,
        "workshop_code": code,
        "created_at": _iso(now),
        "state": WAITING,
        "attempts": 0,
        "last_error": "",
        "next_attempt_at": None,
        "receipt": None,
        "file": name,
        "bytes": len(data),
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "content_hash": hashlib.sha256(plain).hexdigest(),
        "recipient": enrolled.key_id,
        "trigger": trigger,
    }
    _save_state(folder, record)
    return _item(folder, record)


def queue_on_close(ctx: AppContext, workshop_ref: str, trigger: str = "closed") -> OutboxItem | None:
    """What closing a day or a workshop calls: queue a bundle when a headquarters is enrolled, else None."""
    if enrolled_headquarters(ctx.paths) is None:
        return None
    return queue_workshop(ctx, workshop_ref, trigger=trigger)


def close_workshop(ctx: AppContext, workshop_ref: str) -> OutboxItem | None:
    """Set the workshop's status to closed and queue its bundle (when a headquarters is enrolled)."""
    from ccema_desktop.services.workshops import set_status

    set_status(ctx.db, workshop_ref, "closed")
    return queue_on_close(ctx, workshop_ref, trigger="closed")


def list_items(ctx: AppContext) -> list[OutboxItem]:
    """Every bundle in the outbox, oldest first."""
    folder = outbox_folder(ctx)
    records = _records(folder)
    active = _sender_active(folder) if any(r["state"] == SENDING for r in records) else False
    return [_item(folder, r, active) for r in records]


def save_to_folder(ctx: AppContext, workshop_ref: str, folder: Path) -> Path:
    """'Save bundle to USB/folder': a fresh bundle written to `folder`, for venues without a connection.

    The bundle is also kept in the outbox, so the laptop shows it confirmed once headquarters imported it
    (headquarters answers about it when a connection comes) and sends it itself if it gets the chance.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(
            _("The folder {folder} does not exist (is the USB stick plugged in?). Choose another.").format(
                folder=folder
            )
        )
    item = queue_workshop(ctx, workshop_ref, trigger="folder")
    stamp = item.created_at.astimezone().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{item.workshop_code}-{stamp}{BUNDLE_SUFFIX}"
    n = 1
    while target.exists():
        target = folder / f"{item.workshop_code}-{stamp}-{n}{BUNDLE_SUFFIX}"
        n += 1
    _write_atomic(target, item.path.read_bytes())
    return target


# --- headquarters ----------------------------------------------------------------------------------------
def hq_url(ctx: AppContext) -> str | None:
    """The inbox URL given to `ccema device enroll --url`, or None (no enrolment, or enrolled without one)."""
    enrolled = enrolled_headquarters(ctx.paths)
    return enrolled.inbox_url if enrolled else None


def _no_url() -> KnownError:
    return KnownError(
        _(
            "This laptop knows no inbox address for headquarters. Enroll again with "
            "'ccema device enroll FILE --url URL', or save bundles to a USB stick."
        )
    )


def _check_health(client: InboxClient, enrolled: EnrolledHeadquarters) -> str:
    body = client.health()
    theirs = body.get("key_id")
    if isinstance(theirs, str) and theirs != enrolled.key_id:
        raise InboxProblem(
            _(
                "The inbox at {url} belongs to another headquarters (key {theirs}); this laptop is enrolled "
                "to key {ours}. Check the inbox address or enroll again."
            ).format(url=client.url, theirs=theirs, ours=enrolled.key_id),
            transient=False,
        )
    return _("Headquarters answered at {url}.").format(url=client.url)


def check_reachable(ctx: AppContext, timeout: float = 3.0) -> tuple[bool, str]:
    """Contact headquarters itself (`GET {url}/health`): (True, what answered) or (False, why not)."""
    enrolled = enrolled_headquarters(ctx.paths)
    if enrolled is None:
        return False, _("This laptop is not enrolled to a headquarters.")
    if not enrolled.inbox_url:
        return False, str(_no_url())
    with InboxClient(enrolled.inbox_url, timeout) as client:
        try:
            return True, _check_health(client, enrolled)
        except InboxProblem as exc:
            return False, exc.reason


# --- sending ---------------------------------------------------------------------------------------------
def _backoff(attempts: int, first: dt.timedelta, most: dt.timedelta) -> dt.timedelta:
    delay = first * (2 ** max(attempts - 1, 0)) if attempts < 32 else most
    delay = min(delay, most)
    return delay * random.uniform(0.9, 1.1)  # spreading retries, not security


def _due(record: dict[str, Any], now: dt.datetime, force: bool) -> bool:
    state = record["state"]
    if state in (WAITING, SENDING):
        return True
    if state in (FAILED, DELIVERED):
        due = _time(record.get("next_attempt_at"))
        return force or due is None or due <= now
    return False


def _fail(
    record: dict[str, Any], reason: str, now: dt.datetime, transient: bool, retry_after: float | None = None
) -> None:
    attempts = int(record.get("attempts", 0))
    delay = _backoff(attempts, RETRY_FIRST, RETRY_MAX) if transient else RETRY_REFUSED
    if retry_after is not None:
        delay = max(delay, dt.timedelta(seconds=min(retry_after, RETRY_REFUSED.total_seconds())))
    record.update(state=FAILED, last_error=reason, next_attempt_at=_iso(now + delay))


def _refusal(answer: InboxAnswer) -> tuple[str, bool]:
    """Plain words for an HTTP answer that is not a receipt, and whether a later try may work."""
    status, detail = answer.status, answer.reason or "-"
    if status == 400:
        return _("Headquarters could not read the bundle ({reason}).").format(reason=detail), False
    if status == 403:
        return (
            _(
                "Headquarters refuses bundles from this laptop: the coordinator revoked it ({reason}). "
                "Ask the coordinator to approve this laptop again."
            ).format(reason=detail),
            False,
        )
    if status == 409:
        return _("Headquarters has a different bundle under the same id ({reason}).").format(
            reason=detail
        ), False
    if status == 413:
        return (
            _(
                "The bundle is larger than headquarters accepts over the network ({reason}). Save it to a "
                "USB stick instead."
            ).format(reason=detail),
            False,
        )
    if status == 422:
        return _("Headquarters refused the bundle: {reason}").format(reason=detail), False
    if status == 429:
        return _("Headquarters is receiving too much at the moment; trying again later."), True
    if status == 503:
        return _("Headquarters is busy; trying again later."), True
    if status >= 500 or status in _TRANSIENT_STATUSES:
        return _("Headquarters had a problem (HTTP {status}); trying again later.").format(
            status=status
        ), True
    return _("Headquarters answered HTTP {status}: {reason}").format(status=status, reason=detail), False


def _take_receipt(
    record: dict[str, Any], answer: InboxAnswer, enrolled: EnrolledHeadquarters, now: dt.datetime
) -> None:
    """A 200/202 answer: verify its receipt and move the bundle to confirmed or delivered."""
    receipt = answer.body.get("receipt")
    try:
        status = verify_receipt(
            receipt,
            enrolled,
            bundle_id=record["bundle_id"],
            content_hash=record.get("content_hash") or None,
        )
    except ReceiptError as exc:
        _fail(record, str(exc), now, transient=True)
        return
    assert isinstance(receipt, dict)
    record["receipt"] = receipt
    record["last_error"] = ""
    if status == IMPORTED:
        record.update(
            state=CONFIRMED,
            confirmed_at=_iso(receipt_time(receipt) or now),
            next_attempt_at=None,
        )
        record["delivered_at"] = record.get("delivered_at") or _iso(now)
        return
    polls = int(record.get("polls", 0)) + 1
    record.update(
        state=DELIVERED,
        delivered_at=record.get("delivered_at") or _iso(now),
        polls=polls,
        next_attempt_at=_iso(now + _backoff(polls, POLL_FIRST, POLL_MAX)),
    )


def _send_one(
    client: InboxClient,
    folder: Path,
    record: dict[str, Any],
    enrolled: EnrolledHeadquarters,
    now: dt.datetime,
    cancelled: Cancelled | None,
) -> None:
    bundle_id = record["bundle_id"]
    if record["state"] == DELIVERED:  # headquarters has it: ask what became of it
        try:
            answer = client.receipt(bundle_id)
        except InboxProblem as exc:
            polls = int(record.get("polls", 0)) + 1
            record.update(polls=polls, next_attempt_at=_iso(now + _backoff(polls, POLL_FIRST, POLL_MAX)))
            record["last_error"] = exc.reason
            return
        if answer.status in (200, 202):
            _take_receipt(record, answer, enrolled, now)
            if record["state"] == FAILED:  # a bad receipt does not undo the delivery: ask again later
                record["state"] = DELIVERED
        elif answer.status == 404:  # headquarters lost it (restored a backup?): send it again
            record.update(state=WAITING, next_attempt_at=None, receipt=None)
        else:
            reason, _transient = _refusal(answer)
            polls = int(record.get("polls", 0)) + 1
            record.update(
                last_error=reason,
                polls=polls,
                next_attempt_at=_iso(now + _backoff(polls, POLL_FIRST, POLL_MAX)),
            )
        return
    record["attempts"] = int(record.get("attempts", 0)) + 1
    record["last_attempt_at"] = _iso(now)
    if record.get("recipient") and record["recipient"] != enrolled.key_id:
        _fail(
            record,
            _(
                "This bundle was made for another headquarters key ({theirs}); this laptop is now enrolled to "
                "{ours}. Queue a fresh bundle of the workshop."
            ).format(theirs=record["recipient"], ours=enrolled.key_id),
            now,
            transient=False,
        )
        return
    path = folder / str(record.get("file", f"{bundle_id}{BUNDLE_SUFFIX}"))
    try:
        data = path.read_bytes()
    except OSError as exc:
        _fail(
            record,
            _("The bundle file {path} cannot be read ({reason}); queue a fresh bundle.").format(
                path=path, reason=exc.strerror or exc
            ),
            now,
            transient=False,
        )
        return
    if len(data) > envelope.MAX_BUNDLE_BYTES:
        _fail(
            record,
            _(
                "The bundle is {size} MB, more than headquarters accepts ({limit} MB). The workshop is too "
                "large for one bundle; contact headquarters."
            ).format(size=round(len(data) / 1e6, 1), limit=envelope.MAX_BUNDLE_BYTES // 1024 // 1024),
            now,
            transient=False,
        )
        return
    record["state"] = SENDING
    _save_state(folder, record)
    try:
        answer = client.upload(bundle_id, data, cancelled)
    except SendCancelled:
        record.update(state=WAITING, attempts=record["attempts"] - 1)
        return
    except InboxProblem as exc:
        _fail(record, exc.reason, now, exc.transient, exc.retry_after)
        return
    if answer.status in (200, 202):
        _take_receipt(record, answer, enrolled, now)
        return
    reason, transient = _refusal(answer)
    _fail(record, reason, now, transient, answer.retry_after)


def send_pending(
    ctx: AppContext,
    now: dt.datetime | None = None,
    timeout: float = 10.0,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    force: bool = False,
) -> list[OutboxItem]:
    """Send the bundles that are due and ask about delivered ones; returns the bundles tried, as they are now.

    Due: waiting ones, and failed or delivered ones whose next attempt has come (`force`: all of them, as
    "Sync now" wants). Headquarters is contacted first; when it does not answer, every due bundle is marked
    failed with the reason and its next attempt. Raises KnownError only when there is nowhere to send to.
    Returns [] at once when another sender is working on this outbox.
    """
    enrolled = _enrolled(ctx)
    if not enrolled.inbox_url:
        raise _no_url()
    now = now or dt.datetime.now(dt.UTC)
    folder = outbox_folder(ctx)
    with _sender_lock(folder) as mine:
        if not mine:
            return []
        due = [r for r in _records(folder) if _due(r, now, force)]
        if not due:
            return []
        done: list[dict[str, Any]] = []
        with InboxClient(enrolled.inbox_url, timeout) as client:
            try:
                _check_health(client, enrolled)
            except InboxProblem as exc:
                for record in due:
                    if record["state"] == DELIVERED:  # it is at headquarters: only the question waits
                        polls = int(record.get("polls", 0)) + 1
                        record.update(
                            polls=polls, next_attempt_at=_iso(now + _backoff(polls, POLL_FIRST, POLL_MAX))
                        )
                    else:
                        record["attempts"] = int(record.get("attempts", 0)) + 1
                        record["last_attempt_at"] = _iso(now)
                        _fail(record, exc.reason, now, exc.transient, exc.retry_after)
                    _save_state(folder, record)
                return [_item(folder, r) for r in due]
            for index, record in enumerate(due):
                if cancelled is not None and cancelled():
                    break
                if progress is not None:
                    progress(index, len(due))
                previous = record["state"]
                try:
                    _send_one(client, folder, record, enrolled, now, cancelled)
                finally:
                    if record["state"] == SENDING:  # interrupted by an exception: leave it to be sent again
                        record["state"] = previous if previous != SENDING else WAITING
                    _save_state(folder, record)
                done.append(record)
            if progress is not None:
                progress(len(done), len(due))
        return [_item(folder, r) for r in done]


def pending_count(ctx: AppContext) -> int:
    """Bundles not confirmed yet (waiting, sending, delivered or failed)."""
    return sum(1 for item in list_items(ctx) if item.state != CONFIRMED)
