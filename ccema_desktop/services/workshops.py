"""Workshops and their agenda: create from chosen modules (with a proposed agenda), list, show, edit."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ccema_desktop.domain.agenda import PlannedExercise, propose_agenda
from ccema_desktop.domain.countries import country_name, is_country_code
from ccema_desktop.domain.vocab import WORKSHOP_KINDS, WORKSHOP_STATUSES
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import LANGUAGES, N_, _, translator
from ccema_desktop.services.curriculum import exercises_for_modules, text
from ccema_desktop.services.workshop_views import SessionView as SessionView
from ccema_desktop.services.workshop_views import WorkshopView as WorkshopView
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import AgendaSession, Enrolment, Workshop

#: Session kinds that count for attendance (breaks and lunch do not).
ATTENDANCE_KINDS = ("opening", "exercise", "closing", "custom")
SLOT_TITLES = {
    "opening": N_("Opening, introductions and expectations"),
    "break": N_("Coffee break"),
    "lunch": N_("Lunch"),
    "closing": N_("Evaluation and closing"),
}
MAX_DAYS = 10


@dataclass
class WorkshopInput:
    title: str
    countries: list[str]
    start: dt.date
    end: dt.date
    language: str
    venue: str = ""
    kind: str = "national"
    modules: list[int] = field(default_factory=list)
    partners: str = ""
    funding: str = ""
    facilitators: list[str] = field(default_factory=list)
    day_start: dt.time = dt.time(9, 0)
    day_end: dt.time = dt.time(17, 0)
    attendance_threshold: int = 80
    is_demo: bool = False


def parse_date(value: str, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            _("The {what} '{value}' is not a date; write it as YYYY-MM-DD, for example 2026-03-14.").format(
                what=what, value=value
            )
        ) from None


def _validate(data: WorkshopInput) -> None:
    if not data.title.strip():
        raise ValidationError(_("A workshop needs a title."))
    if data.end < data.start:
        raise ValidationError(
            _("The workshop ends ({end}) before it starts ({start}); check the dates.").format(
                end=data.end.isoformat(), start=data.start.isoformat()
            )
        )
    if (data.end - data.start).days + 1 > MAX_DAYS:
        raise ValidationError(_("A workshop lasts at most {days} days.").format(days=MAX_DAYS))
    if not data.countries:
        raise ValidationError(_("Name at least one host country (ISO code such as KZ)."))
    bad = [c for c in data.countries if not is_country_code(c)]
    if bad:
        raise ValidationError(
            _("Unknown country code(s): {codes}. Use two-letter ISO codes such as KZ, TZ or CO.").format(
                codes=", ".join(bad)
            )
        )
    if data.language not in LANGUAGES:
        raise ValidationError(
            _("Unknown language '{lang}'. Use one of: {choices}.").format(
                lang=data.language, choices=", ".join(LANGUAGES)
            )
        )
    if data.kind not in WORKSHOP_KINDS:
        raise ValidationError(
            _("Unknown workshop kind '{value}'. Use one of: {choices}.").format(
                value=data.kind, choices=", ".join(WORKSHOP_KINDS)
            )
        )
    if not data.day_start < data.day_end:
        raise ValidationError(_("The working day must end after it starts."))
    if not 0 <= data.attendance_threshold <= 100:
        raise ValidationError(_("The attendance threshold is a percentage between 0 and 100."))


def _new_code(session: Session, country: str, year: int) -> str:
    while True:
        code = f"{country.upper()}-{year}-{secrets.token_hex(2).upper()}"
        if session.scalar(select(Workshop.id).where(Workshop.code == code)) is None:
            return code


@dataclass(frozen=True)
class ProposedSession:
    """One slot of a proposed agenda, before anything is saved."""

    date: dt.date
    start: dt.time
    end: dt.time
    title: str
    kind: str
    module: int | None
    exercise_id: str | None


@dataclass(frozen=True)
class AgendaPreview:
    """The agenda `create_workshop` would save for the same input, and the exercises that do not fit."""

    sessions: list[ProposedSession]
    unscheduled: list[str]


def _normalize(data: WorkshopInput) -> None:
    data.countries = [c.strip().upper() for c in data.countries if c.strip()]
    data.modules = list(dict.fromkeys(data.modules))
    _validate(data)


def _propose(session: Session, data: WorkshopInput) -> AgendaPreview:
    """The proposed agenda for validated input: the one code path for preview and create."""
    tr = translator(data.language)
    picked = exercises_for_modules(session, data.modules) if data.modules else []
    planned = [
        PlannedExercise(ex.id, number, f"{ex.code} {text(ex.title, data.language)}", ex.duration_minutes)
        for number, ex in picked
    ]
    proposal = propose_agenda(data.start, data.end, data.day_start, data.day_end, planned)
    sessions = [
        ProposedSession(
            date=slot.date,
            start=slot.start,
            end=slot.end,
            kind=slot.kind,
            title=slot.exercise.title if slot.exercise else tr(SLOT_TITLES[slot.kind]),
            module=slot.exercise.module_number if slot.exercise else None,
            exercise_id=slot.exercise.key if slot.exercise else None,
        )
        for slot in proposal.slots
    ]
    return AgendaPreview(sessions=sessions, unscheduled=[e.title for e in proposal.unscheduled])


def preview_agenda(db: Database, data: WorkshopInput) -> AgendaPreview:
    """What `create_workshop(db, data)` would put on the agenda, without saving anything.

    Raises the same ValidationErrors as `create_workshop`; `data` itself is left as it was.
    """
    data = replace(data, countries=list(data.countries), modules=list(data.modules))
    _normalize(data)
    with db.transaction() as s:
        return _propose(s, data)


def create_workshop(db: Database, data: WorkshopInput) -> WorkshopView:
    """Save a workshop with the agenda proposed from its modules' exercises."""
    _normalize(data)
    with db.transaction() as s:
        proposal = _propose(s, data)
        workshop = Workshop(
            code=_new_code(s, data.countries[0], data.start.year),
            title=data.title.strip(),
            kind=data.kind,
            host_countries=data.countries,
            venue=data.venue.strip(),
            start_date=data.start,
            end_date=data.end,
            language=data.language,
            partners=data.partners,
            funding=data.funding,
            facilitators=data.facilitators,
            modules=data.modules,
            status="planned",
            day_start=data.day_start,
            day_end=data.day_end,
            attendance_threshold=data.attendance_threshold,
            is_demo=data.is_demo,
        )
        s.add(workshop)
        for slot in proposal.sessions:
            workshop.sessions.append(
                AgendaSession(
                    date=slot.date,
                    start_time=slot.start,
                    end_time=slot.end,
                    kind=slot.kind,
                    title=slot.title,
                    module_number=slot.module,
                    exercise_id=slot.exercise_id,
                )
            )
        s.flush()
        view = _view(s, workshop)
    return WorkshopView(**{**view.__dict__, "unscheduled": proposal.unscheduled})


