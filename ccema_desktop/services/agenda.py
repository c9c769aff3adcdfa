"""Editing the agenda: add, change, move, resize and delete sessions; warnings for overlaps and overruns.

Every edit is one transaction and returns plain data. Deleting returns a snapshot that `restore_session`
puts back with the same id (undo), so attendance marks taken for it are only lost if the user confirms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.services.workshops import SessionView, _session_view, load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import AgendaSession, Attendance, Exercise, Workshop

SESSION_KINDS = ("opening", "exercise", "break", "lunch", "closing", "custom")


@dataclass(frozen=True)
class SessionInput:
    date: dt.date
    start: dt.time
    end: dt.time
    title: str
    kind: str = "custom"
    module: int | None = None
    exercise_id: str | None = None
    facilitator: str = ""
    notes: str = ""


@dataclass(frozen=True)
class AgendaWarning:
    session_id: str
    kind: str  # overlap | overrun | early | outside_dates
    message: str
    other_id: str | None = None  # for an overlap: the session this one overlaps with


def _check(workshop: Workshop, data: SessionInput) -> None:
    if not data.title.strip():
        raise ValidationError(_("A session needs a title."))
    if data.end <= data.start:
        raise ValidationError(_("A session must end after it starts."))
    if not workshop.start_date <= data.date <= workshop.end_date:
        raise ValidationError(
            _("The session's date must fall within the workshop ({start} to {end}).").format(
                start=workshop.start_date.isoformat(), end=workshop.end_date.isoformat()
            )
        )
    if data.kind not in SESSION_KINDS:
        raise ValidationError(_("Unknown session kind '{value}'.").format(value=data.kind))


def _get(s: Session, session_id: str) -> AgendaSession:
    row = s.get(AgendaSession, session_id)
    if row is None:
        raise NotFoundError(_("This session no longer exists; it may have been deleted."))
    return row


def _apply(row: AgendaSession, data: SessionInput, s: Session) -> None:
    module = data.module
    if data.exercise_id:
        exercise = s.get(Exercise, data.exercise_id)
        if exercise is None:
            raise NotFoundError(_("The linked exercise no longer exists."))
        module = exercise.module.number
    row.date, row.start_time, row.end_time = data.date, data.start, data.end
    row.title, row.kind, row.module_number = data.title.strip(), data.kind, module
    row.exercise_id, row.facilitator, row.notes = data.exercise_id, data.facilitator, data.notes


def add_session(db: Database, workshop_ref: str, data: SessionInput) -> SessionView:
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        _check(workshop, data)
        row = AgendaSession(workshop_id=workshop.id)
        _apply(row, data, s)
        s.add(row)
        s.flush()
        return _session_view(row)


def update_session(db: Database, session_id: str, data: SessionInput) -> SessionView:
    with db.transaction() as s:
        row = _get(s, session_id)
        _check(row.workshop, data)
        _apply(row, data, s)
        s.flush()
        return _session_view(row)


def _reschedule(row: AgendaSession, date: dt.date, start_min: int, end_min: int) -> None:
    """Set a session's day and times (minutes since midnight), checking the same rules as an edit."""
    if start_min < 0:
        raise ValidationError(_("A session cannot start before 00:00."))
    if end_min > 24 * 60 - 1:
        raise ValidationError(_("The session would end after midnight."))
    data = SessionInput(
        date,
        dt.time(start_min // 60, start_min % 60),
        dt.time(end_min // 60, end_min % 60),
        row.title,
        row.kind,
        row.module_number,
        row.exercise_id,
        row.facilitator,
        row.notes,
    )
    _check(row.workshop, data)
    row.date, row.start_time, row.end_time = data.date, data.start, data.end


def move_session(db: Database, session_id: str, date: dt.date, start: dt.time) -> SessionView:
    """Move keeping the duration (drag and drop, or keyboard)."""
    with db.transaction() as s:
        row = _get(s, session_id)
        minutes = _minutes(row.end_time) - _minutes(row.start_time)
        _reschedule(row, date, _minutes(start), _minutes(start) + minutes)
        s.flush()
        return _session_view(row)


def shift_session(db: Database, session_id: str, minutes: int = 0, days: int = 0) -> SessionView:
    """Move by a number of minutes and/or days keeping the duration (Alt+arrows in the agenda)."""
    with db.transaction() as s:
        row = _get(s, session_id)
        start = _minutes(row.start_time) + minutes
        _reschedule(
            row,
            row.date + dt.timedelta(days=days),
            start,
            start + _minutes(row.end_time) - _minutes(row.start_time),
        )
        s.flush()
        return _session_view(row)


def reschedule_session(
    db: Database, session_id: str, date: dt.date, start: dt.time, end: dt.time
) -> SessionView:
    """Set day, start and end at once (undoing a move or a resize); title, notes and links stay."""
    with db.transaction() as s:
        row = _get(s, session_id)
        _reschedule(row, date, _minutes(start), _minutes(end))
        s.flush()
        return _session_view(row)


def _resize(row: AgendaSession, minutes: int) -> None:
    if minutes < 5:
        raise ValidationError(_("A session lasts at least 5 minutes."))
    end = _minutes(row.start_time) + minutes
    if end > 24 * 60 - 1:
        raise ValidationError(_("The session would end after midnight."))
    row.end_time = dt.time(end // 60, end % 60)


def resize_session(db: Database, session_id: str, minutes: int) -> SessionView:
    """Give a session a new length in minutes; the start stays."""
    with db.transaction() as s:
        row = _get(s, session_id)
        _resize(row, minutes)
        s.flush()
        return _session_view(row)


def change_duration(db: Database, session_id: str, delta_minutes: int) -> SessionView:
    """Lengthen (positive) or shorten (negative) a session from its current length; the start stays."""
    with db.transaction() as s:
        row = _get(s, session_id)
        _resize(row, _minutes(row.end_time) - _minutes(row.start_time) + delta_minutes)
        s.flush()
        return _session_view(row)


def set_session_notes(db: Database, session_id: str, notes: str) -> None:
    """Facilitator notes, saved as they are typed (a no-op when unchanged, so no revision churn)."""
    with db.transaction() as s:
        row = _get(s, session_id)
        if row.notes != notes:
            row.notes = notes


@dataclass(frozen=True)
class DeletedSession:
    """Everything needed to undo a delete: the session row and its attendance marks."""

    workshop_id: str
    row: dict[str, Any]
    attendance: list[dict[str, Any]]


def _columns(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def delete_session(db: Database, session_id: str) -> DeletedSession:
    with db.transaction() as s:
        row = _get(s, session_id)
        marks = [
            _columns(a) for a in s.scalars(select(Attendance).where(Attendance.session_id == session_id))
        ]
        snapshot = DeletedSession(row.workshop_id, _columns(row), marks)
        s.delete(row)
        return snapshot


def restore_session(db: Database, deleted: DeletedSession) -> SessionView:
    """Undo a delete: the same id, revision and attendance come back."""
    with db.transaction() as s:
        row = AgendaSession(**deleted.row)
        s.add(row)
        s.flush()
        for mark in deleted.attendance:
            s.add(Attendance(**mark))
        return _session_view(row)


def attendance_count(db: Database, session_id: str) -> int:
    with db.transaction() as s:
        return len(list(s.scalars(select(Attendance.id).where(Attendance.session_id == session_id))))


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def warnings(db: Database, workshop_ref: str) -> list[AgendaWarning]:
    """Overlapping sessions, sessions past the end of the working day or before it starts."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        rows = list(
            s.scalars(
                select(AgendaSession)
                .where(AgendaSession.workshop_id == workshop.id)
                .order_by(AgendaSession.date, AgendaSession.start_time)
            )
        )
        found: list[AgendaWarning] = []
        for row in rows:
            if row.end_time > workshop.day_end:
                found.append(
                    AgendaWarning(
                        row.id,
                        "overrun",
                        _("Runs past the end of the day ({time}).").format(
                            time=workshop.day_end.strftime("%H:%M")
                        ),
                    )
                )
            if row.start_time < workshop.day_start:
                found.append(
                    AgendaWarning(
                        row.id,
                        "early",
                        _("Starts before the working day ({time}).").format(
                            time=workshop.day_start.strftime("%H:%M")
                        ),
                    )
                )
            if not workshop.start_date <= row.date <= workshop.end_date:
                found.append(AgendaWarning(row.id, "outside_dates", _("Falls outside the workshop's dates.")))
        latest: AgendaSession | None = None  # the session ending last so far on the same day
        for row in rows:
            if latest is not None and latest.date == row.date and row.start_time < latest.end_time:
                found.append(
                    AgendaWarning(
                        row.id,
                        "overlap",
                        _("Overlaps with '{title}'.").format(title=latest.title),
                        other_id=latest.id,
                    )
                )
            if latest is None or latest.date != row.date or row.end_time > latest.end_time:
                latest = row
        return found
