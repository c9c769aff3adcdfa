"""Large touch-friendly controls for the kiosk: word-wrapping choice buttons and one question's answer area.

Qt's push and radio buttons never wrap their text, and the answers of a knowledge test in Russian or French
are long; `ChoiceButton` paints its own wrapped text and reports the height it needs for a given width.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ccema_desktop.services.forms import MAX_TEXT_ANSWER, QuestionView

ACCENT = QColor("#1f5f99")
ACCENT_LIGHT = QColor("#e3eef9")
BORDER = QColor("#9aa9b8")
TEXT = QColor("#1b2733")

_PAD_X, _PAD_Y = 18, 14
_INDICATOR = 26
_FLAGS = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
_CENTER_FLAGS = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


class ChoiceButton(QAbstractButton):
    """A big button whose text wraps. Styles: "option" (a round indicator, then the text: one answer of a
    question), "check" (a square box, then the text: a yes/no choice), "scale" (a large number above a short
    label: one point of a 1-5 scale) and "action" (text only: a form to pick)."""

    def __init__(
        self, text: str, style: str = "option", number: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._style = style
        self._number = number
        self.setText(text)
        self.setAccessibleName(f"{number} {text}".strip())
        self.setCheckable(style != "action")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(lambda _on: self.update())

    # --- geometry -----------------------------------------------------------------------------------------------
    def _text_rect(self, width: int) -> QRect:
        left = _PAD_X + (_INDICATOR + 14 if self._style in ("option", "check") else 0)
        top = _PAD_Y + (self._number_height() if self._style == "scale" else 0)
        return QRect(left, top, max(width - left - _PAD_X, 40), 10_000)

    def _number_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        return font

    def _number_height(self) -> int:
        return QFontMetrics(self._number_font()).height() + 4 if self._number else 0

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rect = self._text_rect(width)
        flags = _CENTER_FLAGS if self._style == "scale" else _FLAGS
        text_height = self.fontMetrics().boundingRect(rect, flags, self.text()).height()
        minimum = _INDICATOR if self._style in ("option", "check") else self.fontMetrics().height()
        return rect.top() + max(text_height, minimum) + _PAD_Y

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=40)
        width = min(metrics.horizontalAdvance(self.text()), 560) + 2 * _PAD_X
        if self._style in ("option", "check"):
            width += _INDICATOR + 14
        width = max(width, widest + 2 * _PAD_X)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # Layouts give the real height through heightForWidth; the minimum is one line.
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(word) for word in self.text().split()), default=40)
        width = min(widest, 160) + 2 * _PAD_X
        lines = self._text_rect(width).top() + max(metrics.height(), _INDICATOR) + _PAD_Y
        return QSize(width, lines)

    # --- painting -----------------------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        checked = self.isChecked()
        pressed = self.isDown()
        frame = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        fill = ACCENT_LIGHT if checked or pressed else self.palette().color(QPalette.ColorRole.Base)
        painter.setPen(QPen(ACCENT if checked or self.hasFocus() else BORDER, 3 if checked else 2))
        painter.setBrush(fill)
        painter.drawRoundedRect(frame, 10, 10)
        if self.hasFocus():
            painter.setPen(QPen(ACCENT, 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame.adjusted(5, 5, -5, -5), 7, 7)
        color = TEXT if self.isEnabled() else BORDER
        if self._style in ("option", "check"):
            top = (self.height() - _INDICATOR) / 2
            box = QRectF(_PAD_X, top, _INDICATOR, _INDICATOR)
            painter.setPen(QPen(ACCENT if checked else BORDER, 2.5))
            painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
            if self._style == "option":
                painter.drawEllipse(box)
                if checked:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(ACCENT)
                    painter.drawEllipse(box.adjusted(6, 6, -6, -6))
            else:
                painter.drawRoundedRect(box, 4, 4)
                if checked:
                    painter.setPen(QPen(ACCENT, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                    painter.drawPolyline(
                        [
                            QPointF(box.left() + 6, box.center().y()),
                            QPointF(box.left() + 11, box.bottom() - 6),
                            QPointF(box.right() - 5, box.top() + 6),
                        ]
                    )
        painter.setPen(color)
        if self._style == "scale":
            if self._number:
                painter.setFont(self._number_font())
                painter.setPen(ACCENT if checked else color)
                painter.drawText(
                    QRect(0, _PAD_Y, self.width(), self._number_height()),
                    int(Qt.AlignmentFlag.AlignCenter),
                    self._number,
                )
                painter.setPen(color)
                painter.setFont(self.font())
            rect = self._text_rect(self.width())
            rect.setHeight(self.height() - rect.top())
            painter.drawText(rect, _CENTER_FLAGS, self.text())
        else:
            rect = self._text_rect(self.width())
            rect.setTop(0)
            rect.setHeight(self.height())
            if checked:
                bold = QFont(self.font())
                bold.setBold(True)
                painter.setFont(bold)
            painter.drawText(rect, _FLAGS, self.text())
        painter.end()


class AnswerWidget(QWidget):
    """The answer controls for one question: options, a 1-5 scale or a text box. `answer()` is the value to
    submit (an option id, a number 1-5, text) or None; `changed` fires when the person answers."""

    changed = Signal()

    def __init__(
        self,
        question: QuestionView,
        scale_labels: list[str] | None = None,
        answer: str | int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._values: dict[int, str | int] = {}
        self._text: QPlainTextEdit | None = None
        if question.type == "single_choice":
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(10)
            for index, (option_id, text) in enumerate(question.options):
                button = ChoiceButton(text, "option", parent=self)
                button.setObjectName(f"option_{option_id}")
                self._group.addButton(button, index)
                self._values[index] = option_id
                layout.addWidget(button)
            layout.addStretch(1)
        elif question.type in ("likert5", "rating5"):
            outer = QVBoxLayout(self)
            outer.setContentsMargins(0, 0, 0, 0)
            row = QGridLayout()
            row.setSpacing(10)
            labels = scale_labels or [str(n) for n in range(1, 6)]
            for index, text in enumerate(labels):
                button = ChoiceButton(text, "scale", number=str(index + 1), parent=self)
                button.setObjectName(f"scale_{index + 1}")
                self._group.addButton(button, index)
                self._values[index] = index + 1
                row.addWidget(button, 0, index)
                row.setColumnStretch(index, 1)
            outer.addLayout(row)
            outer.addStretch(1)
        else:
            box = QHBoxLayout(self)
            box.setContentsMargins(0, 0, 0, 0)
            edit = QPlainTextEdit(self)
            edit.setObjectName("textAnswer")
            edit.setAccessibleName(question.text)
            edit.setTabChangesFocus(True)
            edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 5)
            edit.textChanged.connect(self._on_text_changed)
            box.addWidget(edit)
            self._text = edit
        self._group.idToggled.connect(self._on_toggled)
        if answer is not None:
            self.set_answer(answer)

    def _on_toggled(self, _id: int, on: bool) -> None:
        if on:
            self.changed.emit()

    def _on_text_changed(self) -> None:
        edit = self._text
        if edit is not None and len(edit.toPlainText()) > MAX_TEXT_ANSWER:
            edit.setPlainText(edit.toPlainText()[:MAX_TEXT_ANSWER])
            edit.moveCursor(QTextCursor.MoveOperation.End)
        self.changed.emit()

    def buttons(self) -> list[ChoiceButton]:
        return [b for b in self._group.buttons() if isinstance(b, ChoiceButton)]

    def text_edit(self) -> QPlainTextEdit | None:
        return self._text

    def answer(self) -> str | int | None:
        if self._text is not None:
            text = self._text.toPlainText().strip()
            return text or None
        checked = self._group.checkedId()
        return self._values.get(checked) if checked >= 0 else None

    def set_answer(self, value: str | int) -> None:
        if self._text is not None:
            self._text.setPlainText(str(value))
            return
        for index, stored in self._values.items():
            if stored == value:
                button = self._group.button(index)
                if button is not None:
                    button.setChecked(True)

    def choose(self, position: int) -> None:
        """Pick the n-th choice (0-based), as a tap would (used by keyboard shortcuts and tests)."""
        button = self._group.button(position)
        if button is not None:
            button.click()

    def focus_first(self) -> None:
        if self._text is not None:
            self._text.setFocus()
            return
        buttons = self.buttons()
        checked = [b for b in buttons if b.isChecked()]
        target = checked[0] if checked else (buttons[0] if buttons else None)
        if target is not None:
            target.setFocus()


def clear_layout(
    layout: QVBoxLayout | QGridLayout | QHBoxLayout, keep: Callable[[QWidget], bool] | None = None
) -> None:
    """Remove and delete every widget of a layout (pages rebuilt for each person keep nothing behind)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None and (keep is None or not keep(widget)):
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        child = item.layout()
        if child is not None and isinstance(child, QVBoxLayout | QGridLayout | QHBoxLayout):
            clear_layout(child, keep)
