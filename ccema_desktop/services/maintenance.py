"""Backup and restore of the local database.

Restore checks the file first (a SQLite file, a CCEMA database, not newer than this app, intact), keeps a
copy of what it replaces, copies with SQLite's backup API (one transaction on the target), then gives the
database a new id so change counters from before the restore are never reused.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import update

from ccema_desktop.context import DATABASE_ID_KEY, DEVICE_ID_KEY, AppContext
from ccema_desktop.errors import KnownError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.storage import backups, migrate
from ccema_desktop.storage.models import DbMeta


def _require_sqlite(ctx: AppContext) -> Path:
    path = ctx.sqlite_file
    if path is None:
        raise KnownError(
            _(
                "Backup and restore work on the local SQLite database; use the server's own tools for {url}."
            ).format(url=ctx.url.split("@")[-1])
        )
    return path


def backup(ctx: AppContext, out: Path | None = None) -> Path:
    db_file = _require_sqlite(ctx)
    if out is None:
        return backups.backup_named(db_file, ctx.paths.backups, "manual")
    if out.exists() and out.is_dir():
        out = out / f"ccema-backup-{backups.timestamp()}.sqlite"
    return backups.copy_database(db_file, out)


def check_backup_file(path: Path) -> None:
    """Raise a ValidationError saying what is wrong with a file offered for restore."""
    if not path.is_file():
        raise ValidationError(_("{path} does not exist or is not a file.").format(path=path))
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise ValidationError(
                _("{path} is not a CCEMA Desktop backup (not a SQLite database).").format(path=path)
            )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"db_meta", "alembic_version", "workshop"} <= tables:
                raise ValidationError(
                    _("{path} is a SQLite file but not a CCEMA Desktop database.").format(path=path)
                )
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise ValidationError(_("{path} is damaged; choose another backup.").format(path=path))
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise ValidationError(
            _("{path} cannot be read as a database: {reason}.").format(path=path, reason=exc)
        ) from exc
    if version and version[0] not in migrate.known_revisions():
        raise ValidationError(
            _(
                "{path} was written by a newer version of CCEMA Desktop; install that version to restore it."
            ).format(path=path)
        )


def restore(ctx: AppContext, source: Path) -> Path:
    """Replace the database with `source`; returns the path of the kept copy of the replaced database."""
    db_file = _require_sqlite(ctx)
    source = source.resolve()
    check_backup_file(source)
    device_id = ctx.meta(DEVICE_ID_KEY)
    kept = backups.backup_named(db_file, ctx.paths.backups, "before-restore")
    ctx.db.dispose()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(db_file)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    migrate.upgrade(
        ctx.db.engine, backup=lambda reason: backups.backup_named(db_file, ctx.paths.backups, reason)
    )
    with ctx.db.transaction() as s:
        s.execute(update(DbMeta).where(DbMeta.key == DATABASE_ID_KEY).values(value=str(uuid.uuid4())))
        if device_id:
            s.merge(DbMeta(key=DEVICE_ID_KEY, value=device_id))
    return kept
