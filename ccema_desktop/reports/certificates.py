"""Certificates of participation: one landscape page per eligible participant, each in its own language.

Every text block is fitted to its box by shrinking the font (down to a floor), so a very long name or a long
French title wraps and shrinks instead of overflowing the page. The number and verification code are
printed at the foot, with a line saying headquarters can check the code.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import unescape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph

from ccema_desktop.i18n import N_
from ccema_desktop.reports.data import CertificateItem, CertificatesData, WorkshopInfo
from ccema_desktop.reports.fonts import FONT, FONT_BOLD
from ccema_desktop.reports.output import CancelCheck, Progress, Reporter
from ccema_desktop.reports.styles import BLUE, GREY, RULE, BuiltPdf, Kit, Unit, build_pdf, markup

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


class CertificatePage(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """One whole certificate page, drawn in page coordinates (its frame covers the page)."""

    def __init__(self, kit: Kit, workshop: WorkshopInfo, item: CertificateItem) -> None:
        super().__init__()
        self.kit = kit
        self.workshop = workshop
        self.item = item

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return float(PAGE[0]), float(PAGE[1])

    def _block(self, text: str, style: str, y: float, width: float, height: float, floor: float) -> float:
        """Draw fitted text centred horizontally with its top at y; returns the y below it."""
        paragraph = fitted(text, STYLES[style], width, height, floor)
        h = float(paragraph.wrap(width, height * 4)[1])
        paragraph.drawOn(self.canv, (PAGE[0] - width) / 2, y - h)
        return y - h

    def draw(self) -> None:
        c, kit, w, item = self.canv, self.kit, self.workshop, self.item
        page_w, page_h = PAGE
        c.saveState()
        c.setStrokeColor(BLUE)
        c.setLineWidth(3)
        c.rect(10 * mm, 10 * mm, page_w - 20 * mm, page_h - 20 * mm)
        c.setLineWidth(0.8)
        c.rect(13 * mm, 13 * mm, page_w - 26 * mm, page_h - 26 * mm)
        c.setFillColor(BLUE)
        c.rect(13 * mm, page_h - 21 * mm, page_w - 26 * mm, 8 * mm, stroke=0, fill=1)
        c.restoreState()

        width = page_w - 60 * mm
        y = page_h - 30 * mm
        y = self._block(markup(kit.t(PROGRAMME)), "eyebrow", y, width, 14 * mm, 8) - 4 * mm
        y = self._block(markup(kit.t(CERTIFICATE)), "title", y, width, 26 * mm, 16) - 6 * mm
        y = self._block(markup(kit.t(CERTIFIES)), "lead", y, width, 10 * mm, 9) - 3 * mm
        y = self._block(markup(item.participant_name), "name", y, width, 26 * mm, 14) - 3 * mm
        y = self._block(markup(kit.t(PARTICIPATED)), "lead", y, width, 10 * mm, 9) - 3 * mm
        y = self._block(markup(w.title), "workshop", y, width, 26 * mm, 10) - 3 * mm
        where = ", ".join(part for part in (w.venue, kit.countries(w.countries)) if part)
        details = " · ".join(part for part in (where, kit.date_range(w.start, w.end)) if part)
        y = self._block(markup(details), "details", y, width, 12 * mm, 8) - 2 * mm
        modules = w.module_titles(item.language)
        if modules:
            listed = "; ".join(f"{n}. {title}" for n, title in modules)
            self._block(f"{markup(kit.t(MODULES))} {markup(listed)}", "modules", y, width, 13 * mm, 6.5)

        self._signatures(page_w)
        foot = " · ".join(
            (
                kit.t(NUMBER, number=item.number),
                kit.t(ISSUED, date=kit.date(item.issued)),
                kit.t(CODE, code=item.verification_code),
            )
        )
        self._block(markup(foot), "foot", 27 * mm, page_w - 40 * mm, 9 * mm, 6)
        self._block(markup(kit.t(VERIFY_HINT)), "foot", 20.5 * mm, page_w - 40 * mm, 5 * mm, 6)

    def _signatures(self, page_w: float) -> None:
        kit, names = self.kit, self.workshop.facilitators
        labels = [
            (names[0] if names else "", kit.t(FACILITATOR)),
            (", ".join(names[1:3]) if len(names) > 1 else "", kit.t(ORGANISER)),
        ]
        box = 85 * mm
        for i, (name, label) in enumerate(labels):
            x = page_w / 2 - box - 15 * mm if i == 0 else page_w / 2 + 15 * mm
            self.canv.setStrokeColor(RULE)
            self.canv.setLineWidth(0.7)
            self.canv.line(x, 44 * mm, x + box, 44 * mm)
            text = f"{markup(name)}<br/>{markup(label)}" if name else markup(label)
            paragraph = fitted(text, STYLES["sign"], box, 10 * mm, 6.5)
            _, h = paragraph.wrap(box, 40 * mm)
            paragraph.drawOn(self.canv, x, 42.5 * mm - h)


def build_certificates(
    data: CertificatesData, progress: Progress | None = None, cancel: CancelCheck | None = None
) -> BuiltPdf:
    """One page per item of `data`, each in the item's language; one progress unit per certificate."""
    kits: dict[str, Kit] = {}
    story: list[Flowable] = []
    for item in data.items:
        kit = kits.get(item.language) or kits.setdefault(item.language, Kit.for_language(item.language))
        story += [CertificatePage(kit, data.workshop, item), Unit()]
    first = kits[data.items[0].language] if data.items else Kit.for_language(data.workshop.language)
    # The frame reaches 2 pt below the page so the progress marker after each full-page certificate still
    # fits on that page (otherwise the last one would open an empty page).
    frame = Frame(0, -2, PAGE[0], PAGE[1] + 2, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    return build_pdf(
        story,
        first,
        Reporter(len(data.items), progress, cancel),
        title=f"{first.t(CERTIFICATE)} – {data.workshop.title}",
        subject=data.workshop.code,
        templates=[PageTemplate(id="certificate", frames=[frame], pagesize=PAGE)],
        pagesize=PAGE,
    )
