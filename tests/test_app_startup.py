"""Start-up: the window first (workshop list read with sqlite3), the database layer after the first paint,
screens built when needed, and a smoke test that waits for the recent workshop."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ccema_desktop import app as desktop
from ccema_desktop.context import AppContext, check_data_folder, open_context
from ccema_desktop.errors import KnownError
from ccema_desktop.gui import screens
from ccema_desktop.gui.main_window import MainWindow
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.tasks import TaskRunner
from ccema_desktop.i18n import set_language
from ccema_desktop.services import demo
from ccema_desktop.services import workshops as ws
from ccema_desktop.services.first_paint import read_workshops
from ccema_desktop.settings import Settings, save_settings

REPO = Path(__file__).resolve().parent.parent


def _folder_with_demo(data: Path, recent: bool = True) -> str:
    """A data folder at this version's schema with the demo workshop and another one (closed again)."""
    ctx = open_context(data, daily_backup=False)
    try:
        workshop = demo.ensure_demo_workshop(ctx.db)
        ws.create_workshop(
            ctx.db,
            ws.WorkshopInput(
                title="Atelier national",
                countries=["SN", "ML"],
                start=dt.date(2026, 5, 4),
                end=dt.date(2026, 5, 6),
                language="fr",
                venue="Dakar",
                modules=[1, 2],
                facilitators=["A. Diop"],
            ),
        )
    finally:
        ctx.close()
    save_settings(
        data / "settings.json",
        Settings(language="en", recent_workshops=[workshop] if recent else [], demo_offered=True),
    )
    return workshop


@pytest.fixture
def pending(tmp_path: Path, qapp: QApplication) -> Iterator[tuple[GuiServices, str]]:
    """GuiServices as the app makes them at start-up: a checked folder, the quick read, nothing open yet."""
    workshop = _folder_with_demo(tmp_path / "data")
    checked = check_data_folder(tmp_path / "data")
    assert checked.at_head and checked.sqlite_file is not None
    services = GuiServices(checked=checked, first_workshops=read_workshops(checked.sqlite_file))
    yield services, workshop
    services.runner.wait(10000)
    services.finish_opening()
    if services.is_open:
        services.ctx.close()


# --- the quick read -----------------------------------------------------------------------------------------
def test_quick_read_equals_the_workshop_service(ctx: AppContext) -> None:
    assert ctx.sqlite_file is not None
    assert read_workshops(ctx.sqlite_file) == ws.list_workshops(ctx.db) == []
    demo.ensure_demo_workshop(ctx.db)
    created = ws.create_workshop(
        ctx.db,
        ws.WorkshopInput(
            title="Региональный семинар",
            countries=["KZ", "KG"],
            start=dt.date(2026, 3, 14),
            end=dt.date(2026, 3, 16),
            language="ru",
            kind="regional",
            modules=[3, 1],
            partners="UNEP",
            facilitators=["И. Иванов", "J. Smith"],
            day_start=dt.time(8, 30),
            attendance_threshold=75,
        ),
    )
    ws.set_status(ctx.db, created.id, "running")
    expected = ws.list_workshops(ctx.db)
    assert len(expected) == 2 and all(w.sessions for w in expected)
    assert read_workshops(ctx.sqlite_file) == expected


