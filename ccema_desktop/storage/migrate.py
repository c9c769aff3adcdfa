"""Bring a database to the schema this app knows, safely.

Order: refuse a database written by a newer app; back up the SQLite file if an upgrade is needed; upgrade
with Alembic (batch mode, so SQLite tables are rebuilt rather than altered in place). `create_all()` is never
used: even a new database is built by running every migration from the first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ccema_desktop.errors import DatabaseTooNewError
from ccema_desktop.i18n import _

ALEMBIC_DIR = Path(__file__).resolve().parent / "alembic"

ProgressCallback = Callable[[str], None]


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def check_not_newer(engine: Engine) -> None:
    ensure_known_revision(current_revision(engine))


def ensure_known_revision(current: str | None) -> None:
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            _(
                "This database was written by a newer version of CCEMA Desktop (schema {schema}). "
                "Install the newer version to open it; this version will not touch it."
            ).format(schema=current)
        )


def upgrade(
    engine: Engine,
    backup: Callable[[str], Path | None] | None = None,
    progress: ProgressCallback | None = None,
) -> bool:
    """Upgrade to head; returns True when something was migrated. `backup(reason)` runs first if needed."""
    check_not_newer(engine)
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return False
    if current is not None and backup is not None:
        if progress:
            progress(_("Backing up the database before upgrading it…"))
        backup(f"pre-upgrade-{current}")
    if progress:
        progress(_("Upgrading the database…"))
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


def upgrade_to(engine: Engine, revision: str) -> None:
    """Upgrade to a given revision (used by tests that build old databases)."""
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
