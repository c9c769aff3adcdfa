"""Charts drawn with reportlab.graphics shapes, in the shipped font, labels wrapped so nothing overflows.

Bars and wedges are laid out here directly rather than with ReportLab's chart widgets: every bar carries its
value, so axes add little, and the widgets' axis machinery made charts the slowest part of the workshop
report. A `Chart` is a flowable holding plain drawing commands painted straight onto the canvas (a
reportlab.graphics Drawing validates every attribute of every shape and renders node by node, several times
the cost). Each function returns a Chart of the given width; labels arrive already translated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ccema_desktop.reports.fonts import FONT
from ccema_desktop.reports.styles import BLUE, GREY, PALETTE
from ccema_desktop.reports.tables import rgb

LABEL_SIZE = 7.5
GRID = colors.HexColor("#E0E0E0")


class Chart(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A width x height picture: filled rectangles, lines and pie wedges in the order added, then labels."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height
        #: (kind, coordinates, fill or line colour, wedge outline colour, line width)
        self._shapes: list[tuple[str, tuple[float, ...], Color, Color | None, float]] = []
        self._labels: list[tuple[float, float, str, str, float, Color]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def rect(self, x: float, y: float, width: float, height: float, fill: Color) -> None:
        self._shapes.append(("rect", (x, y, width, height), fill, None, 0))

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: Color, width: float = 1) -> None:
        self._shapes.append(("line", (x1, y1, x2, y2), colour, None, width))

    def wedge(
        self,
        cx: float,
        cy: float,
        radius: float,
        start: float,
        end: float,
        fill: Color,
        stroke: Color | None = None,
        stroke_width: float = 1,
    ) -> None:
        """A pie slice from `start` to `end` degrees (counter-clockwise from 3 o'clock)."""
        self._shapes.append(("wedge", (cx, cy, radius, start, end), fill, stroke, stroke_width))

    def text(
        self,
        x: float,
        y: float,
        text: str,
        anchor: str = "start",
        size: float = LABEL_SIZE,
        color: Color | None = None,
    ) -> None:
        """A label in the shipped font; `anchor` is start, middle or end, as in SVG."""
        self._labels.append((x, y, text, anchor, size, color or colors.black))

    def draw(self) -> None:
        canvas: Canvas = self.canv
        fill_now: Color | None = None  # colours and widths are set only when they change
        pen_now: tuple[Color, float] | None = None
        for kind, at, fill, stroke, width in self._shapes:
            if kind == "line":
                if pen_now is None or pen_now[0] is not fill or pen_now[1] != width:
                    canvas.setStrokeColor(rgb(fill))
                    canvas.setLineWidth(width)
                    pen_now = (fill, width)
                canvas.line(*at)
                continue
            if fill is not fill_now:
                canvas.setFillColor(rgb(fill))
                fill_now = fill
            if kind == "rect":
                canvas.rect(*at, stroke=0, fill=1)
                continue
            cx, cy, r, start, end = at
            path = canvas.beginPath()
            path.moveTo(cx, cy)
            path.arcTo(cx - r, cy - r, cx + r, cy + r, start, end - start)
            path.close()
            if stroke is not None and (pen_now is None or pen_now[0] is not stroke or pen_now[1] != width):
                canvas.setStrokeColor(rgb(stroke))
                canvas.setLineWidth(width)
                pen_now = (stroke, width)
            canvas.drawPath(path, stroke=int(stroke is not None), fill=1)
        if not self._labels:
            return
        text = canvas.beginText()
        current: tuple[float, Color] | None = None
        for x, y, label, anchor, size, color in self._labels:
            if current is None or current[0] != size or current[1] is not color:
                text.setFont(FONT, size)
                text.setFillColor(rgb(color))
                current = (size, color)
            if anchor != "start":
                shift = stringWidth(label, FONT, size)
                x -= shift if anchor == "end" else shift / 2
            text.setTextOrigin(x, y)
            text.textLine(label)
        canvas.drawText(text)


def _lines(label: str, width: float, size: float = LABEL_SIZE) -> list[str]:
    return simpleSplit(label, FONT, size, width) or [""]


def pie(items: Sequence[tuple[str, int]], width: float, height: float = 120) -> Chart:
    """A pie with a legend on the right (label and count); empty slices are left out."""
    items = [(label, value) for label, value in items if value > 0]
    drawing = Chart(width, height)
    if not items:
        return drawing
    radius = min(height - 10, width * 0.4) / 2
    cx, cy = 5 + radius, height / 2
    total = sum(v for _, v in items)
    angle = 90.0
    for i, (_, value) in enumerate(items):
        sweep = 360.0 * value / total
        colour = PALETTE[i % len(PALETTE)]
        if sweep >= 359.99:
            drawing.wedge(cx, cy, radius, 0, 360, colour)
        else:
            drawing.wedge(cx, cy, radius, angle - sweep, angle, colour, colors.white, 0.8)
        angle -= sweep
    x = cx + radius + 14
    text_width = width - x - 12
    y = height - 8
    for i, (label, value) in enumerate(items):
        lines = _lines(f"{label} ({value})", text_width)
        drawing.rect(x, y - 1, 7, 7, PALETTE[i % len(PALETTE)])
        for line in lines:
            drawing.text(x + 11, y, line)
            y -= LABEL_SIZE + 2
        y -= 3
    return drawing


def hbar(items: Sequence[tuple[str, int]], width: float, max_label: float | None = None) -> Chart:
    """Horizontal bars, one per category: wrapped label on the left, value at the end of the bar."""
    label_room = max_label or width * 0.38
    wrapped = [_lines(label, label_room) for label, _ in items]
    longest = max((stringWidth(line, FONT, LABEL_SIZE) for lines in wrapped for line in lines), default=0.0)
    step = LABEL_SIZE + 1.5
    rows = [max(14.0, len(lines) * step + 4) for lines in wrapped]
    height = sum(rows) + 6
    drawing = Chart(width, height)
    x0 = min(longest, label_room) + 8
    bar_room = width - x0 - 26
    top = max((v for _, v in items), default=0) or 1
    drawing.line(x0, 2, x0, height - 2, GREY, 0.5)
    y = height - 3
    for (_, value), lines, row in zip(items, wrapped, rows, strict=True):
        middle = y - row / 2
        first = middle + (len(lines) - 1) * step / 2 - LABEL_SIZE / 3
        for n, line in enumerate(lines):
            drawing.text(x0 - 4, first - n * step, line, "end")
        bar = max(bar_room * value / top, 0.5 if value else 0)
        drawing.rect(x0, middle - 4.5, bar, 9, BLUE)
        drawing.text(x0 + bar + 3, middle - LABEL_SIZE / 3, str(value), size=LABEL_SIZE - 0.5)
        y -= row
    return drawing


def vbar(
    items: Sequence[tuple[str, int]],
    width: float,
    height: float = 150,
    total: int | None = None,
    caption: str = "",
) -> Chart:
    """Vertical bars for short labels (S1, S2 ... or years); `total` fixes the scale (e.g. enrolled)."""
    drawing = Chart(width, height)
    x0, y0 = 26.0, 26.0
    plot_w, plot_h = width - x0 - 6, height - y0 - 10
    step, top = _axis(max([total or 0, *(v for _, v in items)]))
    for tick in range(0, top + 1, step):
        y = y0 + plot_h * tick / top
        drawing.line(x0, y, x0 + plot_w, y, GRID if tick else GREY, 0.5)
        drawing.text(x0 - 4, y - 2.5, str(tick), "end", LABEL_SIZE - 0.5)
    if items:
        slot = plot_w / len(items)
        bar_w = min(slot * 0.7, 40)
        show_every = max(1, math.ceil(len(items) * 16 / plot_w))
        for i, (label, value) in enumerate(items):
            cx = x0 + slot * (i + 0.5)
            h = plot_h * value / top
            drawing.rect(cx - bar_w / 2, y0, bar_w, h, BLUE)
            if i % show_every == 0:
                drawing.text(cx, y0 - 10, label, "middle", LABEL_SIZE - (1 if len(items) > 20 else 0))
    if caption:
        for n, line in enumerate(_lines(caption, width - x0, LABEL_SIZE - 0.5)[:1]):
            drawing.text(x0, 4 - n * 8, line, size=LABEL_SIZE - 0.5, color=GREY)
    return drawing


def _axis(highest: int) -> tuple[int, int]:
    """A whole-number step (about five ticks) and a scale maximum that is a multiple of it."""
    step = max(1, math.ceil(max(highest, 1) / 5))
    return step, step * math.ceil(max(highest, 1) / step)
