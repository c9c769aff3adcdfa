"""Starting the participant kiosk from the facilitator's window, and setting the kiosk PIN.

`KioskLauncher` adds "Start kiosk mode…" (Ctrl+Shift+K) to the main window's File menu. Starting needs a
workshop and a PIN (the facilitator sets one first if there is none); the main window hides while the kiosk
runs and comes back once the PIN unlocked it. The kiosk module is imported only when it starts, and the PIN
service (which loads the database layer) only when it is needed, so the launcher costs nothing at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QWidget

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.forms.ui_kiosk_set_pin import Ui_KioskSetPinDialog
from ccema_desktop.gui.messages import show_error
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _, current_language

if TYPE_CHECKING:
    from ccema_desktop.gui.kiosk.window import KioskWindow

ERROR_STYLE = "color: #9b1c1c;"
ACTION_NAME = "actionStartKiosk"


class SetPinDialog(QDialog):
    """Two PIN fields; saved through `kiosk_pin.set_pin` (the service checks 4-12 digits too)."""

    def __init__(self, services: GuiServices, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.reason = reason
        self.ui = Ui_KioskSetPinDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        self.ui.errorLabel.hide()
        self._ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ui.buttonBox.accepted.connect(self._on_accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        for edit in (self.ui.pinEdit, self.ui.repeatEdit):
            edit.textEdited.connect(lambda _text: self._set_error(""))
        self.retranslate()

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        if self.reason:
            self.ui.introLabel.setText(self.reason + "\n\n" + self.ui.introLabel.text())
        self._ok.setText(_("Save PIN"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))

    def _on_accept(self) -> None:
        pin, repeat = self.ui.pinEdit.text().strip(), self.ui.repeatEdit.text().strip()
        if not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 12):
            self._set_error(_("The PIN is 4 to 12 digits."))
            self.ui.pinEdit.setFocus()
            return
        if pin != repeat:
            self._set_error(_("The two PINs differ. Type the same PIN twice."))
            self.ui.repeatEdit.clear()
            self.ui.repeatEdit.setFocus()
            return
        db = self.services.db
        from ccema_desktop.services import kiosk_pin

        self._ok.setEnabled(False)
        self.services.runner.run(lambda: kiosk_pin.set_pin(db, pin), self._on_saved, self._on_error)

    def _on_saved(self, _result: object) -> None:
        self._ok.setEnabled(True)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self._ok.setEnabled(True)
        if isinstance(exc, KnownError):
            self._set_error(str(exc))
        else:
            show_error(self, exc)


class KioskLauncher(QObject):
    """Owns the File menu action and the running kiosk (at most one)."""

    def __init__(self, window: QMainWindow, services: GuiServices) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.kiosk: KioskWindow | None = None
        self.action = QAction(window)
        self.action.setObjectName(ACTION_NAME)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.action.triggered.connect(self.start)
        menu = getattr(getattr(window, "ui", None), "menuFile", None)
        quit_action = getattr(getattr(window, "ui", None), "actionQuit", None)
        if menu is not None:
            if quit_action is not None:
                menu.insertAction(quit_action, self.action)
                menu.insertSeparator(quit_action)
            else:
                menu.addAction(self.action)
        else:
            window.addAction(self.action)
        services.workshop_changed.connect(self._update)
        window.installEventFilter(self)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.action.setText(_("Start &kiosk mode…"))
        self.action.setStatusTip(_("Let participants fill in evaluation forms on this computer, full screen"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _update(self, _workshop: object = None) -> None:
        self.action.setEnabled(self.services.workshop_id is not None and self.kiosk is None)

    # --- start and stop ---------------------------------------------------------------------------------------
    def start(self) -> None:
        workshop_id = self.services.workshop_id
        if workshop_id is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self.window, _("CCEMA Desktop"), _("Choose a workshop first."))
            return
        if self.kiosk is not None:
            return
        db = self.services.db
        from ccema_desktop.services import kiosk_pin

        self.services.runner.run(
            lambda: kiosk_pin.has_pin(db),
            lambda has: self._start_with_pin(workshop_id, bool(has)),
            lambda exc: show_error(self.window, exc),
        )

    def _start_with_pin(self, workshop_id: str, has_pin: bool) -> None:
        if not has_pin:
            dialog = SetPinDialog(
                self.services,
                _("Set a kiosk PIN first: you will need it to leave kiosk mode."),
                self.window,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        self.open_kiosk(workshop_id)

    def open_kiosk(self, workshop_id: str) -> KioskWindow:
        """Hide the facilitator's window and start the kiosk (the PIN must already be set)."""
        from ccema_desktop.gui.kiosk.window import KioskWindow

        kiosk = KioskWindow(self.services, workshop_id, current_language())
        kiosk.unlocked.connect(self._on_unlocked)
        self.kiosk = kiosk
        self._update()
        self.window.hide()
        kiosk.start()
        return kiosk

    def _on_unlocked(self) -> None:
        # The facilitator's window must be visible before the kiosk closes, or Qt would quit the app.
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        kiosk, self.kiosk = self.kiosk, None
        if kiosk is not None:
            kiosk.deleteLater()
        self._update()
        self.services.notify("evaluations")

    def shutdown(self) -> None:
        """Close a running kiosk without a PIN (the application is quitting)."""
        if self.kiosk is not None:
            self.kiosk.release()
            self.kiosk.deleteLater()
            self.kiosk = None
