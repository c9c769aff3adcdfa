"""The facilitator's Sync screen and the background outbox worker, checked against the outbox files and a
headquarters database (bundles saved from the screen are imported there for real)."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from ccema_desktop.context import AppContext
from ccema_desktop.gui.screens.sync import STATE, SyncScreen
from ccema_desktop.gui.services import GuiServices
from ccema_desktop.gui.sync_worker import SyncSnapshot, status_text, worker_for
from ccema_desktop.gui.tasks import TaskRunner
from ccema_desktop.services import demo
from ccema_desktop.services import workshops as ws
from ccema_desktop.sync import importer, keys, outbox
from tests.sync_helpers import Headquarters, headquarters


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Headquarters]:
    yield headquarters(tmp_path / "hq")


@pytest.fixture
def dead_url() -> str:
    """An inbox address where nothing answers (connection refused at once)."""
    return f"http://127.0.0.1:{_closed_port()}/inbox"


def _enrol(ctx: AppContext, hq: Headquarters, url: str | None) -> str:
    return keys.enroll(ctx.paths, hq.public_key, url).key_id


def _screen(qtbot, services: GuiServices) -> SyncScreen:  # type: ignore[no-untyped-def]
    screen = SyncScreen(services)
    qtbot.addWidget(screen)
    screen.resize(1100, 700)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _states(screen: SyncScreen) -> list[str]:
    model = screen.ui.table.model()
    return [model.index(row, STATE).data() for row in range(model.rowCount())]


def test_not_enrolled_says_how_to_enrol(qtbot, gui_services: GuiServices) -> None:  # type: ignore[no-untyped-def]
    gui_services.set_workshop(demo.ensure_demo_workshop(gui_services.db))
    screen = _screen(qtbot, gui_services)
    assert "not enrolled" in screen.ui.headquartersLabel.text()
    assert "ccema device enroll" in screen.ui.headquartersLabel.text()
    assert not screen.ui.syncButton.isEnabled()
    assert not screen.ui.reachLabel.isVisible()
    assert screen.ui.emptyLabel.isVisible()
    assert status_text(screen.worker.snapshot) == ""  # nothing in the status bar without a headquarters


def test_sync_now_queues_and_shows_honest_failure(qtbot, gui_services: GuiServices, hq, dead_url) -> None:  # type: ignore[no-untyped-def]
    ctx = gui_services.ctx
    key = _enrol(ctx, hq, dead_url)
    workshop = demo.ensure_demo_workshop(gui_services.db)
    gui_services.set_workshop(workshop)
    screen = _screen(qtbot, gui_services)
    text = screen.ui.headquartersLabel.text()
    assert dead_url in text and key in text
    assert "not been contacted" in screen.ui.reachLabel.text()  # nothing claimed before contacting it

    qtbot.mouseClick(screen.ui.syncButton, Qt.MouseButton.LeftButton)

    items = outbox.list_items(ctx)
    assert [(i.workshop_id, i.state, i.attempts) for i in items] == [(workshop, "failed", 1)]
    assert items[0].last_error and items[0].next_attempt_at is not None
    assert _states(screen) == ["Failed"]
    model = screen.ui.table.model()
    assert model.index(0, 5).data() == items[0].last_error  # the plain reason, as the outbox says
    assert model.index(0, 3).data() == "1"
    assert "not reachable" in screen.ui.reachLabel.text()
    assert "reachable:" not in screen.ui.reachLabel.text()
    assert "is in the outbox" in screen.ui.resultLabel.text()
    assert status_text(screen.worker.snapshot) == "Sync: 1 failed · headquarters not reachable"


def test_states_come_from_the_outbox(qtbot, gui_services: GuiServices, hq, dead_url) -> None:  # type: ignore[no-untyped-def]
    """Each state the outbox files hold is shown as it is (nothing is guessed by the screen)."""
    ctx = gui_services.ctx
    _enrol(ctx, hq, dead_url)
    workshop = demo.ensure_demo_workshop(gui_services.db)
    for _n in range(3):
        outbox.queue_workshop(ctx, workshop)
    import json

    states = {}
    for path, state in zip(
        sorted(ctx.paths.outbox.glob("*.state.json")), ["confirmed", "delivered", "waiting"], strict=True
    ):
        record = json.loads(path.read_text(encoding="utf-8"))
        record["state"] = state
        if state == "confirmed":
            record["confirmed_at"] = "2025-03-14T09:42:00+00:00"
        path.write_text(json.dumps(record), encoding="utf-8")
        states[record["bundle_id"]] = state
    screen = _screen(qtbot, gui_services)
    shown = {
        screen.model.item_at(r).bundle_id: screen.model.item_at(r).state
        for r in range(screen.model.rowCount())
    }
    assert shown == states
    assert sorted(_states(screen)) == sorted(["Confirmed", "Delivered, held", "Waiting"])
    text = status_text(screen.worker.snapshot)
    assert text.startswith("Sync: 1 waiting · 1 held at headquarters")
    assert "last confirmed" in text


def test_save_bundle_to_folder_writes_a_bundle_headquarters_imports(  # type: ignore[no-untyped-def]
    qtbot, gui_services: GuiServices, hq, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = gui_services.ctx
    _enrol(ctx, hq, None)  # a venue with no connection: USB sticks only
    workshop = demo.ensure_demo_workshop(gui_services.db)
    gui_services.set_workshop(workshop)
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(stick))
    screen = _screen(qtbot, gui_services)
    assert "USB" in screen.ui.headquartersLabel.text()
    assert not screen.ui.checkButton.isVisible()

    qtbot.mouseClick(screen.ui.saveButton, Qt.MouseButton.LeftButton)

    files = list(stick.glob("*.ccema-bundle.json"))
    assert len(files) == 1
    assert str(files[0]) in screen.ui.resultLabel.text()
    assert [i.trigger for i in outbox.list_items(ctx)] == ["folder"]  # kept in the outbox too
    hq_ctx = hq.context()
    try:
        results = importer.import_paths(hq_ctx, [stick])
        assert [r.status for r in results] == ["accepted"]
        assert ws.get_workshop(hq_ctx.db, workshop).participants == 25
    finally:
        hq_ctx.close()


def test_save_bundle_to_missing_folder_says_so(qtbot, gui_services: GuiServices, hq, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _enrol(gui_services.ctx, hq, None)
    gui_services.set_workshop(demo.ensure_demo_workshop(gui_services.db))
    screen = _screen(qtbot, gui_services)
    screen.save_to_folder(tmp_path / "unplugged")
    assert "does not exist" in screen.ui.resultLabel.text()
    assert outbox.list_items(gui_services.ctx) == []


def test_closing_a_workshop_queues_a_bundle(qtbot, gui_services: GuiServices, hq, dead_url) -> None:  # type: ignore[no-untyped-def]
    ctx = gui_services.ctx
    _enrol(ctx, hq, dead_url)
    workshop = demo.ensure_demo_workshop(gui_services.db)
    worker = worker_for(gui_services)
    worker.start()
    try:
        assert outbox.list_items(ctx) == []
        ws.set_status(gui_services.db, workshop, "running")
        gui_services.notify("workshops")
        assert outbox.list_items(ctx) == []
        ws.set_status(gui_services.db, workshop, "closed")
        gui_services.notify("workshops")
        assert [(i.workshop_id, i.trigger) for i in outbox.list_items(ctx)] == [(workshop, "closed")]
        gui_services.notify("workshops")  # still closed: no second bundle
        assert len(outbox.list_items(ctx)) == 1
    finally:
        worker.stop()


def test_worker_runs_off_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, qapp, hq, dead_url, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A headquarters that takes long to answer never freezes the window: the check runs on the runner."""
    _enrol(ctx, hq, dead_url)
    services = GuiServices(ctx, runner=TaskRunner())  # the real thread pool
    release = threading.Event()
    seen: dict[str, object] = {}

    def slow_check(_ctx: AppContext, timeout: float = 3.0) -> tuple[bool, str]:
        seen["thread"] = threading.current_thread()
        release.wait(10)
        return False, "slow network"

    monkeypatch.setattr(outbox, "check_reachable", slow_check)
    worker = worker_for(services)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    worker.cycle()
    assert time.monotonic() - started < 0.5  # cycle() returned at once
    qtbot.waitUntil(lambda: "thread" in seen and len(ticks) >= 5, timeout=3000)
    assert worker.running  # still waiting for headquarters, while the event loop ran
    assert seen["thread"] is not threading.main_thread()
    with qtbot.waitSignal(worker.changed, timeout=5000) as blocker:
        release.set()
    timer.stop()
    snapshot = blocker.args[0]
    assert isinstance(snapshot, SyncSnapshot)
    assert snapshot.reachable is False and snapshot.reach_detail == "slow network"
    services.runner.wait(5000)


