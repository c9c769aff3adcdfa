"""Each workshop's part of the headquarters statistics, kept in the database so `ccema stats` need not read
every attendance mark and every answer of every workshop again (headquarters holds thousands).

A workshop's parts are `stats.AttendancePart` (sessions planned, counted attendance per participant record,
enrolments) and `evaluations.WorkshopPartial` (satisfaction answers per point, knowledge pairs' points), both
exact integers pooled by `stats.compute` and `evaluations.pool` exactly as if read afresh (tests compare).
Table `workshop_figures` keeps them:

- `changes` is raised by database triggers (migration 0006) on every insert, update and delete of the
  workshop's sessions, attendance marks, enrolments and evaluation responses, whoever makes them (bundle
  merges, the desktop app, the kiosk, paper imports, a deleted person, plain SQL). A kept row is used only
  while its `computed` equals `changes`, so it can never stand for data that has changed since.
- `forms_key` ties the evaluation part to the shipped forms it was scored with (answer keys, reaction items):
  another app version with other keys computes every part again.
- Parts are computed for the workshops missing or stale, then kept with a compare-and-set on the counter as
  read before the data (a change committed meanwhile leaves the row stale). `ccema bundle import` refreshes
  the workshops it merged at the end of the run (`refresh`); `current` (behind `ccema stats`) computes what
  is still stale and keeps it only if the database can be written at once (it never waits for an import).
- What is read live at every run: the workshops (year, threshold, demo or not) and the participants (who
  is the same person, by e-mail, and their latest sex, sector and country).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError

from ccema_desktop.services import evaluations, stats
from ccema_desktop.services import forms as forms_service
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import Workshop, WorkshopFigures

_F = WorkshopFigures
_TABLE: Table = WorkshopFigures.__table__  # type: ignore[assignment]


class WorkshopParts(NamedTuple):
    attendance: stats.AttendancePart
    evaluation: evaluations.WorkshopPartial | None  # None: no responses that count

    def as_json(self) -> list[Any]:
        return [self.attendance.as_json(), None if self.evaluation is None else self.evaluation.as_json()]

    @classmethod
    def from_json(cls, value: Any) -> WorkshopParts:
        attendance, evaluation = value
        return cls(
            stats.AttendancePart.from_json(attendance),
            None if evaluation is None else evaluations.WorkshopPartial.from_json(evaluation),
        )


@cache
def forms_key() -> str:
    """What scoring a workshop's evaluation part depends on in the shipped forms (answer keys, reaction
    items, which form is which module's version A or B), hashed."""
    knowledge = sorted(
        (f.id, f.version, f.kind, f.module, f.variant)
        for f in forms_service.shipped_forms().values()
        if f.kind == "knowledge_test"
    )
    keys = sorted((form_id, list(map(list, pair))) for form_id, pair in evaluations._answer_keys().items())
    material = json.dumps([knowledge, keys, evaluations.reaction_items()], sort_keys=True, default=str)
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def compute_parts(conn: Connection, workshop_ids: Sequence[str]) -> dict[str, WorkshopParts]:
    """The parts of the given workshops, read from their data (a few grouped queries per 500 workshops)."""
    attendance = stats.attendance_parts(conn, workshop_ids)
    evaluation = evaluations.workshop_partials(conn, workshop_ids)
    return {wid: WorkshopParts(attendance[wid], evaluation.get(wid)) for wid in attendance}


def _encode(parts: WorkshopParts) -> str:
    return json.dumps(parts.as_json(), separators=(",", ":"))


def _decode_many(texts: Sequence[str]) -> list[Any]:
    """Kept parts decoded with one `json.loads` (one call each would cost more)."""
    loaded = json.loads("[" + ",".join(texts) + "]")
    if type(loaded) is not list or len(loaded) != len(texts):  # pragma: no cover - written by `_encode`
        raise ValueError("damaged workshop_figures rows")
    return loaded


