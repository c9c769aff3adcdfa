"""Compile ui/*.ui (Qt Designer) into ccema_desktop/gui/forms/ui_*.py with pyside6-uic.

    python -m ccema_desktop.gui.build_forms

Texts in the forms go through gettext like the rest of the app: uic's `QCoreApplication.translate(ctx, text)`
calls are rewritten to `_(text)`, so pybabel extracts them and `retranslateUi()` follows a live language
switch. uic imports a fixed list of Qt classes whatever the form uses; PySide6 builds each class on first use
(QConicalGradient, QIcon, QPainter... a few milliseconds each), so names the form does not use are dropped:
that takes about 13 ms off the main window's start-up. The generated files are committed;
`tests/test_gui_forms.py` fails when one is stale.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_DIR = ROOT / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"
_TRANSLATE = re.compile(r'QCoreApplication\.translate\("[^"]*", u?("(?:[^"\\]|\\.)*"), None\)')
_QT_IMPORT = re.compile(r"^from (PySide6\.\w+) import \(([^)]*)\)\n", re.MULTILINE)
HEADER = "# Generated from ui/{name} by ccema_desktop.gui.build_forms: do not edit.\n# ruff: noqa\n# mypy: ignore-errors\n"


def _uic() -> str:
    local = Path(sys.executable).parent / "pyside6-uic"
    return str(local) if local.exists() else (shutil.which("pyside6-uic") or "pyside6-uic")


def _drop_unused_imports(source: str) -> str:
    """Keep only the Qt names the form's code uses in uic's `from PySide6.X import (...)` lines."""
    code = _QT_IMPORT.sub("", source)

    def keep_used(match: re.Match[str]) -> str:
        names = [name.strip() for name in match.group(2).split(",") if name.strip()]
        used = [name for name in names if re.search(rf"\b{name}\b", code)]
        return f"from {match.group(1)} import ({', '.join(used)})\n" if used else ""

    return _QT_IMPORT.sub(keep_used, source)


def compile_form(ui_file: Path) -> str:
    """The Python source for one .ui file."""
    out = subprocess.run(
        [_uic(), "--from-imports" if False else "-g", "python", str(ui_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out = _drop_unused_imports(_TRANSLATE.sub(lambda m: f"_({m.group(1)})", out))
    lines = [line for line in out.splitlines() if not line.startswith("## ")]
    body = "\n".join(lines).strip() + "\n"
    body = body.replace(
        "from PySide6.QtCore import (", "from ccema_desktop.i18n import _\nfrom PySide6.QtCore import (", 1
    )
    return HEADER.format(name=ui_file.name) + body


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main(argv: list[str] | None = None) -> int:
    """Compile every .ui file, or only those named on the command line."""
    FORMS_DIR.mkdir(exist_ok=True)
    (FORMS_DIR / "__init__.py").write_text(
        '"""Generated Qt forms (see build_forms.py)."""\n', encoding="utf-8"
    )
    names = sys.argv[1:] if argv is None else argv
    chosen = [Path(name).resolve() for name in names] or sorted(UI_DIR.glob("*.ui"))
    for ui_file in chosen:
        target_for(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(target_for(ui_file).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
