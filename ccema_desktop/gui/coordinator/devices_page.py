"""Devices: the laptops known to the inbox; approve one (its held bundles are imported) or revoke it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QTableView

from ccema_desktop.gui.coordinator.page import BUNDLES, Page
from ccema_desktop.gui.coordinator.tables import Column, RowsModel, selected_key, setup_table
from ccema_desktop.gui.forms.ui_coordinator_devices import Ui_DevicesPage
from ccema_desktop.gui.messages import confirm, show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from ccema_desktop.services.devices import ApprovalResult, DeviceView

DEVICE_STATUS_LABELS = {
    "pending": N_("Waiting for approval"),
    "approved": N_("Approved"),
    "revoked": N_("Revoked"),
}
_STATUS_COLOURS = {
    "pending": ("#fff4e0", "#7a4a00"),
    "revoked": ("#fde8e8", "#9b1c1c"),
}


def device_status_label(status: str) -> str:
    return _(DEVICE_STATUS_LABELS[status]) if status in DEVICE_STATUS_LABELS else status


class DevicesPage(Page):
    key = "devices"

    def __init__(self, services: GuiServices) -> None:
        super().__init__(services)
        self.ui = Ui_DevicesPage()
        self.ui.setupUi(self)
        self.model = RowsModel(
            [
                Column(lambda: _("Device"), stretch=True),
                Column(lambda: _("Key fingerprint")),
                Column(lambda: _("Status")),
                Column(lambda: _("First seen"), "datetime"),
                Column(lambda: _("Last seen"), "datetime"),
                Column(lambda: _("Bundles"), "int"),
                Column(lambda: _("Held"), "int"),
            ],
            self,
        )
        setup_table(self.ui.table, self.model)
        self.devices: list[DeviceView] = []
        self.loaded = False
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_args: self._update())
        self.ui.table.activated.connect(lambda _index: self.approve_selected())
        self.ui.approveButton.clicked.connect(self.approve_selected)
        self.ui.revokeButton.clicked.connect(self.revoke_selected)
        self.ui.advanceButton.clicked.connect(lambda: self.approve_in_advance())
        self._result = ""
        self._select_after: str | None = None
        self._update()

    # --- Page -------------------------------------------------------------------------------------------------
    def title(self) -> str:
        return _("Devices")

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._fill()
        self._update()

    def export_view(self) -> QTableView | None:
        return self.ui.table

    def export_name(self) -> str:
        return "devices"

    def refresh(self) -> None:
        from ccema_desktop.services import devices

        db = self.services.db
        self.services.runner.run(lambda: devices.list_devices(db), self._on_loaded, self._error)

    def _on_loaded(self, devices: list[DeviceView]) -> None:
        keep = self.selected_device()
        self.devices = list(devices)
        self.loaded = True
        self._fill()
        self.select(self._select_after or (keep.device_id if keep else None))
        self._select_after = None
        self._update()

    def _fill(self) -> None:
        self.model.set_rows(
            [
                [
                    d.device_id,
                    d.fingerprint,
                    device_status_label(d.status),
                    d.first_seen,
                    d.last_seen,
                    d.bundles,
                    d.held,
                ]
                for d in self.devices
            ],
            [d.device_id for d in self.devices],
            [_STATUS_COLOURS.get(d.status) for d in self.devices],
        )

    # --- selection --------------------------------------------------------------------------------------------
    def selected_device(self) -> DeviceView | None:
        key = selected_key(self.ui.table)
        return next((d for d in self.devices if d.device_id == key), None)

    def select(self, device_id: str | None) -> None:
        proxy = self.ui.table.model()
        for row in range(proxy.rowCount()):
            if device_id is None or proxy.index(row, 0).data() == device_id:
                self.ui.table.selectRow(row)
                return

    # --- actions ----------------------------------------------------------------------------------------------
    def approve_selected(self) -> None:
        device = self.selected_device()
        if device is None or device.status == "approved":
            return
        text = ngettext(
            "Approve device {device} with key fingerprint {key}? Check the fingerprint with the facilitator "
            "first. Its {n} held bundle is imported now.",
            "Approve device {device} with key fingerprint {key}? Check the fingerprint with the facilitator "
            "first. Its {n} held bundles are imported now.",
            device.held,
        ).format(device=device.device_id, key=device.fingerprint, n=device.held)
        if not confirm(self, text, _("Approve")):
            return
        self._approve(device.device_id)

    def approve_in_advance(self, device_id: str | None = None) -> None:
        """Trust a laptop that has sent nothing yet, by the id `ccema device show` prints on it."""
        if device_id is None:
            text, ok = QInputDialog.getText(
                self,
                _("Approve a laptop by its id"),
                _("Device id (on the laptop: 'ccema device show'):"),
            )
            if not ok or not text.strip():
                return
            device_id = text.strip()
        question = _(
            "Approve device {device}? Its bundles are then imported as soon as they arrive, without asking."
        ).format(device=device_id)
        if confirm(self, question, _("Approve")):
            self._approve(device_id)

    def _approve(self, device_id: str) -> None:
        from ccema_desktop.services import devices

        db = self.services.db
        self.services.runner.run(
            lambda: devices.approve_device(db, device_id), self._on_approved, self._error
        )

    def _on_approved(self, result: ApprovalResult) -> None:
        self._result = ngettext(
            "Device approved; {n} held bundle imported.",
            "Device approved; {n} held bundles imported.",
            result.imported,
        ).format(n=result.imported)
        for bundle_id, reason in result.rejected:
            self._result += " " + _("Bundle {bundle} was refused: {reason}").format(
                bundle=bundle_id, reason=reason
            )
        self._select_after = result.device_id
        self.services.notify(BUNDLES)
        self.refresh()

    def revoke_selected(self) -> None:
        device = self.selected_device()
        if device is None or device.status == "revoked":
            return
        text = _(
            "Revoke device {device}? Its next bundles are refused (held ones too); what it sent before stays "
            "in the database."
        ).format(device=device.device_id)
        if not confirm(self, text, _("Revoke")):
            return
        from ccema_desktop.services import devices

        db, device_id = self.services.db, device.device_id
        self.services.runner.run(lambda: devices.revoke(db, device_id), self._on_revoked, self._error)

    def _on_revoked(self, _result: Any) -> None:
        self._result = _("Device revoked.")
        self.services.notify(BUNDLES)
        self.refresh()

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- display ----------------------------------------------------------------------------------------------
    def _update(self) -> None:
        ui = self.ui
        device = self.selected_device()
        has_rows = bool(self.devices)
        ui.table.setVisible(has_rows)
        ui.emptyLabel.setVisible(self.loaded and not has_rows)
        ui.approveButton.setEnabled(device is not None and device.status != "approved")
        ui.revokeButton.setEnabled(device is not None and device.status != "revoked")
        if device is None:
            ui.detailsLabel.hide()
        else:
            text = _("Device {device}, key fingerprint {key}: {status}.").format(
                device=device.device_id,
                key=device.fingerprint or "—",
                status=device_status_label(device.status),
            )
            if device.held:
                text += " " + ngettext(
                    "{n} bundle is held until it is approved.",
                    "{n} bundles are held until it is approved.",
                    device.held,
                ).format(n=device.held)
            ui.detailsLabel.setText(text)
            ui.detailsLabel.show()
        ui.resultLabel.setText(self._result)
        ui.resultLabel.setVisible(bool(self._result))
