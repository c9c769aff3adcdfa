"""Participants: roster import (add or update, never delete), listing, and single edits.

A roster import is one transaction: it either lands whole or not at all, even if the process is killed.
Rows are written with bulk statements because rosters of thousands of rows must import in well under a
second; revision, device and timestamps are set here exactly as the ORM hook would.

Single edits (add one person, change one field, remove from a workshop and undo) go through the ORM, so the
revision hook bumps revisions, and validate with the very rules a roster row meets (`domain.roster`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from ccema_desktop.domain.roster import (
    Problem,
    RejectedRow,
    RosterPerson,
    name_key,
    parse_roster,
    validate_person,
)
from ccema_desktop.domain.vocab import fold
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.importing.tabular import read_table
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import AgendaSession, Attendance, Enrolment, Participant, new_id, utcnow

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
    result.rows.extend(RowAction(r.row, "reject", r.full_name, r.reason) for r in rejected)
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
        first_row: dict[str, int] = {}  # person added by this file -> its first row
        for person in people:
            key = (person.name_key, person.organization_key)
            pid = by_email.get(person.email) if person.email else by_name_org.get(key)
            same_email = pid is not None and bool(person.email)
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
                first_row[pid] = person.row
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
                if pid in first_row:
                    why = _("same person as row {row}").format(row=first_row[pid])
                elif same_email:
                    why = _("already known: same e-mail")
                else:
                    why = _("already known: same name and organisation")
                result.rows.append(RowAction(person.row, "update", person.full_name, why))
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


# --- single edits ----------------------------------------------------------------------------------------------

#: Fields a person can change one at a time (the table's editable columns).
EDITABLE_FIELDS = ("full_name", "sex", "organization", "sector", "position", "country", "email", "phone")


class ParticipantInvalid(ValidationError):
    """Values refused for a person; `problems` maps each field to its reason, for messages next to fields."""

    def __init__(self, message: str, problems: Mapping[str, str]) -> None:
        super().__init__(message)
        self.problems = dict(problems)


@dataclass(frozen=True)
class AddedParticipant:
    participant: ParticipantView
    existing: bool  # True when a known person (same e-mail, or same name and organisation) was enrolled


@dataclass(frozen=True)
class RemovedEnrolment:
    """Everything needed to undo a removal: the enrolment row and that workshop's attendance marks."""

    workshop_id: str
    participant_id: str
    full_name: str
    enrolment: dict[str, Any]
    attendance: list[dict[str, Any]]


def _invalid(template: str, problems: list[Problem]) -> ParticipantInvalid:
    reasons = "; ".join(p.message for p in problems)
    return ParticipantInvalid(template.format(reasons=reasons), {p.field: p.message for p in problems})


def _same_person(s: Session, person: RosterPerson) -> Participant | None:
    """The identity rule of imports: same e-mail; else same name and organisation (without an e-mail)."""
    if person.email:
        found = s.scalars(select(Participant).where(Participant.email == person.email)).first()
        if found is not None:
            return found
    query = select(Participant).where(
        Participant.name_key == person.name_key, Participant.organization_key == person.organization_key
    )
    if person.email:
        query = query.where(Participant.email.is_(None))
    return s.scalars(query.order_by(Participant.created_at)).first()


def _enrolled(s: Session, workshop_id: str, participant_id: str) -> bool:
    found = s.scalars(
        select(Enrolment.id).where(
            Enrolment.workshop_id == workshop_id, Enrolment.participant_id == participant_id
        )
    ).first()
    return found is not None


def add_participant(db: Database, workshop_ref: str, values: Mapping[str, str]) -> AddedParticipant:
    """Add one person to a workshop from raw texts keyed by field (full_name, sex, organization, sector,
    position, country, email, phone), checked like a roster row.

    A person already known (same e-mail, or same name and organisation when there is no e-mail) is enrolled
    rather than duplicated, and what was typed fills in or updates their record like an import would.
    """
    person, problems = validate_person({k: v.strip() for k, v in values.items()})
    if person is None:
        raise _invalid(_("The participant was not added: {reasons}."), problems)
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        known = _same_person(s, person)
        if known is None:
            known = Participant(
                **_person_values(person),
                name_key=person.name_key,
                organization_key=person.organization_key,
            )
            known.sector = known.sector or "other"
            known.consent_contact = bool(person.consent_contact)
            s.add(known)
            s.flush()
            existing = False
        else:
            if _enrolled(s, workshop.id, known.id):
                raise ParticipantInvalid(
                    _("{name} is already a participant of this workshop.").format(name=known.full_name),
                    {"email" if person.email else "full_name": _("already a participant of this workshop")},
                )
            for key, value in _person_values(person).items():
                if value not in (None, "") and getattr(known, key) != value:
                    setattr(known, key, value)
            known.name_key = name_key(known.full_name)
            known.organization_key = fold(known.organization)
            existing = True
        s.add(Enrolment(workshop_id=workshop.id, participant_id=known.id, role="participant"))
        s.flush()
        return AddedParticipant(_view(known), existing)


