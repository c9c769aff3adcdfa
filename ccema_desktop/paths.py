"""Where data lives: the platformdirs user data folder, or a folder chosen by option or environment.

Order of precedence: explicit argument (``--data-dir``), ``CCEMA_DATA_DIR``, portable mode (a file named
``ccema-portable`` next to the executable), then the platform's user data folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "CCEMA Desktop"
APP_AUTHOR = "CCEMA"
PORTABLE_MARKER = "ccema-portable"
DB_FILENAME = "ccema.sqlite"


def _portable_root() -> Path | None:
    exe_dir = Path(sys.executable).resolve().parent
    if getattr(sys, "frozen", False) and (exe_dir / PORTABLE_MARKER).exists():
        return exe_dir / "ccema-data"
    return None


@dataclass(frozen=True)
class DataPaths:
    """All folders derived from one data root."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    def database_url(self) -> str:
        return f"sqlite:///{self.database}"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    """Pick the data folder by the documented precedence; the folder is not created here."""
    if explicit:
        return DataPaths(Path(explicit).expanduser().resolve())
    env = os.environ.get("CCEMA_DATA_DIR")
    if env:
        return DataPaths(Path(env).expanduser().resolve())
    portable = _portable_root()
    if portable is not None:
        return DataPaths(portable)
    return DataPaths(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (next to the package in a source tree, or inside a frozen app)."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def locales_dir() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "locales"
    return Path(__file__).resolve().parent.parent / "locales"
