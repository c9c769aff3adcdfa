"""Building a report from the GUI: one request, built off the UI thread, answered with the PDF and its preview.

The Reports screen and the coordinator window share this path. `produce` runs on the task runner's worker
thread and only calls core services (they check the output path first and write atomically, so a failure or a
cancel never leaves a half-written PDF); the widgets receive a `ReportOutcome` on the UI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ccema_desktop.errors import KnownError
from ccema_desktop.gui.tasks import TaskHandle, TaskRunner
from ccema_desktop.reports.output import CancelCheck, Progress
from ccema_desktop.services.certificates import CertificateView
from ccema_desktop.services.reporting import ReportResult
from ccema_desktop.storage.db import Database

SHEET = "attendance-sheet"
CERTIFICATES = "certificates"
WORKSHOP = "workshop"
HQ = "hq"
#: Report kinds in the order the screen offers them (the CLI's `ccema report` sub-command names).
KINDS = (SHEET, CERTIFICATES, WORKSHOP, HQ)
#: Width in pixels the first page is rendered at; the screen scales it down to fit.
PREVIEW_WIDTH = 900


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    path: Path
    workshop: str | None = None
    """Workshop id or code (None only for the headquarters infosheet)."""
    language: str | None = None
    """Language of the document; None: the workshop's (certificates: each participant's own)."""
    day: dt.date | None = None
    """Sign-in sheet: one day, or None for every day."""
    include_demo: bool = False
    recommendations: str | None = None
    """Workshop report: saved with the workshop before the report is built."""


@dataclass(frozen=True)
class ReportOutcome:
    request: ReportRequest
    result: ReportResult
    preview: bytes | None
    """PNG of the first page, or None when it could not be drawn (the PDF itself is fine)."""
    preview_error: str = ""
    certificates: list[CertificateView] = field(default_factory=list)
    """Certificates issued for the workshop after this build (empty without a workshop)."""


def produce(
    db: Database, request: ReportRequest, progress: Progress | None = None, cancel: CancelCheck | None = None
) -> ReportOutcome:
    """Write the requested PDF, then draw its first page. Runs on a worker thread."""
    from ccema_desktop.reports.preview import first_page_png
    from ccema_desktop.services import certificates, reporting
    from ccema_desktop.services import workshops as ws

    workshop = request.workshop
    if request.kind == HQ:
        result = reporting.write_hq_infosheet(
            db, request.path, request.language, request.include_demo, progress, cancel
        )
    else:
        if workshop is None:
            raise ValueError(f"a {request.kind} report needs a workshop")
        if request.kind == SHEET:
            result = reporting.write_attendance_sheet(
                db, workshop, request.path, request.day, None, request.language, progress, cancel
            )
        elif request.kind == CERTIFICATES:
            result = certificates.write_certificates(
                db, workshop, request.path, request.language, progress, cancel
            )
        elif request.kind == WORKSHOP:
            if request.recommendations is not None:
                ws.set_recommendations(db, workshop, request.recommendations)
            result = reporting.write_workshop_report(
                db, workshop, request.path, request.language, progress, cancel
            )
        else:
            raise ValueError(f"unknown report kind {request.kind!r}")
    preview: bytes | None = None
    preview_error = ""
    try:
        preview = first_page_png(result.path, PREVIEW_WIDTH)
    except KnownError as exc:  # the PDF is written and usable; only the picture is missing
        preview_error = str(exc)
    issued = certificates.list_certificates(db, workshop) if workshop else []
    return ReportOutcome(request, result, preview, preview_error, issued)


class ReportTask:
    """One build on the task runner. `cancel()` is honoured between pages, also with the synchronous runner
    of the tests (the builder polls this object's flag as well as the runner's)."""

    def __init__(self, request: ReportRequest) -> None:
        self.request = request
        self.cancelled = False
        self._handle: TaskHandle | None = None

    def start(
        self,
        runner: TaskRunner,
        db: Database,
        on_done: Callable[[ReportOutcome], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        request = self.request

        def work(progress: Progress, is_cancelled: CancelCheck) -> ReportOutcome:
            return produce(db, request, progress, lambda: self.cancelled or is_cancelled())

        self._handle = runner.run(work, on_done, on_error, on_progress=on_progress, with_progress=True)

    def cancel(self) -> None:
        self.cancelled = True
        if self._handle is not None:
            self._handle.cancel()


def default_folder(last_dir: str, data_root: Path) -> Path:
    """Where the save dialog opens: the last folder used, else the user's documents, else `<data>/reports`."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (last_dir, documents):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    folder = data_root / "reports"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return data_root
    return folder


def suggested_name(kind: str, code: str, day: dt.date | None = None, today: dt.date | None = None) -> str:
    """A file name that says what the PDF is and for which workshop (plain ASCII: safe on any USB stick)."""
    if kind == SHEET:
        return f"{code}-sign-in-{day.isoformat()}.pdf" if day else f"{code}-sign-in-sheets.pdf"
    if kind == CERTIFICATES:
        return f"{code}-certificates.pdf"
    if kind == WORKSHOP:
        return f"{code}-workshop-report.pdf"
    return f"ccema-hq-infosheet-{(today or dt.date.today()).isoformat()}.pdf"
