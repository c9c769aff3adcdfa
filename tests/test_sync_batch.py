"""Importing several files: each bundle is its own transaction, and all of them are on disk before results.

`import_paths` with more than one file runs inside `storage.db.batch_commits` (SQLite: synchronous=NORMAL
and fewer checkpoints during the run, a flushing checkpoint at the end). These tests check the order of
those steps on the real driver connection, the fallback when a reader blocks the checkpoint, and that a
process killed in the middle of the third bundle keeps the first two whole and nothing of the third.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event, select, text

from ccema_desktop.context import open_context
from ccema_desktop.storage.db import BATCH_FLUSH_KEY, BATCH_WAL_PAGES, batch_commits
from ccema_desktop.storage.models import DbMeta, SyncImport
from ccema_desktop.sync import importer
from tests.sync_helpers import Headquarters, enroll, headquarters, laptop


def _bundles(tmp_path: Path, hq: Headquarters, n: int, people: int = 3) -> list[Path]:
    lap = laptop(tmp_path / "lap")
    enroll(lap, hq)
    out = tmp_path / "outbox"
    out.mkdir()
    files = []
    for i in range(n):
        wid = lap.workshop(f"Batch {i}", "KZ", dt.date(2026, 3, 2 + i), 1, [])
        lap.roster(
            wid,
            [
                [f"Person {i}-{p}", "F", "Org", "environment", "", "KZ", f"p{i}.{p}@example.org", ""]
                for p in range(people)
            ],
        )
        files.append(lap.export(wid, out / f"{i:02d}.json"))
    lap.ctx.close()
    return files


def _trace(engine: Any) -> list[str]:
    """Every statement SQLite runs on the engine's new connections, pragmas included."""
    statements: list[str] = []

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.set_trace_callback(statements.append)

    return statements


def test_a_batch_is_flushed_and_checkpointed_before_results_are_returned(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    files = _bundles(tmp_path, hq, 3)
    ctx = hq.context()
    try:
        statements = _trace(ctx.db.engine)
        results = importer.import_paths(ctx, [files[0].parent])
        assert [r.status for r in results] == ["accepted"] * 3
        commits = [i for i, s in enumerate(statements) if s.strip().upper() == "COMMIT"]
        relaxed = statements.index("PRAGMA synchronous=NORMAL")
        full = statements.index("PRAGMA synchronous=FULL", relaxed)
        checkpoint = statements.index("PRAGMA wal_checkpoint(TRUNCATE)")
        assert statements.index(f"PRAGMA wal_autocheckpoint={BATCH_WAL_PAGES}") < commits[0]
        # Every merge committed in between; the flush comes after the last one, with full sync back on.
        assert relaxed < commits[0] and commits[-1] < full < checkpoint
        assert len([i for i in commits if relaxed < i < full]) >= 3
        assert ctx.sqlite_file is not None
        wal = Path(f"{ctx.sqlite_file}-wal")
        assert not wal.exists() or wal.stat().st_size == 0  # everything is in the database file
        with ctx.db.engine.connect() as conn:
            assert conn.execute(select(SyncImport.bundle_id)).all().__len__() == 3
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # new connections: FULL
    finally:
        ctx.close()


def test_one_file_and_dry_runs_keep_full_sync(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    files = _bundles(tmp_path, hq, 2)
    ctx = hq.context()
    try:
        statements = _trace(ctx.db.engine)
        assert importer.import_paths(ctx, files, dry_run=True)[0].status == "accepted"
        assert importer.import_paths(ctx, [files[0]])[0].status == "accepted"
        assert "PRAGMA synchronous=NORMAL" not in statements
    finally:
        ctx.close()


def test_a_reader_blocking_the_checkpoint_gets_a_flushing_commit_instead(tmp_path: Path) -> None:
    ctx = open_context(tmp_path / "db", daily_backup=False)
    try:
        assert ctx.sqlite_file is not None
        reader = sqlite3.connect(ctx.sqlite_file, isolation_level=None)
        statements = _trace(ctx.db.engine)
        with ctx.db.engine.connect() as conn:
            conn.connection.driver_connection.execute("PRAGMA busy_timeout=50")  # type: ignore[union-attr]
            with batch_commits(conn):
                with conn.begin():
                    conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
                reader.execute("BEGIN")
                assert reader.execute("SELECT count(*) FROM db_meta").fetchone()[0] > 0  # holds a snapshot
                with conn.begin():
                    conn.execute(text("INSERT INTO scratch VALUES (1)"))
        reader.execute("COMMIT")
        reader.close()
        full = statements.index("PRAGMA synchronous=FULL")
        assert "PRAGMA wal_checkpoint(TRUNCATE)" in statements[full:]
        assert any("db_meta" in s and "INSERT" in s.upper() for s in statements[full:])
        assert statements[-1].strip().upper() == "COMMIT"
        with ctx.db.transaction() as s:
            assert s.get(DbMeta, BATCH_FLUSH_KEY) is not None
    finally:
        ctx.close()


HELPER = r"""
import sys, time
from pathlib import Path
from sqlalchemy import event
from ccema_desktop.context import open_context
from ccema_desktop.sync import importer

data_dir, folder, marker = sys.argv[1:4]
ctx = open_context(data_dir, daily_backup=False)
seen = []

@event.listens_for(ctx.db.engine, "after_cursor_execute")
def _pause(conn, cursor, statement, parameters, context, executemany):
    # In the third bundle's transaction, after its people were written: tell the test, wait to be killed.
    if statement.lstrip().upper().startswith("INSERT INTO PARTICIPANT") and executemany:
        seen.append(1)
        if len(seen) == 3:
            Path(marker).write_text("in transaction")
            time.sleep(60)

importer.import_paths(ctx, [Path(folder)])
"""


def test_sigkill_in_the_third_bundle_keeps_the_first_two_whole(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    files = _bundles(tmp_path, hq, 4, people=150)
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", HELPER, str(hq.folder), str(files[0].parent), str(marker)])
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, "the import ended before the third bundle"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    ctx = hq.context()
    try:
        with ctx.db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(
                select(SyncImport.file_name).order_by(SyncImport.file_name)
            ).scalars().all() == [
                "00.json",
                "01.json",
            ]
            people = conn.execute(text("SELECT count(*) FROM participant")).scalar()
            assert people == 300  # two bundles of 150, nothing of the third
        results = importer.import_paths(ctx, [files[0].parent])
        assert [r.status for r in results] == ["unchanged", "unchanged", "accepted", "accepted"]
    finally:
        ctx.close()
