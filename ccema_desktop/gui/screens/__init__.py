"""Navigation screens; each module exposes SCREEN.

`REGISTRY` lists them in navigation order with what the main window needs before a screen is built (its key,
whether it needs a chosen workshop, its title), so the window can list every screen while building only the
one on show: importing a screen module loads its dialogs, models and core services (tests check that each
SCREEN class agrees with its entry). A module missing from a build is simply not listed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from ccema_desktop.i18n import _


@dataclass(frozen=True)
class ScreenEntry:
    key: str  # also the module name in this package
    needs_workshop: bool
    title: Callable[[], str]  # in the current language
    #: The module imports nothing that loads the database layer, so it can be built (and shown) while the
    #: database is still opening at start-up.
    light: bool = False

    @property
    def module(self) -> str:
        return f"{__name__}.{self.key}"


REGISTRY: tuple[ScreenEntry, ...] = (
    ScreenEntry("workshops", False, lambda: _("Workshops"), light=True),
    ScreenEntry("agenda", True, lambda: _("Agenda")),
    ScreenEntry("participants", True, lambda: _("Participants")),
    ScreenEntry("attendance", True, lambda: _("Attendance")),
    ScreenEntry("curriculum", False, lambda: _("Curriculum")),
    ScreenEntry("evaluations", True, lambda: _("Evaluations")),
    ScreenEntry("reports", True, lambda: _("Reports")),
    ScreenEntry("sync", False, lambda: _("Sync")),
)


def available_screens() -> list[ScreenEntry]:
    """The registry's screens whose module is in this build (found without importing it)."""
    return [entry for entry in REGISTRY if importlib.util.find_spec(entry.module) is not None]
