"""Workshops: the list (search, status filter), open one, change its status, delete it, create one.

This is the screen shown at start-up, possibly before the database is open (see `gui.services`): it imports
no core module that loads SQLAlchemy; the workshop service is imported inside the work run on the task
runner, after `services.db` (which waits for the database) and the wizard after `wait_until_open()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QMenu

from ccema_desktop.domain.vocab import WORKSHOP_KINDS, WORKSHOP_STATUSES, label
from ccema_desktop.gui.forms.ui_workshops import Ui_WorkshopsScreen
from ccema_desktop.gui.messages import confirm, show_error
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.workshops_model import (
    CODE,
    COUNTRIES,
    DATES,
    PARTICIPANTS,
    STATUS,
    TITLE,
    WorkshopFilterProxy,
    WorkshopTableModel,
    status_label,
)
from ccema_desktop.i18n import _, current_language, language_name, ngettext
from ccema_desktop.services.workshop_views import WorkshopView

if TYPE_CHECKING:
    from ccema_desktop.gui.workshop_wizard import WorkshopWizard

#: Typing pauses this long before the list is searched again.
SEARCH_DELAY_MS = 250
#: Below this table width (projectors, small laptops) the code column is hidden to leave room for titles;
#: the code stays in the details line and the title's tooltip.
NARROW_TABLE = 900


class WorkshopsScreen(Screen):
    key = "workshops"
    needs_workshop = False
    watches = ("workshops",)

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_WorkshopsScreen()
        self.ui.setupUi(self)
        self._model = WorkshopTableModel(self)
        self._proxy = WorkshopFilterProxy(self)
        self._proxy.setSourceModel(self._model)
        self._request = 0  # newer searches win over slower older ones
        self._answered = 0  # the request whose rows are on screen
        self._loaded = False
        self._select_after_load: str | None = None
        table = self.ui.table
        table.setModel(self._proxy)
        table.sortByColumn(DATES, Qt.SortOrder.DescendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNTRIES, QHeaderView.ResizeMode.Interactive)
        for column in (CODE, DATES, STATUS, PARTICIPANTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Titles and country lists are long: wrap them rather than cut them on small screens.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # The header always spans the table's viewport, so its resizes are the viewport's. (Asking for
        # `viewport()` itself at start-up costs 25-50 ms in PySide6 6.11: its first QWidget result makes
        # shiboken set up every widget class to find the most derived type.)
        header.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._fill_status_combos()
        self._connect()
        self.ui.emptyLabel.hide()
        self._update_selection()

    def _connect(self) -> None:
        ui = self.ui
        ui.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self.refresh)
        ui.statusFilter.currentIndexChanged.connect(self._on_status_filter)
        ui.table.activated.connect(self._on_activated)
        ui.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        ui.table.customContextMenuRequested.connect(self._on_context_menu)
        ui.openButton.clicked.connect(self.open_selected)
        ui.statusCombo.activated.connect(self._on_status_chosen)
        ui.deleteButton.clicked.connect(self.delete_selected)
        ui.newButton.clicked.connect(self.start_wizard)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), ui.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

    def _fill_status_combos(self) -> None:
        ui = self.ui
        chosen_filter = ui.statusFilter.currentData()
        ui.statusFilter.blockSignals(True)
        ui.statusFilter.clear()
        ui.statusFilter.addItem(_("All statuses"), "")
        for key in WORKSHOP_STATUSES:
            ui.statusFilter.addItem(status_label(key), key)
        ui.statusFilter.setCurrentIndex(max(0, ui.statusFilter.findData(chosen_filter or "")))
        ui.statusFilter.blockSignals(False)
        ui.statusCombo.blockSignals(True)
        ui.statusCombo.clear()
        for key in WORKSHOP_STATUSES:
            ui.statusCombo.addItem(status_label(key), key)
        ui.statusCombo.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.table.horizontalHeader() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        table = self.ui.table
        width = table.horizontalHeader().width()  # the viewport's width (see __init__)
        table.setColumnHidden(CODE, width < NARROW_TABLE)
        table.horizontalHeader().resizeSection(COUNTRIES, max(120, min(220, width // 5)))

    # --- Screen -----------------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return _("Workshops")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._fill_status_combos()
        self._model.relabel()
        if self._loaded:
            self._update_empty_state(bool(self.ui.searchEdit.text().strip()))
        self._update_selection()

    def refresh(self) -> None:
        self._request += 1
        request = self._request
        search = self.ui.searchEdit.text()

        def done(rows: list[WorkshopView]) -> None:
            if request == self._request:
                self._answered = request
                self._on_loaded(rows, bool(search.strip()))

        first = self.services.first_workshops
        if first is not None and not search.strip():
            done(first)  # the database is still opening: the list read at start is the current one
            return
        services = self.services

        def work() -> list[WorkshopView]:
            db = services.db
            from ccema_desktop.services import workshops as ws

            return ws.list_workshops(db, search)

        self.services.runner.run(work, done, self._error)

    def _on_loaded(self, rows: list[WorkshopView], searched: bool) -> None:
        keep = self._select_after_load or self.selected_id() or self.services.workshop_id
        self._select_after_load = None
        self._model.set_workshops(rows, self.services.workshop_id)
        self._loaded = True
        self._select(keep)
        self._update_empty_state(searched)
        self._update_selection()
        self.loaded.emit()

    def is_loaded(self) -> bool:
        """The latest list is on screen, with the current workshop marked."""
        return (
            self._loaded
            and self._answered == self._request
            and self._model.current == self.services.workshop_id
        )

    def _update_empty_state(self, searched: bool) -> None:
        ui = self.ui
        nothing_at_all = self._model.rowCount() == 0 and not searched
        ui.table.setVisible(not nothing_at_all)
        if nothing_at_all:
            ui.emptyLabel.setText(
                _(
                    "There is no workshop yet. Create one with “New workshop…”, or open the demo workshop "
                    "from the File menu to try the app with sample data."
                )
            )
        elif self._proxy.rowCount() == 0:
            ui.emptyLabel.setText(_("No workshop matches the search and the status shown."))
        ui.emptyLabel.setVisible(nothing_at_all or self._proxy.rowCount() == 0)

    # --- selection --------------------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        workshop = self.selected_workshop()
        return workshop.id if workshop else None

    def selected_workshop(self) -> WorkshopView | None:
        rows = self.ui.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self._model.workshop_at(self._proxy.mapToSource(rows[0]).row())

    def _select(self, workshop_id: str | None) -> None:
        source_row = self._model.row_of(workshop_id) if workshop_id else -1
        index = self._proxy.mapFromSource(self._model.index(source_row, 0)) if source_row >= 0 else None
        if index is None or not index.isValid():
            index = self._proxy.index(0, 0)
        if index.isValid():
            self.ui.table.selectRow(index.row())
            self.ui.table.scrollTo(index)
        else:
            self.ui.table.clearSelection()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_selection()

    def _update_selection(self) -> None:
        ui = self.ui
        workshop = self.selected_workshop()
        for widget in (ui.openButton, ui.statusCombo, ui.deleteButton):
            widget.setEnabled(workshop is not None)
        if workshop is None:
            ui.detailsLabel.clear()
            ui.detailsLabel.hide()
            return
        ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(workshop.status)))
        ui.detailsLabel.setText(self._details(workshop))
        ui.detailsLabel.show()

    def _details(self, w: WorkshopView) -> str:
        days = (w.end - w.start).days + 1
        parts = [
            w.code,
            label(WORKSHOP_KINDS, w.kind),
            w.venue or _("venue not set"),
            language_name(w.language, current_language()),
            ngettext("{count} day", "{count} days", days).format(count=days),
            _("modules {numbers}").format(numbers=", ".join(str(n) for n in w.modules))
            if w.modules
            else _("no module"),
            ngettext(
                "{count} session on the agenda", "{count} sessions on the agenda", len(w.sessions)
            ).format(count=len(w.sessions)),
            _("attendance threshold {percent} %").format(percent=w.attendance_threshold),
        ]
        text = " · ".join(parts)
        if w.id == self.services.workshop_id:
            text = _("You are working on this workshop.") + " " + text
        if w.is_demo:
            text += "\n" + _(
                "This is the demo workshop with sample data; delete it when you no longer need it."
            )
        return text

    # --- actions ----------------------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def _on_status_filter(self, _index: int) -> None:
        keep = self.selected_id()
        self._proxy.set_status(str(self.ui.statusFilter.currentData() or ""))
        self._select(keep)
        self._update_empty_state(bool(self.ui.searchEdit.text().strip()))
        self._update_selection()

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ui.table.selectRow(index.row())
            self.open_selected()

    def open_selected(self) -> None:
        """Make the selected workshop the one the other screens work on."""
        workshop = self.selected_workshop()
        if workshop is None:
            return
        self.services.set_workshop(workshop.id)
        self._model.set_current(workshop.id)
        self._update_selection()

    def _on_status_chosen(self, index: int) -> None:
        self.set_selected_status(str(self.ui.statusCombo.itemData(index)))

    def set_selected_status(self, status: str) -> None:
        workshop = self.selected_workshop()
        if workshop is None or status == workshop.status:
            return
        self._select_after_load = workshop.id
        services = self.services

        def work() -> None:
            db = services.db
            from ccema_desktop.services import workshops as ws

            ws.set_status(db, workshop.id, status)

        self.services.runner.run(work, lambda _result: self.services.notify("workshops"), self._status_failed)

    def _status_failed(self, exc: BaseException) -> None:
        self._update_selection()  # the combo shows the status that is really saved
        self._error(exc)

    def delete_selected(self) -> None:
        workshop = self.selected_workshop()
        if workshop is None:
            return
        if workshop.is_demo:
            text = _(
                "Delete the demo workshop “{title}” ({code})? Its agenda, its attendance and the sample "
                "participants go too."
            ).format(title=workshop.title, code=workshop.code)
        elif not workshop.participants:
            text = _(
                "Delete the workshop “{title}” ({code})? Its agenda and its attendance records go too. "
                "This cannot be undone."
            ).format(title=workshop.title, code=workshop.code)
        else:
            text = ngettext(
                "Delete the workshop “{title}” ({code})? Its agenda and its attendance records go too, and "
                "its {count} participant is no longer enrolled (people stay in the database). This cannot "
                "be undone.",
                "Delete the workshop “{title}” ({code})? Its agenda and its attendance records go too, and "
                "its {count} participants are no longer enrolled (people stay in the database). This cannot "
                "be undone.",
                workshop.participants,
            ).format(title=workshop.title, code=workshop.code, count=workshop.participants)
        if not confirm(self, text, _("Delete workshop")):
            return

        def work() -> None:
            db = self.services.db
            if workshop.is_demo:
                from ccema_desktop.services import demo

                demo.remove_demo_workshop(db)
            else:
                from ccema_desktop.services import workshops as ws

                ws.delete_workshop(db, workshop.id)

        def done(_result: None) -> None:
            if self.services.workshop_id == workshop.id:
                self.services.set_workshop(None)
            self.services.notify("workshops")

        self.services.runner.run(work, done, self._error)

    def _on_context_menu(self, position: QPoint) -> None:
        index = self.ui.table.indexAt(position)
        if not index.isValid():
            return
        self.ui.table.selectRow(index.row())
        workshop = self.selected_workshop()
        if workshop is None:
            return
        menu = QMenu(self)
        menu.addAction(_("Open"), self.open_selected)
        status_menu = menu.addMenu(_("Status"))
        for key in WORKSHOP_STATUSES:
            action = status_menu.addAction(status_label(key))
            action.setCheckable(True)
            action.setChecked(key == workshop.status)
            action.triggered.connect(lambda _checked=False, status=key: self.set_selected_status(status))
        menu.addSeparator()
        menu.addAction(_("Delete…"), self.delete_selected)
        menu.exec(self.ui.table.viewport().mapToGlobal(position))

    def start_wizard(self) -> WorkshopWizard:
        """Open the new-workshop wizard (File > New workshop calls this too)."""
        self.services.wait_until_open()  # the wizard imports the curriculum and workshop services
        from ccema_desktop.gui.workshop_wizard import WorkshopWizard

        wizard = WorkshopWizard(self.services, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.created.connect(self._on_created)
        wizard.open()
        return wizard

    def _on_created(self, workshop_id: str) -> None:
        self._select_after_load = workshop_id
        self.ui.searchEdit.clear()
        self.ui.statusFilter.setCurrentIndex(0)
        self.refresh()

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)


SCREEN = WorkshopsScreen
