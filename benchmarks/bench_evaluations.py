"""Evaluation results at scale: `evaluations.summary` for 25 workshops x 25 participants x every form.

Each workshop covers the 7 modules; every participant answers the knowledge tests A and B of each module,
the session feedback of every session and the final evaluation (half of them named, half anonymous, with a
few mistyped codes). Responses are written straight into the database (fast set-up). The app figure is
the time to compute the full summary of every workshop (distributions, means, shares agreeing, scores,
anonymous pairing, knowledge gain, per-session feedback); the baseline, in the same run, is a plain SQL
aggregate of the same responses at the granularity the summary reports: answer counts per form, session,
question and value (SQLite `json_each`, `GROUP BY`) for every workshop. Times are CPU time of this process (SQLite runs in it), runs alternated,
medians reported, so other work on the machine does not skew the ratio. Target: within 3x.

    .venv/bin/python benchmarks/bench_evaluations.py [--workshops 25] [--participants 25] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from ccema_desktop.context import open_context
from ccema_desktop.services import evaluations, forms, participants
from ccema_desktop.services import workshops as ws

#: Answer counts per form, session, question and value: the distributions the summary reports (session
#: feedback per session), straight from SQLite's JSON functions.
BASELINE_SQL = (
    "SELECT r.form_id, r.session_id, j.key, j.value, count(*) FROM evaluation_response AS r, "
    "json_each(r.answers) AS j WHERE r.workshop_id = ? GROUP BY r.form_id, r.session_id, j.key, j.value"
)
_COLUMNS = (
    "id, workshop_id, form_id, form_version, session_id, participant_id, anonymous_code, phase, source, "
    "language, submitted_on, answers, created_at, updated_at, device_id, revision"
)


def _answers(form: forms.FormDef, rng: random.Random, skill: float) -> dict[str, object]:
    out: dict[str, object] = {}
    for q in form.questions:
        if q.type == "single_choice":
            out[q.id] = q.answer if rng.random() < skill else rng.choice("abcd")
        elif q.type in forms.SCALE_TYPES:
            out[q.id] = rng.choice((2, 3, 4, 4, 5, 5))
        elif rng.random() < 0.3:
            out[q.id] = f"comment {rng.randrange(1000)}"
    return out


def prepare(folder: Path, workshops: int, people: int, seed: int = 7) -> tuple[Path, list[str], int]:
    """A database with the workshops, rosters (through the app) and responses (written directly)."""
    ctx = open_context(folder, daily_backup=False)
    rng = random.Random(seed)
    shipped = forms.shipped_forms()
    ids: list[str] = []
    rows: list[tuple[object, ...]] = []
    completions: list[tuple[object, ...]] = []
    for w in range(workshops):
        start = dt.date(2026, 1, 5) + dt.timedelta(days=7 * w)
        view = ws.create_workshop(
            ctx.db,
            ws.WorkshopInput(
                title=f"Workshop {w}",
                countries=["KZ"],
                start=start,
                end=start + dt.timedelta(days=4),
                language="en",
                modules=[1, 2, 3, 4, 5, 6, 7],
            ),
        )
        ids.append(view.id)
        roster = folder / f"roster-{w}.csv"
        roster.write_text(
            "full_name,email\n" + "".join(f"Person {w}-{i},p{w}-{i}@example.org\n" for i in range(people)),
            encoding="utf-8",
        )
        participants.import_roster(ctx.db, view.id, roster)
        pids = [p.id for p in participants.list_participants(ctx.db, view.id)]
        sessions = [s.id for s in view.sessions if s.kind in ws.ATTENDANCE_KINDS]
        for i, pid in enumerate(pids):
            anonymous = i % 2 == 0
            code = f"{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]}{'AEIOU'[w % 5]}-{i % 12 + 1:02d}-K-{i % 10}"
            skill = rng.uniform(0.2, 0.6)

            def add(form_id: str, day: dt.date, session: str | None, answers: dict[str, object]) -> None:
                midnight = f"{day.isoformat()} 00:00:00.000000"
                form = shipped[form_id]
                rows.append(
                    (
                        str(uuid.uuid4()),
                        view.id,
                        form_id,
                        form.version,
                        session,
                        None if anonymous else pid,
                        code if anonymous else None,
                        None,
                        "kiosk",
                        "" if anonymous else "en",
                        day.isoformat(),
                        json.dumps(answers),
                        midnight,
                        midnight,
                        "bench",
                        1,
                    )
                )
                completions.append(
                    (
                        str(uuid.uuid4()),
                        view.id,
                        form_id,
                        session or "workshop",
                        pid,
                        midnight,
                        midnight,
                        "bench",
                        1,
                    )
                )

            for m in range(1, 8):
                add(f"knowledge-m{m}-a", start, None, _answers(shipped[f"knowledge-m{m}-a"], rng, skill))
                post_code_typo = anonymous and i % 7 == 3  # a few mistyped codes: paired with tolerance
                answers = _answers(shipped[f"knowledge-m{m}-b"], rng, min(skill + 0.3, 0.95))
                if post_code_typo:
                    code, saved = code[:-1] + str((int(code[-1]) + 1) % 10), code
                    add(f"knowledge-m{m}-b", start + dt.timedelta(days=4), None, answers)
                    code = saved
                else:
                    add(f"knowledge-m{m}-b", start + dt.timedelta(days=4), None, answers)
            for sid in sessions:
                add("session-feedback", start, sid, _answers(shipped["session-feedback"], rng, 0))
            add(
                "final-evaluation",
                start + dt.timedelta(days=4),
                None,
                _answers(shipped["final-evaluation"], rng, 0),
            )
    db_file = ctx.sqlite_file
    ctx.close()
    assert db_file is not None
    conn = sqlite3.connect(db_file)
    with conn:
        conn.executemany(f"INSERT INTO evaluation_response ({_COLUMNS}) VALUES ({', '.join('?' * 16)})", rows)
        conn.executemany(
            "INSERT OR IGNORE INTO evaluation_completion (id, workshop_id, form_id, scope, participant_id, "
            "created_at, updated_at, device_id, revision) VALUES (?,?,?,?,?,?,?,?,?)",
            completions,
        )
    conn.close()
    return db_file, ids, len(rows)


def bench_evaluations(
    tmp: Path, workshops: int = 25, people: int = 25, repeat: int = 5
) -> tuple[float, float, int]:
    """(app seconds, baseline seconds, responses): medians over `repeat` alternated runs."""
    db_file, ids, count = prepare(tmp / "evaluations", workshops, people)
    ctx = open_context(tmp / "evaluations", daily_backup=False)
    app_times, raw_times = [], []
    check: list[object] = []
    try:
        for _ in range(repeat):
            start = time.process_time()
            results = [evaluations.summary(ctx.db, w) for w in ids]
            app_times.append(time.process_time() - start)
            check = [len(r.knowledge) for r in results]
            start = time.process_time()
            conn = sqlite3.connect(db_file)
            try:
                for w in ids:
                    conn.execute(BASELINE_SQL, (w,)).fetchall()
            finally:
                conn.close()
            raw_times.append(time.process_time() - start)
    finally:
        ctx.close()
    assert check == [7] * workshops, check
    return statistics.median(app_times), statistics.median(raw_times), count


def report(app: float, raw: float, count: int, workshops: int, people: int) -> str:
    return (
        f"evaluation summary, {workshops} workshops x {people} people ({count:,} responses): "
        f"app {app * 1000:8.1f} ms   plain SQL aggregate {raw * 1000:7.1f} ms   ratio {app / raw:5.2f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workshops", type=int, default=25)
    parser.add_argument("--participants", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        app, raw, count = bench_evaluations(Path(folder), args.workshops, args.participants, args.repeat)
    print(report(app, raw, count, args.workshops, args.participants))
    return 0


if __name__ == "__main__":
    sys.exit(main())
