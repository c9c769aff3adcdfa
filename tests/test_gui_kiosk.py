"""Participant kiosk: forms filled in by tapping, anonymous pairing of pre- and post-tests, the PIN lock, the idle
timeout, and nothing of one participant left for the next. Assertions go to the database through the services."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from ccema_desktop.gui.kiosk.launcher import ACTION_NAME, SetPinDialog
from ccema_desktop.gui.kiosk.widgets import ChoiceButton
from ccema_desktop.gui.kiosk.window import KioskWindow
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import current_language, translator
from ccema_desktop.services import demo, evaluations, forms, kiosk_pin, participants
from ccema_desktop.services.evaluations import Respondent

PIN = "482615"
Key = Qt.Key


@pytest.fixture
def workshop(gui_services: GuiServices) -> str:
    workshop_id = demo.ensure_demo_workshop(gui_services.db)
    gui_services.set_workshop(workshop_id)
    kiosk_pin.set_pin(gui_services.db, PIN)
    return workshop_id


@pytest.fixture
def make_kiosk(qtbot, gui_services: GuiServices, workshop: str) -> Iterator[Callable[..., KioskWindow]]:  # type: ignore[no-untyped-def]
    def make(**timeouts: int) -> KioskWindow:
        kiosk = KioskWindow(gui_services, workshop, "en", **timeouts)
        qtbot.addWidget(kiosk, before_close_func=lambda w: w.release())
        kiosk.resize(1024, 768)
        kiosk.show()
        return kiosk

    yield make


def answer_key(form_id: str) -> dict[str, str]:
    return forms.shipped_form(form_id).answer_key


def wrong_option(form_id: str, question_id: str) -> str:
    question = forms.shipped_form(form_id).question(question_id)
    assert question is not None
    return next(oid for oid, _text in question.options if oid != question.answer)


def tap(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_knowledge_test(qtbot, kiosk: KioskWindow, form_id: str, correct: int) -> None:  # type: ignore[no-untyped-def]
    """Answer the shown knowledge test: the first `correct` questions right, the rest wrong; then submit."""
    form = kiosk.state.form
    assert form is not None and form.id == form_id
    for index, question in enumerate(form.questions):
        widget = kiosk.answer_widget()
        assert widget is not None and widget.question.id == question.id
        option = answer_key(form_id)[question.id] if index < correct else wrong_option(form_id, question.id)
        button = widget.findChild(ChoiceButton, f"option_{option}")
        assert button is not None
        tap(qtbot, button)
        tap(qtbot, kiosk.ui.nextButton)


def seed_module_one_pairs(db: object, workshop_id: str, count: int) -> None:
    """Other participants' anonymous tests before and after module 1 (2 right before, 4 right after)."""
    for i in range(count):
        code = f"B{chr(ord('A') + i)}-0{i + 1}-S-{i}"
        for form_id, right, phase in (("knowledge-m1-a", 2, "pre"), ("knowledge-m1-b", 4, "post")):
            key = answer_key(form_id)
            answers: dict[str, str | int] = {
                qid: (correct if n < right else wrong_option(form_id, qid))
                for n, (qid, correct) in enumerate(key.items())
            }
            evaluations.submit_response(
                db,  # type: ignore[arg-type]
                workshop_id,
                form_id,
                answers,
                Respondent(None, code, None),
                phase=phase,
            )


def anonymous_responses(db: object, workshop_id: str, tmp_path: Path) -> list[dict[str, object]]:
    """The responses as the kiosk export writes them (the records the database holds)."""
    path = tmp_path / "export.json"
    evaluations.export_responses(db, workshop_id, path)  # type: ignore[arg-type]
    return list(json.loads(path.read_text(encoding="utf-8"))["responses"])


