"""Evaluations: which forms a workshop uses (and its own questions), who completed them, results and knowledge
gain, the kiosk (PIN, start) and moving responses between computers (kiosk files, transcribed paper forms).

Everything is read and written through `services.forms`, `services.evaluations` and `services.kiosk_pin` on
the task runner. Anonymity is the core's: results drawn from fewer than five anonymous respondents arrive
suppressed and are shown as "Not shown: fewer than 5 anonymous responses"; the completion list holds names
only and is never joined with answers here.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ccema_desktop.domain.scoring import MIN_GROUP
from ccema_desktop.errors import KnownError
from ccema_desktop.gui.evaluation_charts import before_after_chart, distribution_chart
from ccema_desktop.gui.forms.ui_evaluations import Ui_EvaluationsScreen
from ccema_desktop.gui.forms.ui_evaluations_import import Ui_ResponsesImportDialog
from ccema_desktop.gui.forms.ui_evaluations_question import Ui_CustomQuestionDialog
from ccema_desktop.gui.kiosk.launcher import ACTION_NAME, SetPinDialog
from ccema_desktop.gui.messages import confirm, show_error
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import (
    LANGUAGES,
    _,
    current_language,
    format_date,
    format_number,
    format_percent,
    language_name,
    ngettext,
)
from ccema_desktop.services import attendance, evaluations, forms, kiosk_pin
from ccema_desktop.services import participants as participants_svc
from ccema_desktop.services import workshops as workshops_svc
from ccema_desktop.services.evaluations import (
    EvaluationSummary,
    FormSummary,
    ImportReport,
    ModuleGain,
    QuestionSummary,
)
from ccema_desktop.services.forms import FormView
from ccema_desktop.services.participants import ParticipantView
from ccema_desktop.services.workshops import SessionView
from ccema_desktop.storage.db import Database

ERROR_STYLE = "color: #9b1c1c;"
MUTED_STYLE = "color: palette(placeholder-text);"
FORM_ROLE = Qt.ItemDataRole.UserRole
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1


def top_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]


def show_all(layout: QLayout) -> None:
    """Show a layout's new widgets now rather than on the next turn of the event loop."""
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.show()


def not_shown() -> str:
    return _("Not shown: fewer than {n} anonymous responses").format(n=MIN_GROUP)


def kind_label(kind: str) -> str:
    return {
        "knowledge_test": _("Knowledge test"),
        "session_feedback": _("Session feedback"),
        "final_evaluation": _("Final evaluation"),
    }.get(kind, kind)


def question_type_label(qtype: str) -> str:
    return {
        "likert5": _("Agreement scale (1-5, strongly disagree to strongly agree)"),
        "rating5": _("Rating scale (1-5, very low to very high)"),
        "single_choice": _("One answer from a list"),
        "text": _("Written answer"),
    }.get(qtype, qtype)


def one_decimal(value: float) -> str:
    return format_number(round(value, 1))


def session_text(session: SessionView) -> str:
    return _("{date} {start}: {title}").format(
        date=format_date(session.date, current_language(), "medium"),
        start=session.start.strftime("%H:%M"),
        title=session.title,
    )


@dataclass
class Snapshot:
    """What the screen shows, read in one go off the UI thread."""

    workshop_id: str
    code: str
    title: str
    forms: list[FormView]
    used: list[str]
    has_pin: bool
    roster: list[ParticipantView]
    sessions: list[SessionView]
    completed: dict[tuple[str, str | None], set[str]] = field(default_factory=dict)
    summary: EvaluationSummary | None = None


def load_snapshot(db: Database, workshop_id: str, lang: str) -> Snapshot:
    view = workshops_svc.get_workshop(db, workshop_id)
    used = forms.workshop_forms(db, workshop_id)
    all_forms = forms.list_forms(lang, db, workshop_id)
    sessions = attendance.attendance_sessions(db, workshop_id)
    snapshot = Snapshot(
        workshop_id=workshop_id,
        code=view.code,
        title=view.title,
        forms=all_forms,
        used=used,
        has_pin=kiosk_pin.has_pin(db),
        roster=participants_svc.list_participants(db, workshop_id),
        sessions=sessions,
    )
    kinds = {f.id: f.kind for f in all_forms}
    for form_id in used:
        if kinds.get(form_id) == "session_feedback":
            for session in sessions:
                snapshot.completed[(form_id, session.id)] = evaluations.completions(
                    db,
                    workshop_id,
                    form_id,
                    session.id,
                )
        else:
            snapshot.completed[(form_id, None)] = evaluations.completions(db, workshop_id, form_id)
    snapshot.summary = evaluations.summary(db, workshop_id, lang)
    return snapshot


