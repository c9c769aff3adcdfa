"""Attendance: a keyboard-fast roll call for one session, and the history grid against the certificate threshold.

Roll call: arrows move, P/L/A/E mark (the same physical keys work on a Russian layout), Space switches
present/absent, Delete clears; the selection then moves to the next person. Ctrl+F jumps to a name, Ctrl+Shift+P
marks everyone not yet marked as present (with undo). Each mark shows at once and is saved in the background
in order: marks wait in a queue keyed by (workshop, person, session) and one batch is written at a time.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHeaderView, QMainWindow, QPushButton, QTableView

from ccema_desktop.domain.vocab import ATTENDANCE_STATUSES, label
from ccema_desktop.errors import KnownError
from ccema_desktop.gui.attendance_history_model import (
    SORT_ROLE,
    AttendanceHistoryModel,
    legend_html,
    percent,
)
from ccema_desktop.gui.forms.ui_attendance import Ui_AttendanceScreen
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.roll_call_model import STATUS_KEYS, RollCallModel
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _, current_language, format_date, ngettext
from ccema_desktop.services import attendance
from ccema_desktop.services.attendance import AttendanceHistory, RollCallRow
from ccema_desktop.services.workshops import SessionView

#: Qt keys that mark the current row.
_KEY_STATUS = {
    Qt.Key.Key_P: "present",
    Qt.Key.Key_L: "late",
    Qt.Key.Key_A: "absent",
    Qt.Key.Key_E: "excused",
}
#: The letters the same physical keys type on the Russian (ЙЦУКЕН) layout.
_LAYOUT_STATUS = {"з": "present", "д": "late", "ф": "absent", "у": "excused"}

_Mark = tuple[str, str, str]  # workshop id, participant id, session id


class _FrozenColumns(QObject):
    """Keeps the first `count` columns of a table in place while the rest scroll sideways (Qt's frozen
    column pattern: a second view over the same model and selection, laid over the first one)."""

    def __init__(self, view: QTableView, count: int) -> None:
        super().__init__(view)
        self._view = view
        self._count = count
        frozen = self.frozen = QTableView(view)
        frozen.setObjectName("frozenColumns")
        frozen.setModel(view.model())
        frozen.setSelectionModel(view.selectionModel())
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setSelectionBehavior(view.selectionBehavior())
        frozen.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        frozen.setWordWrap(False)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.verticalHeader().hide()
        frozen.setSortingEnabled(view.isSortingEnabled())
        frozen.horizontalHeader().setSortIndicator(
            view.horizontalHeader().sortIndicatorSection(), view.horizontalHeader().sortIndicatorOrder()
        )
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: view.horizontalHeader().setSortIndicator(column, order)
        )
        view.horizontalHeader().sectionResized.connect(self._on_section_resized)
        view.verticalHeader().sectionResized.connect(lambda row, _old, size: frozen.setRowHeight(row, size))
        frozen.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        model = view.model()
        model.modelReset.connect(self.sync)
        model.layoutChanged.connect(self.sync)
        view.installEventFilter(self)
        view.viewport().stackUnder(frozen)
        self.sync()

    def sync(self) -> None:
        view, frozen = self._view, self.frozen
        for column in range(view.model().columnCount()):
            frozen.setColumnHidden(column, column >= self._count)
            if column < self._count:
                frozen.setColumnWidth(column, view.columnWidth(column))
        frozen.verticalHeader().setDefaultSectionSize(view.verticalHeader().defaultSectionSize())
        frozen.horizontalHeader().setFixedHeight(view.horizontalHeader().height())
        self._place()

    def _on_section_resized(self, column: int, _old: int, size: int) -> None:
        if column < self._count:
            self.frozen.setColumnWidth(column, size)
            self._place()

    def _place(self) -> None:
        view = self._view
        width = sum(view.columnWidth(c) for c in range(min(self._count, view.model().columnCount())))
        self.frozen.setVisible(width > 0)
        self.frozen.horizontalHeader().setFixedHeight(view.horizontalHeader().height())
        self.frozen.setGeometry(
            view.verticalHeader().width() + view.frameWidth(),
            view.frameWidth(),
            width,
            view.viewport().height() + view.horizontalHeader().height(),
        )
        self.frozen.verticalScrollBar().setValue(view.verticalScrollBar().value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return super().eventFilter(watched, event)


class AttendanceScreen(Screen):
    key = "attendance"
    needs_workshop = True
    watches = ("attendance", "participants", "agenda", "workshops")

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_AttendanceScreen()
        self.ui.setupUi(self)
        self._workshop_id: str | None = None
        self._session_id: str | None = None
        self._loaded_session: str | None = None
        self._sessions: list[SessionView] = []
        self._generation = 0
        self._pending: dict[_Mark, str | None] = {}
        self._in_flight: dict[_Mark, str | None] | None = None
        self._undo: tuple[str, list[str]] | None = None
        self._history_stale = True
        self._own_notify = False
        self._threshold = 80
        self._setting_threshold = False
        self._threshold_saving = False
        self._threshold_wanted: int | None = None
        self.day_closed_message = ""  # what the last "Close the day" said (also in the status bar)

        self._roll = RollCallModel()
        view = self.ui.rollCallView
        view.setModel(self._roll)
        view.installEventFilter(self)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        header = view.horizontalHeader()
        header.setSectionResizeMode(RollCallModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RollCallModel.ORGANIZATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RollCallModel.STATUS, QHeaderView.ResizeMode.ResizeToContents)

        self._history = AttendanceHistoryModel()
        self._history_proxy = QSortFilterProxyModel(self)
        self._history_proxy.setSourceModel(self._history)
        self._history_proxy.setSortRole(SORT_ROLE)
        self.ui.historyView.setModel(self._history_proxy)
        self.ui.historyView.sortByColumn(AttendanceHistoryModel.NAME, Qt.SortOrder.AscendingOrder)
        self.ui.historyView.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        self._frozen = _FrozenColumns(self.ui.historyView, AttendanceHistoryModel.FIRST_SESSION)

        bold = self.ui.countsLabel.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.ui.countsLabel.setFont(bold)
        self.ui.undoBar.hide()
        self.ui.emptyLabel.hide()
        self._mark_buttons: dict[str, QPushButton] = {
            "present": self.ui.presentButton,
            "late": self.ui.lateButton,
            "absent": self.ui.absentButton,
            "excused": self.ui.excusedButton,
        }
        for status, button in self._mark_buttons.items():
            button.clicked.connect(lambda _checked=False, s=status: self._on_mark_button(s))
        self.ui.clearButton.clicked.connect(lambda: self._on_mark_button(None))
        self.ui.sessionCombo.currentIndexChanged.connect(self._on_session_chosen)
        self.ui.currentSessionButton.clicked.connect(self._on_current_session)
        self.ui.closeDayButton.clicked.connect(self._on_close_day)
        self._close_day_wanted = False
        self.ui.markAllButton.clicked.connect(self._on_mark_all)
        self.ui.undoButton.clicked.connect(self._on_undo)
        self.ui.findEdit.textChanged.connect(self._on_find)
        self.ui.findEdit.installEventFilter(self)
        self.ui.tabs.currentChanged.connect(self._on_tab_changed)
        self.ui.thresholdSpin.valueChanged.connect(self._on_threshold_changed)
        self._find_shortcut = QShortcut(QKeySequence("Ctrl+F"), self)
        self._find_shortcut.activated.connect(self._on_find_shortcut)
        self._mark_all_shortcut = QShortcut(QKeySequence("Ctrl+Shift+P"), self)
        self._mark_all_shortcut.activated.connect(self._on_mark_all)
        self.retranslate()

    # --- Screen -------------------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return _("Attendance")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        for status, button in self._mark_buttons.items():
            button.setText(
                _("{status} ({key})").format(
                    status=label(ATTENDANCE_STATUSES, status), key=STATUS_KEYS[status]
                )
            )
        marks = " · ".join(f"{STATUS_KEYS[s]} {label(ATTENDANCE_STATUSES, s).lower()}" for s in STATUS_KEYS)
        self.ui.keysLabel.setText(
            _(
                "Keys: ↑ ↓ move · {marks} · Space switches present/absent · Delete clears a mark · "
                "Ctrl+F finds a name (Enter goes back to the list) · Ctrl+Shift+P marks all unmarked present"
            ).format(marks=marks)
        )
        self.ui.legendLabel.setText(legend_html())
        suffix = percent(1.0).replace(percent(1.0).strip("%\u00a0\u202f "), "", 1)
        self.ui.thresholdSpin.setSuffix(suffix or "%")
        self._roll.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self._history.retranslate()
        self._fill_session_combo()
        self._update_counts()
        self._update_history_summary()
        self._update_undo_text()
        if self.ui.findStatus.text():
            self.ui.findStatus.setText(self._no_match_text())
        self._update_empty_state()

    def refresh(self) -> None:
        """Reload the sessions, the roll call of the chosen session and the history."""
        workshop_id = self.services.workshop_id
        self._generation += 1
        generation = self._generation
        if workshop_id != self._workshop_id:
            self._workshop_id = workshop_id
            self._session_id = None
            self._loaded_session = None
            self._sessions = []
            self._set_undo(None)
            self._roll.set_rows([])
            self._history.set_history(AttendanceHistory([], self._threshold, []))
        if workshop_id is None:
            self._fill_session_combo()
            self._update_empty_state()
            return
        db = self.services.db
        self.services.runner.run(
            lambda: attendance.attendance_sessions(db, workshop_id),
            lambda sessions: self._on_sessions_loaded(generation, sessions),
            lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_data_changed(self, what: str) -> None:
        if not self._own_notify:
            super()._on_data_changed(what)

    # --- loading ------------------------------------------------------------------------------------------------
    def _on_sessions_loaded(self, generation: int, sessions: list[SessionView]) -> None:
        if generation != self._generation:
            return
        self._sessions = sessions
        ids = [s.id for s in sessions]
        if self._session_id not in ids:
            picked = attendance.pick_current_session(sessions, dt.datetime.now())
            self._session_id = picked.id if picked else None
            self._set_undo(None)
        self._fill_session_combo()
        self._load_roll_call()
        self._load_history()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, KnownError):
            self._sessions = []
            self._roll.set_rows([])
            self._fill_session_combo()
            self._update_empty_state(str(exc))
        else:
            show_error(self, exc)

    def _load_roll_call(self) -> None:
        workshop_id, session_id, generation = self._workshop_id, self._session_id, self._generation
        if workshop_id is None or session_id is None:
            self._roll.set_rows([])
            self._update_counts()
            self._update_empty_state()
            return
        db = self.services.db
        self.services.runner.run(
            lambda: attendance.roll_call(db, workshop_id, session_id),
            lambda rows: self._on_roll_call_loaded(generation, session_id, rows),
            lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_roll_call_loaded(self, generation: int, session_id: str, rows: list[RollCallRow]) -> None:
        if generation != self._generation or session_id != self._session_id:
            return
        pending = {**(self._in_flight or {}), **self._pending}
        wid = self._workshop_id or ""
        rows = [
            RollCallRow(
                r.participant_id, r.full_name, r.organization, pending[(wid, r.participant_id, session_id)]
            )
            if (wid, r.participant_id, session_id) in pending
            else r
            for r in rows
        ]
        keep = (
            self._current_participant() if self._roll.rows() and self._loaded_session == session_id else None
        )
        self._roll.set_rows(rows)
        self._loaded_session = session_id
        row = self._roll.row_of(keep) if keep else -1
        if row < 0:
            row = max(self._roll.first_unmarked(), 0)
        self._size_roll_call_columns()
        self._select_row(row)
        self._update_counts()
        self._update_empty_state()

    def _size_roll_call_columns(self) -> None:
        view = self.ui.rollCallView
        metrics = view.fontMetrics()
        widest = max((metrics.horizontalAdvance(r.full_name) for r in self._roll.rows()), default=120)
        limit = max(view.viewport().width() * 2 // 5, 200)
        view.horizontalHeader().resizeSection(RollCallModel.NAME, min(widest + 24, limit))

    def _load_history(self) -> None:
        workshop_id, generation = self._workshop_id, self._generation
        if workshop_id is None:
            return
        self._history_stale = False
        db = self.services.db
        self.services.runner.run(
            lambda: attendance.history(db, workshop_id),
            lambda grid: self._on_history_loaded(generation, grid),
            lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_history_loaded(self, generation: int, grid: AttendanceHistory) -> None:
        if generation != self._generation:
            return
        self._history.set_history(grid)
        self._threshold = grid.threshold
        self._setting_threshold = True
        self.ui.thresholdSpin.setValue(grid.threshold)
        self._setting_threshold = False
        self._size_history_columns()
        self._update_history_summary()

    def _size_history_columns(self) -> None:
        header = self.ui.historyView.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(AttendanceHistoryModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AttendanceHistoryModel.RATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            AttendanceHistoryModel.CERTIFICATE, QHeaderView.ResizeMode.ResizeToContents
        )
        metrics = self.ui.historyView.fontMetrics()
        names = [r.full_name for r in self._history.history().rows]
        widest = max((metrics.horizontalAdvance(n) for n in names), default=120)
        header.resizeSection(AttendanceHistoryModel.NAME, min(max(widest + 16, 140), 260))
        lang = current_language()
        labels = ["00:00", *(format_date(s.date, lang, "EEE d") for s in self._history.history().sessions)]
        width = max(metrics.horizontalAdvance(text) for text in labels) + 12
        for column in range(AttendanceHistoryModel.FIRST_SESSION, self._history.columnCount()):
            header.resizeSection(column, width)
        self._frozen.sync()

    # --- session picker -----------------------------------------------------------------------------------------
    def _fill_session_combo(self) -> None:
        combo = self.ui.sessionCombo
        combo.blockSignals(True)
        combo.clear()
        lang = current_language()
        for s in self._sessions:
            combo.addItem(
                "{date} · {start}–{end} · {title}".format(
                    date=format_date(s.date, lang, "medium"),
                    start=s.start.strftime("%H:%M"),
                    end=s.end.strftime("%H:%M"),
                    title=s.title,
                ),
                s.id,
            )
        ids = [s.id for s in self._sessions]
        combo.setCurrentIndex(ids.index(self._session_id) if self._session_id in ids else -1)
        combo.setPlaceholderText(_("No session to take attendance for"))
        combo.blockSignals(False)
        self.ui.currentSessionButton.setEnabled(bool(self._sessions))

    def select_session(self, session_id: str) -> None:
        """Show the roll call of one session (what choosing it in the picker does)."""
        ids = [s.id for s in self._sessions]
        if session_id in ids:
            self.ui.sessionCombo.setCurrentIndex(ids.index(session_id))

    def _on_session_chosen(self, index: int) -> None:
        session_id = self.ui.sessionCombo.itemData(index) if index >= 0 else None
        if session_id == self._session_id:
            return
        self._session_id = session_id
        self._set_undo(None)
        self.ui.findEdit.clear()
        self._load_roll_call()

    def _on_current_session(self) -> None:
        picked = attendance.pick_current_session(self._sessions, dt.datetime.now())
        if picked is not None:
            self.select_session(picked.id)
        self.ui.tabs.setCurrentWidget(self.ui.rollCallTab)
        self.ui.rollCallView.setFocus()

    # --- marking ------------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.ui.rollCallView:
                return self._on_roll_call_key(event)
            if watched is self.ui.findEdit:
                return self._on_find_key(event)
        return super().eventFilter(watched, event)

    def _on_roll_call_key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False
        key = event.key()
        status = (
            _KEY_STATUS.get(Qt.Key(key)) if key in _KEY_STATUS else _LAYOUT_STATUS.get(event.text().lower())
        )
        if status is not None:
            self._mark_current(status)
            return True
        if key == Qt.Key.Key_Space:
            row = self._current_row()
            if row >= 0:
                self._mark_current("absent" if self._roll.row_at(row).status == "present" else "present")
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._mark_current(None, advance=False)
            return True
        # Other letters would start Qt's type-ahead search; a name is found with Ctrl+F instead.
        return bool(event.text()) and event.text().isprintable()

    def _on_mark_button(self, status: str | None) -> None:
        self._mark_current(status, advance=status is not None)
        self.ui.rollCallView.setFocus()

    def _mark_current(self, status: str | None, advance: bool = True) -> None:
        row = self._current_row()
        if row < 0:
            return
        self._set_marks({row: status})
        if advance and row + 1 < self._roll.rowCount():
            self._select_row(row + 1)

    def _on_mark_all(self) -> None:
        if self._session_id is None or not self._roll.rowCount():
            return
        self.ui.tabs.setCurrentWidget(self.ui.rollCallTab)
        rows = [i for i, r in enumerate(self._roll.rows()) if r.status is None]
        if not rows:
            self._set_undo(None)
            self.ui.undoBar.show()
            self._update_undo_text()
            return
        self._set_marks(dict.fromkeys(rows, "present"))
        self._set_undo((self._session_id, [self._roll.row_at(i).participant_id for i in rows]))

    def _on_undo(self) -> None:
        if self._undo is None:
            return
        session_id, people = self._undo
        self._set_undo(None)
        if session_id != self._session_id:
            return
        changes: dict[int, str | None] = {}
        for pid in people:
            row = self._roll.row_of(pid)
            if row >= 0 and self._roll.row_at(row).status == "present":
                changes[row] = None
        self._set_marks(changes)
        self.ui.rollCallView.setFocus()

    def _set_undo(self, undo: tuple[str, list[str]] | None) -> None:
        self._undo = undo
        self.ui.undoButton.setVisible(undo is not None)
        self.ui.undoBar.setVisible(undo is not None)
        self._update_undo_text()

    def _update_undo_text(self) -> None:
        if self._undo is None:
            if self.ui.undoBar.isVisibleTo(self):
                self.ui.undoLabel.setText(_("Everyone already has a mark for this session."))
        else:
            count = len(self._undo[1])
            self.ui.undoLabel.setText(
                ngettext(
                    "{count} person not yet marked is now present.",
                    "{count} people not yet marked are now present.",
                    count,
                ).format(count=count)
            )

    def _set_marks(self, changes: dict[int, str | None]) -> None:
        """Show the marks now and queue them for saving."""
        if self._undo is None:
            self.ui.undoBar.hide()
        changes = {row: st for row, st in changes.items() if self._roll.row_at(row).status != st}
        if not changes or self._workshop_id is None or self._session_id is None:
            return
        for row, status in changes.items():
            self._roll.set_status(row, status)
            self._pending[(self._workshop_id, self._roll.row_at(row).participant_id, self._session_id)] = (
                status
            )
        self._update_counts()
        self._flush()

    def _flush(self) -> None:
        if self._in_flight is not None or not self._pending:
            return
        batch, self._pending = self._pending, {}
        self._in_flight = batch
        db = self.services.db
        recorder = self.services.settings.facilitator_name.strip() or attendance.default_recorder()

        def save() -> None:
            for workshop_id in dict.fromkeys(w for w, _p, _s in batch):
                marks = [(p, s, st) for (w, p, s), st in batch.items() if w == workshop_id and st]
                clears = [(p, s) for (w, p, s), st in batch.items() if w == workshop_id and st is None]
                if marks:
                    attendance.mark_bulk(db, workshop_id, marks, recorded_by=recorder)
                if clears:
                    attendance.unmark(db, workshop_id, clears)

        self.services.runner.run(save, self._on_saved, self._on_save_failed)

    def _on_saved(self, _result: object) -> None:
        self._in_flight = None
        self._after_write("attendance")
        self._flush()
        if self._close_day_wanted and self._in_flight is None:
            self._close_day()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._in_flight = None
        self._close_day_wanted = False
        self._pending.clear()
        self._set_undo(None)
        self._load_roll_call()
        self._load_history()
        show_error(self, exc)

    def _after_write(self, *kinds: str) -> None:
        self._own_notify = True
        try:
            for kind in kinds:
                self.services.notify(kind)
        finally:
            self._own_notify = False
        if self.ui.tabs.currentWidget() is self.ui.historyTab:
            self._load_history()
        else:
            self._history_stale = True

    # --- closing the day ----------------------------------------------------------------------------------------
    def _on_close_day(self) -> None:
        """Marks still being saved go first; then the day's bundle is queued for headquarters."""
        if self.services.workshop_id is None:
            return
        self.ui.closeDayButton.setEnabled(False)
        self._close_day_wanted = True
        if self._in_flight is None and not self._pending:
            self._close_day()
        else:
            self._flush()

    def _close_day(self) -> None:
        from ccema_desktop.sync import outbox

        self._close_day_wanted = False
        workshop_id = self.services.workshop_id
        ctx = self.services.ctx
        if workshop_id is None:
            self.ui.closeDayButton.setEnabled(True)
            return
        self.services.runner.run(
            lambda: outbox.queue_on_close(ctx, workshop_id, trigger="day"),
            self._on_day_closed,
            self._on_close_day_failed,
        )

    def _on_day_closed(self, item: object) -> None:
        from ccema_desktop.gui.sync_worker import worker_for

        self.ui.closeDayButton.setEnabled(True)
        if item is None:
            text = _(
                "Day closed: today's roll calls are saved. This laptop is not enrolled with headquarters; "
                "to send the workshop, save a bundle from the Sync screen."
            )
        else:
            text = _(
                "Day closed: today's roll calls are saved and the workshop's bundle is queued for "
                "headquarters. It is sent as soon as a connection exists."
            )
            worker_for(self.services).check_now()
        self.day_closed_message = text
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 20000)

    def _on_close_day_failed(self, exc: BaseException) -> None:
        self.ui.closeDayButton.setEnabled(True)
        show_error(self, exc)

    # --- selection, finding and counts --------------------------------------------------------------------------
    def _current_row(self) -> int:
        index = self.ui.rollCallView.currentIndex()
        return index.row() if index.isValid() else -1

    def _current_participant(self) -> str | None:
        row = self._current_row()
        return self._roll.row_at(row).participant_id if 0 <= row < self._roll.rowCount() else None

    def _select_row(self, row: int) -> None:
        if not 0 <= row < self._roll.rowCount():
            return
        view = self.ui.rollCallView
        index = self._roll.index(row, RollCallModel.NAME)
        view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(index)

    def _on_find_shortcut(self) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.rollCallTab)
        self.ui.findEdit.setFocus()
        self.ui.findEdit.selectAll()

    def _on_find(self, text: str) -> None:
        if not text.strip():
            self.ui.findStatus.clear()
            return
        row = self._roll.find(text)
        if row >= 0:
            self.ui.findStatus.clear()
            self._select_row(row)
        else:
            self.ui.findStatus.setText(self._no_match_text())

    def _no_match_text(self) -> str:
        return _("No name matches “{text}”.").format(text=self.ui.findEdit.text().strip())

    def _on_find_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ui.rollCallView.setFocus()
            return True
        if key == Qt.Key.Key_Escape:
            self.ui.findEdit.clear()
            self.ui.rollCallView.setFocus()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            matches = self._roll.matches(self.ui.findEdit.text())
            if matches:
                current = self._current_row()
                if key == Qt.Key.Key_Down:
                    row = next((r for r in matches if r > current), matches[0])
                else:
                    row = next((r for r in reversed(matches) if r < current), matches[-1])
                self._select_row(row)
            return True
        return False

    def _update_counts(self) -> None:
        counts = self._roll.counts()
        if not self._roll.rowCount():
            self.ui.countsLabel.clear()
            return
        self.ui.countsLabel.setText(
            _(
                "{present}/{total} present · {late} late · {absent} absent · {excused} excused · "
                "{unmarked} not marked"
            ).format(
                present=counts["present"],
                total=self._roll.rowCount(),
                late=counts["late"],
                absent=counts["absent"],
                excused=counts["excused"],
                unmarked=counts[None],
            )
        )

    # --- history and threshold ----------------------------------------------------------------------------------
    def _on_tab_changed(self, _index: int) -> None:
        if self.ui.tabs.currentWidget() is self.ui.historyTab and self._history_stale:
            self._load_history()

    def _update_history_summary(self) -> None:
        grid = self._history.history()
        if not grid.rows:
            self.ui.historySummaryLabel.clear()
            return
        below = self._history.flagged()
        self.ui.historySummaryLabel.setText(
            _(
                "Below the certificate threshold of {threshold}: {below} of {total} · "
                "can no longer reach it: {unreachable} · sessions that count: {sessions}"
            ).format(
                threshold=percent(grid.threshold / 100),
                below=len(below),
                total=len(grid.rows),
                unreachable=sum(1 for r in below if not r.can_reach_threshold),
                sessions=len(grid.sessions),
            )
        )

    def _on_threshold_changed(self, value: int) -> None:
        if self._setting_threshold or self._workshop_id is None:
            return
        self._threshold_wanted = value
        self._save_threshold()

    def _save_threshold(self) -> None:
        value = self._threshold_wanted
        if self._threshold_saving or value is None or self._workshop_id is None:
            return
        self._threshold_wanted = None
        if value == self._threshold:
            return
        workshop_id, db, previous = self._workshop_id, self.services.db, self._threshold
        self._threshold_saving = True

        def failed(exc: BaseException) -> None:
            self._threshold_saving = False
            self._threshold_wanted = None
            self._setting_threshold = True
            self.ui.thresholdSpin.setValue(previous)
            self._setting_threshold = False
            if isinstance(exc, KnownError):
                self.ui.thresholdError.setText(str(exc))
            else:
                show_error(self, exc)

        def done(_result: object) -> None:
            self._threshold_saving = False
            self._threshold = value
            self.ui.thresholdError.clear()
            self._after_write("attendance", "workshops")  # reloads the history shown with the spin box
            self._save_threshold()

        self.services.runner.run(lambda: attendance.set_threshold(db, workshop_id, value), done, failed)

    # --- empty states -------------------------------------------------------------------------------------------
    def _update_empty_state(self, message: str | None = None) -> None:
        if message is None:
            if self._workshop_id is None:
                message = _("Choose a workshop first.")
            elif not self._sessions:
                message = _(
                    "This workshop has no sessions that count for attendance. Add sessions on the Agenda screen."
                )
            elif self._session_id is not None and not self._roll.rowCount() and self._loaded_session:
                message = _(
                    "Nobody is enrolled in this workshop yet. Import a roster on the Participants screen."
                )
        self.ui.emptyLabel.setText(message or "")
        self.ui.emptyLabel.setVisible(bool(message))
        self.ui.tabs.setEnabled(not message)
        self.ui.sessionCombo.setEnabled(bool(self._sessions))

    # --- used by tests and the screenshot script ----------------------------------------------------------------
    def roll_call_model(self) -> RollCallModel:
        return self._roll

    def history_model(self) -> AttendanceHistoryModel:
        return self._history


SCREEN = AttendanceScreen
