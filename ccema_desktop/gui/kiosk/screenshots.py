"""Render every page of the participant kiosk in every language to PNG, with no display needed.

    python -m ccema_desktop.gui.kiosk.screenshots OUT_DIR [--size 1024x768] [--langs en,es,fr,ru]

Works on a throwaway data folder with the demo workshop, never on the user's database. Files are named
`kiosk-<page>-<lang>-<W>x<H>.png`; the pages are the ones a participant meets: language, form, phase,
session, identify, code, completion, the three kinds of question (choice, 1-5 scale, text), thanks, and the
facilitator's PIN page.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

PAGES = (
    "language",
    "form",
    "phase",
    "session",
    "identify",
    "code",
    "completion",
    "choice",
    "scale",
    "text",
    "required",
    "thanks",
    "idle",
    "pin",
)


def render(out_dir: Path, width: int, height: int, langs: list[str]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from ccema_desktop.app import load_fonts
    from ccema_desktop.context import open_context
    from ccema_desktop.gui.kiosk.window import KioskWindow
    from ccema_desktop.gui.services import GuiServices
    from ccema_desktop.gui.tasks import TaskRunner
    from ccema_desktop.i18n import set_language
    from ccema_desktop.services import demo, forms, kiosk_pin, participants

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as data:
        ctx = open_context(data, daily_backup=False)
        services = GuiServices(ctx, runner=TaskRunner(synchronous=True))
        workshop_id = demo.ensure_demo_workshop(ctx.db)
        kiosk_pin.set_pin(ctx.db, "4826")
        roster = participants.list_participants(ctx.db, workshop_id)
        kiosk = KioskWindow(services, workshop_id, "en", idle_ms=3_600_000, warning_ms=15_000)
        kiosk.resize(width, height)
        kiosk.show()

        def shot(page: str, lang: str) -> None:
            for _ in range(3):
                app.processEvents()
            path = out_dir / f"kiosk-{page}-{lang}-{width}x{height}.png"
            kiosk.grab().save(str(path))
            written.append(path)

        for lang in langs:
            kiosk.reset()
            shot("language", lang)
            kiosk.choose_language(lang)
            shot("form", lang)
            module_test = next(f for f in kiosk.forms() if f.kind == "knowledge_test")
            kiosk.form_button(module_test.id).click()
            shot("phase", lang)
            kiosk.ui.preButton.click()
            kiosk.ui.searchEdit.setText(roster[0].full_name[:3])
            shot("identify", lang)
            kiosk.ui.anonymousButton.click()
            kiosk.ui.motherEdit.setText("МА" if lang == "ru" else "MA")
            kiosk.ui.monthCombo.setCurrentIndex(8)
            kiosk.ui.townEdit.setText("К" if lang == "ru" else "K")
            kiosk.ui.yearCombo.setCurrentIndex(7)
            kiosk.completed_check.setChecked(True)
            shot("code", lang)
            kiosk.ui.nextButton.click()
            shot("completion", lang)
            kiosk.ui.anonymousButton.click()
            widget = kiosk.answer_widget()
            assert widget is not None
            widget.choose(1)
            shot("choice", lang)
            kiosk.ui.nextButton.click()
            kiosk.ui.nextButton.click()  # unanswered: the required message
            shot("required", lang)
            kiosk.reset()

            kiosk.choose_language(lang)
            kiosk.form_button(forms.SESSION_FEEDBACK).click()
            shot("session", lang)
            kiosk.ui.nextButton.click()
            kiosk.select_name(roster[1].id)
            kiosk.ui.nextButton.click()
            widget = kiosk.answer_widget()
            assert widget is not None
            widget.choose(3)
            shot("scale", lang)
            form = kiosk.state.form
            assert form is not None
            for question in form.questions:
                widget = kiosk.answer_widget()
                assert widget is not None
                if question.type == "text":
                    edit = widget.text_edit()
                    assert edit is not None
                    shot("text", lang)
                    break
                widget.choose(3)
                kiosk.ui.nextButton.click()
            kiosk.idle_warning()
            shot("idle", lang)
            kiosk.note_activity()
            widget = kiosk.answer_widget()
            for _question in range(len(form.questions)):
                kiosk.ui.nextButton.click()
                if kiosk.current_step() == "thanks":
                    break
            shot("thanks", lang)
            kiosk.reset()
            set_language(lang)
            kiosk.facilitator_lang = lang
            kiosk.open_pin_page()
            kiosk.ui.pinEdit.setText("1111")
            kiosk.ui.unlockButton.click()
            shot("pin", lang)
            kiosk.facilitator_lang = "en"
        kiosk.release()
        kiosk.deleteLater()
        app.processEvents()
        ctx.close()
    set_language("en")
    return written


def main(argv: list[str] | None = None) -> int:
    from ccema_desktop.gui.screenshots import run_cli

    return run_cli(argv, __doc__, "1024x768", render)


if __name__ == "__main__":
    sys.exit(main())
