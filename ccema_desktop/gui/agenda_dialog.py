"""Add or edit one agenda session: title, kind, day, times, facilitator, notes, and a link to the curriculum.

The dialog saves through the agenda service itself (off the UI thread) and stays open with a message when
the service refuses, so nothing typed is lost. `saved` carries the stored SessionView.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QTime, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.agenda_model import KIND_LABELS, day_label, format_minutes, kind_label, minutes_of
from ccema_desktop.gui.forms.ui_session_dialog import Ui_SessionDialog
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _
from ccema_desktop.services import agenda
from ccema_desktop.services.curriculum import ExerciseView, ModuleView
from ccema_desktop.services.workshops import SessionView, WorkshopView

#: Kinds an exercise link makes no sense for; linking an exercise turns them into an exercise session.
_NOT_EXERCISES = ("break", "lunch", "custom")


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def exercise_title(exercise: ExerciseView) -> str:
    """The title an exercise session gets (as when the agenda is proposed): '1.2 Words matter'."""
    return f"{exercise.code} {exercise.title}"


class SessionDialog(QDialog):
    saved = Signal(object)  # SessionView

    def __init__(
        self,
        services: GuiServices,
        workshop: WorkshopView,
        modules: list[ModuleView],
        days: list[dt.date],
        initial: agenda.SessionInput,
        session: SessionView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.workshop = workshop
        self.modules = modules
        self.days = sorted(set(days) | {initial.date})
        self.session = session
        self.ui = Ui_SessionDialog()
        self.ui.setupUi(self)
        self._tried = False
        self._proposed_titles = {exercise_title(e) for m in modules for e in m.exercises}
        self._exercises = {e.id: e for m in modules for e in m.exercises}
        hint = self.ui.exerciseHint.palette()
        hint.setColor(QPalette.ColorRole.WindowText, hint.color(QPalette.ColorRole.PlaceholderText))
        self.ui.exerciseHint.setPalette(hint)
        for label in (self.ui.titleError, self.ui.endError, self.ui.formError):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, error_colour(self))
            label.setPalette(palette)
            label.hide()
        self._fill(initial)
        self.ui.titleEdit.textChanged.connect(self._on_title_changed)
        self.ui.startEdit.timeChanged.connect(self._on_times_changed)
        self.ui.endEdit.timeChanged.connect(self._on_times_changed)
        self.ui.moduleCombo.activated.connect(self._on_module_chosen)
        self.ui.exerciseCombo.activated.connect(self._on_exercise_chosen)
        self.retranslate()
        self._on_times_changed()

    # --- filling ----------------------------------------------------------------------------------------
    def _fill(self, initial: agenda.SessionInput) -> None:
        ui = self.ui
        ui.titleEdit.setText(initial.title)
        for kind in KIND_LABELS:
            ui.kindCombo.addItem(kind_label(kind), kind)
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(initial.kind)))
        for day in self.days:
            ui.dateCombo.addItem("", day)
        ui.dateCombo.setCurrentIndex(self.days.index(initial.date))
        ui.startEdit.setTime(_qtime(initial.start))
        ui.endEdit.setTime(_qtime(initial.end))
        names = list(
            dict.fromkeys([*self.workshop.facilitators, *(s.facilitator for s in self.workshop.sessions)])
        )
        ui.facilitatorCombo.addItems([n for n in names if n])
        ui.facilitatorCombo.setCurrentText(initial.facilitator)
        ui.moduleCombo.addItem("", None)
        for module in self.modules:
            ui.moduleCombo.addItem(f"{module.number}. {module.title}", module.number)
        exercise = self._exercises.get(initial.exercise_id or "")
        linked_module = exercise.module_number if exercise else initial.module
        ui.moduleCombo.setCurrentIndex(max(0, ui.moduleCombo.findData(linked_module)))
        self._fill_exercises(initial.exercise_id)
        ui.notesEdit.setPlainText(initial.notes)

    def _fill_exercises(self, selected: str | None) -> None:
        combo = self.ui.exerciseCombo
        combo.clear()
        combo.addItem(_("(no exercise)"), None)
        number = self.ui.moduleCombo.currentData()
        for module in self.modules:
            if number is not None and module.number != number:
                continue
            for ex in module.exercises:
                combo.addItem(f"{exercise_title(ex)} ({format_minutes(ex.duration_minutes)})", ex.id)
        combo.setCurrentIndex(max(0, combo.findData(selected)))

    def retranslate(self) -> None:
        ui = self.ui
        ui.retranslateUi(self)
        self.setWindowTitle(_("Edit session") if self.session else _("Add a session"))
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(_("Save changes") if self.session else _("Add session"))
        for i in range(ui.kindCombo.count()):
            ui.kindCombo.setItemText(i, kind_label(str(ui.kindCombo.itemData(i))))
        for i, day in enumerate(self.days):
            number = (day - self.workshop.start).days + 1
            ui.dateCombo.setItemText(i, day_label(number, day))
        ui.moduleCombo.setItemText(0, _("(no module)"))
        self._fill_exercises(ui.exerciseCombo.currentData())
        self._on_times_changed()
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- reactions --------------------------------------------------------------------------------------
    def _on_title_changed(self, _text: str) -> None:
        self._tried = True  # once the title was touched, an empty one is worth saying
        self._validate()

    def _on_times_changed(self) -> None:
        minutes = minutes_of(_pytime(self.ui.endEdit.time())) - minutes_of(_pytime(self.ui.startEdit.time()))
        self.ui.durationLabel.setText(f"({format_minutes(minutes)})" if minutes > 0 else "")
        self._validate()

    def _on_module_chosen(self, _index: int) -> None:
        current = self.ui.exerciseCombo.currentData()
        keep = (
            current
            if current and self._exercises[current].module_number == self.ui.moduleCombo.currentData()
            else None
        )
        self._fill_exercises(keep)

    def _on_exercise_chosen(self, _index: int) -> None:
        exercise = self._exercises.get(self.ui.exerciseCombo.currentData() or "")
        if exercise is None:
            return
        ui = self.ui
        if ui.moduleCombo.currentData() != exercise.module_number:
            ui.moduleCombo.setCurrentIndex(max(0, ui.moduleCombo.findData(exercise.module_number)))
            self._fill_exercises(exercise.id)
        title = ui.titleEdit.text().strip()
        if not title or title in self._proposed_titles:
            ui.titleEdit.setText(exercise_title(exercise))
        start = minutes_of(_pytime(ui.startEdit.time()))
        end = min(start + exercise.duration_minutes, 24 * 60 - 1)
        ui.endEdit.setTime(QTime(end // 60, end % 60))
        if ui.kindCombo.currentData() in _NOT_EXERCISES:
            ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("exercise"))

    # --- validation and saving --------------------------------------------------------------------------
    def _validate(self) -> bool:
        ui = self.ui
        title_ok = bool(ui.titleEdit.text().strip())
        _show(ui.titleError, "" if title_ok or not self._tried else _("A session needs a title."))
        times_ok = ui.endEdit.time() > ui.startEdit.time()
        _show(ui.endError, "" if times_ok else _("A session must end after it starts."))
        return title_ok and times_ok

    def value(self) -> agenda.SessionInput:
        ui = self.ui
        exercise_id = ui.exerciseCombo.currentData()
        return agenda.SessionInput(
            date=ui.dateCombo.currentData(),
            start=_pytime(ui.startEdit.time()),
            end=_pytime(ui.endEdit.time()),
            title=ui.titleEdit.text().strip(),
            kind=ui.kindCombo.currentData(),
            module=ui.moduleCombo.currentData(),
            exercise_id=exercise_id or None,
            facilitator=ui.facilitatorCombo.currentText().strip(),
            notes=ui.notesEdit.toPlainText(),
        )

    def accept(self) -> None:
        self._tried = True
        _show(self.ui.formError, "")
        if not self._validate():
            first = self.ui.titleEdit if not self.ui.titleEdit.text().strip() else self.ui.endEdit
            first.setFocus()
            return
        data = self.value()
        db, session = self.services.db, self.session
        if session is not None:
            session_id = session.id

            def save() -> SessionView:
                return agenda.update_session(db, session_id, data)
        else:
            workshop_id = self.workshop.id

            def save() -> SessionView:
                return agenda.add_session(db, workshop_id, data)

        self.ui.buttonBox.setEnabled(False)
        self.services.runner.run(save, self._on_saved, self._on_failed)

    def _on_saved(self, view: SessionView) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.saved.emit(view)
        super().accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        if isinstance(exc, KnownError):
            _show(self.ui.formError, str(exc))
        else:
            show_error(self, exc)


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def error_colour(widget: QWidget) -> QColor:
    """Red that reads on the widget's background (light or dark theme)."""
    window = widget.palette().color(QPalette.ColorRole.Window)
    return QColor("#ff8a80") if window.lightness() < 128 else QColor("#b00020")