def test_quick_read_gives_up_on_what_it_cannot_read(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE workshop (id TEXT)")
    assert read_workshops(other) is None
    assert read_workshops(tmp_path / "missing.sqlite") is None


def test_checking_the_folder_needs_no_database_layer(tmp_path: Path) -> None:
    _folder_with_demo(tmp_path / "data")
    code = (
        "import sys\n"
        "import ccema_desktop.app, ccema_desktop.gui.main_window, ccema_desktop.gui.screens.workshops\n"
        "from ccema_desktop.context import check_data_folder\n"
        "from ccema_desktop.services.first_paint import read_workshops\n"
        f"checked = check_data_folder({str(tmp_path / 'data')!r})\n"
        "assert checked.at_head and len(read_workshops(checked.sqlite_file)) == 2\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_only_a_database_at_head_is_read_quickly(tmp_path: Path) -> None:
    fresh = check_data_folder(tmp_path / "new")
    assert not fresh.at_head and fresh.sqlite_file is not None and not fresh.sqlite_file.exists()
    server = check_data_folder(tmp_path / "x", "postgresql+psycopg://u@127.0.0.1:5432/db")
    assert not server.at_head and server.sqlite_file is None
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "ccema.sqlite").write_bytes(b"not a database at all")
    with pytest.raises(KnownError, match="not a CCEMA Desktop database"):
        check_data_folder(tmp_path / "junk")


# --- the window before the database -------------------------------------------------------------------------
def test_window_shows_the_recent_workshop_before_the_database_opens(qtbot, pending) -> None:  # type: ignore[no-untyped-def]
    services, workshop = pending
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert not services.is_open
    assert window.first_load_done and services.workshop_id == workshop
    assert window.ui.workshopCombo.currentData() == workshop and len(window.workshop_ids()) == 2
    assert [s.key for s in window.built_screens()] == ["workshops"]
    with qtbot.waitSignal(window.first_frame, timeout=10000):
        window.show()
    assert desktop.smoke_test_problem(window, services) is None
    listed = window.screen_for("workshops")
    assert listed.is_loaded() and listed.ui.table.model().rowCount() == 2
    assert not services.is_open, "nothing opens the database until asked"

    with qtbot.waitSignal(services.core_opened, timeout=60000):
        services.open_in_background()
    assert services.is_open and services.first_workshops is None
    assert [w.id for w in ws.list_workshops(services.db)] == window.workshop_ids()
    agenda = window.screen_for("agenda")
    window.show_screen("agenda")
    assert window.ui.stack.currentWidget() is agenda
    qtbot.waitUntil(lambda: len(window.built_screens()) == len(window.screen_keys), timeout=30000)
    window.close()


def test_a_database_that_fails_to_open_later_is_reported(qtbot, pending, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    services, _workshop = pending

    def refuse(*_args: object, **_kwargs: object) -> AppContext:
        raise KnownError("The disk is full.")

    monkeypatch.setattr("ccema_desktop.context.open_checked", refuse)
    with qtbot.waitSignal(services.core_failed, timeout=30000) as failed:
        services.open_in_background()
    assert str(failed.args[0]) == "The disk is full."
    with pytest.raises(KnownError, match="disk is full"):
        services.db  # noqa: B018  (every later use says why)


def test_smoke_test_problem_until_the_list_has_loaded(qtbot, tmp_path: Path, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """With the database open first (the plain path), the list arrives from a worker thread later."""
    workshop = _folder_with_demo(tmp_path / "data")
    ctx = open_context(tmp_path / "data", daily_backup=False)
    services = GuiServices(ctx, runner=TaskRunner())
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        assert desktop.smoke_test_problem(window, services) == "the workshop list has not loaded"
        with qtbot.waitSignal(window.first_frame, timeout=30000):
            pass
        assert desktop.smoke_test_problem(window, services) is None
        assert window.ui.workshopCombo.currentData() == workshop
        window.close()
    finally:
        services.runner.wait(10000)
        ctx.close()


# --- screens from the registry ------------------------------------------------------------------------------
def test_registry_agrees_with_the_screen_classes(gui_services: GuiServices) -> None:
    entries = screens.available_screens()
    assert [e.key for e in entries][:2] == ["workshops", "agenda"]
    for entry in entries:
        screen_class = importlib.import_module(entry.module).SCREEN
        assert (screen_class.key, screen_class.needs_workshop) == (entry.key, entry.needs_workshop)
        screen = screen_class(gui_services)
        for lang in ("en", "ru"):
            set_language(lang)
            assert screen.nav_title() == entry.title()
        set_language("en")
        screen.deleteLater()


def test_a_screen_missing_from_the_build_is_not_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    missing = screens.ScreenEntry("not_in_this_build", True, lambda: "Missing")
    monkeypatch.setattr(screens, "REGISTRY", (*screens.REGISTRY, missing))
    keys = [e.key for e in screens.available_screens()]
    assert "not_in_this_build" not in keys and "workshops" in keys


def test_screens_are_built_on_first_visit_and_follow_the_language(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    keys = window.screen_keys
    assert window.ui.navigation.count() == len(keys) == len(window.ui.menuGo.actions())
    assert [s.key for s in window.built_screens()] == ["workshops"]
    try:
        window.set_language("ru")
        index = keys.index("curriculum")
        assert window.ui.navigation.item(index).text() == "Учебная программа"
        window.show()
        window.show_screen("curriculum")
        curriculum = window.screen_for("curriculum")
        assert window.ui.stack.currentWidget() is curriculum
        assert window.ui.stack.indexOf(curriculum) == index
        assert curriculum.nav_title() == window.ui.navigation.item(index).text()
    finally:
        window.set_language("en")
    assert len(window.screens) == len(keys)  # builds the rest
    assert [s.key for s in window.screens] == keys


# --- the whole program --------------------------------------------------------------------------------------
def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CCEMA_DATA_DIR": str(tmp_path / "default")}


def test_smoke_test_reports_the_window_then_the_database(tmp_path: Path) -> None:
    _folder_with_demo(tmp_path / "data")
    proc = subprocess.run(
        [sys.executable, "-m", "ccema_desktop", "--smoke-test", "--data-dir", str(tmp_path / "data")],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("smoke test: main window shown with its data (cpu ")
    assert lines[1].startswith("smoke test passed: main window shown; language en;")
    assert f"database {tmp_path / 'data' / 'ccema.sqlite'}" in lines[1]
    assert list((tmp_path / "data" / "backups").glob("daily-*.sqlite")), "the daily backup still happens"


def test_version_is_read_only_when_asked(tmp_path: Path) -> None:
    from importlib.metadata import version

    proc = subprocess.run(
        [sys.executable, "-m", "ccema_desktop", "--version"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and proc.stdout.strip() == f"ccema-desktop {version('ccema-desktop')}"


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "empty-database"])
def test_first_start_still_offers_create_or_demo(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    data = tmp_path / "data"
    if existing:  # a database at head with no workshop: the quick path
        open_context(data, daily_backup=False).close()
        assert check_data_folder(data).at_head
    offered: list[int] = []

    def welcome(window: MainWindow, _services: GuiServices) -> None:
        offered.append(len(window.workshop_ids()))
        window.close()
        qapp.exit(0)

    monkeypatch.setattr(desktop, "_welcome", welcome)
    qapp.setQuitOnLastWindowClosed(False)  # no quit left pending for the next test's event loop
    try:
        assert desktop.run(["ccema-desktop", "--data-dir", str(data)]) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert offered == [0]
