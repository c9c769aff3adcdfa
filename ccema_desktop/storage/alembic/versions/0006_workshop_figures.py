"""each workshop's part of the statistics kept for `ccema stats`, with triggers that mark it stale

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 10:00:00.000000

Adds the table `workshop_figures` and triggers on `agenda_session`, `attendance`, `enrolment` and
`evaluation_response` that raise the workshop's `changes` counter on every insert, update and delete (SQLite
triggers; on PostgreSQL one PL/pgSQL function each for direct and attendance rows). A kept row is used only
while its `computed` equals `changes`, so no writer (a merge, the app, the kiosk, paper imports, a deleted
person, plain SQL) can leave figures behind that no longer match the data.

A later batch migration that rebuilds one of these tables on SQLite drops its triggers: it must create them
again (`create_triggers`); `tests/test_workshop_figures.py` checks they all exist at head.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: Tables whose rows decide a workshop's figures -> the rows to insert for a row's workshop.
WATCHED = {
    "agenda_session": "VALUES ({row}.workshop_id, 1)",
    # A mark names its workshop through its session (none when the session is deleted with it: the
    # session's own delete bumps the workshop).
    "attendance": "SELECT workshop_id, 1 FROM agenda_session WHERE id = {row}.session_id",
    "enrolment": "VALUES ({row}.workshop_id, 1)",
    "evaluation_response": "VALUES ({row}.workshop_id, 1)",
}
_BUMP = (
    "INSERT INTO workshop_figures (workshop_id, changes) {rows} "
    "ON CONFLICT (workshop_id) DO UPDATE SET changes = workshop_figures.changes + 1"
)


def _bump(table: str, row: str) -> str:
    return _BUMP.format(rows=WATCHED[table].format(row=row))


def trigger_names() -> list[str]:
    return [f"trg_{table}_figures_{event}" for table in WATCHED for event in ("ins", "upd", "del")]


def create_triggers() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(
                f"CREATE OR REPLACE FUNCTION {table}_figures_bump() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                "BEGIN\n"
                f"  IF TG_OP <> 'INSERT' THEN {_bump(table, 'OLD')}; END IF;\n"
                f"  IF TG_OP <> 'DELETE' THEN {_bump(table, 'NEW')}; END IF;\n"
                "  RETURN NULL;\n"
                "END $$"
            )
            op.execute(
                f"CREATE TRIGGER trg_{table}_figures AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_figures_bump()"
            )
        return
    for table in WATCHED:
        op.execute(
            f"CREATE TRIGGER trg_{table}_figures_ins AFTER INSERT ON {table} BEGIN {_bump(table, 'NEW')}; END"
        )
        op.execute(
            f"CREATE TRIGGER trg_{table}_figures_upd AFTER UPDATE ON {table} BEGIN "
            f"{_bump(table, 'NEW')}; {_bump(table, 'OLD')}; END"
        )
        op.execute(
            f"CREATE TRIGGER trg_{table}_figures_del AFTER DELETE ON {table} BEGIN {_bump(table, 'OLD')}; END"
        )


def drop_triggers() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_figures ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_figures_bump()")
        return
    for name in trigger_names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    op.create_table(
        "workshop_figures",
        sa.Column("workshop_id", sa.String(length=36), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("computed", sa.Integer(), nullable=True),
        sa.Column("forms_key", sa.String(length=64), nullable=True),
        sa.Column("data", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("workshop_id", name=op.f("pk_workshop_figures")),
    )
    # Every workshop starts stale: its parts are computed when first needed.
    op.execute("INSERT INTO workshop_figures (workshop_id, changes) SELECT id, 1 FROM workshop")
    create_triggers()


def downgrade() -> None:
    drop_triggers()
    op.drop_table("workshop_figures")
