"""The main window: navigation, workshop choice, demo workshop, language switch, no-display message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from ccema_desktop.gui.main_window import MainWindow
from ccema_desktop.i18n import current_language, set_language
from ccema_desktop.services import workshops as ws


def test_demo_workshop_and_language_switch(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    window.show()
    assert window.ui.workshopCombo.count() == 0
    window.ui.actionOpenDemo.trigger()
    (demo,) = ws.list_workshops(gui_services.db)
    assert demo.is_demo and demo.participants == 25
    assert gui_services.workshop_id == demo.id
    assert window.ui.demoBadge.isVisible()
    window.set_language("ru")
    assert current_language() == "ru"
    assert window.ui.menuFile.title() == "&Файл"
    assert gui_services.settings.language == "ru"
    window.set_language("en")
    assert window.ui.menuFile.title() == "&File"
    set_language("en")


def test_navigation_by_keyboard(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    window.show()
    if len(window.screens) > 1:
        window.ui.actionOpenDemo.trigger()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        assert window.ui.stack.currentIndex() == 1


def test_geometry_is_remembered(qtbot, gui_services) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(gui_services)
    qtbot.addWidget(window)
    window.show()
    window.resize(720, 540)
    window.close()
    again = MainWindow(gui_services)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (720, 540)


def test_smoke_test_and_no_display(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CCEMA_DATA_DIR": str(tmp_path / "d")}
    ok = subprocess.run(
        [sys.executable, "-m", "ccema_desktop", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    bare = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    bare["CCEMA_DATA_DIR"] = str(tmp_path / "d")
    no = subprocess.run(
        [sys.executable, "-m", "ccema_desktop"], env=bare, capture_output=True, text=True, timeout=60
    )
    assert no.returncode == 1
    assert "No display is available" in no.stderr and "xvfb-run" in no.stderr
    assert len(no.stderr.strip().splitlines()) == 1
