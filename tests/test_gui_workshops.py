"""The Workshops screen and the new-workshop wizard, driven by clicks and keys; checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWizard

from ccema_desktop.errors import ValidationError
from ccema_desktop.gui.screens.workshops import WorkshopsScreen
from ccema_desktop.gui.workshop_wizard import PAGE_AGENDA, PAGE_BASICS, PAGE_DATES, WorkshopWizard
from ccema_desktop.gui.workshops_model import COUNTRIES, STATUS, TITLE
from ccema_desktop.i18n import set_language
from ccema_desktop.services import demo
from ccema_desktop.services import workshops as ws


def _screen(qtbot, gui_services) -> WorkshopsScreen:  # type: ignore[no-untyped-def]
    screen = WorkshopsScreen(gui_services)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()  # shortcuts and focus need the active window
    qtbot.waitUntil(screen.isActiveWindow)
    return screen


def _make(db, title: str, country: str, start: dt.date, status: str = "planned") -> ws.WorkshopView:  # type: ignore[no-untyped-def]
    view = ws.create_workshop(
        db,
        ws.WorkshopInput(
            title=title, countries=[country], start=start, end=start + dt.timedelta(days=1), language="en"
        ),
    )
    if status != "planned":
        ws.set_status(db, view.id, status)
    return view


def _visible_titles(screen: WorkshopsScreen) -> list[str]:
    proxy = screen.ui.table.model()
    return [proxy.index(row, TITLE).data() for row in range(proxy.rowCount())]


def _row_of(screen: WorkshopsScreen, title: str) -> int:
    return next(i for i, t in enumerate(_visible_titles(screen)) if title in t)


def _next(qtbot, wizard: WorkshopWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _answer_message_box(button_text: str, seen: list[str]) -> None:
    """When the next message box opens, note its text and press the button with this text."""

    tries = iter(range(250))

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:  # give up after about 5 s rather than loop forever
                QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        for button in box.findChildren(QPushButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        box.reject()

    QTimer.singleShot(0, answer)


# --- the wizard -------------------------------------------------------------------------------------------------
def test_wizard_creates_a_workshop_with_the_previewed_agenda(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    db = gui_services.db
    screen = _screen(qtbot, gui_services)
    assert screen.ui.emptyLabel.isVisible() and not screen.ui.table.isVisible()
    qtbot.mouseClick(screen.ui.newButton, Qt.MouseButton.LeftButton)
    wizard = screen.findChild(WorkshopWizard)
    assert isinstance(wizard, WorkshopWizard) and wizard.isVisible()
    ui = wizard.ui

    # Page 1: non-ASCII text is set directly (keyClicks would abort on it); countries by search + keys.
    ui.titleEdit.setText("Taller nacional MECC — Bogotá")
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("regional"))
    qtbot.keyClicks(ui.countrySearch, "colomb")
    qtbot.keyClick(ui.countrySearch, Qt.Key.Key_Return)  # one match left: Enter ticks it
    assert wizard.currentId() == PAGE_BASICS  # Enter ticked the country; it did not leave the page
    qtbot.keyClicks(ui.countrySearch, "ecua")
    ui.countryList.setFocus()
    qtbot.keyClick(ui.countryList, Qt.Key.Key_Space)  # ticks the highlighted match
    assert "Colombia, Ecuador" in ui.countriesChosen.text()
    ui.venueEdit.setText("Bogotá, Hotel Tequendama")
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_DATES

    # Page 2: dates, Spanish, a shorter day and a 75 % threshold.
    ui.startDate.setDate(QDate(2026, 3, 2))
    ui.endDate.setDate(QDate(2026, 3, 3))
    assert "2 days" in ui.datesSummary.text()
    ui.languageCombo.setCurrentIndex(ui.languageCombo.findData("es"))
    ui.dayEnd.setTime(QTime(16, 30))
    ui.thresholdSpin.selectAll()
    qtbot.keyClicks(ui.thresholdSpin, "75")
    _next(qtbot, wizard)

    # Page 3: partners, funding, facilitators (one per line).
    qtbot.keyClicks(ui.partnersEdit, "IOM; Ministry of Environment")
    qtbot.keyClicks(ui.fundingEdit, "IDF")
    ui.facilitatorsEdit.setPlainText("Ana Pérez\n\n  Jean Dupont  \n")
    _next(qtbot, wizard)

    # Page 4: modules listed in the workshop's language; tick 1 and 2 with the keyboard.
    assert ui.moduleList.count() == 7
    assert ui.moduleList.item(0).text().startswith("Module 1: El nexo")
    ui.moduleList.setFocus()
    ui.moduleList.setCurrentRow(0)
    qtbot.keyClick(ui.moduleList, Qt.Key.Key_Space)
    qtbot.keyClick(ui.moduleList, Qt.Key.Key_Down)
    qtbot.keyClick(ui.moduleList, Qt.Key.Key_Space)
    assert "2 modules" in ui.modulesSummary.text()
    _next(qtbot, wizard)

    # Page 5: the proposed agenda, in Spanish, before anything is saved.
    assert wizard.currentId() == PAGE_AGENDA
    table = ui.agendaTable
    titles = [table.item(row, 3).text() for row in range(table.rowCount())]
    assert table.rowCount() > 5 and "Almuerzo" in titles
    assert table.item(0, 0).text().startswith("Day 1")
    assert table.item(0, 1).text() == "09:00"
    assert any(t.startswith("1.1 ") for t in titles)
    assert ws.list_workshops(db) == []

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    (saved,) = ws.list_workshops(db)
    assert saved.title == "Taller nacional MECC — Bogotá"
    assert saved.kind == "regional" and saved.countries == ["CO", "EC"]
    assert saved.venue == "Bogotá, Hotel Tequendama"
    assert (saved.start, saved.end) == (dt.date(2026, 3, 2), dt.date(2026, 3, 3))
    assert saved.language == "es" and saved.modules == [1, 2]
    assert saved.day_end == dt.time(16, 30) and saved.attendance_threshold == 75
    assert saved.partners == "IOM; Ministry of Environment" and saved.funding == "IDF"
    assert saved.facilitators == ["Ana Pérez", "Jean Dupont"]
    assert [s.title for s in saved.sessions] == titles
    assert saved.code.startswith("CO-2026-")
    assert gui_services.workshop_id == saved.id
    assert _visible_titles(screen) == ["Taller nacional MECC — Bogotá"]
    assert screen.selected_id() == saved.id and screen.ui.table.isVisible()


def test_invalid_input_is_shown_next_to_the_field_and_nothing_is_saved(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    wizard = screen.start_wizard()
    ui = wizard.ui
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_BASICS
    assert ui.titleError.isVisible() and ui.titleError.text() == "A workshop needs a title."
    assert ui.countriesError.isVisible() and "country" in ui.countriesError.text()

    qtbot.keyClicks(ui.titleEdit, "MECC training")
    assert not ui.titleError.isVisible()
    wizard.set_countries(["KZ"])
    assert not ui.countriesError.isVisible()
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_DATES

    ui.startDate.setDate(QDate(2026, 6, 10))
    ui.endDate.setDate(QDate(2026, 6, 8))
    ui.dayStart.setTime(QTime(14, 0))
    ui.dayEnd.setTime(QTime(9, 0))
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_DATES
    assert ui.datesError.isVisible() and "before the first day" in ui.datesError.text()
    assert ui.hoursError.isVisible() and ui.hoursError.text() == "The working day must end after it starts."

    ui.endDate.setDate(QDate(2026, 6, 30))
    ui.dayEnd.setTime(QTime(17, 0))
    assert not ui.datesError.isVisible() and not ui.hoursError.isVisible()
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_DATES and "at most 10 days" in ui.datesError.text()

    ui.endDate.setDate(QDate(2026, 6, 11))
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_AGENDA and ui.agendaTable.rowCount() > 0
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    assert ws.list_workshops(gui_services.db) == []
    assert gui_services.workshop_id is None


def test_service_errors_are_shown_and_block_finish(qtbot, gui_services, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    wizard = screen.start_wizard()
    wizard.ui.titleEdit.setText("Семинар MECC")
    wizard.set_countries(["KG"])
    for _page in range(4):
        _next(qtbot, wizard)
    assert wizard.currentId() == PAGE_AGENDA

    def refuse(_db: object, _data: object) -> None:
        raise ValidationError("The database refused it: try again.")

    monkeypatch.setattr(ws, "create_workshop", refuse)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible()
    assert wizard.ui.saveError.isVisible()
    assert wizard.ui.saveError.text() == "The database refused it: try again."
    monkeypatch.undo()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert [w.title for w in ws.list_workshops(gui_services.db)] == ["Семинар MECC"]


def test_preview_lists_exercises_that_do_not_fit(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    wizard = screen.start_wizard()
    wizard.ui.titleEdit.setText("One-day briefing")
    wizard.set_countries(["TZ"])
    _next(qtbot, wizard)
    wizard.ui.languageCombo.setCurrentIndex(wizard.ui.languageCombo.findData("en"))
    wizard.ui.endDate.setDate(wizard.ui.startDate.date())
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    qtbot.mouseClick(wizard.ui.allModulesButton, Qt.MouseButton.LeftButton)
    _next(qtbot, wizard)
    warning = wizard.ui.unscheduledLabel
    assert warning.isVisible() and "do not fit" in warning.text() and "more." in warning.text()
    expected = ws.preview_agenda(gui_services.db, wizard.workshop_input())
    assert wizard.ui.agendaTable.rowCount() == len(expected.sessions) and expected.unscheduled
    assert ws.list_workshops(gui_services.db) == []


def test_preview_is_what_create_saves(gui_services) -> None:  # type: ignore[no-untyped-def]
    data = ws.WorkshopInput(
        title="Atelier", countries=[" sn "], start=dt.date(2026, 2, 2), end=dt.date(2026, 2, 3), language="fr",
        modules=[2, 1, 2],
    )  # fmt: skip
    preview = ws.preview_agenda(gui_services.db, data)
    assert data.countries == [" sn "] and data.modules == [2, 1, 2]  # the caller's input is left alone
    assert ws.list_workshops(gui_services.db) == []
    saved = ws.create_workshop(gui_services.db, data)
    assert [(s.date, s.start, s.end, s.title, s.kind, s.module) for s in preview.sessions] == [
        (s.date, s.start, s.end, s.title, s.kind, s.module) for s in saved.sessions
    ]
    assert preview.unscheduled == saved.unscheduled
    with pytest.raises(ValidationError, match="title"):
        ws.preview_agenda(gui_services.db, ws.WorkshopInput("", ["SN"], data.start, data.end, "fr"))


# --- the list ---------------------------------------------------------------------------------------------------
def test_search_and_status_filter(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    db = gui_services.db
    _make(db, "Kazakhstan national training", "KZ", dt.date(2026, 4, 1), "running")
    _make(db, "Taller Colombia", "CO", dt.date(2026, 5, 1))
    _make(db, "Atelier Sénégal", "SN", dt.date(2025, 11, 3), "closed")
    screen = _screen(qtbot, gui_services)
    assert len(_visible_titles(screen)) == 3

    screen.ui.table.setFocus()
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.ui.searchEdit.hasFocus()
    qtbot.keyClicks(screen.ui.searchEdit, "senegal")  # matches the country name, not the accented title
    qtbot.waitUntil(lambda: _visible_titles(screen) == ["Atelier Sénégal"])
    screen.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: len(_visible_titles(screen)) == 3)
    qtbot.keyClicks(screen.ui.searchEdit, "zzz")
    qtbot.waitUntil(lambda: _visible_titles(screen) == [])
    assert screen.ui.emptyLabel.isVisible() and screen.ui.table.isVisible()
    screen.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: len(_visible_titles(screen)) == 3)

    screen.ui.statusFilter.setFocus()
    screen.ui.statusFilter.setCurrentIndex(screen.ui.statusFilter.findData("closed"))
    assert _visible_titles(screen) == ["Atelier Sénégal"]
    screen.ui.statusFilter.setCurrentIndex(screen.ui.statusFilter.findData("running"))
    assert _visible_titles(screen) == ["Kazakhstan national training"]
    screen.ui.statusFilter.setCurrentIndex(0)
    assert len(_visible_titles(screen)) == 3


def test_open_by_double_click_enter_and_button(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    db = gui_services.db
    first = _make(db, "First", "KZ", dt.date(2026, 4, 1))
    second = _make(db, "Second", "KG", dt.date(2026, 3, 1))
    screen = _screen(qtbot, gui_services)
    table = screen.ui.table
    rect = table.visualRect(table.model().index(_row_of(screen, "Second"), TITLE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert gui_services.workshop_id == second.id
    assert "You are working on this workshop." in screen.ui.detailsLabel.text()

    table.setFocus()
    table.selectRow(_row_of(screen, "First"))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert gui_services.workshop_id == first.id

    table.selectRow(_row_of(screen, "Second"))
    qtbot.mouseClick(screen.ui.openButton, Qt.MouseButton.LeftButton)
    assert gui_services.workshop_id == second.id
    font = table.model().index(_row_of(screen, "Second"), TITLE).data(Qt.ItemDataRole.FontRole)
    assert font is not None and font.bold()


def test_status_change_persists(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    view = _make(gui_services.db, "Status test", "UZ", dt.date(2026, 4, 1))
    screen = _screen(qtbot, gui_services)
    seen: list[str] = []
    gui_services.data_changed.connect(seen.append)
    assert screen.ui.statusCombo.currentData() == "planned"
    screen.ui.statusCombo.setFocus()
    qtbot.keyClick(screen.ui.statusCombo, Qt.Key.Key_Down)
    assert ws.get_workshop(gui_services.db, view.id).status == "running"
    assert seen == ["workshops"]
    proxy = screen.ui.table.model()
    assert proxy.index(0, STATUS).data() == "Running"
    assert screen.selected_id() == view.id
    screen.set_selected_status("closed")
    assert ws.get_workshop(gui_services.db, view.id).status == "closed"
    assert screen.ui.statusCombo.currentData() == "closed"


def test_delete_asks_first_and_removes(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    db = gui_services.db
    keep = _make(db, "Keep me", "KZ", dt.date(2026, 4, 1))
    doomed = _make(db, "Delete me", "TJ", dt.date(2026, 5, 1))
    gui_services.set_workshop(doomed.id)
    screen = _screen(qtbot, gui_services)
    screen.ui.table.selectRow(_row_of(screen, "Delete me"))

    seen: list[str] = []
    _answer_message_box("Cancel", seen)
    qtbot.mouseClick(screen.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert (
        "Delete me" in seen[0] and doomed.code in seen[0] and "agenda" in seen[0] and "attendance" in seen[0]
    )
    assert len(ws.list_workshops(db)) == 2

    _answer_message_box("Delete workshop", seen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.ui.table.setFocus()
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_Delete)  # Del on the list asks too
    assert len(seen) == 2
    assert [w.id for w in ws.list_workshops(db)] == [keep.id]
    assert gui_services.workshop_id is None
    assert _visible_titles(screen) == ["Keep me"]


def test_demo_workshop_is_marked_and_removed_whole(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    db = gui_services.db
    demo_id = demo.ensure_demo_workshop(db)
    _make(db, "Real workshop", "KZ", dt.date(2020, 4, 1))
    screen = _screen(qtbot, gui_services)
    proxy = screen.ui.table.model()
    demo_row = next(r for r in range(proxy.rowCount()) if "[Demo]" in proxy.index(r, TITLE).data())
    real_row = _row_of(screen, "Real workshop")
    assert "[Demo]" not in proxy.index(real_row, TITLE).data()
    assert isinstance(proxy.index(demo_row, COUNTRIES).data(Qt.ItemDataRole.BackgroundRole), QBrush)
    assert proxy.index(real_row, TITLE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Kazakhstan" in proxy.index(demo_row, COUNTRIES).data()
    screen.ui.table.selectRow(demo_row)
    assert "demo workshop" in screen.ui.detailsLabel.text()
    assert proxy.index(demo_row, 5).data() == "25"

    seen: list[str] = []
    _answer_message_box("Delete workshop", seen)
    qtbot.mouseClick(screen.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert "sample participants" in seen[0]
    assert [w.title for w in ws.list_workshops(db)] == ["Real workshop"]
    with pytest.raises(Exception, match="No workshop"):
        ws.get_workshop(db, demo_id)


def test_language_switch_relabels_the_list_and_the_wizard(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    _make(gui_services.db, "Kazakhstan national training", "KZ", dt.date(2026, 4, 1))
    screen = _screen(qtbot, gui_services)
    wizard = screen.start_wizard()
    wizard.set_countries(["KZ"])
    _next(qtbot, wizard)  # no title: the message is shown, then follows the language
    try:
        set_language("ru")
        screen.retranslate()
        wizard.retranslate()
        proxy = screen.ui.table.model()
        assert proxy.index(0, STATUS).data() == "Запланирован"
        assert proxy.index(0, COUNTRIES).data() == "Казахстан"
        assert "Запланирован" in [screen.ui.statusFilter.itemText(i) for i in range(4)]
        assert wizard.ui.kindCombo.itemText(0) == "Национальный"
        assert "Казахстан" in wizard.ui.countriesChosen.text()
        assert wizard.ui.titleError.isVisible() and wizard.ui.titleError.text()
    finally:
        set_language("en")
        screen.retranslate()


def test_file_new_workshop_opens_the_wizard_in_the_main_window(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    from ccema_desktop.gui.main_window import MainWindow

    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    window.show()
    window.ui.actionNewWorkshop.trigger()
    wizard = window.findChild(WorkshopWizard)
    assert isinstance(wizard, WorkshopWizard) and wizard.isVisible()
    wizard.ui.titleEdit.setText("Atelier régional")
    wizard.set_countries(["SN", "ML"])
    for _page in range(4):
        _next(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    (saved,) = ws.list_workshops(gui_services.db)
    assert saved.countries == ["SN", "ML"] and saved.code.startswith("SN-")
    assert window.ui.workshopCombo.currentData() == saved.id
    assert window.ui.stack.currentWidget() is window.screen_for("workshops")
