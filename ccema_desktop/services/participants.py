"""Participants: roster import (add or update, never delete), listing, and single edits.

A roster import is one transaction: it either lands whole or not at all, even if the process is killed.
Rows are written with bulk statements because rosters of thousands of rows must import in well under a
second; revision, device and timestamps are set here exactly as the ORM hook would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update

from ccema_desktop.domain.roster import RejectedRow, RosterPerson, name_key, parse_roster
from ccema_desktop.domain.vocab import fold
from ccema_desktop.importing.tabular import read_table
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import Enrolment, Participant, new_id, utcnow

_UPDATABLE = (
    "full_name",
    "sex",
    "organization",
    "sector",
    "position",
    "country",
    "email",
    "phone",
    "consent_contact",
    "language",
)


@dataclass(frozen=True)
class RowAction:
    row: int
    action: str  # add | update | reject
    full_name: str
    reason: str = ""


@dataclass
class ImportResult:
    added: int = 0
    updated: int = 0
    enrolled: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    rows: list[RowAction] = field(default_factory=list)
    written: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "enrolled": self.enrolled,
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "written": self.written,
        }


@dataclass(frozen=True)
class ParticipantView:
    id: str
    full_name: str
    sex: str
    organization: str
    sector: str
    position: str
    country: str
    email: str | None
    phone: str
    consent_contact: bool
    language: str

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _person_values(p: RosterPerson) -> dict[str, Any]:
    return {
        "full_name": p.full_name,
        "sex": p.sex,
        "organization": p.organization,
        "sector": p.sector,
        "position": p.position,
        "country": p.country,
        "email": p.email,
        "phone": p.phone,
        "consent_contact": p.consent_contact,
        "language": p.language,
    }


def import_roster(
    db: Database, workshop_ref: str, path: Path, strict: bool = False, dry_run: bool = False
) -> ImportResult:
    """Add new people, update known ones (same e-mail, or same name and organisation), enrol all.

    With `strict`, any rejected row means nothing is written. With `dry_run`, the result says what would
    happen (per row) and nothing is written.
    """
    table = read_table(path)
    people, rejected = parse_roster(table)
    result = ImportResult(rejected=rejected)
    result.rows.extend(RowAction(r.row, "reject", "", r.reason) for r in rejected)
    now = utcnow()
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        existing_rows = s.execute(
            select(
                Participant.id,
                Participant.email,
                Participant.name_key,
                Participant.organization_key,
                *[getattr(Participant, f) for f in _UPDATABLE],
            )
        ).all()
        current: dict[str, dict[str, Any]] = {}
        by_email: dict[str, str] = {}
        by_name_org: dict[tuple[str, str], str] = {}
        by_name_org_no_email: dict[tuple[str, str], str] = {}
        for row in existing_rows:
            current[row.id] = {f: getattr(row, f) for f in _UPDATABLE}
            if row.email:
                by_email[row.email] = row.id
            else:
                by_name_org_no_email[(row.name_key, row.organization_key)] = row.id
            by_name_org[(row.name_key, row.organization_key)] = row.id
        enrolled = set(
            s.scalars(select(Enrolment.participant_id).where(Enrolment.workshop_id == workshop.id))
        )

        inserts: dict[str, dict[str, Any]] = {}
        changed: dict[str, dict[str, Any]] = {}
        new_enrolments: list[dict[str, Any]] = []
        for person in people:
            key = (person.name_key, person.organization_key)
            pid = by_email.get(person.email) if person.email else by_name_org.get(key)
            if pid is None and person.email:
                pid = by_name_org_no_email.get(key)
            values = _person_values(person)
            if pid is None:
                pid = new_id()
                record = {
                    **values,
                    "sector": values["sector"] or "other",
                    "consent_contact": bool(values["consent_contact"]),
                }
                inserts[pid] = {
                    **record,
                    "id": pid,
                    "name_key": person.name_key,
                    "organization_key": person.organization_key,
                }
                current[pid] = record
                result.added += 1
                result.rows.append(RowAction(person.row, "add", person.full_name))
            else:
                old = current[pid]
                diff = {k: v for k, v in values.items() if v not in (None, "") and old.get(k) != v}
                if diff:
                    old.update(diff)
                    if pid in inserts:
                        inserts[pid].update(diff)
                        if "full_name" in diff or "organization" in diff:
                            inserts[pid]["name_key"] = name_key(inserts[pid]["full_name"])
                            inserts[pid]["organization_key"] = fold(inserts[pid]["organization"])
                    else:
                        changed[pid] = {**changed.get(pid, {}), **diff}
                result.updated += 1
                result.rows.append(RowAction(person.row, "update", person.full_name))
            if person.email:
                by_email[person.email] = pid
                by_name_org_no_email.pop(key, None)
            by_name_org[key] = pid
            if pid not in enrolled:
                enrolled.add(pid)
                new_enrolments.append({"id": new_id(), "workshop_id": workshop.id, "participant_id": pid})
        result.enrolled = len(new_enrolments)
        result.rows.sort(key=lambda r: r.row)
        if dry_run or (strict and rejected):
            return result
        common = {"created_at": now, "updated_at": now, "device_id": db.device_id, "revision": 1}
        if inserts:
            for record in inserts.values():
                record.update(common)
            s.connection().execute(insert(cast(Table, Participant.__table__)), list(inserts.values()))
        if changed:
            _apply_updates(s, changed, now, db.device_id, current)
        if new_enrolments:
            for record in new_enrolments:
                record.update(common, role="participant")
            s.connection().execute(insert(cast(Table, Enrolment.__table__)), new_enrolments)
        result.written = True
    return result


def _apply_updates(
    s: Any, changed: dict[str, dict[str, Any]], now: Any, device: str, current: dict[str, dict[str, Any]]
) -> None:
    """Write changed people with one executemany: the full row of updatable fields, revision + 1."""
    params = []
    for pid in changed:
        row = current[pid]
        params.append(
            {
                "b_id": pid,
                **{f"b_{f}": row[f] for f in _UPDATABLE},
                "b_name_key": name_key(row["full_name"]),
                "b_organization_key": fold(row["organization"]),
            }
        )
    stmt = (
        update(Participant)
        .where(Participant.id == bindparam("b_id"))
        .values(
            **{f: bindparam(f"b_{f}") for f in _UPDATABLE},
            name_key=bindparam("b_name_key"),
            organization_key=bindparam("b_organization_key"),
            revision=Participant.revision + 1,
            updated_at=now,
            device_id=device,
        )
        .execution_options(synchronize_session=False)
    )
    s.connection().execute(stmt, params)


def _view(p: Participant) -> ParticipantView:
    return ParticipantView(
        id=p.id,
        full_name=p.full_name,
        sex=p.sex,
        organization=p.organization,
        sector=p.sector,
        position=p.position,
        country=p.country,
        email=p.email,
        phone=p.phone,
        consent_contact=p.consent_contact,
        language=p.language,
    )


def list_participants(db: Database, workshop_ref: str) -> list[ParticipantView]:
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        rows = s.scalars(
            select(Participant)
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .where(Enrolment.workshop_id == workshop.id)
            .order_by(Participant.name_key)
        )
        return [_view(p) for p in rows]
