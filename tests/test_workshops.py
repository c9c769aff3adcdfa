"""Workshop creation, agenda proposal and validation, through the services."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from ccema_desktop.context import AppContext
from ccema_desktop.domain.agenda import PlannedExercise, propose_agenda
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.services import curriculum
from ccema_desktop.services import workshops as ws


def _input(**changes: object) -> ws.WorkshopInput:
    base = ws.WorkshopInput(
        title="Taller MECC",
        countries=["co"],
        start=dt.date(2026, 3, 2),
        end=dt.date(2026, 3, 4),
        language="es",
        modules=[1, 2, 7],
    )
    for key, value in changes.items():
        setattr(base, key, value)
    return base


def test_agenda_is_proposed_in_the_workshop_language(ctx: AppContext) -> None:
    view = ws.create_workshop(ctx.db, _input())
    assert view.code.startswith("CO-2026-")
    kinds = [s.kind for s in view.sessions]
    assert kinds[0] == "opening" and kinds[-1] == "closing"
    assert kinds.count("lunch") == 2  # the last day ends after its morning
    titles = {s.title for s in view.sessions}
    assert "Almuerzo" in titles
    spanish = {e.title for m in curriculum.list_modules(ctx.db, "es") for e in m.exercises}
    exercise_titles = [s.title.split(" ", 1)[1] for s in view.sessions if s.kind == "exercise"]
    assert exercise_titles and set(exercise_titles) <= spanish
    for day in {s.date for s in view.sessions}:
        same_day = [s for s in view.sessions if s.date == day]
        for a, b in itertools.pairwise(same_day):
            assert a.end <= b.start
        assert same_day[-1].end <= dt.time(17, 0)


def test_modules_follow_the_chosen_order(ctx: AppContext) -> None:
    view = ws.create_workshop(ctx.db, _input(modules=[7, 1], end=dt.date(2026, 3, 6)))
    modules = [s.module for s in view.sessions if s.kind == "exercise"]
    assert modules[0] == 7 and modules[-1] == 1 and not view.unscheduled


def test_overflow_is_reported_not_dropped() -> None:
    exercises = [PlannedExercise(str(i), 1, f"E{i}", 90) for i in range(12)]
    proposal = propose_agenda(dt.date(2026, 1, 5), dt.date(2026, 1, 5), dt.time(9), dt.time(17), exercises)
    placed = [s for s in proposal.slots if s.kind == "exercise"]
    assert len(placed) + len(proposal.unscheduled) == 12
    assert placed and proposal.unscheduled


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "  "}, "title"),
        ({"end": dt.date(2026, 3, 1)}, "before it starts"),
        ({"countries": ["XX"]}, "Unknown country"),
        ({"language": "de"}, "Unknown language"),
        ({"kind": "galactic"}, "Unknown workshop kind"),
        ({"modules": [8]}, "Unknown module"),
        ({"end": dt.date(2026, 4, 30)}, "at most"),
    ],
)
def test_invalid_workshops_are_refused(ctx: AppContext, changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ws.create_workshop(ctx.db, _input(**changes))
    assert ws.list_workshops(ctx.db) == []


def test_find_by_code_search_status_delete(ctx: AppContext) -> None:
    view = ws.create_workshop(ctx.db, _input())
    assert ws.get_workshop(ctx.db, view.code.lower()).id == view.id
    assert [w.id for w in ws.list_workshops(ctx.db, "colombia")] == [view.id]
    assert ws.list_workshops(ctx.db, "kenya") == []
    ws.set_status(ctx.db, view.id, "running")
    assert ws.get_workshop(ctx.db, view.id).status == "running"
    ws.delete_workshop(ctx.db, view.id)
    with pytest.raises(NotFoundError):
        ws.get_workshop(ctx.db, view.id)


def test_custom_exercise_is_kept_when_curriculum_reloads(ctx: AppContext) -> None:
    ex_id = curriculum.add_custom_exercise(ctx.db, 3, "Field visit debrief", 45, "discussion", lang="fr")
    with ctx.db.transaction() as s:
        from ccema_desktop.storage.models import DbMeta

        s.merge(DbMeta(key=curriculum.CURRICULUM_VERSION_KEY, value="old"))
    assert curriculum.ensure_loaded(ctx.db)
    module = curriculum.get_module(ctx.db, 3, "fr")
    custom = [e for e in module.exercises if e.is_custom]
    assert [(e.id, e.title, e.code) for e in custom] == [(ex_id, "Field visit debrief", "3.C1")]
