"""Helpers shared by the evaluation tests (no tests here): a workshop with people, answers of a given score."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ccema_desktop.services import forms, participants
from ccema_desktop.services import workshops as ws
from ccema_desktop.storage.db import Database
from tests.conftest import write_csv

START = dt.date(2026, 3, 2)


@dataclass
class Setup:
    workshop_id: str
    code: str
    people: list[str]  # participant ids, in roster order
    emails: list[str]
    sessions: list[str]


def workshop_with_people(db: Database, folder: Path, n: int = 8, modules: list[int] | None = None) -> Setup:
    view = ws.create_workshop(
        db,
        ws.WorkshopInput(
            title="Evaluations",
            countries=["KZ"],
            start=START,
            end=START + dt.timedelta(days=1),
            language="en",
            modules=modules or [1, 2],
        ),
    )
    emails = [f"person{i}@example.org" for i in range(n)]
    path = write_csv(
        folder / f"roster-{view.code}.csv",
        ["full_name", "email"],
        [[f"Person {i:02d}", e] for i, e in enumerate(emails)],
    )
    result = participants.import_roster(db, view.id, path)
    assert not result.rejected
    by_email = {p.email: p.id for p in participants.list_participants(db, view.id)}
    sessions = [s.id for s in view.sessions if s.kind in ws.ATTENDANCE_KINDS]
    return Setup(view.id, view.code, [by_email[e] for e in emails], emails, sessions)


def knowledge_answers(form_id: str, points: int) -> dict[str, str | int]:
    """Answers to a knowledge test with exactly `points` correct (the first `points` questions)."""
    key = forms.shipped_form(form_id).answer_key
    out: dict[str, str | int] = {}
    for i, (qid, correct) in enumerate(key.items()):
        out[qid] = correct if i < points else next(o for o in "abcd" if o != correct)
    return out


def scale_answers(form_id: str, value: int) -> dict[str, str | int]:
    """Every scale question of a form answered `value`."""
    return {q.id: value for q in forms.shipped_form(form_id).questions if q.type in forms.SCALE_TYPES}
