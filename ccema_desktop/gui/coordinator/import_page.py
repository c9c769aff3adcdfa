"""Import: bundle files or a folder of them, off the UI thread, with progress, cancel and a per-file report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QTableView

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.coordinator.page import BUNDLES, Page
from ccema_desktop.gui.coordinator.tables import Column, RowsModel, setup_table
from ccema_desktop.gui.forms.ui_coordinator_import import Ui_ImportPage
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.tasks import TaskHandle
from ccema_desktop.i18n import N_, _, ngettext
from ccema_desktop.sync.importer import FileResult

log = logging.getLogger(__name__)

RESULT_LABELS = {"accepted": N_("Accepted"), "unchanged": N_("Unchanged"), "rejected": N_("Rejected")}
_RESULT_COLOURS = {"accepted": ("#e7f4ea", "#1b5e20"), "rejected": ("#fde8e8", "#9b1c1c")}
_BAD_STYLE = "color: #9b1c1c;"


def result_label(status: str) -> str:
    return _(RESULT_LABELS[status]) if status in RESULT_LABELS else status


def result_details(result: FileResult, workshops: dict[str, str] | None = None) -> str:
    if result.status == "rejected":
        text = result.reason or _("Rejected.")
        if result.quarantined:
            text += " " + _("Moved to {path}.").format(path=result.quarantined)
        return text
    if result.status == "unchanged":
        return _("Already imported: nothing new in it.")
    workshop = (workshops or {}).get(result.workshop_id or "", result.workshop_id or "?")
    return _("Workshop {workshop}, from device {device}.").format(
        workshop=workshop, device=(result.device_id or "?")[:8]
    )


class ImportPage(Page):
    key = "import"
    watches = ()

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_ImportPage()
        self.ui.setupUi(self)
        self.model = RowsModel(
            [
                Column(lambda: _("File"), stretch=True),
                Column(lambda: _("Result")),
                Column(lambda: _("New records"), "int"),
                Column(lambda: _("Updated records"), "int"),
                Column(lambda: _("Conflicts"), "int"),
                Column(lambda: _("Details"), stretch=True),
            ],
            self,
        )
        setup_table(self.ui.table, self.model)
        self.results: list[FileResult] = []
        self.workshop_names: dict[str, str] = {}
        self.total = 0
        self.cancelled = False
        self._handle: TaskHandle | None = None
        self._busy = False
        self._error = ""
        self.ui.progressBar.setFormat("%v / %m")
        self.ui.filesButton.clicked.connect(lambda: self.import_files())
        self.ui.folderButton.clicked.connect(lambda: self.import_folder())
        self.ui.cancelButton.clicked.connect(self.cancel)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)
        self._update()

    # --- Page -------------------------------------------------------------------------------------------------
    def title(self) -> str:
        return _("Import")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.model.set_rows(*self._rows())
        self._update()

    def export_view(self) -> QTableView | None:
        return self.ui.table

    def export_name(self) -> str:
        return "import-report"

    # --- actions ----------------------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    def import_files(self, paths: list[Path] | None = None) -> None:
        if self.busy:
            return
        if paths is None:
            chosen, _filter = QFileDialog.getOpenFileNames(
                self, _("Import bundle files"), "", _("Bundles (*.ccema *.json *.bundle);;All files (*)")
            )
            paths = [Path(p) for p in chosen]
        if paths:
            self.start(paths)

    def import_folder(self, folder: Path | None = None) -> None:
        if self.busy:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, _("Import every bundle in a folder"))
            folder = Path(chosen) if chosen else None
        if folder is not None:
            self.start([folder])

    def start(self, targets: list[Path]) -> None:
        """Import these files and folders in the background."""
        from ccema_desktop.sync import importer

        ctx = self.services.ctx
        self.results = []
        self.total = 0
        self.cancelled = False
        self._error = ""
        self.model.set_rows([])

        def work(
            progress: Callable[[int, int], None], is_cancelled: Callable[[], bool]
        ) -> tuple[list[FileResult], dict[str, str]]:
            from ccema_desktop.services import workshops

            results = importer.import_paths(ctx, targets, progress=progress, cancelled=is_cancelled)
            names = {w.id: f"{w.code} ({w.title})" for w in workshops.list_workshops(ctx.db)}
            return results, names

        self._busy = True
        self._update()
        handle = self.services.runner.run(
            work, self._on_done, self._on_failed, on_progress=self._on_progress, with_progress=True
        )
        if self._busy:  # still running (a synchronous runner has finished already)
            self._handle = handle

    def cancel(self) -> None:
        if self._busy and self._handle is not None and not self.cancelled:
            self.cancelled = True
            self._handle.cancel()
            self._update()

    def _on_progress(self, done: int, total: int) -> None:
        self.total = total
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)

    def _on_done(self, outcome: tuple[list[FileResult], dict[str, str]]) -> None:
        results, self.workshop_names = outcome
        self._busy = False
        self._handle = None
        self.results = results
        self.cancelled = self.cancelled and len(results) < self.total
        self.model.set_rows(*self._rows())
        self._update()
        if any(r.status == "accepted" for r in results):
            self.services.notify(BUNDLES)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._handle = None
        if isinstance(exc, KnownError):
            self._error = str(exc)
        else:
            show_error(self, exc)
        self._update()

    # --- display ----------------------------------------------------------------------------------------------
    def _rows(self) -> tuple[list[list[object]], list[object], list[tuple[str, str] | None]]:
        rows: list[list[object]] = []
        for r in self.results:
            counted = r.status == "accepted"
            rows.append(
                [
                    Path(r.file).name,
                    result_label(r.status),
                    r.new if counted else None,
                    r.updated if counted else None,
                    r.conflicts if counted else None,
                    result_details(r, self.workshop_names),
                ]
            )
        keys: list[object] = [r.file for r in self.results]
        return rows, keys, [_RESULT_COLOURS.get(r.status) for r in self.results]

    def summary(self) -> str:
        if self._error:
            return self._error
        if self.busy:
            return _("Stopping after the file being imported…") if self.cancelled else _("Importing…")
        if not self.results and not self.total:
            return ""
        statuses = [r.status for r in self.results]
        n = len(statuses)
        text = ngettext(
            "{n} file: {accepted} accepted, {unchanged} unchanged, {rejected} rejected.",
            "{n} files: {accepted} accepted, {unchanged} unchanged, {rejected} rejected.",
            n,
        ).format(
            n=n,
            accepted=statuses.count("accepted"),
            unchanged=statuses.count("unchanged"),
            rejected=statuses.count("rejected"),
        )
        if n == 0:
            text = _("There was no file to import there.")
        if self.cancelled:
            left = self.total - n
            text += " " + ngettext(
                "Cancelled: {left} file was not imported; import again to do it.",
                "Cancelled: {left} files were not imported; import again to do them.",
                left,
            ).format(left=left)
        conflicts = sum(r.conflicts for r in self.results)
        if conflicts:
            text += " " + ngettext(
                "{n} conflict was written to the conflict log.",
                "{n} conflicts were written to the conflict log.",
                conflicts,
            ).format(n=conflicts)
        return text

    def _update(self) -> None:
        ui = self.ui
        busy = self.busy
        ui.filesButton.setEnabled(not busy)
        ui.folderButton.setEnabled(not busy)
        ui.progressBar.setVisible(busy)
        ui.cancelButton.setVisible(busy)
        ui.cancelButton.setEnabled(busy and not self.cancelled)
        summary = self.summary()
        ui.summaryLabel.setText(summary)
        ui.summaryLabel.setVisible(bool(summary))
        ui.summaryLabel.setStyleSheet(_BAD_STYLE if self._error else "")
        has_rows = self.model.rowCount() > 0
        ui.table.setVisible(has_rows)
        ui.emptyLabel.setVisible(not has_rows and not busy)
