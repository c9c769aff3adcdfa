"""The participants screen driven like a facilitator would: import with a preview, edit in place, filter,
add, remove and undo. Every check that matters is made on the database through the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit

from ccema_desktop.gui.participants_model import COLUMNS
from ccema_desktop.gui.screens import participants as screen_module
from ccema_desktop.gui.screens.participants import ParticipantsScreen
from ccema_desktop.i18n import set_language
from ccema_desktop.services import attendance
from ccema_desktop.services import participants as svc
from ccema_desktop.services import workshops as ws
from tests.conftest import write_csv
from tests.rosters import GOOD, HEADER, scenario_rows

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def make_workshop(services: Any) -> str:
    workshop = ws.create_workshop(
        services.db,
        ws.WorkshopInput(
            title="Regional workshop on migration and climate",
            countries=["KZ", "KG"],
            start=dt.date(2026, 4, 6),
            end=dt.date(2026, 4, 8),
            language="en",
            modules=[1, 2],
        ),
    )
    services.set_workshop(workshop.id)
    return workshop.id


@pytest.fixture
def screen(qtbot: Any, gui_services: Any) -> ParticipantsScreen:
    make_workshop(gui_services)
    widget = ParticipantsScreen(gui_services)
    qtbot.addWidget(widget)
    widget.resize(1166, 680)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def people(services: Any) -> list[svc.ParticipantView]:
    return svc.list_participants(services.db, services.workshop_id)


def load_good(screen: ParticipantsScreen, tmp_path: Path, rows: list[list[str]] = GOOD) -> None:
    svc.import_roster(
        screen.services.db, screen.services.workshop_id, write_csv(tmp_path / "g.csv", HEADER, rows)
    )
    screen.services.notify("participants")


def cell(screen: ParticipantsScreen, email: str, field: str) -> QModelIndex:
    row = next(r for r in range(screen.model.rowCount()) if screen.model.participant(r).email == email)
    return screen.proxy.mapFromSource(screen.model.index(row, COLUMNS.index(field)))


def open_editor(qtbot: Any, screen: ParticipantsScreen, index: QModelIndex) -> Any:
    table = screen.ui.table
    table.scrollTo(index)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), LEFT, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    return editor


def commit(qtbot: Any, editor: Any) -> None:
    """Enter in an editor: the delegate commits on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


# --- import ----------------------------------------------------------------------------------------------------


def test_import_through_the_preview(
    qtbot: Any, screen: ParticipantsScreen, tmp_path: Path, monkeypatch: Any
) -> None:
    services = screen.services
    roster = write_csv(tmp_path / "roster.csv", HEADER, scenario_rows())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(roster), ""))
    assert screen.ui.emptyLabel.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_I, CTRL)
    dialog = screen.import_dialog
    assert dialog is not None and dialog.isVisible()

    # The preview lists every row with its action and reason, and nothing is written yet.
    model = dialog.rows_model
    assert model.rowCount() == 25
    actions = [model.row_action(r).action for r in range(25)]
    assert (actions.count("add"), actions.count("update"), actions.count("reject")) == (20, 1, 4)
    rejected = {model.row_action(r).row: model.row_action(r) for r in range(25) if actions[r] == "reject"}
    assert sorted(rejected) == [12, 18, 20, 26]
    assert "full name is empty" in rejected[12].reason
    assert "astrology" in rejected[18].reason and rejected[18].full_name == "Unknown Sector Person"
    assert "not-an-email" in rejected[20].reason
    assert "Atlantis" in rejected[26].reason
    update_row = actions.index("update")
    assert model.index(update_row, 2).data() == "Update"  # a word, not only a colour
    assert "row 2" in model.index(update_row, 3).data()
    assert "20 to add, 1 to update, 4 rejected" in dialog.ui.summaryLabel.text()
    assert people(services) == []

    # Strict mode blocks the import while rows are rejected.
    dialog.ui.strictCheck.setChecked(True)
    assert not dialog.ui.importButton.isEnabled() and dialog.ui.strictNote.isVisible()
    dialog.ui.strictCheck.setChecked(False)
    dialog.ui.rejectedOnlyCheck.setChecked(True)
    assert dialog.proxy.rowCount() == 4
    dialog.ui.rejectedOnlyCheck.setChecked(False)

    assert dialog.ui.importButton.text() == "Import 21 rows"
    qtbot.mouseClick(dialog.ui.importButton, LEFT)
    stored = people(services)
    assert len(stored) == 20
    aigerim = next(p for p in stored if p.email == "a.bekova@ecology.gov.kz")
    assert aigerim.position == "Head of Department"  # the duplicate row updated the first one
    assert "Imported: 20 added, 1 updated" in dialog.ui.summaryLabel.text()
    assert dialog.ui.cancelButton.text() == "Close" and not dialog.ui.importButton.isVisible()
    qtbot.mouseClick(dialog.ui.cancelButton, LEFT)
    assert not dialog.isVisible()
    assert screen.model.rowCount() == 20
    assert screen.ui.countLabel.text() == "20 participants"
    assert "20 added, 1 updated" in screen.message_text()


