"""Helpers for the sync tests: venue laptops with real workshops, a headquarters, the CLI in-process."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from ccema_desktop import cli
from ccema_desktop.context import AppContext, open_context
from ccema_desktop.services import attendance, participants
from ccema_desktop.services import workshops as ws
from tests.conftest import write_csv

PG_URL = os.environ.get("CCEMA_TEST_POSTGRES_URL")
#: Fixture and parametrize values for tests run on both databases: SQLite always, PostgreSQL when
#: CCEMA_TEST_POSTGRES_URL is set (`.ci/run` sets it).
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="CCEMA_TEST_POSTGRES_URL not set"),
        ],
    ),
]
ROSTER_HEADER = ["full_name", "sex", "organization", "sector", "position", "country", "email", "phone"]


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def ccema(*args: str) -> Run:
    """The `ccema` command in this process (same parser, handlers and exit codes as the console script)."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(list(args))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


@dataclass
class Laptop:
    """A venue laptop: its own data folder, database, device id and key."""

    folder: Path
    ctx: AppContext

    def workshop(self, title: str, country: str, start: dt.date, days: int, modules: list[int]) -> str:
        return ws.create_workshop(
            self.ctx.db,
            ws.WorkshopInput(
                title=title,
                countries=[country],
                start=start,
                end=start + dt.timedelta(days=days - 1),
                language="en",
                modules=modules,
            ),
        ).id

    def roster(self, workshop_id: str, rows: list[list[str]]) -> dict[str, str]:
        """Import people; returns full name -> participant id."""
        path = write_csv(self.folder / f"roster-{uuid.uuid4().hex[:6]}.csv", ROSTER_HEADER, rows)
        result = participants.import_roster(self.ctx.db, workshop_id, path)
        assert not result.rejected, result.rejected
        return {p.full_name: p.id for p in participants.list_participants(self.ctx.db, workshop_id)}

    def sessions(self, workshop_id: str) -> list[str]:
        return [
            s.id for s in ws.get_workshop(self.ctx.db, workshop_id).sessions if s.kind in ws.ATTENDANCE_KINDS
        ]

    def mark(self, workshop_id: str, person: str, sessions: list[str], status: str) -> None:
        attendance.mark_bulk(self.ctx.db, workshop_id, [(person, sid, status) for sid in sessions])

    def export(self, workshop_id: str, out: Path, *extra: str) -> Path:
        run = ccema(
            "--data-dir", str(self.folder), "bundle", "export", workshop_id, "--out", str(out), *extra
        )
        assert run.code == 0, run.err
        return out


def laptop(folder: Path) -> Laptop:
    return Laptop(folder, open_context(folder, daily_backup=False))


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a throwaway schema (dropped afterwards)."""
    assert PG_URL
    schema = f"ccema_sync_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def backend_url(backend: str) -> Iterator[str | None]:
    """The database URL for one of BACKENDS: a throwaway PostgreSQL schema, or None (the folder's SQLite)."""
    if backend == "postgresql":
        with pg_schema_url() as url:
            yield url
    else:
        yield None


@dataclass
class Headquarters:
    folder: Path
    db_args: list[str]
    public_key: Path

    def args(self, *rest: str) -> list[str]:
        return ["--data-dir", str(self.folder), *self.db_args, *rest]

    def run(self, *rest: str) -> Run:
        return ccema(*self.args(*rest))

    def context(self) -> AppContext:
        url = self.db_args[1] if self.db_args else None
        return open_context(self.folder, url, daily_backup=False)


def headquarters(folder: Path, db_url: str | None = None) -> Headquarters:
    db_args = ["--db", db_url] if db_url else []
    hq = Headquarters(folder, db_args, folder.parent / f"{folder.name}.pub.json")
    assert hq.run("hq", "init").code == 0
    assert hq.run("hq", "public-key", "--out", str(hq.public_key)).code == 0
    hq.context().close()  # the database exists from here on
    return hq


def enroll(lap: Laptop, hq: Headquarters) -> None:
    run = ccema(
        "--data-dir",
        str(lap.folder),
        "device",
        "enroll",
        str(hq.public_key),
        "--url",
        "https://hq.test/inbox",
    )
    assert run.code == 0, run.err
