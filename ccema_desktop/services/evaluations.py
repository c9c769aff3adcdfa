"""Evaluations: responses from the kiosk or from paper, completion tracking, results and knowledge gain.

Anonymity holds in the database itself, not only on screen:
- an anonymous response stores the answers and the self-generated code (`domain.anon_code`), never a
  participant id, and no language (a lone Russian speaker would be recognisable);
- who completed a form is a separate record (`EvaluationCompletion`) with no link to the response;
- both carry dates, never times: `created_at`/`updated_at` are midnight UTC of the day and `submitted_on` a
  date (for every response, named or not, so the two kinds look alike), so times cannot pair them;
- keys are random UUIDs, and on SQLite both tables are WITHOUT ROWID: rows sit in key order, so the order
  of insertion (a response and its completion are written in the same transaction) is not kept anywhere a
  query can see. PostgreSQL (headquarters) receives them through bundles, merged in key order.
- results drawn from anonymous answers are never shown for fewer than `scoring.MIN_GROUP` respondents.

Rows are written with Core inserts (the ORM's revision hook would stamp them with the current time).
Scoring, pairing and gain are defined in `domain.scoring`.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import os
import tempfile
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Select,
    String,
    Table,
    Text,
    and_,
    bindparam,
    cast,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from ccema_desktop.domain import scoring
from ccema_desktop.domain.anon_code import parse_code
from ccema_desktop.domain.vocab import fold
from ccema_desktop.errors import KnownError, NotFoundError, ValidationError
from ccema_desktop.i18n import _
from ccema_desktop.importing.tabular import read_table
from ccema_desktop.services import forms as forms_service
from ccema_desktop.services.curriculum import text
from ccema_desktop.services.forms import FormDef, QuestionDef, clean_answers, plan_for, workshop_definitions
from ccema_desktop.services.workshops import load_workshop
from ccema_desktop.storage.db import Database
from ccema_desktop.storage.models import (
    AgendaSession,
    CurriculumModule,
    Enrolment,
    EvaluationCompletion,
    EvaluationQuestion,
    EvaluationResponse,
    Participant,
    Workshop,
)

EXPORT_FORMAT = "ccema-evaluations"
EXPORT_VERSION = 1
WORKSHOP_SCOPE = "workshop"
SOURCES = ("kiosk", "paper")
PHASES = ("pre", "post")
#: uuid5 namespace of paper responses: the same respondent, form and session always get the same id.
PAPER_NAMESPACE = uuid.UUID("6b1d1f5e-2f0c-4a57-9a43-7c2f0e0b5a11")
MAX_IMPORT_BYTES = 50 * 1024 * 1024

_RESPONSES: Table = EvaluationResponse.__table__  # type: ignore[assignment]
_COMPLETIONS: Table = EvaluationCompletion.__table__  # type: ignore[assignment]
_QUESTIONS: Table = EvaluationQuestion.__table__  # type: ignore[assignment]


def day_start(day: dt.date) -> dt.datetime:
    """Midnight UTC of `day`: the only time anonymous records carry."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Respondent:
    """Who answers: named (answers linked to the person) or anonymous (only the code is stored)."""

    participant_id: str | None = None
    anonymous_code: str | None = None
    #: The participant recorded in the completion list (apart from the answers); None records nobody.
    completed_by: str | None = None


# --- one workshop's people, sessions and forms ----------------------------------------------------------
@dataclass
class _Workshop:
    id: str
    code: str
    forms: dict[str, FormDef]
    plan: list[str]
    people: dict[str, str]  # participant id or lower-case e-mail -> participant id
    sessions: dict[str, tuple[dt.date, dt.time, str]]  # id -> date, start, title

    def participant(self, ref: str) -> str | None:
        ref = ref.strip()
        return self.people.get(ref) or self.people.get(ref.lower())

    def session(self, ref: str) -> str | None:
        ref = " ".join(ref.split())
        if ref in self.sessions:
            return ref
        for sid, (date, start, _title) in self.sessions.items():
            if ref == f"{date.isoformat()} {start:%H:%M}":
                return sid
        return None

    @property
    def enrolled(self) -> set[str]:
        return set(self.people.values())


@cache
def _sessions_query() -> Select[Any]:
    """Built once (see `_workshop_responses`)."""
    return select(AgendaSession.id, AgendaSession.date, AgendaSession.start_time, AgendaSession.title).where(
        AgendaSession.workshop_id == bindparam("workshop_id")
    )


class _WorkshopRow(NamedTuple):
    """The columns of a workshop that results need, read without loading the ORM object (`_workshop_row`)."""

    id: str
    code: str
    modules: list[Any]


@cache
def _workshop_queries() -> tuple[Select[Any], Select[Any]]:
    columns = (Workshop.id, Workshop.code, Workshop.modules)
    ref: BindParameter[str] = bindparam("ref")
    return select(*columns).where(Workshop.id == ref), select(*columns).where(Workshop.code == ref)


def _workshop_row(s: Session, ref: str) -> _WorkshopRow:
    """What `load_workshop` finds (by id, else by code), or its NotFoundError."""
    ref = ref.strip()
    by_id, by_code = _workshop_queries()
    row = s.execute(by_id, {"ref": ref}).first() or s.execute(by_code, {"ref": ref.upper()}).first()
    if row is None:
        load_workshop(s, ref)  # raises the NotFoundError that tells the user how to find one
        raise AssertionError  # pragma: no cover
    return _WorkshopRow(*row)


def _load(
    s: Session, workshop: Workshop | _WorkshopRow, active_only: bool = False, people: bool = True
) -> _Workshop:
    """The workshop's forms, plan and sessions (plain values), and its people (id or e-mail -> id)."""
    found: dict[str, str] = {}
    if people:
        for pid, email in s.execute(
            select(Participant.id, Participant.email)
            .join(Enrolment, Enrolment.participant_id == Participant.id)
            .where(Enrolment.workshop_id == workshop.id)
        ):
            found[pid] = pid
            if email:
                found.setdefault(email.strip().lower(), pid)
    sessions = {
        sid: (date, start, title)
        for sid, date, start, title in s.execute(_sessions_query(), {"workshop_id": workshop.id})
    }
    return _Workshop(
        id=workshop.id,
        code=workshop.code,
        forms=workshop_definitions(s, workshop.id, active_only=active_only),
        plan=plan_for(s, workshop.id, workshop.modules),
        people=found,
        sessions=sessions,
    )


def _record(
    db: Database,
    workshop_id: str,
    form: FormDef,
    answers: dict[str, int | str],
    participant_id: str | None,
    code: str | None,
    session_id: str | None,
    phase: str | None,
    source: str,
    lang: str,
    day: dt.date,
    response_id: str | None = None,
) -> dict[str, Any]:
    midnight = day_start(day)
    return {
        "id": response_id or str(uuid.uuid4()),
        "workshop_id": workshop_id,
        "form_id": form.id,
        "form_version": form.version,
        "session_id": session_id,
        "participant_id": participant_id,
        "anonymous_code": None if participant_id else code,
        "phase": phase,
        "source": source,
        "language": lang if participant_id else "",
        "submitted_on": day,
        "answers": answers,
        "created_at": midnight,
        "updated_at": midnight,
        "device_id": db.device_id,
        "revision": 1,
    }


def _completion(
    db: Database, workshop_id: str, form_id: str, scope: str, pid: str, day: dt.date
) -> dict[str, Any]:
    midnight = day_start(day)
    return {
        "id": str(uuid.uuid4()),
        "workshop_id": workshop_id,
        "form_id": form_id,
        "scope": scope,
        "participant_id": pid,
        "created_at": midnight,
        "updated_at": midnight,
        "device_id": db.device_id,
        "revision": 1,
    }


def _completed(s: Session, workshop_id: str, form_id: str, scope: str, pid: str) -> bool:
    return (
        s.scalar(
            select(EvaluationCompletion.id).where(
                EvaluationCompletion.workshop_id == workshop_id,
                EvaluationCompletion.form_id == form_id,
                EvaluationCompletion.scope == scope,
                EvaluationCompletion.participant_id == pid,
            )
        )
        is not None
    )


def _check_phase(phase: str | None) -> str | None:
    if phase is None or phase == "":
        return None
    value = phase.strip().lower()
    if value not in PHASES:
        raise ValidationError(_("The phase is 'pre' or 'post', not '{value}'.").format(value=phase))
    return value


