"""The coordinator dashboard shows pooled satisfaction and knowledge gain once evaluations exist."""

from __future__ import annotations

from pathlib import Path

from ccema_desktop.context import AppContext
from ccema_desktop.services import dashboard
from ccema_desktop.services.evaluations import Respondent, submit_response
from tests.test_evaluations_support import knowledge_answers, scale_answers, workshop_with_people


def test_overview_reports_satisfaction_and_gain(ctx: AppContext, tmp_path: Path) -> None:
    assert dashboard.overview(ctx.db, "en").satisfaction is None
    setup = workshop_with_people(ctx.db, tmp_path, n=6)
    for i, person in enumerate(setup.people):
        named = Respondent(participant_id=person, anonymous_code=None, completed_by=person)
        submit_response(
            ctx.db, setup.workshop_id, "final-evaluation", scale_answers("final-evaluation", 4), named
        )
        submit_response(
            ctx.db,
            setup.workshop_id,
            "knowledge-m1-a",
            knowledge_answers("knowledge-m1-a", 1),
            named,
            phase="pre",
        )
        submit_response(
            ctx.db,
            setup.workshop_id,
            "knowledge-m1-b",
            knowledge_answers("knowledge-m1-b", 3 + i % 2),
            named,
            phase="post",
        )
    overview = dashboard.overview(ctx.db, "en")
    assert overview.satisfaction == 4.0
    # pre 1/5 for everyone, post 3/5 or 4/5 alternately: <g> = (3.5 - 1) / (5 - 1) = 0.625
    assert overview.knowledge_gain is not None and abs(overview.knowledge_gain - 0.625) < 1e-6
