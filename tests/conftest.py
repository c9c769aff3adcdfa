"""Shared fixtures: real SQLite files in temporary folders, real files to import, offscreen Qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CCEMA_LANG", "en")

import csv
import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.i18n import set_language

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _english_and_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.delenv("CCEMA_DB_URL", raising=False)
    monkeypatch.setenv("CCEMA_DATA_DIR", str(tmp_path / "default-data"))
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    context = open_context(data_dir)
    yield context
    context.close()


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def table_counts(db_file: Path) -> dict[str, int]:
    conn = sqlite3.connect(db_file)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def content_digest(db_file: Path) -> str:
    """A digest of every row of every table: equal digests mean nothing changed."""
    conn = sqlite3.connect(db_file)
    try:
        h = hashlib.sha256()
        names = sorted(r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"))
        for n in names:
            for row in conn.execute(f'SELECT * FROM "{n}" ORDER BY 1'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


def copy_fixture(name: str, dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / name, dest)
    return dest


@pytest.fixture
def gui_services(ctx: AppContext, qapp: object) -> Iterator[object]:
    """GuiServices over a fresh database with a synchronous task runner (clicks finish before asserts)."""
    from ccema_desktop.app import load_fonts
    from ccema_desktop.gui.services import GuiServices
    from ccema_desktop.gui.tasks import TaskRunner

    load_fonts(qapp)  # type: ignore[arg-type]
    services = GuiServices(ctx, runner=TaskRunner(synchronous=True))
    yield services
