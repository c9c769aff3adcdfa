"""Safe PDF output: check the destination first, build in memory, then write a temporary file and rename.

A report either appears whole under its name or not at all: a failed or cancelled build, a full disk or an
unwritable folder never leaves a half-written PDF (or a stray temporary file) behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _

#: progress(done, total): called from the building thread; the GUI forwards it to its progress dialog.
Progress = Callable[[int, int], None]
#: cancel() -> True asks the builder to stop as soon as possible.
CancelCheck = Callable[[], bool]


class ReportCancelled(KnownError):
    """The user cancelled a report; nothing was written."""


def _reason(exc: OSError) -> str:
    return str(exc.strerror or exc)


def check_output(path: str | os.PathLike[str]) -> Path:
    """The resolved output path, or a KnownError saying why a PDF cannot be written there.

    Probes the folder by creating (and removing) a temporary file, so a read-only folder, a missing folder or
    a path naming a folder is reported before any work (or any certificate numbering) happens.
    """
    out = Path(path).expanduser()
    if out.is_dir():
        raise KnownError(
            _("{path} is a folder; give a file name for the PDF, for example {example}.").format(
                path=out, example=out / "report.pdf"
            )
        )
    folder = out.parent if str(out.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise KnownError(
            _("Cannot write {path}: {folder} is a file, not a folder. Choose another folder.").format(
                path=out, folder=folder
            )
        )
    if not folder.is_dir():
        raise KnownError(
            _("Cannot write {path}: the folder {folder} does not exist. Create it or choose another.").format(
                path=out, folder=folder
            )
        )
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".probe")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise KnownError(
            _("Cannot write {path} ({reason}). Choose another folder or file name.").format(
                path=out, reason=_reason(exc)
            )
        ) from exc
    return out.resolve()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to a temporary file next to `path`, flush it to disk, then rename it over `path`."""
    folder = path.parent
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
        tmp_name = ""
    except OSError as exc:
        raise KnownError(
            _("Cannot write {path} ({reason}). Choose another folder or free some disk space.").format(
                path=path, reason=_reason(exc)
            )
        ) from exc
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path


class Reporter:
    """Progress and cancellation for one build: counts done units and raises ReportCancelled when asked."""

    def __init__(self, total: int, progress: Progress | None = None, cancel: CancelCheck | None = None):
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise ReportCancelled(_("The report was cancelled; nothing was written."))

    def step(self, n: int = 1) -> None:
        self.done = min(self.done + n, self.total)
        if self._progress is not None:
            self._progress(self.done, self.total)
        self.check()

    def finish(self) -> None:
        self.done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)
