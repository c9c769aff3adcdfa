"""Evaluation responses: validation, anonymity in the database, completions, forms per workshop, results."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from ccema_desktop.context import AppContext
from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.services import evaluations as ev
from ccema_desktop.services import forms, kiosk_pin
from ccema_desktop.services import workshops as ws
from tests.conftest import table_counts
from tests.test_evaluations_support import Setup, knowledge_answers, scale_answers, workshop_with_people

DAY1 = dt.date(2026, 3, 2)
DAY2 = dt.date(2026, 3, 3)


@pytest.fixture
def setup(ctx: AppContext, tmp_path: Path) -> Setup:
    return workshop_with_people(ctx.db, tmp_path)


def _db_file(ctx: AppContext) -> Path:
    assert ctx.sqlite_file is not None
    return ctx.sqlite_file


def test_anonymous_response_holds_no_participant_and_no_time_finer_than_a_day(
    ctx: AppContext, setup: Setup
) -> None:
    answers = scale_answers("final-evaluation", 4)
    rid = ev.submit_response(
        ctx.db,
        setup.workshop_id,
        "final-evaluation",
        answers,
        ev.Respondent(anonymous_code="ma-7-k-3", completed_by=setup.people[0]),
        lang="ru",
    )
    conn = sqlite3.connect(_db_file(ctx))
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM evaluation_response WHERE id = ?", (rid,)).fetchone()
        completion = conn.execute("SELECT * FROM evaluation_completion").fetchone()
        # Both tables keep no insertion order: WITHOUT ROWID, so there is no rowid to select.
        for table in ("evaluation_response", "evaluation_completion"):
            with pytest.raises(sqlite3.OperationalError, match="rowid"):
                conn.execute(f"SELECT rowid FROM {table}")
    finally:
        conn.close()
    assert row["participant_id"] is None
    assert row["anonymous_code"] == "MA-07-K-3"
    assert row["language"] == ""  # a lone Russian speaker would be recognisable
    assert row["form_version"] == forms.shipped_form("final-evaluation").version
    # No column holds anything finer than a day: every stored date-time is midnight.
    for column in ("created_at", "updated_at"):
        assert row[column].endswith("00:00:00.000000"), (column, row[column])
        assert completion[column].endswith("00:00:00.000000"), (column, completion[column])
    assert len(row["submitted_on"]) == 10
    assert completion["participant_id"] == setup.people[0]
    assert set(completion.keys()) == {
        "workshop_id",
        "form_id",
        "scope",
        "participant_id",
        "id",
        "created_at",
        "updated_at",
        "device_id",
        "revision",
    }, "a completion must not point at a response"
    assert rid not in set(tuple(completion))
    assert ev.completions(ctx.db, setup.workshop_id, "final-evaluation") == {setup.people[0]}


def test_named_response_and_its_completion(ctx: AppContext, setup: Setup) -> None:
    rid = ev.submit_response(
        ctx.db,
        setup.workshop_id,
        "session-feedback",
        {**scale_answers("session-feedback", 5), "sf-comment": "  Useful  "},
        ev.Respondent(participant_id=setup.people[1]),
        session_id=setup.sessions[0],
        lang="fr",
    )
    conn = sqlite3.connect(_db_file(ctx))
    try:
        pid, lang, answers = conn.execute(
            "SELECT participant_id, language, answers FROM evaluation_response WHERE id = ?", (rid,)
        ).fetchone()
    finally:
        conn.close()
    assert pid == setup.people[1] and lang == "fr" and '"sf-comment": "Useful"' in answers
    assert ev.completions(ctx.db, setup.workshop_id, "session-feedback", setup.sessions[0]) == {
        setup.people[1]
    }
    assert ev.completions(ctx.db, setup.workshop_id, "session-feedback", setup.sessions[1]) == set()
    # The same person again for the same session is refused; another session is fine.
    with pytest.raises(ValidationError, match="already completed"):
        ev.submit_response(
            ctx.db,
            setup.workshop_id,
            "session-feedback",
            scale_answers("session-feedback", 3),
            ev.Respondent(participant_id=setup.people[1]),
            session_id=setup.sessions[0],
        )
    ev.submit_response(
        ctx.db,
        setup.workshop_id,
        "session-feedback",
        scale_answers("session-feedback", 3),
        ev.Respondent(participant_id=setup.people[1]),
        session_id=setup.sessions[1],
    )


@pytest.mark.parametrize(
    ("answers", "respondent", "error", "match"),
    [
        ({}, ev.Respondent(anonymous_code="MA-07-K-3"), ValidationError, "needs an answer"),
        (
            {"fe-relevance": 6},
            ev.Respondent(anonymous_code="MA-07-K-3"),
            ValidationError,
            "not a valid answer",
        ),
        ({"nope": 1}, ev.Respondent(anonymous_code="MA-07-K-3"), ValidationError, "not in the form"),
        (None, ev.Respondent(anonymous_code="MA-7"), ValidationError, "not an anonymous code"),
        (None, ev.Respondent(participant_id="not-a-person"), NotFoundError, "not a participant"),
        (
            None,
            ev.Respondent(anonymous_code="MA-07-K-3", completed_by="nobody"),
            NotFoundError,
            "not a participant",
        ),
    ],
)
def test_invalid_responses_write_nothing(
    ctx: AppContext,
    setup: Setup,
    answers: dict[str, str | int] | None,
    respondent: ev.Respondent,
    error: type[Exception],
    match: str,
) -> None:
    before = table_counts(_db_file(ctx))
    with pytest.raises(error, match=match):
        ev.submit_response(
            ctx.db,
            setup.workshop_id,
            "final-evaluation",
            scale_answers("final-evaluation", 4) if answers is None else answers,
            respondent,
        )
    assert table_counts(_db_file(ctx)) == before


def test_workshop_forms_default_choice_and_custom_questions(ctx: AppContext, setup: Setup) -> None:
    w = setup.workshop_id
    assert forms.workshop_forms(ctx.db, w) == [
        "knowledge-m1-a",
        "knowledge-m1-b",
        "knowledge-m2-a",
        "knowledge-m2-b",
        "session-feedback",
        "final-evaluation",
    ]
    forms.set_workshop_forms(ctx.db, w, ["final-evaluation", "knowledge-m1-a", "knowledge-m1-a"])
    assert forms.workshop_forms(ctx.db, w) == ["final-evaluation", "knowledge-m1-a"]
    with pytest.raises(ValidationError, match="does not use the form"):
        ev.submit_response(
            ctx.db,
            w,
            "session-feedback",
            scale_answers("session-feedback", 4),
            ev.Respondent(anonymous_code="MA-07-K-3"),
        )
    with pytest.raises(ValidationError, match="Unknown evaluation forms"):
        forms.set_workshop_forms(ctx.db, w, ["nope"])
    with pytest.raises(ValidationError, match="Knowledge tests cannot"):
        forms.add_custom_question(ctx.db, w, "knowledge-m1-a", "likert5", "Extra", "en")
    qid = forms.add_custom_question(
        ctx.db,
        w,
        "final-evaluation",
        "single_choice",
        "Which day was best?",
        "es",
        options=["Lunes", "Martes"],
    )
    assert qid.startswith("custom-")
    view = forms.get_form("final-evaluation", "ru", ctx.db, w)
    custom = view.questions[-1]
    assert (custom.id, custom.custom, custom.text, custom.options) == (
        qid,
        True,
        "Which day was best?",  # shown as written, whatever the language
        [("a", "Lunes"), ("b", "Martes")],
    )
    assert all(q.id != qid for q in forms.get_form("final-evaluation", "en").questions)  # shipped form alone
    answers = {**scale_answers("final-evaluation", 4), qid: "B"}
    rid = ev.submit_response(
        ctx.db, w, "final-evaluation", answers, ev.Respondent(anonymous_code="MA-07-K-3")
    )
    with pytest.raises(ValidationError, match="not a valid answer"):
        ev.submit_response(
            ctx.db, w, "final-evaluation", {**answers, qid: "c"}, ev.Respondent(anonymous_code="OL-07-K-3")
        )
    forms.retire_custom_question(ctx.db, w, qid)
    assert all(q.id != qid for q in forms.get_form("final-evaluation", "en", ctx.db, w).questions)
    result = ev.summary(ctx.db, w)
    final = next(f for f in result.forms if f.form_id == "final-evaluation")
    assert any(q.id == qid for q in final.questions), "answered questions stay in the results after retiring"
    assert rid


def _knowledge_round(ctx: AppContext, s: Setup, scores: list[tuple[int, int]], anonymous: bool) -> None:
    for i, (pre, post) in enumerate(scores):
        who = (
            ev.Respondent(
                anonymous_code=f"M{chr(65 + i)}-0{(i % 9) + 1}-K-{i % 10}", completed_by=s.people[i]
            )
            if anonymous
            else ev.Respondent(participant_id=s.people[i])
        )
        ev.submit_response(
            ctx.db, s.workshop_id, "knowledge-m1-a", knowledge_answers("knowledge-m1-a", pre), who, today=DAY1
        )
        ev.submit_response(
            ctx.db,
            s.workshop_id,
            "knowledge-m1-b",
            knowledge_answers("knowledge-m1-b", post),
            who,
            today=DAY2,
        )


def test_summary_knowledge_gain_hand_computed(ctx: AppContext, setup: Setup) -> None:
    # Same six participants as tests/test_scoring.py: <g> = 0.6, 4 of 6 improved, 5 of 6 pass.
    _knowledge_round(ctx, setup, [(1, 3), (2, 4), (5, 5), (3, 2), (0, 5), (4, 5)], anonymous=False)
    ev.submit_response(  # one more pre-test without a post-test
        ctx.db,
        setup.workshop_id,
        "knowledge-m1-a",
        knowledge_answers("knowledge-m1-a", 2),
        ev.Respondent(participant_id=setup.people[6]),
    )
    (gain,) = ev.summary(ctx.db, setup.workshop_id).knowledge
    assert gain.module == 1 and gain.max_score == 5
    assert (gain.pairs_matched, gain.pre_count, gain.post_count) == (6, 7, 6)
    assert gain.pre_mean == pytest.approx(2.5) and gain.post_mean == pytest.approx(4.0)
    assert gain.class_gain == pytest.approx(0.6)
    assert gain.share_improved == pytest.approx(4 / 6)
    assert gain.share_passing == pytest.approx(5 / 6)
    assert gain.perfect_pre == 1
    assert gain.mean_individual_gain == pytest.approx((0.5 + 2 / 3 - 0.5 + 1 + 1) / 5)
    assert not gain.suppressed
    test_a = next(f for f in ev.summary(ctx.db, setup.workshop_id).forms if f.form_id == "knowledge-m1-a")
    assert test_a.responses == 7 and test_a.mean_score == pytest.approx(17 / 7)
    assert test_a.questions[0].share_correct == pytest.approx(6 / 7)  # everyone but the 0-point test


def test_small_anonymous_groups_show_no_figures(ctx: AppContext, setup: Setup) -> None:
    _knowledge_round(ctx, setup, [(1, 3), (2, 4), (3, 5), (0, 2)], anonymous=True)
    for i in range(4):
        ev.submit_response(
            ctx.db,
            setup.workshop_id,
            "final-evaluation",
            scale_answers("final-evaluation", 5),
            ev.Respondent(anonymous_code=f"Z{chr(65 + i)}-01-K-1"),
        )
    result = ev.summary(ctx.db, setup.workshop_id)
    (gain,) = result.knowledge
    assert gain.suppressed and gain.pairs_matched == 4
    assert (gain.pre_mean, gain.post_mean, gain.class_gain, gain.share_passing) == (None, None, None, None)
    final = next(f for f in result.forms if f.form_id == "final-evaluation")
    assert final.suppressed and final.responses == 4
    assert all(
        q.suppressed and q.distribution == {} and q.mean is None for q in final.questions if q.answered
    )
    assert result.satisfaction is not None and result.satisfaction.suppressed
    assert result.satisfaction.share_agreeing is None
    # A fifth respondent lifts the suppression.
    ev.submit_response(
        ctx.db,
        setup.workshop_id,
        "final-evaluation",
        scale_answers("final-evaluation", 2),
        ev.Respondent(anonymous_code="ZZ-01-K-1"),
    )
    result = ev.summary(ctx.db, setup.workshop_id)
    final = next(f for f in result.forms if f.form_id == "final-evaluation")
    relevance = next(q for q in final.questions if q.id == "fe-relevance")
    assert relevance.distribution == {"1": 0, "2": 1, "3": 0, "4": 0, "5": 4}
    assert relevance.mean == pytest.approx(4.4) and relevance.share_agreeing == pytest.approx(0.8)
    assert result.satisfaction is not None and result.satisfaction.share_agreeing == pytest.approx(0.8)
    rated = {r.module: r for r in result.self_rated}
    assert rated[1].before_mean == pytest.approx(4.4) and rated[1].respondents == 5


def test_people_taken_off_the_workshop_leave_the_results(ctx: AppContext, setup: Setup) -> None:
    from ccema_desktop.services import participants

    _knowledge_round(ctx, setup, [(1, 3)] * 6, anonymous=False)
    assert ev.summary(ctx.db, setup.workshop_id).knowledge[0].pairs_matched == 6
    participants.remove_from_workshop(ctx.db, setup.workshop_id, setup.people[0])
    assert ev.summary(ctx.db, setup.workshop_id).knowledge[0].pairs_matched == 5
    assert setup.people[0] not in ev.completions(ctx.db, setup.workshop_id, "knowledge-m1-a")


def test_deleting_the_workshop_deletes_its_evaluations(ctx: AppContext, setup: Setup) -> None:
    _knowledge_round(ctx, setup, [(1, 3)] * 2, anonymous=True)
    forms.set_workshop_forms(ctx.db, setup.workshop_id, ["knowledge-m1-a", "knowledge-m1-b"])
    ws.delete_workshop(ctx.db, setup.workshop_id)
    counts = table_counts(_db_file(ctx))
    assert [counts[t] for t in ("evaluation_response", "evaluation_completion", "evaluation_plan")] == [
        0,
        0,
        0,
    ]


def test_kiosk_pin_is_a_salted_scrypt_hash(ctx: AppContext) -> None:
    assert not kiosk_pin.has_pin(ctx.db) and not kiosk_pin.check_pin(ctx.db, "1234")
    kiosk_pin.set_pin(ctx.db, "482916")
    assert kiosk_pin.has_pin(ctx.db)
    assert kiosk_pin.check_pin(ctx.db, "482916")
    assert not kiosk_pin.check_pin(ctx.db, "482917") and not kiosk_pin.check_pin(ctx.db, "")
    stored = ctx.meta(kiosk_pin.PIN_KEY)
    assert stored is not None and "482916" not in stored and stored.startswith("scrypt$16384$8$1$")
    first_hash = stored
    kiosk_pin.set_pin(ctx.db, "482916")
    assert ctx.meta(kiosk_pin.PIN_KEY) != first_hash  # a new salt every time
    for bad in ("123", "1234567890123", "12a4", "١٢٣٤"):
        with pytest.raises(ValidationError):
            kiosk_pin.set_pin(ctx.db, bad)
    assert kiosk_pin.check_pin(ctx.db, "482916")
