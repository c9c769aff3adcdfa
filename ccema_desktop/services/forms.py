"""Evaluation forms: shipped as data in resources/forms/ (format: resources/forms/FORMAT.md), read in any of the
four languages, extended per workshop with the facilitators' own questions, and chosen per workshop.

The shipped files are parsed once per process (`shipped_forms`, cached) into immutable definitions; custom
questions live in the database (`EvaluationQuestion`) and are appended to their form for that workshop.
Question ids are stable for years: responses store answers by question id together with the form version.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from ccema_desktop.errors import NotFoundError, ValidationError
from ccema_desktop.i18n import LANGUAGES, N_, _, translator
from ccema_desktop.paths import resources_dir
from ccema_desktop.services.curriculum import text
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import EvaluationPlan, EvaluationQuestion, Workshop

FORM_KINDS = ("knowledge_test", "session_feedback", "final_evaluation")
QUESTION_TYPES = ("single_choice", "likert5", "rating5", "text")
SCALE_TYPES = ("likert5", "rating5")
SESSION_FEEDBACK = "session-feedback"
FINAL_EVALUATION = "final-evaluation"
#: Longest free-text answer kept (longer ones are refused, so nothing is silently cut).
MAX_TEXT_ANSWER = 4000
MAX_QUESTION_TEXT = 500
CUSTOM_PREFIX = "custom-"

_LIKERT = (
    N_("Strongly disagree"),
    N_("Disagree"),
    N_("Neither agree nor disagree"),
    N_("Agree"),
    N_("Strongly agree"),
)
_RATING = (N_("Very low"), N_("Low"), N_("Medium"), N_("High"), N_("Very high"))


def likert_labels(lang: str) -> list[str]:
    """The five agreement labels (1 = strongly disagree ... 5 = strongly agree) in `lang`."""
    tr = translator(lang)
    return [tr(label) for label in _LIKERT]


def rating_labels(lang: str) -> list[str]:
    """The five self-rating labels (1 = very low ... 5 = very high) in `lang`."""
    tr = translator(lang)
    return [tr(label) for label in _RATING]


# --- definitions (language-independent) --------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionDef:
    id: str
    type: str
    text: Mapping[str, str]
    options: tuple[tuple[str, Mapping[str, str]], ...] = ()
    required: bool = True
    objective: str | None = None
    answer: str | None = None
    custom: bool = False
    active: bool = True


@dataclass(frozen=True)
class FormDef:
    id: str
    version: str
    kind: str
    module: int | None
    variant: str | None
    title: Mapping[str, str]
    intro: Mapping[str, str]
    questions: tuple[QuestionDef, ...]

    @property
    def answer_key(self) -> dict[str, str]:
        """Question id -> correct option, for the scored (shipped single-choice) questions."""
        return {q.id: q.answer for q in self.questions if q.answer is not None}

    @property
    def max_score(self) -> int:
        return len(self.answer_key)

    def question(self, question_id: str) -> QuestionDef | None:
        return next((q for q in self.questions if q.id == question_id), None)


def forms_dir() -> Path:
    return resources_dir() / "forms"


def _question(doc: Mapping[str, Any]) -> QuestionDef:
    qtype = str(doc["type"])
    return QuestionDef(
        id=str(doc["id"]),
        type=qtype,
        text=dict(doc["text"]),
        options=tuple((str(o["id"]), dict(o["text"])) for o in doc.get("options", ())),
        required=bool(doc.get("required", qtype != "text")),
        objective=doc.get("objective"),
        answer=doc.get("answer"),
    )


def parse_form(doc: Mapping[str, Any]) -> FormDef:
    return FormDef(
        id=str(doc["id"]),
        version=str(doc["version"]),
        kind=str(doc["kind"]),
        module=doc.get("module"),
        variant=doc.get("variant"),
        title=dict(doc["title"]),
        intro=dict(doc["intro"]),
        questions=tuple(_question(q) for q in doc["questions"]),
    )


@cache
def shipped_forms(folder: Path | None = None) -> dict[str, FormDef]:
    """Every shipped form by id, in index order (read and parsed once per process)."""
    folder = folder or forms_dir()
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return {
        form_id: parse_form(json.loads((folder / f"{form_id}.json").read_text(encoding="utf-8")))
        for form_id in index["forms"]
    }


@cache
def forms_version(folder: Path | None = None) -> str:
    index = json.loads(((folder or forms_dir()) / "index.json").read_text(encoding="utf-8"))
    return str(index["version"])


def shipped_form(form_id: str) -> FormDef:
    form = shipped_forms().get(form_id)
    if form is None:
        raise NotFoundError(
            _("No evaluation form '{form}'. Run 'ccema forms list' to see the forms.").format(form=form_id)
        )
    return form


def knowledge_forms(module: int) -> list[FormDef]:
    return [f for f in shipped_forms().values() if f.kind == "knowledge_test" and f.module == module]


def _custom(row: EvaluationQuestion) -> QuestionDef:
    return QuestionDef(
        id=row.question_key,
        type=row.qtype,
        text=dict(row.text),
        options=tuple((str(o["id"]), dict(o["text"])) for o in row.options),
        required=bool(row.required) and bool(row.active),
        custom=True,
        active=bool(row.active),
    )


@cache
def _custom_questions_query() -> Select[tuple[EvaluationQuestion]]:
    """Built once: reused, a statement's SQL cache key is worked out once (it costs more than the query)."""
    return (
        select(EvaluationQuestion)
        .where(EvaluationQuestion.workshop_id == bindparam("workshop_id"))
        .order_by(EvaluationQuestion.form_id, EvaluationQuestion.position, EvaluationQuestion.question_key)
    )


