"""Data across versions and places, through the source install (fast; tests/test_packaging.py repeats the
end-to-end ones against the frozen build).

- Installing a newer version over an older one upgrades the database, after a backup, and keeps settings.
- Going back to an older version is refused with one message and exit code 1, never a traceback.
- Portable mode: a `ccema-portable` file next to the executable keeps all data beside it; a read-only or
  full stick gives one clear message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest

from ccema_desktop import paths
from ccema_desktop.context import open_context
from ccema_desktop.storage import migrate
from tests.conftest import REPO, content_digest, copy_fixture, table_counts
from tests.upgrades import (
    FUTURE_REVISION,
    full_disk_runner,
    make_read_only,
    make_writable,
    newer_alembic_dir,
    read_only_runner,
    settings_kept,
    write_settings,
)

FIRST_SCHEMA = "schema-0001.sqlite"


@pytest.fixture
def newer_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This process behaves as the next version: its schema has one revision more."""
    monkeypatch.setattr(migrate, "ALEMBIC_DIR", newer_alembic_dir(tmp_path / "alembic-next"))
    migrate._graph.cache_clear()
    yield
    monkeypatch.undo()
    migrate._graph.cache_clear()


def _env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session has, and nothing of the test's own (no CCEMA_DATA_DIR)."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "CCEMA_LANG": "en",
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def _assert_one_clear_line(proc: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    for fragment in fragments:
        assert fragment in lines[0]


# --- newer over older: upgrade with a backup, settings kept -------------------------------------------------
def test_newer_version_upgrades_after_a_backup_and_keeps_settings(tmp_path: Path, newer_app: None) -> None:
    data = tmp_path / "data"
    db_file = copy_fixture(FIRST_SCHEMA, data / "ccema.sqlite")
    write_settings(data)
    before_counts, before_digest = table_counts(db_file), content_digest(db_file)

    ctx = open_context(data)
    assert migrate.current_revision(ctx.db.engine) == FUTURE_REVISION
    ctx.close()

    (backup,) = (data / "backups").glob("pre-upgrade-*.sqlite")
    assert backup.name.startswith("pre-upgrade-0001-")  # named after the revision it was taken at
    assert content_digest(backup) == before_digest  # the backup is the database as the old version left it
    after = table_counts(db_file)
    assert "upgrade_probe" in after
    assert all(after[table] >= count for table, count in before_counts.items() if table != "alembic_version")
    assert settings_kept(data)


# --- older over newer: refused, one message, nothing touched ------------------------------------------------
@pytest.fixture
def newer_database(tmp_path: Path, newer_app: None) -> Path:
    """A data folder last opened by the next version (its schema is unknown to this one)."""
    data = tmp_path / "data"
    copy_fixture(FIRST_SCHEMA, data / "ccema.sqlite")
    write_settings(data)
    open_context(data, daily_backup=False).close()
    return data


@pytest.mark.parametrize(
    "program",
    [["-m", "ccema_desktop.cli", "workshop", "list"], ["-m", "ccema_desktop", "--smoke-test"]],
    ids=["ccema", "ccema-desktop"],
)
def test_older_version_refuses_a_newer_database(
    tmp_path: Path, newer_database: Path, program: list[str]
) -> None:
    db_file = newer_database / "ccema.sqlite"
    before = db_file.read_bytes()
    proc = subprocess.run(
        [sys.executable, *program[:2], "--data-dir", str(newer_database), *program[2:]],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=120,
    )
    _assert_one_clear_line(proc, "newer version of CCEMA Desktop", FUTURE_REVISION)
    assert db_file.read_bytes() == before
    assert settings_kept(newer_database)


# --- portable mode ------------------------------------------------------------------------------------------
def test_portable_marker_keeps_data_beside_the_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CCEMA_DATA_DIR", raising=False)
    app_dir = tmp_path / "USB" / "ccema-desktop"
    app_dir.mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(app_dir / "ccema-desktop"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    installed = Path(platformdirs.user_data_dir(paths.APP_NAME, paths.APP_AUTHOR))

    assert paths.resolve_data_dir().root == installed  # no marker: the user's data folder
    (app_dir / paths.PORTABLE_MARKER).touch()
    portable = paths.resolve_data_dir()
    assert portable.root == (app_dir / "ccema-data").resolve()
    for folder in (
        portable.database,
        portable.backups,
        portable.keys,
        portable.outbox,
        portable.settings_file,
    ):
        assert portable.root in folder.parents
    # an explicit choice still wins over the marker
    assert paths.resolve_data_dir(tmp_path / "elsewhere").root == (tmp_path / "elsewhere").resolve()
    monkeypatch.setenv("CCEMA_DATA_DIR", str(tmp_path / "env"))
    assert paths.resolve_data_dir().root == (tmp_path / "env").resolve()
    # a source install (not frozen) ignores a stray marker next to the Python interpreter
    monkeypatch.delenv("CCEMA_DATA_DIR")
    monkeypatch.setattr(sys, "frozen", False)
    assert paths.resolve_data_dir().root == installed


#: Runs the app as the frozen build would: sys.frozen set and sys.executable inside the (USB) folder.
AS_FROZEN = {
    "ccema": (
        "import sys; exe = sys.argv.pop(1); sys.frozen = True; sys.executable = exe\n"
        "from ccema_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    ),
    "ccema-desktop": (
        "import sys; exe = sys.argv.pop(1); sys.frozen = True; sys.executable = exe\n"
        "from ccema_desktop.app import run; sys.exit(run(['ccema-desktop', *sys.argv[1:]]))"
    ),
}
ARGS = {"ccema": ["curriculum", "list"], "ccema-desktop": ["--smoke-test"]}


def _usb_app(tmp_path: Path) -> Path:
    app_dir = tmp_path / "USB" / "ccema-desktop"
    app_dir.mkdir(parents=True)
    (app_dir / paths.PORTABLE_MARKER).touch()
    return app_dir


def _run_as_frozen(
    prefix: list[str], app_dir: Path, program: str, home: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-c", AS_FROZEN[program], str(app_dir / program), *ARGS[program]],
        capture_output=True,
        text=True,
        env=_env(home, PYTHONPATH=str(REPO)),
        timeout=120,
    )


@pytest.mark.parametrize("used_before", [False, True], ids=["new-stick", "stick-with-data"])
@pytest.mark.parametrize("program", ["ccema", "ccema-desktop"])
def test_portable_on_a_read_only_stick_says_so(tmp_path: Path, program: str, used_before: bool) -> None:
    app_dir = _usb_app(tmp_path)
    if used_before:  # the stick was used, then its write-protect switch turned on
        assert _run_as_frozen([], app_dir, "ccema", tmp_path).returncode == 0
    data = app_dir / "ccema-data"
    before = content_digest(data / "ccema.sqlite") if used_before else None
    prefix = read_only_runner(app_dir)
    if prefix is None:
        pytest.skip("cannot make a read-only folder here (needs unshare -m as root, or a non-root user)")
    make_read_only(app_dir)
    try:
        proc = _run_as_frozen(prefix, app_dir, program, tmp_path)
    finally:
        make_writable(app_dir)
    _assert_one_clear_line(proc, "Cannot write to the data folder", str(data))
    assert "Read-only file system" in proc.stderr or "Permission denied" in proc.stderr
    if used_before:
        assert content_digest(data / "ccema.sqlite") == before
    else:
        assert not data.exists()


@pytest.mark.parametrize("program", ["ccema", "ccema-desktop"])
def test_portable_on_a_full_stick_says_so(tmp_path: Path, program: str) -> None:
    app_dir = _usb_app(tmp_path)
    (app_dir / "ccema-data").mkdir()
    prefix = full_disk_runner(app_dir / "ccema-data")
    if prefix is None:
        pytest.skip("mounting a tiny file system needs root and unshare -m")
    proc = _run_as_frozen(prefix, app_dir, program, tmp_path)
    _assert_one_clear_line(proc, str(app_dir / "ccema-data"))
    assert "disk is full" in proc.stderr or "No space left" in proc.stderr


def test_portable_data_really_lands_beside_the_executable(tmp_path: Path) -> None:
    app_dir = _usb_app(tmp_path)
    proc = _run_as_frozen([], app_dir, "ccema", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (app_dir / "ccema-data" / "ccema.sqlite").exists()
    assert not (tmp_path / ".local").exists()  # nothing written in the borrowed machine's home
    assert os.listdir(app_dir / "ccema-data" / "backups")