def test_cancel_writes_nothing(qtbot: Any, screen: ParticipantsScreen, tmp_path: Path) -> None:
    dialog = screen.open_import(write_csv(tmp_path / "roster.csv", HEADER, scenario_rows()))
    assert dialog is not None and dialog.ui.importButton.isEnabled()
    qtbot.mouseClick(dialog.ui.cancelButton, LEFT)
    assert not dialog.isVisible()
    assert people(screen.services) == []
    assert screen.model.rowCount() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.xlsx", b"PK\x03\x04 this is not really a workbook", "XLSX"),
        (
            "notes.csv",
            b"title,date\nSome meeting,2026-04-06\n",
            "does not look like a participant roster",
        ),
    ],
)
def test_a_bad_file_shows_the_reason_and_writes_nothing(
    qtbot: Any, screen: ParticipantsScreen, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    dialog = screen.open_import(path)
    assert dialog is not None
    assert dialog.ui.errorLabel.isVisible() and message in dialog.ui.errorLabel.text()
    assert not dialog.ui.importButton.isVisible() and dialog.ui.cancelButton.text() == "Close"
    assert people(screen.services) == []


# --- editing in place ------------------------------------------------------------------------------------------


def test_edit_cells_in_place(qtbot: Any, screen: ParticipantsScreen, tmp_path: Path) -> None:
    load_good(screen, tmp_path)
    services = screen.services
    email = "b.seitkali@moa.gov.kz"

    editor = open_editor(qtbot, screen, cell(screen, email, "position"))
    assert isinstance(editor, QLineEdit) and editor.text() == "Analyst"
    editor.setText("Senior analyst")
    commit(qtbot, editor)
    assert next(p for p in people(services) if p.email == email).position == "Senior analyst"
    assert cell(screen, email, "position").data() == "Senior analyst"

    # An invalid e-mail is refused with a message under the table; the cell and the database keep the old value.
    editor = open_editor(qtbot, screen, cell(screen, email, "email"))
    editor.setText("not-an-email")
    commit(qtbot, editor)
    assert "not a valid e-mail address" in screen.message_text()
    assert screen.ui.messageFrame.isVisible()
    assert any(p.email == email for p in people(services))
    assert cell(screen, email, "email").data() == email

    # Combos: the sector by its label, the country typed as a name in another language.
    editor = open_editor(qtbot, screen, cell(screen, email, "sector"))
    assert isinstance(editor, QComboBox) and editor.currentData() == "agriculture"
    choice = editor.findData("land_management_planning")
    editor.setCurrentIndex(choice)
    editor.activated.emit(choice)
    editor = open_editor(qtbot, screen, cell(screen, email, "country"))
    assert isinstance(editor, QComboBox) and editor.currentData() == "KZ"
    editor.setEditText("Kirguistán")
    commit(qtbot, editor)
    person = next(p for p in people(services) if p.email == email)
    assert (person.sector, person.country) == ("land_management_planning", "KG")
    assert cell(screen, email, "country").data() == "Kyrgyzstan"
    assert "Saved" in screen.message_text()

    # The name may not be emptied.
    editor = open_editor(qtbot, screen, cell(screen, email, "full_name"))
    editor.setText("  ")
    commit(qtbot, editor)
    assert "full name is empty" in screen.message_text()
    assert next(p for p in people(services) if p.email == email).full_name == "Bakhyt Seitkali"


def test_filter_any_column_ignoring_accents(qtbot: Any, screen: ParticipantsScreen, tmp_path: Path) -> None:
    load_good(screen, tmp_path)
    qtbot.keyClick(screen, Qt.Key.Key_F, CTRL)
    assert screen.ui.filterEdit.hasFocus()
    qtbot.keyClicks(screen.ui.filterEdit, "ministry of ecology")
    names = {screen.proxy.index(r, 0).data() for r in range(screen.proxy.rowCount())}
    assert names == {"Aigerim Nurlanovna Bekova", "Zarina Tokhtarova"}
    assert screen.ui.countLabel.text() == "2 of 20 participants"
    screen.ui.filterEdit.clear()
    qtbot.keyClicks(screen.ui.filterEdit, "jose colombia")  # José … Colombia, typed without accents
    assert screen.proxy.rowCount() == 1 and screen.proxy.index(0, 0).data() == "José Ramírez Peña"
    screen.ui.filterEdit.clear()
    qtbot.keyClicks(screen.ui.filterEdit, "senegal")  # country shown as a name; 'SN' too
    assert screen.proxy.rowCount() == 3
    screen.ui.filterEdit.clear()
    assert screen.proxy.rowCount() == 20 and screen.ui.countLabel.text() == "20 participants"


def test_sorting_by_a_column(qtbot: Any, screen: ParticipantsScreen, tmp_path: Path) -> None:
    load_good(screen, tmp_path)
    header = screen.ui.table.horizontalHeader()
    country = COLUMNS.index("country")
    qtbot.mouseClick(
        header.viewport(), LEFT, pos=header.viewport().rect().topLeft() + _section_point(header, country)
    )
    shown = [screen.proxy.index(r, country).data() for r in range(screen.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold) or shown == sorted(shown, key=str.casefold, reverse=True)


def _section_point(header: Any, section: int) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(
        header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2
    )


# --- add, remove, undo -----------------------------------------------------------------------------------------


def test_add_participant_dialog(qtbot: Any, screen: ParticipantsScreen, tmp_path: Path) -> None:
    services = screen.services
    qtbot.mouseClick(screen.ui.addButton, LEFT)
    dialog = screen.add_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.fullNameEdit.setText("Гульнара Токтогулова")
    dialog.ui.sexCombo.setCurrentIndex(dialog.ui.sexCombo.findData("female"))
    dialog.ui.sectorCombo.setCurrentIndex(dialog.ui.sectorCombo.findData("environment"))
    dialog.ui.countryCombo.setCurrentIndex(dialog.ui.countryCombo.findData("KG"))
    dialog.ui.emailEdit.setText("gulnara@example")
    qtbot.mouseClick(dialog.ui.addButton, LEFT)
    assert dialog.isVisible() and dialog.ui.emailError.isVisible()
    assert "not a valid e-mail address" in dialog.ui.emailError.text()
    assert people(services) == []
    dialog.ui.emailEdit.setText("gulnara@eco.gov.kg")
    qtbot.mouseClick(dialog.ui.addButton, LEFT)
    assert not dialog.isVisible()
    (person,) = people(services)
    assert (person.full_name, person.sex, person.sector, person.country, person.email) == (
        "Гульнара Токтогулова",
        "female",
        "environment",
        "KG",
        "gulnara@eco.gov.kg",
    )
    assert screen.model.rowCount() == 1 and screen.selected_id() == person.id
    assert "Added" in screen.message_text()

    # The same e-mail again is the same person: refused in the same workshop, nothing duplicated.
    qtbot.keyClick(screen, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    again = screen.add_dialog
    assert again is not None and again is not dialog and again.isVisible()
    again.ui.fullNameEdit.setText("G. Toktogulova")
    again.ui.emailEdit.setText("GULNARA@eco.gov.kg")
    qtbot.mouseClick(again.ui.addButton, LEFT)
    assert again.isVisible() and "already a participant" in again.ui.emailError.text().lower()
    qtbot.mouseClick(again.ui.cancelButton, LEFT)
    assert len(people(services)) == 1


def test_remove_then_undo(qtbot: Any, screen: ParticipantsScreen, tmp_path: Path, monkeypatch: Any) -> None:
    load_good(screen, tmp_path)
    services = screen.services
    email = "d.ivanov@mid.ru"
    ivanov = next(p for p in people(services) if p.email == email)
    session = ws.get_workshop(services.db, services.workshop_id).sessions[0]
    attendance.mark(services.db, services.workshop_id, session.id, "present", [ivanov.id])
    asked: list[str] = []

    def fake_confirm(_parent: object, text: str, action: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(screen_module, "confirm", fake_confirm)
    assert not screen.ui.removeButton.isEnabled()
    screen.ui.table.setFocus()
    screen.select(ivanov.id)
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_Delete)
    assert asked and "Дмитрий Иванов" in asked[0]
    assert all(p.id != ivanov.id for p in people(services))
    assert attendance.summary(services.db, services.workshop_id)  # others keep their rows
    assert all(s.participant_id != ivanov.id for s in attendance.summary(services.db, services.workshop_id))
    assert screen.model.rowCount() == 19 and screen.ui.undoButton.isVisible()
    assert "Removed Дмитрий Иванов" in screen.message_text()

    qtbot.keyClick(screen, Qt.Key.Key_Z, CTRL)
    assert any(p.id == ivanov.id for p in people(services))
    mine = next(
        s for s in attendance.summary(services.db, services.workshop_id) if s.participant_id == ivanov.id
    )
    assert mine.counts["present"] == 1
    assert screen.model.rowCount() == 20 and screen.selected_id() == ivanov.id
    assert not screen.ui.undoButton.isVisible() and not screen.ui.actionUndo.isEnabled()

    # Declining the confirmation removes nothing.
    monkeypatch.setattr(screen_module, "confirm", lambda *_a: False)
    qtbot.mouseClick(screen.ui.removeButton, LEFT)
    assert len(people(services)) == 20


def test_labels_follow_the_language(qtbot: Any, screen: ParticipantsScreen, tmp_path: Path) -> None:
    load_good(screen, tmp_path, GOOD[:1])
    sector = screen.proxy.index(0, COLUMNS.index("sector"))
    country = screen.proxy.index(0, COLUMNS.index("country"))
    assert (sector.data(), country.data()) == ("Environment", "Kazakhstan")
    set_language("ru")
    try:
        QApplication.sendEvent(screen, QEvent(QEvent.Type.LanguageChange))
        assert (sector.data(), country.data()) == ("Окружающая среда", "Казахстан")
        qtbot.keyClicks(screen.ui.filterEdit, "kz")  # the country code matches too
        assert screen.proxy.rowCount() == 1
        screen.ui.filterEdit.setText("Казахстан")
        assert screen.proxy.rowCount() == 1
    finally:
        set_language("en")


def test_busy_while_reading_off_the_ui_thread(qtbot: Any, gui_services: Any, tmp_path: Path) -> None:
    """With the real thread pool: a busy bar and no Import button until the preview arrives."""
    from ccema_desktop.gui.roster_import_dialog import RosterImportDialog
    from ccema_desktop.gui.tasks import TaskRunner

    workshop = make_workshop(gui_services)
    gui_services.runner = TaskRunner()
    roster = write_csv(tmp_path / "big.csv", HEADER, [*GOOD] * 200)
    dialog = RosterImportDialog(gui_services, workshop, roster)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    assert dialog.ui.busyBox.isVisible() and not dialog.ui.importButton.isEnabled()
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=20000)
    assert not dialog.ui.busyBox.isVisible()
    assert dialog.ui.importButton.text() == "Import 4000 rows"
    qtbot.mouseClick(dialog.ui.importButton, LEFT)
    assert dialog.state == "importing" and not dialog.ui.cancelButton.isEnabled()
    dialog.reject()  # ignored while the import is being written
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.state == "done", timeout=20000)
    assert len(people(gui_services)) == len(GOOD)
    gui_services.runner.wait()
