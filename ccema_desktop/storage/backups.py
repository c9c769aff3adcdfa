"""Backups of the SQLite file with SQLite's online backup API (consistent even while the app writes).

Files are written to a temporary name and renamed, so a crash never leaves a half-written backup that
looks complete. Daily backups keep the 14 most recent days of use.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _

DAILY_PREFIX = "daily-"
KEEP_DAILY = 14


def copy_database(source: Path, dest: Path) -> Path:
    """Consistent copy of `source` to `dest` (atomic rename at the end)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f"{dest.name}.{os.getpid()}.part")  # two processes may back up at once
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
            finally:
                out.close()
        finally:
            src.close()
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KnownError(
            _(
                "Could not write the backup to {path}: {reason}. Check that the folder is writable and the disk is not full."
            ).format(path=dest, reason=exc.strerror or exc)
        ) from exc
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise KnownError(_("Could not back up the database: {reason}.").format(reason=exc)) from exc
    return dest


def timestamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def backup_named(db_file: Path, backups_dir: Path, label: str) -> Path:
    return copy_database(db_file, backups_dir / f"{label}-{timestamp()}.sqlite")


def daily_backup(
    db_file: Path, backups_dir: Path, today: dt.date | None = None, keep: int = KEEP_DAILY
) -> Path | None:
    """At most one backup per day of use; older ones beyond `keep` are removed. None if today's exists."""
    today = today or dt.date.today()
    target = backups_dir / f"{DAILY_PREFIX}{today.isoformat()}.sqlite"
    if target.exists() or not db_file.exists():
        return None
    copy_database(db_file, target)
    dailies = sorted(backups_dir.glob(f"{DAILY_PREFIX}*.sqlite"))
    for old in dailies[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target
