"""PySide's per-import check, answered from the module file: the same answers as PySide's own."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from ccema_desktop.gui import pyside_import_check


def _feature() -> types.ModuleType:
    return sys.modules["shibokensupport.feature"]


def test_the_faster_check_is_installed_once_with_the_desktop_app() -> None:
    import ccema_desktop.app  # noqa: F401

    check = _feature()._mod_uses_pyside
    assert getattr(check, "_ccema_fast", False)
    assert pyside_import_check.install() is True
    assert _feature()._mod_uses_pyside is check  # not wrapped twice


def test_same_answer_as_pyside_for_every_loaded_module() -> None:
    import ccema_desktop.app
    import ccema_desktop.gui.main_window
    import ccema_desktop.services.stats  # noqa: F401

    original = _feature()._mod_uses_pyside.__wrapped__
    modules = [m for name, m in list(sys.modules.items()) if name not in ("typing.io", "typing.re")]
    assert len(modules) > 150
    answers = {m.__name__: pyside_import_check.uses_pyside(m, original) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    assert answers["ccema_desktop.app"] is True
    assert answers["ccema_desktop.services.stats"] is False


def test_modules_without_a_readable_file_go_to_pyside(tmp_path: Path) -> None:
    asked: list[str] = []

    def fallback(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return True

    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "missing.py")
    compiled = types.ModuleType("compiled")
    compiled.__file__ = str(tmp_path / "mod.so")
    assert pyside_import_check.uses_pyside(gone, fallback) is True
    assert pyside_import_check.uses_pyside(types.ModuleType("builtin"), fallback) is True
    assert pyside_import_check.uses_pyside(compiled, fallback) is True
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n", encoding="utf-8")
    module = types.ModuleType("plain")
    module.__file__ = str(plain)
    assert pyside_import_check.uses_pyside(module, fallback) is False
    assert asked == ["gone", "builtin", "compiled"]


def test_nothing_is_changed_when_pyside_has_no_such_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.ModuleType("shibokensupport.feature"))
    assert pyside_import_check.install() is False


def test_a_feature_switch_still_works_after_it(tmp_path: Path) -> None:
    """PySide's snake_case feature needs its check to see that the module (a file) uses PySide6."""
    code = (
        "import ccema_desktop.gui.pyside_import_check\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from __feature__ import snake_case\n"
        "app = QApplication([])\n"
        "w = QWidget()\n"
        "w.set_window_title('x')\n"
        "assert w.window_title() == 'x'\n"
    )
    script = tmp_path / "feature_user.py"
    script.write_text(code, encoding="utf-8")
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
