"""The shipped Unicode font (DejaVu Sans), registered once with ReportLab and embedded in every PDF.

ReportLab's built-in fonts (Helvetica, Vera) have no Cyrillic and no narrow no-break space, so every
document uses this family only; registering it is idempotent and thread-safe because reports are built on
worker threads.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _
from ccema_desktop.paths import resources_dir

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold; italic falls back to them) under the names FONT/FONT_BOLD."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, filename in _FILES.items():
            path = fonts_dir() / filename
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # missing or damaged file in a broken installation
                raise KnownError(
                    _(
                        "The font file {path} is missing or damaged ({reason}); reinstall CCEMA Desktop."
                    ).format(path=path, reason=exc)
                ) from exc
        # <i> in paragraphs maps to the upright faces: DejaVu Sans Oblique is not shipped.
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        # Charts start every drawing in Times-Roman (rl_config.defaultGraphicsFontName): use ours instead.
        from reportlab.graphics import shapes

        shapes.STATE_DEFAULTS["fontName"] = FONT
        _registered = True


def has_glyphs(text: str) -> bool:
    """True when the shipped font can draw every character of `text` (used by tests and data checks)."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(FONT)
    cmap = font.face.charToGlyph
    return all(ord(ch) in cmap or ch in "\n\r\t" for ch in text)
