"""A picture of a PDF's first page for the Reports screen's preview.

Qt's PDF module is not in the wheels the app uses, so the page is rasterised with PDFium (pypdfium2, shipped
as a wheel for every platform) into PNG bytes that the GUI loads with `QImage.fromData`. PDFium is not
thread-safe, so renders are serialised with a lock; call this from a worker thread.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from ccema_desktop.errors import KnownError
from ccema_desktop.i18n import _

_lock = threading.Lock()


def first_page_png(pdf: bytes | Path, width: int = 800) -> bytes:
    """PNG bytes of page 1 of `pdf` (bytes or a file), `width` pixels wide."""
    import pypdfium2  # type: ignore[import-untyped]

    source: bytes | str = pdf if isinstance(pdf, bytes) else str(pdf)
    with _lock:
        try:
            document = pypdfium2.PdfDocument(source)
        except (pypdfium2.PdfiumError, OSError) as exc:
            raise KnownError(_("Cannot show a preview of this PDF: {reason}").format(reason=exc)) from exc
        try:
            if len(document) == 0:
                raise KnownError(_("Cannot show a preview of this PDF: it has no pages."))
            page = document[0]
            page_width = page.get_width()
            image = page.render(scale=width / page_width).to_pil()
            page.close()
        finally:
            document.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
