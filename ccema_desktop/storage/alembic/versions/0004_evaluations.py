"""evaluations: form plans, custom questions, responses and completions

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:00:00.000000

Only new tables, so it can be re-chained onto any revision without changes. Responses and completions are
WITHOUT ROWID on SQLite (stored in key order, never in insertion order, so the order cannot pair an
anonymous response with a completion); the option is ignored by PostgreSQL. Responses are keyed by
(workshop, form, random UUID), with the UUID unique on its own, so a workshop's answers to a form sit
together. A later batch migration that rebuilds these tables must keep `sqlite_with_rowid=False`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
    ]


def _workshop_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["workshop_id"], ["workshop.id"], name=op.f(f"fk_{table}_workshop_id_workshop"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "evaluation_plan",
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("forms", sa.JSON(), nullable=False),
        *_sync_columns(),
        _workshop_fk("evaluation_plan"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_plan")),
        sa.UniqueConstraint("workshop_id", name=op.f("uq_evaluation_plan_workshop_id")),
    )
    op.create_table(
        "evaluation_question",
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("question_key", sa.String(length=64), nullable=False),
        sa.Column("qtype", sa.String(length=16), nullable=False),
        sa.Column("text", sa.JSON(), nullable=False),
        sa.Column("options", sa.JSON(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_sync_columns(),
        _workshop_fk("evaluation_question"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_question")),
        sa.UniqueConstraint("workshop_id", "form_id", "question_key", name="uq_evaluation_question_key"),
    )
    op.create_table(
        "evaluation_response",
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("form_version", sa.String(length=32), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("participant_id", sa.String(length=36), nullable=True),
        sa.Column("anonymous_code", sa.String(length=32), nullable=True),
        sa.Column("phase", sa.String(length=8), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_evaluation_response_participant_id_participant"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["agenda_session.id"],
            name=op.f("fk_evaluation_response_session_id_agenda_session"),
            ondelete="SET NULL",
        ),
        _workshop_fk("evaluation_response"),
        sa.PrimaryKeyConstraint("workshop_id", "form_id", "id", name="pk_evaluation_response"),
        sa.UniqueConstraint("id", name="uq_evaluation_response_id"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("evaluation_response", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_response_participant_id"), ["participant_id"], unique=False
        )
    op.create_table(
        "evaluation_completion",
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=op.f("fk_evaluation_completion_participant_id_participant"),
            ondelete="CASCADE",
        ),
        _workshop_fk("evaluation_completion"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_completion")),
        sa.UniqueConstraint(
            "workshop_id", "form_id", "scope", "participant_id", name="uq_evaluation_completion_key"
        ),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("evaluation_completion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_completion_participant_id"), ["participant_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("evaluation_completion")
    op.drop_table("evaluation_response")
    op.drop_table("evaluation_question")
    op.drop_table("evaluation_plan")
