"""Sync bundles at headquarters scale: 1,000 workshops of 25 participants, 10 sessions and 3 forms each.

    .venv/bin/python benchmarks/bench_sync.py [--workshops 1000] [--repeat 5]

A venue database with the workshops is written directly (fast set-up): per workshop the workshop, 10
agenda sessions, 25 participants and their enrolments, 250 attendance marks, an evaluation plan of 3 forms
(knowledge tests A and B of module 1 and the final evaluation), and every participant's response to each
form (half named, half anonymous, answers as the shipped forms ask) with its completion record: 461 records.
Every workshop is then exported as an encrypted bundle, and the folder is imported into an empty
headquarters database as `ccema bundle import FOLDER` does (`importer.import_paths`: signature, decryption,
schema, record checks, one transaction per bundle).

Each figure is printed next to a baseline from the same run: raw `sqlite3.executemany` of the same rows
(the evaluation rows included) into an empty database of the same schema (WAL, synchronous=FULL; foreign
keys not enforced, which the app's connections do), once as one bulk transaction (the target's baseline, measured before and after the import;
the faster run is used) and once with one transaction per workshop. Ratios are given in wall-clock time (what
the issue's target is about: fsync waits count) and in CPU time of this process (SQLite runs in it; steadier
when other work shares the machine).

`ccema stats` is timed as `stats.compute` in-process on that database (the 0.5 s target: the figures, not
the interpreter's start), as a ratio to the plain SQL count it is built on (persons trained), both medians
of `--repeat` runs; the `ccema stats --json` command in a new process (interpreter start and imports
included) is printed for information.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench_evaluations import _answers

from ccema_desktop.context import open_context
from ccema_desktop.services import forms as forms_service
from ccema_desktop.services import stats
from ccema_desktop.sync import export, importer, keys

_START = dt.datetime(2026, 3, 2, 9, 0)


def _stamp(w: int, step: int) -> str:
    """When the app wrote a group of rows (as its bulk paths do, rows written together share one time):
    each workshop and each of its steps (set-up, roster, each roll call) at its own microsecond."""
    return (_START + dt.timedelta(days=w, minutes=step, microseconds=w * 37 + step)).isoformat(
        " ", "microseconds"
    )


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
    "evaluation_plan": ("id", "workshop_id", "forms", "created_at", "updated_at", "device_id", "revision"),
    "evaluation_response": (
        "id", "workshop_id", "form_id", "form_version", "session_id", "participant_id", "anonymous_code", "phase",
        "source", "language", "submitted_on", "answers", "created_at", "updated_at", "device_id", "revision",
    ),
    "evaluation_completion": (
        "id", "workshop_id", "form_id", "scope", "participant_id", "created_at", "updated_at", "device_id",
        "revision",
    ),
}  # fmt: skip
SECTORS = ["environment", "climate_change", "agriculture", "foreign_affairs", "academia"]
COUNTRIES = ["KZ", "SN", "CO", "TZ", "VN"]
#: The 3 forms of each workshop: module 1's knowledge tests (before, after) and the final evaluation.
FORMS = ("knowledge-m1-a", "knowledge-m1-b", forms_service.FINAL_EVALUATION)


@dataclass
class Rows:
    """The rows of each table, grouped by workshop (in the order foreign keys need)."""

    by_workshop: list[dict[str, list[tuple[Any, ...]]]]

    @property
    def count(self) -> int:
        return sum(len(rows) for w in self.by_workshop for rows in w.values())


def _responses(
    w: int,
    wid: str,
    day: dt.date,
    persons: list[tuple[Any, ...]],
    forms: int,
    device: str,
    rng: random.Random,
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The plan, responses and completions of `forms` forms answered by every participant."""
    if not forms:
        return [], [], []
    shipped = forms_service.shipped_forms()
    chosen = FORMS[:forms]
    ts = _stamp(w, 0)
    plan = [(str(uuid.uuid4()), wid, json.dumps(list(chosen)), ts, ts, device, 1)]
    midnight = f"{day.isoformat()} 00:00:00.000000"
    responses, completions = [], []
    for i, person in enumerate(persons):
        anonymous = i % 2 == 0
        code = f"{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}A-{i % 12 + 1:02d}-K-{i % 10}"
        skill = rng.uniform(0.2, 0.6)
        for form_id in chosen:
            form = shipped[form_id]
            answers = _answers(form, rng, skill + (0.3 if form.variant == "B" else 0.0))
            responses.append(
                (str(uuid.uuid4()), wid, form_id, form.version, None, None if anonymous else person[0],
                 code if anonymous else None, None, "kiosk", "" if anonymous else "en", day.isoformat(),
                 json.dumps(answers), midnight, midnight, device, 1)
            )  # fmt: skip
            completions.append(
                (str(uuid.uuid4()), wid, form_id, "workshop", person[0], midnight, midnight, device, 1)
            )
    return plan, responses, completions


