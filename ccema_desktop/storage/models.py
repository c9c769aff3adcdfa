"""SQLAlchemy 2.0 typed models.

Every record that travels to headquarters carries a UUID primary key, created/updated times, the device
that last changed it and a revision counter (see `SyncMixin`); `revision` only ever grows, so a merge can
tell which copy is newer. Translated curriculum texts are stored as JSON objects keyed by language.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    func,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores no zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use an aware UTC datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, dt.datetime: UTCDateTime}  # noqa: RUF012


class SyncMixin:
    """Columns every synced record has; revision and device are maintained by `storage.db`."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    device_id: Mapped[str] = mapped_column(String(36), default="")
    revision: Mapped[int] = mapped_column(Integer, default=1)


class DbMeta(Base):
    """Key/value facts about this database file: its id, the device id, the loaded curriculum version."""

    __tablename__ = "db_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CurriculumModule(SyncMixin, Base):
    __tablename__ = "curriculum_module"
    number: Mapped[int] = mapped_column(Integer, unique=True)
    version: Mapped[str] = mapped_column(String(32))
    title: Mapped[dict[str, Any]]
    summary: Mapped[dict[str, Any]]
    objectives: Mapped[list[Any]]
    background: Mapped[list[Any]]
    exercises: Mapped[list[Exercise]] = relationship(
        back_populates="module", order_by="Exercise.position", cascade="all, delete-orphan"
    )


class Exercise(SyncMixin, Base):
    __tablename__ = "exercise"
    __table_args__ = (UniqueConstraint("module_id", "code"),)
    module_id: Mapped[str] = mapped_column(ForeignKey("curriculum_module.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[dict[str, Any]]
    duration_minutes: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(32))
    group_size_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    group_size_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    objectives: Mapped[list[Any]]
    description: Mapped[dict[str, Any]]
    materials: Mapped[list[Any]]
    steps: Mapped[list[Any]]
    facilitator_notes: Mapped[dict[str, Any]]
    is_custom: Mapped[bool] = mapped_column(Boolean, default=False)
    module: Mapped[CurriculumModule] = relationship(back_populates="exercises")


class Workshop(SyncMixin, Base):
    __tablename__ = "workshop"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="national")
    host_countries: Mapped[list[Any]]
    venue: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(8))
    partners: Mapped[str] = mapped_column(Text, default="")
    funding: Mapped[str] = mapped_column(Text, default="")
    facilitators: Mapped[list[Any]]
    modules: Mapped[list[Any]]
    status: Mapped[str] = mapped_column(String(16), default="planned")
    day_start: Mapped[dt.time] = mapped_column(Time)
    day_end: Mapped[dt.time] = mapped_column(Time)
    attendance_threshold: Mapped[int] = mapped_column(Integer, default=80)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="", server_default="")
    sessions: Mapped[list[AgendaSession]] = relationship(
        back_populates="workshop",
        cascade="all, delete-orphan",
        order_by="(AgendaSession.date, AgendaSession.start_time)",
    )
    enrolments: Mapped[list[Enrolment]] = relationship(
        back_populates="workshop", cascade="all, delete-orphan"
    )


class AgendaSession(SyncMixin, Base):
    """One slot of the agenda (named to avoid confusion with the database session)."""

    __tablename__ = "agenda_session"
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="exercise")
    module_number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    exercise_id: Mapped[str | None] = mapped_column(
        ForeignKey("exercise.id", ondelete="SET NULL"), nullable=True
    )
    facilitator: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    workshop: Mapped[Workshop] = relationship(back_populates="sessions")


class Participant(SyncMixin, Base):
    """A person, kept once across workshops so 'unique individuals trained' can be counted."""

    __tablename__ = "participant"
    full_name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    sex: Mapped[str] = mapped_column(String(24), default="")
    organization: Mapped[str] = mapped_column(Text, default="")
    organization_key: Mapped[str] = mapped_column(Text, default="")
    sector: Mapped[str] = mapped_column(String(48), default="other")
    position: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    email: Mapped[str | None] = mapped_column(String(254), nullable=True, index=True)
    phone: Mapped[str] = mapped_column(String(64), default="")
    consent_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(8), default="")


class Enrolment(SyncMixin, Base):
    __tablename__ = "enrolment"
    __table_args__ = (UniqueConstraint("workshop_id", "participant_id"),)
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="participant")
    workshop: Mapped[Workshop] = relationship(back_populates="enrolments")
    participant: Mapped[Participant] = relationship()


