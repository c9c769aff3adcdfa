"""The coordinator's window at headquarters: Dashboard, Import, Devices and Conflict log as tabs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from ccema_desktop import __version__
from ccema_desktop.gui import report_jobs
from ccema_desktop.gui.coordinator.conflicts_page import ConflictsPage
from ccema_desktop.gui.coordinator.dashboard_page import DashboardPage
from ccema_desktop.gui.coordinator.devices_page import DevicesPage
from ccema_desktop.gui.coordinator.export import ask_export_path, export_rows
from ccema_desktop.gui.coordinator.import_page import ImportPage
from ccema_desktop.gui.coordinator.page import Page
from ccema_desktop.gui.forms.ui_coordinator_window import Ui_CoordinatorWindow
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.report_jobs import ReportOutcome, ReportRequest, ReportTask
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.shell_menus import add_go_actions, add_language_actions
from ccema_desktop.gui.widgets import ElidedLabel
from ccema_desktop.i18n import _, current_language, ngettext
from ccema_desktop.reports.output import ReportCancelled


class CoordinatorWindow(QMainWindow):
    def __init__(self, services: GuiServices) -> None:
        super().__init__()
        self.services = services
        self.ui = Ui_CoordinatorWindow()
        self.ui.setupUi(self)
        self.dashboard = DashboardPage(services)
        self.importer = ImportPage(services)
        self.devices = DevicesPage(services)
        self.conflicts = ConflictsPage(services)
        self.pages: list[Page] = [self.dashboard, self.importer, self.devices, self.conflicts]
        for page in self.pages:
            self.ui.tabs.addTab(page, page.title())
            page.export_changed.connect(self._update_actions)
        self._db_label = ElidedLabel()
        self._key_label = ElidedLabel()
        self.statusBar().addPermanentWidget(self._key_label)
        self.statusBar().addPermanentWidget(self._db_label)
        self._build_go_menu()
        self._build_language_menu()
        ui = self.ui
        ui.actionImportFiles.triggered.connect(lambda: self._import(folder=False))
        ui.actionImportFolder.triggered.connect(lambda: self._import(folder=True))
        ui.actionExportTable.triggered.connect(lambda: self.export_table())
        ui.actionInfosheet.triggered.connect(lambda: self.print_infosheet())
        ui.actionRefresh.triggered.connect(self.refresh_current)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAbout.triggered.connect(self._on_about)
        ui.tabs.currentChanged.connect(lambda _index: self._update_actions())
        self._qsettings = QSettings(str(services.ctx.paths.root / "window.ini"), QSettings.Format.IniFormat)
        geometry = self._qsettings.value("coordinator/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._key_id = self._headquarters_key()
        self.infosheet: ReportTask | None = None
        self._infosheet_progress: QProgressDialog | None = None
        self.retranslate()
        self._update_actions()

    def _headquarters_key(self) -> str:
        from ccema_desktop.errors import KnownError
        from ccema_desktop.sync import keys

        try:
            return keys.load_headquarters(self.services.ctx.paths).key_id
        except KnownError:
            return ""

    # --- navigation -------------------------------------------------------------------------------------------
    def page(self, key: str) -> Page:
        return next(p for p in self.pages if p.key == key)

    def show_page(self, key: str) -> None:
        self.ui.tabs.setCurrentWidget(self.page(key))

    def current_page(self) -> Page:
        page = self.ui.tabs.currentWidget()
        assert isinstance(page, Page)
        return page

    def refresh_current(self) -> None:
        self.current_page().refresh()

    def _build_go_menu(self) -> None:
        keys = [page.key for page in self.pages]
        self._go_actions = add_go_actions(self, self.ui.menuGo, keys, self.show_page)

    def _build_language_menu(self) -> None:
        self._language_actions = add_language_actions(self, self.ui.menuLanguage, self.set_language)

    def set_language(self, lang: str) -> None:
        from ccema_desktop.gui.main_window import switch_language

        switch_language(lang)
        self.services.settings.language = lang
        self.services.save_settings()

    # --- actions ----------------------------------------------------------------------------------------------
    def _import(self, folder: bool) -> None:
        self.show_page("import")
        if folder:
            self.importer.import_folder()
        else:
            self.importer.import_files()

    def export_table(self, path: Path | None = None) -> None:
        """Write the table the current page shows (in its order) to CSV or XLSX."""
        page = self.current_page()
        table = page.visible_table()
        if table is None:
            return
        if path is None:
            path = ask_export_path(self, page.export_name())
            if path is None:
                return
        header, rows = table
        export_rows(self.services, header, rows, path, self._on_exported, lambda exc: show_error(self, exc))

    def print_infosheet(self, path: Path | None = None) -> None:
        """Build the headquarters infosheet (every imported workshop) as the Reports screen does, then open it."""
        if self.infosheet is not None:
            return
        if path is None:
            settings = self.services.settings
            folder = report_jobs.default_folder(settings.last_report_dir, self.services.ctx.paths.root)
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("Save the report as"),
                str(folder / report_jobs.suggested_name(report_jobs.HQ, "")),
                _("PDF documents (*.pdf)"),
            )
            if not name:
                return
            path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        self.services.settings.last_report_dir = str(path.parent)
        self.services.save_settings()
        task = self.infosheet = ReportTask(ReportRequest(report_jobs.HQ, path, language=current_language()))
        dialog = self._infosheet_progress = QProgressDialog(
            _("Building {name}…").format(name=path.name), _("Cancel"), 0, 0, self
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.canceled.connect(task.cancel)
        task.start(
            self.services.runner,
            self.services.db,
            self._on_infosheet,
            self._on_infosheet_failed,
            self._on_infosheet_progress,
        )

    def _on_infosheet_progress(self, done: int, total: int) -> None:
        if self._infosheet_progress is not None:
            self._infosheet_progress.setMaximum(max(total, 1))
            self._infosheet_progress.setValue(done)

    def _end_infosheet(self) -> None:
        self.infosheet = None
        if self._infosheet_progress is not None:
            self._infosheet_progress.canceled.disconnect()
            self._infosheet_progress.close()
            self._infosheet_progress.deleteLater()
            self._infosheet_progress = None

    def _on_infosheet(self, outcome: ReportOutcome) -> None:
        self._end_infosheet()
        result = outcome.result
        self.statusBar().showMessage(
            ngettext("Saved {path} ({n} page).", "Saved {path} ({n} pages).", result.pages).format(
                path=result.path, n=result.pages
            ),
            15000,
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))

    def _on_infosheet_failed(self, exc: BaseException) -> None:
        self._end_infosheet()
        if isinstance(exc, ReportCancelled):
            self.statusBar().showMessage(str(exc), 15000)
        else:
            show_error(self, exc)

    def _on_exported(self, path: Path) -> None:
        self.statusBar().showMessage(_("Table exported: {path}").format(path=path), 10000)

    def _update_actions(self) -> None:
        view = self.current_page().export_view()
        self.ui.actionExportTable.setEnabled(view is not None and view.model() is not None)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            _("About CCEMA Desktop"),
            _(
                "CCEMA Desktop {version}, headquarters (coordinator) mode.\nImports and reports the workshops "
                "of every venue laptop.\nData folder: {path}"
            ).format(version=__version__, path=self.services.ctx.paths.root),
        )

    # --- language and lifecycle -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        for index, page in enumerate(self.pages):
            self.ui.tabs.setTabText(index, page.title())
            self._go_actions[index].setText(page.title())
        for lang, action in self._language_actions.items():
            action.setChecked(lang == current_language())
        location = self.services.ctx.sqlite_file or self.services.ctx.url.split("@")[-1]
        self._db_label.setText(_("Database: {location}").format(location=location))
        self._key_label.setText(
            _("Headquarters key {key}").format(key=self._key_id) if self._key_id else _("No headquarters key")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.importer.cancel()
        if self.infosheet is not None:
            self.infosheet.cancel()
        self._qsettings.setValue("coordinator/geometry", self.saveGeometry())
        self._qsettings.sync()
        self.services.runner.wait(10000)
        super().closeEvent(event)
