"""Base class of the screens shown in the main window's navigation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ccema_desktop.gui.services import GuiServices


class Screen(QWidget):
    """A navigation destination. Subclasses hold a generated form (`self.ui`) and call core services.

    `needs_workshop` screens are disabled until a workshop is chosen. `retranslate()` runs on every
    language switch; `refresh()` reloads data (called when shown and when the data it shows changed).
    """

    #: Emitted when data loaded in the background has been put on screen (see `is_loaded`).
    loaded = Signal()

    key = ""
    needs_workshop = False
    watches: tuple[str, ...] = ()

    def __init__(self, services: GuiServices) -> None:
        super().__init__()
        self.services = services
        self._stale = True
        services.workshop_changed.connect(self._on_workshop_changed)
        services.data_changed.connect(self._on_data_changed)

    def nav_title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the screen shows."""

    def retranslate(self) -> None:
        """Re-apply translated texts (forms: `self.ui.retranslateUi(self)`)."""

    def is_loaded(self) -> bool:
        """Whether what the screen shows is up to date (the smoke test waits for the first screen's data).

        Screens that load in the background override this and emit `loaded` when their data lands.
        """
        return not self._stale

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _mark_stale(self) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def _on_workshop_changed(self, _workshop_id: object) -> None:
        self._mark_stale()

    def _on_data_changed(self, what: str) -> None:
        if what in self.watches:
            self._mark_stale()
