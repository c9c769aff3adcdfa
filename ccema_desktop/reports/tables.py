"""Tables of text wrapped once and drawn straight onto the canvas, with a header repeated on every page.

ReportLab's Table resolves a style object per cell per command and draws every string with its own text
object, and Paragraph cells parse markup: together they were most of the workshop report's build time.
Here text is wrapped when the table is made (`wrap_text`: long names shrink, over-wide words are cut, so
nothing leaves its cell), a table's text goes out as one text object, and each row carries its own
background and rules, so the parts of a table split across pages look like ReportLab's. Cells may also hold
flowables (a chart, a spacer, another table), stacked with the text in the cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from reportlab.lib.colors import Color
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


@dataclass(frozen=True, slots=True)
class TextStyle:
    """What a block of cell text is drawn in; `align` is LEFT, RIGHT or CENTER."""

    font: str
    size: float
    leading: float
    color: Color
    align: str = "LEFT"


@dataclass(slots=True)
class Block:
    """Lines of text already wrapped to their column, in one style (its size may have been shrunk)."""

    lines: list[str]
    style: TextStyle

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.leading


#: What a cell holds: text blocks and flowables, stacked from the top.
Part: TypeAlias = Block | Flowable
#: A rule: line width and colour.
Rule: TypeAlias = tuple[float, Color]


@dataclass(slots=True)
class Row:
    cells: list[list[Part]]
    background: Color | None = None
    below: Rule | None = None
    above: Rule | None = None
    valign: str = "MIDDLE"
    #: Measured once (column widths are fixed, and the parts of a split table share their rows).
    height: float = -1.0
    contents: list[float] = field(default_factory=list)
    flowable_heights: dict[int, float] = field(default_factory=dict)


def wrap_text(text: str, font: str, size: float, width: float, floor: float = 6) -> tuple[list[str], float]:
    """`text` broken into lines that fit `width`, and the font size to draw it at.

    The size shrinks (down to `floor`) until the longest word fits, so long names are not cut mid-word;
    a word still too wide at the floor is cut into pieces that fit, so nothing ever runs out of its cell.
    """
    if "\n" not in text and "\r" not in text:
        single = " ".join(text.split())
        if stringWidth(single, font, size) <= width:  # the common case: one line that fits
            return [single], size
    words = text.split()
    longest = max((stringWidth(w, font, size) for w in words), default=0.0)
    if longest > width:
        size = max(floor, size * width / longest)
    lines: list[str] = []
    for part in text.splitlines():
        pieces = [piece for word in part.split() for piece in _cut(word, font, size, width)]
        lines += simpleSplit(" ".join(pieces), font, size, width) if pieces else [""]
    return lines or [""], size


def _cut(word: str, font: str, size: float, width: float) -> list[str]:
    """`word` as one piece, or as several pieces each narrower than `width` when it is too wide."""
    if stringWidth(word, font, size) <= width:
        return [word]
    pieces, current = [], ""
    for ch in word:
        if current and stringWidth(current + ch, font, size) > width:
            pieces.append(current)
            current = ""
        current += ch
    return [*pieces, current]


def block(text: str, style: TextStyle, width: float, align: str | None = None) -> Block:
    """`text` wrapped to `width` in `style` (shrunk if a word is too wide), optionally re-aligned."""
    lines, size = wrap_text(text, style.font, style.size, width)
    if size != style.size or (align and align != style.align):
        style = TextStyle(
            style.font, size, style.leading * size / style.size, style.color, align or style.align
        )
    return Block(lines, style)


class TextTable(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """Rows of cells in fixed-width columns; splits between rows, repeating the first `header_rows`.

    `padding` is (left, right, top, bottom) for every cell; `vlines` are (column boundary, width, colour)
    rules over the full height of each part; `box` frames each part, as ReportLab's GRID does.
    """

    def __init__(
        self,
        rows: Sequence[Row],
        widths: Sequence[float],
        *,
        header_rows: int = 0,
        padding: tuple[float, float, float, float] = (3, 3, 2.5, 2.5),
        vlines: Sequence[tuple[int, float, Color]] = (),
        box: Rule | None = None,
        h_align: str = "CENTER",
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.widths = list(widths)
        self.header_rows = header_rows
        self.padding = padding
        self.vlines = list(vlines)
        self.box = box
        self.hAlign = h_align
        self.width = sum(self.widths)
        self.height = 0.0

    def _part(self, rows: list[Row]) -> TextTable:
        return TextTable(
            rows,
            self.widths,
            header_rows=self.header_rows,
            padding=self.padding,
            vlines=self.vlines,
            box=self.box,
            h_align=self.hAlign,
        )

    def _measure(self, row: Row) -> float:
        if row.height >= 0:
            return row.height
        left, right, top, bottom = self.padding
        row.contents = []
        for parts, width in zip(row.cells, self.widths, strict=True):
            room = width - left - right
            used = 0.0
            after = 0.0
            for n, part in enumerate(parts):
                if isinstance(part, Block):
                    used += part.height
                    after = 0.0
                else:
                    _w, h = part.wrapOn(getattr(self, "canv", None), room, 1e6)
                    row.flowable_heights[id(part)] = h
                    used += h + part.getSpaceAfter() + (part.getSpaceBefore() if n else 0.0)
                    after = part.getSpaceAfter()
            row.contents.append(used - after)
        row.height = max(row.contents, default=0.0) + top + bottom
        return row.height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = sum(self._measure(row) for row in self.rows)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        used, n = 0.0, 0
        for row in self.rows:
            h = self._measure(row)
            if used + h > availHeight:
                break
            used += h
            n += 1
        if n <= self.header_rows:
            return []
        if n == len(self.rows):
            return [self]
        head = self.rows[: self.header_rows]
        return [self._part(self.rows[:n]), self._part([*head, *self.rows[n:]])]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        left, right, top, bottom = self.padding
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        heights = [self._measure(row) for row in self.rows]
        ys = [sum(heights)]  # top edge of each row, then the bottom of the table
        for h in heights:
            ys.append(ys[-1] - h)
        for row, y, h in zip(self.rows, ys[1:], heights, strict=True):
            if row.background is not None:
                canvas.setFillColor(row.background)
                canvas.rect(0, y, self.width, h, stroke=0, fill=1)
        text = canvas.beginText()
        current: tuple[str, float, Color] | None = None
        flowables: list[tuple[Flowable, float, float]] = []
        for row, y, h in zip(self.rows, ys[1:], heights, strict=True):
            for parts, x, width, content in zip(row.cells, xs[:-1], self.widths, row.contents, strict=True):
                if not parts:
                    continue
                cursor = y + h - top if row.valign == "TOP" else y + (bottom + h - top + content) / 2
                for n, part in enumerate(parts):
                    if isinstance(part, Block):
                        st = part.style
                        if current is None or current[:2] != (st.font, st.size) or current[2] != st.color:
                            text.setFont(st.font, st.size, st.leading)
                            text.setFillColor(st.color)
                            current = (st.font, st.size, st.color)
                        base = cursor - st.size
                        for line in part.lines:
                            if st.align == "RIGHT":
                                lx = x + width - right - stringWidth(line, st.font, st.size)
                            elif st.align == "CENTER":
                                lx = x + (width + left - right - stringWidth(line, st.font, st.size)) / 2
                            else:
                                lx = x + left
                            if line:
                                text.setTextOrigin(lx, base)
                                text.textOut(line)
                            base -= st.leading
                        cursor -= part.height
                    else:
                        cursor -= (part.getSpaceBefore() if n else 0.0) + row.flowable_heights[id(part)]
                        flowables.append((part, x + left, cursor))  # as ReportLab's LEFT-aligned cells
                        cursor -= part.getSpaceAfter()
        if current is not None:
            canvas.drawText(text)
        for part, px, py in flowables:
            part.drawOn(canvas, px, py)
        self._rules(canvas, xs, ys)

    def _rules(self, canvas: Canvas, xs: list[float], ys: list[float]) -> None:
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        state: list[Any] = [None, None]

        def pen(rule: Rule) -> None:
            if rule[1] != state[1]:
                canvas.setStrokeColor(rule[1])
                state[1] = rule[1]
            if rule[0] != state[0]:
                canvas.setLineWidth(rule[0])
                state[0] = rule[0]

        width = self.width
        for row, y in zip(self.rows, ys[1:], strict=True):
            if row.below is not None:
                pen(row.below)
                canvas.line(0, y, width, y)
        for row, y in zip(self.rows, ys[:-1], strict=True):
            if row.above is not None:
                pen(row.above)
                canvas.line(0, y, width, y)
        for col, weight, colour in self.vlines:
            pen((weight, colour))
            canvas.line(xs[col], ys[-1], xs[col], ys[0])
        if self.box is not None:
            pen(self.box)
            for y in ys:
                canvas.line(0, y, width, y)
            for x in xs:
                canvas.line(x, ys[-1], x, ys[0])
