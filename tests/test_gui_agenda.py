"""The agenda screen on the demo workshop, driven with real clicks and keys; every edit checked in the database."""

from __future__ import annotations

import datetime as dt
import sys
import types
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTime
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from ccema_desktop.gui.agenda_model import SESSION_MIME, AgendaTableModel, drop_start
from ccema_desktop.gui.screens import agenda as agenda_screen
from ccema_desktop.gui.screens.agenda import AgendaScreen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import set_language
from ccema_desktop.services import agenda, demo
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.workshops import SessionView

ALT = Qt.KeyboardModifier.AltModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def t(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


@pytest.fixture
def screen(qtbot: Any, gui_services: GuiServices) -> Iterator[AgendaScreen]:
    workshop_id = demo.ensure_demo_workshop(gui_services.db)
    gui_services.set_workshop(workshop_id)
    widget = AgendaScreen(gui_services)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    if widget.dialog is not None:
        widget.dialog.reject()


def stored(screen: AgendaScreen, session_id: str) -> SessionView | None:
    workshop = ws.get_workshop(screen.services.db, str(screen.services.workshop_id))
    return next((s for s in workshop.sessions if s.id == session_id), None)


def all_sessions(screen: AgendaScreen) -> list[SessionView]:
    return ws.get_workshop(screen.services.db, str(screen.services.workshop_id)).sessions


def select(screen: AgendaScreen, title_start: str) -> SessionView:
    session = next(s for s in all_sessions(screen) if s.title.startswith(title_start))
    screen.select_session(session.id)
    screen.ui.sessionTable.setFocus()
    assert screen.model.session_at(screen.ui.sessionTable.currentIndex().row()) == session
    return session


def key(
    qtbot: Any,
    screen: AgendaScreen,
    k: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(screen.ui.sessionTable, k, modifiers)


def save_button(dialog: QDialog) -> QWidget:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Save)


def test_days_are_tabs_and_the_day_lists_its_sessions_in_order(screen: AgendaScreen) -> None:
    workshop = ws.get_workshop(screen.services.db, str(screen.services.workshop_id))
    tabs = screen.ui.dayTabs
    assert tabs.count() == 3
    assert tabs.tabText(0).startswith("Day 1 · ")
    assert str(workshop.start.day) in tabs.tabText(0)
    tabs.setCurrentIndex(0)
    first_day = [s for s in workshop.sessions if s.date == workshop.start]
    assert screen.model.sessions() == first_day
    model = screen.model
    assert model.index(0, AgendaTableModel.TIME).data() == "09:00–09:30"
    assert model.index(0, AgendaTableModel.KIND).data() == "Opening"
    lunch = model.row_of(next(s.id for s in first_day if s.kind == "lunch"))
    assert model.index(lunch, AgendaTableModel.TITLE).data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(lunch, AgendaTableModel.TITLE).data(Qt.ItemDataRole.BackgroundRole) is not None
    exercise = model.row_of(next(s.id for s in first_day if s.kind == "exercise"))
    assert model.index(exercise, AgendaTableModel.TITLE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(exercise, AgendaTableModel.MODULE).data() == "1"
    assert "No overlaps" in screen.ui.warningSummary.text()


def test_add_a_session_with_the_dialog(qtbot: Any, screen: AgendaScreen) -> None:
    before = len(all_sessions(screen))
    qtbot.mouseClick(screen.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.ui.titleEdit, "Field visit briefing")
    dialog.ui.dateCombo.setCurrentIndex(2)
    dialog.ui.startEdit.setTime(QTime(16, 30))
    dialog.ui.endEdit.setTime(QTime(16, 50))
    dialog.ui.facilitatorCombo.setCurrentText("Ana Ruiz")
    dialog.ui.kindCombo.setCurrentIndex(dialog.ui.kindCombo.findData("custom"))
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert screen.dialog is None
    sessions = all_sessions(screen)
    assert len(sessions) == before + 1
    added = next(s for s in sessions if s.title == "Field visit briefing")
    workshop = ws.get_workshop(screen.services.db, str(screen.services.workshop_id))
    assert (added.date, added.start, added.end) == (workshop.end, t("16:30"), t("16:50"))
    assert (added.kind, added.facilitator) == ("custom", "Ana Ruiz")
    assert screen.day == workshop.end  # the screen follows the new session
    assert screen.model.session_at(screen.ui.sessionTable.currentIndex().row()) == added
    row = screen.model.row_of(added.id)
    assert screen.model.index(row, AgendaTableModel.FACILITATOR).data() == "Ana Ruiz"
    key(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the add
    assert stored(screen, added.id) is None


def test_choosing_an_exercise_proposes_its_title_and_length(qtbot: Any, screen: AgendaScreen) -> None:
    qtbot.keyClick(screen.ui.sessionTable, Qt.Key.Key_Insert)
    dialog = screen.dialog
    assert dialog is not None
    ui = dialog.ui
    ui.moduleCombo.setCurrentIndex(ui.moduleCombo.findData(5))
    ui.moduleCombo.activated.emit(ui.moduleCombo.currentIndex())
    assert ui.exerciseCombo.count() > 1
    exercise = dialog.modules[4].exercises[0]
    ui.exerciseCombo.setCurrentIndex(ui.exerciseCombo.findData(exercise.id))
    ui.exerciseCombo.activated.emit(ui.exerciseCombo.currentIndex())
    assert ui.titleEdit.text() == f"{exercise.code} {exercise.title}"
    start = ui.startEdit.time()
    assert start.secsTo(ui.endEdit.time()) == exercise.duration_minutes * 60
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    added = next(s for s in all_sessions(screen) if s.exercise_id == exercise.id)
    assert added.module == 5 and added.kind == "exercise"
    assert added.title == f"{exercise.code} {exercise.title}"


def test_validation_blocks_saving(qtbot: Any, screen: AgendaScreen) -> None:
    before = all_sessions(screen)
    qtbot.mouseClick(screen.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog is not None
    assert dialog.ui.titleError.isHidden()  # nothing said before the person tried
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.titleError.isVisible() and "title" in dialog.ui.titleError.text()
    qtbot.keyClicks(dialog.ui.titleEdit, "Late start")
    assert dialog.ui.titleError.isHidden()
    dialog.ui.startEdit.setTime(QTime(15, 0))
    dialog.ui.endEdit.setTime(QTime(14, 0))
    assert dialog.ui.endError.isVisible() and "end after it starts" in dialog.ui.endError.text()
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert all_sessions(screen) == before
    dialog.ui.endEdit.setTime(QTime(15, 30))
    assert dialog.ui.endError.isHidden()
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert len(all_sessions(screen)) == len(before) + 1


def test_edit_a_session_and_undo_the_edit(qtbot: Any, screen: AgendaScreen) -> None:
    session = select(screen, "3.2 ")
    key(qtbot, screen, Qt.Key.Key_F2)
    dialog = screen.dialog
    assert dialog is not None
    assert dialog.ui.titleEdit.text() == session.title
    assert dialog.ui.exerciseCombo.currentData() == session.exercise_id
    dialog.ui.titleEdit.setText("Case study: a household in Naryn")
    dialog.ui.notesEdit.setPlainText("Print 6 copies of the case")
    dialog.ui.startEdit.setTime(QTime(13, 30))
    dialog.ui.endEdit.setTime(QTime(14, 30))
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    got = stored(screen, session.id)
    assert got is not None
    assert (got.title, got.notes, got.start, got.end) == (
        "Case study: a household in Naryn",
        "Print 6 copies of the case",
        t("13:30"),
        t("14:30"),
    )
    assert got.exercise_id == session.exercise_id
    key(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(screen, session.id) == session


def test_move_and_resize_with_the_keyboard(qtbot: Any, screen: AgendaScreen) -> None:
    session = select(screen, "3.1 ")
    key(qtbot, screen, Qt.Key.Key_Down, ALT)
    got = stored(screen, session.id)
    assert got is not None and (got.start, got.end) == (t("11:30"), t("12:30"))
    key(qtbot, screen, Qt.Key.Key_Up, ALT)
    key(qtbot, screen, Qt.Key.Key_Up, ALT)
    got = stored(screen, session.id)
    assert got is not None and (got.start, got.end) == (t("11:00"), t("12:00"))
    key(qtbot, screen, Qt.Key.Key_Down, ALT_SHIFT)
    key(qtbot, screen, Qt.Key.Key_Down, ALT_SHIFT)
    key(qtbot, screen, Qt.Key.Key_Up, ALT_SHIFT)
    got = stored(screen, session.id)
    assert got is not None and (got.start, got.end) == (t("11:00"), t("12:05"))
    key(qtbot, screen, Qt.Key.Key_Right, ALT)
    got = stored(screen, session.id)
    assert got is not None and got.date == session.date + dt.timedelta(days=1)
    assert screen.day == got.date  # the selection follows the session to its new day
    assert screen.model.session_at(screen.ui.sessionTable.currentIndex().row()) == got
    assert not screen.ui.actionNextDay.isEnabled()  # the last day of the workshop
    key(qtbot, screen, Qt.Key.Key_Left, ALT)
    key(qtbot, screen, Qt.Key.Key_Left, ALT)
    got = stored(screen, session.id)
    assert got is not None and got.date == session.date - dt.timedelta(days=1)
    for _step in range(3):  # every move and resize comes back, one Ctrl+Z each
        key(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    got = stored(screen, session.id)
    assert got is not None and (got.date, got.start, got.end) == (session.date, t("11:00"), t("12:05"))
    for _step in range(6):
        key(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(screen, session.id) == session
    assert not screen.ui.actionUndo.isEnabled()


def test_the_buttons_say_their_shortcuts(screen: AgendaScreen) -> None:
    assert "Alt+Up" in screen.ui.earlierButton.toolTip()
    assert "Alt+Shift+Down" in screen.ui.longerButton.toolTip()
    assert "F5" in screen.ui.runButton.toolTip() and "Enter" in screen.ui.runButton.toolTip()
    assert "Del" in screen.ui.deleteButton.toolTip()


def test_a_refused_move_says_why_and_changes_nothing(qtbot: Any, screen: AgendaScreen) -> None:
    session = select(screen, "Opening")
    before = all_sessions(screen)
    screen._shift(days=-1)  # the button is disabled on the first day; the service refuses too
    assert screen.ui.messageBar.isVisible()
    assert "within the workshop" in screen.ui.messageLabel.text()
    assert all_sessions(screen) == before
    assert stored(screen, session.id) == session


def drag_over(widget: QWidget, pos: QPoint, session_id: str) -> QMimeData:
    """What the window system sends while a session is dragged over `widget` (enter, then move)."""
    data = QMimeData()
    data.setData(SESSION_MIME, session_id.encode())
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():  # PySide marks the QPoint constructors deprecated but has no QPointF one
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.sendEvent(widget, QDragEnterEvent(pos, move, data, left, none))
        QApplication.sendEvent(widget, QDragMoveEvent(pos, move, data, left, none))
    return data


def drop_on(widget: QWidget, pos: QPoint, session_id: str) -> None:
    data = drag_over(widget, pos, session_id)
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDropEvent(pos.toPointF(), move, data, left, none))


def test_drag_and_drop_within_a_day_and_onto_another_day(qtbot: Any, screen: AgendaScreen) -> None:
    lunch = select(screen, "Lunch")
    day = [s for s in all_sessions(screen) if s.date == lunch.date]
    first = day[0]
    table = screen.ui.sessionTable
    rect = table.visualRect(screen.model.index(1, AgendaTableModel.TITLE))
    between_rows_0_and_1 = QPoint(rect.center().x(), rect.top() + 2)
    drop_on(table.viewport(), between_rows_0_and_1, lunch.id)
    qtbot.waitUntil(lambda: stored(screen, lunch.id) != lunch)
    got = stored(screen, lunch.id)
    assert got is not None and (got.date, got.start, got.end) == (lunch.date, first.end, t("10:30"))
    assert drop_start(day, lunch, 1) == first.end  # right after the session above the drop line
    tabs = screen.ui.dayTabs
    target = (screen.days.index(lunch.date) + 1) % len(screen.days)
    drop_on(tabs, tabs.tabRect(target).center(), lunch.id)
    qtbot.waitUntil(lambda: (g := stored(screen, lunch.id)) is not None and g.date == screen.days[target])
    got = stored(screen, lunch.id)
    assert got is not None and (got.start, got.end) == (first.end, t("10:30"))
    assert screen.day == screen.days[target]


def test_an_overlap_shows_a_warning_until_it_is_undone(qtbot: Any, screen: AgendaScreen) -> None:
    session = select(screen, "3.1 ")  # right after a coffee break that ends at 11:15
    key(qtbot, screen, Qt.Key.Key_Up, ALT)
    found = agenda.warnings(screen.services.db, str(screen.services.workshop_id))
    assert [(w.session_id, w.kind) for w in found] == [(session.id, "overlap")]
    summary = screen.ui.warningSummary.text()
    assert summary.startswith("1 warning:") and "Overlaps with 'Coffee break'" in summary
    model = screen.model
    row = model.row_of(session.id)
    assert model.index(row, AgendaTableModel.TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Overlaps with 'Coffee break'" in model.index(row, AgendaTableModel.TIME).data(
        Qt.ItemDataRole.ToolTipRole
    )
    other = model.row_of(str(found[0].other_id))
    assert "Overlaps with '3.1 " in model.index(other, AgendaTableModel.TIME).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert not screen.ui.dayTabs.tabIcon(screen.days.index(session.date)).isNull()
    assert screen.ui.nextWarningButton.isVisible()
    key(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert agenda.warnings(screen.services.db, str(screen.services.workshop_id)) == []
    assert "No overlaps" in screen.ui.warningSummary.text()
    assert (
        model.index(model.row_of(session.id), AgendaTableModel.TITLE).data(Qt.ItemDataRole.DecorationRole)
        is None
    )


def test_an_overrun_is_found_with_show_next(qtbot: Any, screen: AgendaScreen) -> None:
    last = all_sessions(screen)[-1]
    agenda.resize_session(screen.services.db, last.id, 90)  # 16:00-17:30, past the 17:00 end of the day
    screen.services.notify("agenda")
    select(screen, "Opening")
    assert "Runs past the end of the day (17:00)" in screen.ui.warningSummary.text()
    qtbot.mouseClick(screen.ui.nextWarningButton, Qt.MouseButton.LeftButton)
    assert screen.day == last.date
    assert screen.model.session_at(screen.ui.sessionTable.currentIndex().row()).id == last.id  # type: ignore[union-attr]


def test_delete_with_confirmation_then_undo(
    qtbot: Any, screen: AgendaScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = [False]

    def fake_confirm(_parent: object, text: str, action: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(agenda_screen, "confirm", fake_confirm)
    session = select(screen, "1.2 ")  # on the first day, which has attendance
    assert agenda.attendance_count(screen.services.db, session.id) == 25
    key(qtbot, screen, Qt.Key.Key_Delete)
    assert len(asked) == 1 and session.title in asked[0] and "25 attendance marks" in asked[0]
    assert stored(screen, session.id) == session  # cancelled: nothing gone
    answer[0] = True
    qtbot.mouseClick(screen.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert stored(screen, session.id) is None
    assert agenda.attendance_count(screen.services.db, session.id) == 0
    assert screen.model.row_of(session.id) == -1
    assert screen.ui.messageBar.isVisible() and screen.ui.undoButton.isVisible()
    assert "25 attendance marks" in screen.ui.messageLabel.text()
    qtbot.mouseClick(screen.ui.undoButton, Qt.MouseButton.LeftButton)
    assert stored(screen, session.id) == session  # the same id, times and links
    assert agenda.attendance_count(screen.services.db, session.id) == 25
    assert screen.model.session_at(screen.ui.sessionTable.currentIndex().row()) == session
    assert not screen.ui.actionUndo.isEnabled()


def test_a_session_without_attendance_goes_without_asking_and_ctrl_z_brings_it_back(
    qtbot: Any, screen: AgendaScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(agenda_screen, "confirm", lambda *_args: pytest.fail("no marks: no question"))
    session = select(screen, "3.3 ")
    key(qtbot, screen, Qt.Key.Key_Delete)
    assert stored(screen, session.id) is None
    key(qtbot, screen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(screen, session.id) == session


def test_run_session_opens_the_runner(
    qtbot: Any, screen: AgendaScreen, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[object, str, object]] = []

    class FakeRunner(QDialog):
        def __init__(self, services: object, session_id: str, parent: QWidget | None = None) -> None:
            super().__init__(parent)
            opened.append((services, session_id, parent))

    module = types.ModuleType("ccema_desktop.gui.session_runner")
    module.SessionRunnerDialog = FakeRunner  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ccema_desktop.gui.session_runner", module)
    session = select(screen, "3.1 ")
    key(qtbot, screen, Qt.Key.Key_Return)
    assert opened == [(screen.services, session.id, screen)]
    key(qtbot, screen, Qt.Key.Key_F5)
    assert len(opened) == 2
    for dialog in screen.findChildren(FakeRunner):
        dialog.close()


def test_labels_follow_the_language(qtbot: Any, screen: AgendaScreen) -> None:
    try:
        set_language("ru")
        screen.retranslate()
        workshop = ws.get_workshop(screen.services.db, str(screen.services.workshop_id))
        months = ("янв", "февр", "мар", "апр", "мая", "июн", "июл", "авг", "сент", "окт", "нояб", "дек")
        assert any(m in screen.ui.dayTabs.tabText(0) for m in months)
        assert str(workshop.start.day) in screen.ui.dayTabs.tabText(0)
    finally:
        set_language("en")
        screen.retranslate()
    assert screen.ui.dayTabs.tabText(0).startswith("Day 1")


def test_where_a_dropped_session_lands() -> None:
    day = dt.date(2026, 3, 2)

    def s(sid: str, start: str, end: str) -> SessionView:
        return SessionView(sid, day, t(start), t(end), sid, "exercise", None, None, "", "")

    a, b, c = s("a", "09:00", "10:00"), s("b", "10:00", "10:30"), s("c", "11:00", "12:00")
    moving = s("m", "15:00", "15:45")
    assert drop_start([a, b, c], moving, 0) == t("08:15")  # above the first: ends when it starts
    assert drop_start([a, b, c], moving, 2) == t("10:30")  # right after the session above the line
    assert drop_start([a, b, c], moving, -1) == t("12:00")  # below the last row
    assert drop_start([a, b, c], b, 2) == t("10:00")  # just below itself: stays where it is
    assert drop_start([], moving, -1) == t("15:00")  # an empty day keeps the time


def test_dragging_shows_where_the_session_will_go(screen: AgendaScreen) -> None:
    session = select(screen, "Lunch")
    table = screen.ui.sessionTable
    rect = table.visualRect(screen.model.index(2, AgendaTableModel.TITLE))
    drag_over(table.viewport(), QPoint(rect.center().x(), rect.bottom() - 2), session.id)
    assert table._drop_line == rect.bottom() + 1  # below row 2, across the whole row
    QApplication.sendEvent(table.viewport(), QDragLeaveEvent())
    assert table._drop_line is None
    assert stored(screen, session.id) == session
