"""Attendance screen: keyboard roll call saved to the database, mark all, find a name, history and threshold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from ccema_desktop.gui.attendance_history_model import FLAG_ROLE, AttendanceHistoryModel
from ccema_desktop.gui.main_window import switch_language
from ccema_desktop.gui.roll_call_model import RollCallModel
from ccema_desktop.gui.screens.attendance import AttendanceScreen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import format_date, set_language
from ccema_desktop.services import attendance, demo
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.workshops import SessionView
from ccema_desktop.storage.models import Attendance

Key = Qt.Key


@pytest.fixture
def demo_screen(qtbot, gui_services: GuiServices) -> Iterator[AttendanceScreen]:  # type: ignore[no-untyped-def]
    wid = demo.ensure_demo_workshop(gui_services.db)
    gui_services.set_workshop(wid)
    screen = AttendanceScreen(gui_services)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    yield screen


def _unmarked_session(screen: AttendanceScreen) -> SessionView:
    """A session of the demo's second day: nobody is marked yet."""
    sessions = attendance.attendance_sessions(screen.services.db, screen.services.workshop_id or "")
    return next(s for s in sessions if s.date > sessions[0].date)


def _db_statuses(screen: AttendanceScreen, session_id: str) -> list[str | None]:
    rows = attendance.roll_call(screen.services.db, screen.services.workshop_id or "", session_id)
    return [r.status for r in rows]


def _current_row(screen: AttendanceScreen) -> int:
    return screen.ui.rollCallView.currentIndex().row()


def _select(screen: AttendanceScreen, row: int) -> None:
    view = screen.ui.rollCallView
    view.setCurrentIndex(view.model().index(row, 0))


def test_screen_shows_the_current_session_and_its_roll_call(demo_screen: AttendanceScreen) -> None:
    screen = demo_screen
    sessions = attendance.attendance_sessions(screen.services.db, screen.services.workshop_id or "")
    expected = attendance.pick_current_session(sessions, dt.datetime.now())
    assert expected is not None
    assert screen.ui.sessionCombo.currentData() == expected.id
    assert screen.ui.sessionCombo.count() == len(sessions)
    assert screen.roll_call_model().rowCount() == 25
    assert screen.nav_title() == "Attendance"
    assert not screen.ui.emptyLabel.isVisible()

    first = sessions[0]
    screen.select_session(first.id)
    model = screen.roll_call_model()
    assert [r.status for r in model.rows()] == _db_statuses(screen, first.id)
    assert all(r.status for r in model.rows())  # the demo's first day is marked
    index = model.index(0, RollCallModel.STATUS)
    assert model.data(index) in {"Present", "Late", "Absent", "Excused"}
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None


