"""Nothing overflows: no word outside the margins and no word drawn over another, in Russian and with
translations much longer than English (pdftotext's word boxes stand in for looking at every page)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from ccema_desktop.context import AppContext, open_context
from ccema_desktop.reports import styles
from ccema_desktop.services import certificates, reporting
from ccema_desktop.services import workshops as ws
from tests import pdf
from tests.report_fixtures import Scenario, make_workshop, pseudo_translation


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, Scenario]]:
    folder = tmp_path_factory.mktemp("layout")
    ctx = open_context(folder / "data", daily_backup=False)
    scenario = make_workshop(ctx, folder)
    ws.set_recommendations(ctx.db, scenario.code, "Recommandation très longue " * 40)
    yield ctx, scenario
    ctx.close()


DOCUMENTS: dict[str, tuple[float, Callable[[AppContext, str, Path], object]]] = {
    "sheet": (18 * mm, lambda ctx, code, out: reporting.write_attendance_sheet(ctx.db, code, out, lang="ru")),
    "certificates": (
        13 * mm,
        lambda ctx, code, out: certificates.write_certificates(ctx.db, code, out, lang="ru"),
    ),
    "report": (18 * mm, lambda ctx, code, out: reporting.write_workshop_report(ctx.db, code, out, lang="ru")),
    "hq": (18 * mm, lambda ctx, code, out: reporting.write_hq_infosheet(ctx.db, out, lang="ru")),
}


@pytest.mark.parametrize("long_strings", [False, True], ids=["russian", "long-translations"])
@pytest.mark.parametrize("document", sorted(DOCUMENTS))
def test_no_overflow(
    world: tuple[AppContext, Scenario],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    document: str,
    long_strings: bool,
) -> None:
    ctx, sc = world
    if long_strings:
        original = styles.Kit.for_language.__func__  # type: ignore[attr-defined]

        def for_language(cls: type[styles.Kit], lang: str) -> styles.Kit:
            kit: styles.Kit = original(cls, lang)
            kit.tr = pseudo_translation
            return kit

        monkeypatch.setattr(styles.Kit, "for_language", classmethod(for_language))
    margin, write = DOCUMENTS[document]
    out = tmp_path / f"{document}.pdf"
    write(ctx, sc.code, out)
    assert pdf.layout_problems(out, margin) == []


def test_the_check_sees_overflow(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from ccema_desktop.reports.fonts import FONT, register_fonts

    register_fonts()
    out = tmp_path / "bad.pdf"
    canvas = Canvas(str(out), initialFontName=FONT)
    canvas.setFont(FONT, 10)
    canvas.drawString(100, 700, "Уважительная причина")
    canvas.drawString(150, 700, "Не отмечено")
    canvas.drawString(560, 600, "Присутствует")
    canvas.showPage()
    canvas.save()
    problems = pdf.layout_problems(out, 18 * mm)
    assert any("overlaps" in p for p in problems) and any("outside the margins" in p for p in problems)
