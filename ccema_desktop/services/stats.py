"""Headquarters statistics: the figures donors ask for, each person counted once however many workshops.

Definitions (also in the README):
- a *person* is a participant record, and records with the same e-mail (case-insensitive) are one person;
- demo workshops are left out of every figure;
- `workshops`: workshops in the database;
- `participants_registered`: distinct persons enrolled (role participant) in at least one workshop;
- `participants_trained`: distinct persons marked present or late in at least one session;
- `certificates_eligible`: enrolments (person and workshop) whose attendance rate reaches the workshop's
  threshold, the same rule as `ccema attendance summary`;
- `attendance_rate`: sessions attended (present or late) over sessions planned, summed over all enrolments;
- `by_sex`, `by_sector`, `by_country`: persons trained, by the latest record of each person ("unknown" when
  empty); `by_year`: persons trained in workshops starting that year (a person trained in two years counts
  in both);
- `satisfaction_*`, `knowledge_*`: evaluation figures pooled over workshops (`services.evaluations.overall`,
  definitions in `domain.scoring`); None when there is no data or fewer than 5 anonymous respondents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection, case, func, select

from ccema_desktop.domain.vocab import ATTENDED_STATUSES
from ccema_desktop.services.workshops import ATTENDANCE_KINDS
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import AgendaSession, Attendance, Enrolment, Participant, Workshop

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Stats:
    workshops: int
    participants_registered: int
    participants_trained: int
    certificates_eligible: int
    attendance_rate: float
    by_sex: dict[str, int] = field(default_factory=dict)
    by_sector: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)
    by_year: dict[str, int] = field(default_factory=dict)
    satisfaction_respondents: int = 0
    satisfaction_share_agreeing: float | None = None
    satisfaction_mean: float | None = None
    knowledge_pairs: int = 0
    knowledge_gain: float | None = None
    knowledge_improved: float | None = None
    knowledge_passing: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "workshops": self.workshops,
            "participants_registered": self.participants_registered,
            "participants_trained": self.participants_trained,
            "certificates_eligible": self.certificates_eligible,
            "attendance_rate": self.attendance_rate,
            "by_sex": self.by_sex,
            "by_sector": self.by_sector,
            "by_country": self.by_country,
            "by_year": self.by_year,
            "satisfaction_respondents": self.satisfaction_respondents,
            "satisfaction_share_agreeing": self.satisfaction_share_agreeing,
            "satisfaction_mean": self.satisfaction_mean,
            "knowledge_pairs": self.knowledge_pairs,
            "knowledge_gain": self.knowledge_gain,
            "knowledge_improved": self.knowledge_improved,
            "knowledge_passing": self.knowledge_passing,
        }


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


class AttendancePart(NamedTuple):
    """What one workshop adds to the attendance figures, by participant record (persons are matched by
    e-mail when pooling, from the participants as they are then)."""

    #: Sessions planned that count for attendance.
    planned: int
    #: (participant id, counted sessions attended) of everyone marked present or late in a session of the
    #: workshop (counted may be 0: trained in a session that does not count for the rate).
    attended: Sequence[Sequence[Any]]
    #: Participants enrolled with the role participant.
    enrolled: Sequence[str]

    def as_json(self) -> list[Any]:
        return [self.planned, [list(a) for a in self.attended], list(self.enrolled)]

    @classmethod
    def from_json(cls, value: Any) -> AttendancePart:
        """As `as_json` wrote it (lists kept as read: tens of thousands of entries at headquarters)."""
        planned, attended, enrolled = value
        return cls(int(planned), attended, enrolled)


def attendance_parts(conn: Connection, workshop_ids: Sequence[str]) -> dict[str, AttendancePart]:
    """Each given workshop's `AttendancePart` (three grouped queries per 500 workshops)."""
    planned: dict[str, int] = {}
    attended: dict[str, list[tuple[str, int]]] = defaultdict(list)
    enrolled: dict[str, list[str]] = defaultdict(list)
    ids = list(dict.fromkeys(workshop_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for workshop_id, count in conn.execute(
            select(AgendaSession.workshop_id, func.count())
            .where(AgendaSession.workshop_id.in_(chunk), AgendaSession.kind.in_(ATTENDANCE_KINDS))
            .group_by(AgendaSession.workshop_id)
        ):
            planned[workshop_id] = int(count)
        for workshop_id, participant_id, counted in conn.execute(
            select(
                AgendaSession.workshop_id,
                Attendance.participant_id,
                func.sum(case((AgendaSession.kind.in_(ATTENDANCE_KINDS), 1), else_=0)),
            )
            .join(AgendaSession, AgendaSession.id == Attendance.session_id)
            .where(AgendaSession.workshop_id.in_(chunk), Attendance.status.in_(ATTENDED_STATUSES))
            .group_by(AgendaSession.workshop_id, Attendance.participant_id)
        ):
            attended[workshop_id].append((participant_id, int(counted or 0)))
        for workshop_id, participant_id in conn.execute(
            select(Enrolment.workshop_id, Enrolment.participant_id).where(
                Enrolment.workshop_id.in_(chunk), Enrolment.role == "participant"
            )
        ):
            enrolled[workshop_id].append(participant_id)
    return {
        wid: AttendancePart(
            planned.get(wid, 0), tuple(sorted(attended.get(wid, ()))), tuple(sorted(enrolled.get(wid, ())))
        )
        for wid in ids
    }


def compute(db: Database) -> Stats:
    """All figures from each workshop's kept parts (`services.workshop_figures`: the database's triggers say
    which are stale, and those are read again), the workshops and the participants (persons matched by
    e-mail in Python)."""
    from ccema_desktop.services import evaluations, workshop_figures

    with db.engine.connect() as conn:
        workshops = {
            w.id: (w.start_date.year, w.attendance_threshold)
            for w in conn.execute(
                select(Workshop.id, Workshop.start_date, Workshop.attendance_threshold).where(
                    Workshop.is_demo.is_(False)
                )
            )
        }
        person: dict[str, str] = {}
        profile: dict[str, tuple[str, str, str]] = {}
        # Oldest first, so each person's latest record is the one left in `profile`.
        for pid, email, sex, sector, country in conn.execute(
            select(
                Participant.id, Participant.email, Participant.sex, Participant.sector, Participant.country
            ).order_by(Participant.updated_at, Participant.id)
        ).all():
            key = email.strip().lower() if email and email.strip() else pid
            person[pid] = key
            profile[key] = (sex or UNKNOWN, sector or UNKNOWN, country or UNKNOWN)
    parts = workshop_figures.current(db)
    trained_in: dict[str, set[int]] = defaultdict(set)
    registered: set[str] = set()
    eligible = 0
    seats = 0
    present = 0
    evaluation: dict[str, evaluations.WorkshopPartial] = {}
    for workshop_id, (year, threshold) in workshops.items():
        kept = parts.get(workshop_id)
        if kept is None:  # pragma: no cover - `current` gives every workshop it was asked about
            continue
        if kept.evaluation is not None:
            evaluation[workshop_id] = kept.evaluation
        part = kept.attendance
        done_by: dict[str, int] = {}
        for participant_id, counted in part.attended:
            key = person.get(participant_id)
            if key is None:
                continue
            done_by[participant_id] = counted
            trained_in[key].add(year)
        sessions = part.planned
        for participant_id in part.enrolled:
            key = person.get(participant_id)
            if key is None:
                continue
            registered.add(key)
            done = done_by.get(participant_id, 0)
            seats += sessions
            present += done
            if sessions and not done / sessions * 100 < threshold:  # as `attendance summary` decides
                eligible += 1
    by_sex: Counter[str] = Counter()
    by_sector: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    by_year: Counter[str] = Counter()
    for key, years in trained_in.items():
        sex, sector, country = profile[key]
        by_sex[sex] += 1
        by_sector[sector] += 1
        by_country[country] += 1
        for year in years:
            by_year[str(year)] += 1
    return Stats(
        workshops=len(workshops),
        participants_registered=len(registered),
        participants_trained=len(trained_in),
        certificates_eligible=eligible,
        attendance_rate=round(present / seats, 4) if seats else 0.0,
        by_sex=_sorted(by_sex),
        by_sector=_sorted(by_sector),
        by_country=_sorted(by_country),
        by_year=dict(sorted(by_year.items())),
        **_evaluation_figures(evaluations.pool(evaluation)),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _evaluation_figures(figures: Any) -> dict[str, Any]:
    """Satisfaction (final evaluation reaction items) and knowledge gain over every non-demo workshop, as
    `evaluations.overall` pools them (`figures`: its `OverallFigures`)."""
    sat = figures.satisfaction
    return {
        "satisfaction_respondents": sat.respondents if sat else 0,
        "satisfaction_share_agreeing": _round(sat.share_agreeing) if sat else None,
        "satisfaction_mean": _round(sat.mean) if sat else None,
        "knowledge_pairs": figures.pairs,
        "knowledge_gain": _round(figures.knowledge_gain),
        "knowledge_improved": _round(figures.share_improved),
        "knowledge_passing": _round(figures.share_passing),
    }
