"""Evaluations screen: forms used, custom questions, completion names, results with charts, knowledge gain,
suppression of small anonymous groups, paper and kiosk-file imports with a preview, export, the kiosk PIN."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ccema_desktop.gui.screens import evaluations as screen_module
from ccema_desktop.gui.screens.evaluations import EvaluationsScreen, not_shown
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.services import demo, evaluations, forms, kiosk_pin, participants
from ccema_desktop.services.evaluations import Respondent


def _answers(form_id: str, right: int) -> dict[str, str | int]:
    form = forms.shipped_form(form_id)
    out: dict[str, str | int] = {}
    for n, question in enumerate(form.questions):
        wrong = next(oid for oid, _t in question.options if oid != question.answer)
        out[question.id] = str(question.answer) if n < right else wrong
    return out


def _scale_answers(form_id: str, value: int) -> dict[str, str | int]:
    form = forms.shipped_form(form_id)
    return {q.id: value for q in form.questions if q.type in forms.SCALE_TYPES and q.required}


def seed(db: object, workshop_id: str) -> None:
    """Module 1: 6 anonymous pairs (shown). Module 2: 3 anonymous pairs (suppressed). Session feedback: 6 named.
    Final evaluation: 5 anonymous."""
    people = participants.list_participants(db, workshop_id)  # type: ignore[arg-type]
    for i in range(6):
        code = f"A{chr(ord('A') + i)}-0{i + 1}-K-{i}"
        evaluations.submit_response(
            db,  # type: ignore[arg-type]
            workshop_id,
            "knowledge-m1-a",
            _answers("knowledge-m1-a", 2),
            Respondent(None, code, people[i].id),
            phase="pre",
        )
        evaluations.submit_response(
            db,  # type: ignore[arg-type]
            workshop_id,
            "knowledge-m1-b",
            _answers("knowledge-m1-b", 4 if i < 4 else 5),
            Respondent(None, code, None),
            phase="post",
        )
    for i in range(3):
        code = f"Z{chr(ord('A') + i)}-1{i}-T-{i}"
        evaluations.submit_response(db, workshop_id, "knowledge-m2-a", _answers("knowledge-m2-a", 1), Respondent(None, code, None), phase="pre")  # type: ignore[arg-type]  # fmt: skip
        evaluations.submit_response(db, workshop_id, "knowledge-m2-b", _answers("knowledge-m2-b", 3), Respondent(None, code, None), phase="post")  # type: ignore[arg-type]  # fmt: skip
    for i, person in enumerate(people[:6]):
        evaluations.submit_response(
            db,  # type: ignore[arg-type]
            workshop_id,
            forms.SESSION_FEEDBACK,
            _scale_answers(forms.SESSION_FEEDBACK, 4 if i % 2 else 5),
            Respondent(person.id, None, person.id),
        )
    for i in range(5):
        evaluations.submit_response(
            db,  # type: ignore[arg-type]
            workshop_id,
            forms.FINAL_EVALUATION,
            _scale_answers(forms.FINAL_EVALUATION, 4),
            Respondent(None, f"F{chr(ord('A') + i)}-0{i + 1}-A-{i}", None),
        )


@pytest.fixture
def workshop(gui_services: GuiServices) -> str:
    workshop_id = demo.ensure_demo_workshop(gui_services.db)
    gui_services.set_workshop(workshop_id)
    return workshop_id


@pytest.fixture
def screen(qtbot, gui_services: GuiServices, workshop: str) -> Iterator[EvaluationsScreen]:  # type: ignore[no-untyped-def]
    seed(gui_services.db, workshop)
    widget = EvaluationsScreen(gui_services)
    qtbot.addWidget(widget)
    widget.resize(1100, 720)
    widget.show()
    yield widget


def test_results_for_a_seeded_workshop(
    screen: EvaluationsScreen, gui_services: GuiServices, workshop: str
) -> None:
    screen.ui.tabs.setCurrentWidget(screen.ui.resultsTab)
    screen.show_result_form(forms.SESSION_FEEDBACK)
    form = forms.get_form(forms.SESSION_FEEDBACK, "en", gui_services.db, workshop)
    cards = screen.result_cards()
    assert len(cards) == len(form.questions)
    summary = evaluations.summary(gui_services.db, workshop)
    feedback = next(f for f in summary.forms if f.form_id == forms.SESSION_FEEDBACK)
    first = feedback.questions[0]
    assert first.mean == pytest.approx(4.5)
    card_text = " ".join(label.text() for label in cards[0].findChildren(screen_module.QLabel))
    assert first.text in card_text
    assert "Mean: 4.5 of 5" in card_text
    assert "Agree or strongly agree: 100%" in card_text
    assert cards[0].findChild(QChartView) is not None, "a bar chart of the answers"
    assert screen.ui.resultsSummaryLabel.text().startswith("6 responses")

    screen.show_result_form("knowledge-m1-a")
    cards = screen.result_cards()
    assert len(cards) == 5
    legend = " ".join(label.text() for label in cards[0].findChildren(screen_module.QLabel))
    assert "(correct)" in legend
    assert "Correct: 100%" in legend  # everybody got the first question right before the module

    screen.show_result_form(forms.FINAL_EVALUATION)
    assert "Satisfaction: 100% agree or strongly agree" in screen.ui.resultsSummaryLabel.text()


def test_small_anonymous_groups_are_not_shown(screen: EvaluationsScreen) -> None:
    screen.ui.tabs.setCurrentWidget(screen.ui.resultsTab)
    screen.show_result_form("knowledge-m2-a")
    assert screen.result_cards() == []
    assert [label.text() for label in screen.suppressed_labels()] == [not_shown()]
    assert not_shown() == "Not shown: fewer than 5 anonymous responses"

    screen.ui.tabs.setCurrentWidget(screen.ui.knowledgeTab)
    table = screen.ui.knowledgeTable
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
    assert headers == ["Module 1", "Module 2"]
    module_1 = [table.item(r, 0).text() for r in range(table.rowCount())]  # type: ignore[union-attr]
    module_2 = [table.item(r, 1).text() for r in range(3, 4)]  # type: ignore[union-attr]
    # Module 1: 6 pairs, 2 of 5 before, (4*4 + 2*5)/6 after; <g> = (4.33 - 2) / (5 - 2) = 0.78 (high).
    assert module_1[:3] == ["6", "6", "6"]
    assert module_1[3] == "2 of 5"
    assert module_1[4] == "4.3 of 5"
    assert module_1[5] == "0.78 (high)"
    assert module_1[6:] == ["100%", "100%"]
    assert module_2 == [not_shown()]
    assert table.rowSpan(3, 1) == 5
    chart = screen.ui.knowledgeChartHost.findChild(QChartView, "knowledgeChart")
    assert chart is not None
    categories = chart.chart().axes(Qt.Orientation.Horizontal)[0].categories()  # type: ignore[attr-defined]
    assert categories == ["Module 1"], "a suppressed module is not drawn"


def test_completion_lists_names_only(
    screen: EvaluationsScreen, gui_services: GuiServices, workshop: str
) -> None:
    screen.ui.tabs.setCurrentWidget(screen.ui.completionTab)
    counts = screen.completion_counts()
    assert counts["knowledge-m1-a"] == "6 of 25"
    assert counts["knowledge-m1-b"] == "0 of 25", "anonymous answers without a ticked name complete nobody"
    assert counts[forms.FINAL_EVALUATION] == "0 of 25"
    names = sorted(p.full_name for p in participants.list_participants(gui_services.db, workshop)[:6])
    item = next(
        screen.ui.completionTree.topLevelItem(i)
        for i in range(screen.ui.completionTree.topLevelItemCount())
        if screen.ui.completionTree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "knowledge-m1-a"  # type: ignore[union-attr]
    )
    assert item is not None
    done = item.child(0)
    assert done.text(0) == "Completed (6)"
    assert sorted(done.child(i).text(0) for i in range(done.childCount())) == names
    assert done.child(0).childCount() == 0, "a name leads to nothing else"


def test_choosing_the_forms_a_workshop_uses(
    screen: EvaluationsScreen, gui_services: GuiServices, workshop: str
) -> None:
    assert "knowledge-m7-a" in forms.workshop_forms(gui_services.db, workshop)
    assert "knowledge-m4-a" not in forms.workshop_forms(gui_services.db, workshop)
    screen.form_item("knowledge-m7-a").setCheckState(0, Qt.CheckState.Unchecked)
    screen.form_item("knowledge-m4-a").setCheckState(0, Qt.CheckState.Checked)
    used = forms.workshop_forms(gui_services.db, workshop)
    assert "knowledge-m7-a" not in used and "knowledge-m4-a" in used
    assert screen.form_item("knowledge-m4-a").checkState(0) == Qt.CheckState.Checked  # after the refresh


def test_adding_and_retiring_a_custom_question(
    qtbot,
    screen: EvaluationsScreen,
    gui_services: GuiServices,
    workshop: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    gui_services.settings.content_language = "fr"
    screen.ui.formsTree.setCurrentItem(screen.form_item(forms.FINAL_EVALUATION))
    dialog = screen.open_question_dialog()
    assert dialog is not None
    assert dialog.ui.formCombo.currentData() == forms.FINAL_EVALUATION
    assert all(
        not str(dialog.ui.formCombo.itemData(i)).startswith("knowledge")
        for i in range(dialog.ui.formCombo.count())
    ), "knowledge tests stay parallel: no extra questions"
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.ui.textError.text() == "Write the question."
    dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData("single_choice"))
    assert dialog.ui.optionsEdit.isVisible()
    dialog.ui.textEdit.setPlainText("Quel module voulez-vous approfondir ?")
    dialog.ui.optionsEdit.setPlainText("Module 1")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.ui.optionsError.text() == "Write 2 to 6 options, one per line."
    dialog.ui.optionsEdit.setPlainText("Module 1\nModule 2\n\nModule 7")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.question_id is not None

    form = forms.get_form(forms.FINAL_EVALUATION, "en", gui_services.db, workshop)
    added = form.questions[-1]
    assert added.id == dialog.question_id and added.custom
    assert added.text == "Quel module voulez-vous approfondir ?"
    assert [text for _oid, text in added.options] == ["Module 1", "Module 2", "Module 7"]
    child = screen.form_item(forms.FINAL_EVALUATION).child(0)
    assert child.text(0) == added.text

    screen.ui.formsTree.setCurrentItem(child)
    assert screen.ui.retireQuestionButton.isEnabled()
    monkeypatch.setattr(screen_module, "confirm", lambda *_args: True)
    qtbot.mouseClick(screen.ui.retireQuestionButton, Qt.MouseButton.LeftButton)
    form = forms.get_form(forms.FINAL_EVALUATION, "en", gui_services.db, workshop)
    assert all(q.id != added.id for q in form.questions)
    assert screen.form_item(forms.FINAL_EVALUATION).childCount() == 0


def test_paper_import_previews_rejected_rows(
    qtbot, screen: EvaluationsScreen, gui_services: GuiServices, workshop: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    person = participants.list_participants(gui_services.db, workshop)[10]
    path = tmp_path / "paper.csv"
    rows = [[person.id, forms.FINAL_EVALUATION, q, "5"] for q in _scale_answers(forms.FINAL_EVALUATION, 5)]
    rows.append(["nobody@example.org", forms.FINAL_EVALUATION, "fe-relevance", "4"])
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["respondent", "form", "question", "answer"])
        writer.writerows(rows)
    before = evaluations.completions(gui_services.db, workshop, forms.FINAL_EVALUATION)

    dialog = screen.open_import("paper", path)
    assert dialog is not None and dialog.state == "ready"
    assert evaluations.completions(gui_services.db, workshop, forms.FINAL_EVALUATION) == before, (
        "preview only"
    )
    assert dialog.ui.rejectedTable.rowCount() == 1
    assert dialog.ui.rejectedTable.item(0, 0).text() == str(len(rows) + 1)  # type: ignore[union-attr]
    assert "nobody@example.org" in dialog.ui.rejectedTable.item(0, 2).text()  # type: ignore[union-attr]
    assert dialog.ui.summaryLabel.text().startswith("If you import: 1 new response")
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)
    assert dialog.state == "done"
    assert evaluations.completions(gui_services.db, workshop, forms.FINAL_EVALUATION) == {person.id}
    assert screen.completion_counts()[forms.FINAL_EVALUATION] == "1 of 25"  # the screen refreshed
    qtbot.mouseClick(dialog.ui.importButton, Qt.MouseButton.LeftButton)  # "Close"
    assert not dialog.isVisible()

    again = screen.open_import("paper", path)
    assert again is not None
    assert not again.ui.importButton.isEnabled()
    assert again.ui.importButton.text() == "Nothing new to import"
    again.reject()


def test_export_then_import_the_kiosk_file(
    qtbot, screen: EvaluationsScreen, gui_services: GuiServices, workshop: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "usb" / "kiosk.json"
    screen.export_to(path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert len(document["responses"]) == 6 * 2 + 3 * 2 + 6 + 5
    assert screen.ui.transferLabel.text().startswith("Saved 29 responses to ")

    dialog = screen.open_import("kiosk", path)
    assert dialog is not None and dialog.state == "ready"
    assert "29 already here" in dialog.ui.summaryLabel.text()
    assert not dialog.ui.importButton.isEnabled()
    dialog.reject()

    broken = tmp_path / "not-a-kiosk-file.json"
    broken.write_text("{}", encoding="utf-8")
    failed = screen.open_import("kiosk", broken)
    assert failed is not None and failed.state == "failed"
    assert "is not a responses file" in failed.ui.errorLabel.text()
    failed.reject()


def test_setting_the_kiosk_pin(qtbot, screen: EvaluationsScreen, gui_services: GuiServices) -> None:  # type: ignore[no-untyped-def]
    assert "No kiosk PIN yet" in screen.ui.kioskStatusLabel.text()
    dialog = screen.open_pin_dialog()
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ui.pinEdit.setText("12a4")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text() == "The PIN is 4 to 12 digits."
    dialog.ui.pinEdit.setText("2580")
    dialog.ui.repeatEdit.setText("2581")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text() == "The two PINs differ. Type the same PIN twice."
    dialog.ui.repeatEdit.setText("2580")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert kiosk_pin.check_pin(gui_services.db, "2580")
    assert screen.ui.kioskStatusLabel.text().startswith("A kiosk PIN is set.")


def test_screen_is_in_the_main_window(qtbot, gui_services: GuiServices, workshop: str) -> None:  # type: ignore[no-untyped-def]
    from ccema_desktop.gui.main_window import MainWindow

    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    window.show()
    window.show_screen("evaluations")
    screen = window.screen_for("evaluations")
    assert isinstance(screen, EvaluationsScreen)
    assert screen.isVisible()
    assert screen.ui.startKioskButton.isVisible() and screen.ui.startKioskButton.isEnabled()
    assert screen.form_item(forms.SESSION_FEEDBACK).checkState(0) == Qt.CheckState.Checked
