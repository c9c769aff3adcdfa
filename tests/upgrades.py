"""Helpers shared by the data-safety tests (source install) and the packaging tests (frozen build).

A "newer version" is simulated by a copy of the Alembic scripts with one more revision after head: the app
reads its version scripts by path, so a copy with an extra file behaves like the next release's schema.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ccema_desktop.storage import migrate

FUTURE_REVISION = "9000_packaging_test_future"

SETTINGS = {
    "language": "fr",
    "content_language": "es",
    "recent_workshops": [],
    "facilitator_name": "Amélie Dubois",
    "demo_offered": True,
    "last_roster_dir": "",
}


def future_migration_source() -> str:
    """A revision after the current head: adds one table, keeps every row."""
    return (
        '"""a later schema revision, only for tests that simulate installing a newer version"""\n\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        f'revision = "{FUTURE_REVISION}"\n'
        f'down_revision = "{migrate.head_revision()}"\n'
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n"
        '    op.create_table("upgrade_probe", sa.Column("id", sa.Integer(), primary_key=True))\n\n\n'
        "def downgrade() -> None:\n"
        '    op.drop_table("upgrade_probe")\n'
    )


def newer_alembic_dir(dest: Path) -> Path:
    """A copy of the app's Alembic folder with the future revision added; returns the copy."""
    shutil.copytree(migrate.ALEMBIC_DIR, dest, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "versions" / f"{FUTURE_REVISION}.py").write_text(future_migration_source(), encoding="utf-8")
    return dest


def write_settings(data_dir: Path) -> Path:
    path = data_dir / "settings.json"
    path.write_text(json.dumps(SETTINGS, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def settings_kept(data_dir: Path) -> bool:
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    return all(saved.get(key) == value for key, value in SETTINGS.items() if key != "recent_workshops")


def _can(cmd: Sequence[str]) -> bool:
    try:
        return subprocess.run(list(cmd), capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def read_only_runner(folder: Path) -> list[str] | None:
    """A command prefix that runs a program with `folder` read-only, or None when this machine cannot.

    As root (who ignores file modes) a private mount namespace bind-mounts the folder read-only over itself;
    anyone else gets `chmod` (done by the caller through `make_read_only`)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("unshare") or not _can(["unshare", "-m", "true"]):
        return None
    script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(folder)]


def make_read_only(folder: Path) -> None:
    """Without root, remove write permission (root uses the mount namespace of `read_only_runner`)."""
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode & ~0o222)


def make_writable(folder: Path) -> None:
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | 0o200)


def full_disk_runner(folder: Path, size: str = "64k") -> list[str] | None:
    """A command prefix that runs a program with a tiny, soon full file system mounted at `folder`."""
    if os.geteuid() != 0 or not shutil.which("unshare") or not _can(["unshare", "-m", "true"]):
        return None
    script = f'mount -t tmpfs -o size={size} tmpfs "$0" && exec "$@"'
    return ["unshare", "-m", "sh", "-c", script, str(folder)]


def no_network_prefix() -> list[str]:
    """`unshare -n` (a network namespace with nothing in it) where allowed, else nothing."""
    unshare = shutil.which("unshare")
    if unshare and _can([unshare, "-n", "true"]):
        return [unshare, "-n"]
    return []
