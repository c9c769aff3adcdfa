"""What screens receive instead of the main window: the core context, a task runner, settings, selection.

At start-up the desktop may show its window before the database is open (see `app.run`): GuiServices is then
made from the checked data folder and the workshop list read at start, and `open_in_background()` opens the
database on the task runner. `ctx` and `db` wait for it (from a worker that is the normal case; on the UI
thread it happens only when someone acts in the first fraction of a second), so every screen keeps calling
them as before. Code on the UI thread that is about to import a core module calls `wait_until_open()` first:
the database layer is imported by the opening thread, never by two threads at once.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ccema_desktop.gui.tasks import TaskRunner
from ccema_desktop.settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    from ccema_desktop.context import AppContext, CheckedFolder
    from ccema_desktop.paths import DataPaths
    from ccema_desktop.services.workshop_views import WorkshopView
    from ccema_desktop.storage.db import Database


class _Relay(QObject):
    opened = Signal()
    failed = Signal(object)


class GuiServices(QObject):
    """Shared by every screen. `workshop_changed` fires when the current workshop changes;
    `data_changed` when any screen wrote something others may show (they refresh when visible)."""

    workshop_changed = Signal(object)  # str | None
    data_changed = Signal(str)  # what changed: "workshops", "agenda", "participants", "attendance", ...
    #: The database opened in the background is ready (emitted once, on the UI thread).
    core_opened = Signal()
    #: Opening it in the background failed (the exception; a KnownError says what to do).
    core_failed = Signal(object)

    def __init__(
        self,
        ctx: AppContext | None = None,
        runner: TaskRunner | None = None,
        settings: Settings | None = None,
        *,
        checked: CheckedFolder | None = None,
        first_workshops: list[WorkshopView] | None = None,
    ) -> None:
        super().__init__()
        if ctx is None and checked is None:
            raise TypeError("GuiServices needs an open context or a checked data folder to open")
        self._ctx = ctx
        self._checked = checked
        self._opening = False
        self._opening_lock = threading.Lock()  # `ctx` may start the opening from a worker thread too
        self._opener: threading.Thread | None = None
        self._opened = threading.Event()
        # Queued to this (UI) thread from the opening thread, then re-emitted as core_opened / core_failed.
        self._relay = _Relay(self)
        self._relay.opened.connect(self.core_opened)
        self._relay.failed.connect(self.core_failed)
        self._open_error: BaseException | None = None
        if ctx is not None:
            self._opened.set()
        self.paths: DataPaths = ctx.paths if ctx is not None else checked.paths  # type: ignore[union-attr]
        self.runner = runner or TaskRunner(self)
        self.settings = settings if settings is not None else load_settings(self.paths.settings_file)
        self._first_workshops = first_workshops
        self._workshop_id: str | None = None

    # --- the core context -------------------------------------------------------------------------------------
    @property
    def ctx(self) -> AppContext:
        """The open context; waits while it is still opening, raises what stopped it from opening."""
        if self._ctx is None:
            self.open_in_background()  # asked for before the app started the opening: start it now
            self._opened.wait()
            if self._ctx is None:
                assert self._open_error is not None
                raise self._open_error
        return self._ctx

    @property
    def db(self) -> Database:
        return self.ctx.db

    @property
    def is_open(self) -> bool:
        return self._ctx is not None

    def wait_until_open(self) -> AppContext:
        return self.ctx

    def open_in_background(self, daily_backup: bool = True) -> None:
        """Open the checked data folder's database on a thread of its own (`core_opened` or `core_failed`
        follow on the UI thread). Not on the task runner: jobs there may be waiting for this very opening.
        With a synchronous runner (tests) it opens at once."""
        checked = self._checked
        with self._opening_lock:
            if self._ctx is not None or checked is None or self._opening:
                return
            self._opening = True
        if self.runner.synchronous:
            self._open(checked, daily_backup)
            return
        self._opener = threading.Thread(
            target=self._open, args=(checked, daily_backup), name="open-database", daemon=True
        )
        self._opener.start()

    def _open(self, checked: CheckedFolder, daily_backup: bool) -> None:
        from ccema_desktop.context import open_checked

        try:
            ctx = open_checked(checked, daily_backup)
            # The first screens ask for the workshop service next: import it here, off the UI thread.
            from ccema_desktop.services import workshops  # noqa: F401
        except BaseException as exc:  # shown on the UI thread (core_failed), which decides what to do
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._open_error = exc
            self._opened.set()
            self._relay.failed.emit(exc)
            return
        self._ctx = ctx
        self._opened.set()
        self._relay.opened.emit()

    def finish_opening(self, timeout: float = 30.0) -> None:
        """Let a background opening end (the app is closing: it may be writing a backup)."""
        if self._opener is not None:
            self._opener.join(timeout)

    @property
    def first_workshops(self) -> list[WorkshopView] | None:
        """The workshop list read at start without the database layer, while the database is not open yet
        (nothing can have written since); None once it is open: ask `services.workshops` then."""
        return None if self._ctx is not None else self._first_workshops

    @property
    def sqlite_file(self) -> Path | None:
        if self._ctx is None and self._checked is not None and self._checked.sqlite_file is not None:
            return self._checked.sqlite_file
        return self.ctx.sqlite_file

    def database_label(self) -> str:
        """Where the data is, for the status bar: the SQLite file, or the server (without credentials)."""
        sqlite_file = self.sqlite_file
        return str(sqlite_file) if sqlite_file is not None else self.ctx.url.split("@")[-1]

    # --- selection and settings -------------------------------------------------------------------------------
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
            save_settings(self.paths.settings_file, self.settings)

    def notify(self, what: str) -> None:
        self.data_changed.emit(what)
