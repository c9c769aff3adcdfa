"""Import a roster after a preview: every row of the file with what will happen to it, before any write.

The preview is `import_roster(dry_run=True)`; "Import N rows" runs the same import for real. Both run off
the UI thread through the task runner, with a busy bar and the buttons disabled meanwhile. Cancel (or
closing the dialog) before importing writes nothing; a damaged or non-roster file shows the service's
message and writes nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QSizePolicy, QWidget

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.forms.ui_roster_import import Ui_RosterImportDialog
from ccema_desktop.gui.participants_model import RejectedOnlyFilter, RowActionsModel
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _, ngettext
from ccema_desktop.services.participants import ImportResult, import_roster

log = logging.getLogger(__name__)

#: Above this many rows, rows keep one line each (measuring wrapped text would freeze the dialog).
_WRAP_LIMIT = 1500

_ERROR_STYLE = "color: #9b1c1c;"


class RosterImportDialog(QDialog):
    """Preview, then import. `imported` carries the ImportResult once the import has been written."""

    imported = Signal(object)

    def __init__(
        self, services: GuiServices, workshop_id: str, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.workshop_id = workshop_id
        self.path = path
        self.ui = Ui_RosterImportDialog()
        self.ui.setupUi(self)
        self.rows_model = RowActionsModel(self)
        self.proxy = RejectedOnlyFilter(self)
        self.proxy.setSourceModel(self.rows_model)
        self.ui.table.setModel(self.proxy)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(1, 240)
        bold = self.ui.summaryLabel.font()
        bold.setBold(True)
        self.ui.summaryLabel.setFont(bold)
        self.ui.errorLabel.setStyleSheet(_ERROR_STYLE)
        self.ui.strictNote.setStyleSheet(_ERROR_STYLE)
        self.preview: ImportResult | None = None
        self.import_result: ImportResult | None = None
        self.error = ""
        self.state = "idle"  # previewing -> ready -> importing -> done; failed when the file is unreadable
        self.ui.strictCheck.toggled.connect(self._update)
        self.ui.rejectedOnlyCheck.toggled.connect(self.proxy.set_only_rejected)
        self.ui.importButton.clicked.connect(self._on_import)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.retranslate()

    # --- flow -------------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Read the file and show what an import would do (nothing is written)."""
        self.state = "previewing"
        self._update()
        db, workshop, path = self.services.db, self.workshop_id, self.path
        self.services.runner.run(
            lambda: import_roster(db, workshop, path, dry_run=True), self._on_preview, self._on_failed
        )

    def _on_preview(self, preview: ImportResult) -> None:
        self.preview = preview
        self.state = "ready"
        self._show_rows(preview)
        self._update()
        self.ui.importButton.setFocus()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self.error = str(exc)
        else:
            log.error("roster import failed", exc_info=exc)
            self.error = _("Something unexpected went wrong while reading the file. Nothing was written.")
        # A failed import was rolled back whole: the preview stays and the user may try again or cancel.
        self.state = "ready" if self.state == "importing" else "failed"
        self._update()

    def _on_import(self) -> None:
        if self.preview is None or self.state != "ready" or not self._importable():
            return
        self.state = "importing"
        self.error = ""
        self._update()
        db, workshop, path, strict = self.services.db, self.workshop_id, self.path, self._strict()
        self.services.runner.run(
            lambda: import_roster(db, workshop, path, strict=strict), self._on_imported, self._on_failed
        )

    def _on_imported(self, result: ImportResult) -> None:
        self.import_result = result
        self.state = "done"
        self._show_rows(result)
        self._update()
        if result.written:
            self.services.notify("participants")
            self.imported.emit(result)
        self.ui.cancelButton.setFocus()

    def reject(self) -> None:
        """Cancel or close; ignored while the import is being written (it finishes in a moment)."""
        if self.state == "importing":
            return
        super().reject()

    # --- display ----------------------------------------------------------------------------------------------
    def _strict(self) -> bool:
        return self.ui.strictCheck.isChecked()

    def _counts(self, result: ImportResult) -> tuple[int, int, int]:
        actions = [r.action for r in result.rows]
        return actions.count("add"), actions.count("update"), actions.count("reject")

    def _importable(self) -> int:
        """How many rows the import would write (0 when strict mode blocks it)."""
        if self.preview is None:
            return 0
        add, update, reject = self._counts(self.preview)
        if self._strict() and reject:
            return 0
        return add + update

    def _show_rows(self, result: ImportResult) -> None:
        self.rows_model.set_rows(result.rows)
        if self.rows_model.rowCount() <= _WRAP_LIMIT:
            self.ui.table.resizeRowsToContents()

    def _summary(self) -> str:
        if self.state == "done" and self.import_result is not None:
            result = self.import_result
            if not result.written:
                return _("Nothing was imported, because some rows were rejected.")
            text = _("Imported: {added} added, {updated} updated.").format(
                added=result.added, updated=result.updated
            )
            if result.rejected:
                n = len(result.rejected)
                text += " " + ngettext(
                    "{n} rejected row was not imported.", "{n} rejected rows were not imported.", n
                ).format(n=n)
            return text
        if self.preview is None:
            return ""
        add, update, reject = self._counts(self.preview)
        total = add + update + reject
        text = ngettext(
            "{total} row read: {add} to add, {update} to update, {reject} rejected.",
            "{total} rows read: {add} to add, {update} to update, {reject} rejected.",
            total,
        ).format(total=total, add=add, update=update, reject=reject)
        if add + update == 0:
            return text + " " + _("There is nothing to import. Nothing has been written.")
        return text + " " + _("Nothing has been written yet.")

    def _update(self) -> None:
        busy = self.state in ("previewing", "importing")
        ui = self.ui
        ui.busyBox.setVisible(busy)
        ui.busyLabel.setText(_("Importing…") if self.state == "importing" else _("Reading the file…"))
        ui.summaryLabel.setText(self._summary())
        ui.summaryLabel.setVisible(bool(ui.summaryLabel.text()))
        ui.errorLabel.setText(self.error)
        ui.errorLabel.setVisible(bool(self.error))
        has_rows = self.rows_model.rowCount() > 0
        ui.table.setVisible(has_rows or busy)
        # Without the table, the message takes the room (instead of floating in the middle).
        ui.errorLabel.setSizePolicy(
            QSizePolicy.Policy.Preferred,
            QSizePolicy.Policy.Preferred if ui.table.isVisibleTo(self) else QSizePolicy.Policy.Expanding,
        )
        ui.rejectedOnlyCheck.setVisible(has_rows)
        rejects = self._counts(self.preview)[2] if self.preview is not None else 0
        ui.rejectedOnlyCheck.setEnabled(rejects > 0)
        before_import = self.state in ("previewing", "ready")
        ui.strictCheck.setVisible(before_import and self.preview is not None)
        ui.strictCheck.setEnabled(not busy)
        blocked = self._strict() and rejects > 0 and before_import
        ui.strictNote.setVisible(blocked)
        ui.strictNote.setText(
            ngettext(
                "{n} row is rejected, so nothing will be imported. Correct it in the file and import "
                "again, or untick this option to import the other rows.",
                "{n} rows are rejected, so nothing will be imported. Correct them in the file and import "
                "again, or untick this option to import the other rows.",
                rejects,
            ).format(n=rejects)
        )
        count = self._importable()
        ui.importButton.setText(ngettext("Import {n} row", "Import {n} rows", count).format(n=count))
        ui.importButton.setVisible(self.state not in ("done", "failed"))
        ui.importButton.setEnabled(self.state == "ready" and count > 0)
        ui.cancelButton.setEnabled(self.state != "importing")
        ui.cancelButton.setText(_("Close") if self.state in ("done", "failed") else _("Cancel"))

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.fileLabel.setText(_("File: {path}").format(path=str(self.path)))
        self.rows_model.relabel()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
