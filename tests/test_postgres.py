"""The headquarters database on PostgreSQL: same migrations, same services (needs CCEMA_TEST_POSTGRES_URL)."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.services import attendance, participants
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage import migrate
from tests.conftest import write_csv
from tests.rosters import HEADER, scenario_rows

PG_URL = os.environ.get("CCEMA_TEST_POSTGRES_URL")
pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="CCEMA_TEST_POSTGRES_URL not set")]


@pytest.fixture
def pg_ctx(tmp_path: Path) -> Iterator[AppContext]:
    assert PG_URL
    schema = f"ccema_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    ctx = open_context(tmp_path / "hq", f"{PG_URL}{sep}options=-csearch_path%3D{schema}")
    try:
        yield ctx
    finally:
        ctx.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_postgres_schema_and_scenario(pg_ctx: AppContext, tmp_path: Path) -> None:
    assert pg_ctx.db.engine.dialect.name == "postgresql"
    assert migrate.current_revision(pg_ctx.db.engine) == migrate.head_revision()
    wid = ws.create_workshop(
        pg_ctx.db,
        ws.WorkshopInput(
            title="HQ",
            countries=["KZ"],
            start=dt.date(2026, 9, 1),
            end=dt.date(2026, 9, 3),
            language="ru",
            modules=[1, 2],
        ),
    ).id
    result = participants.import_roster(
        pg_ctx.db, wid, write_csv(tmp_path / "r.csv", HEADER, scenario_rows())
    )
    assert (result.added, result.updated, len(result.rejected)) == (20, 1, 4)
    people = participants.list_participants(pg_ctx.db, wid)
    session = next(s for s in ws.get_workshop(pg_ctx.db, wid).sessions if s.kind == "exercise")
    emails = [p.email for p in people if p.email]
    assert attendance.mark(pg_ctx.db, wid, session.id, "present", emails) == len(emails)
    attendance.mark(pg_ctx.db, wid, session.id, "present", emails)  # same again: no revision change
    attendance.mark(pg_ctx.db, wid, session.id, "late", emails[:1])
    with pg_ctx.db.transaction() as s:
        revisions = sorted(r for (r,) in s.execute(text("SELECT revision FROM attendance")))
    assert revisions == [1] * (len(emails) - 1) + [2]
    rows = attendance.summary(pg_ctx.db, wid)
    assert sum(r.sessions_attended for r in rows) == len(emails)
    assert pg_ctx.sqlite_file is None
