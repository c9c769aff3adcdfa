"""Export: a complete snapshot of one workshop as a bundle file, so any later bundle supersedes an earlier one."""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ccema_desktop.context import DATABASE_ID_KEY, AppContext
from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _
from ccema_desktop.services.curriculum import CURRICULUM_VERSION_KEY
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.storage.models import AgendaSession, CurriculumModule, DbMeta, Exercise
from ccema_desktop.sync import envelope
from ccema_desktop.sync.keys import NotEnrolledError, enrolled_headquarters, ensure_device_key
from ccema_desktop.sync.registry import REGISTRY


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    workshop_id: str
    workshop_code: str
    encrypted: bool
    recipient: str | None
    size: int
    records: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "bundle_id": self.bundle_id,
            "workshop_id": self.workshop_id,
            "workshop_code": self.workshop_code,
            "encrypted": self.encrypted,
            "recipient": self.recipient,
            "bytes": self.size,
            "records": self.records,
        }


def _meta(s: Session, key: str) -> str:
    row = s.get(DbMeta, key)
    return row.value if row else ""


def _curriculum(s: Session, workshop_id: str) -> dict[str, Any]:
    """References to the exercises the agenda uses: each installation has its own curriculum UUIDs."""
    used = select(AgendaSession.exercise_id).where(AgendaSession.workshop_id == workshop_id)
    exercises = s.execute(
        select(Exercise.id, Exercise.module_id, Exercise.code, Exercise.is_custom)
        .where(Exercise.id.in_(used))
        .order_by(Exercise.id)
    ).all()
    module_ids = sorted({e.module_id for e in exercises})
    modules = s.execute(
        select(CurriculumModule.id, CurriculumModule.number).where(CurriculumModule.id.in_(module_ids))
    ).all()
    return {
        "version": _meta(s, CURRICULUM_VERSION_KEY),
        "modules": [{"id": m.id, "number": m.number} for m in sorted(modules, key=lambda m: m.number)],
        "exercises": [
            {"id": e.id, "module_id": e.module_id, "code": e.code, "is_custom": bool(e.is_custom)}
            for e in exercises
        ],
    }


def build_payload(s: Session, workshop_id: str, device_id: str, bundle_id: str) -> dict[str, Any]:
    """Every record of the workshop, table by table, in the registry's order."""
    records: dict[str, list[dict[str, Any]]] = {}
    for synced in REGISTRY:
        table = synced.table
        rows = s.execute(
            select(table).where(synced.scope.where(table, workshop_id)).order_by(table.c.id)
        ).all()
        records[synced.name] = [synced.encode(row) for row in rows]
    return {
        "bundle_id": bundle_id,
        "device_id": device_id,
        "workshop_id": workshop_id,
        "database_id": _meta(s, DATABASE_ID_KEY),
        "exported_at": dt.datetime.now(dt.UTC).isoformat(),
        "curriculum": _curriculum(s, workshop_id),
        "form_versions": [],
        "records": records,
    }


def _write_atomically(out: Path, data: bytes) -> None:
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KnownError(
            _("Cannot write the bundle to {path} ({reason}). Check the folder and the free space.").format(
                path=out, reason=exc.strerror or exc
            )
        ) from exc


def export_bundle(ctx: AppContext, workshop_ref: str, out: Path, plain: bool = False) -> ExportResult:
    """Write the workshop as a bundle, encrypted to the enrolled headquarters (or plain, on purpose)."""
    recipient = None if plain else enrolled_headquarters(ctx.paths)
    if recipient is None and not plain:
        raise NotEnrolledError(
            _(
                "This laptop has no headquarters key, so the bundle could not be encrypted. Get the key file "
                "from headquarters and run 'ccema device enroll FILE', or add --plain to export unencrypted "
                "on purpose."
            )
        )
    device_key = ensure_device_key(ctx.paths)
    bundle_id = str(uuid.uuid4())
    with ctx.db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        workshop_id, code = workshop.id, workshop.code
        payload = build_payload(s, workshop_id, ctx.db.device_id, bundle_id)
    data = envelope.seal(
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
        device_id=ctx.db.device_id,
        device_key=device_key,
        workshop_id=workshop_id,
        recipient=recipient,
        bundle_id=bundle_id,
    )
    if out.is_dir():
        out = out / f"{code}-{dt.datetime.now():%Y%m%d-%H%M%S}.ccema-bundle.json"
    _write_atomically(out, data)
    return ExportResult(
        path=out,
        bundle_id=bundle_id,
        workshop_id=workshop_id,
        workshop_code=code,
        encrypted=recipient is not None,
        recipient=recipient.key_id if recipient else None,
        size=len(data),
        records={name: len(rows) for name, rows in payload["records"].items()},
    )