def _get_participant(s: Session, participant_id: str) -> Participant:
    row = s.get(Participant, participant_id)
    if row is None:
        raise NotFoundError(_("This participant no longer exists. Reload the list and try again."))
    return row


def update_participant(db: Database, participant_id: str, field_name: str, value: str) -> ParticipantView:
    """Change one field of a person, checked like a roster cell; an empty value clears an optional field.

    Raises ParticipantInvalid (a ValidationError) with a message saying why nothing was saved.
    """
    if field_name not in EDITABLE_FIELDS:
        raise ValidationError(_("'{field}' cannot be edited.").format(field=field_name))
    text = value.strip()
    with db.transaction() as s:
        row = _get_participant(s, participant_id)
        values = {"full_name": row.full_name, field_name: text}
        person, problems = validate_person(values)
        if person is None:
            mine = [p for p in problems if p.field == field_name]
            raise _invalid(_("Not saved: {reasons}."), mine or problems)
        new: Any = {
            "full_name": person.full_name,
            "sex": person.sex,
            "organization": person.organization,
            "sector": person.sector or "other",
            "position": " ".join(text.split()),
            "country": person.country,
            "email": person.email,
            "phone": " ".join(text.split()),
        }[field_name]
        if field_name == "email" and new is not None:
            other = s.scalars(
                select(Participant).where(Participant.email == new, Participant.id != row.id)
            ).first()
            if other is not None:
                raise ParticipantInvalid(
                    _("Not saved: {email} is already the e-mail of {name}.").format(
                        email=new, name=other.full_name
                    ),
                    {"email": _("already the e-mail of {name}").format(name=other.full_name)},
                )
        if getattr(row, field_name) != new:
            setattr(row, field_name, new)
            row.name_key = name_key(row.full_name)
            row.organization_key = fold(row.organization)
            s.flush()
        return _view(row)


def _columns(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def remove_from_workshop(db: Database, workshop_ref: str, participant_id: str) -> RemovedEnrolment:
    """Take a person off a workshop with their attendance marks there; the person record is kept (they may
    attend other workshops). Returns what `restore_enrolment` needs to undo it."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        person = _get_participant(s, participant_id)
        enrolment = s.scalars(
            select(Enrolment).where(
                Enrolment.workshop_id == workshop.id, Enrolment.participant_id == participant_id
            )
        ).first()
        if enrolment is None:
            raise NotFoundError(
                _("{name} is not a participant of this workshop.").format(name=person.full_name)
            )
        marks = list(
            s.scalars(
                select(Attendance)
                .join(AgendaSession, AgendaSession.id == Attendance.session_id)
                .where(AgendaSession.workshop_id == workshop.id, Attendance.participant_id == participant_id)
            )
        )
        removed = RemovedEnrolment(
            workshop.id, participant_id, person.full_name, _columns(enrolment), [_columns(m) for m in marks]
        )
        for mark in marks:
            s.delete(mark)
        s.delete(enrolment)
        return removed


def restore_enrolment(db: Database, removed: RemovedEnrolment) -> ParticipantView:
    """Undo `remove_from_workshop`: the same enrolment and attendance marks come back (ids and revisions
    kept). Whatever was re-created meanwhile (e.g. by an import) is kept as it is."""
    with db.transaction() as s:
        load_workshop(s, removed.workshop_id)
        person = _get_participant(s, removed.participant_id)
        if not _enrolled(s, removed.workshop_id, removed.participant_id):
            s.add(Enrolment(**removed.enrolment))
        existing_marks = set(
            s.scalars(
                select(Attendance.session_id).where(Attendance.participant_id == removed.participant_id)
            )
        )
        live_sessions = set(
            s.scalars(select(AgendaSession.id).where(AgendaSession.workshop_id == removed.workshop_id))
        )
        for mark in removed.attendance:
            if mark["session_id"] in live_sessions and mark["session_id"] not in existing_marks:
                s.add(Attendance(**mark))
        s.flush()
        return _view(person)
