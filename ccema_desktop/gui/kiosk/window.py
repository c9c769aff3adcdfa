"""The participant kiosk: a full-screen, locked window where participants fill in evaluation forms one by one.

Flow for each person: language -> form (-> before or after the module, for a knowledge test; -> session, for
session feedback) -> name from the roster, or an anonymous personal code (-> optionally a name for the
completion list only) -> one question per page -> submit -> thank you -> back to the language page with
everything cleared.

Privacy: a person's answers live only in `KioskState` and the question page until they are submitted; then
the state is replaced and every page rebuilt, so the next person can see nothing (no history, no Back after
submitting). Lockdown: frameless, stay-on-top, full screen re-applied whenever it is left; closing (also
Alt+F4 and the window manager's close) is refused until the facilitator's PIN is entered; Esc and F11 are
swallowed; Ctrl+Shift+F12 opens the PIN page. An idle timeout clears a half-filled form after a short
warning. The operating system's own keys (Ctrl+Alt+Del, Alt+Tab, the Windows key) cannot be blocked by an
application: a dedicated kiosk machine also needs the system's lockdown (Windows Assigned Access or Shell
Launcher; on Linux an auto-login user whose session runs only the app).

Language: the kiosk shows the participant's language, independent of the facilitator's; while a person fills
in a form the process-wide catalog is theirs (so messages from the core are in their language too), and it
returns to the facilitator's language on the language page, on the PIN page and when the kiosk closes.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ccema_desktop.domain.anon_code import CODE_ITEMS, make_code
from ccema_desktop.domain.vocab import fold
from ccema_desktop.errors import KnownError, ValidationError
from ccema_desktop.gui.forms.ui_kiosk import Ui_KioskWindow
from ccema_desktop.gui.kiosk.widgets import AnswerWidget, ChoiceButton, clear_layout
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import LANGUAGES, N_, _, current_language, format_date, set_language, translator
from ccema_desktop.services import attendance, evaluations, forms, kiosk_pin
from ccema_desktop.services import participants as participants_svc
from ccema_desktop.services.evaluations import Respondent
from ccema_desktop.services.forms import FormView, QuestionView
from ccema_desktop.services.participants import ParticipantView
from ccema_desktop.services.workshops import SessionView

log = logging.getLogger(__name__)

#: Seen on the language page in every language at once (each line in its own language).
CHOOSE_LANGUAGE = N_("Welcome! Please choose your language.")

#: Wrong PINs allowed before the PIN page waits.
MAX_PIN_ATTEMPTS = 5
PIN_LOCK_MS = 30_000

STYLE = """
QWidget#KioskWindow { background: #f4f6f9; }
QLabel { color: #1b2733; }
QPushButton { min-height: 52px; padding: 6px 26px; border: 2px solid #9aa9b8; border-radius: 10px;
              background: #ffffff; color: #1b2733; }
QPushButton:focus { border-color: #1f5f99; }
QPushButton:pressed { background: #e3eef9; }
QPushButton:disabled { color: #8a97a5; background: #eceff3; border-color: #c5ced8; }
QPushButton#nextButton, QPushButton#unlockButton, QPushButton#nextPersonButton, QPushButton#noticeYesButton {
              background: #1f5f99; color: #ffffff; border-color: #1f5f99; }
QPushButton#nextButton:disabled { background: #9db5cc; border-color: #9db5cc; }
QPushButton#startOverButton { min-height: 40px; padding: 4px 16px; }
QLineEdit, QComboBox { min-height: 46px; padding: 2px 10px; border: 2px solid #9aa9b8; border-radius: 8px;
              background: #ffffff; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus { border-color: #1f5f99; }
QComboBox QAbstractItemView::item { min-height: 44px; }
QPlainTextEdit { border: 2px solid #9aa9b8; border-radius: 8px; background: #ffffff; }
QListWidget { border: 2px solid #9aa9b8; border-radius: 8px; background: #ffffff; outline: none; }
QListWidget::item { padding: 12px 14px; border-bottom: 1px solid #e1e6eb; color: #1b2733; }
QListWidget::item:selected { background: #1f5f99; color: #ffffff; }
QCheckBox { spacing: 14px; }
QCheckBox::indicator { width: 30px; height: 30px; }
QScrollBar:vertical { width: 22px; }
QFrame#noticeFrame { background: #fff4d6; border: 2px solid #d9a400; border-radius: 10px; }
QScrollArea, QWidget#formButtons, QWidget#answerArea { background: transparent; }
QProgressBar { border: none; background: #dde3ea; border-radius: 5px; }
QProgressBar::chunk { background: #1f5f99; border-radius: 5px; }
"""
ERROR_STYLE = "color: #9b1c1c;"
MUTED_STYLE = "color: #4a5a6a;"


@dataclass
class KioskState:
    """Everything one person has chosen and answered; replaced as a whole for the next person."""

    lang: str = ""
    form: FormView | None = None
    session_id: str | None = None
    phase: str | None = None  # knowledge tests: "pre" or "post"
    participant_id: str | None = None
    anonymous: bool = False
    code: str | None = None
    completed_by: str | None = None
    answers: dict[str, str | int] = field(default_factory=dict)
    index: int = 0
    history: list[str] = field(default_factory=list)

    def respondent(self) -> Respondent:
        if self.anonymous:
            return Respondent(participant_id=None, anonymous_code=self.code, completed_by=self.completed_by)
        return Respondent(
            participant_id=self.participant_id, anonymous_code=None, completed_by=self.participant_id
        )


def pick_feedback_session(sessions: list[SessionView], now: dt.datetime) -> SessionView | None:
    """The session most people give feedback on at `now`: the last one today that has started, else the one
    the attendance screen would pick."""
    today = [s for s in sessions if s.date == now.date() and s.start <= now.time()]
    if today:
        return max(today, key=lambda s: (s.start, s.end))
    return attendance.pick_current_session(sessions, now)


class _Guard(QObject):
    """Application-wide event filter while the kiosk runs: swallows Esc and F11 (and Alt+F4 as a key), and
    counts every touch, click or key as activity for the idle timeout."""

    def __init__(self, kiosk: KioskWindow) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.TouchBegin,
            QEvent.Type.Wheel,
            QEvent.Type.KeyPress,
        ):
            self._kiosk.note_activity()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._kiosk.filter_key(event)
        return False


class KioskWindow(QWidget):
    """The kiosk for one workshop. `unlocked` fires after the facilitator's PIN was accepted (the window then
    closes itself). Timeouts are parameters so tests can run them in a moment."""

    unlocked = Signal()
    submitted = Signal(str)  # response id

    def __init__(
        self,
        services: GuiServices,
        workshop_id: str,
        facilitator_lang: str | None = None,
        idle_ms: int = 90_000,
        warning_ms: int = 15_000,
        thanks_ms: int = 12_000,
    ) -> None:
        super().__init__(None)
        self.setObjectName("KioskWindow")
        self.services = services
        self.workshop_id = workshop_id
        self.facilitator_lang = facilitator_lang or current_language()
        self.idle_ms = idle_ms
        self.warning_ms = min(warning_ms, idle_ms)
        self.thanks_ms = thanks_ms
        self.state = KioskState()
        self._unlocked = False
        self._running = False
        self._busy = False
        self._pin_attempts = 0
        self._page_before_pin = "language"
        self._lang_before_pin = ""
        self._notice: str | None = None  # "start_over" | "idle"
        self._roster: list[ParticipantView] = []
        self._sessions: list[SessionView] = []
        self._forms: list[FormView] = []
        self._workshop_title = ""
        self._answer_widget: AnswerWidget | None = None
        self._logical_page = "language"

        self.ui = Ui_KioskWindow()
        self.ui.setupUi(self)
        self.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._apply_fonts()
        self.setStyleSheet(STYLE)
        for label in (self.ui.errorLabel, self.ui.pinError):
            label.setStyleSheet(ERROR_STYLE)
            bold = QFont(label.font())
            bold.setBold(True)
            label.setFont(bold)
        for label in (
            self.ui.formHint,
            self.ui.phaseHint,
            self.ui.identifyHint,
            self.ui.codeHint,
            self.ui.requiredHint,
        ):
            label.setStyleSheet(MUTED_STYLE)
        for combo in (self.ui.monthCombo, self.ui.yearCombo):
            combo.setView(QListView(combo))
        self.ui.noticeFrame.hide()
        self.completed_check = ChoiceButton("", "check", parent=self.ui.codePage)
        self.completed_check.setObjectName("completedCheck")
        for code_field in (self.ui.motherEdit, self.ui.monthCombo, self.ui.townEdit, self.ui.yearCombo):
            code_field.setMinimumWidth(
                self.ui.motherEdit.fontMetrics().horizontalAdvance("00 · Сентябрь") + 60
            )
        self.ui.completedLayout.addWidget(self.completed_check)

        self._language_buttons: dict[str, QPushButton] = {
            "en": self.ui.englishButton,
            "es": self.ui.spanishButton,
            "fr": self.ui.frenchButton,
            "ru": self.ui.russianButton,
        }
        for lang, button in self._language_buttons.items():
            button.clicked.connect(lambda _checked=False, code=lang: self.choose_language(code))
        self.ui.backButton.clicked.connect(self._on_back)
        self.ui.nextButton.clicked.connect(self._on_next)
        self.ui.anonymousButton.clicked.connect(self._on_anonymous_button)
        self.ui.searchEdit.textChanged.connect(self._filter_names)
        self.ui.nameList.itemSelectionChanged.connect(self._update_nav)
        self.ui.nameList.itemActivated.connect(lambda _item: self._on_next())
        self.ui.sessionList.itemSelectionChanged.connect(self._update_nav)
        self.ui.sessionList.itemActivated.connect(lambda _item: self._on_next())
        for edit in (self.ui.motherEdit, self.ui.townEdit):
            edit.textChanged.connect(self._update_code_preview)
        for combo in (self.ui.monthCombo, self.ui.yearCombo):
            combo.currentIndexChanged.connect(self._update_code_preview)
        self.ui.preButton.clicked.connect(lambda: self.choose_phase("pre"))
        self.ui.postButton.clicked.connect(lambda: self.choose_phase("post"))
        self.ui.nextPersonButton.clicked.connect(self.reset)
        self.ui.startOverButton.clicked.connect(self._ask_start_over)
        self.ui.noticeYesButton.clicked.connect(self._on_notice_yes)
        self.ui.noticeNoButton.clicked.connect(self._on_notice_no)
        self.ui.unlockButton.clicked.connect(self._on_unlock)
        self.ui.pinCancelButton.clicked.connect(self._close_pin_page)
        self.ui.pinEdit.returnPressed.connect(self._on_unlock)

        self._pin_shortcut = QShortcut(QKeySequence("Ctrl+Shift+F12"), self)
        self._pin_shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self._pin_shortcut.activated.connect(self.open_pin_page)

        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self.idle_warning)
        self._countdown = QTimer(self)
        self._countdown.setInterval(200)
        self._countdown.timeout.connect(self._on_countdown)
        self._countdown_clock = QElapsedTimer()
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.timeout.connect(self.reset)
        self._pin_lock_timer = QTimer(self)
        self._pin_lock_timer.setSingleShot(True)
        self._pin_lock_timer.timeout.connect(self._on_pin_lock_over)
        self._guard = _Guard(self)

        self._load_workshop()
        self.reset()

    # --- look ---------------------------------------------------------------------------------------------------
    def _apply_fonts(self) -> None:
        base = QFont(QApplication.font())
        base.setPointSizeF(16)
        self.setFont(base)

        def sized(scale: float, bold: bool = False) -> QFont:
            font = QFont(base)
            font.setPointSizeF(base.pointSizeF() * scale)
            font.setBold(bold)
            return font

        for label in (
            self.ui.formHeading,
            self.ui.phaseHeading,
            self.ui.sessionHeading,
            self.ui.identifyHeading,
            self.ui.codeHeading,
            self.ui.pinHeading,
        ):
            label.setFont(sized(1.4, True))
        self.ui.welcomeLabel.setFont(sized(1.35, True))
        self.ui.thanksHeading.setFont(sized(2.4, True))
        self.ui.thanksText.setFont(sized(1.2))
        self.ui.questionLabel.setFont(sized(1.3, True))
        self.ui.codePreview.setFont(sized(1.25, True))
        for label in (self.ui.workshopLabel, self.ui.formTitleLabel, self.ui.progressLabel):
            label.setFont(sized(0.8))
        self.ui.startOverButton.setFont(sized(0.85))
        for button in (self.ui.preButton, self.ui.postButton):
            button.setFont(sized(1.2, True))
            button.setMinimumHeight(90)
        for button in (
            self.ui.englishButton,
            self.ui.spanishButton,
            self.ui.frenchButton,
            self.ui.russianButton,
        ):
            button.setFont(sized(1.6, True))
            button.setMinimumHeight(110)
            button.setMinimumWidth(300)

    def _adopt(self, widget: QWidget) -> None:
        """Give a widget made after the window was styled the kiosk's large font (under a style sheet, Qt
        does not pass fonts on to widgets added later)."""
        widget.setFont(self.font())

    # --- lifecycle and lockdown ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Show full screen and lock. Call once; `unlocked` fires when the facilitator leaves."""
        self._running = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._guard)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())  # without a window manager, full screen alone does not resize
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def is_locked(self) -> bool:
        return not self._unlocked

    def release(self) -> None:
        """Unlock without a PIN and close: for the application shutting down (and for tests' clean-up)."""
        self._finish()
        self.close()

    def _finish(self) -> None:
        self._unlocked = True
        self._running = False
        for timer in (self._idle_timer, self._countdown, self._thanks_timer, self._pin_lock_timer):
            timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._guard)
        self._clear_pages()
        self.state = KioskState()
        set_language(self.facilitator_lang)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unlocked:
            super().closeEvent(event)
            return
        event.ignore()

    def changeEvent(self, event: QEvent) -> None:
        leaving = not self.isFullScreen() or self.isMinimized()
        if event.type() == QEvent.Type.WindowStateChange and self._running and not self._unlocked and leaving:
            QTimer.singleShot(0, self._enforce_full_screen)
        super().changeEvent(event)

    def _enforce_full_screen(self) -> None:
        if self._running and not self._unlocked:
            self.setWindowState(Qt.WindowState.WindowFullScreen)
            self.showFullScreen()
            self.raise_()
            self.activateWindow()

    def filter_key(self, event: QKeyEvent) -> bool:
        """True when a key must not reach the kiosk's widgets (the guard calls this for every key press)."""
        if self._unlocked:
            return False
        key = event.key()
        if QApplication.activePopupWidget() is not None:
            return False  # Esc closes an open list, as everyone expects
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            return True
        return bool(key == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        page = self._logical_page
        focus = QApplication.focusWidget()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(focus, QPlainTextEdit)
        if enter and self.ui.nextButton.isVisible() and self.ui.nextButton.isEnabled():
            self._on_next()
            return
        if page == "question" and self._answer_widget is not None and not isinstance(focus, QPlainTextEdit):
            digit = event.key() - Qt.Key.Key_1
            if 0 <= digit < len(self._answer_widget.buttons()):
                self._answer_widget.choose(digit)
                return
        super().keyPressEvent(event)

    # --- idle timeout -------------------------------------------------------------------------------------------
    def note_activity(self) -> None:
        if self._notice == "idle":
            self._hide_notice()
        self._restart_idle()

    def _restart_idle(self) -> None:
        if self._unlocked or self._logical_page in ("language", "thanks"):
            self._idle_timer.stop()
            return
        self._idle_timer.start(max(self.idle_ms - self.warning_ms, 0))

    def idle_warning(self) -> None:
        """Nobody touched the kiosk for a while: warn, then clear the form when the countdown ends."""
        if self._logical_page in ("language", "thanks") or self._unlocked:
            return
        self._countdown_clock.start()
        self._show_notice("idle")
        self._countdown.start()
        self._on_countdown()

    def _on_countdown(self) -> None:
        remaining = self.warning_ms - self._countdown_clock.elapsed()
        if remaining <= 0:
            self._countdown.stop()
            self._hide_notice()
            log.info("kiosk: idle timeout, clearing the form")
            self.reset()
            return
        seconds = math.ceil(remaining / 1000)
        self.ui.noticeLabel.setText(
            _("Are you still there? This form will be cleared in {seconds} s.").format(seconds=seconds)
        )

    # --- notices (start over, idle) -----------------------------------------------------------------------------
    def _show_notice(self, kind: str) -> None:
        self._notice = kind
        if kind == "start_over":
            self.ui.noticeLabel.setText(_("Clear your answers and start again from the first page?"))
            self.ui.noticeYesButton.setText(_("Yes, start over"))
            self.ui.noticeNoButton.setText(_("No, continue"))
            self.ui.noticeNoButton.show()
        else:
            self.ui.noticeYesButton.setText(_("I'm still here"))
            self.ui.noticeNoButton.hide()
        self.ui.noticeFrame.show()

    def _hide_notice(self) -> None:
        self._notice = None
        self._countdown.stop()
        self.ui.noticeFrame.hide()

    def _ask_start_over(self) -> None:
        self._show_notice("start_over")
        self.ui.noticeNoButton.setFocus()

    def _on_notice_yes(self) -> None:
        kind = self._notice
        self._hide_notice()
        if kind == "start_over":
            self.reset()
        else:
            self._restart_idle()

    def _on_notice_no(self) -> None:
        self._hide_notice()
        self._restart_idle()

    # --- data ---------------------------------------------------------------------------------------------------
    def _load_workshop(self) -> None:
        from ccema_desktop.services import workshops

        db, workshop_id = self.services.db, self.workshop_id

        def load() -> tuple[str, list[ParticipantView], list[SessionView]]:
            view = workshops.get_workshop(db, workshop_id)
            roster = participants_svc.list_participants(db, workshop_id)
            return view.title, roster, attendance.attendance_sessions(db, workshop_id)

        def done(result: tuple[str, list[ParticipantView], list[SessionView]]) -> None:
            self._workshop_title, self._roster, self._sessions = result
            self.ui.workshopLabel.setText(self._workshop_title)

        self.services.runner.run(load, done, self._on_load_error)

    def _on_load_error(self, exc: BaseException) -> None:
        self._busy = False
        self._update_nav()
        log.error("kiosk: could not load", exc_info=exc)
        self._show_error(
            str(exc)
            if isinstance(exc, KnownError)
            else _("Something went wrong. Please call the facilitator.")
        )

    # --- pages --------------------------------------------------------------------------------------------------
    def _page_widget(self, page: str) -> QWidget:
        return {
            "language": self.ui.languagePage,
            "form": self.ui.formPage,
            "phase": self.ui.phasePage,
            "session": self.ui.sessionPage,
            "identify": self.ui.identifyPage,
            "code": self.ui.codePage,
            "completion": self.ui.identifyPage,
            "question": self.ui.questionPage,
            "thanks": self.ui.thanksPage,
            "pin": self.ui.pinPage,
        }[page]

    def _go(self, page: str, remember: bool = True) -> None:
        """Show a page of the participant's flow; `remember` lets Back return to the page left."""
        current = self._logical_page
        if remember and current not in ("language", "thanks", "pin") and current != page:
            self.state.history.append(current)
        self._logical_page = page
        self.ui.stack.setCurrentWidget(self._page_widget(page))
        self.ui.errorLabel.clear()
        self._retranslate_page()
        self._update_nav()
        self._restart_idle()
        self._focus_page()

    def current_step(self) -> str:
        """The page shown, with the identify page's two uses told apart ("identify" or "completion")."""
        return self._logical_page

    def _focus_page(self) -> None:
        page = self._logical_page
        if page == "language":
            self.ui.englishButton.setFocus()
        elif page in ("identify", "completion"):
            self.ui.searchEdit.setFocus()
        elif page == "code":
            self.ui.motherEdit.setFocus()
        elif page == "session":
            self.ui.sessionList.setFocus()
        elif page == "phase":
            self.ui.preButton.setFocus()
        elif page == "question" and self._answer_widget is not None:
            self._answer_widget.focus_first()
        elif page == "thanks":
            self.ui.nextPersonButton.setFocus()
        elif page == "pin":
            self.ui.pinEdit.setFocus()

    def _update_nav(self) -> None:
        page = self._logical_page
        flow = page in ("form", "phase", "session", "identify", "code", "completion", "question")
        self.ui.backButton.setVisible(flow)
        self.ui.nextButton.setVisible(flow and page not in ("form", "phase"))
        self.ui.startOverButton.setVisible(flow)
        self.ui.backButton.setEnabled(not self._busy)
        enabled = not self._busy
        if page == "session":
            enabled = enabled and bool(self.ui.sessionList.selectedItems())
        elif page in ("identify", "completion"):
            enabled = enabled and bool(self.ui.nameList.selectedItems())
        self.ui.nextButton.setEnabled(enabled)

    def reset(self) -> None:
        """Forget the person completely and show the language page for the next one."""
        self._thanks_timer.stop()
        self._idle_timer.stop()
        self._hide_notice()
        self._clear_pages()
        self.state = KioskState()
        self._busy = False
        set_language(self.facilitator_lang)
        self._logical_page = "language"
        self._go("language", remember=False)

    def _clear_pages(self) -> None:
        """Remove every trace of the last person from the widgets."""
        self._set_answer_widget(None, remember=False)
        clear_layout(self.ui.formGrid)
        self._forms = []
        self.ui.sessionList.clear()
        self.ui.searchEdit.clear()
        self.ui.nameList.clear()
        self.ui.motherEdit.clear()
        self.ui.townEdit.clear()
        self.ui.monthCombo.clear()
        self.ui.yearCombo.clear()
        self.completed_check.setChecked(False)
        self.ui.codePreview.clear()
        self.ui.questionLabel.clear()
        self.ui.formTitleLabel.clear()
        self.ui.introLabel.clear()
        self.ui.errorLabel.clear()
        self.ui.pinEdit.clear()
        self.ui.pinError.clear()

    # --- language -----------------------------------------------------------------------------------------------
    def choose_language(self, lang: str) -> None:
        if self._busy:
            return
        self.state = KioskState(lang=lang)
        set_language(lang)
        self._busy = True
        self._update_nav()
        db, workshop_id = self.services.db, self.workshop_id

        def load() -> list[FormView]:
            return [forms.get_form(f, lang, db, workshop_id) for f in forms.workshop_forms(db, workshop_id)]

        self.services.runner.run(load, lambda found: self._on_forms_loaded(lang, found), self._on_load_error)

    def _on_forms_loaded(self, lang: str, found: list[FormView]) -> None:
        self._busy = False
        if self.state.lang != lang:
            return
        self._forms = found
        clear_layout(self.ui.formGrid)
        columns = 2 if len(found) > 4 else 1
        for index, form in enumerate(found):
            button = ChoiceButton(form.title, "action")
            button.setObjectName(f"form_{form.id}")
            self._adopt(button)
            button.clicked.connect(lambda _checked=False, chosen=form: self.choose_form(chosen))
            self.ui.formGrid.addWidget(button, index // columns, index % columns)
            button.show()
        self.ui.formGrid.setRowStretch(math.ceil(len(found) / columns), 1)
        self.ui.noFormsLabel.setVisible(not found)
        self._go("form", remember=False)

    # --- form and session ---------------------------------------------------------------------------------------
    def forms(self) -> list[FormView]:
        """The forms offered to the person (in their language)."""
        return list(self._forms)

    def form_button(self, form_id: str) -> ChoiceButton:
        button = self.ui.formButtons.findChild(ChoiceButton, f"form_{form_id}")
        if button is None:
            raise LookupError(form_id)
        return button

    def choose_form(self, form: FormView) -> None:
        self.state.form = form
        self.state.answers = {}
        self.state.index = 0
        self.state.phase = None
        self.state.session_id = None
        if form.kind == "knowledge_test":
            self._go("phase")
        elif form.kind == "session_feedback" and self._sessions:
            self._fill_sessions()
            self._go("session")
        else:
            self._start_identify()

    def choose_phase(self, phase: str) -> None:
        """Before ("pre") or after ("post") the module: decides which test of a pair is the pre-test."""
        self.state.phase = phase
        self._start_identify()

    def _fill_sessions(self) -> None:
        lang = self.state.lang
        self.ui.sessionList.clear()
        chosen = pick_feedback_session(self._sessions, dt.datetime.now())
        for session in self._sessions:
            text = "{date} · {start}–{end}\n{title}".format(
                date=format_date(session.date, lang, "medium"),
                start=session.start.strftime("%H:%M"),
                end=session.end.strftime("%H:%M"),
                title=session.title,
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            self.ui.sessionList.addItem(item)
            if chosen is not None and session.id == chosen.id:
                self.ui.sessionList.setCurrentItem(item)
                item.setSelected(True)
        current = self.ui.sessionList.currentItem()
        if current is not None:
            self.ui.sessionList.scrollToItem(current)

    # --- identify -----------------------------------------------------------------------------------------------
    def _start_identify(self) -> None:
        self._fill_names()
        self._go("identify")

    def _fill_names(self) -> None:
        self.ui.searchEdit.blockSignals(True)
        self.ui.searchEdit.clear()
        self.ui.searchEdit.blockSignals(False)
        self.ui.nameList.clear()
        counts: dict[str, int] = {}
        for person in self._roster:
            counts[person.full_name] = counts.get(person.full_name, 0) + 1
        for person in self._roster:
            text = person.full_name
            if counts[text] > 1 and person.organization:
                text = f"{text} ({person.organization})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(text))
            self.ui.nameList.addItem(item)
        self.ui.nameList.clearSelection()
        self.ui.nameList.setCurrentRow(-1)
        self._update_no_name()

    def _filter_names(self, text: str) -> None:
        needle = fold(text.strip())
        for row in range(self.ui.nameList.count()):
            item = self.ui.nameList.item(row)
            hidden = bool(needle) and needle not in str(item.data(Qt.ItemDataRole.UserRole + 1))
            item.setHidden(hidden)
            if hidden and item.isSelected():
                item.setSelected(False)
        visible = [
            self.ui.nameList.item(r)
            for r in range(self.ui.nameList.count())
            if not self.ui.nameList.item(r).isHidden()
        ]
        if needle and len(visible) == 1:
            visible[0].setSelected(True)
            self.ui.nameList.setCurrentItem(visible[0])
        self._update_no_name()
        self._update_nav()

    def _update_no_name(self) -> None:
        any_visible = any(not self.ui.nameList.item(r).isHidden() for r in range(self.ui.nameList.count()))
        if not self._roster:
            self.ui.noNameLabel.setText(_("The list of participants is empty."))
        elif not any_visible:
            self.ui.noNameLabel.setText(_("No name matches. Check the spelling, or ask the facilitator."))
        else:
            self.ui.noNameLabel.clear()
        self.ui.noNameLabel.setVisible(bool(self.ui.noNameLabel.text()))

    def select_name(self, participant_id: str) -> None:
        """Select a person in the list as a tap would (used by tests)."""
        for row in range(self.ui.nameList.count()):
            item = self.ui.nameList.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == participant_id:
                self.ui.nameList.setCurrentItem(item)
                item.setSelected(True)
                return
        raise LookupError(participant_id)

    def _selected_name(self) -> str | None:
        items = self.ui.nameList.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _on_anonymous_button(self) -> None:
        if self._logical_page == "identify":
            self.state.anonymous = True
            self.state.participant_id = None
            self._prepare_code_page()
            self._go("code")
        elif self._logical_page == "completion":
            self.state.completed_by = None
            self._start_questions()

    # --- anonymous code -----------------------------------------------------------------------------------------
    def _prepare_code_page(self) -> None:
        from babel.dates import get_month_names

        lang = self.state.lang or current_language()
        names = get_month_names("wide", context="stand-alone", locale=lang)
        keep_month, keep_year = self.ui.monthCombo.currentIndex(), self.ui.yearCombo.currentIndex()
        for combo in (self.ui.monthCombo, self.ui.yearCombo):
            combo.blockSignals(True)
            combo.clear()
        for month in range(1, 13):
            name = str(names[month])
            self.ui.monthCombo.addItem(f"{month:02d} · {name[:1].upper()}{name[1:]}", f"{month:02d}")
        for digit in range(10):
            self.ui.yearCombo.addItem(str(digit), str(digit))
        self.ui.monthCombo.setCurrentIndex(keep_month)
        self.ui.yearCombo.setCurrentIndex(keep_year)
        for combo in (self.ui.monthCombo, self.ui.yearCombo):
            combo.setPlaceholderText(_("Choose"))
            combo.blockSignals(False)
        self._update_code_preview()

    def code_parts(self) -> tuple[str, str, str, str]:
        return (
            self.ui.motherEdit.text(),
            str(self.ui.monthCombo.currentData() or ""),
            self.ui.townEdit.text(),
            str(self.ui.yearCombo.currentData() or ""),
        )

    def _update_code_preview(self) -> None:
        parts = self.code_parts()
        if not all(p.strip() for p in parts):
            self.ui.codePreview.setText(_("Your code: fill in the four items above"))
            return
        try:
            code = make_code(*parts)
        except ValidationError as exc:
            self.ui.codePreview.setText(str(exc))
            return
        self.ui.codePreview.setText(_("Your code: {code}").format(code=code))

    def _accept_code(self) -> bool:
        try:
            self.state.code = make_code(*self.code_parts())
        except ValidationError as exc:
            self._show_error(str(exc))
            return False
        return True

    # --- questions ----------------------------------------------------------------------------------------------
    def _start_questions(self) -> None:
        self.state.index = 0
        self._show_question()

    def _questions(self) -> list[QuestionView]:
        return self.state.form.questions if self.state.form is not None else []

    def _set_answer_widget(self, widget: AnswerWidget | None, remember: bool = True) -> None:
        """Show `widget` as the answer area; the answer on the one it replaces is kept unless the person is
        being forgotten (`remember` False)."""
        if self._answer_widget is not None:
            if remember:
                self._remember_answer()
            self._answer_widget.blockSignals(True)
            clear_layout(self.ui.answerLayout)
        self._answer_widget = widget
        if widget is not None:
            self.ui.answerLayout.addWidget(widget)
            widget.show()  # at once, not when the event loop next runs
            widget.changed.connect(self._on_answer_changed)

    def _remember_answer(self) -> None:
        widget = self._answer_widget
        if widget is None:
            return
        value = widget.answer()
        if value is None:
            self.state.answers.pop(widget.question.id, None)
        else:
            self.state.answers[widget.question.id] = value

    def _show_question(self) -> None:
        questions = self._questions()
        form = self.state.form
        if form is None or not questions:
            return
        index = self.state.index
        question = questions[index]
        labels: list[str] | None = None
        if question.type == "likert5":
            labels = forms.likert_labels(self.state.lang)
        elif question.type == "rating5":
            labels = forms.rating_labels(self.state.lang)
        widget = AnswerWidget(question, labels, self.state.answers.get(question.id))
        self._adopt(widget)
        self._set_answer_widget(widget)
        self._go("question", remember=self._logical_page != "question")

    def _on_answer_changed(self) -> None:
        self.ui.errorLabel.clear()
        self._remember_answer()

    def answer_widget(self) -> AnswerWidget | None:
        return self._answer_widget

    def _missing_message(self, question: QuestionView) -> str:
        if question.type == "text":
            return _("Please write an answer before you go on.")
        return _("Please choose an answer before you go on.")

    def _next_question(self) -> None:
        questions = self._questions()
        self._remember_answer()
        question = questions[self.state.index]
        if question.required and question.id not in self.state.answers:
            self._show_error(self._missing_message(question))
            if self._answer_widget is not None:
                self._answer_widget.focus_first()
            return
        if self.state.index + 1 < len(questions):
            self.state.index += 1
            self._show_question()
        else:
            self._submit()

    def _submit(self) -> None:
        form = self.state.form
        if form is None:
            return
        missing = [q for q in form.questions if q.required and q.id not in self.state.answers]
        if missing:
            self.state.index = form.questions.index(missing[0])
            self._show_question()
            self._show_error(self._missing_message(missing[0]))
            return
        db, workshop_id = self.services.db, self.workshop_id
        answers = dict(self.state.answers)
        respondent = self.state.respondent()
        session_id, lang, form_id, phase = self.state.session_id, self.state.lang, form.id, self.state.phase
        self._busy = True
        self._update_nav()
        self.ui.errorLabel.setText(_("Saving your answers…"))
        self.services.runner.run(
            lambda: evaluations.submit_response(
                db,
                workshop_id,
                form_id,
                answers,
                respondent,
                session_id=session_id,
                source="kiosk",
                lang=lang,
                phase=phase,
            ),
            self._on_submitted,
            self._on_submit_failed,
        )

    def _on_submitted(self, response_id: str) -> None:
        self._busy = False
        # Nothing of this person stays: a new state, and the pages emptied before the thank-you page.
        self._clear_pages()
        self.state = KioskState(lang=self.state.lang)
        self._logical_page = "thanks"
        self._go("thanks", remember=False)
        self._thanks_timer.start(self.thanks_ms)
        self.services.notify("evaluations")
        self.submitted.emit(response_id)

    def _on_submit_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_nav()
        if isinstance(exc, KnownError):
            self._show_error(str(exc))
        else:
            log.error("kiosk: could not save a response", exc_info=exc)
            self._show_error(
                _("Your answers could not be saved. Please call the facilitator; do not close this page.")
            )

    # --- navigation ---------------------------------------------------------------------------------------------
    def _on_next(self) -> None:
        if self._busy:
            return
        page = self._logical_page
        if page == "session":
            items = self.ui.sessionList.selectedItems()
            if not items:
                return
            self.state.session_id = str(items[0].data(Qt.ItemDataRole.UserRole))
            self._start_identify()
        elif page == "identify":
            person = self._selected_name()
            if person is None:
                return
            self.state.anonymous = False
            self.state.participant_id = person
            self.state.code = None
            self.state.completed_by = None
            self._start_questions()
        elif page == "code":
            if not self._accept_code():
                return
            if self.completed_check.isChecked() and self._roster:
                self._fill_names()
                self._go("completion")
            else:
                self.state.completed_by = None
                self._start_questions()
        elif page == "completion":
            person = self._selected_name()
            if person is None:
                return
            self.state.completed_by = person
            self._start_questions()
        elif page == "question":
            self._next_question()

    def _on_back(self) -> None:
        if self._busy:
            return
        page = self._logical_page
        if page == "question" and self.state.index > 0:
            self._remember_answer()
            self.state.index -= 1
            self._show_question()
            return
        if page == "question":
            self._remember_answer()
        if not self.state.history:
            self.reset()
            return
        previous = self.state.history.pop()
        if previous in ("identify", "completion"):
            self._fill_names()
        if previous == "code":
            self._prepare_code_page()
        if previous == "language":
            self.reset()
            return
        self._go(previous, remember=False)

    def _show_error(self, message: str) -> None:
        self.ui.errorLabel.setText(message)

    # --- PIN ----------------------------------------------------------------------------------------------------
    def open_pin_page(self) -> None:
        if self._unlocked or self._logical_page == "pin":
            return
        self._hide_notice()
        self._page_before_pin = self._logical_page
        self._lang_before_pin = current_language()
        set_language(self.facilitator_lang)
        self.ui.pinEdit.clear()
        self.ui.pinError.clear()
        self._logical_page = "pin"
        self.ui.stack.setCurrentWidget(self.ui.pinPage)
        self._retranslate_page()
        self._update_nav()
        self._update_pin_lock()
        self._restart_idle()
        self.ui.pinEdit.setFocus()

    def _close_pin_page(self) -> None:
        self.ui.pinEdit.clear()
        self.ui.pinError.clear()
        set_language(self._lang_before_pin or self.facilitator_lang)
        page = self._page_before_pin
        self._logical_page = page
        self.ui.stack.setCurrentWidget(self._page_widget(page))
        self._retranslate_page()
        self._update_nav()
        self._restart_idle()
        self._focus_page()

    def _update_pin_lock(self) -> None:
        locked = self._pin_lock_timer.isActive()
        self.ui.unlockButton.setEnabled(not locked and not self._busy)
        self.ui.pinEdit.setEnabled(not locked)
        if locked:
            self.ui.pinError.setText(_("Too many wrong PINs. Try again in a moment."))

    def _on_pin_lock_over(self) -> None:
        self._pin_attempts = 0
        self.ui.pinError.clear()
        self._update_pin_lock()

    def _on_unlock(self) -> None:
        if self._busy or self._pin_lock_timer.isActive():
            return
        pin = self.ui.pinEdit.text()
        if not pin:
            self.ui.pinError.setText(_("Enter the PIN."))
            return
        db = self.services.db
        self._busy = True
        self.ui.unlockButton.setEnabled(False)
        self.services.runner.run(
            lambda: kiosk_pin.check_pin(db, pin), self._on_pin_checked, self._on_pin_error
        )

    def _on_pin_checked(self, ok: bool) -> None:
        self._busy = False
        self.ui.pinEdit.clear()
        if ok:
            log.info("kiosk: unlocked by the facilitator")
            self._finish()
            self.unlocked.emit()
            self.close()
            return
        self._pin_attempts += 1
        if self._pin_attempts >= MAX_PIN_ATTEMPTS:
            self._pin_lock_timer.start(PIN_LOCK_MS)
            self._update_pin_lock()
        else:
            self.ui.pinError.setText(_("Wrong PIN. Try again."))
            self.ui.unlockButton.setEnabled(True)
        self.ui.pinEdit.setFocus()

    def _on_pin_error(self, exc: BaseException) -> None:
        self._busy = False
        self.ui.unlockButton.setEnabled(True)
        self.ui.pinError.setText(
            str(exc) if isinstance(exc, KnownError) else _("The PIN could not be checked. Try again.")
        )

    # --- texts --------------------------------------------------------------------------------------------------
    def _retranslate_page(self) -> None:
        """Texts of the page shown, in the language now in force (the participant's, or the facilitator's)."""
        self.ui.retranslateUi(self)
        self.ui.workshopLabel.setText(self._workshop_title)
        self.ui.welcomeLabel.setText("\n".join(translator(lang)(CHOOSE_LANGUAGE) for lang in LANGUAGES))
        page = self._logical_page
        if page in ("identify", "completion"):
            self._retranslate_identify(page)
        elif page == "code":
            self._retranslate_code()
        elif page == "question":
            self._retranslate_question()
        elif page == "thanks":
            self.ui.thanksNext.setText(_("The next person can start now."))
        if page == "question" and self.state.index == len(self._questions()) - 1:
            self.ui.nextButton.setText(_("Submit my answers"))
        elif page == "completion":
            self.ui.nextButton.setText(_("Record my name and continue"))
        elif page == "identify":
            self.ui.nextButton.setText(_("Continue with my name"))

    def _retranslate_identify(self, page: str) -> None:
        if page == "identify":
            self.ui.identifyHeading.setText(_("Who is answering?"))
            self.ui.identifyHint.setText(
                _(
                    "Find your name and continue, or answer anonymously: then your answers are kept with a "
                    "personal code instead of your name."
                )
            )
            self.ui.anonymousButton.setText(_("Answer anonymously with a personal code"))
        else:
            self.ui.identifyHeading.setText(_("Tick your name on the completion list"))
            self.ui.identifyHint.setText(
                _(
                    "The facilitators will see that you completed this form, never which answers are yours: "
                    "your answers keep only your code."
                )
            )
            self.ui.anonymousButton.setText(_("Continue without my name"))
        self._update_no_name()

    def _retranslate_code(self) -> None:
        self.ui.codeHint.setText(
            _(
                "Your answers will be kept with this code, not with your name. Give the same four answers "
                "before and after the training, so that your two tests can be matched. Nobody can tell who "
                "you are from the code, and you need not remember it."
            )
        )
        labels = {
            "mother_initials": self.ui.motherLabel,
            "birth_month": self.ui.monthLabel,
            "birth_town_initial": self.ui.townLabel,
            "birth_year_digit": self.ui.yearLabel,
        }
        fields: dict[str, QWidget] = {
            "mother_initials": self.ui.motherEdit,
            "birth_month": self.ui.monthCombo,
            "birth_town_initial": self.ui.townEdit,
            "birth_year_digit": self.ui.yearCombo,
        }
        for item in CODE_ITEMS:
            labels[item.key].setText(_(item.prompt))
            fields[item.key].setAccessibleName(_(item.prompt))
        self.ui.motherEdit.setPlaceholderText(_("2 letters"))
        self.ui.townEdit.setPlaceholderText(_("1 letter"))
        for combo in (self.ui.monthCombo, self.ui.yearCombo):
            combo.setPlaceholderText(_("Choose"))
        self.completed_check.setText(
            _("Also tick my name on the list of people who completed this form (kept apart from the answers)")
        )
        self._update_code_preview()

    def _retranslate_question(self) -> None:
        form = self.state.form
        questions = self._questions()
        if form is None or not questions:
            return
        index = self.state.index
        question = questions[index]
        self.ui.formTitleLabel.setText(form.title)
        self.ui.progressLabel.setText(
            _("Question {number} of {total}").format(number=index + 1, total=len(questions))
        )
        self.ui.progress.setRange(0, len(questions))
        self.ui.progress.setValue(index + 1)
        self.ui.introLabel.setText(form.intro if index == 0 else "")
        self.ui.introLabel.setVisible(index == 0 and bool(form.intro))
        self.ui.questionLabel.setText(question.text)
        self.ui.requiredHint.setText("" if question.required else _("This question is optional."))
        self.ui.requiredHint.setVisible(not question.required)
        self.ui.backButton.setText(_("Back"))
