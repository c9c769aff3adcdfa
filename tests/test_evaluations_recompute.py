"""The results of a generated workshop equal a straightforward recomputation from the stored responses.

`evaluations.summary` reads responses in bulk (joined JSON, counts by the database, knowledge tests scored as
they are read); here every response is read as an ORM object and every figure is recomputed the plain way,
one response at a time, from the definitions in `domain.scoring`. The data mixes named and anonymous
respondents, a person taken off the workshop, custom questions (one retired), recorded phases, a mistyped
code and answers a faulty bundle could carry (numbers as text, out of range, booleans, decimals, lists,
objects, JSON null). Runs on SQLite, and on PostgreSQL when CCEMA_TEST_POSTGRES_URL is set.
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
from sqlalchemy import insert, select

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.domain import scoring
from ccema_desktop.services import evaluations as ev
from ccema_desktop.services import forms, participants
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.storage.models import EvaluationCompletion, EvaluationResponse
from tests.sync_helpers import PG_URL, pg_schema_url
from tests.test_evaluations_support import START, Setup, workshop_with_people

MODULES = [1, 3]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_ctx(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AppContext]:
    if request.param == "sqlite":
        ctx = open_context(tmp_path / "data", daily_backup=False)
        try:
            yield ctx
        finally:
            ctx.close()
        return
    if not PG_URL:
        pytest.skip("CCEMA_TEST_POSTGRES_URL not set")
    with pg_schema_url() as url:
        ctx = open_context(tmp_path / "hq", url, daily_backup=False)
        try:
            yield ctx
        finally:
            ctx.close()


def _pick(rng: random.Random, q: forms.QuestionDef) -> str | int | None:
    if q.type == "single_choice":
        return rng.choice([oid for oid, _t in q.options])
    if q.type in forms.SCALE_TYPES:
        return rng.randint(1, 5)
    return rng.choice([None, "Useful", "Too fast", "Más ejemplos", "Useful"])


def _fill(rng: random.Random, form_id: str, custom: dict[str, forms.QuestionDef]) -> dict[str, str | int]:
    questions = [*forms.shipped_form(form_id).questions, *custom.values()]
    return {q.id: v for q in questions if (v := _pick(rng, q)) is not None}


#: Values a faulty bundle could carry, stored as they are (the summary must skip or count them as before).
ODD_VALUES: list[Any] = ["4", "5", 7, 0, True, False, 2.0, 3.5, [1], {"a": 1}, None, "", "b", "A", "yes"]


def _generate(ctx: AppContext, tmp_path: Path) -> Setup:
    db = ctx.db
    rng = random.Random(2026)
    s = workshop_with_people(db, tmp_path, n=14, modules=MODULES)
    pick_id = forms.add_custom_question(
        db, s.workshop_id, "session-feedback", "single_choice", "Best part?", "en", ["Games", "Talks", "Maps"]
    )
    retired_id = forms.add_custom_question(db, s.workshop_id, "session-feedback", "text", "Note?", "fr")
    rate_id = forms.add_custom_question(db, s.workshop_id, "final-evaluation", "rating5", "Venue?", "ru")
    definitions = forms.workshop_definitions
    with db.transaction() as sess:
        custom = {
            form_id: {q.id: q for q in form.questions if q.custom}
            for form_id, form in definitions(sess, s.workshop_id).items()
        }
    for i, pid in enumerate(s.people):
        code = f"{'ABCDEFGHIJKLMN'[i]}{'AEIOU'[i % 5]}-{i % 12 + 1:02d}-K-{i % 10}"
        named = i % 2 == 0

        post_code = (
            code[:-1] + "9" if i == 5 else code
        )  # one mistyped code on post-tests: paired with tolerance

        def who(
            post: bool = False,
            code: str = code,
            post_code: str = post_code,
            named: bool = named,
            pid: str = pid,
        ) -> ev.Respondent:
            if named:
                return ev.Respondent(participant_id=pid)
            return ev.Respondent(anonymous_code=post_code if post else code, completed_by=pid)

        for module in MODULES:
            first, second = ("a", "b") if i % 3 else ("b", "a")  # some take version B first
            for day, variant in ((0, first), (1, second)):
                form_id = f"knowledge-m{module}-{variant}"
                ev.submit_response(
                    db,
                    s.workshop_id,
                    form_id,
                    _fill(rng, form_id, {}),
                    who(post=day == 1),
                    today=START + dt.timedelta(days=day),
                    phase=("pre" if day == 0 else "post") if i == 7 else None,
                )
        for sid in s.sessions:
            if rng.random() < 0.85:
                ev.submit_response(
                    db,
                    s.workshop_id,
                    "session-feedback",
                    _fill(rng, "session-feedback", custom["session-feedback"]),
                    who(),
                    session_id=sid,
                    today=START,
                )
        ev.submit_response(
            db,
            s.workshop_id,
            "final-evaluation",
            _fill(rng, "final-evaluation", custom["final-evaluation"]),
            who(),
            today=START + dt.timedelta(days=1),
        )
    forms.retire_custom_question(db, s.workshop_id, retired_id)
    participants.remove_from_workshop(db, s.workshop_id, s.people[0])  # their named answers stop counting
    # Responses merged from elsewhere, unchecked: odd values, unknown questions, non-object answers.
    odd = []
    for j in range(30):
        form_id = rng.choice(["session-feedback", "final-evaluation", "knowledge-m1-a", "knowledge-m3-b"])
        keys = [q.id for q in forms.shipped_form(form_id).questions] + [pick_id, rate_id, "unknown-q"]
        answers: Any = {k: rng.choice(ODD_VALUES) for k in rng.sample(keys, rng.randint(0, 6))}
        if j in (3, 4):
            answers = [1, 2] if j == 3 else None  # not an object: counts as answering nothing
        midnight = dt.datetime.combine(START, dt.time(0), tzinfo=dt.UTC)
        odd.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "workshop_id": s.workshop_id,
                "form_id": form_id,
                "form_version": rng.choice(["1", "0.9"]),
                "session_id": rng.choice(s.sessions) if form_id == "session-feedback" else None,
                "participant_id": None,
                "anonymous_code": f"Z{'AEIOU'[j % 5]}-{j % 12 + 1:02d}-Q-{j % 10}",
                "phase": rng.choice([None, "pre", "post"]),
                "source": "paper",
                "language": "",
                "submitted_on": START + dt.timedelta(days=rng.randint(0, 1)),
                "answers": answers,
                "created_at": midnight,
                "updated_at": midnight,
                "device_id": "elsewhere",
                "revision": 1,
            }
        )
    with db.transaction() as sess:
        sess.execute(insert(EvaluationResponse.__table__), odd)  # type: ignore[arg-type]
    return s


# --- the plain recomputation -------------------------------------------------------------------------------
def _point(value: Any) -> int | None:
    if type(value) is int and 1 <= value <= 5:
        return value
    if type(value) is str and value in ("1", "2", "3", "4", "5"):
        return int(value)
    return None


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _question(q: forms.QuestionDef, values: list[Any], anonymous: bool) -> dict[str, Any]:
    answered = len(values)
    if scoring.suppress(answered, anonymous):
        return {"answered": answered, "suppressed": True, "distribution": {}, "mean": None, "agree": None}
    out: dict[str, Any] = {"answered": answered, "suppressed": False, "mean": None, "agree": None}
    if q.type in forms.SCALE_TYPES:
        points = [p for v in values if (p := _point(v)) is not None]
        out["distribution"] = {str(p): points.count(p) for p in scoring.SCALE}
        out["mean"] = _r(sum(points) / len(points)) if points else None
        if q.type == "likert5":
            out["agree"] = _r(sum(1 for p in points if p >= 4) / len(points)) if points else None
    elif q.type == "single_choice":
        chosen = Counter(v for v in values if type(v) is str)  # a list or object is no option
        out["distribution"] = {oid: chosen.get(oid, 0) for oid, _t in q.options}
        if q.answer is not None and answered:
            out["correct"] = _r(chosen.get(q.answer, 0) / answered)
    else:
        out["distribution"] = {}
        out["comments"] = sorted(str(v) for v in values)
    return out


def _form(form: forms.FormDef, rows: list[EvaluationResponse]) -> dict[str, Any]:
    anonymous = any(r.participant_id is None for r in rows)
    knowledge = form.kind == "knowledge_test"
    questions = {}
    for q in form.questions:
        if knowledge:  # every value a test carries for a question counts as answering it
            values = [
                v for r in rows if isinstance(r.answers, dict) and (v := r.answers.get(q.id)) is not None
            ]
        else:  # numbers and texts only
            values = [
                r.answers[q.id]
                for r in rows
                if isinstance(r.answers, dict) and type(r.answers.get(q.id)) in (int, str)
            ]
        if q.active or values:
            questions[q.id] = _question(q, values, anonymous)
    suppressed = scoring.suppress(len(rows), anonymous)
    scores = [scoring.score(r.answers if isinstance(r.answers, dict) else {}, form.answer_key) for r in rows]
    return {
        "responses": len(rows),
        "anonymous": sum(1 for r in rows if r.participant_id is None),
        "versions": sorted({r.form_version for r in rows}),
        "suppressed": suppressed,
        "mean_score": _r(sum(scores) / len(scores)) if form.max_score and rows and not suppressed else None,
        "questions": questions,
    }


def _recompute(ctx: AppContext, s: Setup) -> dict[str, Any]:
    with ctx.db.transaction() as sess:
        definitions = forms.workshop_definitions(sess, s.workshop_id)
        plan = forms.plan_of(sess, load_workshop(sess, s.workshop_id))
        enrolled = set(s.people[1:])
        rows = [
            r
            for r in sess.scalars(
                select(EvaluationResponse).where(EvaluationResponse.workshop_id == s.workshop_id)
            )
            if r.participant_id is None or r.participant_id in enrolled
        ]
        completions = sess.scalars(
            select(EvaluationCompletion).where(EvaluationCompletion.workshop_id == s.workshop_id)
        ).all()
    by_form: dict[str, list[EvaluationResponse]] = defaultdict(list)
    for r in rows:
        by_form[r.form_id].append(r)
    figures: dict[str, Any] = {}
    for form_id in plan:
        form = definitions[form_id]
        one = _form(form, by_form[form_id])
        one["completed"] = len(
            {c.participant_id for c in completions if c.form_id == form_id and c.participant_id in enrolled}
        )
        if form.kind == "session_feedback":
            one["by_session"] = {
                sid: _form(form, [r for r in by_form[form_id] if r.session_id == sid])
                for sid in s.sessions
                if any(r.session_id == sid for r in by_form[form_id])
            }
        figures[form_id] = one
    knowledge = {}
    for module in MODULES:
        attempts = []
        for form in forms.knowledge_forms(module):
            for r in by_form[form.id]:
                answers = r.answers if isinstance(r.answers, dict) else {}
                respondent = r.participant_id or r.anonymous_code
                if not respondent:
                    continue
                points = scoring.score(answers, form.answer_key)
                attempts.append(
                    scoring.Attempt(
                        r.id, respondent, r.participant_id is None, form.variant or "", points, r.submitted_on,
                        r.phase,
                    )
                )  # fmt: skip
        pairs = scoring.pair_tests(attempts)
        paired = {t.response_id for p in pairs for t in (p.pre, p.post)}
        alone = [
            t.phase or ("pre" if t.variant == "A" else "post")
            for t in attempts
            if t.response_id not in paired
        ]
        top = max(f.max_score for f in forms.knowledge_forms(module))
        fig = scoring.gain_figures(pairs, top)
        knowledge[module] = {
            "pairs": fig.pairs,
            "pre_count": len(pairs) + alone.count("pre"),
            "post_count": len(pairs) + alone.count("post"),
            "pre_mean": _r(fig.pre_mean),
            "post_mean": _r(fig.post_mean),
            "class_gain": _r(fig.class_gain),
            "share_improved": _r(fig.share_improved),
            "share_passing": _r(fig.share_passing),
            "mean_individual_gain": _r(fig.mean_individual_gain),
            "suppressed": fig.suppressed,
        }
    finals = [(r.participant_id is None, r.answers) for r in by_form[forms.FINAL_EVALUATION]]
    finals = [(anonymous, a if isinstance(a, dict) else {}) for anonymous, a in finals]
    self_rated = {}
    for module in range(1, 8):
        before, after = f"fe-m{module}-before", f"fe-m{module}-after"
        both = [(b, a) for _anon, x in finals if (b := _point(x.get(before))) and (a := _point(x.get(after)))]
        if both:
            anonymous = any(anon for anon, x in finals if before in x and after in x)
            hidden = scoring.suppress(len(both), anonymous)
            self_rated[module] = (
                len(both),
                None if hidden else _r(sum(b for b, _a in both) / len(both)),
                None if hidden else _r(sum(a for _b, a in both) / len(both)),
            )
    reaction = [q.id for q in forms.shipped_form(forms.FINAL_EVALUATION).questions if q.type == "likert5"]
    answered = [
        (anon, points) for anon, x in finals if (points := [p for q in reaction if (p := _point(x.get(q)))])
    ]
    pooled = [p for _anon, points in answered for p in points]
    hidden = scoring.suppress(len(answered), any(anon for anon, _p in answered))
    satisfaction = (
        len(answered),
        len(pooled),
        None if hidden else _r(sum(1 for p in pooled if p >= 4) / len(pooled)),
        None if hidden else _r(sum(pooled) / len(pooled)),
    )
    return {
        "plan": plan,
        "forms": figures,
        "knowledge": knowledge,
        "self_rated": self_rated,
        "satisfaction": satisfaction,
    }


def _shown(f: dict[str, Any]) -> dict[str, Any]:
    """The summary's figures of one form (JSON form) in the recomputation's shape."""
    questions = {}
    for q in f["questions"]:
        one = {
            "answered": q["answered"],
            "suppressed": q["suppressed"],
            "distribution": q["distribution"],
            "mean": q["mean"],
            "agree": q["share_agreeing"],
        }
        if q["share_correct"] is not None:
            one["correct"] = q["share_correct"]
        if q["type"] == "text" and not q["suppressed"]:
            one["comments"] = q["comments"]
        questions[q["id"]] = one
    return {
        "responses": f["responses"],
        "anonymous": f["anonymous"],
        "versions": f["versions"],
        "suppressed": f["suppressed"],
        "mean_score": f["mean_score"],
        "questions": questions,
    }


def test_summary_equals_a_plain_recomputation(any_ctx: AppContext, tmp_path: Path) -> None:
    s = _generate(any_ctx, tmp_path)
    expected = _recompute(any_ctx, s)
    result = ev.summary(any_ctx.db, s.workshop_id).as_json()

    assert [f["form_id"] for f in result["forms"]] == expected["plan"]
    for f in result["forms"]:
        want = expected["forms"][f["form_id"]]
        assert {**_shown(f), "completed": f["completed"]} == {
            k: v for k, v in want.items() if k != "by_session"
        }, f["form_id"]
        if f["kind"] == "session_feedback":
            assert {p["session_id"]: _shown(p) for p in f["by_session"]} == want["by_session"]
    knowledge = {
        k["module"]: {
            "pairs": k["pairs_matched"],
            **{
                key: k[key]
                for key in (
                    "pre_count", "post_count", "pre_mean", "post_mean", "class_gain", "share_improved",
                    "share_passing", "mean_individual_gain", "suppressed",
                )
            },
        }
        for k in result["knowledge"]
    }  # fmt: skip
    assert knowledge == expected["knowledge"]
    rated = {r["module"]: (r["respondents"], r["before_mean"], r["after_mean"]) for r in result["self_rated"]}
    assert rated == expected["self_rated"]
    sat = result["satisfaction"]
    assert (sat["respondents"], sat["answers"], sat["share_agreeing"], sat["mean"]) == expected[
        "satisfaction"
    ]
    # The data set is as varied as intended: the checks above saw each case.
    feedback = next(f for f in result["forms"] if f["form_id"] == "session-feedback")
    assert len(feedback["by_session"]) == len(s.sessions) >= 2
    assert all(k["pairs_matched"] >= 5 and not k["suppressed"] for k in result["knowledge"])
    assert any(
        q["custom"] and q["comments"] for q in feedback["questions"]
    )  # the retired one, still answered
    assert feedback["anonymous"] and feedback["responses"] > feedback["anonymous"]


def test_gathered_data_renders_the_same_in_any_order_of_languages(ctx: AppContext, tmp_path: Path) -> None:
    """Reports render one gathering in several languages: rendering must not change the gathered counts."""
    s = _generate(ctx, tmp_path)
    with ctx.db.transaction() as sess:
        data = ev.gather(sess, load_workshop(sess, s.workshop_id))
    first = ev.render(data, "en")
    assert ev.render(data, "ru") != first  # titles are translated
    assert ev.render(data, "en") == first == ev.summary(ctx.db, s.workshop_id, "en")