def test_keys_mark_and_advance(qtbot, demo_screen: AttendanceScreen) -> None:  # type: ignore[no-untyped-def]
    screen = demo_screen
    session = _unmarked_session(screen)
    screen.select_session(session.id)
    view = screen.ui.rollCallView
    assert _db_statuses(screen, session.id) == [None] * 25
    assert _current_row(screen) == 0  # the first person not yet marked
    view.setFocus()

    for key in (Key.Key_P, Key.Key_L, Key.Key_A, Key.Key_E):
        qtbot.keyClick(view, key)
    assert _current_row(screen) == 4  # moved on after each mark
    assert _db_statuses(screen, session.id)[:5] == ["present", "late", "absent", "excused", None]

    qtbot.keyClick(view, Key.Key_Space)  # not marked -> present
    assert _db_statuses(screen, session.id)[4] == "present"
    assert _current_row(screen) == 5

    qtbot.keyClick(view, Key.Key_Up)
    assert _current_row(screen) == 4
    qtbot.keyClick(view, Key.Key_Space)  # present -> absent
    assert _db_statuses(screen, session.id)[4] == "absent"
    _select(screen, 4)
    qtbot.keyClick(view, Key.Key_Space)  # absent -> present
    assert _db_statuses(screen, session.id)[4] == "present"

    _select(screen, 3)
    qtbot.keyClick(view, Key.Key_P, Qt.KeyboardModifier.ShiftModifier)  # caps lock or shift: same key
    assert _db_statuses(screen, session.id)[3] == "present"

    # The same physical keys on a Russian keyboard layout type з д ф у.
    _select(screen, 10)
    for text in ("д", "ф"):
        QApplication.sendEvent(
            view, QKeyEvent(QEvent.Type.KeyPress, Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text)
        )
    assert _db_statuses(screen, session.id)[10:12] == ["late", "absent"]

    # Delete clears a mark and stays on the row; other letters do nothing.
    _select(screen, 10)
    qtbot.keyClick(view, Key.Key_Delete)
    qtbot.keyClick(view, Key.Key_X)
    assert _db_statuses(screen, session.id)[10] is None
    assert _current_row(screen) == 10

    # The last row stays selected after a mark.
    _select(screen, 24)
    qtbot.keyClick(view, Key.Key_E)
    assert _current_row(screen) == 24
    assert _db_statuses(screen, session.id)[24] == "excused"

    # The list shows exactly what the database holds.
    assert [r.status for r in screen.roll_call_model().rows()] == _db_statuses(screen, session.id)


def test_marks_are_recorded_by_the_facilitator(qtbot, gui_services: GuiServices) -> None:  # type: ignore[no-untyped-def]
    gui_services.settings.facilitator_name = "Ana Pérez"
    wid = demo.ensure_demo_workshop(gui_services.db)
    gui_services.set_workshop(wid)
    screen = AttendanceScreen(gui_services)
    qtbot.addWidget(screen)
    screen.show()
    session = _unmarked_session(screen)
    screen.select_session(session.id)
    qtbot.keyClick(screen.ui.rollCallView, Key.Key_P)
    with gui_services.db.transaction() as s:
        recorders = set(s.scalars(select(Attendance.recorded_by).where(Attendance.session_id == session.id)))
    assert recorders == {"Ana Pérez"}


def test_buttons_mark_too(qtbot, demo_screen: AttendanceScreen) -> None:  # type: ignore[no-untyped-def]
    screen = demo_screen
    session = _unmarked_session(screen)
    screen.select_session(session.id)
    _select(screen, 2)
    qtbot.mouseClick(screen.ui.lateButton, Qt.MouseButton.LeftButton)
    assert _db_statuses(screen, session.id)[2] == "late"
    assert _current_row(screen) == 3
    assert screen.ui.rollCallView.hasFocus()
    _select(screen, 2)
    qtbot.mouseClick(screen.ui.clearButton, Qt.MouseButton.LeftButton)
    assert _db_statuses(screen, session.id)[2] is None


