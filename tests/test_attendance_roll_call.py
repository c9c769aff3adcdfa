"""Attendance services behind the roll call: roll call rows, history grid, current session, threshold, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from ccema_desktop.context import AppContext
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.services import attendance, demo
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.workshops import SessionView


def _session(day: dt.date, start: str, end: str, title: str = "S") -> SessionView:
    return SessionView(
        id=f"{day}-{start}",
        date=day,
        start=dt.time.fromisoformat(start),
        end=dt.time.fromisoformat(end),
        title=title,
        kind="exercise",
        module=None,
        exercise_id=None,
        facilitator="",
        notes="",
    )


def test_roll_call_lists_everyone_with_their_mark(ctx: AppContext) -> None:
    wid = demo.ensure_demo_workshop(ctx.db)
    sessions = attendance.attendance_sessions(ctx.db, wid)
    view = ws.get_workshop(ctx.db, wid)
    assert [s.id for s in sessions] == [s.id for s in view.sessions if s.kind in ws.ATTENDANCE_KINDS]
    assert all(s.kind in ws.ATTENDANCE_KINDS for s in sessions)

    first_day = [s for s in sessions if s.date == view.start]
    rows = attendance.roll_call(ctx.db, wid, first_day[0].id)
    assert len(rows) == 25
    assert all(r.status in attendance.ATTENDANCE_STATUSES for r in rows)  # the demo marked day 1
    assert [r.full_name for r in rows] == [s.full_name for s in attendance.summary(ctx.db, wid)]
    assert {"Елена Ким", "Jean-Baptiste Lefèvre"} <= {r.full_name for r in rows}
    assert all(r.organization for r in rows)

    later = next(s for s in sessions if s.date > view.start)
    fresh = attendance.roll_call(ctx.db, wid, later.id)
    assert {r.status for r in fresh} == {None}
    attendance.mark_bulk(ctx.db, wid, [(fresh[0].participant_id, later.id, "late")])
    again = attendance.roll_call(ctx.db, wid, later.id)
    assert again[0].status == "late" and {r.status for r in again[1:]} == {None}

    lunch = next(s for s in view.sessions if s.kind == "lunch")
    with pytest.raises(NotFoundError):
        attendance.roll_call(ctx.db, wid, lunch.id)


def test_history_matches_the_summary_and_flags_people(ctx: AppContext) -> None:
    wid = demo.ensure_demo_workshop(ctx.db)
    grid = attendance.history(ctx.db, wid)
    assert grid.threshold == 80
    assert [s.id for s in grid.sessions] == [s.id for s in attendance.attendance_sessions(ctx.db, wid)]
    summary = {r.participant_id: r for r in attendance.summary(ctx.db, wid)}
    assert len(grid.rows) == 25
    for row in grid.rows:
        assert row.summary.as_json() == summary[row.participant_id].as_json()
        assert set(row.statuses) <= {s.id for s in grid.sessions}
        assert row.summary.below_threshold  # only day 1 of 3 is marked
        assert row.can_reach_threshold == (
            (row.summary.sessions_attended + row.unmarked) * 100 >= 80 * row.summary.sessions_planned
        )

    # Everyone present everywhere: nobody is below; one person absent everywhere cannot reach it.
    first, *others = grid.rows
    marks = [(r.participant_id, s.id, "present") for r in others for s in grid.sessions]
    marks += [(first.participant_id, s.id, "absent") for s in grid.sessions]
    attendance.mark_bulk(ctx.db, wid, marks)
    after = attendance.history(ctx.db, wid)
    flagged = [r.participant_id for r in after.rows if r.summary.below_threshold]
    assert flagged == [first.participant_id]
    assert not after.rows[0].can_reach_threshold
    assert after.rows[0].summary.rate == 0.0 and after.rows[1].summary.rate == 1.0


def test_threshold_is_validated_and_saved(ctx: AppContext) -> None:
    wid = demo.ensure_demo_workshop(ctx.db)
    attendance.set_threshold(ctx.db, wid, 30)
    assert ws.get_workshop(ctx.db, wid).attendance_threshold == 30
    assert attendance.history(ctx.db, wid).threshold == 30
    assert {r.summary.threshold for r in attendance.history(ctx.db, wid).rows} == {30}
    for bad in (-1, 101, True):
        with pytest.raises(ValidationError):
            attendance.set_threshold(ctx.db, wid, bad)
    assert ws.get_workshop(ctx.db, wid).attendance_threshold == 30


def test_unmark_returns_people_to_not_marked(ctx: AppContext) -> None:
    wid = demo.ensure_demo_workshop(ctx.db)
    session = attendance.attendance_sessions(ctx.db, wid)[0]
    rows = attendance.roll_call(ctx.db, wid, session.id)
    pairs = [(r.participant_id, session.id) for r in rows[:3]]
    assert attendance.unmark(ctx.db, wid, pairs) == 3
    assert [r.status for r in attendance.roll_call(ctx.db, wid, session.id)[:3]] == [None] * 3
    assert attendance.unmark(ctx.db, wid, pairs) == 0
    with pytest.raises(ValidationError):
        attendance.unmark(ctx.db, wid, [("nobody", session.id)])


def test_pick_current_session() -> None:
    d1, d2 = dt.date(2026, 3, 10), dt.date(2026, 3, 11)
    sessions = [
        _session(d2, "13:30", "15:00", "afternoon"),
        _session(d1, "09:00", "10:30", "first"),
        _session(d2, "09:00", "10:30", "morning"),
        _session(d2, "11:00", "12:30", "late morning"),
    ]

    def at(day: dt.date, clock: str) -> str | None:
        picked = attendance.pick_current_session(
            sessions, dt.datetime.combine(day, dt.time.fromisoformat(clock))
        )
        return picked.title if picked else None

    assert at(d2, "09:00") == "morning"  # running now
    assert at(d2, "10:29") == "morning"
    assert at(d2, "10:45") == "late morning"  # next one today
    assert at(d2, "07:00") == "morning"
    assert at(d2, "18:00") == "afternoon"  # after the last one of the day: that one
    assert at(dt.date(2026, 4, 1), "10:00") == "first"  # not a workshop day: the first session
    assert attendance.pick_current_session([], dt.datetime(2026, 3, 10, 9)) is None


def test_current_session_uses_the_workshop_agenda(ctx: AppContext) -> None:
    wid = demo.ensure_demo_workshop(ctx.db)
    sessions = attendance.attendance_sessions(ctx.db, wid)
    second_day = [s for s in sessions if s.date == sessions[0].date + dt.timedelta(days=1)]
    target = second_day[1]
    now = dt.datetime.combine(target.date, target.start) + dt.timedelta(minutes=5)
    assert attendance.current_session(ctx.db, wid, now) == target
    assert attendance.current_session(ctx.db, wid) is not None