def _load(session: Session, ref: str) -> Workshop:
    ref = ref.strip()
    workshop = session.get(Workshop, ref) or session.scalar(
        select(Workshop).where(Workshop.code == ref.upper())
    )
    if workshop is None:
        raise NotFoundError(
            _("No workshop '{ref}'. Run 'ccema workshop list' to see workshop ids and codes.").format(ref=ref)
        )
    return workshop


def load_workshop(session: Session, ref: str) -> Workshop:
    """A workshop by id or code, or a NotFoundError that tells the user how to find one."""
    return _load(session, ref)


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


def _view(session: Session, w: Workshop) -> WorkshopView:
    count = (
        session.scalar(select(func.count()).select_from(Enrolment).where(Enrolment.workshop_id == w.id)) or 0
    )
    sessions = session.scalars(
        select(AgendaSession)
        .where(AgendaSession.workshop_id == w.id)
        .order_by(AgendaSession.date, AgendaSession.start_time)
    )
    return WorkshopView(
        id=w.id,
        code=w.code,
        title=w.title,
        kind=w.kind,
        countries=list(w.host_countries),
        venue=w.venue,
        start=w.start_date,
        end=w.end_date,
        language=w.language,
        status=w.status,
        modules=list(w.modules),
        partners=w.partners,
        funding=w.funding,
        facilitators=list(w.facilitators),
        day_start=w.day_start,
        day_end=w.day_end,
        attendance_threshold=w.attendance_threshold,
        is_demo=w.is_demo,
        participants=count,
        sessions=[_session_view(a) for a in sessions],
    )


def get_workshop(db: Database, ref: str) -> WorkshopView:
    with db.transaction() as s:
        return _view(s, _load(s, ref))


def list_workshops(db: Database, search: str = "") -> list[WorkshopView]:
    with db.transaction() as s:
        stmt = select(Workshop).order_by(Workshop.start_date.desc(), Workshop.title)
        rows = list(s.scalars(stmt))
        needle = search.casefold().strip()
        if needle:
            rows = [
                w
                for w in rows
                if needle in w.title.casefold()
                or needle in w.code.casefold()
                or needle in w.venue.casefold()
                or any(needle in country_name(c).casefold() for c in w.host_countries)
            ]
        return [_view(s, w) for w in rows]


def set_status(db: Database, ref: str, status: str) -> None:
    if status not in WORKSHOP_STATUSES:
        raise ValidationError(
            _("Unknown status '{value}'. Use one of: {choices}.").format(
                value=status, choices=", ".join(WORKSHOP_STATUSES)
            )
        )
    with db.transaction() as s:
        _load(s, ref).status = status


def delete_workshop(db: Database, ref: str) -> None:
    """Delete a workshop with its agenda, enrolments and attendance (people stay: they may attend others)."""
    with db.transaction() as s:
        s.delete(_load(s, ref))


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time(value: str) -> dt.time:
    match = _TIME.match(value.strip())
    if not match:
        raise ValidationError(
            _("'{value}' is not a time; write it as HH:MM, for example 09:30.").format(value=value)
        )
    return dt.time(int(match.group(1)), int(match.group(2)))


MAX_RECOMMENDATIONS = 20_000


def set_recommendations(db: Database, ref: str, text: str) -> None:
    """Store the recommendations printed in the workshop report (replaces what was there)."""
    text = text.strip()
    if len(text) > MAX_RECOMMENDATIONS:
        raise ValidationError(
            _("Recommendations are limited to {n} characters; shorten the text.").format(
                n=MAX_RECOMMENDATIONS
            )
        )
    with db.transaction() as s:
        workshop = _load(s, ref)
        if workshop.recommendations != text:
            workshop.recommendations = text


def get_recommendations(db: Database, ref: str) -> str:
    with db.transaction() as s:
        return _load(s, ref).recommendations
