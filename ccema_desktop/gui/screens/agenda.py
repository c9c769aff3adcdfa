"""Agenda: the workshop day by day. Add, edit, move (drag and drop or Alt+arrows), resize and delete sessions,
with overlap and overrun warnings after every edit, undo (Ctrl+Z) and a way into running a session.

Every write goes through services.agenda on the task runner, then `notify("agenda")` so every screen showing
the agenda (this one included) reloads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QMenu, QStyle, QWidget

from ccema_desktop.errors import KnownError, NotFoundError
from ccema_desktop.gui.agenda_dialog import SessionDialog
from ccema_desktop.gui.agenda_model import (
    AgendaTableModel,
    day_label,
    drop_start,
    minutes_of,
    time_range,
    warning_icon,
    warnings_by_session,
)
from ccema_desktop.gui.forms.ui_agenda import Ui_AgendaScreen
from ccema_desktop.gui.messages import confirm, show_error
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _, format_date, ngettext
from ccema_desktop.services import agenda, curriculum
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.agenda import AgendaWarning, SessionInput
from ccema_desktop.services.curriculum import ModuleView
from ccema_desktop.services.workshops import SessionView, WorkshopView

MOVE_MINUTES = 15
RESIZE_MINUTES = 5
MESSAGE_MS = 20_000
UNDO_LIMIT = 50


@dataclass(frozen=True)
class _Loaded:
    workshop: WorkshopView
    warnings: list[AgendaWarning]
    modules: list[ModuleView]


@dataclass(frozen=True)
class _UndoStep:
    action: str  # what is undone, as a phrase: "moving 'Lunch'"
    apply: Callable[[], str | None]  # runs off the UI thread; returns the session to select


def _input_of(s: SessionView) -> SessionInput:
    return SessionInput(
        s.date, s.start, s.end, s.title, s.kind, s.module, s.exercise_id, s.facilitator, s.notes
    )


def _quoted(title: str, limit: int = 60) -> str:
    short = title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
    return _("“{title}”").format(title=short)  # translators: the quotation marks of your language


def _plain(text: str) -> str:
    """An action's text without its mnemonic marker or trailing ellipsis, for tooltips and messages."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def _shift_time(value: dt.time, minutes: int) -> dt.time:
    total = minutes_of(value) + minutes
    return dt.time(total // 60, total % 60)


def _tinted(widget: QWidget, colour: QColor, mix: float = 0.22) -> QColor:
    base = widget.palette().color(QPalette.ColorRole.Window)
    return QColor(
        round(base.red() * (1 - mix) + colour.red() * mix),
        round(base.green() * (1 - mix) + colour.green() * mix),
        round(base.blue() * (1 - mix) + colour.blue() * mix),
    )


class AgendaScreen(Screen):
    key = "agenda"
    needs_workshop = True
    watches = ("agenda", "workshops")

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_AgendaScreen()
        self.ui.setupUi(self)
        self.model = AgendaTableModel(self)
        self.workshop: WorkshopView | None = None
        self.warnings: list[AgendaWarning] = []
        self.modules: list[ModuleView] = []
        self.days: list[dt.date] = []
        self.day: dt.date | None = None
        self.dialog: SessionDialog | None = None
        self._undo: list[_UndoStep] = []
        self._focus_id: str | None = None
        self._last_row = 0
        self._generation = 0
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._hide_message)
        self._setup_table()
        self._setup_actions()
        self.ui.dayTabs.currentChanged.connect(self._on_day_tab_changed)
        self.ui.dayTabs.sessionDropped.connect(self._on_dropped_on_day, Qt.ConnectionType.QueuedConnection)
        self.model.sessionDropped.connect(self._on_dropped_in_day, Qt.ConnectionType.QueuedConnection)
        self.ui.dismissButton.clicked.connect(self._hide_message)
        self.ui.messageBar.hide()
        self.ui.warningBar.setAutoFillBackground(True)
        self.ui.messageBar.setAutoFillBackground(True)
        style = self.style()
        self.ui.dismissButton.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        for button, pixmap in (
            (self.ui.earlierButton, QStyle.StandardPixmap.SP_ArrowUp),
            (self.ui.laterButton, QStyle.StandardPixmap.SP_ArrowDown),
            (self.ui.previousDayButton, QStyle.StandardPixmap.SP_ArrowLeft),
            (self.ui.nextDayButton, QStyle.StandardPixmap.SP_ArrowRight),
        ):
            button.setIcon(style.standardIcon(pixmap))
        self.ui.actionBar.installEventFilter(self)
        self._apply_texts()
        self._update_actions()

    # --- set-up -----------------------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.ui.sessionTable
        table.setModel(self.model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        table.verticalHeader().setDefaultSectionSize(max(28, table.fontMetrics().height() + 12))
        table.selectionModel().currentRowChanged.connect(lambda *_args: self._update_actions())
        table.doubleClicked.connect(lambda _index: self.ui.actionEdit.trigger())
        table.runRequested.connect(self.ui.actionRun.trigger)
        table.customContextMenuRequested.connect(self._on_context_menu)

    def _setup_actions(self) -> None:
        ui = self.ui
        slots: list[tuple[QAction, Callable[[], None], QAbstractButton | None]] = [
            (ui.actionAdd, self._on_add, ui.addButton),
            (ui.actionEdit, self._on_edit, ui.editButton),
            (ui.actionDelete, self._on_delete, ui.deleteButton),
            (ui.actionRun, self._on_run, ui.runButton),
            (ui.actionEarlier, lambda: self._shift(minutes=-MOVE_MINUTES), ui.earlierButton),
            (ui.actionLater, lambda: self._shift(minutes=MOVE_MINUTES), ui.laterButton),
            (ui.actionPreviousDay, lambda: self._shift(days=-1), ui.previousDayButton),
            (ui.actionNextDay, lambda: self._shift(days=1), ui.nextDayButton),
            (ui.actionShorter, lambda: self._resize(-RESIZE_MINUTES), ui.shorterButton),
            (ui.actionLonger, lambda: self._resize(RESIZE_MINUTES), ui.longerButton),
            (ui.actionUndo, self._on_undo, ui.undoButton),
            (ui.actionNextWarning, self._on_next_warning, ui.nextWarningButton),
            (ui.actionPreviousTab, lambda: self._step_tab(-1), None),
            (ui.actionNextTab, lambda: self._step_tab(1), None),
        ]
        self._buttons: list[tuple[QAction, QAbstractButton]] = []
        for action, slot, button in slots:
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)
            if button is not None:
                button.clicked.connect(action.trigger)
                self._buttons.append((action, button))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.actionBar and event.type() == QEvent.Type.Resize:
            self._place_adjust_buttons()
        return super().eventFilter(watched, event)

    def _place_adjust_buttons(self) -> None:
        """Move and length buttons share the row with the session buttons when they fit (long translations
        and projectors at 1024x768 get a second row instead of a clipped one)."""
        ui = self.ui
        needed = ui.sessionButtons.sizeHint().width() + ui.adjustButtons.sizeHint().width() + 24
        wide = ui.actionBar.width() >= needed
        in_first = ui.firstRow.indexOf(ui.adjustButtons) >= 0
        if wide and not in_first:
            ui.secondRow.removeWidget(ui.adjustButtons)
            ui.firstRow.addWidget(ui.adjustButtons)
        elif not wide and in_first:
            ui.firstRow.removeWidget(ui.adjustButtons)
            ui.secondRow.insertWidget(0, ui.adjustButtons)

    # --- texts ------------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return _("Agenda")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._apply_texts()
        self.model.retranslate()
        if self.workshop is not None:
            self._rebuild_tabs()
            self._update_day_info()
            self._update_warning_bar()
        self._mark_stale()  # warnings come from the service in the language they were asked in

    def _apply_texts(self) -> None:
        for action, button in self._buttons:
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
            if action is self.ui.actionRun:
                keys.insert(
                    0, QKeySequence(Qt.Key.Key_Enter).toString(QKeySequence.SequenceFormat.NativeText)
                )
            tip = f"{_plain(action.text())} ({', '.join(keys)})" if keys else _plain(action.text())
            action.setToolTip(tip)
            button.setToolTip(tip)
        self.ui.dayTabs.setToolTip(_("Drop a session on a day to move it there."))
        self.ui.sessionTable.set_placeholder_text(
            _(
                "No sessions on this day yet. Add one with “Add session” (Ins), or drag a session "
                "onto this day's tab."
            )
        )
        self._update_undo_text()
        self._place_adjust_buttons()

    # --- loading ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        workshop_id = self.services.workshop_id
        if workshop_id is None:
            self._show_nothing()
            return
        self._generation += 1
        generation = self._generation
        db = self.services.db

        def load() -> _Loaded:
            workshop = ws.get_workshop(db, workshop_id)
            return _Loaded(
                workshop, agenda.warnings(db, workshop_id), curriculum.list_modules(db, workshop.language)
            )

        self.services.runner.run(
            load,
            lambda loaded: self._on_loaded(generation, loaded),
            lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, NotFoundError):  # the workshop was just deleted; the shell picks another
            self._show_nothing()
        else:
            show_error(self, exc)

    def _show_nothing(self) -> None:
        self._generation += 1
        self.workshop, self.warnings, self.days, self.day = None, [], [], None
        self._undo.clear()
        self._hide_message()
        self.model.set_sessions([], {}, {})
        self._rebuild_tabs()
        self.ui.dayInfoLabel.clear()
        self.ui.warningBar.hide()
        self._update_actions()

    def _on_loaded(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation:
            return
        workshop = loaded.workshop
        if self.workshop is None or self.workshop.id != workshop.id:
            self._undo.clear()
            self._hide_message()
            self.day = None
        selected = self._focus_id or self._selected_id()
        self._focus_id = None
        self.workshop, self.warnings, self.modules = workshop, loaded.warnings, loaded.modules
        span = (workshop.end - workshop.start).days
        dates = {workshop.start + dt.timedelta(days=i) for i in range(span + 1)}
        self.days = sorted(dates | {s.date for s in workshop.sessions})
        focus = next((s for s in workshop.sessions if s.id == selected), None)
        if focus is not None:
            self.day = focus.date
        elif self.day not in self.days:
            today = dt.date.today()
            self.day = today if today in self.days else self.days[0]
        self._rebuild_tabs()
        self._show_day(selected)
        self._update_warning_bar()
        self._update_undo_text()

    def _rebuild_tabs(self) -> None:
        tabs = self.ui.dayTabs
        tabs.blockSignals(True)
        while tabs.count():
            tabs.removeTab(0)
        warned = self._warned_dates()
        for day in self.days:
            index = tabs.addTab(self._day_label(day))
            tip = format_date(day, fmt="full")
            if day in warned:
                tabs.setTabIcon(index, warning_icon())
                count = warned[day]
                tip += "\n" + ngettext("{count} warning", "{count} warnings", count).format(count=count)
            tabs.setTabToolTip(index, tip)
        if self.day in self.days:
            tabs.setCurrentIndex(self.days.index(self.day))
        tabs.blockSignals(False)

    def _day_label(self, day: dt.date) -> str:
        assert self.workshop is not None
        return day_label((day - self.workshop.start).days + 1, day)

    def _warned_dates(self) -> dict[dt.date, int]:
        dates = {s.id: s.date for s in self.workshop.sessions} if self.workshop else {}
        found: dict[dt.date, int] = {}
        for w in self.warnings:
            if w.session_id in dates:
                found[dates[w.session_id]] = found.get(dates[w.session_id], 0) + 1
        return found

    def _show_day(self, select: str | None = None) -> None:
        if self.workshop is None:
            return
        sessions = [s for s in self.workshop.sessions if s.date == self.day]
        titles = {s.id: s.title for s in self.workshop.sessions}
        self.model.set_sessions(
            sessions, warnings_by_session(self.warnings, titles), {m.number: m.title for m in self.modules}
        )
        row = self.model.row_of(select) if select else -1
        if row < 0 and self.model.rowCount():
            row = min(self._last_row, self.model.rowCount() - 1)
        if row >= 0:
            self._select_row(row)
        self._update_day_info()
        self._update_actions()

    def _select_row(self, row: int) -> None:
        table = self.ui.sessionTable
        index = self.model.index(row, AgendaTableModel.TITLE)
        table.setCurrentIndex(index)
        table.selectRow(row)
        table.scrollTo(index)
        self._last_row = row

    def _update_day_info(self) -> None:
        workshop, day = self.workshop, self.day
        if workshop is None or day is None:
            self.ui.dayInfoLabel.clear()
            return
        sessions = self.model.sessions()
        parts = [
            format_date(day, fmt="full"),
            ngettext("{count} session", "{count} sessions", len(sessions)).format(count=len(sessions)),
        ]
        if sessions:
            first, last = min(s.start for s in sessions), max(s.end for s in sessions)
            parts.append(_("from {start} to {end}").format(start=f"{first:%H:%M}", end=f"{last:%H:%M}"))
        parts.append(
            _("working day {start}–{end}").format(
                start=f"{workshop.day_start:%H:%M}", end=f"{workshop.day_end:%H:%M}"
            )
        )
        if not workshop.start <= day <= workshop.end:
            parts.append(_("outside the workshop's dates"))
        self.ui.dayInfoLabel.setText(" · ".join(parts))

    def _warning_text(self, warning: AgendaWarning) -> str:
        session = self._session(warning.session_id)
        if session is None or self.workshop is None:
            return warning.message
        return _("Day {number}, {time} {title}: {message}").format(
            number=(session.date - self.workshop.start).days + 1,
            time=time_range(session),
            title=_quoted(session.title, 40),
            message=warning.message,
        )

    def _update_warning_bar(self) -> None:
        ui = self.ui
        ui.warningBar.setVisible(self.workshop is not None)
        count = len(self.warnings)
        palette = ui.warningBar.palette()
        if count:
            items = [self._warning_text(w) for w in self._ordered_warnings()]
            details = "\n".join(items[:2])
            if count > 2:
                details += "\n" + _("… and {count} more (Show next, F8)").format(count=count - 2)
            ui.warningSummary.setText(
                ngettext("{count} warning:\n{details}", "{count} warnings:\n{details}", count).format(
                    count=count, details=details
                )
            )
            ui.warningSummary.setToolTip("\n".join(items))
            ui.warningIcon.setPixmap(warning_icon().pixmap(20, 20))
            palette.setColor(QPalette.ColorRole.Window, _tinted(self, QColor(235, 170, 40)))
        else:
            ui.warningSummary.setText(_("No overlaps or overruns: every session fits its day."))
            ui.warningSummary.setToolTip("")
            ui.warningIcon.setPixmap(
                self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton).pixmap(20, 20)
            )
            palette.setColor(QPalette.ColorRole.Window, _tinted(self, QColor(60, 170, 90), 0.12))
        ui.warningBar.setPalette(palette)
        ui.nextWarningButton.setVisible(bool(count))
        ui.actionNextWarning.setEnabled(bool(count))

    def _ordered_warnings(self) -> list[AgendaWarning]:
        order = {s.id: (s.date, s.start, s.end) for s in self.workshop.sessions} if self.workshop else {}
        far = (dt.date.max, dt.time.max, dt.time.max)
        return sorted(self.warnings, key=lambda w: order.get(w.session_id, far))

    # --- selection --------------------------------------------------------------------------------------
    def _selected(self) -> SessionView | None:
        index = self.ui.sessionTable.currentIndex()
        return self.model.session_at(index.row()) if index.isValid() else None

    def _selected_id(self) -> str | None:
        session = self._selected()
        return session.id if session else None

    def _session(self, session_id: str) -> SessionView | None:
        sessions = self.workshop.sessions if self.workshop else []
        return next((s for s in sessions if s.id == session_id), None)

    def select_session(self, session_id: str) -> None:
        """Show the session's day and select it."""
        session = self._session(session_id)
        if session is None:
            return
        if session.date != self.day:
            self.day = session.date
            self.ui.dayTabs.blockSignals(True)
            self.ui.dayTabs.setCurrentIndex(self.days.index(session.date))
            self.ui.dayTabs.blockSignals(False)
            self._show_day(session_id)
        else:
            self._select_row(self.model.row_of(session_id))
            self._update_actions()

    def _on_day_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.days):
            self.day = self.days[index]
            self._last_row = 0
            self._show_day()

    def _step_tab(self, step: int) -> None:
        tabs = self.ui.dayTabs
        if tabs.count():
            tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def _update_actions(self) -> None:
        ui = self.ui
        session = self._selected()
        has = session is not None
        for action in (
            ui.actionEdit,
            ui.actionDelete,
            ui.actionRun,
            ui.actionEarlier,
            ui.actionLater,
            ui.actionShorter,
            ui.actionLonger,
        ):
            action.setEnabled(has)
        ui.actionPreviousDay.setEnabled(
            has and bool(self.days) and session is not None and session.date > self.days[0]
        )
        ui.actionNextDay.setEnabled(
            has and bool(self.days) and session is not None and session.date < self.days[-1]
        )
        ui.actionAdd.setEnabled(self.workshop is not None)
        ui.actionUndo.setEnabled(bool(self._undo))
        for action, button in self._buttons:
            button.setEnabled(action.isEnabled())
        if session is not None:
            self._last_row = self.model.row_of(session.id)

    def _update_undo_text(self) -> None:
        action = self.ui.actionUndo
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = _("Undo {action}").format(action=self._undo[-1].action) if self._undo else _plain(_("&Undo"))
        action.setText(text)
        action.setToolTip(f"{text} ({shortcut})")
        self.ui.undoButton.setToolTip(f"{text} ({shortcut})")
        action.setEnabled(bool(self._undo))
        self.ui.undoButton.setEnabled(bool(self._undo))

    # --- messages ---------------------------------------------------------------------------------------
    def _show_message(self, text: str, warning: bool = False, undo: bool = False) -> None:
        ui = self.ui
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if warning
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        ui.messageIcon.setPixmap(self.style().standardIcon(pixmap).pixmap(20, 20))
        ui.messageLabel.setText(text)
        ui.undoButton.setVisible(undo)
        palette = ui.messageBar.palette()
        colour = QColor(220, 80, 60) if warning else QColor(60, 120, 220)
        palette.setColor(QPalette.ColorRole.Window, _tinted(self, colour, 0.16))
        ui.messageBar.setPalette(palette)
        ui.messageBar.show()
        self._message_timer.start(MESSAGE_MS)

    def _hide_message(self) -> None:
        self._message_timer.stop()
        self.ui.messageBar.hide()

    def _on_edit_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._show_message(str(exc), warning=True)
            if isinstance(exc, NotFoundError):
                self.services.notify("agenda")
        else:
            show_error(self, exc)

    # --- edits ------------------------------------------------------------------------------------------
    def _push_undo(self, action: str, apply: Callable[[], str | None]) -> None:
        self._undo.append(_UndoStep(action, apply))
        del self._undo[:-UNDO_LIMIT]
        self._update_undo_text()

    def _run_edit(
        self,
        edit: Callable[[], SessionView],
        action: str,
        undo: Callable[[SessionView], Callable[[], str | None]],
    ) -> None:
        """Run one edit; on success remember how to undo it, keep the session selected, tell everyone."""

        def done(view: SessionView) -> None:
            self._push_undo(action, undo(view))
            self._focus_id = view.id
            self.services.notify("agenda")

        self.services.runner.run(edit, done, self._on_edit_failed)

    def _reschedule_back(
        self, session_id: str, date: dt.date, start: dt.time, end: dt.time
    ) -> Callable[[], str | None]:
        db = self.services.db
        return lambda: agenda.reschedule_session(db, session_id, date, start, end).id

    def _shift(self, minutes: int = 0, days: int = 0) -> None:
        session = self._selected()
        if session is None:
            return
        db, sid = self.services.db, session.id
        self._run_edit(
            lambda: agenda.shift_session(db, sid, minutes=minutes, days=days),
            _("moving {title}").format(title=_quoted(session.title)),
            lambda view: self._reschedule_back(
                view.id,
                view.date - dt.timedelta(days=days),
                _shift_time(view.start, -minutes),
                _shift_time(view.end, -minutes),
            ),
        )

    def _resize(self, delta: int) -> None:
        session = self._selected()
        if session is None:
            return
        db, sid = self.services.db, session.id
        self._run_edit(
            lambda: agenda.change_duration(db, sid, delta),
            _("changing the length of {title}").format(title=_quoted(session.title)),
            lambda view: self._reschedule_back(view.id, view.date, view.start, _shift_time(view.end, -delta)),
        )

    def _move_to(self, session: SessionView, day: dt.date, start: dt.time) -> None:
        if (day, start) == (session.date, session.start):
            return
        db, sid = self.services.db, session.id
        self._run_edit(
            lambda: agenda.move_session(db, sid, day, start),
            _("moving {title}").format(title=_quoted(session.title)),
            lambda _view: self._reschedule_back(sid, session.date, session.start, session.end),
        )

    def _on_dropped_in_day(self, session_id: str, row: int) -> None:
        session = self._session(session_id)
        if session is None or self.day is None:
            return
        self._move_to(session, self.day, drop_start(self.model.sessions(), session, row))

    def _on_dropped_on_day(self, session_id: str, index: int) -> None:
        session = self._session(session_id)
        if session is None or not 0 <= index < len(self.days):
            return
        self._move_to(session, self.days[index], session.start)

    def _on_add(self) -> None:
        workshop, day = self.workshop, self.day
        if workshop is None or day is None:
            return
        selected = self._selected()
        sessions = self.model.sessions()
        start = selected.end if selected else (sessions[-1].end if sessions else workshop.day_start)
        end = min(minutes_of(start) + 60, 24 * 60 - 1)
        facilitator = workshop.facilitators[0] if workshop.facilitators else ""
        initial = SessionInput(
            day, start, dt.time(end // 60, end % 60), "", "exercise", facilitator=facilitator
        )
        self._open_dialog(initial, None)

    def _on_edit(self) -> None:
        session = self._selected()
        if session is not None:
            self._open_dialog(_input_of(session), session)

    def _open_dialog(self, initial: SessionInput, session: SessionView | None) -> None:
        assert self.workshop is not None
        dialog = SessionDialog(self.services, self.workshop, self.modules, self.days, initial, session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda view: self._on_dialog_saved(view, session))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: SessionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _on_dialog_saved(self, view: SessionView, before: SessionView | None) -> None:
        db = self.services.db
        if before is None:

            def remove() -> str | None:
                agenda.delete_session(db, view.id)
                return None

            self._push_undo(_("adding {title}").format(title=_quoted(view.title)), remove)
        else:
            old = _input_of(before)
            self._push_undo(
                _("editing {title}").format(title=_quoted(before.title)),
                lambda: agenda.update_session(db, before.id, old).id,
            )
        self._focus_id = view.id
        self.services.notify("agenda")

    def _on_delete(self) -> None:
        session = self._selected()
        if session is None:
            return
        db = self.services.db
        self.services.runner.run(
            lambda: agenda.attendance_count(db, session.id),
            lambda marks: self._confirm_delete(session, marks),
            self._on_edit_failed,
        )

    def _confirm_delete(self, session: SessionView, marks: int) -> None:
        if marks:
            question = ngettext(
                "Delete the session {title} ({time})? Its {count} attendance mark will be deleted with it.",
                "Delete the session {title} ({time})? Its {count} attendance marks will be deleted with it.",
                marks,
            ).format(title=_quoted(session.title), time=time_range(session), count=marks)
            if not confirm(self, question, _("Delete session")):
                return
        db = self.services.db
        self.services.runner.run(
            lambda: agenda.delete_session(db, session.id),
            lambda snapshot: self._on_deleted(session, snapshot, marks),
            self._on_edit_failed,
        )

    def _on_deleted(self, session: SessionView, snapshot: agenda.DeletedSession, marks: int) -> None:
        db = self.services.db
        self._push_undo(
            _("deleting {title}").format(title=_quoted(session.title)),
            lambda: agenda.restore_session(db, snapshot).id,
        )
        text = _("Deleted {title}.").format(title=_quoted(session.title))
        if marks:
            text += " " + ngettext(
                "{count} attendance mark went with it.", "{count} attendance marks went with it.", marks
            ).format(count=marks)
        self._show_message(text, undo=True)
        self.services.notify("agenda")

    def _on_undo(self) -> None:
        if not self._undo:
            return
        step = self._undo.pop()
        self._update_undo_text()

        def done(focus: str | None) -> None:
            self._focus_id = focus
            self._show_message(_("Undid {action}.").format(action=step.action))
            self.services.notify("agenda")

        def failed(exc: BaseException) -> None:
            self._on_edit_failed(exc)

        self.services.runner.run(step.apply, done, failed)

    def _on_run(self) -> None:
        session = self._selected()
        if session is None:
            return
        from ccema_desktop.gui.session_runner import SessionRunnerDialog

        dialog = SessionRunnerDialog(self.services, session.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_next_warning(self) -> None:
        ordered = list(dict.fromkeys(w.session_id for w in self._ordered_warnings()))
        if not ordered:
            return
        current = self._selected_id()
        target = ordered[(ordered.index(current) + 1) % len(ordered)] if current in ordered else None
        if target is None:
            position = {s.id: (s.date, s.start) for s in self.workshop.sessions} if self.workshop else {}
            here = position.get(current or "", (dt.date.min, dt.time.min))
            target = next((sid for sid in ordered if position.get(sid, here) > here), ordered[0])
        self.select_session(target)
        self.ui.sessionTable.setFocus()

    def _on_context_menu(self, pos: QPoint) -> None:
        table = self.ui.sessionTable
        index = table.indexAt(pos)
        if index.isValid():
            self._select_row(index.row())
            self._update_actions()
        ui = self.ui
        menu = QMenu(self)
        menu.addAction(ui.actionRun)
        menu.addAction(ui.actionEdit)
        menu.addSeparator()
        for action in (
            ui.actionEarlier,
            ui.actionLater,
            ui.actionPreviousDay,
            ui.actionNextDay,
            ui.actionShorter,
            ui.actionLonger,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(ui.actionAdd)
        menu.addAction(ui.actionDelete)
        menu.addSeparator()
        menu.addAction(ui.actionUndo)
        menu.exec(table.viewport().mapToGlobal(pos))
        menu.deleteLater()


SCREEN = AgendaScreen