def test_main_window_status_bar_and_timer(qtbot, gui_services: GuiServices, hq, dead_url) -> None:  # type: ignore[no-untyped-def]
    from ccema_desktop.gui.main_window import MainWindow

    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.sync_worker.is_active)  # started just after the first frame
    assert window.sync_worker.interval_ms == 60_000
    assert not window._sync_label.isVisible()  # no headquarters enrolled: nothing shown
    _enrol(gui_services.ctx, hq, dead_url)
    window.sync_worker.cycle()
    assert window._sync_label.isVisible()
    assert window._sync_label.text() == "Sync: headquarters not reachable"
    window.show_screen("sync")
    screen = window.screen_for("sync")
    assert isinstance(screen, SyncScreen)
    assert "not reachable" in screen.ui.reachLabel.text()
    window.close()
    assert not window.sync_worker.is_active()


def test_format_of_times_follows_the_language(gui_services: GuiServices) -> None:
    from ccema_desktop.gui.sync_worker import format_when
    from ccema_desktop.i18n import set_language

    today = dt.datetime.now().astimezone().replace(hour=10, minute=42)
    other = today - dt.timedelta(days=40)
    set_language("ru")
    try:
        assert format_when(today) == "10:42"
        assert "10:42" in format_when(other) and "," in format_when(other)
    finally:
        set_language("en")
    QApplication.processEvents()


def test_enrol_dialog_trusts_the_key_file_and_says_what_is_wrong(  # type: ignore[no-untyped-def]
    qtbot, gui_services: GuiServices, hq, tmp_path: Path
) -> None:
    from ccema_desktop.gui.screens.sync import EnrolDialog

    dialog = EnrolDialog(gui_services)
    qtbot.addWidget(dialog)
    dialog.show()
    bogus = tmp_path / "not-a-key.json"
    bogus.write_text("{}", encoding="utf-8")
    dialog.ui.keyFileEdit.setText(str(bogus))
    qtbot.keyClicks(dialog.ui.urlEdit, "http://hq.example.org/inbox")
    dialog.enrol()
    assert (
        dialog.ui.errorLabel.isVisible()
        and "not a headquarters public key file" in dialog.ui.errorLabel.text()
    )
    assert keys.enrolled_headquarters(gui_services.ctx.paths) is None
    dialog.ui.keyFileEdit.setText(str(hq.public_key))
    with qtbot.waitSignal(dialog.accepted):
        dialog.enrol()
    enrolled = keys.enrolled_headquarters(gui_services.ctx.paths)
    assert enrolled is not None and enrolled.inbox_url == "http://hq.example.org/inbox"
    assert dialog.key_id == enrolled.key_id
