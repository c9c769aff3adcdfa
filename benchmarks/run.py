"""Benchmark runner: each figure is printed as a ratio to a baseline measured in the same run.

    .venv/bin/python benchmarks/run.py [--repeat N]

Baselines are raw `sqlite3.executemany` of the same rows into a database of the same schema, so the ratio
says what the app's validation, identity matching and bookkeeping cost on top of SQLite itself. Target for
both figures: within 3x. The report figures (`bench_reports.py`) are ratios to a minimal ReportLab
document of the same page count instead; the evaluation summary (`bench_evaluations.py`) is a ratio to a
plain SQL aggregate of the same responses (target 3x).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from bench_evaluations import bench_evaluations
from bench_evaluations import report as evaluations_report
from bench_inbox import bench_inbox
from bench_packaging import bench_packaging
from bench_sync import bench_sync

from ccema_desktop.context import open_context
from ccema_desktop.services import attendance, participants
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage.models import utcnow

SECTORS = ["environment", "climate change", "agriculture", "foreign affairs", "academia"]


def _roster(path: Path, n: int) -> list[list[str]]:
    rows = [
        [
            f"Participant Número {i}",
            "F" if i % 2 else "M",
            f"Ministry {i % 37}",
            SECTORS[i % 5],
            "Officer",
            ["KZ", "Colombia", "Sénégal", "Танзания"][i % 4],
            f"person{i}@example.org",
            f"+1 555 {i:07d}",
        ]
        for i in range(n)
    ]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["full_name", "sex", "organization", "sector", "position", "country", "email", "phone"]
        )
        writer.writerows(rows)
    return rows


def _fresh(tmp: Path, name: str) -> tuple[object, str]:
    ctx = open_context(tmp / name, daily_backup=False)
    wid = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Bench",
            countries=["KZ"],
            start=dt.date(2026, 1, 5),
            end=dt.date(2026, 1, 9),
            language="en",
            modules=[1, 2, 3, 4, 5, 6, 7],
        ),
    ).id
    return ctx, wid


def _raw_participants(db_file: Path, wid: str, rows: list[list[str]]) -> None:
    now = utcnow().replace(tzinfo=None).isoformat(" ")
    people = [
        (
            str(uuid.uuid4()),
            r[0],
            r[0].lower(),
            "female",
            r[2],
            r[2].lower(),
            "environment",
            r[4],
            "KZ",
            r[6],
            r[7],
            0,
            "",
            now,
            now,
            "",
            1,
        )
        for r in rows
    ]
    enrol = [(str(uuid.uuid4()), wid, p[0], "participant", now, now, "", 1) for p in people]
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA synchronous=FULL")
    with conn:
        conn.executemany(
            "INSERT INTO participant (id, full_name, name_key, sex, organization, organization_key, sector, position,"
            " country, email, phone, consent_contact, language, created_at, updated_at, device_id, revision)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            people,
        )
        conn.executemany(
            "INSERT INTO enrolment (id, workshop_id, participant_id, role, created_at, updated_at, device_id, revision)"
            " VALUES (?,?,?,?,?,?,?,?)",
            enrol,
        )
    conn.close()


def _raw_attendance(db_file: Path, marks: list[tuple[str, str, str]]) -> None:
    now = utcnow().replace(tzinfo=None).isoformat(" ")
    rows = [
        (str(uuid.uuid4()), sid, pid, status, "bench", now, now, now, "", 1) for pid, sid, status in marks
    ]
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA synchronous=FULL")
    with conn:
        conn.executemany(
            "INSERT INTO attendance (id, session_id, participant_id, status, recorded_by, recorded_at, created_at,"
            " updated_at, device_id, revision) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_roster(tmp: Path, n: int, repeat: int) -> tuple[float, float]:
    path = tmp / "roster.csv"
    rows = _roster(path, n)
    app_times, raw_times = [], []
    for i in range(repeat):
        ctx, wid = _fresh(tmp, f"app{i}")
        app_times.append(_time(lambda: participants.import_roster(ctx.db, wid, path)))  # type: ignore[attr-defined]
        ctx.close()  # type: ignore[attr-defined]
        raw_ctx, raw_wid = _fresh(tmp, f"raw{i}")
        raw_file = raw_ctx.sqlite_file  # type: ignore[attr-defined]
        raw_ctx.close()  # type: ignore[attr-defined]
        raw_times.append(_time(lambda: _raw_participants(raw_file, raw_wid, rows)))
    return statistics.median(app_times), statistics.median(raw_times)


def bench_attendance(tmp: Path, people: int, repeat: int) -> tuple[float, float, int]:
    path = tmp / "people.csv"
    _roster(path, people)
    app_times, raw_times = [], []
    count = 0
    for i in range(repeat):
        ctx, wid = _fresh(tmp, f"att{i}")
        participants.import_roster(ctx.db, wid, path)  # type: ignore[attr-defined]
        sessions = [s.id for s in ws.get_workshop(ctx.db, wid).sessions if s.kind in ws.ATTENDANCE_KINDS]  # type: ignore[attr-defined]
        ids = [p.id for p in participants.list_participants(ctx.db, wid)]  # type: ignore[attr-defined]
        marks = [
            (pid, sid, "present" if (j + k) % 7 else "late")
            for j, pid in enumerate(ids)
            for k, sid in enumerate(sessions)
        ][:100_000]
        count = len(marks)
        app_times.append(_time(lambda: attendance.mark_bulk(ctx.db, wid, marks)))  # type: ignore[attr-defined]
        raw_file = ctx.sqlite_file  # type: ignore[attr-defined]
        ctx.close()  # type: ignore[attr-defined]
        conn = sqlite3.connect(raw_file)
        with conn:
            conn.execute("DELETE FROM attendance")
        conn.close()
        raw_times.append(_time(lambda: _raw_attendance(raw_file, marks)))
    return statistics.median(app_times), statistics.median(raw_times), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workshops", type=int, default=1000, help="workshops for the sync benchmark")
    parser.add_argument(
        "--inbox-bundles", type=int, default=1000, help="bundles for the inbox benchmark (0: skip it)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        app, raw = bench_roster(tmp, 5000, args.repeat)
        print(
            f"roster import, 5,000 rows:        app {app * 1000:8.1f} ms   raw executemany {raw * 1000:7.1f} ms"
            f"   ratio {app / raw:5.2f}x"
        )
        app, raw, n = bench_attendance(tmp, 5000, args.repeat)
        print(
            f"attendance marks, {n:,} records: app {app * 1000:8.1f} ms   raw executemany {raw * 1000:7.1f} ms"
            f"   ratio {app / raw:5.2f}x"
        )
        bench_sync(tmp, workshops=args.workshops)
        app, raw, n = bench_evaluations(tmp, workshops=25, people=25, repeat=args.repeat * 2 + 1)
        print(evaluations_report(app, raw, n, 25, 25))
        if args.inbox_bundles:
            bench_inbox(tmp, bundles=args.inbox_bundles)
    from bench_reports import run as bench_reports

    for line in bench_reports(args.repeat * 2 + 1):
        print(line)
    bench_packaging(args.repeat)  # the built app against the source install (skipped when there is no build)
    return 0


if __name__ == "__main__":
    sys.exit(main())
