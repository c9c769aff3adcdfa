"""Dialogs for errors and confirmations, so every screen says things the same way.

QMessageBox is imported when a dialog opens: PySide6 builds the class on first use (a few milliseconds the
desktop's first paint does without).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A KnownError's message as it is; anything else as an unexpected problem with details."""
    from PySide6.QtWidgets import QMessageBox

    if isinstance(exc, KnownError):
        QMessageBox.warning(parent, _("CCEMA Desktop"), str(exc))
        return
    log.error("unexpected error", exc_info=exc)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        _("CCEMA Desktop"),
        _("Something unexpected went wrong. Your data is safe: nothing half-done was saved."),
        parent=parent,
    )
    box.setDetailedText(getattr(exc, "__traceback_text__", repr(exc)))
    box.exec()


def confirm(parent: QWidget | None, text: str, action: str) -> bool:
    """Ask before a destructive action; `action` names the button (e.g. 'Delete session')."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, _("CCEMA Desktop"), text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes
