"""Attendance: mark per session, import in bulk, and per-participant rates against the certificate gate.

Marks are upserts keyed by (session, participant): marking again changes the status and bumps the
revision only when the status really changes, so repeating an import is harmless.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ccema_desktop.domain.roster import RejectedRow
from ccema_desktop.domain.vocab import ATTENDANCE_STATUSES, ATTENDED_STATUSES, fold
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.importing.tabular import read_table
from ccema_desktop.services.workshops import ATTENDANCE_KINDS, SessionView, load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import AgendaSession, Attendance, Enrolment, Participant, new_id, utcnow

_CHUNK = 5000


def default_recorder() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down machines
        return ""


def check_status(status: str) -> str:
    value = status.strip().lower()
    if value not in ATTENDANCE_STATUSES:
        raise ValidationError(
            _("Unknown attendance status '{value}'. Use one of: {choices}.").format(
                value=status, choices=", ".join(ATTENDANCE_STATUSES)
            )
        )
    return value


@dataclass
class _Roster:
    """Enrolled people of one workshop, findable by id or e-mail."""

    by_ref: dict[str, str]
    sessions: dict[str, AgendaSession]
    by_start: dict[str, str]

    def participant(self, ref: str) -> str | None:
        return self.by_ref.get(ref.strip()) or self.by_ref.get(ref.strip().lower())

    def session(self, ref: str) -> str | None:
        ref = ref.strip()
        if ref in self.sessions:
            return ref
        return self.by_start.get(" ".join(ref.split()))


def _roster(s: Session, workshop_id: str) -> _Roster:
    people = s.execute(
        select(Participant.id, Participant.email)
        .join(Enrolment, Enrolment.participant_id == Participant.id)
        .where(Enrolment.workshop_id == workshop_id)
    ).all()
    by_ref: dict[str, str] = {}
    for pid, email in people:
        by_ref[pid] = pid
        if email:
            by_ref[email.lower()] = pid
    sessions = {
        a.id: a
        for a in s.scalars(
            select(AgendaSession).where(
                AgendaSession.workshop_id == workshop_id, AgendaSession.kind.in_(ATTENDANCE_KINDS)
            )
        )
    }
    by_start = {f"{a.date.isoformat()} {a.start_time.strftime('%H:%M')}": a.id for a in sessions.values()}
    return _Roster(by_ref, sessions, by_start)


def _upsert(s: Session, rows: list[dict[str, Any]]) -> None:
    table: Table = Attendance.__table__  # type: ignore[assignment]
    dialect = s.get_bind().dialect.name
    module: Any = postgresql if dialect == "postgresql" else sqlite
    for start in range(0, len(rows), _CHUNK):
        stmt = module.insert(table)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.session_id, table.c.participant_id],
            set_={
                "status": stmt.excluded.status,
                "recorded_by": stmt.excluded.recorded_by,
                "recorded_at": stmt.excluded.recorded_at,
                "updated_at": stmt.excluded.updated_at,
                "device_id": stmt.excluded.device_id,
                "revision": table.c.revision + 1,
            },
            where=table.c.status != stmt.excluded.status,
        )
        s.connection().execute(stmt, rows[start : start + _CHUNK])


def _rows(db: Database, marks: Iterable[tuple[str, str, str]], recorded_by: str) -> list[dict[str, Any]]:
    now = utcnow()
    return [
        {
            "id": new_id(),
            "session_id": session_id,
            "participant_id": participant_id,
            "status": status,
            "recorded_by": recorded_by,
            "recorded_at": now,
            "created_at": now,
            "updated_at": now,
            "device_id": db.device_id,
            "revision": 1,
        }
        for participant_id, session_id, status in marks
    ]


def mark(
    db: Database,
    workshop_ref: str,
    session_ref: str,
    status: str,
    participants: list[str],
    recorded_by: str | None = None,
) -> int:
    """Mark people (e-mails or ids) in one session; any unknown reference means nothing is written."""
    status = check_status(status)
    if not participants:
        raise ValidationError(_("Name at least one participant (e-mail or id)."))
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        roster = _roster(s, workshop.id)
        session_id = roster.session(session_ref)
        if session_id is None:
            raise NotFoundError(
                _(
                    "No session '{ref}' in this workshop. Run 'ccema workshop show {workshop}' to see session ids."
                ).format(ref=session_ref, workshop=workshop.code)
            )
        ids: list[str] = []
        unknown: list[str] = []
        for ref in participants:
            pid = roster.participant(ref)
            (ids.append(pid) if pid else unknown.append(ref))
        if unknown:
            raise NotFoundError(
                _(
                    "Not enrolled in this workshop: {refs}. Use e-mails or ids from 'ccema participants list'."
                ).format(refs=", ".join(unknown))
            )
        recorder = default_recorder() if recorded_by is None else recorded_by
        _upsert(s, _rows(db, ((pid, session_id, status) for pid in dict.fromkeys(ids)), recorder))
        return len(set(ids))


def mark_bulk(
    db: Database, workshop_ref: str, marks: list[tuple[str, str, str]], recorded_by: str = ""
) -> int:
    """Write many (participant id, session id, status) marks in one transaction; all are validated first."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        roster = _roster(s, workshop.id)
        for pid, sid, status in marks:
            if pid not in roster.by_ref or sid not in roster.sessions or status not in ATTENDANCE_STATUSES:
                raise ValidationError(_("Invalid attendance mark: {mark}.").format(mark=(pid, sid, status)))
        _upsert(s, _rows(db, marks, recorded_by))
    return len(marks)


