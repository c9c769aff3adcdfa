"""What the workshop services return: plain data, importable without SQLAlchemy.

The desktop shows the workshop list before the database layer is loaded (`services.first_paint`), so these
views live apart from `services.workshops`, which re-exports them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SessionView:
    id: str
    date: dt.date
    start: dt.time
    end: dt.time
    title: str
    kind: str
    module: int | None
    exercise_id: str | None
    facilitator: str
    notes: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "start": self.start.strftime("%H:%M"),
            "end": self.end.strftime("%H:%M"),
            "title": self.title,
            "module": self.module,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class WorkshopView:
    id: str
    code: str
    title: str
    kind: str
    countries: list[str]
    venue: str
    start: dt.date
    end: dt.date
    language: str
    status: str
    modules: list[int]
    partners: str
    funding: str
    facilitators: list[str]
    day_start: dt.time
    day_end: dt.time
    attendance_threshold: int
    is_demo: bool
    participants: int
    sessions: list[SessionView]
    unscheduled: list[str] = field(default_factory=list)

    def as_json(self, with_sessions: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "code": self.code,
            "title": self.title,
            "kind": self.kind,
            "countries": self.countries,
            "venue": self.venue,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "language": self.language,
            "status": self.status,
            "modules": self.modules,
            "attendance_threshold": self.attendance_threshold,
            "is_demo": self.is_demo,
            "participants": self.participants,
        }
        if with_sessions:
            data["sessions"] = [s.as_json() for s in self.sessions]
        return data
