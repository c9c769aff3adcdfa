"""Certificates of participation: one landscape page per eligible participant, each in its own language.

Every text block is fitted to its box by shrinking the font (down to a floor), so a very long name or a long
French title wraps and shrinks instead of overflowing the page. The number and verification code are
printed at the foot, with a line saying headquarters can check the code.
"""

from __future__ import annotations

import io
import re
from xml.sax.saxutils import unescape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ccema_desktop.i18n import N_
from ccema_desktop.reports.data import CertificateItem, CertificatesData, WorkshopInfo
from ccema_desktop.reports.fonts import FONT, FONT_BOLD
from ccema_desktop.reports.output import CancelCheck, Progress, Reporter
from ccema_desktop.reports.styles import BLUE, GREY, RULE, BuiltPdf, Kit, markup

PAGE = landscape(A4)
CERTIFICATE = N_("Certificate of participation")
PROGRAMME = N_("Migration, environment and climate change: capacity building")
CERTIFIES = N_("This is to certify that")
PARTICIPATED = N_("has participated in the workshop")
MODULES = N_("Modules covered:")
NUMBER = N_("Certificate No. {number}")
ISSUED = N_("Issued on {date}")
CODE = N_("Verification code: {code}")
VERIFY_HINT = N_("The organisers can confirm this certificate with its verification code.")
FACILITATOR = N_("Facilitator")
ORGANISER = N_("For the organisers")


def _longest_word(fragment: str, font: str) -> float:
    """Width at 1 pt of the widest word of a markup fragment (tags and entities removed)."""
    plain = unescape(re.sub(r"<[^>]+>", " ", fragment))
    return max((stringWidth(word, font, 1) for word in plain.split()), default=0.0)


def fitted(text: str, style: ParagraphStyle, width: float, max_height: float, floor: float) -> Paragraph:
    """A paragraph of markup `text` in `style`, shrunk until it fits `width` x `max_height` (or the floor).

    It also shrinks until the longest word fits on a line, so long names are never cut mid-word.
    """
    size = min(style.fontSize, max(floor, width / (_longest_word(text, style.fontName) or 1)))
    while True:
        current = style.clone(style.name, fontSize=size, leading=size * 1.2)
        paragraph = Paragraph(text, current)
        _, height = paragraph.wrap(width, max_height * 4)
        if height <= max_height or size <= floor:
            return paragraph
        size = max(floor, size - 1)


def _style(name: str, size: float, bold: bool = False, color: object = None) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        bulletFontName=FONT,
        fontSize=size,
        leading=size * 1.2,
        alignment=1,
        textColor=color or "#1A1A1A",
    )


STYLES = {
    "eyebrow": _style("eyebrow", 11, False, GREY),
    "title": _style("title", 30, True, BLUE),
    "lead": _style("lead", 13),
    "name": _style("name", 30, True),
    "workshop": _style("workshop", 17, True, BLUE),
    "details": _style("details", 12),
    "modules": _style("modules", 9.5, False, GREY),
    "sign": _style("sign", 9.5),
    "foot": _style("foot", 8.5, False, GREY),
}


NAME_BOX = 26 * mm
TEXT_WIDTH = PAGE[0] - 60 * mm
FOOT_WIDTH = PAGE[0] - 40 * mm


