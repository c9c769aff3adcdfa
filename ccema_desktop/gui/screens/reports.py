"""Reports: sign-in sheets, certificates, the workshop report and the headquarters infosheet as PDF files.

The facilitator picks a report and its options, then where to save it; the PDF is built on the task runner
(with progress, and a Cancel that the builders honour between pages) and the first page is shown as a picture.
Everything goes through `report_jobs.produce`, which calls the same core services as `ccema report ...`:
they check the destination before any work and write atomically, so an error or a cancel leaves no file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHeaderView, QRadioButton, QTableWidgetItem, QWidget

from ccema_desktop.domain.agenda import workshop_days
from ccema_desktop.errors import KnownError
from ccema_desktop.gui import report_jobs
from ccema_desktop.gui.forms.ui_reports import Ui_ReportsScreen
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.report_jobs import (
    CERTIFICATES,
    HQ,
    SHEET,
    WORKSHOP,
    ReportOutcome,
    ReportRequest,
    ReportTask,
)
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import (
    LANGUAGES,
    _,
    current_language,
    format_date,
    format_percent,
    language_name,
    ngettext,
)
from ccema_desktop.reports.output import ReportCancelled
from ccema_desktop.services import attendance
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.certificates import CertificateView, list_certificates
from ccema_desktop.storage.db import Database

ERROR_STYLE = "color: #9b1c1c;"
MUTED_STYLE = "color: palette(placeholder-text);"
ZWSP = "\u200b"
#: Narrowest and widest the options column is, unless a translation needs more.
CONTROLS_WIDTH = (300, 360)


@dataclass(frozen=True)
class ReportsSnapshot:
    """What the screen needs to know about the current workshop, read in one go off the UI thread."""

    workshop_id: str
    code: str
    language: str
    days: list[dt.date]
    threshold: int
    enrolled: int
    eligible: int
    recommendations: str
    certificates: list[CertificateView] = field(default_factory=list)


def load_snapshot(db: Database, workshop_id: str) -> ReportsSnapshot:
    view = ws.get_workshop(db, workshop_id)
    summaries = attendance.summary(db, workshop_id)
    return ReportsSnapshot(
        workshop_id=view.id,
        code=view.code,
        language=view.language,
        days=workshop_days(view.start, view.end),
        threshold=view.attendance_threshold,
        enrolled=len(summaries),
        eligible=sum(1 for r in summaries if not r.below_threshold),
        recommendations=ws.get_recommendations(db, workshop_id),
        certificates=list_certificates(db, workshop_id),
    )


def breakable_paths(text: str) -> str:
    """Let a label wrap long paths after each folder separator (a word-wrapping QLabel breaks only at spaces,
    and a path wider than the panel would otherwise be cut off)."""
    return text.replace("/", "/" + ZWSP).replace("\\", "\\" + ZWSP)


class ReportsScreen(Screen):
    key = "reports"
    needs_workshop = True
    watches = ("workshops", "participants", "attendance", "agenda")

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_ReportsScreen()
        self.ui.setupUi(self)
        self.snapshot: ReportsSnapshot | None = None
        self.outcome: ReportOutcome | None = None
        self._generation = 0
        self._task: ReportTask | None = None
        self._image: QImage | None = None
        self._status: Callable[[], str] | None = None
        self._status_is_error = False
        self._chosen_language: dict[str, str | None] = {}
        #: The sign-in sheet's day: today during the workshop (the day's paper backup), else every day.
        self._day: dt.date | None = dt.date.today()
        self._radios: dict[str, QRadioButton] = {
            SHEET: self.ui.sheetRadio,
            CERTIFICATES: self.ui.certificatesRadio,
            WORKSHOP: self.ui.workshopRadio,
            HQ: self.ui.hqRadio,
        }
        self.ui.kindDescription.setStyleSheet(MUTED_STYLE)
        self.ui.certificatesIntro.setStyleSheet(MUTED_STYLE)
        self.ui.progressBar.hide()
        self.ui.cancelButton.hide()
        table = self.ui.certificatesTable
        header = table.horizontalHeader()
        # Every column as wide as its text (names are never cut); the table scrolls sideways when narrow.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)

        for radio in self._radios.values():
            radio.toggled.connect(self._on_kind_toggled)
        self.ui.languageCombo.activated.connect(self._on_language_chosen)
        self.ui.dayCombo.currentIndexChanged.connect(self._on_day_chosen)
        self.ui.generateButton.clicked.connect(self._on_generate)
        self.ui.cancelButton.clicked.connect(self.cancel)
        self.ui.openButton.clicked.connect(self.open_pdf)
        self.ui.folderButton.clicked.connect(self.show_folder)
        self.ui.recommendationsEdit.installEventFilter(self)
        self.ui.previewScroll.viewport().installEventFilter(self)
        self.retranslate()

    # --- Screen -------------------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return _("Reports")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._update_kind()
        self._fill_days()
        self._fill_certificates()
        self._show_status()
        self._show_result()
        self._fit_controls()

    def _fit_controls(self) -> None:
        """Widen the options column to its longest unbreakable text (radio buttons do not wrap), so no
        language is cut off; the preview takes the rest."""
        scroll = self.ui.controlsScroll
        hidden = [w for w in self._options() if w.isHidden()]  # measured as if every report's were shown
        for widget in hidden:
            widget.setVisible(True)
        panel = self.ui.controlsPanel.minimumSizeHint().width()
        for widget in hidden:
            widget.setVisible(False)
        needed = panel + scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(max(needed, CONTROLS_WIDTH[0]))
        scroll.setMaximumWidth(max(needed, CONTROLS_WIDTH[1]))

    def refresh(self) -> None:
        workshop_id = self.services.workshop_id
        self._generation += 1
        generation = self._generation
        if self.snapshot is not None and self.snapshot.workshop_id != workshop_id:
            self.snapshot = None
            self.outcome = None
            self._image = None
            self.ui.recommendationsEdit.setPlainText("")
            self._day = dt.date.today()
            self._set_status(None)
            self._show_snapshot()
        if workshop_id is None:
            return
        db = self.services.db
        self.services.runner.run(
            lambda: load_snapshot(db, workshop_id),
            lambda snapshot: self._on_loaded(generation, snapshot),
            lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_loaded(self, generation: int, snapshot: ReportsSnapshot) -> None:
        if generation != self._generation:
            return
        edit = self.ui.recommendationsEdit
        if self.snapshot is None or not edit.document().isModified():
            edit.setPlainText(snapshot.recommendations)
            edit.document().setModified(False)
        self.snapshot = snapshot
        self._show_snapshot()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, KnownError):
            self._set_status(lambda: str(exc), error=True)
        else:
            show_error(self, exc)

    def _show_snapshot(self) -> None:
        self._fill_days()
        self._update_kind()
        self._fill_certificates()
        self._show_result()

    # --- options ------------------------------------------------------------------------------------------------
    def kind(self) -> str:
        return next(kind for kind, radio in self._radios.items() if radio.isChecked())

    def set_kind(self, kind: str) -> None:
        self._radios[kind].setChecked(True)

    def _on_kind_toggled(self, checked: bool) -> None:
        if checked:
            self._set_status(None)
            self._update_kind()

    def _update_kind(self) -> None:
        kind = self.kind()
        ui = self.ui
        ui.kindDescription.setText(
            {
                SHEET: _(
                    "Every enrolled participant with a box to sign, one sheet per day: a paper backup of the "
                    "attendance record."
                ),
                CERTIFICATES: _(
                    "One page per participant at or above the attendance threshold. Numbers are kept: printing "
                    "again gives everyone the same number and verification code."
                ),
                WORKSHOP: _(
                    "Summary, agenda, participants by sex, sector and country, attendance, evaluation results, "
                    "facilitator notes and your recommendations."
                ),
                HQ: _("Totals across every workshop in this database, for headquarters."),
            }[kind]
        )
        for widget, kinds in self._options().items():
            widget.setVisible(kind in kinds)
        self._fill_languages()
        self._show_eligibility()
        self._update_buttons()

    def _options(self) -> dict[QWidget, tuple[str, ...]]:
        """The option widgets shown only for some kinds of report."""
        ui = self.ui
        return {
            ui.dayLabel: (SHEET,),
            ui.dayCombo: (SHEET,),
            ui.demoCheck: (HQ,),
            ui.eligibleLabel: (CERTIFICATES,),
            ui.recommendationsLabel: (WORKSHOP,),
            ui.recommendationsEdit: (WORKSHOP,),
        }

    def _fill_languages(self) -> None:
        kind = self.kind()
        combo = self.ui.languageCombo
        combo.blockSignals(True)
        combo.clear()
        codes: list[str | None] = [None, *LANGUAGES] if kind == CERTIFICATES else list(LANGUAGES)
        for code in codes:
            combo.addItem(language_name(code) if code else _("Each participant's own language"), code)
        if kind in self._chosen_language:
            wanted = self._chosen_language[kind]
        elif kind == CERTIFICATES:
            wanted = None
        elif kind == HQ or self.snapshot is None:
            wanted = current_language()
        else:
            wanted = self.snapshot.language
        combo.setCurrentIndex(codes.index(wanted) if wanted in codes else 0)
        combo.blockSignals(False)

    def _on_language_chosen(self, index: int) -> None:
        self._chosen_language[self.kind()] = self.ui.languageCombo.itemData(index)

    def _fill_days(self) -> None:
        combo = self.ui.dayCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("Every day of the workshop"), None)
        days = self.snapshot.days if self.snapshot else []
        for day in days:
            combo.addItem(format_date(day, fmt="full"), day)
        combo.setCurrentIndex(days.index(self._day) + 1 if self._day in days else 0)
        combo.blockSignals(False)

    def _on_day_chosen(self, index: int) -> None:
        self._day = self.ui.dayCombo.itemData(index)

    def _eligibility_problem(self) -> str | None:
        """Why there is no certificate to print, or None when someone qualifies (or nothing is loaded yet)."""
        snapshot = self.snapshot
        if snapshot is None:
            return None
        if snapshot.enrolled == 0:
            return _(
                "Nobody is enrolled in this workshop yet, so there is no certificate to print. Add participants "
                "on the Participants screen first."
            )
        if snapshot.eligible == 0:
            return _(
                "No participant has reached the attendance threshold of {threshold} yet, so there is no "
                "certificate to print. Record attendance on the Attendance screen first."
            ).format(threshold=format_percent(snapshot.threshold / 100))
        return None

    def _show_eligibility(self) -> None:
        label = self.ui.eligibleLabel
        snapshot = self.snapshot
        problem = self._eligibility_problem()
        if snapshot is None:
            label.clear()
        elif problem:
            label.setText(problem)
        else:
            label.setText(
                _(
                    "Participants at or above the attendance threshold ({threshold}): {n} of {total}. Each "
                    "gets a certificate."
                ).format(
                    threshold=format_percent(snapshot.threshold / 100),
                    n=snapshot.eligible,
                    total=snapshot.enrolled,
                )
            )
        label.setStyleSheet(ERROR_STYLE if problem else "")

    # --- generating ---------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._task is not None

    def _problem(self) -> str | None:
        """Why the chosen report cannot be generated now (shown next to the button), or None."""
        kind = self.kind()
        if kind == HQ:
            return None
        if self.services.workshop_id is None or self.snapshot is None:
            return _("Choose a workshop first.")
        if kind == CERTIFICATES:
            return self._eligibility_problem()
        return None

    def request_for(self, path: Path) -> ReportRequest:
        kind = self.kind()
        snapshot = self.snapshot
        return ReportRequest(
            kind=kind,
            path=path,
            workshop=snapshot.code if snapshot else None,
            language=self.ui.languageCombo.currentData(),
            day=self.ui.dayCombo.currentData() if kind == SHEET else None,
            include_demo=kind == HQ and self.ui.demoCheck.isChecked(),
            recommendations=self.ui.recommendationsEdit.toPlainText() if kind == WORKSHOP else None,
        )

    def suggested_path(self) -> Path:
        kind = self.kind()
        folder = report_jobs.default_folder(
            self.services.settings.last_report_dir, self.services.ctx.paths.root
        )
        code = self.snapshot.code if self.snapshot else "ccema"
        day = self.ui.dayCombo.currentData() if kind == SHEET else None
        return folder / report_jobs.suggested_name(kind, code, day)

    def _on_generate(self) -> None:
        if self.running:
            return
        problem = self._problem()
        if problem:
            self._set_status(lambda: problem, error=True)
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the report as"), str(self.suggested_path()), _("PDF documents (*.pdf)")
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.generate(path)

    def generate(self, path: Path) -> None:
        """Build the chosen report into `path` in the background (the button calls this after its dialog)."""
        if self.running:
            return
        problem = self._problem()
        if problem:
            self._set_status(lambda: problem, error=True)
            return
        request = self.request_for(path)
        self.services.settings.last_report_dir = str(path.parent)
        self.services.save_settings()
        task = self._task = ReportTask(request)
        self.ui.progressBar.setRange(0, 0)
        self.ui.progressBar.show()
        self._set_status(lambda: _("Building {name}…").format(name=path.name))
        self._update_buttons()
        task.start(self.services.runner, self.services.db, self._on_done, self._on_failed, self._on_progress)

    def cancel(self) -> None:
        if self._task is None or self._task.cancelled:
            return
        self._task.cancel()
        self._set_status(lambda: _("Cancelling…"))
        self._update_buttons()

    def _on_progress(self, done: int, total: int) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.ui.progressBar.hide()
        self._update_buttons()

    def _on_done(self, outcome: ReportOutcome) -> None:
        self._finish()
        self.outcome = outcome
        self._image = QImage.fromData(outcome.preview) if outcome.preview else None
        request = outcome.request
        if request.kind == WORKSHOP:
            self.ui.recommendationsEdit.document().setModified(False)
        if self.snapshot is not None and request.workshop == self.snapshot.code:
            self.snapshot = ReportsSnapshot(
                **{**self.snapshot.__dict__, "certificates": outcome.certificates}
            )
            if request.recommendations is not None:
                self.snapshot = ReportsSnapshot(
                    **{**self.snapshot.__dict__, "recommendations": request.recommendations.strip()}
                )
        result = outcome.result
        if request.kind == CERTIFICATES:
            self._set_status(
                lambda: ngettext(
                    "Saved {n} certificate to {path}.", "Saved {n} certificates to {path}.", result.items
                ).format(n=result.items, path=result.path)
            )
        else:
            self._set_status(
                lambda: ngettext(
                    "Saved {path} ({n} page).", "Saved {path} ({n} pages).", result.pages
                ).format(path=result.path, n=result.pages)
            )
        self.ui.resultTabs.setCurrentWidget(self.ui.previewTab)
        self._fill_certificates()
        self._show_result()

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, ReportCancelled):
            self._set_status(lambda: str(exc))
        elif isinstance(exc, KnownError):
            self._set_status(lambda: str(exc), error=True)
        else:
            self._set_status(lambda: _("The report could not be built; nothing was written."), error=True)
            show_error(self, exc)

    # --- recommendations ----------------------------------------------------------------------------------------
    def save_recommendations(self) -> None:
        """Keep what was typed even if no report is generated (called when the field loses focus)."""
        edit = self.ui.recommendationsEdit
        snapshot = self.snapshot
        if snapshot is None or not edit.document().isModified():
            return
        text, db, workshop_id = edit.toPlainText(), self.services.db, snapshot.workshop_id

        def saved(_result: object) -> None:
            same = self.snapshot is not None and self.snapshot.workshop_id == workshop_id
            if same and edit.toPlainText() == text:
                edit.document().setModified(False)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                self._set_status(lambda: str(exc), error=True)
            else:
                show_error(self, exc)

        self.services.runner.run(lambda: ws.set_recommendations(db, workshop_id, text), saved, failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.recommendationsEdit and event.type() == QEvent.Type.FocusOut:
            self.save_recommendations()
        elif watched is self.ui.previewScroll.viewport() and event.type() == QEvent.Type.Resize:
            self._scale_preview()
        return super().eventFilter(watched, event)

    # --- result -------------------------------------------------------------------------------------------------
    def _set_status(self, text: Callable[[], str] | None, error: bool = False) -> None:
        self._status = text
        self._status_is_error = error
        self._show_status()

    def _show_status(self) -> None:
        label = self.ui.statusLabel
        label.setText(breakable_paths(self._status()) if self._status else "")
        label.setStyleSheet(ERROR_STYLE if self._status_is_error else "")
        label.setVisible(self._status is not None)

    def status_text(self) -> str:
        return self.ui.statusLabel.text().replace(ZWSP, "") if self._status else ""

    def _show_result(self) -> None:
        outcome = self.outcome
        if outcome is None:
            self.ui.resultLabel.setText(_("No PDF yet."))
            self._image = None
        else:
            result = outcome.result
            self.ui.resultLabel.setText(
                ngettext(
                    "{name}: {n} page, in {language}",
                    "{name}: {n} pages, in {language}",
                    result.pages,
                ).format(name=result.path.name, n=result.pages, language=language_name(result.language))
                if outcome.request.kind != CERTIFICATES or outcome.request.language
                else ngettext("{name}: {n} page", "{name}: {n} pages", result.pages).format(
                    name=result.path.name, n=result.pages
                )
            )
        self.ui.resultLabel.setToolTip(str(outcome.result.path) if outcome else "")
        self._scale_preview()
        self._update_buttons()

    def _scale_preview(self) -> None:
        label = self.ui.previewImage
        if self._image is None or self._image.isNull():
            label.setPixmap(QPixmap())
            if self.outcome is not None and self.outcome.preview_error:
                label.setText(self.outcome.preview_error)
            else:
                label.setText(_("Generate a report to see its first page here."))
            return
        width = max(self.ui.previewScroll.viewport().width() - 2 * label.margin(), 100)
        scaled = self._image.scaledToWidth(
            min(width, self._image.width()), Qt.TransformationMode.SmoothTransformation
        )
        label.setPixmap(QPixmap.fromImage(scaled))

    def preview_pixmap(self) -> QPixmap:
        return self.ui.previewImage.pixmap()

    def _pdf_path(self) -> Path | None:
        if self.outcome is None or not self.outcome.result.path.exists():
            return None
        return self.outcome.result.path

    def _open(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._set_status(
                lambda: _("Could not open {path}: no program on this computer opens it.").format(path=path),
                error=True,
            )

    def open_pdf(self) -> None:
        path = self._pdf_path()
        if path is not None:
            self._open(path)

    def show_folder(self) -> None:
        path = self._pdf_path()
        if path is not None:
            self._open(path.parent)

    def _update_buttons(self) -> None:
        ui = self.ui
        running = self._task is not None
        ui.generateButton.setEnabled(not running)
        ui.cancelButton.setVisible(running)
        ui.cancelButton.setEnabled(self._task is not None and not self._task.cancelled)
        for widget in (ui.kindGroup, ui.optionsGroup):
            widget.setEnabled(not running)
        has_pdf = not running and self._pdf_path() is not None
        ui.openButton.setEnabled(has_pdf)
        ui.folderButton.setEnabled(has_pdf)

    # --- certificates -------------------------------------------------------------------------------------------
    def _fill_certificates(self) -> None:
        issued = self.snapshot.certificates if self.snapshot else []
        table = self.ui.certificatesTable
        table.setRowCount(len(issued))
        for row, cert in enumerate(issued):
            cells = [
                cert.number,
                cert.participant,
                cert.verification_code,
                language_name(cert.language),
                format_date(cert.issued, fmt="short"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        self.ui.certificatesIntro.setText(
            ngettext(
                "{n} certificate issued for this workshop. Numbers and verification codes never change: "
                "printing again gives everyone the same ones.",
                "{n} certificates issued for this workshop. Numbers and verification codes never change: "
                "printing again gives everyone the same ones.",
                len(issued),
            ).format(n=len(issued))
            if issued
            else _("No certificate issued yet. Numbers are given the first time certificates are generated.")
        )
        self.ui.resultTabs.setTabText(
            self.ui.resultTabs.indexOf(self.ui.certificatesTab),
            _("Issued certificates ({n})").format(n=len(issued)),
        )

    def issued_rows(self) -> list[tuple[str, str, str]]:
        """(number, participant, verification code) as the table shows them."""
        table = self.ui.certificatesTable

        def cell(row: int, column: int) -> str:
            item = table.item(row, column)
            return item.text() if item is not None else ""

        return [(cell(r, 0), cell(r, 1), cell(r, 2)) for r in range(table.rowCount())]

    # --- screenshots ----------------------------------------------------------------------------------------------
    def prepare_screenshot(self, folder: Path) -> None:
        """Show a real preview in screenshots: the first day's sign-in sheet in the interface language."""
        if self.snapshot is None:
            return
        self.set_kind(SHEET)
        self.ui.dayCombo.setCurrentIndex(min(1, self.ui.dayCombo.count() - 1))
        self.ui.languageCombo.setCurrentIndex(max(self.ui.languageCombo.findData(current_language()), 0))
        self.generate(folder / f"screenshot-{current_language()}.pdf")


SCREEN = ReportsScreen
