"""Laptops known to headquarters, and the coordinator's decisions about them (approve, revoke).

Two ways in, two rules:

- **Files** (`ccema bundle import`, the coordinator's import screen): the coordinator chose the file, so a
  laptop seen for the first time is trusted (its key is pinned). That is the approval.
- **The HTTP inbox** (`ccema hq serve`): anyone who has the (public) headquarters key can upload, so a
  laptop headquarters has never seen is `pending`: its bundles are checked and *held*, not imported, until
  a coordinator approves it (`ccema hq approve DEVICE`), which imports them. A laptop can be approved in
  advance by its device id (`ccema device show` on the laptop prints it).

A revoked laptop's uploads are refused (HTTP 403) until it is approved again; nothing is ever deleted (held
bundles of a revoked laptop stay held). File imports are not affected by the approval queue; an importer
that should also refuse revoked laptops' files calls `check_not_revoked` in its sender check.

Status of a device: its `inbox_device` row when there is one (pending, approved or revoked); otherwise
approved when bundles of it were imported (`sync_device`), else unknown.
"""

from __future__ import annotations

import binascii
import datetime as dt
import json
import uuid
import zlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import InboxDevice, InboxHeld, SyncDevice, utcnow
from ccema_desktop.sync.envelope import BundleRejected, OpenedBundle
from ccema_desktop.sync.keys import key_id, unb64

PENDING, APPROVED, REVOKED = "pending", "approved", "revoked"
DEVICE_STATUSES = (PENDING, APPROVED, REVOKED)


@dataclass(frozen=True)
class DeviceView:
    device_id: str
    fingerprint: str  # first 16 hex digits of SHA-256 of the raw signing key ("" before its first bundle)
    status: str  # pending | approved | revoked
    first_seen: dt.datetime | None
    last_seen: dt.datetime | None
    bundles: int  # bundles imported from it
    held: int  # bundles waiting for approval
    public_key: str = ""
    decided_at: dt.datetime | None = None

    def as_json(self) -> dict[str, Any]:
        def iso(value: dt.datetime | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "device_id": self.device_id,
            "public_key": self.public_key,
            "first_seen": iso(self.first_seen),
            "last_seen": iso(self.last_seen),
            "bundles": self.bundles,
            "status": self.status,
            "fingerprint": self.fingerprint,
            "held": self.held,
            "decided_at": iso(self.decided_at),
        }


@dataclass(frozen=True)
class HeldView:
    bundle_id: str
    device_id: str
    workshop_id: str
    received_at: dt.datetime
    size: int
    file_name: str

    def as_json(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "device_id": self.device_id,
            "workshop_id": self.workshop_id,
            "received_at": self.received_at.isoformat(),
            "bytes": self.size,
            "file_name": self.file_name,
        }


@dataclass
class ApprovalResult:
    device_id: str
    imported: int = 0  # held bundles merged (or already there)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (bundle id, reason)
    in_advance: bool = False  # the device has sent nothing yet

    def as_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "status": APPROVED,
            "imported": self.imported,
            "rejected": [{"bundle_id": b, "reason": r} for b, r in self.rejected],
            "in_advance": self.in_advance,
        }


def fingerprint(public_key: str) -> str:
    if not public_key:
        return ""
    try:
        return key_id(unb64(public_key))
    except (ValueError, binascii.Error, UnicodeEncodeError):
        return ""


def _check_id(device_id: str) -> str:
    try:
        return str(uuid.UUID(device_id.strip()))
    except ValueError:
        raise ValidationError(
            _(
                "'{device}' is not a device id (they look like 0f8e...-...; 'ccema hq devices' lists them)."
            ).format(device=device_id)
        ) from None


# --- decisions as the inbox needs them -------------------------------------------------------------------
def device_status(conn: Connection, device_id: str) -> str | None:
    """pending, approved or revoked; None for a device headquarters has never seen nor decided about."""
    status = conn.execute(
        select(InboxDevice.status).where(InboxDevice.device_id == device_id)
    ).scalar_one_or_none()
    if status is not None:
        return str(status)
    known = conn.execute(
        select(SyncDevice.device_id).where(SyncDevice.device_id == device_id)
    ).scalar_one_or_none()
    return APPROVED if known is not None else None


def check_key(conn: Connection, device_id: str, public_key: str) -> None:
    """The device keeps the key it was first seen with, by file import or by the inbox (else: impostor)."""
    pinned = conn.execute(
        select(SyncDevice.public_key).where(SyncDevice.device_id == device_id)
    ).scalar_one_or_none()
    if pinned is None:
        pinned = conn.execute(
            select(InboxDevice.public_key).where(InboxDevice.device_id == device_id)
        ).scalar_one_or_none()
    if pinned and pinned != public_key:
        raise BundleRejected(
            _(
                "The device {device} is known to headquarters with another signing key: this bundle was "
                "signed by someone else under that device's name. If that laptop was really reinstalled with "
                "new keys, run 'ccema hq forget-device {device}' at headquarters first."
            ).format(device=device_id)
        )


def check_not_revoked(conn: Connection, device_id: str) -> None:
    """For an importer that refuses revoked laptops' bundles (approving a laptop again lets them in)."""
    status = conn.execute(
        select(InboxDevice.status).where(InboxDevice.device_id == device_id)
    ).scalar_one_or_none()
    if status == REVOKED:
        raise BundleRejected(
            _(
                "The device {device} was revoked at headquarters, so its bundles are not imported. Run "
                "'ccema hq approve {device}' first if it should be trusted again."
            ).format(device=device_id)
        )


