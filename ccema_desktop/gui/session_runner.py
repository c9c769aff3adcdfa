"""Run a session in the room: the exercise's guide, a projector-sized countdown per step, and notes saved as typed.

Opened from the agenda with `SessionRunnerDialog(services, session_id, parent)`. The exercise is shown in the
workshop's language; the content-language combo switches it without touching the countdown. Keys work without
the mouse (Space, N/Right, P/Left, R, +, G, F11, Esc) except while typing notes, where they type.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QListWidgetItem, QWidget

from ccema_desktop.errors import NotFoundError
from ccema_desktop.gui.countdown import Countdown, FitTextToLabel
from ccema_desktop.gui.forms.ui_session_runner import Ui_SessionRunnerDialog
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.screens.curriculum import (
    STYLE,
    duration_text,
    esc,
    exercise_objectives_html,
    fill_language_combo,
    format_label,
    group_size_text,
    paragraphs,
    section,
)
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import LANGUAGES, _, format_date
from ccema_desktop.services import agenda, curriculum
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.curriculum import ExerciseView, ModuleView
from ccema_desktop.services.workshops import SessionView

NOTES_DEBOUNCE_MS = 700
WARNING_COLOUR = "#e65100"
TIME_UP_COLOUR = "#c62828"
SAVED_COLOUR = "#2e7d32"
CURRENT_STEP_BRUSH = QColor("#ffe9a8")


class NotesSaver:
    """Writes one session's notes through the task runner, one write at a time, latest text last.

    `on_state(state, error)` reports "saving", "saved" or "failed". After `finish()` the dialog may be gone:
    state reports stop, a failure is shown on its own, and "agenda" is notified once the last write is done.
    """

    def __init__(
        self,
        services: GuiServices,
        session_id: str,
        saved_text: str,
        on_state: Callable[[str, BaseException | None], None],
    ) -> None:
        self._services = services
        self._session_id = session_id
        self.saved_text = saved_text
        self._original = saved_text
        self._on_state: Callable[[str, BaseException | None], None] | None = on_state
        self._in_flight = False
        self._pending: str | None = None
        self._finishing = False

    def save(self, text: str) -> None:
        if self._in_flight:
            self._pending = text
            return
        if text == self.saved_text:
            self._report("saved", None)
            self._maybe_notify()
            return
        self._in_flight = True
        self._report("saving", None)
        db, session_id = self._services.db, self._session_id
        self._services.runner.run(
            lambda: agenda.set_session_notes(db, session_id, text),
            lambda _result: self._done(text),
            self._failed,
        )

    def finish(self, text: str) -> None:
        """Save what is there now and stop reporting to the (closing) dialog."""
        self._on_state = None
        self._finishing = True
        self.save(text)

    def _done(self, text: str) -> None:
        self._in_flight = False
        self.saved_text = text
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.save(pending)
            return
        self._report("saved", None)
        self._maybe_notify()

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        if self._on_state is None:
            show_error(None, exc)
        else:
            self._report("failed", exc)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.save(pending)

    def _report(self, state: str, exc: BaseException | None) -> None:
        if self._on_state is not None:
            self._on_state(state, exc)

    def _maybe_notify(self) -> None:
        if self._finishing and not self._in_flight and self.saved_text != self._original:
            self._original = self.saved_text
            self._services.notify("agenda")


class SessionRunnerDialog(QDialog):
    def __init__(self, services: GuiServices, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.session_id = session_id
        self.ui = Ui_SessionRunnerDialog()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.session: SessionView | None = None
        self.exercise: ExerciseView | None = None
        self.module: ModuleView | None = None
        self.step_index = 0
        self._modules: list[ModuleView] = []
        self._load_error = ""
        self._closing = False
        self._notes: NotesSaver | None = None
        self._notes_state = ""
        self._was_maximized = False
        self.countdown = Countdown(self)
        self._fit = FitTextToLabel(self.ui.countdownLabel)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(NOTES_DEBOUNCE_MS)
        self._save_timer.timeout.connect(self._save_notes)
        self.ui.stepsList.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.splitter.setSizes([600, 400])  # relative: three fifths for the stage
        self.ui.notesEdit.setEnabled(False)
        self._set_controls_enabled(False)
        self._connect()
        self._make_shortcuts()
        self._fit_window()
        self._scale_fonts()
        self._load()

    # --- set-up -------------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        ui = self.ui
        ui.startButton.clicked.connect(self.countdown.toggle)
        ui.nextButton.clicked.connect(self.next_step)
        ui.previousButton.clicked.connect(self.previous_step)
        ui.resetButton.clicked.connect(self.countdown.reset)
        ui.addMinuteButton.clicked.connect(self._on_add_minute_key)
        ui.fullScreenButton.toggled.connect(self._on_full_screen_toggled)
        ui.guideButton.toggled.connect(ui.sidePanel.setVisible)
        ui.stepsList.itemActivated.connect(self._on_step_activated)
        ui.contentLanguageCombo.currentIndexChanged.connect(self._on_language_chosen)
        ui.notesEdit.textChanged.connect(self._on_notes_edited)
        self.countdown.changed.connect(self._on_countdown_changed)
        self.countdown.running_changed.connect(self._on_running_changed)
        self.countdown.finished.connect(self._on_time_up)

    def _make_shortcuts(self) -> None:
        """Window shortcuts; a focused notes editor or combo box keeps its own keys (it types, it opens)."""
        bindings: list[tuple[tuple[str, ...], Callable[[], None]]] = [
            (("Space",), self._on_space),
            (("N", "Right"), self.next_step),
            (("P", "Left"), self.previous_step),
            (("R",), self._on_reset_key),
            (("+", "="), self._on_add_minute_key),
            (("G",), self.ui.guideButton.toggle),
            (("F11",), self.ui.fullScreenButton.toggle),
        ]
        self._shortcuts: list[QShortcut] = []
        for keys, slot in bindings:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(slot)
                self._shortcuts.append(shortcut)

    def _fit_window(self) -> None:
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            self.resize(min(1280, int(area.width() * 0.95)), min(820, int(area.height() * 0.95)))

    # --- loading ------------------------------------------------------------------------------------------------
    def _load(self) -> None:
        db, session_id, workshop_id = self.services.db, self.session_id, self.services.workshop_id

        def work() -> tuple[str, SessionView, list[ModuleView]]:
            if workshop_id is None:
                raise NotFoundError(_("Choose a workshop first."))
            workshop = ws.get_workshop(db, workshop_id)
            session = next((s for s in workshop.sessions if s.id == session_id), None)
            if session is None:
                raise NotFoundError(_("This session no longer exists; it may have been deleted."))
            modules = curriculum.list_modules(db, workshop.language) if session.exercise_id else []
            return workshop.language, session, modules

        self.ui.titleLabel.setText(_("Loading…"))
        self.services.runner.run(work, self._on_loaded, self._on_load_error)

    def _on_loaded(self, data: tuple[str, SessionView, list[ModuleView]]) -> None:
        if self._closing:
            return
        language, session, modules = data
        self.session = session
        fill_language_combo(self.ui.contentLanguageCombo, language if language in LANGUAGES else "en")
        self._notes = NotesSaver(self.services, session.id, session.notes, self._on_notes_state)
        self.ui.notesEdit.blockSignals(True)
        self.ui.notesEdit.setPlainText(session.notes)
        self.ui.notesEdit.blockSignals(False)
        self.ui.notesEdit.setEnabled(True)
        self._apply_modules(modules, first=True)
        self._set_controls_enabled(True)
        self.ui.startButton.setFocus()

    def _on_load_error(self, exc: BaseException) -> None:
        if self._closing:
            return
        if isinstance(exc, NotFoundError):
            self._load_error = str(exc)
            self._render()
        else:
            show_error(self, exc)

    def _on_language_chosen(self, _index: int) -> None:
        if self.session is None or not self.session.exercise_id:
            return
        lang = str(self.ui.contentLanguageCombo.currentData())
        db = self.services.db

        def done(modules: list[ModuleView]) -> None:
            if not self._closing and lang == self.ui.contentLanguageCombo.currentData():
                self._apply_modules(modules, first=False)

        self.services.runner.run(lambda: curriculum.list_modules(db, lang), done, self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        if not self._closing:
            show_error(self, exc)

    def _apply_modules(self, modules: list[ModuleView], first: bool) -> None:
        self._modules = modules
        self.exercise, self.module = None, None
        assert self.session is not None
        for module in modules:
            for exercise in module.exercises:
                if exercise.id == self.session.exercise_id:
                    self.exercise, self.module = exercise, module
        if first:
            self.step_index = 0
            self.countdown.set_duration(self._step_seconds())
        self._render()

    # --- steps --------------------------------------------------------------------------------------------------
    @property
    def step_count(self) -> int:
        return len(self.exercise.steps) if self.exercise else 0

    def _step_seconds(self) -> int:
        if self.exercise and self.exercise.steps:
            return self.exercise.steps[self.step_index][0] * 60
        if self.session is not None:
            start = self.session.start.hour * 60 + self.session.start.minute
            end = self.session.end.hour * 60 + self.session.end.minute
            return max(0, end - start) * 60
        return 0

    def go_to_step(self, index: int) -> None:
        """Show step `index` with its full time; a running countdown keeps running on the new step."""
        if not 0 <= index < self.step_count or index == self.step_index:
            return
        running = self.countdown.is_running
        self.step_index = index
        self.countdown.set_duration(self._step_seconds())
        if running:
            self.countdown.start()
        self._render()

    def next_step(self) -> None:
        self.go_to_step(self.step_index + 1)

    def previous_step(self) -> None:
        self.go_to_step(self.step_index - 1)

    # --- showing ------------------------------------------------------------------------------------------------
    def _render(self) -> None:
        """Every text set in code, from the current state (also after a language switch)."""
        ui = self.ui
        session = self.session
        if session is None:
            ui.titleLabel.setText(self._load_error or _("Loading…"))
            ui.whenLabel.clear()
            ui.stepHeadingLabel.clear()
            ui.stepTextLabel.clear()
            self._show_countdown()
            self._show_start_button()
            return
        self.setWindowTitle(_("Run session: {title}").format(title=session.title))
        ui.titleLabel.setText(session.title)
        when = [
            format_date(session.date, None, "full"),
            f"{session.start:%H:%M}–{session.end:%H:%M}",
        ]
        if self.exercise is not None:
            when.append(format_label(self.exercise.format))
            when.append(group_size_text(self.exercise.group_size))
        ui.whenLabel.setText(" · ".join(when))
        has_steps = self.step_count > 0
        for widget in (ui.stepsLabel, ui.stepsList, ui.guideLabel, ui.guideBrowser):
            widget.setVisible(self.exercise is not None)
        ui.contentLanguageLabel.setVisible(self.exercise is not None)
        ui.contentLanguageCombo.setVisible(self.exercise is not None)
        if self.exercise is not None and has_steps:
            minutes, text = self.exercise.steps[self.step_index]
            ui.stepHeadingLabel.setText(
                _("Step {number} of {total} · {duration}").format(
                    number=self.step_index + 1, total=self.step_count, duration=duration_text(minutes)
                )
            )
            ui.stepTextLabel.setText(text)
        else:
            ui.stepHeadingLabel.setText(
                _("Session time · {duration}").format(duration=duration_text(self._step_seconds() // 60))
            )
            # A break or an opening: just its own time. A deleted exercise is worth saying.
            ui.stepTextLabel.setText(
                ""
                if session.exercise_id is None
                else _("The exercise linked to this session no longer exists.")
            )
        ui.stepTextLabel.setVisible(bool(ui.stepTextLabel.text()))
        ui.previousButton.setEnabled(has_steps and self.step_index > 0)
        ui.nextButton.setEnabled(has_steps and self.step_index < self.step_count - 1)
        self._render_steps()
        self._render_guide()
        self._show_countdown()
        self._show_start_button()
        self._show_notes_state()

    def _render_steps(self) -> None:
        steps = self.ui.stepsList
        steps.clear()
        if self.exercise is None:
            return
        bold = QFont(steps.font())
        bold.setBold(True)
        for index, (minutes, text) in enumerate(self.exercise.steps):
            marker = "▶ " if index == self.step_index else ""
            item = QListWidgetItem(f"{marker}{index + 1}. {duration_text(minutes)} — {text}")
            if index == self.step_index:
                item.setFont(bold)
                item.setBackground(QBrush(CURRENT_STEP_BRUSH))
                item.setForeground(QBrush(QColor("#000000")))
            steps.addItem(item)
        steps.setCurrentRow(self.step_index)
        current = steps.item(self.step_index)
        if current is not None:
            steps.scrollToItem(current)

    def _render_guide(self) -> None:
        exercise = self.exercise
        if exercise is None:
            self.ui.guideBrowser.clear()
            return
        materials = "".join(f"<li>{esc(m)}</li>" for m in exercise.materials if m)
        self.ui.guideBrowser.setHtml(
            STYLE
            + section(_("Objectives"), exercise_objectives_html(exercise, self.module))
            + section(_("Materials"), f"<ul>{materials}</ul>" if materials else "")
            + section(_("Description"), paragraphs(exercise.description))
            + section(_("Facilitator notes"), paragraphs(exercise.facilitator_notes))
        )

    def _show_countdown(self) -> None:
        label = self.ui.countdownLabel
        if self.countdown.is_finished:
            label.setText(_("Time is up"))
            colour = TIME_UP_COLOUR
        else:
            label.setText(self.countdown.text())
            colour = WARNING_COLOUR if self.countdown.is_warning else ""
        label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "font-weight: bold;")
        label.setAccessibleDescription(label.text())
        self._fit.fit()

    def _show_start_button(self) -> None:
        button = self.ui.startButton
        button.setText(_("P&ause") if self.countdown.is_running else _("&Start"))
        button.setEnabled(self.session is not None and not self.countdown.is_finished)

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (
            self.ui.startButton,
            self.ui.resetButton,
            self.ui.addMinuteButton,
            self.ui.nextButton,
            self.ui.previousButton,
        ):
            widget.setEnabled(enabled)
        if enabled:
            self._render()

    def _on_running_changed(self, _running: bool) -> None:
        self._show_start_button()

    def _on_step_activated(self, item: QListWidgetItem) -> None:
        self.go_to_step(self.ui.stepsList.row(item))

    def _on_countdown_changed(self, _seconds: int) -> None:
        self._show_countdown()
        self._show_start_button()

    def _on_time_up(self) -> None:
        QApplication.beep()
        self._show_countdown()
        self._show_start_button()

    # --- keys ---------------------------------------------------------------------------------------------------
    def _on_space(self) -> None:
        if self.session is not None:
            self.countdown.toggle()

    def _on_reset_key(self) -> None:
        if self.session is not None:
            self.countdown.reset()

    def _on_add_minute_key(self) -> None:
        if self.session is not None:
            self.countdown.add_time(60)

    def _on_full_screen_toggled(self, on: bool) -> None:
        if on:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()

    # --- notes --------------------------------------------------------------------------------------------------
    def _on_notes_edited(self) -> None:
        self._notes_state = "editing"
        self._show_notes_state()
        self._save_timer.start()

    def _save_notes(self) -> None:
        if self._notes is not None:
            self._notes.save(self.ui.notesEdit.toPlainText())

    def _on_notes_state(self, state: str, exc: BaseException | None) -> None:
        if self._closing:
            return
        self._notes_state = state
        self.ui.savedLabel.setToolTip(str(exc) if exc else "")
        self._show_notes_state()

    def _show_notes_state(self) -> None:
        texts = {
            "editing": (_("Not saved yet"), "#666666"),
            "saving": (_("Saving…"), "#666666"),
            "saved": (_("Saved ✓"), SAVED_COLOUR),
            "failed": (_("Not saved: will try again as you type"), TIME_UP_COLOUR),
        }
        text, colour = texts.get(self._notes_state, ("", ""))
        self.ui.savedLabel.setText(text)
        self.ui.savedLabel.setStyleSheet(f"color: {colour};" if colour else "")

    # --- window -------------------------------------------------------------------------------------------------
    def _scale_fonts(self) -> None:
        base = max(14, min(32, self.height() // 32))
        for label, size, bold in (
            (self.ui.titleLabel, base + 4, True),
            (self.ui.stepHeadingLabel, base, True),
            (self.ui.stepTextLabel, base, False),
        ):
            font = QFont(label.font())
            font.setPixelSize(size)
            font.setBold(bold)
            label.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_fonts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._render()
        elif event.type() == QEvent.Type.WindowStateChange:
            # leaving full screen through the window manager keeps the button truthful
            button = self.ui.fullScreenButton
            button.blockSignals(True)
            button.setChecked(self.isFullScreen())
            button.blockSignals(False)
        super().changeEvent(event)

    def _flush(self) -> None:
        """Closing by any way (Esc, the window's close button) saves the notes and stops the countdown."""
        if self._closing:
            return
        self._closing = True
        self._save_timer.stop()
        self.countdown.pause()
        if self._notes is not None:
            self._notes.finish(self.ui.notesEdit.toPlainText())

    def done(self, result: int) -> None:
        self._flush()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flush()
        super().closeEvent(event)
