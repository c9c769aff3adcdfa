"""SIGKILL in the middle of a bundle's merge leaves headquarters exactly as before that bundle."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from ccema_desktop.context import AppContext
from tests.sync_helpers import (
    BACKENDS,
    Headquarters,
    backend_url,
    enroll,
    headquarters,
    laptop,
)

HELPER = r"""
import sys, time
from pathlib import Path
from sqlalchemy import event
from ccema_desktop.context import open_context
from ccema_desktop.sync import importer

data_dir, db_url, bundle, marker = sys.argv[1:5]
ctx = open_context(data_dir, db_url or None, daily_backup=False)

@event.listens_for(ctx.db.engine, "after_cursor_execute")
def _pause(conn, cursor, statement, parameters, context, executemany):
    # Inside the merge's transaction, after many rows were written: tell the test, then wait to be killed.
    if statement.lstrip().upper().startswith("INSERT") and executemany and len(parameters) > 100:
        Path(marker).write_text("in transaction")
        time.sleep(60)

importer.import_paths(ctx, [Path(bundle)])
"""


def _digest(ctx: AppContext) -> str:
    """Every row of every table, in a stable order."""
    h = hashlib.sha256()
    with ctx.db.engine.connect() as conn:
        for table in sorted(inspect(conn).get_table_names()):
            for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


@pytest.fixture(params=BACKENDS)
def hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Headquarters]:
    with backend_url(request.param) as url:
        yield headquarters(tmp_path / "hq", url)


def test_sigkill_mid_merge_leaves_headquarters_as_before(tmp_path: Path, hq: Headquarters) -> None:
    small = laptop(tmp_path / "small")
    enroll(small, hq)
    first = small.workshop("Earlier", "KZ", dt.date(2026, 1, 12), 1, [])
    small.roster(first, [["Ann Lee", "F", "Org", "environment", "", "KZ", "ann@example.org", ""]])
    assert hq.run("bundle", "import", str(small.export(first, tmp_path / "small.json"))).code == 0

    big = laptop(tmp_path / "big")
    enroll(big, hq)
    wid = big.workshop("Large", "KZ", dt.date(2026, 6, 1), 2, [1, 2])
    rows = [
        [f"Person {i}", "F", "Org", "environment", "", "KZ", f"p{i}@example.org", ""] for i in range(3000)
    ]
    rows.append(["Ann Lee", "F", "Org", "environment", "", "KZ", "ann@example.org", "+7"])
    people = big.roster(wid, rows)
    sessions = big.sessions(wid)
    from ccema_desktop.services import attendance

    attendance.mark_bulk(
        big.ctx.db, wid, [(pid, sid, "present") for pid in people.values() for sid in sessions[:2]]
    )
    bundle = big.export(wid, tmp_path / "big.json")

    ctx = hq.context()
    before = _digest(ctx)
    ctx.close()
    marker = tmp_path / "marker"
    url = hq.db_args[1] if hq.db_args else ""
    proc = subprocess.Popen([sys.executable, "-c", HELPER, str(hq.folder), url, str(bundle), str(marker)])
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, "the import ended before reaching the merge"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    ctx = hq.context()
    try:
        assert _digest(ctx) == before
        if ctx.sqlite_file is not None:
            with ctx.db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        ctx.close()
    # The same bundle then lands whole.
    run = hq.run("bundle", "import", str(bundle), "--json")
    assert run.code == 0, run.err
    result = run.json()[0]
    assert result["status"] == "accepted"
    assert result["tables"]["participant"] == {"new": 3000, "updated": 1}
    assert result["tables"]["attendance"]["new"] == len(people) * 2
    small.ctx.close()
    big.ctx.close()
