"""Session runner: the exercise guide, a countdown per step driven by keys, and notes saved as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ccema_desktop.gui import session_runner
from ccema_desktop.gui.countdown import Countdown, format_mmss
from ccema_desktop.gui.session_runner import SessionRunnerDialog
from ccema_desktop.services import curriculum, demo
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.workshops import SessionView


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _demo(services) -> tuple[str, list[SessionView]]:  # type: ignore[no-untyped-def]
    workshop_id = demo.ensure_demo_workshop(services.db)
    services.set_workshop(workshop_id)
    return workshop_id, ws.get_workshop(services.db, workshop_id).sessions


def _notes(services, workshop_id: str, session_id: str) -> str:  # type: ignore[no-untyped-def]
    return next(s.notes for s in ws.get_workshop(services.db, workshop_id).sessions if s.id == session_id)


def _open(qtbot, services, session_id: str) -> SessionRunnerDialog:  # type: ignore[no-untyped-def]
    dialog = SessionRunnerDialog(services, session_id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


# --- the countdown on its own -------------------------------------------------------------------------------------
def test_countdown_with_an_injected_clock(qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FakeClock()
    countdown = Countdown(clock=clock)
    finished: list[bool] = []
    countdown.finished.connect(lambda: finished.append(True))
    countdown.set_duration(90)
    assert countdown.text() == "01:30" and not countdown.is_running
    clock.now += 50  # time passing while stopped does not count
    countdown.poll()
    assert countdown.remaining_seconds == 90
    countdown.start()
    clock.now += 12.4
    countdown.poll()
    assert countdown.text() == "01:18" and not countdown.is_warning
    countdown.pause()
    clock.now += 100
    countdown.start()
    clock.now += 20
    countdown.poll()
    assert countdown.remaining_seconds == 58 and countdown.is_warning
    countdown.tick(30)  # tick advances a running countdown by hand
    assert countdown.text() == "00:28"
    clock.now += 28
    countdown.poll()
    assert countdown.is_finished and countdown.text() == "00:00" and finished == [True]
    assert not countdown.is_running and not countdown.is_warning
    countdown.poll()
    assert finished == [True]  # once
    countdown.add_time(60)
    assert not countdown.is_finished and countdown.text() == "01:00"
    countdown.reset()
    assert countdown.text() == "02:30"
    assert format_mmss(5400) == "90:00" and format_mmss(0.2) == "00:01" and format_mmss(-3) == "00:00"


def test_countdown_runs_on_its_timer(qtbot) -> None:  # type: ignore[no-untyped-def]
    countdown = Countdown(interval_ms=20)
    countdown.set_duration(1)
    with qtbot.waitSignal(countdown.finished, timeout=5000):
        countdown.start()
    assert countdown.is_finished and countdown.remaining == 0


# --- the dialog ---------------------------------------------------------------------------------------------------
def test_run_an_exercise_session_with_keys(qtbot, gui_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    beeps: list[bool] = []
    monkeypatch.setattr(session_runner.QApplication, "beep", staticmethod(lambda: beeps.append(True)))
    _workshop_id, sessions = _demo(gui_services)
    session = next(s for s in sessions if s.exercise_id)
    modules = curriculum.list_modules(gui_services.db, "en")
    exercise = next(e for m in modules for e in m.exercises if e.id == session.exercise_id)
    module = next(m for m in modules if m.number == exercise.module_number)
    dialog = _open(qtbot, gui_services, session.id)
    ui = dialog.ui

    assert ui.titleLabel.text() == session.title
    assert f"{session.start:%H:%M}–{session.end:%H:%M}" in ui.whenLabel.text()
    assert ui.stepsList.count() == len(exercise.steps) >= 2
    assert ui.stepTextLabel.text() == exercise.steps[0][1]
    assert "Step 1 of" in ui.stepHeadingLabel.text()
    guide = ui.guideBrowser.toPlainText()
    assert exercise.materials[0] in guide
    assert dict(module.objectives)[exercise.objectives[0]] in guide
    first_minutes, second_minutes = exercise.steps[0][0], exercise.steps[1][0]
    assert ui.countdownLabel.text() == format_mmss(first_minutes * 60)

    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert dialog.countdown.is_running and ui.startButton.text() == "P&ause"
    dialog.countdown.tick(30)
    assert ui.countdownLabel.text() == format_mmss(first_minutes * 60 - 30)

    qtbot.keyClick(dialog, Qt.Key.Key_N)
    assert dialog.step_index == 1
    assert ui.stepTextLabel.text() == exercise.steps[1][1]
    assert ui.countdownLabel.text() == format_mmss(second_minutes * 60)
    assert dialog.countdown.is_running  # a running countdown carries on into the next step
    assert ui.stepsList.item(1).text().startswith("▶")
    assert ui.stepsList.item(1).font().bold() and not ui.stepsList.item(0).font().bold()

    qtbot.keyClick(dialog, Qt.Key.Key_Left)
    assert dialog.step_index == 0
    qtbot.keyClick(dialog, Qt.Key.Key_Right)
    assert dialog.step_index == 1

    dialog.countdown.tick(second_minutes * 60 - 45)
    assert ui.countdownLabel.text() == "00:45"
    assert dialog.countdown.is_warning and session_runner.WARNING_COLOUR in ui.countdownLabel.styleSheet()
    dialog.countdown.tick(45)
    assert dialog.countdown.is_finished and dialog.countdown.remaining == 0
    assert ui.countdownLabel.text() == "Time is up"
    assert session_runner.TIME_UP_COLOUR in ui.countdownLabel.styleSheet()
    assert beeps == [True]
    assert not ui.startButton.isEnabled()

    qtbot.keyClick(dialog, Qt.Key.Key_R)
    assert ui.countdownLabel.text() == format_mmss(second_minutes * 60) and ui.startButton.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Plus)
    assert ui.countdownLabel.text() == format_mmss(second_minutes * 60 + 60)
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert not dialog.countdown.is_running

    # the last step has no next; the first none before
    for _ in range(len(exercise.steps) + 2):
        qtbot.keyClick(dialog, Qt.Key.Key_N)
    assert dialog.step_index == len(exercise.steps) - 1 and not ui.nextButton.isEnabled()
    qtbot.mouseClick(ui.previousButton, Qt.MouseButton.LeftButton)
    assert dialog.step_index == len(exercise.steps) - 2

    # G hides the guide and notes before the projector is shown to the room
    qtbot.keyClick(dialog, Qt.Key.Key_G)
    assert not ui.sidePanel.isVisible() and not ui.guideButton.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_G)
    assert ui.sidePanel.isVisible()


def test_notes_are_saved_as_you_type_and_on_close(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    workshop_id, sessions = _demo(gui_services)
    session = next(s for s in sessions if s.exercise_id)
    dialog = _open(qtbot, gui_services, session.id)
    notes = dialog.ui.notesEdit
    notes.setFocus()
    qtbot.keyClicks(notes, "Groups ran over")
    # typing spaces and letters in the notes types; it does not drive the countdown
    assert notes.toPlainText() == "Groups ran over"
    assert not dialog.countdown.is_running and dialog.step_index == 0
    assert _notes(gui_services, workshop_id, session.id) == ""  # not yet: saving waits for a pause
    assert dialog.ui.savedLabel.text() == "Not saved yet"
    qtbot.waitUntil(lambda: _notes(gui_services, workshop_id, session.id) == "Groups ran over", timeout=3000)
    assert dialog.ui.savedLabel.text() == "Saved ✓"

    # non-ASCII text, closed straight away: saved on close, and the agenda is told once
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    notes.insertPlainText("; группа 3 — очень активна")
    kinds: list[str] = []
    gui_services.data_changed.connect(kinds.append)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert _notes(gui_services, workshop_id, session.id) == "Groups ran over; группа 3 — очень активна"
    assert kinds == ["agenda"]

    again = _open(qtbot, gui_services, session.id)
    assert again.ui.notesEdit.toPlainText() == "Groups ran over; группа 3 — очень активна"
    again.close()
    assert kinds == ["agenda"]  # nothing changed, nothing to tell


def test_switch_content_language_keeps_the_countdown(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    _workshop_id, sessions = _demo(gui_services)
    session = next(s for s in sessions if s.exercise_id)
    french = curriculum.list_modules(gui_services.db, "fr")
    exercise = next(e for m in french for e in m.exercises if e.id == session.exercise_id)
    dialog = _open(qtbot, gui_services, session.id)
    assert dialog.ui.contentLanguageCombo.currentData() == "en"  # the workshop's language
    dialog.countdown.start()
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    dialog.countdown.tick(61)
    shown = dialog.ui.countdownLabel.text()
    combo = dialog.ui.contentLanguageCombo
    combo.setCurrentIndex(combo.findData("fr"))
    assert dialog.ui.stepTextLabel.text() == exercise.steps[1][1]
    assert exercise.materials[0] in dialog.ui.guideBrowser.toPlainText()
    assert dialog.step_index == 1 and dialog.countdown.is_running
    assert dialog.ui.countdownLabel.text() == shown


def test_full_screen_and_live_language_switch(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    from ccema_desktop.gui.main_window import switch_language

    _workshop_id, sessions = _demo(gui_services)
    session = next(s for s in sessions if s.exercise_id)
    dialog = _open(qtbot, gui_services, session.id)
    qtbot.keyClick(dialog, Qt.Key.Key_F11)
    qtbot.waitUntil(dialog.isFullScreen, timeout=3000)
    assert dialog.ui.fullScreenButton.isChecked()
    qtbot.keyClick(dialog, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not dialog.isFullScreen(), timeout=3000)
    assert not dialog.ui.fullScreenButton.isChecked()

    dialog.countdown.start()
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    dialog.countdown.tick(75)
    shown = dialog.ui.countdownLabel.text()
    try:
        switch_language("ru")
        assert dialog.ui.countdownLabel.text() == shown
        assert dialog.ui.titleLabel.text() == session.title
        assert dialog.step_index == 1 and dialog.countdown.is_running
        assert "2" in dialog.ui.stepHeadingLabel.text()
        assert any("а" <= ch <= "я" for ch in dialog.ui.whenLabel.text())  # the date follows the app
    finally:
        switch_language("en")


def test_session_without_an_exercise(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    workshop_id, sessions = _demo(gui_services)
    session = next(s for s in sessions if s.kind == "break")
    dialog = _open(qtbot, gui_services, session.id)
    ui = dialog.ui
    assert ui.titleLabel.text() == session.title
    assert f"{session.start:%H:%M}–{session.end:%H:%M}" in ui.whenLabel.text()
    assert ui.stepsList.count() == 0 and not ui.stepsList.isVisible() and not ui.guideBrowser.isVisible()
    minutes = (session.end.hour * 60 + session.end.minute) - (session.start.hour * 60 + session.start.minute)
    assert ui.countdownLabel.text() == format_mmss(minutes * 60)  # the session's own time, no made-up steps
    qtbot.keyClick(dialog, Qt.Key.Key_N)
    assert dialog.step_index == 0 and not ui.nextButton.isEnabled()
    ui.notesEdit.setPlainText("Coffee arrived late")
    dialog.close()
    assert _notes(gui_services, workshop_id, session.id) == "Coffee arrived late"


def test_a_deleted_session_says_so(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    _demo(gui_services)
    dialog = _open(qtbot, gui_services, "no-such-session")
    assert "no longer exists" in dialog.ui.titleLabel.text()
    assert not dialog.ui.startButton.isEnabled() and not dialog.ui.notesEdit.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    assert not dialog.countdown.is_running
    dialog.close()
