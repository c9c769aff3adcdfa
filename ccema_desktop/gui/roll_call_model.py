"""Table model of one session's roll call: name, organisation, status (label and colour), editable in place.

The model only holds plain `RollCallRow` data from the attendance service; the screen decides when to save.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ccema_desktop.domain.vocab import ATTENDANCE_STATUSES, fold, label
from ccema_desktop.i18n import _
from ccema_desktop.services.attendance import RollCallRow

_Index = QModelIndex | QPersistentModelIndex

#: Keys that mark the current row (the same letters stand for the statuses in the history grid).
STATUS_KEYS: dict[str, str] = {"present": "P", "late": "L", "absent": "A", "excused": "E"}

#: (background, text) per status; None is "not marked". Text colours keep a 4.5:1 contrast on the background.
STATUS_COLOURS: dict[str | None, tuple[str, str]] = {
    "present": ("#d4edda", "#14532d"),
    "late": ("#fff0c2", "#6b4e00"),
    "absent": ("#f8d7da", "#7f1d1d"),
    "excused": ("#dbe7f5", "#1e3a5f"),
    None: ("#f1f1f1", "#555555"),
}

STATUS_ROLE = Qt.ItemDataRole.UserRole
PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole + 1


def status_text(status: str | None) -> str:
    return label(ATTENDANCE_STATUSES, status) if status else _("Not marked")


class RollCallModel(QAbstractTableModel):
    NAME, ORGANIZATION, STATUS = range(3)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RollCallRow] = []

    # --- data in and out ----------------------------------------------------------------------------------------
    def set_rows(self, rows: list[RollCallRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RollCallRow]:
        return list(self._rows)

    def row_at(self, row: int) -> RollCallRow:
        return self._rows[row]

    def set_status(self, row: int, status: str | None) -> None:
        self._rows[row] = dataclasses.replace(self._rows[row], status=status)
        index = self.index(row, self.STATUS)
        self.dataChanged.emit(self.index(row, 0), index)

    def row_of(self, participant_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.participant_id == participant_id), -1)

    def counts(self) -> dict[str | None, int]:
        counts: dict[str | None, int] = {status: 0 for status in (*ATTENDANCE_STATUSES, None)}
        for r in self._rows:
            counts[r.status] = counts.get(r.status, 0) + 1
        return counts

    def first_unmarked(self) -> int:
        return next((i for i, r in enumerate(self._rows) if r.status is None), -1)

    def find(self, text: str) -> int:
        """The first row whose name starts with `text`, else has a word starting with it, else contains it
        (case- and accent-insensitive); -1 when none does."""
        needle = fold(text)
        if not needle:
            return -1
        names = [fold(r.full_name) for r in self._rows]
        tests = (
            lambda name: name.startswith(needle),
            lambda name: any(word.startswith(needle) for word in name.replace("-", " ").split()),
            lambda name: needle in name,
        )
        for test in tests:
            for i, name in enumerate(names):
                if test(name):
                    return i
        return -1

    def matches(self, text: str) -> list[int]:
        """Rows whose name contains `text` (case- and accent-insensitive), in list order."""
        needle = fold(text)
        return [i for i, r in enumerate(self._rows) if needle and needle in fold(r.full_name)]

    # --- QAbstractTableModel ------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (_("Name"), _("Organisation"), _("Status"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == STATUS_ROLE:
            return row.status
        if role == PARTICIPANT_ROLE:
            return row.participant_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.NAME:
                return row.full_name
            if column == self.ORGANIZATION:
                return row.organization
            return status_text(row.status)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.full_name}, {status_text(row.status)}"
        if column == self.STATUS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(STATUS_COLOURS[row.status][0])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(STATUS_COLOURS[row.status][1])
        return None
