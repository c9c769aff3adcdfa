"""Stand-in for bundle import in report tests: copy every synced model's rows from a venue database into a
headquarters database, the way a bundle carries every model listed in SYNCED_MODELS.

The curriculum is already loaded at headquarters under its own ids, so curriculum rows are matched by
module number and exercise code instead of being copied.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert, select

from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import SYNCED_MODELS, AgendaSession, CurriculumModule, Exercise


def _exercise_keys(db: Database) -> dict[tuple[int, str], str]:
    with db.transaction() as s:
        rows = s.execute(
            select(CurriculumModule.number, Exercise.code, Exercise.id).join(
                CurriculumModule, CurriculumModule.id == Exercise.module_id
            )
        )
        return {(n, code): eid for n, code, eid in rows}


def copy_to_hq(venue: Database, hq: Database) -> dict[str, int]:
    """Copy workshops, agenda, people, enrolments, attendance and certificates; returns rows per table."""
    venue_ex = {eid: key for key, eid in _exercise_keys(venue).items()}
    hq_ex = _exercise_keys(hq)
    copied: dict[str, int] = {}
    with venue.transaction() as src, hq.transaction() as dst:
        for model in SYNCED_MODELS:
            if model in (CurriculumModule, Exercise):
                continue
            table: Table = model.__table__  # type: ignore[attr-defined]
            rows: list[dict[str, Any]] = [dict(r._mapping) for r in src.execute(select(table))]
            if model is AgendaSession:
                for row in rows:
                    key = venue_ex.get(row["exercise_id"]) if row["exercise_id"] else None
                    row["exercise_id"] = hq_ex.get(key) if key else None
            if rows:
                dst.execute(insert(table), rows)
            copied[table.name] = len(rows)
    return copied
