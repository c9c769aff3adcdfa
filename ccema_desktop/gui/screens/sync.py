"""Sync: the headquarters this laptop sends to, whether it answers, and every bundle in the outbox.

Each bundle shows its real state as the outbox files say (waiting, sending, delivered, confirmed, failed with
the plain reason), its attempts and when it is tried next. "Sync now" makes a fresh bundle of the current
workshop and sends everything due; "Save bundle to USB/folder…" writes one to carry by hand. The network work
is done by the background worker (gui/sync_worker.py); this screen only shows its snapshots.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QWidget

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.forms.ui_sync import Ui_SyncScreen
from ccema_desktop.gui.forms.ui_sync_enrol import Ui_SyncEnrolDialog
from ccema_desktop.gui.messages import confirm, show_error
from ccema_desktop.gui.screen import Screen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.sync_worker import SyncSnapshot, SyncWorker, format_when, local, worker_for
from ccema_desktop.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from ccema_desktop.sync.outbox import OutboxItem

_Index = QModelIndex | QPersistentModelIndex

WORKSHOP, CREATED, STATE, ATTEMPTS, NEXT, DETAILS = range(6)

#: Bundle states in plain words, and what each means (tooltips).
STATE_LABELS = {
    "waiting": N_("Waiting"),
    "sending": N_("Sending"),
    "delivered": N_("Delivered, held"),
    "confirmed": N_("Confirmed"),
    "failed": N_("Failed"),
}
STATE_HELP = {
    "waiting": N_("Made and kept on this laptop; it is sent when headquarters can be reached."),
    "sending": N_("Being sent to headquarters now."),
    "delivered": N_(
        "Headquarters received it and holds it until a coordinator approves this laptop; it is confirmed "
        "once imported."
    ),
    "confirmed": N_("Headquarters sent back a signed receipt for this bundle: it arrived complete."),
    "failed": N_("The last attempt did not work; it is tried again automatically."),
}
_STATE_COLOURS = {
    "confirmed": ("#e7f4ea", "#1b5e20"),
    "delivered": ("#e8f0fb", "#0d47a1"),
    "failed": ("#fde8e8", "#9b1c1c"),
}
_OK_STYLE = "color: #1b5e20;"
_BAD_STYLE = "color: #9b1c1c;"


def state_label(state: str) -> str:
    return _(STATE_LABELS[state]) if state in STATE_LABELS else state


class OutboxModel(QAbstractTableModel):
    """The outbox, newest bundle first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[OutboxItem] = []

    def set_items(self, items: tuple[OutboxItem, ...] | list[OutboxItem]) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda i: i.created_at, reverse=True)
        self.endResetModel()

    def relabel(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, self.columnCount() - 1))

    def item_at(self, row: int) -> OutboxItem:
        return self._items[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            WORKSHOP: _("Workshop"),
            CREATED: _("Made"),
            STATE: _("State"),
            ATTEMPTS: _("Attempts"),
            NEXT: _("Next attempt"),
            DETAILS: _("Details"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATE and item.state in STATE_HELP:
                return _(STATE_HELP[item.state])
            if column == DETAILS:
                return self._display(item, column) or None
            if column == CREATED:
                return _("Bundle {bundle}").format(bundle=item.bundle_id)
            return None
        colours = _STATE_COLOURS.get(item.state)
        if role == Qt.ItemDataRole.BackgroundRole and colours and column == STATE:
            return QBrush(QColor(colours[0]))
        if role == Qt.ItemDataRole.ForegroundRole and colours and column in (STATE, DETAILS):
            return QBrush(QColor(colours[1]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ATTEMPTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(item: OutboxItem, column: int) -> str:
        if column == WORKSHOP:
            return item.workshop_code
        if column == CREATED:
            return format_when(item.created_at)
        if column == STATE:
            return state_label(item.state)
        if column == ATTEMPTS:
            return str(item.attempts)
        if column == NEXT:
            return next_attempt_text(item)
        if column == DETAILS:
            return details_text(item)
        return ""


def next_attempt_text(item: OutboxItem) -> str:
    if item.state == "confirmed":
        return "—"
    if item.state == "sending":
        return _("now")
    if item.next_attempt_at is None or local(item.next_attempt_at) <= dt.datetime.now().astimezone():
        return _("when headquarters answers")
    return format_when(item.next_attempt_at)


def details_text(item: OutboxItem) -> str:
    if item.state == "confirmed":
        if item.confirmed_at is not None:
            return _("Imported at headquarters {time}; its signed receipt was checked.").format(
                time=format_when(item.confirmed_at)
            )
        return _("Signed receipt from headquarters checked.")
    if item.state == "delivered":
        return item.last_error or _("Held at headquarters until a coordinator approves this laptop.")
    return item.last_error or ""


class EnrolDialog(QDialog):
    """Trust a headquarters public key file and remember its inbox address (`ccema device enroll`)."""

    def __init__(self, services: GuiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = Ui_SyncEnrolDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(_BAD_STYLE)
        self.ui.errorLabel.hide()
        self._enrol_button = self.ui.buttonBox.addButton(_("Enrol"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._enrol_button.setDefault(True)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._enrol_button.clicked.connect(self.enrol)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.keyFileEdit.textChanged.connect(self._update)
        self._busy = False
        self.key_id = ""
        self._update()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Headquarters public key file"), "", _("Key files (*.json);;All files (*)")
        )
        if path:
            self.ui.keyFileEdit.setText(path)

    def _update(self) -> None:
        self._enrol_button.setEnabled(bool(self.ui.keyFileEdit.text().strip()) and not self._busy)

    def enrol(self) -> None:
        key_file = Path(self.ui.keyFileEdit.text().strip())
        url = self.ui.urlEdit.text().strip() or None
        if not self.ui.keyFileEdit.text().strip():
            return
        paths = self.services.ctx.paths

        def work() -> str:
            from ccema_desktop.sync import keys

            enrolled = keys.enroll(paths, key_file, url)
            keys.ensure_device_key(paths)
            return enrolled.key_id

        self._busy = True
        self._update()
        self.services.runner.run(work, self._on_enrolled, self._on_failed)

    def _on_enrolled(self, key_id: str) -> None:
        self._busy = False
        self.key_id = key_id
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update()
        if isinstance(exc, KnownError):
            self.ui.errorLabel.setText(str(exc))
            self.ui.errorLabel.show()
        else:
            show_error(self, exc)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._enrol_button.setText(_("Enrol"))
        super().changeEvent(event)


class SyncScreen(Screen):
    key = "sync"
    needs_workshop = False
    watches = ("workshops",)

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_SyncScreen()
        self.ui.setupUi(self)
        self.worker: SyncWorker = worker_for(services)
        self.model = OutboxModel(self)
        self.ui.table.setModel(self.model)
        header = self.ui.table.horizontalHeader()
        for column in (WORKSHOP, CREATED, STATE, ATTEMPTS, NEXT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
        self.ui.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.progressBar.hide()
        self.ui.progressLabel.hide()
        self.ui.resultLabel.hide()
        self._result = ""
        self._result_ok = True
        self._saving = False
        self._just_enrolled = False
        self.snapshot: SyncSnapshot | None = self.worker.snapshot
        self.ui.syncButton.clicked.connect(self.sync_now)
        self.ui.saveButton.clicked.connect(lambda: self.save_to_folder())
        self.ui.checkButton.clicked.connect(self.worker.check_now)
        self.ui.enrolButton.clicked.connect(self.enrol)
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_details())
        self.worker.changed.connect(self._on_snapshot)
        # Bound methods (not lambdas): Qt drops these connections when the screen goes, the worker stays.
        self.worker.activity_changed.connect(self._on_activity)
        self.worker.progress.connect(self._on_progress)
        self.worker.queued.connect(self._on_queued)
        self.worker.failed.connect(self._on_failed)
        self._show_state()

    # --- Screen -----------------------------------------------------------------------------------------------
    def nav_title(self) -> str:
        return _("Sync")

    def refresh(self) -> None:
        self.worker.refresh()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.model.relabel()
        self._show_state()

    # --- actions ----------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        workshop = self.services.workshop_id
        self._set_result("")
        self.worker.sync_now([workshop] if workshop else [])

    def save_to_folder(self, folder: Path | None = None) -> None:
        """Ask for a folder (a USB stick), then write a bundle of the current workshop into it."""
        workshop = self.services.workshop_id
        if workshop is None:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, _("Save the bundle to a USB stick or folder"))
            if not chosen:
                return
            folder = Path(chosen)
        ctx = self.services.ctx
        target = folder

        def work() -> Path:
            from ccema_desktop.sync import outbox

            return outbox.save_to_folder(ctx, workshop, target)

        self._saving = True
        self._set_result(_("Writing the bundle…"))
        self._show_state()
        self.services.runner.run(work, self._on_saved, self._on_save_failed)

    def _on_saved(self, path: Path) -> None:
        self._saving = False
        self._set_result(
            _("Bundle saved: {path}. Take it to headquarters, where it is imported as it is.").format(
                path=path
            )
        )
        self._show_state()
        self.worker.refresh()

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self._set_result("")
        self._show_state()
        self._on_failed(exc)

    def enrol(self) -> None:
        snapshot = self.snapshot
        if snapshot is not None and snapshot.enrolled:
            text = _(
                "This laptop sends its bundles to headquarters key {key}. Enrol with another headquarters? "
                "Bundles already in the outbox stay encrypted to the current one."
            ).format(key=snapshot.key_id)
            if not confirm(self, text, _("Enrol again")):
                return
        dialog = EnrolDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_enrolled)
        dialog.open()

    def _on_enrolled(self) -> None:
        self._set_result(_("Enrolled. Contacting headquarters…"))
        self._just_enrolled = True
        self.worker.cycle()

    # --- worker results ---------------------------------------------------------------------------------------
    def _on_snapshot(self, snapshot: SyncSnapshot) -> None:
        keep = self._selected_bundle()
        self.snapshot = snapshot
        self.model.set_items(snapshot.items)
        for row in range(self.model.rowCount()):
            if self.model.item_at(row).bundle_id == keep:
                self.ui.table.selectRow(row)
        if self._just_enrolled:
            self._just_enrolled = False
            self._set_result("")
        self._show_state()

    def _on_activity(self, _activity: str) -> None:
        self._show_state()

    def _on_progress(self, done: int, total: int) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        self.ui.progressLabel.setText(
            ngettext("Sending {done} of {total} bundle…", "Sending {done} of {total} bundles…", total).format(
                done=min(done + 1, total), total=total
            )
        )

    def _on_queued(self, item: OutboxItem) -> None:
        self._set_result(
            _("A fresh bundle of {code} is in the outbox.").format(code=item.workshop_code), ok=True
        )

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._set_result(str(exc), ok=False)
        else:
            show_error(self, exc)

    def _set_result(self, text: str, ok: bool = True) -> None:
        self._result = text
        self._result_ok = ok
        self.ui.resultLabel.setText(text)
        self.ui.resultLabel.setStyleSheet("" if ok else _BAD_STYLE)
        self.ui.resultLabel.setVisible(bool(text))

    # --- display ----------------------------------------------------------------------------------------------
    def _selected_bundle(self) -> str | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()).bundle_id if rows else None

    def _show_state(self) -> None:
        ui = self.ui
        snapshot = self.snapshot
        enrolled = bool(snapshot and snapshot.enrolled)
        busy = self.worker.running and self.worker.activity == "contacting"
        ui.headquartersLabel.setText(self._headquarters_text(snapshot))
        reach, ok = self._reach_text(snapshot, busy)
        ui.reachLabel.setText(reach)
        ui.reachLabel.setStyleSheet(_OK_STYLE if ok else ("" if ok is None else _BAD_STYLE))
        ui.reachLabel.setVisible(bool(reach))
        ui.checkButton.setVisible(bool(snapshot and snapshot.url))
        ui.checkButton.setEnabled(not busy)
        ui.enrolButton.setText(_("&Enrol again…") if enrolled else _("&Enrol with headquarters…"))
        workshop = self.services.workshop_id
        ui.syncButton.setEnabled(enrolled and not busy)
        ui.syncButton.setToolTip(
            _("Make a fresh bundle of the current workshop and send everything waiting to headquarters")
            if workshop
            else _("Send everything waiting to headquarters (choose a workshop to add a fresh bundle of it)")
        )
        ui.saveButton.setEnabled(workshop is not None and not self._saving)
        ui.progressBar.setVisible(busy)
        ui.progressLabel.setVisible(busy)
        if busy and not ui.progressLabel.text():
            ui.progressBar.setRange(0, 0)
        if busy:
            ui.progressLabel.setText(ui.progressLabel.text() or _("Contacting headquarters…"))
        else:
            ui.progressLabel.clear()
        empty = self.model.rowCount() == 0
        ui.table.setVisible(not empty)
        ui.emptyLabel.setVisible(empty)
        ui.emptyLabel.setText(
            _("The outbox is empty. “Sync now” puts a fresh bundle of the current workshop in it.")
            if enrolled
            else _("The outbox is empty.")
        )
        self._show_details()

    def _headquarters_text(self, snapshot: SyncSnapshot | None) -> str:
        if snapshot is None:
            return _("Reading the enrolment…")
        if snapshot.problem and not snapshot.enrolled:
            return snapshot.problem
        if not snapshot.enrolled:
            return _(
                "This laptop is not enrolled with a headquarters yet, so bundles can be neither encrypted nor "
                "sent. Ask headquarters for its public key file (made with 'ccema hq public-key') and the "
                "address of its inbox, then choose “Enrol with headquarters…” (or run 'ccema device enroll "
                "FILE --url ADDRESS')."
            )
        if snapshot.url is None:
            return _(
                "Bundles are encrypted to headquarters key {key} (compare this fingerprint with the one "
                "headquarters reads out to you). There is no inbox address, so bundles travel on USB sticks: "
                "use “Save bundle to USB/folder…”, or enrol again with the address."
            ).format(key=snapshot.key_id)
        return _(
            "Inbox: {url}\nKey fingerprint: {key} (compare it with the one headquarters reads out to you)"
        ).format(url=snapshot.url, key=snapshot.key_id)

    @staticmethod
    def _reach_text(snapshot: SyncSnapshot | None, busy: bool) -> tuple[str, bool | None]:
        if snapshot is None or not snapshot.enrolled or snapshot.url is None:
            return "", None
        if busy and snapshot.reachable is None:
            return _("Contacting headquarters…"), None
        if snapshot.problem:
            return snapshot.problem, False
        if snapshot.reachable is None or snapshot.checked_at is None:
            return _("Headquarters has not been contacted yet."), None
        when = format_when(snapshot.checked_at)
        if snapshot.reachable:
            return _("Headquarters reachable: it answered at {time}.").format(time=when), True
        reason = snapshot.reach_detail or _("It did not answer.")
        return (
            _(
                "Headquarters not reachable (checked at {time}): {reason} Bundles wait in the outbox and are "
                "sent when it answers."
            ).format(time=when, reason=reason),
            False,
        )

    def _show_details(self) -> None:
        rows = self.ui.table.selectionModel().selectedRows()
        if not rows or not self.ui.table.isVisibleTo(self):
            self.ui.detailsLabel.hide()
            return
        item = self.model.item_at(rows[0].row())
        parts = [
            _("Bundle {bundle} of {code}, made {time}.").format(
                bundle=item.bundle_id, code=item.workshop_code, time=format_when(item.created_at)
            ),
            f"{state_label(item.state)}: {_(STATE_HELP[item.state]) if item.state in STATE_HELP else ''}",
        ]
        if item.last_error and item.state != "confirmed":
            parts.append(_("Last problem: {reason}").format(reason=item.last_error))
        parts.append(
            ngettext("{n} attempt so far.", "{n} attempts so far.", item.attempts).format(n=item.attempts)
        )
        self.ui.detailsLabel.setText(" ".join(parts))
        self.ui.detailsLabel.show()


SCREEN = SyncScreen
