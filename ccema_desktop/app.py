"""Composition root of the desktop app: QApplication, fonts, translations, database, first window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# The core (SQLAlchemy and friends) is imported before PySide6 on purpose: PySide6 installs an import hook
# that inspects the source of every module imported after it, which would add a tenth of a second to start-up.
from ccema_desktop import __version__
from ccema_desktop.context import AppContext, open_context
from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _, default_language, set_language
from ccema_desktop.paths import resources_dir
from ccema_desktop.services import workshops as _workshops  # noqa: F401  (warm import, see above)

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

if TYPE_CHECKING:
    from ccema_desktop.gui.main_window import MainWindow
    from ccema_desktop.gui.services import GuiServices


def load_fonts(app: QApplication) -> list[str]:
    """Ship DejaVu so every script renders even on machines with no fonts installed; returns the families."""
    families: list[str] = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        app.setFont(QFont(families[0], 10))
    return families


_qt_translator: QTranslator | None = None


def install_qt_translations(app: QApplication, lang: str) -> None:
    """Qt's own buttons (OK, Cancel) in the chosen language."""
    global _qt_translator
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", path):
        app.installTranslator(translator)
        _qt_translator = translator
    else:
        _qt_translator = None


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ccema-desktop")
    parser.add_argument("--data-dir")
    parser.add_argument("--db")
    parser.add_argument("--lang")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--coordinator",
        action="store_true",
        help="open the headquarters (coordinator) window: import, dashboard, devices, conflicts",
    )
    mode.add_argument(
        "--facilitator", action="store_true", help="open the facilitator window even in a headquarters folder"
    )
    parser.add_argument("--smoke-test", action="store_true", help="open the main window, then exit 0")
    parser.add_argument("--version", action="version", version=f"ccema-desktop {__version__}")
    args, _unknown = parser.parse_known_args(list(argv)[1:])
    return args


#: Made by `ccema hq init` (sync.keys.HQ_ENCRYPTION_KEY_FILE; not imported here, to keep start-up fast).
HQ_KEY_FILE = "hq-x25519.pem"


def coordinator_mode(args: argparse.Namespace, ctx: AppContext) -> bool:
    """The coordinator window when asked for, or when the data folder holds the headquarters keys."""
    if args.coordinator or args.facilitator:
        return bool(args.coordinator)
    return (ctx.paths.keys / HQ_KEY_FILE).exists()


def no_display_message() -> str | None:
    """One clear line instead of Qt's abort when there is no screen to open a window on."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            return _(
                "No display is available. Run CCEMA Desktop in a desktop session, or headless with "
                "'xvfb-run -a ccema-desktop' or QT_QPA_PLATFORM=offscreen; the 'ccema' command needs no display."
            )
    return None


def run(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    set_language(args.lang or default_language())
    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 1
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setApplicationName("CCEMA Desktop")
    app.setOrganizationName("CCEMA")
    shipped_fonts = load_fonts(app)
    try:
        ctx: AppContext = open_context(args.data_dir, args.db)
    except KnownError as exc:
        print(str(exc), file=sys.stderr)
        if not args.smoke_test:
            QMessageBox.critical(None, _("CCEMA Desktop"), str(exc))
        return 1
    from ccema_desktop.gui.services import GuiServices

    services = GuiServices(ctx)
    lang = args.lang or services.settings.language or default_language()
    set_language(lang)
    install_qt_translations(app, lang)
    window: QMainWindow
    if coordinator_mode(args, ctx):
        from ccema_desktop.gui.coordinator.window import CoordinatorWindow

        window = CoordinatorWindow(services)
    else:
        from ccema_desktop.gui.main_window import MainWindow

        window = facilitator = MainWindow(services)
        if not args.smoke_test and not services.settings.demo_offered:
            facilitator.workshops_loaded.connect(
                lambda count: (
                    QTimer.singleShot(0, lambda: _welcome(facilitator, services)) if count == 0 else None
                )
            )
    window.show()
    if args.smoke_test:
        _start_smoke_test(app, window, services, lambda: smoke_test_report(ctx, lang, shipped_fonts))
    code = app.exec()
    services.runner.wait(10000)  # let background work finish before the database closes
    ctx.close()
    return int(code)


def smoke_test_report(ctx: AppContext, lang: str, shipped_fonts: Sequence[str]) -> str:
    """One line saying what a started app really loaded (packaging checks read it; not translated)."""
    qt_file = Path(_qt_translator.filePath()).name if _qt_translator is not None else "none"
    fonts = ", ".join(sorted(set(shipped_fonts))) or "none"
    database = ctx.sqlite_file or "(database server)"
    return (
        f"smoke test passed: main window shown; language {lang}; shipped fonts {fonts}; "
        f"Qt translation {qt_file}; database {database}"
    )


#: A smoke test that has not seen its window ready by then fails (exit 3).
SMOKE_TEST_TIMEOUT_MS = 60_000


def smoke_test_problem(window: QMainWindow, services: GuiServices) -> str | None:
    """What is not there yet that a started app must show; None when the window is really ready.

    The facilitator's window must be shown with the most recent workshop (when the settings name one that
    exists) chosen in the workshop chooser and the screen on show displaying its data, not just mapped.
    """
    if not window.isVisible():
        return "the main window is not shown"
    from ccema_desktop.gui.main_window import MainWindow

    if not isinstance(window, MainWindow):
        return None
    if not window.first_load_done:
        return "the workshop list has not loaded"
    listed = window.workshop_ids()
    expected = next((w for w in services.settings.recent_workshops if w in listed), None)
    if expected is not None and (
        services.workshop_id != expected or window.ui.workshopCombo.currentData() != expected
    ):
        return f"the most recent workshop {expected} is not open"
    screen = window.current_screen()
    if screen is None or not screen.is_loaded():
        return "the first screen has not shown its data"
    return None


def _start_smoke_test(
    app: QApplication, window: QMainWindow, services: GuiServices, report: Callable[[], str]
) -> None:
    """Exit 0 once the window is ready (see `smoke_test_problem`), 3 if it is not within the time limit."""
    from ccema_desktop.gui.main_window import MainWindow

    done = False

    def finish() -> None:
        nonlocal done
        if done:
            return
        problem = smoke_test_problem(window, services)
        if problem is not None:
            return  # not yet: `ready` or the time limit comes later
        done = True
        print(report(), flush=True)
        app.exit(0)

    def give_up() -> None:
        if not done:
            problem = smoke_test_problem(window, services) or "the window did not get ready"
            print(f"smoke test failed: {problem}", file=sys.stderr, flush=True)
            app.exit(3)

    if isinstance(window, MainWindow):
        window.ready.connect(lambda: QTimer.singleShot(0, finish))
    QTimer.singleShot(0, finish)  # after the first paint; at once if the window was ready when shown
    QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, give_up)


def _welcome(window: MainWindow, services: GuiServices) -> None:
    from ccema_desktop.gui.main_window import first_start_prompt

    choice = first_start_prompt(window, services)
    if choice == "create":
        window.ui.actionNewWorkshop.trigger()
    elif choice == "demo":
        window.ui.actionOpenDemo.trigger()
