"""Table models for participants: the workshop's people (editable) and a roster import's per-row preview.

Both are thin adapters over plain dataclasses from `services.participants`. The participants model never
writes: an edit is turned into `edit_requested(participant_id, field, value)` for the screen to save through
the service; the cell shows the saved value only once the service accepted it.
"""

from __future__ import annotations

from functools import cache

from babel import Locale
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ccema_desktop.domain.countries import country_name, is_country_code
from ccema_desktop.domain.vocab import SECTORS, SEXES, fold, label
from ccema_desktop.i18n import _, current_language
from ccema_desktop.services.participants import ParticipantView, RowAction

Index = QModelIndex | QPersistentModelIndex

#: Columns of the participants table, in order; each is a field of ParticipantView.
COLUMNS = ("full_name", "sex", "organization", "sector", "position", "country", "email", "phone")

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


def column_title(field: str) -> str:
    titles = {
        "full_name": _("Full name"),
        "sex": _("Sex"),
        "organization": _("Organisation"),
        "sector": _("Sector"),
        "position": _("Position"),
        "country": _("Country"),
        "email": _("E-mail"),
        "phone": _("Phone"),
    }
    return titles[field]


# --- choices for combo boxes (labels in the UI language, keys as stored) --------------------------------------


def sex_choices() -> list[tuple[str, str]]:
    """(label, key) pairs, starting with 'not recorded'."""
    return [(_("Not recorded"), ""), *[(label(SEXES, key), key) for key in SEXES]]


def sector_choices() -> list[tuple[str, str]]:
    return [(label(SECTORS, key), key) for key in SECTORS]


@cache
def _country_codes() -> tuple[str, ...]:
    codes = {str(code) for code in Locale.parse("en").territories if len(str(code)) == 2}
    return tuple(sorted(code for code in codes if code.isalpha() and is_country_code(code)))


def country_choices(lang: str | None = None) -> list[tuple[str, str]]:
    """Every country by name in the UI language, sorted by that name; first 'not recorded'."""
    lang = lang or current_language()
    pairs = sorted(((country_name(code, lang), code) for code in _country_codes()), key=lambda p: fold(p[0]))
    return [(_("Not recorded"), ""), *pairs]


def display_value(person: ParticipantView, field: str) -> str:
    """What a cell shows: vocabulary labels and country names in the UI language."""
    value = getattr(person, field)
    if field == "sex":
        return label(SEXES, value) if value else ""
    if field == "sector":
        return label(SECTORS, value) if value else ""
    if field == "country":
        return country_name(value) if value else ""
    return str(value or "")


def edit_value(person: ParticipantView, field: str) -> str:
    """What an editor starts from: the stored key or text."""
    return str(getattr(person, field) or "")


class ParticipantsModel(QAbstractTableModel):
    """The enrolled people of one workshop; edits become `edit_requested` for the screen to save."""

    edit_requested = Signal(str, str, str)  # participant id, field, new value (raw text or key)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._people: list[ParticipantView] = []
        self._search: list[str] = []

    # --- content ----------------------------------------------------------------------------------------------
    def set_participants(self, people: list[ParticipantView]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self._search = [self._search_text(p) for p in self._people]
        self.endResetModel()

    def participant(self, row: int) -> ParticipantView:
        return self._people[row]

    def row_of(self, participant_id: str) -> int:
        for row, person in enumerate(self._people):
            if person.id == participant_id:
                return row
        return -1

    def replace(self, person: ParticipantView) -> None:
        """Show a saved change of one person."""
        row = self.row_of(person.id)
        if row < 0:
            return
        self._people[row] = person
        self._search[row] = self._search_text(person)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove(self, participant_id: str) -> None:
        row = self.row_of(participant_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._people[row]
        del self._search[row]
        self.endRemoveRows()

    def relabel(self) -> None:
        """After a language switch: headers, vocabulary labels and country names change."""
        self._search = [self._search_text(p) for p in self._people]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._people:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._people) - 1, len(COLUMNS) - 1))

    @staticmethod
    def _search_text(person: ParticipantView) -> str:
        parts = [display_value(person, f) for f in COLUMNS] + [person.country]
        return fold(" | ".join(parts))

    # --- Qt model interface -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return column_title(COLUMNS[section])
        elif orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        field = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display_value(person, field)
        if role == Qt.ItemDataRole.EditRole:
            return edit_value(person, field)
        if role == ID_ROLE:
            return person.id
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{column_title(field)}: {display_value(person, field)}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask for the change to be saved; the cell keeps its value until the service accepted it."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        person = self._people[index.row()]
        field = COLUMNS[index.column()]
        text = "" if value is None else str(value)
        if text.strip() != edit_value(person, field).strip():
            self.edit_requested.emit(person.id, field, text)
        return False


class ParticipantsFilter(QSortFilterProxyModel):
    """Sorts by what cells show (locale-aware) and keeps rows containing every word typed, in any column,
    ignoring case and accents ('jose peru' finds 'José Ramírez … Perú')."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortLocaleAware(True)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return bool(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = str(model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or "")
        return all(word in haystack for word in self._words)


# --- roster import preview -------------------------------------------------------------------------------------

PREVIEW_COLUMNS = ("row", "full_name", "action", "reason")

#: Background and text colours per action; the action is always also written out as a word.
_ACTION_COLOURS = {
    "add": ("#d8f0dc", "#14532d"),
    "update": ("#dbe9f8", "#1e3a5f"),
    "reject": ("#f9dcdc", "#7f1d1d"),
}


def action_label(action: str) -> str:
    labels = {"add": _("Add"), "update": _("Update"), "reject": _("Reject")}
    return labels.get(action, action)


class RowActionsModel(QAbstractTableModel):
    """One line per roster row: its number in the file, the name, what the import will do, and why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowAction] = []

    def set_rows(self, rows: list[RowAction]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_action(self, row: int) -> RowAction:
        return self._rows[row]

    def relabel(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PREVIEW_COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(PREVIEW_COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PREVIEW_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (_("Row"), _("Name"), _("Action"), _("Reason"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = PREVIEW_COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "row":
                return item.row if role == Qt.ItemDataRole.DisplayRole else None
            if column == "action":
                return action_label(item.action)
            return getattr(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item.action
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        colours = _ACTION_COLOURS.get(item.action)
        if colours and column == "action":
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(colours[0]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(colours[1]))
        if item.action == "reject" and column == "reason" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(_ACTION_COLOURS["reject"][1]))
        return None


class RejectedOnlyFilter(QSortFilterProxyModel):
    """Optionally keeps only rejected rows (a long roster with a few problems)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._only_rejected = False

    def set_only_rejected(self, value: bool) -> None:
        self.beginFilterChange()
        self._only_rejected = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._only_rejected:
            return True
        model = self.sourceModel()
        return bool(
            model.data(model.index(source_row, 0, source_parent), Qt.ItemDataRole.UserRole) == "reject"
        )
