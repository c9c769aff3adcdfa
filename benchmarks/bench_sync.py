"""Sync bundles at headquarters scale: 1,000 workshops of 25 participants and 10 sessions each.

A venue database with the workshops is written directly (fast set-up), then every workshop is exported as
an encrypted bundle and imported into an empty headquarters database. Each figure is printed next to a
baseline from the same run: raw `sqlite3.executemany` of the same rows into a database of the same schema,
once as one bulk transaction and once with one transaction per workshop (what the import does: one per
bundle). `ccema stats` on the result is compared with the plain SQL count it is built on.

Evaluation forms do not exist yet, so the "3 forms" of the target set add no rows (form_versions is empty).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ccema_desktop.context import open_context
from ccema_desktop.services import stats
from ccema_desktop.sync import export, importer, keys

_TS = "2026-03-02 09:00:00.000000"
COLUMNS: dict[str, tuple[str, ...]] = {
    "workshop": (
        "id", "code", "title", "kind", "host_countries", "venue", "start_date", "end_date", "language",
        "partners", "funding", "facilitators", "modules", "status", "day_start", "day_end",
        "attendance_threshold", "is_demo", "notes", "created_at", "updated_at", "device_id", "revision",
    ),
    "agenda_session": (
        "id", "workshop_id", "date", "start_time", "end_time", "title", "kind", "module_number", "exercise_id",
        "facilitator", "notes", "created_at", "updated_at", "device_id", "revision",
    ),
    "participant": (
        "id", "full_name", "name_key", "sex", "organization", "organization_key", "sector", "position",
        "country", "email", "phone", "consent_contact", "language", "created_at", "updated_at", "device_id",
        "revision",
    ),
    "enrolment": ("id", "workshop_id", "participant_id", "role", "created_at", "updated_at", "device_id", "revision"),
    "attendance": (
        "id", "session_id", "participant_id", "status", "recorded_by", "recorded_at", "created_at", "updated_at",
        "device_id", "revision",
    ),
}  # fmt: skip
SECTORS = ["environment", "climate_change", "agriculture", "foreign_affairs", "academia"]
COUNTRIES = ["KZ", "SN", "CO", "TZ", "VN"]


@dataclass
class Rows:
    """The rows of each table, grouped by workshop (in the order foreign keys need)."""

    by_workshop: list[dict[str, list[tuple[Any, ...]]]]

    @property
    def count(self) -> int:
        return sum(len(rows) for w in self.by_workshop for rows in w.values())


def make_rows(workshops: int, people: int, sessions: int, device: str) -> Rows:
    out = []
    for w in range(workshops):
        wid = str(uuid.uuid4())
        year = 2024 + w % 3
        day = dt.date(year, 1 + w % 12, 1 + w % 27)
        workshop = [
            (wid, f"KZ-{year}-{w:05d}", f"Workshop {w}", "national", json.dumps([COUNTRIES[w % 5]]), "Venue",
             day.isoformat(), day.isoformat(), "en", "", "", "[]", "[1]", "closed", "09:00:00.000000",
             "17:00:00.000000", 80, 0, "", _TS, _TS, device, 1)
        ]  # fmt: skip
        agenda = [
            (str(uuid.uuid4()), wid, day.isoformat(), f"{9 + s % 8:02d}:00:00.000000", f"{9 + s % 8:02d}:45:00.000000",
             f"Session {s}", "exercise", None, None, "", "", _TS, _TS, device, 1)
            for s in range(sessions)
        ]  # fmt: skip
        persons = [
            (str(uuid.uuid4()), f"Person {w}-{p}", f"person {w}-{p}", "female" if p % 2 else "male", "Ministry",
             "ministry", SECTORS[p % 5], "Officer", COUNTRIES[p % 5], f"p{w}.{p}@example.org", "", 0, "en",
             _TS, _TS, device, 1)
            for p in range(people)
        ]  # fmt: skip
        enrolments = [
            (str(uuid.uuid4()), wid, person[0], "participant", _TS, _TS, device, 1) for person in persons
        ]
        marks = [
            (str(uuid.uuid4()), session[0], person[0], "present" if (i + j) % 9 else "absent", "bench", _TS,
             _TS, _TS, device, 1)
            for i, person in enumerate(persons)
            for j, session in enumerate(agenda)
        ]  # fmt: skip
        out.append(
            {
                "workshop": workshop,
                "agenda_session": agenda,
                "participant": persons,
                "enrolment": enrolments,
                "attendance": marks,
            }
        )
    return Rows(out)


def raw_insert(db_file: Path, rows: Rows, per_workshop: bool) -> float:
    """Raw sqlite3.executemany of the rows (full sync, like the app); one or many transactions."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    sql = {
        table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        for table, cols in COLUMNS.items()
    }
    start = time.perf_counter()
    if per_workshop:
        for group in rows.by_workshop:
            conn.execute("BEGIN")
            for table, data in group.items():
                conn.executemany(sql[table], data)
            conn.execute("COMMIT")
    else:
        conn.execute("BEGIN")
        for table in COLUMNS:
            conn.executemany(sql[table], [r for group in rows.by_workshop for r in group[table]])
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _empty_db(tmp: Path, name: str) -> Path:
    ctx = open_context(tmp / name, daily_backup=False)
    path = ctx.sqlite_file
    ctx.close()
    assert path is not None
    return path


