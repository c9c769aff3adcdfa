"""Tables of text wrapped once and drawn straight onto the canvas, with a header repeated on every page.

ReportLab's Table resolves a style object per cell per command and draws every string with its own text
object, and Paragraph cells parse markup: together they were most of the workshop report's build time.
Here text is wrapped when the table is made (`wrap_text`: long names shrink, over-wide words are cut, so
nothing leaves its cell), a table's text goes out as one text object, and each row carries its own
background and rules, so the parts of a table split across pages look like ReportLab's. Cells may also hold
flowables (a chart, a spacer, another table), stacked with the text in the cell. `PlainText` does the same
for paragraphs without markup (headings, notes), which Paragraph would parse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
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
    #: Word spacing per line (negative: squeezed to the width, as Paragraph squeezes), or None.
    spacing: list[float] | None = None
    #: Each line's width as measured while wrapping (right and centred lines need it), or None.
    widths: list[float] | None = None
    height: float = field(init=False)

    def __post_init__(self) -> None:
        self.height = len(self.lines) * self.style.leading


def rgb(colour: Color) -> tuple[float, float, float]:
    """`colour` as an RGB triple: given a triple, ReportLab skips its transparency bookkeeping (our colours are
    all opaque), which was most of the cost of setting a colour."""
    return (colour.red, colour.green, colour.blue)


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


#: Breakable white space: any but the no-break spaces (French "85 %" and "nationaux ?" stay together).
_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def _words(text: str) -> list[str]:
    if "\u00a0" in text or "\u202f" in text or "\u2007" in text:
        return [word for word in _BREAKS.split(text) if word]
    return text.split()


def wrap_text(
    text: str, font: str, size: float, width: float, floor: float = 6, slack: float = 0
) -> tuple[list[str], float, list[float]]:
    """`text` broken into lines that fit `width`, the font size to draw it at, and each line's width.

    The size shrinks (down to `floor`) until the longest word fits, so long names are not cut mid-word;
    a word still too wide at the floor is cut into pieces that fit, so nothing ever runs out of its cell.
    Lines break as ReportLab's simpleSplit breaks them, measuring each word once; `slack` lets each space
    of a line give that share of its width, as Paragraph allows (`rl_config.spaceShrinkage`).
    """
    if "\n" not in text and "\r" not in text:
        single = " ".join(_words(text))
        used = stringWidth(single, font, size)
        if used <= width:  # the common case: one line that fits
            return [single], size, [used]
    measure = getFont(font).stringWidth
    paragraphs = [_words(line) for line in text.splitlines()]
    widths = {word: measure(word, size) for words in paragraphs for word in words}
    longest = max(widths.values(), default=0.0)
    if longest > width:
        size = max(floor, size * width / longest)
        widths = {word: measure(word, size) for word in widths}
    space = measure(" ", size)
    give = slack * space
    lines: list[str] = []
    line_widths: list[float] = []
    for words in paragraphs:
        line: list[str] = []
        used = 0.0
        for word in words:
            pieces = [word] if widths[word] <= width else _cut(word, font, size, width)
            for piece in pieces:
                piece_width = widths[word] if piece is word else measure(piece, size)
                if line and used + space + piece_width > width + give * len(line):
                    lines.append(" ".join(line))
                    line_widths.append(used)
                    line, used = [piece], piece_width
                else:
                    used = used + space + piece_width if line else piece_width
                    line.append(piece)
        lines.append(" ".join(line))
        line_widths.append(used)
    return (lines, size, line_widths) if lines else ([""], size, [0.0])


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


def block(text: str, style: TextStyle, width: float, floor: float = 6, slack: float = 0) -> Block:
    """`text` wrapped to `width` in `style`, shrunk (down to `floor`) if a word is too wide; `slack` as for
    `wrap_text`."""
    lines, size, widths = wrap_text(text, style.font, style.size, width, floor, slack)
    if size != style.size:
        style = TextStyle(style.font, size, style.leading * size / style.size, style.color, style.align)
    return Block(lines, style, widths=widths)


class Pen:
    """Writes blocks into one text object, changing font and colour only when they change."""

    __slots__ = ("color", "font", "text", "used")

    def __init__(self, text: PDFTextObject) -> None:
        self.text = text
        self.font: tuple[str, float, float] | None = None
        self.color: Color | None = None
        self.used = False

    def write(self, block: Block, left: float, right: float, top: float) -> None:
        """`block` between x = `left` and `right` (as aligned), its first line's top at `top`."""
        st = block.style
        text = self.text
        if len(block.lines) == 1 and not block.lines[0]:
            return  # an empty cell: nothing to write
        font = (st.font, st.size, st.leading)
        if font != self.font:
            text.setFont(*font)
            self.font = font
        if st.color is not self.color:
            text.setFillColor(rgb(st.color))
            self.color = st.color
        self.used = True
        y = top - st.size
        if st.align == "LEFT":
            text.setTextOrigin(left, y)
            for n, line in enumerate(block.lines):
                squeeze = block.spacing[n] if block.spacing else 0.0
                if squeeze:
                    text.setWordSpace(squeeze)
                text.textLine(line)  # T* steps down by the leading set with the font
                if squeeze:
                    text.setWordSpace(0)
            return
        widths = block.widths or [stringWidth(line, st.font, st.size) for line in block.lines]
        for line, w in zip(block.lines, widths, strict=True):
            if line:
                text.setTextOrigin(right - w if st.align == "RIGHT" else (left + right - w) / 2, y)
                text.textLine(line)
            y -= st.leading


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
        self._total = -1.0

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
        if self._total < 0:  # the columns are fixed, so the height is too
            self._total = sum(self._measure(row) for row in self.rows)
        self.height = self._total
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
        fill: Color | None = None
        for row, y, h in zip(self.rows, ys[1:], heights, strict=True):
            if row.background is not None:
                if row.background is not fill:
                    canvas.setFillColor(rgb(row.background))
                    fill = row.background
                canvas.rect(0, y, self.width, h, stroke=0, fill=1)
        pen = Pen(canvas.beginText())
        flowables: list[tuple[Flowable, float, float]] = []
        for row, y, h in zip(self.rows, ys[1:], heights, strict=True):
            for parts, x, width, content in zip(row.cells, xs[:-1], self.widths, row.contents, strict=True):
                if not parts:
                    continue
                cursor = y + h - top if row.valign == "TOP" else y + (bottom + h - top + content) / 2
                for n, part in enumerate(parts):
                    if isinstance(part, Block):
                        pen.write(part, x + left, x + width - right, cursor)
                        cursor -= part.height
                    else:
                        cursor -= (part.getSpaceBefore() if n else 0.0) + row.flowable_heights[id(part)]
                        flowables.append((part, x + left, cursor))  # as ReportLab's LEFT-aligned cells
                        cursor -= part.getSpaceAfter()
        if pen.used:
            canvas.drawText(pen.text)
        for part, px, py in flowables:
            part.drawOn(canvas, px, py)
        self._rules(canvas, xs, ys)

    def _rules(self, canvas: Canvas, xs: list[float], ys: list[float]) -> None:
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        state: list[Any] = [None, None]

        def pen(rule: Rule) -> None:
            if rule[1] != state[1]:
                canvas.setStrokeColor(rgb(rule[1]))
                state[1] = rule[1]
            if rule[0] != state[0]:
                canvas.setLineWidth(rule[0])
                state[0] = rule[0]

        width = self.width
        # Rules of one kind go out as one path each (in ReportLab's order: below, above, columns, grid).
        groups: list[tuple[Rule, list[tuple[float, float, float, float]]]] = []
        for rule, segment in (
            *((row.below, (0, y, width, y)) for row, y in zip(self.rows, ys[1:], strict=True)),
            *((row.above, (0, y, width, y)) for row, y in zip(self.rows, ys[:-1], strict=True)),
            *(((weight, colour), (xs[col], ys[-1], xs[col], ys[0])) for col, weight, colour in self.vlines),
        ):
            if rule is None:
                continue
            if groups and groups[-1][0] == rule:
                groups[-1][1].append(segment)
            else:
                groups.append((rule, [segment]))
        if self.box is not None:
            grid = [(0, y, width, y) for y in ys] + [(x, ys[-1], x, ys[0]) for x in xs]
            groups.append((self.box, grid))
        for rule, segments in groups:
            pen(rule)
            canvas.lines(segments)


