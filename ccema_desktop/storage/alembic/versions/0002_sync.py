"""sync bundles: devices, imported bundles, id aliases, conflict log; e-mail index for people across workshops

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 04:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_device",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=False),
        sa.Column("bundles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_sync_device")),
    )
    op.create_table(
        "sync_import",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.Column("bundle_created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("records_new", sa.Integer(), nullable=False),
        sa.Column("records_updated", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_sync_import")),
    )
    with op.batch_alter_table("sync_import", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_import_device_id"), ["device_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_import_workshop_id"), ["workshop_id"], unique=False)

    op.create_table(
        "sync_alias",
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("remote_id", sa.String(length=36), nullable=False),
        sa.Column("local_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "remote_id", name=op.f("pk_sync_alias")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("winner_device_id", sa.String(length=36), nullable=False),
        sa.Column("winner_revision", sa.Integer(), nullable=False),
        sa.Column("winner_updated_at", sa.DateTime(), nullable=False),
        sa.Column("loser_device_id", sa.String(length=36), nullable=False),
        sa.Column("loser_revision", sa.Integer(), nullable=False),
        sa.Column("loser_updated_at", sa.DateTime(), nullable=False),
        sa.Column("loser_hash", sa.String(length=64), nullable=False),
        sa.Column("loser_data", sa.JSON(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint(
            "table_name", "record_id", "loser_hash", name=op.f("uq_sync_conflict_table_name")
        ),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_record_id"), ["record_id"], unique=False)

    op.create_index("ix_participant_email_lower", "participant", [sa.text("lower(email)")], unique=False)


def downgrade() -> None:
    op.drop_index("ix_participant_email_lower", table_name="participant")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_record_id"))
    op.drop_table("sync_conflict")
    op.drop_table("sync_alias")
    with op.batch_alter_table("sync_import", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_import_workshop_id"))
        batch_op.drop_index(batch_op.f("ix_sync_import_device_id"))
    op.drop_table("sync_import")
    op.drop_table("sync_device")
