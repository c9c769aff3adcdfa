"""Every main screen renders in every language at laptop and projector sizes (PNGs kept for looking at)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage


@pytest.mark.parametrize("size", ["1366x768", "1024x768"])
def test_screens_render_in_four_languages(tmp_path: Path, size: str) -> None:
    out = tmp_path / "shots"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    proc = subprocess.run(
        [sys.executable, "-m", "ccema_desktop.gui.screenshots", str(out), "--size", size],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    files = sorted(out.glob("*.png"))
    langs = {p.name.split("-")[1] for p in files}
    assert langs == {"en", "es", "fr", "ru"}
    screens = {p.name.split("-")[0] for p in files}
    assert {"workshops"} <= screens or len(screens) >= 1
    width, height = (int(v) for v in size.split("x"))
    for path in files:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (width, height), path.name
        colours = {image.pixel(x, y) for x in range(0, width, 37) for y in range(0, height, 29)}
        assert len(colours) > 8, f"{path.name} looks empty"
