"""SIGKILL in the middle of an import leaves the database before or after, never half-written."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import write_csv

HELPER = r"""
import sys, time
from pathlib import Path
from sqlalchemy import event
from ccema_desktop.context import open_context
from ccema_desktop.services import attendance, participants

data_dir, kind, workshop, path, marker = sys.argv[1:6]
ctx = open_context(data_dir, daily_backup=False)

@event.listens_for(ctx.db.engine, "after_execute")
def _pause(conn, clause, multiparams, params, execution_options, result):
    # Inside the import's transaction, after rows were written: tell the test, then wait to be killed.
    if str(clause).lstrip().upper().startswith("INSERT") and len(multiparams) > 100:
        Path(marker).write_text("in transaction")
        time.sleep(60)

if kind == "roster":
    participants.import_roster(ctx.db, workshop, Path(path))
else:
    attendance.import_attendance(ctx.db, workshop, Path(path))
"""


def _integrity(db_file: Path) -> str:
    conn = sqlite3.connect(db_file)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _count(db_file: Path, table: str) -> int:
    conn = sqlite3.connect(db_file)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _run_and_kill(tmp_path: Path, data_dir: Path, kind: str, workshop: str, path: Path) -> None:
    marker = tmp_path / f"{kind}.marker"
    proc = subprocess.Popen(
        [sys.executable, "-c", HELPER, str(data_dir), kind, workshop, str(path), str(marker)]
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, "helper ended before reaching the transaction"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("kind", ["roster", "attendance"])
def test_sigkill_mid_import(tmp_path: Path, data_dir: Path, kind: str) -> None:
    import datetime as dt

    from ccema_desktop.context import open_context
    from ccema_desktop.services import participants
    from ccema_desktop.services import workshops as ws

    ctx = open_context(data_dir)
    wid = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Crash",
            countries=["KZ"],
            start=dt.date(2026, 6, 1),
            end=dt.date(2026, 6, 3),
            language="en",
            modules=[1, 2],
        ),
    ).id
    header = ["full_name", "email", "sector"]
    people = [[f"Person {i}", f"p{i}@example.org", "environment"] for i in range(3000)]
    if kind == "attendance":
        participants.import_roster(ctx.db, wid, write_csv(tmp_path / "base.csv", header, people))
        sessions = [s.id for s in ws.get_workshop(ctx.db, wid).sessions if s.kind == "exercise"]
        rows = [[p[1], sid, "present"] for p in people for sid in sessions[:2]]
        path = write_csv(tmp_path / "att.csv", ["participant", "session", "status"], rows)
        table, before = "attendance", 0
    else:
        path = write_csv(tmp_path / "roster.csv", header, people)
        table, before = "participant", 0
    ctx.close()
    db_file = data_dir / "ccema.sqlite"

    _run_and_kill(tmp_path, data_dir, kind, wid, path)

    assert _integrity(db_file) == "ok"
    assert _count(db_file, table) == before
    # The app opens the file again and the import then lands whole.
    ctx = open_context(data_dir)
    if kind == "roster":
        assert participants.import_roster(ctx.db, wid, path).added == 3000
    else:
        from ccema_desktop.services import attendance

        assert attendance.import_attendance(ctx.db, wid, path).imported == len(rows)
    ctx.close()
    assert _integrity(db_file) == "ok"
    assert _count(db_file, table) == (len(people) if kind == "roster" else len(rows))
