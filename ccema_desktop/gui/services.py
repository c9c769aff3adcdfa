"""What screens receive instead of the main window: the core context, a task runner, settings, selection."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal

from ccema_desktop.context import AppContext
from ccema_desktop.gui.tasks import TaskRunner
from ccema_desktop.settings import Settings, load_settings, save_settings


class GuiServices(QObject):
    """Shared by every screen. `workshop_changed` fires when the current workshop changes;
    `data_changed` when any screen wrote something others may show (they refresh when visible)."""

    workshop_changed = Signal(object)  # str | None
    data_changed = Signal(str)  # what changed: "workshops", "agenda", "participants", "attendance", ...

    def __init__(
        self, ctx: AppContext, runner: TaskRunner | None = None, settings: Settings | None = None
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.settings = settings if settings is not None else load_settings(ctx.paths.settings_file)
        self._workshop_id: str | None = None

    @property
    def db(self):  # type: ignore[no-untyped-def]  # the Database; typed loosely to keep this module light
        return self.ctx.db

    @property
    def workshop_id(self) -> str | None:
        return self._workshop_id

    def set_workshop(self, workshop_id: str | None) -> None:
        if workshop_id == self._workshop_id:
            return
        self._workshop_id = workshop_id
        if workshop_id:
            self.settings.remember_workshop(workshop_id)
            self.save_settings()
        self.workshop_changed.emit(workshop_id)

    def save_settings(self) -> None:
        # Settings are a convenience; a read-only stick must not stop the workshop.
        with contextlib.suppress(OSError):
            save_settings(self.ctx.paths.settings_file, self.settings)

    def notify(self, what: str) -> None:
        self.data_changed.emit(what)
