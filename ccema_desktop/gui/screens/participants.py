"""Participants of the current workshop: a sortable, filterable table edited in place, one-by-one additions,
removal with undo, and roster import with a preview.

Every write goes through `services.participants` on the task runner. A refused edit leaves the cell as it
was and says why in the message line under the table.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.forms.ui_participant_dialog import Ui_ParticipantDialog
from ccema_desktop.gui.forms.ui_participants import Ui_ParticipantsScreen
from ccema_desktop.gui.messages import confirm, show_error
from ccema_desktop.gui.participants_model import (
    COLUMNS,
    ID_ROLE,
    ParticipantsFilter,
    ParticipantsModel,
    country_choices,
    sector_choices,
    sex_choices,
)
from ccema_desktop.gui.roster_import_dialog import RosterImportDialog
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _, ngettext
from ccema_desktop.services import participants as svc

Index = QModelIndex | QPersistentModelIndex

_MESSAGE_STYLES = {
    "error": "QFrame#messageFrame { background: #fdecea; border: 1px solid #e6a5a0; border-radius: 3px; }"
    " QLabel { color: #7f1d1d; }",
    "info": "QFrame#messageFrame { background: #e8f1fb; border: 1px solid #a9c7ea; border-radius: 3px; }"
    " QLabel { color: #1e3a5f; }",
}
_ERROR_LABEL_STYLE = "color: #9b1c1c;"
_MIN_COLUMN, _MAX_COLUMN = 70, 280
#: Narrowest a column gets when fitting the table to the screen (the name stays readable).
_FLOORS = {"full_name": 170, "sex": 90, "organization": 130, "sector": 120, "country": 100, "email": 140}


def _fixed(text: str) -> Callable[[], str]:
    """A message already translated by the service (it stays in the language it was made in)."""
    return lambda: text


def fill_combo(combo: QComboBox, choices: list[tuple[str, str]], current: str = "") -> None:
    """Replace a combo's items with (label, key) choices and select `current`."""
    combo.blockSignals(True)
    combo.clear()
    for text, key in choices:
        combo.addItem(text, key)
    found = combo.findData(current)
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(False)


def combo_value(combo: QComboBox) -> str:
    """The chosen key, or for an editable combo whatever was typed (the service recognises names and codes
    in any of the four languages, and says so when it cannot)."""
    text = combo.currentText().strip()
    if combo.isEditable() and text != combo.itemText(combo.currentIndex()):
        return text
    return str(combo.currentData() or "")


def make_country_combo(combo: QComboBox) -> None:
    """An editable combo of every country: type any part of a name to narrow the list."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is None:
        return
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


class ParticipantDelegate(QStyledItemDelegate):
    """Combos for sex, sector and country (labels in the UI language); line edits elsewhere."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        field = COLUMNS[index.column()]
        if field not in ("sex", "sector", "country"):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        choices = {"sex": sex_choices, "sector": sector_choices, "country": country_choices}[field]()
        fill_combo(combo, choices)
        if field == "country":
            make_country_combo(combo)
        else:
            # Picking an item saves at once; no extra Enter needed.
            combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, combo_value(editor), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class ParticipantDialog(QDialog):
    """Add one person; problems are shown next to the fields and the dialog stays open."""

    def __init__(self, services: GuiServices, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workshop_id = workshop_id
        self.added: svc.AddedParticipant | None = None
        self.ui = Ui_ParticipantDialog()
        self.ui.setupUi(self)
        make_country_combo(self.ui.countryCombo)
        self._errors = {
            "full_name": self.ui.fullNameError,
            "country": self.ui.countryError,
            "email": self.ui.emailError,
        }
        for label in (*self._errors.values(), self.ui.generalError):
            label.setStyleSheet(_ERROR_LABEL_STYLE)
        self._fill_choices()
        self._clear_errors()
        self.ui.addButton.clicked.connect(self._on_add)
        self.ui.cancelButton.clicked.connect(self.reject)

    def _fill_choices(self) -> None:
        ui = self.ui
        fill_combo(ui.sexCombo, sex_choices(), str(ui.sexCombo.currentData() or ""))
        fill_combo(ui.sectorCombo, sector_choices(), str(ui.sectorCombo.currentData() or "other"))
        typed = ui.countryCombo.currentText()
        code = str(ui.countryCombo.currentData() or "")
        fill_combo(ui.countryCombo, country_choices(), code)
        if not code and typed and typed != ui.countryCombo.itemText(0):
            ui.countryCombo.setEditText(typed)

    def values(self) -> dict[str, str]:
        ui = self.ui
        return {
            "full_name": ui.fullNameEdit.text(),
            "sex": combo_value(ui.sexCombo),
            "organization": ui.organizationEdit.text(),
            "sector": combo_value(ui.sectorCombo),
            "position": ui.positionEdit.text(),
            "country": combo_value(ui.countryCombo),
            "email": ui.emailEdit.text(),
            "phone": ui.phoneEdit.text(),
        }

    def _clear_errors(self) -> None:
        for label in (*self._errors.values(), self.ui.generalError):
            label.clear()
            label.hide()

    def _on_add(self) -> None:
        self._clear_errors()
        self.ui.addButton.setEnabled(False)
        db, workshop, values = self.services.db, self.workshop_id, self.values()
        self.services.runner.run(
            lambda: svc.add_participant(db, workshop, values), self._on_added, self._on_failed
        )

    def _on_added(self, added: svc.AddedParticipant) -> None:
        self.ui.addButton.setEnabled(True)
        self.added = added
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ui.addButton.setEnabled(True)
        if not isinstance(exc, KnownError):
            show_error(self, exc)
            return
        problems = exc.problems if isinstance(exc, svc.ParticipantInvalid) else {}
        general: list[str] = []
        for field, reason in problems.items():
            label = self._errors.get(field)
            if label is None:
                general.append(reason)
                continue
            label.setText(reason[:1].upper() + reason[1:] + ".")
            label.show()
        if general or not problems:
            self.ui.generalError.setText(str(exc) if not problems else "; ".join(general))
            self.ui.generalError.show()
        first = next((f for f in ("full_name", "country", "email") if f in problems), None)
        widget = {
            "full_name": self.ui.fullNameEdit,
            "country": self.ui.countryCombo,
            "email": self.ui.emailEdit,
        }.get(first or "")
        if widget is not None:
            widget.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_choices()
        super().changeEvent(event)


class ParticipantsScreen(Screen):
    key = "participants"
    needs_workshop = True
    watches = ("participants", "workshops")

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_ParticipantsScreen()
        self.ui.setupUi(self)
        self.model = ParticipantsModel(self)
        self.proxy = ParticipantsFilter(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.table
        table.setModel(self.proxy)
        table.setItemDelegate(ParticipantDelegate(table))
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(False)
        rows = table.verticalHeader()
        rows.setMinimumSectionSize(table.fontMetrics().height() + 4)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        self.undo_stack: list[svc.RemovedEnrolment] = []
        self.import_dialog: RosterImportDialog | None = None
        self.add_dialog: ParticipantDialog | None = None
        self._message: Callable[[], str] | None = None
        self._message_kind = "info"
        self._message_undoable = False
        self._select_after_load: str | None = None
        self._sized_for: str | None = None
        self._loading_for: str | None = None
        self._own_notice = False
        self._sizing = False
        self._auto_fit = True
        self._content_widths: list[int] = []
        self._last_dir = str(Path.home())

        ui = self.ui
        for action in (ui.actionImport, ui.actionAdd, ui.actionUndo, ui.actionFind):
            self.addAction(action)
        table.addAction(ui.actionRemove)
        ui.actionImport.triggered.connect(self._on_import)
        ui.actionAdd.triggered.connect(self._on_add)
        ui.actionRemove.triggered.connect(self._on_remove)
        ui.actionUndo.triggered.connect(self._on_undo)
        ui.actionFind.triggered.connect(self._on_find)
        ui.importButton.clicked.connect(ui.actionImport.trigger)
        ui.addButton.clicked.connect(ui.actionAdd.trigger)
        ui.removeButton.clicked.connect(ui.actionRemove.trigger)
        ui.undoButton.clicked.connect(ui.actionUndo.trigger)
        ui.dismissButton.clicked.connect(self.clear_message)
        ui.filterEdit.textChanged.connect(self._on_filter)
        self.model.edit_requested.connect(self._on_edit_requested)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsRemoved.connect(self._update_state)
        self.proxy.rowsInserted.connect(self._update_state)
        self.proxy.rowsRemoved.connect(self._update_state)
        table.selectionModel().selectionChanged.connect(self._update_state)
        header.sectionResized.connect(self._on_section_resized)
        table.viewport().installEventFilter(self)
        self.clear_message()
        self.retranslate()

    def nav_title(self) -> str:
        return _("Participants")

    # --- loading ----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        workshop = self.services.workshop_id
        if workshop is None:
            self.model.set_participants([])
            return
        self._loading_for = workshop
        db = self.services.db

        def loaded(people: list[svc.ParticipantView]) -> None:
            if workshop != self.services.workshop_id:
                return  # another workshop was chosen meanwhile; its own load follows
            self._loading_for = None
            self._show(workshop, people)

        def failed(exc: BaseException) -> None:
            self._loading_for = None
            if isinstance(exc, KnownError):  # e.g. the workshop was deleted meanwhile
                self.model.set_participants([])
                self.show_message(_fixed(str(exc)), "error")
            else:
                show_error(self, exc)

        self.services.runner.run(lambda: svc.list_participants(db, workshop), loaded, failed)

    def _show(self, workshop: str, people: list[svc.ParticipantView]) -> None:
        keep = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self.model.set_participants(people)
        if people and self._sized_for != workshop:
            self._sized_for = workshop
            self._measure_columns()
        if keep:
            self.select(keep)

    def _measure_columns(self) -> None:
        """Remember how wide each column's content is (once per load; fitting reuses it)."""
        table = self.ui.table
        self._sizing = True
        try:
            table.resizeColumnsToContents()
        finally:
            self._sizing = False
        header = table.horizontalHeader()
        self._content_widths = [min(header.sectionSize(c) + 12, _MAX_COLUMN) for c in range(len(COLUMNS))]
        self._auto_fit = True
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Content widths narrowed towards per-column floors so as much as possible fits the visible width.
        Follows the window's size until the user resizes a column by hand."""
        if not self._auto_fit or not self._content_widths:
            return
        widths = list(self._content_widths)
        floors = [min(_FLOORS.get(field, _MIN_COLUMN), w) for field, w in zip(COLUMNS, widths, strict=True)]
        available = self.ui.table.viewport().width()
        excess = sum(widths) - available
        shrinkable = sum(w - f for w, f in zip(widths, floors, strict=True))
        if available > 0 and excess > 0 and shrinkable > 0:
            ratio = min(1.0, excess / shrinkable)
            widths = [w - int((w - f) * ratio) for w, f in zip(widths, floors, strict=True)]
        header = self.ui.table.horizontalHeader()
        self._sizing = True
        try:
            for column, width in enumerate(widths):
                header.resizeSection(column, width)
        finally:
            self._sizing = False

    def _on_section_resized(self, _column: int, _old: int, _new: int) -> None:
        if not self._sizing:
            self._auto_fit = False  # the user chose a width: keep it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    # --- selection --------------------------------------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.ui.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(rows[0].data(ID_ROLE))

    def select(self, participant_id: str) -> bool:
        row = self.model.row_of(participant_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.ui.table.selectRow(index.row())
        self.ui.table.scrollTo(index)
        return True

    def _selected_person(self) -> svc.ParticipantView | None:
        pid = self.selected_id()
        row = self.model.row_of(pid) if pid else -1
        return self.model.participant(row) if row >= 0 else None

    # --- editing ----------------------------------------------------------------------------------------------
    def _on_edit_requested(self, participant_id: str, field: str, value: str) -> None:
        db = self.services.db

        def saved(person: svc.ParticipantView) -> None:
            self.model.replace(person)
            column = COLUMNS.index(field)
            self.show_message(
                lambda: _("Saved: {name}, {column}.").format(
                    name=person.full_name, column=self.model.headerData(column, Qt.Orientation.Horizontal)
                ),
                "info",
            )
            self._notify("participants")

        self.services.runner.run(
            lambda: svc.update_participant(db, participant_id, field, value), saved, self._on_failed
        )

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.show_message(_fixed(str(exc)), "error")
        else:
            show_error(self, exc)

    # --- add, remove, undo ------------------------------------------------------------------------------------
    def _on_add(self) -> None:
        workshop = self.services.workshop_id
        if workshop is None:
            return
        dialog = ParticipantDialog(self.services, workshop, self)
        dialog.accepted.connect(lambda: self._on_added(dialog))
        self.add_dialog = dialog
        dialog.open()

    def _on_added(self, dialog: ParticipantDialog) -> None:
        added = dialog.added
        if added is None:
            return
        person = added.participant
        if added.existing:
            self.show_message(
                lambda: _(
                    "{name} was already known (same e-mail or same name and organisation) and is now "
                    "enrolled in this workshop."
                ).format(name=person.full_name),
                "info",
            )
        else:
            self.show_message(lambda: _("Added {name}.").format(name=person.full_name), "info")
        self._select_after_load = person.id
        self.services.notify("participants")

    def _on_remove(self) -> None:
        person = self._selected_person()
        workshop = self.services.workshop_id
        if person is None or workshop is None:
            self.show_message(lambda: _("Select a person in the table first."), "info")
            return
        question = _(
            "Remove {name} from this workshop? Their attendance marks in this workshop are removed too; "
            "their record stays for other workshops. You can undo this."
        ).format(name=person.full_name)
        if not confirm(self, question, _("Remove from workshop")):
            return
        db = self.services.db

        def removed(snapshot: svc.RemovedEnrolment) -> None:
            self.undo_stack.append(snapshot)
            self.model.remove(snapshot.participant_id)
            self.show_message(
                lambda: _("Removed {name} from this workshop.").format(name=snapshot.full_name),
                "info",
                undoable=True,
            )
            self._notify("participants", "attendance")

        self.services.runner.run(
            lambda: svc.remove_from_workshop(db, workshop, person.id), removed, self._on_failed
        )

    def _on_undo(self) -> None:
        if not self.undo_stack:
            return
        snapshot = self.undo_stack.pop()
        db = self.services.db

        def restored(person: svc.ParticipantView) -> None:
            self.show_message(
                lambda: _("{name} is back in this workshop.").format(name=person.full_name), "info"
            )
            self._select_after_load = person.id
            self.services.notify("participants")
            self.services.notify("attendance")

        def failed(exc: BaseException) -> None:
            self._update_state()
            self._on_failed(exc)

        self.services.runner.run(lambda: svc.restore_enrolment(db, snapshot), restored, failed)

    # --- import -----------------------------------------------------------------------------------------------
    def choose_roster_file(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import roster"),
            self._last_dir,
            _("Rosters (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx);;All files (*)"),
        )
        if not path:
            return None
        self._last_dir = str(Path(path).parent)
        return Path(path)

    def _on_import(self) -> None:
        if self.services.workshop_id is None:
            return
        path = self.choose_roster_file()
        if path is not None:
            self.open_import(path)

    def open_import(self, path: Path) -> RosterImportDialog | None:
        """Show the preview of importing `path` into the current workshop (nothing written yet)."""
        workshop = self.services.workshop_id
        if workshop is None:
            return None
        dialog = RosterImportDialog(self.services, workshop, path, self)
        dialog.imported.connect(self._on_imported)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def _on_imported(self, result: svc.ImportResult) -> None:
        def text() -> str:
            message = _("Roster imported: {added} added, {updated} updated.").format(
                added=result.added, updated=result.updated
            )
            if result.rejected:
                n = len(result.rejected)
                message += " " + ngettext(
                    "{n} rejected row was not imported.", "{n} rejected rows were not imported.", n
                ).format(n=n)
            return message

        self.show_message(text, "info")

    # --- filter and messages ----------------------------------------------------------------------------------
    def _on_find(self) -> None:
        self.ui.filterEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.filterEdit.selectAll()

    def _on_filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_state()

    def show_message(self, text: Callable[[], str], kind: str = "info", undoable: bool = False) -> None:
        """A line under the table; its text is a function so it follows a language switch. `undoable`
        shows the Undo button (the message reports a removal)."""
        self._message = text
        self._message_kind = kind
        self._message_undoable = undoable
        self.ui.messageFrame.setStyleSheet(_MESSAGE_STYLES.get(kind, _MESSAGE_STYLES["info"]))
        self.ui.messageFrame.show()
        self._update_state()

    def clear_message(self) -> None:
        self._message = None
        self.ui.messageFrame.hide()

    def message_text(self) -> str:
        return self._message() if self._message is not None and self.ui.messageFrame.isVisibleTo(self) else ""

    def _notify(self, *kinds: str) -> None:
        """Tell other screens; this one already shows the change and keeps its selection and scroll."""
        self._own_notice = True
        try:
            for kind in kinds:
                self.services.notify(kind)
        finally:
            self._own_notice = False

    def _on_data_changed(self, what: str) -> None:
        if not self._own_notice:
            super()._on_data_changed(what)

    def _on_workshop_changed(self, workshop_id: object) -> None:
        self.undo_stack.clear()
        self.clear_message()
        self.ui.filterEdit.clear()
        super()._on_workshop_changed(workshop_id)

    def _update_state(self) -> None:
        ui = self.ui
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if self.proxy.is_filtering():
            ui.countLabel.setText(
                ngettext("{shown} of {n} participant", "{shown} of {n} participants", total).format(
                    shown=shown, n=total
                )
            )
        else:
            ui.countLabel.setText(ngettext("{n} participant", "{n} participants", total).format(n=total))
        empty = total == 0 and self.services.workshop_id is not None and self._loading_for is None
        ui.emptyLabel.setVisible(empty)
        for widget in (ui.table, ui.filterLabel, ui.filterEdit, ui.editHint):
            widget.setVisible(not empty)
        has_selection = self.selected_id() is not None
        ui.actionRemove.setEnabled(has_selection)
        ui.removeButton.setEnabled(has_selection)
        ui.actionUndo.setEnabled(bool(self.undo_stack))
        ui.undoButton.setVisible(bool(self.undo_stack) and self._message_undoable)
        if self._message is not None:
            ui.messageLabel.setText(self._message())

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.model.relabel()
        self._update_state()


SCREEN = ParticipantsScreen
