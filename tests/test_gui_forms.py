"""Generated forms match their .ui files, and their texts go through gettext."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccema_desktop.gui import build_forms

UI_FILES = sorted(build_forms.UI_DIR.glob("*.ui"))


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_generated_form_is_fresh(ui_file: Path) -> None:
    target = build_forms.target_for(ui_file)
    assert target.exists(), "run: python -m ccema_desktop.gui.build_forms"
    assert target.read_text(encoding="utf-8") == build_forms.compile_form(ui_file), (
        f"{target.name} is stale: run python -m ccema_desktop.gui.build_forms"
    )
    assert "QCoreApplication.translate(" not in target.read_text(encoding="utf-8")


def test_every_generated_form_has_a_ui_file() -> None:
    generated = {p.name for p in build_forms.FORMS_DIR.glob("ui_*.py")}
    assert generated == {build_forms.target_for(p).name for p in UI_FILES}