@dataclass
class AttendanceImportResult:
    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    written: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "rejected": [{"row": r.row, "reason": r.reason} for r in self.rejected],
            "written": self.written,
        }


_HEADERS = {
    "participant": {"participant", "participant_id", "email", "e-mail", "participante", "участник"},
    "session": {"session", "session_id", "sesión", "sesion", "séance", "seance", "сессия", "занятие"},
    "status": {"status", "estado", "statut", "статус"},
}


def import_attendance(
    db: Database, workshop_ref: str, path: Path, strict: bool = False, recorded_by: str | None = None
) -> AttendanceImportResult:
    """CSV/XLSX with participant (e-mail or id), session (id or 'YYYY-MM-DD HH:MM') and status."""
    table = read_table(path)
    header = [fold(h).replace(" ", "_") for h in table.header]
    columns: dict[str, int] = {}
    for key, names in _HEADERS.items():
        for index, name in enumerate(header):
            if name in {fold(n) for n in names}:
                columns[key] = index
                break
    missing = [k for k in _HEADERS if k not in columns]
    if missing:
        raise ValidationError(
            _(
                "This is not an attendance file: the columns {missing} are missing. Expected: participant,session,status."
            ).format(missing=", ".join(missing))
        )
    result = AttendanceImportResult()
    marks: dict[tuple[str, str], str] = {}
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        roster = _roster(s, workshop.id)
        for number, cells in zip(table.row_numbers, table.rows, strict=True):

            def cell(key: str, cells: list[str] = cells) -> str:
                i = columns[key]
                return cells[i] if i < len(cells) else ""

            reasons = []
            pid = roster.participant(cell("participant"))
            if pid is None:
                reasons.append(_("participant '{value}' is not enrolled").format(value=cell("participant")))
            sid = roster.session(cell("session"))
            if sid is None:
                reasons.append(_("no session '{value}' in this workshop").format(value=cell("session")))
            status = cell("status").strip().lower()
            if status not in ATTENDANCE_STATUSES:
                reasons.append(_("unknown status '{value}'").format(value=cell("status")))
            if reasons:
                result.rejected.append(RejectedRow(number, "; ".join(reasons)))
                continue
            assert pid is not None and sid is not None
            marks[(pid, sid)] = status
        result.imported = len(marks)
        if strict and result.rejected:
            result.imported = 0
            return result
        recorder = default_recorder() if recorded_by is None else recorded_by
        _upsert(s, _rows(db, ((p, sid, st) for (p, sid), st in marks.items()), recorder))
        result.written = True
    return result