# --- add a custom question ------------------------------------------------------------------------------------
class CustomQuestionDialog(QDialog):
    """Form, answer type and text of a facilitator's own question, saved in the content language."""

    QUESTION_TYPES = ("likert5", "rating5", "single_choice", "text")

    def __init__(
        self,
        services: GuiServices,
        workshop_id: str,
        choices: list[FormView],
        lang: str,
        form_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.workshop_id = workshop_id
        self.lang = lang
        self.question_id: str | None = None
        self.ui = Ui_CustomQuestionDialog()
        self.ui.setupUi(self)
        for form in choices:
            self.ui.formCombo.addItem(form.title, form.id)
        if form_id is not None:
            self.ui.formCombo.setCurrentIndex(max(0, self.ui.formCombo.findData(form_id)))
        for label in (self.ui.textError, self.ui.optionsError, self.ui.generalError):
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
        self._ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.buttonBox.accepted.connect(self._on_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.typeCombo.currentIndexChanged.connect(self._on_type_changed)
        self.ui.textEdit.textChanged.connect(lambda: self._set_error(self.ui.textError, ""))
        self.ui.optionsEdit.textChanged.connect(lambda: self._set_error(self.ui.optionsError, ""))
        self.retranslate()
        self._on_type_changed()
        self.ui.textEdit.setFocus()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        current = self.ui.typeCombo.currentData()
        self.ui.typeCombo.blockSignals(True)
        self.ui.typeCombo.clear()
        for qtype in self.QUESTION_TYPES:
            self.ui.typeCombo.addItem(question_type_label(qtype), qtype)
        self.ui.typeCombo.setCurrentIndex(max(0, self.ui.typeCombo.findData(current)))
        self.ui.typeCombo.blockSignals(False)
        self.ui.introLabel.setText(
            _(
                "The question is added at the end of the form for this workshop only. Write it in {language}, "
                "the content language: participants see it as you write it, whatever language they choose."
            ).format(language=language_name(self.lang, current_language()))
        )
        self._ok.setText(_("Add question"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_type_changed(self, _index: int = 0) -> None:
        qtype = self.ui.typeCombo.currentData()
        choice = qtype == "single_choice"
        self.ui.optionsLabel.setVisible(choice)
        self.ui.optionsEdit.setVisible(choice)
        self.ui.optionsError.setVisible(choice and bool(self.ui.optionsError.text()))
        self.ui.requiredCheck.setVisible(qtype != "text")

    def _set_error(self, label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))

    def _on_accept(self) -> None:
        for label in (self.ui.textError, self.ui.optionsError, self.ui.generalError):
            self._set_error(label, "")
        text = " ".join(self.ui.textEdit.toPlainText().split())
        qtype = str(self.ui.typeCombo.currentData())
        options = [" ".join(line.split()) for line in self.ui.optionsEdit.toPlainText().splitlines()]
        options = [o for o in options if o]
        if not text:
            self._set_error(self.ui.textError, _("Write the question."))
            self.ui.textEdit.setFocus()
            return
        if len(text) > forms.MAX_QUESTION_TEXT:
            self._set_error(
                self.ui.textError,
                _("A question is at most {n} characters long.").format(n=forms.MAX_QUESTION_TEXT),
            )
            self.ui.textEdit.setFocus()
            return
        if qtype == "single_choice" and not 2 <= len(options) <= 6:
            self._set_error(self.ui.optionsError, _("Write 2 to 6 options, one per line."))
            self.ui.optionsEdit.setFocus()
            return
        form_id = str(self.ui.formCombo.currentData())
        required = self.ui.requiredCheck.isChecked() and qtype != "text"
        db, workshop_id, lang = self.services.db, self.workshop_id, self.lang
        chosen = options if qtype == "single_choice" else None
        self._ok.setEnabled(False)
        self.services.runner.run(
            lambda: forms.add_custom_question(
                db, workshop_id, form_id, qtype, text, lang, options=chosen, required=required
            ),
            self._on_added,
            self._on_error,
        )

    def _on_added(self, question_id: str) -> None:
        self._ok.setEnabled(True)
        self.question_id = question_id
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._ok.setEnabled(True)
        if isinstance(exc, KnownError):
            self._set_error(self.ui.generalError, str(exc))
        else:
            show_error(self, exc)


# --- import with a preview ------------------------------------------------------------------------------------
class ResponsesImportDialog(QDialog):
    """Preview an import (a dry run: nothing written), list the rows that will be refused and why, then import.

    `kind` is "kiosk" (a file exported by a kiosk computer) or "paper" (transcribed paper forms, CSV/XLSX)."""

    imported = Signal(object)  # ImportReport

    def __init__(
        self, services: GuiServices, workshop_id: str, kind: str, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.workshop_id = workshop_id
        self.kind = kind
        self.path = path
        self.preview: ImportReport | None = None
        self.report: ImportReport | None = None
        self.state = "idle"  # previewing -> ready -> importing -> done; failed
        self.ui = Ui_ResponsesImportDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        bold = self.ui.summaryLabel.font()
        bold.setBold(True)
        self.ui.summaryLabel.setFont(bold)
        header = self.ui.rejectedTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 200)
        self.ui.rejectedTable.verticalHeader().hide()
        self.ui.importButton.clicked.connect(self._on_import)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.setWindowTitle(
            _("Import kiosk responses") if self.kind == "kiosk" else _("Import paper responses")
        )
        self.ui.fileLabel.setText(_("File: {path}").format(path=self.path))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _run(self, dry_run: bool) -> ImportReport:
        if self.kind == "kiosk":
            return evaluations.import_responses(self.services.db, self.path, dry_run=dry_run)
        return evaluations.import_paper(self.services.db, self.workshop_id, self.path, dry_run=dry_run)

    def start(self) -> None:
        """Read the file and show what an import would do (nothing is written)."""
        self.state = "previewing"
        self._update()
        self.services.runner.run(lambda: self._run(True), self._on_preview, self._on_failed)

    def _on_preview(self, report: ImportReport) -> None:
        self.preview = report
        self.state = "ready"
        self._fill_rejected(report)
        self._update()

    def _on_import(self) -> None:
        if self.state == "done":
            self.accept()
            return
        if self.state != "ready":
            return
        self.state = "importing"
        self._update()
        self.services.runner.run(lambda: self._run(False), self._on_imported, self._on_failed)

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        self.state = "done"
        self._fill_rejected(report)
        self._update()
        self.imported.emit(report)

    def _on_failed(self, exc: BaseException) -> None:
        self.state = "failed"
        self._update()
        if isinstance(exc, KnownError):
            self.ui.errorLabel.setText(str(exc))
        else:
            self.ui.errorLabel.setText(_("The file could not be imported; nothing was changed."))
            show_error(self, exc)

    def _fill_rejected(self, report: ImportReport) -> None:
        table = self.ui.rejectedTable
        table.setRowCount(len(report.rejected))
        for row, rejection in enumerate(report.rejected):
            number = QTableWidgetItem("" if rejection.row is None else str(rejection.row))
            number.setData(Qt.ItemDataRole.TextAlignmentRole, int(Qt.AlignmentFlag.AlignRight))
            table.setItem(row, 0, number)
            table.setItem(row, 1, QTableWidgetItem(rejection.ref))
            table.setItem(row, 2, QTableWidgetItem(rejection.reason))
        table.resizeRowsToContents()

    def _counts(self, report: ImportReport) -> str:
        parts = [
            ngettext("{n} new response", "{n} new responses", report.added).format(n=report.added),
            ngettext("{n} updated", "{n} updated", report.updated).format(n=report.updated),
            ngettext("{n} already here", "{n} already here", report.unchanged).format(n=report.unchanged),
            ngettext(
                "{n} name for the completion list",
                "{n} names for the completion list",
                report.completions_added,
            ).format(n=report.completions_added),
        ]
        if self.kind == "kiosk":
            parts.append(
                ngettext("{n} custom question", "{n} custom questions", report.questions_added).format(
                    n=report.questions_added
                )
            )
        return " · ".join(parts)

    def _update(self) -> None:
        busy = self.state in ("previewing", "importing")
        self.ui.busyBar.setVisible(busy)
        report = self.report if self.state == "done" else self.preview
        rejected = len(report.rejected) if report else 0
        self.ui.rejectedLabel.setVisible(rejected > 0)
        self.ui.rejectedTable.setVisible(rejected > 0)
        self.ui.rejectedLabel.setText(
            ngettext("{n} row will not be imported:", "{n} rows will not be imported:", rejected).format(
                n=rejected
            )
            if self.state != "done"
            else ngettext("{n} row was not imported:", "{n} rows were not imported:", rejected).format(
                n=rejected
            )
        )
        if self.state == "previewing":
            self.ui.summaryLabel.setText(_("Reading the file…"))
        elif self.state == "importing":
            self.ui.summaryLabel.setText(_("Importing…"))
        elif self.state == "ready" and report is not None:
            self.ui.summaryLabel.setText(_("If you import: {counts}.").format(counts=self._counts(report)))
        elif self.state == "done" and report is not None:
            self.ui.summaryLabel.setText(_("Imported: {counts}.").format(counts=self._counts(report)))
        elif self.state == "failed":
            self.ui.summaryLabel.setText(_("Nothing was imported."))
        else:
            self.ui.summaryLabel.clear()
        writes = bool(report) and (
            report.added + report.updated + report.completions_added + report.questions_added > 0
            if report
            else False
        )
        if self.state == "done":
            self.ui.importButton.setText(_("Close"))
            self.ui.importButton.setEnabled(True)
            self.ui.cancelButton.hide()
        elif self.state == "ready" and not writes:
            self.ui.importButton.setText(_("Nothing new to import"))
            self.ui.importButton.setEnabled(False)
        else:
            self.ui.importButton.setText(_("Import"))
            self.ui.importButton.setEnabled(self.state == "ready")
        self.ui.cancelButton.setEnabled(not busy)


# --- the screen -----------------------------------------------------------------------------------------------
class EvaluationsScreen(Screen):
    key = "evaluations"
    needs_workshop = True
    watches = ("evaluations", "workshops", "participants", "agenda")

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_EvaluationsScreen()
        self.ui.setupUi(self)
        self.snapshot: Snapshot | None = None
        self._generation = 0
        self._filling = False
        self._last_dir = Path.home()
        self.import_dialog: ResponsesImportDialog | None = None
        self.ui.formsError.setStyleSheet(ERROR_STYLE)
        self.ui.formsError.hide()
        self.ui.emptyLabel.hide()
        for label in (self.ui.formsIntro, self.ui.completionIntro, self.ui.knowledgeIntro):
            label.setStyleSheet(MUTED_STYLE)
        bold = QFont(self.ui.resultsSummaryLabel.font())
        bold.setBold(True)
        self.ui.resultsSummaryLabel.setFont(bold)
        tree = self.ui.formsTree
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setStretchLastSection(False)
        completion = self.ui.completionTree
        completion.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        completion.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        completion.header().setStretchLastSection(False)
        table = self.ui.knowledgeTable
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setMinimumSectionSize(110)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        self.ui.knowledgeSplitter.setStretchFactor(0, 1)
        self.ui.knowledgeSplitter.setStretchFactor(1, 2)

        tree.itemChanged.connect(self._on_form_item_changed)
        tree.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.ui.addQuestionButton.clicked.connect(self._on_add_question)
        self.ui.retireQuestionButton.clicked.connect(self._on_retire_question)
        self.ui.setPinButton.clicked.connect(self._on_set_pin)
        self.ui.startKioskButton.clicked.connect(self._on_start_kiosk)
        self.ui.importKioskButton.clicked.connect(self._on_import_kiosk)
        self.ui.importPaperButton.clicked.connect(self._on_import_paper)
        self.ui.exportButton.clicked.connect(self._on_export)
        self.ui.resultFormCombo.currentIndexChanged.connect(self._on_result_form_chosen)
        self.ui.resultSessionCombo.currentIndexChanged.connect(lambda _i: self._show_results())
        self.retranslate()

    # --- Screen -------------------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return _("Evaluations")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.knowledgeIntro.setText(
            _(
                "Each participant's test before and after a module (versions A and B) is paired by name or by "
                "anonymous code. Class gain <g> = (mean after - mean before) / (maximum - mean before): below "
                "0.3 low, 0.3-0.7 medium, above 0.7 high. Passing: at least {mark} of the maximum after the "
                "module."
            ).format(mark=format_percent(0.6))
        )
        if self.snapshot is not None:
            self._show(self.snapshot)
            self._mark_stale()  # form texts and results come again in the new language
        else:
            self._update_empty_state()

    def refresh(self) -> None:
        workshop_id = self.services.workshop_id
        self._generation += 1
        generation = self._generation
        if workshop_id is None:
            self.snapshot = None
            self._update_empty_state()
            return
        db, lang = self.services.db, current_language()
        self.services.runner.run(
            lambda: load_snapshot(db, workshop_id, lang),
            lambda snapshot: self._on_loaded(generation, snapshot),
            lambda exc: self._on_load_failed(generation, exc),
        )

    def _on_loaded(self, generation: int, snapshot: Snapshot) -> None:
        if generation != self._generation:
            return
        self.snapshot = snapshot
        self._show(snapshot)

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, KnownError):
            self.snapshot = None
            self._update_empty_state(str(exc))
        else:
            show_error(self, exc)

    def _update_empty_state(self, message: str | None = None) -> None:
        if message is None and self.services.workshop_id is None:
            message = _("Choose a workshop first.")
        self.ui.emptyLabel.setText(message or "")
        self.ui.emptyLabel.setVisible(bool(message))
        self.ui.tabs.setEnabled(not message)

    def _after_write(self) -> None:
        self.services.notify("evaluations")  # refreshes this screen too (it watches "evaluations")

    def _after_write_from_tree(self) -> None:
        # Deferred to the event loop: the write may finish inside the tree's itemChanged handler (synchronous
        # runner), and rebuilding the tree there would delete the item whose signal is still being delivered.
        QTimer.singleShot(0, self, self._after_write)

    def _show(self, snapshot: Snapshot) -> None:
        self._update_empty_state()
        self._fill_forms(snapshot)
        self._fill_kiosk(snapshot)
        self._fill_completion(snapshot)
        self._fill_result_forms(snapshot)
        self._fill_knowledge(snapshot)
        self._update_buttons()

    # --- forms ----------------------------------------------------------------------------------------------
    def _fill_forms(self, snapshot: Snapshot) -> None:
        tree = self.ui.formsTree
        selected = self._selected_question()
        self._filling = True
        tree.clear()
        for form in snapshot.forms:
            item = QTreeWidgetItem([form.title, str(len(form.questions))])
            item.setData(0, FORM_ROLE, form.id)
            item.setToolTip(0, kind_label(form.kind))
            item.setFlags(
                (item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                & ~Qt.ItemFlag.ItemIsAutoTristate
            )
            item.setCheckState(
                0, Qt.CheckState.Checked if form.id in snapshot.used else Qt.CheckState.Unchecked
            )
            tree.addTopLevelItem(item)
            for question in form.questions:
                if not question.custom:
                    continue
                child = QTreeWidgetItem([question.text, question_type_label(question.type)])
                child.setData(0, FORM_ROLE, form.id)
                child.setData(0, QUESTION_ROLE, question.id)
                child.setToolTip(0, question.text)
                child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.addChild(child)
                if question.id == selected:
                    tree.setCurrentItem(child)
            item.setExpanded(True)
        self._filling = False

    def checked_forms(self) -> list[str]:
        return [
            str(item.data(0, FORM_ROLE))
            for item in top_items(self.ui.formsTree)
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def form_item(self, form_id: str) -> QTreeWidgetItem:
        for item in top_items(self.ui.formsTree):
            if item.data(0, FORM_ROLE) == form_id:
                return item
        raise LookupError(form_id)

    def _on_form_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or item.parent() is not None:
            return
        chosen = self.checked_forms()
        db, workshop_id = self.services.db, self.services.workshop_id
        if workshop_id is None:
            return
        self.ui.formsError.hide()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, KnownError):
                self.ui.formsError.setText(str(exc))
                self.ui.formsError.show()
            else:
                show_error(self, exc)
            QTimer.singleShot(0, self, self.refresh)  # not inside the tree's own signal (see above)

        self.services.runner.run(
            lambda: forms.set_workshop_forms(db, workshop_id, chosen),
            lambda _r: self._after_write_from_tree(),
            failed,
        )

    def _selected_question(self) -> str | None:
        item = self.ui.formsTree.currentItem()
        value = item.data(0, QUESTION_ROLE) if item is not None else None
        return str(value) if value else None

    def _custom_question_forms(self) -> list[FormView]:
        if self.snapshot is None:
            return []
        return [f for f in self.snapshot.forms if f.kind != "knowledge_test"]

    def content_language(self) -> str:
        saved = self.services.settings.content_language
        return saved if saved in LANGUAGES else current_language()

    def open_question_dialog(self) -> CustomQuestionDialog | None:
        workshop_id = self.services.workshop_id
        choices = self._custom_question_forms()
        if workshop_id is None or not choices:
            return None
        current = self.ui.formsTree.currentItem()
        form_id = str(current.data(0, FORM_ROLE)) if current is not None else None
        dialog = CustomQuestionDialog(
            self.services, workshop_id, choices, self.content_language(), form_id, parent=self
        )
        dialog.accepted.connect(self._after_write)
        dialog.open()
        return dialog

    def _on_add_question(self) -> None:
        self.open_question_dialog()

    def _on_retire_question(self) -> None:
        question_id = self._selected_question()
        workshop_id = self.services.workshop_id
        item = self.ui.formsTree.currentItem()
        if question_id is None or workshop_id is None or item is None:
            return
        if not confirm(
            self,
            _(
                "Stop asking \u201c{question}\u201d? Answers already given are kept in the results; the kiosk "
                "no longer shows it."
            ).format(question=item.text(0)),
            _("Stop asking"),
        ):
            return
        db = self.services.db
        self.services.runner.run(
            lambda: forms.retire_custom_question(db, workshop_id, question_id),
            lambda _r: self._after_write(),
            lambda exc: show_error(self, exc),
        )

    def _update_buttons(self) -> None:
        self.ui.retireQuestionButton.setEnabled(self._selected_question() is not None)
        self.ui.addQuestionButton.setEnabled(bool(self._custom_question_forms()))
        action = self._kiosk_action()
        self.ui.startKioskButton.setVisible(action is not None)
        self.ui.startKioskButton.setEnabled(action is not None and action.isEnabled())

    # --- kiosk ----------------------------------------------------------------------------------------------
    def _fill_kiosk(self, snapshot: Snapshot) -> None:
        used = len(snapshot.used)
        if snapshot.has_pin:
            text = _("A kiosk PIN is set. The kiosk offers {n} forms of this workshop.").format(n=used)
        else:
            text = _("No kiosk PIN yet: set one before starting kiosk mode.")
        self.ui.kioskStatusLabel.setText(text)

    def _kiosk_action(self) -> QAction | None:
        window = self.window()
        if window is self:
            return None
        launcher = getattr(window, "kiosk_launcher", None)  # the main window makes it after its first frame
        if launcher is not None:
            return launcher.action  # type: ignore[no-any-return]
        return window.findChild(QAction, ACTION_NAME)

    def _on_start_kiosk(self) -> None:
        action = self._kiosk_action()
        if action is not None:
            action.trigger()

    def open_pin_dialog(self) -> SetPinDialog:
        dialog = SetPinDialog(self.services, parent=self)
        dialog.accepted.connect(self._after_write)
        dialog.open()
        return dialog

    def _on_set_pin(self) -> None:
        self.open_pin_dialog()

    # --- moving responses -----------------------------------------------------------------------------------
    def open_import(self, kind: str, path: Path) -> ResponsesImportDialog | None:
        """Show the preview of importing `path` ("kiosk" or "paper"); importing is the dialog's button."""
        workshop_id = self.services.workshop_id
        if workshop_id is None:
            return None
        dialog = ResponsesImportDialog(self.services, workshop_id, kind, path, parent=self)
        dialog.imported.connect(lambda _report: self._after_write())
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def _on_import_kiosk(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import kiosk file"),
            str(self._last_dir),
            _("Kiosk responses (*.json);;All files (*)"),
        )
        if name:
            self._last_dir = Path(name).parent
            self.open_import("kiosk", Path(name))

    def _on_import_paper(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            _("Import paper responses"),
            str(self._last_dir),
            _("Spreadsheets (*.csv *.xlsx);;All files (*)"),
        )
        if name:
            self._last_dir = Path(name).parent
            self.open_import("paper", Path(name))

    def export_to(self, path: Path) -> None:
        """Save the workshop's responses for the facilitator's laptop (used by the button after its dialog)."""
        workshop_id = self.services.workshop_id
        if workshop_id is None:
            return
        db = self.services.db

        def done(count: int) -> None:
            self.ui.transferLabel.setText(
                ngettext(
                    "Saved {n} response to {path}. On the facilitator's laptop, use \u201cImport kiosk "
                    "file…\u201d.",
                    "Saved {n} responses to {path}. On the facilitator's laptop, use \u201cImport kiosk "
                    "file…\u201d.",
                    count,
                ).format(n=count, path=path)
            )

        self.ui.transferLabel.setText(_("Saving…"))
        self.services.runner.run(
            lambda: evaluations.export_responses(db, workshop_id, path), done, self._on_export_failed
        )

    def _on_export_failed(self, exc: BaseException) -> None:
        self.ui.transferLabel.clear()
        show_error(self, exc)

    def _on_export(self) -> None:
        code = self.snapshot.code if self.snapshot else "workshop"
        suggested = self._last_dir / f"{code}-responses-{dt.date.today().isoformat()}.json"
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export responses"), str(suggested), _("Kiosk responses (*.json)")
        )
        if name:
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(".json")
            self._last_dir = path.parent
            self.export_to(path)

    # --- completion -----------------------------------------------------------------------------------------
    def _fill_completion(self, snapshot: Snapshot) -> None:
        tree = self.ui.completionTree
        expanded = {str(item.data(0, FORM_ROLE)) for item in top_items(tree) if item.isExpanded()}
        tree.clear()
        names = {p.id: p.full_name for p in snapshot.roster}
        total = len(snapshot.roster)
        titles = {f.id: f for f in snapshot.forms}
        sessions = {s.id: s for s in snapshot.sessions}
        for form_id in snapshot.used:
            form = titles.get(form_id)
            if form is None:
                continue
            parts = [(sid, ids) for (fid, sid), ids in snapshot.completed.items() if fid == form_id]
            item = QTreeWidgetItem([form.title, ""])
            item.setData(0, FORM_ROLE, form_id)
            tree.addTopLevelItem(item)
            if form.kind == "session_feedback":
                done = sum(len(ids) for _sid, ids in parts)
                item.setText(
                    1,
                    ngettext("{n} response with a name", "{n} responses with a name", done).format(n=done),
                )
                for sid, ids in parts:
                    session = sessions.get(sid or "")
                    label = session_text(session) if session else _("Without a session")
                    child = QTreeWidgetItem([label, self._count_text(len(ids), total)])
                    item.addChild(child)
                    self._add_names(child, ids, names)
            else:
                ids = parts[0][1] if parts else set()
                item.setText(1, self._count_text(len(ids), total))
                self._add_names(item, ids, names)
            item.setExpanded(form_id in expanded)

    def _count_text(self, done: int, total: int) -> str:
        return _("{done} of {total}").format(done=done, total=total)

    def _add_names(self, parent: QTreeWidgetItem, ids: set[str], names: dict[str, str]) -> None:
        completed = sorted((names[i] for i in ids if i in names), key=str.casefold)
        missing = sorted((n for i, n in names.items() if i not in ids), key=str.casefold)
        done = QTreeWidgetItem(
            [ngettext("Completed ({n})", "Completed ({n})", len(completed)).format(n=len(completed)), ""]
        )
        for name in completed:
            done.addChild(QTreeWidgetItem([name, ""]))
        waiting = QTreeWidgetItem(
            [ngettext("Not yet ({n})", "Not yet ({n})", len(missing)).format(n=len(missing)), ""]
        )
        for name in missing:
            waiting.addChild(QTreeWidgetItem([name, ""]))
        parent.addChild(done)
        parent.addChild(waiting)

    def completion_counts(self) -> dict[str, str]:
        """Form id -> the count shown (used by tests and the screenshot check)."""
        return {str(item.data(0, FORM_ROLE)): item.text(1) for item in top_items(self.ui.completionTree)}

    # --- results --------------------------------------------------------------------------------------------
    def _fill_result_forms(self, snapshot: Snapshot) -> None:
        combo = self.ui.resultFormCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        summary = snapshot.summary
        for form in summary.forms if summary else []:
            combo.addItem(
                _("{title} ({n})").format(title=form.title, n=form.responses),
                form.form_id,
            )
        index = combo.findData(current)
        if index < 0:
            with_data = [i for i, f in enumerate(summary.forms if summary else []) if f.responses]
            index = with_data[0] if with_data else 0
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self._on_result_form_chosen()

    def _form_summary(self) -> FormSummary | None:
        summary = self.snapshot.summary if self.snapshot else None
        form_id = self.ui.resultFormCombo.currentData()
        if summary is None or form_id is None:
            return None
        return next((f for f in summary.forms if f.form_id == form_id), None)

    def _on_result_form_chosen(self, _index: int = 0) -> None:
        form = self._form_summary()
        combo = self.ui.resultSessionCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        per_session = form is not None and form.kind == "session_feedback" and bool(form.by_session)
        if per_session and form is not None:
            combo.addItem(_("All sessions"), "")
            sessions = {s.id: s for s in self.snapshot.sessions} if self.snapshot else {}
            for part in form.by_session:
                session = sessions.get(part.session_id or "")
                label = session_text(session) if session else (part.session_label or _("Without a session"))
                combo.addItem(
                    _("{title} ({n})").format(title=label, n=part.responses), part.session_id or "-"
                )
            combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self.ui.resultSessionLabel.setVisible(per_session)
        combo.setVisible(per_session)
        self._show_results()

    def shown_results(self) -> FormSummary | None:
        """The form (or session part) whose results are on screen."""
        form = self._form_summary()
        session = self.ui.resultSessionCombo.currentData()
        if form is not None and session and self.ui.resultSessionCombo.isVisibleTo(self):
            wanted = None if session == "-" else session
            return next((p for p in form.by_session if p.session_id == wanted), form)
        return form

    def _show_results(self) -> None:
        layout = self.ui.resultsAreaLayout
        while layout.count():
            taken = layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        form = self.shown_results()
        summary = self.snapshot.summary if self.snapshot else None
        if form is None or summary is None:
            self.ui.resultsSummaryLabel.setText(_("No form is used by this workshop."))
            layout.addStretch(1)
            return
        self.ui.resultsSummaryLabel.setText(self._form_summary_text(form, summary))
        if not form.responses:
            note = QLabel(_("No responses yet. Participants answer in the kiosk, or import responses."))
            note.setWordWrap(True)
            layout.addWidget(note)
        elif form.suppressed:
            layout.addWidget(self._suppressed_label())
        else:
            for question in form.questions:
                layout.addWidget(self._question_card(question))
        layout.addStretch(1)
        show_all(layout)

    def _form_summary_text(self, form: FormSummary, summary: EvaluationSummary) -> str:
        parts = [
            ngettext("{n} response", "{n} responses", form.responses).format(n=form.responses),
            ngettext("{n} anonymous", "{n} anonymous", form.anonymous).format(n=form.anonymous),
        ]
        if form.mean_score is not None and form.max_score:
            parts.append(
                _("mean score {score} of {max}").format(
                    score=one_decimal(form.mean_score), max=form.max_score
                )
            )
        text = " · ".join(parts)
        if form.kind == "final_evaluation" and summary.satisfaction is not None and form.session_id is None:
            sat = summary.satisfaction
            if sat.suppressed or sat.share_agreeing is None or sat.mean is None:
                text += "\n" + _("Satisfaction: {note}").format(note=not_shown())
            else:
                text += "\n" + _(
                    "Satisfaction: {share} agree or strongly agree · mean {mean} of 5 ({n} respondents)"
                ).format(
                    share=format_percent(sat.share_agreeing), mean=one_decimal(sat.mean), n=sat.respondents
                )
        return text

    def _suppressed_label(self) -> QLabel:
        label = QLabel(not_shown())
        label.setObjectName("suppressedLabel")
        label.setWordWrap(True)
        label.setStyleSheet("color: #7a5b00; font-style: italic;")
        return label

    def _question_card(self, question: QuestionSummary) -> QFrame:
        card = QFrame()
        card.setObjectName("questionCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(card)
        title = QLabel(question.text)
        title.setWordWrap(True)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(title, 0, 0, 1, 2)
        if question.suppressed:
            grid.addWidget(self._suppressed_label(), 1, 0, 1, 2)
            return card
        stats = QLabel(self._question_stats(question))
        stats.setWordWrap(True)
        stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if question.type == "text":
            comments = QLabel(
                "<br>".join(f"\u2022 {html.escape(c)}" for c in question.comments)
                or html.escape(_("No written answers."))
            )
            comments.setTextFormat(Qt.TextFormat.RichText)
            comments.setWordWrap(True)
            comments.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(stats, 1, 0, 1, 2)
            grid.addWidget(comments, 2, 0, 1, 2)
            return card
        if question.type == "single_choice":
            keys = list(question.distribution)
            counts = [question.distribution[k] for k in keys]
            correct = self._correct_option(question)
            highlight = keys.index(correct) if correct in keys else None
            chart = distribution_chart([f"{k})" for k in keys], counts, self.font(), highlight)
            legend = QLabel(self._options_legend(question, keys, correct))
            legend.setTextFormat(Qt.TextFormat.RichText)
            legend.setWordWrap(True)
            legend.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            side = QWidget()
            side_layout = QVBoxLayout(side)
            side_layout.setContentsMargins(0, 0, 0, 0)
            side_layout.addWidget(stats)
            side_layout.addWidget(legend)
            side_layout.addStretch(1)
            grid.addWidget(chart, 1, 0)
            grid.addWidget(side, 1, 1)
            grid.setColumnStretch(0, 2)
            grid.setColumnStretch(1, 3)
            return card
        lang = current_language()
        names = forms.likert_labels(lang) if question.type == "likert5" else forms.rating_labels(lang)
        keys = [str(n) for n in range(1, 6)]
        labels = [f"{k} {name}" for k, name in zip(keys, names, strict=True)]
        chart = distribution_chart(labels, [question.distribution.get(k, 0) for k in keys], self.font())
        grid.addWidget(chart, 1, 0)
        grid.addWidget(stats, 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        return card

    def _options_legend(self, question: QuestionSummary, keys: list[str], correct: str | None) -> str:
        """The options' texts under their letters; the correct one of a knowledge question is marked."""
        options: dict[str, str] = {}
        shown = self.shown_results()
        form = (
            next((f for f in self.snapshot.forms if shown and f.id == shown.form_id), None)
            if self.snapshot
            else None
        )
        view = next((q for q in form.questions if q.id == question.id), None) if form else None
        if view is not None:
            options = dict(view.options)
        lines = []
        for key in keys:
            text = html.escape(f"{key}) {options.get(key, '')}".strip())
            if key == correct:
                text = "<b>{text} ✓ {mark}</b>".format(text=text, mark=html.escape(_("(correct)")))
            lines.append(text)
        return "<br>".join(lines)

    def _correct_option(self, question: QuestionSummary) -> str | None:
        shown = self.shown_results()
        if shown is None or shown.kind != "knowledge_test":
            return None
        definition = forms.shipped_forms().get(shown.form_id)
        found = definition.question(question.id) if definition else None
        return found.answer if found else None

    def _question_stats(self, question: QuestionSummary) -> str:
        lines = [ngettext("{n} answer", "{n} answers", question.answered).format(n=question.answered)]
        if question.mean is not None:
            lines.append(_("Mean: {mean} of 5").format(mean=one_decimal(question.mean)))
        if question.share_agreeing is not None:
            lines.append(
                _("Agree or strongly agree: {share}").format(share=format_percent(question.share_agreeing))
            )
        if question.share_correct is not None:
            lines.append(_("Correct: {share}").format(share=format_percent(question.share_correct)))
        return "\n".join(lines)

    # --- knowledge gain -------------------------------------------------------------------------------------
    def _fill_knowledge(self, snapshot: Snapshot) -> None:
        """One column per module, one row per figure; a module whose figures are suppressed shows the reason
        across its figure rows (the counts stay: they say nothing about anyone's answers)."""
        gains = snapshot.summary.knowledge if snapshot.summary else []
        table = self.ui.knowledgeTable
        rows = [
            _("Tests before"),
            _("Tests after"),
            _("Pairs matched"),
            _("Mean before"),
            _("Mean after"),
            _("Class gain <g>"),
            _("Improved"),
            _("Passing"),
        ]
        table.clearSpans()
        table.setRowCount(len(rows))
        table.setVerticalHeaderLabels(rows)
        table.setColumnCount(len(gains))
        for column, gain in enumerate(gains):
            header = QTableWidgetItem(_("Module {number}").format(number=gain.module))
            header.setToolTip(_("Module {number}: {title}").format(number=gain.module, title=gain.title))
            table.setHorizontalHeaderItem(column, header)
            cells = [str(gain.pre_count), str(gain.post_count), str(gain.pairs_matched)]
            cells.extend([not_shown()] if gain.suppressed else self._gain_cells(gain))
            for row, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(
                    Qt.ItemDataRole.TextAlignmentRole,
                    int(
                        Qt.AlignmentFlag.AlignCenter
                        if gain.suppressed and row == 3
                        else Qt.AlignmentFlag.AlignRight
                    )
                    | int(Qt.AlignmentFlag.AlignVCenter),
                )
                item.setToolTip(text)
                table.setItem(row, column, item)
            if gain.suppressed:
                table.setSpan(3, column, len(rows) - 3, 1)
        self._fill_self_rated(snapshot)
        self._fill_knowledge_chart(gains)

    def _gain_cells(self, gain: ModuleGain) -> list[str]:
        def score(value: float | None) -> str:
            if value is None:
                return "\u2014"
            return _("{score} of {max}").format(score=one_decimal(value), max=gain.max_score)

        def share(value: float | None) -> str:
            return "\u2014" if value is None else format_percent(value)

        bands = {"low": _("low"), "medium": _("medium"), "high": _("high")}
        if gain.class_gain is None:
            class_gain = "\u2014"
        else:
            class_gain = _("{g} ({band})").format(
                g=format_number(round(gain.class_gain, 2)), band=bands.get(gain.band or "", gain.band or "")
            )
        return [
            score(gain.pre_mean),
            score(gain.post_mean),
            class_gain,
            share(gain.share_improved),
            share(gain.share_passing),
        ]

    def _fill_self_rated(self, snapshot: Snapshot) -> None:
        rated = snapshot.summary.self_rated if snapshot.summary else []
        if not rated:
            self.ui.selfRatedLabel.setText(
                _("Self-rated knowledge (final evaluation): no answers yet.")
                if snapshot.summary and snapshot.summary.knowledge
                else _("No knowledge tests or final evaluations yet.")
            )
            return
        parts = []
        for item in rated:
            if item.suppressed or item.before_mean is None or item.after_mean is None:
                parts.append(_("module {n}: {note}").format(n=item.module, note=not_shown().lower()))
            else:
                parts.append(
                    _("module {n}: {before} \u2192 {after}").format(
                        n=item.module,
                        before=one_decimal(item.before_mean),
                        after=one_decimal(item.after_mean),
                    )
                )
        self.ui.selfRatedLabel.setText(
            _("Self-rated knowledge before \u2192 after (final evaluation, 1-5): {items}").format(
                items="; ".join(parts)
            )
        )

    def _fill_knowledge_chart(self, gains: list[ModuleGain]) -> None:
        layout = self.ui.knowledgeChartLayout
        while layout.count():
            taken = layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        shown = [
            g
            for g in gains
            if not g.suppressed and g.pre_mean is not None and g.post_mean is not None and g.max_score
        ]
        if not shown:
            note = QLabel(
                _("The chart appears once a module has enough paired tests before and after.")
                if gains
                else _("No knowledge tests yet.")
            )
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(note)
            show_all(layout)
            return
        chart = before_after_chart(
            [_("Module {number}").format(number=g.module) for g in shown],
            [round(100 * (g.pre_mean or 0) / g.max_score) for g in shown],
            [round(100 * (g.post_mean or 0) / g.max_score) for g in shown],
            _("Before (mean score)"),
            _("After (mean score)"),
            self.font(),
        )
        chart.setObjectName("knowledgeChart")
        layout.addWidget(chart)
        show_all(layout)

    # --- used by tests and the screenshot script ------------------------------------------------------------
    def result_cards(self) -> list[QFrame]:
        return self.ui.resultsArea.findChildren(QFrame, "questionCard")

    def suppressed_labels(self) -> list[QLabel]:
        return [label for label in self.findChildren(QLabel, "suppressedLabel") if not label.isHidden()]

    def show_result_form(self, form_id: str) -> None:
        index = self.ui.resultFormCombo.findData(form_id)
        if index < 0:
            raise LookupError(form_id)
        self.ui.resultFormCombo.setCurrentIndex(index)


SCREEN = EvaluationsScreen
