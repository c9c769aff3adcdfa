"""Gather the plain data reports are built from, and write reports safely (check, build, rename).

Each `*_data` function reads one consistent snapshot in one transaction and returns values from
`reports.data`; each `write_*` function is what the CLI (and a GUI worker thread) calls: it checks the
output path first, gathers, builds in the requested language with progress and cancellation, and renames a
finished temporary file into place.

Sections that other features contribute (evaluation results, knowledge gain, satisfaction) plug in through
`WORKSHOP_SECTIONS` and `HQ_SECTIONS`: a provider returns a section only when it has data, so reports never
show empty or invented evaluation figures.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ccema_desktop.domain.agenda import workshop_days
from ccema_desktop.domain.vocab import ATTENDED_STATUSES
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import LANGUAGES, _, current_language
from ccema_desktop.reports.data import (
    AttendanceSheetData,
    CountRow,
    HqData,
    HqWorkshopRow,
    ReportSection,
    SessionRow,
    SheetPerson,
    SignInSheet,
    Tally,
    WorkshopInfo,
    WorkshopReportData,
)
from ccema_desktop.reports.output import CancelCheck, Progress, check_output, write_atomic
from ccema_desktop.services import attendance
from ccema_desktop.services.workshops import ATTENDANCE_KINDS, load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import (
    AgendaSession,
    Attendance,
    Certificate,
    CurriculumModule,
    Enrolment,
    Participant,
    Workshop,
)

#: Providers of extra workshop-report sections: (session, workshop id) -> section, or None without data.
WORKSHOP_SECTIONS: list[Callable[[Session, str], ReportSection | None]] = []
#: Providers of extra HQ infosheet sections: (session, listed workshop ids) -> section, or None without data.
HQ_SECTIONS: list[Callable[[Session, list[str]], ReportSection | None]] = []

#: Empty rows on a sign-in sheet for a workshop with nobody enrolled yet.
BLANK_SHEET_ROWS = 25


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    language: str
    items: int = 0
    """Certificates written (certificates only)."""


def check_language(lang: str | None, default: str) -> str:
    code = lang or default
    if code not in LANGUAGES:
        raise ValidationError(
            _("Unknown language '{lang}'. Use one of: {choices}.").format(
                lang=code, choices=", ".join(LANGUAGES)
            )
        )
    return code


def workshop_info(s: Session, w: Workshop) -> WorkshopInfo:
    numbers = [int(n) for n in w.modules]
    titles = {
        m.number: dict(m.title)
        for m in s.scalars(select(CurriculumModule).where(CurriculumModule.number.in_(numbers)))
    }
    return WorkshopInfo(
        id=w.id,
        code=w.code,
        title=w.title,
        kind=w.kind,
        countries=list(w.host_countries),
        venue=w.venue,
        start=w.start_date,
        end=w.end_date,
        language=w.language,
        facilitators=[str(f) for f in w.facilitators],
        partners=w.partners,
        funding=w.funding,
        threshold=w.attendance_threshold,
        modules={n: {str(k): str(v) for k, v in titles[n].items()} for n in numbers if n in titles},
    )


def _enrolled(s: Session, workshop_id: str) -> list[Participant]:
    return list(
        s.scalars(
            select(Participant)
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .where(Enrolment.workshop_id == workshop_id)
            .order_by(Participant.name_key, Participant.full_name)
        )
    )


def _counted_sessions(s: Session, workshop_id: str) -> list[AgendaSession]:
    return list(
        s.scalars(
            select(AgendaSession)
            .where(AgendaSession.workshop_id == workshop_id, AgendaSession.kind.in_(ATTENDANCE_KINDS))
            .order_by(AgendaSession.date, AgendaSession.start_time)
        )
    )


def _find_session(sessions: list[AgendaSession], ref: str, code: str) -> AgendaSession:
    ref = " ".join(ref.split())
    for a in sessions:
        if ref in (a.id, f"{a.date.isoformat()} {a.start_time:%H:%M}"):
            return a
    raise NotFoundError(
        _(
            "No session '{ref}' in this workshop. Run 'ccema workshop show {workshop}' to see session ids."
        ).format(ref=ref, workshop=code)
    )


def attendance_sheet_data(
    db: Database,
    workshop_ref: str,
    day: dt.date | None = None,
    session_ref: str | None = None,
    blank_rows: int = 3,
) -> AttendanceSheetData:
    """Sheets for one day, one session, or (by default) every day of the workshop."""
    with db.transaction() as s:
        w = load_workshop(s, workshop_ref)
        info = workshop_info(s, w)
        people = [SheetPerson(p.full_name, p.organization, p.position) for p in _enrolled(s, w.id)]
        sessions = _counted_sessions(s, w.id)
        if day is not None and not w.start_date <= day <= w.end_date:
            raise ValidationError(
                _("The workshop {code} runs from {start} to {end}; choose a day in that range.").format(
                    code=w.code, start=w.start_date.isoformat(), end=w.end_date.isoformat()
                )
            )
        if not people:
            blank_rows = max(blank_rows, BLANK_SHEET_ROWS)
        if session_ref:
            a = _find_session(sessions, session_ref, w.code)
            if day is not None and a.date != day:
                raise ValidationError(
                    _("The session '{ref}' is on {date}, not on {day}.").format(
                        ref=session_ref, date=a.date.isoformat(), day=day.isoformat()
                    )
                )
            sheets = [SignInSheet(a.date, people, a.title, a.start_time, a.end_time)]
        else:
            days = sorted({a.date for a in sessions}) or workshop_days(w.start_date, w.end_date)
            if day is not None:
                days = [day]
            sheets = [SignInSheet(d, people) for d in days]
    return AttendanceSheetData(info, sheets, blank_rows)


def _marks(s: Session, session_ids: list[str]) -> list[tuple[str, str, str]]:
    """(session id, participant id, status) of every recorded mark."""
    if not session_ids:
        return []
    rows = s.execute(
        select(Attendance.session_id, Attendance.participant_id, Attendance.status).where(
            Attendance.session_id.in_(session_ids)
        )
    )
    return [(sid, pid, status) for sid, pid, status in rows]


def workshop_report_data(db: Database, workshop_ref: str) -> WorkshopReportData:
    summaries = attendance.summary(db, workshop_ref)
    with db.transaction() as s:
        w = load_workshop(s, workshop_ref)
        info = workshop_info(s, w)
        people = _enrolled(s, w.id)
        enrolled_ids = {p.id for p in people}
        all_sessions = list(
            s.scalars(
                select(AgendaSession)
                .where(AgendaSession.workshop_id == w.id)
                .order_by(AgendaSession.date, AgendaSession.start_time)
            )
        )
        counted = [a for a in all_sessions if a.kind in ATTENDANCE_KINDS]
        per_session: dict[str, Counter[str]] = defaultdict(Counter)
        attended: set[str] = set()
        for sid, pid, status in _marks(s, [a.id for a in counted]):
            if pid not in enrolled_ids:
                continue
            per_session[sid][status] += 1
            if status in ATTENDED_STATUSES:
                attended.add(pid)
        sessions = []
        for a in all_sessions:
            c = per_session.get(a.id, Counter())
            counts = a.kind in ATTENDANCE_KINDS
            sessions.append(
                SessionRow(
                    date=a.date,
                    start=a.start_time,
                    end=a.end_time,
                    title=a.title,
                    kind=a.kind,
                    module=a.module_number,
                    facilitator=a.facilitator,
                    notes=a.notes,
                    counts=counts,
                    present=c["present"],
                    late=c["late"],
                    absent=c["absent"],
                    excused=c["excused"],
                    unrecorded=max(len(people) - sum(c.values()), 0) if counts else 0,
                )
            )

        def breakdown(key: Callable[[Participant], str]) -> list[CountRow]:
            enrolled_by: Counter[str] = Counter(key(p) for p in people)
            attended_by: Counter[str] = Counter(key(p) for p in people if p.id in attended)
            return [
                CountRow(k, n, attended_by[k])
                for k, n in sorted(enrolled_by.items(), key=lambda kv: (-kv[1], kv[0]))
            ]

        certificates = s.scalar(
            select(func.count()).select_from(Certificate).where(Certificate.workshop_id == w.id)
        )
        extra = [section for provider in WORKSHOP_SECTIONS if (section := provider(s, w.id)) is not None]
        rates = [r.rate for r in summaries]
        return WorkshopReportData(
            workshop=info,
            enrolled=len(people),
            attended=len(attended),
            eligible=sum(1 for r in summaries if not r.below_threshold),
            certificates=int(certificates or 0),
            average_rate=sum(rates) / len(rates) if rates else 0.0,
            by_sex=breakdown(lambda p: p.sex),
            by_sector=breakdown(lambda p: p.sector),
            by_country=breakdown(lambda p: p.country),
            sessions=sessions,
            notes=w.notes,
            recommendations=w.recommendations,
            extra_sections=extra,
        )


def hq_data(db: Database, include_demo: bool = False) -> HqData:
    """Totals across every workshop in this database (at headquarters: the imported ones).

    Demo workshops are left out unless asked for. A person is trained when marked present or late in at least
    one session; "persons trained" counts each person once however many workshops they attended.
    """
    with db.transaction() as s:
        # Every query filters by this subquery rather than a list of ids, so thousands of workshops and
        # persons at headquarters never hit a bound-parameter limit.
        listed = select(Workshop.id)
        if not include_demo:
            listed = listed.where(Workshop.is_demo.is_(False))
        workshops = list(
            s.scalars(
                select(Workshop).where(Workshop.id.in_(listed)).order_by(Workshop.start_date, Workshop.code)
            )
        )
        ids = [w.id for w in workshops]
        enrolled: dict[str, int] = {
            wid: n
            for wid, n in s.execute(
                select(Enrolment.workshop_id, func.count())
                .where(Enrolment.workshop_id.in_(listed))
                .group_by(Enrolment.workshop_id)
            )
        }
        certificates: dict[str, int] = {
            wid: n
            for wid, n in s.execute(
                select(Certificate.workshop_id, func.count())
                .where(Certificate.workshop_id.in_(listed))
                .group_by(Certificate.workshop_id)
            )
        }
        trained = (
            select(AgendaSession.workshop_id, Attendance.participant_id)
            .join(AgendaSession, AgendaSession.id == Attendance.session_id)
            .join(
                Enrolment,
                (Enrolment.participant_id == Attendance.participant_id)
                & (Enrolment.workshop_id == AgendaSession.workshop_id),
            )
            .where(AgendaSession.workshop_id.in_(listed), Attendance.status.in_(sorted(ATTENDED_STATUSES)))
            .distinct()
        )
        pairs = s.execute(trained).all()
        trained_by_workshop: Counter[str] = Counter(wid for wid, _ in pairs)
        trained_ids = trained.with_only_columns(Attendance.participant_id).subquery()
        people = {
            pid: (sex, sector, country)
            for pid, sex, sector, country in s.execute(
                select(Participant.id, Participant.sex, Participant.sector, Participant.country).where(
                    Participant.id.in_(select(trained_ids.c.participant_id))
                )
            )
        }
        extra = [section for provider in HQ_SECTIONS if (section := provider(s, ids)) is not None]

    def tally(values: list[str] | Counter[str]) -> list[Tally]:
        counter = values if isinstance(values, Counter) else Counter(values)
        return [Tally(k, n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))]

    rows = [
        HqWorkshopRow(
            code=w.code,
            title=w.title,
            kind=w.kind,
            countries=list(w.host_countries),
            start=w.start_date,
            end=w.end_date,
            language=w.language,
            enrolled=int(enrolled.get(w.id, 0)),
            trained=trained_by_workshop.get(w.id, 0),
            certificates=int(certificates.get(w.id, 0)),
        )
        for w in workshops
    ]
    years: Counter[str] = Counter(str(w.start_date.year) for w in workshops)
    return HqData(
        generated=dt.date.today(),
        workshops=rows,
        persons_trained=len(people),
        participations=len(pairs),
        certificates=sum(r.certificates for r in rows),
        by_sex=tally([p[0] for p in people.values()]),
        by_sector=tally([p[1] for p in people.values()]),
        by_participant_country=tally([p[2] for p in people.values()]),
        workshops_by_country=tally([c for w in workshops for c in dict.fromkeys(w.host_countries)]),
        workshops_by_region=tally([w.kind for w in workshops]),
        workshops_by_year=sorted(tally(years), key=lambda t: t.key),
        extra_sections=extra,
    )


def write_attendance_sheet(
    db: Database,
    workshop_ref: str,
    out: str | Path,
    day: dt.date | None = None,
    session_ref: str | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> ReportResult:
    from ccema_desktop.reports.attendance_sheet import build_attendance_sheet

    data = attendance_sheet_data(db, workshop_ref, day, session_ref)
    code = check_language(lang, data.workshop.language)
    path = check_output(out)
    pdf = build_attendance_sheet(data, code, progress, cancel)
    return ReportResult(write_atomic(path, pdf.data), pdf.pages, code)


def write_workshop_report(
    db: Database,
    workshop_ref: str,
    out: str | Path,
    lang: str | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> ReportResult:
    from ccema_desktop.reports.workshop_report import build_workshop_report

    data = workshop_report_data(db, workshop_ref)
    code = check_language(lang, data.workshop.language)
    path = check_output(out)
    pdf = build_workshop_report(data, code, progress, cancel)
    return ReportResult(write_atomic(path, pdf.data), pdf.pages, code)


def write_hq_infosheet(
    db: Database,
    out: str | Path,
    lang: str | None = None,
    include_demo: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> ReportResult:
    from ccema_desktop.reports.hq_infosheet import build_hq_infosheet

    code = check_language(lang, current_language())
    path = check_output(out)
    data = hq_data(db, include_demo)
    pdf = build_hq_infosheet(data, code, progress, cancel)
    return ReportResult(write_atomic(path, pdf.data), pdf.pages, code)


# Sections other features contribute register their providers in the lists above (imported last: they use
# this module's lists, and their data services import nothing from here).
from ccema_desktop.reports import evaluation_section  # noqa: E402

evaluation_section.register()
