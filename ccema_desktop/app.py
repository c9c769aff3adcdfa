"""Composition root of the desktop app: QApplication, fonts, translations, database, first window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from ccema_desktop import __version__
from ccema_desktop.context import AppContext, open_context
from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _, default_language, set_language
from ccema_desktop.paths import resources_dir


def load_fonts(app: QApplication) -> None:
    """Ship DejaVu so every script renders even on machines with no fonts installed."""
    families: list[str] = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if families:
        app.setFont(QFont(families[0], 10))


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
    parser.add_argument("--smoke-test", action="store_true", help="open the main window, then exit 0")
    parser.add_argument("--version", action="version", version=f"ccema-desktop {__version__}")
    args, _unknown = parser.parse_known_args(list(argv)[1:])
    return args


def run(argv: Sequence[str]) -> int:
    args = parse_args(argv)
    lang = args.lang or default_language()
    set_language(lang)
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setApplicationName("CCEMA Desktop")
    app.setOrganizationName("CCEMA")
    load_fonts(app)
    install_qt_translations(app, lang)
    try:
        ctx: AppContext = open_context(args.data_dir, args.db)
    except KnownError as exc:
        if args.smoke_test:
            print(str(exc), file=sys.stderr)
        else:
            QMessageBox.critical(None, _("CCEMA Desktop"), str(exc))
        return 1
    from ccema_desktop.gui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    if args.smoke_test:
        QTimer.singleShot(200, app.quit)
    code = app.exec()
    ctx.close()
    return int(code)
