"""Which tables travel in a bundle, how each is scoped to one workshop, and how its columns become JSON.

The bundle format is generic: a payload maps table names to lists of records, every record carrying all of
its table's columns (UUID, revision, updated time and origin device included). A new synced table joins
bundles with one line in `REGISTRY`, for example (once those tables exist):

    SyncedTable(Certificate, BY_WORKSHOP, natural_key=("workshop_id", "participant_id")),
    SyncedTable(EvaluationResponse, BY_WORKSHOP_ENROLLED),

Order matters: a table comes after the tables its foreign keys point to. Older bundles simply lack the
newer tables (read as empty lists), so they stay importable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, cast

from sqlalchemy import (
    JSON,
    Boolean,
    ColumnElement,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    Time,
    and_,
    or_,
    select,
)
from sqlalchemy.sql.schema import Column

from ccema_desktop.storage.models import (
    SYNCED_MODELS,
    AgendaSession,
    Attendance,
    Certificate,
    CurriculumModule,
    Enrolment,
    EvaluationCompletion,
    EvaluationPlan,
    EvaluationQuestion,
    EvaluationResponse,
    Exercise,
    Participant,
    SyncMixin,
    Workshop,
)

#: Bookkeeping columns every synced record has; the rest is the record's content.
SYNC_COLUMNS = ("id", "created_at", "updated_at", "device_id", "revision")
_INT_LIMIT = 2**31


class BundleIndex(Protocol):
    """What a scope needs to know about the bundle being checked."""

    workshop_id: str

    def ids(self, table: str) -> set[str]: ...

    def values(self, table: str, column: str) -> set[Any]: ...


class Scope(Protocol):
    """How the records of a table that belong to one workshop are found (export) and checked (import)."""

    @property
    def owner_column(self) -> str | None:
        """A column that must keep its value at headquarters (a record never moves to another workshop)."""

    def where(self, table: Table, workshop_id: str) -> ColumnElement[bool]: ...

    def contains(self, record: dict[str, Any], bundle: BundleIndex) -> bool: ...


@dataclass(frozen=True)
class TheWorkshop:
    owner_column: str | None = None

    def where(self, table: Table, workshop_id: str) -> ColumnElement[bool]:
        return table.c.id == workshop_id

    def contains(self, record: dict[str, Any], bundle: BundleIndex) -> bool:
        return bool(record.get("id") == bundle.workshop_id)


@dataclass(frozen=True)
class ByWorkshop:
    """Records with a `workshop_id` column: sessions, enrolments, and later certificates and evaluations."""

    owner_column: str | None = "workshop_id"

    def where(self, table: Table, workshop_id: str) -> ColumnElement[bool]:
        return table.c.workshop_id == workshop_id

    def contains(self, record: dict[str, Any], bundle: BundleIndex) -> bool:
        return bool(record.get("workshop_id") == bundle.workshop_id)


@dataclass(frozen=True)
class BySession:
    """Records hanging off an agenda session of the workshop (attendance marks)."""

    owner_column: str | None = "session_id"

    def where(self, table: Table, workshop_id: str) -> ColumnElement[bool]:
        sessions = select(AgendaSession.id).where(AgendaSession.workshop_id == workshop_id)
        return table.c.session_id.in_(sessions)

    def contains(self, record: dict[str, Any], bundle: BundleIndex) -> bool:
        return record.get("session_id") in bundle.ids(AgendaSession.__tablename__)


@dataclass(frozen=True)
class Enrolled:
    """People enrolled in the workshop (a person is shared by all the workshops they attend)."""

    owner_column: str | None = None

    def where(self, table: Table, workshop_id: str) -> ColumnElement[bool]:
        enrolled = select(Enrolment.participant_id).where(Enrolment.workshop_id == workshop_id)
        return table.c.id.in_(enrolled)

    def contains(self, record: dict[str, Any], bundle: BundleIndex) -> bool:
        return record.get("id") in bundle.values(Enrolment.__tablename__, "participant_id")


@dataclass(frozen=True)
class UsedCustomExercises:
    """A facilitator's own exercises used in the agenda (shipped ones travel as references only)."""

    owner_column: str | None = None

    def where(self, table: Table, workshop_id: str) -> ColumnElement[bool]:
        used = select(AgendaSession.exercise_id).where(AgendaSession.workshop_id == workshop_id)
        return and_(table.c.is_custom.is_(True), table.c.id.in_(used))

    def contains(self, record: dict[str, Any], bundle: BundleIndex) -> bool:
        return record.get("is_custom") is True and record.get("id") in bundle.values(
            AgendaSession.__tablename__, "exercise_id"
        )


