"""The coordinator's figures at headquarters, a workshop drill-down, and any table to CSV or XLSX.

Plain data for the coordinator screens (and anything else): `overview` gathers the headline figures and
breakdowns from the headquarters database, `workshop_detail` one workshop, and `export_table` writes the
rows a screen shows. Definitions follow `services.stats` (a person is counted once however many workshops
they attended; demo workshops are left out). Satisfaction and knowledge gain come from the evaluations
feature through `EVALUATION_PROVIDERS`; without one (or without data) they are None, never invented.

Labels (sex, sector, country, table headers) are in the language asked for; stored keys stay in `key`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, case, distinct, func, select

from ccema_desktop.domain.countries import country_name
from ccema_desktop.domain.vocab import (
    ATTENDANCE_STATUSES,
    ATTENDED_STATUSES,
    SECTORS,
    SEXES,
    WORKSHOP_KINDS,
    WORKSHOP_STATUSES,
    label,
)
from ccema_desktop.errors import ValidationError
from ccema_desktop.i18n import N_, _, normalize_language, translator
from ccema_desktop.reports.output import write_atomic
from ccema_desktop.services import attendance, stats
from ccema_desktop.services.workshops import ATTENDANCE_KINDS, load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import (
    AgendaSession,
    Attendance,
    Certificate,
    Enrolment,
    Participant,
    SyncConflict,
    SyncImport,
    Workshop,
)


@dataclass(frozen=True)
class EvaluationFigures:
    """What the evaluations feature reports for a set of workshops."""

    satisfaction: float | None  # mean satisfaction on the form's scale
    knowledge_gain: float | None  # class normalised gain <g> = (post - pre) / (max - pre), pooled
    responses: int = 0


def _from_evaluations(conn: Connection, workshop_ids: list[str]) -> EvaluationFigures | None:
    """Pooled satisfaction (mean out of 5) and class gain <g> from `services.evaluations.overall`;
    withheld where evaluations withhold them (anonymous groups under 5)."""
    from sqlalchemy.orm import Session

    from ccema_desktop.services import evaluations

    with Session(bind=conn) as session:
        figures = evaluations.overall(session, workshop_ids)
    sat = figures.satisfaction
    satisfaction = sat.mean if sat is not None and not sat.suppressed else None
    gain = None if figures.suppressed else figures.knowledge_gain
    if satisfaction is None and gain is None:
        return None
    return EvaluationFigures(satisfaction, gain, sat.respondents if sat is not None else 0)


#: Providers from the evaluations feature: (connection, workshop ids) -> figures, or None without data.
EVALUATION_PROVIDERS: list[Callable[[Connection, list[str]], EvaluationFigures | None]] = [_from_evaluations]


def _evaluations(conn: Connection, workshop_ids: list[str]) -> EvaluationFigures | None:
    for provider in EVALUATION_PROVIDERS:
        figures = provider(conn, workshop_ids)
        if figures is not None:
            return figures
    return None


def _evaluation_rows(
    t: Callable[[str], str], satisfaction: float | None, gain: float | None
) -> list[tuple[str, object]]:
    """Satisfaction and knowledge gain as figure rows, only when known (never shown as zero)."""
    rows: list[tuple[str, object]] = []
    if satisfaction is not None:
        rows.append((t(N_("Satisfaction")), satisfaction))
    if gain is not None:
        rows.append((t(N_("Knowledge gain")), gain))
    return rows


# --- plain data ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Count:
    key: str  # the stored value ("female", "KZ", "2026"; "unknown" when empty)
    label: str  # in the language asked for
    count: int


@dataclass(frozen=True)
class TableData:
    """A table ready to show or export: `export_table(t.as_rows(), t.header, path)`."""

    key: str
    title: str
    header: list[str]
    rows: list[list[object]]

    def as_rows(self) -> list[list[object]]:
        return [list(row) for row in self.rows]


@dataclass(frozen=True)
class CountryYear:
    country: str
    country_label: str
    year: int
    workshops: int


@dataclass(frozen=True)
class WorkshopRow:
    id: str
    code: str
    title: str
    countries: list[str]
    country_labels: str
    kind: str
    start: dt.date
    end: dt.date
    status: str
    language: str
    enrolled: int
    trained: int
    attendance_rate: float | None  # None without planned sessions or enrolments
    certificates: int
    bundles: int  # bundles imported for it
    last_import: dt.datetime | None


@dataclass(frozen=True)
class Overview:
    lang: str
    workshops: int
    participants_registered: int
    persons_trained: int
    certificates_eligible: int
    certificates_issued: int
    attendance_rate: float
    satisfaction: float | None
    knowledge_gain: float | None
    by_sex: list[Count]
    by_sector: list[Count]
    by_country: list[Count]
    by_year: list[Count]
    workshops_by_country: list[Count]
    workshops_by_year: list[Count]
    workshops_by_country_year: list[CountryYear]
    workshop_rows: list[WorkshopRow]
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    def figures(self) -> list[tuple[str, object]]:
        """Headline figures as (label, value); satisfaction and knowledge gain only when known."""
        t = translator(self.lang)
        rows: list[tuple[str, object]] = [
            (t(N_("Workshops")), self.workshops),
            (t(N_("Participants registered")), self.participants_registered),
            (t(N_("Persons trained")), self.persons_trained),
            (t(N_("Eligible for a certificate")), self.certificates_eligible),
            (t(N_("Certificates issued")), self.certificates_issued),
            (t(N_("Attendance rate")), self.attendance_rate),
        ]
        return rows + _evaluation_rows(t, self.satisfaction, self.knowledge_gain)

    def as_rows(self) -> list[list[object]]:
        """The headline figures as table rows (header: `figures_header`)."""
        return [[name, value] for name, value in self.figures()]

    def figures_header(self) -> list[str]:
        t = translator(self.lang)
        return [t(N_("Figure")), t(N_("Value"))]

    def tables(self) -> list[TableData]:
        """Every table of the overview, in the order a dashboard shows them."""
        t = translator(self.lang)

        def counts(key: str, title: str, what: str, items: list[Count]) -> TableData:
            return TableData(
                key, title, [what, t(N_("Persons trained"))], [[c.label, c.count] for c in items]
            )

        def workshop_counts(key: str, title: str, what: str, items: list[Count]) -> TableData:
            return TableData(key, title, [what, t(N_("Workshops"))], [[c.label, c.count] for c in items])

        return [
            TableData("figures", t(N_("Key figures")), self.figures_header(), self.as_rows()),
            workshop_counts(
                "workshops_by_country",
                t(N_("Workshops by country")),
                t(N_("Country")),
                self.workshops_by_country,
            ),
            workshop_counts(
                "workshops_by_year", t(N_("Workshops by year")), t(N_("Year")), self.workshops_by_year
            ),
            TableData(
                "workshops_by_country_year",
                t(N_("Workshops by country and year")),
                [t(N_("Country")), t(N_("Year")), t(N_("Workshops"))],
                [[r.country_label, r.year, r.workshops] for r in self.workshops_by_country_year],
            ),
            counts("by_sex", t(N_("Persons trained by sex")), t(N_("Sex")), self.by_sex),
            counts("by_sector", t(N_("Persons trained by sector")), t(N_("Sector")), self.by_sector),
            counts("by_country", t(N_("Persons trained by country")), t(N_("Country")), self.by_country),
            counts("by_year", t(N_("Persons trained by year")), t(N_("Year")), self.by_year),
            self.workshops_table(),
        ]

    def workshops_table(self) -> TableData:
        t = translator(self.lang)
        header = [
            t(N_("Code")),
            t(N_("Title")),
            t(N_("Countries")),
            t(N_("Kind")),
            t(N_("Start")),
            t(N_("End")),
            t(N_("Status")),
            t(N_("Enrolled")),
            t(N_("Trained")),
            t(N_("Attendance rate")),
            t(N_("Certificates")),
            t(N_("Bundles")),
            t(N_("Last import")),
        ]
        rows: list[list[object]] = [
            [
                w.code,
                w.title,
                w.country_labels,
                label(WORKSHOP_KINDS, w.kind, self.lang),
                w.start,
                w.end,
                label(WORKSHOP_STATUSES, w.status, self.lang),
                w.enrolled,
                w.trained,
                w.attendance_rate,
                w.certificates,
                w.bundles,
                w.last_import,
            ]
            for w in self.workshop_rows
        ]
        return TableData("workshops", t(N_("Workshops")), header, rows)


def _lang(lang: str) -> str:
    return normalize_language(lang) or "en"


def _unknown(lang: str) -> str:
    return translator(lang)(N_("Unknown"))


def _sex_label(key: str, lang: str) -> str:
    return _unknown(lang) if key in ("", stats.UNKNOWN) else label(SEXES, key, lang)


def _sector_label(key: str, lang: str) -> str:
    return _unknown(lang) if key in ("", stats.UNKNOWN) else label(SECTORS, key, lang)


def _country_label(key: str, lang: str) -> str:
    return _unknown(lang) if key in ("", stats.UNKNOWN) else country_name(key, lang)


def _counts(values: dict[str, int], name: Callable[[str], str]) -> list[Count]:
    return [Count(k, name(k), n) for k, n in values.items()]


def _ordered(counter: Counter[str], name: Callable[[str], str]) -> list[Count]:
    return [Count(k, name(k), n) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], name(kv[0])))]


def _aware(value: Any) -> dt.datetime | None:
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


# --- overview ------------------------------------------------------------------------------------------
def _workshop_rows(conn: Connection, lang: str) -> list[WorkshopRow]:
    workshops = conn.execute(
        select(
            Workshop.id,
            Workshop.code,
            Workshop.title,
            Workshop.host_countries,
            Workshop.kind,
            Workshop.start_date,
            Workshop.end_date,
            Workshop.status,
            Workshop.language,
        )
        .where(Workshop.is_demo.is_(False))
        .order_by(Workshop.start_date.desc(), Workshop.code)
    ).all()
    listed = select(Workshop.id).where(Workshop.is_demo.is_(False))
    enrolled: dict[str, int] = {
        wid: int(n)
        for wid, n in conn.execute(
            select(Enrolment.workshop_id, func.count())
            .where(Enrolment.workshop_id.in_(listed), Enrolment.role == "participant")
            .group_by(Enrolment.workshop_id)
        )
    }
    planned: dict[str, int] = {
        wid: int(n)
        for wid, n in conn.execute(
            select(AgendaSession.workshop_id, func.count())
            .where(AgendaSession.workshop_id.in_(listed), AgendaSession.kind.in_(ATTENDANCE_KINDS))
            .group_by(AgendaSession.workshop_id)
        )
    }
    attended_marks = (
        select(
            AgendaSession.workshop_id.label("workshop_id"),
            Attendance.participant_id.label("participant_id"),
            func.sum(case((AgendaSession.kind.in_(ATTENDANCE_KINDS), 1), else_=0)).label("attended"),
        )
        .join(AgendaSession, AgendaSession.id == Attendance.session_id)
        .join(
            Enrolment,
            (Enrolment.participant_id == Attendance.participant_id)
            & (Enrolment.workshop_id == AgendaSession.workshop_id),
        )
        .where(
            AgendaSession.workshop_id.in_(listed),
            Attendance.status.in_(sorted(ATTENDED_STATUSES)),
            Enrolment.role == "participant",
        )
        .group_by(AgendaSession.workshop_id, Attendance.participant_id)
        .subquery()
    )
    trained: dict[str, tuple[int, int]] = {
        wid: (int(people), int(sessions or 0))
        for wid, people, sessions in conn.execute(
            select(
                attended_marks.c.workshop_id,
                func.count(distinct(attended_marks.c.participant_id)),
                func.sum(attended_marks.c.attended),
            ).group_by(attended_marks.c.workshop_id)
        )
    }
    certificates: dict[str, int] = {
        wid: int(n)
        for wid, n in conn.execute(
            select(Certificate.workshop_id, func.count())
            .where(Certificate.workshop_id.in_(listed))
            .group_by(Certificate.workshop_id)
        )
    }
    imports = {
        wid: (int(n), last)
        for wid, n, last in conn.execute(
            select(SyncImport.workshop_id, func.count(), func.max(SyncImport.imported_at)).group_by(
                SyncImport.workshop_id
            )
        )
    }
    rows = []
    for w in workshops:
        people = int(enrolled.get(w.id, 0))
        seats = people * int(planned.get(w.id, 0))
        done_people, done_sessions = trained.get(w.id, (0, 0))
        bundles, last = imports.get(w.id, (0, None))
        countries = [str(c) for c in (w.host_countries or [])]
        rows.append(
            WorkshopRow(
                id=w.id,
                code=w.code,
                title=w.title,
                countries=countries,
                country_labels=", ".join(country_name(c, lang) for c in countries),
                kind=w.kind,
                start=w.start_date,
                end=w.end_date,
                status=w.status,
                language=w.language,
                enrolled=people,
                trained=done_people,
                attendance_rate=round(done_sessions / seats, 4) if seats else None,
                certificates=int(certificates.get(w.id, 0)),
                bundles=bundles,
                last_import=_aware(last),
            )
        )
    return rows


def overview(db: Database, lang: str) -> Overview:
    """Headline figures and breakdowns for every (non-demo) workshop in the headquarters database."""
    lang = _lang(lang)
    figures = stats.compute(db)
    with db.engine.connect() as conn:
        rows = _workshop_rows(conn, lang)
        evaluations = _evaluations(conn, [r.id for r in rows])
    by_country: Counter[str] = Counter()
    by_year: Counter[str] = Counter()
    by_country_year: Counter[tuple[str, int]] = Counter()
    for r in rows:
        by_year[str(r.start.year)] += 1
        for country in dict.fromkeys(r.countries):
            by_country[country] += 1
            by_country_year[(country, r.start.year)] += 1
    return Overview(
        lang=lang,
        workshops=figures.workshops,
        participants_registered=figures.participants_registered,
        persons_trained=figures.participants_trained,
        certificates_eligible=figures.certificates_eligible,
        certificates_issued=sum(r.certificates for r in rows),
        attendance_rate=figures.attendance_rate,
        satisfaction=evaluations.satisfaction if evaluations else None,
        knowledge_gain=evaluations.knowledge_gain if evaluations else None,
        by_sex=_counts(figures.by_sex, lambda k: _sex_label(k, lang)),
        by_sector=_counts(figures.by_sector, lambda k: _sector_label(k, lang)),
        by_country=_counts(figures.by_country, lambda k: _country_label(k, lang)),
        by_year=[Count(k, k, n) for k, n in figures.by_year.items()],
        workshops_by_country=_ordered(by_country, lambda k: _country_label(k, lang)),
        workshops_by_year=[Count(k, k, by_year[k]) for k in sorted(by_year)],
        workshops_by_country_year=[
            CountryYear(c, _country_label(c, lang), y, n)
            for (c, y), n in sorted(
                by_country_year.items(), key=lambda kv: (_country_label(kv[0][0], lang), kv[0][1])
            )
        ],
        workshop_rows=rows,
    )


# --- one workshop --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SessionFigures:
    id: str
    date: dt.date
    start: dt.time
    end: dt.time
    title: str
    kind: str
    counts: bool  # counts for attendance (breaks and lunch do not)
    present: int
    late: int
    absent: int
    excused: int
    unrecorded: int


@dataclass(frozen=True)
class ParticipantFigures:
    id: str
    full_name: str
    sex: str
    organization: str
    sector: str
    country: str
    email: str
    sessions_attended: int
    sessions_planned: int
    rate: float
    below_threshold: bool


@dataclass(frozen=True)
class BundleFigures:
    bundle_id: str
    device_id: str
    imported_at: dt.datetime
    created_at: dt.datetime
    records_new: int
    records_updated: int


@dataclass(frozen=True)
class WorkshopDetail:
    lang: str
    workshop: WorkshopRow
    venue: str
    threshold: int
    eligible: int
    satisfaction: float | None
    knowledge_gain: float | None
    conflicts: int
    by_sex: list[Count]
    by_sector: list[Count]
    by_country: list[Count]
    sessions: list[SessionFigures]
    participants: list[ParticipantFigures]
    bundles: list[BundleFigures]

    def figures(self) -> list[tuple[str, object]]:
        t = translator(self.lang)
        w = self.workshop
        rows: list[tuple[str, object]] = [
            (t(N_("Code")), w.code),
            (t(N_("Title")), w.title),
            (t(N_("Countries")), w.country_labels),
            (t(N_("Venue")), self.venue),
            (t(N_("Start")), w.start),
            (t(N_("End")), w.end),
            (t(N_("Status")), label(WORKSHOP_STATUSES, w.status, self.lang)),
            (t(N_("Enrolled")), w.enrolled),
            (t(N_("Trained")), w.trained),
            (t(N_("Attendance rate")), w.attendance_rate),
            (t(N_("Eligible for a certificate")), self.eligible),
            (t(N_("Certificates issued")), w.certificates),
            (t(N_("Bundles")), w.bundles),
            (t(N_("Conflicts")), self.conflicts),
        ]
        return rows + _evaluation_rows(t, self.satisfaction, self.knowledge_gain)

    def as_rows(self) -> list[list[object]]:
        return [[name, value] for name, value in self.figures()]

    def tables(self) -> list[TableData]:
        t = translator(self.lang)

        def counts(key: str, title: str, what: str, items: list[Count]) -> TableData:
            return TableData(key, title, [what, t(N_("Enrolled"))], [[c.label, c.count] for c in items])

        status = {k: label(ATTENDANCE_STATUSES, k, self.lang) for k in ATTENDANCE_STATUSES}
        return [
            TableData("figures", t(N_("Key figures")), [t(N_("Figure")), t(N_("Value"))], self.as_rows()),
            counts("by_sex", t(N_("Participants by sex")), t(N_("Sex")), self.by_sex),
            counts("by_sector", t(N_("Participants by sector")), t(N_("Sector")), self.by_sector),
            counts("by_country", t(N_("Participants by country")), t(N_("Country")), self.by_country),
            TableData(
                "sessions",
                t(N_("Attendance per session")),
                [
                    t(N_("Date")),
                    t(N_("Start")),
                    t(N_("End")),
                    t(N_("Session")),
                    status["present"],
                    status["late"],
                    status["absent"],
                    status["excused"],
                    t(N_("Not recorded")),
                ],
                [
                    [s.date, s.start, s.end, s.title, s.present, s.late, s.absent, s.excused, s.unrecorded]
                    for s in self.sessions
                    if s.counts
                ],
            ),
            TableData(
                "participants",
                t(N_("Participants")),
                [
                    t(N_("Name")),
                    t(N_("Sex")),
                    t(N_("Organisation")),
                    t(N_("Sector")),
                    t(N_("Country")),
                    t(N_("E-mail")),
                    t(N_("Sessions attended")),
                    t(N_("Sessions planned")),
                    t(N_("Attendance rate")),
                    t(N_("Below threshold")),
                ],
                [
                    [
                        p.full_name,
                        _sex_label(p.sex, self.lang) if p.sex else "",
                        p.organization,
                        _sector_label(p.sector, self.lang) if p.sector else "",
                        _country_label(p.country, self.lang) if p.country else "",
                        p.email,
                        p.sessions_attended,
                        p.sessions_planned,
                        p.rate,
                        p.below_threshold,
                    ]
                    for p in self.participants
                ],
            ),
            TableData(
                "bundles",
                t(N_("Bundles received")),
                [
                    t(N_("Bundle")),
                    t(N_("Device")),
                    t(N_("Exported")),
                    t(N_("Imported")),
                    t(N_("New")),
                    t(N_("Updated")),
                ],
                [
                    [b.bundle_id, b.device_id, b.created_at, b.imported_at, b.records_new, b.records_updated]
                    for b in self.bundles
                ],
            ),
        ]


def workshop_detail(db: Database, workshop_ref: str, lang: str) -> WorkshopDetail:
    """One workshop: its figures, attendance per session and per participant, the bundles it came in."""
    lang = _lang(lang)
    summaries = {r.participant_id: r for r in attendance.summary(db, workshop_ref)}
    with db.transaction() as s:
        w = load_workshop(s, workshop_ref)
        workshop_id, venue, threshold = w.id, w.venue, w.attendance_threshold
        people = s.execute(
            select(
                Participant.id,
                Participant.full_name,
                Participant.sex,
                Participant.organization,
                Participant.sector,
                Participant.country,
                Participant.email,
            )
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .where(Enrolment.workshop_id == workshop_id, Enrolment.role == "participant")
            .order_by(Participant.name_key)
        ).all()
        sessions = s.execute(
            select(
                AgendaSession.id,
                AgendaSession.date,
                AgendaSession.start_time,
                AgendaSession.end_time,
                AgendaSession.title,
                AgendaSession.kind,
            )
            .where(AgendaSession.workshop_id == workshop_id)
            .order_by(AgendaSession.date, AgendaSession.start_time)
        ).all()
        marks: dict[str, Counter[str]] = defaultdict(Counter)
        enrolled_ids = {p.id for p in people}
        for sid, pid, status in s.execute(
            select(Attendance.session_id, Attendance.participant_id, Attendance.status)
            .join(AgendaSession, AgendaSession.id == Attendance.session_id)
            .where(AgendaSession.workshop_id == workshop_id)
        ):
            if pid in enrolled_ids:
                marks[sid][status] += 1
        bundles = [
            BundleFigures(b, d, i, c, n, u)
            for b, d, i, c, n, u in s.execute(
                select(
                    SyncImport.bundle_id,
                    SyncImport.device_id,
                    SyncImport.imported_at,
                    SyncImport.bundle_created_at,
                    SyncImport.records_new,
                    SyncImport.records_updated,
                )
                .where(SyncImport.workshop_id == workshop_id)
                .order_by(SyncImport.imported_at)
            )
        ]
        conflicts = int(
            s.scalar(
                select(func.count())
                .select_from(SyncConflict)
                .where(
                    SyncConflict.bundle_id.in_(
                        select(SyncImport.bundle_id).where(SyncImport.workshop_id == workshop_id)
                    )
                )
            )
            or 0
        )
    with db.engine.connect() as conn:
        row = next(r for r in _workshop_rows_for(conn, lang, workshop_id))
        evaluations = _evaluations(conn, [workshop_id])
    participants = []
    for p in people:
        summary = summaries.get(p.id)
        participants.append(
            ParticipantFigures(
                id=p.id,
                full_name=p.full_name,
                sex=p.sex or "",
                organization=p.organization or "",
                sector=p.sector or "",
                country=p.country or "",
                email=p.email or "",
                sessions_attended=summary.sessions_attended if summary else 0,
                sessions_planned=summary.sessions_planned if summary else 0,
                rate=summary.rate if summary else 0.0,
                below_threshold=summary.below_threshold if summary else True,
            )
        )

    def breakdown(key: Callable[[ParticipantFigures], str], name: Callable[[str], str]) -> list[Count]:
        return _ordered(Counter(key(p) or stats.UNKNOWN for p in participants), name)

    return WorkshopDetail(
        lang=lang,
        workshop=row,
        venue=venue,
        threshold=threshold,
        eligible=sum(1 for p in participants if not p.below_threshold),
        satisfaction=evaluations.satisfaction if evaluations else None,
        knowledge_gain=evaluations.knowledge_gain if evaluations else None,
        conflicts=conflicts,
        by_sex=breakdown(lambda p: p.sex, lambda k: _sex_label(k, lang)),
        by_sector=breakdown(lambda p: p.sector, lambda k: _sector_label(k, lang)),
        by_country=breakdown(lambda p: p.country, lambda k: _country_label(k, lang)),
        sessions=[
            SessionFigures(
                id=a.id,
                date=a.date,
                start=a.start_time,
                end=a.end_time,
                title=a.title,
                kind=a.kind,
                counts=a.kind in ATTENDANCE_KINDS,
                present=marks[a.id]["present"],
                late=marks[a.id]["late"],
                absent=marks[a.id]["absent"],
                excused=marks[a.id]["excused"],
                unrecorded=max(len(people) - sum(marks[a.id].values()), 0)
                if a.kind in ATTENDANCE_KINDS
                else 0,
            )
            for a in sessions
        ],
        participants=participants,
        bundles=bundles,
    )


def _workshop_rows_for(conn: Connection, lang: str, workshop_id: str) -> list[WorkshopRow]:
    """The overview row of one workshop (demo workshops included: a drill-down shows what it is asked)."""
    rows = [r for r in _workshop_rows(conn, lang) if r.id == workshop_id]
    if rows:
        return rows
    w = conn.execute(select(Workshop).where(Workshop.id == workshop_id)).one()
    countries = [str(c) for c in (w.host_countries or [])]
    return [
        WorkshopRow(
            id=w.id,
            code=w.code,
            title=w.title,
            countries=countries,
            country_labels=", ".join(country_name(c, lang) for c in countries),
            kind=w.kind,
            start=w.start_date,
            end=w.end_date,
            status=w.status,
            language=w.language,
            enrolled=0,
            trained=0,
            attendance_rate=None,
            certificates=0,
            bundles=0,
            last_import=None,
        )
    ]


# --- export --------------------------------------------------------------------------------------------
#: A cell starting with one of these would be run as a formula by a spreadsheet opening the CSV.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _plain(value: object) -> object:
    """A value as a spreadsheet cell: local naive date-times, text for anything unusual."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, bool | int | float | dt.date | dt.time | str):
        return value
    return str(value)


