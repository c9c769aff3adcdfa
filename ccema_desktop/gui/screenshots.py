"""Render every main screen in every language to PNG, on the demo workshop, with no display needed.

    python -m ccema_desktop.gui.screenshots OUT_DIR [--size 1366x768] [--langs en,es,fr,ru]

Used to look at the app as a person does (and by tests/test_gui_screenshots.py). It works on a throwaway
data folder, never on the user's database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def _offscreen_config(width: int, height: int, folder: Path) -> str:
    config = folder / "offscreen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "screen",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    return f"offscreen:configfile={config}"


def render(out_dir: Path, width: int, height: int, langs: list[str]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from ccema_desktop.app import install_qt_translations, load_fonts
    from ccema_desktop.context import open_context
    from ccema_desktop.gui.main_window import MainWindow, switch_language
    from ccema_desktop.gui.services import GuiServices
    from ccema_desktop.gui.tasks import TaskRunner
    from ccema_desktop.services import demo

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as data:
        ctx = open_context(data, daily_backup=False)
        services = GuiServices(ctx, runner=TaskRunner(synchronous=True))
        workshop_id = demo.ensure_demo_workshop(ctx.db)
        window = MainWindow(services)
        services.notify("workshops")
        services.set_workshop(workshop_id)
        window.resize(width, height)
        window.show()
        for lang in langs:
            switch_language(lang)
            install_qt_translations(app, lang)
            for screen in window.screens:
                window.show_screen(screen.key)
                prepare = getattr(screen, "prepare_screenshot", None)
                if prepare is not None:  # e.g. the Reports screen generates a PDF to show its preview
                    prepare(Path(data))
                for _ in range(3):
                    app.processEvents()
                path = out_dir / f"{screen.key}-{lang}-{width}x{height}.png"
                window.grab().save(str(path))
                written.append(path)
        window.close()
        ctx.close()
    switch_language("en")
    return written


def run_cli(
    argv: list[str] | None,
    description: str | None,
    default_size: str,
    render_to: Callable[[Path, int, int, list[str]], list[Path]],
) -> int:
    """The command line every screenshot script shares: OUT_DIR, --size WxH, --langs; offscreen at that size."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out_dir")
    parser.add_argument("--size", default=default_size)
    parser.add_argument("--langs", default="en,es,fr,ru")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
            os.environ["QT_QPA_PLATFORM"] = _offscreen_config(width, height, Path(tmp))
        for path in render_to(Path(args.out_dir), width, height, args.langs.split(",")):
            print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run_cli(argv, __doc__, "1366x768", render)


if __name__ == "__main__":
    sys.exit(main())