class Attendance(SyncMixin, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)
    session_id: Mapped[str] = mapped_column(ForeignKey("agenda_session.id", ondelete="CASCADE"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    recorded_by: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


Index("ix_participant_name_org", Participant.name_key, Participant.organization_key)

SYNCED_MODELS: tuple[type[SyncMixin], ...] = (
    CurriculumModule,
    Exercise,
    Workshop,
    AgendaSession,
    Participant,
    Enrolment,
    Attendance,
)


# --- sync bundles (headquarters side) ----------------------------------------------------------------------
class SyncDevice(Base):
    """A venue laptop that sent bundles: its signing key is pinned on first sight (trust on first use)."""

    __tablename__ = "sync_device"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    bundles: Mapped[int] = mapped_column(Integer, default=0)


class SyncImport(Base):
    """One accepted bundle: re-importing the same bundle id with the same content hash is a no-op."""

    __tablename__ = "sync_import"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    workshop_id: Mapped[str] = mapped_column(String(36), index=True)
    format_version: Mapped[int] = mapped_column(Integer)
    bundle_created_at: Mapped[dt.datetime]
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    records_new: Mapped[int] = mapped_column(Integer, default=0)
    records_updated: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(Text, default="")


class SyncAlias(Base):
    """A record another device created under its own UUID that headquarters already had (same e-mail, ...)."""

    __tablename__ = "sync_alias"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    remote_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    local_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncConflict(Base):
    """The losing version when two devices changed the same record; kept for a coordinator to read."""

    __tablename__ = "sync_conflict"
    __table_args__ = (UniqueConstraint("table_name", "record_id", "loser_hash"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    winner_device_id: Mapped[str] = mapped_column(String(36))
    winner_revision: Mapped[int] = mapped_column(Integer)
    winner_updated_at: Mapped[dt.datetime]
    loser_device_id: Mapped[str] = mapped_column(String(36))
    loser_revision: Mapped[int] = mapped_column(Integer)
    loser_updated_at: Mapped[dt.datetime]
    loser_hash: Mapped[str] = mapped_column(String(64))
    loser_data: Mapped[dict[str, Any]]
    bundle_id: Mapped[str] = mapped_column(String(36))
    detected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# Headquarters finds the same person across workshops by e-mail, case-insensitively.
Index("ix_participant_email_lower", func.lower(Participant.email))


class Certificate(SyncMixin, Base):
    """A certificate issued to one participant of one workshop.

    The number (workshop code + sequence) and the verification code are assigned once, offline, and kept
    for good: regenerating reuses them, and rows are never deleted so a sequence is never given to someone
    else. The verification code travels to headquarters in bundles, where `ccema certificate verify` checks it.
    """

    __tablename__ = "certificate"
    __table_args__ = (
        # Named explicitly: the naming convention would give both the same name (PostgreSQL refuses that).
        UniqueConstraint("workshop_id", "participant_id", name="uq_certificate_workshop_participant"),
        UniqueConstraint("workshop_id", "sequence", name="uq_certificate_workshop_sequence"),
    )
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(48), unique=True)
    verification_code: Mapped[str] = mapped_column(String(16), unique=True)
    language: Mapped[str] = mapped_column(String(8), default="")
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


SYNCED_MODELS = (*SYNCED_MODELS, Certificate)


# --- evaluations -------------------------------------------------------------------------------------------
class EvaluationPlan(SyncMixin, Base):
    """Which evaluation forms a workshop uses, in order; without a row the default set applies
    (`services.forms.workshop_forms`)."""

    __tablename__ = "evaluation_plan"
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"), unique=True)
    forms: Mapped[list[Any]]


class EvaluationQuestion(SyncMixin, Base):
    """A facilitator's own question added to a shipped form for one workshop (id ``custom-...``).

    Questions are retired (`active` false), never deleted: old responses keep pointing at them.
    """

    __tablename__ = "evaluation_question"
    __table_args__ = (
        UniqueConstraint("workshop_id", "form_id", "question_key", name="uq_evaluation_question_key"),
    )
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    form_id: Mapped[str] = mapped_column(String(64))
    question_key: Mapped[str] = mapped_column(String(64))
    qtype: Mapped[str] = mapped_column(String(16))
    text: Mapped[dict[str, Any]]
    options: Mapped[list[Any]]
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class EvaluationResponse(SyncMixin, Base):
    """One filled-in form: the answers by question id, and the form version they answer.

    Anonymous responses carry only the self-generated code, never a participant id, and no time finer
    than a day (`created_at`, `updated_at` at midnight UTC, `submitted_on` a date); who completed a form
    is kept apart in `EvaluationCompletion`. On SQLite both tables are WITHOUT ROWID: rows are stored in
    key order (here workshop, form, random UUID), so no rowid records the order of insertion, which would pair an
    anonymous response with the completion written in the same transaction. (Inserting completions in
    shuffled batches was the alternative, but the kiosk writes one response at a time, and a batch of one
    cannot be shuffled.) What this does not hide: SQLite's free pages and WAL file may keep traces of
    recent writes until a checkpoint and VACUUM; and on PostgreSQL, which has no such table option, rows
    arrive through bundles merged in key order. Rows are written with Core inserts (never the ORM), so the
    revision hook in `storage.db` never stamps them with the current time.
    """

    __tablename__ = "evaluation_response"
    __table_args__ = (
        # Rows are clustered by workshop and form (results read them a form at a time), in random key
        # order within; `id` stays unique: sync upserts by it.
        PrimaryKeyConstraint("workshop_id", "form_id", "id", name="pk_evaluation_response"),
        UniqueConstraint("id", name="uq_evaluation_response_id"),
        {"sqlite_with_rowid": False},
    )
    id: Mapped[str] = mapped_column(String(36), default=new_id)
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[str] = mapped_column(String(32))
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="SET NULL"), nullable=True
    )
    participant_id: Mapped[str | None] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), nullable=True, index=True
    )
    anonymous_code: Mapped[str | None] = mapped_column(String(32), nullable=True)
    phase: Mapped[str | None] = mapped_column(String(8), nullable=True)
    source: Mapped[str] = mapped_column(String(16), default="kiosk")
    language: Mapped[str] = mapped_column(String(8), default="")
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]]


