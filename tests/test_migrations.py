"""Upgrading saved databases from every released schema revision keeps every row; newer ones are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ccema_desktop.context import open_context
from ccema_desktop.errors import DatabaseTooNewError
from ccema_desktop.services import attendance, participants
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage import migrate
from tests.conftest import copy_fixture, table_counts

SAVED = ["schema-0001.sqlite"]


@pytest.mark.parametrize("fixture", SAVED)
def test_upgrade_keeps_every_row(tmp_path: Path, fixture: str) -> None:
    db_file = copy_fixture(fixture, tmp_path / "data" / "ccema.sqlite")
    before = table_counts(db_file)
    assert before["participant"] >= 4 and before["attendance"] > 0
    ctx = open_context(tmp_path / "data")
    after = table_counts(db_file)
    for table, count in before.items():
        if table != "alembic_version":
            assert after[table] >= count, table
    assert migrate.current_revision(ctx.db.engine) == migrate.head_revision()
    (workshop,) = ws.list_workshops(ctx.db)
    names = {p.full_name for p in participants.list_participants(ctx.db, workshop.id)}
    assert {"Асель Жумабаева", "José Ramírez Peña"} <= names
    rates = attendance.summary(ctx.db, workshop.id)
    assert all(r.sessions_attended == 6 for r in rates)
    ctx.close()


def test_upgrade_backs_up_first_when_behind(tmp_path: Path) -> None:
    """A database behind head is copied to backups/ before the upgrade touches it."""
    # A saved database at the oldest revision (an empty version table would count as a new database).
    copy_fixture(SAVED[0], tmp_path / "data" / "ccema.sqlite")
    ctx = open_context(tmp_path / "data", daily_backup=False)
    ctx.close()
    assert migrate.current_revision(ctx.db.engine) == migrate.head_revision()
    if migrate.head_revision() != "0001":
        # A database without a version is new, so nothing to back up; one at 0001 is behind head.
        copy_fixture("schema-0001.sqlite", tmp_path / "old" / "ccema.sqlite")
        open_context(tmp_path / "old", daily_backup=False).close()
        assert list((tmp_path / "old" / "backups").glob("pre-upgrade-0001-*"))


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    db_file = copy_fixture(SAVED[-1], tmp_path / "data" / "ccema.sqlite")
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = db_file.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version"):
        open_context(tmp_path / "data")
    assert db_file.read_bytes() == before


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    from ccema_desktop.errors import KnownError

    db_file = tmp_path / "data" / "ccema.sqlite"
    db_file.parent.mkdir(parents=True)
    db_file.write_text("hello, this is a text file")
    with pytest.raises(KnownError, match="not a CCEMA Desktop database"):
        open_context(tmp_path / "data")
    assert db_file.read_text() == "hello, this is a text file"
