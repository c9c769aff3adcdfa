"""Widgets of the agenda screen (used from ui/agenda.ui as promoted widgets): the day tabs that accept a
dropped session, and the sessions table (drop line across the whole row, Enter runs, empty-day hint)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QTabBar, QTableView, QWidget

from ccema_desktop.gui.agenda_model import SESSION_MIME, session_id_from


class AgendaDayBar(QTabBar):
    """One tab per workshop day; dropping a session on a tab moves it to that day."""

    #: session id, tab index it was dropped on
    sessionDropped = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._drop_target = -1

    def drop_target(self) -> int:
        return self._drop_target

    def _set_target(self, index: int) -> None:
        if index != self._drop_target:
            self._drop_target = index
            self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SESSION_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        index = self.tabAt(event.position().toPoint())
        if index >= 0 and event.mimeData().hasFormat(SESSION_MIME):
            self._set_target(index)
            event.acceptProposedAction()
        else:
            self._set_target(-1)
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_target(-1)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.tabAt(event.position().toPoint())
        self._set_target(-1)
        session_id = session_id_from(event.mimeData()) if event.mimeData().hasFormat(SESSION_MIME) else ""
        if index < 0 or not session_id:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.sessionDropped.emit(session_id, index)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_target >= 0:
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(self.tabRect(self._drop_target).adjusted(2, 2, -2, -2))
            painter.end()


class AgendaTable(QTableView):
    """The day's sessions. Enter asks to run the current session; an empty day shows a hint; while a session
    is dragged, a line across the whole row shows where it will go (Qt's own indicator marks one cell)."""

    runRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = ""
        self._drop_line: int | None = None
        self.setDropIndicatorShown(False)

    def set_placeholder_text(self, text: str) -> None:
        self._placeholder = text
        self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and self.currentIndex().isValid():
            event.accept()
            self.runRequested.emit()
            return
        super().keyPressEvent(event)

    def _line_at(self, pos: QPoint) -> int | None:
        """The y of the gap between rows nearest to `pos`, where a drop there puts the session."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return None
        index = self.indexAt(pos)
        if not index.isValid():
            return self.visualRect(model.index(model.rowCount() - 1, 0)).bottom() + 1
        rect = self.visualRect(index)
        return rect.top() if pos.y() < rect.center().y() else rect.bottom() + 1

    def _set_drop_line(self, y: int | None) -> None:
        if y != self._drop_line:
            self._drop_line = y
            self.viewport().update()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        accepted = event.isAccepted() and event.mimeData().hasFormat(SESSION_MIME)
        self._set_drop_line(self._line_at(event.position().toPoint()) if accepted else None)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._set_drop_line(None)

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self._set_drop_line(None)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_line is not None:
            painter = QPainter(self.viewport())
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.drawLine(0, self._drop_line, self.viewport().width(), self._drop_line)
            painter.end()
        model = self.model()
        if self._placeholder and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(24, 24, -24, -24),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self._placeholder,
            )
            painter.end()