def make_rows(workshops: int, people: int, sessions: int, device: str, forms: int = 0) -> Rows:
    rng = random.Random(5)
    out = []
    for w in range(workshops):
        wid = str(uuid.uuid4())
        year = 2024 + w % 3
        day = dt.date(year, 1 + w % 12, 1 + w % 27)
        ts, roster = _stamp(w, 0), _stamp(w, 1)
        workshop = [
            (wid, f"KZ-{year}-{w:05d}", f"Workshop {w}", "national", json.dumps([COUNTRIES[w % 5]]), "Venue",
             day.isoformat(), day.isoformat(), "en", "", "", "[]", "[1]", "closed", "09:00:00.000000",
             "17:00:00.000000", 80, 0, "", ts, ts, device, 1)
        ]  # fmt: skip
        agenda = [
            (str(uuid.uuid4()), wid, day.isoformat(), f"{9 + s % 8:02d}:00:00.000000", f"{9 + s % 8:02d}:45:00.000000",
             f"Session {s}", "exercise", None, None, "", "", ts, ts, device, 1)
            for s in range(sessions)
        ]  # fmt: skip
        persons = [
            (str(uuid.uuid4()), f"Person {w}-{p}", f"person {w}-{p}", "female" if p % 2 else "male", "Ministry",
             "ministry", SECTORS[p % 5], "Officer", COUNTRIES[p % 5], f"p{w}.{p}@example.org", "", 0, "en",
             roster, roster, device, 1)
            for p in range(people)
        ]  # fmt: skip
        enrolments = [
            (str(uuid.uuid4()), wid, person[0], "participant", roster, roster, device, 1)
            for person in persons
        ]
        marks = [
            (str(uuid.uuid4()), session[0], person[0], "present" if (i + j) % 9 else "absent", "bench",
             _stamp(w, 2 + j), _stamp(w, 2 + j), _stamp(w, 2 + j), device, 1)
            for i, person in enumerate(persons)
            for j, session in enumerate(agenda)
        ]  # fmt: skip
        plan, responses, completions = _responses(w, wid, day, persons, forms, device, rng)
        out.append(
            {
                "workshop": workshop,
                "agenda_session": agenda,
                "participant": persons,
                "enrolment": enrolments,
                "attendance": marks,
                "evaluation_plan": plan,
                "evaluation_response": responses,
                "evaluation_completion": completions,
            }
        )
    return Rows(out)