# --- a participant fills in a pre-test and a post-test in Russian, anonymously ----------------------------------
def test_russian_anonymous_pre_and_post_tests_are_paired(
    qtbot, make_kiosk, gui_services: GuiServices, workshop: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = gui_services.db
    seed_module_one_pairs(db, workshop, 4)
    roster = participants.list_participants(db, workshop)
    kiosk = make_kiosk()
    ru = translator("ru")

    for form_id, phase_button, correct in (
        ("knowledge-m1-a", "preButton", 1),
        ("knowledge-m1-b", "postButton", 5),
    ):
        assert kiosk.current_step() == "language"
        tap(qtbot, kiosk.ui.russianButton)
        assert current_language() == "ru"
        assert kiosk.current_step() == "form"
        button = kiosk.form_button(form_id)
        assert button.text() == forms.get_form(form_id, "ru").title  # the form's own Russian title
        tap(qtbot, button)
        assert kiosk.current_step() == "phase"
        tap(qtbot, getattr(kiosk.ui, phase_button))
        assert kiosk.current_step() == "identify"
        tap(qtbot, kiosk.ui.anonymousButton)
        assert kiosk.current_step() == "code"
        # Non-ASCII text is set directly (keyClicks aborts on Cyrillic).
        kiosk.ui.motherEdit.setText("ма")
        kiosk.ui.monthCombo.setCurrentIndex(6)
        kiosk.ui.townEdit.setText("к")
        kiosk.ui.yearCombo.setCurrentIndex(3)
        assert "МА-07-К-3" in kiosk.ui.codePreview.text()
        if phase_button == "preButton":
            tap(qtbot, kiosk.completed_check)  # also tick the name, for the completion list only
            tap(qtbot, kiosk.ui.nextButton)
            assert kiosk.current_step() == "completion"
            kiosk.ui.searchEdit.setText(roster[3].full_name[:5].lower())
            assert kiosk.ui.nameList.selectedItems(), "a single match is selected"
        tap(qtbot, kiosk.ui.nextButton)
        assert kiosk.current_step() == "question"
        assert kiosk.ui.progressLabel.text() == ru("Question {number} of {total}").format(number=1, total=5)
        assert kiosk.ui.questionLabel.text() == forms.get_form(form_id, "ru").questions[0].text
        fill_knowledge_test(qtbot, kiosk, form_id, correct)
        assert kiosk.current_step() == "thanks"
        tap(qtbot, kiosk.ui.nextPersonButton)
        assert current_language() == "en", "the facilitator's language is back between participants"

    records = anonymous_responses(db, workshop, tmp_path)
    mine = [r for r in records if r["anonymous_code"] == "МА-07-К-3"]
    assert sorted(str(r["form_id"]) for r in mine) == ["knowledge-m1-a", "knowledge-m1-b"]
    assert all(r["participant_id"] is None and r["source"] == "kiosk" for r in mine)
    assert {str(r["phase"]) for r in mine} == {"pre", "post"}
    assert evaluations.completions(db, workshop, "knowledge-m1-a") == {roster[3].id}
    assert evaluations.completions(db, workshop, "knowledge-m1-b") == set()

    gain = next(g for g in evaluations.summary(db, workshop).knowledge if g.module == 1)
    assert gain.pairs_matched == 5
    assert not gain.suppressed
    assert gain.pre_mean == pytest.approx((4 * 2 + 1) / 5)
    assert gain.post_mean == pytest.approx((4 * 4 + 5) / 5)
    assert gain.share_improved == pytest.approx(1.0)


def test_a_required_question_must_be_answered(
    qtbot, make_kiosk, gui_services: GuiServices, workshop: str
) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    tap(qtbot, kiosk.ui.englishButton)
    tap(qtbot, kiosk.form_button(forms.FINAL_EVALUATION))
    kiosk.select_name(participants.list_participants(gui_services.db, workshop)[0].id)
    tap(qtbot, kiosk.ui.nextButton)
    first = kiosk.answer_widget()
    assert first is not None and first.question.required
    tap(qtbot, kiosk.ui.nextButton)
    assert kiosk.answer_widget() is first, "still on the first question"
    assert kiosk.ui.errorLabel.text() == "Please choose an answer before you go on."
    qtbot.keyClick(first.buttons()[0], Key.Key_4)  # digits pick a point of the scale
    assert first.answer() == 4
    assert kiosk.ui.errorLabel.text() == ""
    tap(qtbot, kiosk.ui.nextButton)
    assert kiosk.state.index == 1
    assert evaluations.summary(gui_services.db, workshop).forms[-1].responses == 0


# --- leaving the kiosk needs the PIN ------------------------------------------------------------------------
def key_press(
    widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> bool:
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_leaving_the_kiosk_needs_the_pin(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    kiosk.start()
    qtbot.waitUntil(kiosk.isFullScreen)
    flags = kiosk.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint

    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted(), "closing (also Alt+F4 and the window manager's close) is refused"
    assert not kiosk.close()
    assert kiosk.isVisible()

    tap(qtbot, kiosk.ui.englishButton)
    focus = kiosk.ui.formButtons
    for key in (Key.Key_Escape, Key.Key_F11):
        key_press(focus, key)
    key_press(focus, Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    assert kiosk.isVisible() and kiosk.current_step() == "form"

    kiosk.showNormal()
    qtbot.waitUntil(kiosk.isFullScreen)  # full screen comes back at once

    qtbot.keyClick(
        kiosk, Key.Key_F12, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert kiosk.current_step() == "pin"
    assert current_language() == "en"
    kiosk.ui.pinEdit.setText("000000")
    tap(qtbot, kiosk.ui.unlockButton)
    assert kiosk.ui.pinError.text() == "Wrong PIN. Try again."
    assert kiosk.is_locked() and kiosk.isVisible()

    tap(qtbot, kiosk.ui.pinCancelButton)
    assert kiosk.current_step() == "form", "Cancel goes back to where the participant was"

    kiosk.open_pin_page()
    with qtbot.waitSignal(kiosk.unlocked, timeout=5000):
        kiosk.ui.pinEdit.setText(PIN)
        tap(qtbot, kiosk.ui.unlockButton)
    assert not kiosk.is_locked()
    assert not kiosk.isVisible()


def test_too_many_wrong_pins_make_the_kiosk_wait(qtbot, make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    kiosk.open_pin_page()
    for _attempt in range(5):
        kiosk.ui.pinEdit.setText("1111")
        tap(qtbot, kiosk.ui.unlockButton)
    assert not kiosk.ui.unlockButton.isEnabled()
    assert not kiosk.ui.pinEdit.isEnabled()
    assert kiosk.ui.pinError.text() == "Too many wrong PINs. Try again in a moment."
    assert kiosk.is_locked()


def test_main_window_starts_the_kiosk_and_comes_back_after_the_pin(
    qtbot, gui_services: GuiServices, workshop: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from ccema_desktop.gui.main_window import MainWindow

    kiosk_pin.clear_pin(gui_services.db)
    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    window.show()  # the launcher is made just after the first frame
    qtbot.waitUntil(lambda: window.findChild(QAction, ACTION_NAME) is not None)
    action = window.findChild(QAction, ACTION_NAME)
    assert action is not None and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+K"
    assert action in window.ui.menuFile.actions()

    def set_pin_in_dialog(dialog: SetPinDialog) -> int:
        dialog.ui.pinEdit.setText("1234")
        dialog.ui.repeatEdit.setText("1234")
        dialog._on_accept()
        return dialog.result()

    monkeypatch.setattr(SetPinDialog, "exec", set_pin_in_dialog)
    action.trigger()  # no PIN yet: the facilitator sets one first
    assert kiosk_pin.check_pin(gui_services.db, "1234")
    kiosk = window.kiosk_launcher.kiosk
    assert kiosk is not None
    qtbot.addWidget(kiosk, before_close_func=lambda w: w.release())
    assert kiosk.isVisible() and not window.isVisible()
    assert not action.isEnabled(), "one kiosk at a time"

    kiosk.open_pin_page()
    kiosk.ui.pinEdit.setText("1234")
    tap(qtbot, kiosk.ui.unlockButton)
    assert window.isVisible()
    assert not kiosk.isVisible()
    assert window.kiosk_launcher.kiosk is None
    assert action.isEnabled()


# --- idle timeout --------------------------------------------------------------------------------------------
def test_idle_timeout_clears_a_half_filled_form(
    qtbot, make_kiosk, gui_services: GuiServices, workshop: str
) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(idle_ms=600, warning_ms=300)
    kiosk.start()
    person = participants.list_participants(gui_services.db, workshop)[2]
    tap(qtbot, kiosk.ui.frenchButton)
    tap(qtbot, kiosk.form_button(forms.FINAL_EVALUATION))
    kiosk.select_name(person.id)
    tap(qtbot, kiosk.ui.nextButton)
    widget = kiosk.answer_widget()
    assert widget is not None
    tap(qtbot, widget.buttons()[4])
    assert kiosk.state.answers

    qtbot.waitUntil(kiosk.ui.noticeFrame.isVisible, timeout=3000)
    assert kiosk.current_step() == "question", "a warning first, with a countdown"
    warning = translator("fr")("Are you still there? This form will be cleared in {seconds} s.")
    assert kiosk.ui.noticeLabel.text().startswith(warning.split("{seconds}")[0])
    qtbot.waitUntil(lambda: kiosk.current_step() == "language", timeout=3000)

    assert kiosk.state.answers == {} and kiosk.state.form is None and kiosk.state.participant_id is None
    assert kiosk.answer_widget() is None
    assert not kiosk.ui.noticeFrame.isVisible()
    assert current_language() == "en"
    assert evaluations.completions(gui_services.db, workshop, forms.FINAL_EVALUATION) == set()
    final = next(
        f for f in evaluations.summary(gui_services.db, workshop).forms if f.form_id == forms.FINAL_EVALUATION
    )
    assert final.responses == 0


def test_touching_the_screen_keeps_the_form(qtbot, make_kiosk, workshop: str) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(idle_ms=800, warning_ms=600)
    kiosk.start()
    tap(qtbot, kiosk.ui.englishButton)
    tap(qtbot, kiosk.form_button(forms.SESSION_FEEDBACK))
    qtbot.waitUntil(kiosk.ui.noticeFrame.isVisible, timeout=3000)
    tap(qtbot, kiosk.ui.noticeYesButton)  # "I'm still here"
    assert not kiosk.ui.noticeFrame.isVisible()
    assert kiosk.current_step() == "session"


# --- the next participant sees nothing ---------------------------------------------------------------------
SECRET = "Nobody else may read this comment 7261"


def visible_texts(kiosk: KioskWindow) -> list[str]:
    texts: list[str] = []
    for widget in kiosk.findChildren(QWidget):
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
    return texts


def test_after_submitting_the_next_participant_sees_nothing(
    qtbot, make_kiosk, gui_services: GuiServices, workshop: str
) -> None:  # type: ignore[no-untyped-def]
    db = gui_services.db
    first, second = participants.list_participants(db, workshop)[:2]
    kiosk = make_kiosk()
    tap(qtbot, kiosk.ui.spanishButton)
    tap(qtbot, kiosk.form_button(forms.SESSION_FEEDBACK))
    assert kiosk.current_step() == "session"
    session_id = str(kiosk.ui.sessionList.selectedItems()[0].data(Qt.ItemDataRole.UserRole))
    tap(qtbot, kiosk.ui.nextButton)
    kiosk.ui.searchEdit.setText(first.full_name)
    assert kiosk.ui.nameList.selectedItems()
    tap(qtbot, kiosk.ui.nextButton)
    form = kiosk.state.form
    assert form is not None
    for question in form.questions:
        widget = kiosk.answer_widget()
        assert widget is not None
        if question.type == "text":
            edit = widget.text_edit()
            assert edit is not None
            edit.setPlainText(SECRET)
        else:
            tap(qtbot, widget.buttons()[1])
        tap(qtbot, kiosk.ui.nextButton)
    assert kiosk.current_step() == "thanks"

    # Saved, and the completion recorded for that session.
    assert evaluations.completions(db, workshop, forms.SESSION_FEEDBACK, session_id) == {first.id}
    feedback = next(f for f in evaluations.summary(db, workshop).forms if f.form_id == forms.SESSION_FEEDBACK)
    assert feedback.responses == 1

    # Nothing of it is left anywhere in the kiosk: no text, no ticked answer, no name, no way back.
    assert not any(SECRET in text for text in visible_texts(kiosk))
    assert not any(first.full_name in text for text in visible_texts(kiosk))
    assert not any(b.isChecked() for b in kiosk.findChildren(ChoiceButton))
    assert kiosk.state.answers == {} and kiosk.state.participant_id is None and kiosk.state.history == []
    assert kiosk.answer_widget() is None
    assert not kiosk.ui.backButton.isVisible()
    assert not kiosk.ui.startOverButton.isVisible()

    tap(qtbot, kiosk.ui.nextPersonButton)
    assert kiosk.current_step() == "language"
    tap(qtbot, kiosk.ui.englishButton)
    tap(qtbot, kiosk.form_button(forms.SESSION_FEEDBACK))
    tap(qtbot, kiosk.ui.nextButton)
    assert kiosk.ui.searchEdit.text() == ""
    assert not kiosk.ui.nameList.selectedItems()
    kiosk.select_name(second.id)
    tap(qtbot, kiosk.ui.nextButton)
    widget = kiosk.answer_widget()
    assert widget is not None and widget.answer() is None
    assert not any(b.isChecked() for b in kiosk.findChildren(ChoiceButton))
    assert not any(SECRET in text for text in visible_texts(kiosk))


def test_start_over_forgets_the_answers(qtbot, make_kiosk, workshop: str) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    tap(qtbot, kiosk.ui.englishButton)
    tap(qtbot, kiosk.form_button("knowledge-m1-a"))
    tap(qtbot, kiosk.ui.preButton)
    tap(qtbot, kiosk.ui.anonymousButton)
    kiosk.ui.motherEdit.setText("ZZ")
    tap(qtbot, kiosk.ui.startOverButton)
    assert kiosk.ui.noticeFrame.isVisible()
    tap(qtbot, kiosk.ui.noticeNoButton)
    assert kiosk.current_step() == "code" and kiosk.ui.motherEdit.text() == "ZZ"
    tap(qtbot, kiosk.ui.startOverButton)
    tap(qtbot, kiosk.ui.noticeYesButton)
    assert kiosk.current_step() == "language"
    assert kiosk.ui.motherEdit.text() == ""


def test_back_walks_the_pages_and_keeps_answers(
    qtbot, make_kiosk, gui_services: GuiServices, workshop: str
) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk()
    tap(qtbot, kiosk.ui.englishButton)
    tap(qtbot, kiosk.form_button("knowledge-m2-b"))
    tap(qtbot, kiosk.ui.postButton)
    kiosk.select_name(participants.list_participants(gui_services.db, workshop)[5].id)
    tap(qtbot, kiosk.ui.nextButton)
    first = kiosk.answer_widget()
    assert first is not None
    tap(qtbot, first.buttons()[2])
    tap(qtbot, kiosk.ui.nextButton)
    tap(qtbot, kiosk.ui.backButton)
    again = kiosk.answer_widget()
    assert again is not None and again.question.id == first.question.id
    assert again.buttons()[2].isChecked()
    tap(qtbot, kiosk.ui.backButton)
    assert kiosk.current_step() == "identify"
    tap(qtbot, kiosk.ui.backButton)
    assert kiosk.current_step() == "phase"
    tap(qtbot, kiosk.ui.backButton)
    assert kiosk.current_step() == "form"
