"""Export the table a page shows to CSV or XLSX (`dashboard.export_table`), off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ccema_desktop.gui.services import GuiServices
from ccema_desktop.i18n import _

SUFFIXES = (".xlsx", ".csv")


def ask_export_path(parent: QWidget, name: str) -> Path | None:
    """A save dialog offering XLSX and CSV; the suffix follows the chosen type when none was typed."""
    xlsx = _("Spreadsheet (*.xlsx)")
    csv = _("CSV, comma-separated (*.csv)")
    chosen, selected = QFileDialog.getSaveFileName(
        parent, _("Export the table"), f"{name}.xlsx", f"{xlsx};;{csv}"
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in SUFFIXES:
        path = path.with_name(path.name + (".csv" if selected == csv else ".xlsx"))
    return path


def export_rows(
    services: GuiServices,
    header: list[str],
    rows: list[list[object]],
    path: Path,
    on_done: Callable[[Path], None],
    on_error: Callable[[BaseException], None],
) -> None:
    def work() -> Path:
        from ccema_desktop.services import dashboard

        dashboard.export_table(rows, header, path)
        return path

    services.runner.run(work, on_done, on_error)
