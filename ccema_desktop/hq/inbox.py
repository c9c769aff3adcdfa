"""What headquarters does with an uploaded bundle, independent of HTTP (the server calls this on a thread).

In order, for `PUT /bundles/{id}` (see `Reply.status` for what each outcome answers):

1. the envelope: a canonical CCEMA bundle whose id is the one in the address (else 400), signed by the key
   it names (else 422);
2. the device: revoked -> 403; a key other than the one headquarters pinned for it -> 422;
3. the content: decrypted with the headquarters key and checked completely, records included (else 422);
   a bundle id headquarters already has with other content -> 409; with the same content -> its receipt
   again (idempotent: retries never duplicate anything);
4. the raw file is stored durably in `DATA/inbox/received/<id>.ccema-bundle.json` (written while it
   arrived to `DATA/inbox/incoming/`, flushed to disk, renamed, folder flushed) before anything is
   answered;
5. an approved device's bundle is merged (one transaction, the existing merge) and answered 200 with a
   signed receipt; an unknown or pending device's bundle is held for a coordinator (202, signed "held"
   receipt), at most `max_held_per_device` per device and `max_pending_devices` devices (else 429).

A rejected bundle is never recorded as imported, so sending it again after the cause is fixed works. A
stored bundle whose merge was interrupted (server killed) is merged when the inbox starts again, and
leftovers of interrupted uploads in `incoming/` are removed then.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import threading
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from ccema_desktop.context import AppContext
from ccema_desktop.i18n import _
from ccema_desktop.services import devices
from ccema_desktop.storage.models import InboxDevice, InboxHeld, SyncImport, utcnow
from ccema_desktop.sync import envelope
from ccema_desktop.sync.envelope import MAX_BUNDLE_BYTES, BundleRejected, OpenedBundle
from ccema_desktop.sync.keys import HeadquartersKeys, load_headquarters
from ccema_desktop.sync.merge import check_records, merge_bundle
from ccema_desktop.sync.receipts import HELD, IMPORTED, make_receipt

log = logging.getLogger(__name__)

BUNDLE_SUFFIX = ".ccema-bundle.json"
PART_SUFFIX = ".part"


@dataclass(frozen=True)
class InboxLimits:
    max_bytes: int = MAX_BUNDLE_BYTES
    max_held_per_device: int = 100
    max_pending_devices: int = 200


@dataclass(frozen=True)
class Reply:
    """An answer for the HTTP layer: status code and JSON body (plus headers such as Retry-After).

    200 imported (receipt), 202 held (receipt), 400 not a bundle, 403 revoked device, 404 unknown bundle,
    409 another bundle under this id, 413 too large, 422 a bundle that fails a check, 429 too many held.
    """

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)


def _problem(status: int, error: str, reason: str, **extra: Any) -> Reply:
    state = {403: "refused", 409: "conflict", 429: "busy"}.get(status, "rejected")
    return Reply(status, {"state": state, "error": error, "reason": reason, **extra})


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class RecoveryReport:
    removed_parts: int = 0
    processed: int = 0


class Inbox:
    """One headquarters data folder and database receiving uploads. Thread-safe; merges one at a time."""

    def __init__(
        self, ctx: AppContext, keys: HeadquartersKeys | None = None, limits: InboxLimits | None = None
    ) -> None:
        self.ctx = ctx
        self.keys = keys or load_headquarters(ctx.paths)
        self.limits = limits or InboxLimits()
        self.folder = ctx.paths.root / "inbox"
        self.incoming = self.folder / "incoming"
        self.received = self.folder / "received"
        self.rejected = self.folder / "rejected"
        self._merge_lock = threading.Lock()
        self._hold_lock = threading.Lock()
        for folder in (self.incoming, self.received, self.rejected):
            folder.mkdir(parents=True, exist_ok=True)
        # SQLite checkpoints its write-ahead log (and waits for the disk) whenever the last connection to
        # the file closes; an idle connection held for the inbox's life keeps that to the automatic
        # checkpoints, as one long `bundle import` run has. It never holds a transaction or a lock.
        self._keeper = ctx.db.engine.connect() if ctx.db.is_sqlite else None

    def close(self) -> None:
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None

    def __enter__(self) -> Inbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- start-up ---------------------------------------------------------------------------------------
    def prepare(self) -> RecoveryReport:
        """Make the folders, remove leftovers of interrupted uploads, finish stored but unmerged bundles."""
        report = RecoveryReport()
        for leftover in self.incoming.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()
                report.removed_parts += 1
        stored = {p.name.removesuffix(BUNDLE_SUFFIX): p for p in self.received.glob(f"*{BUNDLE_SUFFIX}")}
        if stored:
            with self.ctx.db.engine.connect() as conn:
                done = set(conn.execute(select(SyncImport.bundle_id)).scalars())
                done |= set(conn.execute(select(InboxHeld.bundle_id)).scalars())
            for bundle_id, path in sorted(stored.items()):
                if bundle_id in done:
                    continue
                try:
                    data = path.read_bytes()
                except OSError:
                    continue
                reply = self.process(bundle_id, data, stored=path)
                log.info("recovered %s: HTTP %s %s", bundle_id, reply.status, reply.body.get("state"))
                report.processed += 1
        return report

    def new_part(self) -> Path:
        """A fresh temporary file name for an upload in progress."""
        return self.incoming / f"{uuid.uuid4().hex}{PART_SUFFIX}"

    # --- an upload -------------------------------------------------------------------------------------
    def receive(self, bundle_id: str, part: Path) -> Reply:
        """Handle an upload written to `part` (always removed afterwards)."""
        try:
            if part.stat().st_size > self.limits.max_bytes:
                return self.too_large(part.stat().st_size)
            return self.process(bundle_id, part.read_bytes(), part=part)
        finally:
            part.unlink(missing_ok=True)

    def too_large(self, size: int | None = None) -> Reply:
        limit_mb = self.limits.max_bytes // 1024 // 1024
        return _problem(
            413,
            "too_large",
            _("A bundle is at most {limit} MB.").format(limit=limit_mb),
            limit=self.limits.max_bytes,
        )

    def process(
        self, bundle_id: str, data: bytes, part: Path | None = None, stored: Path | None = None
    ) -> Reply:
        """Every step for the bytes of one upload; `part` is renamed into the store, `stored` is there already."""
        if not _is_uuid(bundle_id):
            return _problem(400, "bad_id", _("The address does not name a bundle id."))
        try:
            header = envelope.read_envelope(data)
        except BundleRejected as exc:
            return _problem(400, "not_a_bundle", str(exc))
        if header["bundle_id"] != bundle_id:
            return _problem(
                400, "id_mismatch", _("The bundle's id is not the one in the address it was sent to.")
            )
        try:
            envelope.verify(header)
        except BundleRejected as exc:
            return _problem(422, "bad_signature", str(exc))
        with self.ctx.db.engine.connect() as conn:  # one connection for the whole request
            return self._process(conn, bundle_id, header, data, part, stored)

    def _process(
        self,
        conn: Connection,
        bundle_id: str,
        header: dict[str, Any],
        data: bytes,
        part: Path | None,
        stored: Path | None,
    ) -> Reply:
        device_id = str(header["device_id"])
        status = devices.device_status(conn, device_id)
        if status == devices.REVOKED:
            return _problem(
                403,
                "revoked",
                _("This laptop ({device}) was revoked at headquarters.").format(device=device_id),
            )
        hold = status != devices.APPROVED

        def check_sender(env: dict[str, Any]) -> None:
            devices.check_key(conn, str(env["device_id"]), str(env["device_public_key"]))

        try:
            bundle = envelope.open_bundle(data, self.keys, check_sender=check_sender)
            conn.rollback()
            if hold:  # an import checks the records itself; a held bundle must be importable later
                check_records(bundle)
        except BundleRejected as exc:
            return _problem(422, "rejected", str(exc))
        imported_hash = conn.execute(
            select(SyncImport.content_hash).where(SyncImport.bundle_id == bundle_id)
        ).scalar_one_or_none()
        held_hash = conn.execute(
            select(InboxHeld.content_hash).where(InboxHeld.bundle_id == bundle_id)
        ).scalar_one_or_none()
        conn.rollback()
        known_hash = imported_hash or held_hash
        if known_hash is not None and known_hash != bundle.content_hash:
            return _problem(
                409,
                "conflict",
                _(
                    "Headquarters already has a different bundle with the id {id}; this one was altered or "
                    "made by a faulty copy of the app."
                ).format(id=bundle_id),
            )
        if imported_hash is not None:
            return self._imported(conn, bundle)
        if held_hash is not None:
            return self._held(bundle)
        if hold:
            busy = self._hold_limits(conn, device_id)
            conn.rollback()
            if busy is not None:
                return busy
        try:
            path = stored or self._store(bundle_id, data, part)
        except FileExistsError:
            return _problem(
                409,
                "conflict",
                _("Headquarters already stored a different file under the bundle id {id}.").format(
                    id=bundle_id
                ),
            )
        if hold:
            return self._hold(bundle, data, path)
        return self._import(conn, bundle, path)

    def _store(self, bundle_id: str, data: bytes, part: Path | None) -> Path:
        """The raw file, durably in `received/` before anything is answered (flushed, renamed, folder flushed)."""
        target = self.received / f"{bundle_id}{BUNDLE_SUFFIX}"
        if target.exists():
            if hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(data).digest():
                return target  # the same upload again (its first try was cut before the answer)
            raise FileExistsError(target)
        own = part is None or not part.exists()
        if own:
            part = self.new_part()
        assert part is not None
        try:
            with part.open("wb" if own else "rb+") as fh:
                if own:
                    fh.write(data)
                    fh.flush()
                os.fsync(fh.fileno())
            os.replace(part, target)
        finally:
            if own:
                part.unlink(missing_ok=True)
        _fsync_folder(self.received)
        return target

    # --- outcomes --------------------------------------------------------------------------------------
    def _receipt_for_import(self, conn: Connection, bundle: OpenedBundle) -> dict[str, Any]:
        row = conn.execute(
            select(SyncImport.imported_at, SyncImport.records_new, SyncImport.records_updated).where(
                SyncImport.bundle_id == bundle.bundle_id
            )
        ).one()
        conn.rollback()
        at, new, updated = row
        return make_receipt(
            self.keys,
            bundle_id=bundle.bundle_id,
            device_id=bundle.device_id,
            workshop_id=bundle.workshop_id,
            content_hash=bundle.content_hash,
            status=IMPORTED,
            at=at,
            records_new=new,
            records_updated=updated,
        )

    def _imported(
        self, conn: Connection, bundle: OpenedBundle, result: dict[str, Any] | None = None
    ) -> Reply:
        body: dict[str, Any] = {
            "state": IMPORTED,
            "bundle_id": bundle.bundle_id,
            "receipt": self._receipt_for_import(conn, bundle),
        }
        if result is not None:
            body["result"] = result
        return Reply(200, body)

    def _import(self, conn: Connection, bundle: OpenedBundle, path: Path) -> Reply:
        with self._merge_lock:
            try:
                merged = merge_bundle(self.ctx.db, bundle, path.name, conn=conn)
            except BundleRejected as exc:
                self._set_aside(path, str(exc))
                return _problem(422, "rejected", str(exc))
        log.info(
            "imported %s from device %s: %s, %d new, %d updated, %d conflict(s)",
            bundle.bundle_id,
            bundle.device_id,
            merged.status,
            merged.new,
            merged.updated,
            merged.conflicts,
        )
        return self._imported(
            conn,
            bundle,
            {
                "status": merged.status,
                "new": merged.new,
                "updated": merged.updated,
                "conflicts": merged.conflicts,
                "tables": {n: {"new": c.new, "updated": c.updated} for n, c in merged.tables.items()},
            },
        )

    def _set_aside(self, path: Path, reason: str) -> None:
        """A stored bundle the merge refused: moved to `rejected/` with its reason (a retry starts afresh)."""
        with contextlib.suppress(OSError):
            dest = self.rejected / f"{path.name}.{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%f}"
            os.replace(path, dest)
            dest.with_name(dest.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")

    def _held(self, bundle: OpenedBundle, at: dt.datetime | None = None) -> Reply:
        if at is None:
            with self.ctx.db.transaction() as s:
                row = s.get(InboxHeld, bundle.bundle_id)
                at = row.received_at if row is not None else utcnow()
        receipt = make_receipt(
            self.keys,
            bundle_id=bundle.bundle_id,
            device_id=bundle.device_id,
            workshop_id=bundle.workshop_id,
            content_hash=bundle.content_hash,
            status=HELD,
            at=at,
        )
        return Reply(
            202,
            {
                "state": HELD,
                "bundle_id": bundle.bundle_id,
                "reason": _(
                    "Headquarters has not approved this laptop ({device}) yet; the bundle is kept until a "
                    "coordinator does."
                ).format(device=bundle.device_id),
                "receipt": receipt,
            },
        )

    def _hold_limits(self, conn: Connection, device_id: str) -> Reply | None:
        held = conn.execute(
            select(func.count()).select_from(InboxHeld).where(InboxHeld.device_id == device_id)
        ).scalar_one()
        if held >= self.limits.max_held_per_device:
            return _problem(
                429,
                "too_many_held",
                _("Too many bundles of this laptop are waiting for a coordinator's approval."),
            )
        known = conn.execute(
            select(InboxDevice.device_id).where(InboxDevice.device_id == device_id)
        ).scalar_one_or_none()
        if known is None:
            pending = conn.execute(
                select(func.count()).select_from(InboxDevice).where(InboxDevice.status == devices.PENDING)
            ).scalar_one()
            if pending >= self.limits.max_pending_devices:
                return _problem(
                    429,
                    "too_many_pending",
                    _("Too many laptops are waiting for a coordinator's approval."),
                )
        return None

    def _hold(self, bundle: OpenedBundle, data: bytes, path: Path) -> Reply:
        now = utcnow()
        payload = zlib.compress(
            json.dumps(bundle.payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1
        )
        header = {k: v for k, v in bundle.envelope.items() if k not in ("payload", "signature")}
        with self._hold_lock, self.ctx.db.transaction() as s:
            device = s.get(InboxDevice, bundle.device_id)
            if device is None:
                s.add(
                    InboxDevice(
                        device_id=bundle.device_id,
                        public_key=bundle.device_public_key,
                        status=devices.PENDING,
                        first_seen=now,
                        last_seen=now,
                        decided_at=None,
                        uploads=1,
                    )
                )
            else:
                device.last_seen = now
                device.uploads += 1
                if not device.public_key:
                    device.public_key = bundle.device_public_key
            if s.get(InboxHeld, bundle.bundle_id) is None:
                s.add(
                    InboxHeld(
                        bundle_id=bundle.bundle_id,
                        device_id=bundle.device_id,
                        workshop_id=bundle.workshop_id,
                        file_sha256=hashlib.sha256(data).hexdigest(),
                        content_hash=bundle.content_hash,
                        header=header,
                        payload=payload,
                        size=len(data),
                        received_at=now,
                        file_name=path.name,
                    )
                )
        log.info("held %s from device %s (not approved yet)", bundle.bundle_id, bundle.device_id)
        return self._held(bundle, at=now)

    # --- questions about a bundle ------------------------------------------------------------------------
    def receipt(self, bundle_id: str) -> Reply:
        """`GET /bundles/{id}/receipt`: 200 with the receipt once imported (by upload or from a file),
        202 while held, 404 when headquarters does not have it."""
        if not _is_uuid(bundle_id):
            return _problem(400, "bad_id", _("The address does not name a bundle id."))
        with self.ctx.db.transaction() as s:
            imported = s.get(SyncImport, bundle_id)
            held = s.get(InboxHeld, bundle_id) if imported is None else None
            if imported is not None:
                receipt = make_receipt(
                    self.keys,
                    bundle_id=bundle_id,
                    device_id=imported.device_id,
                    workshop_id=imported.workshop_id,
                    content_hash=imported.content_hash,
                    status=IMPORTED,
                    at=imported.imported_at,
                    records_new=imported.records_new,
                    records_updated=imported.records_updated,
                )
                return Reply(200, {"state": IMPORTED, "bundle_id": bundle_id, "receipt": receipt})
            if held is not None:
                receipt = make_receipt(
                    self.keys,
                    bundle_id=bundle_id,
                    device_id=held.device_id,
                    workshop_id=held.workshop_id,
                    content_hash=held.content_hash,
                    status=HELD,
                    at=held.received_at,
                )
                return Reply(202, {"state": HELD, "bundle_id": bundle_id, "receipt": receipt})
        return Reply(
            404,
            {
                "state": "unknown",
                "bundle_id": bundle_id,
                "reason": _("Headquarters does not have this bundle."),
            },
        )
