"""Base of the coordinator window's pages (tabs)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTableView, QWidget

from ccema_desktop.gui.coordinator.tables import visible_table
from ccema_desktop.gui.services import GuiServices

#: `GuiServices.notify` kind sent when the headquarters data changed (an import, an approval).
BUNDLES = "bundles"


class Page(QWidget):
    """A tab of the coordinator window: reloads when shown after its data changed, retranslates live.

    `export_view()` names the table that "Export the table shown…" writes (None: nothing to export here).
    """

    key = ""
    watches: tuple[str, ...] = (BUNDLES,)
    #: Emitted when the table `export_view()` names changed (another sub-tab, a table shown or hidden).
    export_changed = Signal()

    def __init__(self, services: GuiServices) -> None:
        super().__init__()
        self.services = services
        self._stale = True
        services.data_changed.connect(self._on_data_changed)

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload what the page shows (through the task runner)."""

    def retranslate(self) -> None:
        """Re-apply translated texts."""

    def export_view(self) -> QTableView | None:
        return None

    def export_name(self) -> str:
        """A file name (without suffix) proposed for the exported table."""
        return self.key

    def visible_table(self) -> tuple[list[str], list[list[object]]] | None:
        view = self.export_view()
        if view is None or not view.isVisibleTo(self) or view.model() is None:
            return None
        return visible_table(view)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_data_changed(self, what: str) -> None:
        if what in self.watches:
            if self.isVisible():
                self._stale = False
                self.refresh()
            else:
                self._stale = True
