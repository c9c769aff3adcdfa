"""The workshop report and the HQ infosheet show evaluation results when (and only when) there are some."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ccema_desktop.context import AppContext
from ccema_desktop.i18n import LANGUAGES
from ccema_desktop.services import evaluations as ev
from ccema_desktop.services import reporting, stats
from tests import pdf
from tests.test_evaluations_support import Setup, knowledge_answers, scale_answers, workshop_with_people


@pytest.fixture
def setup(ctx: AppContext, tmp_path: Path) -> Setup:
    return workshop_with_people(ctx.db, tmp_path, n=8, modules=[1, 2])


def _answer(ctx: AppContext, s: Setup, people: int, anonymous: bool) -> None:
    for i in range(people):
        who = (
            ev.Respondent(anonymous_code=f"R{chr(65 + i)}-04-T-{i}", completed_by=s.people[i])
            if anonymous
            else ev.Respondent(participant_id=s.people[i])
        )
        ev.submit_response(
            ctx.db,
            s.workshop_id,
            "knowledge-m1-a",
            knowledge_answers("knowledge-m1-a", 1 + i % 3),
            who,
            today=dt.date(2026, 3, 2),
        )
        ev.submit_response(
            ctx.db,
            s.workshop_id,
            "knowledge-m1-b",
            knowledge_answers("knowledge-m1-b", 4),
            who,
            today=dt.date(2026, 3, 3),
        )
        ev.submit_response(
            ctx.db,
            s.workshop_id,
            "final-evaluation",
            {**scale_answers("final-evaluation", 4 + i % 2), "fe-keep": f"Keep the case study {i}"},
            who,
        )


def test_no_responses_no_section(ctx: AppContext, setup: Setup) -> None:
    assert reporting.workshop_report_data(ctx.db, setup.workshop_id).extra_sections == []
    assert reporting.hq_data(ctx.db).extra_sections == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_workshop_report_shows_results_and_gain(
    ctx: AppContext, setup: Setup, tmp_path: Path, lang: str
) -> None:
    _answer(ctx, setup, 6, anonymous=True)
    out = tmp_path / f"report-{lang}.pdf"
    reporting.write_workshop_report(ctx.db, setup.workshop_id, out, lang=lang)
    text = pdf.text(out)
    if lang == "en":
        assert "Evaluation results" in text and "Knowledge gain per module" in text
        assert "Keep the case study 3" in text
        assert "The workshop was relevant to my job." in text
    # pre-tests 1, 2, 3, 1, 2, 3 (mean 2), post-tests all 4: <g> = (4 - 2) / (5 - 2) = 0.67
    assert "0,67" in text or "0.67" in text
    result = ev.summary(ctx.db, setup.workshop_id)
    assert result.knowledge[0].class_gain == pytest.approx(2 / 3)
    out = tmp_path / f"hq-{lang}.pdf"
    reporting.write_hq_infosheet(ctx.db, out, lang=lang)
    if lang == "en":
        assert "Satisfaction and learning" in pdf.text(out)


def test_small_anonymous_group_prints_no_figures(ctx: AppContext, setup: Setup, tmp_path: Path) -> None:
    _answer(ctx, setup, 3, anonymous=True)
    out = tmp_path / "report.pdf"
    reporting.write_workshop_report(ctx.db, setup.workshop_id, out, lang="en")
    text = pdf.text(out)
    assert "Evaluation results" in text
    assert "fewer than 5 anonymous respondents" in text
    assert "Keep the case study" not in text  # comments of a small anonymous group stay hidden


def test_stats_add_satisfaction_and_gain(ctx: AppContext, setup: Setup) -> None:
    before = stats.compute(ctx.db).as_json()
    assert before["satisfaction_share_agreeing"] is None and before["knowledge_pairs"] == 0
    _answer(ctx, setup, 6, anonymous=False)
    figures = stats.compute(ctx.db).as_json()
    assert set(before) <= set(figures)
    assert figures["satisfaction_share_agreeing"] == 1.0  # every answer is 4 or 5
    assert figures["satisfaction_mean"] == pytest.approx(4.5)
    assert figures["knowledge_pairs"] == 6
    assert figures["knowledge_gain"] == pytest.approx(0.6667)  # shares: (0.8 - 0.4) / (1 - 0.4)
    assert figures["knowledge_improved"] == 1.0 and figures["knowledge_passing"] == 1.0
