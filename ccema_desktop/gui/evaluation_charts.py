"""Bar charts of evaluation results (QtCharts): answers to one question, and knowledge before/after per module.

Charts are built from plain numbers and labels already translated by the caller; they never see a respondent.
Animations are off (charts must be complete the moment they are shown, also in screenshots).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOR = QColor("#1f5f99")
HIGHLIGHT_COLOR = QColor("#2e7d32")
BEFORE_COLOR = QColor("#9db5cc")
AFTER_COLOR = QColor("#1f5f99")
#: Longest category label on an axis (longer ones are cut with an ellipsis; the full text is in the tooltip).
MAX_LABEL = 42


def elide(text: str, limit: int = MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _chart(font: QFont) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setFont(font)
    return chart


def _view(chart: QChart, height: int, parent: QWidget | None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    view.setFixedHeight(height)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


def distribution_chart(
    labels: list[str],
    counts: list[int],
    font: QFont,
    highlight: int | None = None,
    parent: QWidget | None = None,
) -> QChartView:
    """Horizontal bars, one per answer (first answer at the top), with the count at the end of each bar.
    `highlight` marks one answer (the correct option of a knowledge question) in another colour."""
    chart = _chart(font)
    series = QHorizontalBarSeries()
    bar_set = QBarSet("")
    bar_set.setColor(BAR_COLOR)
    bar_set.setBorderColor(BAR_COLOR)
    bar_set.setLabelFont(font)
    bar_set.setLabelColor(QColor("#1b2733"))
    for value in reversed(counts):
        bar_set.append(float(value))
    if highlight is not None and 0 <= highlight < len(counts):
        bar_set.selectBar(len(counts) - 1 - highlight)
        bar_set.setSelectedColor(HIGHLIGHT_COLOR)
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value")
    series.setBarWidth(0.7)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([elide(text) for text in reversed(labels)])
    categories.setLabelsFont(font)
    categories.setTruncateLabels(False)
    categories.setGridLineVisible(False)
    values = QValueAxis()
    top = max(counts, default=0)
    values.setRange(0, max(top * 1.2, 1.0))
    values.setLabelsVisible(False)
    values.setGridLineVisible(False)
    values.setLineVisible(False)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().hide()
    height = 24 + max(len(labels), 1) * (font.pointSize() * 2 + 10)
    view = _view(chart, height, parent)
    view.setToolTip("\n".join(f"{label}: {count}" for label, count in zip(labels, counts, strict=False)))
    return view


def before_after_chart(
    categories: list[str],
    before: list[float],
    after: list[float],
    before_label: str,
    after_label: str,
    font: QFont,
    maximum: float = 100.0,
    suffix: str = "%",
    parent: QWidget | None = None,
) -> QChartView:
    """Grouped vertical bars: before and after for each category (modules), values on the bars."""
    chart = _chart(font)
    series = QBarSeries()
    for label, values, color in ((before_label, before, BEFORE_COLOR), (after_label, after, AFTER_COLOR)):
        bar_set = QBarSet(label)
        bar_set.setColor(color)
        bar_set.setBorderColor(color)
        bar_set.setLabelFont(font)
        bar_set.setLabelColor(QColor("#1b2733"))
        for value in values:
            bar_set.append(float(value))
        series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setLabelsFormat("@value" + suffix)
    series.setLabelsPrecision(3)
    series.setBarWidth(0.6 if len(categories) > 2 else 0.35)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([elide(c, 24) for c in categories])
    axis_x.setLabelsFont(font)
    axis_x.setTruncateLabels(False)
    axis_x.setGridLineVisible(False)
    axis_y = QValueAxis()
    axis_y.setRange(0, maximum * 1.12)  # room for the value above a full bar
    axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_y.setTickAnchor(0)
    axis_y.setTickInterval(maximum / 5)
    axis_y.setLabelFormat("%d" + suffix.replace("%", "%%"))
    axis_y.setLabelsFont(font)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    view = _view(chart, 260, parent)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    view.setMinimumHeight(200)
    view.setMaximumHeight(16777215)
    return view