def submit_response(
    db: Database,
    workshop_ref: str,
    form_id: str,
    answers: dict[str, str | int],
    respondent: Respondent,
    session_id: str | None = None,
    source: str = "kiosk",
    lang: str = "en",
    phase: str | None = None,
    today: dt.date | None = None,
) -> str:
    """Store one filled-in form and, apart from it, who completed it; returns the response id.

    ValidationError (nothing written) when the form is not used by the workshop, an answer is invalid or
    a required one missing, the person is not enrolled, or they already completed this form (this session).
    `phase` ("pre"/"post") records which test of a module this is when known (see `domain.scoring`).
    """
    if source not in SOURCES:
        raise ValidationError(_("Unknown response source '{value}'.").format(value=source))
    phase = _check_phase(phase)
    day = today or dt.date.today()
    with db.transaction() as s:
        w = _load(s, load_workshop(s, workshop_ref), active_only=True)
        form = w.forms.get(form_id)
        if form is None:
            forms_service.shipped_form(form_id)  # raises NotFoundError
            raise AssertionError  # pragma: no cover
        if form_id not in w.plan:
            raise ValidationError(
                _("The workshop {code} does not use the form {form}.").format(code=w.code, form=form_id)
            )
        if session_id is not None and session_id not in w.sessions:
            raise NotFoundError(_("No session '{ref}' in this workshop.").format(ref=session_id))
        clean, problems = clean_answers(form, answers, require=True)
        if problems:
            raise ValidationError("; ".join(problems))
        named = respondent.participant_id
        code = None
        if named is not None:
            if respondent.anonymous_code:
                raise ValidationError(_("A response is either named or anonymous, not both."))
            if named not in w.enrolled:
                raise NotFoundError(_("This person is not a participant of this workshop."))
        else:
            code = parse_code(respondent.anonymous_code or "")
            if code is None:
                raise ValidationError(
                    _("'{code}' is not an anonymous code (four elements such as MA-07-K-3).").format(
                        code=respondent.anonymous_code or ""
                    )
                )
        completer = named or respondent.completed_by
        scope = session_id or WORKSHOP_SCOPE
        if completer is not None:
            if completer not in w.enrolled:
                raise NotFoundError(_("This person is not a participant of this workshop."))
            if _completed(s, w.id, form_id, scope, completer):
                raise ValidationError(_("This person has already completed this form."))
        record = _record(db, w.id, form, clean, named, code, session_id, phase, source, lang, day)
        s.execute(insert(_RESPONSES), [record])
        if completer is not None:
            s.execute(insert(_COMPLETIONS), [_completion(db, w.id, form_id, scope, completer, day)])
        return str(record["id"])


def completions(db: Database, workshop_ref: str, form_id: str, session_id: str | None = None) -> set[str]:
    """Participant ids who completed the form (for the session, when given) and are still enrolled."""
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        enrolled = select(Enrolment.participant_id).where(Enrolment.workshop_id == workshop.id)
        return set(
            s.scalars(
                select(EvaluationCompletion.participant_id).where(
                    EvaluationCompletion.workshop_id == workshop.id,
                    EvaluationCompletion.form_id == form_id,
                    EvaluationCompletion.scope == (session_id or WORKSHOP_SCOPE),
                    EvaluationCompletion.participant_id.in_(enrolled),
                )
            )
        )


# --- results --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuestionSummary:
    id: str
    text: str
    type: str
    distribution: dict[str, int]
    mean: float | None
    share_agreeing: float | None
    suppressed: bool
    answered: int = 0
    share_correct: float | None = None
    comments: list[str] = field(default_factory=list)
    custom: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "type": self.type,
            "answered": self.answered,
            "distribution": self.distribution,
            "mean": _round(self.mean),
            "share_agreeing": _round(self.share_agreeing),
            "share_correct": _round(self.share_correct),
            "comments": self.comments,
            "custom": self.custom,
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class FormSummary:
    form_id: str
    title: str
    kind: str
    responses: int
    questions: list[QuestionSummary]
    module: int | None = None
    variant: str | None = None
    versions: list[str] = field(default_factory=list)
    completed: int = 0
    anonymous: int = 0
    suppressed: bool = False
    mean_score: float | None = None
    max_score: int | None = None
    session_id: str | None = None
    session_label: str = ""
    by_session: list[FormSummary] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "form_id": self.form_id,
            "title": self.title,
            "kind": self.kind,
            "module": self.module,
            "variant": self.variant,
            "versions": self.versions,
            "responses": self.responses,
            "anonymous": self.anonymous,
            "completed": self.completed,
            "suppressed": self.suppressed,
            "mean_score": _round(self.mean_score),
            "max_score": self.max_score,
            "session_id": self.session_id,
            "session_label": self.session_label,
            "questions": [q.as_json() for q in self.questions],
            "by_session": [f.as_json() for f in self.by_session],
        }


