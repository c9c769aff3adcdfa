"""The workshop list read with the standard library's sqlite3, for the desktop's first paint.

Importing SQLAlchemy and the models takes longer than showing a bare Qt window (see benchmarks/
bench_startup.py), so when the data folder's database is already at this version's schema
(`context.check_data_folder` says `at_head`) the desktop fills its workshop list from `read_workshops` and
opens the database properly in the background. The result equals `workshops.list_workshops(db)`
(tests/test_first_paint.py compares both on the same file); anything unexpected gives None and the desktop
simply waits for the database as before. Read-only: the file is opened with `mode=ro`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from ccema_desktop.services.workshop_views import SessionView, WorkshopView

# The same statements, in the same order, as the ORM's in services.workshops.list_workshops, so SQLite
# picks the same plans and rows that tie on the sort keys come back in the same order.
_WORKSHOPS = (
    "SELECT id, code, title, kind, host_countries, venue, start_date, end_date, language, status, modules, "
    "partners, funding, facilitators, day_start, day_end, attendance_threshold, is_demo "
    "FROM workshop ORDER BY start_date DESC, title"
)
_ENROLLED = "SELECT count(*) FROM enrolment WHERE enrolment.workshop_id = ?"
_SESSIONS = (
    "SELECT id, date, start_time, end_time, title, kind, module_number, exercise_id, facilitator, notes "
    "FROM agenda_session WHERE agenda_session.workshop_id = ? ORDER BY date, start_time"
)


def _date(value: Any) -> dt.date:
    return dt.date.fromisoformat(str(value))


def _time(value: Any) -> dt.time:
    return dt.time.fromisoformat(str(value))  # SQLAlchemy stores TIME as HH:MM:SS.ffffff on SQLite


def _json_list(value: Any) -> list[Any]:
    loaded = json.loads(value)
    if not isinstance(loaded, list):
        raise TypeError("a JSON list was expected")
    return loaded


def read_workshops(db_file: Path) -> list[WorkshopView] | None:
    """Every workshop as `workshops.list_workshops` returns them, or None when the file cannot be read so."""
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        views: list[WorkshopView] = []
        for row in conn.execute(_WORKSHOPS).fetchall():
            (wid, code, title, kind, countries, venue, start, end, language, status, modules) = row[:11]
            (partners, funding, facilitators, day_start, day_end, threshold, is_demo) = row[11:]
            sessions = [
                SessionView(
                    id=s[0],
                    date=_date(s[1]),
                    start=_time(s[2]),
                    end=_time(s[3]),
                    title=s[4],
                    kind=s[5],
                    module=s[6],
                    exercise_id=s[7],
                    facilitator=s[8],
                    notes=s[9],
                )
                for s in conn.execute(_SESSIONS, (wid,)).fetchall()
            ]
            views.append(
                WorkshopView(
                    id=wid,
                    code=code,
                    title=title,
                    kind=kind,
                    countries=_json_list(countries),
                    venue=venue,
                    start=_date(start),
                    end=_date(end),
                    language=language,
                    status=status,
                    modules=_json_list(modules),
                    partners=partners,
                    funding=funding,
                    facilitators=_json_list(facilitators),
                    day_start=_time(day_start),
                    day_end=_time(day_end),
                    attendance_threshold=int(threshold),
                    is_demo=bool(is_demo),
                    participants=int(conn.execute(_ENROLLED, (wid,)).fetchone()[0]),
                    sessions=sessions,
                )
            )
        return views
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()
