"""Charts drawn with reportlab.graphics, in the shipped font, with labels wrapped so nothing overflows.

Each function returns a Drawing of a given width; labels come already translated from the document.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from ccema_desktop.reports.fonts import FONT
from ccema_desktop.reports.styles import BLUE, GREY, PALETTE

LABEL_SIZE = 7.5


def _wrap(label: str, width: float, size: float = LABEL_SIZE) -> str:
    return "\n".join(simpleSplit(label, FONT, size, width)) or " "


def _lines(label: str) -> int:
    return label.count("\n") + 1


def pie(items: Sequence[tuple[str, int]], width: float, height: float = 120) -> Drawing:
    """A pie with a legend on the right (label and count); empty slices are left out."""
    items = [(label, value) for label, value in items if value > 0]
    drawing = Drawing(width, height)
    if not items:
        return drawing
    size = min(height - 10, width * 0.4)
    chart = Pie()
    chart.x, chart.y = 5, (height - size) / 2
    chart.width = chart.height = size
    chart.data = [v for _, v in items]
    chart.labels = None
    chart.sideLabels = False
    chart.slices.strokeColor = colors.white
    chart.slices.strokeWidth = 0.8
    for i in range(len(items)):
        chart.slices[i].fillColor = PALETTE[i % len(PALETTE)]
    drawing.add(chart)
    legend = Legend()
    legend.x = size + 20
    legend.y = height - 6
    legend.alignment = "right"
    legend.fontName = FONT
    legend.fontSize = LABEL_SIZE
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.columnMaximum = 99
    text_width = width - legend.x - 20
    legend.colorNamePairs = [
        (PALETTE[i % len(PALETTE)], _wrap(f"{label} ({value})", text_width))
        for i, (label, value) in enumerate(items)
    ]
    drawing.add(legend)
    return drawing


def hbar(items: Sequence[tuple[str, int]], width: float, max_label: float | None = None) -> Drawing:
    """Horizontal bars, one per category, labels wrapped on the left and the value at the bar's end."""
    label_width = max_label or width * 0.38
    labels = [_wrap(label, label_width) for label, _ in items] or [" "]
    values = [v for _, v in items] or [0]
    longest = max(max(stringWidth(line, FONT, LABEL_SIZE) for line in lab.split("\n")) for lab in labels)
    row = max(14.0, max(_lines(lab) for lab in labels) * (LABEL_SIZE + 1.5) + 4)
    height = row * len(labels) + 24
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = min(longest, label_width) + 8
    chart.y = 14
    chart.width = width - chart.x - 26
    chart.height = row * len(labels)
    chart.data = [list(reversed(values))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = GREY
    step, top = _axis(max(values))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = LABEL_SIZE - 0.5
    chart.valueAxis.strokeColor = GREY
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E0E0E0")
    chart.valueAxis.labelTextFormat = _integer
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = _integer
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE - 0.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def vbar(
    items: Sequence[tuple[str, int]],
    width: float,
    height: float = 150,
    total: int | None = None,
    caption: str = "",
) -> Drawing:
    """Vertical bars for short labels (S1, S2 ... or years); `total` fixes the value axis (e.g. enrolled)."""
    labels = [label for label, _ in items] or [" "]
    values = [v for _, v in items] or [0]
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 28
    chart.width = width - 36
    chart.height = height - 44
    chart.data = [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    step = max(1, len(labels) // 30 + 1)
    chart.categoryAxis.labels.fontSize = LABEL_SIZE - (1 if len(labels) > 20 else 0)
    if step > 1:
        chart.categoryAxis.categoryNames = [lab if i % step == 0 else "" for i, lab in enumerate(labels)]
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.strokeColor = GREY
    chart.valueAxis.valueMin = 0
    step, top = _axis(max(total or 0, max(values)))
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = LABEL_SIZE - 0.5
    chart.valueAxis.labelTextFormat = _integer
    chart.valueAxis.strokeColor = GREY
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E0E0E0")
    chart.bars[0].fillColor = BLUE
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    if caption:
        drawing.add(String(chart.x, 6, caption, fontName=FONT, fontSize=LABEL_SIZE - 0.5, fillColor=GREY))
    return drawing


def _axis(highest: int) -> tuple[int, int]:
    """A whole-number step (about five ticks) and an axis maximum that is a multiple of it."""
    step = max(1, math.ceil(max(highest, 1) / 5))
    return step, step * math.ceil(max(highest, 1) / step)


def _integer(value: float) -> str:
    return str(round(value))