@dataclass(frozen=True)
class ModuleGain:
    module: int
    pre_mean: float | None
    post_mean: float | None
    max_score: int
    class_gain: float | None
    pairs_matched: int
    share_improved: float | None
    share_passing: float | None
    suppressed: bool
    title: str = ""
    pre_count: int = 0
    post_count: int = 0
    raw_gain: float | None = None
    band: str | None = None
    mean_individual_gain: float | None = None
    perfect_pre: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "module": self.module,
            "title": self.title,
            "max_score": self.max_score,
            "pre_count": self.pre_count,
            "post_count": self.post_count,
            "pairs_matched": self.pairs_matched,
            "pre_mean": _round(self.pre_mean),
            "post_mean": _round(self.post_mean),
            "raw_gain": _round(self.raw_gain),
            "class_gain": _round(self.class_gain),
            "band": self.band,
            "mean_individual_gain": _round(self.mean_individual_gain),
            "perfect_pre": self.perfect_pre,
            "share_improved": _round(self.share_improved),
            "share_passing": _round(self.share_passing),
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class SelfRated:
    """Final evaluation: self-rated knowledge of a module before and after (1-5), same respondents."""

    module: int
    respondents: int
    before_mean: float | None
    after_mean: float | None
    suppressed: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "module": self.module,
            "respondents": self.respondents,
            "before_mean": _round(self.before_mean),
            "after_mean": _round(self.after_mean),
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class Satisfaction:
    """Final evaluation reaction items (likert5) pooled: share agreeing and mean out of 5."""

    respondents: int
    answers: int
    share_agreeing: float | None
    mean: float | None
    suppressed: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "respondents": self.respondents,
            "answers": self.answers,
            "share_agreeing": _round(self.share_agreeing),
            "mean": _round(self.mean),
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class EvaluationSummary:
    workshop_id: str
    workshop_code: str
    forms: list[FormSummary]
    knowledge: list[ModuleGain]
    self_rated: list[SelfRated] = field(default_factory=list)
    satisfaction: Satisfaction | None = None
    min_group: int = scoring.MIN_GROUP
    pass_mark: float = scoring.PASS_MARK

    @property
    def has_data(self) -> bool:
        return any(f.responses for f in self.forms)

    def as_json(self) -> dict[str, Any]:
        return {
            "workshop_id": self.workshop_id,
            "workshop_code": self.workshop_code,
            "min_group": self.min_group,
            "pass_mark": self.pass_mark,
            "forms": [f.as_json() for f in self.forms],
            "knowledge": [k.as_json() for k in self.knowledge],
            "self_rated": [r.as_json() for r in self.self_rated],
            "satisfaction": None if self.satisfaction is None else self.satisfaction.as_json(),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# How results are read (`gather`): two queries of responses per workshop, with statements built once (their
# SQL cache key costs more than running them) and the answers read as JSON text.
# - Knowledge tests and final evaluations one by one (tests are paired by respondent, a final evaluation's
#   answers within it): decoded with one `json.loads` per form and session, each test scored and turned into a
#   `scoring.Attempt` as it is read.
# - The other forms (session feedback) only as counts: the database groups them per form, session, version
#   and anonymity and joins their answers into one text per group, so no per-response object is made.
# Answers are then counted with `Counter` (loops in C); this measured faster than counting them in SQL
# (`json_each`, SQLite 3.40) or decoding them row by row. They are counted once, in `gather` (counts do not
# depend on the language), into one `_Tally` per form and session. Unusual payloads (a list, JSON null,
# damaged text) are read one by one as before. Named responses count only while their person is enrolled
# (as bundles carry them).
_R = EvaluationResponse


class _Row(NamedTuple):
    """One decoded response (final evaluations)."""

    id: str
    form_id: str
    version: str
    session_id: str | None
    participant_id: str | None
    answers: dict[str, Any]

    @property
    def anonymous(self) -> bool:
        return self.participant_id is None


@dataclass
class _Tally:
    """A group of responses to one form (one session, or all): how many, answers counted by value."""

    responses: int = 0
    anonymous: int = 0
    points: int = 0
    scored: int = 0
    values: defaultdict[str, dict[Any, int]] = field(default_factory=lambda: defaultdict(dict))
    versions: set[str] = field(default_factory=set)

    def merge(self, other: _Tally) -> None:
        self.responses += other.responses
        self.anonymous += other.anonymous
        self.points += other.points
        self.scored += other.scored
        self.versions |= other.versions
        for qid, counts in other.values.items():
            mine = self.values[qid]
            for value, n in counts.items():
                mine[value] = mine.get(value, 0) + n


@dataclass(frozen=True)
class EvaluationData:
    """Everything results are computed from, read in one transaction; rendered in any language later."""

    workshop_id: str
    workshop_code: str
    modules: list[int]
    forms: dict[str, FormDef]
    plan: list[str]
    #: Knowledge tests taken, scored, by module (ready for pairing), each module's in response id order.
    attempts: dict[int, list[scoring.Attempt]]
    #: Final evaluations, one by one (self-rated knowledge and satisfaction pair answers within a response).
    finals: list[_Row]
    #: Every form's responses counted per (form, session), in the order of their first response id.
    tallies: dict[tuple[str, str | None], _Tally]
    completed: dict[str, int]
    sessions: dict[str, tuple[dt.date, dt.time, str]]
    module_titles: dict[int, dict[str, str]]

    @property
    def has_data(self) -> bool:
        return bool(self.tallies)  # every response is in one


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _json(value: Any) -> dict[str, Any]:
    loaded = value if isinstance(value, dict) else json.loads(value)
    return loaded if isinstance(loaded, dict) else {}


def _counted(workshop_id: str | BindParameter[str]) -> ColumnElement[bool]:
    """Responses of the workshop that count: anonymous ones, and named ones of people still enrolled."""
    enrolled = select(Enrolment.participant_id).where(Enrolment.workshop_id == workshop_id)
    return and_(
        _R.workshop_id == workshop_id, or_(_R.participant_id.is_(None), _R.participant_id.in_(enrolled))
    )


def _knowledge_questions(form: FormDef) -> list[QuestionDef]:
    return [q for q in form.questions if not q.custom]


@cache
def _answer_keys() -> dict[str, tuple[tuple[str, ...], tuple[str | None, ...]]]:
    """Each shipped knowledge test's (question ids, correct options), in the form's order."""
    return {
        f.id: (tuple(q.id for q in _knowledge_questions(f)), tuple(q.answer for q in _knowledge_questions(f)))
        for f in forms_service.shipped_forms().values()
        if f.kind == "knowledge_test"
    }


#: Columns read per response (answers as JSON text: cheaper than SQLAlchemy's per-value JSON processing,
#: and decoded many at a time, see `_loads_many`). Positions are used below: 0 id ... 8 answers, 9 workshop.
_COLUMNS: tuple[Any, ...] = (
    _R.id,
    _R.form_id,
    _R.form_version,
    _R.session_id,
    _R.participant_id,
    _R.anonymous_code,
    _R.phase,
    cast(_R.submitted_on, String),
    cast(_R.answers, Text),
    _R.workshop_id,
)


@cache
def _workshop_responses() -> Select[Any]:
    """The counted responses of one workshop (`workshop_id`) to the given forms (`forms`). Built once: a
    statement is reused with its SQL cache key worked out once, which costs more than the query itself."""
    return select(*_COLUMNS).where(
        _counted(bindparam("workshop_id")), _R.form_id.in_(bindparam("forms", expanding=True))
    )


@cache
def _workshop_groups() -> Select[Any]:
    """The counted responses of one workshop to the given forms, counted by the database per form, session,
    version and anonymity, with their answers joined into one text (a JSON array's items, in no particular
    order): nothing per response is made in Python but the decoded answers."""
    anonymous = _R.participant_id.is_(None)
    return (
        select(
            _R.form_id,
            _R.session_id,
            _R.form_version,
            anonymous,
            func.count(),
            func.min(_R.id),
            func.aggregate_strings(cast(_R.answers, Text), ","),
        )
        .where(_counted(bindparam("workshop_id")), _R.form_id.in_(bindparam("forms", expanding=True)))
        .group_by(_R.form_id, _R.session_id, _R.form_version, anonymous)
    )


@cache
def _completed_query() -> Select[Any]:
    workshop_id: BindParameter[str] = bindparam("workshop_id")
    enrolled = select(Enrolment.participant_id).where(Enrolment.workshop_id == workshop_id)
    return (
        select(EvaluationCompletion.form_id, func.count(EvaluationCompletion.participant_id.distinct()))
        .where(
            EvaluationCompletion.workshop_id == workshop_id, EvaluationCompletion.participant_id.in_(enrolled)
        )
        .group_by(EvaluationCompletion.form_id)
    )


@cache
def _titles_query() -> Select[Any]:
    return select(CurriculumModule.number, CurriculumModule.title).where(
        CurriculumModule.number.in_(bindparam("modules", expanding=True))
    )


def _loads_joined(joined: Any, count: int) -> list[dict[str, Any]] | None:
    """`count` answer payloads joined by commas, decoded with one `json.loads` (a few times faster than one
    call each); None when that is not `count` objects (a damaged or unusual payload: read them one by one)."""
    if type(joined) is not str:
        return None
    try:
        loaded = json.loads("[" + joined + "]")
    except ValueError:
        return None
    if type(loaded) is list and len(loaded) == count and set(map(type, loaded)) <= {dict}:
        return loaded
    return None


def _loads_many(texts: Sequence[Any]) -> list[dict[str, Any]]:
    """Answer payloads decoded together (`_loads_joined`), or one by one (`_json`) when anything is
    unusual, so a damaged payload fails or reads as it always did."""
    if set(map(type, texts)) == {str}:
        loaded = _loads_joined(",".join(texts), len(texts))
        if loaded is not None:
            return loaded
    return [_json(t) for t in texts]


def _decoded(rows: Iterable[Any]) -> Iterator[tuple[list[Any], list[dict[str, Any]]]]:
    """Rows (`_COLUMNS`) grouped by workshop, form and session, each group with its answers decoded, in the
    order the database returned them (callers sort what they keep)."""
    groups: dict[tuple[str, str, str | None], list[Any]] = {}
    for row in rows:
        key = (row[9], row[1], row[3])
        group = groups.get(key)
        if group is None:
            groups[key] = [row]
        else:
            group.append(row)
    for group in groups.values():
        yield group, _loads_many([r[8] for r in group])


#: What a stored answer can be read as one value; anything else (a list or object from a faulty bundle)
#: is kept as its JSON text, as the database's JSON functions return it.
_SCALARS = frozenset((str, int, float, bool, type(None)))


def _scalar(value: Any) -> Any:
    return value if type(value) in _SCALARS else json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _knowledge_group(
    group: Sequence[Any], answers: Sequence[dict[str, Any]], forms: Mapping[str, FormDef]
) -> tuple[int | None, list[scoring.Attempt], _Tally]:
    """One knowledge test's responses (one session): the module, each test scored as an attempt to pair
    (those with a participant or a code), and the tally (responses, points, options chosen per question)."""
    form_id = group[0][1]
    questions, key = _answer_keys()[form_id]
    picks = [tuple(map(answer.get, questions)) for answer in answers]  # the options chosen, in form order
    if not set(map(type, chain.from_iterable(map(dict.values, answers)))) <= _SCALARS:
        picks = [tuple(map(_scalar, chosen)) for chosen in picks]
    # One point per option chosen that is the key's.
    points = [sum(map(operator.eq, chosen, key)) for chosen in picks]
    tally = _Tally(
        responses=len(group),
        anonymous=[r[4] for r in group].count(None),
        points=sum(points),
        scored=len(group),
        versions={r[2] for r in group},
    )
    form = forms.get(form_id)
    is_test = form is not None and form.kind == "knowledge_test"
    counted = [q.id for q in _knowledge_questions(form)] if form is not None and is_test else []
    values = tally.values
    # One count of (position, option) over the group, then per question (positions past the form's end and
    # unanswered questions count nowhere).
    for (k, pick), n in Counter(chain.from_iterable(map(enumerate, picks))).items():
        if pick is not None and k < len(counted):
            values[counted[k]][pick] = n
    if form is None or not is_test or form.module is None:
        return None, [], tally
    variant = form.variant or ""
    days = {day: _date(day) for day in {r[7] for r in group}}  # a few distinct days: parsed once each
    attempts = [
        scoring.Attempt(rid, pid or code, pid is None, variant, score, days[day], phase)
        for (rid, _f, _v, _s, pid, code, phase, day, _t, _w), score in zip(group, points, strict=True)
        if pid or code
    ]
    return form.module, attempts, tally


def _finals(group: Sequence[Any], answers: Sequence[dict[str, Any]]) -> list[_Row]:
    return [
        _Row(rid, form_id, version, sid, pid, answer)
        for (rid, form_id, version, sid, pid, *_rest), answer in zip(group, answers, strict=True)
    ]


_PLAIN = frozenset((int, str))


def _count_answers(values: defaultdict[str, dict[Any, int]], answers: Sequence[dict[str, Any]]) -> None:
    """Add answers to the counts per question and value. Only numbers and texts count (lists or objects from
    a faulty bundle are ignored); when that is all there is (the usual case) `Counter` counts in C."""
    if set(map(type, chain.from_iterable(map(dict.values, answers)))) <= _PLAIN:
        for (key, value), n in Counter(chain.from_iterable(map(dict.items, answers))).items():
            counts = values[key]
            counts[value] = counts.get(value, 0) + n
        return
    for answer in answers:
        for key, value in answer.items():
            if type(value) is int or type(value) is str:  # not bool, float, list, object or null
                counts = values[key]
                counts[value] = counts.get(value, 0) + 1


def _tally_rows(group: Sequence[Any], answers: Sequence[dict[str, Any]]) -> _Tally:
    """Responses to another form (one session): how many, anonymous ones, versions, answers counted."""
    tally = _Tally(
        responses=len(group), anonymous=[r[4] for r in group].count(None), versions={r[2] for r in group}
    )
    _count_answers(tally.values, answers)
    return tally


def gather(s: Session, workshop: Workshop | _WorkshopRow) -> EvaluationData:
    """Read what a workshop's results are computed from (see the comment above `_Row`)."""
    w = _load(s, workshop, people=False)
    conn = s.connection()
    knowledge = _answer_keys()
    # Read one by one: knowledge tests (paired by respondent) and final evaluations (answers paired within
    # a response); the others (session feedback) only as counts, so they are read per group.
    one_by_one = [f for f in w.forms if f in knowledge or f == forms_service.FINAL_EVALUATION]
    grouped = [f for f in w.forms if f not in one_by_one]
    attempts: dict[int, list[scoring.Attempt]] = defaultdict(list)
    finals: list[_Row] = []
    firsts: list[tuple[str, tuple[str, str | None], _Tally]] = []  # (first response id, form and session)
    params = {"workshop_id": workshop.id, "forms": one_by_one}
    for group, answers in _decoded(conn.execute(_workshop_responses(), params).all()):
        form_id, sid = group[0][1], group[0][3]
        first = min(map(itemgetter(0), group))
        if form_id in knowledge:
            module, found, tally = _knowledge_group(group, answers, w.forms)
            if module is not None and found:
                attempts[module] += found
            firsts.append((first, (form_id, sid), tally))
        else:
            firsts.append((first, (form_id, sid), _tally_rows(group, answers)))
            finals += _finals(group, answers)
    by_group: dict[tuple[str, str | None], tuple[str, _Tally]] = {}
    params = {"workshop_id": workshop.id, "forms": grouped}
    for form_id, sid, version, anonymous, count, first, joined in conn.execute(_workshop_groups(), params):
        key = (form_id, sid)
        if key in by_group:
            earliest, tally = by_group[key]
            by_group[key] = (min(earliest, first), tally)
        else:
            tally = _Tally()
            by_group[key] = (first, tally)
        tally.responses += count
        tally.anonymous += count if anonymous else 0
        tally.versions.add(version)
        together = _loads_joined(joined, count)
        if together is None:  # something unusual: this group one by one, as always
            rows = conn.execute(_workshop_responses(), {"workshop_id": workshop.id, "forms": [form_id]})
            texts = [
                r[8] for r in rows if r[3] == sid and r[2] == version and (r[4] is None) == bool(anonymous)
            ]
            together = [_json(t) for t in texts]
        _count_answers(tally.values, together)
    firsts += [(first, key, tally) for key, (first, tally) in by_group.items()]
    # Tallies in the order of their first response, as sessions at the same time are listed in that order.
    tallies = {key: tally for _first, key, tally in sorted(firsts, key=itemgetter(0))}
    for found in attempts.values():
        found.sort(key=attrgetter("response_id"))
    finals.sort(key=attrgetter("id"))
    completed = {
        form_id: int(n) for form_id, n in conn.execute(_completed_query(), {"workshop_id": workshop.id})
    }
    modules = sorted(
        {int(m) for m in workshop.modules}
        | {
            f.module
            for form_id, _sid in tallies
            if form_id in knowledge and (f := w.forms.get(form_id)) and f.module is not None
        }
    )
    titles = {number: dict(title) for number, title in conn.execute(_titles_query(), {"modules": modules})}
    return EvaluationData(
        workshop_id=w.id,
        workshop_code=w.code,
        modules=[int(m) for m in workshop.modules],
        forms=w.forms,
        plan=w.plan,
        attempts=dict(attempts),
        finals=finals,
        tallies=tallies,
        completed=completed,
        sessions=w.sessions,
        module_titles=titles,
    )


def _scale_point(value: Any) -> int | None:
    """1-5 from a stored answer (a number, or its text on PostgreSQL); None for anything else."""
    if type(value) is int:
        return value if 1 <= value <= 5 else None
    if isinstance(value, str) and value in ("1", "2", "3", "4", "5"):
        return int(value)
    return None


#: `_scale_point` as a lookup, for values known to be exactly int or str (True would look up as 1).
_POINTS: dict[int | str, int] = {**{p: p for p in scoring.SCALE}, **{str(p): p for p in scoring.SCALE}}


class _Wording(NamedTuple):
    """A form's title and question texts in one language: looked up once per render, not per session."""

    title: str
    questions: list[tuple[QuestionDef, str]]


def _wording(form: FormDef, lang: str) -> _Wording:
    return _Wording(text(dict(form.title), lang), [(q, text(dict(q.text), lang)) for q in form.questions])


def _question_summary(
    q: QuestionDef, label: str, counts: Mapping[Any, int], anonymous: bool
) -> QuestionSummary:
    answered = sum(counts.values())
    base: dict[str, Any] = {
        "id": q.id,
        "text": label,
        "type": q.type,
        "answered": answered,
        "custom": q.custom,
    }
    if scoring.suppress(answered, anonymous):
        return QuestionSummary(**base, distribution={}, mean=None, share_agreeing=None, suppressed=True)
    if q.type in forms_service.SCALE_TYPES:
        # Only 1-5 counts (answers merged from elsewhere were not checked against this form).
        points: dict[int, int] = {}
        for value, n in counts.items():
            point = _POINTS.get(value) if type(value) is int or type(value) is str else None
            if point is not None:
                points[point] = points.get(point, 0) + n
        figures = scoring.scale_counts(points, agreement=q.type == "likert5")
        return QuestionSummary(
            **base,
            distribution=figures.distribution,
            mean=figures.mean,
            share_agreeing=figures.share_agreeing,
            suppressed=False,
        )
    if q.type == "single_choice":
        options = {oid: counts.get(oid, 0) for oid, _t in q.options}
        correct = options.get(q.answer, 0) / answered if q.answer is not None and answered else None
        return QuestionSummary(
            **base,
            distribution=options,
            mean=None,
            share_agreeing=None,
            suppressed=False,
            share_correct=correct,
        )
    # Free text: sorted, so the order says nothing about who wrote what.
    comments = sorted(str(v) for v, n in counts.items() for _i in range(n))
    return QuestionSummary(
        **base, distribution={}, mean=None, share_agreeing=None, suppressed=False, comments=comments
    )


def _form_summary(
    form: FormDef,
    tally: _Tally,
    wording: _Wording,
    completed: int,
    session_id: str | None = None,
    session_label: str = "",
) -> FormSummary:
    # A question is as anonymous as its group: any anonymous response makes small counts hidden.
    anonymous = tally.anonymous > 0
    suppressed = scoring.suppress(tally.responses, anonymous)
    values = tally.values
    questions = [
        _question_summary(q, label, values.get(q.id, {}), anonymous)
        for q, label in wording.questions
        if q.active or q.id in values
    ]
    mean_score = None
    max_score = form.max_score
    if max_score and tally.scored and not suppressed:
        mean_score = tally.points / tally.scored
    return FormSummary(
        form_id=form.id,
        title=wording.title,
        kind=form.kind,
        responses=tally.responses,
        questions=questions,
        module=form.module,
        variant=form.variant,
        versions=sorted(tally.versions),
        completed=completed,
        anonymous=tally.anonymous,
        suppressed=suppressed,
        mean_score=mean_score,
        max_score=max_score or None,
        session_id=session_id,
        session_label=session_label,
    )


def _max_score(module: int) -> int:
    return max((f.max_score for f in forms_service.knowledge_forms(module)), default=0)


def module_gains(data: EvaluationData, lang: str = "en") -> list[ModuleGain]:
    gains = []
    for module, tests in sorted(data.attempts.items()):
        pairs = scoring.pair_tests(tests)
        max_score = _max_score(module)
        fig = scoring.gain_figures(pairs, max_score)
        paired_ids = {t.response_id for p in pairs for t in (p.pre, p.post)}
        alone = [_alone_phase(t) for t in tests if t.response_id not in paired_ids]
        gains.append(
            ModuleGain(
                module=module,
                pre_mean=fig.pre_mean,
                post_mean=fig.post_mean,
                max_score=max_score,
                class_gain=fig.class_gain,
                pairs_matched=fig.pairs,
                share_improved=fig.share_improved,
                share_passing=fig.share_passing,
                suppressed=fig.suppressed,
                title=text(data.module_titles.get(module), lang),
                pre_count=len(pairs) + alone.count("pre"),
                post_count=len(pairs) + alone.count("post"),
                raw_gain=fig.raw_gain,
                band=fig.band,
                mean_individual_gain=fig.mean_individual_gain,
                perfect_pre=fig.perfect_pre,
            )
        )
    return gains


def _alone_phase(t: scoring.Attempt) -> str:
    """An unpaired test counts as pre or post by its recorded phase, else by version (A pre, B post)."""
    return t.phase or ("pre" if t.variant == "A" else "post")


def self_rated(finals: Sequence[_Row]) -> list[SelfRated]:
    """Final evaluation: self-rated knowledge before and after, per module, over respondents rating both."""
    out = []
    for module in range(1, 8):
        before, after = f"fe-m{module}-before", f"fe-m{module}-after"
        both = [
            (b, a)
            for r in finals
            if (b := _scale_point(r.answers.get(before))) is not None
            and (a := _scale_point(r.answers.get(after))) is not None
        ]
        if not both:
            continue
        anonymous = any(r.anonymous for r in finals if before in r.answers and after in r.answers)
        hidden = scoring.suppress(len(both), anonymous)
        out.append(
            SelfRated(
                module=module,
                respondents=len(both),
                before_mean=None if hidden else scoring.mean([b for b, _a in both]),
                after_mean=None if hidden else scoring.mean([a for _b, a in both]),
                suppressed=hidden,
            )
        )
    return out


def reaction_items() -> list[str]:
    """The final evaluation's shipped likert5 (reaction) questions: what satisfaction is made of."""
    form = forms_service.shipped_forms().get(forms_service.FINAL_EVALUATION)
    return [q.id for q in form.questions if q.type == "likert5"] if form else []


def satisfaction(finals: Iterable[_Row]) -> Satisfaction | None:
    """Reaction items of final evaluations pooled: share agreeing (4-5) and mean out of 5."""
    respondents, anonymous, points = _satisfaction_counts(finals)
    if not respondents:
        return None
    answers = sum(points.values())
    if scoring.suppress(respondents, anonymous):
        return Satisfaction(respondents, answers, None, None, True)
    figures = scoring.scale_counts(points)
    return Satisfaction(respondents, answers, figures.share_agreeing, figures.mean, False)


def render(data: EvaluationData, lang: str = "en") -> EvaluationSummary:
    """Results in `lang` from gathered data (see `domain.scoring` for every definition)."""
    tallies = data.tallies
    # One tally per form and session (session feedback), merged into one per form (a form with a single
    # tally uses it as it is: it is only read).
    sessions_of: dict[str, list[str | None]] = defaultdict(list)
    for form_id, sid in tallies:
        sessions_of[form_id].append(sid)
    by_form: dict[str, _Tally] = {}
    for form_id, sids in sessions_of.items():
        if len(sids) == 1:
            by_form[form_id] = tallies[(form_id, sids[0])]
        else:
            by_form[form_id] = merged = _Tally()
            for sid in sids:
                merged.merge(tallies[(form_id, sid)])
    order = [f for f in data.plan if f in data.forms] + sorted(set(by_form) - set(data.plan))
    summaries = []
    for form_id in order:
        form = data.forms.get(form_id)
        if form is None:
            continue
        wording = _wording(form, lang)
        summary_ = _form_summary(
            form, by_form.get(form_id) or _Tally(), wording, data.completed.get(form_id, 0)
        )
        if form.kind == "session_feedback":
            parts = []
            for sid in sorted(
                sessions_of[form_id], key=lambda x: data.sessions.get(x or "", (dt.date.max, dt.time.max))[:2]
            ):
                date, start, title = data.sessions.get(sid or "", (None, None, ""))
                label = f"{date.isoformat()} {start:%H:%M} {title}" if date and start else ""
                parts.append(_form_summary(form, tallies[(form_id, sid)], wording, 0, sid, label.strip()))
            summary_ = replace(summary_, by_session=parts)
        summaries.append(summary_)
    return EvaluationSummary(
        workshop_id=data.workshop_id,
        workshop_code=data.workshop_code,
        forms=summaries,
        knowledge=module_gains(data, lang),
        self_rated=self_rated(data.finals),
        satisfaction=satisfaction(data.finals),
    )


def summary(db: Database, workshop_ref: str, lang: str = "en") -> EvaluationSummary:
    """Per form and question: distributions, means, share agreeing; knowledge gain per module."""
    with db.transaction() as s:
        data = gather(s, _workshop_row(s, workshop_ref))
    return render(data, lang)


# --- across workshops (headquarters) -----------------------------------------------------------------------
@dataclass(frozen=True)
class OverallFigures:
    """Satisfaction and knowledge gain over many workshops (pooled answers and pairs)."""

    workshops: int
    satisfaction: Satisfaction | None
    pairs: int
    knowledge_gain: float | None  # pooled class <g> on scores as shares of the maximum
    share_improved: float | None
    share_passing: float | None
    suppressed: bool


class WorkshopPartial(NamedTuple):
    """What one workshop adds to the pooled figures of `overall`, as exact integers (so pooling partials
    kept from earlier runs gives the same figures, to the last bit, as reading every answer again)."""

    #: Final evaluations answering at least one reaction item, whether any of them is anonymous, and the
    #: number of reaction answers per point 1-5.
    respondents: int
    anonymous: bool
    points: tuple[int, int, int, int, int]
    #: (module, pre-test points, post-test points) of each pair matched, modules in order and each module's
    #: pairs as `scoring.pair_tests` gives them; whether any pair is anonymous.
    pairs: Sequence[Sequence[int]]
    pairs_anonymous: bool

    def as_json(self) -> list[Any]:
        return [self.respondents, self.anonymous, list(self.points), [list(p) for p in self.pairs],
                self.pairs_anonymous]  # fmt: skip

    @classmethod
    def from_json(cls, value: Any) -> WorkshopPartial:
        respondents, anonymous, points, pairs, pairs_anonymous = value
        return cls(
            int(respondents),
            bool(anonymous),
            (int(points[0]), int(points[1]), int(points[2]), int(points[3]), int(points[4])),
            pairs,  # as `as_json` wrote them (lists kept as read)
            bool(pairs_anonymous),
        )


def _satisfaction_counts(finals: Iterable[_Row]) -> tuple[int, bool, Counter[int]]:
    """Respondents answering a reaction item, whether any is anonymous, reaction answers per point."""
    items = reaction_items()
    points: Counter[int] = Counter()
    respondents = 0
    anonymous = False
    for r in finals:
        answered = [p for q in items if (p := _scale_point(r.answers.get(q))) is not None]
        if answered:
            respondents += 1
            anonymous = anonymous or r.anonymous
            points.update(answered)
    return respondents, anonymous, points


def _partial_query(conditions: Sequence[ColumnElement[bool]]) -> Select[Any]:
    enrolled = select(Enrolment.participant_id).where(Enrolment.workshop_id == _R.workshop_id)
    counts = or_(_R.participant_id.is_(None), _R.participant_id.in_(enrolled))
    forms = [*_answer_keys(), forms_service.FINAL_EVALUATION]
    return select(*_COLUMNS).where(*conditions, counts, _R.form_id.in_(forms))


def workshop_partials(
    conn: Connection, workshop_ids: Sequence[str] | None = None
) -> dict[str, WorkshopPartial]:
    """Each workshop's `WorkshopPartial`, for the workshops with responses that count (by default every
    workshop but demo ones). Named responses count only while their person is enrolled, as in `summary`.

    The same few queries whatever the number of workshops (headquarters holds thousands).
    """
    shipped = forms_service.shipped_forms()
    chunks: list[ColumnElement[bool]] = []
    if workshop_ids is None:
        chunks.append(_R.workshop_id.in_(select(Workshop.id).where(Workshop.is_demo.is_(False))))
    else:
        ids = list(dict.fromkeys(workshop_ids))
        chunks += [_R.workshop_id.in_(ids[i : i + 500]) for i in range(0, len(ids), 500)]
    attempts: dict[str, dict[int, list[scoring.Attempt]]] = defaultdict(lambda: defaultdict(list))
    finals: dict[str, list[_Row]] = defaultdict(list)
    with_data: set[str] = set()
    for chunk in chunks:
        rows = conn.execute(_partial_query([chunk])).all()
        for group, answers in _decoded(rows):
            wid = group[0][9]
            with_data.add(wid)
            if group[0][1] == forms_service.FINAL_EVALUATION:
                finals[wid] += _finals(group, answers)
            else:
                module, found, _tally = _knowledge_group(group, answers, shipped)
                if module is not None and found:
                    attempts[wid][module] += found
    out: dict[str, WorkshopPartial] = {}
    for wid in sorted(with_data):
        respondents, anonymous, points = _satisfaction_counts(finals.get(wid, ()))
        pairs: list[tuple[int, int, int]] = []
        pairs_anonymous = False
        for module, found in sorted(attempts[wid].items()) if wid in attempts else ():
            for p in scoring.pair_tests(found):
                pairs.append((module, p.pre.points, p.post.points))
                pairs_anonymous = pairs_anonymous or p.anonymous
        out[wid] = WorkshopPartial(
            respondents,
            anonymous,
            (points[1], points[2], points[3], points[4], points[5]),
            tuple(pairs),
            pairs_anonymous,
        )
    return out


def pool(partials: Mapping[str, WorkshopPartial]) -> OverallFigures:
    """The figures of `overall` from each workshop's partial (pooled in workshop order, as `overall`)."""
    respondents = 0
    anonymous = False
    points: Counter[int] = Counter()
    pre: list[float] = []
    post: list[float] = []
    pairs_anonymous = False
    tops: dict[int, int] = {}
    # A fixed order (workshop, module), so the pooled means are summed the same way every time.
    for wid in sorted(partials):
        part = partials[wid]
        if part.respondents:
            respondents += part.respondents
            anonymous = anonymous or part.anonymous
            for point, n in zip(scoring.SCALE, part.points, strict=True):
                if n:
                    points[point] += n
        for module, before, after in part.pairs:
            top = tops.get(module)
            if top is None:
                top = tops[module] = _max_score(module)
            pre.append(before / top)
            post.append(after / top)
        pairs_anonymous = pairs_anonymous or part.pairs_anonymous
    sat: Satisfaction | None = None
    if respondents:
        answers = sum(points.values())
        if scoring.suppress(respondents, anonymous):
            sat = Satisfaction(respondents, answers, None, None, True)
        else:
            figures = scoring.scale_counts(points)
            sat = Satisfaction(respondents, answers, figures.share_agreeing, figures.mean, False)
    n = len(pre)
    hidden = scoring.suppress(n, pairs_anonymous)
    shown = n > 0 and not hidden
    pre_mean = sum(pre) / n if n else 0.0
    post_mean = sum(post) / n if n else 0.0
    return OverallFigures(
        workshops=len(partials),
        satisfaction=sat,
        pairs=n,
        knowledge_gain=scoring.normalised_gain(pre_mean, post_mean, 1.0) if shown else None,
        share_improved=sum(1 for a, b in zip(pre, post, strict=True) if b > a) / n if shown else None,
        share_passing=sum(1 for b in post if scoring.passes(b, 1)) / n if shown else None,
        suppressed=hidden,
    )


def overall(s: Session, workshop_ids: Sequence[str] | None = None) -> OverallFigures:
    """Pooled over workshops (by default every workshop but demo ones): satisfaction from the final
    evaluations' reaction items, and <g> over every pair matched within a workshop, on scores as shares of
    the maximum. Named responses count only while their person is enrolled, as in `summary`.

    Read from the responses themselves; `services.evaluation_figures` keeps each workshop's partial for
    `ccema stats` and pools the same way.
    """
    return pool(workshop_partials(s.connection(), workshop_ids))


# --- moving responses between machines ------------------------------------------------------------------
@dataclass(frozen=True)
class Rejection:
    row: int | None
    ref: str
    reason: str


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    completions_added: int = 0
    questions_added: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    written: bool = False
    dry_run: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "completions_added": self.completions_added,
            "questions_added": self.questions_added,
            "rejected": [{"row": r.row, "id": r.ref, "reason": r.reason} for r in self.rejected],
            "written": self.written,
            "dry_run": self.dry_run,
        }


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = ""
    except OSError as exc:
        raise KnownError(
            _("Cannot write {path} ({reason}). Choose another folder or free some disk space.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def _registry() -> Any:
    from ccema_desktop.sync import registry

    return registry


def export_responses(db: Database, workshop_ref: str, path: Path) -> int:
    """Write the workshop's responses, completions and custom questions to one JSON file (kiosk machine ->
    USB stick -> facilitator's laptop); returns the number of responses. Records keep every column, as in
    sync bundles, so the import is idempotent by id."""
    from ccema_desktop import __version__

    registry = _registry()
    with db.transaction() as s:
        workshop = load_workshop(s, workshop_ref)
        tables: dict[str, list[dict[str, Any]]] = {}
        for name, table in (
            ("questions", _QUESTIONS),
            ("responses", _RESPONSES),
            ("completions", _COMPLETIONS),
        ):
            synced = registry.BY_NAME[table.name]
            rows = s.execute(select(table).where(table.c.workshop_id == workshop.id).order_by(table.c.id))
            tables[name] = [synced.encode(row) for row in rows]
        doc = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "app_version": __version__,
            "forms_version": forms_service.forms_version(),
            "exported_on": dt.date.today().isoformat(),
            "device_id": db.device_id,
            "workshop": {"id": workshop.id, "code": workshop.code, "title": workshop.title},
            **tables,
        }
    _write_atomic(Path(path), json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(tables["responses"])


def _read_export(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ValidationError(_("{path} is too large for a responses file.").format(path=path))
        doc = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise KnownError(
            _("Cannot read {path} ({reason}).").format(path=path, reason=exc.strerror or exc)
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError):
        doc = None
    if not isinstance(doc, dict) or doc.get("format") != EXPORT_FORMAT:
        raise ValidationError(
            _(
                "{path} is not a responses file exported by CCEMA Desktop ('ccema evaluations export')."
            ).format(path=path)
        )
    version = doc.get("version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise ValidationError(
            _("{path} was written by a newer version of CCEMA Desktop; update this one to import it.").format(
                path=path
            )
        )
    workshop = doc.get("workshop")
    if not isinstance(workshop, dict) or not isinstance(workshop.get("id"), str):
        raise ValidationError(_("{path} does not say which workshop it belongs to.").format(path=path))
    for key in ("questions", "responses", "completions"):
        if not isinstance(doc.get(key, []), list):
            raise ValidationError(_("{path} is damaged ('{key}' is not a list).").format(path=path, key=key))
    return doc


def _order(row: Mapping[str, Any]) -> tuple[int, dt.datetime, str]:
    return (int(row["revision"]), row["updated_at"], str(row["device_id"]))


def import_responses(db: Database, path: Path, dry_run: bool = False) -> ImportReport:
    """Import a kiosk export: idempotent by response id (a second import adds nothing; a response already
    here is replaced only by a newer revision of itself). Responses of an unknown workshop, of people not
    enrolled, or with answers that do not fit the form are rejected with the reason; the rest is written
    in one transaction."""
    registry = _registry()
    path = Path(path)
    doc = _read_export(path)
    report = ImportReport(dry_run=dry_run)
    workshop_id = str(doc["workshop"]["id"])
    with db.transaction() as s:
        workshop = s.get(Workshop, workshop_id)
        if workshop is None:
            reason = _("the workshop {code} ({id}) is not in this database").format(
                code=doc["workshop"].get("code", ""), id=workshop_id
            )
            for i, record in enumerate(doc.get("responses", []), start=1):
                report.rejected.append(
                    Rejection(i, str(record.get("id", "")) if isinstance(record, dict) else "", reason)
                )
            if not report.rejected:
                raise NotFoundError(reason)
            return report
        w = _load(s, workshop)
        questions = _import_questions(s, w, doc.get("questions", []), report, registry)
        if questions and not dry_run:
            s.execute(insert(_QUESTIONS), questions)
            w.forms = workshop_definitions(s, w.id)
        elif questions:
            w.forms = _with_questions(w.forms, questions)
        new, changed = _check_responses(s, w, doc.get("responses", []), report, registry)
        completions_ = _check_completions(s, w, doc.get("completions", []), report, registry)
        report.added, report.updated = len(new), len(changed)
        report.completions_added = len(completions_)
        if dry_run:
            return report
        if new:
            s.execute(insert(_RESPONSES), sorted(new, key=lambda r: r["id"]))
        for row in changed:
            values = {k: v for k, v in row.items() if k not in ("id", "created_at")}
            s.execute(update(_RESPONSES).where(_RESPONSES.c.id == row["id"]).values(**values))
        if completions_:
            s.execute(insert(_COMPLETIONS), sorted(completions_, key=lambda r: r["id"]))
        report.written = True
    return report


def _with_questions(forms: dict[str, FormDef], rows: list[dict[str, Any]]) -> dict[str, FormDef]:
    out = dict(forms)
    for row in rows:
        if row["form_id"] in out:
            q = QuestionDef(
                id=row["question_key"],
                type=row["qtype"],
                text=row["text"],
                options=tuple((str(o["id"]), dict(o["text"])) for o in row["options"]),
                required=False,
                custom=True,
                active=bool(row["active"]),
            )
            form = out[row["form_id"]]
            out[row["form_id"]] = replace(form, questions=(*form.questions, q))
    return out


def _decode(registry: Any, table: Table, record: Any) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise registry.RecordError("not a record")
    decoded: dict[str, Any] = registry.BY_NAME[table.name].decode(record)
    return decoded


def _import_questions(
    s: Session, w: _Workshop, records: list[Any], report: ImportReport, registry: Any
) -> list[dict[str, Any]]:
    existing = {
        (form_id, key)
        for form_id, key in s.execute(
            select(EvaluationQuestion.form_id, EvaluationQuestion.question_key).where(
                EvaluationQuestion.workshop_id == w.id
            )
        )
    }
    ids = set(s.scalars(select(EvaluationQuestion.id).where(EvaluationQuestion.workshop_id == w.id)))
    out = []
    for i, record in enumerate(records, start=1):
        try:
            row = _decode(registry, _QUESTIONS, record)
        except (registry.RecordError, ValueError) as exc:
            report.rejected.append(
                Rejection(i, _ref(record), _("custom question: {reason}").format(reason=exc))
            )
            continue
        if row["workshop_id"] != w.id or row["form_id"] not in w.forms:
            report.rejected.append(Rejection(i, row["id"], _("custom question of another workshop or form")))
            continue
        if row["id"] in ids or (row["form_id"], row["question_key"]) in existing:
            continue
        existing.add((row["form_id"], row["question_key"]))
        out.append(row)
    report.questions_added = len(out)
    return out


def _ref(record: Any) -> str:
    return str(record.get("id", "")) if isinstance(record, dict) else ""


def _check_responses(
    s: Session, w: _Workshop, records: list[Any], report: ImportReport, registry: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    decoded: list[tuple[int, dict[str, Any]]] = []
    for i, record in enumerate(records, start=1):
        try:
            decoded.append((i, _decode(registry, _RESPONSES, record)))
        except (registry.RecordError, ValueError) as exc:
            report.rejected.append(Rejection(i, _ref(record), str(exc)))
    existing: dict[str, dict[str, Any]] = {}
    ids = [row["id"] for _i, row in decoded]
    for start in range(0, len(ids), 500):
        for found in s.execute(select(_RESPONSES).where(_RESPONSES.c.id.in_(ids[start : start + 500]))):
            existing[found.id] = dict(found._mapping)
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, row in decoded:
        reason = _response_problem(w, row)
        if reason is None and row["id"] in seen:
            reason = _("the file lists this response twice")
        if reason is not None:
            report.rejected.append(Rejection(i, row["id"], reason))
            continue
        seen.add(row["id"])
        if row["participant_id"] is None:  # anonymity holds whatever wrote the file
            row["created_at"] = day_start(row["created_at"].date())
            row["updated_at"] = day_start(row["updated_at"].date())
            row["language"] = ""
        current = existing.get(row["id"])
        if current is None:
            new.append(row)
        elif current["workshop_id"] != w.id:
            report.rejected.append(
                Rejection(i, row["id"], _("this response belongs to another workshop here"))
            )
        elif _order(row) > _order(current):
            changed.append(row)
        else:
            report.unchanged += 1
    return new, changed


def _response_problem(w: _Workshop, row: dict[str, Any]) -> str | None:
    if row["workshop_id"] != w.id:
        return _("it belongs to another workshop")
    form = w.forms.get(row["form_id"])
    if form is None:
        return _("unknown form '{form}'").format(form=row["form_id"])
    pid, code = row["participant_id"], row["anonymous_code"]
    if pid is not None and code is not None:
        return _("a response is either named or anonymous, not both")
    if pid is not None and pid not in w.enrolled:
        return _("participant {id} is not enrolled in this workshop").format(id=pid)
    if pid is None and parse_code(code or "") != code:
        return _("'{code}' is not an anonymous code").format(code=code or "")
    if row["session_id"] is not None and row["session_id"] not in w.sessions:
        return _("session {id} is not in this workshop's agenda").format(id=row["session_id"])
    if row["phase"] is not None and row["phase"] not in PHASES:
        return _("unknown phase '{phase}'").format(phase=row["phase"])
    if not isinstance(row["answers"], dict):
        return _("the answers are not a list of question ids and values")
    clean, problems = clean_answers(form, row["answers"], require=False)
    if problems:
        return "; ".join(problems)
    row["answers"] = clean
    return None


def _check_completions(
    s: Session, w: _Workshop, records: list[Any], report: ImportReport, registry: Any
) -> list[dict[str, Any]]:
    have = {
        (form_id, scope, pid)
        for form_id, scope, pid in s.execute(
            select(
                EvaluationCompletion.form_id, EvaluationCompletion.scope, EvaluationCompletion.participant_id
            ).where(EvaluationCompletion.workshop_id == w.id)
        )
    }
    ids = set(s.scalars(select(EvaluationCompletion.id).where(EvaluationCompletion.workshop_id == w.id)))
    out = []
    for i, record in enumerate(records, start=1):
        try:
            row = _decode(registry, _COMPLETIONS, record)
        except (registry.RecordError, ValueError) as exc:
            report.rejected.append(Rejection(i, _ref(record), _("completion: {reason}").format(reason=exc)))
            continue
        key = (row["form_id"], row["scope"], row["participant_id"])
        if row["workshop_id"] != w.id:
            reason: str | None = _("completion of another workshop")
        elif row["participant_id"] not in w.enrolled:
            reason = _("completion by participant {id}, who is not enrolled in this workshop").format(
                id=row["participant_id"]
            )
        elif row["form_id"] not in w.forms:
            reason = _("completion of unknown form '{form}'").format(form=row["form_id"])
        else:
            reason = None
        if reason is not None:
            report.rejected.append(Rejection(i, row["id"], reason))
            continue
        if key in have or row["id"] in ids:
            continue
        have.add(key)
        row["created_at"] = day_start(row["created_at"].date())
        row["updated_at"] = day_start(row["updated_at"].date())
        out.append(row)
    return out


# --- paper fallback ---------------------------------------------------------------------------------------
_PAPER_HEADERS: dict[str, tuple[str, ...]] = {
    "respondent": (
        "respondent",
        "participant",
        "code",
        "encuestado",
        "participante",
        "répondant",
        "repondant",
        "респондент",
        "участник",
    ),
    "form": ("form", "formulario", "formulaire", "форма", "анкета"),
    "question": ("question", "pregunta", "вопрос"),
    "answer": ("answer", "respuesta", "réponse", "reponse", "ответ"),
    "session": ("session", "sesión", "sesion", "séance", "seance", "сессия", "занятие"),
    "phase": ("phase", "fase", "этап"),
}
_REQUIRED_HEADERS = ("respondent", "form", "question", "answer")


def paper_response_id(workshop_id: str, respondent: str, form_id: str, session_id: str | None) -> str:
    """The same transcribed respondent, form and session always map to the same response (idempotent)."""
    return str(uuid.uuid5(PAPER_NAMESPACE, f"{workshop_id}|{respondent}|{form_id}|{session_id or ''}"))


@dataclass
class _Group:
    participant_id: str | None
    code: str | None
    form: FormDef
    session_id: str | None
    phase: str | None = None
    answers: dict[str, int | str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # question id -> row number


def import_paper(
    db: Database,
    workshop_ref: str,
    path: Path,
    dry_run: bool = False,
    strict: bool = False,
    today: dt.date | None = None,
) -> ImportReport:
    """Import transcribed paper forms: CSV/XLSX `respondent,form,question,answer` (optional `session`,
    `phase`). The respondent is a participant's e-mail or id (a named response, and a completion) or an
    anonymous code; rows of one respondent and form (and session) make one response, whose id is derived
    from them, so importing the same file again changes nothing. Bad rows are rejected with their row
    number and reason; the others are written (with `strict`, nothing is written when any row is bad).
    Unanswered questions are allowed on paper."""
    table = read_table(Path(path))
    header = [fold(h).replace(" ", "_") for h in table.header]
    columns: dict[str, int] = {}
    for key, names in _PAPER_HEADERS.items():
        folded = {fold(n).replace(" ", "_") for n in names}
        for index, name in enumerate(header):
            if name in folded:
                columns[key] = index
                break
    missing = [k for k in _REQUIRED_HEADERS if k not in columns]
    if missing:
        raise ValidationError(
            _(
                "This is not a responses file: the columns {missing} are missing. Expected: "
                "respondent,form,question,answer."
            ).format(missing=", ".join(missing))
        )
    report = ImportReport(dry_run=dry_run)
    day = today or dt.date.today()
    with db.transaction() as s:
        w = _load(s, load_workshop(s, workshop_ref))
        groups: dict[str, _Group] = {}
        for number, cells in zip(table.row_numbers, table.rows, strict=True):

            def cell(key: str, cells: list[str] = cells) -> str:
                i = columns.get(key)
                return cells[i].strip() if i is not None and i < len(cells) else ""

            problem = _paper_row(w, groups, number, cell)
            if problem is not None:
                report.rejected.append(Rejection(number, cell("respondent"), problem))
        _write_paper(s, db, w, groups, report, day, dry_run or (strict and bool(report.rejected)))
        if strict and report.rejected:
            report.added = report.updated = report.completions_added = 0
    return report


def _paper_row(
    w: _Workshop, groups: dict[str, _Group], number: int, cell: Callable[[str], str]
) -> str | None:
    """Add one row to its group; the reason when the row is refused."""
    reasons = []
    who = cell("respondent")
    pid = w.participant(who) if who else None
    code = None if pid else parse_code(who)
    if pid is None and code is None:
        reasons.append(
            _(
                "'{value}' is neither an enrolled participant (e-mail or id) nor an anonymous code such as MA-07-K-3"
            ).format(value=who)
        )
    form = w.forms.get(cell("form").lower())
    if form is None:
        reasons.append(_("unknown form '{value}'").format(value=cell("form")))
    session_id = None
    if cell("session"):
        session_id = w.session(cell("session"))
        if session_id is None:
            reasons.append(_("no session '{value}' in this workshop").format(value=cell("session")))
    phase = cell("phase").lower() or None
    if phase is not None and phase not in PHASES:
        reasons.append(_("the phase is 'pre' or 'post', not '{value}'").format(value=cell("phase")))
    question = form.question(cell("question")) if form else None
    if form is not None and question is None:
        reasons.append(
            _("question '{value}' is not in the form {form}").format(value=cell("question"), form=form.id)
        )
    if reasons:
        return "; ".join(reasons)
    assert form is not None and question is not None
    answer, problems = clean_answers(form, {question.id: cell("answer")}, require=False)
    if problems:
        return "; ".join(problems)
    respondent = pid or code or ""
    key = paper_response_id(w.id, respondent, form.id, session_id)
    group = groups.get(key)
    if group is None:
        group = groups[key] = _Group(pid, code, form, session_id, phase)
    if phase is not None and group.phase not in (None, phase):
        return _("this respondent's {form} is marked both 'pre' and 'post'").format(form=form.id)
    group.phase = group.phase or phase
    if question.id in group.rows:
        if group.answers.get(question.id) != answer.get(question.id):
            return _("{question} is answered differently on row {row} for the same respondent").format(
                question=question.id, row=group.rows[question.id]
            )
        return None
    group.rows[question.id] = number
    if question.id in answer:
        group.answers[question.id] = answer[question.id]
    return None


def _write_paper(
    s: Session,
    db: Database,
    w: _Workshop,
    groups: dict[str, _Group],
    report: ImportReport,
    day: dt.date,
    dry_run: bool,
) -> None:
    existing = (
        {r.id: r for r in s.execute(select(_RESPONSES).where(_RESPONSES.c.id.in_(list(groups))))}
        if groups
        else {}
    )
    new: list[dict[str, Any]] = []
    completions_: list[dict[str, Any]] = []
    changed: list[tuple[str, dict[str, Any]]] = []
    for key, g in groups.items():
        if not g.answers:
            continue  # a blank form: nothing to keep
        current = existing.get(key)
        if current is not None:
            if current.answers == g.answers and current.phase == g.phase:
                report.unchanged += 1
            else:
                changed.append((key, {"answers": g.answers, "phase": g.phase, "form_version": g.form.version,
                                      "revision": current.revision + 1, "updated_at": day_start(day),
                                      "device_id": db.device_id}))  # fmt: skip
            continue
        scope = g.session_id or WORKSHOP_SCOPE
        if g.participant_id is not None and _completed(s, w.id, g.form.id, scope, g.participant_id):
            for number in sorted(g.rows.values()):
                report.rejected.append(
                    Rejection(
                        number,
                        g.participant_id,
                        _("this participant has already completed {form}").format(form=g.form.id),
                    )
                )
            continue
        new.append(
            _record(
                db,
                w.id,
                g.form,
                g.answers,
                g.participant_id,
                g.code,
                g.session_id,
                g.phase,
                "paper",
                "",
                day,
                key,
            )
        )
        if g.participant_id is not None:
            completions_.append(_completion(db, w.id, g.form.id, scope, g.participant_id, day))
    report.added, report.updated, report.completions_added = len(new), len(changed), len(completions_)
    if dry_run:
        return
    if new:
        s.execute(insert(_RESPONSES), sorted(new, key=lambda r: r["id"]))
    for key, values in changed:
        s.execute(update(_RESPONSES).where(_RESPONSES.c.id == key).values(**values))
    if completions_:
        s.execute(insert(_COMPLETIONS), sorted(completions_, key=lambda r: r["id"]))
    report.written = True