# --- listing -------------------------------------------------------------------------------------------
def list_devices(db: Database) -> list[DeviceView]:
    """Every laptop headquarters knows: imported from, waiting for approval, approved or revoked."""
    with db.engine.connect() as conn:
        synced = {d.device_id: d for d in conn.execute(select(SyncDevice))}
        decided = {d.device_id: d for d in conn.execute(select(InboxDevice))}
        held: dict[str, int] = {
            device: n
            for device, n in conn.execute(
                select(InboxHeld.device_id, func.count()).group_by(InboxHeld.device_id)
            )
        }
    views: list[DeviceView] = []
    for device_id in set(synced) | set(decided) | set(held):
        s, d = synced.get(device_id), decided.get(device_id)
        public_key = (s.public_key if s is not None else "") or (d.public_key if d is not None else "")
        # A row made by a decision in advance records no visit: only uploads and imports count as seen.
        visited = d if d is not None and d.uploads else None
        seen_first = [t for t in (s and s.first_seen, visited and visited.first_seen) if t]
        seen_last = [t for t in (s and s.last_seen, visited and visited.last_seen) if t]
        views.append(
            DeviceView(
                device_id=device_id,
                fingerprint=fingerprint(public_key),
                status=str(d.status) if d is not None else APPROVED if s is not None else PENDING,
                first_seen=_aware(min(seen_first)) if seen_first else None,
                last_seen=_aware(max(seen_last)) if seen_last else None,
                bundles=int(s.bundles) if s is not None else 0,
                held=held.get(device_id, 0),
                public_key=public_key,
                decided_at=_aware(d.decided_at) if d is not None and d.decided_at else None,
            )
        )
    order = {PENDING: 0, APPROVED: 1, REVOKED: 2}
    far = dt.datetime.min.replace(tzinfo=dt.UTC)
    views.sort(key=lambda v: (order.get(v.status, 3), -(v.last_seen or far).timestamp(), v.device_id))
    return views


def _aware(value: Any) -> dt.datetime:
    """Rows read with Core queries come back naive on SQLite; they are UTC."""
    assert isinstance(value, dt.datetime)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def held_bundles(db: Database, device_id: str | None = None) -> list[HeldView]:
    query = select(
        InboxHeld.bundle_id,
        InboxHeld.device_id,
        InboxHeld.workshop_id,
        InboxHeld.received_at,
        InboxHeld.size,
        InboxHeld.file_name,
    ).order_by(InboxHeld.received_at, InboxHeld.bundle_id)
    if device_id is not None:
        query = query.where(InboxHeld.device_id == device_id)
    with db.transaction() as s:
        return [HeldView(b, d, w, _aware(r), int(n), f) for b, d, w, r, n, f in s.execute(query)]


# --- decisions -----------------------------------------------------------------------------------------
def _decide(db: Database, device_id: str, status: str, allow_unknown: bool) -> bool:
    """Record the decision; returns True when the device had never been seen."""
    now = utcnow()
    with db.transaction() as s:
        row = s.get(InboxDevice, device_id)
        synced = s.get(SyncDevice, device_id)
        unseen = row is None and synced is None
        if unseen and not allow_unknown:
            raise NotFoundError(
                _("No device {device}. Run 'ccema hq devices' to see them.").format(device=device_id)
            )
        if row is None:
            s.add(
                InboxDevice(
                    device_id=device_id,
                    public_key=synced.public_key if synced is not None else "",
                    status=status,
                    first_seen=synced.first_seen if synced is not None else now,
                    last_seen=synced.last_seen if synced is not None else now,
                    decided_at=now,
                    uploads=0,
                )
            )
        else:
            row.status = status
            row.decided_at = now
    return unseen


def held_bundle(row: InboxHeld) -> OpenedBundle:
    """The verified bundle a held row keeps (it was fully checked when it arrived)."""
    payload = json.loads(zlib.decompress(row.payload).decode("utf-8"))
    return OpenedBundle(dict(row.header), payload, row.content_hash)


def approve_device(db: Database, device_id: str) -> ApprovalResult:
    """Approve a laptop (also in advance, by its id) and import the bundles held for it, oldest first.

    Each held bundle is merged in its own transaction, then taken off the held list; a crash in between
    leaves it held, and approving again finds it already imported (idempotent).
    """
    from ccema_desktop.sync.merge import merge_bundle

    device_id = _check_id(device_id)
    result = ApprovalResult(device_id)
    result.in_advance = _decide(db, device_id, APPROVED, allow_unknown=True)
    with db.transaction() as s:
        ids = list(
            s.scalars(
                select(InboxHeld.bundle_id)
                .where(InboxHeld.device_id == device_id)
                .order_by(InboxHeld.received_at, InboxHeld.bundle_id)
            )
        )
    for bundle_id in ids:
        with db.transaction() as s:
            row = s.get(InboxHeld, bundle_id)
            if row is None:
                continue
            bundle, name = held_bundle(row), row.file_name
        try:
            merge_bundle(db, bundle, name)
        except BundleRejected as exc:
            result.rejected.append((bundle_id, str(exc)))
        else:
            result.imported += 1
        with db.transaction() as s:
            row = s.get(InboxHeld, bundle_id)
            if row is not None:
                s.delete(row)
    return result


def approve(db: Database, device_id: str) -> int:
    """Approve a laptop and import its held bundles; returns how many were imported."""
    return approve_device(db, device_id).imported


def revoke(db: Database, device_id: str) -> None:
    """Refuse a laptop's uploads (403) and file imports from now on; nothing of it is deleted."""
    _decide(db, _check_id(device_id), REVOKED, allow_unknown=False)
