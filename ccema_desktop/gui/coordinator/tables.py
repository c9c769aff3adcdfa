"""Table models of the coordinator pages: rows of plain values, shown formatted, exported as they are.

A `Column` says how to title and show its values; a row is a list of values (text, numbers, dates, None)
plus a key (e.g. a workshop id for drill-down). `visible_table(view)` returns what a table view shows, in
its current order, ready for `dashboard.export_table`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ccema_desktop.i18n import _, format_date, format_number, format_percent

_Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
VALUE_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Column:
    """`title` is called each time (so it follows a language switch); `kind`: text, int, percent, score,
    date or datetime."""

    title: Callable[[], str]
    kind: str = "text"
    stretch: bool = False


NUMERIC_KINDS = ("int", "percent", "score", "points")


def format_value(value: object, kind: str) -> str:
    """A cell as shown: numbers in the language's format, rates as percentages, dates localised."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if kind == "percent" and isinstance(value, (int, float)):
        return str(format_percent(float(value)))
    if kind == "score" and isinstance(value, (int, float)):
        return format_number(round(float(value), 2))
    if kind == "points" and isinstance(value, (int, float)):
        return _("{value} points").format(value=format_number(round(float(value), 1)))
    if kind == "int" and isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.datetime):
        from ccema_desktop.gui.sync_worker import format_when

        return format_when(value)
    if isinstance(value, dt.date):
        return format_date(value, fmt="medium")
    return str(value)


def _sort_key(value: object) -> Any:
    if value is None:
        return float("-inf")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).casefold()


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[list[object]] = []
        self._keys: list[object] = []
        self._colours: list[tuple[str, str] | None] = []
        self._row_kinds: list[str | None] = []

    def set_rows(
        self,
        rows: Sequence[Sequence[object]],
        keys: Sequence[object] | None = None,
        colours: Sequence[tuple[str, str] | None] | None = None,
        row_kinds: Sequence[str | None] | None = None,
    ) -> None:
        """`row_kinds` overrides the kind of a row's numeric cells (a table of mixed figures)."""
        self.beginResetModel()
        self._rows = [list(r) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self._colours = list(colours) if colours is not None else [None] * len(self._rows)
        self._row_kinds = list(row_kinds) if row_kinds is not None else [None] * len(self._rows)
        self.endResetModel()

    def relabel(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def key_at(self, row: int) -> object:
        return self._keys[row]

    def values_at(self, row: int) -> list[object]:
        return self._rows[row]

    def header(self) -> list[str]:
        return [c.title() for c in self.columns]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title()
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        value = self._rows[index.row()][index.column()]
        column = self.columns[index.column()]
        kind = column.kind
        if self._row_kinds[index.row()] and isinstance(value, (int, float)):
            kind = self._row_kinds[index.row()] or kind
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(value, kind)
        if role == Qt.ItemDataRole.ToolTipRole and kind == "text" and value:
            return str(value)
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in NUMERIC_KINDS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        colours = self._colours[index.row()]
        if colours and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(colours[0]))
        if colours and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colours[1]))
        return None


class SortProxy(QSortFilterProxyModel):
    """Sorts by the raw values (numbers as numbers, dates as dates)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


def setup_table(view: QTableView, model: RowsModel, sortable: bool = True) -> SortProxy:
    """Put `model` behind a sorting proxy on `view`, with columns sized for laptops and projectors."""
    proxy = SortProxy(view)
    proxy.setSourceModel(model)
    view.setModel(proxy)
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header is clicked
    view.setSortingEnabled(sortable)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    # Rows grow to their wrapped text, and again when the columns change width.
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(60)
    for index, column in enumerate(model.columns):
        header.setSectionResizeMode(
            index,
            QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.ResizeToContents,
        )
    if not any(c.stretch for c in model.columns):
        header.setStretchLastSection(True)
    return proxy


def selected_key(view: QTableView) -> object:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(KEY_ROLE) if rows else None


def visible_table(view: QTableView) -> tuple[list[str], list[list[object]]]:
    """The header and rows a table view shows: rows in their current order, columns in the order shown
    (moved columns follow, hidden ones are left out), with plain values (numbers stay numbers)."""
    proxy = view.model()
    assert isinstance(proxy, QSortFilterProxyModel)
    source = proxy.sourceModel()
    assert isinstance(source, RowsModel)
    header = view.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    columns = [c for c in columns if not view.isColumnHidden(c)]
    titles = source.header()
    rows: list[list[object]] = []
    for row in range(proxy.rowCount()):
        values = source.values_at(proxy.mapToSource(proxy.index(row, 0)).row())
        rows.append([values[c] for c in columns])
    return [titles[c] for c in columns], rows


def infer_kind(header: str, values: Sequence[object]) -> str:
    """How to show a column of plain values: by their type (rates by the column's name)."""
    present = [v for v in values if v is not None]
    if not present or header == _("Year"):
        return "text"  # a year is a name, not an amount: 2025, never "2,025"
    if all(isinstance(v, bool) for v in present):
        return "bool"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "int"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "percent" if header in (_("Attendance rate"), _("Rate")) else "score"
    if all(isinstance(v, dt.datetime) for v in present):
        return "datetime"
    if all(isinstance(v, dt.date) for v in present):
        return "date"
    return "text"


def _fixed(text: str) -> Callable[[], str]:
    return lambda: text


def model_for(
    header: Sequence[str], rows: Sequence[Sequence[object]], parent: QObject | None = None, stretch: int = -1
) -> RowsModel:
    """A model for a table of plain values with a known header (e.g. a `dashboard.TableData`)."""
    columns = []
    for index, title in enumerate(header):
        kind = infer_kind(title, [row[index] for row in rows])
        columns.append(Column(_fixed(title), kind, stretch=index == stretch))
    model = RowsModel(columns, parent)
    model.set_rows(rows)
    return model
