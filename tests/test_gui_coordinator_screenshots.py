"""The coordinator's dashboard and the facilitator's Sync screen render in four languages at laptop and
projector sizes, on real data (bundles imported through the importer; outbox states from a real inbox).

    python -m tests.test_gui_coordinator_screenshots OUT_DIR     # writes the PNGs to look at
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

SIZES = ((1366, 768), (1024, 768))
LANGS = ("en", "es", "fr", "ru")


def _settle(app: QApplication) -> None:
    for _n in range(3):
        app.processEvents()


def _shoot(app: QApplication, widget: QWidget, path: Path) -> Path:
    _settle(app)
    widget.grab().save(str(path))
    return path


def render(out_dir: Path, work: Path) -> list[Path]:
    """Make a headquarters with imported bundles and a venue laptop with an outbox; save the PNGs."""
    from ccema_desktop.app import load_fonts
    from ccema_desktop.gui.coordinator.window import CoordinatorWindow
    from ccema_desktop.gui.main_window import MainWindow, switch_language
    from ccema_desktop.gui.services import GuiServices
    from ccema_desktop.gui.tasks import TaskRunner
    from ccema_desktop.services import demo
    from ccema_desktop.sync import importer, outbox
    from tests.inbox_support import ThreadInbox, enrolled_laptop, free_port
    from tests.sync_helpers import headquarters
    from tests.test_gui_coordinator import make_bundles

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    load_fonts(app)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    hq = headquarters(work / "hq")
    folder, _ids = make_bundles(work, hq)
    hq_ctx = hq.context()
    stick = work / "stick"  # what the Import tab shows: the same bundles again, one new, one damaged
    shutil.copytree(folder, stick)
    (stick / "DAMAGED.ccema-bundle.json").write_bytes(b"\x00" * 64)
    last = sorted(folder.iterdir())[-1]
    importer.import_paths(hq_ctx, [p for p in sorted(folder.iterdir()) if p != last])

    # A venue laptop whose outbox holds a confirmed bundle, a failed one (headquarters down) and a waiting one.
    port = free_port()
    venue = enrolled_laptop(work / "venue", hq, f"http://127.0.0.1:{port}")
    assert hq.run("hq", "approve", venue.ctx.db.device_id).code == 0
    demo_id = demo.ensure_demo_workshop(venue.ctx.db)
    with ThreadInbox(hq_ctx, port=port):
        outbox.queue_workshop(venue.ctx, demo_id)
        outbox.send_pending(venue.ctx)
    outbox.queue_workshop(venue.ctx, demo_id, trigger="closed")
    outbox.send_pending(venue.ctx, timeout=1)
    outbox.queue_workshop(venue.ctx, demo_id)

    hq_services = GuiServices(hq_ctx, runner=TaskRunner(synchronous=True))
    coordinator = CoordinatorWindow(hq_services)
    coordinator.importer.import_folder(stick)
    venue_services = GuiServices(venue.ctx, runner=TaskRunner(synchronous=True))
    facilitator = MainWindow(venue_services)
    venue_services.notify("workshops")
    venue_services.set_workshop(demo_id)
    try:
        for width, height in SIZES:
            coordinator.resize(width, height)
            facilitator.resize(width, height)
            coordinator.show()
            facilitator.show()
            facilitator.sync_worker.stop()
            for lang in LANGS:
                switch_language(lang)
                coordinator.show_page("dashboard")
                dashboard = coordinator.dashboard
                dashboard.ui.views.setCurrentWidget(dashboard.ui.chartsTab)
                written.append(_shoot(app, coordinator, out_dir / f"dashboard-{lang}-{width}x{height}.png"))
                dashboard.ui.views.setCurrentWidget(dashboard.ui.workshopsTab)
                written.append(
                    _shoot(app, coordinator, out_dir / f"dashboard-workshops-{lang}-{width}x{height}.png")
                )
                dashboard.ui.views.setCurrentWidget(dashboard.ui.tablesTab)
                combo = dashboard.ui.tableCombo
                combo.setCurrentIndex(combo.findData("by_sector"))
                written.append(
                    _shoot(app, coordinator, out_dir / f"dashboard-tables-{lang}-{width}x{height}.png")
                )
                coordinator.show_page("import")
                written.append(_shoot(app, coordinator, out_dir / f"import-{lang}-{width}x{height}.png"))
                coordinator.show_page("devices")
                written.append(_shoot(app, coordinator, out_dir / f"devices-{lang}-{width}x{height}.png"))
                facilitator.show_screen("sync")
                facilitator.sync_worker.check_now()
                sync = facilitator.screen_for("sync")
                sync.ui.table.selectRow(1)
                written.append(_shoot(app, facilitator, out_dir / f"sync-{lang}-{width}x{height}.png"))
                dashboard.ui.views.setCurrentWidget(dashboard.ui.workshopsTab)
                dialog = dashboard.open_detail(
                    dashboard.overview.workshop_rows[0].id if dashboard.overview else None
                )
                assert dialog is not None
                dialog.ui.tabs.setCurrentIndex(5)
                written.append(_shoot(app, dialog, out_dir / f"detail-{lang}-{width}x{height}.png"))
                dialog.close()
    finally:
        switch_language("en")
        coordinator.close()
        facilitator.close()
        hq_ctx.close()
        venue.ctx.close()
    return written


def test_dashboard_and_sync_render_in_four_languages(tmp_path: Path, qapp: object) -> None:
    out = tmp_path / "shots"
    files = render(out, tmp_path / "work")
    assert len(files) == len(SIZES) * len(LANGS) * 7
    for path in files:
        image = QImage(str(path))
        assert not image.isNull(), path.name
        if not path.name.startswith("detail"):
            size = path.stem.rsplit("-", 1)[1]
            assert f"{image.width()}x{image.height()}" == size, path.name
        colours = {
            image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)
        }
        assert len(colours) > 8, f"{path.name} looks empty"


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for written in render(Path(sys.argv[1]), Path(tmp)):
            print(written)