def _read(
    conn: Connection, workshop_ids: Sequence[str] | None
) -> tuple[dict[str, WorkshopParts], dict[str, int | None]]:
    """(usable kept parts, stale workshop -> its counter as read now, None without a row) for the given
    workshops (None: every workshop but demo ones). The counters are read before any data."""
    key = forms_key()
    kept = {
        wid: (changes, computed, row_key, data)
        for wid, changes, computed, row_key, data in conn.execute(
            select(_F.workshop_id, _F.changes, _F.computed, _F.forms_key, _F.data)
        )
    }
    wanted = (
        conn.execute(select(Workshop.id).where(Workshop.is_demo.is_(False))).scalars().all()
        if workshop_ids is None
        else list(dict.fromkeys(workshop_ids))
    )
    usable: list[tuple[str, str]] = []
    stale: dict[str, int | None] = {}
    for wid in wanted:
        row = kept.get(wid)
        if row is not None and row[1] == row[0] and row[2] == key and row[3] is not None:
            usable.append((wid, row[3]))
        else:
            stale[wid] = None if row is None else row[0]
    parts = {
        wid: WorkshopParts.from_json(value)
        for (wid, _data), value in zip(usable, _decode_many([d for _w, d in usable]), strict=True)
    }
    return parts, stale


def _keep(conn: Connection, stale: dict[str, int | None], fresh: dict[str, WorkshopParts]) -> None:
    """Keep parts just computed, each only if its workshop's counter is still the one read before its data."""
    key = forms_key()
    updates = [
        {"w": wid, "seen": seen, "key": key, "data": _encode(fresh[wid])}
        for wid, seen in stale.items()
        if seen is not None and wid in fresh
    ]
    inserts = [
        {"workshop_id": wid, "changes": 0, "computed": 0, "forms_key": key, "data": _encode(fresh[wid])}
        for wid, seen in stale.items()
        if seen is None and wid in fresh
    ]
    if updates:
        conn.execute(
            update(_F)
            .where(_F.workshop_id == bindparam("w"), _F.changes == bindparam("seen"))
            .values(computed=bindparam("seen"), forms_key=bindparam("key"), data=bindparam("data")),
            updates,
        )
    if inserts:
        module: Any = postgresql if conn.dialect.name == "postgresql" else sqlite
        conn.execute(module.insert(_TABLE).on_conflict_do_nothing(), inserts)


def refresh(db: Database, workshop_ids: Sequence[str], conn: Connection | None = None) -> None:
    """Compute and keep the parts of these workshops that are stale (after an import merged them)."""
    if conn is None:
        with db.engine.connect() as own:
            refresh(db, workshop_ids, own)
        return
    with conn.begin():
        _parts, stale = _read(conn, workshop_ids)
        if not stale:
            return
        fresh = compute_parts(conn, list(stale))
    with conn.begin():
        _keep(conn, stale, fresh)


def current(db: Database) -> dict[str, WorkshopParts]:
    """The parts of every workshop but demo ones: kept ones where still valid, the others computed (and kept
    when the database can be written at once; the figures are right either way)."""
    with db.engine.connect() as conn:
        with conn.begin():  # one snapshot on SQLite; on PostgreSQL the counters are read before the data
            parts, stale = _read(conn, None)
            fresh = compute_parts(conn, list(stale)) if stale else {}
        parts.update(fresh)
        if stale:
            _keep_if_free(conn, stale, fresh)
    return parts


def _keep_if_free(conn: Connection, stale: dict[str, int | None], fresh: dict[str, WorkshopParts]) -> None:
    """`_keep`, skipped when the database is locked (an import in progress), read-only or busy."""
    raw = conn.connection.driver_connection if conn.dialect.name == "sqlite" else None
    timeout = int(raw.execute("PRAGMA busy_timeout").fetchone()[0]) if raw is not None else 0
    try:
        if raw is not None:
            raw.execute("PRAGMA busy_timeout=0")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SET LOCAL lock_timeout = '200ms'"))
            _keep(conn, stale, fresh)
    except DBAPIError:
        pass
    finally:
        if raw is not None:
            raw.execute(f"PRAGMA busy_timeout={timeout}")
