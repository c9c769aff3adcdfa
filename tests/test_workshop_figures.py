"""`ccema stats` from each workshop's kept parts (`services.workshop_figures`) equals the figures read straight
from the data, on SQLite and PostgreSQL, before and after every kind of change (through the app's services,
plain SQL, a deleted session, a person taken off a workshop); a part kept from data that changed is never used.

The reference here is written independently of `stats.compute`: plain loops over every row of the tables,
and `evaluations.overall` (which reads every answer) for the evaluation figures.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, text, update

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.services import evaluations, stats, workshop_figures
from ccema_desktop.services import forms as forms_service
from ccema_desktop.services.workshops import ATTENDANCE_KINDS
from ccema_desktop.storage.models import (
    AgendaSession,
    Attendance,
    Enrolment,
    EvaluationResponse,
    Participant,
    Workshop,
    WorkshopFigures,
)
from ccema_desktop.sync import importer
from tests.sync_helpers import BACKENDS, backend_url, enroll, headquarters, laptop

FORMS = ("knowledge-m1-a", "knowledge-m1-b", forms_service.FINAL_EVALUATION)
TRIGGER_TABLES = ("agenda_session", "attendance", "enrolment", "evaluation_response")


@pytest.fixture(params=BACKENDS)
def ctx(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AppContext]:
    with backend_url(request.param) as url:
        context = open_context(tmp_path / "hq", url, daily_backup=False)
        yield context
        context.close()


def _now(day: int) -> dt.datetime:
    return dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC) + dt.timedelta(days=day)


def _answers(form: forms_service.FormDef, rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for q in form.questions:
        if q.type == "single_choice":
            out[q.id] = q.answer if rng.random() < 0.6 else rng.choice("abcd")
        elif q.type in forms_service.SCALE_TYPES:
            out[q.id] = rng.choice((1, 2, 3, 4, 4, 5, 5))
    return out


def _sync(day: int) -> dict[str, Any]:
    return {"created_at": _now(day), "updated_at": _now(day), "device_id": "dev", "revision": 1}


def _generate(ctx: AppContext, workshops: int = 6, people: int = 8, seed: int = 3) -> None:
    """Workshops (one demo) with sessions of several kinds, people (some in two workshops, some without
    e-mail), enrolments (some facilitators), marks of every status and responses (named, anonymous, and
    named ones of someone not enrolled)."""
    rng = random.Random(seed)
    shipped = forms_service.shipped_forms()
    rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    shared = [str(uuid.uuid4()) for _ in range(3)]
    for i, pid in enumerate(shared):
        rows[Participant].append(
            {"id": pid, "full_name": f"Shared {i}", "name_key": f"shared {i}", "email": f"s{i}@example.org",
             "sex": "female", "sector": "academia", "country": "KZ", **_sync(i)}
        )  # fmt: skip
    for w in range(workshops):
        wid = str(uuid.uuid4())
        day = dt.date(2024 + w % 3, 1 + w, 3)
        rows[Workshop].append(
            {"id": wid, "code": f"KZ-{w}", "title": f"W{w}", "kind": "national", "host_countries": ["KZ"],
             "start_date": day, "end_date": day, "language": "en", "modules": [1], "facilitators": [], "status": "closed", "day_start": dt.time(9), "day_end": dt.time(17),
             "attendance_threshold": 60 + 10 * (w % 3), "is_demo": w == workshops - 1, **_sync(w)}
        )  # fmt: skip
        sessions = []
        for s, kind in enumerate(("opening", "exercise", "break", "exercise", "closing")):
            sid = str(uuid.uuid4())
            sessions.append(sid)
            rows[AgendaSession].append(
                {"id": sid, "workshop_id": wid, "date": day, "start_time": dt.time(9 + s), "end_time": dt.time(10 + s),
                 "title": f"S{s}", "kind": kind, **_sync(w)}
            )  # fmt: skip
        persons = [shared[w % 3]] if w < workshops - 1 else []
        for p in range(people):
            pid = str(uuid.uuid4())
            persons.append(pid)
            email = None if p == 0 else (f"S{w % 3}@Example.org" if p == 1 else f"p{w}.{p}@example.org")
            rows[Participant].append(
                {"id": pid, "full_name": f"P{w}-{p}", "name_key": f"p{w}-{p}", "email": email,
                 "sex": rng.choice(("male", "female", None)), "sector": rng.choice(("academia", "other", None)),
                 "country": rng.choice(("KZ", "SN", None)), **_sync(w + p)}
            )  # fmt: skip
        for k, pid in enumerate(persons):
            role = "facilitator" if k == 2 else "participant"
            rows[Enrolment].append(
                {"id": str(uuid.uuid4()), "workshop_id": wid, "participant_id": pid, "role": role, **_sync(w)}
            )
            for sid in sessions:
                status = rng.choice(("present", "present", "late", "absent", "excused", None))
                if status is not None:
                    rows[Attendance].append(
                        {"id": str(uuid.uuid4()), "session_id": sid, "participant_id": pid, "status": status,
                         "recorded_by": "t", "recorded_at": _now(w), **_sync(w)}
                    )  # fmt: skip
        outsider = persons[-1]
        for k, pid in enumerate(persons):
            anonymous = k % 2 == 0
            code = f"{'ABCDEFGH'[k % 8]}A-0{k % 9 + 1}-K-{k % 10}"
            for form_id in FORMS:
                if rng.random() < 0.15:
                    continue  # a drop-out
                rows[EvaluationResponse].append(
                    {"id": str(uuid.uuid4()), "workshop_id": wid, "form_id": form_id,
                     "form_version": shipped[form_id].version, "participant_id": None if anonymous else pid,
                     "anonymous_code": code if anonymous else None, "source": "kiosk",
                     "language": "" if anonymous else "en", "submitted_on": day,
                     "answers": _answers(shipped[form_id], rng), **_sync(w)}
                )  # fmt: skip
        # The outsider is taken off the workshop: their named responses stay but must not count.
        rows["unenrol"].append({"workshop_id": wid, "participant_id": outsider})
    with ctx.db.transaction() as s:
        for model in (Workshop, AgendaSession, Participant, Enrolment, Attendance, EvaluationResponse):
            s.execute(insert(model), rows[model])
        for gone in rows["unenrol"]:
            s.execute(
                delete(Enrolment).where(
                    Enrolment.workshop_id == gone["workshop_id"],
                    Enrolment.participant_id == gone["participant_id"],
                )
            )


def _reference(ctx: AppContext) -> dict[str, Any]:
    """The figures by their README definitions, from every row (no kept parts, no shared code)."""
    with ctx.db.engine.connect() as conn:
        workshops = {
            r.id: r for r in conn.execute(select(Workshop.id, Workshop.start_date, Workshop.attendance_threshold,
                                                  Workshop.is_demo)) if not r.is_demo
        }  # fmt: skip
        people = conn.execute(
            select(Participant.id, Participant.email, Participant.sex, Participant.sector, Participant.country,
                   Participant.updated_at)
        ).all()  # fmt: skip
        sessions = {
            r.id: r
            for r in conn.execute(select(AgendaSession.id, AgendaSession.workshop_id, AgendaSession.kind))
        }
        marks = conn.execute(
            select(Attendance.session_id, Attendance.participant_id, Attendance.status)
        ).all()
        enrolments = conn.execute(
            select(Enrolment.workshop_id, Enrolment.participant_id, Enrolment.role)
        ).all()
    person = {p.id: (p.email.strip().lower() if p.email and p.email.strip() else p.id) for p in people}
    latest = {}
    for p in sorted(people, key=lambda p: (p.updated_at, p.id)):
        latest[person[p.id]] = (p.sex or "unknown", p.sector or "unknown", p.country or "unknown")
    planned = Counter(s.workshop_id for s in sessions.values() if s.kind in ATTENDANCE_KINDS)
    done: Counter[tuple[str, str]] = Counter()
    trained: dict[str, set[int]] = defaultdict(set)
    for m in marks:
        wid = sessions[m.session_id].workshop_id
        if wid in workshops and m.status in ("present", "late"):
            trained[person[m.participant_id]].add(workshops[wid].start_date.year)
            if sessions[m.session_id].kind in ATTENDANCE_KINDS:
                done[(wid, m.participant_id)] += 1
    registered, eligible, seats, present = set(), 0, 0, 0
    for e in enrolments:
        if e.workshop_id not in workshops or e.role != "participant":
            continue
        registered.add(person[e.participant_id])
        n, d = planned[e.workshop_id], done[(e.workshop_id, e.participant_id)]
        seats += n
        present += d
        eligible += bool(n and d / n * 100 >= workshops[e.workshop_id].attendance_threshold)
    with ctx.db.transaction() as s:
        pooled = evaluations.overall(s)
    sat = pooled.satisfaction

    def r4(v: float | None) -> float | None:
        return None if v is None else round(v, 4)

    def by(i: int) -> dict[str, int]:
        c = Counter(latest[k][i] for k in trained)
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "workshops": len(workshops),
        "participants_registered": len(registered),
        "participants_trained": len(trained),
        "certificates_eligible": eligible,
        "attendance_rate": round(present / seats, 4) if seats else 0.0,
        "by_sex": by(0),
        "by_sector": by(1),
        "by_country": by(2),
        "by_year": dict(sorted(Counter(str(y) for ys in trained.values() for y in ys).items())),
        "satisfaction_respondents": sat.respondents if sat else 0,
        "satisfaction_share_agreeing": r4(sat.share_agreeing) if sat else None,
        "satisfaction_mean": r4(sat.mean) if sat else None,
        "knowledge_pairs": pooled.pairs,
        "knowledge_gain": r4(pooled.knowledge_gain),
        "knowledge_improved": r4(pooled.share_improved),
        "knowledge_passing": r4(pooled.share_passing),
    }


def _all_kept(ctx: AppContext) -> bool:
    """Every workshop but demo ones has a valid kept part."""
    with ctx.db.engine.connect() as conn:
        live = set(conn.execute(select(Workshop.id).where(Workshop.is_demo.is_(False))).scalars())
        rows = conn.execute(
            select(
                WorkshopFigures.workshop_id,
                WorkshopFigures.changes,
                WorkshopFigures.computed,
                WorkshopFigures.data,
            )
        ).all()
    valid = {r.workshop_id for r in rows if r.computed == r.changes and r.data}
    return bool(live) and live <= valid


def _check(ctx: AppContext) -> dict[str, Any]:
    expected = _reference(ctx)
    assert stats.compute(ctx.db).as_json() == expected  # stale parts computed (and kept)
    assert _all_kept(ctx)
    assert stats.compute(ctx.db).as_json() == expected  # from the kept parts
    return expected


def test_kept_parts_give_the_figures_read_from_the_data(ctx: AppContext) -> None:
    _generate(ctx)
    first = _check(ctx)
    assert first["knowledge_pairs"] > 5 and first["satisfaction_respondents"] > 5
    assert first["participants_trained"] > 0 and 0 < first["attendance_rate"] < 1
    # The pooled evaluation figures are `evaluations.overall` to the last bit, not only once rounded.
    with ctx.db.transaction() as s:
        assert evaluations.pool(
            {w: p.evaluation for w, p in workshop_figures.current(ctx.db).items() if p.evaluation}
        ) == evaluations.overall(s)

    with ctx.db.transaction() as s:  # plain SQL: absent marks become present
        s.execute(update(Attendance).where(Attendance.status == "absent").values(status="present"))
    second = _check(ctx)
    assert second["attendance_rate"] > first["attendance_rate"]

    with ctx.db.transaction() as s:  # a session deleted with its marks
        sid = s.scalars(select(AgendaSession.id).where(AgendaSession.kind == "opening").limit(1)).one()
        s.execute(delete(Attendance).where(Attendance.session_id == sid))
        s.execute(delete(AgendaSession).where(AgendaSession.id == sid))
    _check(ctx)

    with (
        ctx.db.transaction() as s
    ):  # named respondents taken off their workshops: their answers stop counting
        named = s.execute(
            select(EvaluationResponse.workshop_id, EvaluationResponse.participant_id)
            .where(EvaluationResponse.participant_id.is_not(None))
            .limit(6)
        ).all()
        for wid, pid in named:
            s.execute(delete(Enrolment).where(Enrolment.workshop_id == wid, Enrolment.participant_id == pid))
    third = _check(ctx)
    assert third["satisfaction_respondents"] <= second["satisfaction_respondents"]

    with ctx.db.transaction() as s:  # one answer changed in place
        rid, answers = s.execute(
            select(EvaluationResponse.id, EvaluationResponse.answers)
            .where(EvaluationResponse.form_id == forms_service.FINAL_EVALUATION)
            .limit(1)
        ).one()
        s.execute(
            update(EvaluationResponse)
            .where(EvaluationResponse.id == rid)
            .values(answers={k: 1 if isinstance(v, int) else v for k, v in answers.items()})
        )
    assert _check(ctx)["satisfaction_mean"] != third["satisfaction_mean"]

    with ctx.db.transaction() as s:  # read live: a workshop made demo, a person's e-mail
        s.execute(update(Workshop).where(Workshop.code == "KZ-0").values(is_demo=True))
        s.execute(
            update(Participant).where(Participant.email == "s1@example.org").values(email="new@example.org")
        )
    assert _check(ctx)["workshops"] == first["workshops"] - 1


def test_a_part_computed_before_a_change_is_not_kept(ctx: AppContext) -> None:
    """The compare-and-set: a change committed between reading a workshop's data and keeping its part
    leaves the part stale (it is computed again next time, never used)."""
    _generate(ctx, workshops=2)
    stats.compute(ctx.db)
    with ctx.db.transaction() as s:
        s.execute(update(Attendance).values(status="late"))
    with ctx.db.engine.connect() as conn, conn.begin():
        _parts, stale = workshop_figures._read(conn, None)
        fresh = workshop_figures.compute_parts(conn, list(stale))
    assert stale and all(seen is not None for seen in stale.values())
    with ctx.db.transaction() as s:  # meanwhile, another writer
        s.execute(update(Attendance).values(status="absent"))
    with ctx.db.engine.connect() as conn, conn.begin():
        workshop_figures._keep(conn, stale, fresh)
    assert not _all_kept(ctx)
    assert stats.compute(ctx.db).participants_trained == 0  # nobody attended any more
    assert _all_kept(ctx)


def test_triggers_exist_at_head(ctx: AppContext) -> None:
    """A later migration that rebuilds one of these tables must create its trigger again."""
    with ctx.db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            found = set(
                conn.execute(
                    text(
                        "SELECT event_object_table FROM information_schema.triggers WHERE trigger_name LIKE :p"
                    ),
                    {"p": "trg_%_figures"},
                ).scalars()
            )
            assert found == set(TRIGGER_TABLES)
        else:
            names = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
            assert names >= {f"trg_{t}_figures_{e}" for t in TRIGGER_TABLES for e in ("ins", "upd", "del")}


def test_bundle_import_keeps_the_parts_of_the_workshops_it_merged(tmp_path: Path) -> None:
    hq = headquarters(tmp_path / "hq")
    lap = laptop(tmp_path / "lap")
    enroll(lap, hq)
    out = tmp_path / "outbox"
    out.mkdir()
    for i in range(2):
        wid = lap.workshop(f"Figures {i}", "KZ", dt.date(2026, 3, 2 + i), 1, [])
        people = lap.roster(wid, [[f"Person {i}-{p}", "F", "Org", "environment", "", "KZ", f"f{i}.{p}@example.org", ""]
                                  for p in range(3)])  # fmt: skip
        lap.mark(wid, next(iter(people.values())), lap.sessions(wid)[:1], "present")
        lap.export(wid, out / f"{i}.json")
    lap.ctx.close()
    ctx = hq.context()
    try:
        results = importer.import_paths(ctx, [out])
        assert [r.status for r in results] == ["accepted", "accepted"]
        with ctx.db.engine.connect() as conn:
            kept = conn.execute(
                select(WorkshopFigures.workshop_id, WorkshopFigures.changes, WorkshopFigures.computed)
            ).all()
        merged = {r.workshop_id for r in results}
        assert merged <= {k.workshop_id for k in kept if k.computed == k.changes}
        assert stats.compute(ctx.db).as_json() == _reference(ctx)
        assert stats.compute(ctx.db).participants_trained == 2
    finally:
        ctx.close()