@dataclass(frozen=True)
class ByWorkshopEnrolled:
    """Evaluation records of the workshop whose participant (if any) is still enrolled in it.

    A person taken off the workshop leaves their named responses and completions on the laptop, but they do
    not travel: the bundle carries only enrolled people, and a record pointing at someone missing would get
    the whole bundle rejected. Anonymous responses (no participant) always travel.
    """

    owner_column: str | None = "workshop_id"

    def where(self, table: Table, workshop_id: str) -> ColumnElement[bool]:
        enrolled = select(Enrolment.participant_id).where(Enrolment.workshop_id == workshop_id)
        return and_(
            table.c.workshop_id == workshop_id,
            or_(table.c.participant_id.is_(None), table.c.participant_id.in_(enrolled)),
        )

    def contains(self, record: dict[str, Any], bundle: BundleIndex) -> bool:
        if record.get("workshop_id") != bundle.workshop_id:
            return False
        person = record.get("participant_id")
        return person is None or person in bundle.values(Enrolment.__tablename__, "participant_id")


THE_WORKSHOP = TheWorkshop()
BY_WORKSHOP = ByWorkshop()
BY_SESSION = BySession()
ENROLLED = Enrolled()
USED_CUSTOM_EXERCISES = UsedCustomExercises()
BY_WORKSHOP_ENROLLED = ByWorkshopEnrolled()


class RecordError(ValueError):
    """A value in a bundle record that this table cannot hold."""


_MISSING: Any = object()


@dataclass(frozen=True)
class ColumnCodec:
    """JSON <-> Python for one column, with the checks the database would otherwise fail on."""

    name: str
    decode: Callable[[Any], Any]
    encode: Callable[[Any], Any]
    nullable: bool
    default: Any = _MISSING


#: How deep a free-form JSON value in a record may nest (curriculum texts need 4).
MAX_JSON_DEPTH = 16


