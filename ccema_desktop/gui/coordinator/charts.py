"""QtCharts charts of the dashboard: bars for counts (horizontal, so long labels stay readable), a donut
for shares. Built from plain (label, value) data; long category labels are shortened, the tables beside
the charts carry the full text."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ccema_desktop.i18n import format_number

PALETTE = ("#1f5f8b", "#e08a1e", "#3b8f4a", "#b03a2e", "#6c4f9c", "#2aa1b3", "#c7a02c", "#7f7f7f")
#: Category labels take at most this share of a chart's width (longer ones are shortened, with "…").
LABEL_SHARE = 0.3
#: Category labels are this much smaller than the window's text.
LABEL_SCALE = 0.9
#: QtCharts' padding around an axis label, and the margin of its text item, in pixels.
LABEL_PADDING = 4
TEXT_MARGIN = 4
#: Legend entries of a donut are shortened beyond this many characters.
LEGEND_CHARS = 24


def short(text: str, limit: int = LEGEND_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def nice_step(top: int, ticks: int = 5) -> int:
    """A tick interval of 1, 2 or 5 times a power of ten giving about `ticks` intervals up to `top`."""
    raw = max(1.0, top / ticks)
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)


def count_axis(top: int) -> QValueAxis:
    """An axis of whole numbers from 0, ticks at round values."""
    axis = QValueAxis()
    step = nice_step(max(top, 1))
    axis.setRange(0, step * max(1, math.ceil(max(top, 1) / step)))
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setLabelFormat("%d")
    axis.setMinorTickCount(0)
    return axis


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def bar_chart(
    title: str, categories: Sequence[str], sets: Sequence[tuple[str, Sequence[int]]], stacked: bool = False
) -> QChart:
    """Horizontal bars, first category on top; several sets are grouped (or stacked) with a legend."""
    chart = new_chart(title)
    series = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    top = 0
    for index, (name, values) in enumerate(sets):
        bar_set = QBarSet(name)
        colour = QColor(PALETTE[index % len(PALETTE)])
        bar_set.setColor(colour)
        bar_set.setBorderColor(colour)
        bar_set.setLabelColor(QColor("#222222"))
        for value in reversed(list(values)):  # Qt draws the first category at the bottom
            bar_set.append(value)
        series.append(bar_set)
        if not stacked:
            top = max([top, *values])
    if stacked:
        totals = [sum(values[i] for _name, values in sets) for i in range(len(categories))]
        top = max([0, *totals])
    else:
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
    series.setBarWidth(0.7)
    chart.addSeries(series)
    category_axis = QBarCategoryAxis()
    category_axis.append(list(reversed(list(categories))))
    chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(category_axis)
    value_axis = count_axis(int(top * 1.1) + (0 if stacked else 1))
    chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(value_axis)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def donut_chart(title: str, slices: Sequence[tuple[str, int]]) -> QChart:
    """Shares as a donut; the legend names each slice with its count."""
    chart = new_chart(title)
    series = QPieSeries()
    series.setHoleSize(0.45)
    series.setPieSize(0.85)
    for index, (name, value) in enumerate(slices):
        piece = series.append(f"{short(name)}: {format_number(value)}", value)
        piece.setColor(QColor(PALETTE[index % len(PALETTE)]))
        piece.setBorderColor(QColor("white"))
    chart.addSeries(series)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    chart.legend().setVisible(True)
    return chart


Builder = Callable[[int], tuple[QChart, list[str]]]


class ChartView(QChartView):
    """Shows one chart. Bar charts are built for the room there is: Qt replaces an axis label by "..." when it
    is taller than its share of the axis, so the view asks its builder for as many bars as have room for a
    readable label (the rest summed as "Other"), and builds again when resized. Long labels are shortened to
    fit the width; the bar or slice under the mouse tells its full label and value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(220, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.categories: list[str] = []
        self._builder: Builder | None = None
        self._capacity = 0

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * LABEL_SCALE)
        return font

    def show_chart(self, chart: QChart, categories: Sequence[str] = ()) -> None:
        """Show a chart as it is (no rebuilding on resize)."""
        self._builder = None
        self._set_chart(chart, categories)

    def show_bars(self, builder: Builder) -> None:
        """Show what `builder(capacity)` makes, for the number of bars that fit (again after a resize)."""
        self._builder = builder
        self._capacity = 0
        self._rebuild()

    def capacity(self) -> int:
        """How many bars have room for a label: Qt gives each label the axis height over (bars + 1), less
        twice its padding, and a label needs its line height plus its text item's margins."""
        chart = self.chart()
        height = chart.plotArea().height() if chart is not None else 0.0
        if height <= 0:
            height = self.height() - 90.0
        slot = QFontMetrics(self.label_font()).height() + 2 * TEXT_MARGIN + 2 * LABEL_PADDING + 1
        return max(2, int(height // slot) - 1)

    def _rebuild(self) -> None:
        if self._builder is None:
            return
        capacity = self.capacity()
        if capacity == self._capacity:
            return
        self._capacity = capacity
        chart, categories = self._builder(capacity)
        self._set_chart(chart, categories)

    def _set_chart(self, chart: QChart, categories: Sequence[str]) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()
        self.categories = list(categories)
        axis = self.category_axis()
        if axis is not None:
            axis.setLabelsFont(self.label_font())
        chart.plotAreaChanged.connect(lambda _area: self._on_plot_area())
        for series in chart.series():
            if isinstance(series, QAbstractBarSeries):
                series.hovered.connect(self._on_bar_hovered)
            elif isinstance(series, QPieSeries):
                series.hovered.connect(
                    lambda piece, state: QToolTip.showText(QCursor.pos(), piece.label()) if state else None
                )
        self.fit_labels()

    def _on_plot_area(self) -> None:
        self.fit_labels()
        self._rebuild()

    def category_axis(self) -> QBarCategoryAxis | None:
        chart = self.chart()
        axes = chart.axes(Qt.Orientation.Vertical) if chart is not None else []
        return next((a for a in axes if isinstance(a, QBarCategoryAxis)), None)

    def fit_labels(self) -> None:
        axis = self.category_axis()
        if axis is None or not self.categories:
            return
        metrics = QFontMetrics(axis.labelsFont())
        room = max(48, int(self.width() * LABEL_SHARE))
        labels: list[str] = []
        for text in reversed(self.categories):  # the axis lists the bottom bar first
            label = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            while label in labels:  # the axis needs distinct labels: tell equal shortenings apart
                label += "\u200b"
            labels.append(label)
        if labels != axis.categories():
            axis.setCategories(labels)

    def _on_bar_hovered(self, state: bool, index: int, bar_set: QBarSet) -> None:
        if not state or not 0 <= index < len(self.categories):
            return
        category = self.categories[len(self.categories) - 1 - index]
        series = self.chart().series()
        several = (
            isinstance(series[0], QAbstractBarSeries) and len(series[0].barSets()) > 1 if series else False
        )
        name = f"{category}, {bar_set.label()}" if several else category
        QToolTip.showText(QCursor.pos(), f"{name}: {format_number(int(bar_set.at(index)))}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_labels()
        self._rebuild()


def chart_view(parent: QWidget | None = None) -> ChartView:
    return ChartView(parent)


def top_with_other(items: Sequence[tuple[str, int]], keep: int, other: str) -> list[tuple[str, int]]:
    """The `keep` largest items, the rest summed as `other` (so a chart stays readable)."""
    ordered = list(items)
    if len(ordered) <= keep + 1:
        return ordered
    rest = sum(value for _label, value in ordered[keep:])
    return [*ordered[:keep], (other, rest)]