@cache
def _plan_query() -> Select[tuple[list[Any]]]:
    return select(EvaluationPlan.forms).where(EvaluationPlan.workshop_id == bindparam("workshop_id"))


def workshop_definitions(s: Session, workshop_id: str, active_only: bool = False) -> dict[str, FormDef]:
    """Every shipped form with the workshop's own questions appended (retired ones too unless
    `active_only`: old responses still answer them)."""
    forms = dict(shipped_forms())
    rows = s.scalars(_custom_questions_query(), {"workshop_id": workshop_id}).all()
    extra: dict[str, list[QuestionDef]] = {}
    for row in rows:
        if row.form_id in forms and (row.active or not active_only):
            extra.setdefault(row.form_id, []).append(_custom(row))
    for form_id, questions in extra.items():
        forms[form_id] = replace(forms[form_id], questions=(*forms[form_id].questions, *questions))
    return forms


# --- views (one language) ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionView:
    id: str
    type: str  # single_choice | likert5 | rating5 | text
    text: str
    options: list[tuple[str, str]]  # (option id, text) for single_choice
    required: bool
    objective: str | None
    custom: bool


@dataclass(frozen=True)
class FormView:
    id: str
    version: str
    kind: str
    module: int | None
    variant: str | None
    title: str
    intro: str
    questions: list[QuestionView]


def view(form: FormDef, lang: str) -> FormView:
    """A form in `lang` (falling back to English, then to the language a custom question was written in);
    retired custom questions are left out."""
    return FormView(
        id=form.id,
        version=form.version,
        kind=form.kind,
        module=form.module,
        variant=form.variant,
        title=text(dict(form.title), lang),
        intro=text(dict(form.intro), lang),
        questions=[
            QuestionView(
                id=q.id,
                type=q.type,
                text=text(dict(q.text), lang),
                options=[(oid, text(dict(t), lang)) for oid, t in q.options],
                required=q.required,
                objective=q.objective,
                custom=q.custom,
            )
            for q in form.questions
            if q.active
        ],
    )


def _definitions(db: Database | None, workshop_ref: str | None) -> dict[str, FormDef]:
    if db is None or workshop_ref is None:
        return shipped_forms()
    with db.transaction() as s:
        return workshop_definitions(s, load_workshop(s, workshop_ref).id, active_only=True)


def list_forms(lang: str, db: Database | None = None, workshop_ref: str | None = None) -> list[FormView]:
    """Every shipped form in `lang`, with the workshop's own questions when `db` and `workshop_ref` are given."""
    return [view(f, lang) for f in _definitions(db, workshop_ref).values()]


def get_form(
    form_id: str, lang: str, db: Database | None = None, workshop_ref: str | None = None
) -> FormView:
    form = _definitions(db, workshop_ref).get(form_id)
    if form is None:
        shipped_form(form_id)  # raises the NotFoundError
    assert form is not None
    return view(form, lang)


# --- which forms a workshop uses --------------------------------------------------------------------------
def default_forms(modules: list[int]) -> list[str]:
    """Knowledge tests A and B of the workshop's modules (in its order), session feedback, final evaluation."""
    ids = [f.id for m in modules for f in sorted(knowledge_forms(m), key=lambda f: f.variant or "")]
    return [*ids, SESSION_FEEDBACK, FINAL_EVALUATION]


def plan_of(s: Session, workshop: Workshop) -> list[str]:
    return plan_for(s, workshop.id, workshop.modules)


def plan_for(s: Session, workshop_id: str, modules: list[Any]) -> list[str]:
    """`plan_of` from the workshop's id and modules (when the workshop was read without the ORM)."""
    plan = s.scalar(_plan_query(), {"workshop_id": workshop_id})
    if plan is not None:
        return [str(f) for f in plan]
    return default_forms([int(m) for m in modules])


def workshop_forms(db: Database, workshop_ref: str) -> list[str]:
    """Form ids the workshop uses, in order (the default set until facilitators choose)."""
    with db.transaction() as s:
        return plan_of(s, load_workshop(s, workshop_ref))


def set_workshop_forms(db: Database, workshop_ref: str, form_ids: list[str]) -> None:
    """Choose the forms a workshop uses (an empty list: no evaluations). Unknown ids are refused."""
    known = shipped_forms()
    unknown = [f for f in form_ids if f not in known]
    if unknown:
        raise ValidationError(
            _("Unknown evaluation forms: {forms}. Run 'ccema forms list' to see the forms.").format(
                forms=", ".join(unknown)
            )
        )
    chosen = list(dict.fromkeys(form_ids))
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        plan = s.scalar(select(EvaluationPlan).where(EvaluationPlan.workshop_id == workshop.id))
        if plan is None:
            s.add(EvaluationPlan(workshop_id=workshop.id, forms=chosen))
        elif list(plan.forms) != chosen:
            plan.forms = chosen