def depth_ok(value: Any, limit: int) -> bool:
    """True when `value` nests at most `limit` containers deep (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, dict | list))
    return True


def _json_in(value: Any) -> Any:
    if isinstance(value, dict | list) and not depth_ok(value, MAX_JSON_DEPTH):
        raise RecordError(f"nested more than {MAX_JSON_DEPTH} levels deep")
    return value


def _datetime_in(value: Any) -> dt.datetime:
    if type(value) is not str:
        raise RecordError("expected a date-time string")
    return _utc(value)


@lru_cache(maxsize=4096)
def _utc(value: str) -> dt.datetime:
    """Records written together share their times (a roster import, a roll call): parse each text once."""
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise RecordError("date-time without a time zone")
    return parsed.astimezone(dt.UTC)


def _date_in(value: Any) -> dt.date:
    if type(value) is not str or len(value) != 10:
        raise RecordError("expected a YYYY-MM-DD date")
    return dt.date.fromisoformat(value)


def _time_in(value: Any) -> dt.time:
    if type(value) is not str:
        raise RecordError("expected an HH:MM:SS time")
    parsed = dt.time.fromisoformat(value)
    if parsed.tzinfo is not None:
        raise RecordError("time with a time zone")
    return parsed


def _bool_in(value: Any) -> bool:
    if type(value) is not bool:
        raise RecordError("expected true or false")
    return value


def _int_in(value: Any) -> int:
    if type(value) is not int or not -_INT_LIMIT <= value < _INT_LIMIT:
        raise RecordError("expected a whole number")
    return value


def _str_in(max_length: int | None) -> Callable[[Any], str]:
    def decode(value: Any) -> str:
        if type(value) is not str:
            raise RecordError("expected text")
        if max_length is not None and len(value) > max_length:
            raise RecordError(f"text longer than {max_length} characters")
        if "\x00" in value:
            raise RecordError("text with a NUL character")
        return value

    return decode


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _same(value: Any) -> Any:
    return value


def _codec(column: Column[Any]) -> ColumnCodec:
    kind = column.type
    decode: Callable[[Any], Any]
    encode: Callable[[Any], Any] = _same
    if isinstance(kind, JSON):
        decode = _json_in
    elif isinstance(kind, DateTime) or isinstance(getattr(kind, "impl", None), DateTime):
        decode, encode = _datetime_in, _iso
    elif isinstance(kind, Date):
        decode, encode = _date_in, _iso
    elif isinstance(kind, Time):
        decode, encode = _time_in, _iso
    elif isinstance(kind, Boolean):
        decode = _bool_in
    elif isinstance(kind, Integer):
        decode = _int_in
    elif isinstance(kind, String):
        decode = _str_in(kind.length)
    else:  # pragma: no cover - a new column type needs a codec here
        raise TypeError(f"no bundle codec for {column.table.name}.{column.name} ({kind!r})")
    default = _MISSING
    if column.default is not None and getattr(column.default, "is_scalar", False):
        default = getattr(column.default, "arg", _MISSING)
    return ColumnCodec(column.name, decode, encode, bool(column.nullable), default)


@dataclass(frozen=True)
class SyncedTable:
    """One table that travels in bundles."""

    model: type[SyncMixin]
    scope: Scope
    #: Columns that identify the same record created under another UUID on another device (merged as one).
    natural_key: tuple[str, ...] = ()
    #: Compare the natural key case-insensitively (e-mail addresses).
    fold_case: bool = False
    codecs: tuple[ColumnCodec, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "codecs", tuple(_codec(c) for c in self.table.columns))

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def table(self) -> Table:
        return cast(Table, self.model.__table__)  # type: ignore[attr-defined]

    @property
    def content_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.codecs if c.name not in SYNC_COLUMNS)

    def foreign_keys(self) -> dict[str, str]:
        """Column name -> referenced table name."""
        return {fk.parent.name: fk.column.table.name for fk in self.table.foreign_keys}

    def encode(self, row: Any) -> dict[str, Any]:
        mapping = row._mapping
        return {c.name: c.encode(mapping[c.name]) for c in self.codecs}

    def decode(self, record: dict[str, Any]) -> dict[str, Any]:
        """Python values for every column; unknown keys (from a newer app) are ignored."""
        out: dict[str, Any] = {}
        for codec in self.codecs:
            value = record.get(codec.name, _MISSING)
            if value is _MISSING:
                if codec.default is not _MISSING:
                    out[codec.name] = codec.default
                    continue
                if codec.nullable:
                    out[codec.name] = None
                    continue
                raise RecordError(f"'{codec.name}' is missing")
            if value is None:
                if not codec.nullable:
                    raise RecordError(f"'{codec.name}' is empty")
                out[codec.name] = None
                continue
            try:
                out[codec.name] = codec.decode(value)
            except RecordError as exc:
                raise RecordError(f"'{codec.name}': {exc}") from None
            except ValueError:
                raise RecordError(f"'{codec.name}': {value!r} is not valid") from None
        return out


REGISTRY: tuple[SyncedTable, ...] = (
    SyncedTable(Workshop, THE_WORKSHOP),
    SyncedTable(Exercise, USED_CUSTOM_EXERCISES),
    SyncedTable(AgendaSession, BY_WORKSHOP),
    SyncedTable(Participant, ENROLLED, natural_key=("email",), fold_case=True),
    SyncedTable(Enrolment, BY_WORKSHOP, natural_key=("workshop_id", "participant_id")),
    SyncedTable(Attendance, BY_SESSION, natural_key=("session_id", "participant_id")),
    SyncedTable(Certificate, BY_WORKSHOP, natural_key=("workshop_id", "participant_id")),
    SyncedTable(EvaluationPlan, BY_WORKSHOP, natural_key=("workshop_id",)),
    SyncedTable(EvaluationQuestion, BY_WORKSHOP, natural_key=("workshop_id", "form_id", "question_key")),
    # Responses are upserted by their UUID only: two responses are never "the same" by content.
    SyncedTable(EvaluationResponse, BY_WORKSHOP_ENROLLED),
    SyncedTable(
        EvaluationCompletion,
        BY_WORKSHOP_ENROLLED,
        natural_key=("workshop_id", "form_id", "scope", "participant_id"),
    ),
)

#: Synced models that do not travel as records: the shipped curriculum is referenced by module number and
#: exercise code (each installation loads it under its own UUIDs).
NOT_IN_BUNDLES: tuple[type[SyncMixin], ...] = (CurriculumModule,)

BY_NAME: dict[str, SyncedTable] = {t.name: t for t in REGISTRY}


def unregistered_models() -> list[str]:
    """Synced models that neither travel nor are excluded on purpose (a test keeps this empty)."""
    known = {t.model for t in REGISTRY} | set(NOT_IN_BUNDLES)
    return [m.__tablename__ for m in SYNCED_MODELS if m not in known]  # type: ignore[attr-defined]
