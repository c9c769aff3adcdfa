"""Evaluations on PostgreSQL: submit, paper and kiosk imports (idempotent), results (needs CCEMA_TEST_POSTGRES_URL)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.services import evaluations as ev
from ccema_desktop.services import forms, kiosk_pin
from ccema_desktop.storage.models import EvaluationCompletion, EvaluationResponse
from tests.conftest import write_csv
from tests.sync_helpers import PG_URL, pg_schema_url
from tests.test_evaluations_support import knowledge_answers, workshop_with_people

pytestmark = [pytest.mark.postgres, pytest.mark.skipif(not PG_URL, reason="CCEMA_TEST_POSTGRES_URL not set")]


@pytest.fixture
def pg_ctx(tmp_path: Path) -> Iterator[AppContext]:
    with pg_schema_url() as url:
        ctx = open_context(tmp_path / "hq", url, daily_backup=False)
        try:
            yield ctx
        finally:
            ctx.close()


def _counts(ctx: AppContext) -> tuple[int, int]:
    with ctx.db.transaction() as s:
        responses = s.scalar(select(func.count()).select_from(EvaluationResponse)) or 0
        completions = s.scalar(select(func.count()).select_from(EvaluationCompletion)) or 0
    return responses, completions


def test_evaluations_on_postgresql(pg_ctx: AppContext, tmp_path: Path) -> None:
    assert pg_ctx.db.engine.dialect.name == "postgresql"
    s = workshop_with_people(pg_ctx.db, tmp_path, n=6, modules=[1])
    for i, pid in enumerate(s.people):
        who = ev.Respondent(anonymous_code=f"K{chr(65 + i)}-03-A-{i}", completed_by=pid)
        ev.submit_response(
            pg_ctx.db,
            s.workshop_id,
            "knowledge-m1-a",
            knowledge_answers("knowledge-m1-a", 1),
            who,
            today=dt.date(2026, 3, 2),
        )
        ev.submit_response(
            pg_ctx.db,
            s.workshop_id,
            "knowledge-m1-b",
            knowledge_answers("knowledge-m1-b", 4),
            who,
            today=dt.date(2026, 3, 3),
        )
    qid = forms.add_custom_question(
        pg_ctx.db, s.workshop_id, "session-feedback", "text", "Anything else?", "ru"
    )
    paper = write_csv(
        tmp_path / "paper.csv",
        ["respondent", "form", "question", "answer", "session"],
        [
            [s.emails[0], "session-feedback", "sf-relevance", "5", s.sessions[0]],
            [s.emails[0], "session-feedback", qid, "Нет", s.sessions[0]],
            [s.emails[1], "session-feedback", "sf-relevance", "9", s.sessions[0]],
        ],
    )
    first = ev.import_paper(pg_ctx.db, s.workshop_id, paper)
    assert (first.added, [r.row for r in first.rejected]) == (1, [4])
    counts = _counts(pg_ctx)
    assert counts == (13, 13)
    again = ev.import_paper(pg_ctx.db, s.workshop_id, paper)
    assert (again.added, again.unchanged) == (0, 1) and _counts(pg_ctx) == counts
    out = tmp_path / "export.json"
    assert ev.export_responses(pg_ctx.db, s.workshop_id, out) == 13
    report = ev.import_responses(pg_ctx.db, out)
    assert (report.added, report.unchanged, report.rejected) == (0, 13, []) and _counts(pg_ctx) == counts
    result = ev.summary(pg_ctx.db, s.workshop_id)
    (gain,) = result.knowledge
    assert gain.pairs_matched == 6 and gain.class_gain == pytest.approx(0.75)  # (4 - 1) / (5 - 1)
    feedback = next(f for f in result.forms if f.form_id == "session-feedback")
    assert feedback.by_session[0].session_id == s.sessions[0]
    assert next(q for q in feedback.questions if q.id == qid).comments == ["Нет"]
    with pg_ctx.db.transaction() as sess:
        times = sess.execute(select(EvaluationResponse.created_at, EvaluationResponse.updated_at)).all()
    assert all(c.time() == dt.time(0) and u.time() == dt.time(0) for c, u in times)
    kiosk_pin.set_pin(pg_ctx.db, "2468")
    assert kiosk_pin.check_pin(pg_ctx.db, "2468") and not kiosk_pin.check_pin(pg_ctx.db, "2469")
