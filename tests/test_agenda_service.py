"""Editing the agenda through services.agenda: every edit checked in the database, undo of deletes, warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from ccema_desktop.context import AppContext
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.services import agenda, curriculum, demo
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.workshops import SessionView

DAY1 = dt.date(2026, 3, 2)
DAY2 = dt.date(2026, 3, 3)
DAY3 = dt.date(2026, 3, 4)


def t(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


@pytest.fixture
def workshop_id(ctx: AppContext) -> str:
    view = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Agenda tests", countries=["KZ"], start=DAY1, end=DAY3, language="en", modules=[1]
        ),
    )
    return view.id


def _session(ctx: AppContext, workshop_id: str, session_id: str) -> SessionView:
    return next(s for s in ws.get_workshop(ctx.db, workshop_id).sessions if s.id == session_id)


def _add(ctx: AppContext, workshop_id: str, **changes: object) -> SessionView:
    values: dict[str, object] = {
        "date": DAY2,
        "start": t("17:30"),
        "end": t("18:00"),
        "title": "Evening debrief",
        "kind": "custom",
    }
    values.update(changes)
    return agenda.add_session(ctx.db, workshop_id, agenda.SessionInput(**values))  # type: ignore[arg-type]


def test_add_and_update_with_an_exercise_link(ctx: AppContext, workshop_id: str) -> None:
    exercise = curriculum.get_module(ctx.db, 2, "en").exercises[0]
    added = _add(ctx, workshop_id, title="  Data exercise ", exercise_id=exercise.id, facilitator="Ana")
    stored = _session(ctx, workshop_id, added.id)
    assert stored.title == "Data exercise"
    assert stored.module == 2  # taken from the exercise
    assert stored.exercise_id == exercise.id and stored.facilitator == "Ana"
    changed = agenda.update_session(
        ctx.db,
        added.id,
        agenda.SessionInput(DAY3, t("08:00"), t("08:45"), "Morning recap", "custom", notes="bring flipchart"),
    )
    stored = _session(ctx, workshop_id, added.id)
    assert stored == changed
    assert (stored.date, stored.start, stored.end, stored.exercise_id) == (DAY3, t("08:00"), t("08:45"), None)
    assert stored.notes == "bring flipchart"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "needs a title"),
        ({"start": t("10:00"), "end": t("10:00")}, "end after it starts"),
        ({"start": t("11:00"), "end": t("10:00")}, "end after it starts"),
        ({"date": dt.date(2026, 3, 9)}, "within the workshop"),
        ({"kind": "party"}, "Unknown session kind"),
    ],
)
def test_invalid_sessions_are_refused(
    ctx: AppContext, workshop_id: str, changes: dict[str, object], message: str
) -> None:
    before = ws.get_workshop(ctx.db, workshop_id).sessions
    with pytest.raises(ValidationError, match=message):
        _add(ctx, workshop_id, **changes)
    assert ws.get_workshop(ctx.db, workshop_id).sessions == before


def test_move_shift_and_reschedule_keep_or_set_times(ctx: AppContext, workshop_id: str) -> None:
    s = _add(ctx, workshop_id, start=t("10:00"), end=t("10:50"))
    agenda.move_session(ctx.db, s.id, DAY1, t("13:05"))
    got = _session(ctx, workshop_id, s.id)
    assert (got.date, got.start, got.end) == (DAY1, t("13:05"), t("13:55"))
    agenda.shift_session(ctx.db, s.id, minutes=-15)
    got = _session(ctx, workshop_id, s.id)
    assert (got.start, got.end) == (t("12:50"), t("13:40"))
    agenda.shift_session(ctx.db, s.id, days=2)
    assert _session(ctx, workshop_id, s.id).date == DAY3
    agenda.reschedule_session(ctx.db, s.id, DAY2, t("09:00"), t("09:20"))
    got = _session(ctx, workshop_id, s.id)
    assert (got.date, got.start, got.end, got.title) == (DAY2, t("09:00"), t("09:20"), "Evening debrief")


def test_moves_that_leave_the_workshop_or_the_day_are_refused(ctx: AppContext, workshop_id: str) -> None:
    s = _add(ctx, workshop_id, date=DAY3, start=t("00:10"), end=t("00:40"))
    with pytest.raises(ValidationError, match="within the workshop"):
        agenda.shift_session(ctx.db, s.id, days=1)
    with pytest.raises(ValidationError, match="before 00:00"):
        agenda.shift_session(ctx.db, s.id, minutes=-15)
    with pytest.raises(ValidationError, match="after midnight"):
        agenda.move_session(ctx.db, s.id, DAY3, t("23:45"))
    with pytest.raises(ValidationError, match="end after it starts"):
        agenda.reschedule_session(ctx.db, s.id, DAY3, t("10:00"), t("09:00"))
    got = _session(ctx, workshop_id, s.id)
    assert (got.date, got.start, got.end) == (DAY3, t("00:10"), t("00:40"))


def test_resize_and_change_duration(ctx: AppContext, workshop_id: str) -> None:
    s = _add(ctx, workshop_id, start=t("10:00"), end=t("10:30"))
    agenda.resize_session(ctx.db, s.id, 45)
    assert _session(ctx, workshop_id, s.id).end == t("10:45")
    agenda.change_duration(ctx.db, s.id, -5)
    assert _session(ctx, workshop_id, s.id).end == t("10:40")
    agenda.change_duration(ctx.db, s.id, 5)
    assert _session(ctx, workshop_id, s.id).end == t("10:45")
    agenda.resize_session(ctx.db, s.id, 5)
    with pytest.raises(ValidationError, match="at least 5 minutes"):
        agenda.change_duration(ctx.db, s.id, -5)
    assert _session(ctx, workshop_id, s.id).end == t("10:05")


def test_delete_and_restore_bring_back_the_same_session_and_its_attendance(ctx: AppContext) -> None:
    wid = demo.ensure_demo_workshop(ctx.db)
    workshop = ws.get_workshop(ctx.db, wid)
    marked = next(s for s in workshop.sessions if agenda.attendance_count(ctx.db, s.id))
    count = agenda.attendance_count(ctx.db, marked.id)
    assert count == 25
    snapshot = agenda.delete_session(ctx.db, marked.id)
    assert len(snapshot.attendance) == count
    assert marked.id not in {s.id for s in ws.get_workshop(ctx.db, wid).sessions}
    assert agenda.attendance_count(ctx.db, marked.id) == 0
    restored = agenda.restore_session(ctx.db, snapshot)
    assert restored == marked
    assert ws.get_workshop(ctx.db, wid).sessions == workshop.sessions
    assert agenda.attendance_count(ctx.db, marked.id) == count


def test_missing_sessions_say_so(ctx: AppContext, workshop_id: str) -> None:
    s = _add(ctx, workshop_id)
    agenda.delete_session(ctx.db, s.id)
    for call in (
        lambda: agenda.shift_session(ctx.db, s.id, minutes=15),
        lambda: agenda.change_duration(ctx.db, s.id, 5),
        lambda: agenda.reschedule_session(ctx.db, s.id, DAY1, t("10:00"), t("11:00")),
        lambda: agenda.delete_session(ctx.db, s.id),
    ):
        with pytest.raises(NotFoundError, match="no longer exists"):
            call()


def test_notes_are_saved_only_when_changed(ctx: AppContext, workshop_id: str) -> None:
    s = _add(ctx, workshop_id)
    agenda.set_session_notes(ctx.db, s.id, "Room B")
    assert _session(ctx, workshop_id, s.id).notes == "Room B"


def test_warnings_for_overlaps_overruns_and_early_starts(ctx: AppContext, workshop_id: str) -> None:
    assert agenda.warnings(ctx.db, workshop_id) == []
    first = ws.get_workshop(ctx.db, workshop_id).sessions[0]
    late = _add(ctx, workshop_id, date=DAY2, start=t("16:45"), end=t("17:30"))
    early = _add(ctx, workshop_id, date=DAY3, start=t("08:00"), end=t("08:30"))
    clash = _add(ctx, workshop_id, date=first.date, start=first.start, end=first.end, title="Clash")
    found = {(w.session_id, w.kind): w for w in agenda.warnings(ctx.db, workshop_id)}
    assert set(found) == {(late.id, "overrun"), (early.id, "early"), (clash.id, "overlap")}
    assert "17:00" in found[late.id, "overrun"].message
    assert "09:00" in found[early.id, "early"].message
    overlap = found[clash.id, "overlap"]
    assert overlap.other_id == first.id and first.title in overlap.message
    agenda.shift_session(ctx.db, late.id, minutes=-30)
    agenda.delete_session(ctx.db, clash.id)
    assert {w.kind for w in agenda.warnings(ctx.db, workshop_id)} == {"early"}