@dataclass(frozen=True)
class AttendanceSummary:
    participant_id: str
    full_name: str
    email: str | None
    counts: dict[str, int]
    sessions_planned: int
    threshold: int

    @property
    def sessions_attended(self) -> int:
        return sum(self.counts.get(s, 0) for s in ATTENDED_STATUSES)

    @property
    def rate(self) -> float:
        return self.sessions_attended / self.sessions_planned if self.sessions_planned else 0.0

    @property
    def below_threshold(self) -> bool:
        return self.rate * 100 < self.threshold

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.participant_id,
            "full_name": self.full_name,
            "email": self.email,
            "sessions_attended": self.sessions_attended,
            "sessions_planned": self.sessions_planned,
            "rate": round(self.rate, 4),
            **{status: self.counts.get(status, 0) for status in ATTENDANCE_STATUSES},
            "below_threshold": self.below_threshold,
        }


def summary(db: Database, workshop_ref: str) -> list[AttendanceSummary]:
    """Per participant: sessions attended (present or late) over all planned sessions of the workshop."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        roster = _roster(s, workshop.id)
        people = s.execute(
            select(Participant.id, Participant.full_name, Participant.email)
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .where(Enrolment.workshop_id == workshop.id)
            .order_by(Participant.name_key)
        ).all()
        counts: dict[str, dict[str, int]] = {p.id: {} for p in people}
        if roster.sessions:
            marks = s.execute(
                select(Attendance.participant_id, Attendance.status).where(
                    Attendance.session_id.in_(list(roster.sessions))
                )
            )
            for pid, status in marks:
                if pid in counts:
                    counts[pid][status] = counts[pid].get(status, 0) + 1
        planned = len(roster.sessions)
        return [
            AttendanceSummary(
                p.id, p.full_name, p.email, counts[p.id], planned, workshop.attendance_threshold
            )
            for p in people
        ]


# --- roll call and history (the desktop's attendance screen) ----------------------------------------------


@dataclass(frozen=True)
class RollCallRow:
    """One enrolled person in one session: `status` is None while nobody has marked them."""

    participant_id: str
    full_name: str
    organization: str
    status: str | None


@dataclass(frozen=True)
class HistoryRow:
    participant_id: str
    full_name: str
    organization: str
    statuses: dict[str, str]  # session id -> status, only for sessions with a mark
    summary: AttendanceSummary

    @property
    def unmarked(self) -> int:
        return self.summary.sessions_planned - len(self.statuses)

    @property
    def can_reach_threshold(self) -> bool:
        """Whether attending every session not yet marked would still lift the rate to the threshold."""
        planned = self.summary.sessions_planned
        if not planned:
            return True
        return (self.summary.sessions_attended + self.unmarked) * 100 >= self.summary.threshold * planned


@dataclass(frozen=True)
class AttendanceHistory:
    """Participants by attendance session (breaks and lunch excluded), with each person's summary."""

    sessions: list[SessionView]
    threshold: int
    rows: list[HistoryRow]


def _session_view(a: AgendaSession) -> SessionView:
    return SessionView(
        id=a.id,
        date=a.date,
        start=a.start_time,
        end=a.end_time,
        title=a.title,
        kind=a.kind,
        module=a.module_number,
        exercise_id=a.exercise_id,
        facilitator=a.facilitator,
        notes=a.notes,
    )


def _ordered_sessions(roster: _Roster) -> list[SessionView]:
    return [
        _session_view(a)
        for a in sorted(roster.sessions.values(), key=lambda a: (a.date, a.start_time, a.end_time, a.id))
    ]


def attendance_sessions(db: Database, workshop_ref: str) -> list[SessionView]:
    """The sessions that count for attendance, in agenda order."""
    with db.transaction() as s:
        return _ordered_sessions(_roster(s, load_workshop(s, workshop_ref).id))


def pick_current_session(sessions: Sequence[SessionView], now: dt.datetime) -> SessionView | None:
    """The session running at `now`; else the next one that day; else the last one that day that has
    ended (attendance taken just after a session); else the first session of the workshop."""
    ordered = sorted(sessions, key=lambda x: (x.date, x.start, x.end))
    today = [x for x in ordered if x.date == now.date()]
    clock = now.time().replace(tzinfo=None)
    for x in today:
        if x.start <= clock < x.end:
            return x
    for x in today:
        if x.start > clock:
            return x
    if today:
        return today[-1]
    return ordered[0] if ordered else None


