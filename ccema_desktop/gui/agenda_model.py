"""The agenda's table model (one day's sessions in time order) and the labels the agenda screens share."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ccema_desktop.i18n import N_, _, format_date
from ccema_desktop.services.agenda import AgendaWarning
from ccema_desktop.services.workshops import SessionView

#: Drag and drop payload: the session's id (UTF-8).
SESSION_MIME = "application/x-ccema-agenda-session"

#: Session kinds in the order offered to people, with their labels (translated when shown).
KIND_LABELS: dict[str, str] = {
    "opening": N_("Opening"),
    "exercise": N_("Exercise"),
    "break": N_("Break"),
    "lunch": N_("Lunch"),
    "closing": N_("Closing"),
    "custom": N_("Other session"),
}
#: Kinds shown as pauses (visually distinct, and not counted for attendance).
PAUSE_KINDS = frozenset({"break", "lunch"})

_Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def minutes_of(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def duration_minutes(session: SessionView) -> int:
    return minutes_of(session.end) - minutes_of(session.start)


def format_minutes(minutes: int) -> str:
    """'45 min', '2 h', '1 h 30 min'."""
    if minutes < 60:
        return _("{minutes} min").format(minutes=minutes)
    if minutes % 60 == 0:
        return _("{hours} h").format(hours=minutes // 60)
    return _("{hours} h {minutes} min").format(hours=minutes // 60, minutes=minutes % 60)


def time_range(session: SessionView) -> str:
    return f"{session.start:%H:%M}\u2013{session.end:%H:%M}"


def day_label(number: int, day: dt.date) -> str:
    """'Day 2 · 23 Nov 2026' in the UI language."""
    return _("Day {number} · {date}").format(number=number, date=format_date(day, fmt="medium"))


def warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def warnings_by_session(warnings: list[AgendaWarning], titles: dict[str, str]) -> dict[str, list[str]]:
    """Each session's warning sentences; an overlap is shown on both sessions it involves."""
    found: dict[str, list[str]] = {}
    for w in warnings:
        found.setdefault(w.session_id, []).append(w.message)
        if w.other_id is not None and w.session_id in titles:
            found.setdefault(w.other_id, []).append(
                _("Overlaps with '{title}'.").format(title=titles[w.session_id])
            )
    return found


class AgendaTableModel(QAbstractTableModel):
    """One day's sessions. Rows are dragged as session ids; a drop between rows emits `sessionDropped`."""

    TIME, LENGTH, TITLE, KIND, MODULE, FACILITATOR = range(6)
    HEADERS = (N_("Time"), N_("Length"), N_("Session"), N_("Kind"), N_("Module"), N_("Facilitator"))

    #: session id, row it was dropped before (-1: after the last row)
    sessionDropped = Signal(str, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[SessionView] = []
        self._warnings: dict[str, list[str]] = {}
        self._modules: dict[int, str] = {}

    # --- content ----------------------------------------------------------------------------------------
    def set_sessions(
        self, sessions: list[SessionView], warnings: dict[str, list[str]], modules: dict[int, str]
    ) -> None:
        self.beginResetModel()
        self._sessions = sorted(sessions, key=lambda s: (s.start, s.end))
        self._warnings = warnings
        self._modules = modules
        self.endResetModel()

    def sessions(self) -> list[SessionView]:
        return list(self._sessions)

    def session_at(self, row: int) -> SessionView | None:
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def row_of(self, session_id: str) -> int:
        return next((i for i, s in enumerate(self._sessions) if s.id == session_id), -1)

    def warnings_for(self, session_id: str) -> list[str]:
        return self._warnings.get(session_id, [])

    def retranslate(self) -> None:
        """Labels follow a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._sessions:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- QAbstractTableModel ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        session = self.session_at(index.row()) if index.isValid() else None
        if session is None:
            return None
        column = index.column()
        pause = session.kind in PAUSE_KINDS
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(session, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(session)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TITLE and self._warnings.get(session.id):
            return warning_icon()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return " ".join(self._warnings.get(session.id, []))
        if role == Qt.ItemDataRole.UserRole:
            return session.id
        if role == Qt.ItemDataRole.BackgroundRole and pause:
            return QBrush(_pause_colour())
        if role == Qt.ItemDataRole.FontRole and pause:
            font = QFont(QGuiApplication.font())
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and pause:
            return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TIME, self.LENGTH, self.MODULE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, session: SessionView, column: int) -> str:
        if column == self.TIME:
            return time_range(session)
        if column == self.LENGTH:
            return format_minutes(duration_minutes(session))
        if column == self.TITLE:
            return session.title
        if column == self.KIND:
            return kind_label(session.kind)
        if column == self.MODULE:
            return str(session.module) if session.module is not None else ""
        return session.facilitator

    def _tooltip(self, session: SessionView) -> str:
        lines = [f"{time_range(session)}  {session.title}", kind_label(session.kind)]
        if session.module is not None:
            lines.append(
                _("Module {number}: {title}").format(
                    number=session.module, title=self._modules.get(session.module, "")
                )
            )
        if session.facilitator:
            lines.append(_("Facilitator: {name}").format(name=session.facilitator))
        lines.extend(f"\u26a0 {message}" for message in self._warnings.get(session.id, []))
        if session.notes:
            lines.append(_("Notes: {notes}").format(notes=session.notes))
        return "\n".join(lines)

    # --- drag and drop ----------------------------------------------------------------------------------
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # drops go between rows, never onto a session
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [SESSION_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        session = self.session_at(indexes[0].row()) if indexes else None
        if session is not None:
            data.setData(SESSION_MIME, QByteArray(session.id.encode()))
            data.setText(f"{time_range(session)} {session.title}")
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return data.hasFormat(SESSION_MIME) and not parent.isValid()

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        session_id = session_id_from(data)
        if not session_id:
            return False
        self.sessionDropped.emit(session_id, row)
        return True


def session_id_from(data: QMimeData) -> str:
    return bytes(data.data(SESSION_MIME).data()).decode("utf-8", "replace").strip()


def drop_start(sessions: list[SessionView], moving: SessionView, row: int) -> dt.time:
    """Where a session dropped before `row` of a day's `sessions` starts: right after the session above the
    drop line; above the first session it ends where that one starts; on an empty day it keeps its time."""
    above = [s for s in sessions[: row if row >= 0 else len(sessions)] if s.id != moving.id]
    below = [s for s in sessions[row if row >= 0 else len(sessions) :] if s.id != moving.id]
    if above:
        return above[-1].end
    if below:
        start = max(0, minutes_of(below[0].start) - duration_minutes(moving))
        return dt.time(start // 60, start % 60)
    return moving.start


def _pause_colour() -> QColor:
    """A warm tint of the table's background, so breaks and lunch stand apart in light and dark themes."""
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    tint = QColor(196, 160, 90)
    mix = 0.2
    return QColor(
        round(base.red() * (1 - mix) + tint.red() * mix),
        round(base.green() * (1 - mix) + tint.green() * mix),
        round(base.blue() * (1 - mix) + tint.blue() * mix),
    )