def add_custom_question(
    db: Database,
    workshop_ref: str,
    form_id: str,
    qtype: str,
    text: str,
    lang: str,
    options: list[str] | None = None,
    required: bool = False,
) -> str:
    """Add a facilitator's own question to a form for this workshop; returns its id ("custom-...").

    The text is stored in the language it was written in (`lang`) and shown in that language to everyone.
    Knowledge tests take no custom questions: versions A and B must stay parallel and fully scored.
    """
    form = shipped_form(form_id)
    if form.kind == "knowledge_test":
        raise ValidationError(
            _(
                "Knowledge tests cannot take extra questions (versions A and B must stay parallel). Add the "
                "question to the session feedback or the final evaluation."
            )
        )
    if qtype not in QUESTION_TYPES:
        raise ValidationError(
            _("Unknown question type '{type}'. Use one of: {choices}.").format(
                type=qtype, choices=", ".join(QUESTION_TYPES)
            )
        )
    if lang not in LANGUAGES:
        raise ValidationError(
            _("Unknown language '{lang}'. Use one of: {choices}.").format(
                lang=lang, choices=", ".join(LANGUAGES)
            )
        )
    wording = " ".join(text.split())
    if not wording or len(wording) > MAX_QUESTION_TEXT:
        raise ValidationError(
            _("A question needs a text of 1 to {n} characters.").format(n=MAX_QUESTION_TEXT)
        )
    choices = [" ".join(o.split()) for o in options or []]
    if qtype == "single_choice":
        if not 2 <= len(choices) <= 6 or not all(choices) or len(set(choices)) != len(choices):
            raise ValidationError(_("A single-choice question needs 2 to 6 different, non-empty options."))
    elif choices:
        raise ValidationError(_("Only single-choice questions have options."))
    stored_options = [{"id": chr(ord("a") + i), "text": {lang: o}} for i, o in enumerate(choices)]
    key = CUSTOM_PREFIX + uuid.uuid4().hex[:12]
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        last = s.scalar(
            select(func.max(EvaluationQuestion.position)).where(
                EvaluationQuestion.workshop_id == workshop.id, EvaluationQuestion.form_id == form_id
            )
        )
        s.add(
            EvaluationQuestion(
                workshop_id=workshop.id,
                form_id=form_id,
                question_key=key,
                qtype=qtype,
                text={lang: wording},
                options=stored_options,
                required=required and qtype != "text",
                position=(last or 0) + 1,
                active=True,
            )
        )
    return key


def retire_custom_question(db: Database, workshop_ref: str, question_id: str) -> None:
    """Stop asking a custom question (kept for the responses that answered it)."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        row = s.scalar(
            select(EvaluationQuestion).where(
                EvaluationQuestion.workshop_id == workshop.id, EvaluationQuestion.question_key == question_id
            )
        )
        if row is None:
            raise NotFoundError(_("No custom question '{id}' in this workshop.").format(id=question_id))
        if row.active:
            row.active = False


# --- answers ----------------------------------------------------------------------------------------------
def clean_answers(
    form: FormDef, answers: Mapping[str, object], require: bool = True
) -> tuple[dict[str, int | str], list[str]]:
    """Answers normalised by question type, and the problems found (empty when valid).

    Empty values are unanswered. Scales take 1-5 (numbers or digits); single choice takes an option id
    (any case); text is trimmed. With `require`, a required question left unanswered is a problem.
    """
    clean: dict[str, int | str] = {}
    problems: list[str] = []
    for qid, raw in answers.items():
        question = form.question(str(qid))
        if question is None:
            problems.append(_("question '{id}' is not in the form {form}").format(id=qid, form=form.id))
            continue
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        value = _clean_value(question, raw)
        if value is None:
            problems.append(_("'{value}' is not a valid answer to {id}").format(value=raw, id=qid))
        else:
            clean[question.id] = value
    if require:
        for q in form.questions:
            if q.required and q.active and q.id not in clean:
                problems.append(_("question {id} needs an answer").format(id=q.id))
    return clean, problems


def _clean_value(question: QuestionDef, raw: object) -> int | str | None:
    if question.type in SCALE_TYPES:
        if isinstance(raw, bool):
            return None
        if isinstance(raw, int):
            number = raw
        elif isinstance(raw, str) and raw.strip().isdigit():
            number = int(raw.strip())
        else:
            return None
        return number if 1 <= number <= 5 else None
    if not isinstance(raw, str):
        return None
    value = raw.strip()
    if question.type == "single_choice":
        option = value.lower()
        return option if option in {oid for oid, _t in question.options} else None
    if question.type == "text":
        return value if len(value) <= MAX_TEXT_ANSWER and "\x00" not in value else None
    return None
