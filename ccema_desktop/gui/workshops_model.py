"""Table model of the workshops list, its status filter, and the labels the workshop screens share."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ccema_desktop.domain.countries import country_name
from ccema_desktop.domain.vocab import WORKSHOP_STATUSES, label
from ccema_desktop.i18n import _, babel_locale, current_language, format_date, format_number
from ccema_desktop.label_memo import memo
from ccema_desktop.services.workshop_views import WorkshopView

_Index = QModelIndex | QPersistentModelIndex

#: The raw value a column sorts by (dates as ISO text, counts as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The workshop's id, on every cell.
ID_ROLE = Qt.ItemDataRole.UserRole + 2

TITLE, CODE, COUNTRIES, DATES, STATUS, PARTICIPANTS = range(6)
DEMO_BACKGROUND = QColor("#fff1c2")
DEMO_FOREGROUND = QColor("#3d2e00")


def date_range(start: dt.date, end: dt.date, lang: str | None = None) -> str:
    """'Mar 14 – 16, 2026', '14–16 мар. 2026 г.'; a single date for a one-day workshop."""
    lang = lang or current_language()
    if start == end:
        return format_date(start, lang, "medium")
    locale = lang

    def babel() -> str:
        from babel.dates import format_interval  # Babel's locale data loads on first use

        return str(format_interval(start, end, "yMMMd", locale=babel_locale(locale)))

    return memo.label(f"dates|{lang}|{start.isoformat()}|{end.isoformat()}|yMMMd", babel)


def countries_text(codes: list[str], lang: str | None = None) -> str:
    return ", ".join(country_name(code, lang) for code in codes)


def status_label(status: str) -> str:
    return label(WORKSHOP_STATUSES, status)


def demo_title(workshop: WorkshopView) -> str:
    """The title as the list shows it: the demo workshop carries a marker in the UI language."""
    if workshop.is_demo:
        return _("[Demo] {title}").format(title=workshop.title)
    return workshop.title


class WorkshopTableModel(QAbstractTableModel):
    """Workshops as rows; the current workshop is bold and the demo workshop tinted and marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[WorkshopView] = []
        self._current: str | None = None

    # --- data in ----------------------------------------------------------------------------------------------
    def set_workshops(self, rows: list[WorkshopView], current: str | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._current = current
        self.endResetModel()

    def set_current(self, current: str | None) -> None:
        self._current = current
        self._all_changed()

    def relabel(self) -> None:
        """Texts follow a language switch (country names, dates, statuses, headers)."""
        self._all_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # --- data out ---------------------------------------------------------------------------------------------
    @property
    def current(self) -> str | None:
        """The workshop shown in bold (the one the other screens work on)."""
        return self._current

    def workshop_at(self, row: int) -> WorkshopView:
        return self._rows[row]

    def row_of(self, workshop_id: str) -> int:
        for row, workshop in enumerate(self._rows):
            if workshop.id == workshop_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            TITLE: _("Title"),
            CODE: _("Code"),
            COUNTRIES: _("Host countries"),
            DATES: _("Dates"),
            STATUS: _("Status"),
            PARTICIPANTS: _("Participants"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        w = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(w, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TITLE and w.is_demo:
                return _("{title}\nSample data to try the app; delete it when you no longer need it.").format(
                    title=f"{w.title} ({w.code})"
                )
            if column == TITLE:
                return f"{w.title} ({w.code})"
            if column == COUNTRIES:
                return self._display(w, column)
            if column == DATES:
                return self._long_dates(w)
            return None
        if role == SORT_ROLE:
            return {
                TITLE: w.title.casefold(),
                CODE: w.code,
                COUNTRIES: countries_text(w.countries).casefold(),
                DATES: w.start.isoformat(),
                STATUS: list(WORKSHOP_STATUSES).index(w.status) if w.status in WORKSHOP_STATUSES else 9,
                PARTICIPANTS: w.participants,
            }.get(column)
        if role == ID_ROLE:
            return w.id
        if role == Qt.ItemDataRole.FontRole and w.id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and w.is_demo:
            return QBrush(DEMO_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and w.is_demo:
            return QBrush(DEMO_FOREGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PARTICIPANTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, w: WorkshopView, column: int) -> str:
        if column == TITLE:
            return demo_title(w)
        if column == CODE:
            return w.code
        if column == COUNTRIES:
            return countries_text(w.countries)
        if column == DATES:
            return date_range(w.start, w.end)
        if column == STATUS:
            return status_label(w.status)
        if column == PARTICIPANTS:
            return format_number(w.participants)
        return ""

    @staticmethod
    def _long_dates(w: WorkshopView) -> str:
        return _("{start} to {end}").format(
            start=format_date(w.start, fmt="full"), end=format_date(w.end, fmt="full")
        )


class WorkshopFilterProxy(QSortFilterProxyModel):
    """Shows the workshops of one status (or all) and sorts by raw values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = ""
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._status = status
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._status:
            return True
        model = self.sourceModel()
        assert isinstance(model, WorkshopTableModel)
        return model.workshop_at(source_row).status == self._status
