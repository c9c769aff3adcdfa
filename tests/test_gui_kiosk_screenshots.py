"""Every kiosk page renders in every language at projector size (PNGs kept for looking at)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from ccema_desktop.gui.kiosk.screenshots import PAGES


def test_kiosk_pages_render_in_four_languages(tmp_path: Path) -> None:
    out = tmp_path / "kiosk-shots"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    proc = subprocess.run(
        [sys.executable, "-m", "ccema_desktop.gui.kiosk.screenshots", str(out), "--size", "1024x768"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    files = sorted(out.glob("kiosk-*.png"))
    found = {(p.name.split("-")[1], p.name.split("-")[2]) for p in files}
    assert found == {(page, lang) for page in PAGES for lang in ("en", "es", "fr", "ru")}
    for path in files:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1024, 768), f"{path.name}: the kiosk fits a projector"
        colours = {image.pixel(x, y) for x in range(0, 1024, 37) for y in range(0, 768, 29)}
        assert len(colours) > 4, f"{path.name} looks empty"
