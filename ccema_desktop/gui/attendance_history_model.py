"""Table model of the attendance history: participants by attendance session, rate, certificate warning.

Columns: name, rate, certificate (warning icon and text for people under the threshold), then one narrow
column per session with the status letter (the roll-call key) on the status colour.
"""

from __future__ import annotations

import html
from typing import Any

from babel.numbers import format_percent
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from ccema_desktop.domain.vocab import ATTENDANCE_STATUSES, label
from ccema_desktop.gui.roll_call_model import STATUS_COLOURS, STATUS_KEYS, status_text
from ccema_desktop.i18n import _, babel_locale, current_language, format_date
from ccema_desktop.services.attendance import AttendanceHistory, HistoryRow

_Index = QModelIndex | QPersistentModelIndex

#: Sort key role (numbers for the rate, text otherwise), used by a QSortFilterProxyModel.
SORT_ROLE = Qt.ItemDataRole.UserRole
#: True for people under the threshold.
FLAG_ROLE = Qt.ItemDataRole.UserRole + 1


def percent(value: float, lang: str | None = None) -> str:
    """A share (0.8) as a percentage in the UI language ('80%', '80 %')."""
    return str(format_percent(value, locale=babel_locale(lang or current_language())))


class AttendanceHistoryModel(QAbstractTableModel):
    NAME, RATE, CERTIFICATE = range(3)
    FIRST_SESSION = 3

    def __init__(self) -> None:
        super().__init__()
        self._history = AttendanceHistory([], 80, [])

    def set_history(self, history: AttendanceHistory) -> None:
        self.beginResetModel()
        self._history = history
        self.endResetModel()

    def history(self) -> AttendanceHistory:
        return self._history

    def row_at(self, row: int) -> HistoryRow:
        return self._history.rows[row]

    def flagged(self) -> list[HistoryRow]:
        return [r for r in self._history.rows if r.summary.below_threshold]

    def retranslate(self) -> None:
        """Labels, dates and percentages follow the UI language."""
        if self._history.rows or self._history.sessions:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.dataChanged.emit(
                self.index(0, 0), self.index(max(0, self.rowCount() - 1), self.columnCount() - 1)
            )

    # --- QAbstractTableModel ------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._history.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_SESSION + len(self._history.sessions)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if section < self.FIRST_SESSION:
            if role == Qt.ItemDataRole.DisplayRole:
                return (_("Name"), _("Rate"), _("Certificate"))[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == self.RATE:
                return _("Sessions attended (present or late) over all planned sessions")
            return None
        index = section - self.FIRST_SESSION
        if index >= len(self._history.sessions):
            return None
        session = self._history.sessions[index]
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            # The day only over its first session, so the columns stay as narrow as a time.
            first = index == 0 or self._history.sessions[index - 1].date != session.date
            day = format_date(session.date, lang, "EEE d") if first else ""
            return f"{day}\n{session.start.strftime('%H:%M')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "{date} {start}–{end}\n{title}".format(
                date=format_date(session.date, lang, "medium"),
                start=session.start.strftime("%H:%M"),
                end=session.end.strftime("%H:%M"),
                title=session.title,
            )
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._history.rows):
            return None
        row = self._history.rows[index.row()]
        column = index.column()
        if role == FLAG_ROLE:
            return row.summary.below_threshold
        if column == self.NAME:
            return self._name(row, role)
        if column == self.RATE:
            return self._rate(row, role)
        if column == self.CERTIFICATE:
            return self._certificate(row, role)
        return self._session(row, column - self.FIRST_SESSION, role)

    def _name(self, row: HistoryRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return row.full_name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.full_name}\n{row.organization}" if row.organization else row.full_name
        return None

    def _rate(self, row: HistoryRow, role: int) -> Any:
        s = row.summary
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(s.rate)
        if role == SORT_ROLE:
            return s.rate
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("{attended} of {planned} sessions attended").format(
                attended=s.sessions_attended, planned=s.sessions_planned
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _certificate(self, row: HistoryRow, role: int) -> Any:
        s = row.summary
        threshold = percent(s.threshold / 100)
        if not s.below_threshold:
            if role == SORT_ROLE:
                return 2
            return None
        if role == SORT_ROLE:
            return 1 if row.can_reach_threshold else 0
        if role == Qt.ItemDataRole.DisplayRole:
            if row.can_reach_threshold:
                return _("Below {threshold}").format(threshold=threshold)
            return _("Cannot reach {threshold}").format(threshold=threshold)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxWarning
                if row.can_reach_threshold
                else QStyle.StandardPixmap.SP_MessageBoxCritical
            )
            return _icon(pixmap)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.can_reach_threshold:
                return _(
                    "Attendance is below the certificate threshold of {threshold} so far; "
                    "it can still be reached by attending the sessions not yet marked."
                ).format(threshold=threshold)
            return _(
                "Even attending every session not yet marked cannot lift attendance to the certificate "
                "threshold of {threshold}."
            ).format(threshold=threshold)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#7f1d1d") if not row.can_reach_threshold else QColor("#6b4e00")
        return None

    def _session(self, row: HistoryRow, index: int, role: int) -> Any:
        if index >= len(self._history.sessions):
            return None
        status = row.statuses.get(self._history.sessions[index].id)
        if role == Qt.ItemDataRole.DisplayRole:
            return STATUS_KEYS[status] if status else "–"
        if role == SORT_ROLE:
            return list(ATTENDANCE_STATUSES).index(status) if status else len(ATTENDANCE_STATUSES)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return status_text(status)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[status][0]) if status else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[status][1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def legend_html() -> str:
    """'P Present · L Late …' with each letter on its colour, for the label under the grid."""
    parts = []
    for status, key in STATUS_KEYS.items():
        background, text = STATUS_COLOURS[status]
        name = html.escape(label(ATTENDANCE_STATUSES, status))
        parts.append(
            f'<span style="background-color:{background}; color:{text}">&nbsp;<b>{key}</b>&nbsp;</span> {name}'
        )
    parts.append(f"<b>–</b> {html.escape(status_text(None))}")
    return " &nbsp;·&nbsp; ".join(parts)


def _icon(pixmap: QStyle.StandardPixmap) -> QIcon:
    app = QApplication.instance()
    style = app.style() if isinstance(app, QApplication) else None
    return style.standardIcon(pixmap) if style is not None else QIcon()