def _csv_cell(value: object) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    return str(value)


def _csv_bytes(rows: Sequence[Sequence[object]], header: Sequence[str]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow([_csv_cell(h) for h in header])
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8 (Cyrillic, accents)


def _xlsx_bytes(rows: Sequence[Sequence[object]], header: Sequence[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    bold = Font(bold=True)

    def cell(value: object, header_cell: bool = False) -> Any:
        c = WriteOnlyCell(sheet, value=_plain(value))
        if isinstance(value, str):
            c.data_type = "s"  # text stays text, even when it starts with "="
        if header_cell:
            c.font = bold
        return c

    sheet.append([cell(h, True) for h in header])
    for row in rows:
        sheet.append([cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_table(rows: list[list[object]], header: list[str], path: Path) -> None:
    """Write a table as CSV (UTF-8 with BOM) or XLSX, chosen by the file's suffix; atomically.

    The file appears whole or not at all (temporary file, flushed, renamed). Other suffixes are refused.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = _csv_bytes(rows, header)
    elif suffix == ".xlsx":
        data = _xlsx_bytes(rows, header)
    else:
        raise ValidationError(_("Choose a file name ending in .csv or .xlsx: {path}").format(path=path))
    if not path.parent.is_dir():
        raise ValidationError(
            _("The folder {folder} does not exist; choose another.").format(folder=path.parent)
        )
    write_atomic(path, data)