def test_mark_all_unmarked_present_keeps_marks_and_can_be_undone(
    qtbot, demo_screen: AttendanceScreen
) -> None:  # type: ignore[no-untyped-def]
    screen = demo_screen
    session = _unmarked_session(screen)
    screen.select_session(session.id)
    view = screen.ui.rollCallView
    view.setFocus()
    qtbot.keyClick(view, Key.Key_A)  # row 0 absent
    qtbot.keyClick(view, Key.Key_L)  # row 1 late
    _select(screen, 5)
    qtbot.keyClick(view, Key.Key_E)  # row 5 excused

    qtbot.keyClick(view, Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    statuses = _db_statuses(screen, session.id)
    assert statuses[0] == "absent" and statuses[1] == "late" and statuses[5] == "excused"
    assert statuses.count("present") == 22 and None not in statuses
    assert screen.ui.undoBar.isVisible() and "22" in screen.ui.undoLabel.text()
    assert screen.ui.countsLabel.text().startswith("22/25 present")

    # Changed after marking all: undo leaves that mark alone.
    _select(screen, 7)
    qtbot.keyClick(view, Key.Key_L)
    qtbot.mouseClick(screen.ui.undoButton, Qt.MouseButton.LeftButton)
    statuses = _db_statuses(screen, session.id)
    assert statuses[0] == "absent" and statuses[1] == "late" and statuses[5] == "excused"
    assert statuses[7] == "late"
    assert statuses.count(None) == 21
    assert not screen.ui.undoBar.isVisible()

    # Nobody left to mark: the button says so and writes nothing.
    qtbot.mouseClick(screen.ui.markAllButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.ui.markAllButton, Qt.MouseButton.LeftButton)
    assert None not in _db_statuses(screen, session.id)
    assert screen.ui.undoBar.isVisible() and not screen.ui.undoButton.isVisible()


def test_find_name_jumps_to_the_first_match(qtbot, demo_screen: AttendanceScreen) -> None:  # type: ignore[no-untyped-def]
    screen = demo_screen
    model = screen.roll_call_model()
    names = [r.full_name for r in model.rows()]
    qtbot.keyClick(screen.ui.rollCallView, Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.ui.findEdit.hasFocus()

    qtbot.keyClicks(screen.ui.findEdit, "lefevre")  # accent-insensitive
    assert names[_current_row(screen)] == "Jean-Baptiste Lefèvre"
    screen.ui.findEdit.clear()
    qtbot.keyClicks(screen.ui.findEdit, "MARIA")  # case-insensitive, start of the name first
    assert names[_current_row(screen)] == "Maria Fernández López"
    screen.ui.findEdit.clear()
    qtbot.keyClicks(screen.ui.findEdit, "yus")  # start of a later word
    assert names[_current_row(screen)] == "Malika Yusupova"

    screen.ui.findEdit.setText("елена")  # Cyrillic: set directly (keyClicks is ASCII only)
    assert names[_current_row(screen)] == "Елена Ким"
    screen.ui.findEdit.setText("ЖУМАБ")
    assert names[_current_row(screen)] == "Асель Жумабаева"

    screen.ui.findEdit.setText("zzz")
    assert screen.ui.findStatus.text()
    assert names[_current_row(screen)] == "Асель Жумабаева"  # stays where it was

    # Down goes to the next name containing the text; Enter goes back to the list to mark.
    screen.ui.findEdit.clear()
    qtbot.keyClicks(screen.ui.findEdit, "ov")
    first = _current_row(screen)
    qtbot.keyClick(screen.ui.findEdit, Key.Key_Down)
    assert _current_row(screen) > first and "ov" in names[_current_row(screen)].lower()
    assert not screen.ui.findStatus.text()

    session = _unmarked_session(screen)
    screen.select_session(session.id)
    screen.ui.findEdit.setText("Kanat")
    row = _current_row(screen)
    qtbot.keyClick(screen.ui.findEdit, Key.Key_Return)
    qtbot.keyClick(screen.ui.rollCallView, Key.Key_L)
    assert _db_statuses(screen, session.id)[row] == "late"
    assert names[row] == "Kanat Zhunusov"


def test_counts_follow_the_marks(qtbot, demo_screen: AttendanceScreen) -> None:  # type: ignore[no-untyped-def]
    screen = demo_screen
    session = _unmarked_session(screen)
    screen.select_session(session.id)
    label = screen.ui.countsLabel
    assert label.text() == "0/25 present · 0 late · 0 absent · 0 excused · 25 not marked"
    view = screen.ui.rollCallView
    for key in (Key.Key_P, Key.Key_P, Key.Key_L, Key.Key_A):
        qtbot.keyClick(view, key)
    assert label.text() == "2/25 present · 1 late · 1 absent · 0 excused · 21 not marked"

    # Someone else's marks (the CLI, an import) show when the data changes.
    rows = attendance.roll_call(screen.services.db, screen.services.workshop_id or "", session.id)
    attendance.mark_bulk(
        screen.services.db,
        screen.services.workshop_id or "",
        [(rows[-1].participant_id, session.id, "excused")],
    )
    screen.services.notify("attendance")
    assert label.text() == "2/25 present · 1 late · 1 absent · 1 excused · 20 not marked"


def test_history_rates_markers_and_threshold(qtbot, demo_screen: AttendanceScreen) -> None:  # type: ignore[no-untyped-def]
    screen = demo_screen
    db, wid = screen.services.db, screen.services.workshop_id or ""
    grid = attendance.history(db, wid)
    everyone_else = grid.rows[1:]
    # Everyone but the first person attends every session; the first misses half of them.
    marks = [(r.participant_id, s.id, "present") for r in everyone_else for s in grid.sessions]
    half = len(grid.sessions) // 2
    marks += [
        (grid.rows[0].participant_id, s.id, "present" if i < half else "absent")
        for i, s in enumerate(grid.sessions)
    ]
    attendance.mark_bulk(db, wid, marks)
    screen.services.notify("attendance")

    screen.ui.tabs.setCurrentWidget(screen.ui.historyTab)
    model = screen.history_model()
    assert model.rowCount() == 25
    assert model.columnCount() == AttendanceHistoryModel.FIRST_SESSION + len(grid.sessions)
    name = grid.rows[0].full_name
    row = next(i for i in range(25) if model.data(model.index(i, 0)) == name)
    rate = half / len(grid.sessions)
    assert model.data(model.index(row, AttendanceHistoryModel.RATE)) == f"{round(rate * 100)}%"
    marker = model.index(row, AttendanceHistoryModel.CERTIFICATE)
    assert model.data(marker) == "Cannot reach 80%"  # all sessions are marked: it is final
    assert model.data(marker, Qt.ItemDataRole.DecorationRole) is not None  # an icon, not colour only
    assert model.data(model.index(row, AttendanceHistoryModel.FIRST_SESSION)) == "P"
    assert model.data(model.index(row, model.columnCount() - 1)) == "A"
    flagged = [model.data(model.index(i, 0)) for i in range(25) if model.data(model.index(i, 0), FLAG_ROLE)]
    assert flagged == [name]
    other = 1 if row == 0 else 0
    assert model.data(model.index(other, AttendanceHistoryModel.RATE)) == "100%"
    assert model.data(model.index(other, AttendanceHistoryModel.CERTIFICATE)) is None
    assert "1 of 25" in screen.ui.historySummaryLabel.text()
    assert "Present" in screen.ui.legendLabel.text()

    # Lower the threshold: saved to the workshop, and nobody is flagged any more.
    assert screen.ui.thresholdSpin.value() == 80
    screen.ui.thresholdSpin.setValue(50)
    assert ws.get_workshop(db, wid).attendance_threshold == 50
    assert not any(r.below_threshold for r in attendance.summary(db, wid))
    assert not any(model.data(model.index(i, 0), FLAG_ROLE) for i in range(25))
    assert "0 of 25" in screen.ui.historySummaryLabel.text()

    # Raise it by keyboard: the person at 50% is flagged again, as the saved summary says.
    screen.ui.thresholdSpin.setFocus()
    screen.ui.thresholdSpin.selectAll()
    qtbot.keyClicks(screen.ui.thresholdSpin, "75")
    qtbot.keyClick(screen.ui.thresholdSpin, Key.Key_Return)
    assert ws.get_workshop(db, wid).attendance_threshold == 75
    assert [r.full_name for r in attendance.summary(db, wid) if r.below_threshold] == [name]
    assert model.data(marker) == "Cannot reach 75%"
    assert not screen.ui.thresholdError.text()


def test_history_follows_marks_taken_on_the_roll_call(qtbot, demo_screen: AttendanceScreen) -> None:  # type: ignore[no-untyped-def]
    screen = demo_screen
    session = _unmarked_session(screen)
    screen.select_session(session.id)
    qtbot.keyClick(screen.ui.rollCallView, Key.Key_A)
    screen.ui.tabs.setCurrentWidget(screen.ui.historyTab)
    model = screen.history_model()
    column = AttendanceHistoryModel.FIRST_SESSION + [s.id for s in model.history().sessions].index(session.id)
    first = screen.roll_call_model().row_at(0)
    row = next(i for i, r in enumerate(model.history().rows) if r.participant_id == first.participant_id)
    assert model.data(model.index(row, column)) == "A"
    assert model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole) == "Absent"


def test_language_switch_and_empty_workshop(qtbot, gui_services: GuiServices) -> None:  # type: ignore[no-untyped-def]
    view = ws.create_workshop(
        gui_services.db,
        ws.WorkshopInput(
            title="Empty", countries=["KZ"], start=dt.date(2026, 5, 4), end=dt.date(2026, 5, 4), language="en"
        ),
    )
    gui_services.set_workshop(view.id)
    screen = AttendanceScreen(gui_services)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.ui.emptyLabel.isVisible()
    assert "Participants" in screen.ui.emptyLabel.text()
    assert not screen.ui.tabs.isEnabled()

    gui_services.set_workshop(demo.ensure_demo_workshop(gui_services.db))
    assert not screen.ui.emptyLabel.isVisible() and screen.ui.tabs.isEnabled()
    try:
        switch_language("ru")
        assert screen.ui.presentButton.text() == "Присутствует (P)"
        first = attendance.attendance_sessions(gui_services.db, gui_services.workshop_id or "")[0]
        screen.select_session(first.id)
        model = screen.roll_call_model()
        assert model.data(model.index(0, RollCallModel.STATUS)) in {
            "Присутствует",
            "Опоздал(а)",
            "Отсутствует",
            "Уважительная причина",
        }
        assert screen.ui.sessionCombo.currentText().startswith(format_date(first.date, "ru", "medium"))
        assert "Присутствует" in screen.ui.legendLabel.text()
        assert "%" in screen.ui.thresholdSpin.suffix()
    finally:
        switch_language("en")
        set_language("en")


def test_close_the_day_without_headquarters_saves_and_says_how_to_send(
    qtbot, demo_screen: AttendanceScreen
) -> None:  # type: ignore[no-untyped-def]
    from ccema_desktop.sync import outbox

    screen = demo_screen
    session = _unmarked_session(screen)
    screen.select_session(session.id)
    _select(screen, 0)
    qtbot.keyClick(screen.ui.rollCallView, Key.Key_P)
    qtbot.mouseClick(screen.ui.closeDayButton, Qt.MouseButton.LeftButton)
    assert _db_statuses(screen, session.id)[0] == "present"
    assert "not enrolled" in screen.day_closed_message
    assert outbox.list_items(screen.services.ctx) == []
    assert screen.ui.closeDayButton.isEnabled()


def test_close_the_day_queues_the_bundle_for_headquarters(
    qtbot, tmp_path, demo_screen: AttendanceScreen
) -> None:  # type: ignore[no-untyped-def]
    from ccema_desktop.sync import outbox
    from tests.inbox_support import free_port
    from tests.sync_helpers import ccema, headquarters

    hq = headquarters(tmp_path / "hq")
    folder = demo_screen.services.ctx.paths.root
    dead_url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    run = ccema("--data-dir", str(folder), "device", "enroll", str(hq.public_key), "--url", dead_url)
    assert run.code == 0, run.err
    qtbot.mouseClick(demo_screen.ui.closeDayButton, Qt.MouseButton.LeftButton)
    items = outbox.list_items(demo_screen.services.ctx)
    assert [(i.trigger, i.workshop_code) for i in items] == [
        ("day", ws.get_workshop(demo_screen.services.db, demo_screen.services.workshop_id or "").code)
    ]
    assert "queued for headquarters" in demo_screen.day_closed_message
