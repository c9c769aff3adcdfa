"""Migration 0005 (the inbox tables): matches the models, upgrades an older database, downgrades cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from ccema_desktop.context import open_context
from ccema_desktop.storage import migrate
from ccema_desktop.storage.db import make_engine
from ccema_desktop.storage.models import Base

INBOX_TABLES = {"inbox_device", "inbox_held"}


def _inbox_diffs(engine: object) -> list[object]:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    return [d for d in diffs if any(t in repr(d) for t in INBOX_TABLES)]


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_models_and_migration_agree(tmp_path: Path) -> None:
    ctx = open_context(tmp_path / "data")
    try:
        assert set(inspect(ctx.db.engine).get_table_names()) >= INBOX_TABLES
        assert _inbox_diffs(ctx.db.engine) == []
    finally:
        ctx.close()


def test_upgrade_from_0003_and_downgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    engine = make_engine(url)
    migrate.upgrade_to(engine, "0003")
    assert not INBOX_TABLES & set(inspect(engine).get_table_names())
    migrate.upgrade(engine)
    assert set(inspect(engine).get_table_names()) >= INBOX_TABLES
    cfg = migrate._config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert not INBOX_TABLES & set(inspect(engine).get_table_names())
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()
