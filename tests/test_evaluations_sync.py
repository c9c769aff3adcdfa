"""Evaluation responses travel in sync bundles: the summary at headquarters equals the laptop's, on SQLite
and on PostgreSQL (CCEMA_TEST_POSTGRES_URL), and anonymity survives the trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from ccema_desktop.services import evaluations as ev
from ccema_desktop.services import forms
from ccema_desktop.storage.models import EvaluationCompletion, EvaluationResponse
from ccema_desktop.sync import registry
from tests.sync_helpers import (
    BACKENDS,
    Laptop,
    backend_url,
    enroll,
    headquarters,
    laptop,
)
from tests.test_evaluations_support import knowledge_answers, scale_answers


def _people(n: int, domain: str) -> list[list[str]]:
    return [
        [f"Person {i:02d}", "F" if i % 2 else "M", "Ministry", "environment", "", "KZ", f"p{i}@{domain}", ""]
        for i in range(n)
    ]


def _evaluate(lap: Laptop, wid: str, people: dict[str, str], sessions: list[str]) -> str:
    ids = [people[name] for name in sorted(people)]
    qid = forms.add_custom_question(
        lap.ctx.db, wid, "final-evaluation", "likert5", "The venue was comfortable.", "en"
    )
    for i, pid in enumerate(ids):
        anonymous = i % 2 == 0
        who = (
            ev.Respondent(anonymous_code=f"A{chr(65 + i)}-0{i % 9 + 1}-K-{i % 10}", completed_by=pid)
            if anonymous
            else ev.Respondent(participant_id=pid)
        )
        ev.submit_response(
            lap.ctx.db,
            wid,
            "knowledge-m1-a",
            knowledge_answers("knowledge-m1-a", i % 4),
            who,
            today=dt.date(2026, 5, 4),
        )
        ev.submit_response(
            lap.ctx.db,
            wid,
            "knowledge-m1-b",
            knowledge_answers("knowledge-m1-b", 2 + i % 4),
            who,
            today=dt.date(2026, 5, 5),
        )
        ev.submit_response(
            lap.ctx.db,
            wid,
            "final-evaluation",
            {**scale_answers("final-evaluation", 3 + i % 3), qid: 4, "fe-improve": f"idea {i}"},
            who,
        )
        ev.submit_response(
            lap.ctx.db,
            wid,
            "session-feedback",
            scale_answers("session-feedback", 4),
            who,
            session_id=sessions[0],
        )
    return qid


@pytest.mark.parametrize("backend", BACKENDS)
def test_summary_at_headquarters_equals_the_laptops(tmp_path: Path, backend: str) -> None:
    with backend_url(backend) as url:
        hq = headquarters(tmp_path / "hq", url)
        first = laptop(tmp_path / "laptop1")
        second = laptop(tmp_path / "laptop2")
        enroll(first, hq)
        enroll(second, hq)
        # The same people (same e-mails) attend a workshop on each laptop: at headquarters they are one
        # person each, so named responses of the second bundle are re-pointed to the first's records.
        w1 = first.workshop("Almaty", "KZ", dt.date(2026, 5, 4), 2, [1, 2])
        w2 = second.workshop("Astana", "KZ", dt.date(2026, 6, 1), 2, [1])
        people1 = first.roster(w1, _people(10, "gov.kz"))
        people2 = second.roster(w2, _people(10, "gov.kz"))
        _evaluate(first, w1, people1, first.sessions(w1))
        _evaluate(second, w2, people2, second.sessions(w2))
        forms.set_workshop_forms(
            second.ctx.db, w2, ["knowledge-m1-a", "knowledge-m1-b", "final-evaluation", "session-feedback"]
        )
        expected = {w: ev.summary(lap.ctx.db, w, "ru").as_json() for lap, w in ((first, w1), (second, w2))}
        plans = {w1: forms.workshop_forms(first.ctx.db, w1), w2: forms.workshop_forms(second.ctx.db, w2)}
        bundles = [first.export(w1, tmp_path / "b1.json"), second.export(w2, tmp_path / "b2.json")]
        run = hq.run("bundle", "import", *map(str, bundles), "--json")
        assert run.code == 0, run.err
        tables = run.json()[0]["tables"]
        assert tables["evaluation_response"]["new"] == 40
        assert tables["evaluation_completion"]["new"] == 40
        assert tables["evaluation_question"]["new"] == 1
        again = hq.run("bundle", "import", *map(str, bundles), "--json")
        assert [r["status"] for r in again.json()] == ["unchanged", "unchanged"]
        hq_ctx = hq.context()
        try:
            for w, want in expected.items():
                got = ev.summary(hq_ctx.db, w, "ru").as_json()
                assert got == want
                assert forms.workshop_forms(hq_ctx.db, w) == plans[w]
            assert expected[w1]["knowledge"][0]["pairs_matched"] == 10
            with hq_ctx.db.transaction() as s:
                anonymous = s.execute(
                    select(
                        EvaluationResponse.participant_id,
                        EvaluationResponse.created_at,
                        EvaluationResponse.updated_at,
                    ).where(EvaluationResponse.anonymous_code.is_not(None))
                ).all()
                assert len(anonymous) == 40
                for pid, created, updated in anonymous:
                    assert pid is None
                    assert created.time() == dt.time(0) and updated.time() == dt.time(0)
                completed = s.scalars(select(EvaluationCompletion.created_at)).all()
                assert completed and all(c.time() == dt.time(0) for c in completed)
        finally:
            hq_ctx.close()
            first.ctx.close()
            second.ctx.close()


def test_evaluation_tables_are_registered() -> None:
    names = {t.name for t in registry.REGISTRY}
    assert {"evaluation_plan", "evaluation_question", "evaluation_response", "evaluation_completion"} <= names
    assert registry.unregistered_models() == []
