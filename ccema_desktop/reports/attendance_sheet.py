"""Sign-in sheets: the paper backup when the laptop fails, and the signatures some funders require.

One sheet per day (or per session): every page repeats the workshop, venue, date and the table header, rows
are tall enough to sign and never split across pages, and a few blank rows take walk-in participants.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer

from ccema_desktop.i18n import N_
from ccema_desktop.reports.data import AttendanceSheetData, SignInSheet
from ccema_desktop.reports.output import CancelCheck, Progress, Reporter
from ccema_desktop.reports.styles import (
    GENERATED_BY,
    MARGIN,
    RULE,
    BuiltPdf,
    Cell,
    Kit,
    Unit,
    build_pdf,
    markup,
    numbered_canvas,
)

SIGN_IN_SHEET = N_("Sign-in sheet")
WIDTHS = (9 * mm, 56 * mm, 58 * mm, 51 * mm)
SIGN_SPACE = 7 * mm


def _header(kit: Kit, data: AttendanceSheetData, sheet: SignInSheet) -> list[Paragraph]:
    w = data.workshop
    where = ", ".join(part for part in (w.venue, kit.countries(w.countries)) if part)
    when = kit.date(sheet.date, "full")
    lines = [
        kit.rich(f"{markup(kit.t(SIGN_IN_SHEET))} · {markup(w.code)}", "h2"),
        kit.rich(markup(w.title), "h1"),
        kit.rich(f"<b>{markup(kit.t(N_('Date')))}:</b> {markup(when)}", "body"),
    ]
    if where:
        lines.insert(2, kit.rich(f"<b>{markup(kit.t(N_('Venue')))}:</b> {markup(where)}", "body"))
    if sheet.session_title:
        time = ""
        if sheet.start and sheet.end:
            time = f" ({sheet.start:%H:%M}–{sheet.end:%H:%M})"
        lines.append(
            kit.rich(f"<b>{markup(kit.t(N_('Session')))}:</b> {markup(sheet.session_title + time)}", "body")
        )
    for line in lines:
        line.style = line.style.clone(line.style.name, spaceBefore=0, spaceAfter=1 * mm)
    return lines


def _measure(paragraphs: list[Paragraph], width: float) -> float:
    return float(sum(p.wrap(width, 1000)[1] + p.style.spaceAfter for p in paragraphs))


def _template(
    index: int, header: list[Paragraph], pagesize: tuple[float, float]
) -> tuple[PageTemplate, float]:
    width, height = pagesize
    inner = width - 2 * MARGIN
    header_height = _measure(header, inner)
    top = MARGIN + header_height + 3 * mm

    def on_page(canvas: Canvas, _doc: object, header: list[Paragraph] = header) -> None:
        canvas.saveState()
        y = height - MARGIN
        for paragraph in header:
            _, h = paragraph.wrap(inner, 1000)
            paragraph.drawOn(canvas, MARGIN, y - h)
            y -= h + paragraph.style.spaceAfter
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, y - 1 * mm, width - MARGIN, y - 1 * mm)
        canvas.restoreState()

    frame = Frame(MARGIN, 16 * mm, inner, height - top - 16 * mm, leftPadding=0, rightPadding=0, topPadding=0)
    return PageTemplate(id=f"sheet{index}", frames=[frame], onPage=on_page, pagesize=pagesize), top


def _table(kit: Kit, data: AttendanceSheetData, sheet: SignInSheet) -> Flowable:
    def who(org: str, position: str) -> list[tuple[str, str] | Flowable]:
        return [(org, "cell"), (position, "small")] if position else [(org, "cell")]

    rows: list[list[Cell]] = []
    for n, person in enumerate(sheet.people, 1):
        rows.append(
            [
                str(n),
                (person.full_name, "cell_bold"),
                who(person.organization, person.position),
                Spacer(1, SIGN_SPACE),
            ]
        )
    for n in range(len(sheet.people) + 1, len(sheet.people) + data.blank_rows + 1):
        rows.append([str(n), "", "", Spacer(1, SIGN_SPACE)])
    header = [
        kit.t(N_("No.")),
        kit.t(N_("Full name")),
        kit.t(N_("Organisation and position")),
        kit.t(N_("Signature")),
    ]
    return kit.table(header, rows, WIDTHS, numeric=(0,), grid=True, body_valign="TOP")


def build_attendance_sheet(
    data: AttendanceSheetData,
    lang: str,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    pagesize: tuple[float, float] = A4,
) -> BuiltPdf:
    """The sign-in sheets of `data` as a PDF in `lang`; one progress unit per sheet."""
    kit = Kit.for_language(lang)
    reporter = Reporter(len(data.sheets), progress, cancel)
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    for index, sheet in enumerate(data.sheets):
        template, _top = _template(index, _header(kit, data, sheet), pagesize)
        templates.append(template)
        if index:
            story += [NextPageTemplate(template.id), PageBreak()]
        story.append(_table(kit, data, sheet))
        story.append(Spacer(1, 5 * mm))
        story.append(kit.p(kit.t(N_("Facilitator (name and signature):")) + " " + "_" * 40, "body"))
        story.append(Unit())
    w = data.workshop
    footer = f"{w.code} · {kit.t(SIGN_IN_SHEET)} · {kit.t(GENERATED_BY, date=kit.date(dt.date.today()))}"
    return build_pdf(
        story,
        kit,
        reporter,
        title=f"{kit.t(SIGN_IN_SHEET)} – {w.title}",
        subject=w.code,
        templates=templates,
        pagesize=pagesize,
        canvasmaker=numbered_canvas(kit, footer),
    )