def raw_insert(db_file: Path, rows: Rows, per_workshop: bool) -> tuple[float, float]:
    """Raw sqlite3.executemany of the rows (full sync, like the app); (wall, CPU) seconds."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    sql = {
        table: f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        for table, cols in COLUMNS.items()
    }
    start, cpu = time.perf_counter(), time.process_time()
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
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


def _empty_db(tmp: Path, name: str) -> Path:
    """An empty database of the app's schema for the raw baseline: its tables and indexes, without the
    triggers that keep `ccema stats` parts current (migration 0006; app machinery, not rows: the baseline
    stays the plain insert it was before them, and their cost counts in the import)."""
    ctx = open_context(tmp / name, daily_backup=False)
    path = ctx.sqlite_file
    ctx.close()
    assert path is not None
    conn = sqlite3.connect(path)
    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{trigger}"')
    conn.commit()
    conn.close()
    return path


def _timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - start, time.process_time() - cpu


def bench_sync(
    tmp: Path, workshops: int = 1000, people: int = 25, sessions: int = 10, forms: int = 3, repeat: int = 5
) -> None:
    venue = open_context(tmp / "venue", daily_backup=False)
    hq = open_context(tmp / "hq", daily_backup=False)
    keys.init_headquarters(hq.paths)
    keys.write_public_key(hq.paths, tmp / "hq.pub")
    keys.enroll(venue.paths, tmp / "hq.pub")
    rows = make_rows(workshops, people, sessions, venue.db.device_id, forms)
    venue_file = venue.sqlite_file
    assert venue_file is not None
    raw_insert(venue_file, rows, per_workshop=False)
    n = rows.count

    outbox = tmp / "bundles"
    outbox.mkdir()
    ids = [group["workshop"][0][0] for group in rows.by_workshop]

    def export_all() -> None:
        for wid in ids:
            export.export_bundle(venue, wid, outbox / f"{wid}.json")

    _, export_time, export_cpu = _timed(export_all)
    size = sum(p.stat().st_size for p in outbox.iterdir())

    raw_bulk = [raw_insert(_empty_db(tmp, "raw-bulk-1"), rows, per_workshop=False)]
    results, import_time, import_cpu = _timed(lambda: importer.import_paths(hq, [outbox]))
    assert len(results) == workshops
    assert all(r.status == "accepted" for r in results), [r.reason for r in results if r.reason][:3]
    assert sum(r.new for r in results) == n
    raw_each, _each_cpu = raw_insert(_empty_db(tmp, "raw-each"), rows, per_workshop=True)
    raw_bulk.append(raw_insert(_empty_db(tmp, "raw-bulk-2"), rows, per_workshop=False))
    bulk, bulk_cpu = min(t for t, _ in raw_bulk), min(c for _, c in raw_bulk)
    print(
        f"sync export, {workshops:,} workshops ({n:,} records, {size / 1e6:.1f} MB of bundles): "
        f"{export_time:6.2f} s = {n / export_time:9,.0f} records/s   "
        f"ratio to raw bulk insert {export_time / bulk:5.2f}x (CPU {export_cpu / bulk_cpu:5.2f}x)"
    )
    print(
        f"sync import, {workshops:,} bundles:   {import_time:6.2f} s = {n / import_time:9,.0f} records/s   "
        f"raw executemany {bulk:5.2f} s (ratio {import_time / bulk:5.2f}x; target 3x; "
        f"CPU {import_cpu:5.2f} s / {bulk_cpu:5.2f} s = {import_cpu / bulk_cpu:5.2f}x), "
        f"one transaction per workshop {raw_each:5.2f} s (ratio {import_time / raw_each:5.2f}x)"
    )

    hq_file = hq.sqlite_file
    assert hq_file is not None
    stats_runs, stats_cpu, sql_runs = [], [], []
    figures = None
    trained = 0
    for _ in range(repeat):  # alternated
        figures, wall, cpu = _timed(lambda: stats.compute(hq.db))
        stats_runs.append(wall)
        stats_cpu.append(cpu)
        conn = sqlite3.connect(hq_file)
        start = time.perf_counter()
        (trained,) = conn.execute(
            "SELECT count(DISTINCT participant_id) FROM attendance WHERE status IN ('present', 'late')"
        ).fetchone()
        sql_runs.append(time.perf_counter() - start)
        conn.close()
    assert figures is not None and figures.participants_trained == trained
    assert figures.satisfaction_respondents == (workshops * people if forms >= 3 else 0)
    command = [sys.executable, "-m", "ccema_desktop.cli", "--data-dir", str(hq.paths.root), "stats", "--json"]
    cli_runs = []
    for _ in range(max(1, repeat // 2)):
        run, wall, _cpu = _timed(lambda: subprocess.run(command, capture_output=True, text=True, check=True))
        assert json.loads(run.stdout)["participants_trained"] == trained
        cli_runs.append(wall)
    app, sql = statistics.median(stats_runs), statistics.median(sql_runs)
    print(
        f"ccema stats on that database:  stats.compute {app:6.3f} s (target 0.5 s; runs {min(stats_runs):.3f}-"
        f"{max(stats_runs):.3f}; CPU {statistics.median(stats_cpu):.3f} s)   plain SQL count {sql:6.3f} s   ratio {app / sql:5.2f}x   "
        f"`ccema stats --json` process {statistics.median(cli_runs):6.3f} s (interpreter start included)"
    )
    venue.close()
    hq.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workshops", type=int, default=1000)
    parser.add_argument("--people", type=int, default=25)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--forms", type=int, default=3, choices=range(4))
    parser.add_argument("--repeat", type=int, default=5, help="runs of the stats timings")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        bench_sync(Path(folder), args.workshops, args.people, args.sessions, args.forms, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
