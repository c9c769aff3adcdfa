"""Composition root of the core: resolve where data lives, open and upgrade the database, load content.

The GUI and the CLI both start here; nothing in this module knows about Qt.

Opening has two steps so the desktop can show its window before SQLAlchemy is loaded (about a quarter of a
second): `check_data_folder` uses the standard library only (folder writable, device key, a SQLite file that
is a database, not damaged and not written by a newer version: refused before anything touches it), then
`open_checked` opens it with SQLAlchemy, upgrades it after a backup, and loads the curriculum.
`open_context` does both.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _
from ccema_desktop.paths import DataPaths, resolve_data_dir
from ccema_desktop.storage import migrate
from ccema_desktop.sync import ensure_device_key_on_start

if TYPE_CHECKING:
    from ccema_desktop.storage.db import Database

DATABASE_ID_KEY = "database_id"
DEVICE_ID_KEY = "device_id"


@dataclass(frozen=True)
class CheckedFolder:
    """What `check_data_folder` found, before SQLAlchemy is imported."""

    paths: DataPaths
    url: str
    #: The data folder's own SQLite file when it was checked here (None for a URL given by option or
    #: environment: `open_checked` checks that one).
    sqlite_file: Path | None
    #: The file exists and its schema is this version's newest: nothing to migrate, and a read with the
    #: standard library sees the tables this version knows.
    at_head: bool


@dataclass
class AppContext:
    """Everything a front end needs: the data folder, the open database and its identity."""

    paths: DataPaths
    db: Database
    url: str

    @property
    def sqlite_file(self) -> Path | None:
        from sqlalchemy.engine.url import make_url

        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return Path(str(parsed.database))
        return None

    def meta(self, key: str) -> str | None:
        from ccema_desktop.storage.models import DbMeta

        with self.db.transaction() as s:
            row = s.get(DbMeta, key)
            return row.value if row else None

    @property
    def database_id(self) -> str:
        return self.meta(DATABASE_ID_KEY) or ""

    def close(self) -> None:
        self.db.dispose()


def _prepare_folder(paths: DataPaths) -> None:
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
        probe = paths.root / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise KnownError(
            _(
                "Cannot write to the data folder {path} ({reason}). Choose another folder with --data-dir "
                "or CCEMA_DATA_DIR, or free some disk space."
            ).format(path=paths.root, reason=exc.strerror or exc)
        ) from exc


def _ensure_identity(db: Database) -> None:
    import uuid  # (with `platform`, a few milliseconds the desktop's first paint does without)

    from sqlalchemy import select

    from ccema_desktop.storage.models import DbMeta

    with db.transaction() as s:
        for key in (DATABASE_ID_KEY, DEVICE_ID_KEY):
            if s.get(DbMeta, key) is None:
                s.add(DbMeta(key=key, value=str(uuid.uuid4())))
    with db.transaction() as s:
        db.device_id = s.scalars(select(DbMeta.value).where(DbMeta.key == DEVICE_ID_KEY)).one()


def check_data_folder(
    data_dir: str | os.PathLike[str] | None = None, db_url: str | None = None
) -> CheckedFolder:
    """The checks that need only the standard library; KnownError says what to do when one fails."""
    paths = resolve_data_dir(data_dir)
    url = db_url or os.environ.get("CCEMA_DB_URL") or ""
    if url:
        return CheckedFolder(paths=paths, url=url, sqlite_file=None, at_head=False)
    _prepare_folder(paths)
    ensure_device_key_on_start(paths)
    db_file = paths.database
    revision: str | None = None
    if db_file.exists() and db_file.stat().st_size > 0:
        revision = _check_sqlite_file(db_file)
    return CheckedFolder(
        paths=paths,
        url=paths.database_url(),
        sqlite_file=db_file,
        at_head=revision is not None and revision == migrate.head_revision(),
    )


def open_checked(checked: CheckedFolder, daily_backup: bool = True) -> AppContext:
    """Open (creating or upgrading as needed) the database `check_data_folder` looked at."""
    from sqlalchemy.exc import OperationalError

    from ccema_desktop.services import curriculum
    from ccema_desktop.storage import backups
    from ccema_desktop.storage.db import Database, make_engine

    paths, url = checked.paths, checked.url
    engine = make_engine(url)
    db = Database(engine)
    ctx = AppContext(paths=paths, db=db, url=url)
    db_file = ctx.sqlite_file
    if (
        checked.sqlite_file is None
        and db_file is not None
        and db_file.exists()
        and db_file.stat().st_size > 0
    ):
        _check_sqlite_file(db_file)

    def backup(reason: str) -> Path | None:
        if db_file is None or not db_file.exists():
            return None
        return backups.backup_named(db_file, paths.backups, reason)

    try:
        migrate.upgrade(engine, backup=backup)
        _ensure_identity(db)
        curriculum.ensure_loaded(db)
    except OperationalError as exc:
        db.dispose()
        raise KnownError(
            _("Cannot open the database at {url}: {reason}").format(url=_safe_url(url), reason=exc.orig)
        ) from exc
    except Exception:
        db.dispose()
        raise
    if daily_backup and db_file is not None:
        backups.daily_backup(db_file, paths.backups, dt.date.today())
    return ctx


def open_context(
    data_dir: str | os.PathLike[str] | None = None,
    db_url: str | None = None,
    daily_backup: bool = True,
) -> AppContext:
    """Open (creating or upgrading as needed) the database chosen by options, environment or defaults."""
    return open_checked(check_data_folder(data_dir, db_url), daily_backup)


def _safe_url(url: str) -> str:
    from sqlalchemy.engine.url import make_url

    return make_url(url).render_as_string(hide_password=True)


def _check_sqlite_file(path: Path) -> str | None:
    """Refuse, with a clear message, a file that is not a SQLite database; returns its schema revision."""
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise KnownError(
            _(
                "{path} is not a CCEMA Desktop database (not a SQLite file). Move it away or choose another data folder."
            ).format(path=path)
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            version = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise KnownError(
            _(
                "The database {path} is damaged ({reason}). Restore a backup with 'ccema restore FILE'."
            ).format(path=path, reason=exc)
        ) from exc
    if version is None:
        return None
    # Checked read-only, before any connection with pragmas touches the file.
    migrate.ensure_known_revision(version[0])
    return str(version[0])