def bench_sync(tmp: Path, workshops: int = 1000, people: int = 25, sessions: int = 10) -> None:
    venue = open_context(tmp / "venue", daily_backup=False)
    hq = open_context(tmp / "hq", daily_backup=False)
    keys.init_headquarters(hq.paths)
    keys.write_public_key(hq.paths, tmp / "hq.pub")
    keys.enroll(venue.paths, tmp / "hq.pub")
    rows = make_rows(workshops, people, sessions, venue.db.device_id)
    venue_file = venue.sqlite_file
    assert venue_file is not None
    raw_insert(venue_file, rows, per_workshop=False)
    n = rows.count

    outbox = tmp / "bundles"
    outbox.mkdir()
    ids = [group["workshop"][0][0] for group in rows.by_workshop]
    start = time.perf_counter()
    for wid in ids:
        export.export_bundle(venue, wid, outbox / f"{wid}.json")
    export_time = time.perf_counter() - start
    size = sum(p.stat().st_size for p in outbox.iterdir())

    hq_keys = keys.load_headquarters(hq.paths)
    files = sorted(outbox.iterdir())
    start = time.perf_counter()
    results = [importer.import_file(hq, hq_keys, path) for path in files]
    import_time = time.perf_counter() - start
    assert all(r.status == "accepted" for r in results), [r.reason for r in results if r.reason][:3]
    assert sum(r.new for r in results) == n

    raw_bulk = raw_insert(_empty_db(tmp, "raw-bulk"), rows, per_workshop=False)
    raw_each = raw_insert(_empty_db(tmp, "raw-each"), rows, per_workshop=True)
    print(
        f"sync export, {workshops:,} workshops ({n:,} records, {size / 1e6:.1f} MB of bundles): "
        f"{export_time:6.2f} s = {n / export_time:9,.0f} records/s   ratio to raw bulk insert {export_time / raw_bulk:5.2f}x"
    )
    print(
        f"sync import, {workshops:,} bundles:   {import_time:6.2f} s = {n / import_time:9,.0f} records/s   "
        f"raw executemany {raw_bulk:5.2f} s (ratio {import_time / raw_bulk:5.2f}x; target 3x), "
        f"one transaction per workshop {raw_each:5.2f} s (ratio {import_time / raw_each:5.2f}x)"
    )

    hq_file = hq.sqlite_file
    assert hq_file is not None
    start = time.perf_counter()
    figures = stats.compute(hq.db)
    stats_time = time.perf_counter() - start
    conn = sqlite3.connect(hq_file)
    start = time.perf_counter()
    (trained,) = conn.execute(
        "SELECT count(DISTINCT participant_id) FROM attendance WHERE status IN ('present', 'late')"
    ).fetchone()
    sql_time = time.perf_counter() - start
    conn.close()
    assert figures.participants_trained == trained
    print(
        f"ccema stats on that database:  {stats_time:6.3f} s (target 0.5 s)   plain SQL count {sql_time:6.3f} s"
        f"   ratio {stats_time / sql_time:5.2f}x"
    )
    venue.close()
    hq.close()
