"""Bring a database to the schema this app knows, safely.

Order: refuse a database written by a newer app; back up the SQLite file if an upgrade is needed; upgrade
with Alembic (batch mode, so SQLite tables are rebuilt rather than altered in place). `create_all()` is never
used: even a new database is built by running every migration from the first.

Start-up is on the desktop's critical path, so the common case (already at head) is decided by reading
`alembic_version` and the revision ids written in the version files, without importing Alembic; and this
module imports SQLAlchemy only in the functions that take an engine, so the desktop can compare a file's
revision with `head_revision()` before SQLAlchemy is loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ccema_desktop.errors import DatabaseTooNewError
from ccema_desktop.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

ALEMBIC_DIR = Path(__file__).resolve().parent / "alembic"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN = re.compile(r"^down_revision\s*=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE)

ProgressCallback = Callable[[str], None]


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    return cfg


@cache
def _graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the version files themselves."""
    graph: dict[str, str | None] = {}
    for path in (ALEMBIC_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev and down:
            graph[rev.group(1)] = down.group(2)
    return graph


def known_revisions() -> set[str]:
    return set(_graph())


def head_revision() -> str:
    graph = _graph()
    parents = {down for down in graph.values() if down}
    heads = [rev for rev in graph if rev not in parents]
    if len(heads) != 1:
        raise RuntimeError(f"expected one migration head, found {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def ensure_known_revision(current: str | None) -> None:
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            _(
                "This database was written by a newer version of CCEMA Desktop (schema {schema}). "
                "Install the newer version to open it; this version will not touch it."
            ).format(schema=current)
        )


def check_not_newer(engine: Engine) -> None:
    ensure_known_revision(current_revision(engine))


def upgrade(
    engine: Engine,
    backup: Callable[[str], Path | None] | None = None,
    progress: ProgressCallback | None = None,
) -> bool:
    """Upgrade to head; returns True when something was migrated. `backup(reason)` runs first if needed."""
    current = current_revision(engine)
    ensure_known_revision(current)
    if current == head_revision():
        return False
    if current is not None and backup is not None:
        if progress:
            progress(_("Backing up the database before upgrading it…"))
        backup(f"pre-upgrade-{current}")
    if progress:
        progress(_("Upgrading the database…"))
    upgrade_to(engine, "head")
    return True


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run Alembic up to `revision` (also used by tests that build old databases)."""
    from alembic import command

    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
