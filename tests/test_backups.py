"""Daily rolling backups, manual backup, and restore that keeps what it replaces and renews the id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.errors import ValidationError
from ccema_desktop.services import maintenance
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage import backups
from tests.conftest import table_counts


def _workshop(ctx: AppContext, title: str) -> str:
    return ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title=title, countries=["TZ"], start=dt.date(2026, 7, 1), end=dt.date(2026, 7, 2), language="en"
        ),
    ).id


def test_daily_backups_roll_over_fourteen_days(ctx: AppContext) -> None:
    db_file = ctx.sqlite_file
    assert db_file is not None
    folder = ctx.paths.backups
    assert len(list(folder.glob("daily-*.sqlite"))) == 1  # made on open
    start = dt.date(2026, 1, 1)
    for i in range(20):
        backups.daily_backup(db_file, folder, start + dt.timedelta(days=i))
    assert backups.daily_backup(db_file, folder, start + dt.timedelta(days=19)) is None
    kept = sorted(p.name for p in folder.glob("daily-*.sqlite"))
    assert len(kept) == 14
    assert kept[-1] == f"daily-{dt.date.today().isoformat()}.sqlite" or "daily-2026-01-20.sqlite" in kept


def test_backup_and_restore_round_trip(ctx: AppContext, tmp_path: Path) -> None:
    _workshop(ctx, "Kept in backup")
    out = maintenance.backup(ctx, tmp_path / "snapshot.sqlite")
    old_id, device = ctx.database_id, ctx.db.device_id
    _workshop(ctx, "Made after the backup")
    assert len(ws.list_workshops(ctx.db)) == 2

    kept = maintenance.restore(ctx, out)
    assert [w.title for w in ws.list_workshops(ctx.db)] == ["Kept in backup"]
    assert ctx.database_id != old_id
    assert ctx.meta("device_id") == device
    assert table_counts(kept)["workshop"] == 2  # the replaced database was kept


def test_restore_refuses_bad_files(ctx: AppContext, tmp_path: Path) -> None:
    _workshop(ctx, "Precious")
    text = tmp_path / "notes.txt"
    text.write_text("not a backup")
    other = tmp_path / "other.sqlite"
    import sqlite3

    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for bad in (text, other, tmp_path / "missing.sqlite"):
        with pytest.raises(ValidationError):
            maintenance.restore(ctx, bad)
    assert [w.title for w in ws.list_workshops(ctx.db)] == ["Precious"]


def test_reopen_after_restore_works(data_dir: Path, tmp_path: Path) -> None:
    ctx = open_context(data_dir)
    _workshop(ctx, "One")
    snap = maintenance.backup(ctx)
    assert snap.parent == ctx.paths.backups
    maintenance.restore(ctx, snap)
    ctx.close()
    again = open_context(data_dir)
    assert [w.title for w in ws.list_workshops(again.db)] == ["One"]
    again.close()
