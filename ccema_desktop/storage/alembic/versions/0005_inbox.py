"""headquarters inbox: devices waiting for approval, approved or revoked; bundles held until approval

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 04:00:00.000000

Only adds two tables, so it can be re-chained onto any revision without changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_device",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("uploads", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_inbox_device")),
    )
    op.create_table(
        "inbox_held",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("header", sa.JSON(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_inbox_held")),
    )
    with op.batch_alter_table("inbox_held", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inbox_held_device_id"), ["device_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inbox_held", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_held_device_id"))
    op.drop_table("inbox_held")
    op.drop_table("inbox_device")
