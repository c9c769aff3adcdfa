"""A workshop's details at headquarters: its figures, participants and attendance, the bundles it came in."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QTableView, QWidget

from ccema_desktop.domain.vocab import WORKSHOP_STATUSES, label
from ccema_desktop.gui.coordinator.export import ask_export_path, export_rows
from ccema_desktop.gui.coordinator.tables import model_for, setup_table, visible_table
from ccema_desktop.gui.forms.ui_coordinator_detail import Ui_WorkshopDetailDialog
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _, current_language, format_date
from ccema_desktop.services.dashboard import TableData, WorkshopDetail


class WorkshopDetailDialog(QDialog):
    def __init__(self, services: GuiServices, workshop_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.workshop_id = workshop_id
        self.ui = Ui_WorkshopDetailDialog()
        self.ui.setupUi(self)
        self.detail: WorkshopDetail | None = None
        self.views: list[tuple[TableData, QTableView]] = []
        self.ui.closeButton.clicked.connect(self.accept)
        self.ui.exportButton.clicked.connect(lambda: self.export())
        self.resize(960, 620)
        self._update()

    def load(self) -> None:
        from ccema_desktop.services import dashboard

        db, workshop, lang = self.services.db, self.workshop_id, current_language()
        self.services.runner.run(
            lambda: dashboard.workshop_detail(db, workshop, lang), self._on_loaded, self._on_failed
        )

    def _on_loaded(self, detail: WorkshopDetail) -> None:
        self.detail = detail
        keep = self.ui.tabs.currentIndex()
        self.ui.tabs.clear()
        self.views = []
        for table in detail.tables():
            view = QTableView(self.ui.tabs)
            view.setAccessibleName(table.title)
            model = model_for(table.header, table.as_rows(), view, stretch=self._stretch(table))
            if table.key == "figures":
                model.set_rows(table.as_rows(), row_kinds=self._figure_kinds(detail))
            setup_table(view, model)
            view.resizeRowsToContents()
            self.ui.tabs.addTab(view, table.title)
            self.views.append((table, view))
        self.ui.tabs.setCurrentIndex(max(0, keep))
        self._update()

    @staticmethod
    def _stretch(table: TableData) -> int:
        """Small tables fill the width with their first column; wide ones keep every column to its text
        (a stretched column would be squeezed to nothing when the table scrolls sideways)."""
        return 0 if len(table.header) <= 3 else -1

    @staticmethod
    def _figure_kinds(detail: WorkshopDetail) -> list[str | None]:
        kinds: list[str | None] = []
        rate = _("Attendance rate")
        for name, value in detail.figures():
            if name == rate:
                kinds.append("percent")
            elif name == _("Satisfaction"):
                kinds.append("score")
            elif name == _("Knowledge gain"):
                kinds.append("points")
            else:
                kinds.append("int" if isinstance(value, int) else None)
        return kinds

    def _on_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    def current_table(self) -> tuple[TableData, QTableView] | None:
        index = self.ui.tabs.currentIndex()
        return self.views[index] if 0 <= index < len(self.views) else None

    def export(self) -> None:
        current = self.current_table()
        if current is None or self.detail is None:
            return
        table, view = current
        path = ask_export_path(self, f"{self.detail.workshop.code}-{table.key}")
        if path is None:
            return
        header, rows = visible_table(view)
        export_rows(
            self.services,
            header,
            rows,
            path,
            lambda p: self.ui.summaryLabel.setText(_("Table exported: {path}").format(path=p)),
            lambda exc: show_error(self, exc),
        )

    def _update(self) -> None:
        detail = self.detail
        self.ui.busyLabel.setVisible(detail is None)
        self.ui.tabs.setVisible(detail is not None)
        self.ui.exportButton.setEnabled(detail is not None)
        if detail is None:
            self.ui.titleLabel.setText(_("Workshop details"))
            self.ui.summaryLabel.clear()
            return
        w = detail.workshop
        self.setWindowTitle(_("Workshop {code}").format(code=w.code))
        self.ui.titleLabel.setText(f"{w.code}: {w.title}")
        self.ui.summaryLabel.setText(
            " · ".join(
                part
                for part in (
                    w.country_labels,
                    detail.venue,
                    _("{start} to {end}").format(
                        start=format_date(w.start, fmt="medium"), end=format_date(w.end, fmt="medium")
                    ),
                    label(WORKSHOP_STATUSES, w.status),
                )
                if part
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            if self.detail is not None:
                self.load()
            else:
                self._update()
        super().changeEvent(event)
