"""Menus both windows (facilitator and coordinator) build the same way: Go (Ctrl+1..n) and Language."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ccema_desktop.i18n import LANGUAGES, language_name


def add_go_actions(
    owner: QWidget, menu: QMenu, keys: Sequence[str], show: Callable[[str], None]
) -> list[QAction]:
    """One action per destination, Ctrl+1 for the first; texts are set by the window's retranslate."""
    actions: list[QAction] = []
    for index, key in enumerate(keys):
        action = QAction(owner)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, target=key: show(target))
        menu.addAction(action)
        actions.append(action)
    return actions


def add_language_actions(owner: QWidget, menu: QMenu, choose: Callable[[str], None]) -> dict[str, QAction]:
    """Exclusive, checkable actions named in each language's own name."""
    group = QActionGroup(owner)
    actions: dict[str, QAction] = {}
    for lang in LANGUAGES:
        action = QAction(language_name(lang), owner, checkable=True)
        action.triggered.connect(lambda _checked=False, code=lang: choose(code))
        group.addAction(action)
        menu.addAction(action)
        actions[lang] = action
    return actions
