"""Compile ui/*.ui (Qt Designer) into ccema_desktop/gui/forms/ui_*.py with pyside6-uic.

    python -m ccema_desktop.gui.build_forms

Texts in the forms go through gettext like the rest of the app: uic's `QCoreApplication.translate(ctx, text)`
calls are rewritten to `_(text)`, so pybabel extracts them and `retranslateUi()` follows a live language
switch. The generated files are committed; `tests/gui/test_forms_fresh.py` fails when one is stale.
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
HEADER = "# Generated from ui/{name} by ccema_desktop.gui.build_forms: do not edit.\n# ruff: noqa\n# mypy: ignore-errors\n"


def _uic() -> str:
    local = Path(sys.executable).parent / "pyside6-uic"
    return str(local) if local.exists() else (shutil.which("pyside6-uic") or "pyside6-uic")


def compile_form(ui_file: Path) -> str:
    """The Python source for one .ui file."""
    out = subprocess.run(
        [_uic(), "--from-imports" if False else "-g", "python", str(ui_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out = _TRANSLATE.sub(lambda m: f"_({m.group(1)})", out)
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