class EvaluationCompletion(SyncMixin, Base):
    """A participant completed a form (for a session, or `scope` "workshop"): tracked apart from answers.

    No link to the response, dates only (created/updated at midnight UTC), WITHOUT ROWID on SQLite (see
    `EvaluationResponse`).
    """

    __tablename__ = "evaluation_completion"
    __table_args__ = (
        UniqueConstraint(
            "workshop_id", "form_id", "scope", "participant_id", name="uq_evaluation_completion_key"
        ),
        {"sqlite_with_rowid": False},
    )
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    form_id: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(36))
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)


SYNCED_MODELS = (*SYNCED_MODELS, EvaluationPlan, EvaluationQuestion, EvaluationResponse, EvaluationCompletion)


class WorkshopFigures(Base):
    """Each workshop's part of the headquarters statistics (`services.workshop_figures`), kept between runs.

    `changes` is raised by database triggers (migration 0006) on every insert, update or delete of the
    workshop's sessions, attendance, enrolments and evaluation responses, whoever writes them; `data` (the
    parts as JSON) was computed when `changes` was `computed`, with shipped forms whose answer keys hash to
    `forms_key`. A row whose `computed` differs from `changes` is stale: computed again, never used. Not
    synced: each database derives its own.
    """

    __tablename__ = "workshop_figures"
    workshop_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    changes: Mapped[int] = mapped_column(Integer, default=0)
    computed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    forms_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    data: Mapped[str | None] = mapped_column(Text, nullable=True)


# --- headquarters inbox (uploads over HTTP, `ccema hq serve`) --------------------------------------------
class InboxDevice(Base):
    """A laptop known to the HTTP inbox and the coordinator's decision about it.

    `status` is pending (seen, waiting for a coordinator), approved or revoked. A laptop whose bundles were
    imported from files is trusted without a row here (the coordinator approved it by importing); a row
    records an explicit decision or a device waiting for one.
    """

    __tablename__ = "inbox_device"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    first_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[dt.datetime | None] = mapped_column(nullable=True)
    uploads: Mapped[int] = mapped_column(Integer, default=0)


class InboxHeld(Base):
    """A verified, decrypted bundle from a laptop not approved yet, kept until a coordinator decides.

    The payload is stored (zlib-compressed JSON) so approving needs only the database; the raw file stays
    in the inbox folder as received.
    """

    __tablename__ = "inbox_held"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    workshop_id: Mapped[str] = mapped_column(String(36))
    file_sha256: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    header: Mapped[dict[str, Any]]
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    file_name: Mapped[str] = mapped_column(Text, default="")
