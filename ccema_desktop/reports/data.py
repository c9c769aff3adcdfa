"""Plain data the documents are built from, gathered by `services.reporting` and `services.certificates`.

No ORM objects and no database here: the GUI gathers on a worker thread and hands these values to the
`build_*` functions, which may run on any thread. Vocabulary values are kept as keys (sex, sector, kind,
ISO country codes) and labelled in the document's language when it is built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from ccema_desktop.reports.styles import Kit


class ReportSection(Protocol):
    """A section another feature plugs into the workshop report or the HQ infosheet.

    Evaluations (satisfaction, knowledge gain per module) land this way: their service returns a section
    only when there is data, and the builders append its flowables after their own sections.
    """

    def flowables(self, kit: Kit) -> list[Flowable]: ...


@dataclass(frozen=True)
class WorkshopInfo:
    """What every document says about a workshop."""

    id: str
    code: str
    title: str
    kind: str
    countries: list[str]
    venue: str
    start: dt.date
    end: dt.date
    language: str
    facilitators: list[str]
    partners: str
    funding: str
    threshold: int
    modules: dict[int, dict[str, str]] = field(default_factory=dict)
    """Module number -> title by language, in the workshop's module order."""

    def module_titles(self, lang: str) -> list[tuple[int, str]]:
        return [(n, t.get(lang) or t.get("en") or "") for n, t in self.modules.items()]


@dataclass(frozen=True)
class SheetPerson:
    full_name: str
    organization: str
    position: str


@dataclass(frozen=True)
class SignInSheet:
    """One sheet to sign: a whole day, or one session when `session_title` is set."""

    date: dt.date
    people: list[SheetPerson]
    session_title: str = ""
    start: dt.time | None = None
    end: dt.time | None = None


@dataclass(frozen=True)
class AttendanceSheetData:
    workshop: WorkshopInfo
    sheets: list[SignInSheet]
    blank_rows: int = 3


@dataclass(frozen=True)
class CertificateItem:
    participant_name: str
    number: str
    verification_code: str
    """Display form, e.g. 'K7M2Q-9XW4T'."""
    language: str
    issued: dt.date


@dataclass(frozen=True)
class CertificatesData:
    workshop: WorkshopInfo
    items: list[CertificateItem]


@dataclass(frozen=True)
class CountRow:
    """One line of a breakdown: a vocabulary key (or country code) with enrolled and attended people."""

    key: str
    enrolled: int
    attended: int


@dataclass(frozen=True)
class SessionRow:
    date: dt.date
    start: dt.time
    end: dt.time
    title: str
    kind: str
    module: int | None
    facilitator: str
    notes: str
    counts: bool
    """True for sessions that count for attendance (not breaks or lunch)."""
    present: int = 0
    late: int = 0
    absent: int = 0
    excused: int = 0
    unrecorded: int = 0


@dataclass(frozen=True)
class WorkshopReportData:
    workshop: WorkshopInfo
    enrolled: int
    attended: int
    """Persons present or late in at least one session."""
    eligible: int
    """Participants at or above the attendance threshold (certificate gate)."""
    certificates: int
    average_rate: float
    by_sex: list[CountRow]
    by_sector: list[CountRow]
    by_country: list[CountRow]
    sessions: list[SessionRow]
    notes: str
    recommendations: str
    extra_sections: list[ReportSection] = field(default_factory=list)


@dataclass(frozen=True)
class HqWorkshopRow:
    code: str
    title: str
    kind: str
    countries: list[str]
    start: dt.date
    end: dt.date
    language: str
    enrolled: int
    trained: int
    certificates: int


@dataclass(frozen=True)
class Tally:
    key: str
    count: int


@dataclass(frozen=True)
class HqData:
    generated: dt.date
    workshops: list[HqWorkshopRow]
    persons_trained: int
    """Distinct persons present or late in at least one session of any listed workshop."""
    participations: int
    """Trained persons counted once per workshop (a person at two workshops counts twice)."""
    certificates: int
    by_sex: list[Tally]
    by_sector: list[Tally]
    by_participant_country: list[Tally]
    workshops_by_country: list[Tally]
    workshops_by_region: list[Tally]
    """Grouped by workshop kind (national, regional, global): Babel ships no territory containment data."""
    workshops_by_year: list[Tally]
    extra_sections: list[ReportSection] = field(default_factory=list)
