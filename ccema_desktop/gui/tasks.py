"""Run core work off the UI thread and deliver the result on it.

`TaskRunner.run(fn, on_done, on_error)` executes `fn` on a QThreadPool; the callbacks run on the UI thread.
Worker code never touches widgets and receives/returns plain data. In tests, `TaskRunner(synchronous=True)`
runs everything inline so assertions can follow a click directly.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._with_progress = with_progress
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._report, lambda: self.cancelled) if self._with_progress else self._fn()
        except BaseException as exc:  # delivered to the UI thread, which decides how to show it
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._signals.failed.emit(exc)
        else:
            self._signals.done.emit(result)

    def _report(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)


class TaskHandle:
    """What a caller keeps to cancel a running task."""

    def __init__(self, job: _Job | None) -> None:
        self._job = job

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancelled = True


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool.globalInstance()
        self._alive: set[_Signals] = set()

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        with_progress: bool = False,
    ) -> TaskHandle:
        """Run `fn()` (or `fn(progress, is_cancelled)` when `with_progress`) in the background."""
        if self.synchronous:
            try:
                result = fn(on_progress or (lambda _d, _t: None), lambda: False) if with_progress else fn()
            except Exception as exc:
                if on_error is None:
                    raise
                on_error(exc)
            else:
                if on_done is not None:
                    on_done(result)
            return TaskHandle(None)
        signals = _Signals()
        self._alive.add(signals)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._alive.discard(signals)
            if callback is not None:
                callback(value)

        signals.done.connect(lambda value: finish(on_done, value))
        signals.failed.connect(lambda exc: finish(on_error or _reraise, exc))
        if on_progress is not None:
            signals.progress.connect(on_progress)
        job = _Job(fn, signals, with_progress)
        self._pool.start(job)
        return TaskHandle(job)

    def wait(self, msecs: int = 30000) -> bool:
        return bool(self._pool.waitForDone(msecs))


def _reraise(exc: BaseException) -> None:
    raise exc