def _squeeze(line: str, style: TextStyle, width: float) -> float:
    """The (negative) word spacing that brings a line let past `width` by the slack back to it, or 0."""
    over = stringWidth(line, style.font, style.size) - width
    spaces = line.count(" ") + line.count("\u00a0")
    return -over / spaces if over > 1e-8 and spaces else 0.0


class PlainText(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A paragraph of plain text (no markup) in one style: what Paragraph does for plain text, without
    parsing markup into fragments. Lines break where Paragraph breaks them (a line may take up to
    `rl_config.spaceShrinkage` of each space and is then squeezed to the width) and words too wide for the
    frame are cut. Splits between lines across pages, never leaving a single first line at the bottom
    (Paragraph's default)."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        space_before: float = 0,
        space_after: float = 0,
        laid: Block | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = space_before
        self.spaceAfter = space_after
        self.keepWithNext = False
        self._fixed = laid is not None  # a part of a split paragraph keeps its lines
        self._block = laid
        self._for_width = -1.0

    def _layout(self, width: float) -> Block:
        if self._fixed and self._block is not None:
            return self._block
        if self._block is None or width != self._for_width:
            if not self.text.strip():
                self._block = Block([], self.style)
            else:
                laid = block(
                    self.text, self.style, width, floor=self.style.size, slack=rl_config.spaceShrinkage
                )
                laid.spacing = [_squeeze(line, laid.style, width) for line in laid.lines]
                self._block = laid
            self._for_width = width
        return self._block

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self._layout(availWidth).height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        laid = self._layout(availWidth)
        fit = int(availHeight / laid.style.leading)
        if fit <= 1:
            return []
        if len(laid.lines) <= fit:
            return [self]
        spacing = laid.spacing or [0.0] * len(laid.lines)
        widths = laid.widths or [stringWidth(line, laid.style.font, laid.style.size) for line in laid.lines]
        head = Block(laid.lines[:fit], laid.style, spacing[:fit], widths[:fit])
        tail = Block(laid.lines[fit:], laid.style, spacing[fit:], widths[fit:])
        return [
            PlainText(self.text, laid.style, self.spaceBefore, self.spaceAfter, laid=head),
            PlainText(self.text, laid.style, self.spaceBefore, self.spaceAfter, laid=tail),
        ]

    def draw(self) -> None:
        laid = self._layout(self.width)
        if laid.lines:
            pen = Pen(self.canv.beginText())
            pen.write(laid, 0, self.width, self.height)
            self.canv.drawText(pen.text)
