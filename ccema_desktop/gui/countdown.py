"""A step countdown for the session runner, and a helper that keeps a label's text as large as it fits.

`Countdown` measures time with a clock (monotonic by default, injectable in tests) rather than by counting
timer ticks, so a busy laptop never makes it drift; its QTimer only polls the clock to refresh the display.
`tick(seconds)` advances a running countdown by hand, so tests never wait for real time to pass.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel

WARNING_SECONDS = 60


def format_mmss(seconds: float) -> str:
    """'mm:ss' rounded up (a step of 10 minutes shows 10:00 until a full second has passed); minutes may
    exceed 59 for long steps (90:00)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class Countdown(QObject):
    """Counts a duration down to zero. Signals: `changed(remaining_seconds: int)` when the shown second
    changes, `running_changed(bool)`, and `finished()` once when zero is reached."""

    changed = Signal(int)
    running_changed = Signal(bool)
    finished = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
        interval_ms: int = 200,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._duration = 0.0
        self._elapsed = 0.0  # accumulated while running, up to the last pause or poll
        self._started_at: float | None = None
        self._last_shown = -1
        self._finished = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    # --- state ------------------------------------------------------------------------------------------
    @property
    def duration(self) -> int:
        return round(self._duration)

    @property
    def remaining(self) -> float:
        """Seconds left (never below zero)."""
        return max(0.0, self._duration - self._current_elapsed())

    @property
    def remaining_seconds(self) -> int:
        """Seconds left as shown (rounded up)."""
        return max(0, math.ceil(self.remaining - 1e-9))

    @property
    def is_running(self) -> bool:
        return self._started_at is not None

    @property
    def is_finished(self) -> bool:
        return self._finished

    @property
    def is_warning(self) -> bool:
        """In the last minute, before the end."""
        return not self._finished and 0 < self.remaining_seconds <= WARNING_SECONDS

    def text(self) -> str:
        return format_mmss(self.remaining)

    def _current_elapsed(self) -> float:
        if self._started_at is None:
            return self._elapsed
        return self._elapsed + (self._clock() - self._started_at)

    # --- control ----------------------------------------------------------------------------------------
    def set_duration(self, seconds: int) -> None:
        """A new step: stop, and show its full duration."""
        self._duration = float(max(0, seconds))
        self.reset()

    def start(self) -> None:
        if self.is_running or self._finished or self._duration <= 0:
            return
        self._started_at = self._clock()
        self._timer.start()
        self.running_changed.emit(True)

    def pause(self) -> None:
        if not self.is_running:
            return
        self._elapsed = self._current_elapsed()
        self._started_at = None
        self._timer.stop()
        self.running_changed.emit(False)
        self.poll()

    def toggle(self) -> None:
        if self.is_running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """Back to the full duration, stopped."""
        was_running = self.is_running
        self._timer.stop()
        self._started_at = None
        self._elapsed = 0.0
        self._finished = False
        if was_running:
            self.running_changed.emit(False)
        self._emit_changed(force=True)

    def add_time(self, seconds: int) -> None:
        """Give the current step more time (also revives a finished step, which then has to be restarted)."""
        self._duration = max(0.0, self._duration + seconds)
        if self._finished and self.remaining > 0:
            self._finished = False
        self._emit_changed(force=True)

    def tick(self, seconds: float) -> None:
        """While running, advance by `seconds` as if they had passed (tests drive time this way)."""
        if seconds > 0 and self.is_running:
            self._elapsed += seconds
        self.poll()

    def poll(self) -> None:
        """Read the clock: update the display and finish at zero."""
        if self._finished:
            return
        if self.remaining <= 0 and self._duration > 0:
            self._elapsed = self._duration
            was_running = self.is_running
            self._started_at = None
            self._timer.stop()
            self._finished = True
            if was_running:
                self.running_changed.emit(False)
            self._emit_changed(force=True)
            self.finished.emit()
            return
        self._emit_changed()

    def _emit_changed(self, force: bool = False) -> None:
        shown = self.remaining_seconds
        if force or shown != self._last_shown:
            self._last_shown = shown
            self.changed.emit(shown)


class FitTextToLabel(QObject):
    """Keeps a label's font as large as its text fits in it, on every resize and text change.

    The label should have an Ignored (or Expanding with a small minimum) size policy so that the growing
    font never feeds back into the layout.
    """

    def __init__(self, label: QLabel, fill: float = 0.9, minimum_px: int = 14) -> None:
        super().__init__(label)
        self._label = label
        self._fill = fill
        self._minimum_px = minimum_px
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._label and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        label = self._label
        text = label.text() or "00:00"
        rect = label.contentsRect()
        if rect.width() <= 0 or rect.height() <= 0:
            return
        font = QFont(label.font())
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        width = max(1.0, metrics.horizontalAdvance(text))
        height = max(1.0, metrics.height())
        scale = min(rect.width() * self._fill / width, rect.height() * self._fill / height)
        pixels = max(self._minimum_px, int(100 * scale))
        if label.font().pixelSize() != pixels:
            font.setPixelSize(pixels)
            label.setFont(font)