def current_session(db: Database, workshop_ref: str, now: dt.datetime | None = None) -> SessionView | None:
    """The attendance session to take the roll call for at `now` (local time); None without sessions."""
    return pick_current_session(attendance_sessions(db, workshop_ref), now or dt.datetime.now())


def _people(s: Session, workshop_id: str) -> list[Any]:
    return list(
        s.execute(
            select(Participant.id, Participant.full_name, Participant.email, Participant.organization)
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .where(Enrolment.workshop_id == workshop_id)
            .order_by(Participant.name_key, Participant.id)
        ).all()
    )


def _unknown_session(session_ref: str, code: str) -> NotFoundError:
    return NotFoundError(
        _(
            "No session '{ref}' in this workshop. Run 'ccema workshop show {workshop}' to see session ids."
        ).format(ref=session_ref, workshop=code)
    )


def roll_call(db: Database, workshop_ref: str, session_ref: str) -> list[RollCallRow]:
    """Every enrolled person (by name) with their mark in one attendance session, or None if unmarked."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        roster = _roster(s, workshop.id)
        session_id = roster.session(session_ref)
        if session_id is None:
            raise _unknown_session(session_ref, workshop.code)
        marks: dict[str, str] = {
            pid: status
            for pid, status in s.execute(
                select(Attendance.participant_id, Attendance.status).where(
                    Attendance.session_id == session_id
                )
            )
        }
        return [
            RollCallRow(p.id, p.full_name, p.organization or "", marks.get(p.id))
            for p in _people(s, workshop.id)
        ]


def history(db: Database, workshop_ref: str) -> AttendanceHistory:
    """Each enrolled person's mark in every attendance session, with their rate against the threshold."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        roster = _roster(s, workshop.id)
        people = _people(s, workshop.id)
        statuses: dict[str, dict[str, str]] = {p.id: {} for p in people}
        if roster.sessions:
            marks = s.execute(
                select(Attendance.participant_id, Attendance.session_id, Attendance.status).where(
                    Attendance.session_id.in_(list(roster.sessions))
                )
            )
            for pid, sid, status in marks:
                if pid in statuses:
                    statuses[pid][sid] = status
        planned = len(roster.sessions)
        threshold = workshop.attendance_threshold
        rows = []
        for p in people:
            counts: dict[str, int] = {}
            for status in statuses[p.id].values():
                counts[status] = counts.get(status, 0) + 1
            rows.append(
                HistoryRow(
                    p.id,
                    p.full_name,
                    p.organization or "",
                    statuses[p.id],
                    AttendanceSummary(p.id, p.full_name, p.email, counts, planned, threshold),
                )
            )
        return AttendanceHistory(_ordered_sessions(roster), threshold, rows)


def unmark(db: Database, workshop_ref: str, marks: list[tuple[str, str]]) -> int:
    """Remove (participant id, session id) marks so those people show as not marked again (undo)."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        roster = _roster(s, workshop.id)
        for pid, sid in marks:
            if pid not in roster.by_ref or sid not in roster.sessions:
                raise ValidationError(_("Invalid attendance mark: {mark}.").format(mark=(pid, sid)))
        removed = 0
        by_session: dict[str, list[str]] = {}
        for pid, sid in dict.fromkeys(marks):
            by_session.setdefault(sid, []).append(pid)
        for sid, pids in by_session.items():
            result: Any = s.execute(
                delete(Attendance).where(Attendance.session_id == sid, Attendance.participant_id.in_(pids))
            )
            removed += result.rowcount or 0
        return removed


def set_threshold(db: Database, workshop_ref: str, percent: int) -> None:
    """The share of sessions (0-100 %) a participant must attend for a certificate."""
    if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 100:
        raise ValidationError(_("The attendance threshold is a percentage between 0 and 100."))
    with db.transaction() as s:
        load_workshop(s, workshop_ref).attendance_threshold = percent