class _Backdrop:
    """Everything on a certificate except the name and the number line, for one language.

    Drawn once per document and language into a PDF form that every page reuses: certificates of one
    workshop differ only by name and number, so pages stay small and fast to build. The name gets a fixed
    box, so the layout is the same on every certificate.
    """

    def __init__(self, kit: Kit, workshop: WorkshopInfo) -> None:
        self.kit = kit
        self.workshop = workshop
        self.form = f"certificate-{kit.lang}"
        self.name_top = 0.0

    def _block(self, canvas: Canvas, text: str, style: str, y: float, height: float, floor: float) -> float:
        """Draw fitted markup centred horizontally with its top at y; returns the y below it."""
        paragraph = fitted(text, STYLES[style], TEXT_WIDTH, height, floor)
        h = float(paragraph.wrap(TEXT_WIDTH, height * 4)[1])
        paragraph.drawOn(canvas, (PAGE[0] - TEXT_WIDTH) / 2, y - h)
        return y - h

    def draw(self, canvas: Canvas) -> None:
        if canvas.hasForm(self.form):
            canvas.doForm(self.form)
            return
        canvas.beginForm(self.form)
        kit, w = self.kit, self.workshop
        page_w, page_h = PAGE
        canvas.saveState()
        canvas.setStrokeColor(BLUE)
        canvas.setLineWidth(3)
        canvas.rect(10 * mm, 10 * mm, page_w - 20 * mm, page_h - 20 * mm)
        canvas.setLineWidth(0.8)
        canvas.rect(13 * mm, 13 * mm, page_w - 26 * mm, page_h - 26 * mm)
        canvas.setFillColor(BLUE)
        canvas.rect(13 * mm, page_h - 21 * mm, page_w - 26 * mm, 8 * mm, stroke=0, fill=1)
        canvas.restoreState()

        y = page_h - 30 * mm
        y = self._block(canvas, markup(kit.t(PROGRAMME)), "eyebrow", y, 14 * mm, 8) - 4 * mm
        y = self._block(canvas, markup(kit.t(CERTIFICATE)), "title", y, 26 * mm, 16) - 6 * mm
        y = self._block(canvas, markup(kit.t(CERTIFIES)), "lead", y, 10 * mm, 9) - 2 * mm
        self.name_top = y
        y -= NAME_BOX + 2 * mm
        y = self._block(canvas, markup(kit.t(PARTICIPATED)), "lead", y, 10 * mm, 9) - 3 * mm
        y = self._block(canvas, markup(w.title), "workshop", y, 26 * mm, 10) - 3 * mm
        where = ", ".join(part for part in (w.venue, kit.countries(w.countries)) if part)
        details = " · ".join(part for part in (where, kit.date_range(w.start, w.end)) if part)
        y = self._block(canvas, markup(details), "details", y, 12 * mm, 8) - 2 * mm
        modules = w.module_titles(kit.lang)
        if modules:
            listed = "; ".join(f"{n}. {title}" for n, title in modules)
            self._block(canvas, f"{markup(kit.t(MODULES))} {markup(listed)}", "modules", y, 13 * mm, 6.5)
        self._signatures(canvas)
        hint = fitted(markup(kit.t(VERIFY_HINT)), STYLES["foot"], FOOT_WIDTH, 5 * mm, 6)
        h = hint.wrap(FOOT_WIDTH, 20 * mm)[1]
        hint.drawOn(canvas, (page_w - FOOT_WIDTH) / 2, 20.5 * mm - h)
        canvas.endForm()
        canvas.doForm(self.form)

    def _signatures(self, canvas: Canvas) -> None:
        kit, names = self.kit, self.workshop.facilitators
        labels = [
            (names[0] if names else "", kit.t(FACILITATOR)),
            (", ".join(names[1:3]) if len(names) > 1 else "", kit.t(ORGANISER)),
        ]
        box = 85 * mm
        for i, (name, label) in enumerate(labels):
            x = PAGE[0] / 2 - box - 15 * mm if i == 0 else PAGE[0] / 2 + 15 * mm
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.7)
            canvas.line(x, 44 * mm, x + box, 44 * mm)
            text = f"{markup(name)}<br/>{markup(label)}" if name else markup(label)
            paragraph = fitted(text, STYLES["sign"], box, 10 * mm, 6.5)
            _, h = paragraph.wrap(box, 40 * mm)
            paragraph.drawOn(canvas, x, 42.5 * mm - h)


def _draw_certificate(canvas: Canvas, backdrop: _Backdrop, item: CertificateItem) -> None:
    """One whole page: the language's backdrop, then the name in its box and the number line."""
    kit = backdrop.kit
    backdrop.draw(canvas)
    style = STYLES["name"]
    middle = backdrop.name_top - NAME_BOX / 2
    if stringWidth(item.participant_name, style.fontName, style.fontSize) <= TEXT_WIDTH:
        # One line at full size, the usual case: drawn directly, without a Paragraph.
        canvas.saveState()
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawCentredString(PAGE[0] / 2, middle - style.fontSize * 0.35, item.participant_name)
        canvas.restoreState()
    else:
        name = fitted(markup(item.participant_name), style, TEXT_WIDTH, NAME_BOX, 14)
        h = name.wrap(TEXT_WIDTH, NAME_BOX * 4)[1]
        name.drawOn(canvas, (PAGE[0] - TEXT_WIDTH) / 2, middle - h / 2)
    foot = " · ".join(
        (
            kit.t(NUMBER, number=item.number),
            kit.t(ISSUED, date=kit.date(item.issued)),
            kit.t(CODE, code=item.verification_code),
        )
    )
    size = min(8.5, 8.5 * FOOT_WIDTH / max(stringWidth(foot, FONT, 8.5), 1))
    canvas.saveState()
    canvas.setFont(FONT, size)
    canvas.setFillColor(GREY)
    canvas.drawCentredString(PAGE[0] / 2, 24.5 * mm, foot)
    canvas.restoreState()


def build_certificates(
    data: CertificatesData, progress: Progress | None = None, cancel: CancelCheck | None = None
) -> BuiltPdf:
    """One page per item of `data`, each in the item's language; one progress unit per certificate.

    Certificates have a fixed layout, so they are drawn straight onto a canvas (no flowing text frames).
    """
    reporter = Reporter(len(data.items), progress, cancel)
    backdrops: dict[str, _Backdrop] = {}
    first = Kit.for_language(data.items[0].language if data.items else data.workshop.language)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAGE, initialFontName=FONT, lang=first.lang)
    canvas.setTitle(f"{first.t(CERTIFICATE)} – {data.workshop.title}")
    canvas.setSubject(data.workshop.code)
    canvas.setAuthor("CCEMA Desktop")
    canvas.setCreator("CCEMA Desktop")
    for item in data.items:
        reporter.check()
        backdrop = backdrops.get(item.language)
        if backdrop is None:
            backdrop = backdrops[item.language] = _Backdrop(Kit.for_language(item.language), data.workshop)
        _draw_certificate(canvas, backdrop, item)
        canvas.showPage()
        reporter.step()
    canvas.save()
    reporter.finish()
    return BuiltPdf(buffer.getvalue(), len(data.items))
