"""Curriculum screen: browse in any content language, independent of the app's; add custom exercises."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QTreeWidgetItem

from ccema_desktop.gui.screens.curriculum import SCREEN, CurriculumScreen
from ccema_desktop.i18n import current_language
from ccema_desktop.services import curriculum
from ccema_desktop.settings import load_settings

CYRILLIC = re.compile("[А-Яа-яЁё]")


def _screen(qtbot, services) -> CurriculumScreen:  # type: ignore[no-untyped-def]
    screen = SCREEN(services)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    return screen


def _items(screen: CurriculumScreen) -> list[QTreeWidgetItem]:
    tree = screen.ui.tree
    found = []
    for i in range(tree.topLevelItemCount()):
        module = tree.topLevelItem(i)
        assert module is not None
        found.append(module)
        found.extend(module.child(j) for j in range(module.childCount()))
    return found


def _item(screen: CurriculumScreen, code: str) -> QTreeWidgetItem:
    return next(item for item in _items(screen) if item.text(0) == code)


def _choose_language(screen: CurriculumScreen, lang: str) -> None:
    combo = screen.ui.contentLanguageCombo
    combo.setCurrentIndex(combo.findData(lang))


def test_screen_registration() -> None:
    assert SCREEN.key == "curriculum"
    assert SCREEN.needs_workshop is False
    assert SCREEN.watches == ("curriculum",)


def test_browse_in_russian_while_the_app_stays_english(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    assert screen.content_language == "en"
    assert screen.ui.tree.topLevelItemCount() == 7
    english = curriculum.get_module(gui_services.db, 1, "en")
    assert _item(screen, "1").text(1) == english.title

    _choose_language(screen, "ru")

    russian = curriculum.list_modules(gui_services.db, "ru")
    assert current_language() == "en"
    assert screen.nav_title() == "Curriculum"
    assert screen.ui.addExerciseButton.text() == "&Add custom exercise…"
    assert _item(screen, "1").text(1) == russian[0].title
    assert CYRILLIC.search(_item(screen, "2.1").text(1))
    # every exercise of the seven modules is in the tree, with its duration
    codes = {item.text(0) for item in _items(screen)}
    assert {e.code for m in russian for e in m.exercises} <= codes

    screen.ui.tree.setCurrentItem(_item(screen, "1.1"))
    detail = screen.ui.detail.toPlainText()
    exercise = russian[0].exercises[0]
    assert CYRILLIC.search(detail)
    assert exercise.title in detail and exercise.steps[0][1] in detail
    assert exercise.materials[0] in detail and exercise.facilitator_notes[:40] in detail
    # the objective codes come with their texts; labels and headings follow the app's language
    code, objective = russian[0].objectives[0]
    assert code in exercise.objectives and objective in detail
    assert "Group work" in detail and "Materials" in detail and "Objectives it serves" in detail

    screen.ui.tree.setCurrentItem(_item(screen, "1"))
    detail = screen.ui.detail.toPlainText()
    assert russian[0].summary[:50] in detail
    assert russian[0].background[0][0] in detail

    # remembered for next time
    assert gui_services.settings.content_language == "ru"
    assert load_settings(gui_services.ctx.paths.settings_file).content_language == "ru"
    again = _screen(qtbot, gui_services)
    assert again.content_language == "ru"


def test_detail_escapes_html(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    curriculum.add_custom_exercise(
        gui_services.db, 2, "<b>Mapping</b> & sharing", 30, "discussion", "Use <script> & flipcharts"
    )
    screen = _screen(qtbot, gui_services)
    screen.ui.tree.setCurrentItem(_item(screen, "2.C1"))
    detail = screen.ui.detail.toPlainText()
    assert "<b>Mapping</b> & sharing" in detail
    assert "Use <script> & flipcharts" in detail
    assert "Custom exercise" in detail and "Discussion" in detail


def test_add_a_custom_exercise(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    before = len(curriculum.get_module(gui_services.db, 3, "en").exercises)
    qtbot.mouseClick(
        screen.ui.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=screen.ui.tree.visualItemRect(_item(screen, "3.2")).center(),
    )
    qtbot.mouseClick(screen.ui.addExerciseButton, Qt.MouseButton.LeftButton)
    dialog = screen.add_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.ui.moduleCombo.currentData() == 3  # the module of the chosen exercise
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    # no title: a message next to the field, nothing written
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.ui.titleError.isVisible() and dialog.ui.titleError.text()
    assert len(curriculum.get_module(gui_services.db, 3, "en").exercises) == before

    qtbot.keyClicks(dialog.ui.titleEdit, "Heat and livelihoods walk")
    assert not dialog.ui.titleError.isVisible()
    dialog.ui.durationSpin.setValue(40)
    dialog.ui.formatCombo.setCurrentIndex(dialog.ui.formatCombo.findData("simulation"))
    dialog.ui.descriptionEdit.setPlainText("Walk the district and note who moves in the hot season.")
    with qtbot.waitSignal(gui_services.data_changed) as changed:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert changed.args == ["curriculum"]
    assert screen.add_dialog is None

    module = curriculum.get_module(gui_services.db, 3, "en")
    assert len(module.exercises) == before + 1
    added = module.exercises[-1]
    assert (added.code, added.title, added.duration_minutes, added.format, added.is_custom) == (
        "3.C1",
        "Heat and livelihoods walk",
        40,
        "simulation",
        True,
    )
    assert added.description == "Walk the district and note who moves in the hot season."

    item = _item(screen, "3.C1")
    assert item.text(1) == "Heat and livelihoods walk (custom)"
    assert item.text(2) == "40 min"
    assert screen.ui.tree.currentItem() is item  # the new exercise is shown
    assert "Heat and livelihoods walk" in screen.ui.detail.toPlainText()
    assert "Custom exercise" in screen.ui.detail.toPlainText()


def test_custom_exercise_written_in_russian(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    _choose_language(screen, "ru")
    dialog = screen.open_add_dialog()
    dialog.ui.moduleCombo.setCurrentIndex(dialog.ui.moduleCombo.findData(7))
    dialog.ui.titleEdit.setText("Круглый стол с министерствами")
    dialog.ui.durationSpin.setValue(60)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    module = curriculum.get_module(gui_services.db, 7, "ru")
    assert module.exercises[-1].title == "Круглый стол с министерствами"
    assert module.exercises[-1].steps == [(60, "Круглый стол с министерствами")]
    assert _item(screen, "7.C1").text(1).startswith("Круглый стол с министерствами")


def test_cancel_adds_nothing(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    dialog = screen.open_add_dialog()
    qtbot.keyClicks(dialog.ui.titleEdit, "Not this one")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert screen.add_dialog is None
    assert all(not e.is_custom for m in curriculum.list_modules(gui_services.db, "en") for e in m.exercises)


def test_find_filters_the_tree(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    qtbot.keyClicks(screen.ui.filterEdit, "role play")
    visible = [item.text(0) for item in _items(screen) if not item.isHidden()]
    roles = [
        e.code
        for m in curriculum.list_modules(gui_services.db, "en")
        for e in m.exercises
        if "role play" in e.title.lower()
    ]
    assert roles and set(roles) <= set(visible)
    assert "1.1" not in visible
    screen.ui.filterEdit.clear()
    assert not any(item.isHidden() for item in _items(screen))


def test_retranslate_keeps_the_tree(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    screen = _screen(qtbot, gui_services)
    screen.ui.tree.setCurrentItem(_item(screen, "4.2"))
    screen.retranslate()
    assert screen.ui.tree.topLevelItemCount() == 7
    assert screen.ui.tree.currentItem() is not None
    assert screen.ui.tree.currentItem().text(0) == "4.2"
    assert screen.ui.tree.headerItem().text(0) == "Code"
