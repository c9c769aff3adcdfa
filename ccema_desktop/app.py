"""Composition root of the desktop app: QApplication, fonts, translations, database, first window.

Start-up order (benchmarks/bench_startup.py measures it against a bare PySide6 window): the data folder is
checked with the standard library (a newer or damaged database is refused here, before anything writes);
when its database is already at this version's schema, the workshop list is read with sqlite3
(`services.first_paint`) and the window is shown with the most recent workshop open while the database layer
(SQLAlchemy, the models, the curriculum check, the daily backup) opens on the task runner. A database that
needs creating or upgrading, a server URL and the coordinator window take the plain path: open first (with
the backup before any upgrade), then show.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# Nothing here imports SQLAlchemy: the database layer is loaded after the window is shown, or before it only
# when the database must be created or upgraded (see the module docstring).
from ccema_desktop.context import AppContext, CheckedFolder, check_data_folder, open_checked
from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _, default_language, set_language
from ccema_desktop.label_memo import memo
from ccema_desktop.paths import resources_dir

# isort: split
import ccema_desktop.gui.pyside_import_check  # noqa: F401  # before PySide6: each later import is checked

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow

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
    parser.add_argument("--version", action=_VersionAction, nargs=0)
    args, _unknown = parser.parse_known_args(list(argv)[1:])
    return args


#: Made by `ccema hq init` (sync.keys.HQ_ENCRYPTION_KEY_FILE; not imported here, to keep start-up fast).
HQ_KEY_FILE = "hq-x25519.pem"


class _VersionAction(argparse.Action):
    """`--version`, reading the installed version only when asked (importlib.metadata is slow to load)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from ccema_desktop import __version__

        print(f"ccema-desktop {__version__}")
        parser.exit()


def coordinator_mode(args: argparse.Namespace, where: AppContext | CheckedFolder) -> bool:
    """The coordinator window when asked for, or when the data folder holds the headquarters keys."""
    if args.coordinator or args.facilitator:
        return bool(args.coordinator)
    return (where.paths.keys / HQ_KEY_FILE).exists()


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
        checked = check_data_folder(args.data_dir, args.db)
        coordinator = coordinator_mode(args, checked)
        if not coordinator:
            memo.start(checked.paths.root)  # labels of the last first screen: no Babel before the first paint
        first_workshops = None
        if checked.at_head and checked.sqlite_file is not None and not coordinator:
            from ccema_desktop.services.first_paint import read_workshops

            first_workshops = read_workshops(checked.sqlite_file)
        # No quick read (new or older database, server, coordinator): open before showing anything.
        ctx = open_checked(checked) if first_workshops is None else None
    except KnownError as exc:
        print(str(exc), file=sys.stderr)
        if not args.smoke_test:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, _("CCEMA Desktop"), str(exc))
        return 1
    from ccema_desktop.gui.services import GuiServices

    services = GuiServices(ctx, checked=checked, first_workshops=first_workshops)
    lang = args.lang or services.settings.language or default_language()
    set_language(lang)
    install_qt_translations(app, lang)
    window: QMainWindow
    facilitator: MainWindow | None = None
    if coordinator:
        from ccema_desktop.gui.coordinator.window import CoordinatorWindow

        window = CoordinatorWindow(services)
    else:
        from ccema_desktop.gui.main_window import MainWindow

        window = facilitator = MainWindow(services)
        if not args.smoke_test and not services.settings.demo_offered:

            def welcome_if_empty(count: int) -> None:
                if count == 0:
                    QTimer.singleShot(0, lambda: _welcome(facilitator, services))

            if facilitator.first_load_done:
                welcome_if_empty(len(facilitator.workshop_ids()))
            else:
                facilitator.workshops_loaded.connect(welcome_if_empty)
    if args.smoke_test:
        _start_smoke_test(app, window, services, lambda: smoke_test_report(services, lang, shipped_fonts))
    if not services.is_open:
        services.core_failed.connect(lambda exc: _open_failed(app, window, exc, args.smoke_test))
        # After the first paint (the opening thread holds the GIL much of the time), or soon anyway if the
        # window is not painted (minimised, say).
        if facilitator is not None:
            facilitator.first_frame.connect(services.open_in_background)
        QTimer.singleShot(OPEN_AFTER_MS, services, services.open_in_background)
    if facilitator is not None:
        facilitator.first_frame.connect(memo.save)  # the first screen is painted: keep its labels
    window.show()
    code = app.exec()
    services.runner.wait(10000)  # let background work finish before the database closes
    services.finish_opening()
    if services.is_open:
        services.ctx.close()
    memo.stop()
    return int(code)


def _open_failed(app: QApplication, window: QMainWindow, exc: BaseException, smoke_test: bool) -> None:
    """The database could not be opened after the window was shown: say so as before the window, and quit."""
    if isinstance(exc, KnownError):
        print(str(exc), file=sys.stderr)
        if not smoke_test:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(window, _("CCEMA Desktop"), str(exc))
    else:
        print(getattr(exc, "__traceback_text__", None) or repr(exc), file=sys.stderr)
        if not smoke_test:
            from ccema_desktop.gui.messages import show_error

            show_error(window, exc)
    app.exit(1)


def smoke_test_report(services: GuiServices, lang: str, shipped_fonts: Sequence[str]) -> str:
    """One line saying what a started app really loaded (packaging checks read it; not translated)."""
    qt_file = Path(_qt_translator.filePath()).name if _qt_translator is not None else "none"
    fonts = ", ".join(sorted(set(shipped_fonts))) or "none"
    database = services.ctx.sqlite_file or "(database server)"
    return (
        f"smoke test passed: main window shown; language {lang}; shipped fonts {fonts}; "
        f"Qt translation {qt_file}; database {database}"
    )


#: The database opens in the background at the first paint, or after this long if there is none.
OPEN_AFTER_MS = 500

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
    """Print one line when the window is ready (see `smoke_test_problem`; the start-up benchmark times it),
    then `report()` and exit 0 once the database is open too; exit 3 if that does not happen in time."""
    from ccema_desktop.gui.main_window import MainWindow

    shown = done = False

    def say(line: str) -> bool:
        try:
            print(line, flush=True)
        except OSError:  # nobody reads the output any more: end now rather than never
            app.exit(3)
            return False
        return True

    def check() -> None:
        nonlocal shown, done
        if done:
            return
        if not shown:
            if smoke_test_problem(window, services) is not None:
                QTimer.singleShot(10, check)  # painted but something is still loading: look again soon
                return
            shown = True
            # The CPU time so far (this thread only runs yet) is for benchmarks/bench_startup.py.
            if not say(f"smoke test: main window shown with its data (cpu {time.process_time():.4f} s)"):
                done = True
                return
        if not services.is_open:
            return  # `core_opened` comes later
        done = True
        if say(report()):
            app.exit(0)

    def give_up() -> None:
        if not done:
            problem = smoke_test_problem(window, services) or "the database did not open"
            print(f"smoke test failed: {problem}", file=sys.stderr, flush=True)
            app.exit(3)

    if isinstance(window, MainWindow):
        window.first_frame.connect(check)  # the first paint once ready
    else:
        QTimer.singleShot(0, check)
    services.core_opened.connect(check)
    QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, give_up)


def _welcome(window: MainWindow, services: GuiServices) -> None:
    from ccema_desktop.gui.main_window import first_start_prompt

    choice = first_start_prompt(window, services)
    if choice == "create":
        window.ui.actionNewWorkshop.trigger()
    elif choice == "demo":
        window.ui.actionOpenDemo.trigger()
